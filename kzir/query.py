"""Pure lookups and filters over the KB; no printing, no CLI types."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from .errors import NotFoundError, UsageError
from .kb import KB
from .model import Document, Event, Fact, Mission, Organization, Record, Resource, Trade
from .rounding import stated_span
from .slotted import Slotted
from .text import contains

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

DIRECTIONS = ("total", "export", "import")
DOCUMENT_NUMBER = re.compile(r"[0-9]{1,3}")  # `treaties show 9`: a number, never ² or 5,000 digits
_DIRECTION_ORDER = {d: i for i, d in enumerate(DIRECTIONS)}


def choice(value: str, valid: Iterable[str], option: str) -> str:
    """`value` if it is one of `valid` (case-insensitive), else a UsageError listing them."""
    valid = list(valid)
    wanted = value.strip().lower()
    for v in valid:
        if v.lower() == wanted:
            return v
    raise UsageError(f"{option}: unknown value '{value}'", hint=f"valid: {', '.join(valid)}")


# ---------------------------------------------------------------- listing order


def _start(event: Event) -> str:
    """Chronological key from the stored Gregorian side (no calendar arithmetic needed)."""
    return event.date.gregorian.split("/")[0] if event.date else "9999"


LISTING_ORDER: dict[str, Callable[[Any], Any]] = {
    "document": lambda d: d.index,
    "trade": lambda t: (t.year is None, -(t.year or 0), -t.span_years,
                        _DIRECTION_ORDER.get(t.direction, 9)),
    "event": lambda e: (_start(e), e.id),
    "resource": lambda r: r.sort_rank,
    "mission": lambda m: (m.country, m.type != "embassy", m.id),
    "organization": lambda o: (o.country or "~", o.id),
}
"""Each kind's listing order as a sort key of its records (a stable sort: ties keep the KB's
order, as do the kinds not named here). The SQLite export stores every record's place in it, so
a listing of a big KB reads only the rows it shows (`first_of_kind`)."""


def ordered(kb: KB, kind: str) -> list[Record]:
    """Every record of a kind in listing order."""
    rows = list(kb.of_kind(kind))
    key = LISTING_ORDER.get(kind)
    return sorted(rows, key=key) if key else rows


def first_of_kind(kb: KB, kind: str, limit: int) -> tuple[list[Record], int]:
    """The first `limit` records of a kind in listing order, and how many the kind has: a SQLite
    KB reads just those rows (the order is stored at export), a JSON KB sorts them all."""
    if kb.store is not None:
        return kb.first_of_kind(kind, limit), kb.kind_counts().get(kind, 0)
    rows = ordered(kb, kind)
    return rows[:limit], len(rows)


# ---------------------------------------------------------------- documents


def documents(kb: KB) -> list[Document]:
    return [r for r in ordered(kb, "document") if isinstance(r, Document)]


def document_fields(kb: KB) -> list[str]:
    return sorted({d.field for d in documents(kb)})


def filter_documents(kb: KB, *, field: str | None = None, party: str | None = None
                     ) -> list[Document]:
    docs = documents(kb)
    if field:
        chosen = choice(field, document_fields(kb), "--field")
        docs = [d for d in docs if d.field == chosen]
    if party is not None:
        if not party.strip():
            raise UsageError("--party needs some text, e.g. --party railway or --party راه آهن")
        docs = [d for d in docs if any(contains(p.name_en, party) or contains(p.name_fa, party)
                                       for p in d.parties)]
    return docs


def find_document(kb: KB, ref: str) -> Document:
    """A document by id, or by its number in paragraph 10 (1-9)."""
    from .numerals import to_ascii_digits

    key = to_ascii_digits(ref).strip()
    number = int(key) if DOCUMENT_NUMBER.fullmatch(key) else None
    docs = documents(kb)
    for doc in docs:
        if doc.id == key or doc.index == number:
            return doc
    if number is not None:
        raise NotFoundError(f"no document number {key}",
                            hint=f"documents are numbered 1-{max(d.index for d in docs)}")
    record = kb.get(key)  # raises NotFoundError with suggestions
    raise NotFoundError(f"'{record.id}' is a {record.kind}, not a document",
                        hint="try 'kzir show' for any record")


# ---------------------------------------------------------------- trade


def trades(kb: KB) -> list[Trade]:
    """Every trade figure: yearly figures newest first, then multi-year totals."""
    return [r for r in ordered(kb, "trade") if isinstance(r, Trade)]


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


class TradeGap(Slotted):
    """A period whose export + import, as the KB records them, differ from its total."""

    year: int | None
    span_years: int
    measure: str  # tonnes | usd
    parts: int
    total: int
    derived: bool  # the figures were computed (1399), not stated


_APPROXIMATE = ("approximately", "about")


def _adds_up(total: Trade, parts: Sequence[Trade], measure: str) -> bool:
    """Whether export + import can be the total as the table prints them: "more than" and
    "nearly" are bounds, an approximate total stands for what its rounding allows, and parts are
    taken at their printed values (how far beyond rounding a gap is, `kzir check` weighs)."""
    qualifiers = [t.data.get(f"{measure}_qualifier") for t in (total, *parts)]
    total_value, parts_sum = getattr(total, measure), sum(getattr(t, measure) for t in parts)
    if qualifiers[0] in _APPROXIMATE:  # "about 6 billion" stands for 5.5-6.5 billion
        span = stated_span(total_value, None)
        return span.lo <= parts_sum <= span.hi
    parts_at_least = "more than" in qualifiers[1:]
    if qualifiers[0] == "more than":
        return parts_at_least or parts_sum > total_value
    return parts_sum <= total_value if parts_at_least else parts_sum == total_value


def trade_gaps(kb: KB) -> list[TradeGap]:
    """Every period and measure whose export + import cannot be its total as the KB records
    them: what a reader adding up the trade table sees. `kzir check` explains each."""
    groups: dict[tuple[int | None, int], dict[str, Trade]] = {}
    for t in trades(kb):
        groups.setdefault((t.year, t.span_years), {})[t.direction] = t
    gaps = []
    for (year, span), by_direction in groups.items():
        if not set(DIRECTIONS) <= set(by_direction):
            continue
        total, exp, imp = (by_direction[d] for d in DIRECTIONS)
        for measure in ("tonnes", "usd"):
            values = [getattr(t, measure) for t in (total, exp, imp)]
            if None not in values and not _adds_up(total, (exp, imp), measure):
                gaps.append(TradeGap(year, span, measure, values[1] + values[2], values[0],
                                     any(t.derived for t in (total, exp, imp))))
    return gaps


def records_of(kb: KB, kind: str) -> list[Record]:
    return list(kb.of_kind(kind))


# ---------------------------------------------------------------- events

VISIT_TYPES = ("visit", "meeting", "delegation", "exhibition")


def events(kb: KB) -> list[Event]:
    """Every event, oldest first; undated events last."""
    return [r for r in ordered(kb, "event") if isinstance(r, Event)]


def event_types(kb: KB) -> list[str]:
    return sorted({e.type for e in events(kb)})


def filter_events(kb: KB, *, types: Sequence[str] | None = None, type_: str | None = None,
                  start: date | None = None, end: date | None = None) -> list[Event]:
    """Events of a type and/or overlapping [start, end]; undated ones drop out of date filters."""
    rows = events(kb)
    if type_:
        chosen = choice(type_, event_types(kb), "--type")
        rows = [e for e in rows if e.type == chosen]
    if types is not None:
        rows = [e for e in rows if e.type in types]
    if start is not None or end is not None:
        from .dates import span_of

        kept = []
        for event in rows:
            if event.date is None:
                continue
            first, last = span_of(event.data["date"])
            if event.end_date is not None:
                last = span_of(event.data["end_date"])[1]
            if (start is None or last >= start) and (end is None or first <= end):
                kept.append(event)
        rows = kept
    return rows


def named_people(kb: KB, events: Iterable[Event]) -> dict[str, Record]:
    """The people these events' participants name, by id, looked up one by one: on a big KB
    the other people are never read."""
    out: dict[str, Record] = {}
    for event in events:
        for pid in event.participants:
            if pid not in out:
                record = kb.find(pid)
                if record is not None and record.kind == "person":
                    out[pid] = record
    return out


def inferred_date(record: Record) -> bool:
    """Whether an event's date was inferred from context (the events listing's ~ mark)."""
    return isinstance(record, Event) and record.date is not None \
        and record.date.basis == "inferred"


def any_inferred_date(kb: KB, events: Sequence[Event] | None = None) -> bool:
    """Whether some event's date was inferred: of `events`, or of every event of the KB (a
    SQLite KB noted it at export, so no other row is read)."""
    if events is None and kb.store is not None:
        return kb.store.any_inferred_event()
    return any(map(inferred_date, events if events is not None else kb.of_kind("event")))


# ---------------------------------------------------------------- resources, missions, people


def resources(kb: KB, *, rank: int | None = None, max_rank: int | None = None) -> list[Resource]:
    """Reserve rankings, best first; a band such as top-10 counts as rank 10 for --max-rank."""
    rows = [r for r in ordered(kb, "resource") if isinstance(r, Resource)]
    if rank is not None:
        rows = [r for r in rows if r.rank == rank]
    if max_rank is not None:
        rows = [r for r in rows if r.sort_rank <= max_rank]
    return rows


COUNTRIES = ("IR", "KZ")
_COUNTRY_ALIASES = {"iran": "IR", "ایران": "IR", "kazakhstan": "KZ", "قزاقستان": "KZ",
                    "kazakstan": "KZ", "qazaqstan": "KZ"}


def country(value: str, option: str = "--country", extra: Sequence[str] = ()) -> str:
    """IR or KZ from a code or a country name in English or Persian."""
    from .text import normalize

    alias = _COUNTRY_ALIASES.get(normalize(value))
    return alias or choice(value, (*COUNTRIES, *extra), option)


def missions(kb: KB, *, sending: str | None = None) -> list[Mission]:
    """Diplomatic missions by sending country: embassies first, then consulates general."""
    rows = [r for r in ordered(kb, "mission") if isinstance(r, Mission)]
    if sending:
        chosen = country(sending)
        rows = [m for m in rows if m.country == chosen]
    return rows


def organizations(kb: KB, *, of: str | None = None, type_: str | None = None
                  ) -> list[Organization]:
    rows = [r for r in ordered(kb, "organization") if isinstance(r, Organization)]
    types = sorted({o.type for o in rows})
    if of:
        chosen = country(of, extra=("none",))
        rows = [o for o in rows if (o.country or "none") == chosen]
    if type_:
        chosen = choice(type_, types, "--type")
        rows = [o for o in rows if o.type == chosen]
    return rows


def facts(kb: KB, topic: str) -> list[Fact]:
    return [r for r in kb.of_kind("fact") if isinstance(r, Fact) and r.topic == topic]
