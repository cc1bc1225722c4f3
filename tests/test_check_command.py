"""`python build_site.py check` on the shipped data, and on files staff really produce."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from .conftest import ROOT, run_cli

RESULTS = "data/results/2023-08-11-do-thi-van-minh-dich-vu-cong.csv"


def test_shipped_data_passes() -> None:
    run = run_cli("check")
    assert run.exit_code == 0, run.stdout
    assert "0 lỗi" in run.stdout and "Dữ liệu hợp lệ." in run.stdout
    assert run.stderr == ""


def test_csv_saved_by_excel_with_a_bom_is_accepted(data_copy: Path) -> None:
    path = data_copy.parent / RESULTS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    run = run_cli("check", "--data", str(data_copy), "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert run.problems == []


def test_text_typed_in_nfd_is_accepted(data_copy: Path) -> None:
    path = data_copy / "models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    run = run_cli("check", "--data", str(data_copy), "--format", "json")
    assert run.exit_code == 0, run.stdout


def test_missing_data_folder_is_a_report_not_a_crash(tmp_path: Path) -> None:
    run = run_cli("check", "--data", str(tmp_path / "khong-co"), "--format", "json")
    assert run.exit_code == 1
    assert [p["code"] for p in run.problems] == ["data-missing"]
    assert "Traceback" not in run.stdout + run.stderr


def test_help_is_the_manual() -> None:
    run = run_cli("--help")
    assert run.exit_code == 0 and "check" in run.stdout


def test_under_github_actions_errors_are_annotations_and_a_summary(data_copy: Path, tmp_path: Path) -> None:
    model = data_copy / "models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace('result: "40.201"', "result: 40.201"),
                     encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run = subprocess.run([sys.executable, str(ROOT / "build_site.py"), "check", "--data", str(data_copy)],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 1
    line = model.read_text(encoding="utf-8").splitlines().index("    result: 40.201") + 1
    annotation = next(row for row in run.stdout.splitlines() if row.startswith("::error "))
    assert f"file=data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml,line={line}," in annotation
    assert "title=number-dot-thousands (indicators › mục 3 › result)" in annotation
    assert "::Số 40.201 bị YAML đọc thành số thập phân" in annotation and "Cách sửa" in annotation
    table = summary.read_text(encoding="utf-8")
    assert "| Mức | Tệp | Dòng |" in table and "`number-dot-thousands`" in table and f"| {line} |" in table
