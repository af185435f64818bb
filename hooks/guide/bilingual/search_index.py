"""One search index per language.

Material's search loads `search/search_index.json` below the page's base. mkdocs-static-i18n
writes one index holding every language, so a Dutch reader would find English pages and the
other way round. This splits that index: the Dutch part stays at the root, the English part goes
to `en/search/search_index.json` with locations relative to `en/` (the English pages point the
theme's base there, see overrides/main.html).
"""

from __future__ import annotations

from guide.bilingual.locales import CODES, DEFAULT


def split(index: dict) -> dict[str, dict]:
    """Split a combined index into {locale: index}, dropping entries that occur twice."""
    parts: dict[str, dict] = {}
    for code in CODES:
        config = dict(index.get("config", {}), lang=[code])
        parts[code] = {"config": config, "docs": []}
    seen: set[tuple[str, str]] = set()
    for entry in index.get("docs", []):
        code, location = _locale_and_location(entry["location"])
        if (code, location) in seen:
            continue
        seen.add((code, location))
        parts[code]["docs"].append(dict(entry, location=location))
    return parts


def _locale_and_location(location: str) -> tuple[str, str]:
    for code in CODES:
        if code != DEFAULT.code and location.startswith(f"{code}/"):
            return code, location[len(code) + 1 :]
    return DEFAULT.code, location
