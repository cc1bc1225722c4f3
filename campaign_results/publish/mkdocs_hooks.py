"""MkDocs hooks (named events, see mkdocs.yml `hooks:`): prepare pages for the search index.

Pagefind indexes only what sits in ``data-pagefind-body``: the page's own
content, not the navigation repeated on every page. Pagefind already matches
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


def on_page_content(content: str, page, config, files) -> str:
    if page.file.src_uri == SEARCH_PAGE:
        return content
    summary = page.meta.get("description", "")  # generated pages escape it already
    if page.meta.get("search") == "summary":
        # A listing (catalogue, indicator, year): found by its title and summary; its rows are
        # found on their own pages. Keeps the index, and the indexer's memory, proportional to
        # the records rather than to records × listings.
        return (content + f'<div hidden data-pagefind-body><h1>{html.escape(page.title or "")}</h1>'
                f"<p>{summary}</p></div>")
    text = html.unescape(_TAGS.sub(" ", content))
    folded = sorted({fold(word) for word in _WORDS_WITH_D.findall(text)})
    return (
        "<div data-pagefind-body>"
        + content
        + f'<div hidden data-pagefind-meta="summary">{summary}</div>'
        + f"<div hidden>{html.escape(' '.join(folded))}</div>"
        + "</div>"
    )
