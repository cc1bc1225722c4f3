"""What changed in the data, publish by publish: read from the git history of data/.

Each commit that touched data/ becomes a :class:`Change` listing the records it
added, changed or removed (a record is known by its folder and file name).
Outside a git checkout, or without git, the history is empty.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .load.discover import RESULTS_FOLDER, YAML_FOLDERS

ACTIONS = {"A": "thêm", "M": "sửa", "D": "xoá"}


@dataclass
class RecordChange:
    action: str      # "thêm", "sửa" or "xoá"
    kind: str        # record kind ("model", "peak_day", …); "result" for a peak day's results file
    record_id: str


@dataclass
class Change:
    commit: str
    when: dt.datetime
    message: str
    records: list[RecordChange] = field(default_factory=list)


def _record(path: str) -> tuple[str, str] | None:
    parts = Path(path).parts
    if len(parts) < 3 or parts[0] != "data":
        return None
    stem = Path(path).stem
    if parts[1] in YAML_FOLDERS and path.endswith((".yaml", ".yml")):
        return YAML_FOLDERS[parts[1]], stem
    if parts[1] == RESULTS_FOLDER and path.endswith(".csv"):
        return "result", stem
    return None


def data_history(root: Path, limit: int = 200) -> list[Change]:
    """The latest commits that changed data/, newest first."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), "log", f"-{limit}", "--format=%x1e%H%x1f%aI%x1f%s", "--name-status",
             "--no-renames", "--", "data/"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if completed.returncode != 0:
        return []
    changes = []
    for block in completed.stdout.split("\x1e")[1:]:
        header, _, files = block.partition("\n")
        commit, when, message = header.split("\x1f", 2)
        change = Change(commit, dt.datetime.fromisoformat(when), message.strip())
        for line in files.splitlines():
            status, _, path = line.partition("\t")
            record = _record(path)
            if record and status[:1] in ACTIONS:
                change.records.append(RecordChange(ACTIONS[status[:1]], *record))
        changes.append(change)
    return changes


def head(root: Path) -> str:
    """The current commit, for the generation fingerprint ("" outside git)."""
    try:
        completed = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                   timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return completed.stdout.strip() if completed.returncode == 0 else ""
