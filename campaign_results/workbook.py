"""Writing tables as an Excel workbook (.xlsx), one sheet per table.

An .xlsx file is a zip of XML parts (ECMA-376, SpreadsheetML). Writing the
few parts a workbook of plain tables needs directly is ten times faster than
going through openpyxl, which matters at tens of thousands of rows: text is
written in the cells (inline strings), numbers as numbers, dates as Excel
dates, the header row bold and frozen. Entry times are fixed, so that the
same tables give the same bytes. (Reading workbooks, in ``spreadsheet.py``,
still uses openpyxl.)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

FIXED_TIME = (2020, 1, 1, 0, 0, 0)
EXCEL_EPOCH = dt.date(1899, 12, 30)
HEADER_STYLE, DATE_STYLE = 1, 2  # indexes into cellXfs below
# Characters XML 1.0 cannot carry at all; dropped from text cells.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def workbook(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """The .xlsx bytes of ``sheets``: (name, header, rows) each, a name of at most 31 characters."""
    parts = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": _relationships([("officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": _workbook([name for name, _, _ in sheets]),
        "xl/_rels/workbook.xml.rels": _relationships(
            [("worksheet", f"worksheets/sheet{n}.xml") for n in range(1, len(sheets) + 1)]
            + [("styles", "styles.xml")]),
        "xl/styles.xml": _STYLES,
    }
    for number, (_, header, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = _sheet(header, rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _sheet(header: list[str], rows: list[list]) -> str:
    columns = [column_letter(i) for i in range(len(header))]
    out = [f'{_HEAD}<worksheet xmlns="{_MAIN}">',
           f'<dimension ref="A1:{columns[-1]}{len(rows) + 1}"/>' if columns else '<dimension ref="A1"/>',
           '<sheetViews><sheetView workbookViewId="0">'
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
           '<sheetData>',
           '<row r="1">' + "".join(_cell(f"{c}1", name, HEADER_STYLE) for c, name in zip(columns, header)) + "</row>"]
    for number, row in enumerate(rows, start=2):
        cells = "".join(_cell(f"{c}{number}", value) for c, value in zip(columns, row, strict=True) if value is not None)
        out.append(f'<row r="{number}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def _cell(ref: str, value, style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{styled}><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{styled}><v>{value}</v></c>'
    if isinstance(value, Decimal):
        return f'<c r="{ref}"{styled}><v>{format(value.normalize(), "f")}</v></c>'
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f'<c r="{ref}" s="{DATE_STYLE}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if value == "":
        return ""
    text = escape(_NOT_XML.sub("", str(value)))
    return f'<c r="{ref}" t="inlineStr"{styled}><is><t xml:space="preserve">{text}</t></is></c>'


def _content_types(sheet_count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
                     for n in range(1, sheet_count + 1))
    return (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>{sheets}</Types>')


def _relationships(targets: list[tuple[str, str]]) -> str:
    items = "".join(f'<Relationship Id="rId{n}" Type="{_RELATIONSHIPS}/{kind}" Target="{target}"/>'
                    for n, (kind, target) in enumerate(targets, start=1))
    return f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{items}</Relationships>'


def _workbook(names: list[str]) -> str:
    quoted = [escape(name, {'"': "&quot;"}) for name in names]  # attribute values
    sheets = "".join(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(quoted, start=1))
    return f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><sheets>{sheets}</sheets></workbook>'
