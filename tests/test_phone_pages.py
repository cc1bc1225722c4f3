"""Every page type as a reader sees it, on a phone (360×740) and a laptop (1280×800), in Chromium.

Each test opens the page at the top, as a reader arriving from a link would: its headline figure
is on the first screen, no table is wider than the screen, chart text is readable at the size it
is shown, and the header has the site's search. The run saves a screenshot of each page type at
both sizes in build/screenshots/ (the README shows two of them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaign_results.publish.static_server import StaticServer

from .conftest import ROOT
from .test_browser import browser, open_tab_of, search  # noqa: F401  (the module's Chromium fixture)

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
SCREENSHOTS = ROOT / "build" / "screenshots"

PEAK_DAY = "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/"
# page type → its address in the fixture site
PAGE_TYPES = {
    "trang-chu": "",
    "ngay-cao-diem": PEAK_DAY,
    "mo-hinh": "mo-hinh/ben-tre-2021-dich-vu-cong-truc-tuyen/",
    "tinh-63": "don-vi/ha-tinh/",
    "tinh-34": "don-vi/ha-tinh-2025/",
    "tinh-chua-co-ket-qua": "don-vi/ha-nam/",
    "nam": "nam/2023/",
    "chi-tieu": "chi-tieu/nguoi-dan-duoc-ho-tro/",
    "chien-dich": "chien-dich/2023-thanh-nien-tinh-nguyen-he/",
}
SIZES = {"360x740": PHONE, "1280x800": LAPTOP}


@pytest.fixture(scope="module")
def site(built_site):
    with StaticServer(built_site) as served:
        yield served


def _open(browser, site, path: str, size: dict):
    page = browser.new_page(viewport=size)
    page.goto(site.url + path, wait_until="networkidle")
    return page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_a_page_opens_with_its_headline_figures_and_fits_the_screen(browser, site, kind, size) -> None:
    viewport = SIZES[size]
    page = _open(browser, site, PAGE_TYPES[kind], viewport)
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{kind}-{size}.png"))
        # the first figure (or, with none, the words saying so) is on the first screen
        first = page.locator(".key-figures .figure-value, .key-figures .figure-empty").first
        box = first.bounding_box()
        assert box and box["y"] + box["height"] <= viewport["height"], (kind, box)
        # no table is wider than the screen, nor scrolls sideways inside its box
        for tabs in page.locator(".tabs").all():  # each tab's tables, as a reader opening it sees them
            for label in tabs.locator(":scope > label").all():
                label.click()
                _assert_tables_fit(page, viewport, kind)
        _assert_tables_fit(page, viewport, kind)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        # the site's search is in the header; the site's name there links home
        assert page.locator("header form[role=search] input[name=q]").is_visible()
        assert page.locator("header a.site-title").evaluate("a => a.href") == site.url
    finally:
        page.close()


def _assert_tables_fit(page, viewport: dict, kind: str) -> None:
    widths = page.evaluate("""() => Array.from(document.querySelectorAll('article table'))
        .filter(t => t.offsetParent !== null)
        .map(t => { const box = t.getBoundingClientRect(), scroller = t.closest('.table-scroll, .md-typeset__table');
                    return [t.caption ? t.caption.textContent : '', box.right,
                            scroller ? scroller.scrollWidth - scroller.clientWidth : 0]; })""")
    for caption, right, overflow in widths:
        assert right <= viewport["width"] and overflow <= 1, (kind, caption, right, overflow)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", [PEAK_DAY, "mo-hinh/ben-tre-2021-dich-vu-cong-truc-tuyen/", "ban-do/"])
def test_chart_and_map_text_is_at_least_12_px_as_shown(browser, site, path, size) -> None:
    page = _open(browser, site, path, SIZES[size])
    try:
        images = page.locator("figure.chart img, figure.map object")
        assert images.count() > 0
        checked = 0
        for index in range(images.count()):
            image = images.nth(index)
            open_tab_of(image)
            image.scroll_into_view_if_needed()
            page.wait_for_function("e => e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0)",
                                   arg=image.element_handle())
            shown = image.bounding_box()["width"]
            source = image.get_attribute("src") or image.get_attribute("data")
            svg = page.evaluate("url => fetch(url).then(r => r.text())", source)
            view_width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
            smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
            assert smallest * shown / view_width >= 12, (source, smallest, shown, view_width)
            checked += 1
        assert checked == images.count()
    finally:
        page.close()


def test_the_peak_day_page_is_at_most_ten_phone_screens_with_everything_reachable(browser, site) -> None:
    page = _open(browser, site, PEAK_DAY, PHONE)
    try:
        page.add_style_tag(content=".table-scroll { content-visibility: visible !important; }")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 10 * PHONE["height"], height / PHONE["height"]
        # the details folded away are there, a tap away: every per-unit table, every remark
        for text in ("Kết quả từng đơn vị – Hỗ trợ", "Chú thích 7.", "Tổng hợp nội dung dự kiến"):
            found = page.locator("article").get_by_text(text, exact=False).first
            open_tab_of(found)
            assert found.is_visible(), text
    finally:
        page.close()


def test_tabs_show_chart_first_and_the_table_a_tap_away_without_script(browser, built_site) -> None:
    with StaticServer(built_site) as served:
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        try:
            page.goto(served.url + PEAK_DAY)
            tabs = page.locator(".tabs").first
            chart = tabs.locator("figure.chart").first
            table = tabs.locator("table").first
            assert chart.is_visible() and not table.is_visible()
            tabs.locator(":scope > label", has_text="Bảng").click()
            assert table.is_visible() and not chart.is_visible()
            assert "Số liệu của biểu đồ" not in page.content()  # the table is the chart's data, once
        finally:
            context.close()


@pytest.mark.parametrize("query", ["Hà Tĩnh", "ha tinh", "HA TINH"])
def test_a_province_searched_with_or_without_tone_marks_comes_first(browser, site, query) -> None:
    results = search(browser, site, query)
    assert set(results[:2]) == {"/don-vi/ha-tinh/", "/don-vi/ha-tinh-2025/"}, results[:4]


def test_help_pages_come_after_record_pages(browser, site) -> None:
    results = search(browser, site, "mo hinh")
    help_pages = {"/dong-gop/", "/ma-loi/", "/tu-dien-du-lieu/", "/gioi-thieu/", "/du-lieu/", "/thay-doi/"}
    positions = [i for i, url in enumerate(results) if url in help_pages]
    records = [i for i, url in enumerate(results) if url not in help_pages]
    assert positions and records and max(records) < min(positions)


def test_a_result_shows_why_it_matched(browser, site) -> None:
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(site.url + "tim-kiem/?q=thanh+nien+xung+kich")
        page.wait_for_function("() => /Tìm thấy/.test(document.querySelector('.search-status').textContent)")
        first = page.locator(".search-results li").first
        assert "/mo-hinh/ben-tre-2021-dich-vu-cong-truc-tuyen/" in first.locator("a").get_attribute("href")
        marked = [m.lower() for m in first.locator(".search-excerpt mark").all_inner_texts()]
        assert {"thanh", "niên", "xung", "kích"} <= set(marked), marked
        # same-named pages are told apart: the old and the new province
        page.goto(site.url + "tim-kiem/?q=quang+ngai")
        page.wait_for_function("() => /Tìm thấy/.test(document.querySelector('.search-status').textContent)")
        titles = page.locator(".search-results li > a").all_inner_texts()[:2]
        assert len(set(titles)) == 2 and all("Quảng Ngãi" in t for t in titles), titles
    finally:
        page.close()


def test_the_404_page_is_in_vietnamese_with_search_and_the_main_sections(browser, site) -> None:
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = page.goto(site.url + "khong-co-trang-nay/")
        assert response.status == 404
        page.screenshot(path=str(SCREENSHOTS / "404-360x740.png"))
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        links = {a.inner_text().strip() for a in page.locator("article a").all()}
        assert {"Mô hình", "Ngày cao điểm", "Đơn vị", "Bản đồ"} <= links
        assert errors == []  # the page's script runs without an error
        page.fill("article input[name=q]", "ben tre")
        page.press("article input[name=q]", "Enter")
        page.wait_for_function("() => /Tìm thấy/.test((document.querySelector('.search-status') || {}).textContent)")
        assert "/don-vi/ben-tre/" in page.locator(".search-results li a").first.get_attribute("href")
    finally:
        page.close()


def test_header_search_sends_the_query_to_the_search_page(browser, site) -> None:
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(site.url + "mo-hinh/")
        page.fill("#header-q", "Hà Tĩnh")
        page.press("#header-q", "Enter")
        page.wait_for_function("() => /Tìm thấy/.test((document.querySelector('.search-status') || {}).textContent)")
        assert page.url.startswith(site.url + "tim-kiem/")
        assert "/don-vi/ha-tinh" in page.locator(".search-results li a").first.get_attribute("href")
    finally:
        page.close()


def test_footer_and_breadcrumbs(browser, site) -> None:
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(site.url + "don-vi/ha-tinh/")
        footer = page.locator("footer").inner_text()
        assert "Trung ương Đoàn TNCS Hồ Chí Minh" in footer and "CC BY 4.0" in footer and "Liên hệ" in footer
        assert "Made with" not in page.content()
        crumbs = page.locator("nav.md-path a").all_inner_texts()
        assert [c.strip() for c in crumbs] == ["Trang chủ", "Đơn vị"]
    finally:
        page.close()


def test_link_previews_carry_the_whole_site_name(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    name = re.search(r'<meta property="og:site_name" content="([^"]*)"', home).group(1)
    assert name == "Kết quả “Dân vận khéo” và Ngày cao điểm"
    assert re.search(r'<meta property="og:title" content="([^"]*)"', home).group(1) == name


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", [*PAGE_TYPES.values(), "mo-hinh/", "don-vi/ben-tre/", "ban-do/",
                                  "tim-kiem/?q=ben+tre", "khong-co-trang-nay/"])
def test_no_serious_accessibility_violation_on_any_page_type(browser, site, path, size) -> None:
    page = _open(browser, site, path, SIZES[size])
    try:
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
    finally:
        page.close()
