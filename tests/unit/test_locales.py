import posixpath

import pytest

from guide.bilingual import locales


@pytest.mark.parametrize(
    # src_uri,            locale, Dutch source
    ("src_uri", "locale", "source"),
    [
        ("index.md", "nl", "index.md"),
        ("index.en.md", "en", "index.md"),
        ("stap-1.en.md", "en", "stap-1.md"),
        ("deel/pagina.en.md", "en", "deel/pagina.md"),
        ("versie.1.0.md", "nl", "versie.1.0.md"),  # a dot in a name is no locale
        ("assets/images/two-phases.svg", "nl", "assets/images/two-phases.svg"),
    ],
)
def test_locale_and_source(src_uri, locale, source):
    assert locales.locale_of(src_uri) == locale
    assert locales.source_of(src_uri) == source


@pytest.mark.parametrize(
    # source,            locale, URL path
    ("source", "locale", "path"),
    [
        ("index.md", "nl", ""),
        ("index.md", "en", "en/"),
        ("stap-1.md", "nl", "stap-1.html"),
        ("stap-1.md", "en", "en/stap-1.html"),
        ("deel/index.md", "en", "en/deel/"),
        ("deel/pagina.md", "nl", "deel/pagina.html"),
    ],
)
def test_page_path(source, locale, path):
    assert locales.page_path(source, locale) == path


def test_alternates_are_absolute_for_every_locale():
    found = locales.alternates("stap-1.md", "https://example.org/gids")
    assert [(a.locale, a.href) for a in found] == [
        ("nl", "https://example.org/gids/stap-1.html"),
        ("en", "https://example.org/gids/en/stap-1.html"),
    ]


@pytest.mark.parametrize(
    # files on disk,                              expected (present, missing) pairs
    ("files", "missing"),
    [
        (["index.md", "index.en.md"], []),
        (["index.md", "index.en.md", "a.md"], [("a.md", "a.en.md")]),
        (["index.md", "index.en.md", "b.en.md"], [("b.en.md", "b.md")]),
        (["index.md", "index.en.md", "plaatje.png"], []),  # only pages need a translation
    ],
)
def test_missing_translations(files, missing):
    assert locales.missing_translations(files) == missing


@pytest.mark.parametrize(
    # path in the site,         from this folder
    ("path", "start"),
    [("stap-1.html", ""), ("en/stap-1.html", ""), ("stap-1.html", "en"), ("en/stap-1.html", "en"),
     ("", "en"), ("en/", ""), ("en/", "en"), ("deel/a/b.html", "deel/c"), ("assets/x.svg", "en/deel"),
     ("", ""), ("en/deel/", "en/deel")],
)
def test_relative_is_relpath_without_the_file_system(path, start):
    assert locales.relative(path, start) == posixpath.relpath(path or ".", start or ".")
