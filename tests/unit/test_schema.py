"""campaign_results/check/schema.py: each record checked against the JSON Schema of its kind, every
problem named by its catalogue code, its line and column, and its field as staff count it
("indicators › mục 2 › result"), or for a spreadsheet row by its cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from campaign_results.check.schema import check_schema
from campaign_results.kinds import SCHEMA_DIR
from campaign_results.load.discover import RawRecord
from campaign_results.load.xlsx_file import results_records
from campaign_results.load.yaml_file import Mapping, parse_yaml
from campaign_results.problems import Report

from ..bad_inputs import workbook

MODEL_FILE = "data/models/2021/ben-tre-2021-mo-hinh.yaml"
MODEL = (
    "id: ben-tre-2021-mo-hinh\n"              # 1
    "name: Mô hình mới\n"                     # 2
    "unit: Bến Tre\n"                         # 3
    "year: 2021\n"                            # 4
    "level: tinh\n"                           # 5
    "status: de-nghi\n"                       # 6
    "description: |\n"                        # 7
    "  Dòng một.\n"                           # 8
    "  Dòng hai.\n"                           # 9
    "indicators:\n"                           # 10
    "  - indicator: cay-xanh\n"               # 11
    "    result: 5\n"                         # 12
    "  - indicator: tuyen-truyen\n"           # 13
    "    result: 12\n"                        # 14
    "  - indicator: kinh-phi\n"               # 15
    "    result: khoảng 1 tỷ đồng\n"          # 16
    "sources: [ben-tre-2021-2616-cv]\n"       # 17
)

DOCUMENT_FILE = "data/documents/ben-tre-2021-2094-cv.yaml"
DOCUMENT = (
    "id: ben-tre-2021-2094-cv\n"              # 1
    "number: 2094-CV/TĐTN-TCKT\n"             # 2
    "type: CV\n"                              # 3
    "issuer: Tỉnh đoàn Bến Tre\n"             # 4
    "date: 18/02/2021\n"                      # 5
    "title: Về việc hỗ trợ dịch vụ công\n"    # 6
)

ID_HINT = "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ ben-tre-2021-dich-vu-cong."


def record(text: str, kind: str = "model", file: str = MODEL_FILE) -> RawRecord:
    document = parse_yaml(text)
    assert document.syntax_error is None, document.syntax_error
    assert isinstance(document.data, Mapping)
    return RawRecord(kind, file, document.data)


def check(raw: RawRecord) -> tuple[bool, list[tuple]]:
    report = Report()
    ok = check_schema(raw, report)
    for problem in report.problems:
        assert problem.missing == (), (problem.code, problem.missing)  # every slot of the message filled
        assert problem.file == raw.file
    return ok, [(p.code, p.line, p.column, p.field, p.params) for p in report.problems]


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def model_fields() -> str:
    schema = json.loads((SCHEMA_DIR / "model.schema.json").read_text(encoding="utf-8"))
    return ", ".join(schema["properties"])


# --- a valid record ------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, file", [
    (MODEL, "model", MODEL_FILE),
    (DOCUMENT, "document", DOCUMENT_FILE),
])
def test_a_valid_record_passes_with_no_problem(text: str, kind: str, file: str) -> None:
    assert check(record(text, kind, file)) == (True, [])


# --- each kind of problem, where it was written ---------------------------------------------

@pytest.mark.parametrize("old, new, problems", [
    # a required field left out: placed at the start of the record, named by the missing field
    ("level: tinh\n", "", [("missing-field", 1, 1, "level", {"name": "level"})]),
    # a required field of the second figure: placed at that figure's "- " item, counted from 1
    ("  - indicator: tuyen-truyen\n    result: 12\n", "  - result: 12\n",
     [("missing-field", 13, 5, "indicators › mục 2 › indicator", {"name": "indicator"})]),
    # an enum value not in the list, with the closest allowed value
    ("level: tinh\n", "level: tỉnh\n",
     [("not-in-list", 5, 1, "level", {"value": "tỉnh", "allowed": "trung-uong, tinh, huyen, xa",
                                      "suggestion": "Có phải là \"tinh\"? "})]),
    # an enum value with nothing close: no suggestion
    ("status: de-nghi\n", "status: zzzzzz\n",
     [("not-in-list", 6, 1, "status", {"value": "zzzzzz", "allowed": "ke-hoach, de-nghi, cong-nhan",
                                       "suggestion": ""})]),
    # a wrong type
    ("year: 2021\n", "year: hai nghìn\n",
     [("wrong-type", 4, 1, "year", {"value": "hai nghìn", "expected": "số nguyên"})]),
    ("sources: [ben-tre-2021-2616-cv]\n", "sources: ben-tre-2021-2616-cv\n",
     [("wrong-type", 17, 1, "sources", {"value": "ben-tre-2021-2616-cv",
                                        "expected": "danh sách (mỗi mục một dòng bắt đầu bằng \"- \")"})]),
    # a number out of range
    ("year: 2021\n", "year: 1921\n", [("out-of-range", 4, 1, "year", {"value": "1921", "limit": "từ 1990"})]),
    # an id that does not match its pattern, with the schema's hint
    ("id: ben-tre-2021-mo-hinh\n", "id: Ben_Tre\n",
     [("bad-format", 1, 1, "id", {"value": "Ben_Tre", "hint": ID_HINT})]),
    # an id inside a list: the list item's own line and column
    ("sources: [ben-tre-2021-2616-cv]\n", "sources: [ben-tre-2021-2616-cv, Ben Tre]\n",
     [("bad-format", 17, 33, "sources › mục 2", {"value": "Ben Tre", "hint": ID_HINT})]),
    # an empty (blank) text
    ("name: Mô hình mới\n", "name: '   '\n", [("empty-value", 2, 1, "name", {})]),
    # a Vietnamese number that does not parse, in the second figure
    ("    result: 12\n", "    result: 12 cái\n",
     [("number-format", 14, 5, "indicators › mục 2 › result", {"value": "12 cái"})]),
    # a number written the English way, in the third figure: the Vietnamese way is suggested
    ("    result: khoảng 1 tỷ đồng\n", "    result: \"1,166.5\"\n",
     [("number-english-format", 16, 5, "indicators › mục 3 › result", {"value": "1,166.5", "fixed": "1.166,5"})]),
    # an unknown field, with its did-you-mean (the required field it was meant to be is then missing)
    ("level: tinh\n", "levl: tinh\n",
     [("missing-field", 1, 1, "level", {"name": "level"}),
      ("unknown-field", 5, 1, "levl", {"name": "levl", "allowed": model_fields(),
                                      "suggestion": "Có phải là \"level\"? "})]),
    # an unknown field of a figure: its line, named inside the figure
    ("    result: 5\n", "    result: 5\n    reslt: 6\n",
     [("unknown-field", 13, 5, "indicators › mục 1 › reslt",
       {"name": "reslt", "allowed": "indicator, scope, target, result, stated_percent, note, source",
        "suggestion": "Có phải là \"result\"? "})]),
    # HTML in a plain text field: the field's line and column
    ("name: Mô hình mới\n", "name: Mô <b>hình</b> mới\n", [("html-tag", 2, 1, "name", {"found": "<b>"})]),
    # HTML in a Markdown field written as a literal block: the line of the block where it is written
    ("  Dòng hai.\n", "  Dòng <script>alert(1)</script> hai.\n",
     [("html-script", 9, None, "description", {"found": "<script>"})]),
])
def test_each_problem_is_reported_with_its_code_line_column_and_field(old: str, new: str, problems: list) -> None:
    assert check(record(edited(MODEL, old, new))) == (False, problems)


def test_markdown_allowed_in_a_markdown_field_is_no_problem() -> None:
    text = edited(MODEL, "  Dòng hai.\n", "  Dòng **hai** với [liên kết](https://example.org).\n")
    assert check(record(text)) == (True, [])


@pytest.mark.parametrize("old, new, problems", [
    ("date: 18/02/2021\n", "date: 31/2/2021\n", [("date-invalid", 5, 1, "date", {"value": "31/2/2021"})]),
    ("date: 18/02/2021\n", "date: ngày 18\n", [("date-format", 5, 1, "date", {"value": "ngày 18"})]),
    ("type: CV\n", "type: cv\n",
     [("not-in-list", 3, 1, "type", {"value": "cv", "allowed": "CV, KH, BC, HD, QĐ, NQ, TB, CT",
                                     "suggestion": "Có phải là \"CV\"? "})]),
    ("number: 2094-CV/TĐTN-TCKT\n", "number: 2094 - CV/TĐTN-TCKT\n",
     [("bad-format", 2, 1, "number", {
         "value": "2094 - CV/TĐTN-TCKT",
         "hint": "Số hiệu viết liền, không dấu cách, ví dụ 2616-CV/TĐTN-BPT hoặc 57/2015/QĐ-TTg."})]),
])
def test_a_document_with_a_bad_value(old: str, new: str, problems: list) -> None:
    assert check(record(edited(DOCUMENT, old, new), "document", DOCUMENT_FILE)) == (False, problems)


def test_several_problems_of_one_record_are_all_reported() -> None:
    text = edited(edited(MODEL, "year: 2021\n", "year: hai nghìn\n"), "    result: 12\n", "    result: 12 cái\n")
    ok, problems = check(record(text))
    assert not ok
    assert sorted(problems) == [
        ("number-format", 14, 5, "indicators › mục 2 › result", {"value": "12 cái"}),
        ("wrong-type", 4, 1, "year", {"value": "hai nghìn", "expected": "số nguyên"}),
    ]


# --- values still to be filled in -------------------------------------------------------------

def test_a_placeholder_is_reported_once_and_not_again_as_a_wrong_value() -> None:
    # "ĐIỀN: …" (what `new` writes) in an enum field and in a number: neither is also reported
    # as not-in-list or number-format
    text = edited(MODEL, "status: de-nghi\n", "status: de-nghi\nfield: \"ĐIỀN: lĩnh vực (kinh-te, doan-the)\"\n")
    text = edited(text, "    result: 12\n", "    result: \"ĐIỀN: kết quả\"\n")
    assert check(record(text)) == (False, [
        ("placeholder", 7, 1, "field", {"value": "ĐIỀN: lĩnh vực (kinh-te, doan-the)"}),
        ("placeholder", 15, 5, "indicators › mục 2 › result", {"value": "ĐIỀN: kết quả"}),
    ])


def test_a_placeholder_does_not_hide_a_problem_of_another_field() -> None:
    text = edited(MODEL, "    result: 12\n", "    result: \"ĐIỀN: kết quả\"\n")
    text = edited(text, "    result: 5\n", "    result: 5 cây\n")
    assert check(record(text)) == (False, [
        ("placeholder", 14, 5, "indicators › mục 2 › result", {"value": "ĐIỀN: kết quả"}),
        ("number-format", 12, 5, "indicators › mục 1 › result", {"value": "5 cây"}),
    ])


def test_a_placeholder_of_a_whole_group_hides_the_problems_inside_it() -> None:
    # `budget` must be a group: a placeholder there is not reported again as a wrong type
    text = edited(MODEL, "status: de-nghi\n", "status: de-nghi\nbudget: \"ĐIỀN: kinh phí\"\n")
    assert check(record(text)) == (False, [("placeholder", 7, 1, "budget", {"value": "ĐIỀN: kinh phí"})])


# --- a spreadsheet row: problems named by its cell ---------------------------------------------

SHEET_FILE = "data/results/2023-08-11-do-thi-van-minh-dich-vu-cong-vinh-long.xlsx"


def sheet_rows(tmp_path: Path, *rows: list) -> list[RawRecord]:
    path = tmp_path / "results.xlsx"
    path.write_bytes(workbook(*rows))
    report = Report()
    records = results_records(path, SHEET_FILE, report, table="2023-08-11-do-thi-van-minh-dich-vu-cong")
    assert report.problems == []
    return records


def test_a_spreadsheet_row_is_reported_by_its_cell(tmp_path: Path) -> None:
    good, bad, unfilled = sheet_rows(
        tmp_path,
        ["Vĩnh Long", "dich-vu-cong", "doi-hinh", 12, "", "nguon"],
        ["Vĩnh Long", "dich-vu-cong", "doi-hinh", "12 cái", "", "Nguồn ABC"],
        ["Vĩnh Long", "dich-vu-cong", "doi-hinh", 7, "", "ĐIỀN: mã văn bản"])
    assert check(good) == (True, [])
    assert check(bad) == (False, [
        ("bad-format", 3, 6, "Kết quả!F3 (Văn bản nguồn)", {"value": "Nguồn ABC", "hint": ID_HINT}),
        ("sheet-number-format", 3, 4, "Kết quả!D3 (Kết quả)", {"value": "12 cái"}),
    ])
    assert check(unfilled) == (False, [
        ("placeholder", 4, 6, "Kết quả!F4 (Văn bản nguồn)", {"value": "ĐIỀN: mã văn bản"}),
    ])


def test_a_row_field_without_a_cell_name_keeps_its_field_name() -> None:
    # a row as the workbook reader makes it, with one field (`extra`) that has no cell: its own name
    row = Mapping(unit="Vĩnh Long", track="dich-vu-cong", indicator="doi-hinh", value=12,
                  source="nguon", extra="x")
    row.place = (5, 1)
    row.key_places = {key: (5, column) for column, key in enumerate(row, start=1)}
    row.field_names = {"unit": "Kết quả!A5 (Đơn vị)", "value": "Kết quả!D5 (Kết quả)"}
    assert check(RawRecord("result", SHEET_FILE, row)) == (False, [
        ("unknown-field", 5, 6, "extra", {"name": "extra", "allowed": "unit, track, indicator, value, note, source",
                                         "suggestion": "Có phải là \"track\"? "}),
    ])
    del row["extra"]
    row["unit"] = ""
    assert check(RawRecord("result", SHEET_FILE, row)) == (False, [("empty-value", 5, 1, "Kết quả!A5 (Đơn vị)", {})])
