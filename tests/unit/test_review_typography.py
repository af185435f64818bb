"""Typography as CONTRIBUTING sets it: curly quotes and apostrophes, ‘single’ quotes in Dutch
and “double” in English (the other kind only inside a quotation), one ellipsis character, and
in Dutch a space before an ellipsis that stands for a whole word."""

import pytest
import yaml
from review_support import write_docs

from guide.content import frontmatter
from guide.review import run, typography
from guide.review.prose import Line

NL_QUOTES = "write ‘…’ (and “…” only inside a quotation)"
EN_QUOTES = "write “…” (and ‘…’ only inside a quotation)"

CASES = [
    # locale, the line's prose,               the messages (after "docs/x.md:7: typography: ")
    ("nl", "Hij zei ‘ja’ en ‘Ik wil dat …’.", []),
    ("nl", "‘Ze zei “nooit” tegen me.’", []),
    ("nl", "Ik wil ’s avonds zo’n rust.", []),
    ("en", "“She said ‘never’ to me.”", []),
    ("en", "It’s the clients’ goodwill.", []),
    ("nl", 'Hij zei "ja".', [f"straight quote in 'Hij zei \"ja\".': {NL_QUOTES}"]),
    ("en", "Say 'yes'.", [f"straight quote in 'Say 'yes'.': {EN_QUOTES}"]),
    ("nl", "Ik wil zo'n rust.", ["straight apostrophe in 'Ik wil zo'n rust.': write ’ (zo’n, ’s avonds)"]),
    ("en", "It's fine.", ["straight apostrophe in 'It's fine.': write ’ (it’s, the client’s)"]),
    ("nl", "Zij zei “nee”.", [f"“ opens a quotation: in Dutch {NL_QUOTES}"]),
    ("en", "She said ‘no’.", [f"‘ opens a quotation: in English {EN_QUOTES}"]),
    ("en", "Wait...", ["three dots in 'Wait...': write one ellipsis character (…)"]),
    ("nl", "‘Ik wil dat…’", ["'dat…': an ellipsis that stands for a whole word has a space before it ('dat …'); "
                             "a cut-off word takes none: list it in the exceptions"]),
    ("en", "“I want to…”", []),  # English style: no rule about the space
]


@pytest.mark.parametrize("locale, text, expected", CASES)
def test_line(locale, text, expected):
    line = Line("docs/x.md", 7, text, locale)
    assert [p.message() for p in typography.check_line(line)] == [f"docs/x.md:7: typography: {m}" for m in expected]


PAGE = """---
title: "Een ‘titel’"
description: 'Een "rechte" beschrijving.'
---
# Een ‘titel’

Code mag alles: `"x" 'y' ...` en [link](x.md "titel") en <a href='x'>hier</a>.

!!! tip "Tip"
    Zeg ‘wat nu…’ of ‘rotz…’.
"""


def test_a_page_with_file_line_and_field_and_an_exception(tmp_path):
    docs = write_docs(tmp_path, {"x.md": PAGE})
    messages = [m for m in run.review(docs, tmp_path, spell=False)]
    assert messages == [
        "docs/x.md:3: description: typography: straight quote in 'Een \"rechte\" bes': " + NL_QUOTES,
        "docs/x.md:10: typography: 'nu…': an ellipsis that stands for a whole word has a space before it "
        "('nu …'); a cut-off word takes none: list it in the exceptions",
        "docs/x.md:10: typography: 'rotz…': an ellipsis that stands for a whole word has a space before it "
        "('rotz …'); a cut-off word takes none: list it in the exceptions",
    ]
    (docs / ".review-exceptions.txt").write_text("docs/x.md  rotz…  ellipsis-space  a cut-off word\n", encoding="utf-8")
    assert len(run.review(docs, tmp_path, spell=False)) == 2


def test_pages_are_read_as_the_build_reads_them(tmp_path):
    # A byte-order mark and Windows line ends change nothing; a file that is not UTF-8 gets the
    # build's own message, and the other pages are still reviewed.
    page = PAGE.replace("\n", "\r\n").encode("utf-8")
    docs = write_docs(tmp_path, {})
    (docs / "x.md").write_bytes(b"\xef\xbb\xbf" + page)
    (docs / "y.md").write_bytes(b"---\ntitle: T\n---\n# T\n\nCaf\xe9.\n")
    messages = run.review(docs, tmp_path, spell=False)
    assert [m.split(": typography")[0] for m in messages] == [
        "docs/x.md:3: description", "docs/x.md:10", "docs/x.md:10",
        "docs/y.md:6: the file is not UTF-8 text (byte 0xe9); save it as UTF-8 (in most editors: "
        "File, Save with encoding, UTF-8)"]


def test_a_straight_quote_that_breaks_the_yaml_is_named_as_the_cause(tmp_path, monkeypatch):
    # libyaml and PyYAML's pure loader word their errors differently: pin the pure one.
    monkeypatch.setattr(frontmatter, "_Loader", yaml.SafeLoader)
    docs = write_docs(tmp_path, {"x.md": '---\ntitle: "Een "rechte" titel"\n---\n# T\n'})
    assert run.review(docs, tmp_path, spell=False) == [
        "docs/x.md:2: front matter: front matter is not valid YAML: expected <block end>, but found '<scalar>'; "
        "a straight quote "
        "inside a \"…\" value ends it early: write curly quotes (‘…’ or “…”) in the text"]


CONFIG = """site_name: Samenwerken met klanten
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
site_description: "Een gids voor als het 'schuurt'."
copyright: >-
  Tekst: CC BY-SA 4.0
theme:
  name: material
nav:
  - index.md
  - 'Stap 2: vertrouwen en "gunning"': stap-2.md
  - Meer:
      - Zo'n pagina: meer.md
plugins:
  - search:
      separator: '[\\s\\-]+'
  - i18n:
      languages:
        - locale: en
          name: English
          site_name: "The client's guide"
          nav_translations:
            Meer: More "things"
"""


def test_the_configuration_s_texts_for_readers_are_checked_and_its_yaml_syntax_is_not(tmp_path):
    docs = write_docs(tmp_path, {})
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert run.review(docs, tmp_path, spell=False) == [
        "mkdocs.yml:3: site_description: typography: straight quote in 'oor als het 'schuurt'.': " + NL_QUOTES,
        "mkdocs.yml:10: nav: typography: straight quote in 'rtrouwen en \"gunning\"': " + NL_QUOTES,
        "mkdocs.yml:12: nav: typography: straight apostrophe in 'Zo'n pagina': write ’ (zo’n, ’s avonds)",
        "mkdocs.yml:20: plugins.i18n.languages.site_name: typography: straight apostrophe in "
        "'The client's guide': write ’ (it’s, the client’s)",
        "mkdocs.yml:22: plugins.i18n.languages.nav_translations: typography: straight quote in "
        "'More \"things\"': write “…” (and ‘…’ only inside a quotation)",
    ]


def test_interface_strings_are_checked_in_their_language_with_file_line_and_key(tmp_path):
    docs = write_docs(tmp_path, {})
    strings = tmp_path / "hooks" / "guide" / "bilingual" / "strings.py"
    strings.parent.mkdir(parents=True)
    strings.write_text('''"""A docstring's apostrophe is not an interface string."""
STRINGS: dict = {
    "nl": {"checklist": {"reset": "Alle vinkjes weghalen", "done": 'Zo\\'n lijst is "klaar"'}},
    "en": {"sheet": {"memory": (
        "Your answers stay "
        "while it's open."
    )}},
}
''', encoding="utf-8")
    theme = tmp_path / "overrides" / "partials" / "languages" / "nl.html"
    theme.parent.mkdir(parents=True)
    theme.write_text('{#- The theme\'s strings -#}\n  "search.config.separator": "[\\\\s\\\\-]+",\n'
                     '  "search.result.other": "# pagina\'s gevonden",\n', encoding="utf-8")
    assert run.review(docs, tmp_path, spell=False) == [
        "hooks/guide/bilingual/strings.py:3: checklist.done: typography: straight apostrophe in "
        "'Zo'n lijst is': write ’ (zo’n, ’s avonds)",
        "hooks/guide/bilingual/strings.py:3: checklist.done: typography: straight quote in "
        "''n lijst is \"klaar\"': " + NL_QUOTES,
        "hooks/guide/bilingual/strings.py:6: sheet.memory: typography: straight apostrophe in "
        "'while it's open.': write ’ (it’s, the client’s)",
        "overrides/partials/languages/nl.html:3: search.result.other: typography: straight apostrophe in "
        "'# pagina's gevonden': write ’ (zo’n, ’s avonds)",
    ]
