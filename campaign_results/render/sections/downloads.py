"""Open data: the whole dataset as downloads, described by a Frictionless data package, and a
data dictionary generated from the record schemas."""

from __future__ import annotations

import json

from ... import export
from ...parallel import BackgroundJob
from ...check.schema import SCHEMA_DIR
from .. import urls
from ..renderer import Renderer

PAGE = urls.DOWNLOADS
DICTIONARY = urls.DATA_DICTIONARY
SCHEMAS = ["document", "model", "peak_day", "campaign", "plan", "unit", "result", "indicator"]


def plan(r: Renderer) -> None:
    """The files (seconds of zip and XLSX writing) are made in a background process, started now,
    while the other pages are written; the download page, which shows their sizes, is written last,
    when they are ready."""
    all_tables = export.tables(r.dataset)
    job = BackgroundJob(export.files, all_tables, r.dataset, modest=True)
    r.plan(DICTIONARY, lambda: r.page(DICTIONARY, "dictionary.md.j2", schemas=[_schema(name) for name in SCHEMAS]))

    def write() -> None:
        files = job.result()
        for path, data in files.items():
            r.docs.write(path, data)
        r.page(PAGE, "downloads.md.j2", tables=all_tables, folder=export.FOLDER, licence=export.LICENCE,
               sizes={path: len(data) for path, data in files.items()})

    r.plan((PAGE, *export.file_paths(all_tables)), write, last=True)


def _schema(name: str) -> dict:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    fields = []
    for field, spec in schema.get("properties", {}).items():
        ref = spec.get("$ref", "").rsplit("/", 1)[-1]
        resolved = common.get(ref, {}) if ref else spec
        description = spec.get("description") or resolved.get("description") or ""
        kind = _kind(spec, resolved, ref)
        fields.append({"name": field, "required": field in schema.get("required", []), "kind": kind,
                       "description": description, "allowed": ", ".join(spec.get("enum", []))})
    return {"name": name, "title": schema.get("title", name), "description": schema.get("description", ""),
            "fields": fields}


def _kind(spec: dict, resolved: dict, ref: str) -> str:
    names = {"id": "mã", "ids": "danh sách mã", "text": "văn bản", "markdown": "Markdown", "texts": "danh sách",
             "unit": "tên đơn vị", "units": "danh sách đơn vị", "date": "ngày", "time": "giờ", "year": "năm",
             "quantity": "số", "count": "số nguyên", "money": "số tiền", "percent": "tỉ lệ %",
             "figures": "danh sách chỉ tiêu", "totals": "danh sách tổng", "deadlines": "danh sách hạn",
             "weekday": "thứ"}
    if ref in names:
        return names[ref]
    kind = spec.get("type", resolved.get("type", ""))
    return {"string": "văn bản", "integer": "số nguyên", "array": "danh sách", "object": "nhóm trường",
            "boolean": "true/false"}.get(kind, kind or "")
