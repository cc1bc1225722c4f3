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
from functools import lru_cache, wraps
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

# The most digits a figure may have, written out in full: a float holds 15 digits exactly, and
# Decimal arithmetic 28. No document comes near (999 nghìn tỷ đồng has 15); a longer number is
# a slip of the keyboard or a paste, and would otherwise lose digits or break the arithmetic.
MAX_DIGITS = 15


def digit_count(value: int | Decimal) -> int:
    """How many digits ``value`` takes written out without an exponent, leading zeros left out:
    1166 → 4, Decimal("0.05") → 2, Decimal("1.5E+20") → 21."""
    if isinstance(value, int):
        value = abs(value)
        if value.bit_length() > 4 * MAX_DIGITS:  # (str() of a huge int is slow, or refused)
            return int(value.bit_length() * 0.30103) + 1
        return len(str(value)) if value else 1
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # infinity, NaN
        return MAX_DIGITS + 1
    return max(len(digits) + exponent, 0) + max(-exponent, 0) or 1


def _check_digits(value: int | Decimal, text: object) -> None:
    digits = digit_count(value)
    if digits > MAX_DIGITS:
        raise too_many_digits(text, digits)


def too_many_digits(text: object, digits: int) -> NumberError:
    """The error for a number of ``digits`` digits, written ``text`` (shown by its start if long)."""
    shown = text if isinstance(text, str) else str(text) if digits < 40 else f"{Decimal(text):.5E}"
    if len(shown) > 40:
        shown = shown[:30] + "…"
    return NumberError("number-too-many-digits", value=shown, digits=f"{digits:,}".replace(",", "."),
                       limit=MAX_DIGITS)


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


class CellText(str):
    """Text typed into a spreadsheet cell: its number problems are worded for Excel, not YAML."""

    __slots__ = ()


class CellNumber(float):
    """A number as a spreadsheet cell stores it (not a whole number), and whether the cell is
    formatted as a percentage (Excel stores 85% as 0.85)."""

    percent: bool

    def __new__(cls, value: float, percent: bool = False) -> "CellNumber":
        obj = super().__new__(cls, value)
        obj.percent = percent
        return obj

    def __reduce__(self):  # keep ``percent`` when records cross to the second core
        return (CellNumber, (float(self), self.percent))

    @property
    def shown(self) -> str:
        """The value as Excel shows it, written the Vietnamese way: "85%", "1,25"."""
        exact = Decimal(repr(float(self)))
        return format_number((exact * 100).normalize()) + "%" if self.percent else format_number(exact)


def remembered(parse):
    """``parse`` that reads each text once: the check reads a record's numbers and dates when it
    validates the record (the schema's x-number, x-date… keywords) and again when it builds the
    typed record; the second reading, and every repeat of the same text, is a lookup. Only plain
    ``str`` values are remembered (equal text, equal result; a YAML float or a spreadsheet cell
    carries more than its value), and a value that fails is read again, to report it again."""
    known = lru_cache(maxsize=1 << 16)(parse)

    @wraps(parse)
    def read(raw, *args):
        return known(raw, *args) if type(raw) is str else parse(raw, *args)

    read.cache_info = known.cache_info
    return read


@remembered
def parse_quantity(raw: object, kind: str) -> Quantity:
    """Read ``raw`` (int, YAML float, spreadsheet cell or Vietnamese text) as a quantity of ``kind``."""
    if isinstance(raw, CellNumber):
        return _parse_cell_number(raw, kind)
    if isinstance(raw, CellText):
        return _parse_cell_text(raw, kind)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise NumberError("empty-value")  # (`value:` with nothing after it)
    if isinstance(raw, bool):
        raise NumberError("number-format", value=str(raw))
    if isinstance(raw, int):
        _check_digits(raw, raw)
        return Quantity(_check_sign(raw, raw))
    if isinstance(raw, float):
        text = getattr(raw, "raw", repr(raw))
        try:
            exact = Decimal(text)
        except InvalidOperation:
            exact = None
        if exact is None or not exact.is_finite():  # (the YAML loader lets no inf or nan through)
            raise NumberError("number-format", value=text)
        _check_digits(exact, text)
        if _DOT_THOUSANDS.match(text.strip()):
            raise NumberError("number-dot-thousands", value=text,
                              digits=text.replace(".", "").lstrip("+"),
                              as_decimal=str(float(raw)).replace(".", ","))
        if kind not in (DECIMAL, ANY):
            raise NumberError("number-not-integer", value=text)
        return Quantity(_check_sign(exact, text))
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
        value = Decimal(number.replace(".", "").replace(",", "."))
        _check_digits(value, text)
        value *= scale
        _check_digits(value.normalize(), text)  # (17,50 tỷ: the zeros after the comma are gone)
    else:
        raise NumberError("number-format", value=text)

    if kind in (COUNT, MONEY):
        if value != value.to_integral_value():
            code = "money-fraction" if kind == MONEY else "number-not-integer"
            raise NumberError(code, value=text)
        return Quantity(int(value), qualifier)
    return Quantity(value.normalize() if value != value.to_integral_value() else value.quantize(1),
                    qualifier)


# "1,250" in a cell: English-locale thousands (a Vietnamese reader sees 1,25)
_EN_THOUSANDS_IN_TEXT = re.compile(r"(?<![\d.,])\d{1,3}(,\d{3})+(?![\d.,])")


def _parse_cell_number(raw: "CellNumber", kind: str) -> Quantity:
    """A number stored in a cell that is not a whole number (whole numbers arrive as ``int``)."""
    exact = Decimal(repr(float(raw)))
    if raw.percent and kind != ANY:
        raise NumberError("sheet-percent", value=raw.shown)
    if exact < 0:
        raise NumberError("number-negative", value=raw.shown)
    if kind in (COUNT, MONEY):
        guess = ""
        thousands = exact * 1000
        if exact < 1000 and thousands == thousands.to_integral_value():
            # 1.250 typed the Vietnamese way in an English-locale Excel is stored as 1.25
            whole = int(thousands)
            guess = (f"Nếu là {format_number(whole)} ({spell_number(whole)}), "
                     f"gõ {whole} (không có dấu chấm, dấu phẩy). ")
        raise NumberError("sheet-decimal-in-count", value=raw.shown, guess=guess)
    if kind == ANY:
        return Quantity(exact)
    return Quantity(exact.normalize() if exact != exact.to_integral_value() else exact.quantize(1))


def _parse_cell_text(raw: "CellText", kind: str) -> Quantity:
    text = " ".join(nfc(str(raw)).split())
    english = _EN_THOUSANDS_IN_TEXT.search(text)
    try:
        return _parse_text(text, kind)
    except NumberError as error:
        if english and error.code in ("number-not-integer", "number-english-format", "money-fraction"):
            whole = int(english.group(0).replace(",", ""))
            raise NumberError("sheet-english-thousands", value=text, digits=str(whole),
                              shown=format_number(whole), words=spell_number(whole)) from None
        if error.code in ("number-format", "number-not-integer"):
            raise NumberError(f"sheet-{error.code}", **error.params) from None
        raise


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _spell_hundreds(number: int, leading: bool) -> list[str]:
    """The words of 0–999 as one group of a larger number (``leading``: no group before it)."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["linh"] if words else []) + [_DIGITS[units]]
        return words
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def spell_number(number: int) -> str:
    """A whole number in Vietnamese words: 1250 → "một nghìn hai trăm năm mươi"."""
    if number == 0:
        return "không"
    groups = []
    while number:
        groups.insert(0, number % 1000)
        number //= 1000
    scales = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]
    if len(groups) > len(scales):
        return format_number(int("".join(f"{g:03d}" for g in groups)))
    words = []
    for index, group in enumerate(groups):
        scale = scales[len(groups) - 1 - index]
        if group:
            words += _spell_hundreds(group, leading=index == 0)
            if scale:
                words.append(scale)
    return " ".join(words)


@remembered
def parse_percent(raw: object) -> Decimal:
    """Read a share such as "116,6%" (or 100) as a Decimal number of percent."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise NumberError("empty-value")
    if isinstance(raw, bool):
        raise NumberError("percent-format", value=str(raw))
    if isinstance(raw, int):
        _check_digits(raw, raw)
        return Decimal(raw)
    text = getattr(raw, "raw", None) or str(raw)
    text = text.strip().rstrip("%").strip()
    try:
        if not re.fullmatch(r"\d+([.,]\d+)?", text):
            raise InvalidOperation
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise NumberError("percent-format", value=str(raw)) from None
    _check_digits(value, raw)
    return value


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
