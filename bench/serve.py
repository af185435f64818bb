"""A built site on a local port, served the way the host will serve it: with the headers that
the build wrote into `_headers` (the Content-Security-Policy among them), so that the page-load
and Lighthouse measurements run under the real policy."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from pathlib import Path

from guide import csp  # the same reading of _headers as the CSP tests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def host_headers(site_dir: Path) -> list[tuple[str, str]]:
    """The headers `_headers` sets for every path ("/*"); none when the build wrote no file."""
    file = site_dir / csp.HEADERS_FILE
    return csp.read_headers(file.read_text(encoding="utf-8")) if file.exists() else []


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: list[tuple[str, str]] = []

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def serving(site_dir: Path, port: int):
    """Serves `site_dir` at http://127.0.0.1:<port> until the block ends."""
    handler = type("Handler", (_Handler,), {"extra_headers": host_headers(site_dir)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
