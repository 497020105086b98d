"""One cell, two readings: the display text people see and the raw cells machines get.

People: numbers grouped (729,000), dates in the chosen calendar(s), Persian digits under
`--lang fa` (ids excepted: they are typed back as they are). Machines: numbers as numbers, a date
as separate ISO `<key>_jalali`/`<key>_gregorian`/`<key>_precision` cells, text in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..numerals import to_persian_digits
from ..options import OutputOptions
from .labels import phrase
from .sanitize import display
from .viewmodel import Column

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def grouped(value: int) -> str:
    """1,400,000 but 1400: years and small counts read better without separators."""
    return f"{value:,}" if abs(value) >= 10_000 else str(value)


def is_date(value: Any) -> bool:
    """Whether a value is a KB date object."""
    return isinstance(value, Mapping) and "jalali" in value and "gregorian" in value


def _interval(text: str) -> str:
    return text.replace("/", " – ")


def format_date(date: Any, calendar: str) -> str:
    """A date object (KB dict or DateValue) in the chosen calendar(s); inferred dates marked ~."""
    if date is None:
        return ""
    if isinstance(date, Mapping):
        jalali, gregorian, basis = str(date["jalali"]), str(date["gregorian"]), date.get("basis")
    else:
        jalali, gregorian, basis = date.jalali, date.gregorian, date.basis
    mark = "~" if basis == "inferred" else ""
    j, g = mark + _interval(jalali), mark + _interval(gregorian)
    if calendar == "jalali":
        return j
    if calendar == "gregorian":
        return g
    return f"{j} ({_interval(gregorian)})"


def format_period(start: Any, end: Any, calendar: str) -> str:
    """A date, or a period from `start` to the end of `end` (the Almaty talks of 1391–1392)."""
    if start is None or end is None:
        return format_date(start, calendar)
    basis = "inferred" if "inferred" in (start.basis, end.basis) else start.basis
    joined = {side: f"{getattr(start, side).split('/')[0]}/{getattr(end, side).split('/')[-1]}"
              for side in ("jalali", "gregorian")}
    return format_date({**joined, "basis": basis}, calendar)


def localise(text: str, lang: str) -> str:
    """Persian digits (٬ ٫ between digits), ٪, and Persian list commas for text shown in Persian."""
    if lang != "fa":
        return text
    text = _LATIN_WORD.sub(_persian_word, text)
    return text.replace(", ", "، ").replace("; ", "؛ ")


_LATIN_WORD = re.compile(r"\S+")


def _persian_word(match: re.Match[str]) -> str:
    """A word with Latin letters in it (an id, a hash, SHA-256) keeps its digits: it is typed back
    as it is; other words get Persian digits."""
    word = match.group(0)
    if any("a" <= ch.lower() <= "z" for ch in word):
        return word
    return to_persian_digits(word, separators=True).replace("%", "٪")


def value_text(value: Any, lang: str) -> str:
    """Any display value as one line of safe text (not yet localised)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return phrase("yes" if value else "no", lang)
    if isinstance(value, int):
        return grouped(value)
    if isinstance(value, float):
        return f"{value:g}"
    return display(value)


def display_cell(column: Column, item: Any, opts: OutputOptions) -> str:
    """What a person sees in this cell."""
    text = value_text(column.display(item, opts), opts.lang)
    return text if column.kind == "id" else localise(text, opts.lang)


def header_text(column: Column, lang: str) -> str:
    return display(phrase(column.header, lang))


# ---------------------------------------------------------------- machine cells


def machine_names(column: Column) -> list[str]:
    """The machine columns one view column becomes."""
    key = column.key
    if column.kind == "date":
        names = [f"{key}_jalali", f"{key}_gregorian", f"{key}_precision", f"{key}_basis"]
    elif column.kind == "bilingual":
        names = [f"{key}_en", f"{key}_fa"]
    else:
        names = [key]
    return names + [name for name, _ in column.companions]


def machine_values(column: Column, item: Any, opts: OutputOptions) -> list[Any]:
    """Raw values for `machine_names(column)`, in the same order."""
    raw = column.raw_value(item, opts)
    if column.kind == "date":
        values = ([raw.get("jalali"), raw.get("gregorian"), raw.get("precision"),
                   raw.get("basis")] if is_date(raw) else [None, None, None, None])
    elif column.kind == "bilingual":
        values = list(raw) if isinstance(raw, tuple) else [raw, None]
    else:
        values = [raw]
    return values + [get(item) for _, get in column.companions]


def machine_header(columns: Sequence[Column]) -> list[str]:
    """The machine column names of a listing, each once: a date field split into `<key>_jalali`
    and a record's own field of that name (another kind's) share one column."""
    return list(dict.fromkeys(name for c in columns for name in machine_names(c)))


def machine_row(columns: Sequence[Column], item: Any, opts: OutputOptions) -> dict[str, Any]:
    """Raw values by machine column name; of two columns of one name, the one with a value."""
    row: dict[str, Any] = {}
    for column in columns:
        for name, value in zip(machine_names(column), machine_values(column, item, opts),
                               strict=True):
            if value is not None or name not in row:
                row[name] = value
    return row
