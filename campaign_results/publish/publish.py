"""Building the site with MkDocs, adding the files published as they are, and replacing site/
only on success.

Everything is written into a fresh folder beside ``site/``: MkDocs' pages
(``mkdocs build --strict``), then the generated static files (the search
index, charts and images) linked in beside them. Only a build that finished without error or
warning is moved into place; a failed build leaves the previous site untouched.

MkDocs can be started before the generated pages are all written
(:class:`MkDocsRun` with a plan): it is given the list of planned files, and is
told through a pipe as each is written; the hook ``pages_as_written.py``
(listed in mkdocs.yml) makes it wait for a page until then.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import pages_as_written


@dataclass
class PublishResult:
    ok: bool
    log: str
    seconds: dict[str, float] = field(default_factory=dict)  # mkdocs, images, static


class MkDocsRun:
    """``mkdocs build --strict`` into a new folder beside ``site_dir``, running in the background.

    ``planned``: the generated files, entry by entry, when MkDocs starts before they are written;
    call :meth:`written` after each entry and :meth:`all_written` at the end (or :meth:`abandon`).
    ``plan_file``: where the list is stored for MkDocs to read.
    """

    def __init__(self, config_file: Path, site_dir: Path, planned: list[tuple[str, ...]] | None = None,
                 plan_file: Path | None = None) -> None:
        self.site_dir = site_dir
        self.staging = site_dir.with_name(site_dir.name + ".new")
        shutil.rmtree(self.staging, ignore_errors=True)
        self.start = time.perf_counter()
        self.config_file = config_file
        self._progress = None
        self._planned = planned is not None
        env = dict(os.environ)
        pass_fds: tuple[int, ...] = ()
        if planned is not None:
            plan_file.parent.mkdir(parents=True, exist_ok=True)
            plan_file.write_text(json.dumps(planned, ensure_ascii=False), encoding="utf-8")
            read_end, write_end = os.pipe()
            env[pages_as_written.PLAN] = str(plan_file)
            env[pages_as_written.PROGRESS] = str(read_end)
            pass_fds = (read_end,)
        self._log = tempfile.TemporaryFile()  # not a pipe: MkDocs must never wait for its reader
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
             "--site-dir", str(self.staging)],
            cwd=config_file.parent, stdout=self._log, stderr=subprocess.STDOUT, env=env, pass_fds=pass_fds)
        if planned is not None:
            os.close(read_end)
            self._progress = os.fdopen(write_end, "w", encoding="ascii", buffering=1)

    def written(self, entry: int) -> None:
        """Entry ``entry`` of the plan is written: MkDocs may read its files."""
        self._tell(f"{entry}\n")

    def all_written(self) -> None:
        self._tell(pages_as_written.END + "\n")
        self._close_progress()

    def abandon(self) -> None:
        """Generation failed: stop MkDocs and remove what it wrote."""
        self._close_progress()  # without the end line, MkDocs stops at the first page it waits for
        self.process.kill()
        self.process.wait()
        self._log.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _tell(self, line: str) -> None:
        if self._progress is None:
            return
        try:
            self._progress.write(line)
        except BrokenPipeError:  # MkDocs stopped already; finish() reports why
            self._progress = None

    def _close_progress(self) -> None:
        if self._progress is not None:
            try:
                self._progress.close()
            except BrokenPipeError:
                pass
            self._progress = None

    def finish(self, static_dir: Path, prepare_static: Callable[[], None] | None = None) -> PublishResult:
        """Wait for MkDocs; on success, complete the static folder (``prepare_static``: the images
        drawn meanwhile), link it in beside MkDocs' output and swap the new folder into place."""
        self._close_progress()
        self.process.wait()
        self._log.seek(0)
        log = self._log.read().decode("utf-8", errors="replace")
        self._log.close()
        seconds = {"mkdocs": time.perf_counter() - self.start}
        # Without the hook, MkDocs would not wait: it could publish a page's previous version.
        hook_missing = self._planned and pages_as_written.STARTED not in log
        if self.process.returncode != 0 or hook_missing:
            shutil.rmtree(self.staging, ignore_errors=True)
            if hook_missing:
                name = self.config_file.name
                log += (f"\n{name} thiếu hook của bước sinh trang, nên MkDocs không chờ các trang được viết xong.\n"
                        f"Cách sửa: thêm vào {name}\nhooks:\n  - campaign_results/publish/pages_as_written.py\n")
            return PublishResult(False, log)
        start = time.perf_counter()
        if prepare_static:
            prepare_static()
        seconds["images"] = time.perf_counter() - start
        start = time.perf_counter()
        clashes = add_static_files(static_dir, self.staging)
        seconds["static"] = time.perf_counter() - start
        if clashes:
            shutil.rmtree(self.staging, ignore_errors=True)
            return PublishResult(False, log + "".join(f"Tệp {path} vừa do MkDocs tạo vừa được sinh sẵn.\n"
                                                      for path in clashes))
        previous = self.site_dir.with_name(self.site_dir.name + ".old")
        shutil.rmtree(previous, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(previous)
        self.staging.rename(self.site_dir)
        shutil.rmtree(previous, ignore_errors=True)
        return PublishResult(True, log, seconds)


def add_static_files(static_dir: Path, site: Path) -> list[str]:
    """Link (or copy) every file of ``static_dir`` into ``site``; the paths MkDocs already wrote."""
    clashes = []
    for directory, _, names in os.walk(static_dir):
        target_dir = site / Path(directory).relative_to(static_dir)
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            source, target = Path(directory, name), target_dir / name
            if target.exists():
                clashes.append(target.relative_to(site).as_posix())
                continue
            try:
                os.link(source, target)  # same bytes, no copy; generation replaces files, never edits them
            except OSError:
                shutil.copy2(source, target)
    return clashes
