"""Reading dates and times as Vietnamese documents write them.

Dates are dd/mm/yyyy ("11/8/2023", "04/8/2023"); ISO dates (2023-08-11),
which YAML reads as dates, are accepted too. Times are "12h00", "7h30" or
"12:00". Vietnamese weekday names ("Thứ Sáu") can be checked against a date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

from .numbers import remembered
from .text import fold

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})\s*[h:]\s*(\d{2})?$", re.IGNORECASE)

# Earliest and latest dates a record may carry: from EARLIEST to 31/12 of the year
# LATEST_YEARS_AHEAD years after today (a whole year, so the bound exists on 29/2 too).
EARLIEST = dt.date(1990, 1, 1)
LATEST_YEARS_AHEAD = 3

# The reproducible-builds variable: when set, "today" is this many seconds after 1/1/1970 UTC.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
_warned: set[str] = set()

WEEKDAYS = ("thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat")
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


class DateError(ValueError):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def today() -> dt.date:
    """Today's date: the UTC date of SOURCE_DATE_EPOCH when it is set and valid, else the real date.

    An invalid SOURCE_DATE_EPOCH is ignored, with one warning on stderr per value.
    """
    raw = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if raw:
        try:
            if not (raw.isascii() and raw.isdigit()):
                raise ValueError(raw)
            return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            if raw not in _warned:
                _warned.add(raw)
                print(f"Cảnh báo: biến môi trường {SOURCE_DATE_EPOCH}={raw!r} không phải số giây "
                      f"hợp lệ kể từ 1/1/1970; dùng ngày hôm nay.", file=sys.stderr)
    return dt.date.today()


def latest_date(on: dt.date | None = None) -> dt.date:
    """The latest date a record may carry: 31/12 of the year LATEST_YEARS_AHEAD years after ``on``
    (default: today())."""
    on = on or today()
    return dt.date(min(on.year + LATEST_YEARS_AHEAD, dt.MAXYEAR), 12, 31)


def parse_date(raw: object, today: dt.date | None = None) -> dt.date:
    """A date from a YAML date, "dd/mm/yyyy" or "yyyy-mm-dd"; checked to be in range."""
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        value = _read_date(raw)
    else:
        raise DateError("date-format", value=str(raw))
    latest = latest_date(today)
    if not EARLIEST <= value <= latest:
        raise DateError("date-out-of-range", value=format_date(value),
                        earliest=format_date(EARLIEST), latest=format_date(latest))
    return value


@remembered
def _read_date(raw: str) -> dt.date:
    """The date a text writes (its range is checked by parse_date, against today)."""
    text = raw.strip()
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            raise DateError("date-format", value=text)
        year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("date-invalid", value=text) from None


@remembered
def parse_time(raw: object) -> str:
    """A clock time as "HH:MM" from "12h00", "7h30", "9h" or "12:00"."""
    text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    match = _TIME.match(text)
    if not match:
        raise DateError("time-format", value=str(raw))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise DateError("time-format", value=str(raw))
    return f"{hour:02d}:{minute:02d}"


def weekday_matches(name: str, value: dt.date) -> bool:
    """Whether a Vietnamese weekday name ("Thứ Sáu", "thu 6") is the weekday of ``value``."""
    key = fold(name)
    digits = {"thu 2": 0, "thu 3": 1, "thu 4": 2, "thu 5": 3, "thu 6": 4, "thu 7": 5, "cn": 6}
    index = WEEKDAYS.index(key) if key in WEEKDAYS else digits.get(key)
    return index == value.weekday()


def format_date(value: dt.date) -> str:
    """11/8/2023: day and month without leading zeros, as the documents write them."""
    return f"{value.day}/{value.month}/{value.year}"
