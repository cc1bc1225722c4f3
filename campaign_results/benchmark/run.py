"""`python build_site.py bench --records N [--json FILE]`: the figures of issue "Scale", in one run.

On N synthetic records (see synth.py) in a scratch project:

1. a cold full build (empty caches) in a child process: full_build_s, with generate_s (check +
   records → Markdown, charts and search index), mkdocs_s and static_s (the search index linked
   in beside MkDocs' output). MkDocs starts once the check is done and the pages are planned, and
   builds them while they are written, so generate_s and mkdocs_s overlap: full_build_s is about
   the check, the planning and mkdocs_s;
   peak_rss_mb is the most memory its processes held together (memory.py: their proportional
   set sizes added up, sampled once a second), largest_process_mb the largest resident size of
   one of them;
2. floor_s: `mkdocs build` alone on the same generated Markdown; ratio = full/floor;
3. the generation step again with nothing changed (noop_*), then after editing one
   per-unit result (edit_*: files rewritten, charts drawn);
4. site_bytes and bytes_per_record;
5. in headless Chromium over a gzip-compressing local server: home_bytes, and for a
   first diacritic-free search with a 4× CPU slowdown, search_first_query_bytes and
   search_first_result_ms;
6. lighthouse_min: the lowest of Lighthouse's four mobile scores over the home page, a
   peak-day page, a model page and a province page.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..numbers import format_number
from ..project import HERE, Project
from ..publish.static_server import StaticServer
from ..render import urls
from ..site_build import build_project
from ..synth import synthesize
from . import browser, lighthouse
from .memory import PeakMemory

SEARCH_QUERY = "dich vu cong"


def scratch_project(root: Path) -> Project:
    """A project folder using this checkout's code and pages, with its own data, caches and site."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("campaign_results", "content", "overrides"):
        (root / name).symlink_to(HERE / name)
    shutil.copy2(HERE / "mkdocs.yml", root / "mkdocs.yml")
    return Project(root)


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def edit_one_result(project: Project) -> str:
    """Add one to the largest per-unit result of the first peak day (so that its chart changes)."""
    path = sorted((project.data_dir / "results").glob("*.csv"))[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    index = max(range(1, len(lines)), key=lambda i: int(lines[i].split(",")[3].replace(".", "")))
    unit, track, indicator, value, note, source = lines[index].split(",")
    changed = format_number(int(value.replace(".", "")) + 1)
    lines[index] = ",".join([unit, track, indicator, changed, note, source])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(records: int, workdir: Path | None = None, with_lighthouse: bool = True) -> dict:
    scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=workdir))
    try:
        return _run(records, scratch, with_lighthouse)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(records: int, scratch: Path, with_lighthouse: bool) -> dict:
    project = scratch_project(scratch / "project")
    summary = synthesize(project.data_dir, records)
    figures: dict = {"records": summary.records, "result_rows": summary.result_rows}

    timings = scratch / "timings.json"
    start = time.perf_counter()
    build = subprocess.Popen([sys.executable, str(HERE / "build_site.py"), "build", "--root", str(project.root),
                              "--timings", str(timings)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(build.pid)
    stdout, stderr = build.communicate()
    figures["full_build_s"] = time.perf_counter() - start
    figures["peak_rss_mb"] = memory.stop()
    if build.returncode != 0:
        raise RuntimeError("the benchmark build failed:\n" + stdout[-3000:] + stderr[-3000:])
    figures["largest_process_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    seconds = json.loads(timings.read_text(encoding="utf-8"))
    figures["generate_s"] = seconds["check"] + seconds["generate"]
    figures["mkdocs_s"] = seconds["mkdocs"]
    figures["static_s"] = seconds["static"]

    floor_site = scratch / "floor-site"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(floor_site)],
                   cwd=project.root, check=True, capture_output=True)
    figures["floor_s"] = time.perf_counter() - start
    figures["ratio"] = figures["full_build_s"] / figures["floor_s"]
    shutil.rmtree(floor_site)

    noop = build_project(project, publish_site=False)
    figures["noop_generate_s"] = noop.seconds["check"] + noop.seconds["generate"]
    figures["noop_files_rewritten"] = noop.files_written

    edit_one_result(project)
    edit = build_project(project, publish_site=False)
    if not edit.report.ok:
        raise RuntimeError("the edited data did not pass the check: " + edit.report.errors[0].message)
    figures["edit_generate_s"] = edit.seconds["check"] + edit.seconds["generate"]
    figures["edit_files_rewritten"] = edit.files_written
    figures["edit_charts_drawn"] = edit.charts_drawn
    figures["generated_files"] = edit.files_generated

    figures["site_bytes"] = folder_bytes(project.site_dir)
    figures["bytes_per_record"] = figures["site_bytes"] / summary.records

    dataset_day = sorted((project.data_dir / "peak-days").glob("*.yaml"))[0].stem
    model = sorted((project.data_dir / "models").rglob("*.yaml"))[0].stem
    with StaticServer(project.site_dir) as server:
        measured = browser.measure(server.url, SEARCH_QUERY)
        figures["home_bytes"] = measured.home_bytes
        figures["search_first_query_bytes"] = measured.search_first_query_bytes
        figures["search_first_result_ms"] = measured.search_first_result_ms
        if with_lighthouse:
            pages = [urls.url_of(page) for page in (urls.HOME, urls.peak_day(dataset_day), urls.model(model),
                                                    urls.unit("ben-tre"))]
            all_scores = {page or "/": lighthouse.scores(server.url + page) for page in pages}
            figures["lighthouse_scores"] = all_scores
            figures["lighthouse_min"] = min(min(s.values()) for s in all_scores.values())
    figures["machine"] = f"{os.cpu_count()} cores, {_memory_gib()} GiB"
    figures["date"] = time.strftime("%Y-%m-%d")
    return figures


def _memory_gib() -> int:
    with open("/proc/meminfo", encoding="utf-8") as handle:
        kib = int(handle.readline().split()[1])
    return round(kib / 1024 / 1024)


ROWS = [
    ("records", "records (YAML files)", "{:,.0f}"), ("result_rows", "per-unit result rows", "{:,.0f}"),
    ("full_build_s", "full_build_s (cold)", "{:.1f}"), ("generate_s", "  generate_s", "{:.1f}"),
    ("mkdocs_s", "  mkdocs_s", "{:.1f}"), ("static_s", "  static_s", "{:.1f}"),
    ("floor_s", "floor_s (mkdocs alone)", "{:.1f}"), ("ratio", "ratio", "{:.2f}"),
    ("noop_generate_s", "noop_generate_s", "{:.2f}"), ("noop_files_rewritten", "noop_files_rewritten", "{:.0f}"),
    ("edit_generate_s", "edit_generate_s", "{:.1f}"), ("edit_files_rewritten", "edit_files_rewritten", "{:.0f}"),
    ("edit_charts_drawn", "edit_charts_drawn", "{:.0f}"), ("generated_files", "generated_files", "{:,.0f}"),
    ("peak_rss_mb", "peak_rss_mb (all processes)", "{:.0f}"),
    ("largest_process_mb", "  largest_process_mb", "{:.0f}"), ("site_bytes", "site_bytes", "{:,.0f}"),
    ("bytes_per_record", "bytes_per_record", "{:,.0f}"),
    ("search_first_query_bytes", "search_first_query_bytes", "{:,.0f}"),
    ("search_first_result_ms", "search_first_result_ms", "{:.0f}"), ("home_bytes", "home_bytes", "{:,.0f}"),
    ("lighthouse_min", "lighthouse_min", "{:.2f}"),
]


def table(figures: dict) -> str:
    lines = [f"{'figure':<28} value", f"{'-' * 28} {'-' * 14}"]
    for key, label, pattern in ROWS:
        if key in figures:
            lines.append(f"{label:<28} {pattern.format(figures[key])}")
    lines.append(f"{'machine':<28} {figures['machine']}, {figures['date']}")
    return "\n".join(lines)
