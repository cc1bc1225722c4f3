"""The built site, read from its HTML: every record has a page, figures read the Vietnamese
way, charts come with words and tables, and nothing is fetched from another site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from campaign_results.pipeline import check_data
from campaign_results.project import Project
from campaign_results.render.charts import ChartCache
from campaign_results.render.docs_folder import DocsFolder
from campaign_results.render.renderer import Renderer
from campaign_results.render.search_index import SearchIndex
from campaign_results.render.site_pages import render_site
from campaign_results.site_inputs import read_inputs
from campaign_results.render.tables import SHOWN_ROWS, Table, number_cell
from campaign_results.site_build import generate

from .conftest import FIXTURE_DATA, copy_project, fixture_data

PEAK_DAY_PAGE = "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/index.html"


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_text(path: Path) -> str:
    return " ".join(" ".join(parse(path).text).split())


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """The fixture records, checked; this module's own copy, since some tests edit it."""
    data = fixture_data(tmp_path_factory.mktemp("site-dataset") / "data")
    return check_data(data, data.parent).dataset


def test_a_page_for_every_record_and_unit(built_site: Path, dataset) -> None:
    expected = (
        [f"mo-hinh/{i}" for i in dataset.models]
        + [f"ngay-cao-diem/{i}" for i in dataset.peak_days]
        + [f"chien-dich/{i}" for i in dataset.campaigns]
        + [f"ke-hoach/{i}" for i in dataset.plans]
        + [f"van-ban/{i}" for i in dataset.documents]
        + [f"chi-tieu/{i}" for i in dataset.indicators]
        + [f"don-vi/{i}" for i in dataset.units.by_id]
        + [f"nam/{m.year}" for m in dataset.models.values()]
    )
    missing = [page for page in expected if not (built_site / page / "index.html").is_file()]
    assert not missing
    assert len(dataset.units.by_id) == 63 + 34 + 2
    for page in ["", "mo-hinh", "ngay-cao-diem", "don-vi", "van-ban", "chi-tieu", "nam", "tim-kiem",
                 "gioi-thieu", "dong-gop"]:
        assert (built_site / page / "index.html").is_file(), page


def test_national_report_figures_are_written_the_vietnamese_way(built_site: Path) -> None:
    text = page_text(built_site / PEAK_DAY_PAGE)
    for figure in ["11/8/2023", "8.884", "hơn 7.152", "5.508", "hơn 17,5 tỷ đồng", "6.369", "84.158",
                   "239.931", "93.517", "hơn 6 tỷ đồng", "475 triệu đồng", "125 triệu đồng", "22.750",
                   "hơn 3,5", "7h30", "12h00", "4/8/2023"]:
        assert figure in text, figure
    assert "bằng tổng ghi trong báo cáo" in text
    for late in ["Lào Cai", "Bắc Kạn", "Thanh Hóa", "Quảng Nam", "Kon Tum", "An Giang"]:
        assert late in text
    model = page_text(built_site / "mo-hinh/ben-tre-2021-dich-vu-cong-truc-tuyen/index.html")
    assert "116,6%" in model and "1.166" in model and "1.000" in model


def test_numeric_cells_sort_by_value(built_site: Path) -> None:
    html = (built_site / PEAK_DAY_PAGE).read_text(encoding="utf-8")
    assert 'data-sort="17500000000">hơn 17,5 tỷ đồng<' in html
    assert 'data-sort="239931">239.931<' in html


def test_every_chart_has_a_text_alternative_and_a_data_table(built_site: Path) -> None:
    charts = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<figure class="chart">(.*?)</figure>', html, re.S):
            charts += 1
            figure = match.group(1)
            alt = re.search(r'alt="([^"]+)"', figure)
            assert alt and len(alt.group(1)) > 30, page
            after = html[match.end():match.end() + 400]
            # or the chart is one tab of a set whose other tab is its table (before the next heading)
            tabs = html.rfind('<div class="tabs"', 0, match.start())
            heading = max(html.rfind("<h2", 0, match.start()), html.rfind("<h3", 0, match.start()))
            following = re.search(r"<h[23]", html[match.end():])
            tab_set = html[match.end():match.end() + following.start()] if following else html[match.end():]
            in_tabs = tabs > heading and "<table" in tab_set
            assert "<table" in after or in_tabs, f"chart without its data table in {page}"
    assert charts >= 4
    svg = next((built_site / "bieu-do").glob("*.svg")).read_text(encoding="utf-8")
    assert "<text" in svg  # text kept as text, not paths


def test_peak_day_chart_describes_its_data(built_site: Path) -> None:
    html = (built_site / PEAK_DAY_PAGE).read_text(encoding="utf-8")
    assert "Nghệ An: 14.700" in html  # in the alt text of the members chart
    svg_names = re.findall(r'src="\.\./\.\./bieu-do/([0-9a-f]+\.svg)"', html)
    assert svg_names and all((built_site / "bieu-do" / name).is_file() for name in svg_names)


def test_no_third_party_requests(built_site: Path) -> None:
    external = re.compile(r"^(https?:)?//", re.I)
    for page in built_site.rglob("*.html"):
        for tag, attributes in parse(page).tags:
            for name in ("src", "href"):
                value = attributes.get(name) or ""
                if tag == "a" and name == "href":
                    continue  # a link the reader may follow is not a request
                if tag == "link" and attributes.get("rel") in ("canonical", "alternate"):
                    continue  # the page's own published address, not fetched
                assert not external.match(value), f"{page}: <{tag} {name}={value}>"
    for asset in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = asset.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, asset
        assert not re.search(r"""url\(\s*['"]?(https?:)?//""", text), f"{asset} loads from another site"


def test_record_pages_stay_out_of_the_navigation(built_site: Path, dataset) -> None:
    model_page = parse(built_site / "mo-hinh/ben-tre-2021-vi-mot-ben-tre-xanh/index.html")
    nav_links = [a for tag, a in model_page.tags if tag == "a" and "md-nav__link" in (a.get("class") or "")]
    assert len(nav_links) < 30
    assert not (built_site / "search" / "search_index.json").exists()  # no whole-site index for phones


def test_unit_pages_link_old_and_new_provinces(built_site: Path) -> None:
    ben_tre = page_text(built_site / "don-vi/ben-tre/index.html")
    assert "Tỉnh Vĩnh Long" in ben_tre and "Đoàn Thanh niên thực hiện mô hình" in ben_tre
    vinh_long = page_text(built_site / "don-vi/vinh-long-2025/index.html")
    assert "Bến Tre" in vinh_long and "Trà Vinh" in vinh_long
    assert "Vì một Bến Tre xanh" in vinh_long and "thiếu nhi" in vinh_long  # rolled up from both
    police = page_text(built_site / "don-vi/ban-thanh-nien-cong-an-nhan-dan/index.html")
    assert "11.000" in police


def test_documents_list_the_records_that_cite_them(built_site: Path) -> None:
    text = page_text(built_site / "van-ban/ben-tre-2021-2616-cv/index.html")
    assert "Vì một Bến Tre xanh" in text and "Võ Tuấn Thông" in text
    directive = page_text(built_site / "van-ban/trung-uong-doan-2023-1134-cv/index.html")
    assert "1334-CV/TWĐTN-CNĐT" in directive


def test_unchanged_charts_are_not_drawn_again(tmp_path: Path, dataset) -> None:
    def render(docs: str) -> ChartCache:
        charts = ChartCache(tmp_path / "charts")
        render_site(dataset, DocsFolder(tmp_path / docs), charts, SearchIndex(), read_inputs(Project(), dataset))
        charts.draw_pending()
        return charts

    first, second = render("docs1"), render("docs2")
    assert first.drawn and not first.reused
    assert second.drawn == [] and sorted(second.reused) == sorted(first.drawn)

    day = dataset.peak_days["2023-08-11-do-thi-van-minh-dich-vu-cong"]
    result = next(r for r in day.results if r.unit == "nghe-an" and r.indicator == "dvtn-tham-gia")
    result.value = type(result.value)(14_701)
    assert len(render("docs3").drawn) == 1  # only the chart of that indicator


def test_a_second_generation_rewrites_nothing(tmp_path: Path) -> None:
    project = Project(copy_project(tmp_path / "project"))
    dataset = check_data(project.data_dir, project.root).dataset
    first = generate(project, dataset)
    first.write()
    first.finish()
    again = generate(project, dataset)
    again.write()
    again.finish()
    assert first.written and first.charts.drawn and again.written == [] and again.charts.drawn == []
    model = dataset.models["ben-tre-2021-vi-mot-ben-tre-xanh"]
    model.name = model.name + " (sửa)"
    edited = generate(project, dataset)
    edited.write()
    edited.finish()
    assert "mo-hinh/ben-tre-2021-vi-mot-ben-tre-xanh.md" in edited.written
    assert len(edited.written) <= 20  # the model, the lists that name it, and the dataset downloads


def test_error_code_page_lists_every_rule_with_example_and_fix(built_site: Path) -> None:
    from campaign_results.catalogue import RULES

    text = page_text(built_site / "ma-loi/index.html")
    for rule in RULES.values():
        if rule.code != "internal-error":
            assert rule.code in text, rule.code
            assert " ".join(rule.example.splitlines()[0].split()) in text, rule.code
    assert text.count("Cách sửa") >= len(RULES) - 1


def _figures_with_source(html: str, document: str) -> int:
    """How many figures the page's tables show, asserting that each table of figures names
    ``document``: in each row, or once under it when every row shares it."""
    tables = re.findall(r'<table class="data[^"]*"([^>]*)>(.*?)</table>\s*</div>\s*(<p class="table-source">.*?</p>)?',
                        html, re.S)
    figures = 0
    for attributes, body, source_line in tables:
        rows = [row for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
                if 'class="num"' in row or 'class="cell-list"' in row]
        if not rows or not any("/don-vi/" in row or "/chi-tieu/" in row for row in rows):
            continue
        assert all(document in row for row in rows) or document in source_line, attributes
        figures += sum(row.count('class="num" data-sort="') + row.count('<span class="result-label">') for row in rows)
    return figures


def test_every_figure_links_its_source_document(built_site: Path) -> None:
    html = (built_site / PEAK_DAY_PAGE).read_text(encoding="utf-8")
    report = "van-ban/trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8/"
    assert _figures_with_source(html, report) >= 33 + 9  # every footnote figure and every national total
    model = (built_site / "mo-hinh/ben-tre-2021-dich-vu-cong-truc-tuyen/index.html").read_text(encoding="utf-8")
    assert _figures_with_source(model, "van-ban/ben-tre-2021-2616-cv/") >= 7  # targets, results, percents
    text = page_text(built_site / PEAK_DAY_PAGE)
    assert "1134-CV/TWĐTN-CNĐT" in text and "ghi số hiệu 1334-CV/TWĐTN-CNĐT" in text


def test_map_page_names_both_archipelagos_in_both_systems(built_site: Path) -> None:
    html = (built_site / "ban-do/index.html").read_text(encoding="utf-8")
    maps = re.findall(r'<object data="\.\./bieu-do/([0-9a-f]+\.svg)" type="image/svg\+xml"[^>]*aria-label="([^"]+)"', html)
    assert len(maps) == 4  # two measures, one map each, in each system
    for name, alt in maps:
        svg = (built_site / "bieu-do" / name).read_text(encoding="utf-8")
        assert "Hoàng Sa" in svg and "Trường Sa" in svg and "(Đà Nẵng)" in svg and "(Khánh Hòa)" in svg
        assert "Hoàng Sa thuộc Đà Nẵng" in alt and "Trường Sa thuộc Khánh Hòa" in alt
        # each province a link to its page, its name and value as a tooltip
        links = re.findall(r'<a href="\.\./don-vi/([a-z0-9-]+)/" target="_top"><path [^>]*><title>([^<]+)</title>', svg)
        assert len(links) in (63, 34) and all((built_site / "don-vi" / slug / "index.html").is_file() for slug, _ in links)
        assert any(re.search(r": [0-9]", title) for _, title in links)  # "Hà Tĩnh: 1 Ngày cao điểm có kết quả"
    tables = re.findall(r"<caption>Theo tỉnh, thành – (\d+) tỉnh", html)
    assert tables == ["63", "34"]
    text = page_text(built_site / "ban-do/index.html")
    assert "Vĩnh Long" in text and "geoBoundaries" in text


def test_rendering_in_two_processes_writes_what_one_process_writes(tmp_path: Path, dataset) -> None:
    def render(name: str, in_background: bool) -> tuple[dict[str, bytes], dict[str, bytes], set[str]]:
        docs, charts, search = DocsFolder(tmp_path / name), ChartCache(tmp_path / "charts"), SearchIndex()
        render_site(dataset, docs, charts, search, read_inputs(Project(), dataset), in_background=in_background)
        files = {p.relative_to(docs.root).as_posix(): p.read_bytes() for p in docs.root.rglob("*") if p.is_file()}
        assert set(files) == docs.produced
        return files, search.files(), charts.in_use

    one = render("one", in_background=False)
    two = render("two", in_background=True)
    assert one[0] == two[0] and one[1] == two[1] and one[2] == two[2]
    assert any(path.startswith("don-vi/") for path in two[0])  # a background section's pages are there


def test_a_long_table_keeps_its_first_rows_and_puts_the_others_in_a_file(tmp_path: Path, dataset) -> None:
    docs = DocsFolder(tmp_path / "docs")
    renderer = Renderer(dataset, docs, ChartCache(tmp_path / "charts"), SearchIndex())
    for page in ("van-ban/a.md", "van-ban/b.md"):  # two pages with the very same rows
        table = Table(["Số"], caption="Các số")
        for value in range(SHOWN_ROWS + 5):
            table.add([number_cell(value)], **{"data-so": str(value)})
        renderer.page(page, "documents_index.md.j2", table=table, count=1)
    files = sorted((tmp_path / "docs" / "bang").glob("*.json"))
    assert len(files) == 2
    for page in ("a", "b"):
        text = (tmp_path / "docs" / "van-ban" / f"{page}.md").read_text(encoding="utf-8")
        assert text.count("<tr data-so=") == SHOWN_ROWS and f'data-total="{SHOWN_ROWS + 5}"' in text
        link = re.search(r'data-more-rows="([^"]+)"', text).group(1)
        # relative to the page's URL (van-ban/a/), as the browser resolves it
        rest = json.loads((tmp_path / "docs" / "van-ban" / page / link).resolve().read_text(encoding="utf-8"))
        assert re.findall(r'data-so="(\d+)"', rest["rows"]) == [str(v) for v in range(SHOWN_ROWS, SHOWN_ROWS + 5)]


def test_pages_show_the_history_of_the_project_being_built(tmp_path: Path, dataset) -> None:
    """The "what changed" page reads the git history of the project being built (the benchmark
    builds scratch projects), not this checkout's."""
    other = Project(tmp_path / "other")
    (other.root / "content").mkdir(parents=True)
    shutil.copytree(Project().data_dir / "reference", other.data_dir / "reference")

    def changes_page(name: str) -> str:
        docs = DocsFolder(tmp_path / name)
        render_site(dataset, docs, ChartCache(tmp_path / "charts"), SearchIndex(), read_inputs(other, dataset))
        return (docs.root / "thay-doi.md").read_text(encoding="utf-8")

    assert "\n## " not in changes_page("outside-git")  # no history of its own
    shutil.copytree(FIXTURE_DATA / "units", other.data_dir / "units")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Dữ liệu của dự án khác"]):
        subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.invalid", *args],
                       cwd=other.root, check=True, capture_output=True)
    page = changes_page("in-git")
    assert "## " in page and "Thêm đơn vị [“Trung ương Đoàn”](don-vi/trung-uong-doan.md)" in page
    assert "Dữ liệu của dự án khác" not in page  # the records are the headline, not the commit message
