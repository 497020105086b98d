"""Presentation-neutral descriptions of what to print: a listing of rows or one record's details."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..options import OutputOptions

Getter = Callable[[Any, OutputOptions], Any]


def record_json(item: Any) -> dict[str, Any]:
    """A record's contract object (the KB dict); plain dicts pass through."""
    data = getattr(item, "data", item)
    return dict(data)


@dataclass(frozen=True)
class Column:
    """One column: its key (for --fields/--sort/CSV), header, and how to get its display value."""

    key: str
    header: str
    get: Getter
    align: str = "left"
    header_fa: str | None = None

    def title(self, lang: str) -> str:
        return self.header_fa if lang == "fa" and self.header_fa else self.header


@dataclass
class Listing:
    """Rows to print: the table view (columns) and the machine view (to_json) of the same items."""

    items: Sequence[Any]
    columns: Sequence[Column]
    title: str | None = None
    to_json: Callable[[Any], Mapping[str, Any]] = record_json
    notes: list[str] = field(default_factory=list)  # explanations, for people only
    counts: list[str] = field(default_factory=list)  # "N of M" lines, for every format
    empty_message: str = "no results"


@dataclass
class Detail:
    """One object shown as label/value pairs to people and as one JSON object to scripts."""

    pairs: Sequence[tuple[str, str]]
    json: Mapping[str, Any]
    title: str | None = None
    notes: list[str] = field(default_factory=list)


ID_COLUMN = Column("id", "ID", lambda item, opts: item.id, header_fa="شناسه")
"""Every listing ends with the id, the handle for `kzir show`, `kzir cite` and scripts."""
