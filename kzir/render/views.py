"""The table views of each command: which columns, in which language and calendar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Document, Trade
from ..options import OutputOptions, pick
from .view import ID_COLUMN, Column, Listing


def _party(country: str):
    def get(doc: Document, opts: OutputOptions) -> str:
        return "; ".join(pick(p.name_en, p.name_fa, opts.lang) for p in doc.party(country))

    return get


def treaties_listing(docs: Sequence[Document]) -> Listing:
    return Listing(
        items=docs,
        title="Cooperation documents signed during Tokayev's visit, June 2022",
        columns=[
            Column("index", "#", lambda d, o: d.index, align="right"),
            Column("title", "Title", lambda d, o: d.text("title", o.lang), header_fa="عنوان"),
            Column("party_ir", "Iranian party", _party("IR"), header_fa="طرف ایرانی"),
            Column("party_kz", "Kazakh party", _party("KZ"), header_fa="طرف قزاقستانی"),
            Column("field", "Field", lambda d, o: d.field, header_fa="حوزه"),
        ],
        empty_message="no documents match",
    )


_BASIS = {"stated": "تصریح‌شده", "derived": "محاسبه‌شده", "inferred": "استنباطی"}


def basis(value: str, lang: str) -> str:
    """How a value is known (stated, derived, inferred), in the chosen language."""
    return pick(value, _BASIS.get(value, value), lang)


_QUALIFIER_MARK = {"nearly": "≈", "approximately": "≈", "more than": ">"}
_DIRECTION_EN = {"total": "total", "export": "Iran → KZ (export)", "import": "KZ → Iran (import)"}
_DIRECTION_FA = {"total": "کل", "export": "صادرات ایران", "import": "واردات از قزاقستان"}


def _amount(field: str):
    def get(t: Trade, opts: OutputOptions) -> str:
        value = getattr(t, field)
        if value is None:
            return ""
        mark = _QUALIFIER_MARK.get(t.data.get(f"{field}_qualifier") or "", "")
        return f"{mark}{value:,}"

    return get


def _growth(field: str):
    def get(t: Trade, opts: OutputOptions) -> str:
        value = getattr(t, field)
        return "" if value is None else f"{value:+g}%"

    return get


def _trade_year(t: Trade, opts: OutputOptions) -> str:
    if t.year is None:
        return f"{t.span_years} years"
    period: Any = t.data.get("period")
    if period and opts.calendar != "jalali":
        from .records import format_date

        return format_date(period, opts.calendar)
    return str(t.year)


def trade_listing(rows: Sequence[Trade]) -> Listing:
    return Listing(
        items=rows,
        title="Iran–Kazakhstan trade (Iran's Customs, paragraphs 25–28)",
        columns=[
            Column("year", "Year", _trade_year, header_fa="سال"),
            Column("direction", "Direction",
                   lambda t, o: pick(_DIRECTION_EN[t.direction], _DIRECTION_FA[t.direction],
                                     o.lang),
                   header_fa="جهت"),
            Column("tonnes", "Tonnes", _amount("tonnes"), align="right", header_fa="تن"),
            Column("usd", "USD", _amount("usd"), align="right", header_fa="دلار"),
            Column("tonnes_growth_pct", "Weight growth", _growth("tonnes_growth_pct"),
                   align="right", header_fa="رشد وزنی"),
            Column("usd_growth_pct", "Value growth", _growth("usd_growth_pct"), align="right",
                   header_fa="رشد ارزشی"),
            Column("basis", "Basis",
                   lambda t, o: basis("derived" if t.derived else "stated", o.lang),
                   header_fa="مبنا"),
        ],
        notes=(["derived rows are computed from the 1400 growth rates (see `kzir show ID`)"]
               if any(t.derived for t in rows) else []),
        empty_message="no trade figures match",
    )


# ---------------------------------------------------------------- issue 3 listings

_COUNTRY = {"IR": ("Iran", "ایران"), "KZ": ("Kazakhstan", "قزاقستان"), None: ("—", "—")}


def country_name(code: str | None, lang: str) -> str:
    en, fa = _COUNTRY.get(code, (code or "", code or ""))
    return pick(en, fa, lang)


def _event_period(event: Any, opts: OutputOptions) -> str:
    from .records import format_period

    return format_period(event.date, event.end_date, opts.calendar)


def events_listing(rows: Sequence[Any], people: Mapping[str, Any], title: str) -> Listing:
    def who(event: Any, opts: OutputOptions) -> str:
        return ", ".join(people[p].text("name", opts.lang) if p in people else p
                         for p in event.participants)

    return Listing(
        items=rows,
        title=title,
        columns=[
            Column("date", "Date", _event_period, header_fa="تاریخ"),
            Column("type", "Type", lambda e, o: e.type, header_fa="نوع"),
            Column("title", "Event", lambda e, o: e.text("title", o.lang), header_fa="رویداد"),
            Column("place", "Place", lambda e, o: e.text("place", o.lang), header_fa="مکان"),
            Column("participants", "Participants", who, header_fa="شرکت‌کنندگان"),
            ID_COLUMN,
        ],
        notes=["~ marks a date inferred from context (see 'kzir show ID' for how)"]
        if any(e.date is not None and e.date.basis == "inferred" for e in rows) else [],
        empty_message="no events match",
    )


def resources_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Kazakhstan's underground resources: world rank (estimated, paragraph 35)",
        columns=[
            Column("rank", "Rank", lambda r, o: r.rank if r.rank is not None else r.rank_band,
                   align="right", header_fa="رتبه"),
            Column("resource", "Resource", lambda r, o: r.text("resource", o.lang),
                   header_fa="منبع"),
            ID_COLUMN,
        ],
        empty_message="no resources match",
    )


_MISSION_TYPE = {"embassy": ("embassy", "سفارت"), "consulate_general": ("consulate general",
                                                                         "سرکنسولگری")}


def missions_listing(rows: Sequence[Any]) -> Listing:
    def kind(m: Any, opts: OutputOptions) -> str:
        en, fa = _MISSION_TYPE.get(m.type, (m.type, m.type))
        return pick(en, fa, opts.lang)

    return Listing(
        items=rows,
        title="Diplomatic missions (paragraph 22)",
        columns=[
            Column("country", "Of", lambda m, o: country_name(m.country, o.lang),
                   header_fa="کشور"),
            Column("type", "Mission", kind, header_fa="نمایندگی"),
            Column("city", "City", lambda m, o: m.text("city", o.lang), header_fa="شهر"),
            Column("host_country", "In", lambda m, o: country_name(m.host_country, o.lang),
                   header_fa="میزبان"),
            Column("basis", "Basis", lambda m, o: basis(
                "inferred" if m.data.get("inferred") else "stated", o.lang), header_fa="مبنا"),
            ID_COLUMN,
        ],
        empty_message="no missions match",
    )


def people_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="People named in the article",
        columns=[
            Column("name", "Name", lambda p, o: p.text("name", o.lang), header_fa="نام"),
            Column("roles", "Roles", lambda p, o: "; ".join(pick(r.en, r.fa, o.lang)
                                                            for r in p.roles), header_fa="سمت‌ها"),
            Column("variants_fa", "Spellings in the article", lambda p, o: " | ".join(
                p.variants_fa), header_fa="املاها در متن"),
            ID_COLUMN,
        ],
    )


def organizations_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Organisations and forums",
        columns=[
            Column("name", "Name", lambda r, o: r.text("name", o.lang), header_fa="نام"),
            Column("country", "Country", lambda r, o: country_name(r.country, o.lang),
                   header_fa="کشور"),
            Column("type", "Type", lambda r, o: r.type, header_fa="نوع"),
            ID_COLUMN,
        ],
        empty_message="no organisations match",
    )


def _fact_text(fact: Any, opts: OutputOptions) -> str:
    text = fact.text("text", opts.lang)
    items = fact.data.get("items") or []
    if items:
        text += " — " + "; ".join(pick(str(i.get("en", "")), str(i.get("fa", "")), opts.lang)
                                  for i in items)
    borders = fact.data.get("borders") or []
    if borders and opts.lang != "fa":
        text += " — " + "; ".join(f"{b.get('direction')}: {b.get('country_en')}" for b in borders)
    return text


def facts_listing(rows: Sequence[Any], title: str) -> Listing:
    return Listing(
        items=rows,
        title=title,
        columns=[
            Column("title", "Topic", lambda f, o: f.text("title", o.lang), header_fa="موضوع"),
            Column("text", "Fact", _fact_text, header_fa="واقعیت"),
            Column("paragraphs", "¶", lambda f, o: ", ".join(map(str, f.paragraphs)),
                   align="right"),
            ID_COLUMN,
        ],
    )


def records_listing(rows: Sequence[Any]) -> Listing:
    """Any records: the columns every kind has."""
    return Listing(
        items=rows,
        title="Records",
        columns=[
            ID_COLUMN,
            Column("kind", "Kind", lambda r, o: r.kind),
            Column("label", "Label", lambda r, o: r.label(o.lang), header_fa="عنوان"),
            Column("paragraphs", "¶", lambda r, o: " ".join(map(str, r.paragraphs))),
            Column("summary", "Summary", lambda r, o: r.text("summary", o.lang),
                   header_fa="خلاصه"),
        ],
    )


def paragraphs_listing(rows: Sequence[Any]) -> Listing:
    return Listing(
        items=rows,
        title="Paragraphs of the article",
        to_json=lambda p: {"n": p.n, "fa": p.fa, "en": p.en, "role": p.role},
        columns=[
            Column("n", "¶", lambda p, o: p.n, align="right"),
            Column("role", "Role", lambda p, o: p.role),
            Column("fa", "Persian", lambda p, o: p.fa),
            Column("en", "English", lambda p, o: p.en),
        ],
    )
