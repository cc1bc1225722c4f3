"""Each indicator across units and years, and the vocabulary list."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ...format import measured, number, peak_day_label
from .. import urls
from ..key_figures import KeyFigure, KeyFigures
from ..renderer import Renderer
from ..tables import Cell, Table, number_cell, quantity_cell, text_cell


HEADLINE_MAX = 3  # the indicator's latest figures among its headline figures


def plan(r: Renderer) -> None:
    rows: dict[str, list] = defaultdict(list)  # code → [(year, where-cell, unit id, scope, target, value)]
    for day in r.dataset.peak_days.values():
        name = peak_day_label(day.date)
        for track in day.tracks:
            for total in track.totals:
                rows[total.indicator].append((day.date.year, urls.peak_day(day.id), name, None,
                                              f"Toàn quốc – {track.name}", None, total.value))
        for res in day.results:
            rows[res.indicator].append((day.date.year, urls.peak_day(day.id), name, res.unit,
                                        day.track(res.track).name, None, res.value))
    for m in r.dataset.models.values():
        for f in m.indicators:
            rows[f.indicator].append((m.year, urls.model(m.id), m.name, m.unit, f.scope or "", f.target, f.result))

    r.plan(urls.INDICATORS, partial(_index, r, rows))
    for code, indicator in r.dataset.indicators.items():
        r.plan(urls.indicator(code), partial(_indicator_page, r, code, indicator, rows[code]))


def _indicator_page(r: Renderer, code: str, indicator, rows: list) -> None:
    page = urls.indicator(code)
    table = Table(["Năm", "Số liệu của", "Đơn vị", "Phạm vi", "Chỉ tiêu đặt ra", "Kết quả"],
                  caption=f"{indicator.label} ({indicator.unit})")
    for year, target, label, unit, scope, goal, value in sorted(rows, key=lambda x: (-x[0], x[2])):
        table.add([number_cell(year, str(year)), Cell(r.a(page, target, label), text=label),
                   Cell(r.unit_link(page, unit), text=r.unit_name(unit)) if unit else text_cell("Toàn quốc"),
                   text_cell(scope), quantity_cell(goal, indicator.kind), quantity_cell(value, indicator.kind)])
    r.page(page, "indicator.md.j2", indicator=indicator, table=table if rows else None,
           figures=_key_figures(r, page, indicator, rows),
           description=f"Chỉ tiêu \"{indicator.label}\" ({indicator.unit}) qua các đơn vị và các năm.")


def _key_figures(r: Renderer, page: str, indicator, rows: list) -> KeyFigures:
    """The latest national figures of the indicator, else its latest figures; and how many there are."""
    figures = KeyFigures(empty="Chưa có số liệu nào cho chỉ tiêu này.")
    latest = sorted(rows, key=lambda x: -x[0])
    national = [row for row in latest if row[3] is None]
    for year, target, label, unit, scope, goal, value in (national or latest)[:HEADLINE_MAX]:
        if value is None:
            continue
        shown = measured(value, indicator.kind, indicator.unit)
        where = "Toàn quốc" if unit is None else r.unit_name(unit)
        figures.figures.append(KeyFigure(value=shown, label=where, context=label,
                                         link=str(r.href(page, target))))
    if len(rows) > len(figures.figures):
        figures.figures.append(KeyFigure(value=number(len(rows)), label="số liệu trên trang",
                                         context=f"{number(len({row[3] for row in rows if row[3]}))} đơn vị",
                                         link="#so-lieu"))
    return figures


def _index(r: Renderer, rows: dict[str, list]) -> None:
    """``rows``: each indicator's figures."""
    page = urls.INDICATORS
    vocabulary = Table(["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu"], caption="Danh mục chỉ tiêu")
    for code, indicator in sorted(r.dataset.indicators.items(), key=lambda kv: kv[1].label):
        vocabulary.add([text_cell(code), Cell(r.a(page, urls.indicator(code), indicator.label), text=indicator.label),
                        text_cell(indicator.unit), number_cell(len(rows[code]))])
    r.page(page, "indicators_index.md.j2", table=vocabulary, count=len(r.dataset.indicators))
