"""campaign_results/load/csv_file.py: a results table as Excel saves it, read row by row with the
line and column of every cell, and every table it will not read named by rule, line and column."""

from __future__ import annotations

import pytest

from campaign_results.load.csv_file import MAX_CELL_CHARS, TableProblem, decode, read_table
from campaign_results.load.discover import CSV_COLUMNS, CSV_HEADERS

REQUIRED, OPTIONAL = CSV_COLUMNS["result"]   # unit, track, indicator, value, source; note
HEADERS = CSV_HEADERS["result"]              # the Excel template's Vietnamese headers
HEADER = "unit,track,indicator,value,note,source\n"
UTF16 = {"detected": " (tệp đang ở dạng UTF-16/Unicode)"}
LEGACY = {"detected": " (có thể là Windows-1258 hoặc bảng mã cũ khác)"}


def table(text: str):
    return read_table(text, REQUIRED, OPTIONAL, HEADERS)


def problems(text: str) -> list[tuple]:
    return [(p.code, p.line, p.column, p.field, p.params) for p in table(text).problems]


def rows(text: str) -> list[dict]:
    read = table(text)
    assert read.problems == []
    return [dict(row) for row in read.rows]


# --- encodings --------------------------------------------------------------------------

def test_utf8_with_or_without_excels_byte_order_mark_is_read_as_nfc() -> None:
    assert decode(b"\xef\xbb\xbfunit\nB\xe1\xba\xbfn Tre\n") == ("unit\nBến Tre\n", None)
    assert decode("unit\nHoa\u0300 Bi\u0300nh\n".encode()) == ("unit\nHoà Bình\n", None)


@pytest.mark.parametrize("raw", [
    "unit,value\nBến Tre,5\n".encode("utf-16"),       # with its byte-order mark
    "unit,track,indicator,value\n".encode("utf-16-le"),  # without: every other byte is NUL
    "unit,track,indicator,value\n".encode("utf-16-be"),
])
def test_utf16_is_refused_as_excels_unicode_text(raw: bytes) -> None:
    assert decode(raw) == (None, TableProblem("file-encoding", 1, None, UTF16))


def test_a_legacy_encoding_is_refused_at_the_line_of_its_first_letter_that_is_not_utf8() -> None:
    raw = "unit,value\r\nBen Tre,5\r\nTrà Vinh,6\n".encode("cp1258")
    assert decode(raw) == (None, TableProblem("file-encoding", 3, None, LEGACY))
    raw = "unit,value\rBen Tre,5\rTrà Vinh,6\r".encode("cp1258")  # Excel for Mac: CR alone
    assert decode(raw) == (None, TableProblem("file-encoding", 3, None, LEGACY))


def test_nuls_at_the_end_of_a_damaged_file_are_not_mistaken_for_utf16() -> None:
    text, problem = decode(HEADER.encode() + b"\x00" * 60)
    assert problem is None
    assert problems(text) == [("csv-nul-byte", 2, None, None, {"line": 2, "count": 60})]


# --- rows and their places -----------------------------------------------------------------

@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_rows_keep_the_line_and_column_of_every_cell_whatever_the_line_ends(end: str) -> None:
    text = end.join([HEADER.strip(), "Bến Tre,dich-vu-cong,doi-hinh,161,,nguon", "",
                     "Trà Vinh,dich-vu-cong,doi-hinh,12,ghi chú,nguon"]) + end
    read = table(text)
    assert read.problems == []
    assert read.header == ["unit", "track", "indicator", "value", "note", "source"]
    first, second = read.rows
    assert dict(first) == {"unit": "Bến Tre", "track": "dich-vu-cong", "indicator": "doi-hinh",
                           "value": "161", "source": "nguon"}  # an empty optional cell is absent
    assert first.place == (2, 1) and first.key_places["source"] == (2, 6)
    assert second.place == (4, 1) and second["note"] == "ghi chú"  # the blank line 3 skipped


def test_a_line_break_typed_in_a_cell_is_kept_and_the_next_row_keeps_its_own_line() -> None:
    read = table(HEADER + '"Bến\nTre",a,b,5,,s\nTrà Vinh,a,b,6,,s\n')
    assert [row["unit"] for row in read.rows] == ["Bến\nTre", "Trà Vinh"]
    assert [row.place for row in read.rows] == [(2, 1), (4, 1)]


def test_the_template_headers_are_accepted_with_or_without_diacritics_in_any_case() -> None:
    read = table("Đơn vị,MẶT HOẠT ĐỘNG,chi tieu,Kết quả,Ghi chú,Van ban nguon\nBến Tre,a,b,5,,s\n")
    assert read.problems == []
    assert read.header == ["unit", "track", "indicator", "value", "note", "source"]
    assert dict(read.rows[0]) == {"unit": "Bến Tre", "track": "a", "indicator": "b", "value": "5",
                                  "source": "s"}


def test_blank_lines_and_empty_rows_before_and_between_rows_are_skipped() -> None:
    assert [r["unit"] for r in rows("\n\n" + HEADER + ",,,,,\n  ,,,,,\nBến Tre,a,b,5,,s\n")] == ["Bến Tre"]
    read = table("\n\n" + HEADER + ",,,,,\nBến Tre,a,b,5,,s\n")
    assert read.rows[0].place == (5, 1)


def test_cells_are_trimmed() -> None:
    assert rows(HEADER + "  Bến Tre , a ,b, 5 ,,s\n") == [
        {"unit": "Bến Tre", "track": "a", "indicator": "b", "value": "5", "source": "s"}]


# --- what stops a table or a row ---------------------------------------------------------

@pytest.mark.parametrize("header, shown", [
    ("unit;track;indicator;value;source\n", ";"), ("unit\ttrack\tindicator\tvalue\tsource\n", "Tab")])
def test_a_file_separated_by_semicolons_or_tabs_is_refused_on_its_header_line(header: str, shown: str) -> None:
    assert problems("\n" + header + "Bến Tre;a;b;5;s\n") == [("csv-delimiter", 2, None, None, {"delimiter": shown})]


def test_a_file_with_nothing_in_it_is_empty() -> None:
    assert problems("") == [("file-empty", 1, None, None, {})]
    assert problems("\n \r\n\t\n") == [("file-empty", 1, None, None, {})]


def test_a_column_given_twice_names_both_columns_by_their_letters() -> None:
    assert problems("unit,track,indicator,value,source,Đơn vị\n") == [
        ("csv-duplicate-column", 1, 6, "unit",
         {"column": "unit", "first": "unit", "first_index": "A", "second": "Đơn vị", "second_index": "F"})]


def test_an_unknown_column_is_named_with_the_closest_known_one() -> None:
    [(code, line, column, field, params), missing] = problems("unit,track,indicator,valeu,source\n")
    assert (code, line, column, field) == ("csv-unknown-column", 1, 4, None)
    assert missing == ("csv-missing-column", 1, None, None,
                       {"column": "value", "columns": "unit, track, indicator, value, source"})
    assert params["column"] == "valeu" and params["suggestion"] == 'Có phải là "value"? '
    assert params["columns"] == ("unit, track, indicator, value, source, note (hoặc theo bảng tính mẫu: "
                                 "Đơn vị, Mặt hoạt động, Chỉ tiêu, Kết quả, Văn bản nguồn, Ghi chú)")


def test_a_long_unknown_header_is_quoted_shortened() -> None:
    [problem] = table("unit,track,indicator,value,source," + "Ghi chú thêm " * 10 + "\n").problems
    assert problem.params["column"] == ("Ghi chú thêm " * 10)[:60].rstrip() + "…"


def test_a_missing_required_column_is_named() -> None:
    assert problems("unit,track,indicator,value,note\n") == [
        ("csv-missing-column", 1, None, None, {"column": "source", "columns": "unit, track, indicator, value, source"})]


def test_an_empty_required_cell_is_named_by_its_column_letter_and_the_row_left_out() -> None:
    read = table(HEADER + "Bến Tre,a,,5,,s\nTrà Vinh,a,b,6,,s\n")
    assert [(p.code, p.line, p.column, p.field, p.params) for p in read.problems] == [
        ("csv-empty-cell", 2, 3, "indicator", {"column": '"Chỉ tiêu" (indicator)', "letter": "C"})]
    assert [row["unit"] for row in read.rows] == ["Trà Vinh"]


def test_a_row_with_too_few_or_too_many_cells_is_named_and_the_others_read() -> None:
    read = table(HEADER + "Bến Tre,a,b,5,s\nTrà Vinh,a,b,6,,s\nLong An,a,b,7,,s,x\n")
    assert [(p.code, p.line, p.params) for p in read.problems] == [
        ("csv-row-length", 2, {"found": 5, "expected": 6}), ("csv-row-length", 4, {"found": 7, "expected": 6})]
    assert [row["unit"] for row in read.rows] == ["Trà Vinh"]


def test_a_quote_never_closed_is_named_at_the_line_it_opens() -> None:
    [(code, line, column, field, params)] = problems(HEADER + 'Bến Tre,a,b,"5,,s\nTrà Vinh,a,b,6,,s\n')
    assert (code, line, params["line"]) == ("csv-unreadable", 2, 2)
    assert params["detail"].startswith(': một ô mở bằng dấu ngoặc kép " ở dòng này')


def test_a_quoted_cell_closed_later_is_not_an_unclosed_quote() -> None:
    assert rows(HEADER + 'Bến Tre,a,b,5,"ghi ""chú"", dài",s\n')[0]["note"] == 'ghi "chú", dài'


def test_a_nul_byte_stops_the_table_at_its_line() -> None:
    assert problems(HEADER + "Bến Tre,a,b,5,,s\nTrà\x00 Vinh,a,b,6,,s\n") == [
        ("csv-nul-byte", 3, None, None, {"line": 3, "count": 1})]


def test_a_cell_over_the_limit_is_named_with_its_column_and_the_next_rows_read() -> None:
    read = table(HEADER + "Bến Tre,a,b,5," + "x" * (MAX_CELL_CHARS + 1) + ",s\nTrà Vinh,a,b,6,,s\n")
    assert [(p.code, p.line, p.column, p.field, p.params) for p in read.problems] == [
        ("csv-cell-too-long", 2, 5, "note", {"where": "cột 5 (note)", "length": "20.001", "limit": "20.000"})]
    assert [row["unit"] for row in read.rows] == ["Trà Vinh"]
    assert rows(HEADER + "Bến Tre,a,b,5," + "x" * MAX_CELL_CHARS + ",s\n")[0]["note"] == "x" * MAX_CELL_CHARS


def test_a_cell_over_the_limit_in_the_header_stops_the_table() -> None:
    assert problems("unit," + "x" * (MAX_CELL_CHARS + 1) + "\nBến Tre,a\n") == [
        ("csv-cell-too-long", 1, 2, None, {"where": "cột 2", "length": "20.001", "limit": "20.000"})]
