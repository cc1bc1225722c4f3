"""Writing the files staff keep (records, results tables): through a temporary file in the same
folder, so that a reader, a second process or a crash never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _temporary(target: Path, content: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o666 & ~_UMASK)  # as a plain open() would create it (mkstemp makes 0600)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def write_atomically(target: Path, content: bytes) -> None:
    """Replace (or create) ``target`` with ``content`` in one step."""
    temporary = _temporary(target, content)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_atomically(target: Path, content: bytes) -> None:
    """Create ``target`` with ``content`` in one step; FileExistsError if it is already there
    (even if another process made it a moment ago)."""
    temporary = _temporary(target, content)
    try:
        os.link(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
