"""campaign_results/load/yaml_file.py: one record file read with the line of every field, its
values as Vietnamese staff mean them, and every file it will not read named by rule and line."""

from __future__ import annotations

import datetime as dt

import pytest

from campaign_results.load.yaml_file import (MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT, Mapping, Sequence,
                                             locate, locate_in_value, parse_yaml, size_shown)
from campaign_results.numbers import RawFloat

RECORD = (
    "id: ben-tre-2021-mo-hinh\n"           # 1
    "name: Mô hình mới\n"                  # 2
    "indicators:\n"                        # 3
    "  - indicator: cay-xanh\n"            # 4
    "    result: 5\n"                      # 5
    "  - indicator: tuyen-truyen\n"        # 6
    "    result: 12\n"                     # 7
    "sources: [a, b]\n"                    # 8
    "description: |\n"                     # 9
    "  Dòng một.\n"                        # 10
    "  Dòng hai có lỗi.\n"                 # 11
)


def read(text: str):
    """The data of a file that must be read without a problem."""
    document = parse_yaml(text)
    assert document.syntax_error is None, document.syntax_error
    assert document.duplicates == []
    return document.data


def refusal(text: str) -> tuple:
    document = parse_yaml(text)
    assert document.data is None
    error = document.syntax_error
    assert error is not None
    return error.code, error.line, error.column, error.field, error.params


# --- places: what a problem names as its line and column ----------------------------------

def test_every_field_and_list_item_knows_its_line_and_column() -> None:
    data = read(RECORD)
    assert isinstance(data, Mapping) and isinstance(data["indicators"], Sequence)
    assert data.key_places["name"] == (2, 1)
    assert data["indicators"].item_places == [(4, 5), (6, 5)]
    assert data["indicators"][1].key_places == {"indicator": (6, 5), "result": (7, 5)}
    assert data["sources"].item_places == [(8, 11), (8, 14)]


@pytest.mark.parametrize("path, place", [
    (("id",), (1, 1)),
    (("indicators", 1, "result"), (7, 5)),
    (("indicators", 0), (4, 5)),
    (("sources", 1), (8, 14)),
    # the deepest part that exists: a missing field of the second figure is placed at that figure
    (("indicators", 1, "target"), (6, 5)),
    (("indicators", 7, "result"), (3, 1)),   # no eighth figure: the "indicators:" line
    (("indicators", -1), (3, 1)),            # no negative index, even though Python has one
    (("unknown",), (1, 1)),                  # nothing of the path: the start of the record
    ((), (1, 1)),
])
def test_locate_names_the_deepest_existing_part_of_a_field_path(path: tuple, place: tuple) -> None:
    assert locate(read(RECORD), path) == place


def test_locate_in_a_plain_value_is_nowhere() -> None:
    assert locate("text", ("a",)) == (None, None)


def test_a_place_inside_a_literal_block_is_its_own_line_of_the_file() -> None:
    data = read(RECORD)
    text = data["description"]
    assert text == "Dòng một.\nDòng hai có lỗi.\n"
    assert locate_in_value(data, ("description",), text.index("có lỗi")) == 11
    assert locate_in_value(data, ("description",), 0) == 10
    # a value that is not a literal block has no lines of its own
    assert locate_in_value(data, ("name",), 3) is None
    assert locate_in_value(data, ("indicators", 5, "result"), 0) is None


# --- values as staff mean them ------------------------------------------------------------

def test_values_are_read_the_way_vietnamese_staff_write_them() -> None:
    data = read("a: 010\nb: 09\nc: 12:00\nd: 1:30:00.5\ne: yes\nf: off\ng: =\nh: True\ni: 0x1F\n"
                "j: 2023-08-11\nk: 1_000\n")
    assert data == {"a": 10, "b": "09", "c": "12:00", "d": "1:30:00.5", "e": "yes", "f": "off", "g": "=",
                    "h": True, "i": "0x1F", "j": dt.date(2023, 8, 11), "k": 1000}
    assert type(data["a"]) is int and type(data["h"]) is bool


def test_a_decimal_keeps_the_text_it_was_written_as() -> None:
    value = read("result: 1.166\n")["result"]
    assert isinstance(value, RawFloat)
    assert value == 1.166 and value.raw == "1.166"  # so that 1.166 can be read as a thousand


def test_text_is_normalised_to_one_form_of_each_letter() -> None:
    decomposed = "Hoa\u0300 Bi\u0300nh"   # "Hoà Bình" as some keyboards send it
    data = read(f"unit: {decomposed}\n{decomposed}: 1\n")
    assert data == {"unit": "Hoà Bình", "Hoà Bình": 1}


def test_an_empty_file_is_no_data_and_no_error() -> None:
    document = parse_yaml("# chỉ có chú thích\n")
    assert (document.data, document.syntax_error, document.duplicates) == (None, None, [])


# --- rules ----------------------------------------------------------------------------------

def test_a_field_written_twice_is_reported_with_both_lines_and_the_last_value_kept() -> None:
    document = parse_yaml("id: a\nyear: 2021\nname: x\nyear: 2022\nindicators:\n  - result: 1\n    result: 2\n")
    assert document.syntax_error is None
    assert [(d.key, d.line, d.column, d.first_line) for d in document.duplicates] == [
        ("year", 4, 1, 2), ("result", 7, 5, 6)]
    assert document.data["year"] == 2022


@pytest.mark.parametrize("text, expected", [
    ("a: &x 1\nb: *x\n", ("yaml-alias", 1, 4, "a", {"line": 1, "char": "&", "fixed": 'a: "&x 1"'})),
    ("a: !!str 1\n", ("yaml-special-start", 1, 4, "a", {"line": 1, "char": "!", "fixed": 'a: "!!str 1"'})),
    ("a: 1\nb: .inf\n", ("yaml-number-special", 2, 4, "b", {"line": 2, "value": ".inf"})),
    ("a: -.inf\n", ("yaml-number-special", 1, 4, "a", {"line": 1, "value": "-.inf"})),
    ("a: .NaN\n", ("yaml-number-special", 1, 4, "a", {"line": 1, "value": ".NaN"})),
    ("date: 2023-02-31\n", ("date-invalid", 1, 7, "date", {"line": 1, "value": "2023-02-31"})),
    ("a: 1234567890123456\n", ("number-too-many-digits", 1, 4, "a",
                              {"line": 1, "value": "1234567890123456", "digits": "16", "limit": 15})),
    ("a: 1\n---\nb: 2\n", ("yaml-syntax", 2, 1, None, {"line": 2})),  # two records in one file
])
def test_what_the_loader_refuses_is_named_with_its_line(text: str, expected: tuple) -> None:
    assert refusal(text) == expected


def test_fifteen_digits_are_still_a_number() -> None:
    assert read("a: 123456789012345\n") == {"a": 123456789012345}


def test_an_alias_is_refused_before_it_can_multiply_the_file() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    assert refusal(laughs)[:3] == ("yaml-alias", 1, 4)


def test_a_text_longer_than_the_limit_is_refused_and_one_at_the_limit_is_read() -> None:
    assert read("a: " + "x" * MAX_TEXT + "\n")["a"] == "x" * MAX_TEXT
    assert refusal("id: a\nnote: " + "x" * (MAX_TEXT + 1) + "\n") == (
        "yaml-text-too-long", 2, 7, "note", {"line": 2, "length": "20.001", "limit": "20.000"})


def test_nesting_deeper_than_the_limit_is_refused_at_the_level_that_passes_it() -> None:
    def nested(depth: int) -> str:  # ``depth`` mappings inside one another
        return "".join("  " * level + f"k{level}:\n" for level in range(depth - 1)) + "  " * (depth - 1) + "v: 1\n"

    assert locate(read(nested(MAX_DEPTH)), tuple(f"k{level}" for level in range(MAX_DEPTH - 1)) + ("v",)) \
        == (MAX_DEPTH, 2 * (MAX_DEPTH - 1) + 1)
    code, line, _, field, params = refusal(nested(MAX_DEPTH + 1))
    assert (code, line, field, params) == ("yaml-too-deep", MAX_DEPTH + 1, "v",
                                           {"line": MAX_DEPTH + 1, "limit": MAX_DEPTH})
    assert refusal("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")[:2] == ("yaml-too-deep", 1)


def test_a_file_over_the_size_limit_is_not_parsed_and_names_the_line_where_it_passes_it() -> None:
    head = "id: a\nname: b\nnote: c\n"
    text = head + "description: " + "x" * (MAX_FILE_BYTES * 3 // 2) + "\n"
    document = parse_yaml(text)
    assert document.data is None
    error = document.syntax_error
    assert (error.code, error.line, error.params) == ("yaml-file-too-large", 4,
                                                      {"size": "1,5 MB", "limit": "1 MB", "line": 4})


def test_the_size_limit_counts_bytes_not_characters() -> None:
    # "ệ" is 3 bytes in UTF-8: a file of about 350.000 letters is under 1 MB, which it would not be
    # if every letter counted as the 4 bytes a character can take at most
    within = "".join(f"n{i}: " + "ệ" * 10_000 + "\n" for i in range(10, 44))
    assert len(within) * 4 > MAX_FILE_BYTES >= len(within.encode("utf-8"))
    assert parse_yaml(within).syntax_error is None
    spare = MAX_FILE_BYTES - len(within.encode("utf-8"))
    over = within + "x: " + "ệ" * (spare // 3 + 1) + "\n"
    assert parse_yaml(over).syntax_error.code == "yaml-file-too-large"


def test_one_byte_over_the_limit_is_too_large_and_the_limit_itself_is_not() -> None:
    record = "id: a\n# "
    at_limit = record + "x" * (MAX_FILE_BYTES - len(record) - 1) + "\n"  # a long comment
    assert len(at_limit.encode()) == MAX_FILE_BYTES
    assert read(at_limit) == {"id": "a"}
    assert refusal(at_limit + "b: 1\n")[:2] == ("yaml-file-too-large", 3)  # the byte over is on line 3


@pytest.mark.parametrize("size, shown", [
    (1500, "1 KB"), (950 * 1024, "950 KB"),
    (1024 * 1024, "1 MB"), (int(2.5 * 1024 * 1024), "2,5 MB"), (20 * 1024 * 1024, "20 MB"),
])
def test_sizes_are_shown_the_way_vietnamese_staff_read_them(size: int, shown: str) -> None:
    assert size_shown(size) == shown
