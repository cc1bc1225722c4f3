"""Reading per-unit results from the Excel template, cell by cell.

One reader for both routes: ``data/results/<peak day id>….xlsx`` read by ``check``
and ``build``, and ``import-xlsx``. It reads the sheet "Kết quả" (or else the first
visible sheet; hidden sheets are never read), finds the header row (the template's
Vietnamese headers or the CSV's English ones, with or without diacritics), and turns
each row into a record like a CSV row: column → value, with the (row, column) of
each cell and the cell's name ("Kết quả!D5 (Kết quả)") for problems.

What a cell can get wrong is caught here, where the cell is known: a blank required
cell, a formula whose result was never saved. Numbers keep what the cell says about
them (:class:`CellNumber`: a decimal, a percentage) so that their problems, found
once the indicator is known, are worded for Excel.

Files are read with openpyxl in read-only mode, values only, after a size check;
anything openpyxl cannot read becomes a problem naming the file, never a crash.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..numbers import CellNumber, CellText, format_number
from ..text import fold, nfc, slugify
from .csv_file import TableProblem
from .yaml_file import Mapping

SHEET = "Kết quả"
# column → (header in the template, required)
COLUMNS = {
    "unit": ("Đơn vị", True),
    "track": ("Mặt hoạt động", True),
    "indicator": ("Chỉ tiêu", True),
    "value": ("Kết quả", True),
    "note": ("Ghi chú", False),
    "source": ("Văn bản nguồn", True),
}
# folded header (Vietnamese or English) → column
HEADERS = {fold(header): key for key, (header, _) in COLUMNS.items()} | {key: key for key in COLUMNS}

MAX_BYTES = 20 * 1024 * 1024            # the file as uploaded
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # its parts once unzipped (a "zip bomb" is small packed)
MAX_ROWS = 20_000                       # sheet rows; 34 provinces × 3 tracks × 10 indicators is ~1.000

_HOW = {
    "unit": "Ghi tên đơn vị như trong văn bản, ví dụ Bến Tre hoặc TP. Hồ Chí Minh (gõ không dấu "
            "cũng được), hoặc xoá cả dòng nếu dòng này thừa.",
    "track": "Ghi mã hoặc tên mặt hoạt động của Ngày cao điểm (xem tệp trong data/peak-days/), "
             "hoặc xoá cả dòng nếu dòng này thừa.",
    "indicator": "Ghi mã hoặc tên chỉ tiêu như ở trang \"Hướng dẫn\" của tệp mẫu, hoặc xoá cả "
                 "dòng nếu dòng này thừa.",
    "value": "Gõ con số của đơn vị cho chỉ tiêu này (ví dụ 22750). Nếu văn bản không ghi số, "
             "xoá cả dòng.",
    "source": "Ghi mã văn bản nguồn: tên tệp của văn bản trong data/documents/, bỏ đuôi .yaml "
              "(ví dụ trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8). Mỗi dòng cần một mã; "
              "nếu cả bảng cùng một văn bản, chép mã đó xuống mọi dòng của cột Văn bản nguồn.",
}


@dataclass
class SheetTable:
    sheet: str | None = None
    rows: list[Mapping] = field(default_factory=list)  # column → value; .field_names, .typed
    problems: list[TableProblem] = field(default_factory=list)


def cell_name(sheet: str, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter
    return f"{sheet}!{get_column_letter(column)}{row}"


def read_results_sheet(path: Path, default_source: str | None = None) -> SheetTable:
    """The result rows of a workbook, or the problems that stop it being read.

    ``default_source`` (import-xlsx's --source) fills blank "Văn bản nguồn" cells.
    """
    table = SheetTable()
    too_large = _size_problem(path)
    if too_large:
        table.problems.append(too_large)
        return table
    try:
        _read(path, default_source, table)
    except Exception as error:  # openpyxl raises many kinds for a file it cannot read
        table.rows.clear()
        table.problems.append(TableProblem("sheet-unreadable", params={"detail": _describe(path, error)}))
    return table


def _size_problem(path: Path) -> TableProblem | None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        return TableProblem("sheet-too-large", params={
            "what": f"{format_number(round(size / 1024 / 1024))} MB", "limit": f"{MAX_BYTES // 1024 // 1024} MB"})
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip: openpyxl says so below
    if unpacked > MAX_UNPACKED_BYTES:
        return TableProblem("sheet-too-large", params={
            "what": f"giải nén ra {format_number(round(unpacked / 1024 / 1024))} MB",
            "limit": f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB khi giải nén"})
    return None


def _describe(path: Path, error: Exception) -> str:
    """Why openpyxl could not read the file, in words staff can act on (never the exception's
    own English text)."""
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except OSError:
        start = b""
    if start.startswith(b"\xd0\xcf\x11\xe0"):  # the old binary format, also used for password-protected files
        return "tệp là bảng tính .xls cũ hoặc tệp Excel có đặt mật khẩu"
    if isinstance(error, zipfile.BadZipFile) or not start.startswith(b"PK"):
        return "tệp không phải bảng tính Excel .xlsx (có thể là tệp .xls cũ, .csv đổi đuôi, hoặc tệp bị hỏng)"
    return "tệp .xlsx bị hỏng: phần nội dung bên trong không đọc được (tệp tải lên chưa hết, hoặc do chương trình khác lưu sai)"


def _sheet(book):
    """The sheet "Kết quả", or else the first visible sheet (hidden sheets are never read)."""
    if SHEET in book.sheetnames and book[SHEET].sheet_state == "visible":
        return book[SHEET]
    return next((sheet for sheet in book.worksheets if sheet.sheet_state == "visible"), None)


def _read(path: Path, default_source: str | None, table: SheetTable) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = _sheet(book)
        if sheet is None:
            table.problems.append(TableProblem("file-empty", 1))
            return
        table.sheet = sheet.title
        formulas_to_check = _read_rows(sheet, default_source, table)
    finally:
        book.close()
    if formulas_to_check:
        _name_formulas(path, table, formulas_to_check)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_rows(sheet, default_source: str | None, table: SheetTable) -> dict[tuple[int, int], TableProblem]:
    """Fill ``table`` from the sheet; the blank required cells, which may hold a formula whose
    result was never saved (data_only gives None for it), by (row, column)."""
    title = sheet.title
    columns: dict[str, int] | None = None
    blanks: dict[tuple[int, int], TableProblem] = {}
    for row_number, cells in enumerate(sheet.iter_rows(), start=1):
        if row_number > MAX_ROWS:
            if any(not _is_blank(getattr(cell, "value", None)) for cell in cells):
                table.problems.append(TableProblem("sheet-too-large", row_number, None, {
                    "what": f"trang \"{title}\" có hơn {format_number(MAX_ROWS)} dòng",
                    "limit": f"{format_number(MAX_ROWS)} dòng"}))
                table.rows.clear()
                return {}
            continue
        values = [getattr(cell, "value", None) for cell in cells]
        if all(_is_blank(value) for value in values):
            continue
        if columns is None:
            columns = _header(values, row_number, title, default_source, table)
            if columns is None:
                return {}
            continue
        row = Mapping()
        row.place = (row_number, 1)
        row.field_names = {}
        row.typed = {}
        complete = True
        for key, index in columns.items():
            cell = cells[index - 1] if index - 1 < len(cells) else None
            name = f"{cell_name(title, row_number, index)} ({COLUMNS[key][0]})"
            row.field_names[key] = name
            value = _value(cell, key)
            if _is_blank(value) and key == "source" and default_source:
                value = default_source
            if _is_blank(value):
                if COLUMNS[key][1]:
                    problem = TableProblem("sheet-empty-cell", row_number, index,
                                           {"cell": name, "how": _HOW[key]}, name)
                    blanks[(row_number, index)] = problem
                    table.problems.append(problem)
                    complete = False
                continue
            if key in ("track", "indicator") and slugify(value) != value:
                row.typed[key] = value  # a name: the dataset builder matches it by its slug
                value = slugify(value) or value
            row[key] = value
            row.key_places[key] = (row_number, index)
        if complete:
            table.rows.append(row)
    if columns is None:
        table.problems.append(TableProblem("file-empty", 1))
    return blanks


def _header(values: list, row_number: int, title: str, default_source: str | None,
            table: SheetTable) -> dict[str, int] | None:
    found = {HEADERS[fold(str(v))]: i for i, v in enumerate(values, start=1)
             if not _is_blank(v) and fold(str(v)) in HEADERS}
    missing = [key for key, (_, required) in COLUMNS.items()
               if key not in found and required and not (key == "source" and default_source)]
    for key in missing:
        header = COLUMNS[key][0]
        table.problems.append(TableProblem("sheet-missing-column", row_number, None, {
            "sheet": title, "column": header, "cell": cell_name(title, row_number, 1),
            "columns": ", ".join(h for h, _ in COLUMNS.values())}, header))
    return None if missing else found


def _value(cell, key: str):
    """A cell's value as the record holds it: text stripped (NFC), whole numbers as ``int``;
    in the value column, other numbers as :class:`CellNumber` and text as :class:`CellText`."""
    value = getattr(cell, "value", None)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        percent = "%" in (getattr(cell, "number_format", None) or "")
        if key != "value":
            value = int(value) if isinstance(value, float) and value.is_integer() else value
            return str(value)
        if percent:
            return CellNumber(value, percent=True)
        if isinstance(value, float):
            return int(value) if value.is_integer() else CellNumber(value)
        return value
    text = nfc(str(value)).strip()
    return CellText(text) if key == "value" else text


def _name_formulas(path: Path, table: SheetTable, blanks: dict[tuple[int, int], TableProblem]) -> None:
    """Turn each blank cell that holds a formula into "formula with no saved result"."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = book[table.sheet]
        last = max(row for row, _ in blanks)
        for row_number, cells in enumerate(sheet.iter_rows(max_row=last), start=1):
            for cell in cells:
                column = getattr(cell, "column", None)
                problem = blanks.get((row_number, column))
                value = getattr(cell, "value", None)
                if problem and isinstance(value, str) and value.startswith("="):
                    problem.code = "sheet-formula-no-value"
                    problem.params = {"cell": problem.params["cell"], "formula": value[1:]}
    finally:
        book.close()


def results_records(path: Path, file: str, report, table: str,
                    default_source: str | None = None) -> list:
    """The rows of a results workbook as "result" records of ``table``, the workbook's own
    problems (unreadable cells, formulas) in ``report``. Each row knows the cell of each of its
    fields (``row.field_names``), so that the check stage names the cell of a wrong value."""
    from ..problems import Place
    from .discover import RawRecord

    sheet = read_results_sheet(path, default_source)
    for problem in sheet.problems:
        report.add(problem.code, Place(file, problem.line, problem.column, problem.field), **problem.params)
    return [RawRecord("result", file, row, table=table) for row in sheet.rows]
