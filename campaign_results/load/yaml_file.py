"""Reading one YAML record file, keeping the line of every field.

The loader differs from ``yaml.safe_load`` where Vietnamese data needs it:
- every mapping remembers the line and column of each key and every list the
  line of each item, so that a problem can name its line;
- a key written twice is reported, not silently overwritten;
- floats keep the text they were written as (``1.166`` stays recognisable as
  a Vietnamese thousand, see :mod:`campaign_results.numbers`);
- ``09`` is nine (not an octal number or a string), ``12:00`` stays text
  (YAML 1.1 would read 720), and ``yes``/``no``/``on``/``off`` stay text;
- all text is normalised to Unicode NFC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..numbers import RawFloat
from ..text import nfc
from .yaml_slips import diagnose


class Mapping(dict):
    """A dict that knows the (line, column) of each of its keys (1-based)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_places: dict[object, tuple[int, int]] = {}
        self.place: tuple[int, int] = (1, 1)


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


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class RecordLoader(yaml.CSafeLoader):
    """libyaml's fast parser, with line memory and the Vietnamese-friendly scalars above."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.duplicates: list[DuplicateKey] = []


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


def _construct_int(loader: RecordLoader, node: yaml.ScalarNode):
    text = node.value
    if _DECIMAL_INT.match(text.replace("_", "")):
        return int(text.replace("_", ""), 10)  # "09" is nine, "010" is ten
    return nfc(text)  # sexagesimal "12:00", hex and the like stay text


def _construct_float(loader: RecordLoader, node: yaml.ScalarNode):
    value = loader.construct_yaml_float(node)
    return RawFloat(value, node.value)


def _construct_bool(loader: RecordLoader, node: yaml.ScalarNode):
    text = node.value
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return nfc(text)


RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
RecordLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)
RecordLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
RecordLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
RecordLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


@dataclass
class YamlDocument:
    data: object = None
    duplicates: list[DuplicateKey] = field(default_factory=list)
    syntax_error: YamlSyntaxError | None = None


def parse_yaml(text: str) -> YamlDocument:
    """Parse the text of one record file; syntax errors are returned, not raised."""
    loader = RecordLoader(text)
    try:
        data = loader.get_single_data()
        return YamlDocument(data=data, duplicates=loader.duplicates)
    except yaml.YAMLError as error:
        slip = diagnose(text, error)
        return YamlDocument(syntax_error=YamlSyntaxError(
            slip.code, slip.line, slip.column, slip.params, slip.field))
    finally:
        loader.dispose()


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
