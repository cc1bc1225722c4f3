"""The whole dataset as open data: CSV tables (one zip), JSON, XLSX, and a Frictionless
``datapackage.json`` that describes them (fields, types, licence, sources).

The tables are declared in the record schemas: ``x-table`` on a kind (its records are the rows)
or on a list inside it (its items are, with columns taken from the records around them: ``^id``
is the id of the record one level up), ``x-column`` on each field that is a column (a quantity
gives two: its value and its qualifier). A column's Frictionless type follows from its field's
schema. Each table is a list of rows built from the checked :class:`Dataset`; its field list
(name, type, Vietnamese title) is the table's schema in the data package. Figures are exact: counts as integers, money in đồng, measures as
decimals; a qualifier column keeps "hơn" / "khoảng". In the CSVs a text cell that a
spreadsheet would read as a formula is neutralised (:func:`neutralised`); the JSON and the
XLSX (inline strings, never formulas) hold the text as written.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from . import kinds
from .model.records import Dataset
from .numbers import Quantity
from .workbook import workbook

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}

# CSV injection (OWASP): a spreadsheet opening a CSV reads a text cell that begins with one of
# these as a formula (=HYPERLINK(...), +cmd|...!A0, @SUM(...)). Such a cell gets a leading
# single quote, which spreadsheets show as text. Text cells only: a number, even -5, is written
# as it is. The same rule is FORMULA_START in content/assets/site.js, for each table's
# "Tải CSV" link built in the browser; change both together.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs as a formula: ``'`` + text if it begins like one."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@dataclass
class Field:
    name: str
    type: str      # Frictionless type: string, integer, number, date, boolean
    title: str


@dataclass
class DataTable:
    name: str
    title: str
    fields: list[Field]
    rows: list[list]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([neutralised(f.name) for f in self.fields])
        for row in self.rows:
            writer.writerow([_csv_cell(v) for v in row])
        return out.getvalue()

    def records(self) -> list[dict]:
        return [{f.name: _json(v) for f, v in zip(self.fields, row, strict=True)} for row in self.rows]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):  # text, as recorded: may begin like a formula
        # The csv module quotes a cell holding "\n" (the line end here) but not a bare "\r", which
        # spreadsheets take for a line end too: "x\r=1+1" would start a row with a formula.
        return neutralised(value).replace("\r\n", "\n").replace("\r", "\n")
    return _plain(value)  # a number, date or boolean: written as its value


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# The tables in the order the downloads list them; a table declared in a schema and not named
# here comes after these.
TABLE_ORDER = ("don_vi", "chi_tieu", "van_ban", "mo_hinh", "mo_hinh_chi_tieu", "ngay_cao_diem",
               "tong_toan_quoc", "ket_qua_don_vi", "nguon_luc", "bao_cao_cham")


@dataclass
class Column:
    """A column of a table, as a schema declares it (``x-column``, or a column of ``x-table``)."""

    field: Field
    read: Callable[[list], object]  # the chain of records, innermost first → the value read
    default: Callable[[list], object] | None = None  # read instead when ``read`` finds nothing
    digits: int | None = None  # a number rounded to this many decimals
    qualifier: bool = False  # the qualifier ("hơn", "khoảng") of the quantity read, not its value

    def value(self, chain: list):
        value = self.read(chain)
        if value is None and self.default:
            value = self.default(chain)
        if self.qualifier:
            return getattr(value, "qualifier", None) or ""
        if self.digits is not None and value is not None:
            value = round(value, self.digits)
        return _cell(value, self.field.type)


def tables(dataset: Dataset) -> list[DataTable]:
    """The open-data tables, as the schemas declare them (``x-table``, ``x-column``): the rows of
    a kind's records, or of a list inside them, and their columns."""
    found: dict[str, DataTable] = {}
    for kind in kinds.KINDS:
        node = kinds.schema(kind)
        top = kinds.view(node)
        rows = _rows(dataset, top.get("x-table", {}).get("rows", top.get("x-collection", "")))
        spec = _TableSpec.of(node)
        spec.declare(found)  # a table without rows is published all the same, with its columns
        for record in rows:
            spec.add(record, [], found)
    order = {name: i for i, name in enumerate(TABLE_ORDER)}
    return sorted(found.values(), key=lambda t: order.get(t.name, len(order)))


def _rows(dataset: Dataset, path: str) -> list:
    """The records at ``path`` in the dataset: "models" (the values of a dict), "units.by_id",
    "peak_days.results" (the results of every peak day, in turn)."""
    if not path:
        return []
    values: list = [dataset]
    for step in path.split("."):
        found: list = []
        for value in values:
            got = getattr(value, step)
            found.extend(got.values() if isinstance(got, dict) else got if isinstance(got, list) else [got])
        values = found
    return values


def _path_reader(path: str) -> Callable[[list], object]:
    """A reader of "^id" (the id of the record one level up), "sources.0", "." (the row itself)…"""
    up = len(path) - len(path.lstrip("^"))
    steps = [s for s in path.lstrip("^").split(".") if s]

    def read(chain: list):
        value = chain[up] if up < len(chain) else None
        for step in steps:
            if value is None:
                return None
            value = value[int(step)] if step.isdigit() else getattr(value, step, None)
        return value
    return read


def _type(spec: dict) -> str:
    number = spec.get("x-number")
    if number in ("money", "count"):
        return "integer"
    if number or spec.get("x-percent"):
        return "number"
    if spec.get("x-date"):
        return "date"
    return {"integer": "integer", "boolean": "boolean", "number": "number"}.get(spec.get("type"), "string")


def _cell(value, type_: str):
    """A cell as the tables hold it: a number's value, a list joined by ";", "" for text not given."""
    if isinstance(value, Quantity):
        return value.value
    if isinstance(value, list):
        return ";".join(value)
    if value is None and type_ == "string":
        return ""
    return value


@dataclass
class _TableSpec:
    """Where a schema node sends rows: its own table (``x-table``) and the tables of the lists
    inside it."""

    table: tuple[str, str] | None       # name, title
    columns: list[Column]
    children: list[tuple[Callable[[list], object], _TableSpec]]  # (reader of the child's value, its spec)

    @classmethod
    def of(cls, node: dict) -> _TableSpec:
        spec = kinds.view(node)
        declared = spec.get("x-table", {})
        columns = [_declared_column(c) for c in declared.get("before", [])]
        children: list = []
        if spec.get("type") == "array":  # a list whose items are the rows
            inner = cls.of(kinds.view(spec["items"]))
            columns += inner.columns
            children = inner.children
        else:
            cls._fields(spec, (), columns, children)
        columns += [_declared_column(c) for c in declared.get("after", [])]
        return cls((declared["name"], declared["title"]) if declared else None, columns, children)

    @classmethod
    def _fields(cls, spec: dict, prefix: tuple, columns: list, children: list) -> None:
        """The columns of an object's fields, in declared order, with those of its sub-objects
        ("budget.amount"); a list of objects, or a list declared as a table, is a child table,
        and a sub-object holding child tables is a level of the chain their rows look up
        ("^source")."""
        for name, field_spec in kinds.properties(spec).items():
            path = ".".join((*prefix, name))
            column = field_spec.get("x-column")
            if field_spec.get("type") == "array" and ("x-table" in field_spec or
                                                       "properties" in kinds.view(field_spec["items"])):
                children.append((_path_reader(name), cls.of(field_spec)))
            elif "properties" in field_spec and not column:
                inner: list = []
                cls._fields(field_spec, (*prefix, name), columns, inner)
                if inner:
                    children.append((_path_reader(name), cls(None, [], inner)))
            if not column:
                continue
            columns.append(Column(
                Field(column["name"], _type(field_spec), column["title"]), _path_reader(column.get("from", path)),
                default=_path_reader(column["default"]) if "default" in column else None,
                digits=column.get("round")))
            if "qualifier" in column:
                columns.append(Column(Field(column["qualifier"]["name"], "string", column["qualifier"]["title"]),
                                      _path_reader(path), qualifier=True))

    def declare(self, found: dict[str, DataTable]) -> None:
        if self.table:
            name, title = self.table
            found.setdefault(name, DataTable(name, title, [c.field for c in self.columns], []))
        for _, child in self.children:
            child.declare(found)

    def add(self, record, parents: list, found: dict[str, DataTable]) -> None:
        chain = [record, *parents]
        if self.table:
            found[self.table[0]].rows.append([column.value(chain) for column in self.columns])
        for read, child in self.children:
            items = read(chain)
            for item in items if isinstance(items, list) else [] if items is None else [items]:
                child.add(item, chain, found)


def _declared_column(column: dict) -> Column:
    return Column(Field(column["name"], column.get("type", "string"), column["title"]), _path_reader(column["from"]))


def datapackage(all_tables: list[DataTable], dataset: Dataset) -> dict:
    held = [d for d in dataset.documents.values() if d.held]
    return {
        "name": "ket-qua-dan-van-kheo-ngay-cao-diem",
        "title": "Kết quả mô hình \"Dân vận khéo\" và Ngày cao điểm",
        "licenses": [LICENCE],
        "sources": [{"title": f"{d.number or d.type} – {d.title}"} for d in held],
        "resources": [{
            "name": t.name, "title": t.title, "path": f"{t.name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": f.name, "type": f.type, "title": f.title} for f in t.fields]},
        } for t in all_tables],
    }


BUNDLES = ("du-lieu.zip", "datapackage.json", "du-lieu.json", "du-lieu.xlsx")


def file_names(all_tables: list[DataTable]) -> list[str]:
    """The names of the files :func:`files` makes, known before the files are made."""
    return [f"{t.name}.csv" for t in all_tables] + list(BUNDLES)


def files(all_tables: list[DataTable], dataset: Dataset) -> dict[str, bytes]:
    """Every download, by its file name (the site puts them in one folder): CSVs, the zip, JSON,
    XLSX, datapackage.json."""
    package = datapackage(all_tables, dataset)
    out: dict[str, bytes] = {}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for t in all_tables:
            data = t.csv_text().encode("utf-8")
            out[f"{t.name}.csv"] = data
            info = zipfile.ZipInfo(f"{t.name}.csv", date_time=(2020, 1, 1, 0, 0, 0))  # same bytes for same data
            bundle.writestr(info, data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("datapackage.json", date_time=(2020, 1, 1, 0, 0, 0))
        bundle.writestr(info, json.dumps(package, ensure_ascii=False, indent=2), zipfile.ZIP_DEFLATED)
    out["du-lieu.zip"] = archive.getvalue()
    out["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    out["du-lieu.json"] = json.dumps({t.name: t.records() for t in all_tables},
                                     ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out["du-lieu.xlsx"] = _xlsx(all_tables)
    return out


def _xlsx(all_tables: list[DataTable]) -> bytes:
    return workbook([(t.name[:31], [f.name for f in t.fields], t.rows) for t in all_tables])
