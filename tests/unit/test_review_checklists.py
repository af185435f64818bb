"""Checklist craft: 3 to 9 items, at most 25 words an item, and each item starting the way its
list's kind demands (an instruction for read-do, a statement for do-confirm and self-check); a justified
exception is listed in docs/.review-exceptions.txt, and a stale one is reported."""

import pytest
from review_support import write_docs

from guide.review import run


def page(kind: str, items: list[str], checklist: str = "lijst") -> str:
    rows = "".join(f"      - id: item-{n}\n        text: \"{text}\"\n" for n, text in enumerate(items))
    return (f"---\ntitle: \"T\"\nchecklists:\n  - id: {checklist}\n    title: \"L\"\n    kind: {kind}\n"
            f"    moment: \"Nu\"\n    items:\n{rows}---\n# T\n")


def messages(tmp_path, files):
    return run.review(write_docs(tmp_path, files), tmp_path, spell=False)


def test_a_good_list_passes(tmp_path):
    assert messages(tmp_path, {
        "a.md": page("read-do", ["Schrijf je doel op.", "Zit de agenda vol, stel dan iets voor.", "Vraag het."]),
        "a.en.md": page("do-confirm", ["I have written it.", "After the talk I sent it.", "The client agreed."]),
    }) == []


def test_too_few_items(tmp_path):
    assert messages(tmp_path, {"a.md": page("read-do", ["Schrijf.", "Lees."])}) == [
        "docs/a.md:9: checklists[0].items: checklist: 'lijst' has 2 items; a checklist has 3 to 9 "
        "(split it by moment, or leave out what a reader does anyway)"]


def test_too_many_items(tmp_path):
    assert messages(tmp_path, {"a.en.md": page("read-do", ["Ask."] * 10)}) == [
        "docs/a.en.md:9: checklists[0].items: checklist: 'lijst' has 10 items; a checklist has 3 to 9 "
        "(split it by moment, or leave out what a reader does anyway)"]


def test_too_many_words(tmp_path):
    long = "Schrijf " + "heel " * 24 + "kort."
    assert messages(tmp_path, {"a.md": page("read-do", ["Schrijf.", long, "Lees."])}) == [
        "docs/a.md:12: checklists[0].items[1].text: checklist: 26 words; an item has at most 25 "
        "(move the explanation to its hint)"]


def test_read_do_starts_with_what_to_do(tmp_path):
    assert messages(tmp_path, {
        "a.md": page("read-do", ["Schrijf.", "Je schrijft je doel op.", "Lees."]),
        "a.en.md": page("read-do", ["Write.", "**The** goal is written down.", "Read."]),
    }) == [
        "docs/a.en.md:12: checklists[0].items[1].text: checklist: a read-do item is an instruction and starts "
        "with what to do, not with 'The' (Write, Ask, Check …)",
        "docs/a.md:12: checklists[0].items[1].text: checklist: a read-do item is an instruction and starts "
        "with what to do, not with 'Je' (Schrijf, Vraag, Controleer …)",
    ]


@pytest.mark.parametrize(("kind", "items", "does"), [
    ("do-confirm", ["Ik heb het.", "Stuur een bericht.", "De klant weet het."], "states what is done"),
    ("self-check", ["Ik zucht bij elk bericht.", "Let op de toon.", "De klant betaalt laat."], "states what may be true"),
])
def test_do_confirm_and_self_check_items_are_statements(tmp_path, kind, items, does):
    word = items[1].split()[0]
    assert messages(tmp_path, {"a.md": page(kind, items)}) == [
        f"docs/a.md:12: checklists[0].items[1].text: checklist: a {kind} item {does} and starts "
        f"with who or what it is about, not with '{word}' (Ik heb …, De klant …, Na …); a statement about a noun "
        "is an exception to list"]


def test_an_exception_with_a_reason_excuses_both_languages_and_a_stale_one_is_reported(tmp_path):
    files = {
        "a.md": page("do-confirm", ["Ik heb het.", "Facturen worden betaald.", "De klant weet het."]),
        "a.en.md": page("do-confirm", ["I have it.", "Invoices are paid.", "The client knows."]),
        ".review-exceptions.txt": "# why\n*  lijst/item-1  first-word  a statement about a noun\n"
                                  "*  lijst/item-9  first-word  gone\n"
                                  "docs/a.md  lijst/item-2  first-word\n",
    }
    assert messages(tmp_path, files) == [
        "docs/.review-exceptions.txt:3: exception: 'lijst/item-9' (first-word) matches nothing any more: "
        "remove the line",
        "docs/.review-exceptions.txt:4: exception: write '<file or *>  <what>  <rule>  <why>', two spaces "
        "between the parts, with a reason",
    ]


def test_an_exception_with_an_unknown_rule_is_reported(tmp_path):
    files = {"a.md": page("read-do", ["Schrijf.", "Lees.", "Vraag."]),
             ".review-exceptions.txt": "*  lijst/item-1  first-words  typo in the rule\n"}
    assert messages(tmp_path, files) == [
        "docs/.review-exceptions.txt:1: exception: unknown rule 'first-words' "
        "(one of ellipsis-space, first-word, items, words)"]
