"""The home page: the latest peak day's headline figures, models by year, the way in."""

from __future__ import annotations

from collections import Counter

from .. import urls
from ..key_figures import KeyFigures
from ..renderer import Renderer
from ..tables import Cell, Table, number_cell, quantity_cell
from .peak_days import headline_figures


def plan(r: Renderer) -> None:
    r.plan(urls.HOME, lambda: _home(r))


def _home(r: Renderer) -> None:
    page = urls.HOME
    latest = max(r.dataset.peak_days.values(), key=lambda d: d.date, default=None)
    headline = []
    if latest:
        for track in latest.tracks:
            table = Table(["Chỉ tiêu", "Toàn quốc"], caption=track.name, sortable=False)
            for total in track.totals:
                table.add([Cell(r.a(page, urls.indicator(total.indicator), r.indicator_label(total.indicator))),
                           quantity_cell(total.value, r.indicator_kind(total.indicator))])
            headline.append(table)
    by_year = Counter(m.year for m in r.dataset.models.values())
    recognised = Counter(m.year for m in r.dataset.models.values() if m.status == "cong-nhan")
    proposed = Counter(m.year for m in r.dataset.models.values() if m.status == "de-nghi")
    years = Table(["Năm", "Mô hình", "Đề nghị công nhận", "Đã công nhận"], caption="Mô hình theo năm")
    for year in sorted(by_year, reverse=True):
        years.add([Cell(r.a(page, urls.MODELS, str(year), query=f"?nam={year}"), sort=str(year)),
                   number_cell(by_year[year]), number_cell(proposed[year]), number_cell(recognised[year])])
    figures = (headline_figures(r, page, latest, per_track=2, limit=4) if latest
               else KeyFigures(empty="Chưa có kết quả Ngày cao điểm nào trong dữ liệu."))
    r.page(page, "home.md.j2", latest=latest, headline=headline, years=years, figures=figures,
           counts={"models": len(r.dataset.models), "days": len(r.dataset.peak_days),
                   "documents": len(r.dataset.documents),
                   "units": len({m.unit for m in r.dataset.models.values()} |
                                {res.unit for d in r.dataset.peak_days.values() for res in d.results})})
