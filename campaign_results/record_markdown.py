"""What a record's Markdown field may contain, and its one way into HTML.

A Markdown field (a model's description, a summary, a note) allows paragraphs, lists, *emphasis*,
**strong**, `code`, quotes, line breaks, links to ``http(s)://``, ``mailto:`` or the site's
own pages, and images from the site itself. Nothing else reaches a page:

- the text is read by markdown-it-py (CommonMark, built to read any input in linear time) with
  raw HTML off: ``<b>`` is shown as the characters ``<b>``; headings, rules and code blocks are
  off too (a record's text sits inside its page);
- no Markdown extension is on: ``{: onclick=… }`` (an attribute list) is plain text;
- the HTML it makes is then sanitised by nh3 (the Ammonia sanitiser) to the tags above, the
  ``href`` of links and the ``src``/``alt`` of images, with the allowed links and images only:
  no other attribute, style or script can come out, whatever the parser does.

:func:`problems` finds, for the check, what the page would drop or show literally, so that the
check can say so with the file and line; :func:`to_html` is what the pages use. Both read the
text in linear time (``str.find`` scans and markdown-it-py; no regular expression that can
backtrack over the text).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

TAGS = {"p", "ul", "ol", "li", "em", "strong", "code", "blockquote", "br", "a", "img"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"  # added by nh3 to every link
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_SCRIPT_TAGS = {"script", "iframe", "object", "embed", "style", "form", "svg", "math", "link", "meta", "base",
                "frame", "frameset", "applet", "input", "button", "textarea", "template"}


@dataclass(frozen=True)
class Finding:
    code: str   # "html-script", "html-tag", "unsafe-link" or "image-not-allowed"
    found: str  # the offending piece of text, shortened
    at: int | None = None  # where in the text it was written, when it can be found


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _as_browser_reads(url: str) -> str:
    """A URL as a browser resolves it: tabs and newlines anywhere, and control characters and
    spaces at the ends, are ignored ("\\x01java\\tscript:" is ``javascript:``)."""
    return "".join(c for c in url if c not in "\t\n\r").strip("".join(map(chr, range(0x21))))


def _scheme(url: str) -> str | None:
    """The URL's scheme, or None for a path of this site. Anything that a browser might read as
    a scheme ("java script:", a colon before the first "/") counts as one."""
    match = _SCHEME.match(url)
    if match:
        return match.group(1).lower()
    first_part = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return first_part if ":" in first_part else None


def _other_host(url: str) -> bool:
    return url.startswith(("//", "\\\\", "/\\", "\\/"))


def link_allowed(href: str) -> bool:
    """A link to the web, an e-mail address, or a page of this site (a relative path)."""
    cleaned = _as_browser_reads(href)
    if any(ord(c) < 0x20 or c == "\x7f" for c in cleaned):
        return False
    scheme = _scheme(cleaned)
    return scheme in SCHEMES if scheme is not None else not _other_host(cleaned)


def image_allowed(src: str) -> bool:
    """An image of this site (a relative path): no other host, no data: or other scheme."""
    cleaned = _as_browser_reads(src)
    return (bool(cleaned) and _scheme(cleaned) is None and not _other_host(cleaned)
            and not any(ord(c) < 0x20 for c in cleaned))


_OFF = ["heading", "lheading", "hr", "code", "fence", "html_block", "html_inline"]


def _parser(validate_link) -> MarkdownIt:
    # typographic quotes: "…" → “…” (smartquotes; no other replacement)
    parser = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": "“”‘’"}).disable(_OFF)
    parser.enable("smartquotes")
    parser.validateLink = validate_link
    return parser


# Pages: a link markdown-it is given is kept only if allowed (an image's src is judged by nh3's
# filter below). The check: every link is kept, so that problems() can name the ones refused.
_PAGE = _parser(lambda url: link_allowed(url) or image_allowed(url))
_CHECK = _parser(lambda url: True)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if (tag, attribute) == ("a", "href"):
        return value if link_allowed(value) else None
    if (tag, attribute) == ("a", "rel"):  # (nh3 filters the rel it adds itself: keep that one only)
        return value if value == LINK_REL else None
    if (tag, attribute) == ("img", "src"):
        return value if image_allowed(value) else None
    return value if (tag, attribute) == ("img", "alt") else None


def to_html(text: str | None) -> str:
    """A Markdown field as sanitised HTML, on as few lines as its lists need (so that the page's
    own Markdown, around it, reads it as one block of HTML)."""
    if not text:
        return ""
    clean = nh3.clean(_PAGE.render(text), tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                      attribute_filter=_keep_attribute, link_rel=LINK_REL)
    return "\n".join(line for line in clean.splitlines() if line.strip())


# Names a browser reads as elements: "<b>" is a tag, "<Xã>" or "a<5" is text.
_ELEMENTS = frozenset("""a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption
figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label
legend li link main map mark math menu meta meter nav noscript object ol optgroup option output p param picture
pre progress q rp rt ruby s samp script section select slot small source span strike strong style sub summary
sup svg table tbody td template textarea tfoot th thead time title tr track u ul var video wbr applet center
marquee blink xmp plaintext listing noembed noframes image""".split())
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:")
_ATTRIBUTE = re.compile(r"""[\s/]([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def _tags(text: str) -> list[tuple[str, str, dict]]:
    """The tags, comments, declarations and processing instructions in ``text``, as
    (tag name, as written, attributes): a known element's name after ``<`` (or ``</``), up to a
    closing ``>``; ``<!-- … -->``; ``<!…>``, ``<?…>``. Text such as "a<b" or "<em nhỏ" with no
    ``>`` after it is not a tag.

    One pass with ``str.find``: the position of the next ``>`` (and ``-->``) is remembered, so
    that text with many ``<`` and no ``>`` (or many ``<!--``) is read in linear time."""
    found: list[tuple[str, str, dict]] = []
    closes: dict[str, int] = {}

    def close_after(position: int, marker: str) -> int:
        at = closes.get(marker, -2)
        if at != -1 and at < position:
            at = closes[marker] = text.find(marker, position)
        return at

    position = text.find("<")
    while position != -1 and len(found) < 100:
        following = text[position + 1: position + 2]
        if text.startswith("<!--", position):
            end = close_after(position + 4, "-->")
            stop = position + 4 if end == -1 else end + 3
            if end != -1:
                found.append(("!--", text[position:stop], {}))
        elif following in ("!", "?") or following.isalpha() or (following == "/" and text[position + 2: position + 3].isalpha()):
            end = close_after(position + 1, ">")
            if end == -1:
                break  # no ">" from here on: nothing further can be a tag
            stop = end + 1
            written = text[position:stop]
            start = position + (2 if following == "/" else 1)
            name_end = start
            while name_end < stop and text[name_end] in _NAME_CHARS:
                name_end += 1
            name = text[start:name_end].lower() if following not in ("!", "?") else following
            attributes = {}
            if following.isalpha():
                # (attributes past the first 2.000 characters do not matter: any tag is reported)
                for match in _ATTRIBUTE.finditer(text, name_end, min(stop, name_end + 2000)):
                    value = match.group(2) or ""
                    attributes[match.group(1).lower()] = html.unescape(value.strip("\"'"))
            if following in ("!", "?") or name in _ELEMENTS:
                found.append((name, written, attributes))
        else:
            stop = position + 1
        position = text.find("<", stop)
    return found


def _links(text: str):
    """(kind, target) of every link ("a") and image ("img") the text's Markdown makes."""
    for block in _CHECK.parse(text):
        for token in block.children or ():
            if token.type == "link_open":
                yield "a", str(token.attrGet("href") or "")
            elif token.type == "image":
                yield "img", str(token.attrGet("src") or "")


def _script(text: str, written: list[tuple[str, str, dict]]) -> Finding | None:
    for tag, shown, attributes in written:
        if tag in _SCRIPT_TAGS or any(name.startswith("on") for name in attributes):
            return Finding("html-script", _short(shown), _at(text, shown))
    return None


def problems(text: str) -> Finding | None:
    """The first thing in a Markdown field that its page would drop or show as plain characters."""
    written = _tags(_AUTOLINK.sub("", text))
    if script := _script(text, written):
        return script
    for kind, target in _links(text):
        if kind == "a" and not link_allowed(target):
            return Finding("unsafe-link", _short(target), _at(text, target))
        if kind == "img" and not image_allowed(target):
            return Finding("image-not-allowed", _short(target), _at(text, target))
    if written:
        return Finding("html-tag", _some(written), _at(text, written[0][1]))
    return None


def _some(written: list[tuple[str, str, dict]]) -> str:
    """The first few distinct tags as written, so that one check names them all."""
    shown: list[str] = []
    opening = [tag for tag in written if not tag[1].startswith("</")] or written
    for _, as_written, _ in opening:
        short = _short(as_written)
        if short not in shown:
            shown.append(short)
    return ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")


def plain_problems(text: str) -> Finding | None:
    """HTML in a plain field (a name, a label): shown as the characters typed, so refused as in a
    Markdown field, since the page would show the tags to every reader."""
    written = _tags(text)
    if not written:
        return None
    return _script(text, written) or Finding("html-tag", _some(written), _at(text, written[0][1]))


def _at(text: str, piece: str) -> int | None:
    at = text.find(piece)
    return None if at == -1 else at
