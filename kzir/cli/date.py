"""`kzir date`: convert a date typed in almost any form between Jalali and Gregorian."""

from __future__ import annotations

from ..options import OutputOptions
from .help import examples
from .options import output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

    from ..render.viewmodel import Detail

HELP = """Convert a date between the Jalali (Solar Hijri) and Gregorian calendars.

VALUE may be a day: 1401-03-29, 1401/3/29, 14010329, 29/03/1401, 2022-06-19, 25/03/2022,
۲۹ خرداد ۱۴۰۱, 29 Khordad 1401, Khordad 29 1401, 1401 Khordad 29, 19 June 2022, Jun 19 2022,
2022 June 19, today, yesterday, tomorrow (امروز, دیروز, فردا); a month: Khordad 1401, خرداد ۱۴۰۱,
1401-03, June 2022; or a year: 1401, 2022. A month or a year prints its first and last day, like
'kzir date year'. Digits may be ASCII, Persian (۱۴۰۱) or Arabic-Indic (١٤٠١).

The calendar comes from the month name (Jalali months in Persian or any common Latin spelling:
Khordad, Khordaad, Xordad, Khurdad, Mihr, Isfand, Day, Āzar ...), else from the year: 1200-1599 is
Jalali, 1800-2299 Gregorian. An era word (AP, ش, AD, میلادی) or --to may state it too.

Numbers with the year last are read day first (29/03/1401); a number over 12 cannot be a month,
so 25/03/2022 and 03/25/2022 are both 25 March 2022. When both readings are real days
(05/06/2022) the date is refused as ambiguous: write the year first or the month as a word.

Two-digit years need the calendar from a month name, an era word or --to: 00-49 are 1400-1449 or
2000-2049, 50-99 are 1350-1399 or 1950-1999 (29 Khordad 01 = 1401-03-29, 19 June 22 = 2022-06-19).

'kzir date year 1400' gives the first and last day of an Iranian year; 'kzir date year 2021' the
Iranian years a Gregorian year overlaps.

Supported range: Jalali 1300-01-01 to 1479-12-29 (21 March 1921 to 20 March 2101), where the
arithmetic calendar used here agrees with the official (astronomical) Solar Hijri calendar.
"""


def _year_view(year: int, calendar: str, out: OutputOptions) -> Detail:
    """The first and last day of an Iranian year, or the Iranian years a Gregorian one overlaps."""
    from .. import dates
    from ..render.date_view import year_detail

    spans = ([(year, *dates.jalali_year_span(year))] if calendar == "jalali"
             else dates.gregorian_year_overlap(year))
    return year_detail(year, calendar, spans, out.calendar, out.lang)


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
    from ..render.date_view import date_detail
    from ..render.formats import emit_detail

    words = [w for w in value if w.strip()]
    if words and words[0].lower() == "year":
        if len(words) != 2:
            raise UsageError("'kzir date year' takes one year, e.g. 'kzir date year 1400'")
        from ..years import parse_year

        year, calendar = parse_year(words[1], label="year")
        _check_direction(words[1], calendar, _direction(to))
        emit_detail(_year_view(year, calendar, out), out)
        return
    to = _direction(to)
    span = dates.read_date(" ".join(words), to=to)
    if span.precision != "day":
        _check_direction(" ".join(words), span.calendar, to)
    if span.precision == "year":
        emit_detail(_year_view(span.year, span.calendar, out), out)
    elif span.precision == "month":
        from ..render.date_view import month_detail

        emit_detail(month_detail(dates.describe_month(span), out.calendar, out.lang, first=to),
                    out)
    else:
        emit_detail(date_detail(dates.describe(span.first, span.calendar), out.calendar,
                                out.lang, first=to), out)


def _direction(to: str | None) -> str | None:
    """--to as a calendar name (jalali or gregorian), or None."""
    if to is None:
        return None
    from ..errors import UsageError
    from ..options import normalise_calendar

    chosen = normalise_calendar(to)
    if chosen == "both":
        raise UsageError("--to must be jalali or gregorian")
    return chosen


def _check_direction(text: str, calendar: str, to: str | None) -> None:
    """A month or year already in the --to calendar is refused, as a day is."""
    if to is not None and to == calendar:
        from ..errors import UsageError

        other = "Gregorian" if to == "jalali" else "Jalali"
        raise UsageError(f"'{text}' is a {calendar.capitalize()} date, but converting to "
                         f"{to.capitalize()} needs a {other} date")


date.__doc__ = HELP
