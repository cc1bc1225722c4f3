"""The render stage: every generated page of the site, written under the docs folder.

The sections share out the two cores: the download files and the sections in
``BACKGROUND`` are made in forked processes (see parallel.py) while this
process renders the others; what the background sections wrote and asked
for (pages, search words, images) is then added to this process's records.
"""

from __future__ import annotations

import copy

from ..model.records import Dataset
from ..parallel import BackgroundJob
from .charts import ChartCache
from .docs_folder import DocsFolder
from .renderer import Renderer
from .search_index import SearchEntry, SearchIndex
from .sections import changes, documents, downloads, errors, home, indicators, maps, models, peak_days, units, years

# downloads first: its files are made in a background process while the other sections render.
FOREGROUND = (downloads, home, models, indicators, errors, maps, changes)
BACKGROUND = (units, documents, peak_days, years)  # about a third of the rendering time
PARALLEL_FROM = 500  # models and documents; below this, a second process costs more than it saves


def render_site(dataset: Dataset, docs: DocsFolder, charts: ChartCache, search: SearchIndex,
                in_background: bool | None = None) -> None:
    """Write every generated page into ``docs`` (after content/ was copied in), ask ``charts`` for
    the images they show, and give each page's words to ``search``. ``in_background``: whether
    some sections render in a second process (by default, when the data is large)."""
    renderer = Renderer(dataset, docs, charts, search)
    if in_background is None:
        in_background = len(dataset.models) + len(dataset.documents) >= PARALLEL_FROM
    job = BackgroundJob(_render_part, renderer, BACKGROUND) if in_background else None
    for section in FOREGROUND if in_background else FOREGROUND + BACKGROUND:
        section.render(renderer)
    if job:
        part_docs, part_charts, part_entries = job.result()
        docs.add(part_docs)
        charts.add(part_charts)
        search.entries += part_entries
    for finish in renderer.after_sections:  # work a section left to finish once the others are done
        finish()


def _render_part(renderer: Renderer, sections) -> tuple[DocsFolder, ChartCache, list[SearchEntry]]:
    """In the forked process: render ``sections`` with fresh records of what was done."""
    part = copy.copy(renderer)
    part.docs = DocsFolder(renderer.docs.root)
    part.charts = ChartCache(renderer.charts.directory)
    part.search = SearchIndex()
    part.after_sections = []
    for section in sections:
        section.render(part)
    if part.after_sections:
        raise RuntimeError("a background section left work to finish")
    return part.docs, part.charts, part.search.entries
