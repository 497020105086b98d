"""A record's key value — the answer a question about it wants — as its snippet shows it.

A snippet is words around the query's matches, so the figure, name or date a question asks for
may fall outside it (or the summary of the query's language may not state it). The top results
lead with the value the question asks for, read from the record's fields in the snippet's
language: who → a name (a document's parties); where → a place or city; when → the date in both
calendars; how much → the figure; otherwise the kind's own key (a person's name, a mission's
city, a trade figure, a resource's rank, an event's date, a fact's value).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..numerals import to_persian_digits
from .analysis import number_forms
from .folding import fold

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

_UNITS_FA = {"km2": "کیلومتر مربع", "people": "نفر", "decades": "دهه", "years": "سال",
             "tonnes": "تن", "usd": "دلار"}
_UNITS_EN = {"km2": "km²"}


def key_value(data: Mapping[str, Any], lang: str, ask: str | None) -> str | None:
    """The value a question with this ask wants from the record, in `lang`, or None."""
    kind = data.get("kind")
    by_ask = {"who": _name_or_parties, "where": _place, "when": _date, "amount": _figure,
              "countries": _name, "name": _name}
    if ask in by_ask:
        found = by_ask[ask](data, lang)
        if found:
            return found
    by_kind = {"person": _name, "organization": _name, "place": _name, "mission": _place,
               "trade": _figure, "resource": _figure, "fact": _figure, "event": _date,
               "document": _date}
    own = by_kind.get(str(kind))
    return own(data, lang) if own else None


_FIRST_NUMBER = re.compile(rb"\d+(?:\.\d+)?")


def shows(snippet: str, value: str) -> bool:
    """Whether a snippet already carries the value: as written; a figure or date by its first
    number in any of the ways the KB writes numbers (729,000 as «۷۲۹ هزار»); a name by one of
    its words of 4+ letters (Tokayev for Kassym-Jomart Tokayev, Aktau for Aktau port)."""
    text = fold(snippet).replace(b",", b"")
    folded = fold(value).replace(b",", b"")
    if folded in text:
        return True
    number = _FIRST_NUMBER.search(folded)
    if number is None:
        words = set(text.split())
        return any(len(word) >= 4 and word in words for word in folded.split())
    forms = number_forms(float(number.group()))
    return any(fold(form).replace(b",", b"") in text for form in forms)


def _text(data: Mapping[str, Any], key: str, lang: str) -> str | None:
    value = data.get(f"{key}_{lang}")
    return value if isinstance(value, str) and value else None


def _name(data: Mapping[str, Any], lang: str) -> str | None:
    return _text(data, "name", lang)


def _name_or_parties(data: Mapping[str, Any], lang: str) -> str | None:
    """Who: a name, or for a document the parties that signed it."""
    found = _name(data, lang)
    if found or not isinstance(data.get("parties"), list):
        return found
    names = [p[f"name_{lang}"] for p in data["parties"]
             if isinstance(p, dict) and isinstance(p.get(f"name_{lang}"), str)]
    return (" / " if lang == "en" else " ، ").join(names) or None


def _place(data: Mapping[str, Any], lang: str) -> str | None:
    return _text(data, "city", lang) or _text(data, "place", lang) or (
        _name(data, lang) if data.get("kind") == "place" else None)


def _date(data: Mapping[str, Any], lang: str) -> str | None:
    for key in ("date", "signed"):
        date = data.get(key)
        if isinstance(date, dict) and date.get("jalali"):
            jalali, gregorian = str(date["jalali"]), str(date.get("gregorian") or "")
            if lang == "fa":
                return to_persian_digits(f"{jalali} ({gregorian})" if gregorian else jalali)
            if not gregorian or "/" in gregorian:  # a Jalali month or year: it first
                return f"{jalali} ({gregorian})" if gregorian else jalali
            return f"{gregorian} ({jalali})"
    return None


def _number(value: float, lang: str) -> str:
    text = f"{value:,}" if value == int(value) else f"{value:,.3f}".rstrip("0").rstrip(".")
    return to_persian_digits(text, separators=True) if lang == "fa" else text


# The article's own qualifier words: a rounded figure is never shown as exact.
_QUALIFIERS = {"nearly": ("nearly", "نزدیک به"), "more than": ("more than", "بیش از"),
               "approximately": ("about", "حدود")}


def _qualified(figure: str, qualifier: Any, lang: str) -> str:
    words = _QUALIFIERS.get(str(qualifier)) if qualifier else None
    if words is None:
        return figure
    return f"{words[1 if lang == 'fa' else 0]} {figure}"


def _figure(data: Mapping[str, Any], lang: str) -> str | None:
    kind = data.get("kind")
    fa = lang == "fa"
    if kind == "trade" and isinstance(data.get("tonnes"), int | float):
        tonnes, usd = _number(data["tonnes"], lang), data.get("usd")
        parts = [_qualified(f"{tonnes} تن" if fa else f"{tonnes} t",
                            data.get("tonnes_qualifier"), lang)]
        if isinstance(usd, int | float):
            parts.append(_qualified(f"{_number(usd, lang)} دلار" if fa else
                                    f"${_number(usd, lang)}", data.get("usd_qualifier"), lang))
        return "، ".join(parts) if fa else ", ".join(parts)
    if kind == "resource":
        rank, band = data.get("rank"), data.get("rank_band")
        if isinstance(rank, int):
            return f"رتبه {_number(rank, lang)}" if fa else f"rank {rank}"
        if isinstance(band, str) and band.startswith("top-"):
            size = band.removeprefix("top-")
            return f"بین {to_persian_digits(size)} کشور اول" if fa else f"top {size}"
        return None
    value = data.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        unit = str(data.get("unit") or "")
        unit = (_UNITS_FA.get(unit, "") if fa else _UNITS_EN.get(unit, unit))
        return f"{_number(value, lang)} {unit}".strip()
    return None
