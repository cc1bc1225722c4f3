"""MkDocs hooks (named events, see mkdocs.yml `hooks:`): prepare pages for the search index.

Pagefind indexes only what sits in ``data-pagefind-body``: for a record page,
the words its template chose (name, unit, place, text), for a listing its title
and summary, for a hand-written page its content; never the navigation, labels
or tables that every page repeats. Pagefind already matches
words without their tone marks ("ben tre" finds "Bến Tre") but treats "đ" as
its own letter, so a hidden copy of the page's words that contain "đ",
spelled with "d", is added ("doan" finds "Đoàn"). The page's description
becomes the summary shown in search results.
"""

from __future__ import annotations

import html
import re

from campaign_results.text import fold

SEARCH_PAGE = "tim-kiem.md"
_WORDS_WITH_D = re.compile(r"\w*[đĐ]\w*")
_TAGS = re.compile(r"<[^>]+>")
_SEARCH_BODY = re.compile(r"<div hidden data-pagefind-body[^>]*>(.*?)</div>", re.S)


def on_page_content(content: str, page, config, files) -> str:
    if page.file.src_uri == SEARCH_PAGE:
        return content
    summary = page.meta.get("description", "")  # generated pages escape it already
    meta = f'<div hidden data-pagefind-meta="summary">{summary}</div>'
    if page.meta.get("search") == "summary":
        # A listing (catalogue, indicator, year): found by its title and summary; its rows are
        # found on their own pages.
        return content + (f'<div hidden data-pagefind-body><h1>{html.escape(page.title or "")}</h1>'
                          f"<p>{summary}</p>{meta}</div>")
    own = _SEARCH_BODY.search(content)
    if own:
        # A record page says what to index (render/templates/_macros.md.j2: search_body).
        indexed = own.group(1)
        return content + f"<div hidden data-pagefind-body>{meta}{_folded_copy(indexed)}</div>"
    # A hand-written page: its whole content.
    return f"<div data-pagefind-body>{content}{meta}{_folded_copy(content)}</div>"


def _folded_copy(fragment: str) -> str:
    text = html.unescape(_TAGS.sub(" ", fragment))
    folded = sorted({fold(word) for word in _WORDS_WITH_D.findall(text)})
    return f"<div hidden>{html.escape(' '.join(folded))}</div>"
