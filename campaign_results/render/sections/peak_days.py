"""Peak days: the list (grouped by campaign), one page per peak day, one per campaign."""

from __future__ import annotations

from functools import partial

from ...format import clock, money, number, peak_day_label, quantity
from .. import urls
from ..bar_chart import BarChart
from ..renderer import Renderer
from ..share_card import ShareCard
from ..tables import Cell, Table, date_cell, note_cell, number_cell, quantity_cell, text_cell
from .models import MIN_BARS_FOR_CHART

MAX_BARS = 10  # more bars are unreadable on a phone; the per-unit table above has every unit


def plan(r: Renderer) -> None:
    days = sorted(r.dataset.peak_days.values(), key=lambda d: d.date, reverse=True)
    r.plan(urls.PEAK_DAYS, partial(_index, r, days))
    for day in days:
        r.plan(urls.peak_day(day.id), partial(_peak_day_page, r, day))
    for campaign in r.dataset.campaigns.values():
        r.plan(urls.campaign(campaign.id), partial(_campaign_page, r, campaign, days))


def _campaign_page(r: Renderer, campaign, days) -> None:
    r.page(urls.campaign(campaign.id), "campaign.md.j2", campaign=campaign,
           days=[d for d in days if d.campaign == campaign.id])


def _index(r: Renderer, days) -> None:
    page = urls.PEAK_DAYS
    table = Table(["Ngày", "Ngày cao điểm", "Chiến dịch", "Đơn vị có kết quả"], caption="Các Ngày cao điểm")
    for day in days:
        campaign = r.dataset.campaigns.get(day.campaign)
        table.add([
            date_cell(day.date),
            Cell(r.a(page, urls.peak_day(day.id), day.name), text=day.name),
            Cell(r.a(page, urls.campaign(campaign.id), campaign.name), text=campaign.name) if campaign else text_cell(""),
            number_cell(len({res.unit for res in day.results})),
        ])
    r.page(page, "peak_days_index.md.j2", table=table, count=len(days))


def _peak_day_page(r: Renderer, day) -> None:
    page = urls.peak_day(day.id)
    tracks = [_track(r, page, day, track) for track in day.tracks]
    central = _event(r, page, day.central_event) if day.central_event else None
    events = [_event(r, page, e) for e in day.events]
    deadlines = Table(["Hạn", "Giờ", "Việc", "Đơn vị đặt hạn", "Văn bản"], caption="Hạn báo cáo")
    for d in day.deadlines:
        deadlines.add([
            date_cell(d.date), text_cell(clock(d.time)), text_cell(d.what),
            Cell(r.unit_link(page, d.set_by), text=r.unit_name(d.set_by)) if d.set_by else text_cell(""),
            Cell(r.document_link(page, d.source), text=r.document_label(d.source)) if d.source else text_cell(""),
        ])
    plans = [p for p in r.dataset.plans.values() if p.peak_day == day.id]
    headline = "; ".join(
        f"{r.indicator_label(t.indicator).lower()} {quantity(t.value, r.indicator_kind(t.indicator))}"
        for track in day.tracks for t in track.totals[:2])
    search_words = [t.name for t in day.tracks] + [r.unit_name(u) for t in day.tracks for u in t.highlighted_units]
    if day.central_event and day.central_event.host:
        search_words.append(r.unit_name(day.central_event.host))
    card = ShareCard(day.name, tuple(
        (r.indicator_label(t.indicator), quantity(t.value, r.indicator_kind(t.indicator)))
        for track in day.tracks for t in track.totals[:2])[:4],
        peak_day_label(day.date))
    r.page(page, "peak_day.md.j2", day=day, tracks=tracks, central=central, events=events,
           search_words=search_words, image=r.share_image(card),
           deadlines=deadlines if day.deadlines else None, plans=plans,
           campaign=r.dataset.campaigns.get(day.campaign),
           description=f"Kết quả {peak_day_label(day.date)}: {headline}.")


def _track(r: Renderer, page: str, day, track) -> dict:
    totals = Table(["Chỉ tiêu", "Kết quả toàn quốc", "Ghi chú", "Nguồn"], caption=f"Tổng toàn quốc – {track.name}")
    for total in track.totals:
        source = total.source or day.sources[0]
        totals.add([
            Cell(r.a(page, urls.indicator(total.indicator), r.indicator_label(total.indicator)),
                 text=r.indicator_label(total.indicator)),
            quantity_cell(total.value, r.indicator_kind(total.indicator)),
            note_cell(total.note or ""),
            Cell(r.document_link(page, source), text=r.document_label(source), note=True),
        ])
    results = [res for res in day.results if res.track == track.id]
    units = Table(["Đơn vị", "Chỉ tiêu", "Kết quả", "Đơn vị tính", "Ghi chú", "Nguồn"],
                  caption=f"Kết quả từng đơn vị – {track.name}")
    for res in sorted(results, key=lambda x: (r.unit_name(x.unit), x.indicator)):
        indicator = r.dataset.indicators[res.indicator]
        units.add([
            Cell(r.unit_link(page, res.unit), text=r.unit_name(res.unit)),
            Cell(r.a(page, urls.indicator(res.indicator), indicator.label), text=indicator.label),
            quantity_cell(res.value, indicator.kind),
            text_cell("" if indicator.kind == "money" else indicator.unit),
            note_cell(res.note or ""),
            Cell(r.document_link(page, res.source), text=r.document_label(res.source), note=True),
        ])
    charts = []
    by_indicator: dict[str, list] = {}
    for res in results:
        by_indicator.setdefault(res.indicator, []).append(res)
    for code, rows in by_indicator.items():
        if len(rows) < MIN_BARS_FOR_CHART:
            continue
        ranked = sorted(rows, key=lambda x: -x.value.value)
        rows = ranked[:MAX_BARS]
        indicator = r.dataset.indicators[code]
        title = f"{indicator.label} theo đơn vị"
        if len(ranked) > MAX_BARS:
            title += f": {MAX_BARS} đơn vị cao nhất trong {len(ranked)}"
        data = Table(["Đơn vị", indicator.label], caption="Số liệu của biểu đồ")
        for res in rows:
            data.add([text_cell(r.unit_name(res.unit)), quantity_cell(res.value, indicator.kind)])
        charts.append(r.chart(page, BarChart(
            title=title,
            labels=tuple(r.unit_name(res.unit) for res in rows),
            values=tuple(float(res.value.value) for res in rows),
            value_labels=tuple(quantity(res.value, indicator.kind) for res in rows),
            axis_label=indicator.unit), data))
    return {"track": track, "totals": totals if track.totals else None,
            "units": units if results else None, "charts": charts}


def _event(r: Renderer, page: str, event) -> dict:
    figures = None
    if event.figures:
        figures = Table(["Chỉ tiêu", "Kết quả", "Ghi chú"], caption="Kết quả hoạt động")
        for f in event.figures:
            figures.add([text_cell(r.indicator_label(f.indicator)),
                         quantity_cell(f.value, r.indicator_kind(f.indicator)), note_cell(f.note or "")])
    resources = None
    if event.resources:
        resources = Table(["Nguồn lực", "Số lượng", "Trị giá"], caption="Nguồn lực hỗ trợ")
        for item in event.resources:
            amount = (number(item.quantity.value) + (f" {item.unit_of_measure}" if item.unit_of_measure else "")
                      if item.quantity else "")
            resources.add([text_cell(item.name),
                           number_cell(item.quantity.value if item.quantity else None, amount),
                           number_cell(item.value.value, money(item.value.value))])
    adds_up = event.resources_total is not None and event.resources_sum == event.resources_total.value
    return {"event": event, "figures": figures, "resources": resources,
            "resources_sum": money(event.resources_sum) if event.resources else None, "adds_up": adds_up}
