"""Our scripts and styles are served minified; the theme's files and our sources are untouched."""

from pathlib import Path

from guide.build import minify

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_minify_drops_comments_and_white_space_only():
    js = "/* why */\nfunction add(a, b) {\n  // sum\n  return a + b;\n}\n"
    assert minify.minify(js, ".js") == "function add(a,b){return a+b;}"
    css = "/* why */\n.checklist  {\n  color: #1d5a56;\n}\n"
    assert minify.minify(css, ".css") == ".checklist{color:#1d5a56}"


def test_minify_site_rewrites_only_our_files(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for root in (docs, site):
        (root / "assets/javascripts").mkdir(parents=True)
        (root / "assets/stylesheets").mkdir(parents=True)
    (docs / "assets/javascripts/ours.js").write_text("// note\nvar a = 1;\n")
    (site / "assets/javascripts/ours.js").write_text("// note\nvar a = 1;\n")
    (site / "assets/javascripts/bundle.min.js").write_text("/* theme */ var b = 2;")
    sizes = minify.minify_site(docs, site)
    assert sizes == {"assets/javascripts/ours.js": (19, 8)}
    assert (site / "assets/javascripts/ours.js").read_text() == "var a=1;"
    assert (site / "assets/javascripts/bundle.min.js").read_text() == "/* theme */ var b = 2;"
    assert (docs / "assets/javascripts/ours.js").read_text() == "// note\nvar a = 1;\n"


def test_every_one_of_our_files_shrinks():
    for path in minify.ours(DOCS):
        source = (DOCS / path).read_text(encoding="utf-8")
        assert len(minify.minify(source, Path(path).suffix)) < 0.8 * len(source), path
