"""Finding the record files under ``data/`` and reading them into raw records.

Layout (documented in the README):

    data/documents/**.yaml   source documents (văn bản)
    data/units/**.yaml       units that are not provinces (Đoàn trực thuộc, Trung ương Đoàn)
    data/models/**.yaml      "Dân vận khéo" models
    data/campaigns/**.yaml   campaigns (chiến dịch)
    data/peak-days/**.yaml   peak days (Ngày cao điểm)
    data/plans/**.yaml       directives and plans (công văn, kế hoạch)
    data/results/**.csv      per-unit results of a peak day; file name = peak day id, or begins
    data/results/**.xlsx     with it ("<id>-vinh-long.xlsx"): the Excel template, read directly
    data/indicators.csv      the indicator vocabulary
    data/reference/          province lists (reference data, not edited by staff)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..problems import Place, Report
from ..text import slugify
from .csv_file import CsvTable, decode, read_table
from .xlsx_file import COLUMNS as SHEET_COLUMNS
from .xlsx_file import results_records
from .yaml_file import Mapping, parse_yaml

# folder under data/ → record kind
YAML_FOLDERS = {
    "documents": "document",
    "units": "unit",
    "models": "model",
    "campaigns": "campaign",
    "peak-days": "peak_day",
    "plans": "plan",
}
RESULTS_FOLDER = "results"
INDICATORS_FILE = "indicators.csv"
REFERENCE_FOLDER = "reference"

# CSV tables: kind → (required columns, optional columns)
CSV_COLUMNS = {
    "result": (["unit", "track", "indicator", "value", "source"], ["note"]),
    "indicator": (["code", "label", "unit", "kind"], ["description"]),
}

# CSV columns also accepted under the template's Vietnamese headers (matched folded)
CSV_HEADERS = {"result": {key: header for key, (header, _) in SHEET_COLUMNS.items()}}
_CODE_COLUMNS = ("track", "indicator")  # given by code or by name

_IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


@dataclass
class RawRecord:
    """One record as read from disk, before any check: a YAML file or a CSV row."""

    kind: str
    file: str           # path relative to the project root, with "/"
    data: Mapping
    table: str | None = None  # for CSV rows: the file's stem (a peak day id for results)

    @property
    def place(self) -> Place:
        return Place(self.file, self.data.place[0], None)


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*") if p.is_file())


def load_records(data_dir: Path, root: Path, report: Report, paths: list[Path] | None = None,
                 unreadable: dict[str, dict[str, str]] | None = None) -> list[RawRecord]:
    """Every record under ``data_dir`` (or in ``paths``, files under it); unreadable files become
    problems in ``report``, and YAML files that could not be read are noted in ``unreadable``
    (kind → file-name stem, the record's id by convention → file)."""
    records: list[RawRecord] = []
    shown_dir = PurePosixPath(_relative(data_dir, root))  # how problems name the data folder
    for path in data_files(data_dir) if paths is None else paths:
        relative = path.relative_to(data_dir)
        top = relative.parts[0]
        if path.name in _IGNORED_NAMES or path.name.startswith("~$") or top == REFERENCE_FOLDER:
            continue  # ("~$…": the lock file Excel keeps beside an open workbook)
        report.files_checked += 1
        file = (shown_dir / relative.as_posix()).as_posix()
        if top in YAML_FOLDERS and len(relative.parts) > 1 and path.suffix in (".yaml", ".yml"):
            record = _read_yaml(path, file, YAML_FOLDERS[top], report)
            if record:
                records.append(record)
            elif unreadable is not None:
                unreadable.setdefault(YAML_FOLDERS[top], {})[path.stem] = file
        elif top == RESULTS_FOLDER and path.suffix == ".csv":
            records.extend(_read_csv(path, file, "result", report))
        elif top == RESULTS_FOLDER and path.suffix == ".xlsx":
            records.extend(results_records(path, file, report, table=path.stem))
        elif relative.as_posix() == INDICATORS_FILE:
            records.extend(_read_csv(path, file, "indicator", report))
        else:
            report.add("file-unexpected", Place(file), name=path.name,
                       folders=", ".join(YAML_FOLDERS))
    return records


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_text(path: Path, file: str, report: Report) -> str | None:
    raw = path.read_bytes()
    text, problem = decode(raw)
    if problem:
        report.add(problem.code, Place(file, problem.line), **problem.params)
    return text


def _read_yaml(path: Path, file: str, kind: str, report: Report) -> RawRecord | None:
    text = _read_text(path, file, report)
    if text is None:
        return None
    if not text.strip():
        report.add("file-empty", Place(file, 1))
        return None
    parsed = parse_yaml(text)
    if parsed.syntax_error:
        error = parsed.syntax_error
        report.add(error.code, Place(file, error.line, error.column, error.field), **error.params)
        return None
    for duplicate in parsed.duplicates:
        report.add("yaml-duplicate-key", Place(file, duplicate.line, duplicate.column, duplicate.key),
                   key=duplicate.key, first_line=duplicate.first_line)
    if parsed.data is None:
        report.add("file-empty", Place(file, 1))
        return None
    if not isinstance(parsed.data, Mapping):
        report.add("not-a-record", Place(file, 1))
        return None
    return RawRecord(kind, file, parsed.data)


def _read_csv(path: Path, file: str, kind: str, report: Report) -> list[RawRecord]:
    text = _read_text(path, file, report)
    if text is None:
        return []
    required, optional = CSV_COLUMNS[kind]
    table: CsvTable = read_table(text, required, optional, CSV_HEADERS.get(kind))
    for problem in table.problems:
        field = problem.params.get("column") if problem.code == "csv-unknown-column" else None
        report.add(problem.code, Place(file, problem.line, problem.column, field), **problem.params)
    name = path.stem
    if kind == "result":
        for row in table.rows:
            _names_to_slugs(row)
    return [RawRecord(kind, file, row, table=name) for row in table.rows]


def _names_to_slugs(row: Mapping) -> None:
    """A track or indicator given by name ("Đội hình") is kept as its slug, which the record
    schema accepts, and the name as typed (``row.typed``) for messages; the dataset builder
    matches the slug against the peak day's track names and the indicator labels."""
    row.typed = {}
    for key in _CODE_COLUMNS:
        value = row.get(key)
        if isinstance(value, str) and slugify(value) != value:
            row.typed[key] = value
            row[key] = slugify(value) or value
