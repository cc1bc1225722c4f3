"""What changed: the records each publish added, changed or removed, with their headline
figures (read from the history by ``data_changes``, given in the site's inputs), as a page and
as an Atom feed."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from ...model.changes import REMOVED, Publish, RecordChange
from ...model.records import Dataset
from .. import urls
from ..renderer import Renderer

PAGE = urls.CHANGES
FEED = urls.CHANGES_FEED
SHOWN = 30   # publishes on the page and in the feed
LISTED = 30  # records named per publish; the rest are counted
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # as in mkdocs.yml when SITE_URL is not set


def record_page(d: Dataset, change: RecordChange) -> str | None:
    """The page a changed record is shown on, if it is still published."""
    pages = {
        "model": (d.models, urls.model), "peak_day": (d.peak_days, urls.peak_day),
        "result": (d.peak_days, urls.peak_day), "document": (d.documents, urls.document),
        "campaign": (d.campaigns, urls.campaign), "plan": (d.plans, urls.plan),
        "unit": (d.units.by_id, urls.unit), "indicator": (d.indicators, urls.indicator),
    }
    records, page_of = pages[change.kind]
    if change.action == REMOVED and change.kind != "result" or change.record_id not in records:
        return None
    return page_of(change.record_id)


def plan(r: Renderer) -> None:
    r.plan((PAGE, FEED), lambda: _changes(r))


def _changes(r: Renderer) -> None:
    found = r.inputs.publishes[:SHOWN]
    shown = [{"publish": p, "more": max(0, len(p.records) - LISTED),
              "items": [{"change": c, "page": record_page(r.dataset, c)} for c in p.records[:LISTED]]}
             for p in found]
    r.page(PAGE, "changes.md.j2", publishes=shown, feed=FEED)
    r.docs.write(FEED, _atom(r, found).encode("utf-8"))


def _atom(r: Renderer, found: list[Publish]) -> str:
    site = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    entries = []
    for publish in found:
        pages = [(c.headline, record_page(r.dataset, c)) for c in publish.records[:LISTED]]
        first_page = next((page for _, page in pages if page), urls.HOME)
        items = "".join(f'<li><a href="{escape(site + urls.url_of(page))}">{escape(text)}</a></li>' if page
                        else f"<li>{escape(text)}</li>" for text, page in pages)
        title = publish.records[0].headline
        if len(publish.records) > 1:
            title += f" (và {len(publish.records) - 1} thay đổi khác)"
        entries.append(
            f"<entry><id>urn:sha1:{escape(publish.commit)}</id><title>{escape(title)}</title>"
            f"<updated>{publish.when.isoformat()}</updated>"
            f'<link rel="alternate" href="{escape(site + urls.url_of(first_page))}"/>'
            f'<content type="html">{escape("<ul>" + items + "</ul>")}</content></entry>')
    updated = found[0].when.isoformat() if found else "2020-01-01T00:00:00+00:00"
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">'
            f"<id>{escape(site)}{FEED}</id><title>Dữ liệu mới: \"Dân vận khéo\" và Ngày cao điểm</title>"
            f'<link rel="self" href="{escape(site)}{FEED}"/><link rel="alternate" href="{escape(site)}"/>'
            f"<updated>{updated}</updated><author><name>Đoàn TNCS Hồ Chí Minh</name></author>"
            + "".join(entries) + "</feed>\n")
