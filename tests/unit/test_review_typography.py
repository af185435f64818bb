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


def test_a_straight_quote_that_breaks_the_yaml_is_named_as_the_cause(tmp_path, monkeypatch):
    # libyaml and PyYAML's pure loader word their errors differently: pin the pure one.
    monkeypatch.setattr(frontmatter, "_Loader", yaml.SafeLoader)
    docs = write_docs(tmp_path, {"x.md": '---\ntitle: "Een "rechte" titel"\n---\n# T\n'})
    assert run.review(docs, tmp_path, spell=False) == [
        "docs/x.md:2: front matter: front matter is not valid YAML: expected <block end>, but found '<scalar>'; "
        "a straight quote "
        "inside a \"…\" value ends it early: write curly quotes (‘…’ or “…”) in the text"]
