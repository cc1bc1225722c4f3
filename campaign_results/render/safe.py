"""Record text on its way into a page: the only ways it gets there.

Pages are Markdown files that MkDocs turns into HTML, so a record's value is
made safe for both. Every ``{{ … }}`` of a template goes through one of these
filters; a value given to none of them gets ``t`` (the templates' ``finalize``,
see :class:`campaign_results.render.renderer.Renderer`). Each returns
:class:`markupsafe.Markup`, the mark of text already made safe:

Text is written the Vietnamese way on the way: straight double quotes become “ ” (``h``, ``t``
and ``md``; not ``code``, nor ``h(false)`` and ``t(false)``, for text that staff copy into a record
file, such as the examples and fixes of the error codes).

- ``h``: text inside HTML (tables, attributes) — HTML-escaped, and the characters
  that start Markdown constructs written as character references, so that the
  text is inert even where Markdown reads it (``{: onclick=… }``, ``[x](…)``);
- ``t``: plain text in Markdown — HTML-escaped and Markdown punctuation
  backslash-escaped, so that ``*``, ``[`` or ``{`` stay literal;
- ``code``: a code or file name, as ``<code>``; ``url``: a link target made by the code;
- ``md``: a Markdown field (descriptions, summaries) — rendered by
  :mod:`campaign_results.record_markdown` to sanitised HTML, in a block of
  its own that the page's Markdown passes through untouched.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from markupsafe import Markup

from ..record_markdown import to_html
from ..text import curly_quotes

_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
_MD_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|~"})
_HTML_SPECIAL = re.compile(r"""[&<>"'\\`*_{}\[\]|~]""")  # what _html changes


def h(value: object, typographic: bool = True) -> Markup:
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    return _html(curly_quotes(text) if typographic else text)


def t(value: object, typographic: bool = True) -> Markup:
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    text = curly_quotes(text) if typographic else text
    return Markup(_MD_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=True)))


def code(value: object) -> Markup:
    """A code, id or file name shown as code (``<code>``: the page's Markdown leaves it alone),
    exactly as written."""
    return Markup(f"<code>{_html('' if value is None else str(value))}</code>")


def _html(text: str) -> Markup:
    if not _HTML_SPECIAL.search(text):  # most text: nothing to escape
        return Markup(text)
    return Markup(html.escape(text, quote=True).translate(_MD_REFERENCES))


def url(value: object) -> Markup:
    """A link target made by the code (a path, a file name): characters outside those of a URL
    are percent-encoded, so it cannot end the link or the attribute it stands in."""
    return Markup(quote("" if value is None else str(value), safe="/:#?=&%.-_~+,;@"))


def md(value: object, css_class: str = "record-text") -> Markup:
    """A Markdown field as a block of sanitised HTML (nothing for an empty field). The block
    starts and ends its own lines, with no blank line inside, so Markdown keeps it whole."""
    body = to_html("" if value is None else str(value))
    if not body:
        return Markup("")
    return Markup(f'<div class="{html.escape(css_class, quote=True)}">\n{body}\n</div>')


def yaml_str(value: object) -> str:
    """A front-matter value: HTML-escaped, then quoted so that ":" or "#" cannot break the YAML."""
    return Markup(json.dumps(str(h(value)), ensure_ascii=False))
