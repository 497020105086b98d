"""`kzir date`: convert a date typed in almost any form between Jalali and Gregorian."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import OutputOptions
from .help import examples
from .options import output_options

HELP = """Convert a date between the Jalali (Solar Hijri) and Gregorian calendars.

VALUE may be 1401-03-29, 1401/3/29, 2022-06-19, ۲۹ خرداد ۱۴۰۱, 29 Khordad 1401, Khordad 29, 1401,
19 June 2022, Jun 19 2022 or today; the calendar is detected from the year and the month name.
'kzir date year 1400' gives the first and last day of an Iranian year; 'kzir date year 2021' the
Iranian years a Gregorian year overlaps.

Supported range: Jalali 1300-01-01 to 1479-12-29 (21 March 1921 to 20 March 2101), where the
arithmetic calendar used here agrees with the official (astronomical) Solar Hijri calendar.
"""


@examples(("A Persian date", "kzir date ۲۵ آذر ۱۳۷۰"),
          ("A Gregorian date, written out in Persian", "kzir date 19 June 2022 --lang fa"),
          ("The Iranian years 2021 overlaps", "kzir date year 2021"),
          ("For a script", "kzir date 1401-03-29 --json"))
@output_options("lang", "calendar")
def date(
    out: OutputOptions,
    value: Annotated[list[str], typer.Argument(metavar="VALUE", help="The date (or: year Y).")],
    to: Annotated[str | None, typer.Option("--to", metavar="jalali|gregorian",
                                           help="Force the direction of conversion; the "
                                           "answer comes first.")] = None,
) -> None:
    from .. import dates
    from ..errors import UsageError
    from ..render.date_view import date_detail, year_detail
    from ..render.formats import emit_detail

    words = [w for w in value if w.strip()]
    if words and words[0].lower() == "year":
        if len(words) != 2:
            raise UsageError("'kzir date year' takes one year, e.g. 'kzir date year 1400'")
        from ..years import parse_year

        year, calendar = parse_year(words[1], label="year")
        spans = ([(year, *dates.jalali_year_span(year))] if calendar == "jalali"
                 else dates.gregorian_year_overlap(year))
        emit_detail(year_detail(year, calendar, spans, out.calendar, out.lang), out)
        return
    if to is not None:
        from ..options import normalise_calendar

        to = normalise_calendar(to)
        if to == "both":
            raise UsageError("--to must be jalali or gregorian")
    day, calendar = dates.parse_date(" ".join(words), to=to)
    emit_detail(date_detail(dates.describe(day, calendar), out.calendar, out.lang, first=to),
                out)


date.__doc__ = HELP
