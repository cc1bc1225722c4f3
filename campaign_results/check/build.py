"""Turning schema-checked raw records into the typed, linked :class:`Dataset`.

This is where names become ids: unit names are resolved at the record's
date, and every reference (document, indicator, campaign, peak day, track,
model) is looked up. What does not resolve becomes a problem with the line it
was written on; numbers are read with the kind of their indicator.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..dates import parse_date, parse_time
from ..load.discover import RawRecord
from ..load.yaml_file import Mapping
from ..model import records as r
from ..model.units import UnitRegistry, load_provinces, unit_from_record
from ..numbers import DECIMAL, MONEY, NumberError, Quantity, parse_percent, parse_quantity
from ..problems import Place, Report, did_you_mean
from ..text import slugify
from .schema import place_of

REFERENCE_KINDS = {
    "document": ("documents", "văn bản"),
    "campaign": ("campaigns", "chiến dịch"),
    "peak_day": ("peak_days", "Ngày cao điểm"),
    "model": ("models", "mô hình"),
}


class DatasetBuilder:
    """Builds a Dataset from raw records, reporting what does not link up."""

    def __init__(self, reference_dir: Path, report: Report,
                 invalid_ids: dict[str, set[str]] | None = None,
                 unreadable: dict[str, dict[str, str]] | None = None) -> None:
        self.report = report
        # ids of records that failed their schema: references to them are not reported again
        self.invalid_ids = invalid_ids or {}
        # kind → id → file of the YAML files that could not be read (the id is the file-name stem):
        # a reference to one says so, instead of "not found, did you mean …"
        self.unreadable = unreadable or {}
        registry = UnitRegistry()
        load_provinces(reference_dir, registry)
        self.dataset = r.Dataset(units=registry)
        self._first_seen: dict[tuple[str, str], Place] = {}
        self._orphan_result_files: set[str] = set()
        self._table_ids: dict[str, str | None] = {}  # results file stem → peak day id
        self._name_slugs: dict[str, dict[str, str]] = {}  # vocabulary → slug of a name → id
        self._pending_refs: list[tuple[str, str, RawRecord, tuple]] = []

    # --- places and small readers -----------------------------------------

    def place(self, raw: RawRecord, *path) -> Place:
        return place_of(raw, tuple(path))

    def origin(self, raw: RawRecord) -> r.Origin:
        return r.Origin(raw.file, raw.data.place[0], raw.data)

    def quantity(self, raw: RawRecord, value, kind: str, *path) -> Quantity | None:
        if value is None:
            return None
        try:
            return parse_quantity(value, kind)
        except NumberError as error:
            self.report.add(error.code, self.place(raw, *path), **error.params)
            return None

    def indicator_kind(self, code: str | None) -> str:
        indicator = self.dataset.indicators.get(code or "")
        return indicator.kind if indicator else DECIMAL

    def unit(self, raw: RawRecord, name: str | None, on: dt.date | None, *path) -> str | None:
        if name is None:
            return None
        resolution = self.dataset.units.resolve(name, on)
        broken = self.unreadable.get("unit", {})
        broken_file = broken.get(name) or broken.get(slugify(name))  # a unit named by its id
        if resolution.unit is None and broken_file:
            self.report.add("reference-unreadable", self.place(raw, *path), value=name, file=broken_file)
            return None
        if resolution.unit is None:
            self.report.add(resolution.problem, self.place(raw, *path), **resolution.params)
            return None
        return resolution.unit.id

    def units(self, raw: RawRecord, names, on: dt.date, *path) -> list[str]:
        found = [self.unit(raw, name, on, *path, i) for i, name in enumerate(names or [])]
        return [unit for unit in found if unit]

    def refer(self, kind: str, value: str | None, raw: RawRecord, *path) -> str | None:
        """Note a reference to check once every record is read."""
        if value is not None:
            self._pending_refs.append((kind, value, raw, path))
        return value

    def refer_all(self, kind: str, values, raw: RawRecord, *path) -> list[str]:
        return [self.refer(kind, value, raw, *path, i) for i, value in enumerate(values or [])]

    def claim_id(self, kind: str, record_id: str, raw: RawRecord, field: str = "id") -> bool:
        """Register an id; a second record with the same id of the same kind is a problem.

        The problem is reported on both records, each naming the other: which of
        the two is the copy is for the person fixing it to decide.
        """
        key = (kind, record_id)
        here = self.place(raw, field)
        if key in self._first_seen:
            first = self._first_seen[key]
            self.report.add("duplicate-id", here, id=record_id, other=f"{first.file}:{first.line}")
            self.report.add("duplicate-id", first, id=record_id, other=f"{here.file}:{here.line}")
            return False
        self._first_seen[key] = here
        return True

    def check_file_name(self, raw: RawRecord) -> None:
        stem = Path(raw.file).stem
        if raw.data["id"] != stem:
            self.report.add("id-file-mismatch", self.place(raw, "id"), id=raw.data["id"], stem=stem)

    # --- the build ----------------------------------------------------------

    def build(self, raws: list[RawRecord]) -> r.Dataset:
        by_kind: dict[str, list[RawRecord]] = {}
        for raw in raws:
            by_kind.setdefault(raw.kind, []).append(raw)
        for raw in by_kind.get("indicator", []):
            self.add_indicator(raw)
        for raw in by_kind.get("unit", []):
            self.add_unit(raw)
        for raw in by_kind.get("document", []):
            self.add_document(raw)
        for raw in by_kind.get("campaign", []):
            self.add_campaign(raw)
        for raw in by_kind.get("model", []):
            self.add_model(raw)
        for raw in by_kind.get("peak_day", []):
            self.add_peak_day(raw)
        for raw in by_kind.get("result", []):
            self.add_result(raw)
        for raw in by_kind.get("plan", []):
            self.add_plan(raw)
        self.check_references()
        return self.dataset

    def add_indicator(self, raw: RawRecord) -> None:
        data = raw.data
        if not self.claim_id("indicator", data["code"], raw, "code"):
            return
        self.dataset.indicators[data["code"]] = r.Indicator(
            data["code"], data["label"], data["unit"], data["kind"], data.get("description"),
            self.origin(raw))

    def add_unit(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if data["id"] in self.dataset.units.by_id and ("unit", data["id"]) not in self._first_seen:
            self.report.add("duplicate-id", self.place(raw, "id"), id=data["id"],
                            other="danh sách tỉnh, thành trong data/reference/")
            return
        if not self.claim_id("unit", data["id"], raw):
            return
        self.dataset.units.add(unit_from_record(data, raw.file))

    def add_document(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if not self.claim_id("document", data["id"], raw):
            return
        date = parse_date(data["date"]) if "date" in data else None
        signer = data.get("signer")
        doc = r.Document(
            id=data["id"], number=data.get("number"), type=data["type"],
            issuer=self.unit(raw, data["issuer"], date, "issuer"),
            title=data["title"], date=date, date_note=data.get("date_note"),
            issuing_body=data.get("issuing_body"), place=data.get("place"),
            signer=r.Signer(signer["name"], signer.get("title"), signer.get("on_behalf_of")) if signer else None,
            recipients=list(data.get("recipients", [])), summary=data.get("summary"),
            cites=self.refer_all("document", data.get("cites"), raw, "cites"),
            number_variants=[
                r.NumberVariant(v["number"], self.refer("document", v["cited_in"], raw, "number_variants", i, "cited_in"),
                                v.get("note"))
                for i, v in enumerate(data.get("number_variants", []))],
            held=bool(data.get("held", False)), origin=self.origin(raw))
        self.dataset.documents[doc.id] = doc

    def add_campaign(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if not self.claim_id("campaign", data["id"], raw):
            return
        self.dataset.campaigns[data["id"]] = r.Campaign(
            id=data["id"], name=data["name"], year=data["year"],
            organiser=self.unit(raw, data["organiser"], dt.date(data["year"], 1, 1), "organiser"),
            description=data.get("description"),
            sources=self.refer_all("document", data["sources"], raw, "sources"), origin=self.origin(raw))

    def _figures(self, raw: RawRecord, items, *path) -> list[r.Figure]:
        figures = []
        for i, item in enumerate(items or []):
            code = self.refer("indicator", item["indicator"], raw, *path, i, "indicator")
            kind = self.indicator_kind(code)
            figures.append(r.Figure(
                indicator=code,
                target=self.quantity(raw, item.get("target"), kind, *path, i, "target"),
                result=self.quantity(raw, item.get("result"), kind, *path, i, "result"),
                scope=item.get("scope"),
                stated_percent=parse_percent(item["stated_percent"]) if "stated_percent" in item else None,
                note=item.get("note"),
                source=self.refer("document", item.get("source"), raw, *path, i, "source")))
        return figures

    def _totals(self, raw: RawRecord, items, *path) -> list[r.Total]:
        totals = []
        for i, item in enumerate(items or []):
            code = self.refer("indicator", item["indicator"], raw, *path, i, "indicator")
            value = self.quantity(raw, item["value"], self.indicator_kind(code), *path, i, "value")
            if value is not None:
                totals.append(r.Total(code, value, item.get("scope"), item.get("note"),
                                      self.refer("document", item.get("source"), raw, *path, i, "source")))
        return totals

    def add_model(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if not self.claim_id("model", data["id"], raw):
            return
        budget = None
        if "budget" in data:
            b = data["budget"]
            budget = r.Budget(
                amount=self.quantity(raw, b.get("amount"), MONEY, "budget", "amount"),
                text=b.get("text"),
                parts=[r.BudgetPart(p["label"], self.quantity(raw, p["amount"], MONEY, "budget", "parts", i, "amount"))
                       for i, p in enumerate(b.get("parts", []))],
                reconciliation_note=b.get("reconciliation_note"))
        # A model's unit is named as in its documents: read it at its first document's date.
        dates = [self.dataset.documents[d].date for d in data["sources"]
                 if d in self.dataset.documents and self.dataset.documents[d].date]
        on = min(dates) if dates else dt.date(data["year"], 1, 1)
        model = r.Model(
            id=data["id"], name=data["name"], unit=self.unit(raw, data["unit"], on, "unit"),
            implementer=data.get("implementer"), year=data["year"], level=data["level"],
            field=data.get("field"), status=data["status"], description=data.get("description"),
            place=data.get("place"), responsible=data.get("responsible"), budget=budget,
            indicators=self._figures(raw, data.get("indicators"), "indicators"),
            sources=self.refer_all("document", data["sources"], raw, "sources"),
            note=data.get("note"), origin=self.origin(raw))
        self.dataset.models[model.id] = model

    def _deadlines(self, raw: RawRecord, items, on: dt.date, *path) -> list[r.Deadline]:
        return [r.Deadline(
            what=d["what"], date=parse_date(d["date"]),
            time=parse_time(d["time"]) if "time" in d else None, weekday=d.get("weekday"),
            set_by=self.unit(raw, d.get("set_by"), on, *path, i, "set_by"),
            report_to=d.get("report_to"),
            source=self.refer("document", d.get("source"), raw, *path, i, "source"))
            for i, d in enumerate(items or [])]

    def _event(self, raw: RawRecord, data: Mapping, on: dt.date, *path) -> r.Event:
        return r.Event(
            name=data["name"], source=self.refer("document", data["source"], raw, *path, "source"),
            date=parse_date(data["date"]) if "date" in data else None,
            time=parse_time(data["time"]) if "time" in data else None,
            place=data.get("place"), host=self.unit(raw, data.get("host"), on, *path, "host"),
            summary=data.get("summary"), figures=self._totals(raw, data.get("figures"), *path, "figures"),
            resources_total=self.quantity(raw, data.get("resources_total"), MONEY, *path, "resources_total"),
            resources=[r.Resource(
                name=item["name"],
                value=self.quantity(raw, item["value"], MONEY, *path, "resources", i, "value") or Quantity(0),
                quantity=self.quantity(raw, item.get("quantity"), DECIMAL, *path, "resources", i, "quantity"),
                unit_of_measure=item.get("unit_of_measure"))
                for i, item in enumerate(data.get("resources", []))],
            reconciliation_note=data.get("reconciliation_note"))

    def add_peak_day(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if not self.claim_id("peak_day", data["id"], raw):
            return
        on = parse_date(data["date"])
        tracks = []
        for i, t in enumerate(data["tracks"]):
            tracks.append(r.Track(
                id=t["id"], name=t["name"], scope=t.get("scope"), summary=t.get("summary"),
                totals=self._totals(raw, t.get("totals"), "tracks", i, "totals"),
                highlighted_units=self.units(raw, t.get("highlighted_units"), on, "tracks", i, "highlighted_units")))
        late = data.get("late_reporters")
        peak_day = r.PeakDay(
            id=data["id"], name=data["name"], date=on, weekday=data.get("weekday"),
            campaign=self.refer("campaign", data["campaign"], raw, "campaign"),
            organiser=self.unit(raw, data["organiser"], on, "organiser"),
            directive=self.refer("document", data.get("directive"), raw, "directive"),
            summary=data.get("summary"), tracks=tracks,
            central_event=self._event(raw, data["central_event"], on, "central_event") if "central_event" in data else None,
            events=[self._event(raw, e, on, "events", i) for i, e in enumerate(data.get("events", []))],
            deadlines=self._deadlines(raw, data.get("deadlines"), on, "deadlines"),
            late_reporters=r.LateReporters(
                self.units(raw, late["units"], on, "late_reporters", "units"),
                self.refer("document", late["source"], raw, "late_reporters", "source"),
                late.get("note")) if late else None,
            sources=self.refer_all("document", data["sources"], raw, "sources"),
            origin=self.origin(raw))
        self.dataset.peak_days[peak_day.id] = peak_day

    def _results_peak_day(self, table: str) -> str | None:
        """The peak day id a results file is named after: its name, or the longest peak day id
        (valid or not) it begins with, followed by "-", "_", "." or a space."""
        if table not in self._table_ids:
            ids = [*self.dataset.peak_days, *self.invalid_ids.get("peak_day", ()),
                   *self.unreadable.get("peak_day", {})]
            found = [i for i in ids if table == i or (table.startswith(i) and table[len(i)] in "-_. ")]
            self._table_ids[table] = max(found, key=len) if found else None
        return self._table_ids[table]

    def _by_name(self, value: str, vocabulary: str, names: dict[str, str], prefix: bool) -> str | None:
        """The id whose name (``names``: id → name) has ``value`` as slug; with ``prefix`` (a name
        as typed), else the one id whose name's slug begins with it ("Đội hình" for
        "Đội hình (tổ, đội, nhóm)"). The slugs of a ``vocabulary`` are made once, not per row."""
        if value in names:
            return value
        slugs = self._name_slugs.get(vocabulary)
        if slugs is None:
            slugs = self._name_slugs[vocabulary] = {slugify(name): id_ for id_, name in names.items()}
        if value in slugs:
            return slugs[value]
        starting = {id_ for slug, id_ in slugs.items() if slug.startswith(value + "-")} if prefix else set()
        return starting.pop() if len(starting) == 1 else None

    def add_result(self, raw: RawRecord) -> None:
        data = raw.data
        typed = getattr(data, "typed", {})  # track and indicator as typed, when given by name
        day_id = self._results_peak_day(raw.table)
        peak_day = self.dataset.peak_days.get(day_id) if day_id else None
        if peak_day is None and day_id:
            return  # its peak day has errors of its own
        if peak_day is None:
            if raw.file not in self._orphan_result_files:  # one problem per file, not per row
                self._orphan_result_files.add(raw.file)
                ids = list(self.dataset.peak_days)
                shown = ", ".join(ids) or "(chưa có Ngày cao điểm nào)"
                if raw.file.endswith(".xlsx"):
                    self.report.add("sheet-file-name", Place(raw.file, 1), name=Path(raw.file).name,
                                    suggestion=did_you_mean(raw.table, ids), ids=shown,
                                    example=f"{ids[0] if ids else 'MÃ-NGÀY-CAO-ĐIỂM'}-vinh-long.xlsx")
                else:
                    self.report.add("unknown-reference", Place(raw.file, 1), what="Ngày cao điểm",
                                    value=raw.table,
                                    suggestion=did_you_mean(raw.table, ids) +
                                    "Tên tệp kết quả phải là (hoặc bắt đầu bằng) mã của một Ngày cao điểm "
                                    f"trong data/peak-days/: {shown}. ")
            return
        track = self._by_name(data["track"], f"tracks of {peak_day.id}", {t.id: t.name for t in peak_day.tracks},
                              "track" in typed)
        if track is None:
            tracks = [t.id for t in peak_day.tracks]
            shown = typed.get("track", data["track"])
            self.report.add("unknown-reference", self.place(raw, "track"), what="mặt hoạt động",
                            value=shown, suggestion=did_you_mean(shown, tracks + [t.name for t in peak_day.tracks]) +
                            f"Các mặt hoạt động của Ngày cao điểm này: {', '.join(tracks)}. ")
            return
        code = data["indicator"]
        if code not in self.dataset.indicators:  # a name, or a code to report later
            labels = {code: indicator.label for code, indicator in self.dataset.indicators.items()}
            code = self._by_name(data["indicator"], "indicators", labels, "indicator" in typed)
        if code is None and "indicator" in typed:
            shown = typed["indicator"]
            self.report.add("unknown-indicator", self.place(raw, "indicator"), value=shown,
                            suggestion=did_you_mean(shown, [*labels, *labels.values()]))
            return
        code = self.refer("indicator", code or data["indicator"], raw, "indicator")
        unit = self.unit(raw, data["unit"], peak_day.date, "unit")
        value = self.quantity(raw, data["value"], self.indicator_kind(code), "value")
        if unit is None or value is None:
            return
        peak_day.results.append(r.UnitResult(
            peak_day=peak_day.id, unit=unit, track=track, indicator=code, value=value,
            source=self.refer("document", data["source"], raw, "source"), note=data.get("note"),
            origin=self.origin(raw)))

    def add_plan(self, raw: RawRecord) -> None:
        data = raw.data
        self.check_file_name(raw)
        if not self.claim_id("plan", data["id"], raw):
            return
        document = self.dataset.documents.get(data["document"])
        on = document.date if document and document.date else dt.date(data["year"], 1, 1)
        plan = r.Plan(
            id=data["id"], document=self.refer("document", data["document"], raw, "document"),
            unit=self.unit(raw, data["unit"], on, "unit"), year=data["year"], title=data["title"],
            summary=data.get("summary"),
            campaign=self.refer("campaign", data.get("campaign"), raw, "campaign"),
            peak_day=self.refer("peak_day", data.get("peak_day"), raw, "peak_day"),
            purposes=list(data.get("purposes", [])),
            contents=[r.Content(c["heading"], c["text"], c.get("field")) for c in data.get("contents", [])],
            tasks=[r.Task(t["text"], t.get("responsible")) for t in data.get("tasks", [])],
            targets=[r.Target(t["label"], self.refer("indicator", t.get("indicator"), raw, "targets", i, "indicator"),
                              self.quantity(raw, t.get("value"), self.indicator_kind(t.get("indicator")),
                                            "targets", i, "value"),
                              t.get("note"))
                     for i, t in enumerate(data.get("targets", []))],
            models=self.refer_all("model", data.get("models"), raw, "models"),
            deadlines=self._deadlines(raw, data.get("deadlines"), on, "deadlines"),
            origin=self.origin(raw))
        self.dataset.plans[plan.id] = plan

    def check_references(self) -> None:
        for kind, value, raw, path in self._pending_refs:
            known = (self.dataset.indicators if kind == "indicator"
                     else getattr(self.dataset, REFERENCE_KINDS[kind][0]))
            if value in known or value in self.invalid_ids.get(kind, ()):
                continue
            place = self.place(raw, *path)
            if value in self.unreadable.get(kind, {}):  # its file is there but could not be read
                self.report.add("reference-unreadable", place, value=value, file=self.unreadable[kind][value])
            elif kind == "indicator":
                self.report.add("unknown-indicator", place, value=value,
                                suggestion=did_you_mean(value, list(known)))
            elif kind == "document":
                self.report.add("unknown-document", place, value=value,
                                suggestion=did_you_mean(value, list(known)))
            else:
                self.report.add("unknown-reference", place, what=REFERENCE_KINDS[kind][1], value=value,
                                suggestion=did_you_mean(value, list(known)))


def build_dataset(raws: list[RawRecord], reference_dir: Path, report: Report,
                  invalid_ids: dict[str, set[str]] | None = None,
                  unreadable: dict[str, dict[str, str]] | None = None) -> r.Dataset:
    return DatasetBuilder(reference_dir, report, invalid_ids, unreadable).build(raws)
