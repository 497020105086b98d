"""Fold text to one byte per character, the same way for the query and the data."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..text import LETTER_FOLDS, MARKS

# ---------------------------------------------------------------------------------------------
# Folding: one byte per character, then one translate table does every normalisation at once
# ---------------------------------------------------------------------------------------------

_PERSIAN = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیۀٱھەڪ"
_LATIN = "àáâäçèéêëíîïñóôöúûü"
_FOLD_LETTERS = LETTER_FOLDS  # the one table (kzir.text), as bytes below
_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
_MARKS = MARKS
_DECIMAL = {"\u066b": ".", "\u066c": ","}
# Every character outside ASCII and this list (ZWNJ, «», ، ؛ ؟, dashes, quotes, other scripts) is
# encoded as "?" and so becomes a space, like ASCII punctuation.
_HIGH = _PERSIAN + _LATIN + _DIGITS + _MARKS + "".join(_DECIMAL)
assert len(_HIGH) == len(set(_HIGH)) <= 128, len(_HIGH)
_CHARMAP = codecs.charmap_build("".join(chr(i) for i in range(128)) + _HIGH
                                + "\ufffe" * (128 - len(_HIGH)))
_BYTE = {ch: 128 + i for i, ch in enumerate(_HIGH)}


def _translation() -> tuple[bytes, bytes]:
    table = bytearray(range(256))
    for i in range(128):
        ch = chr(i)
        if "A" <= ch <= "Z":
            table[i] = ord(ch.lower())
        elif not (ch.isalnum() or ch in ".,\x1e"):
            table[i] = 32  # punctuation, control characters and '?' (unencodable) are spaces
    for ch, base in _FOLD_LETTERS.items():
        table[_BYTE[ch]] = _BYTE.get(base, ord(base))
    for i, ch in enumerate(_DIGITS):
        table[_BYTE[ch]] = ord("0") + i % 10
    for ch, sep in _DECIMAL.items():
        table[_BYTE[ch]] = ord(sep)
    return bytes(table), bytes(_BYTE[ch] for ch in _MARKS)


_TABLE, _DELETE = _translation()
WORD_BYTES = frozenset(b for b in range(256) if chr(b).isalnum() or b >= 128) - set(_DELETE)
FA_BYTES = frozenset(_BYTE[ch] for ch in _PERSIAN)


def fold(text: str) -> bytes:
    """Text in the search's folded form: one byte per character, normalised as described above."""
    return fold_normalized(nfkc(text))


def fold_normalized(text: str) -> bytes:
    """fold() of text already in NFKC."""
    raw, _ = codecs.charmap_encode(text, "replace", _CHARMAP)
    return raw.translate(_TABLE, _DELETE)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


_UNFOLD = "".join(chr(i) for i in range(128)) + _HIGH + "\ufffd" * (128 - len(_HIGH))


def unfold(data: bytes) -> str:
    """Folded bytes back to text (for explanations and the SQLite export's search text)."""
    return codecs.charmap_decode(data, "strict", _UNFOLD)[0]


TOKEN = re.compile(r"[^\W_]+")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def normal_text(text: str) -> str:
    """The query's own normalisation before tokenising (the same folding, as text)."""
    return unfold(fold(text))


# ---------------------------------------------------------------------------------------------
# Text for an external full-text index (the SQLite export's FTS5 tables)
# ---------------------------------------------------------------------------------------------

_AS_TYPED = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " ", "\u0640": ""})
_TYPED_MARKS = re.compile("[\u064b-\u065f\u0670]")


def typed_words(text: str) -> str:
    """Each word of `text` whose folded spelling differs (آهن → اهن, ۱۴۰۰ → 1400), as a Persian
    keyboard types it: for a reader that cannot fold its query (datasette's search box), which
    with SQLite's unicode61 tokenizer alone would not find it (that keeps آ, ي and Persian digits
    apart and splits words at diacritics)."""
    if text.isascii():  # folding only changed case and punctuation, which FTS5 ignores too
        return ""
    seen = set(TOKEN.findall(unfold(fold(text))))
    typed = _TYPED_MARKS.sub("", text.translate(_AS_TYPED))
    extra = []
    for word in TOKEN.findall(typed):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            extra.append(word)
    return " ".join(extra)


def index_text(text: str) -> str:
    """Text for an FTS5 column: the folded text (what kzir's own search matches), then
    `typed_words`."""
    folded = " ".join(unfold(fold(text)).split())
    extra = typed_words(text)
    return f"{folded} {extra}" if extra else folded
