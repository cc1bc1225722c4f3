"""The render stage: every generated page of the site, written under the docs folder."""

from __future__ import annotations

from pathlib import Path

from ..model.records import Dataset
from .charts import ChartCache
from .renderer import Renderer, RenderStats
from .sections import documents, home, indicators, models, peak_days, units, years

SECTIONS = (home, models, peak_days, units, documents, indicators, years)


def render_site(dataset: Dataset, docs_dir: Path, chart_cache_dir: Path,
                hand_written: frozenset[str] = frozenset()) -> tuple[RenderStats, ChartCache]:
    cache = ChartCache(chart_cache_dir)
    renderer = Renderer(dataset, docs_dir, cache, hand_written)
    for section in SECTIONS:
        section.render(renderer)
    return renderer.stats, cache
