"""Sharing: sitemap with the site's address, canonical links, link previews with images."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PIL import Image

SITE_URL = "http://127.0.0.1:8000/"  # the address mkdocs.yml uses when SITE_URL is not set


def meta(html: str, name: str) -> str | None:
    match = re.search(rf'<meta property="{name}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_sitemap_lists_every_page_at_the_site_address(built_site: Path) -> None:
    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    locations = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {SITE_URL + p.parent.relative_to(built_site).as_posix() + "/"
             for p in built_site.rglob("index.html") if p.parent != built_site}
    assert pages <= locations and SITE_URL in locations
    assert SITE_URL + "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/" in locations


def test_every_page_has_a_canonical_link_and_a_preview(built_site: Path) -> None:
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert '<link rel="canonical" href="' + SITE_URL in html, page
        assert meta(html, "og:title") and meta(html, "og:description"), page


def test_peak_day_and_province_previews_carry_figures_and_an_image(built_site: Path) -> None:
    day = (built_site / "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/index.html").read_text("utf-8")
    assert "8.884" in meta(day, "og:description") and "6.369" in meta(day, "og:description")
    for html in [day, (built_site / "don-vi/ben-tre/index.html").read_text("utf-8")]:
        image = meta(html, "og:image")
        assert image.startswith(SITE_URL)
        with Image.open(built_site / image[len(SITE_URL):]) as picture:
            assert picture.size == (1200, 630)
