"""Editors and git hooks are wired to the same schemas and check as the build."""

from __future__ import annotations

import json
from fnmatch import fnmatch

import yaml

from campaign_results.load.discover import YAML_FOLDERS

from .conftest import ROOT


def test_vscode_maps_every_record_folder_to_an_existing_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema
    for folder, kind in YAML_FOLDERS.items():
        record = f"data/{folder}/2024/mau.yaml" if folder == "models" else f"data/{folder}/mau.yaml"
        matched = [schema for schema, globs in mapping.items() if any(fnmatch(record, g) for g in globs)]
        assert matched == [f"campaign_results/schemas/{kind}.schema.json"], record


def test_pre_commit_runs_the_check_on_data_changes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python build_site.py check" and hook["files"] == "^data/"
