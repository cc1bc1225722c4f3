"""The typed records the site is built from.

Every value here has been checked: units are resolved to ids, numbers are
exact (``int`` for counts and đồng, ``Decimal`` for measures), dates are
dates. Each record keeps the file and line it came from, for error messages
and for "where does this number come from" links.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..numbers import Quantity
from .units import Unit, UnitRegistry


@dataclass
class Origin:
    """Where a record was written: its file, first line, and parsed tree (for field lines)."""

    file: str
    line: int | None = None
    tree: object = field(default=None, repr=False, compare=False)


@dataclass
class Indicator:
    """An entry of the indicator vocabulary (data/indicators.csv)."""

    code: str
    label: str
    unit: str        # unit of measure: "người", "đội hình", "đồng", "km"
    kind: str        # numbers.COUNT, MONEY or DECIMAL
    description: str | None
    origin: Origin


@dataclass
class NumberVariant:
    number: str
    cited_in: str  # document id
    note: str | None = None


@dataclass
class Signer:
    name: str
    title: str | None = None
    on_behalf_of: str | None = None


@dataclass
class Document:
    """A source document (văn bản): the provenance of every figure."""

    id: str
    number: str | None
    type: str
    issuer: str                # unit id
    title: str
    date: dt.date | None
    date_note: str | None
    issuing_body: str | None
    place: str | None
    signer: Signer | None
    recipients: list[str]
    summary: str | None
    cites: list[str]
    number_variants: list[NumberVariant]
    held: bool
    origin: Origin


@dataclass
class Figure:
    """One indicator of a model: what was targeted and what was achieved."""

    indicator: str
    target: Quantity | None = None
    result: Quantity | None = None
    scope: str | None = None        # e.g. "cấp huyện" when one indicator is split by level
    stated_percent: Decimal | None = None  # the share the document states, e.g. 116,6
    note: str | None = None
    source: str | None = None

    @property
    def percent(self) -> Decimal | None:
        """Result as a share of target, in percent, or None without both."""
        if self.target is None or self.result is None or not self.target.value:
            return None
        return Decimal(self.result.value) * 100 / Decimal(self.target.value)


@dataclass
class Total:
    """A stated figure: a national total, an event's output."""

    indicator: str
    value: Quantity
    scope: str | None = None
    note: str | None = None
    source: str | None = None


@dataclass
class BudgetPart:
    label: str
    amount: Quantity


@dataclass
class Budget:
    amount: Quantity | None
    text: str | None
    parts: list[BudgetPart]
    reconciliation_note: str | None


@dataclass
class Model:
    """A "Dân vận khéo" model."""

    id: str
    name: str
    unit: str
    implementer: str | None
    year: int
    level: str
    field: str | None
    status: str
    description: str | None
    place: str | None
    responsible: str | None
    budget: Budget | None
    indicators: list[Figure]
    sources: list[str]
    note: str | None
    origin: Origin


@dataclass
class Campaign:
    id: str
    name: str
    year: int
    organiser: str
    description: str | None
    sources: list[str]
    origin: Origin


@dataclass
class Track:
    """One line of activity of a peak day, with its national totals."""

    id: str
    name: str
    scope: str | None
    summary: str | None
    totals: list[Total]
    highlighted_units: list[str]


@dataclass
class Resource:
    name: str
    value: Quantity
    quantity: Quantity | None = None
    unit_of_measure: str | None = None


@dataclass
class Event:
    name: str
    source: str
    date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    host: str | None = None
    summary: str | None = None
    figures: list[Total] = field(default_factory=list)
    resources_total: Quantity | None = None
    resources: list[Resource] = field(default_factory=list)
    reconciliation_note: str | None = None

    @property
    def resources_sum(self) -> int:
        return sum(int(item.value.value) for item in self.resources)


@dataclass
class Deadline:
    what: str
    date: dt.date
    time: str | None = None
    weekday: str | None = None
    set_by: str | None = None   # unit id
    report_to: str | None = None
    source: str | None = None


@dataclass
class LateReporters:
    units: list[str]
    source: str
    note: str | None = None


@dataclass
class UnitResult:
    """One row of a peak day's results: a unit's figure for one indicator."""

    peak_day: str
    unit: str
    track: str
    indicator: str
    value: Quantity
    source: str
    note: str | None
    origin: Origin


@dataclass
class PeakDay:
    """A Ngày cao điểm: one date, several tracks, per-unit results."""

    id: str
    name: str
    date: dt.date
    weekday: str | None
    campaign: str
    organiser: str
    directive: str | None
    summary: str | None
    tracks: list[Track]
    central_event: Event | None
    events: list[Event]
    deadlines: list[Deadline]
    late_reporters: LateReporters | None
    sources: list[str]
    origin: Origin
    results: list[UnitResult] = field(default_factory=list)

    def track(self, track_id: str) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)


@dataclass
class Content:
    heading: str
    text: str
    field: str | None = None


@dataclass
class Task:
    text: str
    responsible: str | None = None


@dataclass
class Target:
    label: str
    indicator: str | None = None
    value: Quantity | None = None
    note: str | None = None


@dataclass
class Plan:
    """A directive or plan: its tasks, targets and deadlines."""

    id: str
    document: str
    unit: str
    year: int
    title: str
    summary: str | None
    campaign: str | None
    peak_day: str | None
    purposes: list[str]
    contents: list[Content]
    tasks: list[Task]
    targets: list[Target]
    models: list[str]
    deadlines: list[Deadline]
    origin: Origin


@dataclass
class Dataset:
    """Everything under data/, checked and linked."""

    units: UnitRegistry
    indicators: dict[str, Indicator] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    peak_days: dict[str, PeakDay] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        return self.units.by_id[unit_id]
