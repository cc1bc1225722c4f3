"""Telling staff, in Vietnamese, which common slip made a YAML file unreadable.

PyYAML's problem text ("mapping values are not allowed in this context") says
what the parser saw, not what the person typed wrong. Here the offending source
line is looked at, next to the parser's mark, and the slip is named with its own
catalogue code, the line, the field and, where it can be worked out, the line as
it should be written. What is not recognised gets the plain ``yaml-syntax``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import yaml

# indentation, an optional list dash, an optional (ASCII) key with its colon, the value
_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<dash>-(?:[ \t]+|$))?"
    r"(?:(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*(?P<colon>:)(?:[ \t]+|$))?(?P<value>.*)$")
# (the value's trailing blanks are stripped in _parse: ".*?[ \t]*$" takes quadratic time on a
# long run of blanks)
_BLOCK_HEADER = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")
_SPECIAL_START = "*&!@`%|>"
_QUOTE_NAMES = {'"': "ngoặc kép (\")", "'": "ngoặc đơn (')"}
_CLOSERS = {"[": "]", "{": "}"}
_FIELD_SHOWN = 60  # characters of a field's name shown at most


@dataclass
class Slip:
    code: str
    line: int | None
    column: int | None
    field: str | None
    params: dict = dataclasses.field(default_factory=dict)


@dataclass
class _Line:
    text: str
    indent: int          # columns before the first character that is not blank
    dash: bool           # a list item ("- ")
    key: str | None
    colon: int | None    # column of the key's colon
    start: int           # column of the item's content (its key, or its value)
    value: str
    value_column: int

    @property
    def prefix(self) -> str:
        """The line up to its value: indentation, dash and key."""
        return self.text[:self.value_column]


def _parse(text: str) -> _Line:
    match = _LINE.match(text)
    start = match.start("key") if match.group("key") else match.start("value")
    return _Line(text, len(match.group("indent")), bool(match.group("dash")), match.group("key"),
                 match.start("colon") if match.group("colon") else None, start,
                 match.group("value").rstrip(" \t"), match.start("value"))


def _quoted(value: str) -> str:
    """The value quoted so that YAML reads back exactly the text typed: in double quotes, or in
    single quotes when it holds a double quote or a backslash (in single quotes, only a single
    quote needs writing twice)."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value + '"'


class _Source:
    """The text of a file, with the parser's marks, and what its lines mean."""

    def __init__(self, text: str, error: yaml.YAMLError) -> None:
        self.lines = text.splitlines() or [""]
        self.parsed = [_parse(line) for line in self.lines]
        self.problem = getattr(error, "problem", None) or ""
        self.context = getattr(error, "context", None) or ""
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if mark is not None:
            self.row, self.col = mark.line, mark.column
        elif getattr(error, "position", None) is not None:  # ReaderError: libyaml's offset in bytes
            before = text.encode("utf-8")[:error.position].decode("utf-8", "ignore")
            self.row, self.col = before.count("\n"), len(before) - (before.rfind("\n") + 1)
        else:
            self.row, self.col = 0, 0
        # where the parser gave up, in words; past the last line, the end of the file is its last line
        self.end = "cuối tệp" if self.row >= len(self.lines) else f"dòng {self.row + 1}"
        self.row = min(self.row, len(self.lines) - 1)
        self.context_mark = getattr(error, "context_mark", None)
        self.block_content = self._block_content()

    def _block_content(self) -> set[int]:
        """Lines inside ``|`` and ``>`` text blocks: content, not structure."""
        inside, parent = set(), None
        for index, line in enumerate(self.parsed):
            if parent is not None and (not line.text.strip() or line.indent > parent):
                inside.add(index)
                continue
            parent = None
            if _BLOCK_HEADER.match(line.value) and (line.key or line.dash):
                parent = line.start if line.key else line.indent
        return inside

    def structural(self, index: int) -> bool:
        text = self.lines[index].strip()
        return bool(text) and not text.startswith("#") and index not in self.block_content

    def field(self, index: int) -> str | None:
        """The key on line ``index``, or the key of the list or mapping the line is in."""
        line = self.parsed[index]
        if line.key:
            return line.key
        for above in range(index - 1, -1, -1):
            other = self.parsed[above]
            if self.structural(above) and other.indent < line.indent and other.key:
                return other.key
        return None

    def expected_indent(self, index: int) -> tuple[int, int] | None:
        """(columns, line it follows) where line ``index`` should start, from the lines above."""
        item = self.parsed[index].dash or self.lines[index].lstrip(" \t").startswith("-")
        for above in range(index - 1, -1, -1):
            if not self.structural(above):
                continue
            other = self.parsed[above]
            if not other.value and (other.key or other.dash) and not (item and other.dash):
                return other.start + 2 if other.key else other.indent + 2, above + 1
            if item and other.dash:
                return other.indent, above + 1
            if not item:
                return other.start, above + 1
            if other.indent <= self.parsed[index].indent:
                return None  # an item after a field of the same level: not an indentation slip
        return None

    def slip(self, code: str, index: int, at_column: int | None, **params) -> Slip:
        field = self.field(index)
        if field and len(field) > _FIELD_SHOWN:  # a key pasted by mistake is named by its start
            field = field[:_FIELD_SHOWN] + "…"
        return Slip(code, index + 1, at_column, field, {"line": index + 1, **params})


def _close_of_quote(lines: list[str], row: int, col: int) -> tuple[int, int] | None:
    """Where the quoted text opened at (row, col) closes, or None if it never does."""
    quote = lines[row][col]
    col += 1
    while row < len(lines):
        text = lines[row]
        while col < len(text):
            char = text[col]
            if quote == '"' and char == "\\":
                col += 2
                continue
            if char == quote:
                if quote == "'" and text[col + 1:col + 2] == "'":
                    col += 2
                    continue
                return row, col
            col += 1
        row, col = row + 1, 0
    return None


def _control_character(src: _Source, error: yaml.YAMLError) -> Slip | None:
    """A character YAML does not allow in a file (libyaml's reader error): NUL, bell, escape,
    the C1 controls (U+0080–U+009F but U+0085) and U+FFFE/U+FFFF."""
    if not isinstance(error, yaml.reader.ReaderError) or not isinstance(error.character, int):
        return None
    return src.slip("yaml-control-character", src.row, src.col + 1, column=src.col + 1,
                    char=f"U+{error.character:04X}")


def _tab(src: _Source) -> Slip | None:
    index = src.row
    text = src.lines[index]
    leading = re.match(r"^[ \t]*(?:-[ \t]+)*", text).group()
    if "\t" in leading:
        column = leading.index("\t")
    elif text[src.col:src.col + 1] == "\t":
        column = src.col
    else:
        return None
    rest = re.sub(r"^-[ \t]+", "- ", text.lstrip(" \t"))
    line = src.parsed[index]
    expected = src.expected_indent(index) if line.key or line.dash else None
    indent = expected[0] if expected else len(re.match(r"^[ \t]*", text).group())
    return src.slip("yaml-tab", index, column + 1, column=column + 1, fixed=" " * indent + rest)


def _unclosed_quote(src: _Source) -> Slip | None:
    if src.context.startswith("while scanning a quoted scalar") and src.context_mark:
        row, col = src.context_mark.line, src.context_mark.column
    else:
        # the quote may have been closed by the first quote of a later line
        for row in range(src.row - 1, -1, -1):
            line = src.parsed[row]
            if src.structural(row) and line.value[:1] in _QUOTE_NAMES:
                col = line.value_column
                closed = _close_of_quote(src.lines, row, col)
                if closed is None or closed[0] == src.row:
                    break
        else:
            return None
    if row >= len(src.lines) or src.lines[row][col:col + 1] not in _QUOTE_NAMES:
        return None
    quote = src.lines[row][col]
    return src.slip("yaml-unclosed-quote", row, col + 1, quote=_QUOTE_NAMES[quote],
                    end=src.end, fixed=src.lines[row].rstrip() + quote)


def _unclosed_bracket(src: _Source) -> Slip | None:
    if not (src.context.startswith("while parsing a flow") and src.context_mark):
        return None
    row, col = src.context_mark.line, src.context_mark.column
    opener = src.lines[row][col:col + 1] if row < len(src.lines) else ""
    if opener not in _CLOSERS:
        return None
    closer = _CLOSERS[opener]
    return src.slip("yaml-unclosed-bracket", row, col + 1, opener=opener, closer=closer,
                    end=src.end, fixed=src.lines[row].rstrip().rstrip(",") + closer)


def _missing_colon(src: _Source) -> Slip | None:
    if not (src.problem.startswith("could not find expected ':'") and src.context_mark):
        return None
    row = src.context_mark.line
    match = re.match(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*)(?::(?![ \t])|[ \t]+)(.*)$",
                     src.lines[row])
    expected = src.expected_indent(row)
    if not match or ": " in src.lines[row] or not expected or expected[0] != src.parsed[row].indent:
        return None  # a line of text that goes on from the line above, not a field
    indent, key, value = match.groups()
    return Slip("yaml-missing-colon", row + 1, len(indent) + len(key) + 1, key,
                {"line": row + 1, "fixed": f"{indent}{key}: {value.strip()}"})


def _text_after_quote(src: _Source) -> Slip | None:
    line = src.parsed[src.row]
    if line.value[:1] not in _QUOTE_NAMES:
        return None
    closed = _close_of_quote(src.lines, src.row, line.value_column)
    if closed is None or closed[0] != src.row:
        return None
    after = src.lines[src.row][closed[1] + 1:].strip()
    if not after or after.startswith("#"):
        return None
    return src.slip("yaml-text-after-quote", src.row, closed[1] + 2,
                    quote=_QUOTE_NAMES[line.value[0]], fixed=line.prefix + _quoted(line.value))


def _special_start(src: _Source) -> Slip | None:
    line = src.parsed[src.row]
    char = line.value[:1]
    if char in _CLOSERS:  # a list or mapping in brackets with more text after it
        depth = 0
        for position, c in enumerate(line.value):
            depth += (c in _CLOSERS) - (c in _CLOSERS.values())
            if depth == 0:
                break
        if depth or not line.value[position + 1:].strip():
            return None
    elif not char or char not in _SPECIAL_START or _BLOCK_HEADER.match(line.value):
        return None
    return src.slip("yaml-special-start", src.row, line.value_column + 1, char=char,
                    fixed=line.prefix + _quoted(line.value))


def _colon_in_value(src: _Source) -> Slip | None:
    line = src.parsed[src.row]
    if not src.problem.startswith("mapping values are not allowed"):
        return None
    if (line.key and src.col > line.colon) or (not line.key and line.dash and src.col >= line.value_column):
        return src.slip("yaml-colon-in-value", src.row, src.col + 1,
                        fixed=line.prefix + _quoted(line.value))
    return None


def _indentation(src: _Source) -> Slip | None:
    line = src.parsed[src.row]
    if src.problem.startswith("mapping values are not allowed"):
        at_start = line.key is not None and src.col == line.colon  # the whole line went too deep
    elif src.problem.startswith(("did not find expected key", "did not find expected '-'")):
        at_start = src.col == line.indent  # the parser stopped where the line begins
    else:
        at_start = False
    expected = src.expected_indent(src.row) if at_start and (line.key or line.dash) else None
    if not expected or expected[0] == line.indent:
        return None
    what = "mục danh sách \"- \"" if line.dash else f"trường \"{line.key}\""
    return src.slip("yaml-indentation", src.row, line.indent + 1, what=what, found=line.indent,
                    expected=expected[0], sibling_line=expected[1],
                    fixed=" " * expected[0] + src.lines[src.row].lstrip())


_CHECKS = (_tab, _unclosed_quote, _unclosed_bracket, _missing_colon, _text_after_quote,
           _special_start, _colon_in_value, _indentation)


def diagnose(text: str, error: yaml.YAMLError) -> Slip:
    """The slip behind a YAML error in ``text``, in the words of the catalogue."""
    src = _Source(text, error)
    control = _control_character(src, error)
    if control:
        return control
    for check in _CHECKS:
        slip = check(src)
        if slip:
            return slip
    return src.slip("yaml-syntax", src.row, src.col + 1)


class _At:
    """In the place of a parser error: only where the loader stopped."""

    def __init__(self, mark) -> None:
        self.problem_mark = mark


def slip_at(text: str, code: str, mark, **params) -> Slip:
    """The problem ``code`` at ``mark``, where the loader refused to read on (an alias, a tag, a
    bound), with the field of that line; a value that begins with a YAML sign (``&``, ``*``,
    ``!``) gets its line with the value in double quotes as the fix."""
    src = _Source(text, _At(mark))
    if code in ("yaml-alias", "yaml-special-start"):
        line = src.parsed[src.row]
        params.setdefault("fixed", line.prefix + _quoted(line.value))
    return src.slip(code, src.row, src.col + 1, **params)
