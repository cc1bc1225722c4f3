"""Building the site with MkDocs, adding the files published as they are, and replacing site/
only on success.

Everything is written into a fresh folder beside ``site/``: MkDocs' pages
(``mkdocs build --strict``), then the generated static files (the search
index, charts and images) linked in beside them. Only a build that finished without error or
warning is moved into place; a failed build leaves the previous site untouched.

The move never leaves a moment without ``site/``: on Linux the new folder and ``site/`` are
exchanged in one step (``renameat2(RENAME_EXCHANGE)``), then the previous site is deleted;
elsewhere ``site/`` is renamed to ``site.old`` and the new folder to ``site/``. The new folder is
flushed to the disk first. A build killed in between leaves ``site.new`` or ``site.old`` behind:
:func:`recover_site`, at the start of the next build, removes them, and puts ``site.old`` back
when ``site/`` is missing. MkDocs runs as a child that dies with the build (parallel.py).

MkDocs can be started before the generated pages are all written
(:class:`MkDocsRun` with a plan): it is given the list of planned files, and is
told through a pipe as each is written; the hook ``pages_as_written.py``
(listed in mkdocs.yml) makes it wait for a page until then.
"""

from __future__ import annotations

import ctypes
import errno
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

from ..files import NO_SPACE, DiskFull, sync_folder, write_atomically
from . import pages_as_written

# ``python -m mkdocs`` in a process that ends when the build does (die_with_parent, parallel.py):
# a MkDocs left running would go on writing into site.new while the next build starts.
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent.parent)
_MKDOCS = ("import sys\n"
           f"sys.path.insert(0, {_PACKAGE_PARENT!r})\n"
           "from campaign_results.parallel import die_with_parent\n"
           "del sys.path[0]\n"
           "die_with_parent(int(sys.argv.pop(1)))\n"
           "sys.argv[0] = 'mkdocs'\n"
           "from mkdocs.__main__ import cli\n"
           "cli()\n")


@dataclass
class PublishResult:
    ok: bool
    log: str
    seconds: dict[str, float] = field(default_factory=dict)  # mkdocs, images, static
    disk_full: DiskFull | None = None  # MkDocs stopped for want of space: the log is a traceback


class MkDocsRun:
    """``mkdocs build --strict`` into a new folder beside ``site_dir``, running in the background.

    ``planned``: the generated files, entry by entry, when MkDocs starts before they are written;
    call :meth:`written` after each entry and :meth:`all_written` at the end (or :meth:`abandon`).
    ``plan_file``: where the list is stored for MkDocs to read.
    """

    def __init__(self, config_file: Path, site_dir: Path, planned: list[tuple[str, ...]] | None = None,
                 plan_file: Path | None = None) -> None:
        self.site_dir = site_dir
        self.staging = _new(site_dir)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.start = time.perf_counter()
        self.config_file = config_file
        self._progress = None
        self._planned = planned is not None
        env = dict(os.environ)
        pass_fds: tuple[int, ...] = ()
        if planned is not None:
            plan_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(plan_file, json.dumps(planned, ensure_ascii=False).encode("utf-8"))
            read_end, write_end = os.pipe()
            env[pages_as_written.PLAN] = str(plan_file)
            env[pages_as_written.PROGRESS] = str(read_end)
            pass_fds = (read_end,)
        self._log = tempfile.TemporaryFile()  # not a pipe: MkDocs must never wait for its reader
        self.process = subprocess.Popen(
            [sys.executable, "-c", _MKDOCS, str(os.getpid()), "build", "--strict", "--config-file",
             str(config_file), "--site-dir", str(self.staging)],
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
            return PublishResult(False, log, disk_full=_disk_full_in(log, self.staging))
        try:
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
            swap_into_place(self.staging, self.site_dir)
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise
        return PublishResult(True, log, seconds)


def _disk_full_in(log: str, folder: Path) -> DiskFull | None:
    """A full disk (or quota) where MkDocs' traceback says it stopped writing."""
    for code in NO_SPACE:
        if f"[Errno {code}]" in log:
            return DiskFull(folder, quota=code != errno.ENOSPC)
    return None


def _old(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".old")


def _new(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".new")


def recover_site(site_dir: Path) -> None:
    """What a killed build left beside ``site_dir``: the previous site put back if ``site_dir`` is
    missing, the unfinished new folder and the previous site's remains removed."""
    previous = _old(site_dir)
    if not site_dir.exists() and previous.is_dir():
        previous.rename(site_dir)
        sync_folder(site_dir.parent)
    shutil.rmtree(_new(site_dir), ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


AT_FDCWD = -100
RENAME_EXCHANGE = 2  # <linux/fs.h>


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step (Linux ``renameat2``); False when this system or file
    system cannot, and nothing was done."""
    renameat2 = getattr(_libc(), "renameat2", None) if sys.platform.startswith("linux") else None
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _flush(folder: Path) -> None:
    """Every file written under ``folder`` (by MkDocs, which does not flush) onto the disk, before
    it is published: the whole file system (``syncfs``) on Linux, else every file."""
    syncfs = getattr(_libc(), "syncfs", None) if sys.platform.startswith("linux") else None
    if syncfs is not None:
        handle = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(handle) == 0:
                return
            code = ctypes.get_errno()
            if code in NO_SPACE:
                raise OSError(code, os.strerror(code), str(folder))
        finally:
            os.close(handle)
    for directory, _, names in os.walk(folder):
        for name in names:
            handle = os.open(os.path.join(directory, name), os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)


def swap_into_place(staging: Path, site_dir: Path) -> None:
    """``staging`` (finished) becomes ``site_dir``; the previous site is deleted. ``site_dir`` is
    there at every moment (where the system can exchange two folders; else between two renames)."""
    _flush(staging)
    if site_dir.exists() and exchange(staging, site_dir):
        _published(site_dir)
        shutil.rmtree(staging, ignore_errors=True)  # now the previous site
        return
    previous = _old(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    try:
        staging.rename(site_dir)
    except BaseException:
        if previous.exists() and not site_dir.exists():
            previous.rename(site_dir)
        raise
    _published(site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def _published(site_dir: Path) -> None:
    """The new site is in place: make the rename durable, where the system can (the build has
    succeeded whatever this says)."""
    try:
        sync_folder(site_dir.parent)
    except OSError:
        pass


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
