"""Vietnamese text: normal form, folded matching keys and slugs.

Records store text in Unicode NFC. Names are compared on a *folded key*:
decomposed (NFD), combining marks dropped, đ→d, lower-case, punctuation
turned into single spaces. "Hoà Bình", "Hòa Bình" and "hoa binh" share a key.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The Unicode blocks of combining diacritical marks (tone and vowel marks after NFD).
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """The matching key of a name: no diacritics, đ→d, lower-case, words by spaces."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    stripped = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return _NON_WORD.sub(" ", stripped).strip()


# A straight double quote opens a quotation at the start, after a space or an opening bracket or
# dash; anywhere else it closes one.
_OPENING_QUOTE = re.compile(r'(^|[\s(\[{\u2013\u2014/-])"')


def curly_quotes(text: str) -> str:
    """Straight double quotes as Vietnamese typography writes them: "Dân vận khéo" → “Dân vận khéo”."""
    if '"' not in text:
        return text
    return _OPENING_QUOTE.sub("\\1\u201c", text).replace('"', "\u201d")


def slugify(text: str) -> str:
    """An ASCII identifier from a Vietnamese name: "Bến Tre" → "ben-tre"."""
    return fold(text).replace(" ", "-")


def closest(word: str, candidates: dict[str, str], limit: int = 3) -> list[str]:
    """Display names whose folded key is close to the folded ``word``.

    ``candidates`` maps folded key → display name.
    """
    keys = difflib.get_close_matches(fold(word), list(candidates), n=limit, cutoff=0.6)
    seen: list[str] = []
    for key in keys:
        if candidates[key] not in seen:
            seen.append(candidates[key])
    return seen
