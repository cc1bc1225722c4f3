"""Checking each record against the JSON Schema of its kind.

The schemas in ``campaign_results/schemas/`` (read by ``kinds.py``) are the single source of
truth for what a record may contain. Standard keywords are re-implemented here only
to give each failure a catalogue code and a Vietnamese message; the
``x-number``, ``x-percent``, ``x-date``, ``x-time`` and ``x-text`` keywords add
the checks that JSON Schema cannot express (Vietnamese numbers, dd/mm/yyyy
dates, HTML in text).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError, validators

from .. import kinds
from ..dates import DateError, parse_date, parse_time
from ..load.discover import RawRecord
from ..load.yaml_file import locate, locate_in_value
from ..numbers import NumberError, parse_percent, parse_quantity
from ..problems import Place, Report, did_you_mean, field_name
from ..record_markdown import plain_problems, problems as markdown_problems

_TYPE_NAMES = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "array": "danh sách (mỗi mục một dòng bắt đầu bằng \"- \")",
    "object": "nhóm trường dạng \"tên: giá trị\"",
    "boolean": "true hoặc false",
    "null": "để trống",
}


def _problem(code: str, extra_path: tuple = (), **params) -> ValidationError:
    error = ValidationError(code)
    error.problem_code = code
    error.problem_params = params
    error.extra_path = extra_path
    return error


def _shown(value: object) -> str:
    text = getattr(value, "raw", None) or str(value)
    return text if len(text) <= 60 else text[:57] + "…"


# --- standard keywords, with catalogue codes -------------------------------

def _required(validator, required, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield _problem("missing-field", name=name)


def _additional_properties(validator, additional, instance, schema):
    if not validator.is_type(instance, "object") or additional is not False:
        return
    allowed = list(schema.get("properties", {}))
    for name in instance:
        if name not in allowed:
            yield _problem("unknown-field", (name,), name=name, allowed=", ".join(allowed),
                           suggestion=did_you_mean(str(name), allowed))


def _enum(validator, enum, instance, schema):
    if instance not in enum:
        yield _problem("not-in-list", value=_shown(instance), allowed=", ".join(map(str, enum)),
                       suggestion=did_you_mean(str(instance), [str(e) for e in enum]))


def _type(validator, types, instance, schema):
    types = [types] if isinstance(types, str) else types
    if not any(validator.is_type(instance, t) for t in types):
        yield _problem("wrong-type", value=_shown(instance),
                       expected=" hoặc ".join(_TYPE_NAMES.get(t, t) for t in types))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(pattern, instance):
        yield _problem("bad-format", value=_shown(instance), hint=schema.get("x-hint", ""))


def _min_length(validator, minimum, instance, schema):
    if validator.is_type(instance, "string") and len(instance.strip()) < minimum:
        yield _problem("empty-value")


def _min_items(validator, minimum, instance, schema):
    if validator.is_type(instance, "array") and len(instance) < minimum:
        yield _problem("empty-value")


def _min_properties(validator, minimum, instance, schema):
    if validator.is_type(instance, "object") and len(instance) < minimum:
        yield _problem("empty-value")


def _minimum(validator, minimum, instance, schema):
    if validator.is_type(instance, "number") and instance < minimum:
        yield _problem("out-of-range", value=_shown(instance), limit=f"từ {minimum}")


def _maximum(validator, maximum, instance, schema):
    if validator.is_type(instance, "number") and instance > maximum:
        yield _problem("out-of-range", value=_shown(instance), limit=f"đến {maximum}")


# --- Vietnamese keywords ---------------------------------------------------

def _x_number(validator, kind, instance, schema):
    try:
        parse_quantity(instance, kind)
    except NumberError as error:
        yield _problem(error.code, **error.params)


def _x_percent(validator, enabled, instance, schema):
    try:
        parse_percent(instance)
    except NumberError as error:
        yield _problem(error.code, **error.params)


def _x_date(validator, enabled, instance, schema):
    try:
        parse_date(instance)
    except DateError as error:
        yield _problem(error.code, **error.params)


def _x_time(validator, enabled, instance, schema):
    try:
        parse_time(instance)
    except DateError as error:
        yield _problem(error.code, **error.params)


def _x_text(validator, flavour, instance, schema):
    if not isinstance(instance, str):
        return
    finding = markdown_problems(instance) if flavour == "markdown" else plain_problems(instance)
    if finding:
        error = _problem(finding.code, found=finding.found)
        error.text_offset = finding.at
        yield error


_RecordValidator = validators.extend(Draft202012Validator, {
    "required": _required,
    "additionalProperties": _additional_properties,
    "enum": _enum,
    "type": _type,
    "pattern": _pattern,
    "minLength": _min_length,
    "minItems": _min_items,
    "minProperties": _min_properties,
    "minimum": _minimum,
    "maximum": _maximum,
    "x-number": _x_number,
    "x-percent": _x_percent,
    "x-date": _x_date,
    "x-time": _x_time,
    "x-text": _x_text,
})


def validator_for(kind: str):
    return _validator(kinds.SCHEMA_DIR, kind)


@lru_cache(maxsize=None)
def _validator(folder: Path, kind: str):
    return _RecordValidator(kinds.schema(kind))


PLACEHOLDER = "ĐIỀN:"  # what `new` writes where a value is still to be filled in


def _placeholders(node: object, path: tuple = ()):
    """Paths of the values still marked "ĐIỀN: …"."""
    if isinstance(node, str) and node.strip().startswith(PLACEHOLDER):
        yield path, node.strip()
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _placeholders(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _placeholders(value, path + (index,))


def place_of(record: RawRecord, path: tuple, extra: tuple = ()) -> Place:
    """Where the field at ``path`` (+ ``extra``, a field not written) of ``record`` is: its line and
    column, and its name as staff see it ("indicators › mục 3 › result"; for a spreadsheet row,
    its cell: "Kết quả!D5 (Kết quả)")."""
    line, column = locate(record.data, path)
    name = field_name(path + extra) or None
    cells = getattr(record.data, "field_names", None)
    return Place(record.file, line, column, cells.get(name, name) if cells else name)


def check_schema(record: RawRecord, report: Report) -> bool:
    """Add every schema problem of ``record`` to ``report``; True if it has no error."""
    ok = True
    unfilled = set()
    for path, value in _placeholders(record.data):
        report.add("placeholder", place_of(record, path), value=_shown(value))
        unfilled.add(path)
        ok = False
    errors = sorted(validator_for(record.kind).iter_errors(record.data),
                    key=lambda e: [str(step) for step in e.absolute_path])
    seen: set[tuple] = set()
    for error in errors:
        code = getattr(error, "problem_code", None)
        params = getattr(error, "problem_params", {})
        if code is None:  # a keyword we did not re-implement
            code, params = "bad-format", {"value": _shown(error.instance), "hint": error.message}
        path = tuple(error.absolute_path) + getattr(error, "extra_path", ())
        if any(path[:len(p)] == p for p in unfilled):
            continue  # already reported as a value to fill in
        field = params.get("name") if code == "missing-field" else None
        place = place_of(record, path, (field,) if field else ())
        key = (code, place.field)
        if key in seen:
            continue
        seen.add(key)
        offset = getattr(error, "text_offset", None)
        inside = locate_in_value(record.data, path, offset) if offset is not None else None
        if inside is not None:  # the line of a literal block (|) where the text was written
            place = replace(place, line=inside, column=None)
        problem = report.add(code, place, **params)
        ok = ok and problem.severity != "error"
    return ok
