"""`new` writes a skeleton in the right place; once its "ĐIỀN" values are filled in, it passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from campaign_results import new_record
from campaign_results.catalogue import RULES
from campaign_results.project import Project

REPORT = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8"

# what a person would write in place of each "ĐIỀN: …", by the field on that line
FILLED = {
    "field": "doan-the", "place": "09 huyện, thành phố", "indicator": "cay-xanh", "target": '"1.000"',
    "result": '"1.200"', "campaign": "2023-thanh-nien-tinh-nguyen-he", "id": "dich-vu-cong",
    "name": "Hỗ trợ người dân", "value": '"6.369"', "title": "Về việc triển khai Ngày cao điểm",
    "document": "ben-tre-2021-2094-cv", "text": "Tuyên truyền dịch vụ công trực tuyến",
    "responsible": "Ban Phong trào Tỉnh đoàn", "label": "Số cây xanh trồng mới",
}
SOURCES = {"model": "ben-tre-2021-2616-cv", "peak-day": REPORT, "document": None,
           "campaign": "trung-uong-doan-2023-46-kh"}
# The rules only `new` reports (what was typed after it); the corpus of bad inputs has none of them.
NEW_ONLY_RULES = {code for code in RULES if code.startswith("new-")}
# a name with what YAML would misread if it were written unquoted
AWKWARD = "Mô hình \"Đường sáng\" C:\\thư mục\\ và 'nháy đơn': #1"


def new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "new", *args], cwd=project, capture_output=True,
                          text=True)


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build_site.py", "check"], cwd=project, capture_output=True, text=True)


def fill(path: Path, kind: str, source: str | None = None) -> None:
    """Write a value in place of each "ĐIỀN: …"; list items get ``source`` or the kind's source."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "ĐIỀN:" in line:
            key = re.match(r"\s*(?:- )?([a-z_]+):", line)
            if key:
                line = line[: line.index('"ĐIỀN')] + FILLED[key.group(1)]
            elif line.strip().startswith('- "ĐIỀN'):
                line = line[: line.index('"ĐIỀN')] + (source or SOURCES[kind])
            else:
                line = line[: line.index("ĐIỀN")] + "Nội dung thực hiện."
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind, args, expected, source", [
    ("model", ["--unit", "ben tre", "--year", "2022", "--name", "Thắp sáng đường quê"],
     "data/models/2022/ben-tre-2022-thap-sang-duong-que.yaml", None),
    ("peak-day", ["--date", "20/8/2023", "--name", "Chủ nhật xanh", "--campaign", "2023-thanh-nien-tinh-nguyen-he"],
     "data/peak-days/2023-08-20-chu-nhat-xanh.yaml", None),
    ("document", ["--issuer", "Tỉnh đoàn Trà Vinh", "--number", "15-CV/TĐTN-BPT", "--date", "12/3/2021"],
     "data/documents/tra-vinh-2021-15-cv.yaml", None),
    # the units of data/units/: the central committee (by name or alias), a directly attached Đoàn
    ("model", ["--unit", "Trung ương Đoàn", "--year", "2023", "--name", "Công trình thanh niên số"],
     "data/models/2023/trung-uong-doan-2023-cong-trinh-thanh-nien-so.yaml", "trung-uong-doan-2023-46-kh"),
    ("model", ["--unit", "Ban Thanh niên CAND", "--year", "2023", "--name", "Công an trẻ vì nhân dân"],
     "data/models/2023/ban-thanh-nien-cong-an-nhan-dan-2023-cong-an-tre-vi-nhan-dan.yaml",
     "trung-uong-doan-2023-46-kh"),
    ("document", ["--issuer", "Trung ương Đoàn", "--number", "1200-CV/TWĐTN-BTG", "--date", "20/6/2023"],
     "data/documents/trung-uong-doan-2023-1200-cv.yaml", None),
    ("document", ["--issuer", "Ban Thanh niên CAND", "--number", "25-KH/BTN", "--date", "3/7/2025"],
     "data/documents/ban-thanh-nien-cong-an-nhan-dan-2025-25-kh.yaml", None),
    # the new kinds
    ("campaign", ["--name", "Chiến dịch Thanh niên tình nguyện hè 2026", "--year", "2026"],
     "data/campaigns/2026-thanh-nien-tinh-nguyen-he.yaml", None),
    ("plan", ["--unit", "Bến Tre", "--year", "2021",
              "--name", "Kế hoạch hỗ trợ người dân cài đặt VNeID tại Bến Tre"],
     "data/plans/ben-tre-2021-ho-tro-nguoi-dan-cai-dat-vneid.yaml", None),
    ("plan", ["--unit", "TW Đoàn", "--year", "2023", "--name", "Chuyển đổi số", "--document",
              "trung-uong-doan-2023-46-kh"], "data/plans/trung-uong-doan-2023-chuyen-doi-so.yaml", None),
])
def test_skeleton_validates_once_filled(project: Path, kind, args, expected, source) -> None:
    run = new(project, kind, *args)
    assert run.returncode == 0, run.stdout
    assert expected in run.stdout and "Còn phải điền" in run.stdout
    path = project / expected
    before = check(project)
    assert before.returncode == 1 and "[placeholder]" in before.stdout and expected in before.stdout
    fill(path, kind, source)
    after = check(project)
    assert after.returncode == 0, after.stdout


def test_a_model_of_a_province_of_the_34_cites_its_new_document(project: Path) -> None:
    document = new(project, "document", "--issuer", "Tỉnh đoàn Vĩnh Long", "--number", "7-KH/TĐTN-BPT",
                   "--date", "5/1/2026")
    model = new(project, "model", "--unit", "Vĩnh Long", "--year", "2026", "--name", "Thắp sáng đường quê")
    assert document.returncode == 0 and model.returncode == 0, document.stdout + model.stdout
    fill(project / "data" / "documents" / "vinh-long-2026-7-kh.yaml", "document")
    fill(project / "data" / "models" / "2026" / "vinh-long-2026-thap-sang-duong-que.yaml", "model",
         "vinh-long-2026-7-kh")
    after = check(project)
    assert after.returncode == 0, after.stdout


def test_existing_file_is_never_overwritten(project: Path) -> None:
    args = ["model", "--unit", "Bến Tre", "--year", "2022", "--name", "Mô hình mới"]
    assert new(project, *args).returncode == 0
    again = new(project, *args)
    shown = "data/models/2022/ben-tre-2022-mo-hinh-moi.yaml"
    assert again.returncode == 1 and again.stdout.startswith(f"{shown}: LỖI [new-file-exists]\n")
    assert f"Tệp {shown} đã có." in again.stdout and "Cách sửa:" in again.stdout


# what was typed → the rule, and the option it names (None: the command as a whole)
TYPED_WRONG = [
    ("model", {"year": 2024}, "new-model-options", None),
    ("peak-day", {"name": "Ngày cao điểm tình nguyện"}, "new-peak-day-options", None),
    ("document", {"issuer": "Tỉnh đoàn Bến Tre", "date": "12/3/2021"}, "new-document-options", None),
    ("campaign", {"year": 2026}, "new-campaign-options", None),
    ("plan", {"unit": "Vĩnh Long", "year": 2026}, "new-plan-options", None),
    ("mo-hinh", {}, "new-kind", None),
    ("peak-day", {"date": "2026/8/11"}, "new-date-format", "--date"),
    ("document", {"issuer": "Bến Tre", "number": "Công văn 15", "date": "12/3/2021"}, "new-number-format",
     "--number"),
    # a unit: the rule the check reports in the record, at the option the unit was typed in
    ("document", {"issuer": "Ben Tree", "number": "15-CV/TĐTN-BPT", "date": "12/3/2021"}, "unknown-unit",
     "--issuer"),
    ("model", {"unit": "ben-tre", "year": 2026}, "province-id-merged", "--unit"),
]


@pytest.mark.parametrize("kind, options, code, option", TYPED_WRONG)
def test_what_was_typed_wrong_is_a_rule_of_the_catalogue(data_copy: Path, kind, options, code, option) -> None:
    with pytest.raises(new_record.NewRecordError) as raised:
        new_record.create(Project(data_copy.parent), kind, **options)
    problem = raised.value.problem
    assert (problem.code, problem.field, problem.file, problem.missing) == (code, option, "", ())
    assert problem.message and problem.hint
    assert not list(data_copy.rglob("*2026*"))  # nothing written


def test_every_rule_of_new_has_a_case() -> None:
    assert NEW_ONLY_RULES == {code for _, _, code, _ in TYPED_WRONG if code.startswith("new-")} | {"new-file-exists"}


def test_a_mistake_is_printed_as_the_check_prints_a_problem(project: Path) -> None:
    run = new(project, "peak-day", "--date", "2026/8/11")
    assert run.returncode == 1 and run.stdout == (
        "LỖI [new-date-format] (tuỳ chọn --date)\n"
        "    Ngày \"2026/8/11\" không đúng dạng ngày/tháng/năm.\n"
        "    Cách sửa: Ghi ngày dạng ngày/tháng/năm, ví dụ 11/8/2026.\n")


def test_unknown_unit_is_explained(project: Path) -> None:
    run = new(project, "model", "--unit", "Ben Tree", "--year", "2022")
    assert run.returncode == 1 and "Bến Tre" in run.stdout and "Traceback" not in run.stdout + run.stderr


def test_a_trung_uong_doan_document_already_there_is_named(project: Path) -> None:
    run = new(project, "document", "--issuer", "Trung ương Đoàn", "--number", "1134-CV/TWĐTN-BTG",
              "--date", "20/6/2023")
    assert run.returncode == 1 and "data/documents/trung-uong-doan-2023-1134-cv.yaml đã có" in run.stdout


def test_a_province_of_the_wrong_period_is_explained(project: Path) -> None:
    run = new(project, "plan", "--unit", "Bến Tre", "--year", "2026", "--name", "Chuyển đổi số")
    assert run.returncode == 1 and "Vĩnh Long" in run.stdout and "1/7/2025" in run.stdout
    assert run.stdout.startswith("LỖI [province-merged] (tuỳ chọn --unit)\n")
    assert not list((project / "data" / "plans").glob("*-2026-*"))


@pytest.mark.parametrize("kind, name, known, expected", [
    ("peak-day", "Ngày cao điểm hỗ trợ người dân cài đặt VNeID", (), "ho-tro-nguoi-dan-cai-dat-vneid"),
    # "của" (of) is a joining word, "Cửa" (shop) is not; "0" and "THPT" stay past the six words
    ("model", "Mô hình \"Cửa hàng 0 đồng\" của Đoàn trường THPT Nguyễn Đình Chiểu", (),
     "cua-hang-0-dong-doan-truong-thpt-nguyen"),
    # what the id already says (the year) is not repeated
    ("campaign", "Chiến dịch Thanh niên tình nguyện hè 2026", ("2026",), "thanh-nien-tinh-nguyen-he"),
    # a short name is kept whole: the contributor guide's peak day id
    ("peak-day", "Ngày cao điểm tình nguyện", ("2026",), "ngay-cao-diem-tinh-nguyen"),
])
def test_ids_keep_the_distinguishing_words(kind, name, known, expected) -> None:
    assert new_record._short_slug(name, kind, known) == expected


def test_the_vneid_peak_day_keeps_vneid_in_its_file_name(project: Path) -> None:
    run = new(project, "peak-day", "--date", "11/8/2026",
              "--name", "Ngày cao điểm hỗ trợ người dân cài đặt VNeID")
    assert run.returncode == 0, run.stdout
    assert (project / "data" / "peak-days" / "2026-08-11-ho-tro-nguoi-dan-cai-dat-vneid.yaml").is_file()


@pytest.mark.parametrize("kind, options, typed", [
    ("model", {"unit": "Bến Tre", "year": 2022, "name": AWKWARD}, {"name": "name"}),
    ("peak-day", {"date": "20/8/2023", "name": AWKWARD, "campaign": AWKWARD}, {"name": "name", "campaign": "campaign"}),
    ("document", {"issuer": "Bến Tre", "date": "12/3/2021", "number": f"15-CV/TĐTN-BPT {AWKWARD}"},
     {"number": "number"}),
    ("campaign", {"year": 2026, "name": AWKWARD}, {"name": "name"}),
    ("plan", {"unit": "Bến Tre", "year": 2021, "name": AWKWARD, "document": AWKWARD},
     {"title": "name", "document": "document"}),
])
def test_typed_values_read_back_exactly(data_copy: Path, kind, options, typed) -> None:
    """``typed``: field of the record → the option it was typed in."""
    created = new_record.create(Project(data_copy.parent), kind, **options)
    record = yaml.safe_load(created.path.read_text(encoding="utf-8"))
    assert {field: record[field] for field in typed} == {field: options[option] for field, option in typed.items()}


def test_yaml_str_escapes_what_yaml_would_fold_or_refuse() -> None:
    for value in (AWKWARD, "dòng 1\ndòng 2", "yes", "1.166", "a\u0085b\u2028c\x80", "- [x]: {y}"):
        assert yaml.safe_load(new_record.yaml_str(value)) == value
        assert "\n" not in new_record.yaml_str(value)


def test_a_model_of_a_year_far_ahead_is_made_and_left_to_the_check(project: Path) -> None:
    """The unit is named as on 1/7 of the year, whatever the year: no date range stops `new`."""
    run = new(project, "model", "--unit", "Vĩnh Long", "--year", "2040", "--name", "Mô hình thử")
    assert run.returncode == 0, run.stdout + run.stderr
    assert (project / "data" / "models" / "2040" / "vinh-long-2040-mo-hinh-thu.yaml").exists()
    old = new(project, "model", "--unit", "Bến Tre", "--year", "2040", "--name", "Mô hình thử")
    assert old.returncode == 1 and "Vĩnh Long" in old.stdout and "Traceback" not in old.stdout + old.stderr
