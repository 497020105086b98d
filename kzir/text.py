"""Normalise Persian and English text so that the ways people type the same word compare equal.

Arabic ي/ك and Persian ی/ک, ZWNJ / space / fused compounds (رئیس‌جمهور, رئیس جمهور, رئیسجمهور),
diacritics and tatweel, Persian/Arabic-Indic digits, and English case all fold to one form.
"""

from __future__ import annotations

import re
import unicodedata

from .numerals import to_ascii_digits

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ئ", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "ؤ": "و", "‌": " ", "‍": "", "ـ": "",
})
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case-folded text with unified letters and digits, no diacritics, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text.translate(_LETTERS))
    text = to_ascii_digits(text).casefold()
    return _SPACES.sub(" ", text).strip()


def squash(text: str) -> str:
    """normalize() without any spaces: fused, spaced and ZWNJ compounds become identical."""
    return normalize(text).replace(" ", "")


def contains(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs in `haystack`, however either was typed."""
    return squash(needle) in squash(haystack)
