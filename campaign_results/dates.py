"""Reading dates and times as Vietnamese documents write them.

Dates are dd/mm/yyyy ("11/8/2023", "04/8/2023"); ISO dates (2023-08-11),
which YAML reads as dates, are accepted too. Times are "12h00", "7h30" or
"12:00". Vietnamese weekday names ("Thứ Sáu") can be checked against a date.
"""

from __future__ import annotations

import datetime as dt
import re

from .text import fold

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})\s*[h:]\s*(\d{2})?$", re.IGNORECASE)

# Earliest and latest dates a record may carry.
EARLIEST = dt.date(1990, 1, 1)
LATEST_YEARS_AHEAD = 3

WEEKDAYS = ("thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat")
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


class DateError(ValueError):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_date(raw: object, today: dt.date | None = None) -> dt.date:
    """A date from a YAML date, "dd/mm/yyyy" or "yyyy-mm-dd"; checked to be in range."""
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
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
            value = dt.date(year, month, day)
        except ValueError:
            raise DateError("date-invalid", value=text) from None
    else:
        raise DateError("date-format", value=str(raw))
    today = today or dt.date.today()
    latest = today.replace(year=today.year + LATEST_YEARS_AHEAD)
    if not EARLIEST <= value <= latest:
        raise DateError("date-out-of-range", value=format_date(value),
                        earliest=format_date(EARLIEST), latest=format_date(latest))
    return value


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
