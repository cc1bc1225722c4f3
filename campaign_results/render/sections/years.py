"""One page per year: its models, peak days and documents."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ...format import counts, number, peak_day_label
from .. import urls
from ..key_figures import KeyFigure, KeyFigures
from ..renderer import LEVELS, STATUSES, Renderer
from ..tables import Cell, Table, number_cell, text_cell
from .peak_days import headline_figures


def plan(r: Renderer) -> None:
    models, days, documents = defaultdict(list), defaultdict(list), defaultdict(list)
    for m in r.dataset.models.values():
        models[m.year].append(m)
    for day in r.dataset.peak_days.values():
        days[day.date.year].append(day)
    for doc in r.dataset.documents.values():
        if doc.date:
            documents[doc.date.year].append(doc)
    years = sorted(set(models) | set(days) | set(documents), reverse=True)
    r.plan(urls.YEARS, partial(_index, r, years, models, days, documents))
    for year in years:
        r.plan(urls.year(year), partial(_year_page, r, year, models[year], days[year], documents[year]))


def _year_page(r: Renderer, year: int, models, days, documents) -> None:
    page = urls.year(year)
    model_table = Table(["Mô hình", "Đơn vị", "Cấp", "Trạng thái"], caption=f"Mô hình năm {year}")
    for m in sorted(models, key=lambda m: (r.unit_name(m.unit), m.name)):
        model_table.add([Cell(r.a(page, urls.model(m.id), m.name), text=m.name), Cell(r.unit_link(page, m.unit)),
                         text_cell(LEVELS[m.level]), text_cell(STATUSES[m.status])])
    figures = KeyFigures(empty=f"Chưa có mô hình hay Ngày cao điểm nào của năm {year} trong dữ liệu.")
    if models:
        recognised = sum(1 for m in models if m.status == "cong-nhan")
        figures.figures.append(KeyFigure(value=number(len(models)), label="mô hình \"Dân vận khéo\"",
                                         context=f"{number(recognised)} đã công nhận" if recognised else "",
                                         link="#mo-hinh"))
    for day in sorted(days, key=lambda d: d.date, reverse=True):
        figures.extend(headline_figures(r, page, day, per_track=1, limit=2,
                                        context=peak_day_label(day.date) if len(days) > 1 else None))
    if documents:
        figures.figures.append(KeyFigure(value=number(len(documents)), label="văn bản", link="#van-ban"))
    r.page(page, "year.md.j2", year=year, models=model_table if models else None, figures=figures,
           days=sorted(days, key=lambda d: d.date),
           documents=sorted(documents, key=lambda d: d.date),
           description=f"Năm {year}: " + counts((len(models), "mô hình “Dân vận khéo”"), (len(days), "Ngày cao điểm"),
                                                (len(documents), "văn bản"), none="chưa có dữ liệu") + ".")


def _index(r: Renderer, years: list[int], models, days, documents) -> None:
    """``models``, ``days``, ``documents``: the records of each year."""
    page = urls.YEARS
    table = Table(["Năm", "Mô hình", "Ngày cao điểm", "Văn bản"], caption="Theo năm")
    for year in years:
        table.add([Cell(r.a(page, urls.year(year), str(year)), sort=str(year), text=str(year)),
                   number_cell(len(models[year])), number_cell(len(days[year])), number_cell(len(documents[year]))])
    r.page(page, "years_index.md.j2", table=table)
