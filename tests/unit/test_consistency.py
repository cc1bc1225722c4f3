"""campaign_results/crosscheck/consistency.py: the checks across records, run on the dataset
of a small data folder (the fixture records of tests/fixtures/data/, one value edited per test),
each problem named by its rule and by the file, line and field where it is to be corrected."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from campaign_results.crosscheck.consistency import _citation_cycles, bounds, check_dataset
from campaign_results.numbers import Quantity
from campaign_results.pipeline import check_data
from campaign_results.problems import Report

PEAK_DAY = "data/peak-days/2023-08-11-do-thi-van-minh-dich-vu-cong.yaml"
RESULTS = "data/results/2023-08-11-do-thi-van-minh-dich-vu-cong.csv"
SCHOOLS = "data/models/2021/ben-tre-2021-truong-hoc-xanh-sach-nang-dong.yaml"
TREES = "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
BEN_TRE_PLAN = "data/plans/ben-tre-2021-ho-tro-dich-vu-cong.yaml"
KIEN_GIANG_PLAN = "data/plans/kien-giang-2023-ngay-cao-diem-11-8.yaml"
CAMPAIGN = "data/campaigns/2023-thanh-nien-tinh-nguyen-he.yaml"
NATIONAL_REPORT = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"

# A report (BC) dated the day before the peak day: whatever takes its figures from it is out of order.
EARLY_REPORT_ID = "trung-uong-doan-2023-bao-cao-som"
EARLY_REPORT = (f"id: {EARLY_REPORT_ID}\n"
                "number: 99-BC/TWĐTN-CNĐT\n"
                "type: BC\n"
                "issuer: Trung ương Đoàn\n"
                "date: 10/8/2023\n"
                "title: Báo cáo nhanh Ngày cao điểm\n")
EARLY = {"report": "99-BC/TWĐTN-CNĐT", "report_date": "10/8/2023", "peak_day_date": "11/8/2023"}


def document(doc_id: str, date: str, cites: list[str] = (), type_: str = "KH") -> str:
    lines = [f"id: {doc_id}", f"type: {type_}", "issuer: Tỉnh đoàn Kiên Giang", f"date: {date}",
             "title: Kế hoạch"]
    if cites:
        lines += ["cites:", *(f"  - {cited}" for cited in cites)]
    return "\n".join(lines) + "\n"


def edit(data: Path, file: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``file`` (a path from the project root)."""
    path = data.parent / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (file, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(data: Path, file: str, text: str) -> None:
    path = data.parent / file
    assert not path.exists(), file
    path.write_text(text, encoding="utf-8")


def crosscheck(data: Path) -> list[tuple]:
    """The problems the cross-checks find in ``data``, as (code, file, line, column, field, params).

    Every problem of the whole check must be one of them: an edit that also breaks a schema or a
    reference would not test the cross-check alone."""
    result = check_data(data, data.parent)
    assert result.dataset is not None
    report = Report()
    check_dataset(result.dataset, report)
    found = [(p.code, p.file, p.line, p.column, p.field, p.params) for p in report.problems]
    assert [(p.code, p.file, p.line, p.column, p.field, p.params) for p in result.report.problems] == found
    for problem in report.problems:
        assert problem.missing == (), (problem.code, problem.missing)  # every slot of the message filled
    return found


def test_the_fixture_records_are_consistent(data_copy: Path) -> None:
    assert crosscheck(data_copy) == []


# --- parts against their total -----------------------------------------------------------------

def test_budget_parts_that_do_not_add_up_to_the_amount(data_copy: Path) -> None:
    edit(data_copy, SCHOOLS, "      amount: 330 triệu đồng\n", "      amount: 300 triệu đồng\n")
    assert crosscheck(data_copy) == [
        ("sum-mismatch", SCHOOLS, 23, 3, "budget › parts",
         {"parts": "330.000.000 đồng", "total": "360.000.000 đồng"}),
    ]


def test_budget_parts_against_an_approximate_amount(data_copy: Path) -> None:
    # "khoảng 300 triệu" stands for 270 to 330 million: parts of 360 million are outside it
    edit(data_copy, SCHOOLS, "  amount: 360 triệu đồng\n", "  amount: khoảng 300 triệu đồng\n")
    assert crosscheck(data_copy) == [
        ("sum-mismatch-qualified", SCHOOLS, 23, 3, "budget › parts",
         {"parts": "360.000.000 đồng", "total": "khoảng 300.000.000 đồng", "qualifier": "khoảng",
          "low": "270.000.000 đồng", "high": "330.000.000 đồng"}),
    ]


@pytest.mark.parametrize("amount", ["khoảng 330 triệu đồng", "khoảng 400 triệu đồng", "gần 400 triệu đồng",
                                    "hơn 180 triệu đồng"])
def test_budget_parts_within_the_range_of_a_qualified_amount(data_copy: Path, amount: str) -> None:
    edit(data_copy, SCHOOLS, "  amount: 360 triệu đồng\n", f"  amount: {amount}\n")
    assert crosscheck(data_copy) == []


def test_a_reconciliation_note_accepts_parts_that_do_not_add_up(data_copy: Path) -> None:
    edit(data_copy, SCHOOLS, "      amount: 330 triệu đồng\n",
         "      amount: 300 triệu đồng\n  reconciliation_note: Văn bản ghi tổng khác các khoản.\n")
    assert crosscheck(data_copy) == []


def test_event_resources_that_do_not_add_up_to_their_total(data_copy: Path) -> None:
    edit(data_copy, PEAK_DAY, "  resources_total: 475 triệu đồng\n", "  resources_total: 500 triệu đồng\n")
    assert crosscheck(data_copy) == [
        ("sum-mismatch", PEAK_DAY, 107, 3, "central_event › resources_total",
         {"parts": "475.000.000 đồng", "total": "500.000.000 đồng"}),
    ]


def test_unit_results_above_the_national_total(data_copy: Path) -> None:
    # the six units' đội hình of the second track add up to 161 + 300 + 612 + 450 + 178 + 243 = 1.944
    edit(data_copy, PEAK_DAY, 'value: "6.369"\n', 'value: "1.900"\n')
    assert crosscheck(data_copy) == [
        ("part-exceeds-total", PEAK_DAY, 53, 9, "tracks › mục 2 › totals › mục 1 › value",
         {"parts": "1.944", "total": "1.900", "indicator": "doi-hinh"}),
    ]


def test_unit_results_above_a_qualified_national_total(data_copy: Path) -> None:
    # "hơn 900" stands for 900 to 1.800
    edit(data_copy, PEAK_DAY, 'value: "6.369"\n', "value: hơn 900\n")
    assert crosscheck(data_copy) == [
        ("part-exceeds-qualified-total", PEAK_DAY, 53, 9, "tracks › mục 2 › totals › mục 1 › value",
         {"parts": "1.944", "total": "hơn 900", "qualifier": "hơn", "high": "1.800", "indicator": "doi-hinh"}),
    ]


@pytest.mark.parametrize("total", ['"1.944"', "hơn 1.000", "khoảng 1.800", "gần 2.000"])
def test_unit_results_within_the_national_total(data_copy: Path, total: str) -> None:
    edit(data_copy, PEAK_DAY, 'value: "6.369"\n', f"value: {total}\n")
    assert crosscheck(data_copy) == []


@pytest.mark.parametrize("written, low, high", [
    ("600", 600, 600),
    ("khoảng 600", 540, 660),
    ("gần 600", 540, 600),
    ("hơn 600", 600, 1200),
    ("trên 600", 600, 1200),
    ("ít nhất 600", 600, 1200),
])
def test_bounds_of_a_figure_as_written(written: str, low: int, high: int) -> None:
    qualifier, _, value = written.rpartition(" ")
    assert bounds(Quantity(int(value), qualifier or None)) == (low, high)


# --- results against targets -------------------------------------------------------------------

def test_a_result_far_above_its_target(data_copy: Path) -> None:
    # 40.201 trees planted against a target of 3.000: more than ten times (a warning)
    edit(data_copy, TREES, '    target: "33.000"\n', '    target: "3.000"\n')
    assert crosscheck(data_copy) == [
        ("result-implausible", TREES, 29, 5, "indicators › mục 3 › result",
         {"result": "40.201", "target": "3.000"}),
    ]
    assert check_data(data_copy, data_copy.parent).report.ok  # a warning: the site is still built


def test_a_result_ten_times_its_target_is_accepted(data_copy: Path) -> None:
    edit(data_copy, TREES, '    result: "40.201"\n', '    result: "330.000"\n')
    assert crosscheck(data_copy) == []


def test_a_stated_percentage_that_does_not_match_result_over_target(data_copy: Path) -> None:
    # 30 schools of 36 is 83,3 %, not the 100 % written
    edit(data_copy, SCHOOLS, "    result: 36\n", "    result: 30\n")
    assert crosscheck(data_copy) == [
        ("percent-mismatch", SCHOOLS, 33, 5, "indicators › mục 1 › stated_percent",
         {"stated": "100%", "computed": "83,3%"}),
    ]


def test_a_percentage_of_a_target_of_zero(data_copy: Path) -> None:
    edit(data_copy, SCHOOLS, "    target: 36\n", "    target: 0\n")
    assert crosscheck(data_copy) == [
        ("percent-zero-target", SCHOOLS, 33, 5, "indicators › mục 1 › stated_percent", {"stated": "100%"}),
    ]


# --- dates in order ----------------------------------------------------------------------------

@pytest.mark.parametrize("file, old, new, problem", [
    # a source of the peak day
    (PEAK_DAY, "  - kien-giang-2023-342-cv\n", f"  - {EARLY_REPORT_ID}\n",
     ("report-before-peak-day", 183, 5, "sources › mục 2", EARLY)),
    # the source of a national total
    (PEAK_DAY, '        value: "5.508"\n', f'        value: "5.508"\n        source: {EARLY_REPORT_ID}\n',
     ("report-before-peak-day", 37, 9, "tracks › mục 1 › totals › mục 3 › source", EARLY)),
    # the source of the list of late reporters
    (PEAK_DAY, f"  source: {NATIONAL_REPORT}\nsources:", f"  source: {EARLY_REPORT_ID}\nsources:",
     ("report-before-peak-day", 180, 3, "late_reporters › source", EARLY)),
])
def test_a_report_dated_before_the_peak_day_it_reports(data_copy: Path, file: str, old: str, new: str,
                                                       problem: tuple) -> None:
    write(data_copy, f"data/documents/{EARLY_REPORT_ID}.yaml", EARLY_REPORT)
    edit(data_copy, file, old, new)
    code, line, column, field, params = problem
    assert crosscheck(data_copy) == [(code, file, line, column, field, params)]


EVENT = "Tuyến đường văn minh cấp tỉnh của Tỉnh đoàn Kiên Giang"
CENTRAL_EVENT = ('Lễ ra quân hoạt động điểm cấp Trung ương Ngày cao điểm "Chiến sỹ tình nguyện vì đô thị văn '
                 'minh và hỗ trợ người dân thực hiện dịch vụ công trực tuyến, giải quyết thủ tục hành chính"')


@pytest.mark.parametrize("old, new, problem", [
    # the source of an event (the third: its second in `events`)
    ("    source: kien-giang-2023-342-cv\ndeadlines:", f"    source: {EARLY_REPORT_ID}\ndeadlines:",
     (161, 5, "events › mục 2 › source", EVENT)),
    # the source of one figure of the central event
    ("      value: 100\n", f"      value: 100\n      source: {EARLY_REPORT_ID}\n",
     (91, 7, "central_event › figures › mục 1 › source", CENTRAL_EVENT)),
])
def test_a_report_dated_before_the_event_it_reports(data_copy: Path, old: str, new: str, problem: tuple) -> None:
    write(data_copy, f"data/documents/{EARLY_REPORT_ID}.yaml", EARLY_REPORT)
    edit(data_copy, PEAK_DAY, old, new)
    line, column, field, event = problem
    assert crosscheck(data_copy) == [
        ("report-before-event", PEAK_DAY, line, column, field,
         {"report": "99-BC/TWĐTN-CNĐT", "report_date": "10/8/2023", "event": event, "event_date": "11/8/2023"}),
    ]


def test_a_unit_result_from_a_report_dated_before_the_peak_day(data_copy: Path) -> None:
    edit(data_copy, RESULTS, f"Ninh Bình,dich-vu-cong,doi-hinh,178,Chú thích 10.,{NATIONAL_REPORT}\n",
         f"Ninh Bình,dich-vu-cong,doi-hinh,178,Chú thích 10.,{EARLY_REPORT_ID}\n")
    write(data_copy, f"data/documents/{EARLY_REPORT_ID}.yaml", EARLY_REPORT)
    assert crosscheck(data_copy) == [("result-report-before-peak-day", RESULTS, 29, 6, "source", EARLY)]


def test_a_document_other_than_a_report_may_be_dated_before_the_peak_day(data_copy: Path) -> None:
    write(data_copy, f"data/documents/{EARLY_REPORT_ID}.yaml", EARLY_REPORT.replace("type: BC", "type: CV")
          .replace("99-BC/", "99-CV/"))
    edit(data_copy, PEAK_DAY, "  - kien-giang-2023-342-cv\n", f"  - {EARLY_REPORT_ID}\n")
    assert crosscheck(data_copy) == []


def test_a_directive_dated_after_its_peak_day(data_copy: Path) -> None:
    write(data_copy, "data/documents/trung-uong-doan-2023-1700-cv.yaml",
          document("trung-uong-doan-2023-1700-cv", "12/8/2023", type_="CV")
          .replace("type: CV\n", "number: 1700-CV/TWĐTN-CNĐT\ntype: CV\n"))
    edit(data_copy, PEAK_DAY, "directive: trung-uong-doan-2023-1134-cv\n", "directive: trung-uong-doan-2023-1700-cv\n")
    assert crosscheck(data_copy) == [
        ("directive-after-peak-day", PEAK_DAY, 9, 1, "directive",
         {"directive": "1700-CV/TWĐTN-CNĐT", "directive_date": "12/8/2023", "peak_day_date": "11/8/2023"}),
    ]


def test_a_deadline_before_the_document_that_sets_it(data_copy: Path) -> None:
    # the deadline names its source (ben-tre-2021-2094-cv, 18/02/2021)
    edit(data_copy, BEN_TRE_PLAN, "    date: 31/3/2021\n", "    date: 17/02/2021\n")
    assert crosscheck(data_copy) == [
        ("deadline-before-document", BEN_TRE_PLAN, 54, 5, "deadlines › mục 1 › date",
         {"deadline": "Báo cáo nhanh kết quả thực hiện", "date": "17/2/2021",
          "document": "2094-CV/TĐTN-TCKT", "document_date": "18/2/2021"}),
    ]


def test_a_deadline_of_a_plan_without_a_source_is_set_by_the_plans_document(data_copy: Path) -> None:
    # kien-giang-2023-342-cv is dated 26/7/2023; 25/7/2023 was a Tuesday
    edit(data_copy, KIEN_GIANG_PLAN, "    date: 04/8/2023\n    time: 12h00\n    weekday: Thứ Sáu\n",
         "    date: 25/7/2023\n    time: 12h00\n    weekday: Thứ Ba\n")
    assert crosscheck(data_copy) == [
        ("deadline-before-document", KIEN_GIANG_PLAN, 70, 5, "deadlines › mục 1 › date",
         {"deadline": "Tổng hợp nội dung dự kiến triển khai hoạt động tại địa phương, đơn vị",
          "date": "25/7/2023", "document": "342-CV/TĐTN-BPT", "document_date": "26/7/2023"}),
    ]


def test_a_deadline_of_a_peak_day_before_its_source(data_copy: Path) -> None:
    edit(data_copy, PEAK_DAY, "    date: 12/8/2023\n    time: 9h00\n    weekday: Thứ Bảy\n",
         "    date: 25/7/2023\n    time: 9h00\n    weekday: Thứ Ba\n")
    assert crosscheck(data_copy) == [
        ("deadline-before-document", PEAK_DAY, 171, 5, "deadlines › mục 2 › date",
         {"deadline": "Cập nhật báo cáo kết quả triển khai thực hiện", "date": "25/7/2023",
          "document": "342-CV/TĐTN-BPT", "document_date": "26/7/2023"}),
    ]


# --- years and weekdays that must agree --------------------------------------------------------

def test_a_peak_day_in_another_year_than_its_campaign(data_copy: Path) -> None:
    edit(data_copy, CAMPAIGN, "year: 2023\n", "year: 2022\n")
    assert crosscheck(data_copy) == [
        ("campaign-year-mismatch", PEAK_DAY, 5, 1, "date",
         {"year": 2023, "campaign": "Chiến dịch Thanh niên tình nguyện Hè 2023", "campaign_year": 2022}),
    ]


def test_a_plan_in_another_year_than_its_document(data_copy: Path) -> None:
    edit(data_copy, BEN_TRE_PLAN, "year: 2021\n", "year: 2022\n")
    assert crosscheck(data_copy) == [
        ("year-mismatch", BEN_TRE_PLAN, 4, 1, "year",
         {"year": 2022, "document": "2094-CV/TĐTN-TCKT", "date": "18/2/2021"}),
    ]


def test_a_model_more_than_a_year_away_from_its_source(data_copy: Path) -> None:
    # the model's source, ben-tre-2021-2616-cv, is dated 18/11/2021
    edit(data_copy, TREES, "year: 2021\n", "year: 2019\n")
    assert crosscheck(data_copy) == [
        ("year-mismatch", TREES, 34, 5, "sources › mục 1",
         {"year": 2019, "document": "2616-CV/TĐTN-BPT", "date": "18/11/2021"}),
    ]


def test_a_model_a_year_away_from_its_source_is_accepted(data_copy: Path) -> None:
    edit(data_copy, TREES, "year: 2021\n", "year: 2020\n")
    assert crosscheck(data_copy) == []


def test_the_weekday_of_a_peak_day_that_does_not_match_its_date(data_copy: Path) -> None:
    edit(data_copy, PEAK_DAY, "weekday: Thứ Sáu\ncampaign:", "weekday: Thứ Năm\ncampaign:")
    assert crosscheck(data_copy) == [
        ("weekday-mismatch", PEAK_DAY, 6, 1, "weekday",
         {"date": "11/8/2023", "actual": "Thứ Sáu", "stated": "Thứ Năm"}),
    ]


def test_the_weekday_of_a_deadline_that_does_not_match_its_date(data_copy: Path) -> None:
    edit(data_copy, KIEN_GIANG_PLAN, "    time: 9h00\n    weekday: Thứ Bảy\n",
         "    time: 9h00\n    weekday: Chủ Nhật\n")
    assert crosscheck(data_copy) == [
        ("weekday-mismatch", KIEN_GIANG_PLAN, 78, 5, "deadlines › mục 2 › weekday",
         {"date": "12/8/2023", "actual": "Thứ Bảy", "stated": "Chủ Nhật"}),
    ]


# --- document numbers --------------------------------------------------------------------------

def test_a_document_type_that_does_not_match_its_number(data_copy: Path) -> None:
    file = "data/documents/ben-tre-2021-2094-cv.yaml"
    edit(data_copy, file, "type: CV\n", "type: KH\n")
    assert crosscheck(data_copy) == [
        ("document-type-mismatch", file, 3, 1, "type",
         {"type": "KH", "number": "2094-CV/TĐTN-TCKT", "expected": "CV"}),
    ]


# --- the same result twice ---------------------------------------------------------------------

def test_the_same_result_twice_in_one_file(data_copy: Path) -> None:
    row = f"Hưng Yên,dich-vu-cong,doi-hinh,161,Chú thích 6.,{NATIONAL_REPORT}\n"
    edit(data_copy, RESULTS, row, row + row.replace(",161,", ",99,"))
    # the second row is not counted again in the sum against the national total
    assert crosscheck(data_copy) == [
        ("duplicate-result", RESULTS, 18, 1, "unit",
         {"unit": "Hưng Yên", "indicator": "doi-hinh", "track": "dich-vu-cong", "line": 17}),
    ]


def test_the_same_result_in_two_files_of_the_peak_day(data_copy: Path) -> None:
    other = "data/results/2023-08-11-do-thi-van-minh-dich-vu-cong-hung-yen.csv"
    write(data_copy, other, "unit,track,indicator,value,source\n"
                            "Bến Tre,dich-vu-cong,doi-hinh,5,kien-giang-2023-342-cv\n"
                            f"Hưng Yên,dich-vu-cong,doi-hinh,161,{NATIONAL_REPORT}\n")
    # files are read in the order of their names ("…-hung-yen.csv" before "….csv"): the row of the
    # second file read is the one reported, naming the first
    assert crosscheck(data_copy) == [
        ("duplicate-result-other-file", RESULTS, 17, 1, "unit",
         {"unit": "Hưng Yên", "indicator": "doi-hinh", "track": "dich-vu-cong", "line": 3, "file": other}),
    ]


# --- citations between documents ---------------------------------------------------------------

def test_a_document_citing_itself(data_copy: Path) -> None:
    file = "data/documents/ben-tre-2021-2094-cv.yaml"
    edit(data_copy, file, "  - ben-tre-2020-241-kh\n", "  - ben-tre-2020-241-kh\n  - ben-tre-2021-2094-cv\n")
    # reported as citing itself, not also as a cycle
    assert crosscheck(data_copy) == [
        ("citation-self", file, 24, 5, "cites › mục 2", {"id": "ben-tre-2021-2094-cv"}),
    ]


def test_a_document_citing_one_dated_after_it(data_copy: Path) -> None:
    file = "data/documents/kien-giang-2023-35-kh.yaml"
    edit(data_copy, file, "held: false", "cites:\n  - trung-uong-doan-2023-1616-cv\nheld: false")
    assert crosscheck(data_copy) == [
        ("citation-forward", file, 9, 5, "cites › mục 1",
         {"citing": "35-KH/TĐTN-TTNTH", "citing_date": "4/5/2023", "cited": "1616-CV/TWĐTN-CNĐT",
          "cited_date": "10/8/2023", "field": "cites"}),
    ]


def test_a_number_variant_cited_in_a_document_dated_before_it(data_copy: Path) -> None:
    file = "data/documents/trung-uong-doan-2023-1134-cv.yaml"
    edit(data_copy, file, "cited_in: kien-giang-2023-342-cv", "cited_in: kien-giang-2023-35-kh")
    assert crosscheck(data_copy) == [
        ("citation-forward", file, 5, 5, "number_variants › mục 1 › cited_in",
         {"citing": "35-KH/TĐTN-TTNTH", "citing_date": "4/5/2023", "cited": "1134-CV/TWĐTN-CNĐT",
          "cited_date": "7/7/2023", "field": "number_variants"}),
    ]


def test_two_documents_citing_each_other(data_copy: Path) -> None:
    file = "data/documents/trung-uong-doan-2023-1616-cv.yaml"
    edit(data_copy, file, "held: false", f"cites:\n  - {NATIONAL_REPORT}\nheld: false")
    ring = ["trung-uong-doan-2023-1616-cv", NATIONAL_REPORT]
    assert crosscheck(data_copy) == [
        ("citation-cycle", file, 12, 5, "cites › mục 1",
         {"cycle": " → ".join(ring + ring[:1]), "ids": ", ".join(ring)}),
    ]


RING = ["kien-giang-2023-01-kh", "kien-giang-2023-02-kh", "kien-giang-2023-03-kh"]


def test_three_documents_in_a_ring_are_one_cycle_naming_each_once(data_copy: Path) -> None:
    # written in the order 02 → 03 → 01 → 02: reported once, from the first id, at its citation
    write(data_copy, f"data/documents/{RING[1]}.yaml", document(RING[1], "01/6/2023", [RING[2]]))
    write(data_copy, f"data/documents/{RING[2]}.yaml", document(RING[2], "01/6/2023", [RING[0]]))
    write(data_copy, f"data/documents/{RING[0]}.yaml",
          document(RING[0], "01/6/2023", ["kien-giang-2023-35-kh", RING[1]]))
    assert crosscheck(data_copy) == [
        ("citation-cycle", f"data/documents/{RING[0]}.yaml", 8, 5, "cites › mục 2",
         {"cycle": " → ".join(RING + RING[:1]), "ids": ", ".join(RING)}),
    ]


def test_a_chain_of_citations_is_no_cycle(data_copy: Path) -> None:
    write(data_copy, f"data/documents/{RING[0]}.yaml", document(RING[0], "01/6/2023", [RING[1]]))
    write(data_copy, f"data/documents/{RING[1]}.yaml", document(RING[1], "01/6/2023", [RING[2]]))
    write(data_copy, f"data/documents/{RING[2]}.yaml", document(RING[2], "01/6/2023", ["kien-giang-2023-35-kh"]))
    assert crosscheck(data_copy) == []


def graph(edges: dict[str, list[str]]) -> SimpleNamespace:
    """A dataset with only documents, each citing ``edges[id]``."""
    return SimpleNamespace(documents={doc_id: SimpleNamespace(id=doc_id, cites=cites)
                                      for doc_id, cites in edges.items()})


@pytest.mark.parametrize("edges, cycles", [
    # no citation, a chain, a diamond (two ways to one document): no cycle
    ({"a": []}, []),
    ({"a": ["b"], "b": ["c"], "c": []}, []),
    ({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, []),
    # a document citing itself is not a cycle here (citation-self says it)
    ({"a": ["a"]}, []),
    # a citation of a document not in the dataset is left out
    ({"a": ["x"], "b": ["a"]}, []),
    # a ring of two, of three: one cycle each, from the group's first id back to it
    ({"a": ["b"], "b": ["a"]}, [["a", "b", "a"]]),
    ({"c": ["a"], "a": ["b"], "b": ["c"]}, [["a", "b", "c", "a"]]),
    # a ring with a chain into it and out of it: the chain is not part of the cycle
    ({"x": ["a"], "a": ["b"], "b": ["c", "y"], "c": ["a"], "y": []}, [["a", "b", "c", "a"]]),
    # one group with two rings through "a": one cycle, the shortest way round
    ({"a": ["b", "d"], "b": ["c"], "c": ["a"], "d": ["a"]}, [["a", "d", "a"]]),
    # two separate groups: one cycle each, in the order of their first ids
    ({"p": ["q"], "q": ["p"], "a": ["b"], "b": ["a"], "m": ["p"]}, [["a", "b", "a"], ["p", "q", "p"]]),
])
def test_citation_cycles_one_per_group_of_documents_citing_round(edges: dict, cycles: list) -> None:
    assert _citation_cycles(graph(edges)) == cycles


def test_citation_cycles_of_a_long_ring_and_chain_need_no_recursion() -> None:
    size = 5000  # far deeper than Python's recursion limit
    ring = [f"r{i:05d}" for i in range(size)]
    chain = [f"c{i:05d}" for i in range(size)]
    edges = {doc: [ring[(i + 1) % size]] for i, doc in enumerate(ring)}
    edges |= {doc: [chain[i + 1]] if i + 1 < size else [] for i, doc in enumerate(chain)}
    assert _citation_cycles(graph(edges)) == [ring + ring[:1]]
