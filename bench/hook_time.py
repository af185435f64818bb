"""Runs `mkdocs build --strict` in this process with a stopwatch around every event function of
every hook in mkdocs.yml, and prints the CPU seconds spent inside each as JSON (and apart, those
of the worker processes that make PDFs beside the build: no hook event runs there). What the
hooks cost themselves; the rest of what "hooks on" adds is MkDocs and the theme handling what
the hooks put on the pages (bigger pages, their scripts, search entries).

    cd <project> && python <this file> <site dir>
"""

from __future__ import annotations

import collections
import functools
import inspect
import json
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.__main__ import cli  # noqa: E402  (after the environment is set)
from mkdocs.config import config_options  # noqa: E402

spent: dict[str, float] = collections.defaultdict(float)
_load_hook = config_options.Hooks._load_hook


def _timed_load_hook(self, name, path):
    module = _load_hook(self, name, path)
    for attribute in dir(module):
        event = getattr(module, attribute)
        # CombinedEvent and the like are objects, not functions: their parts are timed with them.
        if attribute.startswith("on_") and inspect.isfunction(event):
            setattr(module, attribute, _stopwatch(event, name))
    return module


def _stopwatch(event, hook: str):
    @functools.wraps(event)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return event(*args, **kwargs)
        finally:
            spent[hook] += time.process_time() - started

    return timed


if __name__ == "__main__":
    config_options.Hooks._load_hook = _timed_load_hook
    try:
        cli(["build", "--strict", "--site-dir", sys.argv[1]])
    except SystemExit as exit_:
        if exit_.code:
            raise
    # The whole process, start-up included, and the worker processes that made PDFs beside it
    # (guide/parallel.py): comparable with bench/measure.py's build times, which count both.
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = workers.ru_utime + workers.ru_stime
    print(json.dumps({"total": own.ru_utime + own.ru_stime + workers_cpu, "workers": workers_cpu, "hooks": dict(spent)}))
