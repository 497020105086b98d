"""Calendar arithmetic: one ``Day`` type that is both Jalali (Solar Hijri) and Gregorian, month
lengths, the supported range and the spans of years and months. No parsing, no KB.

Why a supported range: the conversions are jdatetime's (FarsiWeb's jalali.c), which places
Nowruz by a fixed 33-year cycle of leap years. Iran's official calendar is astronomical instead:
a year begins on the day whose noon at 52.5°E (Iran Standard Time, UTC+3:30) follows the March
equinox, so any arithmetic rule is right only for a while. kzir supports Jalali 1300-01-01 …
1479-12-29 = Gregorian 1921-03-21 … 2101-03-20 (``SUPPORTED``, computed with jdatetime below):
the span in which the official Nowruz table agrees with jdatetime, and the span of
tests/data/reference_dates.csv, whose pairs three independent libraries agree on. An independent
check (equinox times from PyEphem, noon at 52.5°E) finds the 33-year cycle right for every Nowruz
from 1200 to 1634; the closest call inside the span is 1470 (2091-03-21), whose equinox comes 11
minutes after 52.5°E noon, so a table using Tehran's own meridian (51.4°E) would say 2091-03-20.
Outside the span the CLI refuses with ``DateError`` rather than print a date that may be a day
off; the arithmetic itself (``Day.from_jalali``, ``Day.jalali``) is not limited, so tests and
tools can still use it there.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime
import functools
from typing import Final, Literal, TypeAlias

import jdatetime

from kzir.dates.months import GREGORIAN_MONTHS_EN, MONTHS_EN_TRANSLIT, MONTHS_FA
from kzir.errors import DateError
from kzir.numerals import to_persian_digits
from kzir.slotted import Slotted

Calendar: TypeAlias = Literal["jalali", "gregorian"]

CALENDARS: Final[tuple[Calendar, Calendar]] = ("jalali", "gregorian")

# Indexed by datetime.date.weekday() (Monday = 0). Persian spellings avoid ZWNJ like the article.
WEEKDAYS_EN: Final[tuple[str, ...]] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
WEEKDAYS_FA: Final[tuple[str, ...]] = (
    "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه",
)  # fmt: skip

# --------------------------------------------------------------------------- arithmetic


def is_jalali_leap(year: int) -> bool:
    """Whether Esfand of ``year`` has 30 days, by jdatetime's rule (valid in the supported span)."""
    return bool(jdatetime.date(year, 1, 1).isleap())


def jalali_month_length(year: int, month: int) -> int:
    """Days in a Jalali month: 31 in months 1–6, 30 in 7–11, Esfand 29 or 30 in leap years."""
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_jalali_leap(year) else 29


def gregorian_month_length(year: int, month: int) -> int:
    """Days in a Gregorian month, from the standard library's own calendar (which, unlike date
    arithmetic into the next month, also answers for December 9999)."""
    return stdlib_calendar.monthrange(year, month)[1]


def iso(year: int, month: int, day: int) -> str:
    """Zero-padded ``YYYY-MM-DD``, the KB's and ISO 8601's form, in either calendar."""
    return f"{year:04d}-{month:02d}-{day:02d}"


def invalid_part(calendar: Calendar, year: int, month: int, day: int) -> tuple[str, str] | None:
    """Which part of (year, month, day) does not exist in ``calendar`` and why, in words.

    Returns ``("day", "Khordad has 31 days")`` and the like, or None for a real day. The part
    is named so a message can say "no such day" rather than the vaguer "invalid" or "ambiguous".
    """
    top = jdatetime.MAXYEAR if calendar == "jalali" else datetime.MAXYEAR
    if not 1 <= year <= top:
        return "year", f"year must be 1–{top}"
    if not 1 <= month <= 12:
        return "month", "month must be 1–12"
    if day < 1:
        return "day", "day must be 1 or more"
    if calendar == "gregorian":
        length = gregorian_month_length(year, month)
        if day > length:
            return "day", f"{GREGORIAN_MONTHS_EN[month - 1]} {year} has {length} days"
        return None
    length = jalali_month_length(year, month)
    if day <= length:
        return None
    if month == 12:
        if is_jalali_leap(year):
            return "day", f"Esfand {year} has 30 days"
        return "day", f"{year} is not a leap year: Esfand {year} has 29 days"
    return "day", f"{MONTHS_EN_TRANSLIT[month - 1]} has {length} days"


def validate(calendar: Calendar, year: int, month: int, day: int) -> None:
    """Raise ``DateError`` for a non-day: "no such day: Khordad has 31 days (Jalali 1401-03-32)"."""
    found = invalid_part(calendar, year, month, day)
    if found:
        part, reason = found
        raise DateError(
            f"no such {part}: {reason} ({calendar.capitalize()} {iso(year, month, day)})"
        )


def from_parts(calendar: Calendar, year: int, month: int, day: int) -> Day:
    """A day from its parts in either calendar; ``DateError`` says why when it does not exist."""
    if calendar == "jalali":
        return Day.from_jalali(year, month, day)
    return Day.from_gregorian(year, month, day)


@functools.total_ordering
class Day(Slotted):
    """One calendar day, stored once (as Gregorian) so both calendars always agree."""

    gregorian: datetime.date

    def __lt__(self, other: Day) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.gregorian < other.gregorian

    @classmethod
    def from_gregorian(cls, year: int, month: int, day: int) -> Day:
        """Build from Gregorian parts; ``DateError`` says why when the day does not exist."""
        validate("gregorian", year, month, day)
        return cls(datetime.date(year, month, day))

    @classmethod
    def from_jalali(cls, year: int, month: int, day: int) -> Day:
        """Build from Jalali parts via jdatetime; no range check (see ``check_range``)."""
        validate("jalali", year, month, day)
        return cls(jdatetime.date(year, month, day).togregorian())

    @classmethod
    def today(cls) -> Day:
        """The local system date."""
        return cls(datetime.date.today())

    @property
    def jalali(self) -> tuple[int, int, int]:
        """(year, month, day) in the Solar Hijri calendar, by jdatetime's arithmetic."""
        j = jdatetime.date.fromgregorian(date=self.gregorian)
        return (j.year, j.month, j.day)

    @property
    def jalali_iso(self) -> str:
        """Jalali as zero-padded ``YYYY-MM-DD``, the KB's format."""
        return iso(*self.jalali)

    @property
    def gregorian_iso(self) -> str:
        """Gregorian as ISO 8601 ``YYYY-MM-DD``."""
        return self.gregorian.isoformat()

    @property
    def weekday_en(self) -> str:
        """English weekday name, e.g. "Sunday"."""
        return WEEKDAYS_EN[self.gregorian.weekday()]

    @property
    def weekday_fa(self) -> str:
        """Persian weekday name, e.g. «یکشنبه»."""
        return WEEKDAYS_FA[self.gregorian.weekday()]

    @property
    def written_fa(self) -> str:
        """How a Persian text writes the day: «یکشنبه ۲۹ خرداد ۱۴۰۱»."""
        y, m, d = self.jalali
        return to_persian_digits(f"{self.weekday_fa} {d} {MONTHS_FA[m - 1]} {y}")

    @property
    def written_en(self) -> str:
        """English long form of the Gregorian day: "Sunday 19 June 2022"."""
        g = self.gregorian
        return f"{self.weekday_en} {g.day} {GREGORIAN_MONTHS_EN[g.month - 1]} {g.year}"

    @property
    def written_jalali_en(self) -> str:
        """The Jalali day in Latin letters: "29 Khordad 1401"."""
        y, m, d = self.jalali
        return f"{d} {MONTHS_EN_TRANSLIT[m - 1]} {y}"


# --------------------------------------------------------------------------- supported range

SUPPORTED_JALALI_YEARS: Final = (1300, 1479)
SUPPORTED_FIRST: Final[Day] = Day.from_jalali(SUPPORTED_JALALI_YEARS[0], 1, 1)
SUPPORTED_LAST: Final[Day] = Day.from_jalali(
    SUPPORTED_JALALI_YEARS[1], 12, jalali_month_length(SUPPORTED_JALALI_YEARS[1], 12)
)
SUPPORTED: Final[tuple[Day, Day]] = (SUPPORTED_FIRST, SUPPORTED_LAST)
SUPPORTED_TEXT: Final = (
    f"Jalali {SUPPORTED_FIRST.jalali_iso} – {SUPPORTED_LAST.jalali_iso}"
    f" = Gregorian {SUPPORTED_FIRST.gregorian_iso} – {SUPPORTED_LAST.gregorian_iso}"
)


def in_range(value: Day | datetime.date) -> bool:
    """Whether a day lies inside the supported span."""
    g = value.gregorian if isinstance(value, Day) else value
    return SUPPORTED_FIRST.gregorian <= g <= SUPPORTED_LAST.gregorian


def check_range(value: Day | datetime.date, label: str | None = None) -> Day:
    """Return the day, or raise ``DateError`` naming the supported span in both calendars.

    ``label`` is how the day is shown in the message (default: its Gregorian ISO form).
    """
    day = value if isinstance(value, Day) else Day(value)
    if not in_range(day):
        what = label or f"Gregorian {day.gregorian_iso}"
        raise DateError(f"{what} is outside the supported range ({SUPPORTED_TEXT})")
    return day


def _check_jalali_year(year: int) -> None:
    low, high = SUPPORTED_JALALI_YEARS
    if not low <= year <= high:
        raise DateError(f"Jalali year {year} is outside the supported range ({SUPPORTED_TEXT})")


# --------------------------------------------------------------------------- spans


def jalali_year_span(year: int) -> tuple[Day, Day]:
    """First and last day (Nowruz … end of Esfand) of an Iranian year inside the supported span."""
    _check_jalali_year(year)
    return Day.from_jalali(year, 1, 1), Day.from_jalali(year, 12, jalali_month_length(year, 12))


def jalali_month_span(year: int, month: int) -> tuple[Day, Day]:
    """First and last day of a Jalali month inside the supported span."""
    _check_jalali_year(year)
    if not 1 <= month <= 12:
        raise DateError(f"Jalali {year}-{month:02d} does not exist; month must be 1–12")
    return Day.from_jalali(year, month, 1), Day.from_jalali(
        year, month, jalali_month_length(year, month)
    )


def gregorian_month_span(year: int, month: int) -> tuple[Day, Day]:
    """First and last day of a Gregorian month, refused unless wholly inside the supported span."""
    if not 1 <= month <= 12:
        raise DateError(f"Gregorian {year}-{month:02d} does not exist; month must be 1–12")
    label = f"Gregorian {year}-{month:02d}"
    if not 1 <= year <= datetime.MAXYEAR:
        raise DateError(f"{label} is outside the supported range ({SUPPORTED_TEXT})")
    first = Day.from_gregorian(year, month, 1)
    last = Day.from_gregorian(year, month, gregorian_month_length(year, month))
    check_range(first, label)
    check_range(last, label)
    return first, last


def gregorian_year_span(year: int) -> tuple[Day, Day]:
    """1 January … 31 December, refused unless wholly inside the supported span."""
    label = f"Gregorian year {year}"
    if not 1 <= year <= datetime.MAXYEAR:
        raise DateError(f"{label} is outside the supported range ({SUPPORTED_TEXT})")
    first, last = Day.from_gregorian(year, 1, 1), Day.from_gregorian(year, 12, 31)
    check_range(first, label)
    check_range(last, label)
    return first, last


def gregorian_year_overlap(year: int) -> list[tuple[int, Day, Day]]:
    """The Iranian years that overlap a Gregorian year, each with its full (first, last) span.

    Every Gregorian year meets exactly two Iranian years (Nowruz falls in March), so the
    Gregorian years whose neighbours are both supported are 1922–2100.
    """
    outside = DateError(f"Gregorian year {year} is outside the supported range ({SUPPORTED_TEXT})")
    if not 1 <= year <= datetime.MAXYEAR:
        raise outside
    jan1, dec31 = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if not (in_range(jan1) or in_range(dec31)):
        raise outside
    low, high = SUPPORTED_JALALI_YEARS
    out: list[tuple[int, Day, Day]] = []
    for jy in range(Day(jan1).jalali[0], Day(dec31).jalali[0] + 1):
        if not low <= jy <= high:
            raise DateError(
                f"Gregorian year {year} overlaps Jalali {jy}, outside the supported range"
                f" ({SUPPORTED_TEXT})"
            )
        out.append((jy, *jalali_year_span(jy)))
    return out
