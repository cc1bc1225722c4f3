"""Vietnamese numbers, dates and names are read the way the documents write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from campaign_results.dates import DateError, parse_date, parse_time, weekday_matches
from campaign_results.load.yaml_file import parse_yaml
from campaign_results.numbers import COUNT, DECIMAL, MONEY, NumberError, parse_percent, parse_quantity
from campaign_results.text import fold


@pytest.mark.parametrize("written, kind, value, qualifier", [
    ("1.166", COUNT, 1166, None),
    ("40.201", COUNT, 40201, None),
    ("09", COUNT, 9, None),
    ("hơn 7.152", COUNT, 7152, "hơn"),
    ("17,5 tỉ đồng", MONEY, 17_500_000_000, None),
    ("hơn 17,5 tỷ đồng", MONEY, 17_500_000_000, "hơn"),
    ("475 triệu", MONEY, 475_000_000, None),
    ("khoảng 3,6 tỷ đồng", MONEY, 3_600_000_000, "khoảng"),
    ("hơn 06 tỉ đồng", MONEY, 6_000_000_000, "hơn"),
    ("1.166.000 đ", MONEY, 1_166_000, None),
    ("157,3", DECIMAL, Decimal("157.3"), None),
    ("hơn 3,5", DECIMAL, Decimal("3.5"), "hơn"),
    (1166, COUNT, 1166, None),
])
def test_vietnamese_numbers_are_exact(written, kind, value, qualifier) -> None:
    quantity = parse_quantity(written, kind)
    assert quantity.value == value and type(quantity.value) is type(value)
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize("yaml_text, code", [
    ("v: 1.166", "number-dot-thousands"),
    ("v: 2.000", "number-dot-thousands"),
    ("v: 1.5", "number-not-integer"),
    ("v: '1,5'", "number-not-integer"),
    ("v: 40.201 cây", "number-format"),
    ("v: '1,166,000'", "number-english-format"),
    ("v: -3", "number-negative"),
    ("v: true", "number-format"),
])
def test_number_traps_in_yaml_are_caught(yaml_text, code) -> None:
    value = parse_yaml(yaml_text).data["v"]
    with pytest.raises(NumberError) as caught:
        parse_quantity(value, COUNT)
    assert caught.value.code == code


def test_yaml_reads_leading_zero_numbers_and_clock_times_as_written() -> None:
    data = parse_yaml("a: 010\nb: 09\nc: 12:00\nd: no\ne: 2023-08-11\n").data
    assert data == {"a": 10, "b": "09", "c": "12:00", "d": "no", "e": dt.date(2023, 8, 11)}
    assert parse_quantity(data["b"], COUNT).value == 9


def test_yaml_text_is_stored_in_nfc() -> None:
    decomposed = "Be\u0302\u0301n Tre"  # "Bến Tre" typed with combining marks
    assert parse_yaml(f"unit: {decomposed}").data["unit"] == "Bến Tre"


def test_percent() -> None:
    assert parse_percent("116,6%") == Decimal("116.6")
    assert parse_percent(100) == 100
    with pytest.raises(NumberError):
        parse_percent("đạt")


@pytest.mark.parametrize("written, expected", [
    ("11/8/2023", dt.date(2023, 8, 11)), ("04/8/2023", dt.date(2023, 8, 4)),
    ("2023-08-11", dt.date(2023, 8, 11)), (dt.date(2021, 2, 18), dt.date(2021, 2, 18)),
])
def test_dates(written, expected) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize("written, code", [
    ("11-8-23", "date-format"), ("31/2/2023", "date-invalid"), ("11/8/2203", "date-out-of-range"),
])
def test_bad_dates(written, code) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(written)
    assert caught.value.code == code


def test_times_and_weekdays() -> None:
    assert parse_time("12h00") == "12:00" and parse_time("9h00") == "09:00" and parse_time("7h30") == "07:30"
    with pytest.raises(DateError):
        parse_time("25h00")
    assert weekday_matches("Thứ Sáu", dt.date(2023, 8, 11))
    assert weekday_matches("thu 7", dt.date(2023, 8, 12))
    assert not weekday_matches("Thứ Sáu", dt.date(2023, 8, 12))


def test_folded_keys_ignore_diacritics_case_and_tone_placement() -> None:
    assert fold("Hoà Bình") == fold("Hòa Bình") == fold("HOA BINH") == "hoa binh"
    assert fold("Đoàn Thanh niên") == "doan thanh nien"
    assert fold("TP. Hồ Chí Minh") == "tp ho chi minh"
