"""What changed, told from the data: the change log and its feed name the records each publish
added, changed or removed, with their figures; a pull request's job summary does the same."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from html import unescape
from pathlib import Path

import yaml

from campaign_results.data_changes import ADDED, CHANGED, REMOVED, compare
from campaign_results.pipeline import check_data

from .conftest import ROOT, build
from .test_import_xlsx import fill_template

ATOM = "{http://www.w3.org/2005/Atom}"
PEAK_DAY = "2023-08-11-do-thi-van-minh-dich-vu-cong"
RESULTS = f"data/results/{PEAK_DAY}.csv"
MODEL = "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
NEW_MODEL = "data/models/2021/ben-tre-2021-mo-hinh-thu-nghiem.yaml"
HA_TINH_ROW = "Hà Tĩnh,do-thi-van-minh,tuyen-pho-van-minh,1.025,"
# the headline figures of the model copied from MODEL: its first three, then how many more
MODEL_FIGURES = "Tuyến đường thanh niên 157; Chiều dài tuyến đường 157,3; Cây xanh trồng mới 40.201; và 2 số liệu khác"


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.invalid", *args],
                          cwd=project, check=True, capture_output=True, text=True).stdout.strip()


def commit(project: Path, message: str) -> str:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)
    return git(project, "rev-parse", "HEAD")


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_model(project: Path, name: str) -> None:
    record = yaml.safe_load((project / MODEL).read_text(encoding="utf-8"))
    record.update(id=Path(NEW_MODEL).stem, name=name)
    (project / NEW_MODEL).write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_change_log_and_feed_name_the_records_and_figures_not_the_commit_messages(project: Path) -> None:
    git(project, "init", "-q")
    commit(project, "Nhập dữ liệu ban đầu")
    edit(project, RESULTS, HA_TINH_ROW, HA_TINH_ROW.replace("1.025", "1.030"))
    add_model(project, "Mô hình thử nghiệm")
    commit(project, "Add files via upload")
    edit(project, MODEL, "\nname:", "\n# ghi chú của cán bộ, không đổi dữ liệu\nname:")
    commit(project, "Update ben-tre-2021-vi-mot-ben-tre-xanh.yaml")
    (project / "README.md").write_text("Sửa tài liệu.\n", encoding="utf-8")
    commit(project, "Fix typo in README")
    run = build(project)
    assert run.returncode == 0, run.stdout

    html = (project / "site" / "thay-doi" / "index.html").read_text(encoding="utf-8")
    page = html[html.index("<article"):]  # the content, not the table of contents
    for message in ("Add files via upload", "Update ben-tre", "Fix typo", "Nhập dữ liệu ban đầu"):
        assert message not in page
    assert page.count("<h2") == 2  # the first import and the upload; the comment and README commits change no data
    latest = page[:page.index("<h2", page.index("<h2") + 1)]
    items = {text(li): li for li in re.findall(r"<li>(.*?)</li>", latest, re.S)}
    model = items[f"Thêm mô hình “Mô hình thử nghiệm”: {MODEL_FIGURES}"]
    assert f'href="../mo-hinh/{Path(NEW_MODEL).stem}/"' in model
    result = items["Sửa kết quả Hà Tĩnh: Tuyến phố (đường, hẻm) văn minh (Tình nguyện vì đô thị văn minh) "
                   "1.025 → 1.030"]
    assert f'href="../ngay-cao-diem/{PEAK_DAY}/"' in result
    first = [text(li) for li in re.findall(r"<li>(.*?)</li>", page[len(latest):], re.S)]
    assert "Thêm đơn vị “Trung ương Đoàn”" in first  # the first import lists its records

    feed = ElementTree.parse(project / "site" / "thay-doi.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    title = entries[0].find(f"{ATOM}title").text
    assert title.startswith("Thêm mô hình “Mô hình thử nghiệm”") and title.endswith("(và 1 thay đổi khác)")
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/mo-hinh/{Path(NEW_MODEL).stem}/")
    content = entries[0].find(f"{ATOM}content").text
    assert "1.025 → 1.030" in content and f"/ngay-cao-diem/{PEAK_DAY}/" in content


def test_records_are_compared_not_files(project: Path) -> None:
    dataset = check_data(project / "data", project).dataset
    git(project, "init", "-q")
    first = commit(project, "Dữ liệu")

    # the same rows moved from the CSV into a workbook, "1.025" typed as the number 1025
    rows = (project / RESULTS).read_text(encoding="utf-8").splitlines()
    header, ha_tinh = rows[0].split(","), [r for r in rows[1:] if r.startswith("Hà Tĩnh,")]
    kept = [r for r in rows if not r.startswith("Hà Tĩnh,")]
    (project / RESULTS).write_text("\n".join(kept) + "\n", encoding="utf-8")
    sheet_rows = []
    for row in ha_tinh:
        values = next(csv.reader([row]))
        cells = dict(zip(header, values))
        cells["value"] = int(cells["value"].replace(".", ""))
        sheet_rows.append([cells["unit"], cells["track"], cells["indicator"], cells["value"], cells["note"],
                           cells["source"]])
    fill_template(project, sheet_rows, project / "data" / "results" / f"{PEAK_DAY}-ha-tinh.xlsx")
    moved = commit(project, "Chuyển Hà Tĩnh sang bảng tính")
    assert compare(project, first, moved, dataset) == []

    # a field changed, a figure changed, a record removed
    edit(project, MODEL, "place: ", "place: Toàn tỉnh; ")
    (project / "data/models/2021/tra-vinh-2021-nha-nhan-ai.yaml").unlink()
    edit(project, f"data/peak-days/{PEAK_DAY}.yaml", '"239.931"', '"239.932"')
    edited = commit(project, "Sửa")
    changes = {c.record_id: c for c in compare(project, moved, edited, dataset)}
    assert set(changes) == {"ben-tre-2021-vi-mot-ben-tre-xanh", "tra-vinh-2021-nha-nhan-ai", PEAK_DAY}
    total = changes[PEAK_DAY]
    assert [(f.before, f.after) for f in total.figures] == [("239.931", "239.932")] and total.fields == []
    assert "Người dân" in total.figures[0].label or "người dân" in total.figures[0].label
    assert changes["ben-tre-2021-vi-mot-ben-tre-xanh"].action == CHANGED
    assert changes["ben-tre-2021-vi-mot-ben-tre-xanh"].fields == ["place"]
    assert changes["ben-tre-2021-vi-mot-ben-tre-xanh"].figures == []
    removed = changes["tra-vinh-2021-nha-nhan-ai"]
    assert removed.action == REMOVED and removed.headline.startswith("Xoá mô hình “") and ":" not in removed.headline

    added = compare(project, None, first, dataset)  # the first commit adds every record
    assert {c.action for c in added} == {ADDED} and len([c for c in added if c.kind == "model"]) == 7


def _diff(project: Path, base: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "diff", "--base", base], cwd=project,
                          capture_output=True, text=True)


def test_pull_request_summary_lists_records_with_figures_and_pages(project: Path) -> None:
    git(project, "init", "-q")
    base = commit(project, "Dữ liệu")
    edit(project, RESULTS, HA_TINH_ROW, HA_TINH_ROW.replace("1.025", "1.030"))
    add_model(project, "Mô hình | <script>alert(1)</script> *đậm*")
    commit(project, "Add files via upload")

    run = _diff(project, base)
    assert run.returncode == 0, run.stdout
    lines = run.stdout.splitlines()
    assert lines[0] == "## Dữ liệu thay đổi" and "1 bản ghi thêm, 1 sửa, 0 xoá" in run.stdout
    assert "| Thay đổi | Bản ghi | Số liệu | Trang |" in lines
    result = next(line for line in lines if line.startswith("| Sửa | Hà Tĩnh — "))
    assert "1.025 → 1.030" in result and f"`ngay-cao-diem/{PEAK_DAY}/`" in result
    model = next(line for line in lines if line.startswith("| Thêm |"))
    assert "<script>" not in model and "&lt;script&gt;" in model and "\\*đậm\\*" in model
    assert model.replace("\\|", "").count("|") == 5  # four cells: the name's "|" cannot open a fifth
    assert "(không có trang)" in model  # the check refuses HTML in a name: the record gets no page

    (project / "README.md").write_text("Chỉ sửa tài liệu.\n", encoding="utf-8")
    code_only = commit(project, "Docs")
    assert "không thêm, sửa hay xoá bản ghi nào" in _diff(project, f"{code_only}~1").stdout
    missing = _diff(project, "khong-co-nhanh-nay")
    assert missing.returncode == 1 and "không tìm thấy commit" in missing.stdout


def test_the_workflow_writes_the_summary_of_a_pull_request(project: Path, tmp_path: Path) -> None:
    """The workflow's own step, run as the runner would run it."""
    workflow = ROOT / ".github" / "workflows" / "site.yml"
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["site"]["steps"]
    step = next(s for s in steps if "build_site.py diff" in s.get("run", ""))
    assert "pull_request" in step["if"] and "base.sha" in step["env"]["BASE"]
    git(project, "init", "-q")
    base = commit(project, "Dữ liệu")
    edit(project, RESULTS, HA_TINH_ROW, HA_TINH_ROW.replace("1.025", "1.030"))
    commit(project, "Sửa Hà Tĩnh")
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)  # as after `make check`
    summary = tmp_path / "summary.md"
    run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=project, capture_output=True, text=True,
                         env={**os.environ, "BASE": base, "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == 0, run.stderr
    assert "| Sửa | Hà Tĩnh — " in summary.read_text(encoding="utf-8")
