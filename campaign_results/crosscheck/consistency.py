"""Checks across records, on the linked dataset.

- parts that should add up to a stated total (an event's resources, a
  budget's parts) and per-unit results that cannot exceed the national total,
  a total written with "khoảng", "gần", "hơn"… read as a range (``bounds``);
- results against targets (a stated "đạt 116,6%" must match result/target, and
  no percentage is stated of a target of 0);
- dates that must come in order (a results report is not dated before its
  peak day or the event it reports; a deadline is not before the letter that
  sets it) and years and weekdays that must agree;
- document numbers that must agree with the document type;
- citations between documents: none cites itself, none cites a later one, and
  no chain of citations comes back to where it started.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..dates import WEEKDAY_NAMES, format_date, weekday_matches
from ..load.yaml_file import locate
from ..model.records import Dataset, Deadline, Document, Origin
from ..numbers import Quantity, format_number
from ..problems import Place, Report, field_name

_NUMBER_TYPE = re.compile(r"^\d+[a-z]?-([A-ZĐ]+)/|^\d+/\d{4}/([A-ZĐ]+)-")
PERCENT_TOLERANCE = Decimal("0.1")

# How a qualified figure is read, as the range of values it can stand for (the hints of the rules
# sum-mismatch-qualified and part-exceeds-qualified-total say the same to staff):
# - "khoảng X" (about) is a rounded figure: X ± 10 %, the rounding of a figure given to one or
#   two significant digits ("khoảng 600 triệu" for 560 to 640 triệu);
# - "gần X" (nearly) is just below X: 90 % of X to X;
# - "hơn X", "trên X" (more than), "tối thiểu X", "ít nhất X" (at least) is a lower bound: X to
#   2X. A writer rounds down to a round figure, never by more than half: for twice X the
#   document would have said "hơn 2X" or "gần 2X".
APPROXIMATE = Decimal("0.1")
LOWER_BOUND_FACTOR = 2
_ABOUT, _NEARLY = ("khoảng",), ("gần",)
_AT_LEAST = ("hơn", "trên", "tối thiểu", "ít nhất")


def bounds(quantity: Quantity) -> tuple[Decimal, Decimal]:
    """The smallest and largest value a figure as written can stand for."""
    value = Decimal(quantity.value)
    if quantity.qualifier is None:
        return value, value
    if quantity.qualifier in _ABOUT:
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if quantity.qualifier in _NEARLY:
        return value * (1 - APPROXIMATE), value
    if quantity.qualifier in _AT_LEAST:
        return value, value * LOWER_BOUND_FACTOR
    return Decimal(0), Decimal("Infinity")  # a qualifier not read here claims nothing


def _shown(quantity: Quantity, unit: str = "") -> str:
    return (f"{quantity.qualifier} " if quantity.qualifier else "") + _vn(quantity.value) + unit


def _vn(value) -> str:
    """A number the Vietnamese way, for messages, at most one decimal: 1.166 / 116,6."""
    return format_number(round(value, 1))


def _place(origin: Origin, *path) -> Place:
    """The place of a field of a record, by its path in the record's tree."""
    line, column = locate(origin.tree, path) if origin.tree is not None else (origin.line, None)
    return Place(origin.file, line, column, field_name(path) or None)


def check_dataset(dataset: Dataset, report: Report) -> None:
    _check_documents(dataset, report)
    _check_citations(dataset, report)
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
            _check_sum([p.amount for p in budget.parts if p.amount], budget.amount,
                       _place(model.origin, "budget", "parts"), report)
        for i, figure in enumerate(model.indicators):
            _check_figure(figure, model.origin, ("indicators", i), report)
        for i, doc_id in enumerate(model.sources):
            doc = dataset.documents.get(doc_id)
            if doc and doc.date and abs(doc.date.year - model.year) > 1:
                report.add("year-mismatch", _place(model.origin, "sources", i), year=model.year,
                           document=doc.number or doc.id, date=format_date(doc.date))


def _check_sum(parts: list[Quantity], total: Quantity, place: Place, report: Report,
               unit: str = " đồng") -> None:
    """Parts that make up a total: the range the parts can stand for must meet the total's."""
    low = sum((bounds(part)[0] for part in parts), Decimal(0))
    high = sum((bounds(part)[1] for part in parts), Decimal(0))
    total_low, total_high = bounds(total)
    if high >= total_low and low <= total_high:
        return
    parts_value = sum(part.value for part in parts)
    if total.qualifier is None:
        report.add("sum-mismatch", place, parts=_vn(parts_value) + unit, total=_vn(total.value) + unit)
    else:
        report.add("sum-mismatch-qualified", place, parts=_vn(parts_value) + unit,
                   total=_shown(total, unit), qualifier=total.qualifier,
                   low=_vn(total_low) + unit, high=_vn(total_high) + unit)


def _check_figure(figure, origin: Origin, path: tuple, report: Report) -> None:
    if figure.stated_percent is not None and figure.target is not None and not figure.target.value:
        report.add("percent-zero-target", _place(origin, *path, "stated_percent"),
                   stated=_vn(figure.stated_percent) + "%")
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
            report.add("deadline-before-document", _place(origin, "deadlines", i, "date"),
                       deadline=deadline.what, date=format_date(deadline.date),
                       document=doc.number or doc.id, document_date=format_date(doc.date))


def _check_weekday(stated: str | None, date, origin: Origin, path: tuple, report: Report) -> None:
    if stated and not weekday_matches(stated, date):
        report.add("weekday-mismatch", _place(origin, *path), date=format_date(date),
                   actual=WEEKDAY_NAMES[date.weekday()], stated=stated)


def _check_peak_days(dataset: Dataset, report: Report) -> None:
    for day in dataset.peak_days.values():
        _check_weekday(day.weekday, day.date, day.origin, ("weekday",), report)
        campaign = dataset.campaigns.get(day.campaign)
        if campaign and campaign.year != day.date.year:
            report.add("campaign-year-mismatch", _place(day.origin, "date"), year=day.date.year,
                       campaign=campaign.name, campaign_year=campaign.year)
        for i, doc_id in enumerate(day.sources):
            _check_report_date(dataset.documents.get(doc_id), day, ("sources", i), report)
        directive = dataset.documents.get(day.directive or "")
        if directive and directive.date and directive.date > day.date:
            report.add("directive-after-peak-day", _place(day.origin, "directive"),
                       directive=directive.number or directive.id, directive_date=format_date(directive.date),
                       peak_day_date=format_date(day.date))
        _check_deadlines(day.deadlines, dataset, day.origin, None, report)
        events = [(("central_event",), day.central_event)] + [(("events", i), e) for i, e in enumerate(day.events)]
        for path, event in events:
            if event and event.resources_total and event.resources and not event.reconciliation_note:
                _check_sum([item.value for item in event.resources], event.resources_total,
                           _place(day.origin, *path, "resources_total"), report)
            if event:
                _check_event_reports(event, dataset, day.origin, path, report)
        for t, track in enumerate(day.tracks):
            for i, total in enumerate(track.totals):
                _check_report_date(dataset.documents.get(total.source or ""), day,
                                   ("tracks", t, "totals", i, "source"), report)
        if day.late_reporters:
            _check_report_date(dataset.documents.get(day.late_reporters.source), day,
                               ("late_reporters", "source"), report)
        _check_results(day, dataset, report)


def _check_event_reports(event, dataset: Dataset, origin: Origin, path: tuple, report: Report) -> None:
    """A report (BC) an event's figures come from is not dated before the event."""
    if event.date is None:
        return
    sources = [(("source",), event.source)] + [(("figures", i, "source"), f.source)
                                               for i, f in enumerate(event.figures) if f.source]
    for where, doc_id in sources:
        doc = dataset.documents.get(doc_id)
        if doc and doc.type == "BC" and doc.date and doc.date < event.date:
            report.add("report-before-event", _place(origin, *path, *where),
                       report=doc.number or doc.id, report_date=format_date(doc.date),
                       event=event.name, event_date=format_date(event.date))


def _check_report_date(doc: Document | None, day, path: tuple, report: Report) -> None:
    if doc and doc.type == "BC" and doc.date and doc.date < day.date:
        report.add("report-before-peak-day", _place(day.origin, *path),
                   report=doc.number or doc.id, report_date=format_date(doc.date),
                   peak_day_date=format_date(day.date))


def _check_results(day, dataset: Dataset, report: Report) -> None:
    seen: dict[tuple[str, str, str], Origin] = {}
    sums: dict[tuple[str, str], int] = {}
    for result in day.results:
        key = (result.unit, result.track, result.indicator)
        if key in seen:
            first = seen[key]
            same_file = first.file == result.origin.file
            report.add("duplicate-result" if same_file else "duplicate-result-other-file",
                       _place(result.origin, "unit"), unit=dataset.unit(result.unit).short_name,
                       indicator=result.indicator, track=result.track, line=first.line,
                       **({} if same_file else {"file": first.file}))
            continue
        seen[key] = result.origin
        # the least each row can stand for ("hơn 100" is at least 100): what the units surely add up to
        key = (result.track, result.indicator)
        sums[key] = sums.get(key, 0) + bounds(result.value)[0]
        doc = dataset.documents.get(result.source)
        if doc and doc.type == "BC" and doc.date and doc.date < day.date:
            report.add("result-report-before-peak-day", _place(result.origin, "source"),
                       report=doc.number or doc.id, report_date=format_date(doc.date),
                       peak_day_date=format_date(day.date))
    for t, track in enumerate(day.tracks):
        for i, total in enumerate(track.totals):
            parts = sums.get((track.id, total.indicator))
            if parts is None:
                continue
            place = _place(day.origin, "tracks", t, "totals", i, "value")
            high = bounds(total.value)[1]
            if total.value.qualifier is None and parts > total.value.value:
                report.add("part-exceeds-total", place,
                           parts=_vn(parts), total=_vn(total.value.value), indicator=total.indicator)
            elif total.value.qualifier is not None and parts > high:
                report.add("part-exceeds-qualified-total", place, parts=_vn(parts),
                           total=_shown(total.value), qualifier=total.value.qualifier, high=_vn(high),
                           indicator=total.indicator)


def _check_plans(dataset: Dataset, report: Report) -> None:
    for plan in dataset.plans.values():
        doc = dataset.documents.get(plan.document)
        if doc and doc.date and doc.date.year != plan.year:
            report.add("year-mismatch", _place(plan.origin, "year"), year=plan.year,
                       document=doc.number or doc.id, date=format_date(doc.date))
        _check_deadlines(plan.deadlines, dataset, plan.origin, plan.document, report)


def _check_citations(dataset: Dataset, report: Report) -> None:
    """A document cites only others, dated no later than itself, and citations form no cycle."""
    documents = dataset.documents
    for doc in documents.values():
        for i, cited_id in enumerate(doc.cites):
            cited = documents.get(cited_id)
            if cited is doc:
                report.add("citation-self", _place(doc.origin, "cites", i), id=doc.id)
            elif cited and doc.date and cited.date and cited.date > doc.date:
                report.add("citation-forward", _place(doc.origin, "cites", i),
                           citing=doc.number or doc.id, citing_date=format_date(doc.date),
                           cited=cited.number or cited.id, cited_date=format_date(cited.date), field="cites")
        for i, variant in enumerate(doc.number_variants):  # "cited in": that document cites this one
            citing = documents.get(variant.cited_in)
            if citing and citing is not doc and citing.date and doc.date and citing.date < doc.date:
                report.add("citation-forward", _place(doc.origin, "number_variants", i, "cited_in"),
                           citing=citing.number or citing.id, citing_date=format_date(citing.date),
                           cited=doc.number or doc.id, cited_date=format_date(doc.date),
                           field="number_variants")
    for cycle in _citation_cycles(dataset):
        first = documents[cycle[0]]
        report.add("citation-cycle", _place(first.origin, "cites", first.cites.index(cycle[1])),
                   cycle=" → ".join(cycle), ids=", ".join(cycle[:-1]))


def _citation_cycles(dataset: Dataset) -> list[list[str]]:
    """One cycle of citations for each group of documents that cite each other round in a ring
    (a strongly connected component of more than one document), as ids from the group's first
    id back to it: [a, b, c, a]. Found without recursion (Tarjan's algorithm, iterative)."""
    documents = dataset.documents
    edges = {doc.id: sorted({c for c in doc.cites if c in documents and c != doc.id})
             for doc in documents.values()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    cycles = []
    for group in sorted(groups):
        members, first = set(group), group[0]
        # the shortest way round from the group's first document back to it
        previous: dict[str, str] = {}
        queue, seen = [first], {first}
        while queue:
            node = queue.pop(0)
            for child in edges[node]:
                if child == first:
                    path = [first]
                    while node != first:
                        path.append(node)
                        node = previous[node]
                    cycles.append([first, *reversed(path[1:]), first])
                    queue = []
                    break
                if child in members and child not in seen:
                    seen.add(child)
                    previous[child] = node
                    queue.append(child)
    return cycles
