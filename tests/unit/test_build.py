"""check/build.py: raw records → the typed, linked Dataset, each field read once by its schema."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import textwrap

from campaign_results.check.build import build_dataset
from campaign_results.load.discover import RawRecord
from campaign_results.load.yaml_file import parse_yaml
from campaign_results.numbers import Quantity
from campaign_results.problems import Report

from ..conftest import REFERENCE


def raw(kind: str, file: str, text: str) -> RawRecord:
    return RawRecord(kind, file, parse_yaml(textwrap.dedent(text)).data)


INDICATORS = [
    raw("indicator", "data/indicators.csv", "code: kinh-phi\nlabel: Kinh phí\nunit: đồng\nkind: money\n"),
    raw("indicator", "data/indicators.csv", "code: doi-hinh\nlabel: Đội hình\nunit: đội hình\nkind: count\n"),
]
DOCUMENT = raw("document", "data/documents/ben-tre-2021-1.yaml", """\
    id: ben-tre-2021-1
    type: KH
    issuer: Bến Tre
    title: Kế hoạch
    date: 5/3/2021
    """)


MODEL = """\
    id: ben-tre-2021-m
    name: Mô hình
    unit: Bến Tre
    year: 2021
    level: tinh
    status: cong-nhan
    """


def model(body: str, sources: str = "sources: [ben-tre-2021-1]\n") -> RawRecord:
    return raw("model", "data/models/2021/ben-tre-2021-m.yaml", textwrap.dedent(MODEL) + sources + textwrap.dedent(body))


def build(*raws: RawRecord):
    report = Report()
    return build_dataset([*INDICATORS, DOCUMENT, *raws], REFERENCE, report), report


def test_a_model_is_built_with_typed_values_and_its_unit_as_an_id():
    dataset, report = build(model("""\
        budget:
          amount: hơn 17,5 tỷ đồng
        indicators:
          - indicator: doi-hinh
            target: "1.000"
            result: "1.166"
        """))
    assert report.problems == []
    built = dataset.models["ben-tre-2021-m"]
    assert built.unit == "ben-tre" and built.year == 2021 and built.sources == ["ben-tre-2021-1"]
    assert built.budget.amount == Quantity(17_500_000_000, "hơn") and built.budget.parts == []
    figure = built.indicators[0]
    assert (figure.target, figure.result, figure.scope) == (Quantity(1000), Quantity(1166), None)
    assert round(figure.percent, 1) == Decimal("116.6")
    assert built.origin.file == "data/models/2021/ben-tre-2021-m.yaml" and built.origin.line == 1
    assert dataset.documents["ben-tre-2021-1"].date == dt.date(2021, 3, 5)
    assert dataset.documents["ben-tre-2021-1"].held is False  # the schema's default


def test_a_figure_is_read_with_the_kind_of_its_indicator():
    _, report = build(model("""\
        indicators:
          - indicator: doi-hinh
            result: 157,3
        """))
    assert [(p.code, p.line, p.field) for p in report.problems] == [
        ("number-not-integer", 10, "indicators › mục 1 › result")]


def test_a_reference_to_a_missing_document_names_its_place_and_the_nearest_id():
    _, report = build(model("", sources="sources:\n  - ben-tre-2021-1\n  - ben-tre-2021-2\n"))
    [problem] = report.problems
    assert (problem.code, problem.line, problem.field) == ("unknown-document", 9, "sources › mục 2")
    assert "ben-tre-2021-1" in problem.params["suggestion"]


def test_a_unit_is_read_at_the_date_of_the_record():
    """Bến Tre merged into Vĩnh Long on 1/7/2025: a peak day of 2025-08 may not name it."""
    day = raw("peak_day", "data/peak-days/2025-08-01-x.yaml", """\
        id: 2025-08-01-x
        name: Ngày cao điểm
        date: 1/8/2025
        campaign: c
        organiser: Trung ương Đoàn
        tracks:
          - id: t
            name: Mặt
            highlighted_units: [Vĩnh Long, Bến Tre]
        sources: [ben-tre-2021-1]
        """)
    unit = raw("unit", "data/units/trung-uong-doan.yaml", "id: trung-uong-doan\nname: Trung ương Đoàn\nkind: trung-uong\n")
    campaign = raw("campaign", "data/campaigns/c.yaml", "id: c\nname: C\nyear: 2025\norganiser: Trung ương Đoàn\nsources: [ben-tre-2021-1]\n")
    dataset, report = build(unit, campaign, day)
    assert [(p.code, p.line, p.field) for p in report.problems] == [
        ("province-merged", 9, "tracks › mục 1 › highlighted_units › mục 2")]
    track = dataset.peak_days["2025-08-01-x"].tracks[0]
    assert track.highlighted_units == ["vinh-long-2025"]  # the unit that could not be read is left out
    assert dataset.peak_days["2025-08-01-x"].organiser == "trung-uong-doan"


def test_a_total_whose_value_cannot_be_read_is_left_out_and_reported():
    day = raw("peak_day", "data/peak-days/2023-08-11-x.yaml", """\
        id: 2023-08-11-x
        name: Ngày cao điểm
        date: 11/8/2023
        campaign: c
        organiser: Bến Tre
        tracks:
          - id: t
            name: Mặt
            totals:
              - indicator: doi-hinh
                value: 12,5
              - indicator: doi-hinh
                value: "8.884"
        sources: [ben-tre-2021-1]
        """)
    campaign = raw("campaign", "data/campaigns/c.yaml", "id: c\nname: C\nyear: 2023\norganiser: Bến Tre\nsources: [ben-tre-2021-1]\n")
    dataset, report = build(campaign, day)
    assert [(p.code, p.line) for p in report.problems] == [("number-not-integer", 11)]
    assert [t.value for t in dataset.peak_days["2023-08-11-x"].tracks[0].totals] == [Quantity(8884)]


def test_a_second_record_with_the_same_id_is_reported_on_both():
    _, report = build(model(""), raw("model", "data/models/2021/copy/ben-tre-2021-m.yaml", """\
        id: ben-tre-2021-m
        name: Bản sao
        unit: Bến Tre
        year: 2021
        level: tinh
        status: cong-nhan
        sources: [ben-tre-2021-1]
        """))
    assert sorted((p.code, p.file, p.line) for p in report.problems) == [
        ("duplicate-id", "data/models/2021/ben-tre-2021-m.yaml", 1),
        ("duplicate-id", "data/models/2021/copy/ben-tre-2021-m.yaml", 1)]
