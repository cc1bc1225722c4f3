"""Reading one CSV table of records, row by row, with line numbers.

Accepted: UTF-8 with or without the byte-order mark Excel writes, commas
between columns. Rejected with a clear problem: UTF-16 ("Unicode text" in
Excel), Windows-1258 or other legacy encodings, and ``;``-separated files
(Excel's default in a Vietnamese locale).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..problems import did_you_mean
from ..text import fold, nfc
from .yaml_file import Mapping


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


def decode(raw: bytes) -> tuple[str | None, TableProblem | None]:
    """The text of a CSV file, or the encoding problem that stops it being read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, TableProblem("file-encoding", 1, None, {"detected": " (tệp đang ở dạng UTF-16/Unicode)"})
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:200].count(b"\x00") > 10:
        return None, TableProblem("file-encoding", 1, None, {"detected": " (tệp đang ở dạng UTF-16/Unicode)"})
    try:
        return nfc(raw.decode("utf-8")), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, TableProblem("file-encoding", line, None,
                                {"detected": " (có thể là Windows-1258 hoặc bảng mã cũ khác)"})


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
    lines = text.splitlines()
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

    reader = csv.reader(io.StringIO(text))
    line_before = 0
    header: list[str] | None = None
    for cells in reader:
        row_line = line_before + 1
        line_before = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            written = [nfc(cell.strip()) for cell in cells]
            header = [by_folded.get(fold(name), name) for name in written]
            table.header = header
            shown_columns = ", ".join(allowed) + (
                f" (hoặc theo bảng tính mẫu: {', '.join(headers[n] for n in allowed if n in headers)})"
                if headers else "")
            for index, (name, typed) in enumerate(zip(header, written, strict=True), start=1):
                if name not in allowed:
                    table.problems.append(TableProblem("csv-unknown-column", row_line, index,
                                                     {"column": typed, "columns": shown_columns,
                                                      "suggestion": did_you_mean(typed, list(by_folded.values())
                                                                                 + list((headers or {}).values()))}))
            for name in required:
                if name not in header:
                    table.problems.append(TableProblem("csv-missing-column", row_line, None,
                                                     {"column": name, "columns": ", ".join(required)}))
            if table.problems:
                return table
            continue
        if len(cells) != len(header):
            table.problems.append(TableProblem("csv-row-length", row_line, None,
                                             {"found": len(cells), "expected": len(header)}))
            continue
        row = Mapping()
        row.place = (row_line, 1)
        for index, (name, cell) in enumerate(zip(header, cells, strict=True), start=1):
            cell = cell.strip()
            if cell == "":
                continue  # an empty cell is an absent value
            row[name] = cell
            row.key_places[name] = (row_line, index)
        table.rows.append(row)
    return table
