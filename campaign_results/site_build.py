"""A whole build, stage by stage, with what each stage did and how long it took.

check (load → validate → model → cross-check) → generate (content/ and the
generated pages into build/docs/; the search index, charts and images into
build/static/, the images drawn on the other cores while MkDocs runs) →
publish (MkDocs, then build/static/ beside its output, swap into site/).
Used by ``build``, ``serve`` and the benchmark.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .fingerprint import fingerprint, remember_generation, unchanged_since_last_generation
from .parallel import BackgroundJob
from .pipeline import check_data
from .problems import Report
from .project import Project
from .publish.publish import PublishResult, publish
from .render import urls
from .render.charts import ChartCache
from .render.docs_folder import DocsFolder
from .render.search_index import SearchIndex
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


@dataclass
class Generation:
    docs: DocsFolder     # Markdown sources and assets for MkDocs
    static: DocsFolder   # files published as they are: the search index, charts and images
    charts: ChartCache
    search_index: BackgroundJob  # writing the search index into the static folder
    finished: bool = False

    def finish(self) -> None:
        """Wait for the search index, draw the images missing from the cache (or wait for the
        background drawing), put every image in use into the static folder and remove what no
        page uses any more."""
        if self.finished:
            return
        self.static.add(self.search_index.result())
        self.charts.draw_pending()
        for name in sorted(self.charts.in_use):
            self.static.write(urls.chart(name), self.charts.path(name).read_bytes())
        self.static.prune()
        self.finished = True

    @property
    def written(self) -> list[str]:
        return self.docs.written + self.static.written

    @property
    def produced(self) -> set[str]:
        return self.docs.produced | self.static.produced


def generate(project: Project, dataset) -> Generation:
    """content/ and the generated pages into the docs folder, rewriting only what changed; the
    search index is written into the static folder by a background process, and the images are
    drawn, by :meth:`Generation.finish`."""
    docs = DocsFolder(project.docs_dir)
    docs.copy_hand_written(project.content_dir)
    search = SearchIndex()
    for path in sorted(docs.hand_written):
        if path.endswith(".md"):
            search.add_page(path, (project.content_dir / path).read_text(encoding="utf-8"))
    charts = ChartCache(project.chart_cache_dir)
    render_site(dataset, docs, charts, search, project=project)
    docs.prune()
    index = BackgroundJob(_write_search_index, search, project.static_dir)
    return Generation(docs, DocsFolder(project.static_dir), charts, index)


def _write_search_index(search: SearchIndex, folder: Path) -> DocsFolder:
    static = DocsFolder(folder)
    for path, data in search.files().items():
        static.write(path, data)
    return static


def build_project(project: Project, publish_site: bool = True) -> BuildOutcome:
    start = time.perf_counter()
    current = fingerprint(project)
    unchanged = unchanged_since_last_generation(project, current)
    generated = None
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
        generated = generate(project, result.dataset)
        if publish_site:
            # MkDocs needs the pages, not the images: draw them on the other cores meanwhile.
            generated.charts.start_drawing(workers=max(1, (os.cpu_count() or 1) - 1))
        else:
            generated.finish()
        outcome.seconds["generate"] = time.perf_counter() - start
    if publish_site:
        start = time.perf_counter()
        outcome.published = publish(project.mkdocs_config, project.static_dir, project.site_dir,
                                    prepare_static=generated.finish if generated else None)
        outcome.seconds["publish"] = time.perf_counter() - start
    if generated:
        generated.finish()  # when MkDocs failed, the images are still stored for the next build
        outcome.files_written = len(generated.written)
        outcome.files_generated = len(generated.produced)
        outcome.charts_drawn = len(generated.charts.drawn)
        if not outcome.report.warnings:  # warnings must show again on the next build
            remember_generation(project, current, outcome.files_generated)
    return outcome
