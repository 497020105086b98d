"""Digit conversion between ASCII and the Persian/Arabic-Indic digits the article and users type.

Kept apart from dates.py because numbers in queries, options and the KB need the same treatment.
"""

from __future__ import annotations

import re

from kzir.errors import UsageError

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Final

PERSIAN_DIGITS: Final = "۰۱۲۳۴۵۶۷۸۹"  # U+06F0–U+06F9 (Extended Arabic-Indic, used in Persian)
ARABIC_INDIC_DIGITS: Final = "٠١٢٣٤٥٦٧٨٩"  # U+0660–U+0669 (Arabic-Indic, common in pasted text)
ARABIC_DECIMAL_SEPARATOR: Final = "٫"  # U+066B
ARABIC_THOUSANDS_SEPARATOR: Final = "٬"  # U+066C

_TO_ASCII: Final = str.maketrans(
    PERSIAN_DIGITS + ARABIC_INDIC_DIGITS + ARABIC_DECIMAL_SEPARATOR + ARABIC_THOUSANDS_SEPARATOR,
    "0123456789" * 2 + ".,",
)
_TO_PERSIAN: Final = str.maketrans("0123456789" + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
# A "." or "," only counts as a number separator when it sits between two digits.
_SEPARATOR_BETWEEN_DIGITS: Final = re.compile(r"(?<=[0-9۰-۹٠-٩])([.,])(?=[0-9۰-۹٠-٩])")
# ASCII only: Python's int() would also take Devanagari, fullwidth, ... digits and underscores.
_INT: Final = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)", re.ASCII)
_SHOWN_MAX: Final = 40


def to_ascii_digits(text: str) -> str:
    """Map Persian/Arabic-Indic digits and «٫» «٬» to ASCII, so one parser handles all input."""
    return text.translate(_TO_ASCII)


def to_persian_digits(text: str, *, separators: bool = False) -> str:
    """Map ASCII and Arabic-Indic digits to Persian ones for text shown in Persian.

    With ``separators=True`` a "." or "," between two digits also becomes «٫» or «٬»; off by
    default because in running text those are usually sentence punctuation.
    """
    out = text.translate(_TO_PERSIAN)
    if separators:
        out = _SEPARATOR_BETWEEN_DIGITS.sub(
            lambda m: ARABIC_DECIMAL_SEPARATOR if m.group(1) == "." else ARABIC_THOUSANDS_SEPARATOR,
            out,
        )
    return out


def shown(text: str) -> str:
    """Quote user text for a one-line error message: repr escapes newlines, long text is cut."""
    if len(text) > _SHOWN_MAX:
        text = text[: _SHOWN_MAX - 1] + "…"
    return repr(text)


MAX_DIGITS: Final = 18  # no option needs more; int() of thousands of digits is refused by Python


def parse_int(text: str, *, name: str = "value", low: int | None = None,
              high: int | None = None, example: str = "12 or ۱۲") -> int:
    """The one reader of whole numbers typed by users: ASCII, Persian or Arabic-Indic digits only
    (never ², ① or other "digits" that str.isdigit() accepts), at most MAX_DIGITS of them, within
    [low, high]. Anything else is a UsageError naming the option and the valid range."""
    candidate = to_ascii_digits(text).strip()
    valid = _range_text(low, high)
    if not _INT.fullmatch(candidate) or len(candidate) > MAX_DIGITS + 4:
        raise UsageError(f"{name} must be a whole number{valid}, got {shown(text)}",
                         hint=f"use digits such as {example}")
    value = int(candidate.replace(",", ""))
    if (low is not None and value < low) or (high is not None and value > high):
        raise UsageError(f"{name} must be a whole number{valid}, got {shown(text)}")
    return value


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f" from {low:,} to {high:,}"
    if low is not None:
        return f" of at least {low:,}"
    if high is not None:
        return f" of at most {high:,}"
    return ""
