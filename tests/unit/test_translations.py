from guide.content import frontmatter, source, translations

DUTCH = "---\ntitle: Stap\n---\n# Stap\n\nTekst.\n"


def test_hash_ignores_line_endings_and_trailing_spaces():
    assert translations.source_hash(DUTCH) == translations.source_hash(DUTCH.replace("\n", "  \r\n"))
    assert translations.source_hash(DUTCH) != translations.source_hash(DUTCH + "Meer.\n")


def test_status():
    current = translations.source_hash(DUTCH)
    assert translations.status(DUTCH, {"source_hash": current}) == translations.CURRENT
    assert translations.status(DUTCH + "x", {"source_hash": current}) == translations.OUTDATED
    assert translations.status(DUTCH, {}) == translations.UNSTAMPED


def test_report_and_stamp(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stap.md").write_text(DUTCH)
    (docs / "stap.en.md").write_text("---\ntitle: Step\n---\n# Step\n")
    (docs / "los.md").write_text(DUTCH)
    assert [(e.translation.split("/")[-1], e.status) for e in translations.report(docs)] == [
        ("los.en.md", "missing"), ("stap.en.md", "unstamped")]
    translations.main(["--docs", str(docs), "--stamp", str(docs / "stap.en.md")])
    assert (docs / "stap.en.md").read_text().startswith(f'---\ntitle: Step\nsource_hash: "{translations.source_hash(DUTCH)}"\n---')
    out = capsys.readouterr().out
    assert "stap.en.md  up to date" in out
    assert "1 of 2 translations up to date; 1 to do" in out
    (docs / "stap.md").write_text(DUTCH + "Nieuw.\n")
    assert translations.report(docs)[1].status == "outdated"
    translations.stamp(docs / "stap.en.md", docs)  # a second stamp replaces the first
    assert (docs / "stap.en.md").read_text().count("source_hash:") == 1
    assert translations.report(docs)[1].status == "current"


def test_files_with_a_byte_order_mark_are_read_as_the_build_reads_them(tmp_path):
    """The build (MkDocs) drops a UTF-8 byte-order mark; `make translations` must read the same
    text, or a page with one looks outdated forever, and stamping it must work."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stap.md").write_bytes(b"\xef\xbb\xbf" + DUTCH.encode())
    (docs / "stap.en.md").write_bytes(b"\xef\xbb\xbf---\ntitle: Step\n---\n# Step\n")
    translations.stamp(docs / "stap.en.md", docs)
    [entry] = translations.report(docs)
    assert entry.status == translations.CURRENT
    # What the build sees: MkDocs' text of both files, as content_hook.py checks it.
    english = frontmatter.parse(source.decode((docs / "stap.en.md").read_bytes(), "stap.en.md")).data
    assert translations.status(source.decode((docs / "stap.md").read_bytes(), "stap.md"), english) == translations.CURRENT


def test_a_file_that_is_not_utf8_is_named_not_a_traceback(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stap.md").write_bytes(DUTCH.replace("Tekst", "Café").encode("cp1252"))
    (docs / "stap.en.md").write_text("---\ntitle: Step\n---\n# Step\n")
    assert translations.main(["--docs", str(docs)]) == 1
    assert "stap.md:6: the file is not UTF-8 text (byte 0xe9)" in capsys.readouterr().err
