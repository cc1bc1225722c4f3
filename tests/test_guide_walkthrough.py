"""The contributor guide (content/dong-gop.md), followed as a new staff member would.

The local route: every command of its "Trên máy tính" section is run as written, in order, on a
machine where only plain `python`/`python3` is on the PATH: a 2024 model with its new document,
a 2026 peak day with its campaign and report, results for five of the 34 provinces from the
Excel template typed with the usual mistakes (an old province name, a blank cell, a formula, a
percentage, "1,250" from an English-locale Excel). Each mistake gets a Vietnamese message naming
its cell; once fixed, the served site shows the new records and the change log names them.

The browser route: the workbook uploaded to data/results/ is checked as CI checks it, with the
same messages in the job summary.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import ROOT
from .test_guide_commands import plain_python, staff_env  # noqa: F401  (a fixture, and its PATH)
from .test_import_xlsx import fill_template
from .test_new_record import FILLED, fill

GUIDE = (ROOT / "content" / "dong-gop.md").read_text(encoding="utf-8")
LOCAL_ROUTE = GUIDE[GUIDE.index("## Trên máy tính"):GUIDE.index("## Đọc thông báo lỗi")]
BROWSER_ROUTE = GUIDE[GUIDE.index("## Chỉ dùng trình duyệt"):GUIDE.index("## Trên máy tính")]

# Five provinces of the 34 (2026), as the template's rows: unit, track, indicator, value, note, source.
# Each mistake, row by row: what was typed instead (column → value), the cell the message must name,
# and a word it must say.
TRACK, INDICATOR = FILLED["id"], FILLED["indicator"]  # the track and indicator the new peak day is given
FIXED = {"Quảng Ninh": 1250, "Quảng Trị": 80, "Hà Tĩnh": 95, "Nghệ An": 300, "Lạng Sơn": 45}
UNIT, VALUE = 0, 3
MISTAKES = [
    ({UNIT: "Quảng Bình"}, "A2", "Quảng Trị"),  # merged into Quảng Trị on 1/7/2025
    ({VALUE: None}, "D3", "trống"),             # a blank result
    ({VALUE: "=10*30"}, "D4", "công thức"),      # a formula saved without its value
    ({VALUE: 0.45}, "D5", "45%"),                # a percentage cell
    ({VALUE: "1,250"}, "D6", "1,250"),           # typed in an English-locale Excel
]
ENGLISH = re.compile(r"\b(Error|Traceback|Exception|invalid|could not|expected|not allowed)\b")


def commands(section: str) -> list[str]:
    """The guide's commands, in order: every line of its ```sh blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def run(command: str, project: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True,
                          timeout=600)


def created(output: str) -> Path:
    return Path(re.search(r"Đã tạo (\S+\.yaml)", output).group(1))


def results_workbook(project: Path, target: Path, with_mistakes: bool, source: str = "") -> Path:
    rows = [[unit, TRACK, INDICATOR, value, "", source] for unit, value in FIXED.items()]
    if with_mistakes:
        for row, (typed, _, _) in zip(rows, MISTAKES):
            for column, value in typed.items():
                row[column] = value
    fill_template(project, rows, target)
    if with_mistakes:
        book = load_workbook(target)
        book["Kết quả"]["D5"].number_format = "0%"
        book.save(target)
    return target


def assert_every_mistake_named(output: str) -> None:
    for _, cell, word in MISTAKES:
        line = next((line for line in output.splitlines() if f"Kết quả!{cell}" in line), None)
        assert line, f"Kết quả!{cell} is not named:\n{output}"
        message = output[output.index(line):].split("\n\n")[0][:600]
        assert word in message, message
    assert not ENGLISH.search(output), output


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, address: str, expected: str, deadline: float) -> str:
    page = ""
    while time.monotonic() < deadline and expected not in page:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{address}", timeout=5) as response:
                page = response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    return page


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.invalid", *args],
                   cwd=project, check=True, capture_output=True)


@pytest.fixture
def staff_machine(project: Path) -> Path:
    """A clone on a staff member's machine: a git checkout where `make site` can run."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Dữ liệu")
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)  # what `make site` installs
    return project


def test_the_local_route_of_the_guide_as_written(staff_machine: Path, plain_python: Path) -> None:  # noqa: F811
    project, env = staff_machine, staff_env(plain_python)
    steps = commands(LOCAL_ROUTE)
    assert steps == commands(GUIDE)  # the guide has no command outside this route
    assert steps[0] == "make site" and steps[-1] == "make serve"
    import_line = next(s for s in steps if "import-xlsx" in s)
    peak_day = re.search(r"--peak-day (\S+)", import_line).group(1)
    report = re.search(r"--source (\S+)", import_line).group(1)
    workbook = project / import_line.split()[3]
    new_files: dict[str, Path] = {}

    for step in steps[:-1]:
        if "import-xlsx" in step:
            results_workbook(project, workbook, with_mistakes=True)
            results = project / "data" / "results" / f"{peak_day}.csv"  # the header `new peak-day` wrote
            before = results.read_bytes()
            first = run(step, project, env)
            assert first.returncode == 1, first.stdout
            assert_every_mistake_named(first.stdout)
            assert "Không ghi gì vào data/" in first.stdout and results.read_bytes() == before
            results_workbook(project, workbook, with_mistakes=False)  # fixed in Excel, as the messages say
        done = run(step, project, env)
        assert done.returncode == 0, f"{step}\n{done.stdout}{done.stderr}"
        if " new " in step:
            kind = step.split()[3]
            new_files[kind] = project / created(done.stdout)
            # what the staff member writes in place of each "ĐIỀN: …"; the model cites its new document
            document = new_files.get("document")
            fill(new_files[kind], kind, document.stem if kind == "model" else report)
        if step.endswith("build_site.py check"):
            assert "Dữ liệu hợp lệ" in done.stdout

    assert (project / "data" / "peak-days" / f"{peak_day}.yaml").exists()
    assert (project / "data" / "documents" / f"{report}.yaml").exists()
    git(project, "add", "-A", "data")
    git(project, "commit", "-q", "-m", "Add files via upload")
    assert run("python3 -m campaign_results.ci HEAD~1 HEAD", project, env).stdout.strip() == "code=false"

    port = free_port()
    server = subprocess.Popen(["bash", "-c", f"{steps[-1]} PORT={port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        day = fetch(port, f"ngay-cao-diem/{peak_day}/", "Lạng Sơn", deadline)
        for unit, value in FIXED.items():
            assert unit in day and f"{value:,}".replace(",", ".") in day
        model = new_files["model"].stem
        assert "Thắp sáng đường quê" in fetch(port, f"mo-hinh/{model}/", "Thắp sáng đường quê", deadline)
        log = fetch(port, "thay-doi/", "Thắp sáng đường quê", deadline)
        updates = log[log.index("<article"):].split("<h2")[1:]  # one section per update, newest first
        latest = re.sub(r"<[^>]+>", "", updates[0])
        assert "Thêm mô hình “Thắp sáng đường quê”" in latest and "Thêm Ngày cao điểm" in latest
        for unit in FIXED:
            assert f"Thêm kết quả {unit}" in latest
        assert len(updates) == 2 and "Add files via upload" not in log
    finally:
        subprocess.run(["kill", "--", f"-{server.pid}"], check=False)
        server.wait(timeout=30)


def test_the_browser_route_checks_an_uploaded_workbook_as_ci_does(staff_machine: Path, plain_python: Path,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    """Add file → Upload files into data/results/; the workflow runs `make check` (then `make site`)."""
    project, env = staff_machine, staff_env(plain_python)
    assert "data/results/" in BROWSER_ROUTE and "Upload files" in BROWSER_ROUTE
    peak_day, source = "2026-08-11-tinh-nguyen", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"
    (project / "data" / "campaigns" / "2026-thanh-nien-tinh-nguyen-he.yaml").write_text(
        "id: 2026-thanh-nien-tinh-nguyen-he\nname: Chiến dịch Thanh niên tình nguyện Hè 2026\nyear: 2026\n"
        f"organiser: Trung ương Đoàn\nsources: [{source}]\n", encoding="utf-8")
    (project / "data" / "peak-days" / f"{peak_day}.yaml").write_text(  # Add file → Create new file
        f"id: {peak_day}\nname: Ngày cao điểm tình nguyện\ndate: 11/8/2026\n"
        "campaign: 2026-thanh-nien-tinh-nguyen-he\norganiser: Trung ương Đoàn\n"
        f"tracks:\n  - id: {TRACK}\n    name: Hỗ trợ dịch vụ công\n    totals:\n"
        f"      - indicator: {INDICATOR}\n        value: \"6.369\"\nsources:\n  - {source}\n", encoding="utf-8")
    upload = project / "data" / "results" / f"{peak_day}-nam-tinh.xlsx"
    results_workbook(project, upload, with_mistakes=True, source=source)
    summary = tmp_path / "summary.md"
    ci = {**env, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    checked = run("make check", project, ci)
    assert checked.returncode != 0
    assert_every_mistake_named(checked.stdout)
    table = summary.read_text(encoding="utf-8")
    assert all(f"Kết quả!{cell}" in table for _, cell, _ in MISTAKES)

    results_workbook(project, upload, with_mistakes=False, source=source)  # fixed, uploaded again
    assert run("make check", project, ci).returncode == 0
    built = run("make site", project, env)
    assert built.returncode == 0, built.stdout
    page = (project / "site" / "ngay-cao-diem" / peak_day / "index.html").read_text(encoding="utf-8")
    assert "Lạng Sơn" in page and "1.250" in page
