"""The typed records the site is built from.

Their fields are declared once, in the JSON Schema of their kind (``schemas/``, read by
``kinds.py``): each object marked ``"x-record": "Name"`` becomes a dataclass of that name whose
fields are its properties, in declared order (:func:`record_type`). This module adds only what
a schema cannot say: behaviour (``Figure.percent``) and the fields the pipeline adds itself
(where a record was written, the results of a peak day).

Every value in a record has been checked: units are resolved to ids, numbers are exact
(:class:`~campaign_results.numbers.Quantity`: ``int`` for counts and đồng, ``Decimal`` for
measures), dates are dates; a field not written is ``None`` (a list: empty).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from .. import kinds
from .units import Unit, UnitRegistry


@dataclass
class Origin:
    """Where a record was written: its file, first line, and parsed tree (for field lines)."""

    file: str
    line: int | None = None
    tree: object = field(default=None, repr=False, compare=False)


# --- what the schemas do not declare ---------------------------------------------

@dataclass(kw_only=True)
class Written:
    """A record kept in a file of its own (or a row of one): it knows where."""

    origin: Origin


@dataclass(kw_only=True)
class FigureBase:
    """One indicator of a model: what was targeted and what was achieved."""

    @property
    def percent(self) -> Decimal | None:
        """Result as a share of target, in percent, or None without both."""
        if self.target is None or self.result is None or not self.target.value:
            return None
        return Decimal(self.result.value) * 100 / Decimal(self.target.value)


@dataclass(kw_only=True)
class EventBase:
    @property
    def resources_sum(self) -> int:
        return sum(int(item.value.value) for item in self.resources if item.value is not None)


@dataclass(kw_only=True)
class PeakDayBase(Written):
    """A Ngày cao điểm: one date, several tracks; its per-unit results come from data/results/."""

    results: list = field(default_factory=list)

    def track(self, track_id: str):
        return next((t for t in self.tracks if t.id == track_id), None)


@dataclass(kw_only=True)
class UnitResultBase(Written):
    """One row of a peak day's results: a unit's figure for one indicator."""

    peak_day: str


BEHAVIOUR = {"Figure": FigureBase, "Event": EventBase, "PeakDay": PeakDayBase, "UnitResult": UnitResultBase,
             "Model": Written, "Document": Written, "Campaign": Written, "Plan": Written, "Indicator": Written}


# --- the records, from their schemas ------------------------------------------------

def record_type(name: str) -> type:
    """The dataclass of the records marked ``"x-record": name`` in the schemas."""
    return _record_type(kinds.SCHEMA_DIR, name)


@lru_cache(maxsize=None)
def _record_type(folder: Path, name: str) -> type:
    node = kinds.record(name)
    required = set(kinds.view(node).get("required", ()))
    fields = []
    for prop, spec in kinds.properties(node).items():
        if prop in required:
            fields.append((prop, object))
        elif spec.get("type") == "array":
            fields.append((prop, list, dataclasses.field(default_factory=list)))
        else:
            fields.append((prop, object, dataclasses.field(default=spec.get("default"))))
    base = BEHAVIOUR.get(name)
    doc = kinds.view(node).get("description") or kinds.view(node).get("title")
    return dataclasses.make_dataclass(name, fields, bases=(base,) if base else (), kw_only=True,
                                      namespace={"__doc__": doc, "__module__": __name__})


def __getattr__(name: str) -> type:
    """``records.Model``, ``records.Figure``…: the record types of the project's schemas."""
    try:
        return record_type(name)
    except KeyError:
        raise AttributeError(name) from None


@dataclass
class Dataset:
    """Everything under data/, checked and linked."""

    units: UnitRegistry
    indicators: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    models: dict = field(default_factory=dict)
    campaigns: dict = field(default_factory=dict)
    peak_days: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        return self.units.by_id[unit_id]

