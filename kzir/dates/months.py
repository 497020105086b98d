"""The month names of both calendars, in every spelling kzir reads, and the lookup of a typed
month word: the one home of month names, so adding a transliteration or a Persian spelling of a
Gregorian month touches this file only. The date parser (kzir.dates.parse), the calendar's
written forms (kzir.dates.calendar), the audit and the search all read them from here.

Plain data and string functions (no jdatetime): the search imports this to tell whether a word
beside a year is a month before it loads the date parser.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from kzir.numerals import to_ascii_digits
from kzir.text import LETTER_FOLDS, MARKS, ZWNJ

if TYPE_CHECKING:
    from kzir.dates.calendar import Calendar

MONTHS_FA: Final[tuple[str, ...]] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
MONTHS_EN_TRANSLIT: Final[tuple[str, ...]] = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)  # fmt: skip
GREGORIAN_MONTHS_EN: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# --------------------------------------------------------------------------- normalising


# The one letter table (kzir.text), and what date words never carry: ZWNJ (a month is one word),
# bidi embeddings and isolates.
_LETTERS: Final = str.maketrans({**LETTER_FOLDS, **dict.fromkeys(MARKS + ZWNJ, "")})
_DROP: Final = re.compile("[\u202a-\u202e\u2066-\u2069]")


def normalise(text: str) -> str:
    """Fold the spelling variants users type into one form the date rules expect.

    ASCII digits; the letters of kzir.text's one table (ي ى → ی, ك → ک, ة ۀ → ه, أ إ آ → ا,
    accented Latin → plain); no ZWNJ, tatweel or harakat; lower case; commas as spaces; single
    spaces.
    """
    text = to_ascii_digits(text)
    text = text.translate(_LETTERS)
    text = _DROP.sub("", text)
    text = text.lower().replace(",", " ").replace("،", " ")
    return " ".join(text.split()).rstrip(".")


def _key(word: str) -> str:
    """A month word as the exact table stores it: normalised, no spaces, no trailing dot."""
    return normalise(word).replace(" ", "").rstrip(".")


# Letters whose decomposition would lose a distinction (š → s), spelled out before NFKD.
_TRANSLIT_LETTERS: Final = str.maketrans({
    "š": "sh", "ž": "zh", "č": "ch", "ḵ": "kh", "ẖ": "kh", "ġ": "gh", "ḡ": "gh", "ḏ": "dh",
    "ʿ": "", "ʾ": "", "'": "", "’": "", "‘": "", "`": "", "-": "",
})  # fmt: skip
_DIGRAPHS: Final = (("kh", "x"), ("sh", "s"), ("zh", "j"), ("gh", "q"), ("dh", "z"), ("w", "v"))
_VOWELS: Final = str.maketrans({"e": "i", "y": "i", "o": "u"})


def translit_key(word: str) -> str:
    """The skeleton of a Latin-script month word, equal for the ways Persian is transliterated.

    Accents go (Ordībehešt → ordibehesht); kh and x are one letter, as are sh/š/s, w/v and dh/z
    (Adhar = Azar, Ordibehest = Ordibehesht); e and i, o and u fold together (Mihr = Mehr,
    Khurdad = Khordad) and y reads as i (Dey = Dei); an h after the first letter is dropped
    (Mehr = Mer, Shahrivar = Sharivar) and doubled letters merge (Khordaad, Farvardeen).
    Different months keep different skeletons; the table is checked for clashes when it is built.
    """
    text = word.lower().translate(_TRANSLIT_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub("[^a-z]", "", text)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    text = text.translate(_VOWELS)
    text = text[:1] + text[1:].replace("h", "")
    return re.sub(r"(.)\1+", r"\1", text)


# --------------------------------------------------------------------------- month names

# Further spellings, each a name in use rather than a transliteration of the standard one:
# the old Amordad and Espand, Day for Dey, Ardibehesht (an older reading), Persian-script
# variants. Then the Gregorian months as Iranian and Afghan Persian write them, the usual
# Iranian spelling first.
_JALALI_EXTRA: Final[dict[int, tuple[str, ...]]] = {
    2: ("ardibehesht",), 5: ("amordad", "امرداد"), 10: ("day",), 12: ("espand", "اسپند"),
}  # fmt: skip
GREGORIAN_MONTHS_FA: Final[tuple[tuple[str, ...], ...]] = (
    ("ژانویه", "ژانویهٔ", "جنوری"), ("فوریه", "فبروری"), ("مارس", "مارچ"), ("آوریل", "اپریل"),
    ("مه", "می"), ("ژوئن", "جون"), ("ژوئیه", "جولای"), ("اوت", "آگوست", "اگست"),
    ("سپتامبر", "سپتمبر"), ("اکتبر", "اکتوبر"), ("نوامبر", "نومبر"), ("دسامبر", "دسمبر"),
)  # fmt: skip

MonthRef: TypeAlias = "tuple[Calendar, int]"


def _build_month_tables() -> tuple[dict[str, MonthRef], dict[str, int]]:
    """(exact spellings → month, transliteration skeletons → Jalali month); raises on a clash."""
    exact: dict[str, MonthRef] = {}

    def add(table: dict[str, Any], key: str, value: Any, name: str) -> None:
        if table.get(key, value) != value:
            raise ValueError(f"month name {name!r} is ambiguous: {table[key]} and {value}")
        table[key] = value

    skeletons: dict[str, int] = {}
    for n in range(1, 13):
        for name in (MONTHS_FA[n - 1], MONTHS_EN_TRANSLIT[n - 1], *_JALALI_EXTRA.get(n, ())):
            add(exact, _key(name), ("jalali", n), name)
            if name.isascii():
                add(skeletons, translit_key(name), n, name)
    for n in range(1, 13):
        full = GREGORIAN_MONTHS_EN[n - 1]
        for name in (full, full[:3], *(("sept",) if n == 9 else ()), *GREGORIAN_MONTHS_FA[n - 1]):
            add(exact, _key(name), ("gregorian", n), name)
            clash = skeletons.get(translit_key(name)) if name.isascii() else None
            if clash:
                raise ValueError(f"{name!r} folds to the Jalali month {clash}")
    return exact, skeletons


_MONTHS, _SKELETONS = _build_month_tables()
_MAH: Final = _key("ماه")


def lookup_month(word: str) -> MonthRef | None:
    """The month a word names (exactly, with «ماه», or as a Jalali transliteration), or None."""
    key = _key(word)
    if key.endswith(_MAH) and key[: -len(_MAH)] in _MONTHS:
        key = key[: -len(_MAH)]
    if key in _MONTHS:
        return _MONTHS[key]
    if key.isascii() and (n := _SKELETONS.get(translit_key(key))):
        return "jalali", n
    if not key.isascii() and (n := _SKELETONS.get(translit_key(word))):
        return "jalali", n  # a Latin word with accents: Ordībehešt, Āzar
    return None
