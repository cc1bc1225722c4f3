"""campaign_results/load/discover.py: which files under data/ are read, as which kind of record,
which are ignored, and how a file that cannot be read is reported and noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaign_results.load import discover
from campaign_results.load.discover import YAML_FOLDERS, load_records
from campaign_results.load.yaml_file import MAX_FILE_BYTES
from campaign_results.problems import Report

from ..bad_inputs import workbook

RESULTS = ("unit,track,indicator,value,source\n"
           "Bến Tre,Đội hình,doi-hinh,5,nguon\n"
           "Trà Vinh,dich-vu-cong,Cây xanh,7,nguon\n")
FOLDERS = ", ".join(YAML_FOLDERS)


def write(data: Path, name: str, content: str | bytes) -> Path:
    path = data / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def load(data: Path) -> tuple[list, list[tuple], dict]:
    report, unreadable = Report(), {}
    records = load_records(data, data.parent, report, unreadable=unreadable)
    found = [(p.code, p.file, p.line, p.column, p.field, p.params) for p in report.sorted()]
    return records, found, unreadable


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_each_folder_gives_its_kind_of_record(data: Path) -> None:
    write(data, "documents/van-ban.yaml", "id: van-ban\n")
    write(data, "units/doan-khoi.yml", "id: doan-khoi\n")
    write(data, "models/2021/mo-hinh.yaml", "id: mo-hinh\n")   # any depth below the folder
    write(data, "campaigns/chien-dich.yaml", "id: chien-dich\n")
    write(data, "peak-days/ngay.yaml", "id: ngay\n")
    write(data, "plans/ke-hoach.yaml", "id: ke-hoach\n")
    write(data, "indicators.csv", "code,label,unit,kind\ndoi-hinh,Đội hình,đội,count\n")
    records, found, unreadable = load(data)
    assert found == [] and unreadable == {}
    assert [(r.kind, r.file, r.table) for r in records] == [
        ("campaign", "data/campaigns/chien-dich.yaml", None),
        ("document", "data/documents/van-ban.yaml", None),
        ("indicator", "data/indicators.csv", "indicators"),
        ("model", "data/models/2021/mo-hinh.yaml", None),
        ("peak_day", "data/peak-days/ngay.yaml", None),
        ("plan", "data/plans/ke-hoach.yaml", None),
        ("unit", "data/units/doan-khoi.yml", None),
    ]
    assert records[3].data == {"id": "mo-hinh"}
    assert records[2].place.file == "data/indicators.csv" and records[2].place.line == 2


def test_results_tables_give_one_record_a_row_named_by_their_file(data: Path) -> None:
    write(data, "results/2023-08-11-ngay.csv", RESULTS)
    write(data, "results/2023-08-11-ngay-vinh-long.xlsx",
          workbook(["Vĩnh Long", "dich-vu-cong", "doi-hinh", 12, "", "nguon"]))
    records, found, _ = load(data)
    assert found == []
    assert [(r.kind, r.file, r.table, r.place.line, r.data["unit"]) for r in records] == [
        ("result", "data/results/2023-08-11-ngay-vinh-long.xlsx", "2023-08-11-ngay-vinh-long", 2, "Vĩnh Long"),
        ("result", "data/results/2023-08-11-ngay.csv", "2023-08-11-ngay", 2, "Bến Tre"),
        ("result", "data/results/2023-08-11-ngay.csv", "2023-08-11-ngay", 3, "Trà Vinh"),
    ]


def test_a_track_or_indicator_given_by_name_becomes_its_code_and_keeps_the_name_typed(data: Path) -> None:
    write(data, "results/ngay.csv", RESULTS)
    bến_tre, trà_vinh = load(data)[0]
    assert (bến_tre.data["track"], bến_tre.data["indicator"], bến_tre.data.typed) == (
        "doi-hinh", "doi-hinh", {"track": "Đội hình"})
    assert (trà_vinh.data["track"], trà_vinh.data["indicator"], trà_vinh.data.typed) == (
        "dich-vu-cong", "cay-xanh", {"indicator": "Cây xanh"})


def test_reference_lists_readmes_and_excel_lock_files_are_not_read_or_counted(data: Path) -> None:
    write(data, "reference/provinces.csv", "không; phải; CSV của cán bộ\n")
    write(data, "README.md", "# Dữ liệu\n")
    write(data, "results/.gitkeep", "")
    write(data, "models/.DS_Store", b"\x00\x01")
    write(data, "results/~$ngay.xlsx", b"lock")
    write(data, "documents/van-ban.yaml", "id: van-ban\n")
    report = Report()
    records = load_records(data, data.parent, report)
    assert [r.file for r in records] == ["data/documents/van-ban.yaml"]
    assert report.problems == [] and report.files_checked == 1


@pytest.mark.parametrize("name", ["ghi-chu.txt", "mo-hinh.yaml", "models/mo-hinh.json",
                                  "results/ngay.xls", "documents.yaml", "khac/van-ban.yaml"])
def test_a_file_outside_the_layout_is_reported_as_unexpected(data: Path, name: str) -> None:
    write(data, name, "id: x\n")
    records, found, unreadable = load(data)
    assert records == [] and unreadable == {}
    assert found == [("file-unexpected", f"data/{name}", None, None, None,
                      {"name": Path(name).name, "folders": FOLDERS})]


def test_record_files_that_cannot_be_read_are_reported_and_noted_by_kind_and_id(data: Path) -> None:
    write(data, "documents/hong.yaml", "id: [a\n")
    write(data, "documents/rong.yaml", "\n  \n")
    write(data, "documents/chu-thich.yaml", "# chỉ có chú thích\n")
    write(data, "models/2021/danh-sach.yaml", "- Bến Tre\n- Trà Vinh\n")
    write(data, "plans/utf16.yaml", "id: kh\n".encode("utf-16"))
    write(data, "units/doan.yaml", "id: doan\n")
    records, found, unreadable = load(data)
    assert [r.file for r in records] == ["data/units/doan.yaml"]
    assert [(code, file, line) for code, file, line, *_ in found] == [
        ("file-empty", "data/documents/chu-thich.yaml", 1),
        ("yaml-unclosed-bracket", "data/documents/hong.yaml", 1),
        ("file-empty", "data/documents/rong.yaml", 1),
        ("not-a-record", "data/models/2021/danh-sach.yaml", 1),
        ("file-encoding", "data/plans/utf16.yaml", 1),
    ]
    assert unreadable == {
        "document": {"chu-thich": "data/documents/chu-thich.yaml", "hong": "data/documents/hong.yaml",
                     "rong": "data/documents/rong.yaml"},
        "model": {"danh-sach": "data/models/2021/danh-sach.yaml"},
        "plan": {"utf16": "data/plans/utf16.yaml"},
    }


def test_a_field_written_twice_is_reported_and_the_record_still_read(data: Path) -> None:
    write(data, "models/mo-hinh.yaml", "id: mo-hinh\nyear: 2021\nyear: 2022\n")
    records, found, unreadable = load(data)
    assert found == [("yaml-duplicate-key", "data/models/mo-hinh.yaml", 3, 1, "year",
                      {"key": "year", "first_line": 2})]
    assert [r.data for r in records] == [{"id": "mo-hinh", "year": 2022}] and unreadable == {}


def test_a_yaml_file_over_its_limit_is_not_read_past_it_and_names_its_size_and_line(data: Path) -> None:
    path = write(data, "models/dan-nham.yaml", "id: a\nname: b\ndescription: " + "x" * (3 * MAX_FILE_BYTES) + "\n")
    records, found, unreadable = load(data)
    assert path.stat().st_size > 3 * MAX_FILE_BYTES
    assert records == []
    assert found == [("yaml-file-too-large", "data/models/dan-nham.yaml", 3, None, None,
                      {"size": "3 MB", "limit": "1 MB", "line": 3})]
    assert unreadable == {"model": {"dan-nham": "data/models/dan-nham.yaml"}}


def test_a_csv_file_over_its_limit_is_reported_by_the_csv_rule(data: Path, monkeypatch) -> None:
    monkeypatch.setattr(discover, "MAX_CSV_BYTES", 2048)  # (the real limit is 20 MB)
    header, row = "unit,track,indicator,value,source\n", "Long An,a,b,1,nguon\n"  # 34 and 20 bytes
    write(data, "results/ngay.csv", header + row * 200)
    records, found, _ = load(data)
    assert records == []
    # 2.048 bytes: the header and 100 rows (2.034 bytes), then the 101st row (line 102) passes the limit
    assert found == [("csv-file-too-large", "data/results/ngay.csv", 102, None, None,
                      {"size": "4 KB", "limit": "2 KB", "line": 102})]


def test_a_csv_problem_is_placed_in_its_file_with_line_and_column(data: Path) -> None:
    write(data, "results/ngay.csv", "unit,track,indicator,value,source,dvt\nBến Tre,a,,5,nguon,x\n")
    _, found, _ = load(data)
    assert [(code, file, line, column, field) for code, file, line, column, field, _ in found] == [
        ("csv-unknown-column", "data/results/ngay.csv", 1, 6, "dvt")]


def test_a_symbolic_link_out_of_data_is_refused_and_what_it_points_to_not_read(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    write(outside, "bi-mat.yaml", "id: bi-mat\n")
    write(outside, "2021/khac.yaml", "id: khac\n")
    (data / "documents").mkdir(parents=True)
    (data / "documents" / "bi-mat.yaml").symlink_to(outside / "bi-mat.yaml")
    (data / "models").mkdir()
    (data / "models" / "lien-ket").symlink_to(outside / "2021", target_is_directory=True)
    write(data, "documents/that.yaml", "id: that\n")
    (data / "documents" / "ban-sao.yaml").symlink_to(data / "documents" / "that.yaml")  # inside: read
    records, found, unreadable = load(data)
    assert [r.file for r in records] == ["data/documents/ban-sao.yaml", "data/documents/that.yaml"]
    assert found == [
        ("symlink-outside-data", "data/documents/bi-mat.yaml", None, None, None,
         {"name": "bi-mat.yaml", "kind": "tệp", "target": (outside / "bi-mat.yaml").as_posix()}),
        ("symlink-outside-data", "data/models/lien-ket", None, None, None,
         {"name": "lien-ket", "kind": "thư mục", "target": (outside / "2021").as_posix()}),
    ]
    assert unreadable == {"document": {"bi-mat": "data/documents/bi-mat.yaml"}}


def test_only_the_paths_given_are_read(data: Path) -> None:
    write(data, "documents/a.yaml", "id: a\n")
    b = write(data, "documents/b.yaml", "id: b\n")
    report = Report()
    records = load_records(data, data.parent, report, paths=[b])
    assert [r.file for r in records] == ["data/documents/b.yaml"] and report.files_checked == 1


def test_files_are_named_from_the_project_root_or_as_given_outside_it(data: Path, tmp_path: Path) -> None:
    write(data, "documents/a.yaml", "id: [a\n")
    report = Report()
    load_records(data, tmp_path, report)
    assert [p.file for p in report.problems] == ["data/documents/a.yaml"]
    report = Report()
    load_records(data, tmp_path / "khac", report)
    assert [p.file for p in report.problems] == [f"{data.as_posix()}/documents/a.yaml"]
