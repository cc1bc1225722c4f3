"""The render stage: every generated page of the site, written under the docs folder.

With much data, the pages are shared out between two processes (see
parallel.py): each renders every other record's page of the sections in
``RECORD_PAGES`` (:meth:`Renderer.share`), and this process, which leads,
also renders their index pages and the sections in ``WHOLE_SITE``. What the
second process wrote and asked for (pages, search words, images) is then
added to this process's records.
"""

from __future__ import annotations

import copy

from ..model.records import Dataset
from ..parallel import BackgroundJob
from ..project import Project
from .charts import ChartCache
from .docs_folder import DocsFolder
from .renderer import Renderer
from .search_index import SearchEntry, SearchIndex
from .sections import changes, documents, downloads, errors, home, indicators, maps, models, peak_days, units, years

# downloads first: its files are made in a background process while the other sections render.
WHOLE_SITE = (downloads, home, errors, maps, changes)
RECORD_PAGES = (models, units, documents, peak_days, years, indicators)  # one page per record
PARALLEL_FROM = 500  # models and documents; below this, a second process costs more than it saves


def render_site(dataset: Dataset, docs: DocsFolder, charts: ChartCache, search: SearchIndex,
                in_background: bool | None = None, project: Project | None = None) -> None:
    """Write every generated page into ``docs`` (after content/ was copied in), ask ``charts`` for
    the images they show, and give each page's words to ``search``. ``in_background``: whether
    a second process renders half the record pages (by default, when the data is large);
    ``project``: the one being built (by default, this checkout)."""
    renderer = Renderer(dataset, docs, charts, search, project)
    if in_background is None:
        in_background = len(dataset.models) + len(dataset.documents) >= PARALLEL_FROM
    job = None
    if in_background:
        renderer.parts = 2
        job = BackgroundJob(_render_part, renderer, 1)
    for section in WHOLE_SITE + RECORD_PAGES:
        section.render(renderer)
    if job:
        part_docs, part_charts, part_entries = job.result()
        docs.add(part_docs)
        charts.add(part_charts)
        search.entries += part_entries
    for finish in renderer.after_sections:  # work a section left to finish once the others are done
        finish()


def _render_part(renderer: Renderer, part: int) -> tuple[DocsFolder, ChartCache, list[SearchEntry]]:
    """In the forked process: this part's share of the record pages, with fresh records of what was done."""
    other = copy.copy(renderer)
    other.part = part
    other.docs = DocsFolder(renderer.docs.root)
    other.charts = ChartCache(renderer.charts.directory)
    other.search = SearchIndex()
    other.after_sections = []
    for section in RECORD_PAGES:
        section.render(other)
    return other.docs, other.charts, other.search.entries
