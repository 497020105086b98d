"""A record's searchable text: its (name, text, other) fields in one language.

name: titles, names, labels, resource and city names, spelling variants, aliases (`aliases`,
`aliases_en`, `aliases_fa`: other names of the entity, such as KTZ — of an alias object
{text, lang, note, source} only its `text`, in its `lang` or else its script's: the note and
the source say why the name is known, they are not names); text: summary and text, roles and
listed items, a document's parties (who signed it is what it is), and (Persian) the quotes;
other: every other value, a string's language told by its key (`_en`/`fa`) or else by its
script; numbers count as English.

One plain walk (`record_cells`): the in-process index and the SQLite export both call it, so the
two search the same text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .analysis import format_number
from .folding import ARABIC_SCRIPT
from .params import LANGS

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

NAME_KEYS = ("title", "name", "label", "resource", "city")
_TEXT_KEYS = ("summary", "text")
_ALIASES = "aliases"
# inside objects: a date's precision and basis are codes, a `source` is a citation (where an
# outside fact comes from), none of them what the record is about
_SKIP_VALUES = frozenset(["precision", "basis", "source"])
_NAME, _TEXT, _OTHER = range(3)
_SKIP, _AUTO, _SOURCES, _PAIRS, _ALIAS_LIST, _BY_SCRIPT = 4, 3, 5, 6, 7, 10

Cells = tuple[str, str, str]


def _place(key: str) -> Any:
    """Where a record's top-level key goes: "sources", "pairs", "aliases", or (field, language
    or None)."""
    base, _, suffix = key.rpartition("_")
    lang = suffix if suffix in LANGS else None
    if key == "sources":
        return "sources"
    if key in ("roles", "items"):
        return "pairs"
    if key == "parties":
        return (_TEXT, None)  # who signed a document is what it is, not a note about it
    if key.endswith("variants_fa"):
        return (_NAME, "fa")
    if key == _ALIASES:
        return "aliases"
    if lang and (base in NAME_KEYS or base == _ALIASES):
        return (_NAME, lang)
    if lang and base in _TEXT_KEYS:
        return (_TEXT, lang)
    return (_OTHER, lang)


_CODES: dict[str, dict[str, int]] = {"en": {}, "fa": {}}


def _code(key: str, lang: str) -> int:
    """What to do with a top-level key for one language: a field (0-2), _SKIP (the other
    language), _AUTO (other field, language by script), _BY_SCRIPT + field, _SOURCES, _PAIRS,
    _ALIAS_LIST."""
    code = _CODES[lang].get(key)
    if code is None:
        place = _place(key)
        if place == "sources":
            code = _SOURCES
        elif place == "pairs":
            code = _PAIRS
        elif place == "aliases":
            code = _ALIAS_LIST
        else:
            field, key_lang = place
            if key_lang is None:
                code = _AUTO if field == _OTHER else _BY_SCRIPT + field
            else:
                code = field if key_lang == lang else _SKIP
        _CODES[lang][key] = code
    return code


def _script(text: str) -> str:
    return "en" if text.isascii() or not ARABIC_SCRIPT.search(text) else "fa"


_KEY_LANG: dict[str, str | None] = {}


def _key_lang(key: str) -> str | None:
    """The language a key's suffix names (`note_fa` → "fa"), or None."""
    try:
        return _KEY_LANG[key]
    except KeyError:
        suffix = key.rpartition("_")[2]
        found = _KEY_LANG[key] = suffix if suffix in LANGS else None
        return found


def _nested(value: Any, key_lang: str | None, lang: str, sink: list[str]) -> None:
    """The strings (and, in English, numbers) of `lang` inside a list or object value."""
    if isinstance(value, str):
        if (key_lang or _script(value)) == lang:
            sink.append(value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        sink.append(format_number(value))
    elif isinstance(value, dict):
        for k, v in value.items():
            if v is None or k in _SKIP_VALUES:
                continue
            item_lang = _key_lang(k) or key_lang
            if type(v) is str:  # the common case, without a call
                if (item_lang or _script(v)) == lang:
                    sink.append(v)
            else:
                _nested(v, item_lang, lang, sink)
    elif isinstance(value, list):
        for v in value:
            _nested(v, key_lang, lang, sink)


def _pairs(value: Any, lang: str, sink: list[str]) -> None:
    """roles / items: a list of {"en": …, "fa": …}; the strings of `lang`."""
    for pair in value if type(value) is list else ():
        if type(pair) is dict and type(pair.get(lang)) is str:
            sink.append(pair[lang])


def _aliases(value: Any, lang: str, sink: list[str]) -> None:
    """aliases: a list of names (strings, language by script) or of {text, lang, note, source}
    objects; the names of `lang` (an alias in another language, kk or ru, by its script)."""
    for alias in value if type(value) is list else ():
        if type(alias) is str:
            text, alias_lang = alias, None
        elif type(alias) is dict and type(alias.get("text")) is str:
            text, alias_lang = alias["text"], alias.get("lang")
        else:
            continue
        if (alias_lang if alias_lang in LANGS else _script(text)) == lang:
            sink.append(text)


def record_cells(data: Mapping[str, Any], lang: str) -> Cells:
    """The (name, text, other) fields of one record's KB dict in one language."""
    name: list[str] = []
    text: list[str] = []
    other: list[str] = []
    parts = (name, text, other)
    for key, value in data.items():
        code = _code(key, lang)
        if code == _SKIP:
            continue
        kind = type(value)
        if code == _SOURCES:
            if lang == "fa" and kind is not str:
                text.extend([s["quote"] for s in value])
        elif code == _PAIRS:
            if kind is not str:
                _pairs(value, lang, text)
        elif code == _ALIAS_LIST:
            _aliases(value, lang, name)
        elif kind is str:
            if code < _AUTO:
                parts[code].append(value)
            elif _script(value) == lang:
                parts[_OTHER if code == _AUTO else code - _BY_SCRIPT].append(value)
        elif kind is int or kind is float:
            other.append(format_number(value))
        elif kind is list or kind is dict:
            if code < _AUTO:
                _nested(value, lang, lang, parts[code])
            else:
                _nested(value, None, lang, parts[_OTHER if code == _AUTO else code - _BY_SCRIPT])
    return " ".join(name), " ".join(text), " ".join(other)


def cells_of(records: Iterable[Mapping[str, Any]], lang: str) -> list[Cells]:
    """Every record's cells in one language, in order."""
    return [record_cells(data, lang) for data in records]
