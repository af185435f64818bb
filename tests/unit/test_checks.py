"""Every rule of the content model, each with a failing example and its exact message."""

import textwrap

import fastjsonschema
import pytest

from guide.content import checks, frontmatter

VALID = """\
---
title: Stap 1
description: Kies je richting.
checklists:
  - id: richting
    title: Je richting kiezen
    kind: read-do
    moment: Voor het gesprek
    items:
      - id: doel
        text: Schrijf je doel op in **één zin**.
        hint: Begin met "Ik wil".
      - id: positief
        text: Formuleer het positief.
      - id: delen
        text: Lees het hardop voor.
---
# Stap 1

<!-- checklist: richting -->
"""


def problems(text: str, src_uri: str = "stap-1.md") -> list[str]:
    return [str(p) for p in checks.check_page(src_uri, textwrap.dedent(text)).problems]


def edit(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def test_valid_page_has_no_problems():
    assert problems(VALID) == []


def test_page_without_front_matter_needs_a_title():
    assert problems("# Kop\n") == ["docs/stap-1.md:1: front matter: missing required key 'title'"]


QUOTE_HINT = ("; if a text here holds ': ' or ' #', or starts with * [ ` { & ! | > % @ or a quote, put it in double "
              "quotes (\"…\"), with “ ” or \\\" for quotes inside it")
QUOTED = ': put the text in double quotes ("…")'

# the change to the valid page,                      the exact message(s)
RULES = [
        # malformed YAML is reported with its line, where MkDocs would silently use {}
        ("kind: read-do", "kind: [read-do", ["docs/stap-1.md:8: front matter: front matter is not valid YAML: did not find expected ',' or ']'" + QUOTE_HINT]),
        ("title: Stap 1\n", "title: Stap 1\ntitel: x\n", ["docs/stap-1.md:3: titel: unknown key 'titel' (did you mean 'title'?)"]),
        ("    moment: Voor het gesprek\n", "    moment: Voor het gesprek\n    momnet: x\n",
         ["docs/stap-1.md:9: checklists[0].momnet: unknown key 'momnet' (did you mean 'moment'?)"]),
        ("    kind: read-do\n", "", ["docs/stap-1.md:5: checklists[0]: missing required key 'kind'"]),
        ("kind: read-do", "kind: readdo", ["docs/stap-1.md:7: checklists[0].kind: 'readdo' is not one of 'read-do', 'do-confirm', 'self-check' (did you mean 'read-do'?)"]),
        ("kind: read-do\n", "kind: self-check\n    next: \"[Verder](stap-2.md)\"\n",
         ["docs/stap-1.md:8: checklists[0].next: a self-check is never finished, so its next step would never show: "
          "say in the page, below the list, what the count means"]),
        ("- id: positief", "- id: Positief_2", ["docs/stap-1.md:13: checklists[0].items[1].id: 'Positief_2' is not a valid id: use lowercase letters a-z, digits and single hyphens, like 'mijn-doel'"]),
        ("- id: positief", "- id: doel", ["docs/stap-1.md:13: checklists[0].items[1].id: duplicate id 'doel' (first used on line 10)"]),
        ("title: Stap 1", "title: [Stap, 1]", ["docs/stap-1.md:2: title: must be text, not a list"]),
        # unquoted, some texts are something else to YAML: the message says to quote them
        ("moment: Voor het gesprek", "moment: 15:30", ["docs/stap-1.md:8: checklists[0].moment: must be text, not a number" + QUOTED]),
        ("moment: Voor het gesprek", "moment: no", ["docs/stap-1.md:8: checklists[0].moment: must be text, not true/false" + QUOTED]),
        ("moment: Voor het gesprek", "moment: 2026-03-01", ["docs/stap-1.md:8: checklists[0].moment: must be text, not a date" + QUOTED]),
        ("text: Formuleer het positief.", "text: *Eerst* dit.", ["docs/stap-1.md:14: front matter: front matter is not valid YAML: did not find expected alphabetic or numeric character" + QUOTE_HINT]),
        ('hint: Begin met "Ik wil".', "hint: Let op: dus zo.", ["docs/stap-1.md:12: front matter: front matter is not valid YAML: mapping values are not allowed in this context" + QUOTE_HINT]),
        ("text: Formuleer het positief.", 'text: "Zeg "ja" eerst."', ["docs/stap-1.md:14: front matter: front matter is not valid YAML: did not find expected key; a straight quote inside a \"…\" value ends it early: write curly quotes (‘…’ or “…”) in the text"]),
        # ` #` starts a YAML comment: the rest of an unquoted text would vanish without a word
        ('hint: Begin met "Ik wil".', "hint: Kies #1 uit je lijst.", ["docs/stap-1.md:12: checklists[0].items[0].hint: YAML reads everything from ' #' on as a comment, so readers would see only 'Kies': put the whole text in double quotes (\"…\"), or give a comment a line of its own"]),
        ("title: Stap 1", "title: ''", ["docs/stap-1.md:2: title: must not be empty"]),
        ("description: Kies je richting.", "description: " + "x" * 161, ["docs/stap-1.md:3: description: is 161 characters long; at most 160 are allowed"]),
        ("text: Formuleer het positief.", "text: Formuleer <b>het</b> positief.",
         ["docs/stap-1.md:14: checklists[0].items[1].text: raw HTML is not allowed; use Markdown (**bold**, *italics*, [links](page.md))"]),
        ("text: Formuleer het positief.", "text: '[klik](javascript:alert(1))'",
         ["docs/stap-1.md:14: checklists[0].items[1].text: link to 'javascript:alert(1)' is not allowed: only http, https, mailto and pages"]),
        # ids are matched whole: Python's and JSON Schema's `$` also match before a final line break
        ("- id: positief", '- id: "positief\\n"', ["docs/stap-1.md:13: checklists[0].items[1].id: 'positief\\n' is not a valid id: use lowercase letters a-z, digits and single hyphens, like 'mijn-doel'"]),
        ("  - id: richting", '  - id: "richting\\n"', ["docs/stap-1.md:5: checklists[0].id: 'richting\\n' is not a valid id: use lowercase letters a-z, digits and single hyphens, like 'mijn-doel'"]),
        # a key twice in one mapping: YAML would silently keep the last
        ("    kind: read-do\n", "    kind: read-do\n    kind: do-confirm\n", ["docs/stap-1.md:8: front matter: key 'kind' appears twice in one mapping (first on line 7): keep one"]),
        # aliases are refused: nine nested levels of them take minutes and gigabytes
        ("title: Stap 1\n", "title: &t Stap 1\nx: *t\n", ["docs/stap-1.md:3: front matter: front matter uses a YAML alias (*name): write the value out instead"]),
        # fields the theme shows as HTML stay plain text
        ("title: Stap 1", "title: Stap <b>1</b>", ["docs/stap-1.md:2: title: may not contain < >: the theme shows this field as HTML, so write it as plain text",
                                                   "docs/stap-1.md:18: body: the heading '# Stap 1' differs from the title 'Stap <b>1</b>' (line 2): the navigation shows the one and the page the other; make them the same"]),
        ("description: Kies je richting.", 'description: Zeg \'"ja"\'.', ["docs/stap-1.md:3: description: may not contain \": the theme shows this field as HTML, so write it as plain text (for quotes use “ ” or ‘ ’)"]),
        # every text has a maximum: a 5 MB prompt once took the build past 400 s
        ("text: Formuleer het positief.", "text: " + "x" * 401, ["docs/stap-1.md:14: checklists[0].items[1].text: is 401 characters long; at most 400 are allowed"]),
        ("title: Je richting kiezen", "title: " + "x" * 81, ["docs/stap-1.md:6: checklists[0].title: is 81 characters long; at most 80 are allowed"]),
        ("description: Kies je richting.", "source_hash: 0123456789ab", ["docs/stap-1.md:3: source_hash: only translations carry source_hash; remove it from the Dutch page"]),
]


@pytest.mark.parametrize(("old", "new", "expected"), RULES)
def test_rule(old, new, expected):
    assert problems(edit(old, new)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("# Stap een\n", ["docs/stap-1.md:18: body: the heading '# Stap een' differs from the title 'Stap 1' (line 2): "
                      "the navigation shows the one and the page the other; make them the same"]),
    ("# Stap 1\n\n## Kop\n\n# Nog een\n", ["docs/stap-1.md:22: body: '# Nog een' is not the page's first heading: a page "
                                           "has one '# ' heading, its title, at the top; make this one '## Nog een'"]),
    ("# Stap 1 {#stap}\n\n## Kop\n\n#### Diep\n", ["docs/stap-1.md:22: body: '#### Diep' follows a level-2 heading: make "
                                                 "it '### Diep' (headings go down one level at a time)"]),
    ("### Meteen diep\n", ["docs/stap-1.md:18: body: '### Meteen diep' follows a level-1 heading: make it '## Meteen diep' "
                           "(headings go down one level at a time)"]),
    # the theme shows the title when the body has no '# ' heading; code is not a heading
    ("## Kop\n\n```\n# een commentaar\n#### ook\n```\n", []),
    ("# Stap 1\n\n```bash\n# een commentaar\n```\n\n~~~\n```\n# nog in code\n~~~\n", []),
])
def test_headings_follow_the_title_one_level_at_a_time(body, expected):
    head = VALID.split("---\n# Stap 1\n")[0]
    assert problems(f"{head}---\n{body}\n<!-- checklist: richting -->\n") == expected


def test_a_comment_after_a_quoted_text_or_a_setting_is_only_a_comment():
    page = edit('hint: Begin met "Ik wil".', 'hint: "Kies #1 uit je lijst."  # quoted: the text is whole')
    assert problems(page.replace("kind: read-do", "kind: read-do  # or do-confirm")) == []


def test_all_problems_of_a_page_are_reported_together_in_line_order():
    text = edit("title: Stap 1\n", "title: Stap 1\ntitel: x\n").replace("kind: read-do", "kind: nope")
    assert problems(text) == [
        "docs/stap-1.md:3: titel: unknown key 'titel' (did you mean 'title'?)",
        "docs/stap-1.md:8: checklists[0].kind: 'nope' is not one of 'read-do', 'do-confirm', 'self-check'",
    ]


@pytest.mark.parametrize("count", [2, 10])
def test_checklist_length_outside_3_to_9_is_a_warning(count):
    items = "".join(f"      - id: punt-{n}\n        text: Doe {n}.\n" for n in range(count))
    head, _, rest = VALID.partition("    items:\n")
    text = head + "    items:\n" + items + "---" + rest.split("---", 1)[1]
    found = checks.check_page("stap-1.md", text).problems
    assert [(p.severity, str(p)) for p in found] == [
        ("warning", f"docs/stap-1.md:10: checklists[0].items: has {count} items; a usable checklist has 3 to 9")
    ]


def test_unclosed_front_matter():
    assert problems("---\ntitle: x\n# Kop\n") == ["docs/stap-1.md:1: front matter: front matter has no closing '---' line"]


def test_an_empty_front_matter_says_so():
    assert problems("---\n---\n# Kop\n") == [
        "docs/stap-1.md:2: front matter: the front matter is empty: a page needs at least its title (title: …) "
        "between the two '---'"]


def test_a_front_matter_that_runs_into_the_page_points_at_the_missing_line():
    # Without its closing '---' the front matter ends at the page's first '---' rule, further down.
    text = "---\ntitle: Over\n\n# Over\n\nTekst.\n\n## Kop\n\n---\n\nMeer.\n"
    [found] = problems(text)
    assert found.startswith("docs/stap-1.md:") and found.endswith(
        "; line 4 is the page's heading: the '---' that closes the front matter is missing above it")


def test_a_decimal_where_a_whole_number_belongs_is_named_in_words():
    text = VALID.replace("        hint: Begin met \"Ik wil\".\n", "")
    sheet = ("sheet:\n  id: blad\n  title: Blad\n  sections:\n    - id: doel\n      heading: H\n"
             "      prompt: P\n      lines: 2.5\n")
    found = problems(text.replace("checklists:\n", sheet + "checklists:\n", 1).replace(
        "<!-- checklist: richting -->", "<!-- checklist: richting -->\n\n<!-- sheet: blad -->"))
    assert found == ["docs/stap-1.md:11: sheet.sections[0].lines: must be a whole number, not a decimal number"]


def test_sheet_rules():
    text = """\
    ---
    title: Voorbereiding
    sheet:
      id: gesprek
      title: Gespreksvoorbereiding
      sections:
        - id: doel
          heading: Mijn doel
          prompt: Wat wil je?
          lines: 9
        - id: doel
          heading: Nog een
          prompt: x
          lines: 2
    ---
    # Voorbereiding

    <!-- sheet: gesprek -->
    """
    assert problems(text) == [
        "docs/stap-1.md:10: sheet.sections[0].lines: is 9; it must be at most 8",
    ]
    assert problems(text.replace("lines: 9", "lines: 3")) == [
        "docs/stap-1.md:11: sheet.sections[1].id: duplicate id 'doel' (first used on line 7)",
    ]


GROUPED = """\
---
title: Voorbereiding
sheet:
  id: gesprek
  title: Gespreksvoorbereiding
  groups:
    - id: vooraf
      title: Vooraf
      sections:
        - id: doel
          heading: Mijn doel
          prompt: Wat wil je?
          lines: 3
          main: true
    - id: na-het-gesprek
      title: Na het gesprek
      after: true
      sections:
        - id: terugblik
          heading: Terugblik
          prompt: Wat ging goed?
          lines: 2
---
# Voorbereiding

<!-- sheet: gesprek -->
"""


@pytest.mark.parametrize(
    # what changes in GROUPED,                         every message it gives
    ("old", "new", "expected"),
    [
        ("", "", []),
        # group and section ids share the page's element ids <sheet>-<id>
        ("- id: terugblik", "- id: vooraf",
         ["docs/stap-1.md:19: sheet.groups[1].sections[0].id: duplicate id 'vooraf' (first used on line 7)"]),
        ("- id: na-het-gesprek", "- id: doel",
         ["docs/stap-1.md:15: sheet.groups[1].id: duplicate id 'doel' (first used on line 10)"]),
        ("- id: na-het-gesprek", "- id: Na_het",
         ["docs/stap-1.md:15: sheet.groups[1].id: 'Na_het' is not a valid id: use lowercase letters a-z, digits "
          "and single hyphens, like 'mijn-doel'"]),
        ("  groups:\n", "  sections: []\n  groups:\n",
         ["docs/stap-1.md:6: sheet.sections: must not be empty"]),
        ("      after: true", "      after: ja",
         ["docs/stap-1.md:17: sheet.groups[1].after: must be true or false, not text"]),
        ("      title: Vooraf\n", "",
         ["docs/stap-1.md:7: sheet.groups[0]: missing required key 'title'"]),
    ],
)
def test_grouped_sheet_rules(old, new, expected):
    assert problems(GROUPED.replace(old, new, 1)) == expected


def test_a_sheet_has_sections_or_groups():
    both = GROUPED.replace("  groups:\n", "  sections:\n    - id: los\n      heading: Los\n      prompt: P\n"
                                          "      lines: 1\n  groups:\n")
    assert problems(both) == ["docs/stap-1.md:4: sheet: needs either 'sections' or 'groups' (groups that each hold "
                              "their sections), not both"]
    neither = "---\ntitle: V\nsheet:\n  id: gesprek\n  title: G\n---\n# V\n\n<!-- sheet: gesprek -->\n"
    assert problems(neither) == ["docs/stap-1.md:4: sheet: needs either 'sections' or 'groups' (groups that each "
                                 "hold their sections), not neither"]


SCHEMA_CASES = [(old, new) for old, new, expected in RULES if "front matter:" not in expected[0] and "\\n" not in new] + [
    ("title: Stap 1", "title: 12"),
    ("        text: Lees het hardop voor.\n", ""),
    ("    items:\n", "    items: []\n    old-items:\n"),
    ("kind: read-do", "kind: read-do\n    extra: true"),
]


@pytest.mark.parametrize(("old", "new"), SCHEMA_CASES)
def test_the_fast_schema_gate_and_jsonschema_agree(old, new):
    """checks.py lets fastjsonschema pass valid pages without asking jsonschema: the two must
    give the same verdict, or an error would slip through unexplained."""
    front = frontmatter.parse(edit(old, new))
    try:
        checks._passes(front.data)
        fast = True
    except fastjsonschema.JsonSchemaException:
        fast = False
    assert fast == checks.explaining_validator().is_valid(front.data)
