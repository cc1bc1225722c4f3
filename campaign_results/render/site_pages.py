"""The render stage: every generated page of the site, planned first, then written.

Each section plans its pages (``section.plan``: the files, and the function
that writes them). The plan is known before any page is written, so MkDocs can
start on the first pages while the later ones are still being written
(site_build.py): :meth:`SitePlan.write` writes the pages in plan order and says
after each one that it is done. Without MkDocs waiting (the benchmark's
generation runs, tests), :meth:`SitePlan.write_all` shares large plans out
between two processes (see parallel.py) and then adds what the second process
wrote and asked for (pages, search words, images) to this process's records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.records import Dataset
from ..parallel import BackgroundJob
from .charts import ChartCache
from .docs_folder import DocsFolder
from .renderer import PlannedPage, Renderer, SiteInputs
from .search_index import SearchEntry, SearchIndex
from .sections import changes, documents, downloads, errors, home, indicators, maps, models, peak_days, units, years

# downloads first: its files are made in a background process while the other pages are written.
SECTIONS = (downloads, home, errors, maps, changes, models, units, documents, peak_days, years, indicators)
PARALLEL_FROM = 2000  # planned pages; below this, a second process costs more than it saves


@dataclass
class SitePlan:
    renderer: Renderer
    entries: list[PlannedPage]  # in the order they are written: the ``last`` ones at the end

    def write(self, done: Callable[[int], None] | None = None) -> None:
        """Write every planned file in this process, in plan order; ``done(i)`` after entry i."""
        for index, entry in enumerate(self.entries):
            entry.write()
            if done:
                done(index)
        self._check_complete()

    def write_all(self, in_background: bool | None = None) -> None:
        """Write every planned file, every other entry in a second process when the plan is large
        (``in_background``: whether to, instead; a test forces either way on the small fixture plan)."""
        if in_background is None:
            in_background = len(self.entries) >= PARALLEL_FROM
        # The ``last`` entries wait for this process's background work: they stay here.
        shared = [i for i, entry in enumerate(self.entries) if not entry.last]
        theirs = set(shared[1::2]) if in_background else set()
        job = BackgroundJob(_write_part, self.renderer, [self.entries[i] for i in sorted(theirs)]) if theirs else None
        for index, entry in enumerate(self.entries):
            if index not in theirs:
                entry.write()
        if job:
            part_docs, part_static, part_charts, part_entries = job.result()
            self.renderer.docs.add(part_docs)
            if self.renderer.static is not self.renderer.docs:
                self.renderer.static.add(part_static)
            self.renderer.charts.add(part_charts)
            self.renderer.search.entries += part_entries
        self._check_complete()

    def _check_complete(self) -> None:
        missing = self.renderer.docs.missing()
        if missing:
            raise ValueError(f"{missing[0]} có trong kế hoạch trang nhưng không được tạo")


def plan_site(dataset: Dataset, docs: DocsFolder, charts: ChartCache, search: SearchIndex,
              inputs: SiteInputs, static: DocsFolder | None = None) -> SitePlan:
    """Plan every generated page into ``docs`` (after content/ was copied in, whose pages stay; any
    other file there that the plan does not name is removed). Writing the pages asks ``charts`` for
    the images they show and gives each page's words to ``search``; ``static`` receives the files
    published beside MkDocs' output (by default, ``docs``); ``inputs``: what the pages show besides
    the dataset (the data dictionary, the history of publishes, the map boundaries)."""
    renderer = Renderer(dataset, docs, charts, search, inputs, static)
    for section in SECTIONS:
        section.plan(renderer)
    entries = [e for e in renderer.planned if not e.last] + [e for e in renderer.planned if e.last]
    docs.expect(path for entry in entries for path in entry.paths)
    return SitePlan(renderer, entries)


def render_site(dataset: Dataset, docs: DocsFolder, charts: ChartCache, search: SearchIndex,
                inputs: SiteInputs, in_background: bool | None = None,
                static: DocsFolder | None = None) -> None:
    """Plan and write every generated page (see :func:`plan_site`, :meth:`SitePlan.write_all`)."""
    plan_site(dataset, docs, charts, search, inputs, static).write_all(in_background)


def _write_part(renderer: Renderer, entries: list[PlannedPage]) -> tuple[DocsFolder, DocsFolder, ChartCache,
                                                                          list[SearchEntry]]:
    """In the forked process: these entries, with fresh records of what was done."""
    docs = renderer.docs
    renderer.docs = DocsFolder(docs.root, hand_written=docs.hand_written, expected=docs.expected)
    renderer.static = (renderer.docs if renderer.static is docs
                       else DocsFolder(renderer.static.root, expected=renderer.static.expected))
    renderer.charts = ChartCache(renderer.charts.directory)
    renderer.search = SearchIndex()
    for entry in entries:
        entry.write()
    return renderer.docs, renderer.static, renderer.charts, renderer.search.entries
