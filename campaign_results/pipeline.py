"""The data pipeline up to a checked dataset: load → validate → model → cross-check.

Rendering and publishing (later stages) start from :func:`check_data`'s
dataset and only when its report has no error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load.discover import REFERENCE_FOLDER, load_records
from .model.build import build_dataset
from .model.records import Dataset
from .problems import Place, Report
from .project import Project
from .validate.consistency import check_dataset
from .validate.schema import check_schema


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
    raws = load_records(data_dir, root, report)
    valid, invalid_ids = [], {}
    for raw in raws:
        if check_schema(raw, report):
            valid.append(raw)
        else:
            # Keep the id known so that records citing it do not all fail too.
            key = raw.data.get("code" if raw.kind == "indicator" else "id")
            if isinstance(key, str):
                invalid_ids.setdefault(raw.kind, set()).add(key)
    dataset = build_dataset(valid, data_dir / REFERENCE_FOLDER, report, invalid_ids)
    check_dataset(dataset, report)
    return CheckResult(dataset, report)
