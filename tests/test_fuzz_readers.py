"""Property-based fuzzing of the readers staff input goes through: whatever the text, each
returns a value or one of the project's own problems, never another exception.

The examples lean on the characters that matter to each reader (digits, separators, quotes,
YAML indicators, line endings) so that most of them reach deep into the parser.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign_results.dates import DateError, parse_date, parse_time
from campaign_results.load.csv_file import decode, read_table
from campaign_results.load.yaml_file import parse_yaml
from campaign_results.numbers import KINDS, NumberError, parse_percent, parse_quantity

FUZZ = settings(max_examples=3_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NUMBER_TEXT = st.text(st.sampled_from("0123456789.,% -+eE_hơnkhoảnggầntriệutỉtỷđồng\u00a0\t"), max_size=40)
YAML_TEXT = st.text(st.sampled_from("abinfNIF:- \n\t\"'[]{}&*!|>#%@`,?019.\u00e0\u1ea1\x00\x1b\r"), max_size=200)
CSV_TEXT = st.text(st.sampled_from("abc,\"\n\r\t\x00 0123456789.Đơn vịKết quả;"), max_size=300)
COLUMNS = ["unit", "track", "indicator", "value", "source"]


@FUZZ
@given(NUMBER_TEXT | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.none() | st.booleans(),
       st.sampled_from(KINDS))
def test_numbers_read_or_say_why(raw, kind) -> None:
    try:
        parse_quantity(raw, kind)
    except NumberError as error:
        assert error.code
    try:
        parse_percent(raw)
    except NumberError as error:
        assert error.code


@FUZZ
@given(st.text(st.sampled_from("0123456789/-: hT"), max_size=20) | st.dates().map(str) | st.dates(),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(9000, 12, 31)))
def test_dates_read_or_say_why(raw, today) -> None:
    try:
        value = parse_date(raw, today=today)
        assert isinstance(value, dt.date)
    except DateError as error:
        assert error.code
    try:
        parse_time(raw)
    except DateError as error:
        assert error.code


@FUZZ
@given(YAML_TEXT)
def test_yaml_reads_or_names_the_line(text) -> None:
    document = parse_yaml(text)
    if document.syntax_error is not None:
        assert document.syntax_error.code.startswith(("yaml-", "number-", "date-"))


@FUZZ
@given(st.binary(max_size=300) | CSV_TEXT.map(lambda s: s.encode("utf-8")))
def test_csv_reads_or_names_the_line(raw) -> None:
    text, problem = decode(raw)
    if problem is not None:
        assert problem.code
        return
    table = read_table(text, COLUMNS, ["note"])
    for found in table.problems:
        assert found.code
