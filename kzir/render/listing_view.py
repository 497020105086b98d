"""The views of the listing commands: which columns, their raw values, displays and priorities.

Priorities (higher stays longer on a narrow terminal): the row's handle (number, id) and its
main value first, then the title, then details.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Document, Trade
from ..options import OutputOptions
from ..slotted import replace
from ..text import pick
from .cells import format_date, format_period, localise
from .labels import enum, phrase
from .viewmodel import ID_COLUMN, Column, Listing, text_column

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def _enum_column(key: str, header: str, group: str, attr: str | None = None, *,
                 priority: int = 50) -> Column:
    """A KB enumeration: its value for machines, its label (in the chosen language) for people."""
    name = attr or key
    return Column(key, header, lambda r, o: enum(group, getattr(r, name), o.lang),
                  raw=lambda r: getattr(r, name), kind="enum", priority=priority)


def _party(country: str):
    def get(doc: Document, opts: OutputOptions) -> str:
        return "; ".join(pick(p.name_en, p.name_fa, opts.lang) for p in doc.party(country))

    def raw(doc: Document) -> tuple[list[str], list[str]]:
        parties = doc.party(country)
        return [p.name_en for p in parties], [p.name_fa for p in parties]

    return get, raw


def _date_column(key: str, header: str, attr: str, *, priority: int = 80) -> Column:
    return Column(key, header, lambda r, o: format_date(getattr(r, attr), o.calendar),
                  raw=lambda r: r.data.get(attr), kind="date", priority=priority)


def treaties_listing(docs: Sequence[Document]) -> Listing:
    """Number, short title, field and id by default; full titles and parties via --fields."""
    ir, kz = _party("IR"), _party("KZ")
    return Listing(
        items=docs,
        title="Cooperation documents signed during Tokayev's visit, June 2022",
        columns=[
            Column("index", "#", lambda d, o: d.index, raw=lambda d: d.index, kind="number",
                   align="right", priority=95),
            text_column("short_title", "Short title", "short_title", priority=85),
            _enum_column("field", "Field", "field", priority=60),
            ID_COLUMN,
        ],
        extra_columns=[
            text_column("title", "Title", "title"),
            _enum_column("type", "Type", "document_type"),
            Column("party_ir", "Iranian party", ir[0], raw=ir[1], kind="bilingual"),
            Column("party_kz", "Kazakh party", kz[0], raw=kz[1], kind="bilingual"),
            _date_column("signed", "Signed", "signed"),
        ],
        empty_message="no documents match",
    )


def _amount(field: str):
    marks = {"nearly": "≈", "approximately": "≈", "about": "≈", "more than": ">"}

    def get(t: Trade, opts: OutputOptions) -> str:
        value = getattr(t, field)
        if value is None:
            return ""
        return f"{marks.get(t.data.get(f'{field}_qualifier') or '', '')}{value:,}"

    return get


def _growth(field: str):
    def get(t: Trade, opts: OutputOptions) -> str:
        value = getattr(t, field)
        return "" if value is None else f"{value:+g}%"

    return get


def _trade_year(t: Trade, opts: OutputOptions) -> str:
    if t.year is None:
        return phrase("{n} years", opts.lang, n=t.span_years)
    period: Any = t.data.get("period")
    return format_date(period, opts.calendar) if period else str(t.year)


def _number(field: str, header: str, display: Any, *, priority: int,
            companions: tuple[tuple[str, Any], ...] = ()) -> Column:
    return Column(field, header, display, raw=lambda r: getattr(r, field), kind="number",
                  align="right", priority=priority, companions=companions)


def trade_listing(rows: Sequence[Trade]) -> Listing:
    def qualifier(field: str):
        return lambda t: t.data.get(f"{field}_qualifier")

    return Listing(
        items=rows,
        title="Iran–Kazakhstan trade (Iran's Customs, paragraphs 25–28)",
        columns=[
            # people read the Iranian year with its Gregorian span; machines get the year,
            # the span as separate ISO dates, and how many years a total covers
            Column("year", "Year", _trade_year, raw=lambda t: t.data.get("period"), kind="date",
                   priority=95, companions=(("year", lambda t: t.year),
                                            ("span_years", lambda t: t.span_years))),
            _enum_column("direction", "Direction", "direction", priority=90),
            _number("tonnes", "Tonnes", _amount("tonnes"), priority=85,
                    companions=(("tonnes_qualifier", qualifier("tonnes")),)),
            _number("usd", "USD", _amount("usd"), priority=85,
                    companions=(("usd_qualifier", qualifier("usd")),)),
            _number("tonnes_growth_pct", "Weight growth", _growth("tonnes_growth_pct"),
                    priority=40),
            _number("usd_growth_pct", "Value growth", _growth("usd_growth_pct"), priority=40),
            Column("basis", "Basis", lambda t, o: enum("basis", _basis(t), o.lang), raw=_basis,
                   kind="enum", priority=60),
            replace(ID_COLUMN, priority=30),
        ],
        notes=(["derived rows are computed from the 1400 growth rates (see `kzir show ID`)"]
               if any(t.derived for t in rows) else []),
        empty_message="no trade figures match",
    )


def _basis(t: Trade) -> str:
    return "derived" if t.derived else "stated"


def _period_object(event: Any) -> Mapping[str, Any] | None:
    """An event's date, or its whole period when it has an end date (machines get both ends)."""
    start, end = event.data.get("date"), event.data.get("end_date")
    if not start or not end:
        return start
    return {side: f"{str(start[side]).split('/')[0]}/{str(end[side]).split('/')[-1]}"
            for side in ("jalali", "gregorian")} | {"precision": start.get("precision"),
                                                    "basis": start.get("basis")}


def events_listing(rows: Sequence[Any], people: Mapping[str, Any], title: str,
                   inferred: bool) -> Listing:
    """`people`: at least the participants of `rows` by id; `inferred`: whether an event of
    the listing (shown or not) has an inferred date, which the ~ note explains."""

    def who(event: Any, opts: OutputOptions) -> str:
        return ", ".join(people[p].text("name", opts.lang) if p in people else p
                         for p in event.participants)

    def who_raw(event: Any) -> tuple[list[str], list[str]]:
        en, fa = ([people[p].text("name", lang) if p in people else p for p in event.participants]
                  for lang in ("en", "fa"))
        return en, fa

    return Listing(
        items=rows,
        title=title,
        columns=[
            Column("date", "Date", lambda e, o: format_period(e.date, e.end_date, o.calendar),
                   raw=_period_object, kind="date", priority=95),
            _enum_column("type", "Type", "event_type", "type", priority=45),
            text_column("title", "Event", "title", priority=85),
            text_column("place", "Place", "place", priority=35),
            Column("participants", "Participants", who, raw=who_raw, kind="bilingual",
                   priority=30),
            ID_COLUMN,
        ],
        notes=["~ marks a date inferred from context (see 'kzir show ID' for how)"]
        if inferred else [],
        empty_message="no events match",
    )


def resources_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Kazakhstan's underground resources: world rank (estimated, paragraph 35)",
        columns=[
            Column("rank", "Rank", lambda r, o: r.rank if r.rank is not None
                   else enum("rank_band", r.rank_band, o.lang),
                   raw=lambda r: r.rank, kind="number", align="right", priority=95,
                   companions=(("rank_band", lambda r: r.rank_band),)),
            text_column("resource", "Resource", "resource", priority=85),
            ID_COLUMN,
        ],
        empty_message="no resources match",
    )


def _country(attr: str, header: str, *, priority: int) -> Column:
    return Column(attr, header, lambda r, o: enum("country", getattr(r, attr), o.lang) or "—",
                  raw=lambda r: getattr(r, attr), kind="enum", priority=priority)


def missions_listing(rows: Sequence[Any]) -> Listing:
    def basis(m: Any) -> str:
        return "inferred" if m.data.get("inferred") else "stated"

    return Listing(
        items=rows,
        title="Diplomatic missions (paragraph 22)",
        columns=[
            _country("country", "Of", priority=80),
            _enum_column("type", "Mission", "mission_type", priority=85),
            text_column("city", "City", "city", priority=85),
            _country("host_country", "In", priority=50),
            Column("basis", "Basis", lambda m, o: enum("basis", basis(m), o.lang), raw=basis,
                   kind="enum", priority=40),
            ID_COLUMN,
        ],
        empty_message="no missions match",
    )


def people_listing(rows: Sequence[Any]) -> Listing:
    def roles(p: Any, opts: OutputOptions) -> str:
        return "; ".join(pick(r.en, r.fa, opts.lang) for r in p.roles)

    return Listing(
        items=rows,
        title="People named in the article",
        columns=[
            text_column("name", "Name", "name", priority=95),
            Column("roles", "Roles", roles, raw=lambda p: ([r.en for r in p.roles],
                                                           [r.fa for r in p.roles]),
                   kind="bilingual", priority=40),
            Column("variants_fa", "Spellings in the article",
                   lambda p, o: " | ".join(p.variants_fa), raw=lambda p: list(p.variants_fa),
                   priority=60),
            ID_COLUMN,
        ],
    )


def organizations_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Organisations and forums",
        columns=[
            text_column("name", "Name", "name", priority=95),
            _country("country", "Country", priority=60),
            _enum_column("type", "Type", "organization_type", priority=50),
            ID_COLUMN,
        ],
        empty_message="no organisations match",
    )


def _fact_text(fact: Any, lang: str) -> str:
    text = fact.text("text", lang)
    items = fact.data.get("items") or []
    if items:
        text += " — " + "; ".join(pick(str(i.get("en", "")), str(i.get("fa", "")), lang)
                                  for i in items)
    borders = fact.data.get("borders") or []
    if borders:
        text += " — " + "; ".join(
            pick(f"{b.get('direction')}: {b.get('country_en')}", str(b.get("country_fa", "")),
                 lang) for b in borders)
    return text


def _paragraphs_column(*, priority: int = 70) -> Column:
    return Column("paragraphs", "¶", lambda r, o: ", ".join(map(str, r.paragraphs)),
                  raw=lambda r: list(r.paragraphs), kind="number", align="right",
                  priority=priority)


def facts_listing(rows: Sequence[Any], title: str) -> Listing:
    return Listing(
        items=rows,
        title=title,
        columns=[
            text_column("title", "Topic", "title", priority=60),
            Column("text", "Fact", lambda f, o: _fact_text(f, o.lang),
                   raw=lambda f: (_fact_text(f, "en"), _fact_text(f, "fa")), kind="bilingual",
                   priority=85),
            _paragraphs_column(),
            ID_COLUMN,
        ],
    )


def records_listing(rows: Sequence[Any]) -> Listing:
    """Every field of the records, as stored: what `kzir export` writes as CSV/TSV."""
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row.data if k not in keys)
    return Listing(items=rows, title="Records", columns=[_field(k, rows) for k in keys])


def _field(key: str, rows: Sequence[Any]) -> Column:
    from .cells import is_date

    values = [r.data.get(key) for r in rows if r.data.get(key) is not None]
    kind = "date" if values and all(is_date(v) for v in values) else "text"
    return Column(key, key, lambda r, o: r.data.get(key), raw=lambda r: r.data.get(key),
                  kind=kind)


def paragraphs_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Paragraphs of the article",
        to_json=lambda p: {"n": p.n, "fa": p.fa, "en": p.en, "role": p.role},
        columns=[
            Column("n", "¶", lambda p, o: p.n, raw=lambda p: p.n, kind="number", align="right"),
            Column("role", "Role", lambda p, o: enum("paragraph_role", p.role, o.lang),
                   raw=lambda p: p.role, kind="enum"),
            Column("fa", "Persian", lambda p, o: p.fa, raw=lambda p: p.fa),
            Column("en", "English", lambda p, o: p.en, raw=lambda p: p.en),
        ],
    )


def gaps_note(gaps: Sequence[Any], lang: str = "en") -> str | None:
    """One line naming the periods whose export + import are not their total (query.TradeGap),
    in the chosen language (--lang both gives English)."""
    if not gaps:
        return None
    fa = lang == "fa"
    units = {"tonnes": "تن", "usd": "دلار"} if fa else {"tonnes": "t", "usd": "USD"}
    joiner = " و " if fa else " and "
    periods: dict[tuple[Any, int], list[Any]] = {}
    for gap in gaps:
        periods.setdefault((gap.year, gap.span_years), []).append(gap)
    parts = []
    for (year, span), same in periods.items():
        derived = any(g.derived for g in same)
        sums = joiner.join(f"{g.parts:,} {units[g.measure]}" for g in same)
        totals = joiner.join(f"{g.total:,} {units[g.measure]}" for g in same)
        if fa:
            name = f"سال {year}" if year is not None else f"ارقام {span} ساله"
            name += " (محاسبه شده)" if derived else ""
            parts.append(f"{name}: صادرات + واردات = {sums}، اما کل {totals} است")
        else:
            name = str(year) if year is not None else f"the {span}-year figures"
            name += " (derived)" if derived else ""
            parts.append(f"{name}: export + import = {sums}, but the total says {totals}")
    if fa:
        return localise("جمع اجزا با کل نمی‌خواند: " + "؛ ".join(parts)
                        + " (نگاه کنید به kzir check --category arithmetic)", lang)
    return "parts do not add up: " + "; ".join(parts) + " (see kzir check --category arithmetic)"
