"""Realistic synthetic data for the benchmark: `python build_site.py synth --records N --out DIR`.

N is the number of records (YAML files): about 87% models, 10% documents, 2%
plans, one peak day per 200 records (at least two), and two campaigns a year.
Each peak day has per-unit results for every province of the system in force
on its date (63 before 1/7/2025, 34 after) on two tracks and three indicators
each. Years run from 2019 to 2026; names and text are Vietnamese. The output
is a complete data folder (with the reference lists and the indicator
vocabulary) that passes ``check``.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import kinds
from .model.units import MERGER_DATE, SYSTEM_34, SYSTEM_63, UnitRegistry, load_provinces
from .numbers import format_number
from .project import Project

YEARS = range(2019, 2027)
LEVELS = [level for level in kinds.values("model", "level") if level != "trung-uong"]  # provinces' models
FIELDS = kinds.values("model", "field")
STATUSES = kinds.values("model", "status")
TOPICS = [
    ("Tuyến đường thanh niên \"Xanh – Sạch – Đẹp\"", "tuyen-duong", (5, 60)),
    ("Thắp sáng đường quê", "tuyen-duong", (3, 40)),
    ("Hỗ trợ người dân sử dụng dịch vụ công trực tuyến", "nguoi-dan-duoc-ho-tro", (500, 30000)),
    ("Nhà nhân ái cho hộ nghèo", "nha-nhan-ai", (2, 90)),
    ("Chăm lo thiếu nhi có hoàn cảnh khó khăn", "thieu-nhi-duoc-cham-lo", (100, 5000)),
    ("Vườn cây thanh niên", "cay-xanh", (500, 50000)),
    ("Tổ chuyển đổi số cộng đồng", "dvtn-tham-gia", (50, 3000)),
    ("Góc phố văn minh", "tuyen-pho-van-minh", (3, 200)),
    ("Phân loại rác thải tại nguồn", "hoat-dong-tuyen-truyen", (10, 500)),
    ("Tủ sách thiếu nhi", "truong-hoc", (5, 120)),
    ("Đội hình thanh niên xung kích", "doi-hinh", (5, 400)),
    ("Sân chơi cho thiếu nhi", "san-choi", (2, 60)),
]
PLACES = ["tại các xã vùng sâu", "tại khu dân cư", "tại trường học", "ở địa bàn biên giới", "tại khu công nghiệp",
          "ở các phường đô thị"]
ACTIONS = ["Vận động đoàn viên, thanh niên tham gia", "Phối hợp với chính quyền địa phương triển khai",
           "Ra quân đồng loạt tại cơ sở", "Huy động nguồn lực xã hội hóa để thực hiện",
           "Tuyên truyền, hướng dẫn người dân", "Duy trì hoạt động thường xuyên của đội hình"]
TRACKS = [
    ("do-thi-van-minh", "Tình nguyện vì đô thị văn minh", ["doi-hinh", "cong-trinh-phan-viec", "cay-xanh"]),
    ("dich-vu-cong", "Hỗ trợ người dân thực hiện dịch vụ công trực tuyến",
     ["doi-hinh", "dvtn-tham-gia", "nguoi-dan-duoc-ho-tro"]),
]
PEAK_DAY_THEMES = ["Chiến sĩ tình nguyện vì cộng đồng", "Thanh niên với chuyển đổi số", "Ngày Chủ nhật xanh",
                   "Tiếp sức mùa thi", "Hành quân xanh", "Kỳ nghỉ hồng"]


@dataclass
class SynthSummary:
    models: int = 0
    documents: int = 0
    plans: int = 0
    peak_days: int = 0
    campaigns: int = 0
    result_rows: int = 0

    @property
    def records(self) -> int:
        return self.models + self.documents + self.plans + self.peak_days + self.campaigns


def _dump(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _provinces(registry: UnitRegistry, on: dt.date) -> list:
    return registry.provinces(SYSTEM_63 if on < MERGER_DATE else SYSTEM_34)


def synthesize(out: Path, records: int, seed: int = 2025) -> SynthSummary:
    """Write a data folder of about ``records`` records into ``out`` (replacing it)."""
    rng = random.Random(seed)
    source = Project().data_dir
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(source / "reference", out / "reference")
    shutil.copytree(source / "units", out / "units")
    shutil.copy2(source / "indicators.csv", out / "indicators.csv")
    registry = UnitRegistry()
    load_provinces(out / "reference", registry)
    summary = SynthSummary()

    campaigns = []
    for year in YEARS:
        for season, name in (("he", "Chiến dịch Thanh niên tình nguyện Hè"), ("xuan", "Chiến dịch Xuân tình nguyện")):
            campaign_id = f"{year}-{season}"
            doc_id = f"trung-uong-doan-{year}-ke-hoach-{season}"
            _dump(out / "documents" / f"{doc_id}.yaml", {
                "id": doc_id, "number": f"{rng.randint(10, 99)}-KH/TWĐTN-CNĐT", "type": "KH",
                "issuer": "Trung ương Đoàn", "date": f"15/3/{year}", "title": f"Tổ chức {name} năm {year}",
                "held": False})
            _dump(out / "campaigns" / f"{campaign_id}.yaml", {
                "id": campaign_id, "name": f"{name} {year}", "year": year, "organiser": "Trung ương Đoàn",
                "sources": [doc_id]})
            campaigns.append((campaign_id, year))
            summary.campaigns += 1
            summary.documents += 1

    n_peak_days = max(2, records // 200)
    for i in range(n_peak_days):
        # spread over the years, first and last campaign included (both province systems)
        campaign_id, year = campaigns[round(i * (len(campaigns) - 1) / max(1, n_peak_days - 1))]
        day = dt.date(year, 7 if campaign_id.endswith("he") else 1, 1) + dt.timedelta(days=rng.randint(0, 60))
        _peak_day(out, rng, registry, i, campaign_id, day, summary)

    n_documents = max(1, records // 10 - summary.documents)
    n_plans = max(1, records // 50)
    n_models = max(1, records - summary.records - n_documents - n_plans)
    documents = []
    for i in range(n_documents):
        year = YEARS[i % len(YEARS)]
        on = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        unit = rng.choice(_provinces(registry, on))
        number = rng.randint(100, 3999)
        doc_id = f"{unit.id}-{year}-{number}-cv-{i}"
        _dump(out / "documents" / str(year) / f"{doc_id}.yaml", {
            "id": doc_id, "number": f"{number}-CV/TĐTN-BPT", "type": "CV", "issuer": unit.short_name,
            "date": f"{on.day}/{on.month}/{on.year}", "place": unit.short_name,
            "title": f"Về việc đề nghị công nhận mô hình Dân vận khéo năm {year}",
            "signer": {"name": rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng"]),
                       "title": "Phó Bí thư"},
            "held": True})
        documents.append((doc_id, unit, on))
        summary.documents += 1

    model_ids = []
    for i in range(n_models):
        doc_id, unit, on = documents[i % len(documents)]
        topic, indicator, (low, high) = rng.choice(TOPICS)
        target = rng.randint(low, high)
        result = int(target * rng.uniform(0.6, 1.6))
        model_id = f"{unit.id}-{on.year}-mo-hinh-{i}"
        record = {
            "id": model_id, "name": f"Mô hình \"{topic}\" {rng.choice(PLACES)} (số {i + 1})",
            "unit": unit.short_name, "year": on.year, "level": rng.choice(LEVELS),
            "field": rng.choice(FIELDS), "status": rng.choice(STATUSES),
            "place": f"{rng.randint(1, 12)} huyện, {rng.randint(5, 150)} xã",
            "description": "\n".join(f"- {rng.choice(ACTIONS)}; đạt {format_number(rng.randint(10, 5000))} lượt tham gia."
                                     for _ in range(rng.randint(1, 3))),
            "indicators": [{"indicator": indicator, "target": format_number(target), "result": format_number(result)},
                           {"indicator": "dvtn-tham-gia", "result": format_number(rng.randint(20, 3000))}],
            "sources": [doc_id],
        }
        if rng.random() < 0.5:
            record["budget"] = {"amount": f"{rng.randint(20, 900)} triệu đồng"}
        _dump(out / "models" / str(on.year) / f"{model_id}.yaml", record)
        model_ids.append(model_id)
        summary.models += 1

    for i in range(n_plans):
        doc_id, unit, on = documents[i % len(documents)]
        _dump(out / "plans" / f"{doc_id}-ke-hoach.yaml", {
            "id": f"{doc_id}-ke-hoach", "document": doc_id, "unit": unit.short_name, "year": on.year,
            "title": f"Kế hoạch thực hiện phong trào thi đua \"Dân vận khéo\" năm {on.year}",
            "tasks": [{"text": rng.choice(ACTIONS) + ".", "responsible": "Ban Phong trào Tỉnh đoàn"}],
            "deadlines": [{"what": "Báo cáo kết quả", "date": f"28/12/{on.year}"}]})
        summary.plans += 1
    return summary


def _peak_day(out: Path, rng: random.Random, registry: UnitRegistry, index: int, campaign_id: str,
              day: dt.date, summary: SynthSummary) -> None:
    day_id = f"{day.isoformat()}-ngay-cao-diem-{index}"
    report_id = f"trung-uong-doan-{day.year}-bao-cao-{index}"
    _dump(out / "documents" / f"{report_id}.yaml", {
        "id": report_id, "type": "BC", "issuer": "Trung ương Đoàn",
        "date": (day + dt.timedelta(days=10)).strftime("%d/%m/%Y"),
        "title": f"Kết quả Ngày cao điểm {day.day}/{day.month}/{day.year}", "held": True})
    summary.documents += 1
    units = _provinces(registry, day)
    rows = ["unit,track,indicator,value,note,source"]
    tracks = []
    for track_id, track_name, indicators in TRACKS:
        totals = []
        for indicator in indicators:
            values = [rng.randint(10, 5000) for _ in units]
            for unit, value in zip(units, values, strict=True):
                rows.append(f"{unit.short_name},{track_id},{indicator},{format_number(value)},,{report_id}")
            totals.append({"indicator": indicator, "value": format_number(sum(values) + rng.randint(0, 5000))})
            summary.result_rows += len(units)
        tracks.append({"id": track_id, "name": track_name, "totals": totals})
    _dump(out / "peak-days" / f"{day_id}.yaml", {
        "id": day_id, "name": f"Ngày cao điểm \"{rng.choice(PEAK_DAY_THEMES)}\" {day.day}/{day.month}/{day.year}",
        "date": f"{day.day}/{day.month}/{day.year}", "campaign": campaign_id, "organiser": "Trung ương Đoàn",
        "tracks": tracks,
        "late_reporters": {"units": [u.short_name for u in rng.sample(units, 3)], "source": report_id},
        "sources": [report_id]})
    (out / "results").mkdir(exist_ok=True)
    (out / "results" / f"{day_id}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary.peak_days += 1
