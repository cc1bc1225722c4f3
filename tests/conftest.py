"""Shared helpers: the project root, scratch copies of the fixture records, and running the CLI.

No test reads the project's own data/: staff add records there every week, and a correct
addition must never fail a test. Tests read the frozen records in tests/fixtures/data/
(the five source documents), with the province lists of data/reference/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
REFERENCE = ROOT / "data" / "reference"


def fixture_data(target: Path) -> Path:
    """Write the fixture records (and the project's province lists) to ``target``, a data/ folder."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(FIXTURE_DATA, target)
    shutil.copytree(REFERENCE, target / "reference")
    return target


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
    """A writable copy of the fixture records as a data/ folder (its parent is the project root
    for messages)."""
    return fixture_data(tmp_path / "data")


@pytest.fixture(scope="session")
def fixture_dataset(tmp_path_factory):
    """The fixture records, checked (a read-only Dataset shared by the session)."""
    from campaign_results.pipeline import check_data
    data = fixture_data(tmp_path_factory.mktemp("fixture") / "data")
    result = check_data(data, data.parent)
    assert result.report.ok, [p.message for p in result.report.errors]
    return result.dataset


def copy_project(target: Path) -> Path:
    """A copy of the project's files as a fresh clone would have them (committed or not, not ignored),
    with the fixture records as its data/."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True)
    for name in files.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    fixture_data(target / "data")
    return target


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "build"], cwd=project,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once from a copy of the project with the fixture records."""
    project = copy_project(tmp_path_factory.mktemp("site") / "project")
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    return project / "site"
