"""A whole build, stage by stage, with what each stage did and how long it took.

check (load → validate → model → cross-check) → generate (content/ into
build/docs/, then the plan of every generated page; the pages are written
into build/docs/, the search index, long tables' rows, charts and images into
build/static/) → publish (MkDocs, then build/static/ beside its output, swap
into site/).

A full build starts MkDocs as soon as the pages are planned, and writes them
while MkDocs reads the first ones (publish/pages_as_written.py makes it wait
for a page not yet written); the images are drawn on the other core while
MkDocs finishes. Used by ``build``, ``serve`` and the benchmark.

One build at a time in a project: a build holds a lock on ``build/build.lock``
(``flock``: the system releases it when the process ends, however it ends, so a
killed build never leaves it held); another build waits for it a bounded time,
then gives up (:class:`BuildLocked`). A build first tidies what a killed build
left beside site/ (publish.py, :func:`recover_site`). A full disk (or quota)
anywhere in the build is reported as :class:`files.DiskFull`, naming the folder;
site/ is then the previous one, whole.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # not a POSIX system: no lock
    fcntl = None

from . import collector
from .files import disk_full
from .fingerprint import fingerprint, forget_generation, remember_generation, unchanged_since_last_generation
from .parallel import BackgroundJob
from .pipeline import check_data
from .problems import Report
from .project import Project
from .publish.publish import MkDocsRun, PublishResult, recover_site
from .render import urls
from .render.charts import ChartCache
from .render.docs_folder import DocsFolder
from .render.search_index import SearchIndex
from .render.site_pages import SitePlan, plan_site
from .site_inputs import read_inputs


@dataclass
class BuildOutcome:
    report: Report
    published: PublishResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)   # check, generate, publish
    files_written: int = 0
    files_generated: int = 0
    charts_drawn: int = 0

    @property
    def ok(self) -> bool:
        return self.report.ok and self.published is not None and self.published.ok


@dataclass
class Generation:
    docs: DocsFolder     # Markdown sources and assets for MkDocs
    static: DocsFolder   # files published as they are: the search index, long tables' rows, charts, images
    charts: ChartCache
    search: SearchIndex
    plan: SitePlan
    search_index: BackgroundJob | None = None  # writing the search index into the static folder
    finished: bool = False

    def write(self, done: Callable[[int], None] | None = None) -> None:
        """Write the planned pages: in this process, in plan order, calling ``done(i)`` after entry i,
        when ``done`` is given (MkDocs is reading them); else shared between two processes when
        there are many. Then start writing the search index."""
        if done:
            self.plan.write(done)
        else:
            self.plan.write_all()
        self.search_index = BackgroundJob(_write_search_index, self.search, self.static.root, modest=True)

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
    """Copy content/ into the docs folder and plan the generated pages (removing the files of a
    previous build that the plan does not name); :meth:`Generation.write` writes them, rewriting
    only what changed, :meth:`Generation.finish` completes the static folder."""
    docs = DocsFolder(project.docs_dir)
    docs.copy_hand_written(project.content_dir)
    search = SearchIndex()
    for path in sorted(docs.hand_written):
        if path.endswith(".md"):
            search.add_page(path, (project.content_dir / path).read_text(encoding="utf-8"))
    charts = ChartCache(project.chart_cache_dir)
    static = DocsFolder(project.static_dir)
    plan = plan_site(dataset, docs, charts, search, read_inputs(project, dataset), static=static)
    return Generation(docs, static, charts, search, plan)


def _write_search_index(search: SearchIndex, folder: Path) -> DocsFolder:
    static = DocsFolder(folder)
    for path, data in search.files().items():
        static.write(path, data)
    return static


LOCK_WAIT = 300.0   # seconds a build waits for another one in the same project (a large build's time)
LOCK_POLL = 0.2     # seconds between two tries


class BuildLocked(Exception):
    """Another build of the same project held the lock for longer than the wait."""

    def __init__(self, lock_file: Path) -> None:
        super().__init__(str(lock_file))
        self.lock_file = lock_file


def lock_file(project: Project) -> Path:
    return project.root / "build" / "build.lock"


_held: set[int] = set()  # the lock's descriptors this process holds


def _close_held_in_child() -> None:
    # A forked child must not keep the lock after its parent ends (the lock lasts while any copy
    # of the descriptor is open); closing a copy does not release the parent's lock.
    for handle in _held:
        try:
            os.close(handle)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def build_lock(project: Project, wait: float = LOCK_WAIT,
               waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold this project's build lock. If another build holds it, ``waiting()`` is called once and
    it is tried again until ``wait`` seconds have passed (then BuildLocked; at once for 0)."""
    if fcntl is None:
        yield
        return
    path = lock_file(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = None
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is None:
                    deadline = time.monotonic() + wait
                    if waiting and wait > 0:
                        waiting()
                if time.monotonic() >= deadline:
                    raise BuildLocked(path) from None
                time.sleep(min(LOCK_POLL, max(0.0, deadline - time.monotonic())))
        _held.add(handle)
        yield
    finally:
        _held.discard(handle)
        os.close(handle)  # releases the lock


def build_project(project: Project, publish_site: bool = True, wait: float = LOCK_WAIT,
                  waiting: Callable[[], None] | None = None) -> BuildOutcome:
    """Build under the project's lock (see :func:`build_lock` for ``wait`` and ``waiting``).
    BuildLocked when another build holds it too long; DiskFull when space runs out."""
    try:
        with build_lock(project, wait, waiting), collector.paused():
            recover_site(project.site_dir)
            return _build(project, publish_site)
    except Exception as error:  # an OSError, or an error raised while handling one
        full = disk_full(error, project.root)
        if full is None:
            raise
        raise full from error


def _build(project: Project, publish_site: bool) -> BuildOutcome:
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
        forget_generation(project)  # until this generation finishes, the folder is not the last one's
        generated = generate(project, result.dataset)
        outcome.seconds["plan"] = time.perf_counter() - start
        if publish_site:
            outcome.published = _write_and_publish(project, generated, outcome.seconds, start)
        else:
            generated.write()
            generated.finish()
            outcome.seconds["generate"] = time.perf_counter() - start
    if publish_site and outcome.published is None:  # nothing changed: MkDocs only
        start = time.perf_counter()
        outcome.published = MkDocsRun(project.mkdocs_config, project.site_dir).finish(project.static_dir)
        outcome.seconds["publish"] = time.perf_counter() - start
    if generated:
        generated.finish()  # when MkDocs failed, the images are still stored for the next build
        outcome.files_written = len(generated.written)
        outcome.files_generated = len(generated.produced)
        outcome.charts_drawn = len(generated.charts.drawn)
        if not outcome.report.warnings:  # warnings must show again on the next build
            remember_generation(project, current, outcome.files_generated)
    return outcome


def _write_and_publish(project: Project, generated: Generation, seconds: dict[str, float],
                       start: float) -> PublishResult:
    """MkDocs starts on the plan; the pages are written while it reads them, then the images are
    drawn on the other cores while it finishes. ``seconds``: generate (writing the pages, while
    MkDocs runs, counted from ``start``) and publish (from MkDocs' start to the new site in place)."""
    mkdocs = MkDocsRun(project.mkdocs_config, project.site_dir, [e.paths for e in generated.plan.entries],
                       project.docs_dir.parent / "mkdocs-plan.json")
    try:
        generated.write(done=mkdocs.written)
    except BaseException:
        mkdocs.abandon()
        raise
    mkdocs.all_written()
    generated.charts.start_drawing(workers=max(1, (os.cpu_count() or 1) - 1))
    seconds["generate"] = time.perf_counter() - start
    published = mkdocs.finish(project.static_dir, prepare_static=generated.finish)
    seconds["publish"] = time.perf_counter() - mkdocs.start
    return published
