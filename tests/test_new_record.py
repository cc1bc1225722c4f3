"""`new` writes a skeleton in the right place; once its "ĐIỀN" values are filled in, it passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"

# what a person would write in place of each "ĐIỀN: …", by the field on that line
FILLED = {
    "field": "doan-the", "place": "09 huyện, thành phố", "indicator": "cay-xanh", "target": '"1.000"',
    "result": '"1.200"', "campaign": "2023-thanh-nien-tinh-nguyen-he", "id": "dich-vu-cong",
    "name": "Hỗ trợ người dân", "value": '"6.369"', "title": "Về việc triển khai Ngày cao điểm",
}
SOURCES = {"model": "ben-tre-2021-2616-cv", "peak-day": REPORT, "document": None}


def new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "new", *args], cwd=project, capture_output=True,
                          text=True)


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "check"], cwd=project, capture_output=True, text=True)


def fill(path: Path, kind: str) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "ĐIỀN:" in line:
            key = re.match(r"\s*(?:- )?([a-z_]+):", line)
            if key:
                line = line[: line.index('"ĐIỀN')] + FILLED[key.group(1)]
            elif line.strip().startswith('- "ĐIỀN'):
                line = line[: line.index('"ĐIỀN')] + SOURCES[kind]
            else:
                line = line[: line.index("ĐIỀN")] + "Nội dung thực hiện."
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind, args, expected", [
    ("model", ["--unit", "ben tre", "--year", "2022", "--name", "Thắp sáng đường quê"],
     "data/models/2022/ben-tre-2022-thap-sang-duong-que.yaml"),
    ("peak-day", ["--date", "20/8/2023", "--name", "Chủ nhật xanh", "--campaign", "2023-thanh-nien-tinh-nguyen-he"],
     "data/peak-days/2023-08-20-chu-nhat-xanh.yaml"),
    ("document", ["--issuer", "Tỉnh đoàn Trà Vinh", "--number", "15-CV/TĐTN-BPT", "--date", "12/3/2021"],
     "data/documents/tra-vinh-2021-15-cv.yaml"),
])
def test_skeleton_validates_once_filled(project: Path, kind, args, expected) -> None:
    run = new(project, kind, *args)
    assert run.returncode == 0, run.stdout
    assert expected in run.stdout and "Còn phải điền" in run.stdout
    path = project / expected
    before = check(project)
    assert before.returncode == 1 and "[placeholder]" in before.stdout and expected in before.stdout
    fill(path, kind)
    after = check(project)
    assert after.returncode == 0, after.stdout


def test_existing_file_is_never_overwritten(project: Path) -> None:
    args = ["model", "--unit", "Bến Tre", "--year", "2022", "--name", "Mô hình mới"]
    assert new(project, *args).returncode == 0
    again = new(project, *args)
    assert again.returncode == 1 and "đã có" in again.stdout


def test_unknown_unit_is_explained(project: Path) -> None:
    run = new(project, "model", "--unit", "Ben Tree", "--year", "2022")
    assert run.returncode == 1 and "Bến Tre" in run.stdout and "Traceback" not in run.stdout + run.stderr
