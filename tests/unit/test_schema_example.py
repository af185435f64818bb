"""The example front matter that CONTRIBUTING.md points to stays valid, and the schema file is
a valid JSON Schema that editors can load."""

from pathlib import Path

from jsonschema import Draft7Validator

from guide.content import checks as model

ROOT = Path(__file__).resolve().parents[2]


def test_schema_is_a_valid_draft7_schema():
    Draft7Validator.check_schema(model.SCHEMA)


def test_example_front_matter_is_valid():
    front = (ROOT / "schema" / "example.yaml").read_text(encoding="utf-8")
    page = f"---\n{front}---\n# Stap 1, bepaal je richting\n\n<!-- checklist: kies-je-richting -->\n\n<!-- sheet: gespreksvoorbereiding -->\n"
    assert [str(p) for p in model.check_page("stap-1-richting.md", page).problems] == []
