"""Where each page lives: the one place that knows the site's paths.

Pages are Markdown files under the docs folder; MkDocs serves ``x/y.md`` at
the URL ``x/y/``. Links inside generated HTML are relative, so the site works
under any base path (an intranet folder, GitHub Pages) and offline.
"""

from __future__ import annotations

import functools

# The folders of the record pages, each with its listing (``index.md``) but campaigns and plans,
# which are listed on other pages. mkdocs.yml names them too (nav, not_in_nav), and
# tests/test_urls.py holds it to these.
MODELS_DIR = "mo-hinh"
PEAK_DAYS_DIR = "ngay-cao-diem"
CAMPAIGNS_DIR = "chien-dich"
PLANS_DIR = "ke-hoach"
UNITS_DIR = "don-vi"
DOCUMENTS_DIR = "van-ban"
INDICATORS_DIR = "chi-tieu"
YEARS_DIR = "nam"

HOME = "index.md"
MODELS = f"{MODELS_DIR}/index.md"
PEAK_DAYS = f"{PEAK_DAYS_DIR}/index.md"
UNITS = f"{UNITS_DIR}/index.md"
DOCUMENTS = f"{DOCUMENTS_DIR}/index.md"
INDICATORS = f"{INDICATORS_DIR}/index.md"
YEARS = f"{YEARS_DIR}/index.md"
MAPS = "ban-do.md"
DOWNLOADS = "du-lieu.md"
DOWNLOADS_DIR = "du-lieu"            # the download files, beside their page (campaign_results/export.py)
DATA_DICTIONARY = "tu-dien-du-lieu.md"
CHANGES = "thay-doi.md"
CHANGES_FEED = "thay-doi.xml"        # the Atom feed; overrides/main.html links it too
ERROR_CODES = "ma-loi.md"
SEARCH = "tim-kiem.md"
SEARCH_INDEX_DIR = "chi-muc-tim-kiem"  # the search index's files; content/assets/site.js fetches them
CHARTS_DIR = "bieu-do"
TABLE_ROWS_DIR = "bang"


def model(model_id: str) -> str:
    return f"{MODELS_DIR}/{model_id}.md"


def peak_day(peak_day_id: str) -> str:
    return f"{PEAK_DAYS_DIR}/{peak_day_id}.md"


def campaign(campaign_id: str) -> str:
    return f"{CAMPAIGNS_DIR}/{campaign_id}.md"


def plan(plan_id: str) -> str:
    return f"{PLANS_DIR}/{plan_id}.md"


def unit(unit_id: str) -> str:
    return f"{UNITS_DIR}/{unit_id}.md"


def document(document_id: str) -> str:
    return f"{DOCUMENTS_DIR}/{document_id}.md"


def indicator(code: str) -> str:
    return f"{INDICATORS_DIR}/{code}.md"


def year(value: int) -> str:
    return f"{YEARS_DIR}/{value}.md"


def chart(name: str) -> str:
    """A chart or share image by its file name (digest and suffix)."""
    return f"{CHARTS_DIR}/{name}"


def download(name: str) -> str:
    """A download file (a CSV, the zip, the data package…) by its file name."""
    return f"{DOWNLOADS_DIR}/{name}"


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
