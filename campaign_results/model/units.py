"""Units: the provinces of both systems and the units that are not provinces.

Vietnam had 63 provinces until 30/6/2025 and has 34 since 1/7/2025.
A record names a unit as its document did ("Bến Tre", "Tỉnh đoàn Trà Vinh",
"TP. Hồ Chí Minh"); the name is read in the system in force on the record's
date. Ids: ``ben-tre`` for a province of the 63, ``vinh-long-2025`` for one of
the 34, and the file name for units in ``data/units/``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import format_date
from ..problems import did_you_mean
from ..text import fold, slugify

MERGER_DATE = dt.date(2025, 7, 1)
SYSTEM_63 = "63"
SYSTEM_34 = "34"

# Words before a province's name in documents: "Tỉnh đoàn Bến Tre", "TP. Hồ Chí Minh".
_PREFIX = re.compile(r"^(ban thuong vu |bch )?(tinh doan|thanh doan|tinh|thanh pho|tp)\s+")


@dataclass
class Unit:
    id: str
    name: str                 # official name: "Tỉnh Bến Tre", "Ban Thanh niên Công an nhân dân"
    short_name: str           # name for lists and titles: "Bến Tre"
    kind: str                 # "tinh", "thanh-pho", "trung-uong" or "doan-truc-thuoc"
    system: str | None = None  # SYSTEM_63, SYSTEM_34, or None for units that are not provinces
    code: str | None = None   # GSO code, meaningful only with its system
    region: str | None = None
    successor: str | None = None              # 63-system province → its 34-system province
    predecessors: list[str] = field(default_factory=list)  # 34-system province → its 63 ones
    aliases: list[str] = field(default_factory=list)
    file: str | None = None   # record file for units from data/units/

    @property
    def is_province(self) -> bool:
        return self.system is not None


@dataclass
class Resolution:
    unit: Unit | None
    problem: str | None = None  # "unknown-unit", or "province-merged" and the like (_wrong_period)
    params: dict = field(default_factory=dict)


def name_key(name: str) -> str:
    """The folded key a unit name is matched on, without "Tỉnh", "TP." and the like."""
    return _PREFIX.sub("", fold(name)).strip()


def _short(name: str) -> str:
    return re.sub(r"^(Tỉnh|Thành phố)\s+", "", name)


def _kind(name: str) -> str:
    return "thanh-pho" if name.startswith("Thành phố") else "tinh"


class UnitRegistry:
    """Every unit, found by id or by name at a date."""

    def __init__(self) -> None:
        self.by_id: dict[str, Unit] = {}
        self._by_key: dict[str, list[Unit]] = {}

    def add(self, unit: Unit) -> None:
        self.by_id[unit.id] = unit
        for name in {unit.name, unit.short_name, *unit.aliases}:
            bucket = self._by_key.setdefault(name_key(name), [])
            if unit not in bucket:
                bucket.append(unit)

    def provinces(self, system: str) -> list[Unit]:
        return [u for u in self.by_id.values() if u.system == system]

    def resolve(self, name: str, on: dt.date | None) -> Resolution:
        """The unit ``name`` meant on date ``on``, or why none fits.

        Without a date (an undated document) the name is read in the 63-province
        system first, since undated records are old ones. A province given by its id
        obeys the same rule as one given by its name: ``ben-tre`` is refused on a
        record dated from 1/7/2025, ``vinh-long-2025`` on one dated before.
        """
        if name in self.by_id:
            unit = self.by_id[name]
            if on is None or unit.system in (None, system_on(on)):
                return Resolution(unit)
            return self._wrong_period(name, unit, on, by_id=True)
        candidates = self._by_key.get(name_key(name), [])
        if on is None:
            ordered = sorted(candidates, key=lambda u: u.system != SYSTEM_63)
            if ordered:
                return Resolution(ordered[0])
            on = MERGER_DATE
        system = system_on(on)
        fitting = [u for u in candidates if u.system in (system, None)]
        if fitting:
            return Resolution(fitting[0])
        if candidates:
            return self._wrong_period(name, candidates[0], on, by_id=False)
        names = sorted({u.short_name for u in self.by_id.values() if u.system in (system, None)})
        return Resolution(None, "unknown-unit",
                          {"value": name, "suggestion": did_you_mean(name_key(name), names)})

    def _wrong_period(self, value: str, unit: Unit, on: dt.date, by_id: bool) -> Resolution:
        """Why ``unit`` (a province of the other system), written as ``value``, does not fit a
        record dated ``on``: a province-… problem of the catalogue, for a name or an id alike."""
        shared = {"value": value, "merger": format_date(MERGER_DATE), "date": format_date(on)}
        if unit.system == SYSTEM_63 and unit.successor:
            successor = self.by_id[unit.successor]
            return Resolution(None, "province-id-merged" if by_id else "province-merged", {
                **shared, "province": unit.short_name, "successor": successor.name,
                "successor_short": successor.short_name, "successor_id": successor.id,
            })
        if by_id:
            return Resolution(None, "province-id-before-merger", {
                **shared, "province": unit.name, "province_short": unit.short_name,
                "predecessors": ", ".join(self.by_id[i].short_name for i in unit.predecessors),
            })
        return Resolution(None, "province-before-merger", shared)


def system_on(on: dt.date) -> str:
    """The province system in force on date ``on``."""
    return SYSTEM_63 if on < MERGER_DATE else SYSTEM_34


def load_provinces(reference_dir: Path, registry: UnitRegistry) -> None:
    """Add the 63 provinces (until 30/6/2025) and the 34 (from 1/7/2025)."""
    new_ids: dict[str, str] = {}
    with open(reference_dir / "provinces_34.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            short = _short(row["name"])
            unit = Unit(id=slugify(short) + "-2025", name=row["name"], short_name=short,
                        kind=_kind(row["name"]), system=SYSTEM_34, code=row["code"])
            new_ids[row["code"]] = unit.id
            registry.add(unit)
    with open(reference_dir / "provinces_63_extended.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = [row["name_until_2024_12_31"]] if row["name_until_2024_12_31"] != row["name"] else []
            aliases += [_short(alias) for alias in aliases]
            unit = Unit(id=slugify(row["short_name"]), name=row["name"], short_name=row["short_name"],
                        kind=_kind(row["name"]), system=SYSTEM_63, code=row["code"],
                        region=row["region"], successor=new_ids[row["new_code_2025"]],
                        aliases=aliases)
            registry.add(unit)
            registry.by_id[unit.successor].predecessors.append(unit.id)


def unit_from_record(data: dict, file: str | None = None) -> Unit:
    """A unit that is not a province, from its record in data/units/ (checked by its schema)."""
    return Unit(id=data["id"], name=data["name"], short_name=data["name"], kind=data["kind"],
                aliases=list(data.get("aliases", [])), file=file)
