"""Typed, immutable records of the knowledge base; no I/O, no presentation.

Each record keeps the KB's own dict (`data`, read-only) beside its typed fields, so JSON output is
exactly the contract's record — fields added to the KB later flow through without code changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .slotted import Slotted, fields
from .text import pick

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, ClassVar

LANGS = ("en", "fa")


class Source(Slotted):
    """Where a fact stands in the article: paragraph number and the verbatim span."""

    paragraph: int
    quote: str


class DateValue(Slotted):
    """A date as the KB states it: both calendars, precision, and how it was established."""

    jalali: str
    gregorian: str
    precision: str
    basis: str
    stated: str | None = None
    note: str | None = None
    stated_jalali: str | None = None
    stated_gregorian: str | None = None
    stated_weekday: str | None = None


class Party(Slotted):
    """One signatory body of a cooperation document."""

    country: str
    name_en: str
    name_fa: str
    org: str | None = None


class Role(Slotted):
    en: str
    fa: str


class Paragraph(Slotted):
    """Line N of the article with its English translation."""

    n: int
    fa: str
    en: str
    role: str = "body"


class Record(Slotted):
    """Fields every record has; `data` is the record exactly as stored in the KB."""

    id: str
    kind: str
    sources: tuple[Source, ...]
    data: Mapping[str, Any]

    _hidden: ClassVar[tuple[str, ...]] = ("data",)  # not in repr, ==, hash
    label_field: ClassVar[str] = "title"

    def text(self, name: str, lang: str = "en") -> str:
        """The `<name>_<lang>` text (lang en, fa or both), falling back to the other language."""
        en, fa = self.data.get(f"{name}_en"), self.data.get(f"{name}_fa")
        return pick("" if en is None else str(en), "" if fa is None else str(fa), lang)

    def label(self, lang: str = "en") -> str:
        """A short human name for the record, whatever its kind."""
        return self.text(self.label_field, lang) or self.text("summary", lang) or self.id

    @property
    def paragraphs(self) -> tuple[int, ...]:
        return tuple(sorted({s.paragraph for s in self.sources}))


class Document(Record):
    index: int = 0
    type: str = ""
    field: str = ""
    parties: tuple[Party, ...] = ()
    signed: DateValue | None = None

    def party(self, country: str) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.country == country)


class Trade(Record):
    year: int | None = None
    span_years: int = 1
    direction: str = "total"
    tonnes: int | None = None
    usd: int | None = None
    tonnes_growth_pct: float | None = None
    usd_growth_pct: float | None = None
    derived: bool = False
    formula: str | None = None
    derived_from: tuple[str, ...] = ()

    label_field: ClassVar[str] = "label"


class Resource(Record):
    rank: int | None = None
    rank_band: str | None = None

    label_field: ClassVar[str] = "resource"

    @property
    def sort_rank(self) -> int:
        """Exact ranks first; a band such as top-10 sorts at its upper bound."""
        if self.rank is not None:
            return self.rank
        digits = "".join(ch for ch in (self.rank_band or "") if ch.isdigit())
        return int(digits) if digits else 10_000


class Mission(Record):
    country: str = ""
    host_country: str = ""
    type: str = ""

    label_field: ClassVar[str] = "city"


class Person(Record):
    variants_fa: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None

    label_field: ClassVar[str] = "name"


class Organization(Record):
    country: str | None = None
    type: str = ""

    label_field: ClassVar[str] = "name"


class Event(Record):
    type: str = ""
    date: DateValue | None = None
    end_date: DateValue | None = None
    participants: tuple[str, ...] = ()


class Place(Record):
    type: str = ""

    label_field: ClassVar[str] = "name"


class Fact(Record):
    topic: str = ""


class Kind(Slotted):
    """One record kind, declared once: its name in the KB, its class, the prefix of its ids and
    the words people use for it (in --kind). Everything else that lists kinds derives from
    KIND_DECLARATIONS; data/kb.schema.json declares the same kinds (a test checks)."""

    name: str
    record_class: type[Record]
    id_prefix: str
    aliases: tuple[str, ...] = ()


KIND_DECLARATIONS: tuple[Kind, ...] = (
    Kind("document", Document, "doc", ("doc", "docs", "treaty", "treaties")),
    Kind("event", Event, "event"),
    Kind("trade", Trade, "trade"),
    Kind("resource", Resource, "res"),
    Kind("mission", Mission, "mission"),
    Kind("person", Person, "person", ("people", "persons")),
    Kind("organization", Organization, "org", ("org", "orgs", "organisation")),
    Kind("place", Place, "place"),
    Kind("fact", Fact, "fact"),
)
KINDS = tuple(kind.name for kind in KIND_DECLARATIONS)
RECORD_CLASSES: dict[str, type[Record]] = {k.name: k.record_class for k in KIND_DECLARATIONS}
ID_PREFIXES = frozenset(kind.id_prefix for kind in KIND_DECLARATIONS)
KIND_ALIASES = {alias: kind.name for kind in KIND_DECLARATIONS for alias in kind.aliases}

_DATE_FIELDS = set(fields(DateValue))


def _date(value: Any) -> DateValue | None:
    if value is None:
        return None
    return DateValue(**{k: v for k, v in value.items() if k in _DATE_FIELDS})


_CONVERTERS: dict[str, Any] = {
    "sources": lambda v: tuple(Source(s["paragraph"], s["quote"]) for s in v),
    "parties": lambda v: tuple(
        Party(p["country"], p["name_en"], p["name_fa"], p.get("org")) for p in v
    ),
    "roles": lambda v: tuple(Role(r["en"], r["fa"]) for r in v),
    "signed": _date,
    "date": _date,
    "end_date": _date,
    "variants_fa": tuple,
    "participants": tuple,
    "derived_from": tuple,
}


def record_from_dict(data: Mapping[str, Any]) -> Record:
    """Build the typed record for one KB dict (already schema-validated)."""
    cls = RECORD_CLASSES[data["kind"]]
    kwargs: dict[str, Any] = {"data": MappingProxyType(dict(data))}
    for name in fields(cls):
        if name == "data" or name not in data:
            continue
        value = data[name]
        convert = _CONVERTERS.get(name)
        kwargs[name] = convert(value) if convert and value is not None else value
    return cls(**kwargs)
