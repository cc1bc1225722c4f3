"""Numbers, money, shares and dates written the Vietnamese way, for pages.

``1.166`` (thousands with "."), ``157,3`` (decimals with ","), ``17,5 tỷ đồng``,
``116,6%``, ``11/8/2023``. Qualifiers the documents use ("hơn", "khoảng") are
kept in front of the figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from .dates import format_date
from .numbers import Quantity
from .numbers import format_number as number

_BILLION = 1_000_000_000
_MILLION = 1_000_000


def money(dong: int | Decimal) -> str:
    """475000000 → "475 triệu đồng"; 17500000000 → "17,5 tỷ đồng"; small sums in đồng."""
    dong = Decimal(dong)
    if dong >= _BILLION:
        return f"{number(_trim(dong / _BILLION))} tỷ đồng"
    if dong >= _MILLION:
        return f"{number(_trim(dong / _MILLION))} triệu đồng"
    return f"{number(dong)} đồng"


def _trim(value: Decimal) -> Decimal:
    """Up to three decimals, without trailing zeros: 3.600 → 3.6."""
    return value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize()


def percent(value: Decimal | int | None) -> str:
    """116.6 → "116,6%" (one decimal, dropped when whole)."""
    if value is None:
        return ""
    rounded = Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return number(rounded.normalize() if rounded == rounded.to_integral_value() else rounded) + "%"


def quantity(q: Quantity | None, kind: str = "count") -> str:
    """A stated figure with its qualifier: "hơn 7.152", "khoảng 1 tỷ đồng"."""
    if q is None:
        return ""
    shown = money(q.value) if kind == "money" else number(q.value)
    return f"{q.qualifier} {shown}" if q.qualifier else shown


def measured(q: Quantity | None, kind: str, unit: str) -> str:
    """A figure with its unit of measure: "1.025 tuyến", "hơn 5.000 lượt người"; a sum of money
    says its unit already ("17,5 tỷ đồng")."""
    shown = quantity(q, kind)
    return shown if kind == "money" or not shown else f"{shown} {unit}"


def date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def peak_day_label(value: dt.date) -> str:
    """A peak day as pages name it: "Ngày cao điểm 11/8/2023"."""
    return f"Ngày cao điểm {format_date(value)}"


def clock(value: str | None) -> str:
    """"07:30" → "7h30", as the documents write times."""
    if not value:
        return ""
    hour, minute = value.split(":")
    return f"{int(hour)}h{minute}"


def counts(*pairs: tuple[int, str], none: str = "") -> str:
    """Counts in words, leaving out what there is none of: ((3, "mô hình"), (0, "Ngày cao điểm")) →
    "3 mô hình"; ``none`` when every count is zero."""
    return ", ".join(f"{number(n)} {noun}" for n, noun in pairs if n) or none
