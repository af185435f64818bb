"""The built site served on a local port the way a static host serves it, for every test that
needs it (the browser tests, the link crawl) and the benchmark alike: a missing page gets the
404 page of its language (GitHub Pages serves the root one; hosts that support per-folder 404s,
ours), and with `host_headers` every response carries the headers the build wrote into
`_headers` (the Content-Security-Policy among them)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from guide.build import csp  # noqa: E402  (the same reading of _headers as a host's)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def host_headers(site_dir: Path) -> list[tuple[str, str]]:
    """The headers `_headers` sets for every path ("/*"); none when the build wrote no file."""
    file = Path(site_dir) / csp.HEADERS_FILE
    return csp.read_headers(file.read_text(encoding="utf-8")) if file.exists() else []


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: list[tuple[str, str]] = []

    def log_message(self, *args):  # keep test and bench output readable
        pass

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        lang_404 = root / "en" / "404.html"
        body = (lang_404 if self.path.startswith("/en/") and lang_404.exists() else root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that leaves a page mid-download hangs up, and a host says nothing about it;
        # the standard server prints a traceback into the test output.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(site_dir: Path, port: int | None = None, with_host_headers: bool = False):
    """Serves `site_dir` at http://127.0.0.1:<port> until the block ends; yields the origin."""
    port = port or free_port()
    headers = host_headers(site_dir) if with_host_headers else []
    handler = type("Handler", (SiteHandler,), {"extra_headers": headers})
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
