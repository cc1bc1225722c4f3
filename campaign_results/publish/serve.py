"""Local preview: serve site/ over HTTP and rebuild when data/ or content/ change.

Changes are found by polling file times once a second (no extra dependency,
works on any file system). A rebuild that fails prints its report and keeps
serving the previous site.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable


def snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[str(path)] = (stat.st_mtime, stat.st_size)
    return state


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site_dir: Path, watched: list[Path], rebuild: Callable[[], int], port: int,
          interval: float = 1.0) -> None:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Xem trang tại http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C để dừng).", flush=True)
    seen = snapshot(watched)
    try:
        while True:
            time.sleep(interval)
            now = snapshot(watched)
            if now != seen:
                seen = now
                print("Dữ liệu hoặc nội dung thay đổi: dựng lại…", flush=True)
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
