"""`python build_site.py build`: the data check comes first, and a failed build publishes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's committed files, as a fresh clone would have them."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True)
    target = tmp_path / "project"
    for name in files.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "build"], cwd=project,
                          capture_output=True, text=True, timeout=600)


def test_build_publishes_the_site(project: Path) -> None:
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in home and "Dân vận khéo" in home


def test_invalid_data_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    model = project / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace('result: "40.201"', "result: 40.201"),
                     encoding="utf-8")
    (project / "content" / "index.md").write_text("# Trang mới không được xuất bản\n", encoding="utf-8")

    run = build(project)

    assert run.returncode == 1
    assert "number-dot-thousands" in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert (project / "site" / "index.html").read_bytes() == before


def test_a_failing_mkdocs_build_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "content" / "index.md").write_text("# Trang\n\n[hỏng](khong-co-trang-nay.md)\n",
                                                  encoding="utf-8")
    run = build(project)
    assert run.returncode == 1
    assert (project / "site" / "index.html").read_bytes() == before
    assert not (project / "site.new").exists()
