"""The render stage: every generated page of the site, written under the docs folder."""

from __future__ import annotations

from ..model.records import Dataset
from .charts import ChartCache
from .docs_folder import DocsFolder
from .renderer import Renderer
from .search_index import SearchIndex
from .sections import changes, documents, downloads, errors, home, indicators, maps, models, peak_days, units, years

SECTIONS = (home, models, peak_days, units, documents, indicators, years, errors, downloads, maps, changes)


def render_site(dataset: Dataset, docs: DocsFolder, charts: ChartCache, search: SearchIndex) -> None:
    """Write every generated page and chart into ``docs`` (after content/ was copied in), and give
    each page's words to ``search``."""
    renderer = Renderer(dataset, docs, charts, search)
    for section in SECTIONS:
        section.render(renderer)
    renderer.write_charts()
