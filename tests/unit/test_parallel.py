"""Jobs run in worker processes when there are several, in this process otherwise, and give the
same results and errors either way, also for a module that is no longer on the import path (as
the hooks' own package after MkDocs has loaded them)."""

from __future__ import annotations

import importlib
import os
import sys

import pytest

from guide import parallel

WORK = '''
import os


class TooLong(ValueError):
    pass


def where(n):
    return n * n, os.getpid()


def refuse(n):
    raise TooLong(f"job {n} does not fit")


def die_in_a_worker(parent):
    if os.getpid() != parent:
        os._exit(1)  # as a worker killed for running out of memory
    return "made in the build's process"
'''


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A package the workers can only import through `parallel` finding its folder."""
    package = tmp_path / "made_elsewhere"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "work.py").write_text(WORK)
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("made_elsewhere.work")
    sys.path.remove(str(tmp_path))  # what MkDocs does once the hooks are loaded
    # One spare core, as on the 2-core machines CI runs on (and a worker can start on any machine).
    monkeypatch.setattr(parallel, "spare_cores", lambda: 1)
    yield module
    for name in ("made_elsewhere.work", "made_elsewhere"):
        sys.modules.pop(name, None)


def test_several_jobs_run_in_a_worker_and_give_their_results(work):
    jobs = parallel.Jobs(work.where, {f"job-{n}": (n,) for n in range(4)})
    assert jobs.in_workers == 4
    results = {n: jobs.result(f"job-{n}") for n in range(4)}
    assert {n: square for n, (square, _) in results.items()} == {0: 0, 1: 1, 2: 4, 3: 9}
    assert {pid for _, pid in results.values()} != {os.getpid()}


def test_a_single_job_runs_in_this_process_when_asked_for(work):
    jobs = parallel.Jobs(work.where, {"only": (3,)})
    assert jobs.in_workers == 0
    assert jobs.result("only") == (9, os.getpid())


def test_without_a_spare_core_every_job_runs_in_this_process(work, monkeypatch):
    monkeypatch.setattr(parallel, "spare_cores", lambda: 0)
    jobs = parallel.Jobs(work.where, {n: (n,) for n in range(3)})
    assert jobs.in_workers == 0
    assert [jobs.result(n) for n in range(3)] == [(0, os.getpid()), (1, os.getpid()), (4, os.getpid())]


def test_an_error_in_a_worker_is_raised_where_the_result_is_asked_for(work):
    jobs = parallel.Jobs(work.refuse, {"a": (1,), "b": (2,)})
    assert jobs.in_workers == 2
    with pytest.raises(work.TooLong, match="job 2 does not fit"):
        jobs.result("b")


def test_a_job_whose_worker_died_is_done_in_this_process(work):
    jobs = parallel.Jobs(work.die_in_a_worker, {"a": (os.getpid(),), "b": (os.getpid(),)})
    assert jobs.in_workers == 2
    assert jobs.result("a") == "made in the build's process"
    assert jobs.result("b") == "made in the build's process"


def test_cancelled_jobs_are_done_here_if_still_asked_for(work):
    jobs = parallel.Jobs(work.where, {n: (n,) for n in range(50)})
    jobs.cancel()
    assert jobs.in_workers == 0
    assert jobs.result(7) == (49, os.getpid())
