"""Reading and writing numbers the Vietnamese way.

Source documents write "." between thousands and "," before decimals:
``1.166`` is one thousand one hundred sixty-six, ``17,5 tỉ đồng`` is
17 500 000 000 đồng, ``116,6%`` a share. Staff paste such strings into YAML
and CSV; this module turns them into exact values (``int`` for counts and
money in đồng, ``Decimal`` for measures such as km or tấn) or raises a
:class:`NumberError` naming what is wrong.

A bare ``1.166`` in YAML is read by the YAML parser as the float 1.166; the
loader keeps the text it was written as (:class:`RawFloat`) so that this trap
can be recognised here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .text import nfc

# Kinds of quantity an indicator or field can hold.
COUNT = "count"      # whole things: people, teams, trees
MONEY = "money"      # đồng, stored as a whole number of đồng
DECIMAL = "decimal"  # measures that may have decimals: km, tấn
ANY = "any"          # format check only, before the indicator (and so the kind) is known
KINDS = (COUNT, MONEY, DECIMAL)

# Words that qualify a figure in the documents ("hơn 7.152", "khoảng 600 triệu").
QUALIFIERS = ("hơn", "trên", "khoảng", "gần", "tối thiểu", "ít nhất")

_SCALES = {
    "nghìn": 1_000,
    "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}
_CURRENCY = ("đồng", "đ", "vnđ", "vnd")

_VN_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")   # 1.166 / 17.500,5
_VN_PLAIN = re.compile(r"^\d+(,\d+)?$")                  # 1166 / 157,3 / 09
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")  # what YAML mis-reads
_EN_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,166,000 (English style)


class RawFloat(float):
    """A float read from YAML that remembers the text it was written as."""

    raw: str

    def __new__(cls, value: float, raw: str) -> "RawFloat":
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


class NumberError(ValueError):
    """A value that is not a number of the expected kind.

    ``code`` is an error-catalogue code; ``params`` fill its message.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Quantity:
    """A figure as a document states it: an exact value, maybe qualified.

    ``qualifier`` keeps words such as "hơn" (more than) or "khoảng" (about).
    """

    value: int | Decimal
    qualifier: str | None = None

    def __int__(self) -> int:
        return int(self.value)


def parse_quantity(raw: object, kind: str) -> Quantity:
    """Read ``raw`` (int, YAML float or Vietnamese text) as a quantity of ``kind``."""
    if isinstance(raw, bool) or raw is None:
        raise NumberError("number-format", value=str(raw))
    if isinstance(raw, int):
        return Quantity(_check_sign(raw, raw))
    if isinstance(raw, float):
        text = getattr(raw, "raw", repr(raw))
        if _DOT_THOUSANDS.match(text.strip()):
            raise NumberError("number-dot-thousands", value=text,
                              digits=text.replace(".", "").lstrip("+"),
                              as_decimal=str(float(raw)).replace(".", ","))
        if kind not in (DECIMAL, ANY):
            raise NumberError("number-not-integer", value=text)
        return Quantity(_check_sign(Decimal(text), text))
    if not isinstance(raw, str):
        raise NumberError("number-format", value=str(raw))
    return _parse_text(raw, kind)


def _parse_text(raw: str, kind: str) -> Quantity:
    text = " ".join(nfc(raw).strip().split())
    lowered = text.lower()
    qualifier = None
    for word in QUALIFIERS:
        if lowered.startswith(word + " "):
            qualifier = word
            lowered = lowered[len(word) + 1:]
            break
    if lowered.startswith("~"):
        qualifier, lowered = "khoảng", lowered[1:].strip()

    words = lowered.split(" ")
    number, rest = words[0], words[1:]
    scale = 1
    if rest and rest[0] in _SCALES:
        scale = _SCALES[rest[0]]
        rest = rest[1:]
    if rest and rest[0] in _CURRENCY and len(rest) == 1:
        if kind not in (MONEY, ANY):
            raise NumberError("number-format", value=text)
        rest = []
    if number.endswith("đ") and kind in (MONEY, ANY) and not rest:
        number = number[:-1]
    if rest:
        raise NumberError("number-format", value=text)

    if number.startswith("-"):
        raise NumberError("number-negative", value=text)
    if _EN_GROUPED.match(number) and not _VN_PLAIN.match(number):
        raise NumberError("number-english-format", value=text,
                          fixed=number.replace(",", "#").replace(".", ",").replace("#", "."))
    if _VN_GROUPED.match(number) or _VN_PLAIN.match(number):
        value = Decimal(number.replace(".", "").replace(",", ".")) * scale
    else:
        raise NumberError("number-format", value=text)

    if kind in (COUNT, MONEY):
        if value != value.to_integral_value():
            code = "money-fraction" if kind == MONEY else "number-not-integer"
            raise NumberError(code, value=text)
        return Quantity(int(value), qualifier)
    return Quantity(value.normalize() if value != value.to_integral_value() else value.quantize(1),
                    qualifier)


def parse_percent(raw: object) -> Decimal:
    """Read a share such as "116,6%" (or 100) as a Decimal number of percent."""
    if isinstance(raw, bool) or raw is None:
        raise NumberError("percent-format", value=str(raw))
    if isinstance(raw, int):
        return Decimal(raw)
    text = getattr(raw, "raw", None) or str(raw)
    text = text.strip().rstrip("%").strip()
    try:
        if not re.fullmatch(r"\d+([.,]\d+)?", text):
            raise InvalidOperation
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise NumberError("percent-format", value=str(raw)) from None


def format_number(value: int | Decimal, decimals: int | None = None) -> str:
    """1166 → "1.166"; Decimal("157.3") → "157,3"."""
    value = Decimal(value)
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else max(0, -value.normalize().as_tuple().exponent)
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + ".".join(groups)
    return text + ("," + fraction if fraction else "")


def _check_sign(value, text):
    if value < 0:
        raise NumberError("number-negative", value=str(text))
    return value
