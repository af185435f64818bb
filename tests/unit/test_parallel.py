"""Jobs run in worker processes when there are several, in this process otherwise, and give the
same results and errors either way, also for a module that is no longer on the import path (as
the hooks' own package after MkDocs has loaded them)."""

from __future__ import annotations

import importlib
import multiprocessing
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


def test_fewer_jobs_than_pay_for_a_worker_run_in_this_process_when_asked_for(work):
    jobs = parallel.Jobs(work.where, {n: (n,) for n in range(parallel.MIN_JOBS - 1)})
    assert jobs.in_workers == 0
    assert jobs.result(2) == (4, os.getpid())


def test_without_a_spare_core_every_job_runs_in_this_process(work, monkeypatch):
    monkeypatch.setattr(parallel, "spare_cores", lambda: 0)
    jobs = parallel.Jobs(work.where, {n: (n,) for n in range(6)})
    assert jobs.in_workers == 0
    assert [jobs.result(n) for n in range(6)] == [(n * n, os.getpid()) for n in range(6)]


def test_an_error_in_a_worker_is_raised_where_the_result_is_asked_for(work):
    jobs = parallel.Jobs(work.refuse, {n: (n,) for n in range(4)})
    assert jobs.in_workers == 4
    with pytest.raises(work.TooLong, match="job 2 does not fit"):
        jobs.result(2)


def test_a_job_whose_worker_died_is_done_in_this_process(work):
    jobs = parallel.Jobs(work.die_in_a_worker, {n: (os.getpid(),) for n in range(4)})
    assert jobs.in_workers == 4
    assert [jobs.result(n) for n in range(4)] == ["made in the build's process"] * 4


def test_closing_stops_the_workers_and_what_is_still_asked_for_is_done_here(work):
    jobs = parallel.Jobs(work.where, {n: (n,) for n in range(50)})
    assert multiprocessing.active_children()
    jobs.close()
    assert jobs.in_workers == 0 and multiprocessing.active_children() == []
    assert jobs.result(7) == (49, os.getpid())
