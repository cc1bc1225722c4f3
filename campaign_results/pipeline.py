"""The data pipeline up to a checked dataset: load → check (schema, then the typed dataset) → cross-check.

Rendering and publishing (later stages) start from :func:`check_data`'s
dataset and only when its report has no error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load.discover import REFERENCE_FOLDER, data_files, load_records
from .check.build import build_dataset
from .model.records import Dataset
from .parallel import BackgroundJob
from .problems import Place, Report
from .project import Project
from .crosscheck.consistency import check_dataset
from .check.schema import check_schema

PARALLEL_FROM = 200  # files; below this, starting a second process costs more than it saves


@dataclass
class CheckResult:
    dataset: Dataset | None  # None when the data could not be read at all
    report: Report


def check_data(data_dir: Path | None = None, root: Path | None = None) -> CheckResult:
    """Read and check every record under ``data_dir`` (default: the project's data/)."""
    data_dir = data_dir or Project().data_dir
    root = root or (data_dir.parent if data_dir.name == "data" else Project().root)
    report = Report()
    if not (data_dir / REFERENCE_FOLDER).is_dir():
        report.add("data-missing", Place(str(data_dir)), path=str(data_dir))
        return CheckResult(None, report)
    # Reading and validating file by file is independent work: with many files, the second half
    # (by size) is done in a background process.
    paths = data_files(data_dir)
    first, second = _halves(paths) if len(paths) >= PARALLEL_FROM else (paths, [])
    job = BackgroundJob(_read_and_validate, data_dir, root, second) if second else None
    valid, invalid_ids, unreadable, report = _read_and_validate(data_dir, root, first)
    if job:
        more_valid, more_invalid, more_unreadable, more_report = job.result()
        valid += more_valid
        for kind, ids in more_invalid.items():
            invalid_ids.setdefault(kind, set()).update(ids)
        for kind, files in more_unreadable.items():
            unreadable.setdefault(kind, {}).update(files)
        report.problems += more_report.problems
        report.files_checked += more_report.files_checked
    dataset = build_dataset(valid, data_dir / REFERENCE_FOLDER, report, invalid_ids, unreadable)
    check_dataset(dataset, report)
    return CheckResult(dataset, report)


def _halves(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    sizes = [path.stat().st_size for path in paths]
    total, running = sum(sizes), 0
    for index, size in enumerate(sizes):
        running += size
        if running * 2 >= total:
            return paths[:index + 1], paths[index + 1:]
    return paths, []


def _read_and_validate(data_dir: Path, root: Path, paths: list[Path]) -> tuple[list, dict[str, set], dict[str, dict[str, str]], Report]:
    """The records of ``paths`` that pass their schema, the ids of those that do not, the files
    that could not be read (kind → id → file), the problems."""
    report = Report()
    valid, invalid_ids, unreadable = [], {}, {}
    for raw in load_records(data_dir, root, report, paths, unreadable):
        if check_schema(raw, report):
            valid.append(raw)
        else:
            # Keep the id known so that records citing it do not all fail too.
            key = raw.data.get("code" if raw.kind == "indicator" else "id")
            if isinstance(key, str):
                invalid_ids.setdefault(raw.kind, set()).add(key)
    return valid, invalid_ids, unreadable, report
