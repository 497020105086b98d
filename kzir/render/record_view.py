"""How one record reads for people: every field as a label/value pair, sources last."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Record
from ..options import OutputOptions
from ..slotted import replace
from .cells import format_date, grouped, is_date
from .labels import enum, phrase
from .viewmodel import Detail

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

# Fields whose values are one of the KB's enumerations, shown by their label in --lang fa.
_ENUM_FIELDS = {"kind": "kind", "field": "field", "direction": "direction", "basis": "basis",
                "tonnes_qualifier": "qualifier", "usd_qualifier": "qualifier"}
_TYPE_ENUMS = {"event": "event_type", "mission": "mission_type",
               "organization": "organization_type"}


def _value_text(value: Any, opts: OutputOptions) -> str:
    if is_date(value):
        label_lang = "fa" if opts.lang == "fa" else "en"
        extra = [f"{phrase('basis', label_lang)}: {enum('basis', value.get('basis'), opts.lang)}"]
        if value.get("stated"):
            extra.append(f"{phrase('stated', label_lang)}: «{value['stated']}»")
        if value.get("note") and opts.lang != "fa":  # notes are written in English only
            extra.append(f"note: {value['note']}")
        return format_date(value, opts.calendar) + "\n" + "\n".join(extra)
    if isinstance(value, list):
        if all(isinstance(v, str | int | float) for v in value):
            return ", ".join(map(str, value))
        return "\n".join(_value_text(v, opts) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v is not None)
    if isinstance(value, bool):
        return phrase("yes" if value else "no", opts.lang)
    if isinstance(value, int):
        return grouped(value)
    return "" if value is None else str(value)


def _shown(key: str, lang: str) -> bool:
    """Under --lang en or fa, the other language's half of each text pair is left out."""
    other = {"en": "_fa", "fa": "_en"}.get(lang)
    return other is None or not key.endswith(other)


def record_detail(record: Record, opts: OutputOptions) -> Detail:
    """Every field of a record as label/value pairs, sources last, in the KB's own order.

    Without --lang both languages are shown (a record is read whole); --lang en|fa keeps one.
    """
    lang = opts.lang
    shown = replace(opts, lang=lang)
    pairs: list[tuple[str, str]] = []
    for key, value in record.data.items():
        if key in ("sources", "context_notes") or not _shown(key, lang):
            continue
        group = _TYPE_ENUMS.get(record.kind) if key == "type" else _ENUM_FIELDS.get(key)
        if group and isinstance(value, str):
            pairs.append((key, enum(group, value, lang)))
        else:
            pairs.append((key, _value_text(value, shown)))
    if lang != "fa":
        for note in record.data.get("context_notes", ()):
            pairs.append(("context note",
                          f"{note['text_en']} [outside the article: {note['source']}]"))
    for source in record.sources:
        label_lang = "fa" if lang == "fa" else "en"  # labels in one language: they stay narrow
        pairs.append((phrase("source ¶{n}", label_lang, n=source.paragraph),
                      f"«{source.quote}»"))
    return Detail(pairs=pairs, json=record.data, title=record.label(lang),
                  dated=any(is_date(v) for v in record.data.values()))
