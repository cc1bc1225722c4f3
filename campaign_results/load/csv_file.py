"""Reading one CSV table of records, row by row, with line numbers.

Accepted: UTF-8 with or without the byte-order mark Excel writes, commas
between columns, lines ended the Windows way (CR LF), the Unix way (LF) or the
way Excel for Mac used to (CR alone). Rejected with a clear problem: UTF-16
("Unicode text" in Excel), Windows-1258 or other legacy encodings,
``;``-separated files (Excel's default in a Vietnamese locale), a NUL byte
(a damaged file), a column given twice (by its code and by its Vietnamese
header, or twice the same), a cell longer than :data:`MAX_CELL_CHARS`, a quote
never closed, and anything else Python's csv module cannot read.

Everything here is linear in the size of the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from ..numbers import format_number
from ..problems import did_you_mean
from ..text import fold, nfc
from .yaml_file import Mapping

# A cell longer than this is an error. The longest note in the shipped data is a few hundred
# characters; 20.000 is ten pages of text, far more than a cell of a results table needs, and
# what a quote left open (the rest of the file read into one cell) usually produces.
MAX_CELL_CHARS = 20_000
# A file larger than this is not read. One peak day's results (34 provinces, a few tracks and
# indicators each, with notes) is tens of kilobytes; 20 MB is the workbook limit (xlsx_file.py).
MAX_FILE_BYTES = 20 * 1024 * 1024
_SHOWN_HEADER_CHARS = 60  # an unknown header cell is quoted in the message up to this length


@dataclass
class TableProblem:
    """A problem found while reading a table file (CSV here, a workbook in xlsx_file), before it
    is placed in the report: its code, row and column, and the field when known (a sheet cell)."""

    code: str
    line: int | None = None
    column: int | None = None
    params: dict = field(default_factory=dict)
    field: str | None = None  # (after params: the name would hide dataclasses.field)


@dataclass
class CsvTable:
    header: list[str] = field(default_factory=list)
    rows: list[Mapping] = field(default_factory=list)  # each row: column → cell, with places
    problems: list[TableProblem] = field(default_factory=list)


def _line_at(raw: bytes, position: int) -> int:
    """The line of the byte at ``position``, counting CR LF, LF and a lone CR as line ends."""
    crlf = raw.count(b"\r\n", 0, position)
    return raw.count(b"\n", 0, position) + raw.count(b"\r", 0, position) - crlf + 1


def decode(raw: bytes) -> tuple[str | None, TableProblem | None]:
    """The text of a CSV file, or the encoding problem that stops it being read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, TableProblem("file-encoding", 1, None, {"detected": " (tệp đang ở dạng UTF-16/Unicode)"})
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    # UTF-16 without its mark: a NUL in every other byte (the high byte of each Latin letter),
    # not NULs in a run (the end of a damaged or truncated file, reported by read_table)
    even, odd = raw[0:200:2].count(0), raw[1:200:2].count(0)
    if (even > 10 and odd <= 2) or (odd > 10 and even <= 2):
        return None, TableProblem("file-encoding", 1, None, {"detected": " (tệp đang ở dạng UTF-16/Unicode)"})
    try:
        return nfc(raw.decode("utf-8")), None
    except UnicodeDecodeError as error:
        return None, TableProblem("file-encoding", _line_at(raw, error.start), None,
                                  {"detected": " (có thể là Windows-1258 hoặc bảng mã cũ khác)"})


# One cell as the csv module reads it (not strict): a quote opens a quoted cell only as the
# cell's first character; "" inside is a quote; after the closing quote the cell runs on, as
# written, to the next comma or line end. Group 1 is the closing quote, None if there is none.
_CELL = re.compile(r'"[^"]*(?:""[^"]*)*(")?[^,\n]*|[^,\n]*')


def _ends_in_quotes(text: str) -> bool:
    """Whether ``text`` (one record as written) ends inside a quoted cell."""
    position, end = 0, len(text)
    while position < end:
        match = _CELL.match(text, position)
        if text.startswith('"', position) and match.group(1) is None:
            return True  # the quoted part ran to the end of the text
        position = match.end() + 1  # after the comma or line end
    return False


def read_table(text: str, required: list[str], optional: list[str],
               headers: dict[str, str] | None = None) -> CsvTable:
    """Rows of a decoded CSV text, checked against the expected columns.

    A header cell names its column as written, or (matched on the folded text: with or without
    diacritics, any case) by the column's name or by its other header in ``headers``
    (column → header, e.g. "value" → "Kết quả", the Excel template's Vietnamese headers).
    """
    table = CsvTable()
    allowed = required + optional
    by_folded = {fold(name): name for name in allowed}
    by_folded |= {fold(header): name for name, header in (headers or {}).items() if name in allowed}
    # Every line end becomes LF: CR alone (Excel for Mac) or CR LF; a line break typed in a cell
    # (Alt+Enter, stored as LF by Excel) is kept as LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        table.problems.append(TableProblem("csv-nul-byte", line, None,
                                           {"line": line, "count": text.count("\x00")}))
        return table
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        table.problems.append(TableProblem("file-empty", 1))
        return table
    header_line = lines[first]
    for delimiter in (";", "\t"):
        if delimiter in header_line and "," not in header_line:
            shown = "Tab" if delimiter == "\t" else delimiter
            table.problems.append(TableProblem("csv-delimiter", first + 1, None, {"delimiter": shown}))
            return table

    last_line = len(lines) - (1 if text.endswith("\n") else 0)  # the line the reader ends on
    # No cell can be longer than the text: the csv module never stops on its own limit first.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline="\n"))
    line_before = 0
    header: list[str] | None = None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:  # not expected once the text is as above, but never a crash
            table.problems.append(TableProblem("csv-unreadable", line_before + 1, None,
                                               {"line": line_before + 1, "detail": ""}))
            return table
        row_line = line_before + 1
        line_before = reader.line_num
        if line_before >= last_line and _ends_in_quotes("\n".join(lines[row_line - 1:line_before])):
            table.problems.append(TableProblem("csv-unreadable", row_line, None, {"line": row_line, "detail": (
                ": một ô mở bằng dấu ngoặc kép \" ở dòng này nhưng dấu đó không được đóng, nên mọi "
                "dòng sau đến hết tệp bị đọc lẫn vào ô đó")}))
            return table
        if not any(cell.strip() for cell in cells):
            continue
        if max(map(len, cells)) > MAX_CELL_CHARS:
            index, cell = next((index, cell) for index, cell in enumerate(cells, start=1)
                               if len(cell) > MAX_CELL_CHARS)
            name = header[index - 1] if header and index <= len(header) else None
            table.problems.append(TableProblem("csv-cell-too-long", row_line, index, {
                "where": f"cột {index}" + (f" ({name})" if name else ""),
                "length": format_number(len(cell)), "limit": format_number(MAX_CELL_CHARS)}, name))
            if header is None:
                return table
            continue
        if header is None:
            header = _header(cells, row_line, required, allowed, by_folded, headers, table)
            if table.problems:
                return table
            continue
        if len(cells) != len(header):
            table.problems.append(TableProblem("csv-row-length", row_line, None,
                                             {"found": len(cells), "expected": len(header)}))
            continue
        row = Mapping()
        row.place = (row_line, 1)
        empty = []
        for index, (name, cell) in enumerate(zip(header, cells, strict=True), start=1):
            cell = cell.strip()
            if cell == "":
                if name in required:
                    empty.append((index, name))
                continue  # an empty cell of an optional column is an absent value
            row[name] = cell
            row.key_places[name] = (row_line, index)
        for index, name in empty:
            shown = f"\"{headers[name]}\" ({name})" if headers and name in headers else f"\"{name}\""
            table.problems.append(TableProblem("csv-empty-cell", row_line, index,
                                               {"column": shown, "letter": _letter(index)}, name))
        if not empty:
            table.rows.append(row)
    return table


def _header(cells: list[str], row_line: int, required: list[str], allowed: list[str],
            by_folded: dict[str, str], headers: dict[str, str] | None, table: CsvTable) -> list[str]:
    """The columns named by the header row; its problems in ``table``."""
    written = [nfc(cell.strip()) for cell in cells]
    header = [by_folded.get(fold(name), name) for name in written]
    table.header = header
    shown_columns = ", ".join(allowed) + (
        f" (hoặc theo bảng tính mẫu: {', '.join(headers[n] for n in allowed if n in headers)})"
        if headers else "")
    seen: dict[str, int] = {}
    for index, (name, typed) in enumerate(zip(header, written, strict=True), start=1):
        if name not in allowed:
            shown = typed if len(typed) <= _SHOWN_HEADER_CHARS else typed[:_SHOWN_HEADER_CHARS].rstrip() + "…"
            table.problems.append(TableProblem("csv-unknown-column", row_line, index,
                                               {"column": shown, "columns": shown_columns,
                                                "suggestion": did_you_mean(shown, list(by_folded.values())
                                                                           + list((headers or {}).values()))}))
        elif name in seen:
            first = seen[name]
            table.problems.append(TableProblem("csv-duplicate-column", row_line, index, {
                "column": name, "first": written[first - 1], "first_index": _letter(first),
                "second": typed, "second_index": _letter(index)}, name))
        else:
            seen[name] = index
    for name in required:
        if name not in header:
            table.problems.append(TableProblem("csv-missing-column", row_line, None,
                                               {"column": name, "columns": ", ".join(required)}))
    return header


def _letter(index: int) -> str:
    """A column as Excel names it: 1 → A, 27 → AA."""
    from openpyxl.utils import get_column_letter
    return get_column_letter(index)
