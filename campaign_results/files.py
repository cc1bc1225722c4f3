"""Writing files in one step: the files staff keep (records, results tables) and every file a
build writes. Through a temporary file in the same folder, flushed to the disk before it takes
the file's name, so that a reader, a second process, a killed build or a power cut never sees half
a file.

Also: telling a full disk (or an exhausted quota) from other write errors, for a message that
says where space is missing.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


_UMASK = os.umask(0o022)
os.umask(_UMASK)

NO_SPACE = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None)


class DiskFull(Exception):
    """A write failed for want of space (ENOSPC) or quota (EDQUOT) in ``folder``."""

    def __init__(self, folder: Path, quota: bool = False) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self.quota = quota


def disk_full(error: BaseException, folder: Path | None = None) -> DiskFull | None:
    """``error`` as a :class:`DiskFull` when it is (or was caused by) a full disk or quota, else None.
    The folder is the failed file's, else ``folder``, else the current one."""
    while error is not None:
        if isinstance(error, DiskFull):
            return error
        if isinstance(error, OSError) and error.errno in NO_SPACE:
            where = Path(os.fsdecode(error.filename)).parent if error.filename else (folder or Path.cwd())
            return DiskFull(where, quota=error.errno != errno.ENOSPC)
        error = error.__cause__ or error.__context__
    return None


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a file just renamed into it) to the disk, where the system allows."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno in NO_SPACE:
            raise
    finally:
        os.close(handle)


def _temporary(target: Path, content: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)  # as a plain open() would create it (mkstemp makes 0600)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename is None:  # a failed write names no file
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise
    return Path(temporary)


def write_atomically(target: Path, content: bytes) -> None:
    """Replace (or create) ``target`` with ``content`` in one step. The temporary file's name starts
    with a dot (MkDocs ignores such files if it lists the folder meanwhile)."""
    temporary = _temporary(target, content)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def create_atomically(target: Path, content: bytes) -> None:
    """Create ``target`` with ``content`` in one step; FileExistsError if it is already there
    (even if another process made it a moment ago)."""
    temporary = _temporary(target, content)
    try:
        os.link(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    sync_folder(target.parent)
