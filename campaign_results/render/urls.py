"""Where each page lives: the one place that knows the site's paths.

Pages are Markdown files under the docs folder; MkDocs serves ``x/y.md`` at
the URL ``x/y/``. Links inside generated HTML are relative, so the site works
under any base path (an intranet folder, GitHub Pages) and offline.
"""

from __future__ import annotations

import functools

HOME = "index.md"
MODELS = "mo-hinh/index.md"
PEAK_DAYS = "ngay-cao-diem/index.md"
UNITS = "don-vi/index.md"
DOCUMENTS = "van-ban/index.md"
INDICATORS = "chi-tieu/index.md"
YEARS = "nam/index.md"
SEARCH = "tim-kiem.md"
CHARTS_DIR = "bieu-do"
TABLE_ROWS_DIR = "bang"


def model(model_id: str) -> str:
    return f"mo-hinh/{model_id}.md"


def peak_day(peak_day_id: str) -> str:
    return f"ngay-cao-diem/{peak_day_id}.md"


def campaign(campaign_id: str) -> str:
    return f"chien-dich/{campaign_id}.md"


def plan(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}.md"


def unit(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def document(document_id: str) -> str:
    return f"van-ban/{document_id}.md"


def indicator(code: str) -> str:
    return f"chi-tieu/{code}.md"


def year(value: int) -> str:
    return f"nam/{value}.md"


def chart(name: str) -> str:
    """A chart or share image by its file name (digest and suffix)."""
    return f"{CHARTS_DIR}/{name}"


def table_rows(name: str) -> str:
    """The file of a long table's rows after the first ones, by its digest."""
    return f"{TABLE_ROWS_DIR}/{name}.json"


@functools.lru_cache(maxsize=None)  # asked hundreds of thousands of times for the same pages
def url_of(page: str) -> str:
    """The directory URL MkDocs gives a page: "mo-hinh/x.md" → "mo-hinh/x/"."""
    if page.endswith("index.md"):
        return page[: -len("index.md")]
    if page.endswith(".md"):
        return page[:-3] + "/"
    return page


def relative(from_page: str, to: str) -> str:
    """A link from one page to another page or file, relative to the first page's URL.

    Every path here is relative to the site root, so the link climbs out of the
    first page's folders and goes down to the target: no common-prefix search.
    """
    climb = "../" * url_of(from_page).count("/")
    link = climb + url_of(to)
    return link or "./"
