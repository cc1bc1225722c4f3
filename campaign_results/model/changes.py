"""What a publish changed: the records it added, changed or removed, with their headline
figures. Made by ``data_changes.py`` from the history of data/; shown by the render stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import kinds

ADDED, CHANGED, REMOVED = "thêm", "sửa", "xoá"
# The kinds in the order a publish lists its changes.
KIND_ORDER = ("model", "peak_day", "document", "campaign", "plan", "unit", "result", "indicator")


@dataclass(frozen=True)
class FigureChange:
    label: str
    before: str | None  # None: the figure is new
    after: str | None   # None: the figure was removed


@dataclass
class RecordChange:
    action: str                     # ADDED, CHANGED or REMOVED
    kind: str                       # one of KIND_ORDER
    record_id: str                  # for results: the peak day's id
    name: str                       # for results: the unit's name
    figures: list[FigureChange] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # other fields that changed, by key

    @property
    def lead(self) -> str:
        """ "Thêm mô hình", "Sửa kết quả": what happened to what, before the record's name."""
        return f"{self.action.capitalize()} {kinds.noun(self.kind)}"

    @property
    def shown_name(self) -> str:
        return self.name if self.kind == "result" else f"“{self.name}”"

    @property
    def details(self) -> str:
        """The headline figures ("Đội hình 612 → 620; …"), or the other fields that changed."""
        if self.action == REMOVED:
            return ""
        shown = [figure_text(f) for f in self.figures[:3]]
        if len(self.figures) > 3:
            shown.append(f"và {len(self.figures) - 3} số liệu khác")
        if not shown and self.fields:
            shown.append("sửa " + ", ".join(self.fields))
        return "; ".join(shown)

    @property
    def headline(self) -> str:
        """ "Thêm mô hình “…”: …", "Sửa kết quả Hà Tĩnh: Đội hình 612 → 620"."""
        details = self.details
        return f"{self.lead} {self.shown_name}" + (f": {details}" if details else "")


@dataclass
class Publish:
    """One commit of data/ on the published line, with what it changed."""

    commit: str
    when: dt.datetime
    records: list[RecordChange]


def figure_text(figure: FigureChange) -> str:
    if figure.before is None:
        return f"{figure.label} {figure.after}"
    if figure.after is None:
        return f"bỏ {figure.label} ({figure.before})"
    return f"{figure.label} {figure.before} → {figure.after}"
