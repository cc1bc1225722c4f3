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
from .csv_file import MAX_FILE_BYTES as MAX_CSV_BYTES
from .csv_file import CsvTable, decode, read_table
from .xlsx_file import COLUMNS as SHEET_COLUMNS
from .xlsx_file import results_records
from .yaml_file import MAX_FILE_BYTES as MAX_YAML_BYTES
from .yaml_file import Mapping, parse_yaml, size_shown

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


def peak_day_of_table(table: str, peak_day_ids) -> str | None:
    """The peak day a results file (or sheet) is named after: its name, or the longest of
    ``peak_day_ids`` it begins with, followed by "-", "_", "." or a space
    ("2023-08-11-x-vinh-long" → "2023-08-11-x")."""
    found = [i for i in peak_day_ids if table == i or (table.startswith(i) and table[len(i)] in "-_. ")]
    return max(found, key=len) if found else None


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
    """The files under ``data_dir``, and the symbolic links that lead out of it (a linked folder
    is not walked into: ``load_records`` refuses it, rather than leaving its records out unsaid)."""
    inside = data_dir.resolve()
    return sorted(p for p in data_dir.rglob("*")
                  if p.is_file() or (p.is_symlink() and p.exists() and outside_of(p, inside)))


def outside_of(path: Path, resolved_dir: Path) -> bool:
    """Whether ``path``, its symbolic links followed, lies outside ``resolved_dir`` (resolved)."""
    return not path.resolve().is_relative_to(resolved_dir)


def load_records(data_dir: Path, root: Path, report: Report, paths: list[Path] | None = None,
                 unreadable: dict[str, dict[str, str]] | None = None) -> list[RawRecord]:
    """Every record under ``data_dir`` (or in ``paths``, files under it); unreadable files become
    problems in ``report``, and YAML files that could not be read are noted in ``unreadable``
    (kind → file-name stem, the record's id by convention → file)."""
    records: list[RawRecord] = []
    shown_dir = PurePosixPath(_relative(data_dir, root))  # how problems name the data folder
    inside = data_dir.resolve()
    for path in data_files(data_dir) if paths is None else paths:
        relative = path.relative_to(data_dir)
        top = relative.parts[0]
        if path.name in _IGNORED_NAMES or path.name.startswith("~$") or top == REFERENCE_FOLDER:
            continue  # ("~$…": the lock file Excel keeps beside an open workbook)
        report.files_checked += 1
        file = (shown_dir / relative.as_posix()).as_posix()
        if outside_of(path, inside):
            # A symbolic link (or a file in a linked folder) leading out of data/: what it points
            # to is not part of the data that is reviewed and published, so it is not read.
            link = _first_link(path, data_dir)
            target = link.readlink() if link.is_symlink() else link.resolve()
            report.add("symlink-outside-data", Place(file), name=link.name,
                       kind="thư mục" if link.is_dir() else "tệp", target=target.as_posix())
            if top in YAML_FOLDERS and path.suffix in (".yaml", ".yml") and unreadable is not None:
                unreadable.setdefault(YAML_FOLDERS[top], {})[path.stem] = file
        elif top in YAML_FOLDERS and len(relative.parts) > 1 and path.suffix in (".yaml", ".yml"):
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


def _first_link(path: Path, data_dir: Path) -> Path:
    """The symbolic link on the way from ``data_dir`` to ``path`` (a file, or a linked folder it
    lies in) that leads out of the data folder."""
    relative = path.relative_to(data_dir).parts
    for depth in range(1, len(relative) + 1):
        link = data_dir.joinpath(*relative[:depth])
        if link.is_symlink():
            return link
    return path


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_text(path: Path, file: str, report: Report, limit: int, too_large: str) -> str | None:
    """The file's text, or None (and its problem reported): a file over ``limit`` bytes is not
    read past the limit, so that no file, however large, fills the memory; it is reported as the
    rule ``too_large``, at the line where it passes the limit."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
        if len(raw) > limit:
            size = max(path.stat().st_size, len(raw))
            line = raw.count(b"\n", 0, limit) + 1
            report.add(too_large, Place(file, line), size=size_shown(size), limit=size_shown(limit), line=line)
            return None
    text, problem = decode(raw)
    if problem:
        report.add(problem.code, Place(file, problem.line), **problem.params)
    return text


def _read_yaml(path: Path, file: str, kind: str, report: Report) -> RawRecord | None:
    text = _read_text(path, file, report, MAX_YAML_BYTES, "yaml-file-too-large")
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
    text = _read_text(path, file, report, MAX_CSV_BYTES, "csv-file-too-large")
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
