"""Tables for pages: what goes in each cell, and the value it sorts by.

A cell holds its HTML (already escaped) and a sort key, so that a column of
"1.250", "hơn 7.152" or "17,5 tỷ đồng" sorts by value, not by text. The
template ``_macros.md.j2`` turns a :class:`Table` into HTML; the small script
in ``content/assets/site.js`` sorts it in the browser. A table longer than
SHOWN_ROWS keeps its first rows in the page and the others in a file that
the script loads when the reader asks for all rows, sorts, filters or
downloads the table, so that a catalogue of thousands stays light on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..numbers import Quantity
from .. import format as fmt
from .safe import h


@dataclass(frozen=True)
class Cell:
    html: str                  # Markup; anything else is taken as text and escaped
    sort: str | None = None    # numeric sort key; None sorts as text
    text: str | None = None    # plain value for the CSV/data attributes; defaults to the shown text
    numeric: bool = False
    note: bool = False         # a remark: left out of the printed report

    def __post_init__(self) -> None:
        object.__setattr__(self, "html", h(self.html))


SHOWN_ROWS = 100  # a longer table shows these in its page; the others load when asked for
MIN_ROWS_TO_SORT = 4


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    caption: str | None = None
    row_attributes: list[dict[str, str]] = field(default_factory=list)  # e.g. data-year for filters
    sortable: bool = True  # sort buttons on its headers, when it has MIN_ROWS_TO_SORT rows or more
    more_rows: str | None = None  # for a long table: the link to the file of its other rows
    source: str | None = None  # Markup: the source of every row, said once under the table

    def lift_source(self) -> None:
        """When every row cites the same source (the last column), say it once under the table
        instead of in every row: on a phone each row is a card, and the repeated line doubles it."""
        if not self.rows or len({row[-1].html for row in self.rows}) != 1:
            return
        self.source = self.rows[0][-1].html
        self.columns = self.columns[:-1]
        self.rows = [row[:-1] for row in self.rows]

    @property
    def sorts(self) -> bool:
        """Whether the reader can sort it: a table of a few rows is read at a glance."""
        return self.sortable and len(self.rows) >= MIN_ROWS_TO_SORT

    @property
    def shown(self) -> int:
        """How many rows the page itself holds."""
        return SHOWN_ROWS if self.more_rows else len(self.rows)

    def add(self, cells: list[Cell], **attributes: str) -> None:
        self.rows.append(cells)
        self.row_attributes.append(attributes)


def text_cell(value: object) -> Cell:
    return Cell(h(value), text="" if value is None else str(value))


def note_cell(value: object) -> Cell:
    return Cell(h(value), text="" if value is None else str(value), note=True)


def number_cell(value: int | Decimal | None, shown: str | None = None) -> Cell:
    if value is None:
        return Cell("", sort="", numeric=True)
    shown = shown if shown is not None else fmt.number(value)
    return Cell(h(shown), sort=str(value), text=shown, numeric=True)


def quantity_cell(q: Quantity | None, kind: str = "count") -> Cell:
    if q is None:
        return Cell("", sort="", numeric=True)
    return number_cell(q.value, fmt.quantity(q, kind))


def percent_cell(value: Decimal | None) -> Cell:
    if value is None:
        return Cell("", sort="", numeric=True)
    return Cell(h(fmt.percent(value)), sort=str(value), text=fmt.percent(value), numeric=True)


def date_cell(value) -> Cell:
    if value is None:
        return Cell("", sort="")
    return Cell(h(fmt.date(value)), sort=value.isoformat(), text=fmt.date(value))
