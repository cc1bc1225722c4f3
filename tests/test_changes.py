"""What changed: each commit of data/ lists its records, and new results reach the Atom feed."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .conftest import build

ATOM = "{http://www.w3.org/2005/Atom}"
PEAK_DAY = "2023-08-11-do-thi-van-minh-dich-vu-cong"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.invalid", *args],
                   cwd=project, check=True, capture_output=True)


def test_changes_page_and_feed_follow_the_git_history(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Nhập dữ liệu ban đầu")
    results = project / "data" / "results" / f"{PEAK_DAY}.csv"
    with results.open("a", encoding="utf-8") as handle:
        handle.write("Lạng Sơn,dich-vu-cong,doi-hinh,12,,trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\n")
    model = project / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("09 huyện, thành phố", "9 huyện, thành phố"),
                     encoding="utf-8")
    git(project, "commit", "-q", "-am", "Thêm kết quả Lạng Sơn")
    run = build(project)
    assert run.returncode == 0, run.stdout

    html = (project / "site" / "thay-doi" / "index.html").read_text(encoding="utf-8")
    page = html[html.index("<article"):]  # the content, not the table of contents
    assert page.index("Thêm kết quả Lạng Sơn") < page.index("Nhập dữ liệu ban đầu")  # newest first
    latest = page[page.index("Thêm kết quả Lạng Sơn"):page.index("Nhập dữ liệu ban đầu")]
    assert f"../ngay-cao-diem/{PEAK_DAY}/" in latest and "../mo-hinh/ben-tre-2021-vi-mot-ben-tre-xanh/" in latest
    assert "Sửa" in latest

    feed = ElementTree.parse(project / "site" / "thay-doi.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries][0] == "Thêm kết quả Lạng Sơn"
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http")
    assert f"/ngay-cao-diem/{PEAK_DAY}/" in entries[0].find(f"{ATOM}content").text
    assert entries[0].find(f"{ATOM}updated").text
