"""Pure lookups and filters over the KB; no printing, no CLI types."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import NotFoundError, UsageError
from .kb import KB
from .model import Document, Record, Trade
from .text import contains

DIRECTIONS = ("total", "export", "import")
_DIRECTION_ORDER = {d: i for i, d in enumerate(DIRECTIONS)}


def choice(value: str, valid: Iterable[str], option: str) -> str:
    """`value` if it is one of `valid` (case-insensitive), else a UsageError listing them."""
    valid = list(valid)
    wanted = value.strip().lower()
    for v in valid:
        if v.lower() == wanted:
            return v
    raise UsageError(f"{option}: unknown value '{value}'", hint=f"valid: {', '.join(valid)}")


# ---------------------------------------------------------------- documents


def documents(kb: KB) -> list[Document]:
    docs = [r for r in kb.of_kind("document") if isinstance(r, Document)]
    return sorted(docs, key=lambda d: d.index)


def document_fields(kb: KB) -> list[str]:
    return sorted({d.field for d in documents(kb)})


def filter_documents(kb: KB, *, field: str | None = None, party: str | None = None
                     ) -> list[Document]:
    docs = documents(kb)
    if field:
        chosen = choice(field, document_fields(kb), "--field")
        docs = [d for d in docs if d.field == chosen]
    if party:
        docs = [d for d in docs if any(contains(p.name_en, party) or contains(p.name_fa, party)
                                       for p in d.parties)]
    return docs


def find_document(kb: KB, ref: str) -> Document:
    """A document by id, or by its number in paragraph 10 (1-9)."""
    from .numerals import to_ascii_digits

    key = to_ascii_digits(ref).strip()
    for doc in documents(kb):
        if doc.id == key or (key.isdigit() and doc.index == int(key)):
            return doc
    record = kb.get(key)  # raises NotFoundError with suggestions
    raise NotFoundError(f"'{record.id}' is a {record.kind}, not a document",
                        hint="try 'kzir show' for any record")


# ---------------------------------------------------------------- trade


def trades(kb: KB) -> list[Trade]:
    """Every trade figure: yearly figures newest first, then multi-year totals."""
    rows = [r for r in kb.of_kind("trade") if isinstance(r, Trade)]
    return sorted(rows, key=lambda t: (t.year is None, -(t.year or 0), -t.span_years,
                                       _DIRECTION_ORDER.get(t.direction, 9)))


def trade_years(kb: KB) -> list[int]:
    return sorted({t.year for t in trades(kb) if t.year is not None})


def filter_trades(kb: KB, *, years: Sequence[int] | None = None,
                  direction: str | None = None) -> list[Trade]:
    rows = trades(kb)
    if direction:
        chosen = choice(direction, DIRECTIONS, "--direction")
        rows = [t for t in rows if t.direction == chosen]
    if years is not None:
        rows = [t for t in rows if t.year in years]
    return rows


def records_of(kb: KB, kind: str) -> list[Record]:
    return list(kb.of_kind(kind))
