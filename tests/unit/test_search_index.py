from guide.bilingual import search_index


def test_split_puts_each_language_in_its_own_index_without_duplicates():
    combined = {
        "config": {"lang": ["en"], "separator": "[\\s]+"},
        "docs": [
            {"location": "index.html", "title": "Welkom", "text": ""},
            {"location": "stap.html#doel", "title": "Doel", "text": "nl"},
            {"location": "en/index.html", "title": "Welcome", "text": ""},
            {"location": "en/stap.html#doel", "title": "Goal", "text": "en"},
            {"location": "en/stap.html#doel", "title": "Goal", "text": "en"},
            {"location": "entree.html", "title": "Entree", "text": ""},  # Dutch, despite "en"
        ],
    }
    parts = search_index.split(combined)
    assert parts["nl"]["config"] == {"lang": ["nl"], "separator": "[\\s]+"}
    assert parts["en"]["config"]["lang"] == ["en"]
    assert [d["location"] for d in parts["nl"]["docs"]] == ["index.html", "stap.html#doel", "entree.html"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["index.html", "stap.html#doel"]
    assert [d["title"] for d in parts["en"]["docs"]] == ["Welcome", "Goal"]
