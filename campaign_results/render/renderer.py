"""The render stage's shared machinery: the plan of pages, templates, links, charts and writing pages.

Each section of the site (``render/sections/*.py``) first plans its pages
(:meth:`Renderer.plan`: which files, and the function that writes them), then
those functions decide what the pages say; this module turns that into
Markdown files under the docs folder. A file is rewritten only when its
content changed.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import kinds
from ..model.changes import Publish
from ..model.records import Dataset
from .. import format as fmt
from . import urls
from .charts import ChartCache
from .docs_folder import DocsFolder
from .search_index import SearchIndex
from .safe import code, h, md, t, url, yaml_str
from .tables import SHOWN_ROWS, Table

TEMPLATES = Path(__file__).resolve().parent / "templates"

# The labels of the vocabularies, as the schemas declare them (x-labels).
LEVELS = kinds.labels("model", "level")
FIELDS = kinds.labels("model", "field")
STATUSES = kinds.labels("model", "status")
DOCUMENT_TYPES = kinds.labels("document", "type")


@dataclass
class SiteInputs:
    """What the pages show besides the dataset, read by the orchestrator (``site_inputs.py``)."""

    dictionary: list[dict] = field(default_factory=list)  # the record kinds' fields (kinds.dictionary)
    publishes: list[Publish] = field(default_factory=list)  # the latest publishes, newest first
    boundaries: Path | None = None  # the folder of the provinces' GeoJSON boundaries


@dataclass
class PlannedPage:
    """Files of the site (a page, or a page with the files it links to) and the function that writes them."""
    paths: tuple[str, ...]
    write: Callable[[], None]
    last: bool = False  # written after every other (it waits for work done in the background)


@dataclass
class EmbeddedChart:
    src: str
    alt: str
    caption: str
    table: Table | None
    width: int   # CSS pixels, to reserve the chart's space before it loads
    height: int
    legend: tuple = ()  # a map's classes: (colour, label)


class Renderer:
    def __init__(self, dataset: Dataset, docs: DocsFolder, chart_cache: ChartCache, search: SearchIndex,
                 inputs: SiteInputs | None = None, static: DocsFolder | None = None) -> None:
        self.dataset = dataset
        self.inputs = inputs or SiteInputs()
        self.docs = docs
        self.static = static or docs  # files published beside MkDocs' output (a long table's rows)
        self.charts = chart_cache
        self.search = search
        self.planned: list[PlannedPage] = []
        # Safe by default: a value that no filter of render/safe.py has made safe (a Markup) is
        # escaped as plain text in Markdown (t); macros and blocks stay Markup (autoescape).
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=t,
            undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
            trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(h=h, t=t, md=md, code=code, url=url, yaml_str=yaml_str, **{
            name: _escaped(format_value) for name, format_value in (
                ("number", fmt.number), ("money", fmt.money), ("percent", fmt.percent), ("date", fmt.date),
                ("clock", fmt.clock), ("quantity", fmt.quantity))})

    # --- planning ---------------------------------------------------------

    def plan(self, paths: str | Iterable[str], write: Callable[[], None], last: bool = False) -> None:
        """The page ``paths`` (or the page and the files it links to) will be written by ``write()``;
        ``last``: after every other page."""
        self.planned.append(PlannedPage((paths,) if isinstance(paths, str) else tuple(paths), write, last))

    # --- naming things ----------------------------------------------------

    def unit_name(self, unit_id: str | None) -> str:
        if unit_id is None:
            return ""
        return self.dataset.unit(unit_id).short_name

    def indicator_label(self, code: str) -> str:
        indicator = self.dataset.indicators.get(code)
        return indicator.label if indicator else code

    def indicator_kind(self, code: str) -> str:
        indicator = self.dataset.indicators.get(code)
        return indicator.kind if indicator else "count"

    def document_label(self, document_id: str) -> str:
        doc = self.dataset.documents[document_id]
        issuer = self.unit_name(doc.issuer)
        number = doc.number or DOCUMENT_TYPES.get(doc.type, doc.type)
        when = f", {fmt.date(doc.date)}" if doc.date else ""
        return f"{number} ({issuer}{when})"

    # --- links ------------------------------------------------------------

    def href(self, from_page: str, to_page: str) -> Markup:
        return h(urls.relative(from_page, to_page))

    def a(self, from_page: str, to_page: str, label: str, query: str = "") -> Markup:
        """An HTML link (for use inside tables), with escaped text."""
        return Markup(f'<a href="{h(urls.relative(from_page, to_page) + query)}">{h(label)}</a>')

    def md_link(self, from_page: str, to_page: str, label: str) -> Markup:
        """A Markdown link to another page (MkDocs checks it exists)."""
        target = posix_relative_md(from_page, to_page)
        return Markup(f"[{t(label)}]({h(target)})")

    def unit_link(self, from_page: str, unit_id: str) -> Markup:
        return self.a(from_page, urls.unit(unit_id), self.unit_name(unit_id))

    def document_link(self, from_page: str, document_id: str) -> Markup:
        return self.a(from_page, urls.document(document_id), self.document_label(document_id))

    # --- charts -----------------------------------------------------------

    def chart(self, from_page: str, chart, table: Table | None = None) -> EmbeddedChart:
        """A chart or map (anything with a digest, a size and a text alternative), with its data table
        when the page does not show the data beside it."""
        name = self.charts.request(chart)
        width, height = chart.size
        return EmbeddedChart(src=self.href(from_page, urls.chart(name)), alt=chart.alt_text(),
                             caption=chart.title, table=table, width=width, height=height,
                             legend=getattr(chart, "legend", ()))

    # --- writing ------------------------------------------------------------

    def page(self, path: str, template: str, **context) -> None:
        """Write the page ``path`` from ``template``, and give its words to the search index with the
        title and description the template set (``page_meta``). Every table given to it (by name)
        that is longer than SHOWN_ROWS shows its first rows; the others go to a file of their own
        (``bang/``)."""
        for value in context.values():
            if isinstance(value, Table) and len(value.rows) > SHOWN_ROWS:
                self._move_rows_out(path, value)
        page = self.env.get_template(template).make_module({"page": path, "r": self, "urls": urls, **context})
        text = self.search.add_page(path, str(page), page.page_meta)
        self.docs.write(path, text.encode("utf-8"))

    def _move_rows_out(self, page: str, table: Table) -> None:
        rows = self.env.get_template("_macros.md.j2").module.rows(table, SHOWN_ROWS, len(table.rows))
        data = json.dumps({"rows": str(rows)}, ensure_ascii=False).encode("utf-8")
        # Named by page and content: two pages may have the same rows (a new province with one old one).
        key = f"{page}\0{table.caption}\0".encode() + data
        path = urls.table_rows(hashlib.sha256(key).hexdigest()[:16])
        self.static.write(path, data)
        table.more_rows = self.href(page, path)

    def share_image(self, card) -> str:
        """The site path of a page's link-preview image (drawn with the charts)."""
        name = self.charts.request(card)
        return urls.chart(name)


def _escaped(format_value: Callable[..., str]) -> Callable[..., Markup]:
    """A formatting filter whose result is escaped for HTML (a quantity keeps its words: "hơn")."""
    return lambda *args: h(format_value(*args))


def posix_relative_md(from_page: str, to_page: str) -> str:
    """A Markdown link between two .md files, relative to the first file's folder."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
