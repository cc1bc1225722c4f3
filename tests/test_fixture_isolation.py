"""No test reads the project's own data/: staff add records there every week, and a correct
addition must never fail a test (tests read tests/fixtures/data/ through conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import FIXTURE_DATA, ROOT, copy_project, fixture_data

# Ways a test could reach the project's data/ instead of the fixture: check_data() with no folder
# (the project's data/), Project().data_dir (except its province lists), ROOT / "data".
_READS_DATA = [
    re.compile(r"check_data\(\)"),
    re.compile(r"Project\(\)\.data_dir(?! / \"reference\")"),
    re.compile(r"ROOT\s*/\s*\"data\"(?!\s*/\s*\"reference\")"),
    re.compile(r"ROOT\s*/\s*\"data/(?!reference)"),
]


def test_no_test_module_reads_the_projects_data() -> None:
    for module in sorted((ROOT / "tests").glob("*.py")):
        if module.name == Path(__file__).name:
            continue  # its patterns name what they look for
        text = module.read_text(encoding="utf-8")
        for pattern in _READS_DATA:
            assert not pattern.search(text), f"{module.name} reads data/ ({pattern.pattern}); use the fixture"


def test_project_copies_and_data_copies_hold_the_fixture_not_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data = fixture_data(tmp_path / "data")
    fixture = sorted(p.relative_to(FIXTURE_DATA).as_posix() for p in FIXTURE_DATA.rglob("*") if p.is_file())
    for folder in (project / "data", data):
        held = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                      if p.is_file() and not p.relative_to(folder).as_posix().startswith("reference/"))
        assert held == fixture
        assert (folder / "reference" / "provinces_34.csv").is_file()

