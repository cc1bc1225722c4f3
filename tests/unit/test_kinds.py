"""kinds.py: each record kind is declared once, by its schema. A field added to a schema (and
nothing else) is validated, loaded into the typed record, exported with its Frictionless field,
listed in the data dictionary and offered by the editor schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from campaign_results import export, kinds
from campaign_results.pipeline import check_data
from campaign_results.render import renderer

from ..conftest import ROOT, fixture_data

MODEL = "models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
WEBSITE = {"$ref": "common.schema.json#/$defs/text", "description": "Trang thông tin của mô hình.",
           "x-column": {"name": "trang_thong_tin", "title": "Trang thông tin"}}


@pytest.fixture
def schemas_with_a_new_field(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the project's schemas where the model kind has one more optional field."""
    folder = tmp_path / "schemas"
    shutil.copytree(kinds.SCHEMA_DIR, folder)
    path = folder / "model.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["website"] = WEBSITE
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    monkeypatch.setattr(kinds, "SCHEMA_DIR", folder)
    return folder


def _data_with(tmp_path: Path, line: str) -> Path:
    data = fixture_data(tmp_path / "data")
    record = data / MODEL
    record.write_text(record.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return data


def test_a_field_added_to_a_schema_only_is_loaded_exported_and_listed(schemas_with_a_new_field, tmp_path):
    data = _data_with(tmp_path, "website: Trang của Tỉnh đoàn Bến Tre")
    result = check_data(data, data.parent)
    assert result.report.problems == []
    models = result.dataset.models
    assert models["ben-tre-2021-vi-mot-ben-tre-xanh"].website == "Trang của Tỉnh đoàn Bến Tre"
    assert models["tra-vinh-2021-nha-nhan-ai"].website is None  # not written: None

    table = next(t for t in export.tables(result.dataset) if t.name == "mo_hinh")
    assert [f.name for f in table.fields][-2:] == ["van_ban_nguon", "trang_thong_tin"]
    rows = {row[0]: row[-1] for row in table.rows}
    assert rows["ben-tre-2021-vi-mot-ben-tre-xanh"] == "Trang của Tỉnh đoàn Bến Tre"
    assert rows["tra-vinh-2021-nha-nhan-ai"] == ""
    package = export.datapackage(export.tables(result.dataset), result.dataset)
    fields = next(r for r in package["resources"] if r["name"] == "mo_hinh")["schema"]["fields"]
    assert fields[-1] == {"name": "trang_thong_tin", "type": "string", "title": "Trang thông tin"}

    listed = next(k for k in kinds.dictionary() if k["name"] == "model")["fields"]
    assert {"name": "website", "required": False, "kind": "văn bản",
            "description": "Trang thông tin của mô hình.", "allowed": ""} in listed


def test_a_field_added_to_a_schema_only_is_validated(schemas_with_a_new_field, tmp_path):
    data = _data_with(tmp_path, "website: <b>Trang</b>")
    problems = check_data(data, data.parent).report.problems
    assert [(p.code, p.file.endswith(MODEL), p.field) for p in problems] == [("html-tag", True, "website")]


def test_the_editor_offers_the_schema_that_the_check_validates_against():
    """VS Code's YAML extension (recommended in .vscode/) reads the same schema files."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(schema).name: globs for schema, globs in settings["yaml.schemas"].items()}
    for kind in ("document", "unit", "model", "campaign", "peak_day", "plan"):
        folder = kinds.collection(kind).replace("_", "-") if kind != "unit" else "units"
        assert f"data/{folder}/*.yaml" in mapped[f"{kind}.schema.json"]
        assert (ROOT / "campaign_results" / "schemas" / f"{kind}.schema.json").is_file()


def test_the_vocabularies_come_from_the_schemas():
    assert renderer.LEVELS == {"trung-uong": "Trung ương", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
    assert list(renderer.FIELDS) == kinds.values("plan", "contents", "field")  # one list, shared
    assert kinds.values("model", "status") == ["ke-hoach", "de-nghi", "cong-nhan"]
    assert renderer.DOCUMENT_TYPES["QĐ"] == "Quyết định"


def test_every_reference_names_a_kind_with_a_collection():
    def references(node):
        if isinstance(node, dict):
            if "x-ref" in node:
                yield node["x-ref"]
            for value in node.values():
                yield from references(value)
        elif isinstance(node, list):
            for value in node:
                yield from references(value)
    found = {ref for kind in kinds.KINDS for ref in references(kinds.schema(kind))}
    assert found == {"document", "indicator", "campaign", "peak_day", "model"}
    assert {ref: kinds.collection(ref) for ref in found} == {
        "document": "documents", "indicator": "indicators", "campaign": "campaigns",
        "peak_day": "peak_days", "model": "models"}
