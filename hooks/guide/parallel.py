"""Slow, independent jobs (the sheets' blank PDFs) done on the machine's other cores while the
build goes on.

MkDocs builds pages one after the other, on one core. A first build of a large guide (a fresh
clone, CI without its cache) also has a PDF to make for every sheet, at some hundredths of a
second each. Started here as soon as the sheets are known, before any page is built, they are
made beside the pages and are ready when the site is written.

A worker is a fresh Python process (spawned, never forked: `mkdocs serve` runs threads that a
fork would copy half-way) and needs about half a second to import the renderer. So a few jobs
(`MIN_JOBS`), or a machine with one core, are done in the build's own process when their
result is asked for, as before. Jobs are module-level functions with picklable arguments.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
import site
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Hashable, Mapping

# A worker's start (Python, then WeasyPrint's import) costs as much as ten PDFs, and a guide
# with only a few sheets builds its pages sooner than a worker is ready: below this many
# jobs, they are done in the build's own process.
MIN_JOBS = 4


def spare_cores() -> int:
    """Cores this process may use besides the one the build runs on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return usable - 1


def _import_root(function: Callable) -> str:
    """The folder to import `function`'s module from. A worker starts with the build's start-up
    path, and MkDocs takes the hooks' folder off it again once it has loaded them: the worker
    adds it with `site.addsitedir` (a function the worker can import before the folder is there)."""
    top = sys.modules[function.__module__.partition(".")[0]]
    where = os.path.dirname(top.__file__)
    return os.path.dirname(where) if hasattr(top, "__path__") else where


class Jobs:
    """`function(*arguments[name])` for every name, started at once in worker processes where
    that pays; `result(name)` waits for one (or does it here) and raises what it raised."""

    def __init__(self, function: Callable, arguments: Mapping[Hashable, tuple]):
        self._function = function
        self._arguments = dict(arguments)
        self._futures: dict[Hashable, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        workers = min(spare_cores(), len(self._arguments))
        if len(self._arguments) < MIN_JOBS or workers < 1:
            return
        try:
            self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=site.addsitedir, initargs=(_import_root(function),))
            self._futures = {name: self._pool.submit(function, *args) for name, args in self._arguments.items()}
        except OSError:  # no processes to be had (a locked-down sandbox): done here, when asked
            self.close()

    @property
    def in_workers(self) -> int:
        """How many jobs were handed to workers (the rest are done in this process)."""
        return len(self._futures)

    def result(self, name: Hashable):
        future = self._futures.pop(name, None)
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:  # a worker was killed (out of memory, a signal): do it here
                pass
        return self._function(*self._arguments[name])

    def close(self) -> None:
        """Drops the jobs no worker has started yet (a build that failed does not need them) and
        waits for the workers to stop, so that a build leaves no processes behind. A result
        asked for after this is made in this process."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures.clear()
