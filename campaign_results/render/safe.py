"""Escaping record text on its way into a page.

Nothing a record says may run as HTML or script. Record values reach pages
in three ways, each with its own filter:

- ``h``: text inside HTML (tables, attributes) — HTML-escaped;
- ``t``: plain text in Markdown — HTML-escaped and Markdown punctuation
  backslash-escaped, so that ``*`` or ``[`` stay literal;
- ``md``: a Markdown field (descriptions) — Markdown formatting kept, every
  ``<`` and ``&`` escaped except in ``<https://…>`` autolinks.
"""

from __future__ import annotations

import html
import json
import re

_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")


def h(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def t(value: object) -> str:
    return _MD_PUNCTUATION.sub(r"\\\1", h(value))


def md(value: object) -> str:
    text = "" if value is None else str(value)
    links: list[str] = []

    def keep(match: re.Match) -> str:
        links.append(match.group(1))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"\x00(\d+)\x00", lambda m: f"<{links[int(m.group(1))]}>", text)


def yaml_str(value: object) -> str:
    """A front-matter value: HTML-escaped, then quoted so that ":" or "#" cannot break the YAML."""
    return json.dumps(h(value), ensure_ascii=False)
