"""Finding HTML, scripts and unsafe links in record text.

Python-Markdown passes raw HTML and ``javascript:`` links through to the
page, so Markdown fields must contain neither. Plain-text fields are always
escaped when rendered; HTML there is shown as text, and only flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AUTOLINK = re.compile(r"<(https?|mailto):[^>\s]*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?\s*>|<!--.*?-->|<!\w[^>]*>", re.DOTALL)
_EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
_DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "form", "svg", "math",
                   "link", "meta", "base", "frame", "frameset", "applet", "input", "button",
                   "textarea", "template"}
_UNSAFE_SCHEME = re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE)
# Markdown link destinations: [text](dest), <dest>, and [ref]: dest
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    code: str   # "html-script", "html-tag", "unsafe-link" or "html-in-text"
    found: str  # the offending piece of text, shortened


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def scan_markdown(text: str) -> Finding | None:
    """The first unsafe or HTML piece of a Markdown field, if any."""
    without_autolinks = _AUTOLINK.sub("", text)
    for match in _TAG.finditer(without_autolinks):
        tag = (match.group(1) or "").lower()
        if tag in _DANGEROUS_TAGS or _EVENT_ATTRIBUTE.search(match.group(0)):
            return Finding("html-script", _short(match.group(0)))
    for match in _MD_LINK.finditer(text):
        destination = match.group(1) or match.group(2) or ""
        if _UNSAFE_SCHEME.match(destination.strip()):
            return Finding("unsafe-link", _short(destination))
    scheme = _UNSAFE_SCHEME.search(text)
    if scheme and re.match(r"<\s*(javascript|vbscript|data)\s*:", text[max(0, scheme.start() - 1):], re.I):
        return Finding("unsafe-link", _short(text[scheme.start():scheme.start() + 40]))
    match = _TAG.search(without_autolinks)
    if match:
        return Finding("html-tag", _short(match.group(0)))
    return None


def scan_plain(text: str) -> Finding | None:
    """HTML-looking text in a plain field: displayed as text, flagged as a warning."""
    match = _TAG.search(text)
    if match:
        return Finding("html-in-text", _short(match.group(0)))
    return None
