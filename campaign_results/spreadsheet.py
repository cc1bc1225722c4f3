"""Per-unit results of a peak day from Excel: the template (`template`), and `import-xlsx`.

Staff keep results in a spreadsheet with one row per unit. The template
(``content/assets/mau-ket-qua-ngay-cao-diem.xlsx``, downloadable from the site)
has a sheet "Kết quả" with the columns below and a sheet "Hướng dẫn" listing
the indicators; `template` writes it again from data/indicators.csv (after an
indicator is added, say). `import-xlsx FILE --peak-day ID` reads the sheet, checks each
cell as it goes (units matched on their folded name, with suggestions; numbers
written the Vietnamese way; indicators and tracks by code or by name) and
writes ``data/results/<ID>.csv``. Every problem names its sheet cell
("Kết quả!D5"); if there is any, nothing is written.

The workbook is read by the same reader as a workbook saved in ``data/results/``
(:mod:`campaign_results.load.xlsx_file`), and checked by the same pipeline.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .check.build import build_dataset
from .check.schema import check_schema
from .crosscheck.consistency import check_dataset
from .files import write_atomically
from .load.csv_file import decode
from .load.discover import REFERENCE_FOLDER, data_files
from .load.xlsx_file import COLUMNS, SHEET, cell_name, results_records
from .numbers import Quantity, format_number
from .pipeline import _read_and_validate, check_data
from .problems import Place, Report, did_you_mean
from .project import Project

__all__ = ["COLUMNS", "SHEET", "TEMPLATE", "cell_name", "import_results", "write_template"]

GUIDE_SHEET = "Hướng dẫn"
TEMPLATE = Path("content") / "assets" / "mau-ket-qua-ngay-cao-diem.xlsx"  # under the project root


@dataclass
class ImportResult:
    report: Report
    rows: int = 0
    written: Path | None = None


def write_template(path: Path, indicators: Mapping) -> None:
    """The blank template, with the indicator list on its guide sheet (``indicators``: code → an
    object with ``label`` and ``unit``, as ``Dataset.indicators``), written atomically to ``path``."""
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
    out = io.BytesIO()
    book.save(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, out.getvalue())


def import_results(project: Project, workbook: Path, peak_day_id: str, source: str | None = None,
                   replace: bool = False) -> ImportResult:
    """Read ``workbook`` with the loader's reader and check its rows with the data as it would
    be; only if nothing is wrong, write them to ``data/results/<peak_day_id>.csv`` (atomically),
    then check again."""
    report = Report()
    report.files_checked = 1  # the workbook
    result = ImportResult(report)
    name = workbook.name
    target = project.data_dir / "results" / f"{peak_day_id}.csv"
    shown_target = target.relative_to(project.root).as_posix()
    if not workbook.exists():
        report.add("sheet-not-found", Place(name), file=str(workbook))
        return result
    if target.exists() and not replace:
        existing = _rows_written(target.read_bytes())
        if existing > 0:
            report.add("results-exist", Place(shown_target, 1), rows=existing, file=shown_target)
            return result

    # The data without the CSV this import replaces, plus the workbook's rows as that CSV's.
    data_dir = project.data_dir
    paths = [path for path in data_files(data_dir) if path != target and path != workbook]
    valid, invalid_ids, unreadable, checked = _read_and_validate(data_dir, project.root, paths)
    valid += [row for row in results_records(workbook, name, checked, table=peak_day_id, default_source=source)
              if check_schema(row, checked)]
    dataset = build_dataset(valid, data_dir / REFERENCE_FOLDER, checked, invalid_ids, unreadable)
    day = dataset.peak_days.get(peak_day_id)
    if day is None:
        report.add("unknown-reference", Place(name), what="Ngày cao điểm", value=peak_day_id,
                   suggestion=did_you_mean(peak_day_id, list(dataset.peak_days)))
        return result
    check_dataset(dataset, checked)
    # the workbook's problems, and any error elsewhere (it would stop the build all the same)
    report.problems += [p for p in checked.problems if p.file == name or p.severity == "error"]
    imported = [row for row in day.results if row.origin.file == name]
    result.rows = len(imported)
    if not report.ok:
        return result

    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["unit", "track", "indicator", "value", "note", "source"])
    for row in imported:
        writer.writerow([dataset.unit(row.unit).short_name, row.track, row.indicator, _written(row.value),
                         row.note or "", row.source])
    previous = target.read_bytes() if target.exists() else None
    write_atomically(target, text.getvalue().encode("utf-8"))
    after = check_data(project.data_dir, project.root)
    if not after.report.ok:  # not expected (the same data was checked above): keep the data as it was
        if previous is None:
            target.unlink()
        else:
            write_atomically(target, previous)
        report.problems.extend(after.report.errors)
        return result
    result.written = target
    return result


def _rows_written(raw: bytes) -> int:
    """About how many rows a results CSV holds (its non-blank lines after the header), whatever
    its encoding or line ends: the file is only counted here; check reports what is wrong in it."""
    text, _ = decode(raw)
    if text is None:
        codec = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
        text = raw.decode(codec, errors="replace").replace("\x00", "")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return sum(1 for line in lines if line.strip()) - 1


def _written(quantity: Quantity) -> str:
    shown = format_number(quantity.value)
    return f"{quantity.qualifier} {shown}" if quantity.qualifier else shown
