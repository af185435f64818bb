"""The benchmark's own measuring, on a small synthetic guide: a timed build sees every hook and
the PDF renderer, and its hooks' share is what the benchmark judges."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import measure  # noqa: E402  (bench/ is a folder of scripts, not a package)
import run  # noqa: E402
import synth  # noqa: E402


def test_a_timed_build_times_every_hook_and_the_pdfs_apart(tmp_path):
    project = synth.make(tmp_path / "guide", 10)  # page 10 has a sheet: two PDFs
    build = measure.timed_build(project, tmp_path / "site")
    assert sorted(build["hooks"]) == sorted(f"hooks/{p.name}" for p in (ROOT / "hooks").glob("*_hook.py"))
    assert 0 < build["pdf"] < build["hooks"]["hooks/pdf_hook.py"]  # rendering, inside the PDF hook's event
    assert 0 < sum(build["hooks"].values()) < build["total"] and build["wall"] > 0
    assert 0 < run.hooks_share(build) < 1
    assert (tmp_path / "site" / "en" / "downloads" / "sheet-10.pdf").exists()  # really built
