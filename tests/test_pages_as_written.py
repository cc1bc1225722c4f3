"""MkDocs starts before the generated pages are written (publish/pages_as_written.py): it waits for
each page, builds what was written, and stops when generation stops."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from campaign_results.project import Project
from campaign_results.publish import pages_as_written
from campaign_results.publish.publish import MkDocsRun
from campaign_results.render.docs_folder import DocsFolder
from campaign_results.render.sections import years
from campaign_results.site_build import build_project

from .conftest import build, copy_project

HOOK = Path(pages_as_written.__file__)
START_UP = 60.0  # seconds MkDocs may take at most to reach its first planned page
# A second hook, listed before the one under test: it notes which pages MkDocs found on disk, and
# each page it reaches (before the hook under test makes it wait there) with whether its file exists.
PROBE = """\
import os

NOTES = os.path.join(os.path.dirname(__file__), "reached.txt")


def _note(line):
    with open(NOTES, "a", encoding="utf-8") as notes:
        notes.write(line + "\\n")


def on_files(files, config):
    _note("found " + " ".join(sorted(f.src_uri for f in files if f.is_documentation_page())))
    return files


def on_pre_page(page, config, files):
    _note(f"reached {page.file.src_uri} " + ("on disk" if os.path.exists(page.file.abs_src_path) else "absent"))
    return page
"""


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A small MkDocs project using the hook: one hand-written page linking to a planned one, and a
    planned page whose file on disk is a previous build's."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n\n[Trang mới](moi.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "cu.md").write_text("# Bản cũ\n", encoding="utf-8")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Thử\ndocs_dir: docs\nstrict: true\ntheme:\n  name: mkdocs\nhooks:\n  - probe.py\n  - {HOOK}\n",
        encoding="utf-8")
    return tmp_path


def _notes(root: Path) -> list[str]:
    notes = root / "reached.txt"
    return notes.read_text(encoding="utf-8").splitlines() if notes.exists() else []


def _wait_until_reached(root: Path, mkdocs: MkDocsRun, note: str) -> None:
    """Until the probe has noted ``note`` (MkDocs has reached a page), polling; fails if MkDocs ends
    first or does not get there within START_UP."""
    deadline = time.monotonic() + START_UP
    while note not in _notes(root):
        if mkdocs.process.poll() is not None:
            pytest.fail(f"MkDocs ended before {note!r}; notes {_notes(root)}:\n{mkdocs.finish(root / 'static').log}")
        if time.monotonic() > deadline:
            mkdocs.abandon()
            pytest.fail(f"MkDocs did not get to {note!r} within {START_UP:.0f} s; notes {_notes(root)}")
        time.sleep(0.02)


def _run(root: Path) -> MkDocsRun:
    plan = [("moi.md",), ("cu.md",), ("tep/so-lieu.csv",)]
    return MkDocsRun(root / "mkdocs.yml", root / "site", plan, root / "plan.json")


def test_mkdocs_waits_for_each_page_and_builds_it_as_written(small_site: Path) -> None:
    mkdocs = _run(small_site)
    # MkDocs has listed the docs folder without moi.md and reached it: without the hook it would now
    # fail on the missing page (or build cu.md's old text); with it, it waits there
    _wait_until_reached(small_site, mkdocs, "reached moi.md absent")
    assert mkdocs.process.poll() is None
    (small_site / "docs" / "moi.md").write_text("# Trang mới\n\nViết sau khi MkDocs chạy.\n", encoding="utf-8")
    mkdocs.written(0)
    (small_site / "docs" / "cu.md").write_text("# Bản mới\n", encoding="utf-8")
    mkdocs.written(1)
    (small_site / "docs" / "tep").mkdir()
    (small_site / "docs" / "tep" / "so-lieu.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    mkdocs.written(2)
    mkdocs.all_written()
    published = mkdocs.finish(small_site / "static")
    assert published.ok, published.log
    site = small_site / "site"
    assert "Viết sau khi MkDocs chạy." in (site / "moi" / "index.html").read_text(encoding="utf-8")
    old = (site / "cu" / "index.html").read_text(encoding="utf-8")
    assert "Bản mới" in old and "Bản cũ" not in old
    assert (site / "tep" / "so-lieu.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"
    # the hook added the planned page MkDocs had not found and put the planned pages, in plan order,
    # after the hand-written one; it waited for them, and said so
    assert _notes(small_site) == ["found cu.md index.md", "reached index.md on disk", "reached moi.md absent",
                                  "reached cu.md on disk"]
    assert pages_as_written.STARTED in published.log
    assert re.search(r"Waited \d+\.\d\d s for generated pages\.", published.log), published.log


def test_mkdocs_stops_when_generation_stops_and_nothing_is_published(small_site: Path) -> None:
    (small_site / "site").mkdir()
    (small_site / "site" / "index.html").write_text("bản đang xuất bản", encoding="utf-8")
    mkdocs = _run(small_site)
    (small_site / "docs" / "moi.md").write_text("# Trang mới\n", encoding="utf-8")
    mkdocs.written(0)
    published = mkdocs.finish(small_site / "static")  # the other entries never come
    assert not published.ok
    assert "Sinh trang dừng giữa chừng" in published.log
    assert (small_site / "site" / "index.html").read_text(encoding="utf-8") == "bản đang xuất bản"
    assert not (small_site / "site.new").exists()


def test_mkdocs_by_hand_ignores_the_hook(small_site: Path) -> None:
    (small_site / "docs" / "moi.md").write_text("# Trang mới\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (pages_as_written.PLAN, pages_as_written.PROGRESS)}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=small_site, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Bản cũ" in (small_site / "site" / "cu" / "index.html").read_text(encoding="utf-8")


def test_the_published_site_is_what_mkdocs_builds_from_the_finished_pages(project: Path) -> None:
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    alone = project / "site-alone"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(alone)],
                   cwd=project, check=True, capture_output=True, timeout=300)
    site = project / "site"
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    by_hand = {p.relative_to(alone).as_posix() for p in alone.rglob("*") if p.is_file()}
    static = {p.relative_to(project / "build/static").as_posix()
              for p in (project / "build/static").rglob("*") if p.is_file()}
    assert built == by_hand | static
    # the sitemap lists the pages in the order they were built
    for path in sorted(by_hand - {"sitemap.xml", "sitemap.xml.gz"}):
        assert filecmp.cmp(site / path, alone / path, shallow=False), path
    assert sorted((site / "sitemap.xml").read_text().splitlines()) == \
        sorted((alone / "sitemap.xml").read_text().splitlines())


def test_a_config_without_the_hook_fails_with_the_fix_and_publishes_nothing(project: Path) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n  - campaign_results/publish/pages_as_written.py\n",
                                                                 ""), encoding="utf-8")
    assert "pages_as_written" not in config.read_text(encoding="utf-8")
    (project / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml").touch()  # not the last build's inputs
    run = build(project)
    assert run.returncode == 1
    assert "thiếu hook" in run.stdout and "campaign_results/publish/pages_as_written.py" in run.stdout
    assert (project / "site" / "index.html").read_bytes() == before


def test_a_failure_while_pages_are_written_publishes_nothing(project: Path, monkeypatch) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()

    def broken(*args) -> None:
        raise RuntimeError("hỏng khi viết trang năm")

    monkeypatch.setattr(years, "_year_page", broken)
    with pytest.raises(RuntimeError, match="hỏng khi viết trang năm"):
        build_project(Project(project))
    assert (project / "site" / "index.html").read_bytes() == before
    assert not (project / "site.new").exists()


def test_the_docs_folder_keeps_only_planned_and_hand_written_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    docs = DocsFolder(tmp_path / "docs")
    (tmp_path / "docs" / "mo-hinh").mkdir(parents=True)
    (tmp_path / "docs" / "mo-hinh" / "da-xoa.md").write_text("# Mô hình đã xoá\n", encoding="utf-8")
    (tmp_path / "docs" / "mo-hinh" / "con.md").write_text("# Mô hình còn\n", encoding="utf-8")
    docs.copy_hand_written(content)
    docs.expect(["mo-hinh/con.md", "mo-hinh/moi.md"])
    assert sorted(p.relative_to(docs.root).as_posix() for p in docs.root.rglob("*.md")) == \
        ["gioi-thieu.md", "mo-hinh/con.md"]  # the deleted record's page is gone before MkDocs starts
    docs.write("mo-hinh/con.md", "# Mô hình còn\n".encode())
    assert docs.missing() == ["mo-hinh/moi.md"]
    with pytest.raises(ValueError, match="không có trong kế hoạch"):
        docs.write("mo-hinh/ngoai-ke-hoach.md", b"# ?\n")
