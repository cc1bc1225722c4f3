"""Every figure of the five source documents, read off the documents, against the records.

The lists below are a second, independent transcription of the documents in
shared/seeds (GUIDE.md section 1): if a record is edited so that a figure no
longer matches its document, this test names the figure. It reads the fixture records (tests/fixtures/data/), so that
records staff add to data/ never fail it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest


PEAK_DAY = "2023-08-11-do-thi-van-minh-dich-vu-cong"
NATIONAL_REPORT = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"
TRIEU = 1_000_000
TY = 1_000_000_000


@pytest.fixture(scope="module")
def dataset(fixture_dataset):
    return fixture_dataset


# --- Trung ương Đoàn, national results report of the peak day of 11/8/2023 ----------

# (track, indicator, value, qualifier as written)
NATIONAL_TOTALS = [
    ("do-thi-van-minh", "doi-hinh", 8_884, None),
    ("do-thi-van-minh", "cong-trinh-phan-viec", 7_152, "hơn"),
    ("do-thi-van-minh", "hoat-dong-tuyen-truyen", 5_508, None),
    ("do-thi-van-minh", "kinh-phi", 17_500_000_000, "hơn"),
    ("dich-vu-cong", "doi-hinh", 6_369, None),
    ("dich-vu-cong", "dvtn-tham-gia", 84_158, None),
    ("dich-vu-cong", "nguoi-dan-duoc-ho-tro", 239_931, None),
    ("dich-vu-cong", "tthc-duoc-ho-tro", 93_517, None),
    ("dich-vu-cong", "kinh-phi", 6_000_000_000, "hơn"),
]

# Footnotes 2–11: (footnote, unit id, track, indicator, value)
UNIT_RESULTS = [
    (2, "ha-tinh", "do-thi-van-minh", "tuyen-pho-van-minh", 1_025),
    (2, "ha-tinh", "do-thi-van-minh", "nha-van-hoa-nha-nhan-ai", 15),
    (2, "ha-tinh", "do-thi-van-minh", "san-choi", 32),
    (2, "ha-tinh", "do-thi-van-minh", "tuyen-duong-camera", 13),
    (2, "ha-tinh", "do-thi-van-minh", "tuyen-duong-tu-quan-antt", 398),
    (2, "ha-tinh", "do-thi-van-minh", "binh-chua-chay", 200),
    (3, "dak-lak", "do-thi-van-minh", "bang-rao-vat-duoc-xoa", 3_000),
    (3, "dak-lak", "do-thi-van-minh", "luot-nguoi-duoc-tuyen-truyen", 5_000),
    (3, "dak-lak", "do-thi-van-minh", "cay-xanh", 3_650),
    (3, "dak-lak", "do-thi-van-minh", "duong-duoc-ve-sinh", 27),
    (3, "dak-lak", "do-thi-van-minh", "rac-thai-thu-gom", Decimal("3.5")),
    (4, "binh-thuan", "do-thi-van-minh", "tuyen-duong-thu-gom-rac", 100),
    (4, "binh-thuan", "do-thi-van-minh", "cay-xanh", 2_000),
    (5, "da-nang", "do-thi-van-minh", "tuyen-pho-van-minh", 125),
    (5, "da-nang", "do-thi-van-minh", "hoat-dong-tuyen-truyen", 150),
    (6, "hung-yen", "dich-vu-cong", "doi-hinh", 161),
    (6, "hung-yen", "dich-vu-cong", "dvtn-tham-gia", 3_250),
    (6, "hung-yen", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 22_750),
    (7, "nghe-an", "dich-vu-cong", "doi-hinh", 300),
    (7, "nghe-an", "dich-vu-cong", "dvtn-tham-gia", 14_700),
    (7, "nghe-an", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 20_000),
    (8, "ha-tinh", "dich-vu-cong", "doi-hinh", 612),
    (8, "ha-tinh", "dich-vu-cong", "dvtn-tham-gia", 5_970),
    (8, "ha-tinh", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 18_256),
    (9, "ban-thanh-nien-cong-an-nhan-dan", "dich-vu-cong", "doi-hinh", 450),
    (9, "ban-thanh-nien-cong-an-nhan-dan", "dich-vu-cong", "dvtn-tham-gia", 1_350),
    (9, "ban-thanh-nien-cong-an-nhan-dan", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 11_000),
    (10, "ninh-binh", "dich-vu-cong", "doi-hinh", 178),
    (10, "ninh-binh", "dich-vu-cong", "dvtn-tham-gia", 2_870),
    (10, "ninh-binh", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 9_850),
    (11, "ho-chi-minh", "dich-vu-cong", "doi-hinh", 243),
    (11, "ho-chi-minh", "dich-vu-cong", "dvtn-tham-gia", 3_025),
    (11, "ho-chi-minh", "dich-vu-cong", "nguoi-dan-duoc-ho-tro", 6_070),
]

# Footnote 1: the resources of the central event, in đồng
RESOURCES = [
    ("Con đường bích họa", 1, 50 * TRIEU),
    ("Sân chơi thiếu nhi", 1, 100 * TRIEU),
    ("nhà nhân ái", 1, 50 * TRIEU),
    ("năng lượng mặt trời", 1, 125 * TRIEU),
    ("phân loại chất thải", 1, 100 * TRIEU),
    ("Học bổng", 6, 30 * TRIEU),
    ("Xi măng", 15, 20 * TRIEU),
]

LATE_REPORTERS = {"lao-cai", "bac-kan", "thanh-hoa", "quang-nam", "kon-tum", "an-giang"}


def test_national_totals(dataset) -> None:
    day = dataset.peak_days[PEAK_DAY]
    assert day.date == dt.date(2023, 8, 11)
    for track_id, indicator, value, qualifier in NATIONAL_TOTALS:
        totals = [t for t in day.track(track_id).totals if t.indicator == indicator]
        assert len(totals) == 1, (track_id, indicator)
        assert totals[0].value.value == value, (track_id, indicator)
        assert totals[0].value.qualifier == qualifier, (track_id, indicator)
    assert sum(len(t.totals) for t in day.tracks) == len(NATIONAL_TOTALS)


def test_every_footnote_of_the_national_report(dataset) -> None:
    day = dataset.peak_days[PEAK_DAY]
    found = {(r.unit, r.track, r.indicator): r for r in day.results}
    for footnote, unit, track, indicator, value in UNIT_RESULTS:
        result = found.get((unit, track, indicator))
        assert result is not None, f"footnote {footnote}: {unit} {indicator} missing"
        assert result.value.value == value, f"footnote {footnote}: {unit} {indicator}"
        assert result.source == NATIONAL_REPORT
    assert len(day.results) == len(UNIT_RESULTS)
    qualified = {(r.unit, r.indicator) for r in day.results if r.value.qualifier == "hơn"}
    assert qualified == {("dak-lak", "luot-nguoi-duoc-tuyen-truyen"), ("dak-lak", "rac-thai-thu-gom"),
                         ("binh-thuan", "tuyen-duong-thu-gom-rac")}


def test_central_event_resources_add_up_to_475_million(dataset) -> None:
    event = dataset.peak_days[PEAK_DAY].central_event
    assert event.host == "tuyen-quang" and event.time == "07:30"
    assert event.resources_total.value == 475 * TRIEU
    assert len(event.resources) == len(RESOURCES)
    for (name, quantity, value), item in zip(RESOURCES, event.resources, strict=True):
        assert name.lower() in item.name.lower()
        assert item.quantity.value == quantity and item.value.value == value
    assert event.resources_sum == 475 * TRIEU
    figures = {f.indicator: f.value.value for f in event.figures}
    assert figures == {"tranh-ve": 100, "gian-hang": 2, "tuyen-pho-van-minh": 1,
                       "chieu-dai-tuyen-duong": 1, "san-choi": 1, "be-boi": 1}


def test_online_conference_and_late_reporters(dataset) -> None:
    day = dataset.peak_days[PEAK_DAY]
    conference = next(e for e in day.events if "VNeID" in e.name)
    assert conference.figures[0].indicator == "diem-cau"
    assert (conference.figures[0].value.value, conference.figures[0].value.qualifier) == (1_000, "hơn")
    assert set(day.late_reporters.units) == LATE_REPORTERS
    assert day.late_reporters.source == NATIONAL_REPORT
    highlighted = {t.id: set(t.highlighted_units) for t in day.tracks}
    assert highlighted["do-thi-van-minh"] == {"ha-tinh", "dak-lak", "binh-thuan", "da-nang"}
    assert highlighted["dich-vu-cong"] == {"hung-yen", "nghe-an", "ha-tinh", "ninh-binh", "ho-chi-minh",
                                           "ban-thanh-nien-cong-an-nhan-dan"}


def test_central_directive_numbers_disagree_between_documents(dataset) -> None:
    directive = dataset.documents["trung-uong-doan-2023-1134-cv"]
    assert directive.number == "1134-CV/TWĐTN-CNĐT" and directive.date == dt.date(2023, 7, 7)
    assert [(v.number, v.cited_in) for v in directive.number_variants] == [
        ("1334-CV/TWĐTN-CNĐT", "kien-giang-2023-342-cv")]
    assert dataset.documents["trung-uong-doan-2023-1616-cv"].date == dt.date(2023, 8, 10)
    assert dataset.documents["trung-uong-doan-2023-46-kh"].date == dt.date(2023, 4, 14)


# --- Tỉnh đoàn Kiên Giang, 342-CV/TĐTN-BPT ---------------------------------------------

def test_kien_giang_deadlines(dataset) -> None:
    plan = dataset.plans["kien-giang-2023-ngay-cao-diem-11-8"]
    assert plan.peak_day == PEAK_DAY and plan.unit == "kien-giang"
    assert [(d.date, d.time, d.weekday) for d in plan.deadlines] == [
        (dt.date(2023, 8, 4), "12:00", "Thứ Sáu"), (dt.date(2023, 8, 12), "09:00", "Thứ Bảy")]
    doc = dataset.documents["kien-giang-2023-342-cv"]
    assert (doc.number, doc.date, doc.signer.name) == ("342-CV/TĐTN-BPT", dt.date(2023, 7, 26), "Phan Đình Nhân")
    day_deadlines = dataset.peak_days[PEAK_DAY].deadlines
    assert {(d.date, d.time, d.set_by) for d in day_deadlines} == {
        (dt.date(2023, 8, 4), "12:00", "kien-giang"), (dt.date(2023, 8, 12), "09:00", "kien-giang")}


# --- Tỉnh đoàn Bến Tre, 2616-CV/TĐTN-BPT: three models ------------------------------

# model id → [(indicator, scope, target, result, stated percent)]
BEN_TRE_MODELS = {
    "ben-tre-2021-dich-vu-cong-truc-tuyen": [
        ("doi-hinh", "cấp tỉnh", None, 1, None),
        ("doi-hinh", "cấp huyện", 9, 9, 100),
        ("doi-hinh", "cấp xã", 157, 157, 100),
        ("dvtn-duoc-tap-huan", None, 1_000, 1_166, Decimal("116.6")),
        ("ho-so-dvc-duoc-ho-tro", None, None, 30_000, None),
        ("luc-luong-tham-gia", None, None, 1_166, None),
        ("ngay-cong", None, None, 6_000, None),
    ],
    "ben-tre-2021-vi-mot-ben-tre-xanh": [
        ("tuyen-duong", None, None, 157, None),
        ("chieu-dai-tuyen-duong", None, None, Decimal("157.3"), None),
        ("cay-xanh", None, 33_000, 40_201, None),
        ("kinh-phi", None, None, 1 * TY, None),
    ],
    "ben-tre-2021-truong-hoc-xanh-sach-nang-dong": [
        ("truong-hoc", 'trường điểm "Xanh - sạch - năng động"', 36, 36, 100),
        ("kinh-phi", None, None, 360 * TRIEU, None),
        ("ngay-cong", None, None, 360, None),
    ],
}


def _figures(model) -> list[tuple]:
    return [(f.indicator, f.scope, f.target and f.target.value, f.result and f.result.value, f.stated_percent)
            for f in model.indicators]


def test_ben_tre_models(dataset) -> None:
    for model_id, expected in BEN_TRE_MODELS.items():
        model = dataset.models[model_id]
        assert (model.unit, model.year, model.level, model.field, model.status) == (
            "ben-tre", 2021, "tinh", "doan-the", "de-nghi")
        assert model.sources == ["ben-tre-2021-2616-cv"]
        assert _figures(model) == expected, model_id
    schools = dataset.models["ben-tre-2021-truong-hoc-xanh-sach-nang-dong"].budget
    assert schools.amount.value == 360 * TRIEU
    assert [p.amount.value for p in schools.parts] == [30 * TRIEU, 330 * TRIEU]
    trees = dataset.models["ben-tre-2021-vi-mot-ben-tre-xanh"].budget
    assert (trees.amount.value, trees.amount.qualifier) == (1 * TY, "khoảng")
    first = dataset.models["ben-tre-2021-dich-vu-cong-truc-tuyen"]
    assert first.indicators[3].percent == Decimal("116.6")
    assert "<p>" not in first.description and "<i>" not in first.description
    assert "1.166/1.000" in first.description


# --- Tỉnh đoàn Bến Tre, 2094-CV/TĐTN-TCKT: the directive ----------------------------

def test_ben_tre_directive(dataset) -> None:
    plan = dataset.plans["ben-tre-2021-ho-tro-dich-vu-cong"]
    doc = dataset.documents[plan.document]
    assert (doc.number, doc.date) == ("2094-CV/TĐTN-TCKT", dt.date(2021, 2, 18))
    assert len(plan.tasks) == 5
    assert [(d.date, d.set_by) for d in plan.deadlines] == [(dt.date(2021, 3, 31), "ben-tre")]
    assert dataset.documents["ben-tre-2020-241-kh"].date == dt.date(2020, 11, 30)


# --- Tỉnh đoàn Trà Vinh, 382-KH/TĐTN-TCKT: four planned models ------------------------

TRA_VINH_TARGETS = {
    "tra-vinh-2021-cham-lo-thieu-nhi": {"thieu-nhi-duoc-cham-lo": 3_000, "kinh-phi": 600 * TRIEU},
    "tra-vinh-2021-nha-nhan-ai": {"nha-nhan-ai": 90, "kinh-phi": 3_600 * TRIEU},
    "tra-vinh-2021-tuyen-duong-thanh-nien": {"tuyen-duong": 9},
    "tra-vinh-2021-co-quan-xanh-sach-dep": {"co-quan": 1},
}


def test_tra_vinh_planned_models(dataset) -> None:
    plan = dataset.plans["tra-vinh-2021-dan-van-kheo"]
    assert plan.models == list(TRA_VINH_TARGETS)
    assert [c.field for c in plan.contents] == [
        "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri"]
    for model_id, targets in TRA_VINH_TARGETS.items():
        model = dataset.models[model_id]
        assert (model.unit, model.status, model.level) == ("tra-vinh", "ke-hoach", "tinh")
        assert {f.indicator: f.target.value for f in model.indicators} == targets
        assert all(f.result is None for f in model.indicators)
        assert model.responsible
    doc = dataset.documents["tra-vinh-2021-382-kh"]
    assert (doc.number, doc.date, doc.signer.name) == ("382-KH/TĐTN-TCKT", dt.date(2021, 6, 22), "Võ Minh Nhựt")


def test_every_record_cites_a_document(dataset) -> None:
    for model in dataset.models.values():
        assert model.sources
    for day in dataset.peak_days.values():
        assert day.sources and all(r.source in dataset.documents for r in day.results)
    for plan in dataset.plans.values():
        assert plan.document in dataset.documents
    held = {d.number for d in dataset.documents.values() if d.held}
    assert held == {"2616-CV/TĐTN-BPT", "2094-CV/TĐTN-TCKT", "382-KH/TĐTN-TCKT", "342-CV/TĐTN-BPT", None}
