"""A local static file server for site/: the preview (`serve`), the benchmark and the browser tests.

It compresses text with gzip as a real web server does, so that measured
transfer sizes are those a reader would see (Python's own http.server sends
files uncompressed), and answers an address that does not exist with the
site's own 404.html, as GitHub Pages does.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".pf_meta")


class _GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        not_found = Path(self.directory) / "404.html"
        if not path.exists() and not_found.is_file():
            path, status = not_found, 404
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if status == 200 and not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = path.read_bytes()
        if wants_gzip:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if wants_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class StaticServer:
    """Serves ``root`` on 127.0.0.1 (port 0: any free port) in a background thread."""

    def __init__(self, root: Path, port: int = 0) -> None:
        handler = functools.partial(_GzipHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
