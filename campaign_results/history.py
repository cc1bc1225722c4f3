"""The git history of data/: which commits changed it, and the files as they were at each.

Everything here asks git and never raises: outside a git checkout, without git, or past the
edge of a shallow clone, the history simply ends.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

DATA = "data/"
TIMEOUT = 60  # seconds for one git command


@dataclass(frozen=True)
class Commit:
    id: str
    when: dt.datetime
    parent: str | None  # first parent; None for the first commit


@dataclass(frozen=True)
class FileChange:
    """A file under data/ between two commits; a blob id is None where the file is absent."""

    path: str
    old_blob: str | None
    new_blob: str | None


def _git(root: Path, *args: str, input: bytes | None = None) -> bytes | None:
    try:
        completed = subprocess.run(["git", "-C", str(root), *args], capture_output=True, input=input,
                                   timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout if completed.returncode == 0 else None


def resolve(root: Path, ref: str) -> str | None:
    """The commit id ``ref`` names, or None when it names no commit here."""
    out = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    return out.decode().strip() if out else None


def head(root: Path) -> str:
    """The current commit, for the generation fingerprint ("" outside git)."""
    return resolve(root, "HEAD") or ""


def data_commits(root: Path, limit: int = 200) -> list[Commit]:
    """The latest commits of the current branch's first-parent line that changed data/, newest
    first. A merged pull request is one commit of that line, as it is one publish."""
    out = _git(root, "log", "--first-parent", f"-{limit}", "--format=%H%x1f%aI%x1f%P%x1e", "--", DATA)
    if out is None:
        return []
    commits = []
    for entry in out.decode().split("\x1e"):
        if not entry.strip("\n"):
            continue
        commit, when, parents = entry.strip("\n").split("\x1f")  # (str.strip() would eat \x1f)
        parent = parents.split()[0] if parents.split() else None
        if parent and resolve(root, parent) is None:
            break  # the edge of a shallow clone: what came before is unknown
        commits.append(Commit(commit, dt.datetime.fromisoformat(when), parent))
    return commits


def changed_files(root: Path, old: str | None, new: str) -> list[FileChange] | None:
    """The files under data/ that differ between commits ``old`` (None: nothing) and ``new``."""
    if old is None:
        empty = _git(root, "hash-object", "-t", "tree", "--stdin", input=b"")
        if empty is None:
            return None
        old = empty.decode().strip()
    out = _git(root, "diff-tree", "-r", "-z", "--raw", "--no-renames", "--abbrev=64", old, new, "--", DATA)
    if out is None:
        return None
    fields = out.split(b"\0")
    changes = []
    for status, path in zip(fields[0::2], fields[1::2]):
        if not status.startswith(b":"):
            continue
        _, _, old_blob, new_blob, _ = status.decode().split(" ")
        changes.append(FileChange(path.decode("utf-8", "replace"), _blob(old_blob), _blob(new_blob)))
    return changes


def _blob(blob_id: str) -> str | None:
    return None if set(blob_id) == {"0"} else blob_id


def read_blobs(root: Path, blob_ids: list[str]) -> dict[str, bytes]:
    """The contents of blobs, by id (one git process for all of them)."""
    if not blob_ids:
        return {}
    out = _git(root, "cat-file", "--batch", input="".join(f"{b}\n" for b in blob_ids).encode())
    blobs: dict[str, bytes] = {}
    position = 0
    while out is not None and position < len(out):
        header_end = out.index(b"\n", position)
        header = out[position:header_end].decode().split()
        position = header_end + 1
        if len(header) != 3:
            continue  # "<id> missing"
        size = int(header[2])
        blobs[header[0]] = out[position:position + size]
        position += size + 1
    return blobs
