"""A record's searchable text: its (name, text, other) fields in one language.

name: titles, names, labels, resource and city names, spelling variants, aliases (`aliases`,
`aliases_en`, `aliases_fa`: other names of the entity, such as KTZ — of an alias object
{text, lang, note, source} only its `text`, in its `lang` or else its script's: the note and
the source say why the name is known, they are not names); text: summary and text, roles and
listed items, a document's parties (who signed it is what it is), and (Persian) the quotes;
other: every other value, a string's language told by its key (`_en`/`_fa`) or else by its
script; numbers count as English.

Two implementations of one meaning, as in `kzir.schema`: `record_cells` walks any record; for a
big KB, `cells_of` turns each key layout seen often into straight-line Python (one generated
function per layout and language) that gives the same cells without deciding again, for every
record, what each key means. The tests check that both agree on every record of the shipped KB
and of a synthetic one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .folding import _ARABIC_SCRIPT
from .params import LANGS
from .query import _format_number

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

_NAME_KEYS = ("title", "name", "label", "resource", "city")
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
    if lang and (base in _NAME_KEYS or base == _ALIASES):
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
    return "en" if text.isascii() or not _ARABIC_SCRIPT.search(text) else "fa"


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
        sink.append(_format_number(value))
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
            other.append(_format_number(value))
        elif kind is list or kind is dict:
            if code < _AUTO:
                _nested(value, lang, lang, parts[code])
            else:
                _nested(value, None, lang, parts[_OTHER if code == _AUTO else code - _BY_SCRIPT])
    return " ".join(name), " ".join(text), " ".join(other)


# ---------------------------------------------------------------- compiled layouts

COMPILE_AFTER = 8  # records of one layout walked before its function is generated
MAX_LAYOUTS = 512  # generated functions per language and KB: past that, every record is walked

_ENV: dict[str, Any] = {"_nested": _nested, "_pairs": _pairs, "_aliases": _aliases,
                        "_number": _format_number,
                        "_arabic": _ARABIC_SCRIPT.search, "NoneType": type(None)}


def _compile(layout: tuple[str, ...], lang: str) -> Callable[[Mapping[str, Any]], Cells]:
    """record_cells for records with these keys in this order, as one function: what to do with
    each key is decided once, here, and only the value's type is looked at per record."""
    lines = ["def cells(d):", "    n = []; t = []; o = []"]
    sinks = ("n", "t", "o")
    is_lang = ("{x}.isascii() or not _arabic({x})" if lang == "en"
               else "not {x}.isascii() and _arabic({x})")
    for i, key in enumerate(layout):
        code = _code(key, lang)
        if code == _SKIP:
            continue
        x = f"x{i}"
        lines.append(f"    {x} = d[{key!r}]")
        if code == _SOURCES:
            if lang == "fa":
                lines.append(f"    if type({x}) is not str: t.extend([s['quote'] for s in {x}])")
            continue
        if code == _PAIRS:
            lines.append(f"    if type({x}) is not str: _pairs({x}, {lang!r}, t)")
            continue
        if code == _ALIAS_LIST:
            lines.append(f"    _aliases({x}, {lang!r}, n)")
            continue
        sink = sinks[_OTHER if code == _AUTO else code % _BY_SCRIPT]
        if code < _AUTO:
            on_str = f"{sink}.append({x})"
        else:
            on_str = f"if {is_lang.format(x=x)}: {sink}.append({x})"
        key_lang = repr(lang) if code < _AUTO else "None"
        lines += [
            f"    if type({x}) is str:",
            f"        {on_str}",
            f"    elif type({x}) is int or type({x}) is float: o.append(_number({x}))",
            f"    elif type({x}) is list or type({x}) is dict:"
            f" _nested({x}, {key_lang}, {lang!r}, {sink})",
        ]
    lines.append("    return ' '.join(n), ' '.join(t), ' '.join(o)")
    scope = dict(_ENV)
    exec(compile("\n".join(lines), "<kzir.search.cells compiled>", "exec"), scope)
    return scope["cells"]  # type: ignore[no-any-return]


def cells_of(records: Sequence[Mapping[str, Any]], lang: str) -> list[Cells]:
    """Every record's cells in one language, in order: the same as record_cells on each."""
    compiled: dict[tuple[str, ...], Callable[[Mapping[str, Any]], Cells]] = {}
    seen: dict[tuple[str, ...], int] = {}
    out: list[Cells] = []
    append = out.append
    for data in records:
        layout = tuple(data)
        function = compiled.get(layout)
        if function is not None:
            append(function(data))
            continue
        count = seen[layout] = seen.get(layout, 0) + 1
        if count > COMPILE_AFTER and len(compiled) < MAX_LAYOUTS:
            compiled[layout] = _compile(layout, lang)
        append(record_cells(data, lang))
    return out
