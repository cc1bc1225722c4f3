"""A whole build, stage by stage, with what each stage did and how long it took.

check (load → validate → model → cross-check) → generate (content/ and the
generated pages into build/docs/, charts) → publish (MkDocs, Pagefind, swap
into site/). Used by ``build``, ``serve`` and the benchmark.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .fingerprint import fingerprint, remember_generation, unchanged_since_last_generation
from .pipeline import check_data
from .problems import Report
from .project import Project
from .publish.publish import PublishResult, publish
from .render.charts import ChartCache
from .render.docs_folder import DocsFolder
from .render.site_pages import render_site


@dataclass
class BuildOutcome:
    report: Report
    published: PublishResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)   # check, generate, publish
    files_written: int = 0
    files_generated: int = 0
    files_removed: int = 0
    charts_drawn: int = 0

    @property
    def ok(self) -> bool:
        return self.report.ok and self.published is not None and self.published.ok


def generate(project: Project, dataset) -> tuple[DocsFolder, ChartCache]:
    """content/ and the generated pages into the docs folder, rewriting only what changed."""
    docs = DocsFolder(project.docs_dir)
    docs.copy_hand_written(project.content_dir)
    charts = ChartCache(project.chart_cache_dir)
    render_site(dataset, docs, charts)
    docs.prune()
    return docs, charts


def build_project(project: Project, publish_site: bool = True) -> BuildOutcome:
    start = time.perf_counter()
    current = fingerprint(project)
    unchanged = unchanged_since_last_generation(project, current)
    if unchanged is not None:  # same inputs as the last successful generation
        outcome = BuildOutcome(Report(), files_generated=unchanged)
        outcome.seconds["check"] = 0.0
        outcome.seconds["generate"] = time.perf_counter() - start
    else:
        result = check_data(project.data_dir, project.root)
        outcome = BuildOutcome(result.report)
        outcome.seconds["check"] = time.perf_counter() - start
        if not result.report.ok:
            return outcome
        start = time.perf_counter()
        docs, charts = generate(project, result.dataset)
        outcome.seconds["generate"] = time.perf_counter() - start
        outcome.files_written = len(docs.written)
        outcome.files_generated = len(docs.produced)
        outcome.charts_drawn = len(charts.drawn)
        if not result.report.warnings:  # warnings must show again on the next build
            remember_generation(project, current, outcome.files_generated)
    if publish_site:
        start = time.perf_counter()
        outcome.published = publish(project.mkdocs_config, project.site_dir)
        outcome.seconds["publish"] = time.perf_counter() - start
    return outcome
