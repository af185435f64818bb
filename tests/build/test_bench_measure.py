"""The benchmark's side-by-side builds (bench/measure.py), on small synthetic guides: both builds
are timed, a failing one stops the benchmark with its log, and no build is left running."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import measure  # noqa: E402  (bench/ is a folder of scripts, not a package)
import synth  # noqa: E402

pytestmark = pytest.mark.skipif(measure.side_by_side_cores() is None, reason="side-by-side builds need two cores")


@pytest.fixture(scope="module")
def guides(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    return {"off": synth.make(work / "off", 3, synth.SITE_HOOKS), "on": synth.make(work / "on", 3), "work": work}


def _builds_running(folder: Path) -> list[str]:
    """Command lines of the processes still building something in `folder` (read from /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:  # ended while we looked
            continue
        if "mkdocs" in args and any(str(folder) in arg for arg in args):
            found.append(" ".join(args))
    return found


def test_swapped_pair_times_both_builds_twice_and_stops_the_filler(guides):
    off, on, work = guides["off"], guides["on"], guides["work"]
    pair = measure.swapped_pair((off, off / "site"), (on, on / "site"), off, work)
    for build in pair["a"] + pair["b"]:
        assert build["cpu"] > 0.2 and build["wall"] > 0.2  # a whole build: Python, MkDocs, pages
    ratios = [b["cpu"] / a["cpu"] for a, b in zip(pair["a"], pair["b"])]
    assert pair["added"] == pytest.approx((ratios[0] * ratios[1]) ** 0.5 - 1)
    assert (on / "site" / "en" / "p0002.html").exists()  # the hooks-on guide was really built
    assert _builds_running(work) == []  # the filler build was stopped


def test_a_failing_build_stops_the_benchmark_with_its_log(guides, tmp_path):
    off, work = guides["off"], guides["work"]
    broken = synth.make(tmp_path / "broken", 3, synth.SITE_HOOKS)
    (broken / "docs" / "p0002.en.md").unlink()  # an untranslated page fails the build
    with pytest.raises(RuntimeError, match="(?s)build of .*broken failed:.*p0002"):
        measure.side_by_side([(off, off / "site"), (broken, broken / "site")], off, work)
    assert _builds_running(work) == []  # the other build was stopped
