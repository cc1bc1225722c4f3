"""The map page: models and per-unit results by province, in the 63- and 34-province systems."""

from __future__ import annotations

from collections import Counter

from ...model.units import SYSTEM_34, SYSTEM_63
from .. import urls
from ..maps import ProvinceMap
from ..renderer import Renderer
from ..tables import Cell, Table, number_cell, text_cell

PAGE = urls.MAPS
MEASURE = "Số mô hình và kết quả"


def plan(r: Renderer) -> None:
    r.plan(PAGE, lambda: _maps(r))


def _maps(r: Renderer) -> None:
    counts: Counter = Counter()
    for model in r.dataset.models.values():
        counts[model.unit] += 1
    for day in r.dataset.peak_days.values():
        for result in day.results:
            counts[result.unit] += 1
    geo = r.inputs.boundaries
    maps = []
    for system, label, geojson in ((SYSTEM_63, "63 tỉnh, thành (đến 30/6/2025)", "vn_provinces_63_simplified.geojson"),
                                   (SYSTEM_34, "34 tỉnh, thành (từ 1/7/2025)", "vn_provinces_34_simplified.geojson")):
        provinces = sorted(r.dataset.units.provinces(system), key=lambda u: u.code)
        values = {u.code: counts[u.id] + (sum(counts[p] for p in u.predecessors) if system == SYSTEM_34 else 0)
                  for u in provinces}
        table = Table(["Mã", "Tỉnh, thành", MEASURE], caption=f"{MEASURE} – {label}")
        for unit in provinces:
            table.add([text_cell(unit.code), Cell(r.unit_link(PAGE, unit.id), text=unit.short_name),
                       number_cell(values[unit.code])])
        drawing = ProvinceMap(f"{MEASURE.lower()} theo {label}", tuple(sorted(values.items())), MEASURE,
                              tuple((u.code, u.short_name) for u in provinces), str(geo / geojson))
        maps.append({"label": label, "chart": r.chart(PAGE, drawing, table)})
    r.page(PAGE, "maps.md.j2", maps=maps, source=urls.DOCUMENTS)
