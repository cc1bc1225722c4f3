"""Results as staff send them: the Excel template uploaded to data/results/, or a CSV with the
template's Vietnamese headers, read by check and build like the shipped CSV.

The mistakes a filled-in sheet can hold are each a case of the bad-input corpus
(tests/bad_inputs.py, "spreadsheets"); here are the routes that must work.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from campaign_results.catalogue import RULES
from campaign_results.pipeline import check_data

from .bad_inputs import PEAK_DAY, RESULTS_FILE, workbook
from .conftest import build, run_cli

REPORT = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"
VIETNAMESE_HEADER = ["Đơn vị", "Mặt hoạt động", "Chỉ tiêu", "Kết quả", "Ghi chú", "Văn bản nguồn"]


def _check(data: Path):
    run = run_cli("check", "--data", str(data), "--format", "json")
    return run, [p["code"] for p in run.problems]


def _results(data: Path) -> list:
    result = check_data(data, data.parent)
    assert result.report.ok, [p.message for p in result.report.errors]
    return [r for day in result.dataset.peak_days.values() for r in day.results]


def test_two_workbooks_for_one_peak_day_with_names_instead_of_codes(data_copy: Path) -> None:
    before = len(_results(data_copy))
    files_before = run_cli("check", "--data", str(data_copy), "--format", "json")
    results = data_copy / "results"
    (results / f"{PEAK_DAY}-quang-ninh.xlsx").write_bytes(workbook(
        # unit without diacritics, track and indicator by their names as the guide allows
        ["Quang Ninh", "Hỗ trợ người dân thực hiện dịch vụ công trực tuyến, giải quyết thủ tục hành chính",
         "Đội hình", 12, "", REPORT]))
    (results / f"{PEAK_DAY}-cao-bang.xlsx").write_bytes(workbook(
        ["Cao Bằng", "dich-vu-cong", "Người dân được hỗ trợ", 1250, "Ghi chú của Cao Bằng", REPORT]))
    run, found = _check(data_copy)
    assert run.exit_code == 0, run.stdout
    assert found == []
    assert json.loads(run.stdout)["files_checked"] == json.loads(files_before.stdout)["files_checked"] + 2
    results = _results(data_copy)
    assert len(results) == before + 2
    added = {(r.unit, r.indicator): r for r in results}
    assert added[("quang-ninh", "doi-hinh")].value.value == 12
    assert added[("cao-bang", "nguoi-dan-duoc-ho-tro")].value.value == 1250
    assert added[("cao-bang", "nguoi-dan-duoc-ho-tro")].note == "Ghi chú của Cao Bằng"


def test_the_text_summary_counts_the_workbooks(data_copy: Path) -> None:
    (data_copy / "results" / f"{PEAK_DAY}-quang-ninh.xlsx").write_bytes(workbook(
        ["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12, "", REPORT]))
    run = run_cli("check", "--data", str(data_copy))
    assert run.exit_code == 0, run.stdout
    assert "Dữ liệu hợp lệ" in run.stdout
    assert "Đã kiểm tra 0 tệp" not in run.stdout


def test_a_csv_with_the_templates_vietnamese_headers(data_copy: Path) -> None:
    path = data_copy.parent / RESULTS_FILE
    shipped = _results(data_copy)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([VIETNAMESE_HEADER, *rows[1:]])
    path.write_text(out.getvalue(), encoding="utf-8")
    run, found = _check(data_copy)
    assert run.exit_code == 0, run.stdout
    assert found == []
    assert [(r.unit, r.indicator, r.value) for r in _results(data_copy)] == \
        [(r.unit, r.indicator, r.value) for r in shipped]
    assert len(shipped) > 10


def test_a_name_that_matches_no_peak_day_says_how_to_name_the_file(data_copy: Path) -> None:
    (data_copy / "results" / "ket-qua-ngay-11-8.xlsx").write_bytes(workbook(
        ["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12, "", REPORT]))
    run, found = _check(data_copy)
    assert run.exit_code == 1
    assert found == ["sheet-file-name"]
    assert PEAK_DAY in run.problems[0]["hint"]


def test_english_locale_numbers_never_ask_for_quotes(data_copy: Path) -> None:
    """Excel staff do not type quotes around numbers: the fix is to type the digits."""
    for value in ("1,250", 1.25):
        (data_copy / "results" / f"{PEAK_DAY}-quang-ninh.xlsx").write_bytes(workbook(
            ["Quảng Ninh", "dich-vu-cong", "doi-hinh", value, "", REPORT]))
        run = run_cli("check", "--data", str(data_copy), "--format", "json")
        assert run.exit_code == 1
        (problem,) = run.problems
        assert "1250" in problem["hint"]
        assert "ngoặc" not in problem["hint"] and "\"" not in problem["hint"]


def test_a_broken_workbook_is_described_in_vietnamese_only(data_copy: Path) -> None:
    """A zip that is not a workbook, and a workbook whose sheet XML is broken: no exception text."""
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    good = io.BytesIO(workbook(["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12, "", REPORT]))
    damaged = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    for content in (broken.getvalue(), damaged.getvalue()):
        (data_copy / "results" / f"{PEAK_DAY}-quang-ninh.xlsx").write_bytes(content)
        run = run_cli("check", "--data", str(data_copy), "--format", "json")
        assert run.exit_code == 1, run.stdout
        (problem,) = run.problems
        assert problem["code"] == "sheet-unreadable"
        assert problem["file"] == f"data/results/{PEAK_DAY}-quang-ninh.xlsx"
        for english in ("Error", "error", "Exception", "KeyError", "xml", "File is not", "Traceback"):
            assert english not in problem["message"] + problem["hint"], problem
        assert RULES["sheet-unreadable"].hint in problem["hint"]


def test_an_uploaded_workbook_reaches_the_peak_day_page(project: Path) -> None:
    (project / "data" / "results" / f"{PEAK_DAY}-quang-ninh.xlsx").write_bytes(workbook(
        ["Quảng Ninh", "dich-vu-cong", "doi-hinh", 4321, "Ghi chú từ tệp Excel", REPORT]))
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = [p for p in (project / "site").rglob("index.html") if PEAK_DAY in str(p)]
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "Quảng Ninh" in text and "4.321" in text
    bulk = (project / "site" / "du-lieu" / "ket_qua_don_vi.csv").read_text(encoding="utf-8")
    assert "quang-ninh" in bulk and "Ghi chú từ tệp Excel" in bulk
