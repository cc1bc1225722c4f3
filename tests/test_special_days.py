"""Checking works on every day of the year: 29/2, 31/12 → 1/1 and the 1/7/2025 province merger.

"Today" comes from SOURCE_DATE_EPOCH (seconds since 1/1/1970 UTC) when it is set, so a test can
run the real command line on any day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from campaign_results.dates import DateError, latest_date, parse_date, today

from .conftest import ROOT, CheckRun

SPECIAL_DAYS = [dt.date(2028, 2, 29), dt.date(2027, 2, 28), dt.date(2026, 12, 31),
                dt.date(2027, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 1)]


def epoch(day: dt.date, hour: int = 12) -> str:
    return str(calendar.timegm(dt.datetime(day.year, day.month, day.day, hour).timetuple()))


def check_on(data: Path, source_date_epoch: str) -> CheckRun:
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch}
    completed = subprocess.run([sys.executable, str(ROOT / "build_site.py"), "check", "--data", str(data)],
                               cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    return CheckRun(completed.returncode, completed.stdout, completed.stderr)


@pytest.mark.parametrize("day", SPECIAL_DAYS, ids=str)
def test_check_passes_on_special_days(data_copy: Path, day: dt.date) -> None:
    run = check_on(data_copy, epoch(day))
    output = run.stdout + run.stderr
    assert run.exit_code == 0, output
    assert "internal-error" not in output and "Traceback" not in output
    assert "Dữ liệu hợp lệ." in run.stdout


def test_invalid_source_date_epoch_is_reported_not_a_crash(data_copy: Path) -> None:
    run = check_on(data_copy, "29/2/2028")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "SOURCE_DATE_EPOCH" in run.stderr


@pytest.mark.parametrize("day", SPECIAL_DAYS, ids=str)
def test_today_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    for hour in (0, 23):  # the UTC date, whatever the hour
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(day, hour))
        assert today() == day


@pytest.mark.parametrize("raw", ["", "abc", "-5", "1.5", "99999999999999999999"])
def test_invalid_source_date_epoch_means_the_real_date(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", raw)
    assert today() == dt.date.today()


@pytest.mark.parametrize("day", SPECIAL_DAYS, ids=str)
def test_latest_bound_is_accepted_and_the_day_after_refused(day: dt.date) -> None:
    latest = dt.date(day.year + 3, 12, 31)
    assert latest_date(day) == latest
    assert parse_date(f"{latest.day}/{latest.month}/{latest.year}", today=day) == latest
    assert parse_date(latest, today=day) == latest
    with pytest.raises(DateError) as refused:
        parse_date(f"1/1/{latest.year + 1}", today=day)
    assert refused.value.code == "date-out-of-range"
    assert refused.value.params == {"value": f"1/1/{latest.year + 1}", "earliest": "1/1/1990",
                                    "latest": f"31/12/{latest.year}"}


def test_on_29_february_via_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2028, 2, 29)))
    assert parse_date("31/12/2031") == dt.date(2031, 12, 31)
    assert parse_date("29/2/2028") == dt.date(2028, 2, 29)
    with pytest.raises(DateError) as refused:
        parse_date("1/1/2032")
    assert refused.value.code == "date-out-of-range"
    assert refused.value.params["latest"] == "31/12/2031"
