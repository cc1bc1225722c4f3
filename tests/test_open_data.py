"""Open data: the data package validates, and every download equals its table."""

from __future__ import annotations

import csv
import html
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

from frictionless import Package
from openpyxl import load_workbook



def test_data_package_validates_with_frictionless(built_site: Path) -> None:
    folder = built_site / "du-lieu"
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["sources"]


def test_zip_json_and_xlsx_hold_the_same_tables(built_site: Path) -> None:
    folder = built_site / "du-lieu"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    as_json = json.loads((folder / "du-lieu.json").read_text(encoding="utf-8"))
    book = load_workbook(folder / "du-lieu.xlsx", read_only=True)
    with zipfile.ZipFile(folder / "du-lieu.zip") as bundle:
        for resource in package["resources"]:
            text = (folder / resource["path"]).read_text(encoding="utf-8")
            assert bundle.read(resource["path"]).decode("utf-8") == text
            rows = list(csv.DictReader(io.StringIO(text)))
            assert len(rows) == len(as_json[resource["name"]]) == book[resource["name"]].max_row - 1


def test_national_figures_in_the_download(built_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built_site / "du-lieu" / "tong_toan_quoc.csv").read_text("utf-8"))))
    figures = {(r["mat_hoat_dong"], r["chi_tieu"]): (r["gia_tri"], r["dinh_luong"]) for r in rows}
    assert figures[("dich-vu-cong", "nguoi-dan-duoc-ho-tro")] == ("239931", "")
    assert figures[("do-thi-van-minh", "kinh-phi")] == ("17500000000", "hơn")
    resources = list(csv.DictReader(io.StringIO((built_site / "du-lieu" / "nguon_luc.csv").read_text("utf-8"))))
    assert sum(int(r["gia_tri_dong"]) for r in resources) == 475_000_000


def test_data_dictionary_lists_every_field_of_every_record_type(built_site: Path) -> None:
    text = html.unescape((built_site / "tu-dien-du-lieu" / "index.html").read_text(encoding="utf-8"))
    schema_dir = Path(__file__).resolve().parent.parent / "campaign_results" / "schemas"
    for name in ["model", "peak_day", "document"]:
        schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        for field in schema["properties"]:
            assert f"<code>{field}</code>" in text, (name, field)


def test_every_xlsx_cell_equals_the_csv_and_numbers_and_dates_are_typed(built_site: Path) -> None:
    folder = built_site / "du-lieu"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    book = load_workbook(folder / "du-lieu.xlsx")
    for resource in package["resources"]:
        sheet = book[resource["name"]]
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        rows = list(csv.reader(io.StringIO((folder / resource["path"]).read_text(encoding="utf-8"))))
        assert [c.value for c in sheet[1]] == rows[0] and all(c.font.b for c in sheet[1])
        assert sheet.freeze_panes == "A2"  # the header stays in view while scrolling
        for row_number, row in enumerate(rows[1:], start=2):
            cells = [sheet.cell(row_number, column + 1).value for column in range(len(row))]
            for name, text, value in zip(rows[0], row, cells, strict=True):
                if text == "":
                    assert value is None
                elif types[name] in ("integer", "number"):
                    assert isinstance(value, (int, float)) and Decimal(str(value)) == Decimal(text), (name, text)
                elif types[name] == "date":
                    assert value.date().isoformat() == text
                elif types[name] == "boolean":
                    assert value is (text == "true")
                else:
                    assert value == text
