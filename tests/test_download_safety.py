"""Downloads are safe to open in a spreadsheet (OWASP, CSV injection): a text cell that begins with
= + - @, a tab or a carriage return gets a leading ' in every CSV, the bulk ones written by
campaign_results/export.py and each table's "Tải CSV" built in the browser by site.js. Numbers,
negative ones too, are left as they are; the XLSX keeps the text as written (inline strings)."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import load_workbook

from campaign_results import export
from campaign_results.publish.static_server import StaticServer
from campaign_results.render.tables import SHOWN_ROWS
from campaign_results.text import curly_quotes

from .conftest import build, copy_project
from .test_browser import PHONE, browser, open_tab_of  # noqa: F401  (the module's Chromium fixture)

DANGEROUS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tthụt lề", "\rdòng"]


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- unit: the bulk files written by export.py ---------------------------------------------------

@pytest.mark.parametrize("text", DANGEROUS)
def test_each_formula_prefix_is_neutralised_in_the_bulk_csv_and_kept_in_the_xlsx(fixture_dataset, text) -> None:
    table = export.DataTable("thu", "Thử", [
        export.Field("ten", "string", "Tên"), export.Field("so", "integer", "Số"),
        export.Field("gia_tri", "number", "Giá trị"), export.Field("ghi_chu", "string", "Ghi chú")],
        [[text, -5, Decimal("-2.50"), "văn bản thường - có gạch"]])
    files = export.files([table], fixture_dataset)
    written = "'" + text.replace("\r", "\n")  # a CR in a cell is written as a quoted line break
    expected = [["ten", "so", "gia_tri", "ghi_chu"], [written, "-5", "-2.5", "văn bản thường - có gạch"]]
    assert _csv_rows(files["thu.csv"]) == expected
    with zipfile.ZipFile(io.BytesIO(files["du-lieu.zip"])) as bundle:
        assert _csv_rows(bundle.read("thu.csv")) == expected
    # The XLSX is unchanged: the raw text as an inline string (never a formula), numbers as numbers.
    with zipfile.ZipFile(io.BytesIO(files["du-lieu.xlsx"])) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert f'<c r="A2" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>' in sheet
    assert "<f>" not in sheet and '<c r="B2"><v>-5</v></c>' in sheet


def test_neutralised_text_cells_only(fixture_dataset) -> None:
    """In the dataset's own models table: the formula-like text gets its ', the year beside it and
    the fixture records do not."""
    tables = export.tables(fixture_dataset)
    models = next(t for t in tables if t.name == "mo_hinh")
    row = list(models.rows[0])
    row[1], row[7] = "=1+1", "@A1"  # ten, dia_ban
    models.rows.insert(0, row)
    written = _csv_rows(models.csv_text().encode("utf-8"))
    assert written[1][1] == "'=1+1" and written[1][7] == "'@A1"
    assert written[1][3] == str(row[3])  # the year, a number
    assert not [cell for line in written[2:] for cell in line if cell.startswith("'")]  # the records as they were


def test_a_carriage_return_inside_text_cannot_start_a_row_with_a_formula() -> None:
    fields = [export.Field("ten", "string", "Tên"), export.Field("so", "integer", "Số")]
    table = export.DataTable("thu", "Thử", fields, [["chữ\r=HYPERLINK(\"http://x\",\"y\")", 1], ["a\r\n@A1", 2]])
    text = table.csv_text()
    assert text.splitlines() == text.split("\n")[:-1]  # no bare CR
    assert _csv_rows(text.encode("utf-8")) == [["ten", "so"], ['chữ\n=HYPERLINK("http://x","y")', "1"],
                                               ["a\n@A1", "2"]]


# --- end to end: the real build, and the browser -------------------------------------------------

NAME = '=HYPERLINK("http://x","y")'
PLACE = "+cmd|' /C calc'!A0"
NOTE = "@SUM(1+1)"
FILLERS = SHOWN_ROWS + 5  # Bến Tre models sorted before the Trà Vinh one: it is in the catalogue's loaded rows


@pytest.fixture(scope="module")
def risky_site(tmp_path_factory) -> Path:
    """The site built from the fixture records with formula-like text in a model and a result note."""
    project = copy_project(tmp_path_factory.mktemp("risky") / "project")
    models = project / "data" / "models" / "2021"
    (models / "tra-vinh-2021-cong-thuc.yaml").write_text(
        "id: tra-vinh-2021-cong-thuc\n"
        f"name: '{NAME}'\n"
        "unit: Tỉnh đoàn Trà Vinh\nyear: 2021\nlevel: tinh\nstatus: ke-hoach\n"
        f"place: \"{PLACE}\"\n"
        "sources: [tra-vinh-2021-382-kh]\n", encoding="utf-8")
    for n in range(FILLERS):
        (models / f"ben-tre-2021-lap-day-{n:03}.yaml").write_text(
            f"id: ben-tre-2021-lap-day-{n:03}\nname: Mô hình lấp đầy {n:03}\n"
            "unit: Bến Tre\nyear: 2021\nlevel: tinh\nstatus: de-nghi\nsources: [ben-tre-2021-2616-cv]\n",
            encoding="utf-8")
    results = next((project / "data" / "results").glob("*.csv"))
    rows = _csv_rows(results.read_bytes())
    note = rows[0].index("note")
    rows[1][note] = NOTE
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    results.write_text(out.getvalue(), encoding="utf-8")
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    return project / "site"


def test_bulk_csv_of_the_built_site_neutralises_record_text(risky_site: Path) -> None:
    folder = risky_site / "du-lieu"
    models = {r["id"]: r for r in csv.DictReader(io.StringIO((folder / "mo_hinh.csv").read_text("utf-8")))}
    assert models["tra-vinh-2021-cong-thuc"]["ten"] == "'" + NAME
    assert models["tra-vinh-2021-cong-thuc"]["dia_ban"] == "'" + PLACE
    assert models["tra-vinh-2021-cong-thuc"]["nam"] == "2021"
    results = list(csv.DictReader(io.StringIO((folder / "ket_qua_don_vi.csv").read_text("utf-8"))))
    assert [r["ghi_chu"] for r in results].count("'" + NOTE) == 1
    assert not [r for r in results if r["gia_tri"].startswith("'")]  # numbers as numbers
    with zipfile.ZipFile(folder / "du-lieu.zip") as bundle:
        assert bundle.read("mo_hinh.csv") == (folder / "mo_hinh.csv").read_bytes()
    book = load_workbook(folder / "du-lieu.xlsx", read_only=True)
    assert NAME in [row[1] for row in book["mo_hinh"].iter_rows(values_only=True)]  # as written


def _download(page, index: int = 0) -> list[list[str]]:
    link = page.locator("a.csv-download").nth(index)
    open_tab_of(link)
    with page.expect_download() as download:
        link.click()
    return _csv_rows(Path(download.value.path()).read_bytes())


def test_per_table_csv_in_the_browser_neutralises_text_not_numbers(browser, risky_site: Path) -> None:  # noqa: F811
    with StaticServer(risky_site) as served:
        # A table wholly in its page: a result note, beside numbers, plus a row added here with a
        # negative number cell and text that looks like one.
        page = browser.new_page(viewport=PHONE, accept_downloads=True)
        try:
            page.goto(served.url + "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/")
            tables = page.locator(".table-scroll table.data")
            index = next(i for i in range(tables.count()) if NOTE in tables.nth(i).text_content())
            tables.nth(index).evaluate("""table => table.tBodies[0].insertAdjacentHTML('beforeend',
                '<tr><td>-5 chữ</td><td class="num" data-sort="-5">−5</td><td>=A1</td></tr>')""")
            rows = _download(page, index)
        finally:
            page.close()
        cells = [c for row in rows for c in row]
        assert any(NOTE in c for c in cells)  # the note is in the download …
        assert not [c for c in cells if c[:1] in "=+-@" and c != "-5"]  # … and no text cell reads as a formula
        assert rows[-1][:3] == ["'-5 chữ", "-5", "'=A1"]  # a number stays a number, text gets its quote
        assert not [c for row in rows[1:-1] for c in row if c.startswith("'")]

        # The catalogue, longer than a page holds: the model is in the rows loaded from bang/*.json.
        page = browser.new_page(viewport=PHONE, accept_downloads=True)
        try:
            page.goto(served.url + "mo-hinh/")
            assert page.locator("table.data").get_attribute("data-more-rows")
            assert curly_quotes(NAME) not in page.locator("table.data").text_content()
            rows = _download(page)
        finally:
            page.close()
        shown = curly_quotes(NAME)  # as the page writes it, with typographic quotes
        model = next(row for row in rows if shown in row[0])
        assert model[0] == "'" + shown and model[2] == "2021"
        assert len(rows) == 1 + 7 + 1 + FILLERS
