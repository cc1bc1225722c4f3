"""What changed: the records added or changed by each publish, from the git history of data/,
and an Atom feed of new results."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from ...history import data_history
from .. import urls
from ..renderer import Renderer

PAGE = "thay-doi.md"
FEED = "thay-doi.xml"
LISTED = 30  # records named per publish; the rest are counted
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # as in mkdocs.yml when SITE_URL is not set
RESULT_KINDS = {"model", "peak_day", "result"}


def _target(r: Renderer, kind: str, record_id: str) -> tuple[str, str] | None:
    """(page, label) of a record that still exists."""
    d = r.dataset
    pages = {
        "model": (d.models, urls.model, lambda x: x.name),
        "peak_day": (d.peak_days, urls.peak_day, lambda x: x.name),
        "result": (d.peak_days, urls.peak_day, lambda x: "Kết quả từng đơn vị: " + x.name),
        "document": (d.documents, urls.document, lambda x: f"{x.number or x.type}: {x.title}"),
        "campaign": (d.campaigns, urls.campaign, lambda x: x.name),
        "plan": (d.plans, urls.plan, lambda x: x.title),
        "unit": (d.units.by_id, urls.unit, lambda x: x.name),
    }
    if kind not in pages or record_id not in pages[kind][0]:
        return None
    records, page_of, label = pages[kind]
    return page_of(record_id), label(records[record_id])


def plan(r: Renderer) -> None:
    r.plan((PAGE, FEED), lambda: _changes(r))


def _changes(r: Renderer) -> None:
    changes = data_history(r.project.root)
    publishes = []
    for change in changes:
        items = []
        for record in change.records[:LISTED]:
            target = _target(r, record.kind, record.record_id)
            items.append({"action": record.action, "id": record.record_id,
                          "link": r.md_link(PAGE, target[0], target[1]) if target else None})
        publishes.append({"change": change, "items": items, "more": max(0, len(change.records) - LISTED)})
    r.page(PAGE, "changes.md.j2", publishes=publishes, feed=FEED)
    r.docs.write(FEED, _atom(r, changes).encode("utf-8"))


def _atom(r: Renderer, changes) -> str:
    site = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    entries = []
    for change in changes:
        results = [c for c in change.records if c.kind in RESULT_KINDS and c.action != "xoá"]
        targets = [t for t in (_target(r, c.kind, c.record_id) for c in results) if t]
        if not targets:
            continue
        links = "".join(f'<li><a href="{escape(site + urls.url_of(page))}">{escape(label)}</a></li>'
                        for page, label in targets[:LISTED])
        entries.append(
            f"<entry><id>urn:sha1:{change.commit}</id><title>{escape(change.message)}</title>"
            f"<updated>{change.when.isoformat()}</updated>"
            f'<link rel="alternate" href="{escape(site + urls.url_of(targets[0][0]))}"/>'
            f'<content type="html">{escape("<ul>" + links + "</ul>")}</content></entry>')
    updated = changes[0].when.isoformat() if changes else "2020-01-01T00:00:00+00:00"
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">'
            f"<id>{escape(site)}{FEED}</id><title>Kết quả mới: \"Dân vận khéo\" và Ngày cao điểm</title>"
            f'<link rel="self" href="{escape(site)}{FEED}"/><link rel="alternate" href="{escape(site)}"/>'
            f"<updated>{updated}</updated><author><name>Đoàn TNCS Hồ Chí Minh</name></author>"
            + "".join(entries) + "</feed>\n")
