"""The views of `kzir about` (one detail) and `kzir fields KIND` (a listing of fields)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..options import OutputOptions, pick
from .records import format_date
from .view import Column, Detail, Listing


def about_detail(info: Mapping[str, Any], opts: OutputOptions) -> Detail:
    published = info.get("published")
    counts = ", ".join(f"{n} {kind}" for kind, n in info["counts"].items() if n)
    pairs = [
        ("Title", pick(info.get("title_en") or "", info.get("title_fa") or "", opts.lang)),
        ("Source", info.get("source") or ""),
        ("Published", _published(published, opts)),
        ("KB", info["kb"]),
        ("KB version", info.get("kb_version") or "unversioned"),
        ("SHA-256", info["kb_sha256"]),
        ("Records", f"{info['records']} ({counts})"),
        ("Paragraphs", str(info["paragraphs"])),
        ("Curated findings", f"{info['curated_findings']} (kzir check computes the others)"),
        ("kzir", info["kzir_version"]),
    ]
    return Detail(pairs=pairs, json=info, title=None)


def _published(date: Mapping[str, Any] | None, opts: OutputOptions) -> str:
    if not date:
        return "unknown"
    text = format_date(date, opts.calendar)
    if date.get("basis") == "inferred":
        return f"{text}, inferred from the text (--json has the reasoning)"
    return text


def _type(info: Any, opts: OutputOptions) -> str:
    if info.enum is None:
        return info.type
    values = "|".join("null" if v is None else str(v) for v in info.enum)
    return values if len(values) <= 40 else "enum"


def fields_listing(kind: str, fields: Sequence[Any]) -> Listing:
    """Fields (kzir.fields.FieldInfo) of one kind; JSON gives each as {name, type, …}."""
    return Listing(
        items=fields,
        title=f"Fields of a {kind} (data/kb.schema.json)",
        columns=[
            Column("name", "Field", lambda f, o: f.name, header_fa="فیلد"),
            Column("type", "Type", _type, header_fa="نوع"),
            Column("required", "Required", lambda f, o: f.required, header_fa="الزامی"),
            Column("description", "Description", lambda f, o: f.description,
                   header_fa="توضیح"),
        ],
        to_json=lambda f: f.to_json(),
        empty_message=f"no fields declared for {kind}",
    )
