"""Peak days: the list (grouped by campaign), one page per peak day, one per campaign."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ...format import clock, money, number, peak_day_label, quantity
from ...text import slugify
from .. import urls
from ..bar_chart import BarChart
from ..key_figures import KeyFigure, KeyFigures
from ..renderer import Renderer
from ..share_card import ShareCard
from ..tables import Cell, Table, date_cell, note_cell, number_cell, quantity_cell, text_cell
from .models import MIN_BARS_FOR_CHART

MAX_BARS = 10  # more bars are unreadable on a phone; the per-unit table beside it has every unit
MAX_INDICATOR_COLUMNS = 4  # more indicators in a track are listed in one cell per unit
HEADLINE_PER_TRACK = 3  # national totals of each track among the page's headline figures
HEADLINE_MAX = 6
CENTRAL_EVENT = "hoat-dong-diem"  # the id of the central event's section (province pages link to it)
# The page's sections after its tracks, by the id of their heading (the page's contents link them).
SECTIONS = {CENTRAL_EVENT: "Hoạt động điểm cấp Trung ương", "hoat-dong-khac": "Hoạt động khác",
            "han-bao-cao": "Hạn báo cáo", "bao-cao-cham": "Đơn vị báo cáo chậm",
            "ke-hoach": "Kế hoạch triển khai của các đơn vị", "nguon": "Nguồn"}


def plan(r: Renderer) -> None:
    days = sorted(r.dataset.peak_days.values(), key=lambda d: d.date, reverse=True)
    r.plan(urls.PEAK_DAYS, partial(_index, r, days))
    for day in days:
        r.plan(urls.peak_day(day.id), partial(_peak_day_page, r, day))
    for campaign in r.dataset.campaigns.values():
        r.plan(urls.campaign(campaign.id), partial(_campaign_page, r, campaign, days))


def _campaign_page(r: Renderer, campaign, days) -> None:
    page = urls.campaign(campaign.id)
    days = [d for d in days if d.campaign == campaign.id]
    figures = KeyFigures(empty="Chưa có kết quả toàn quốc của các Ngày cao điểm trong chiến dịch này.")
    for day in days:
        figures.extend(headline_figures(r, page, day, per_track=2, limit=4,
                                        context=peak_day_label(day.date) if len(days) > 1 else None))
    r.page(page, "campaign.md.j2", campaign=campaign, days=days, figures=figures)


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
    contents = [(item["anchor"], item["track"].name) for item in tracks]
    shown = {CENTRAL_EVENT: central, "hoat-dong-khac": events, "han-bao-cao": day.deadlines,
             "bao-cao-cham": day.late_reporters, "ke-hoach": plans, "nguon": True}
    contents += [(anchor, SECTIONS[anchor]) for anchor, present in shown.items() if present]
    r.page(page, "peak_day.md.j2", day=day, tracks=tracks, central=central, events=events,
           search_words=search_words, image=r.share_image(card), figures=headline_figures(r, page, day),
           deadlines=deadlines if day.deadlines else None, plans=plans, contents=contents, sections=SECTIONS,
           campaign=r.dataset.campaigns.get(day.campaign),
           description=f"Kết quả {peak_day_label(day.date)}: {headline}.")


def headline_figures(r: Renderer, page: str, day, per_track: int = HEADLINE_PER_TRACK,
                     limit: int = HEADLINE_MAX, context: str | None = None) -> KeyFigures:
    """A peak day's national totals as headline figures: the first ``per_track`` of each track (as
    the report lists them), ``limit`` in all, each linking to its track on the day's page. ``context``: said on each card
    instead of its track's name (a page that lists several days)."""
    figures = KeyFigures(empty="Chưa có kết quả toàn quốc của Ngày cao điểm này.")
    day_page = urls.peak_day(day.id)
    for track in day.tracks:
        for total in track.totals[:per_track]:
            if len(figures.figures) == limit:
                break
            figures.figures.append(KeyFigure(
                value=quantity(total.value, r.indicator_kind(total.indicator)),
                label=r.indicator_label(total.indicator), context=context or track.name,
                link=str(r.href(page, day_page)) + "#" + _anchor("track", track.id)))
            figures.add_source(r.document_link(page, total.source or day.sources[0]))
    if not figures.figures and day.results:
        figures.empty = (f"Chưa có kết quả toàn quốc; {number(len({res.unit for res in day.results}))} "
                         "đơn vị có kết quả, ở bảng dưới.")
    return figures


def _anchor(kind: str, key: str) -> str:
    """The id of a heading that the page's contents link to."""
    return f"{kind}-{slugify(key)}"


def _track(r: Renderer, page: str, day, track) -> dict:
    totals = Table(["Chỉ tiêu", "Toàn quốc", "Ghi chú", "Nguồn"], caption=f"Tổng toàn quốc – {track.name}")
    for total in track.totals:
        source = total.source or day.sources[0]
        totals.add([
            Cell(r.a(page, urls.indicator(total.indicator), r.indicator_label(total.indicator)),
                 text=r.indicator_label(total.indicator)),
            quantity_cell(total.value, r.indicator_kind(total.indicator)),
            note_cell(total.note or ""),
            Cell(r.document_link(page, source), text=r.document_label(source), note=True),
        ])
    totals.lift_source()
    results = [res for res in day.results if res.track == track.id]
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
        charts.append(r.chart(page, BarChart(
            title=title,
            labels=tuple(r.unit_name(res.unit) for res in rows),
            values=tuple(float(res.value.value) for res in rows),
            value_labels=tuple(quantity(res.value, indicator.kind) for res in rows),
            axis_label=indicator.unit)))
    sources = list(dict.fromkeys(res.source for res in results))
    return {"track": track, "anchor": _anchor("track", track.id), "totals": totals if track.totals else None,
            "units": _unit_results(r, page, track, results) if results else None, "charts": charts,
            "sources": [r.document_link(page, doc_id) for doc_id in sources]}


def _unit_results(r: Renderer, page: str, track, results) -> Table:
    """One row per unit: with few indicators, one column each (sortable by value); with more, the
    unit's results listed in one cell, each with its remark."""
    by_unit: dict[str, dict] = {}
    for res in sorted(results, key=lambda x: (r.unit_name(x.unit), x.indicator)):
        by_unit.setdefault(res.unit, {})[res.indicator] = res
    codes = list(dict.fromkeys(res.indicator for res in sorted(results, key=lambda x: x.indicator)))
    indicators = [r.dataset.indicators[code] for code in codes]
    caption = f"Kết quả từng đơn vị – {track.name}"
    wide = len(indicators) <= MAX_INDICATOR_COLUMNS
    columns = ["Đơn vị"] + ([_column_label(i) for i in indicators] + ["Ghi chú"] if wide else ["Kết quả"]) + ["Nguồn"]
    table = Table(columns, caption=caption)
    for unit_id, found in by_unit.items():
        row = [Cell(r.unit_link(page, unit_id), text=r.unit_name(unit_id))]
        if wide:
            row += [quantity_cell(found[i.code].value, i.kind) if i.code in found else number_cell(None)
                    for i in indicators]
            notes = dict.fromkeys(res.note for res in found.values() if res.note)
            row.append(note_cell(" ".join(notes)))
        else:
            items = [Markup("<li><span class=\"result-label\">{label}</span>: {value}{unit}{note}</li>").format(
                value=Markup("<strong>{}</strong>").format(quantity(res.value, i.kind)),
                unit=f" {i.unit}" if i.kind != "money" else "",
                label=r.a(page, urls.indicator(i.code), i.label),
                note=Markup("<span class=\"result-note\">{}</span>").format(res.note) if res.note else "")
                for i in indicators if (res := found.get(i.code))]
            row.append(Cell(Markup("<ul class=\"cell-list\">") + Markup("").join(items) + Markup("</ul>"),
                            text="; ".join(f"{r.indicator_label(res.indicator)}: "
                                           f"{quantity(res.value, r.indicator_kind(res.indicator))}"
                                           for res in found.values())))
        sources = list(dict.fromkeys(res.source for res in found.values()))
        row.append(Cell(Markup("; ").join(r.document_link(page, s) for s in sources),
                        text="; ".join(r.document_label(s) for s in sources), note=True))
        table.add(row)
    table.lift_source()
    return table


def _column_label(indicator) -> str:
    """A results column: the indicator, and its unit where the label does not say it."""
    if indicator.kind == "money" or indicator.unit.lower() in indicator.label.lower():
        return indicator.label
    return f"{indicator.label} ({indicator.unit})"


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
