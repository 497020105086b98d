"""How records read for people: date cells, party names, and the generic key/value view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import DateValue, Record
from ..options import OutputOptions
from .formats import grouped
from .view import Detail


def _interval(text: str) -> str:
    return text.replace("/", " – ")


def format_date(date: DateValue | Mapping[str, Any] | None, calendar: str) -> str:
    """A date object in the chosen calendar(s); a date inferred from context is marked ~."""
    if date is None:
        return ""
    if isinstance(date, Mapping):
        jalali, gregorian, basis = date["jalali"], date["gregorian"], date.get("basis")
    else:
        jalali, gregorian, basis = date.jalali, date.gregorian, date.basis
    mark = "~" if basis == "inferred" else ""
    j, g = mark + _interval(jalali), mark + _interval(gregorian)
    if calendar == "jalali":
        return j
    if calendar == "gregorian":
        return g
    return f"{j} ({_interval(gregorian)})"


def format_period(start: DateValue | None, end: DateValue | None, calendar: str) -> str:
    """A date, or a period from `start` to the end of `end` (the Almaty talks of 1391–1392)."""
    if start is None or end is None:
        return format_date(start, calendar)
    basis = "inferred" if "inferred" in (start.basis, end.basis) else start.basis
    joined = {side: f"{getattr(start, side).split('/')[0]}/{getattr(end, side).split('/')[-1]}"
              for side in ("jalali", "gregorian")}
    return format_date({**joined, "basis": basis}, calendar)


def _value_text(value: Any, calendar: str) -> str:
    if isinstance(value, Mapping) and "precision" in value and "jalali" in value:
        text = format_date(value, calendar)
        extra = [f"basis: {value.get('basis')}"]
        if value.get("stated"):
            extra.append(f"stated: «{value['stated']}»")
        if value.get("note"):
            extra.append(f"note: {value['note']}")
        return text + "\n" + "\n".join(extra)
    if isinstance(value, list):
        if all(isinstance(v, str | int | float) for v in value):
            return ", ".join(map(str, value))
        return "\n".join(_value_text(v, calendar) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v is not None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return grouped(value)
    return "" if value is None else str(value)


def record_detail(record: Record, opts: OutputOptions) -> Detail:
    """Every field of a record as label/value pairs, sources last, in the KB's own order."""
    pairs: list[tuple[str, str]] = []
    for key, value in record.data.items():
        if key in ("sources", "context_notes"):
            continue
        pairs.append((key, _value_text(value, opts.calendar)))
    for note in record.data.get("context_notes", ()):
        pairs.append(("context note", f"{note['text_en']} [outside the article: {note['source']}]"))
    for source in record.sources:
        pairs.append((f"source ¶{source.paragraph}", f"«{source.quote}»"))
    return Detail(pairs=pairs, json=record.data, title=record.label(opts.lang))
