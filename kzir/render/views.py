"""The table views of each command: which columns, in which language and calendar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Document, Trade
from ..options import OutputOptions
from .view import Column, Listing


def _party(country: str):  # noqa: ANN202 - returns a column getter
    def get(doc: Document, opts: OutputOptions) -> str:
        return "; ".join(getattr(p, f"name_{opts.lang}") for p in doc.party(country))

    return get


def treaties_listing(docs: Sequence[Document]) -> Listing:
    return Listing(
        items=docs,
        title="Cooperation documents signed during the state visit, June 2022",
        columns=[
            Column("index", "#", lambda d, o: d.index, align="right"),
            Column("title", "Title", lambda d, o: d.text("title", o.lang), header_fa="عنوان"),
            Column("party_ir", "Iranian party", _party("IR"), header_fa="طرف ایرانی"),
            Column("party_kz", "Kazakh party", _party("KZ"), header_fa="طرف قزاقستانی"),
            Column("field", "Field", lambda d, o: d.field, header_fa="حوزه"),
        ],
        empty_message="no documents match",
    )


_QUALIFIER_MARK = {"nearly": "≈", "approximately": "≈", "more than": ">"}
_DIRECTION_EN = {"total": "total", "export": "Iran → KZ (export)", "import": "KZ → Iran (import)"}
_DIRECTION_FA = {"total": "کل", "export": "صادرات ایران", "import": "واردات از قزاقستان"}


def _amount(field: str):  # noqa: ANN202 - returns a column getter
    def get(t: Trade, opts: OutputOptions) -> str:
        value = getattr(t, field)
        if value is None:
            return ""
        mark = _QUALIFIER_MARK.get(t.data.get(f"{field}_qualifier") or "", "")
        return f"{mark}{value:,}"

    return get


def _growth(field: str):  # noqa: ANN202 - returns a column getter
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
                   lambda t, o: (_DIRECTION_FA if o.lang == "fa" else _DIRECTION_EN)[t.direction],
                   header_fa="جهت"),
            Column("tonnes", "Tonnes", _amount("tonnes"), align="right", header_fa="تن"),
            Column("usd", "USD", _amount("usd"), align="right", header_fa="دلار"),
            Column("tonnes_growth_pct", "Weight growth", _growth("tonnes_growth_pct"),
                   align="right", header_fa="رشد وزنی"),
            Column("usd_growth_pct", "Value growth", _growth("usd_growth_pct"), align="right",
                   header_fa="رشد ارزشی"),
            Column("basis", "Basis",
                   lambda t, o: "derived" if t.derived else "stated", header_fa="مبنا"),
        ],
        notes=(["derived rows are computed from the 1400 growth rates (see `kzir show ID`)"]
               if any(t.derived for t in rows) else []),
        empty_message="no trade figures match",
    )
