"""Read a year as people type it (1400, ۱۴۰۰, 99, 2021) and map it to Iranian years."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import NotFoundError, UsageError
from .numerals import parse_int, to_ascii_digits


def parse_year(text: str, label: str = "--year") -> tuple[int, str]:
    """(year, calendar): two digits are the article's short Iranian years (99 = 1399, 00 = 1400)."""
    year = parse_int(text, name=label, low=0, high=9999, example="1400, ۱۴۰۰ or 2021")
    if len(to_ascii_digits(text).strip()) == 2:
        return (1300 + year if year >= 50 else 1400 + year), "jalali"
    if 1200 <= year <= 1599:
        return year, "jalali"
    if 1800 <= year <= 2299:
        return year, "gregorian"
    raise UsageError(f"{label} {text} is neither an Iranian year (1200-1599) nor a Gregorian "
                     "one (1800-2299)")


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
