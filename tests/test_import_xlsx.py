"""`import-xlsx`: the shipped Excel template round-trips, and every bad cell is named."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from openpyxl import load_workbook

from campaign_results.pipeline import check_data
from campaign_results.spreadsheet import COLUMNS, GUIDE_SHEET, SHEET, write_template

from .conftest import ROOT

PEAK_DAY = "2023-08-11-do-thi-van-minh-dich-vu-cong"
RESULTS = f"data/results/{PEAK_DAY}.csv"
TEMPLATE = "content/assets/mau-ket-qua-ngay-cao-diem.xlsx"
# rules only import-xlsx reports; each has its own test below (the other spreadsheet rules are
# also reported for a workbook in data/results/, and have their cases in bad_inputs.py)
IMPORT_ONLY_RULES = {"results-exist", "sheet-not-found"}


def fill_template(project: Path, rows: list[list], target: Path, headers: list[str] | None = None) -> Path:
    book = load_workbook(project / TEMPLATE)
    sheet = book[SHEET]
    if headers is not None:
        for column, header in enumerate(headers, start=1):
            sheet.cell(row=1, column=column, value=header)
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


def import_xlsx(project: Path, workbook: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "import-xlsx", str(workbook), "--peak-day", PEAK_DAY,
                           *extra], cwd=project, capture_output=True, text=True)


def problems(project: Path, workbook: Path, *extra: str) -> list[dict]:
    """The problems of an import, read from the GitHub annotation lines (file, line, title)."""
    env_run = subprocess.run([sys.executable, "build_site.py", "import-xlsx", str(workbook), "--peak-day", PEAK_DAY,
                              *extra], cwd=project, capture_output=True, text=True,
                             env={"GITHUB_ACTIONS": "true", "PATH": "/usr/bin:/bin"})
    assert env_run.returncode == 1 and "Traceback" not in env_run.stdout + env_run.stderr
    rows = [line for line in env_run.stdout.splitlines() if line.startswith("::error ")]
    found = []
    for line in rows:
        properties, message = line[len("::error "):].split("::", 1)
        found.append(dict(kv.split("=", 1) for kv in properties.split(",")) | {"message": message})
    return found


def shipped_rows(project: Path) -> list[dict]:
    with open(project / RESULTS, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_template_has_the_import_columns(project: Path) -> None:
    book = load_workbook(project / TEMPLATE)
    assert [c.value for c in book[SHEET][1]] == [header for header, _ in COLUMNS.values()]
    guide = [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert "cay-xanh" in guide and "nguoi-dan-duoc-ho-tro" in guide


def _layout(path: Path) -> list[tuple]:
    """What a workbook holds: each sheet's name, cell values, column widths, frozen panes, bold cells."""
    return [(sheet.title, list(sheet.iter_rows(values_only=True)),
             {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()},
             sheet.freeze_panes, [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.font.b])
            for sheet in load_workbook(path).worksheets]


def _indicator_rows(path: Path) -> list[tuple]:
    """The guide sheet's list of indicators: (code, label, unit) after its header row."""
    rows = list(load_workbook(path)[GUIDE_SHEET].iter_rows(values_only=True))
    return rows[rows.index(("Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính")) + 1:]


def test_write_template_makes_the_shipped_template(tmp_path: Path) -> None:
    """The committed template is what write_template makes from the indicators it lists."""
    shipped = ROOT / TEMPLATE
    indicators = {code: SimpleNamespace(label=label, unit=unit) for code, label, unit in _indicator_rows(shipped)}
    write_template(tmp_path / "mau.xlsx", indicators)
    assert _layout(tmp_path / "mau.xlsx") == _layout(shipped)


def test_the_template_command_lists_the_indicators_of_the_data(project: Path) -> None:
    with open(project / "data" / "indicators.csv", encoding="utf-8") as handle:
        indicators = sorted((row["code"], row["label"], row["unit"]) for row in csv.DictReader(handle))
    (project / TEMPLATE).unlink()
    run = subprocess.run([sys.executable, "build_site.py", "template"], cwd=project, capture_output=True, text=True)
    assert run.returncode == 0 and f"Đã tạo lại bảng tính mẫu {TEMPLATE} với {len(indicators)} chỉ tiêu" in run.stdout
    assert _indicator_rows(project / TEMPLATE) == indicators
    assert [c.value for c in load_workbook(project / TEMPLATE)[SHEET][1]] == [h for h, _ in COLUMNS.values()]


def test_template_round_trips(project: Path, tmp_path: Path) -> None:
    original = shipped_rows(project)
    before = {(r.unit, r.track, r.indicator, r.value) for r in
              check_data(project / "data", project).dataset.peak_days[PEAK_DAY].results}
    rows = [[r["unit"], r["track"], r["indicator"], r["value"], r["note"], r["source"]] for r in original]
    rows[0][3] = 1025  # Excel often stores numbers as numbers, not text
    workbook = fill_template(project, rows, tmp_path / "ket-qua.xlsx")
    (project / RESULTS).unlink()
    run = import_xlsx(project, workbook)
    assert run.returncode == 0, run.stdout
    assert f"Đã nhập {len(original)} dòng" in run.stdout
    after = {(r.unit, r.track, r.indicator, r.value) for r in
             check_data(project / "data", project).dataset.peak_days[PEAK_DAY].results}
    assert after == before


def test_names_and_labels_are_understood(project: Path, tmp_path: Path) -> None:
    rows = [["hung yen", "Hỗ trợ người dân thực hiện dịch vụ công trực tuyến, giải quyết thủ tục hành chính",
             "Đội hình (tổ, đội, nhóm)", "hơn 1.161", "", ""]]
    workbook = fill_template(project, rows, tmp_path / "ket-qua.xlsx")
    run = import_xlsx(project, workbook, "--replace", "--source", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8")
    assert run.returncode == 0, run.stdout
    assert shipped_rows(project) == [{"unit": "Hưng Yên", "track": "dich-vu-cong", "indicator": "doi-hinh",
                                      "value": "hơn 1.161", "note": "",
                                      "source": "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"}]


def test_misspelled_province_text_in_a_number_and_missing_source_name_their_cells(project: Path,
                                                                                   tmp_path: Path) -> None:
    rows = [["Hung Yenn", "dich-vu-cong", "doi-hinh", 161, "", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"],
            ["Nghệ An", "dich-vu-cong", "doi-hinh", "nhiều", "", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"]]
    workbook = fill_template(project, rows, tmp_path / "ket-qua.xlsx")
    before = (project / RESULTS).read_bytes()
    found = problems(project, workbook, "--replace")
    by_code = {f["title"].split(" ")[0]: f for f in found}
    assert by_code["unknown-unit"]["title"].endswith("(Kết quả!A2 (Đơn vị))")
    assert by_code["unknown-unit"]["line"] == "2" and "Hưng Yên" in by_code["unknown-unit"]["message"]
    assert "Kết quả!D3" in by_code["sheet-number-format"]["title"]
    assert "nhiều" in by_code["sheet-number-format"]["message"]
    assert (project / RESULTS).read_bytes() == before  # nothing written


def test_missing_column_names_the_header_row(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hưng Yên", "dich-vu-cong", "doi-hinh", None, "", ""]],
                             tmp_path / "ket-qua.xlsx",
                             headers=["Đơn vị", "Mặt hoạt động", "Chỉ tiêu", "Số liệu", "Ghi chú", "Văn bản nguồn"])
    found = problems(project, workbook, "--replace")
    assert [f["title"].split(" ")[0] for f in found] == ["sheet-missing-column"]
    assert "Kết quả!A1" in found[0]["message"] and "Kết quả" in found[0]["message"]


def test_existing_results_are_kept_without_replace(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hưng Yên", "dich-vu-cong", "doi-hinh", 1, "", "x"]], tmp_path / "a.xlsx")
    found = problems(project, workbook)
    assert found[0]["title"] == "results-exist" and "--replace" in found[0]["message"]


def test_a_file_that_is_not_a_workbook(project: Path, tmp_path: Path) -> None:
    fake = tmp_path / "ket-qua.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    found = problems(project, fake, "--replace")
    assert found[0]["title"] == "sheet-unreadable"


def test_a_blank_source_cell_says_so_and_how_to_fill_it(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hưng Yên", "dich-vu-cong", "doi-hinh", 1, "", None]], tmp_path / "a.xlsx")
    found = problems(project, workbook, "--replace")
    assert [f["title"] for f in found] == ["sheet-empty-cell (Kết quả!F2 (Văn bản nguồn))"]
    assert "Ô Kết quả!F2 (Văn bản nguồn) đang trống" in found[0]["message"]
    assert "data/documents/" in found[0]["message"]  # the hint follows the message in the annotation


def test_source_option_fills_blank_source_cells(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hưng Yên", "dich-vu-cong", "doi-hinh", 1, "", None]], tmp_path / "a.xlsx")
    run = import_xlsx(project, workbook, "--replace", "--source", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8")
    assert run.returncode == 0, run.stdout
    assert shipped_rows(project)[0]["source"] == "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"


def test_report_counts_the_workbook(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hung Yenn", "dich-vu-cong", "doi-hinh", 1, "", "x"]], tmp_path / "a.xlsx")
    run = import_xlsx(project, workbook, "--replace")
    assert run.returncode == 1 and "Đã kiểm tra 1 tệp" in run.stdout, run.stdout


def test_import_writes_through_a_temporary_file_and_leaves_none(project: Path, tmp_path: Path) -> None:
    rows = [["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12.0, "", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"]]
    workbook = fill_template(project, rows, tmp_path / "a.xlsx")
    run = import_xlsx(project, workbook, "--replace")
    assert run.returncode == 0, run.stdout
    assert sorted(p.name for p in (project / "data" / "results").iterdir()) == [f"{PEAK_DAY}.csv"]
    assert shipped_rows(project)[0]["value"] == "12"  # 12.0 as Excel stores it is the count 12


def test_import_reads_the_visible_results_sheet_only(project: Path, tmp_path: Path) -> None:
    book = load_workbook(project / TEMPLATE)
    hidden = book.create_sheet("Cũ", 0)  # first, and hidden: never read
    hidden.append(["Đơn vị", "Mặt hoạt động", "Chỉ tiêu", "Kết quả", "Ghi chú", "Văn bản nguồn"])
    hidden.append(["Ben Tree", "x", "y", "nhiều", "", ""])
    hidden.sheet_state = "hidden"
    book[SHEET].append(["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12, "", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"])
    book.save(tmp_path / "a.xlsx")
    run = import_xlsx(project, tmp_path / "a.xlsx", "--replace")
    assert run.returncode == 0, run.stdout
    assert [r["unit"] for r in shipped_rows(project)] == ["Quảng Ninh"]


def test_existing_results_not_in_utf8_are_counted_not_a_crash(project: Path, tmp_path: Path) -> None:
    workbook = fill_template(project, [["Hưng Yên", "dich-vu-cong", "doi-hinh", 1, "", "x"]], tmp_path / "a.xlsx")
    shipped = (project / RESULTS).read_text(encoding="utf-8")
    rows = len(shipped.strip().splitlines()) - 1
    for raw in (shipped.encode("utf-16"),  # Excel's "Unicode text"
                shipped.replace("Hà Tĩnh", "Ha Tinh").encode("utf-8").replace(b"Ha Tinh", b"H\xe0 T\xecnh"),
                shipped.replace("\n", "\r").encode("utf-8")):  # CR-only line ends (Excel for Mac)
        (project / RESULTS).write_bytes(raw)
        found = problems(project, workbook)
        assert [f["title"] for f in found] == ["results-exist"], found
        assert f"đã có {rows} dòng kết quả" in found[0]["message"]


def test_a_results_csv_in_a_legacy_encoding_given_as_the_workbook(project: Path, tmp_path: Path) -> None:
    fake = tmp_path / "ket-qua.csv"
    fake.write_bytes("Đơn vị,Kết quả\nHà Tĩnh,612\n".encode("utf-16") + b"\xff\xfe\x00")
    found = problems(project, fake, "--replace")
    assert [f["title"] for f in found] == ["sheet-unreadable"]
    assert "không phải bảng tính Excel" in found[0]["message"]


def test_a_workbook_that_does_not_exist_is_named(project: Path, tmp_path: Path) -> None:
    before = (project / RESULTS).read_bytes()
    found = problems(project, tmp_path / "khong-co.xlsx", "--replace")
    assert [f["title"] for f in found] == ["sheet-not-found"]
    assert "Không tìm thấy tệp" in found[0]["message"] and "khong-co.xlsx" in found[0]["message"]
    assert (project / RESULTS).read_bytes() == before


def test_an_empty_file_given_as_the_workbook(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "ket-qua.xlsx"
    empty.write_bytes(b"")
    found = problems(project, empty, "--replace")
    assert [f["title"] for f in found] == ["sheet-unreadable"]


def test_a_decompression_bomb_leaves_the_results_as_they_were(project: Path, tmp_path: Path) -> None:
    """A workbook of a few hundred KB that unpacks to gigabytes is refused before it is read, and
    the results file it would have replaced keeps every row and byte."""
    import zipfile

    results = project / "data" / "results" / f"{PEAK_DAY}.csv"
    before = results.read_bytes()
    good = fill_template(project, [["Quảng Ninh", "dich-vu-cong", "doi-hinh", 12, "", "x"]], tmp_path / "a.xlsx")
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open("xl/media/padding.bin", "w", force_zip64=True) as padding:
            block = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MB unpacked, about 300 KB packed
                padding.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    found = problems(project, bomb, "--replace")
    assert [f["title"] for f in found] == ["sheet-too-large"]
    assert results.read_bytes() == before
    assert sorted(p.name for p in results.parent.iterdir()) == [results.name]
