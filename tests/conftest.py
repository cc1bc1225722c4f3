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


def copy_project(target: Path) -> Path:
    """A copy of the project's files as a fresh clone would have them (committed or not, not ignored)."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True)
    for name in files.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "build"], cwd=project,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once from a copy of the project with the shipped data."""
    project = copy_project(tmp_path_factory.mktemp("site") / "project")
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    return project / "site"
