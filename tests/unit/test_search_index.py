import pytest

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


def test_search_words_add_the_rest_of_each_group_a_section_uses_and_straight_apostrophes(tmp_path):
    words = tmp_path / ".search-words.nl.txt"
    words.write_text("# comment\nfactuur, facturen, te laat betalen\n\nboos, boze\n", encoding="utf-8")
    groups = search_index.read_groups(words, "docs/.search-words.nl.txt")
    index = {"config": {"lang": ["nl"], "fields": {"title": {"boost": 1000.0}}}, "docs": [
        {"location": "a.html", "title": "Geld", "text": "<p>Twee <em>facturen</em> staan open, zo’n maand.</p>"},
        {"location": "b.html", "title": "Factuurbedrag", "text": "<p>Niets hier.</p>"},  # not the whole word
    ]}
    found = search_index.finished(index, groups)
    assert found["config"]["fields"] == {"title": {"boost": 1000.0}, "words": {"boost": 10.0}}
    assert found["docs"][0]["words"] == "factuur facturen te laat betalen zo'n"
    assert "words" not in found["docs"][1]
    assert found["docs"][0]["text"] == index["docs"][0]["text"]  # readers see the text unchanged


@pytest.mark.parametrize(("line", "message"), [
    ("factuur", "docs/x.txt:2: 'factuur' is one word: a group needs two or more, separated by commas"),
    ("factuur,, facturen", "docs/x.txt:2: an empty word (two commas in a row, or one at an end)"),
])
def test_a_bad_search_words_line_is_named_by_file_and_line(tmp_path, line, message):
    words = tmp_path / "x.txt"
    words.write_text(f"# comment\n{line}\n", encoding="utf-8")
    with pytest.raises(search_index.SearchWordsError) as error:
        search_index.read_groups(words, "docs/x.txt")
    assert str(error.value) == message


def test_a_search_words_file_is_read_as_pages_are(tmp_path):
    # Saved by an editor with a byte-order mark and Windows line ends: the same groups.
    words = tmp_path / "x.txt"
    words.write_bytes("\ufefffactuur, rekening\r\nte laat, achterstallig\r\n".encode("utf-8"))
    assert [g.words for g in search_index.read_groups(words, "docs/x.txt")] == [
        ("factuur", "rekening"), ("te laat", "achterstallig")]
    words.write_bytes("# comment\ncaf\xe9, koffie\n".encode("latin-1"))
    with pytest.raises(search_index.SearchWordsError) as error:
        search_index.read_groups(words, "docs/x.txt")
    assert str(error.value).startswith("docs/x.txt:2: the file is not UTF-8 text (byte 0xe9)")


def test_a_long_section_is_split_into_parts_that_open_at_their_own_words():
    paragraphs = [f"<p>Alinea {n} begint hier. {'woord ' * 30}</p>" for n in range(4)]
    index = {"config": {}, "docs": [
        {"location": "p.html", "title": "P", "text": "<p>Kort.</p>"},
        {"location": "p.html#lang", "title": "Lang", "text": " ".join(paragraphs)},
    ]}
    docs = search_index.finished(index, [], length=500)["docs"]
    assert [d["location"] for d in docs] == [
        "p.html", "p.html#lang", "p.html#lang:~:text=Alinea%202%20begint%20hier.",
    ]
    assert docs[1]["text"] == " ".join(paragraphs[:2]) and docs[2]["text"] == " ".join(paragraphs[2:])
    assert [d.get("boost") for d in docs] == [None, None, 0.5]


def test_a_long_list_is_split_between_its_items_and_a_long_text_between_sentences():
    items = "".join(f"<li>Punt {n}: {'x ' * 100}</li>" for n in range(3))
    assert search_index._pieces(f"<ul>{items}</ul>", 300) == [
        f"<ul><li>Punt {n}: {'x ' * 100}</li></ul>" for n in range(3)]
    sentences = "Eerste zin. " * 30 + "Laatste zin."
    assert len(search_index._pieces(sentences, 100)) == 31


@pytest.mark.parametrize(("text", "found"), [
    ("<p>Stuur een follow-up en wacht.</p>", True),  # a phrase with a hyphen
    ("<p>He won’t pay this month.</p>", True),  # with ’ in the page, ' in the words file
    ("<p>Follow the plan; up to you.</p>", False),  # its words, but not the phrase
    ("<p>A followup is one word here.</p>", False),
])
def test_a_phrase_is_found_only_as_itself(tmp_path, text, found):
    words = tmp_path / "w.txt"
    words.write_text("follow-up, nabellen\nwon't pay, late payment\n", encoding="utf-8")
    groups = search_index.read_groups(words, "docs/w.txt")
    entry = search_index.finished({"config": {}, "docs": [{"location": "a.html", "title": "A", "text": text}]},
                                  groups)["docs"][0]
    assert ("nabellen" in entry.get("words", "") or "late payment" in entry.get("words", "")) is found
