from types import SimpleNamespace

import csp_hook
import pytest

from guide.build import csp

# sha256 of the empty string and of the CSP specification's example script, base64.
EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


@pytest.mark.parametrize(
    "html, scripts",
    [
        # (page, the inline scripts a browser would run, in page order)
        ("<script>alert('Hello, world.');</script>", ["alert('Hello, world.');"]),
        ('<script src="a.js"></script><script src="b.js" defer></script>', []),
        # the theme's config is data, not code
        ('<script id="__config" type="application/json">{"base": "."}</script>', []),
        ('<script type="module">x()</script>', ["x()"]),
        ('<script type=" Text/JavaScript ">x()</script>', ["x()"]),
        ('<script type="text/template"><b>x</b></script>', []),
        # script text is raw: no entity decoding, and "<" does not end it
        ("<script>if (a<b && c) d('&amp;')</script>", ["if (a<b && c) d('&amp;')"]),
        ("<script></script>", [""]),
        ("<head><script>one()</script></head><body><p>x</p><script>two()</script></body>",
         ["one()", "two()"]),
        ("<p>no scripts</p>", []),
        # a commented-out script does not run; a ">" inside a quoted attribute does not end the tag
        ("<!-- <script>old()</script> --><script>new()</script>", ["new()"]),
        ("<script data-x='a>b' type=\"module\">x()</script >", ["x()"]),
        ("<SCRIPT>x()</SCRIPT>", ["x()"]),
    ],
)
def test_inline_scripts(html, scripts):
    assert csp.inline_scripts(html) == scripts


@pytest.mark.parametrize(
    "script, expected",
    [
        ("alert('Hello, world.');", HELLO),
        ("", EMPTY),
        # browsers hash after the HTML parser has turned CR LF and CR into LF
        ("a\r\nb", csp.source_hash("a\nb")),
        ("a\rb", csp.source_hash("a\nb")),
    ],
)
def test_source_hash(script, expected):
    assert csp.source_hash(script) == expected


def test_page_hashes_are_sorted_and_unique():
    html = "<script>alert('Hello, world.');</script><script></script><script></script>"
    assert csp.page_hashes(html) == tuple(sorted([EMPTY, HELLO]))


def test_site_hashes_when_every_page_has_the_same_scripts():
    page = "<script>alert('Hello, world.');</script><script src='x.js'></script>"
    hashes = csp.page_hashes(page)
    assert csp.site_hashes({"index.html": hashes, "en/index.html": hashes}) == (HELLO,)


def test_site_hashes_names_the_pages_that_differ():
    usual = "<script>alert('Hello, world.');</script>"
    pages = {"a.html": usual, "b.html": usual, "en/c.html": usual + "<script>base='..'</script>"}
    with pytest.raises(csp.CspError) as error:
        csp.site_hashes({name: csp.page_hashes(html) for name, html in pages.items()})
    message = str(error.value)
    assert message.startswith(f"1 of 3 pages have other inline scripts than the rest ({HELLO})")
    assert "\n  en/c.html: " in message
    assert "a.html" not in message


def test_site_hashes_without_pages():
    with pytest.raises(csp.CspError, match="no HTML pages found"):
        csp.site_hashes({})


def test_policy_text():
    assert csp.policy([EMPTY, HELLO]) == (
        f"default-src 'self'; script-src 'self' {EMPTY} {HELLO}; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


def test_policy_allows_no_inline_code_and_no_other_host():
    text = csp.policy([HELLO])
    assert "unsafe" not in text
    assert "*" not in text and "http" not in text
    names = [part.split()[0] for part in text.split("; ")]
    assert len(names) == len(set(names))


def test_headers_file():
    assert csp.headers_file("default-src 'self'") == (
        "/*\n"
        "  Content-Security-Policy: default-src 'self'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
    )


def write_site(root, pages):
    for name, html in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(html, encoding="utf-8")


def test_write_reads_every_page_of_both_languages(tmp_path):
    page = "<html><head><script>alert('Hello, world.');</script></head></html>"
    write_site(tmp_path, {"index.html": page, "404.html": page, "en/stap.html": page})
    text = csp.write(tmp_path)
    assert text == csp.policy([HELLO])
    for name in ("index.html", "404.html", "en/stap.html"):  # and every page carries it
        assert (tmp_path / name).read_text(encoding="utf-8") == csp.with_meta(page, text)
    assert (tmp_path / "csp.txt").read_text(encoding="utf-8") == text + "\n"
    assert (tmp_path / "_headers").read_text(encoding="utf-8") == csp.headers_file(text)


def test_write_fails_on_a_page_with_its_own_script(tmp_path):
    write_site(tmp_path, {"index.html": "<p>x</p>", "a.html": "<p>x</p>",
                          "en/index.html": "<script>base='..'</script>"})
    with pytest.raises(csp.CspError, match="en/index.html"):
        csp.write(tmp_path)
    assert not (tmp_path / "csp.txt").exists()


def test_a_page_that_carries_its_own_policy_is_read_only_as_far_as_that_policy(tmp_path):
    page = "<html><head><meta charset=utf-8><script>alert('Hello, world.');</script></head><body>"
    placed = csp.with_own_policy(page + "<p>" + "x" * 10_000 + "</p></body></html>")
    write_site(tmp_path, {"index.html": placed, "en/index.html": page + "</body></html>"})
    before = (tmp_path / "index.html").stat().st_mtime_ns
    assert csp.write(tmp_path) == csp.policy([HELLO])
    assert (tmp_path / "index.html").stat().st_mtime_ns == before  # not written again
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == placed
    assert (tmp_path / "en/index.html").read_text(encoding="utf-8") == csp.with_meta(page + "</body></html>",
                                                                                   csp.policy([HELLO]))


def test_a_page_whose_own_policy_differs_from_the_rest_fails(tmp_path):
    usual = "<html><head><meta charset=utf-8><script>alert('Hello, world.');</script></head></html>"
    odd = csp.with_own_policy("<html><head><meta charset=utf-8><script>base='..'</script></head></html>")
    write_site(tmp_path, {"a.html": csp.with_own_policy(usual), "b.html": usual, "en/c.html": odd})
    with pytest.raises(csp.CspError, match=r"1 of 3 pages .*\n  en/c\.html: 'sha256-"):
        csp.write(tmp_path)


def i18n_config(site_dir, building):
    return SimpleNamespace(site_dir=str(site_dir), plugins={"i18n": SimpleNamespace(building=building)})


def test_hook_waits_for_the_last_language(tmp_path):
    write_site(tmp_path, {"index.html": "<head><script>alert('Hello, world.');</script></head>"})
    csp_hook.on_post_build(i18n_config(tmp_path, building=True))
    assert not (tmp_path / "csp.txt").exists()
    csp_hook.on_post_build(i18n_config(tmp_path, building=False))
    assert (tmp_path / "csp.txt").read_text(encoding="utf-8") == csp.policy([HELLO]) + "\n"


def test_hook_turns_a_policy_problem_into_a_failed_build(tmp_path):
    from mkdocs.exceptions import PluginError

    write_site(tmp_path, {"a.html": "<p>x</p>", "b.html": "<p>x</p>", "c.html": "<script>x()</script>"})
    with pytest.raises(PluginError, match=r"^Content-Security-Policy: 1 of 3 pages"):
        csp_hook.on_post_build(i18n_config(tmp_path, building=False))


def test_the_policy_in_a_page_comes_right_after_its_charset_without_header_only_directives():
    text = csp.policy(("'sha256-abc='",))
    page = '<!doctype html><html><head><meta charset="utf-8"><script>x()</script></head></html>'
    placed = csp.with_meta(page, text)
    assert placed.startswith('<!doctype html><html><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
                             "content=\"default-src 'self'; script-src 'self' 'sha256-abc='; ")
    assert "frame-ancestors" not in placed and placed.endswith("<script>x()</script></head></html>")
    assert csp.inline_scripts(placed) == csp.inline_scripts(page)  # the hashes stay right


def test_a_page_without_a_head_cannot_take_the_policy():
    assert csp.with_meta("<html><head></head></html>", "x").startswith('<html><head>\n<meta http-equiv')
    with pytest.raises(csp.CspError, match="no <head>"):
        csp.with_meta("<p>fragment</p>", csp.policy())


def test_the_hook_puts_each_page_s_own_policy_in_as_mkdocs_writes_it(monkeypatch):
    page = "<html><head><meta charset=utf-8><script>alert('Hello, world.');</script></head></html>"
    assert csp_hook.on_post_page(page, page=None, config=None) == csp.with_own_policy(page)
    assert csp_hook.on_post_template(page, template_name="404.html", config=None) == csp.with_own_policy(page)
    assert csp_hook.on_post_template("<urlset/>", template_name="sitemap.xml", config=None) == "<urlset/>"
    monkeypatch.setattr(csp_hook, "_serving", True)  # serve's live-reload script needs pages without it
    assert csp_hook.on_post_page(page, page=None, config=None) == page
