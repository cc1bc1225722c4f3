"""Every command the contributor guide, the README, the pre-commit hook and `new` tell staff to
type works exactly as written, on a machine where `make site` has run: plain `python` on the PATH
(a Python without the project's packages), no virtualenv activated."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

GUIDE = ROOT / "content" / "dong-gop.md"
README = ROOT / "README.md"
SLOW = ("make serve", "synth", "bench", "make test")  # long-running or tested elsewhere


def shell_commands(markdown: Path) -> list[str]:
    """The command lines of the ```sh blocks of a Markdown file, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", markdown.read_text(encoding="utf-8"), re.S)
    return [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@pytest.fixture(scope="module")
def plain_python(tmp_path_factory) -> Path:
    """A bin/ folder whose `python` and `python3` are a Python without any of the packages."""
    folder = tmp_path_factory.mktemp("plain-python")
    base = getattr(sys, "_base_executable", None) or sys.executable
    subprocess.run([base, "-m", "venv", "--without-pip", str(folder)], check=True)
    run = subprocess.run([str(folder / "bin" / "python"), "-c", "import yaml"], capture_output=True)
    assert run.returncode != 0, "the plain Python must not have the project's packages"
    return folder / "bin"


def staff_env(plain_python: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{plain_python}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin"
    return env


def run(command: str, project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True, timeout=600)


def assert_ran(done: subprocess.CompletedProcess, command: str, allowed=(0,)) -> str:
    output = done.stdout + done.stderr
    assert done.returncode in allowed, f"{command}\n{output}"
    assert "Traceback" not in output and "ModuleNotFoundError" not in output, f"{command}\n{output}"
    return output


@pytest.fixture
def staff_project(project: Path) -> Path:
    """A copy of the project on a machine where `make site` has run (its .venv/ is this one's)."""
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return project


def test_without_a_venv_the_command_says_in_vietnamese_how_to_set_up(project: Path, plain_python: Path) -> None:
    done = run("python build_site.py check", project, staff_env(plain_python))
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert "chưa cài" in done.stdout and "make site" in done.stdout


def test_readme_commands_run_as_written(staff_project: Path, plain_python: Path) -> None:
    commands = [c for c in shell_commands(README) if c.startswith("python build_site.py") and not any(s in c for s in SLOW)]
    assert "python build_site.py --help" in commands and "python build_site.py check --format json" in commands
    for command in commands:
        output = assert_ran(run(command, staff_project, staff_env(plain_python)), command)
        if "--format json" in command:
            assert '"errors": 0' in output


def test_the_pre_commit_hook_runs_as_written(staff_project: Path, plain_python: Path) -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert "Dữ liệu hợp lệ" in assert_ran(run(hook["entry"], staff_project, staff_env(plain_python)), hook["entry"])
