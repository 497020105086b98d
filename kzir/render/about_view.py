"""The views of `kzir about` (one detail) and `kzir fields KIND` (a listing of fields)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..options import OutputOptions
from ..text import pick
from .cells import format_date, localise
from .labels import enum, phrase
from .viewmodel import Column, Detail, Listing

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def about_detail(info: Mapping[str, Any], opts: OutputOptions) -> Detail:
    """Title, source, publication date, KB version and SHA-256, counts; JSON has it all."""
    lang = opts.lang
    counts = ", ".join(f"{n} {enum('kind', kind, lang)}" for kind, n in info["counts"].items()
                       if n)
    rows = [
        ("Title", pick(info.get("title_en") or "", info.get("title_fa") or "", lang)),
        ("Source", pick(info.get("source") or "", info.get("source_fa") or "", lang)),
        ("Published", _published(info.get("published"), opts)),
        ("KB", phrase(info["kb"], lang)),
        ("KB version", info.get("kb_version") or phrase("unversioned", lang)),
        ("SHA-256", info["kb_sha256"]),
        ("Records", f"{localise(str(info['records']), lang)} ({localise(counts, lang)})"),
        ("Paragraphs", localise(str(info["paragraphs"]), lang)),
        ("Curated findings", phrase("{n} (kzir check computes the others)", lang,
                                    n=info["curated_findings"])),
        ("kzir", info["kzir_version"]),
    ]
    return Detail(pairs=[(phrase(label, lang), value) for label, value in rows], json=info,
                  dated=True)


def _published(date: Mapping[str, Any] | None, opts: OutputOptions) -> str:
    if not date:
        return phrase("unknown", opts.lang)
    text = localise(format_date(date, opts.calendar), opts.lang)
    if date.get("basis") == "inferred":
        return phrase("{date}, inferred from the text (--json has the reasoning)", opts.lang,
                      date=text)
    return text


def _type(info: Any) -> str:
    if info.enum is None:
        return str(info.type)
    values = " | ".join("null" if v is None else str(v) for v in info.enum)
    return values if len(values) <= 48 else "enum"


def fields_listing(kind: str, fields: Sequence[Any]) -> Listing:
    """Fields (kzir.fields.FieldInfo) of one kind; JSON gives each as {name, type, …}."""
    return Listing(
        items=fields,
        title=("Fields of a {kind} (data/kb.schema.json)", {"kind": kind}),
        columns=[
            Column("name", "Field name", lambda f, o: f.name, raw=lambda f: f.name, kind="id",
                   priority=90),
            Column("type", "Type", lambda f, o: _type(f), raw=_type, priority=60),
            Column("required", "Required", lambda f, o: phrase("yes" if f.required else "no",
                                                               o.lang),
                   raw=lambda f: f.required, kind="bool", priority=50),
            Column("description", "Description", lambda f, o: f.description,
                   raw=lambda f: f.description, priority=80),
        ],
        to_json=lambda f: f.to_json(),
        empty_message=("no fields declared for {kind}", {"kind": kind}),
    )
