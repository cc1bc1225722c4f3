"""Per-unit results of a peak day from Excel: the template, and `import-xlsx`.

Staff keep results in a spreadsheet with one row per unit. The template
(``content/assets/mau-ket-qua-ngay-cao-diem.xlsx``, downloadable from the site)
has a sheet "Kết quả" with the columns below and a sheet "Hướng dẫn" listing
the indicators. `import-xlsx FILE --peak-day ID` reads the sheet, checks each
cell as it goes (units matched on their folded name, with suggestions; numbers
written the Vietnamese way; indicators and tracks by code or by name) and
writes ``data/results/<ID>.csv``. Every problem names its sheet cell
("Kết quả!D5"); if there is any, nothing is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .numbers import NumberError, Quantity, format_number, parse_quantity
from .pipeline import check_data
from .problems import Place, Report, did_you_mean
from .project import Project
from .text import fold

SHEET = "Kết quả"
GUIDE_SHEET = "Hướng dẫn"
# column → (header in the sheet, required)
COLUMNS = {
    "unit": ("Đơn vị", True),
    "track": ("Mặt hoạt động", True),
    "indicator": ("Chỉ tiêu", True),
    "value": ("Kết quả", True),
    "note": ("Ghi chú", False),
    "source": ("Văn bản nguồn", False),
}
TEMPLATE = Path(__file__).resolve().parent.parent / "content" / "assets" / "mau-ket-qua-ngay-cao-diem.xlsx"


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(column)


def cell_name(sheet: str, row: int, column: int) -> str:
    return f"{sheet}!{_letter(column)}{row}"


@dataclass
class ImportResult:
    report: Report
    rows: int = 0
    written: Path | None = None


def write_template(path: Path, indicators: dict) -> None:
    """The blank template, with the indicator list on its guide sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([header for header, _ in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (28, 26, 30, 14, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(GUIDE_SHEET)
    for line in [
        "Mỗi dòng của trang \"Kết quả\" là một đơn vị, một mặt hoạt động, một chỉ tiêu.",
        "Đơn vị: tên tỉnh, thành như trong văn bản (có dấu hoặc không dấu), ví dụ Bến Tre, TP. Hồ Chí Minh.",
        "Mặt hoạt động: mã hoặc tên mặt hoạt động của Ngày cao điểm, ví dụ dich-vu-cong.",
        "Chỉ tiêu: mã hoặc tên trong danh sách dưới đây.",
        "Kết quả: số, ví dụ 1.166 hoặc 22750; có thể ghi \"hơn 5.000\".",
        "Văn bản nguồn: mã văn bản trong data/documents/ (bỏ trống nếu đã ghi khi nhập).",
        "Nhập: python build_site.py import-xlsx TỆP.xlsx --peak-day MÃ_NGÀY_CAO_ĐIỂM",
        "",
    ]:
        guide.append([line])
    guide.append(["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính"])
    for code, indicator in sorted(indicators.items()):
        guide.append([code, indicator.label, indicator.unit])
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 50
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def import_results(project: Project, workbook: Path, peak_day_id: str, source: str | None = None,
                   replace: bool = False) -> ImportResult:
    from openpyxl import load_workbook

    report = Report()
    result = ImportResult(report)
    name = workbook.name
    checked = check_data(project.data_dir, project.root)
    dataset = checked.dataset
    day = dataset.peak_days.get(peak_day_id) if dataset else None
    if day is None:
        report.add("unknown-reference", Place(name), what="Ngày cao điểm", value=peak_day_id,
                   suggestion=did_you_mean(peak_day_id, list(dataset.peak_days) if dataset else []))
        return result
    target = project.data_dir / "results" / f"{peak_day_id}.csv"
    if target.exists() and not replace:
        existing = sum(1 for _ in target.open(encoding="utf-8")) - 1
        if existing > 0:
            report.add("results-exist", Place(target.relative_to(project.root).as_posix(), 1),
                       rows=existing, file=target.relative_to(project.root).as_posix())
            return result
    try:
        book = load_workbook(workbook, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        report.add("sheet-unreadable", Place(name), detail=f"{type(error).__name__}: {error}")
        return result
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header_row = next((i for i, row in enumerate(rows, start=1) if any(v not in (None, "") for v in row)), None)
    if header_row is None:
        report.add("file-empty", Place(name, 1))
        return result
    headers = {fold(str(v)): i for i, v in enumerate(rows[header_row - 1], start=1) if v not in (None, "")}
    columns: dict[str, int] = {}
    for key, (header, required) in COLUMNS.items():
        if fold(header) in headers:
            columns[key] = headers[fold(header)]
        elif required:
            report.add("sheet-missing-column", Place(name, header_row, None, header), sheet=sheet.title,
                       column=header, cell=cell_name(sheet.title, header_row, 1),
                       columns=", ".join(h for h, _ in COLUMNS.values()))
    if not report.ok:
        return result

    tracks = {fold(t.id): t.id for t in day.tracks} | {fold(t.name): t.id for t in day.tracks}
    indicators = ({fold(code): code for code in dataset.indicators}
                  | {fold(i.label): code for code, i in dataset.indicators.items()})
    out_rows = []
    for row_number, row in enumerate(rows[header_row:], start=header_row + 1):
        cells = {key: _cell(row, index) for key, index in columns.items()}
        if all(value in (None, "") for value in cells.values()):
            continue
        # each column's place, named as the sheet names it: "Kết quả!D5 (Kết quả)"
        places = {key: Place(name, row_number, index, f"{cell_name(sheet.title, row_number, index)} "
                                                      f"({COLUMNS[key][0]})")
                  for key, index in columns.items()}

        unit_text, track_text, indicator_text = (str(cells.get(key) or "") for key in ("unit", "track", "indicator"))
        resolution = dataset.units.resolve(unit_text, day.date)
        if resolution.unit is None:
            report.add(resolution.problem or "unknown-unit", places["unit"], **resolution.params)
        track = tracks.get(fold(track_text))
        if track is None:
            report.add("unknown-reference", places["track"], what="mặt hoạt động", value=track_text,
                       suggestion=did_you_mean(track_text, [t.id for t in day.tracks]))
        indicator = indicators.get(fold(indicator_text))
        if indicator is None:
            report.add("unknown-indicator", places["indicator"], value=indicator_text,
                       suggestion=did_you_mean(indicator_text, list(dataset.indicators)))
        quantity = None
        raw = cells.get("value")
        try:
            kind = dataset.indicators[indicator].kind if indicator else "decimal"
            if isinstance(raw, float) and raw.is_integer():
                raw = int(raw)
            quantity = parse_quantity(raw if not isinstance(raw, float) else str(raw).replace(".", ","), kind)
        except NumberError as error:
            report.add(error.code, places["value"], **error.params)
        document = cells.get("source") or source
        if not document:
            report.add("missing-field", Place(name, row_number, None, COLUMNS["source"][0]),
                       name=f"{COLUMNS['source'][0]} (cột của bảng tính hoặc --source)")
        if resolution.unit and track and indicator and quantity and document:
            out_rows.append([resolution.unit.short_name, track, indicator, _written(quantity),
                             cells.get("note") or "", document])
    result.rows = len(out_rows)
    if not report.ok:
        return result

    previous = target.read_bytes() if target.exists() else None
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["unit", "track", "indicator", "value", "note", "source"])
    writer.writerows(out_rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.getvalue(), encoding="utf-8")
    after = check_data(project.data_dir, project.root)
    if not after.report.ok:  # e.g. a unit above the national total: keep the data as it was
        if previous is None:
            target.unlink()
        else:
            target.write_bytes(previous)
        report.problems.extend(after.report.errors)
        return result
    result.written = target
    return result


def _cell(row: tuple, column: int):
    """The value of a 1-based column of a sheet row (None past its end), text stripped."""
    value = row[column - 1] if column - 1 < len(row) else None
    return value.strip() if isinstance(value, str) else value


def _written(quantity: Quantity) -> str:
    shown = format_number(quantity.value)
    return f"{quantity.qualifier} {shown}" if quantity.qualifier else shown
