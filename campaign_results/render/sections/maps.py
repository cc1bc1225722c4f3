"""The map page: by province, in the 63- and 34-province systems, one measure per map: the models
"Dân vận khéo", and the peak days with results; each system's maps and their table as tabs."""

from __future__ import annotations

from collections import defaultdict

from ...model.units import SYSTEM_34, SYSTEM_63
from .. import urls
from ..maps import ProvinceMap
from ..renderer import Renderer
from ..tables import Cell, Table, number_cell, text_cell

PAGE = urls.MAPS
SYSTEMS = ((SYSTEM_63, "63 tỉnh, thành (đến 30/6/2025)", "vn_provinces_63_simplified.geojson"),
           (SYSTEM_34, "34 tỉnh, thành (từ 1/7/2025)", "vn_provinces_34_simplified.geojson"))
# (tab, the measure as a map's tooltip says it, the table's column)
MEASURES = (("Mô hình “Dân vận khéo”", "mô hình", "Mô hình"),
            ("Ngày cao điểm có kết quả", "Ngày cao điểm có kết quả", "Ngày cao điểm có kết quả"))


def plan(r: Renderer) -> None:
    r.plan(PAGE, lambda: _maps(r))


def _maps(r: Renderer) -> None:
    models: dict[str, int] = defaultdict(int)
    days: dict[str, set] = defaultdict(set)
    for model in r.dataset.models.values():
        models[model.unit] += 1
    for day in r.dataset.peak_days.values():
        for result in day.results:
            days[result.unit].add(day.id)
    geo = r.inputs.boundaries
    systems = []
    for system, label, geojson in SYSTEMS:
        provinces = sorted(r.dataset.units.provinces(system), key=lambda u: u.code)

        def covered(unit):
            return [unit.id] + (unit.predecessors if system == SYSTEM_34 else [])

        counts = {u.code: (sum(models[i] for i in covered(u)), len(set().union(*(days[i] for i in covered(u)))))
                  for u in provinces}
        table = Table(["Mã", "Tỉnh, thành"] + [column for _, _, column in MEASURES], caption=f"Theo tỉnh, thành – {label}")
        for unit in provinces:
            table.add([text_cell(unit.code), Cell(r.unit_link(PAGE, unit.id), text=unit.short_name),
                       *(number_cell(value) for value in counts[unit.code])])
        names = tuple((u.code, u.short_name) for u in provinces)
        links = tuple((u.code, urls.relative(urls.chart("ban-do.svg"), urls.unit(u.id))) for u in provinces)
        maps = []
        for index, (tab, measure, _) in enumerate(MEASURES):
            drawing = ProvinceMap(f"{tab} theo {label}", tuple((code, values[index]) for code, values in counts.items()),
                                  measure, names, links, str(geo / geojson))
            maps.append((tab, r.chart(PAGE, drawing)))
        systems.append({"label": label, "maps": maps, "table": table, "key": system})
    r.page(PAGE, "maps.md.j2", systems=systems, source=urls.DOCUMENTS)
