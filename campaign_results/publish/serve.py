"""Local preview: serve site/ over HTTP and rebuild when data/ or content/ change.

Changes are found by polling file times once a second (no extra dependency,
works on any file system). A rebuild that fails prints its report and keeps
serving the previous site.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from .static_server import StaticServer


def snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[str(path)] = (stat.st_mtime, stat.st_size)
    return state


def serve(site_dir: Path, watched: list[Path], rebuild: Callable[[], int], port: int,
          interval: float = 1.0) -> None:
    with StaticServer(site_dir, port) as server:
        print(f"Xem trang tại {server.url} (Ctrl+C để dừng).", flush=True)
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
