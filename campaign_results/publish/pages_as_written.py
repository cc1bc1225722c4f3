"""MkDocs hook (mkdocs.yml, ``hooks:``): build pages while the build script is still writing them.

The build script (publish.py, :class:`MkDocsRun`) can start MkDocs as soon as
it knows which files it will generate, before writing them. It then sets two
environment variables: ``PLAN``, a JSON file listing the planned files entry
by entry, and ``PROGRESS``, a pipe on which it writes the number of each
entry once its files are written, and ``END`` when all are.

This hook then
- adds the planned files MkDocs did not find on disk and puts them, in plan
  order, after the hand-written ones, so that MkDocs reads them in the order
  they are written;
- makes MkDocs wait for a planned page until it is written, and for every
  file before it copies static files;
- stops the build if the pipe closes before ``END`` (generation failed).

Without those variables (``mkdocs build`` run by hand, the benchmark's floor)
it does nothing. It is loaded by MkDocs from its path, so it imports nothing
from the rest of the package.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

PLAN = "CAMPAIGN_RESULTS_PLAN"
PROGRESS = "CAMPAIGN_RESULTS_PROGRESS"
END = "end"
STARTED = "Building the planned pages as they are written."  # logged, so the build knows the hook ran


class _Progress:
    """The entries written so far, read from the pipe by a thread (the writer never waits for MkDocs)."""

    def __init__(self, fd: int) -> None:
        self.done: set[int] = set()
        self.ended = False
        self.closed = False
        self.waited = 0.0  # seconds MkDocs spent waiting for pages
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(fd,), daemon=True).start()

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "r", encoding="ascii") as pipe:
            for line in pipe:
                line = line.strip()
                with self._changed:
                    if line == END:
                        self.ended = True
                    else:
                        self.done.add(int(line))
                    self._changed.notify_all()
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, entry: int | None) -> None:
        """Until ``entry`` is written (None: every entry)."""
        start = time.perf_counter()
        with self._changed:
            while not (self.ended or (entry is not None and entry in self.done)):
                if self.closed:
                    raise PluginError("Sinh trang dừng giữa chừng: MkDocs không dựng tiếp "
                                      "(lỗi của bước sinh trang được báo ở trên).")
                self._changed.wait()
        self.waited += time.perf_counter() - start


_plan: dict[str, int] = {}   # planned path → its entry
_entries: list[list[str]] = []
_progress: _Progress | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _plan, _entries, _progress
    if PLAN not in os.environ:
        return
    with open(os.environ[PLAN], encoding="utf-8") as handle:
        _entries = json.load(handle)
    _plan = {path: index for index, paths in enumerate(_entries) for path in paths}
    _progress = _Progress(int(os.environ[PROGRESS]))
    logging.getLogger("mkdocs").info(STARTED)


def on_files(files: Files, config) -> Files:
    if _progress is None:
        return files
    found = {file.src_uri: file for file in files}
    first = [file for file in files if file.src_uri not in _plan]
    planned = [found.get(path) or File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
               for paths in _entries for path in paths]
    return Files(first + planned)


def on_pre_page(page, config, files):
    if _progress is not None and page.file.src_uri in _plan:
        _progress.wait(_plan[page.file.src_uri])
    return page


def on_env(env, config, files):
    if _progress is not None:  # the static files (downloads) are copied next
        _progress.wait(None)
        logging.getLogger("mkdocs").info(f"Waited {_progress.waited:.2f} s for generated pages.")
    return env
