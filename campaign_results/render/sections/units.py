"""One page per unit (63 old provinces, 34 new ones, units that are not provinces) and the list.

A pre-2025 province page says which province it belongs to today; a page of
today's province rolls up the models and results of the provinces merged into it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import partial

from markupsafe import Markup

from ...format import counts, measured, money, number, peak_day_label
from ...model.units import SYSTEM_34, SYSTEM_63
from .. import urls
from ..key_figures import KeyFigure, KeyFigures
from ..renderer import LEVELS, STATUSES, Renderer
from ..share_card import ShareCard
from ..tables import Cell, Table, number_cell, text_cell
from .peak_days import CENTRAL_EVENT

HEADLINE_RESULTS = 4  # figures of the unit's latest peak day among its headline figures


def plan(r: Renderer) -> None:
    models, results, documents, plans, roles = (defaultdict(list) for _ in range(5))
    for m in r.dataset.models.values():
        models[m.unit].append(m)
    for day in r.dataset.peak_days.values():
        for res in day.results:
            results[res.unit].append((day, res))
        for role in _roles(day):
            roles[role.unit].append(role)
    for doc in r.dataset.documents.values():
        documents[doc.issuer].append(doc)
    for record in r.dataset.plans.values():
        plans[record.unit].append(record)

    r.plan(urls.UNITS, partial(_index, r, models, results))
    for unit in r.dataset.units.by_id.values():
        r.plan(urls.unit(unit.id), partial(_unit_page, r, unit, models, results, documents, plans, roles))


@dataclass(frozen=True)
class Role:
    """What a peak day's report says a unit did besides its figures."""
    unit: str
    day: object
    text: str                  # "Đăng cai hoạt động điểm cấp Trung ương", "Đơn vị tiêu biểu: …"
    figure: KeyFigure | None = None


def _roles(day) -> list[Role]:
    roles = []
    event = day.central_event
    if event and event.host:
        figure = None
        total = event.resources_total.value if event.resources_total else (event.resources_sum or None)
        if total:
            figure = KeyFigure(value=money(total), label="Nguồn lực hỗ trợ hoạt động điểm cấp Trung ương",
                               context=f"Đơn vị đăng cai, {peak_day_label(day.date)}")
        roles.append(Role(event.host, day, f"Đăng cai hoạt động điểm cấp Trung ương: {event.name}", figure))
    for other in day.events:
        if other.host:
            roles.append(Role(other.host, day, f"Tổ chức hoạt động: {other.name}"))
    for track in day.tracks:
        for unit_id in track.highlighted_units:
            roles.append(Role(unit_id, day, f"Được báo cáo nêu là đơn vị tiêu biểu ở mặt \"{track.name}\""))
    if day.late_reporters:
        for unit_id in day.late_reporters.units:
            roles.append(Role(unit_id, day, "Được báo cáo nêu là đơn vị báo cáo chậm"))
    return roles


def page_title(unit) -> str:
    """A unit's page title: a province says which list it belongs to, since the old and the new
    province of a name have a page each."""
    if unit.system == SYSTEM_63:
        return f"{unit.name} (63 tỉnh, đến 30/6/2025)"
    if unit.system == SYSTEM_34:
        return f"{unit.name} (34 tỉnh, từ 1/7/2025)"
    return unit.name


def _unit_page(r: Renderer, unit, models, results, documents, plans, roles) -> None:
    """``models`` … ``roles``: the records of every unit, by unit id."""
    page = urls.unit(unit.id)
    covered = [unit.id] + (unit.predecessors if unit.system == SYSTEM_34 else [])
    unit_models = [m for u in covered for m in models[u]]
    unit_results = [x for u in covered for x in results[u]]
    unit_documents = sorted((d for u in covered for d in documents[u]),
                            key=lambda d: (d.date is None, d.date), reverse=True)
    unit_plans = [p for u in covered for p in plans[u]]
    unit_roles = sorted((x for u in covered for x in roles[u]), key=lambda x: x.day.date, reverse=True)
    n_days = len({day.id for day, _ in unit_results})
    card = ShareCard(unit.name, (("mô hình \"Dân vận khéo\"", number(len(unit_models))),
                                 ("kết quả tại Ngày cao điểm", number(len(unit_results))),
                                 ("Ngày cao điểm có kết quả", number(n_days))),
                     "Kết quả \"Dân vận khéo\" và Ngày cao điểm")
    r.page(page, "unit.md.j2", unit=unit, image=r.share_image(card), title=page_title(unit),
           figures=_key_figures(r, page, unit_models, unit_results, unit_roles, unit_plans, unit_documents),
           roles=unit_roles, years=_years_table(r, page, unit_models, unit_results, unit_documents),
           successor=r.dataset.unit(unit.successor) if unit.successor else None,
           predecessors=[r.dataset.unit(u) for u in unit.predecessors],
           models=_models_table(r, page, unit_models), results=_results_table(r, page, unit_results),
           documents=unit_documents, plans=unit_plans,
           description=_description(unit, len(unit_models), n_days, unit_roles))


def _description(unit, n_models: int, n_days: int, roles) -> str:
    text = counts((n_models, "mô hình “Dân vận khéo”"), (n_days, "Ngày cao điểm có kết quả"))
    hosted = ["đăng cai hoạt động điểm cấp Trung ương"] if any(role.figure for role in roles) else []
    text = ", ".join([text] * bool(text) + hosted) or "chưa có mô hình hay kết quả trong dữ liệu"
    return f"{unit.short_name}: {text}."


def _key_figures(r: Renderer, page: str, models, results, roles, plans, documents) -> KeyFigures:
    """The unit's counts, its latest peak day's figures and a central event it hosted."""
    figures = KeyFigures(empty="Chưa có kết quả: dữ liệu chưa có mô hình hay kết quả nào của đơn vị này.")
    if models:
        figures.figures.append(KeyFigure(value=number(len(models)), label="mô hình \"Dân vận khéo\"",
                                         context=_year_span(m.year for m in models), link="#mo-hinh"))
    figures.figures += [replace(role.figure, link=f"{r.href(page, urls.peak_day(role.day.id))}#{CENTRAL_EVENT}")
                        for role in roles if role.figure]
    if results:
        latest = max(day.date for day, _ in results)
        shown = [(day, res) for day, res in results if day.date == latest][:HEADLINE_RESULTS]
        for day, res in shown:
            indicator = r.dataset.indicators[res.indicator]
            figures.figures.append(KeyFigure(
                value=measured(res.value, indicator.kind, indicator.unit),
                label=indicator.label, context=peak_day_label(day.date),
                link=str(r.href(page, urls.peak_day(day.id)))))
            figures.add_source(r.document_link(page, res.source))
    if not figures.figures:
        figures.known = [r.a(page, urls.plan(p.id), p.title) for p in plans[:3]] + \
                        [r.document_link(page, d.id) for d in documents[:3]]
    return figures


def _year_span(years) -> str:
    years = sorted(set(years))
    return f"năm {years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _years_table(r: Renderer, page: str, models, results, documents) -> Table | None:
    """What the data holds for the unit, year by year."""
    by_year: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in models:
        by_year[m.year][0] += 1
    for day, _ in results:
        by_year[day.date.year][1] += 1
    for doc in documents:
        if doc.date:
            by_year[doc.date.year][2] += 1
    if len(by_year) < 2 and not (models and results):
        return None
    table = Table(["Năm", "Mô hình", "Kết quả tại Ngày cao điểm", "Văn bản"], caption="Theo năm")
    for year in sorted(by_year, reverse=True):
        n_models, n_results, n_documents = by_year[year]
        table.add([Cell(r.a(page, urls.year(year), str(year)), sort=str(year), text=str(year)),
                   number_cell(n_models), number_cell(n_results), number_cell(n_documents)])
    return table


def _models_table(r: Renderer, page: str, models) -> Table | None:
    if not models:
        return None
    table = Table(["Năm", "Mô hình", "Đơn vị theo văn bản", "Cấp", "Trạng thái"], caption="Mô hình \"Dân vận khéo\"")
    for m in sorted(models, key=lambda m: (-m.year, m.name)):
        table.add([number_cell(m.year, str(m.year)), Cell(r.a(page, urls.model(m.id), m.name), text=m.name),
                   text_cell(r.unit_name(m.unit)), text_cell(LEVELS[m.level]), text_cell(STATUSES[m.status])])
    return table


def _results_table(r: Renderer, page: str, rows) -> Table | None:
    """The unit's figures, latest peak day first; the unit a figure was written for is named only on a
    page that rolls up several (a new province and the old ones merged into it)."""
    if not rows:
        return None
    several = len({res.unit for _, res in rows}) > 1
    columns = ["Chỉ tiêu", "Kết quả", "Ngày cao điểm"] + (["Đơn vị theo văn bản"] if several else [])
    table = Table(columns, caption="Kết quả tại các Ngày cao điểm")
    for day, res in sorted(rows, key=lambda x: (x[0].date, x[1].track, x[1].indicator), reverse=True):
        indicator = r.dataset.indicators[res.indicator]
        shown = measured(res.value, indicator.kind, indicator.unit)
        where = Markup("{} · {}").format(r.a(page, urls.peak_day(day.id), peak_day_label(day.date)),
                                         day.track(res.track).name)
        table.add([Cell(r.a(page, urls.indicator(res.indicator), indicator.label), text=indicator.label),
                   number_cell(res.value.value, shown),
                   Cell(where, sort=day.date.isoformat(),
                        text=f"{peak_day_label(day.date)} · {day.track(res.track).name}")]
                  + ([text_cell(r.unit_name(res.unit))] if several else []))
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
