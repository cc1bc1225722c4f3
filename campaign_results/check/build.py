"""Turning schema-checked raw records into the typed, linked :class:`Dataset`.

Each record is read in one pass over the schema of its kind (``kinds.py``): every field once,
by what its schema declares (``x-record``, ``x-unit``, ``x-ref``, ``x-number``…), knowing its
path. This is where names become ids: unit names are resolved at the record's date (``x-on``),
and every reference (document, indicator, campaign, peak day, track, model) is looked up once
all records are read. What does not resolve becomes a problem with the line it was written
on; numbers are read with the kind of their indicator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from .. import kinds
from ..dates import parse_date, parse_time
from ..load.discover import RawRecord, peak_day_of_table
from ..load.yaml_file import Mapping
from ..model import records as r
from ..model.units import UnitRegistry, load_provinces, unit_from_record
from ..numbers import ANY, DECIMAL, NumberError, Quantity, parse_percent, parse_quantity
from ..problems import Place, Report, did_you_mean
from ..text import slugify
from .schema import place_of

# Each kind after the kinds its records name (a model's unit is read at its documents' dates).
BUILD_ORDER = ("indicator", "unit", "document", "campaign", "model", "peak_day", "result", "plan")


@dataclass(frozen=True)
class _ObjectPlan:
    fields: tuple  # (name, field plan, required)
    make: Callable  # the record type, or a plain namespace for an object without x-record


_PLANS: dict[int, tuple[dict, _ObjectPlan]] = {}  # id of a schema node → (the node, kept alive; its plan)


def _object_plan(node: dict) -> _ObjectPlan:
    """How the fields of an object are read, decided once per schema node."""
    known = _PLANS.get(id(node))
    if known is None or known[0] is not node:
        spec = kinds.view(node)
        required = set(spec.get("required", ()))
        fields = tuple((name, _field_plan(field), name in required)
                       for name, field in kinds.properties(node).items())
        make = r.record_type(spec["x-record"]) if "x-record" in spec else SimpleNamespace
        known = _PLANS[id(node)] = (node, _ObjectPlan(fields, make))
    return known[1]


def _field_plan(spec: dict) -> tuple:
    """How a field is read, decided once from its schema: (how, detail)."""
    if spec.get("type") == "array":
        items = kinds.view(spec["items"])
        if "x-ref" in spec:
            items = {**items, "x-ref": spec["x-ref"]}
        return "list", _field_plan(items)
    if "properties" in spec:
        return "object", spec
    if spec.get("x-unit"):
        return "unit", None
    if "x-ref" in spec:
        return "ref", spec["x-ref"]
    if "x-number" in spec:
        return "number", spec["x-number"]
    for keyword, read in (("x-date", parse_date), ("x-time", parse_time), ("x-percent", parse_percent)):
        if spec.get(keyword):
            return "read", read
    return "plain", spec.get("default")


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

    # --- reading a record by its schema ---------------------------------------

    def on_date(self, rule: dict, data: Mapping) -> dt.date | None:
        """The date a record's unit names are read at (its schema's ``x-on``): its own date; the
        earliest date of the documents it names, or of its document; else 1 January of its year."""
        if "date" in rule:
            return parse_date(data[rule["date"]]) if rule["date"] in data else None
        documents = self.dataset.documents
        if "documents" in rule:
            dates = [documents[d].date for d in data[rule["documents"]] if d in documents and documents[d].date]
            if dates:
                return min(dates)
        if "document" in rule:
            document = documents.get(data[rule["document"]])
            if document and document.date:
                return document.date
        return dt.date(data[rule["year"]], 1, 1) if "year" in rule else None

    def record(self, raw: RawRecord, node: dict, data: Mapping, path: tuple, on: dt.date | None,
               given: dict | None = None):
        """The typed record of an object ``data`` declared by ``node``, each field read once by
        its schema, and whether every required field could be read. ``given``: fields already
        read by the caller (and where the record is)."""
        plan = _object_plan(node)
        fields = dict(given) if given else {}
        complete = True
        indicator = fields.get("indicator", data.get("indicator"))  # gives its kind to a quantity
        for name, field_plan, required in plan.fields:
            if name in fields:
                continue
            value = data.get(name)
            if field_plan[0] == "plain":  # most fields: text as written (checked by the schema)
                value = field_plan[1] if value is None else value
            else:
                value = self.value(raw, field_plan, value, (*path, name), on, indicator)
            fields[name] = value
            if value is None and required:
                complete = False
        return plan.make(**fields), complete

    def value(self, raw: RawRecord, plan: tuple, value, path: tuple, on: dt.date | None, indicator=None):
        """One field's value, read as its schema declares (its plan, :func:`_field_plan`): a list
        item by item (leaving out the items that could not be read: their problem is reported),
        an object as a record, a unit resolved at ``on``, a reference noted for checking, a
        number of its indicator's kind, a date, a time, a percentage."""
        how, detail = plan
        if value is None:
            return [] if how == "list" else detail if how == "plain" else None
        if how == "plain":
            return value
        if how == "list":
            read = [self.value(raw, detail, item, (*path, i), on) for i, item in enumerate(value)]
            return [item for item in read if item is not None]
        if how == "object":
            made, complete = self.record(raw, detail, value, path, on)
            return made if complete else None
        if how == "unit":
            return self.unit(raw, value, on, *path)
        if how == "ref":
            return self.refer(detail, value, raw, *path)
        if how == "number":
            return self.quantity(raw, value, self.indicator_kind(indicator) if detail == ANY else detail, *path)
        return detail(value)  # a date, time or percentage, already checked by the schema stage

    # --- the build ----------------------------------------------------------

    def build(self, raws: list[RawRecord]) -> r.Dataset:
        by_kind: dict[str, list[RawRecord]] = {}
        for raw in raws:
            by_kind.setdefault(raw.kind, []).append(raw)
        for kind in BUILD_ORDER:  # each kind after the kinds its records name
            add = {"unit": self.add_unit, "result": self.add_result}.get(kind, partial(self.add_record, kind))
            for raw in by_kind.get(kind, []):
                add(raw)
        self.check_references()
        return self.dataset

    def add_record(self, kind: str, raw: RawRecord) -> None:
        data = raw.data
        key = kinds.key(kind)
        if key == "id":  # a record in a file of its own, named after its id
            self.check_file_name(raw)
        if not self.claim_id(kind, data[key], raw, key):
            return
        node = kinds.schema(kind)
        on = self.on_date(node.get("x-on", {}), data)
        record, _ = self.record(raw, node, data, (), on, {"origin": self.origin(raw)})
        getattr(self.dataset, kinds.collection(kind))[data[key]] = record

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

    def _results_peak_day(self, table: str) -> str | None:
        """The peak day id (valid or not) a results file is named after."""
        if table not in self._table_ids:
            ids = [*self.dataset.peak_days, *self.invalid_ids.get("peak_day", ()),
                   *self.unreadable.get("peak_day", {})]
            self._table_ids[table] = peak_day_of_table(table, ids)
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
        result, complete = self.record(raw, kinds.schema("result"), data, (), peak_day.date, {
            "track": track, "indicator": code, "peak_day": peak_day.id, "origin": self.origin(raw)})
        if complete:
            peak_day.results.append(result)

    def check_references(self) -> None:
        for kind, value, raw, path in self._pending_refs:
            known = getattr(self.dataset, kinds.collection(kind))
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
                self.report.add("unknown-reference", place, what=kinds.noun(kind), value=value,
                                suggestion=did_you_mean(value, list(known)))


def build_dataset(raws: list[RawRecord], reference_dir: Path, report: Report,
                  invalid_ids: dict[str, set[str]] | None = None,
                  unreadable: dict[str, dict[str, str]] | None = None) -> r.Dataset:
    return DatasetBuilder(reference_dir, report, invalid_ids, unreadable).build(raws)
