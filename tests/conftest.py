"""Shared helpers: the project root, a scratch copy of data/, and running the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class CheckRun:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[dict]:
        return json.loads(self.stdout)["problems"]


def run_cli(*args: str, cwd: Path = ROOT) -> CheckRun:
    completed = subprocess.run([sys.executable, str(ROOT / "build_site.py"), *args],
                               cwd=cwd, capture_output=True, text=True, timeout=300)
    return CheckRun(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data/ (its parent is the project root for messages)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target
