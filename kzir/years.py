"""Read a year as people type it (1400, ۱۴۰۰, 99, 2021) and map it to Iranian years."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import NotFoundError, UsageError
from .numerals import parse_int, to_ascii_digits

# Which calendar a bare year is in: the one definition, also used by the date parser.
JALALI_YEAR_WINDOW = (1200, 1599)
GREGORIAN_YEAR_WINDOW = (1800, 2299)


def calendar_of_year(year: int) -> str | None:
    """'jalali' or 'gregorian' for a four-digit year inside a window, else None."""
    if JALALI_YEAR_WINDOW[0] <= year <= JALALI_YEAR_WINDOW[1]:
        return "jalali"
    if GREGORIAN_YEAR_WINDOW[0] <= year <= GREGORIAN_YEAR_WINDOW[1]:
        return "gregorian"
    return None


def parse_year(text: str, label: str = "--year") -> tuple[int, str]:
    """(year, calendar): two digits are the article's short Iranian years (99 = 1399, 00 = 1400)."""
    year = parse_int(text, name=label, low=0, high=9999, example="1400, ۱۴۰۰ or 2021")
    if len(to_ascii_digits(text).strip()) == 2:
        return (1300 + year if year >= 50 else 1400 + year), "jalali"
    calendar = calendar_of_year(year)
    if calendar is not None:
        return year, calendar
    (j_first, j_last), (g_first, g_last) = JALALI_YEAR_WINDOW, GREGORIAN_YEAR_WINDOW
    raise UsageError(f"{label} {text} is neither an Iranian year ({j_first}-{j_last}) nor a "
                     f"Gregorian one ({g_first}-{g_last})")


def resolve_trade_years(text: str, with_data: Sequence[int]) -> tuple[list[int], str | None]:
    """The Iranian years to show for --year, and a note for stderr when they were translated."""
    year, calendar = parse_year(text)
    if calendar == "jalali":
        if year not in with_data:
            have = ", ".join(map(str, with_data))
            raise NotFoundError(f"no trade figures for {year}", hint=f"years with data: {have}")
        return [year], None
    from .dates import gregorian_year_overlap

    spans = gregorian_year_overlap(year)
    described = " and ".join(
        f"{jy} ({first.gregorian_iso} – {last.gregorian_iso})" for jy, first, last in spans
    )
    shown = [jy for jy, _, _ in spans if jy in with_data]
    if not shown:
        have = ", ".join(map(str, with_data))
        raise NotFoundError(f"no trade figures for {year}: it overlaps Iranian years {described}",
                            hint=f"years with data: {have}")
    return shown, f"{year} is a Gregorian year; it overlaps Iranian years {described}; " \
                  f"showing {', '.join(map(str, shown))}"
