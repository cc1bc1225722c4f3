"""check/schema.py: each record against the JSON Schema of its kind, every failure a catalogue
problem at its line and field."""

from __future__ import annotations

import textwrap

from campaign_results.check.schema import check_schema
from campaign_results.load.discover import RawRecord
from campaign_results.load.yaml_file import Mapping, parse_yaml
from campaign_results.problems import Report

FILE = "data/models/2021/ben-tre-2021-m.yaml"
VALID = """\
    id: ben-tre-2021-m
    name: Mô hình
    unit: Bến Tre
    year: 2021
    level: tinh
    status: cong-nhan
    indicators:
      - indicator: doi-hinh
        target: "1.000"
        result: "1.166"
    sources: [ben-tre-2021-1]
    """


def check(text: str, kind: str = "model") -> tuple[bool, list[tuple]]:
    report = Report()
    ok = check_schema(RawRecord(kind, FILE, parse_yaml(textwrap.dedent(text)).data), report)
    return ok, [(p.code, p.line, p.field) for p in report.problems]


def test_a_valid_record_passes_with_no_problem():
    assert check(VALID) == (True, [])


def test_a_missing_required_field_is_named():
    assert check(VALID.replace("    status: cong-nhan\n", "")) == (False, [("missing-field", 1, "status")])


def test_an_unknown_field_is_refused_with_the_nearest_name():
    report = Report()
    text = textwrap.dedent(VALID) + "staus: cong-nhan\n"
    check_schema(RawRecord("model", FILE, parse_yaml(text).data), report)
    [problem] = report.problems
    assert (problem.code, problem.line, problem.field) == ("unknown-field", 12, "staus")
    assert "status" in problem.params["suggestion"]


def test_values_of_the_wrong_kind_are_reported_at_their_line():
    ok, found = check(VALID.replace("level: tinh", "level: tinhh").replace("year: 2021", "year: hai nghìn")
                      .replace("id: ben-tre-2021-m", "id: Ben Tre 2021"))
    assert not ok
    assert sorted(found) == [("bad-format", 1, "id"), ("not-in-list", 5, "level"), ("wrong-type", 4, "year")]


def test_a_number_written_the_english_way_and_an_empty_name():
    _, found = check(VALID.replace('result: "1.166"', "result: 1,166.5").replace("name: Mô hình", 'name: " "'))
    assert sorted(found) == [("empty-value", 2, "name"), ("number-english-format", 10, "indicators › mục 1 › result")]


def test_a_bad_date_is_reported_at_its_field():
    text = """\
        id: ben-tre-2021-1
        type: KH
        issuer: Bến Tre
        title: Kế hoạch
        date: 31/2/2021
        """
    assert check(text, "document") == (False, [("date-invalid", 5, "date")])


def test_a_placeholder_is_reported_once_not_again_as_a_bad_value():
    ok, found = check(VALID.replace('target: "1.000"', 'target: "ĐIỀN: chỉ tiêu"'))
    assert (ok, found) == (False, [("placeholder", 9, "indicators › mục 1 › target")])


def test_html_in_a_plain_field_and_in_a_markdown_block_at_the_line_written():
    text = textwrap.dedent(VALID) + "place: <b>Ba Tri</b>\ndescription: |\n  Dòng một.\n  Dòng <script>x</script>\n"
    report = Report()
    check_schema(RawRecord("model", FILE, parse_yaml(text).data), report)
    assert sorted((p.code, p.line, p.field) for p in report.problems) == [
        ("html-script", 15, "description"), ("html-tag", 12, "place")]


def test_a_spreadsheet_row_is_reported_at_its_cell():
    row = Mapping({"unit": "Hưng Yên", "track": "t", "indicator": "doi-hinh", "value": "12,5,3", "source": "d"})
    row.key_places = {key: (5, i + 1) for i, key in enumerate(row)}
    row.place = (5, 1)
    row.field_names = {"value": "Kết quả!D5 (Kết quả)"}
    report = Report()
    assert not check_schema(RawRecord("result", "ket-qua.xlsx", row, table="x"), report)
    assert [(p.code, p.line, p.field) for p in report.problems] == [("number-format", 5, "Kết quả!D5 (Kết quả)")]
