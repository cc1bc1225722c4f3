"""The record kinds, as their JSON Schemas declare them: the one definition of each kind.

``schemas/<kind>.schema.json`` says what a record may hold (the check stage validates against
it) and, with ``x-`` keywords that validators and editors ignore, what the rest of the pipeline
needs to know about each field:

- ``x-record``: the name of the typed record an object becomes (``Model``, ``Figure``…);
  ``model/records.py`` adds behaviour to some of them;
- ``x-ref``: the kind of record an id refers to (``document``, ``indicator``…);
  ``x-unit``: a unit's name, resolved to its id at the record's date (``x-on``);
- ``x-number`` (``money``, ``count`` or ``any``: the kind of its indicator), ``x-date``,
  ``x-time``, ``x-percent``: how a value is read;
- ``x-labels``: the Vietnamese label of each value of an ``enum``;
- ``x-collection`` (the Dataset attribute), ``x-noun`` (the kind in a sentence), ``x-key`` (the
  field holding the record's id, when it is not ``id``), ``x-on`` (the date units are read at);
- ``x-table`` / ``x-column``: the open-data table a record's rows go to and its columns.

This module reads those declarations; it imports nothing of the pipeline, so every stage may
use it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

# The kinds of record, in the order the data dictionary lists them.
KINDS = ("document", "model", "peak_day", "campaign", "plan", "unit", "result", "indicator")


@lru_cache(maxsize=None)
def _declared(folder: Path, kind: str) -> dict:
    return json.loads((folder / f"{kind}.schema.json").read_text(encoding="utf-8"))


def declared(kind: str) -> dict:
    """The schema of ``kind`` as written (its ``$ref``s unresolved)."""
    return _declared(SCHEMA_DIR, kind)


@lru_cache(maxsize=None)
def _registry(folder: Path) -> Registry:
    resources = [(path.name, Resource.from_contents(_declared(folder, path.name.removesuffix(".schema.json")),
                                                    default_specification=DRAFT202012))
                 for path in sorted(folder.glob("*.schema.json"))]
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def _schema(folder: Path, kind: str) -> dict:
    name = f"{kind}.schema.json"
    return _inline_references(_declared(folder, kind), _registry(folder).resolver(base_uri=name))


def schema(kind: str) -> dict:
    """The schema of ``kind`` with every ``$ref`` replaced by what it points to."""
    return _schema(SCHEMA_DIR, kind)


def _inline_references(node: object, resolver, inside: tuple = ()) -> object:
    """``node`` with every ``$ref`` replaced by the schema it points to, so that validating
    10.000 records does not look the same references up again and again (most of the time
    it took). A ``$ref`` beside annotations only (``x-`` keywords, a description) becomes the
    schema it points to with those added; beside other keywords, an ``allOf`` item, which
    validates and reports the same way."""
    if isinstance(node, list):
        return [_inline_references(item, resolver, inside) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    rest = {key: _inline_references(value, resolver, inside) for key, value in node.items() if key != "$ref"}
    if reference is None:
        return rest
    resolved = resolver.lookup(reference)
    if id(resolved.contents) in inside:
        raise ValueError(f"{reference}: the schemas refer to themselves, which cannot be inlined")
    target = _inline_references(resolved.contents, resolved.resolver, inside + (id(resolved.contents),))
    if not rest:
        return target
    if all(key.startswith("x-") or key in _ANNOTATIONS for key in rest):
        return {**target, **rest}  # only annotations beside the $ref: nothing more to validate
    rest["allOf"] = [*rest.get("allOf", []), target]
    return rest


_ANNOTATIONS = {"description", "title", "default"}


def view(node: dict) -> dict:
    """A schema node with the keywords of its ``allOf`` items (a ``$ref`` beside validation
    keywords, inlined) merged in, its own keywords first: what the pipeline reads of a field."""
    if "allOf" not in node:
        return node
    merged: dict = {}
    for part in node["allOf"]:
        for key, value in view(part).items():
            merged.setdefault(key, value)
    merged.update((key, value) for key, value in node.items() if key != "allOf")
    return merged


def properties(node: dict) -> dict[str, dict]:
    """The fields of an object node, in the order they are declared, each as its :func:`view`."""
    return {name: view(spec) for name, spec in view(node).get("properties", {}).items()}


def record(name: str) -> dict:
    """The schema node of the objects marked ``"x-record": name`` (the first, in kind order)."""
    return _record(SCHEMA_DIR, name)


@lru_cache(maxsize=None)
def _record(folder: Path, name: str) -> dict:
    for kind in KINDS:
        found = _find_record(_schema(folder, kind), name)
        if found is not None:
            return found
    raise KeyError(f"no schema declares the record {name}")


def _find_record(node: object, name: str) -> dict | None:
    if isinstance(node, dict):
        if view(node).get("x-record") == name:
            return node
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    return next((found for child in children if (found := _find_record(child, name)) is not None), None)


def field(kind: str, *path: str) -> dict:
    """The schema of a field: ``field("model", "budget", "amount")``; list items are stepped
    through."""
    node = view(schema(kind))
    for step in path:
        while view(node).get("type") == "array":
            node = view(view(node)["items"])
        node = properties(node)[step]
    return node


def values(kind: str, *path: str) -> list[str]:
    """The values a field may take (its ``enum``), in declared order."""
    return list(field(kind, *path)["enum"])


def labels(kind: str, *path: str) -> dict[str, str]:
    """The Vietnamese label of each value of a field (``x-labels``), in declared order."""
    return dict(field(kind, *path)["x-labels"])


def collection(kind: str) -> str:
    """The attribute of the Dataset holding records of ``kind`` ("models")."""
    return declared(kind)["x-collection"]


def noun(kind: str) -> str:
    """The kind as a sentence names it ("mô hình", "Ngày cao điểm")."""
    return declared(kind)["x-noun"]


def key(kind: str) -> str:
    """The field that holds a record's id."""
    return declared(kind).get("x-key", "id")


# --- the data dictionary ----------------------------------------------------

_REFERENCE_KINDS = {
    "id": "mã", "ids": "danh sách mã", "text": "văn bản", "markdown": "Markdown", "texts": "danh sách",
    "unit": "tên đơn vị", "units": "danh sách đơn vị", "date": "ngày", "time": "giờ", "year": "năm",
    "quantity": "số", "count": "số nguyên", "money": "số tiền", "percent": "tỷ lệ %",
    "figures": "danh sách chỉ tiêu", "totals": "danh sách tổng", "deadlines": "danh sách hạn",
    "weekday": "thứ",
}
_TYPE_KINDS = {"string": "văn bản", "integer": "số nguyên", "array": "danh sách", "object": "nhóm trường",
               "boolean": "true/false"}


def dictionary() -> list[dict]:
    """Every kind's top-level fields as the data dictionary page lists them: name, whether it is
    required, its kind of value, its description, the values it allows."""
    common = declared("common")["$defs"]
    out = []
    for kind in KINDS:
        written = declared(kind)
        fields = []
        for name, spec in written.get("properties", {}).items():
            ref = spec.get("$ref", "").rsplit("/", 1)[-1]
            resolved = common.get(ref, {}) if ref else spec
            value_kind = _REFERENCE_KINDS.get(ref) or _TYPE_KINDS.get(
                spec.get("type", resolved.get("type", "")), spec.get("type", resolved.get("type", "")))
            allowed = spec.get("enum") or resolved.get("enum") or []
            fields.append({"name": name, "required": name in written.get("required", []), "kind": value_kind,
                           "description": spec.get("description") or resolved.get("description") or "",
                           "allowed": ", ".join(allowed)})
        out.append({"name": kind, "title": written.get("title", kind),
                    "description": written.get("description", ""), "fields": fields})
    return out
