"""Readers keep their ticks and answers on their own device, under the ids in the pages' front
matter: `checklist:<id>` with its item ids, and the sheet's id with its section ids. An id that
disappears from the docs strands what readers saved under it. This test holds every id that was
published before the December 2026 text edit (issue 15) and fails if one is gone from either
language, unless REPLACED records where its data now belongs and why.

Add new ids to ADDED when they ship; never remove one from either list."""

import re
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"

# Taken from the front matter of every page on 2026-12-01, before issue 15 changed anything.
# "page" is the Dutch page; the English page must declare the same ids.
PUBLISHED = {
    "als-het-schuurt.md": {
        "checklist:signalen-herkennen": [
            "extra-werk", "inschikken", "betaling", "toon", "eigen-gevoel", "waardering", "vermijden",
        ],
    },
    "stap-1-richting.md": {
        "checklist:kies-je-richting": [
            "doel-in-een-zin", "klant-en-jezelf", "eigen-aandeel", "positief", "concreet", "hardop",
            "naar-gespreksblad",
        ],
    },
    "stap-2-vertrouwen.md": {
        "checklist:gesprek-aanvragen": [
            "doel-bij-de-hand", "positieve-aanleiding", "geen-zwaar-gesprek", "juiste-persoon",
            "plek-van-de-klant", "ruim-en-rustig", "bevestigen",
        ],
    },
    "stap-3-gesprek.md": {
        "checklist:fase-1-vertrouwen": [
            "optimistisch-geopend", "open-vragen", "behoeften-gehoord", "gedeelde-belangen-bevestigd",
            "nog-geen-wensen", "signalen-gezien",
        ],
        "checklist:fase-2-en-opvolging": [
            "wens-gekoppeld", "reactie-gevraagd", "afspraken-samengevat", "volgende-stap-vast",
            "bericht-verstuurd", "contactmoment-gepland",
        ],
    },
    "gespreksvoorbereiding.md": {
        "sheet:gespreksvoorbereiding": [
            "doel", "veiligstellen", "behoeften-klant", "gedeelde-belangen", "opening", "vragen",
            "signalen", "wensen", "afspraken", "terugblik",
        ],
    },
}

# Ids added by issue 15 (December 2026 text edit); readers' data hangs on them from now on.
ADDED = {
    "samenwerken.md": {
        "checklist:verwachtingen-bij-de-start": [
            "succes-voor-de-klant", "reactietijd-en-kanaal", "wie-beslist", "meerwerk-vooraf", "betaling",
            "eigen-werktijden", "terugkijkmoment", "afspraken-op-de-mail",
        ],
    },
    "als-het-schuurt.md": {"checklist:signalen-herkennen": ["deadlines", "beslissingen"]},
    "stap-2-vertrouwen.md": {"checklist:gesprek-aanvragen": ["eerlijk-over-de-samenwerking"]},
    "stap-3-gesprek.md": {
        "checklist:vlak-voor-het-gesprek": [
            "doel-herlezen", "openingszin", "drie-vragen", "belangrijkste-wens", "plan-b", "telefoon-weg",
            "blad-in-de-tas",
        ],
        "checklist:fase-2-en-opvolging": ["bedankt"],
        "checklist:na-het-gesprek": [
            "bericht-verstuurd", "zakelijke-afspraken", "offerte-bijgewerkt", "contactmoment-gepland",
            "optimistisch-geopend", "open-vragen",
        ],
    },
    "als-het-anders-loopt.md": {
        "checklist:klant-wil-niet-afspreken": [
            "opnieuw-met-data", "korter-aanbieden", "naar-de-klant-toe", "video-als-brug", "reden-vragen",
            "termijn-voor-jezelf",
        ],
        "checklist:als-het-oude-patroon-terugkomt": [
            "noteer-wanneer", "afspraken-herlezen", "niet-wachten", "als-vraag-brengen", "samen-zoeken",
            "opnieuw-vastleggen",
        ],
        "checklist:netjes-afscheid-nemen": [
            "contract-lezen", "eerst-persoonlijk", "korte-reden", "overdracht", "laatste-factuur", "referentie",
            "bedanken",
        ],
    },
}

# An id that moved or went: "kind:list/item" (or "kind:list") -> ("kind:list/item", why).
# The replacement must exist in the docs; the reason says what a reader's old data means now.
REPLACED: dict[str, tuple[str, str]] = {
    # Issue 15: the phase-1 list is at most four points, to hold in your head mid-conversation.
    # These two look back on the conversation, so they moved to the list for afterwards.
    "checklist:fase-1-vertrouwen/optimistisch-geopend": (
        "checklist:na-het-gesprek/optimistisch-geopend",
        "same statement (opened with optimism), now checked after the conversation"),
    "checklist:fase-1-vertrouwen/open-vragen": (
        "checklist:na-het-gesprek/open-vragen",
        "same statement (mostly open questions), now checked after the conversation"),
    # Issue 15: the phase-2 list was split by moment; fase-2-en-opvolging kept the part before
    # you stand up, the follow-up within one working day is its own list.
    "checklist:fase-2-en-opvolging/bericht-verstuurd": (
        "checklist:na-het-gesprek/bericht-verstuurd",
        "same action (follow-up message sent), in the list for the next working day"),
    "checklist:fase-2-en-opvolging/contactmoment-gepland": (
        "checklist:na-het-gesprek/contactmoment-gepland",
        "same action (check-in in the diary), in the list for the next working day"),
}


def front_matter(page: str) -> dict:
    text = (DOCS / page).read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
    assert match, f"{page} has no front matter"
    return yaml.safe_load(match.group(1)) or {}


def declared(page: str) -> set[str]:
    """Every reader-data key a page declares: 'checklist:x', 'checklist:x/item', 'sheet:y', 'sheet:y/section'."""
    fm = front_matter(page)
    keys = set()
    for checklist in fm.get("checklists") or []:
        keys.add(f"checklist:{checklist['id']}")
        keys.update(f"checklist:{checklist['id']}/{item['id']}" for item in checklist["items"])
    if sheet := fm.get("sheet"):
        keys.add(f"sheet:{sheet['id']}")
        sections = [s for g in sheet["groups"] for s in g["sections"]] if "groups" in sheet else sheet["sections"]
        keys.update(f"sheet:{sheet['id']}/{section['id']}" for section in sections)
    return keys


def site_keys(lang: str) -> set[str]:
    pages = [p for p in DOCS.glob("*.md") if (p.name.endswith(".en.md")) == (lang == "en")]
    return set().union(*(declared(p.name) for p in pages))


def published_keys(*, before_issue_15_only: bool = False) -> list[str]:
    keys = []
    for lists in [*PUBLISHED.values(), *([] if before_issue_15_only else ADDED.values())]:
        for name, children in lists.items():
            keys.append(name)
            keys.extend(f"{name}/{child}" for child in children)
    return keys


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_published_id_disappears_without_a_recorded_replacement(lang):
    present = site_keys(lang)
    lost = []
    for key in published_keys():
        if key in present:
            continue
        new, reason = REPLACED.get(key, (None, None))
        if new is None or not reason:
            lost.append(f"{key}: gone, and no replacement recorded")
        elif new not in present:
            lost.append(f"{key}: its replacement {new} is gone too")
    assert lost == [], "\n".join(lost)


def test_replacements_are_for_published_ids_that_are_really_gone():
    published = set(published_keys(before_issue_15_only=True))
    present = site_keys("nl")
    assert [k for k in REPLACED if k not in published] == []
    assert [k for k in REPLACED if k in present] == [], "a recorded replacement for an id that is still there"


def test_the_test_reads_the_docs():
    # A guard against a test that passes because it read nothing.
    assert "checklist:kies-je-richting/positief" in site_keys("nl")
    assert "sheet:gespreksvoorbereiding/doel" in site_keys("en")


def words(page: str) -> int:
    from test_guide_text import words as count  # the same count as the guide's other text tests
    return count(page)


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md") if not p.name.endswith(".en.md")))
def test_each_pair_is_within_ten_percent_in_length(page):
    nl, en = words(page), words(page.replace(".md", ".en.md"))
    assert abs(nl - en) / max(nl, en) <= 0.10, (page, nl, en)
