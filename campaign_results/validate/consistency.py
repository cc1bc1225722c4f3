"""Checks across records, on the linked dataset.

- parts that should add up to a stated total (an event's resources, a
  budget's parts) and per-unit results that cannot exceed the national total;
- results against targets (a stated "đạt 116,6%" must match result/target);
- dates that must come in order (a results report is not dated before its
  peak day; a deadline is not before the letter that sets it) and years and
  weekdays that must agree;
- document numbers that must agree with the document type.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..dates import WEEKDAY_NAMES, format_date, weekday_matches
from ..load.yaml_file import locate
from ..model.records import Dataset, Deadline, Document, Origin
from ..numbers import format_number
from ..problems import Place, Report
from .schema import field_name

_NUMBER_TYPE = re.compile(r"^\d+[a-z]?-([A-ZĐ]+)/|^\d+/\d{4}/([A-ZĐ]+)-")
PERCENT_TOLERANCE = Decimal("0.1")


def _vn(value) -> str:
    """A number the Vietnamese way, for messages, at most one decimal: 1.166 / 116,6."""
    return format_number(round(value, 1))


def _place(origin: Origin, *path) -> Place:
    """The place of a field of a record, by its path in the record's tree."""
    line, column = locate(origin.tree, path) if origin.tree is not None else (origin.line, None)
    return Place(origin.file, line, column, field_name(path) or None)


def check_dataset(dataset: Dataset, report: Report) -> None:
    _check_documents(dataset, report)
    _check_models(dataset, report)
    _check_peak_days(dataset, report)
    _check_plans(dataset, report)


def _check_documents(dataset: Dataset, report: Report) -> None:
    for doc in dataset.documents.values():
        if doc.number:
            match = _NUMBER_TYPE.match(doc.number)
            expected = match and (match.group(1) or match.group(2))
            if expected and expected != doc.type:
                report.add("document-type-mismatch", _place(doc.origin, "type"),
                           type=doc.type, number=doc.number, expected=expected)


def _check_models(dataset: Dataset, report: Report) -> None:
    for model in dataset.models.values():
        budget = model.budget
        if budget and budget.amount and budget.parts and not budget.reconciliation_note:
            parts = sum(int(p.amount.value) for p in budget.parts if p.amount)
            if parts != budget.amount.value and budget.amount.qualifier is None:
                report.add("sum-mismatch", _place(model.origin, "budget", "parts"),
                           parts=_vn(parts) + " đồng", total=_vn(budget.amount.value) + " đồng")
        for i, figure in enumerate(model.indicators):
            _check_figure(figure, model.origin, ("indicators", i), report)
        for i, doc_id in enumerate(model.sources):
            doc = dataset.documents.get(doc_id)
            if doc and doc.date and abs(doc.date.year - model.year) > 1:
                report.add("year-mismatch", _place(model.origin, "sources", i), year=model.year,
                           what=f"văn bản nguồn {doc.number or doc.id}", other=format_date(doc.date))


def _check_figure(figure, origin: Origin, path: tuple, report: Report) -> None:
    if figure.target and figure.result and figure.target.value:
        computed = figure.percent
        if figure.stated_percent is not None and abs(computed - figure.stated_percent) > PERCENT_TOLERANCE:
            report.add("percent-mismatch", _place(origin, *path, "stated_percent"),
                       stated=_vn(figure.stated_percent) + "%", computed=_vn(computed) + "%")
        if figure.result.value > 10 * figure.target.value:
            report.add("result-implausible", _place(origin, *path, "result"),
                       result=_vn(figure.result.value), target=_vn(figure.target.value))


def _check_deadlines(deadlines: list[Deadline], dataset: Dataset, origin: Origin,
                     default_source: str | None, report: Report) -> None:
    for i, deadline in enumerate(deadlines):
        _check_weekday(deadline.weekday, deadline.date, origin, ("deadlines", i, "weekday"), report)
        doc = dataset.documents.get(deadline.source or default_source or "")
        if doc and doc.date and deadline.date < doc.date:
            report.add("date-order", _place(origin, "deadlines", i, "date"),
                       message=f"Hạn \"{deadline.what}\" ({format_date(deadline.date)}) sớm hơn ngày "
                               f"ban hành văn bản đặt ra hạn đó ({format_date(doc.date)}).",
                       hint="Kiểm tra ngày của hạn và ngày của văn bản.")


def _check_weekday(stated: str | None, date, origin: Origin, path: tuple, report: Report) -> None:
    if stated and not weekday_matches(stated, date):
        report.add("weekday-mismatch", _place(origin, *path), date=format_date(date),
                   actual=WEEKDAY_NAMES[date.weekday()], stated=stated)


def _check_peak_days(dataset: Dataset, report: Report) -> None:
    for day in dataset.peak_days.values():
        _check_weekday(day.weekday, day.date, day.origin, ("weekday",), report)
        campaign = dataset.campaigns.get(day.campaign)
        if campaign and campaign.year != day.date.year:
            report.add("year-mismatch", _place(day.origin, "date"), year=day.date.year,
                       what=f"chiến dịch {campaign.name}", other=campaign.year)
        for i, doc_id in enumerate(day.sources):
            _check_report_date(dataset.documents.get(doc_id), day, ("sources", i), report)
        directive = dataset.documents.get(day.directive or "")
        if directive and directive.date and directive.date > day.date:
            report.add("date-order", _place(day.origin, "directive"),
                       message=f"Văn bản chỉ đạo ({format_date(directive.date)}) ghi ngày sau "
                               f"Ngày cao điểm ({format_date(day.date)}).",
                       hint="Kiểm tra ngày của văn bản chỉ đạo và của Ngày cao điểm.")
        _check_deadlines(day.deadlines, dataset, day.origin, None, report)
        events = [(("central_event",), day.central_event)] + [(("events", i), e) for i, e in enumerate(day.events)]
        for path, event in events:
            if event and event.resources_total and event.resources and not event.reconciliation_note:
                if event.resources_sum != event.resources_total.value:
                    report.add("sum-mismatch", _place(day.origin, *path, "resources_total"),
                               parts=_vn(event.resources_sum) + " đồng",
                               total=_vn(event.resources_total.value) + " đồng")
        _check_results(day, dataset, report)


def _check_report_date(doc: Document | None, day, path: tuple, report: Report) -> None:
    if doc and doc.type == "BC" and doc.date and doc.date < day.date:
        report.add("date-order", _place(day.origin, *path),
                   message=f"Báo cáo kết quả {doc.number or doc.id} ghi ngày {format_date(doc.date)}, "
                           f"trước Ngày cao điểm {format_date(day.date)}.",
                   hint="Báo cáo kết quả phải ban hành sau Ngày cao điểm; kiểm tra ngày của báo cáo.")


def _check_results(day, dataset: Dataset, report: Report) -> None:
    seen: dict[tuple[str, str, str], int] = {}
    sums: dict[tuple[str, str], int] = {}
    for result in day.results:
        key = (result.unit, result.track, result.indicator)
        if key in seen:
            report.add("duplicate-result", _place(result.origin, "unit"),
                       unit=dataset.unit(result.unit).short_name, indicator=result.indicator,
                       track=result.track, other_line=seen[key])
            continue
        seen[key] = result.origin.line
        sums[(result.track, result.indicator)] = sums.get((result.track, result.indicator), 0) + result.value.value
        doc = dataset.documents.get(result.source)
        if doc and doc.type == "BC" and doc.date and doc.date < day.date:
            report.add("date-order", _place(result.origin, "source"),
                       message=f"Báo cáo {doc.number or doc.id} ghi ngày {format_date(doc.date)}, "
                               f"trước Ngày cao điểm {format_date(day.date)}.",
                       hint="Kết quả phải trích từ báo cáo ban hành sau Ngày cao điểm.")
    for t, track in enumerate(day.tracks):
        for i, total in enumerate(track.totals):
            parts = sums.get((track.id, total.indicator))
            if parts is not None and total.value.qualifier is None and parts > total.value.value:
                report.add("part-exceeds-total", _place(day.origin, "tracks", t, "totals", i, "value"),
                           parts=_vn(parts), total=_vn(total.value.value), indicator=total.indicator)


def _check_plans(dataset: Dataset, report: Report) -> None:
    for plan in dataset.plans.values():
        doc = dataset.documents.get(plan.document)
        if doc and doc.date and doc.date.year != plan.year:
            report.add("year-mismatch", _place(plan.origin, "year"), year=plan.year,
                       what=f"văn bản {doc.number or doc.id}", other=format_date(doc.date))
        _check_deadlines(plan.deadlines, dataset, plan.origin, plan.document, report)
