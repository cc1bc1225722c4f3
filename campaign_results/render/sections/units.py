"""One page per unit (63 old provinces, 34 new ones, units that are not provinces) and the list.

A pre-2025 province page says which province it belongs to today; a page of
today's province rolls up the models and results of the provinces merged into it.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from markupsafe import Markup

from ...format import number, peak_day_label
from ...model.units import SYSTEM_34, SYSTEM_63
from .. import urls
from ..renderer import LEVELS, STATUSES, Renderer
from ..share_card import ShareCard
from ..tables import Cell, Table, date_cell, number_cell, quantity_cell, text_cell


def plan(r: Renderer) -> None:
    models, results, documents, plans, late = (defaultdict(list) for _ in range(5))
    for m in r.dataset.models.values():
        models[m.unit].append(m)
    for day in r.dataset.peak_days.values():
        for res in day.results:
            results[res.unit].append((day, res))
        if day.late_reporters:
            for unit_id in day.late_reporters.units:
                late[unit_id].append(day)
    for doc in r.dataset.documents.values():
        documents[doc.issuer].append(doc)
    for record in r.dataset.plans.values():
        plans[record.unit].append(record)

    r.plan(urls.UNITS, partial(_index, r, models, results))
    for unit in r.dataset.units.by_id.values():
        r.plan(urls.unit(unit.id), partial(_unit_page, r, unit, models, results, documents, plans, late))


def _unit_page(r: Renderer, unit, models, results, documents, plans, late) -> None:
    """``models`` … ``late``: the records of every unit, by unit id."""
    page = urls.unit(unit.id)
    covered = [unit.id] + (unit.predecessors if unit.system == SYSTEM_34 else [])
    n_models = sum(len(models[u]) for u in covered)
    n_results = sum(len(results[u]) for u in covered)
    n_days = len({day.id for u in covered for day, _ in results[u]})
    card = ShareCard(unit.name, (("mô hình \"Dân vận khéo\"", number(n_models)),
                                 ("kết quả tại Ngày cao điểm", number(n_results)),
                                 ("Ngày cao điểm có kết quả", number(n_days))),
                     "Kết quả \"Dân vận khéo\" và Ngày cao điểm")
    r.page(page, "unit.md.j2", unit=unit, image=r.share_image(card),
           successor=r.dataset.unit(unit.successor) if unit.successor else None,
           predecessors=[r.dataset.unit(u) for u in unit.predecessors],
           models=_models_table(r, page, [m for u in covered for m in models[u]]),
           results=_results_table(r, page, [x for u in covered for x in results[u]]),
           documents=sorted((d for u in covered for d in documents[u]),
                            key=lambda d: (d.date is None, d.date), reverse=True),
           plans=[p for u in covered for p in plans[u]],
           late=[(u, day) for u in covered for day in late[u]],
           description=f"{unit.name}: {n_models} mô hình \"Dân vận khéo\", kết quả tại {n_days} Ngày cao điểm.")


def _models_table(r: Renderer, page: str, models) -> Table | None:
    if not models:
        return None
    table = Table(["Năm", "Mô hình", "Đơn vị theo văn bản", "Cấp", "Trạng thái"], caption="Mô hình \"Dân vận khéo\"")
    for m in sorted(models, key=lambda m: (-m.year, m.name)):
        table.add([number_cell(m.year, str(m.year)), Cell(r.a(page, urls.model(m.id), m.name), text=m.name),
                   text_cell(r.unit_name(m.unit)), text_cell(LEVELS[m.level]), text_cell(STATUSES[m.status])])
    return table


def _results_table(r: Renderer, page: str, rows) -> Table | None:
    if not rows:
        return None
    table = Table(["Ngày", "Ngày cao điểm", "Mặt hoạt động", "Chỉ tiêu", "Kết quả", "Đơn vị theo văn bản"],
                  caption="Kết quả tại các Ngày cao điểm")
    for day, res in sorted(rows, key=lambda x: (x[0].date, x[1].track, x[1].indicator), reverse=True):
        track = day.track(res.track)
        table.add([date_cell(day.date), Cell(r.a(page, urls.peak_day(day.id), peak_day_label(day.date))),
                   text_cell(track.name),
                   Cell(r.a(page, urls.indicator(res.indicator), r.indicator_label(res.indicator))),
                   quantity_cell(res.value, r.indicator_kind(res.indicator)), text_cell(r.unit_name(res.unit))])
    return table


def _index(r: Renderer, models, results) -> None:
    page = urls.UNITS
    units = r.dataset.units
    current = Table(["Mã", "Tỉnh, thành (từ 1/7/2025)", "Hợp nhất từ", "Mô hình", "Kết quả"],
                    caption="34 tỉnh, thành từ 1/7/2025")
    for unit in sorted(units.provinces(SYSTEM_34), key=lambda u: u.code):
        covered = [unit.id] + unit.predecessors
        current.add([text_cell(unit.code), Cell(r.a(page, urls.unit(unit.id), unit.short_name), text=unit.short_name),
                     Cell(Markup(", ").join(r.unit_link(page, p) for p in unit.predecessors)),
                     number_cell(sum(len(models[u]) for u in covered)),
                     number_cell(sum(len(results[u]) for u in covered))])
    old = Table(["Mã", "Tỉnh, thành (đến 30/6/2025)", "Vùng", "Nay thuộc", "Mô hình", "Kết quả"],
                caption="63 tỉnh, thành đến 30/6/2025")
    for unit in sorted(units.provinces(SYSTEM_63), key=lambda u: u.code):
        old.add([text_cell(unit.code), Cell(r.a(page, urls.unit(unit.id), unit.short_name), text=unit.short_name),
                 text_cell(unit.region or ""), Cell(r.unit_link(page, unit.successor)),
                 number_cell(len(models[unit.id])), number_cell(len(results[unit.id]))])
    others = Table(["Đơn vị", "Loại", "Mô hình", "Kết quả"], caption="Trung ương Đoàn và Đoàn trực thuộc")
    for unit in sorted((u for u in units.by_id.values() if not u.is_province), key=lambda u: u.name):
        others.add([Cell(r.a(page, urls.unit(unit.id), unit.name), text=unit.name),
                    text_cell("Trung ương" if unit.kind == "trung-uong" else "Đoàn trực thuộc"),
                    number_cell(len(models[unit.id])), number_cell(len(results[unit.id]))])
    r.page(page, "units_index.md.j2", current=current, old=old, others=others)
