"""What a change did to the records: added, changed or removed, by name and headline figures.

Two commits are compared file by file under data/: the files that differ are read at both
commits by the load stage (so a YAML record, a CSV row and a workbook row are read exactly as
``check`` reads them), and their records are compared by kind and id. A results row is known by
its peak day, unit, track and indicator, so moving rows from a CSV to a workbook changes
nothing. Names and figures are written with the current dataset's vocabulary (unit names,
indicator labels and kinds, track names) where it knows them; the raw text otherwise.

A change that leaves every record as it was (a comment, the order of keys, "1.025" rewritten as
1025) is no change.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import format, history
from .load.discover import load_records, peak_day_of_table
from .model.changes import ADDED, CHANGED, KIND_ORDER, REMOVED, FigureChange, Publish, RecordChange
from .model.records import Dataset
from .numbers import NumberError, parse_quantity
from .problems import Report
from .text import fold, slugify

NAME_FIELDS = ("name", "title", "number", "label")


def publishes(root: Path, dataset: Dataset | None, shown: int = 30, limit: int = 200) -> list[Publish]:
    """The latest commits that changed records (not only files under data/), newest first."""
    found = []
    for commit in history.data_commits(root, limit):
        records = compare(root, commit.parent, commit.id, dataset)
        if records is None:
            break
        if records:
            found.append(Publish(commit.id, commit.when, records))
            if len(found) == shown:
                break
    return found


def compare(root: Path, old: str | None, new: str, dataset: Dataset | None) -> list[RecordChange] | None:
    """The records commit ``new`` adds, changes or removes compared with commit ``old`` (None: an
    empty repository); None when git cannot tell."""
    files = history.changed_files(root, old, new)
    if files is None:
        return None
    files = [f for f in files if _safe(f.path)]
    blobs = history.read_blobs(root, sorted({b for f in files for b in (f.old_blob, f.new_blob) if b}))
    namer = _Namer(dataset)
    before = namer.records(_load({f.path: blobs.get(f.old_blob) for f in files if f.old_blob}))
    after = namer.records(_load({f.path: blobs.get(f.new_blob) for f in files if f.new_blob}))
    changes = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (KIND_ORDER.index(k[0]), k[1:])):
        old_record, new_record = before.get(key), after.get(key)
        if old_record == new_record:
            continue
        shown = new_record or old_record
        action = ADDED if old_record is None else REMOVED if new_record is None else CHANGED
        change = RecordChange(action, key[0], shown.record_id, shown.name)
        old_figures = old_record.figures if old_record else {}
        new_figures = new_record.figures if new_record else {}
        if action != REMOVED:
            change.figures = [FigureChange(label, old_figures.get(label) if old_record else None,
                                           new_figures.get(label))
                              for label in [*new_figures, *(k for k in old_figures if k not in new_figures)]
                              if old_figures.get(label) != new_figures.get(label) or action == ADDED]
        if action == CHANGED:
            change.fields = sorted(k for k in old_record.fields.keys() | new_record.fields.keys()
                                   if old_record.fields.get(k) != new_record.fields.get(k))
            if not change.figures and not change.fields:
                continue
        changes.append(change)
    return changes


def _safe(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) > 1 and parts[0] == "data" and ".." not in parts


def _load(files: dict[str, bytes | None]):
    """The raw records of ``files`` (path → content), read by the load stage."""
    with tempfile.TemporaryDirectory(prefix="thay-doi-") as temp:
        root = Path(temp)
        paths = []
        for path, content in files.items():
            if content is None:
                continue
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            paths.append(target)
        return load_records(root / "data", root, Report(), sorted(paths))


@dataclass
class _Record:
    record_id: str
    name: str
    figures: dict[str, str]   # label → figure as shown
    fields: dict[str, object]  # every other field, as plain data


class _Namer:
    """Raw records → comparable records, named with the current dataset's vocabulary."""

    def __init__(self, dataset: Dataset | None) -> None:
        self.dataset = dataset

    def records(self, raw_records) -> dict[tuple, _Record]:
        found: dict[tuple, _Record] = {}
        for raw in raw_records:
            data = _plain(raw.data)
            if raw.kind == "result":
                self._result(found, raw.table or "", data)
            elif raw.kind == "indicator":
                code = str(data.get("code", ""))
                found[("indicator", code)] = _Record(code, str(data.get("label") or code), {}, data)
            else:
                record_id = str(data.get("id") or Path(raw.file).stem)
                name = next((str(data[k]) for k in NAME_FIELDS if data.get(k)), record_id)
                figures = self._figures(raw.kind, data)
                found[(raw.kind, record_id)] = _Record(record_id, " ".join(name.split()), figures,
                                                       _without_figures(raw.kind, data))
        return found

    # --- vocabulary -------------------------------------------------------------------------
    def _indicator(self, code: object) -> tuple[str, str]:
        """(label, kind) of an indicator given by code or by name."""
        indicators = self.dataset.indicators if self.dataset else {}
        text = str(code or "")
        found = indicators.get(text) or next(
            (i for i in indicators.values() if slugify(i.label) == slugify(text)), None)
        return (found.label, found.kind) if found else (text, "count")

    def _number(self, raw: object, kind: str) -> str:
        try:
            return format.quantity(parse_quantity(raw, kind), kind)
        except (NumberError, ValueError, TypeError, ArithmeticError):
            return " ".join(str(raw).split())

    def _peak_day(self, table: str):
        days = self.dataset.peak_days if self.dataset else {}
        found = peak_day_of_table(table, days)
        return days[found] if found else None

    def _unit(self, name: str, on: dt.date | None) -> tuple[str, str]:
        """(key, name) of a unit as written in a record."""
        if self.dataset:
            unit = self.dataset.units.resolve(name, on).unit
            if unit:
                return unit.id, unit.short_name
        return fold(name), name

    # --- figures by kind --------------------------------------------------------------------
    def _figures(self, kind: str, data: dict) -> dict[str, str]:
        figures: dict[str, str] = {}
        if kind == "model":
            for item in _items(data.get("indicators")):
                label, number_kind = self._indicator(item.get("indicator"))
                label += f" ({item['scope']})" if item.get("scope") else ""
                for key, prefix in (("result", ""), ("target", "chỉ tiêu ")):
                    if key in item:
                        figures[prefix + label] = self._number(item[key], number_kind)
        elif kind == "peak_day":
            for track in _items(data.get("tracks")):
                for total in _items(track.get("totals")):
                    label, number_kind = self._indicator(total.get("indicator"))
                    label += f" ({total['scope']})" if total.get("scope") else ""
                    figures[f"{track.get('name') or track.get('id')}: {label}"] = \
                        self._number(total.get("value"), number_kind)
        elif kind == "plan":
            for target in _items(data.get("targets")):
                if "value" in target:
                    kind_of = self._indicator(target.get("indicator"))[1] if target.get("indicator") else "any"
                    figures[str(target.get("label"))] = self._number(target["value"], kind_of)
        return figures

    def _result(self, found: dict, table: str, row: dict) -> None:
        peak_day = self._peak_day(table)
        day_id = peak_day.id if peak_day else table
        unit_key, unit_name = self._unit(str(row.get("unit", "")), peak_day.date if peak_day else None)
        label, number_kind = self._indicator(row.get("indicator"))
        track = str(row.get("track", ""))
        if peak_day:
            known = next((t for t in peak_day.tracks if track in (t.id, slugify(t.name))), None)
            track = known.name if known else track
        record = found.setdefault(("result", day_id, unit_key), _Record(day_id, unit_name, {}, {}))
        record.figures[f"{label} ({track})" if len(peak_day.tracks if peak_day else ()) > 1 else label] = \
            self._number(row.get("value"), number_kind)
        if row.get("note"):
            record.fields.setdefault("note", []).append(str(row["note"]))


def _without_figures(kind: str, data: dict) -> dict:
    """The fields of a record other than the figures ``_figures`` reads, to tell which changed."""
    rest = dict(data)
    if kind == "model":
        rest.pop("indicators", None)
    elif kind == "peak_day":
        rest["tracks"] = [{k: v for k, v in t.items() if k != "totals"} for t in _items(data.get("tracks"))]
    elif kind == "plan":
        rest["targets"] = [{k: v for k, v in t.items() if k != "value"} for t in _items(data.get("targets"))]
    return rest


def _items(value: object) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _plain(value: object) -> object:
    """The parsed tree as plain dicts, lists and scalars (no line numbers), for comparing."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
