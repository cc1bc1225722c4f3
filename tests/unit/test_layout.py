"""The package's layout shows the data flow: load → check → crosscheck → render → publish, over
shared modules that import no stage, under the commands that run them. No import runs back up."""

from __future__ import annotations

import ast

from ..conftest import ROOT

PACKAGE = ROOT / "campaign_results"
STAGES = {"load": 1, "check": 2, "crosscheck": 3, "render": 4, "publish": 5}
COMMANDS = 6  # cli, pipeline, site_build… : every other top-level module
SHARED = {"__init__", "catalogue", "problems", "text", "numbers", "dates", "files", "project", "parallel",
          "workbook", "record_markdown", "kinds", "format", "export", "history", "model"}


def _rank(module: str) -> int:
    first = module.split(".")[1] if "." in module else "__init__"
    return 0 if first in SHARED else STAGES.get(first, COMMANDS)


def _imports():
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                prefix = [*base, node.module] if node.module else base
                for alias in node.names:  # "from ..model import records": campaign_results.model.records
                    yield module, ".".join([*prefix, alias.name])


def test_no_import_runs_from_an_earlier_stage_to_a_later_one():
    back = [(module, target) for module, target in _imports()
            if _rank(target) > _rank(module) or (_rank(module) == 0 and _rank(target) != 0)]
    assert back == []


def test_the_rule_sees_a_back_arrow():
    assert _rank("campaign_results.model.units") == 0 and _rank("campaign_results.load.yaml_file") == 1
    assert _rank("campaign_results.render.urls") > _rank("campaign_results.check.build")
    assert ("campaign_results.check.build", "campaign_results.model.records") in set(_imports())


def test_every_stage_is_a_folder_and_the_old_ones_are_gone():
    assert all((PACKAGE / stage / "__init__.py").is_file() for stage in STAGES)
    assert not (PACKAGE / "validate").exists()
    assert not (PACKAGE / "model" / "build.py").exists()
