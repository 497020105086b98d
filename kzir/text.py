"""Normalise Persian and English text so that the ways people type the same word compare equal.

Arabic ي/ك and Persian ی/ک, ZWNJ / space / fused compounds (رئیس‌جمهور, رئیس جمهور, رئیسجمهور),
diacritics and tatweel, Persian/Arabic-Indic digits, and English case all fold to one form.
"""

from __future__ import annotations

import re
import unicodedata

from .numerals import to_ascii_digits

# The one table of letters that are typed differently but mean the same: Arabic and variant forms
# to the Persian letter, accented Latin to the plain letter. The filters' normaliser below and the
# search index's byte folding (kzir.search.folding) are both built from it; a test checks they agree
# on every entry.
LETTER_FOLDS: dict[str, str] = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و",
    "à": "a", "á": "a", "â": "a", "ä": "a", "ç": "c", "è": "e", "é": "e", "ê": "e", "ë": "e",
    "í": "i", "î": "i", "ï": "i", "ñ": "n", "ó": "o", "ô": "o", "ö": "o", "ú": "u", "û": "u",
    "ü": "u",
}
# Characters that carry no letter and are dropped: Arabic diacritics (harakat, tanwin, superscript
# alef), tatweel, ZWJ, direction marks, BOM and the soft hyphen. ZWNJ is not here: it separates
# the parts of a compound, like a space.
MARKS: str = ("".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640\u200d\u200e\u200f"
              "\ufeff\xad")
ZWNJ = "\u200c"

_LETTERS = str.maketrans({**LETTER_FOLDS, ZWNJ: " ", **dict.fromkeys(MARKS, "")})
_SPACES = re.compile(r"\s+")


def pick(en: str, fa: str, lang: str) -> str:
    """The text of a bilingual pair in the chosen language; 'both' shows English / Persian."""
    if lang == "fa":
        return fa or en
    if lang == "both" and fa and fa != en:
        return f"{en} / {fa}" if en else fa
    return en or fa


def normalize(text: str) -> str:
    """Case-folded text with unified letters and digits, no diacritics, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_LETTERS)
    text = to_ascii_digits(text).casefold()
    return _SPACES.sub(" ", text).strip()


def squash(text: str) -> str:
    """normalize() without any spaces: fused, spaced and ZWNJ compounds become identical."""
    return normalize(text).replace(" ", "")


def contains(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs in `haystack`, however either was typed."""
    return squash(needle) in squash(haystack)
