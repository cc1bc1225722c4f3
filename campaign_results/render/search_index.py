"""The site's search index: small static files that a phone fetches word by word.

A general-purpose engine sends either its whole index (Material's built-in
search: megabytes) or large chunks of words sharing a prefix (Pagefind: a
first query on 10.000 pages needed 478 KB). Here every page's words are
folded (no tone marks, đ→d, lower case: "Bến Tre" and "ben tre" are the same
words) and written so that a query downloads only what it needs:

- ``tu-dien/<2 letters>.json`` (the vocabulary, by the first two letters of a
  word): each word with its postings if it is on few pages, or the number of
  pages that hold it; the browser learns which words exist, completes a word
  being typed ("quang ng" → "ngai", "ngoc"…) and needs no other file for rare
  words such as names and numbers;
- ``tu/<word>.txt``: the postings of a word on many pages;
- ``trang/<n>.json``: address, title, summary and the start of the text of pages
  ``n*25 … n*25+24``, fetched for the best results only: the browser ranks them
  again by their titles (the query's words as typed, with their tone marks, and
  in the order typed) and shows the words that matched, highlighted;
- ``thong-tin.json``: the number of pages, which vocabulary files exist and
  where the help pages begin.

A posting is a page number and whether the word is in the page's title. Page
numbers follow the order in which results of equal score are listed: section
pages, then provinces and peak days before documents and models, short titles
first, and the help pages (how to contribute, error codes…) last: the browser
lists them after every other result.
Postings are written as base-36 gaps (``gap * 2 + in_title``) separated by
commas, which gzip compresses to about a byte per page.

Which words a page contributes is decided where the page is written
(:meth:`SearchIndex.add_page`): a record page's own words (the block made by
the ``search_body`` macro), a listing's title and summary (``search: summary``
in its front matter), any other page's text without its tables.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import yaml

from ..text import curly_quotes, fold
from . import urls

FOLDER = urls.SEARCH_INDEX_DIR  # under the site root
PAGES_PER_SHARD = 25
INLINE_UP_TO = 8              # a word on at most this many pages keeps its postings in the vocabulary
MAX_WORD = 40                 # longer "words" (identifiers, URLs) are not indexed
SUMMARY_CHARACTERS = 200
EXCERPT_CHARACTERS = 400  # of a page's text, for the browser to show the words a query matched
NOT_INDEXED = {urls.SEARCH}  # the search page itself

# Results of equal score: the home and section pages, then the sections a reader most often looks
# for; any other page (help: how to contribute, the error codes, the data dictionary…) comes last.
SECTION_ORDER = {urls.UNITS_DIR: 1, urls.PEAK_DAYS_DIR: 2, urls.CAMPAIGNS_DIR: 3, urls.PLANS_DIR: 4,
                 urls.DOCUMENTS_DIR: 5, urls.INDICATORS_DIR: 6, urls.YEARS_DIR: 6, urls.MODELS_DIR: 7}
SECTION_PAGES = {urls.url_of(page) for page in (urls.HOME, urls.MODELS, urls.PEAK_DAYS, urls.UNITS, urls.MAPS,
                                                 urls.YEARS, urls.INDICATORS, urls.DOCUMENTS)}
HELP = 9

SEARCH_BLOCK = re.compile(r'\n?<div hidden data-search-body markdown="0">(.*?)</div>\n?', re.S)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TABLES = re.compile(r"<table.*?</table>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_LINK_TARGETS = re.compile(r"\]\([^)]*\)")
_HEADING = re.compile(r"^# (.+)$", re.M)


@dataclass(frozen=True)
class SearchEntry:
    url: str        # relative to the site root, as MkDocs publishes it: "don-vi/ben-tre/"
    title: str
    summary: str
    words: str      # the text whose words find the page


class SearchIndex:
    def __init__(self) -> None:
        self.entries: list[SearchEntry] = []

    def add_page(self, path: str, markdown: str, meta: dict | None = None) -> str:
        """Take the words of the page at ``path`` (a .md file under the docs folder). ``meta``: its
        title, description and search mode as the renderer wrote them into the front matter (as
        given, not escaped); a page of content/ has them read from its front matter.

        Returns the page without its search block, which only carries words to this index.
        """
        found = SEARCH_BLOCK.search(markdown)
        if found:
            markdown = markdown[:found.start()] + "\n" + markdown[found.end():]
        if path in NOT_INDEXED:
            return markdown
        if meta is None:
            meta, body = _front_matter(markdown)
            title = _unescape(str(meta.get("title") or _first_heading(body) or path))
            summary = _unescape(str(meta.get("description") or ""))
        else:
            start = _FRONT_MATTER.match(markdown)
            body = markdown[start.end():] if start else markdown
            title = curly_quotes(str(meta.get("title") or path)).strip()  # as the page shows them
            summary = curly_quotes(str(meta.get("description") or "")).strip()
        if found:
            words = _unescape(found.group(1))
        elif meta.get("search") == "summary":
            words = f"{title} {summary}"
        else:
            words = f"{title} {summary} {_plain_text(body)}"
        self.entries.append(SearchEntry(urls.url_of(path), title, _shorten(summary), words))
        return markdown

    def files(self) -> dict[str, bytes]:
        """Every file of the index, by its path under the site root."""
        entries = sorted(self.entries, key=_listing_order)
        postings: dict[str, list[tuple[int, bool]]] = {}
        for number, entry in enumerate(entries):
            title_words = set(fold(entry.title).split())
            for word in sorted(title_words.union(fold(entry.words).split())):
                if len(word) <= MAX_WORD:
                    postings.setdefault(word, []).append((number, word in title_words))

        out: dict[str, bytes] = {}
        vocabulary: dict[str, dict[str, str | int]] = {}
        for word, pages in postings.items():
            encoded = _encode(pages)
            shard = vocabulary.setdefault(word[:2], {})
            if len(pages) <= INLINE_UP_TO:
                shard[word] = encoded
            else:
                shard[word] = len(pages)
                out[f"{FOLDER}/tu/{word}.txt"] = encoded.encode("ascii")
        for prefix, words in vocabulary.items():
            out[f"{FOLDER}/tu-dien/{prefix}.json"] = _json(dict(sorted(words.items())))
        for start in range(0, len(entries), PAGES_PER_SHARD):
            shard_pages = [[e.url, e.title, e.summary, _excerpt(e)] for e in entries[start:start + PAGES_PER_SHARD]]
            out[f"{FOLDER}/trang/{start // PAGES_PER_SHARD}.json"] = _json(shard_pages)
        help_from = next((n for n, e in enumerate(entries) if _listing_order(e)[0] == HELP), len(entries))
        out[f"{FOLDER}/thong-tin.json"] = _json({"pages": len(entries), "pages_per_shard": PAGES_PER_SHARD,
                                                 "prefixes": sorted(vocabulary), "help_from": help_from})
        return out


def _listing_order(entry: SearchEntry) -> tuple:
    if entry.url in SECTION_PAGES:
        return (0, len(entry.title), entry.url)
    section = entry.url.split("/", 1)[0] if "/" in entry.url.rstrip("/") else ""
    return (SECTION_ORDER.get(section, HELP), len(entry.title), entry.url)


def _excerpt(entry: SearchEntry) -> str:
    """The start of the page's words after its title and summary, as the page writes them: spaces
    made single, Markdown's emphasis marks left out, quotes typographic."""
    text = curly_quotes(" ".join(entry.words.replace("*", "").replace("`", "").split()))
    for known in (entry.title, entry.summary):
        text = text.removeprefix(known).lstrip(" ·")
    return text[:EXCERPT_CHARACTERS].rsplit(" ", 1)[0] if len(text) > EXCERPT_CHARACTERS else text


def _encode(pages: list[tuple[int, bool]]) -> str:
    previous = -1
    parts = []
    for number, in_title in pages:
        parts.append(_base36((number - previous) * 2 + in_title))
        previous = number
    return ",".join(parts)


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        value, remainder = divmod(value, 36)
        text = digits[remainder] + text
        if not value:
            return text


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _front_matter(markdown: str) -> tuple[dict, str]:
    found = _FRONT_MATTER.match(markdown)
    if not found:
        return {}, markdown
    meta = yaml.load(found.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return (meta if isinstance(meta, dict) else {}), markdown[found.end():]


def _first_heading(body: str) -> str:
    found = _HEADING.search(body)
    return found.group(1).replace("\\", "") if found else ""


def _plain_text(body: str) -> str:
    """A page's words without its tables, tags and link targets."""
    return html.unescape(_TAGS.sub(" ", _TABLES.sub(" ", _LINK_TARGETS.sub("] ", body))))


def _unescape(text: str) -> str:
    return html.unescape(_TAGS.sub(" ", text)).strip()


def _shorten(text: str) -> str:
    if len(text) <= SUMMARY_CHARACTERS:
        return text
    return text[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0] + "…"
