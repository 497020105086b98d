"""Presentation-neutral descriptions of what to print: a listing of rows or one object's details.

A column has a raw value (for machines: numbers as numbers, dates as objects, text in both
languages) and a display (for people: `≈729,000`, `1400 (2021-03-21 – 2022-03-20)`). Its `kind`
says how a table may treat it: ids, numbers and dates are never split across lines; text wraps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..options import OutputOptions
from ..slotted import Factory, Slotted
from .labels import Phrase

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:  # the aliases name types for annotations only
    from typing import Any

    Getter = Callable[[Any, OutputOptions], Any]
    RawGetter = Callable[[Any], Any]
    Prose = Callable[[OutputOptions, str], Sequence["Block"]]
    """How a citation or paragraph reads for people in a format (table, plain, md); machines
    get the columns (or the detail's object) instead."""

KINDS = ("text", "bilingual", "id", "number", "date", "enum", "bool")
"""bilingual: raw is an (en, fa) pair; date: raw is a KB date object or None."""
UNBROKEN = frozenset({"id", "number", "date"})
"""Column kinds whose values a table must never split inside a word."""


def record_json(item: Any) -> dict[str, Any]:
    """A record's contract object (the KB dict); plain dicts pass through."""
    data = getattr(item, "data", item)
    return dict(data)


class Column(Slotted):
    """One column: key (for --fields/--sort), English header, display, raw value and kind.

    `priority` decides which columns a narrow terminal drops first (lowest first); `companions`
    are extra machine-only cells, such as a figure's qualifier beside the figure.
    """

    key: str
    header: str
    display: Getter
    raw: RawGetter | None = None
    kind: str = "text"
    align: str = "left"
    priority: int = 50
    companions: tuple[tuple[str, RawGetter], ...] = ()

    def raw_value(self, item: Any, opts: OutputOptions) -> Any:
        """The machine value; a column without a raw getter gives its display."""
        return self.raw(item) if self.raw is not None else self.display(item, opts)


class Block(Slotted):
    """A piece of running text for people: a heading and lines of (text, quoted?) pieces."""

    heading: str
    lines: Sequence[Sequence[tuple[str, bool]]]
    quote: bool = False  # a quotation (markdown: a > block)
    rtl: bool = False  # Persian text




class Listing(Slotted):
    """Rows to print: columns for tables and CSV, `to_json` for JSON, one set of items."""

    _frozen = False  # filled in after it is made (notes)

    items: Sequence[Any]
    columns: Sequence[Column]
    title: Phrase | None = None
    extra_columns: Sequence[Column] = ()  # not shown unless named in --fields (or --sort)
    to_json: Callable[[Any], Mapping[str, Any]] = record_json
    notes: list[Phrase] = Factory(list)  # explanations, for people only
    counts: list[Phrase] = Factory(list)  # "N of M" lines, for every format
    empty_message: Phrase = "no results"
    prose: Prose | None = None  # running text instead of a table for people
    uses_lang: bool = False  # machine output depends on --lang (search snippets)
    total: int | None = None  # when `items` are only the first rows (a big KB read just what
    # --limit shows): how many rows the listing has, for the "N of M shown" line


class Detail(Slotted):
    """One object: label/value pairs for people, one JSON object (and a CSV row) for machines."""

    _frozen = False  # filled in after it is made (notes)

    pairs: Sequence[tuple[str, str]]
    json: Mapping[str, Any]
    title: Phrase | None = None
    notes: list[Phrase] = Factory(list)
    prose: Prose | None = None
    uses_lang: bool = False
    dated: bool = False  # shows a date, so --calendar applies


ID_COLUMN = Column("id", "ID", lambda item, opts: item.id, raw=lambda item: item.id, kind="id",
                   priority=90)
"""Every listing shows the id, the handle for `kzir show`, `kzir cite` and scripts."""


def text_column(key: str, header: str, name: str, *, priority: int = 50) -> Column:
    """A record's `<name>_en`/`<name>_fa` pair: shown in the chosen language, both for machines."""
    return Column(key, header, lambda r, o: r.text(name, o.lang),
                  raw=lambda r: (r.text(name, "en"), r.text(name, "fa")), kind="bilingual",
                  priority=priority)


def all_columns(listing: Listing) -> dict[str, Column]:
    """The listing's columns by key, the ones shown by default first."""
    return {c.key: c for c in [*listing.columns, *listing.extra_columns]}
