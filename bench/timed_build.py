"""One `mkdocs build --strict` in this process, with a stopwatch around every event of every
hook in mkdocs.yml and, apart, around the PDF renderer they call. Prints JSON: CPU seconds of
the whole process ("total", start-up included), inside each hook's events ("hooks"), of those in
WeasyPrint ("pdf"), and the wall-clock seconds ("wall").

    cd <project> && python <this file> <site dir>
"""

from __future__ import annotations

import collections
import functools
import inspect
import json
import os
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.__main__ import cli  # noqa: E402  (after the environment is set)
from mkdocs.config import config_options  # noqa: E402
from mkdocs.plugins import CombinedEvent  # noqa: E402

spent: dict[str, float] = collections.defaultdict(float)
_load_hook = config_options.Hooks._load_hook


def _stopwatch(function, name: str):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return timed


def _timed_load_hook(self, name, path):
    module = _load_hook(self, name, path)
    for attribute in dir(module):
        event = getattr(module, attribute)
        if not attribute.startswith("on_"):
            continue
        if inspect.isfunction(event):
            setattr(module, attribute, _stopwatch(event, name))
        elif isinstance(event, CombinedEvent):  # several functions under one event: each timed
            setattr(module, attribute, CombinedEvent(*(_stopwatch(part, name) for part in event.methods)))
    pdf = sys.modules.get("guide.components.sheet_pdf")
    if pdf is not None and not hasattr(pdf.render, "__wrapped__"):
        pdf.render = _stopwatch(pdf.render, "pdf")
    return module


if __name__ == "__main__":
    config_options.Hooks._load_hook = _timed_load_hook
    started = time.perf_counter()
    try:
        cli(["build", "--strict", "--site-dir", sys.argv[1]])
    except SystemExit as exit_:
        if exit_.code:
            raise
    wall = time.perf_counter() - started
    times = os.times()
    pdf = spent.pop("pdf", 0.0)
    print(json.dumps({"total": times.user + times.system, "wall": wall, "hooks": dict(spent), "pdf": pdf}))
