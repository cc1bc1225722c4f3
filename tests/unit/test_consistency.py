"""crosscheck/consistency.py: the rules across records, on a checked dataset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from campaign_results.crosscheck.consistency import check_dataset
from campaign_results.model.records import Dataset, Origin, record_type
from campaign_results.model.units import UnitRegistry
from campaign_results.pipeline import check_data
from campaign_results.problems import Report

from ..conftest import fixture_data


def documents(*specs: tuple) -> Dataset:
    """Documents (id, date or None, cites) in files named after them, one per line 1."""
    make = record_type("Document")
    dataset = Dataset(units=UnitRegistry())
    for doc_id, date, cites in specs:
        dataset.documents[doc_id] = make(origin=Origin(f"data/documents/{doc_id}.yaml", 1), id=doc_id, type="KH",
                                         issuer="trung-uong-doan", title="Kế hoạch", date=date, cites=list(cites))
    return dataset


def problems_of(dataset: Dataset) -> list[tuple]:
    report = Report()
    check_dataset(dataset, report)
    return sorted((p.code, p.file, p.params.get("cycle", "")) for p in report.problems)


def test_a_ring_of_three_citations_is_reported_once_and_a_chain_not_at_all():
    ring = documents(("a", None, ["b"]), ("b", None, ["c"]), ("c", None, ["a"]), ("d", None, ["a"]))
    assert problems_of(ring) == [("citation-cycle", "data/documents/a.yaml", "a → b → c → a")]
    chain = documents(("a", None, ["b"]), ("b", None, ["c"]), ("c", None, []), ("d", None, ["a", "c"]))
    assert problems_of(chain) == []


def test_two_rings_are_two_problems():
    rings = documents(("a", None, ["b"]), ("b", None, ["a"]), ("x", None, ["y"]), ("y", None, ["x"]))
    assert problems_of(rings) == [("citation-cycle", "data/documents/a.yaml", "a → b → a"),
                                  ("citation-cycle", "data/documents/x.yaml", "x → y → x")]


def test_a_document_citing_itself_or_a_later_one():
    found = problems_of(documents(("a", dt.date(2021, 5, 1), ["a", "b"]), ("b", dt.date(2021, 6, 1), [])))
    assert found == [("citation-forward", "data/documents/a.yaml", ""), ("citation-self", "data/documents/a.yaml", "")]


def _checked(tmp_path: Path, file: str, old: str, new: str) -> list[tuple]:
    data = fixture_data(tmp_path / "data")
    path = data.parent / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = check_data(data, data.parent).report
    return [(p.code, p.file, p.line, p.field) for p in report.problems]


PEAK_DAY = "data/peak-days/2023-08-11-do-thi-van-minh-dich-vu-cong.yaml"
RESULTS = "data/results/2023-08-11-do-thi-van-minh-dich-vu-cong.csv"


def test_the_fixture_passes_every_rule(fixture_dataset):
    report = Report()
    check_dataset(fixture_dataset, report)
    assert report.problems == []


def test_budget_parts_that_do_not_add_up(tmp_path):
    file = "data/models/2021/ben-tre-2021-truong-hoc-xanh-sach-nang-dong.yaml"
    found = _checked(tmp_path, file, "amount: 330 triệu đồng", "amount: 303 triệu đồng")
    [(code, where, line, field)] = found
    assert (code, where, field) == ("sum-mismatch", file, "budget › parts")
    text = (tmp_path / file).read_text(encoding="utf-8")
    assert text.splitlines()[line - 1].strip() == "parts:"


def test_a_weekday_that_does_not_match_its_date(tmp_path):
    found = _checked(tmp_path, PEAK_DAY, "weekday: Thứ Sáu\ncampaign", "weekday: Thứ Bảy\ncampaign")
    assert found == [("weekday-mismatch", PEAK_DAY, 6, "weekday")]


def test_a_peak_day_outside_its_campaigns_year(tmp_path):
    found = _checked(tmp_path, "data/campaigns/2023-thanh-nien-tinh-nguyen-he.yaml", "year: 2023", "year: 2022")
    assert ("campaign-year-mismatch", PEAK_DAY, 5, "date") in found


def test_the_same_result_twice_in_one_file(tmp_path):
    data = fixture_data(tmp_path / "data")
    path = data.parent / RESULTS
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    report = check_data(data, data.parent).report
    duplicate = [p for p in report.problems if p.code == "duplicate-result"]
    assert [(p.file, p.line, p.params["line"]) for p in duplicate] == [(RESULTS, len(lines) + 1, 2)]
