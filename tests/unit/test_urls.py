"""campaign_results/render/urls.py: where each page is published and the relative links between
pages, which must work under any base path and offline."""

from __future__ import annotations

import posixpath

import pytest

from campaign_results.render import urls


@pytest.mark.parametrize("page, url", [
    ("index.md", ""), ("mo-hinh/index.md", "mo-hinh/"), ("mo-hinh/ben-tre-2021.md", "mo-hinh/ben-tre-2021/"),
    ("tim-kiem.md", "tim-kiem/"), ("bieu-do/abc123.svg", "bieu-do/abc123.svg"),
    ("bang/abc.json", "bang/abc.json"),
])
def test_a_page_is_served_as_a_folder_and_a_file_as_itself(page: str, url: str) -> None:
    assert urls.url_of(page) == url


def test_each_kind_of_page_has_its_own_folder() -> None:
    assert [urls.model("m"), urls.peak_day("p"), urls.campaign("c"), urls.plan("k"), urls.unit("u"),
            urls.document("d"), urls.indicator("i"), urls.year(2023), urls.chart("x.svg"), urls.table_rows("t")] == [
        "mo-hinh/m.md", "ngay-cao-diem/p.md", "chien-dich/c.md", "ke-hoach/k.md", "don-vi/u.md",
        "van-ban/d.md", "chi-tieu/i.md", "nam/2023.md", "bieu-do/x.svg", "bang/t.json"]
    assert [urls.url_of(p) for p in (urls.HOME, urls.MODELS, urls.PEAK_DAYS, urls.UNITS, urls.DOCUMENTS,
                                     urls.INDICATORS, urls.YEARS, urls.SEARCH)] == [
        "", "mo-hinh/", "ngay-cao-diem/", "don-vi/", "van-ban/", "chi-tieu/", "nam/", "tim-kiem/"]


@pytest.mark.parametrize("source, target, link", [
    ("index.md", "mo-hinh/x.md", "mo-hinh/x/"),
    ("index.md", "index.md", "./"),
    ("mo-hinh/x.md", "index.md", "../../"),
    ("mo-hinh/x.md", "mo-hinh/x.md", "../../mo-hinh/x/"),
    ("mo-hinh/index.md", "mo-hinh/y.md", "../mo-hinh/y/"),
    ("nam/2021.md", "don-vi/ben-tre.md", "../../don-vi/ben-tre/"),
    ("tim-kiem.md", "chi-muc-tim-kiem/thong-tin.json", "../chi-muc-tim-kiem/thong-tin.json"),
    ("mo-hinh/index.md", "bieu-do/a.svg", "../bieu-do/a.svg"),
])
def test_links_climb_out_of_the_page_folder_then_go_down(source: str, target: str, link: str) -> None:
    assert urls.relative(source, target) == link


@pytest.mark.parametrize("base", ["https://doanthanhnien.vn/", "https://x.github.io/ket-qua/", "file:///D:/site/"])
@pytest.mark.parametrize("source, target", [
    ("index.md", "van-ban/a.md"), ("ngay-cao-diem/p.md", "index.md"), ("don-vi/index.md", "nam/2024.md"),
    ("chi-tieu/cay-xanh.md", "bang/abc.json"), ("tim-kiem.md", "tim-kiem.md"),
])
def test_a_link_resolves_to_its_target_under_any_base_path(base: str, source: str, target: str) -> None:
    scheme, rest = base.split("://", 1)
    here = posixpath.join("/" + rest.split("/", 1)[1], urls.url_of(source))
    resolved = posixpath.normpath(posixpath.join(here, urls.relative(source, target)))
    expected = posixpath.normpath(posixpath.join("/" + rest.split("/", 1)[1], urls.url_of(target) or "."))
    assert resolved == expected
