"""Reading one YAML record file, keeping the line of every field.

The loader differs from ``yaml.safe_load`` where Vietnamese data needs it:
- every mapping remembers the line and column of each key and every list the
  line of each item, so that a problem can name its line;
- a key written twice is reported, not silently overwritten;
- floats keep the text they were written as (``1.166`` stays recognisable as
  a Vietnamese thousand, see :mod:`campaign_results.numbers`);
- ``09`` is nine (not an octal number or a string), ``12:00`` and ``1:30:00.5``
  stay text (YAML 1.1 would read 720 and 5400.5), ``yes``/``no``/``on``/``off``
  and ``=`` stay text;
- all text is normalised to Unicode NFC.

Input is bounded, so that no file, however written, can exhaust memory or the
stack, or escape as an exception instead of a problem with its line:
- a file over :data:`MAX_FILE_BYTES` is not parsed;
- anchors, aliases (``&name``, ``*name``) and explicit tags (``!!str``) are
  refused, before anything is built: nothing can be amplified ("billion laughs");
- the document is composed from libyaml's events here, without recursion, and
  stops at :data:`MAX_DEPTH` nested lists and mappings and at a text longer
  than :data:`MAX_TEXT`;
- ``.inf``, ``.nan``, numbers over :data:`~campaign_results.numbers.MAX_DIGITS`
  digits and dates that do not exist (``2023-02-31``) are problems;
- any other error while building values becomes ``yaml-syntax`` at the value's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import yaml
from yaml.composer import ComposerError
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent, StreamEndEvent)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..numbers import MAX_DIGITS, RawFloat, digit_count, too_many_digits
from ..text import nfc
from .yaml_slips import Slip, diagnose, slip_at

# Limits of one record file. The shipped records are at most 10 KB, 5 levels deep, with
# texts of at most 1.200 characters; each limit leaves room for records many times larger.
MAX_FILE_BYTES = 1024 * 1024  # 1 MB
MAX_DEPTH = 20                # lists and mappings inside one another
MAX_TEXT = 20_000             # characters in one value (about eight printed pages)


class Mapping(dict):
    """A dict that knows the (line, column) of each of its keys (1-based)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_places: dict[object, tuple[int, int]] = {}
        self.place: tuple[int, int] = (1, 1)
        self.block_lines: dict[object, int] = {}  # key → first line of its literal block (|) value


class Sequence(list):
    """A list that knows the (line, column) of each item (1-based)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.item_places: list[tuple[int, int]] = []
        self.place: tuple[int, int] = (1, 1)


@dataclass
class DuplicateKey:
    key: str
    line: int
    column: int
    first_line: int


@dataclass
class YamlSyntaxError:
    """Why a file cannot be read: a catalogue code (see :mod:`.yaml_slips`) and its place."""

    code: str
    line: int | None
    column: int | None
    params: dict = field(default_factory=dict)
    field: str | None = None  # (after params: the name would hide dataclasses.field)


class _Refused(yaml.YAMLError):
    """Input the loader will not read: a catalogue code, the mark it was found at, its params."""

    def __init__(self, code: str, mark, **params: object) -> None:
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class RecordLoader(yaml.CSafeLoader):
    """libyaml's fast parser, with line memory, bounds and the Vietnamese-friendly scalars above."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.duplicates: list[DuplicateKey] = []

    # --- composing: from libyaml's events, iteratively, within the bounds ------------
    def get_single_node(self):
        self.get_event()  # the stream start
        document = None
        if not self.check_event(StreamEndEvent):
            self.get_event()  # the document start
            document = self._compose()
            self.get_event()  # the document end
        if not self.check_event(StreamEndEvent):
            event = self.get_event()
            raise ComposerError("expected a single document in the stream", document.start_mark,
                                "but found another document", event.start_mark)
        self.get_event()
        return document

    def _compose(self) -> yaml.Node:
        """The node of one document; refuses what :func:`_refuse` names and stops at the bounds."""
        open_nodes: list[yaml.Node] = []       # the lists and mappings being read, outermost first
        keys: list[yaml.Node | None] = []      # for each, a mapping's key still waiting for its value
        while True:
            event = self.get_event()
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                node = open_nodes.pop()
                keys.pop()
                node.end_mark = event.end_mark
                if not open_nodes:
                    return node
                continue
            _refuse(event)
            if isinstance(event, ScalarEvent):
                if len(event.value) > MAX_TEXT:
                    raise _Refused("yaml-text-too-long", event.start_mark,
                                   length=_count(len(event.value)), limit=_count(MAX_TEXT))
                node = ScalarNode(self.resolve(ScalarNode, event.value, event.implicit), event.value,
                                  event.start_mark, event.end_mark, style=event.style)
            elif isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                if len(open_nodes) >= MAX_DEPTH:
                    raise _Refused("yaml-too-deep", event.start_mark, limit=MAX_DEPTH)
                kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
                node = kind(self.resolve(kind, None, event.implicit), [], event.start_mark, None,
                            flow_style=event.flow_style)
            else:  # libyaml sends nothing else inside a document
                raise ComposerError(None, None, "unexpected event", event.start_mark)
            if open_nodes:
                parent = open_nodes[-1]
                if isinstance(parent, SequenceNode):
                    parent.value.append(node)
                elif keys[-1] is None:
                    keys[-1] = node
                else:
                    parent.value.append((keys[-1], node))
                    keys[-1] = None
            if isinstance(node, ScalarNode):
                if not open_nodes:
                    return node
            else:
                open_nodes.append(node)
                keys.append(None)

    # --- constructing: any error names the value it happened in ------------------
    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, OverflowError, TypeError, RecursionError, InvalidOperation):
            raise _Refused("yaml-syntax", node.start_mark) from None


def _refuse(event) -> None:
    """Anchors, aliases and explicit tags: staff never need them, and an alias can multiply
    a file a billion times ("billion laughs"), so none is read."""
    if isinstance(event, AliasEvent):
        raise _Refused("yaml-alias", event.start_mark, char="*")
    if getattr(event, "anchor", None) is not None:
        raise _Refused("yaml-alias", event.start_mark, char="&")
    if getattr(event, "tag", None) is not None:
        raise _Refused("yaml-special-start", event.start_mark, char="!")


def _count(number: int) -> str:
    """20000 → "20.000"."""
    return f"{number:,}".replace(",", ".")


def _construct_mapping(loader: RecordLoader, node: yaml.MappingNode) -> Mapping:
    mapping = Mapping()
    mapping.place = _place(node)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int)):
            key = str(key)
        if key in mapping.key_places:
            line, column = _place(key_node)
            loader.duplicates.append(
                DuplicateKey(str(key), line, column, mapping.key_places[key][0]))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_places[key] = _place(key_node)
        if isinstance(value_node, ScalarNode) and value_node.style == "|":
            mapping.block_lines[key] = value_node.start_mark.line + 2  # the line after "key: |"
    return mapping


def _construct_sequence(loader: RecordLoader, node: yaml.SequenceNode) -> Sequence:
    sequence = Sequence()
    sequence.place = _place(node)
    for item in node.value:
        sequence.append(loader.construct_object(item, deep=True))
        sequence.item_places.append(_place(item))
    return sequence


def _construct_str(loader: RecordLoader, node: yaml.ScalarNode) -> str:
    return nfc(loader.construct_scalar(node))


_DECIMAL_INT = re.compile(r"^[-+]?\d+$")


def _too_many_digits(node: yaml.ScalarNode, digits: int) -> _Refused:
    error = too_many_digits(node.value, digits)
    return _Refused(error.code, node.start_mark, **error.params)


def _construct_int(loader: RecordLoader, node: yaml.ScalarNode):
    text = node.value.replace("_", "")
    if not _DECIMAL_INT.match(text):
        return nfc(node.value)  # sexagesimal "12:00", hex and the like stay text
    digits = len(text.lstrip("+-").lstrip("0"))
    if digits > MAX_DIGITS:  # (checked before int(): Python refuses to read 4.300 digits)
        raise _too_many_digits(node, digits)
    return int(text, 10)  # "09" is nine, "010" is ten


def _construct_float(loader: RecordLoader, node: yaml.ScalarNode):
    text = node.value.replace("_", "")
    if text.lstrip("+-").lower() in (".inf", ".nan"):
        raise _Refused("yaml-number-special", node.start_mark, value=node.value)
    if ":" in text:
        return nfc(node.value)  # sexagesimal "1:30:00.5" stays text, like "12:00"
    try:
        exact = Decimal(text)
        digits = digit_count(exact)
    except (InvalidOperation, ValueError, OverflowError):
        digits = MAX_DIGITS + 1  # an exponent too large to write out
    if digits > MAX_DIGITS:
        raise _too_many_digits(node, digits)
    return RawFloat(float(text), node.value)


def _construct_bool(loader: RecordLoader, node: yaml.ScalarNode):
    text = node.value
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return nfc(text)


def _construct_timestamp(loader: RecordLoader, node: yaml.ScalarNode):
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):  # 2023-02-31, 2023-08-11 25:00
        raise _Refused("date-invalid", node.start_mark, value=node.value) from None


RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
RecordLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)
RecordLoader.add_constructor("tag:yaml.org,2002:value", _construct_str)  # "=" is text
RecordLoader.add_constructor("tag:yaml.org,2002:merge", _construct_str)  # "<<" as a value
RecordLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
RecordLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
RecordLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
RecordLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass
class YamlDocument:
    data: object = None
    duplicates: list[DuplicateKey] = field(default_factory=list)
    syntax_error: YamlSyntaxError | None = None


def _too_large(text: str) -> YamlSyntaxError | None:
    """A file over the size limit, with the line at which it passes the limit."""
    if len(text) * 4 <= MAX_FILE_BYTES:  # (UTF-8 spends at most 4 bytes on a character)
        return None
    raw = text.encode("utf-8")
    return file_too_large(len(raw), raw) if len(raw) > MAX_FILE_BYTES else None


def file_too_large(size: int, start: bytes) -> YamlSyntaxError:
    """The problem of a file of ``size`` bytes over the limit, of which ``start`` is the beginning
    (at least :data:`MAX_FILE_BYTES`): the line at which it passes the limit."""
    line = start.count(b"\n", 0, MAX_FILE_BYTES) + 1
    return YamlSyntaxError("yaml-file-too-large", line, None,
                           {"size": size_shown(size), "limit": size_shown(MAX_FILE_BYTES), "line": line})


def size_shown(count: int) -> str:
    """A size in bytes the way Vietnamese staff read it: "1 MB", "2,5 MB", "950 KB"."""
    if count < 1024 * 1024:
        return f"{_count(round(count / 1024))} KB"
    megabytes = f"{count / 1024 / 1024:.1f}".removesuffix(".0")
    return megabytes.replace(".", ",") + " MB"


def parse_yaml(text: str) -> YamlDocument:
    """Parse the text of one record file; syntax errors are returned, not raised."""
    too_large = _too_large(text)
    if too_large:
        return YamlDocument(syntax_error=too_large)
    loader = RecordLoader(text)
    try:
        data = loader.get_single_data()
        return YamlDocument(data=data, duplicates=loader.duplicates)
    except yaml.YAMLError as error:
        slip = _explain(text, error)
    finally:
        loader.dispose()
    return YamlDocument(syntax_error=YamlSyntaxError(
        slip.code, slip.line, slip.column, slip.params, slip.field))


def _explain(text: str, error: yaml.YAMLError) -> Slip:
    """The catalogue's words for why ``text`` could not be read; never an exception."""
    try:
        if isinstance(error, _Refused):
            return slip_at(text, error.code, error.mark, **error.params)
        return diagnose(text, error)
    except (ValueError, IndexError, TypeError, AttributeError, RecursionError):
        # the slip could not be worked out from the text: the plain rule, at the parser's mark
        mark = getattr(error, "mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return Slip("yaml-syntax", line, None, None, {"line": line})


def locate_in_value(tree: object, path: tuple, offset: int) -> int | None:
    """The line of character ``offset`` of the text at ``path``, when that text is a literal
    block (``|``) whose lines are the file's lines; else None."""
    node = tree
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    first = getattr(node, "block_lines", {}).get(path[-1]) if path else None
    value = node.get(path[-1]) if first is not None else None
    return first + value[:offset].count("\n") if isinstance(value, str) else None


def locate(tree: object, path: tuple) -> tuple[int | None, int | None]:
    """Line and column of the deepest part of ``path`` that exists in ``tree``."""
    found: tuple[int | None, int | None] = getattr(tree, "place", (None, None))
    node = tree
    for step in path:
        if isinstance(node, Mapping) and step in node:
            found = node.key_places.get(step, found)
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node):
            found = node.item_places[step]
            node = node[step]
        else:
            break
    return found
