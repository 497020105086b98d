"""Jalali (Solar Hijri) and Gregorian dates for kzir: one ``Day`` type, a forgiving parser,
and helpers for the knowledge base's date objects.

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

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeAlias

import jdatetime

from kzir.errors import DateError, KbError, UsageError
from kzir.numerals import shown, to_ascii_digits, to_persian_digits

Calendar: TypeAlias = Literal["jalali", "gregorian"]
DateObject: TypeAlias = dict[str, Any]
"""A KB date object: ``jalali``, ``gregorian``, ``precision`` (day|month|year) and extras."""

CALENDARS: Final[tuple[Calendar, Calendar]] = ("jalali", "gregorian")

MONTHS_FA: Final[tuple[str, ...]] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
MONTHS_EN_TRANSLIT: Final[tuple[str, ...]] = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)  # fmt: skip
GREGORIAN_MONTHS_EN: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Indexed by datetime.date.weekday() (Monday = 0). Persian spellings avoid ZWNJ like the article.
WEEKDAYS_EN: Final[tuple[str, ...]] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
WEEKDAYS_FA: Final[tuple[str, ...]] = (
    "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه",
)  # fmt: skip

# Numeric dates carry no month name, so the year decides the calendar. The windows do not
# overlap and each covers its part of the supported range with room for typos to be caught.
JALALI_YEAR_WINDOW: Final = (1200, 1599)
GREGORIAN_YEAR_WINDOW: Final = (1800, 2299)

_EXAMPLES: Final = "try 1401-03-29, 29 Khordad 1401, 19 June 2022, ۲۹ خرداد ۱۴۰۱"
_BOUND_EXAMPLES: Final = "try 1401, 1401-03, Khordad 1401, 2022, 2022-06, 1401-03-29, 19 June 2022"


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
    """Days in a Gregorian month, from the standard library's own calendar."""
    nxt = datetime.date(year + 1, 1, 1) if month == 12 else datetime.date(year, month + 1, 1)
    return (nxt - datetime.date(year, month, 1)).days


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _invalid_reason(calendar: Calendar, year: int, month: int, day: int) -> str | None:
    """Why (year, month, day) is not a date in ``calendar``, in words; None when it is one."""
    top = jdatetime.MAXYEAR if calendar == "jalali" else datetime.MAXYEAR
    if not 1 <= year <= top:
        return f"year must be 1–{top}"
    if not 1 <= month <= 12:
        return "month must be 1–12"
    if day < 1:
        return "day must be 1 or more"
    if calendar == "gregorian":
        length = gregorian_month_length(year, month)
        if day > length:
            return f"{GREGORIAN_MONTHS_EN[month - 1]} {year} has {length} days"
        return None
    length = jalali_month_length(year, month)
    if day <= length:
        return None
    if month == 12:
        if is_jalali_leap(year):
            return f"Esfand {year} has 30 days"
        return f"{year} is not a leap year: Esfand {year} has 29 days"
    return f"{MONTHS_EN_TRANSLIT[month - 1]} has {length} days"


def _validate(calendar: Calendar, year: int, month: int, day: int) -> None:
    reason = _invalid_reason(calendar, year, month, day)
    if reason:
        raise DateError(
            f"{calendar.capitalize()} {_iso(year, month, day)} does not exist; {reason}"
        )


@dataclass(frozen=True, slots=True, order=True)
class Day:
    """One calendar day, stored once (as Gregorian) so both calendars always agree."""

    gregorian: datetime.date

    @classmethod
    def from_gregorian(cls, year: int, month: int, day: int) -> Day:
        """Build from Gregorian parts; ``DateError`` says why when the day does not exist."""
        _validate("gregorian", year, month, day)
        return cls(datetime.date(year, month, day))

    @classmethod
    def from_jalali(cls, year: int, month: int, day: int) -> Day:
        """Build from Jalali parts via jdatetime; no range check (see ``check_range``)."""
        _validate("jalali", year, month, day)
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
        return _iso(*self.jalali)

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


# --------------------------------------------------------------------------- parsing


def _normalise(text: str) -> str:
    """Fold the spelling variants users type into one form the patterns below expect.

    ASCII digits; Persian letters instead of Arabic look-alikes (ي ى → ی, ك → ک, ة ۀ → ه,
    أ إ آ → ا); no ZWNJ, tatweel or harakat; lower case; commas as spaces; single spaces.
    """
    text = to_ascii_digits(text)
    text = text.translate(_LETTERS)
    text = _DROP.sub("", text)
    text = text.lower().replace(",", " ").replace("،", " ")
    return " ".join(text.split()).rstrip(".")


_LETTERS: Final = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه",
                                 "أ": "ا", "إ": "ا", "آ": "ا"})  # fmt: skip
# ZWNJ, ZWJ, LRM/RLM and bidi embeddings, tatweel, harakat and hamza/superscript alef marks.
_DROP: Final = re.compile(
    "[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640\u064b-\u065f\u0670]"
)


def _month_aliases() -> dict[str, tuple[Calendar, int]]:
    """Every accepted month spelling (normalised, spaces removed) → (calendar, month number)."""
    table: dict[str, tuple[Calendar, int]] = {}
    jalali_extra = {5: ["amordad", "امرداد"], 10: ["dei"], 12: ["espand", "اسپند"]}
    for n in range(1, 13):
        for name in [MONTHS_FA[n - 1], MONTHS_EN_TRANSLIT[n - 1], *jalali_extra.get(n, [])]:
            _add_alias(table, name, ("jalali", n))
    gregorian_fa = [
        ["ژانویه"], ["فوریه"], ["مارس"], ["آوریل"], ["مه", "می"], ["ژوئن"],
        ["ژوئیه", "جولای"], ["اوت", "آگوست"], ["سپتامبر"], ["اکتبر"], ["نوامبر"], ["دسامبر"],
    ]  # fmt: skip
    for n in range(1, 13):
        full = GREGORIAN_MONTHS_EN[n - 1]
        for name in [full, full[:3], *(["sept"] if n == 9 else []), *gregorian_fa[n - 1]]:
            _add_alias(table, name, ("gregorian", n))
    return table


def _add_alias(
    table: dict[str, tuple[Calendar, int]], name: str, value: tuple[Calendar, int]
) -> None:
    """Refuse (at import) a spelling that would name two different months."""
    key = _key(name)
    if table.get(key, value) != value:
        raise ValueError(f"month alias {name!r} is ambiguous: {table[key]} and {value}")
    table[key] = value


def _key(word: str) -> str:
    return _normalise(word).replace(" ", "").rstrip(".")


_MONTHS: Final = _month_aliases()
_MAH: Final = _key("ماه")

_WEEKDAY_PATTERNS: Final[tuple[tuple[str, int], ...]] = (
    # (regex on normalised text, datetime.weekday()); longest alternatives first.
    (r"monday|mon", 0), (r"tuesday|tues|tue", 1), (r"wednesday|wed", 2),
    (r"thursday|thurs|thur|thu", 3), (r"friday|fri", 4), (r"saturday|sat", 5),
    (r"sunday|sun", 6),
    (r"یک ?شنبه", 6), (r"دو ?شنبه", 0), (r"سه ?شنبه", 1), (r"چهار ?شنبه", 2),
    (r"پنج ?شنبه", 3), (r"جمعه", 4), (r"شنبه", 5),
)  # fmt: skip
_WEEKDAY_RE: Final = re.compile(
    r"(?:روز )?(?P<wd>" + "|".join(f"(?:{p})" for p, _ in _WEEKDAY_PATTERNS) + r")\.? (?P<rest>.+)"
)

# Era words after the year; each one also states the calendar.
_ERAS: Final[dict[str, Calendar]] = {
    "هجری شمسی": "jalali", "شمسی": "jalali", "خورشیدی": "jalali", "ه.ش": "jalali",
    "ه.ش.": "jalali", "هش": "jalali", "ap": "jalali", "sh": "jalali",
    "میلادی": "gregorian", "ad": "gregorian", "ce": "gregorian",
}  # fmt: skip
_ERA_RE: Final = "|".join(re.escape(e) for e in sorted(_ERAS, key=len, reverse=True))

_Y: Final = r"(?P<y>[0-9]{4})"
_NUMERIC_YMD: Final = re.compile(
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    rf"(?: (?P<era>{_ERA_RE}))?"
)
_NUMERIC_DMY: Final = re.compile(r"[0-9]{1,2}([-/.])[0-9]{1,2}\1[0-9]{4}")
_DAY: Final = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_MONTH: Final = r"(?P<mon>[^\s0-9]+(?: ماه)?)"
_YEAR_TAIL: Final = rf"(?:سال )?{_Y}(?: (?P<era>{_ERA_RE}))?"
_NAMED_DMY: Final = re.compile(rf"{_DAY} (?:of )?{_MONTH} {_YEAR_TAIL}")
_NAMED_MDY: Final = re.compile(rf"{_MONTH} {_DAY} {_YEAR_TAIL}")
_NAMED_MY: Final = re.compile(rf"{_MONTH} {_YEAR_TAIL}")
_NUMERIC_YM: Final = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})")
_NUMERIC_Y: Final = re.compile(r"(?P<y>[0-9]{4})(?: (?P<era>" + _ERA_RE + "))?")
_TODAY: Final = frozenset({"today", "امروز"})


def _lookup_month(word: str) -> tuple[Calendar, int]:
    """Resolve a month word (with or without «ماه») or raise a DateError listing the names."""
    key = _key(word)
    if key in _MONTHS:
        return _MONTHS[key]
    if key.endswith(_MAH) and key[: -len(_MAH)] in _MONTHS:
        return _MONTHS[key[: -len(_MAH)]]
    raise DateError(
        f"unknown month name {shown(word)} (Jalali: Farvardin … Esfand, فروردین … اسفند;"
        " Gregorian: January … December, Jan … Dec)"
    )


def _calendar_of_year(year: int) -> Calendar | None:
    if JALALI_YEAR_WINDOW[0] <= year <= JALALI_YEAR_WINDOW[1]:
        return "jalali"
    if GREGORIAN_YEAR_WINDOW[0] <= year <= GREGORIAN_YEAR_WINDOW[1]:
        return "gregorian"
    return None


def _expected_input(to: str | None) -> Calendar | None:
    """The input calendar implied by ``to`` (the output direction)."""
    if to is None:
        return None
    if to == "gregorian":
        return "jalali"
    if to == "jalali":
        return "gregorian"
    raise UsageError(f"calendar must be 'jalali' or 'gregorian', not {shown(str(to))}")


def _resolve_calendar(
    text: str, year: int, named: Calendar | None, era: Calendar | None, expected: Calendar | None
) -> Calendar:
    """Pick the input calendar from month name, era word and year, and reconcile with ``to``."""
    by_year = _calendar_of_year(year)
    stated = named or era
    if named and era and named != era:
        raise DateError(
            f"{shown(text)} mixes a {named.capitalize()} month with a {era.capitalize()} era word"
        )
    if stated and by_year and stated != by_year:
        says = f"names a {stated.capitalize()} month" if named else f"says {stated.capitalize()}"
        raise DateError(f"{shown(text)} {says} but {year} looks like a {by_year.capitalize()} year")
    calendar = stated or by_year
    if calendar and expected and calendar != expected:
        raise DateError(
            f"{shown(text)} is a {calendar.capitalize()} date, but converting to"
            f" {_other(expected).capitalize()} needs a {expected.capitalize()} date"
        )
    calendar = calendar or expected
    if calendar is None:
        raise DateError(
            f"cannot tell the calendar of year {year}: numeric dates are read as Jalali for years"
            f" {JALALI_YEAR_WINDOW[0]}–{JALALI_YEAR_WINDOW[1]} and as Gregorian for"
            f" {GREGORIAN_YEAR_WINDOW[0]}–{GREGORIAN_YEAR_WINDOW[1]}"
        )
    return calendar


def _other(calendar: Calendar) -> Calendar:
    return "gregorian" if calendar == "jalali" else "jalali"


def _from_parts(calendar: Calendar, year: int, month: int, day: int) -> Day:
    if calendar == "jalali":
        return Day.from_jalali(year, month, day)
    return Day.from_gregorian(year, month, day)


def _make_day(calendar: Calendar, year: int, month: int, day: int) -> Day:
    made = _from_parts(calendar, year, month, day)
    return check_range(made, f"{calendar.capitalize()} {_iso(year, month, day)}")


def _parse_day(text: str, to: str | None, hint: str) -> tuple[Day, Calendar]:
    expected = _expected_input(to)
    norm = _normalise(text)
    if norm in _TODAY:
        return Day.today(), expected or "gregorian"
    weekday: int | None = None
    wd = _WEEKDAY_RE.fullmatch(norm)
    if wd:
        weekday = next(n for p, n in _WEEKDAY_PATTERNS if re.fullmatch(p, wd["wd"]))
        norm = wd["rest"]
    named: Calendar | None = None
    era: Calendar | None = None
    if m := _NUMERIC_YMD.fullmatch(norm):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        era = _ERAS[m["era"]] if m["era"] else None
    elif m := (_NAMED_DMY.fullmatch(norm) or _NAMED_MDY.fullmatch(norm)):
        named, mo = _lookup_month(m["mon"])
        y, d = int(m["y"]), int(m["d"])
        era = _ERAS[m["era"]] if m["era"] else None
    elif _NUMERIC_DMY.fullmatch(norm):
        raise DateError(
            f"ambiguous numeric date {shown(text)}: write the year first, as in 1401-03-29"
            " or 2022-06-19"
        )
    else:
        raise DateError(f"not a date: {shown(text)}", hint=hint)
    calendar = _resolve_calendar(text, y, named, era, expected)
    day = _make_day(calendar, y, mo, d)
    if weekday is not None and weekday != day.gregorian.weekday():
        g = day.gregorian
        shown_day = (
            day.written_jalali_en
            if calendar == "jalali"
            else f"{g.day} {GREGORIAN_MONTHS_EN[g.month - 1]} {g.year}"
        )
        raise DateError(
            f"{shown_day} is a {day.weekday_en} ({day.weekday_fa}), not a {WEEKDAYS_EN[weekday]}"
        )
    return day, calendar


def parse_date(text: str, to: str | None = None) -> tuple[Day, str]:
    """Read one day typed in any of the forms users and the article use; return it and its calendar.

    ``to`` is the output direction: ``to="gregorian"`` means the input is Jalali and vice versa;
    input that is plainly the other calendar is refused rather than silently reinterpreted.
    """
    return _parse_day(text, to, _EXAMPLES)


def parse_bound(text: str) -> tuple[datetime.date, datetime.date]:
    """Inclusive Gregorian span for a ``--from``/``--to`` value: a year, a month or a day."""
    norm = _normalise(text)
    if m := _NUMERIC_Y.fullmatch(norm):
        y = int(m["y"])
        era = _ERAS[m["era"]] if m["era"] else None
        calendar = _resolve_calendar(text, y, None, era, None)
        first, last = jalali_year_span(y) if calendar == "jalali" else gregorian_year_span(y)
    elif (m := _NUMERIC_YM.fullmatch(norm)) or (m := _NAMED_MY.fullmatch(norm)):
        y = int(m["y"])
        groups = m.groupdict()
        if groups.get("mon"):
            named, mo = _lookup_month(groups["mon"])
            era = _ERAS[groups["era"]] if groups.get("era") else None
        else:
            named, mo, era = None, int(m["m"]), None
        calendar = _resolve_calendar(text, y, named, era, None)
        if calendar == "jalali":
            first, last = jalali_month_span(y, mo)
        else:
            first, last = gregorian_month_span(y, mo)
    else:
        first = last = _parse_day(text, None, _BOUND_EXAMPLES)[0]
    return first.gregorian, last.gregorian


# --------------------------------------------------------------------------- description


def describe(day: Day, input_calendar: str) -> dict[str, Any]:
    """The object ``kzir date --json`` prints: the day in both calendars and in words."""
    y, m, _ = day.jalali
    return {
        "input_calendar": input_calendar,
        "jalali": day.jalali_iso,
        "gregorian": day.gregorian_iso,
        "weekday_en": day.weekday_en,
        "weekday_fa": day.weekday_fa,
        "written_fa": day.written_fa,
        "written_en": day.written_en,
        "written_jalali_en": day.written_jalali_en,
        "jalali_month_en": MONTHS_EN_TRANSLIT[m - 1],
        "jalali_month_fa": MONTHS_FA[m - 1],
        "gregorian_month_en": GREGORIAN_MONTHS_EN[day.gregorian.month - 1],
        "leap_year_jalali": is_jalali_leap(y),
    }


# --------------------------------------------------------------------------- KB date objects

_PRECISIONS: Final = ("day", "month", "year")
_VALUE_RE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _value_span(value: object, calendar: Calendar, date_obj: Mapping[str, Any]) -> tuple[Day, Day]:
    """Span of one side of a date object: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``a/b``."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not text:
        raise KbError(f"date object has a bad {calendar} value {value!r}: {dict(date_obj)!r}")
    if "/" in text:
        a, _, b = text.partition("/")
        first, last = _value_span(a, calendar, date_obj)[0], _value_span(b, calendar, date_obj)[1]
        if last.gregorian < first.gregorian:
            raise KbError(f"date object has a reversed {calendar} interval {text!r}")
        return first, last
    m = _VALUE_RE.fullmatch(text)
    if not m:
        raise KbError(f"date object has a bad {calendar} value {text!r}: {dict(date_obj)!r}")
    y, mo, d = (int(g) if g else None for g in m.groups())
    assert y is not None
    try:
        if d is not None and mo is not None:
            one = _from_parts(calendar, y, mo, d)
            return one, one
        if mo is not None:
            if not 1 <= mo <= 12:
                raise DateError("month must be 1–12")
            if calendar == "jalali":
                return Day.from_jalali(y, mo, 1), Day.from_jalali(y, mo, jalali_month_length(y, mo))
            return Day.from_gregorian(y, mo, 1), Day.from_gregorian(
                y, mo, gregorian_month_length(y, mo)
            )
        if calendar == "jalali":
            return Day.from_jalali(y, 1, 1), Day.from_jalali(y, 12, jalali_month_length(y, 12))
        return Day.from_gregorian(y, 1, 1), Day.from_gregorian(y, 12, 31)
    except DateError as exc:
        raise KbError(f"date object has an impossible {calendar} value {text!r}: {exc}") from exc


def _day_span(date_obj: Mapping[str, Any]) -> tuple[Day, Day]:
    if not isinstance(date_obj, Mapping):
        raise KbError(f"date object must be a JSON object, not {date_obj!r}")
    for calendar in ("gregorian", "jalali"):
        value = date_obj.get(calendar)
        if value not in (None, ""):
            return _value_span(value, calendar, date_obj)
    raise KbError(f"date object has neither 'jalali' nor 'gregorian': {dict(date_obj)!r}")


def span_of(date_obj: Mapping[str, Any]) -> tuple[datetime.date, datetime.date]:
    """Inclusive Gregorian span of a KB date object, for filtering and sorting.

    Reads the Gregorian side when present (plain or ``a/b``), else the Jalali side. A malformed
    object is a KB problem, so it raises ``KbError``.
    """
    first, last = _day_span(date_obj)
    return first.gregorian, last.gregorian


def check_date_obj(date_obj: Mapping[str, Any]) -> list[str]:
    """Problems with a KB date object (empty when sound): shape per precision, sides agreeing."""
    problems: list[str] = []
    precision = date_obj.get("precision") if isinstance(date_obj, Mapping) else None
    if precision not in _PRECISIONS:
        problems.append(f"precision must be one of {', '.join(_PRECISIONS)}, not {precision!r}")
    spans: dict[str, tuple[Day, Day]] = {}
    for calendar in CALENDARS:
        value = date_obj.get(calendar) if isinstance(date_obj, Mapping) else None
        if value in (None, ""):
            problems.append(f"missing {calendar}")
            continue
        try:
            spans[calendar] = _value_span(value, calendar, date_obj)
        except KbError as exc:
            problems.append(exc.message)
            continue
        if precision == "day" and not _DAY_VALUE.fullmatch(str(value)):
            problems.append(f"precision day needs {calendar} as YYYY-MM-DD, not {value!r}")
    if len(spans) == 2 and spans["jalali"] != spans["gregorian"]:
        j, g = spans["jalali"], spans["gregorian"]
        problems.append(
            f"jalali {date_obj['jalali']!r} is {j[0].gregorian_iso}/{j[1].gregorian_iso}"
            f" but gregorian says {g[0].gregorian_iso}/{g[1].gregorian_iso}"
        )
    if len(spans) == 2 and precision in ("month", "year"):
        plain = [c for c in CALENDARS if "/" not in str(date_obj[c])]
        if len(plain) != 1:
            problems.append(f"precision {precision} needs one stated side and one a/b interval")
    return problems


_DAY_VALUE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _with_extra(core: DateObject, extra: dict[str, Any]) -> DateObject:
    clash = sorted(set(core) & set(extra))
    if clash:
        raise TypeError(f"date object builders set {', '.join(clash)} themselves")
    return {**core, **extra}


def day_obj(day: Day, **extra: Any) -> DateObject:
    """KB date object for one day (``precision: day``); ``extra`` adds stated/basis/note/…."""
    return _with_extra(
        {"jalali": day.jalali_iso, "gregorian": day.gregorian_iso, "precision": "day"}, extra
    )


def jalali_month_obj(year: int, month: int, **extra: Any) -> DateObject:
    """KB date object for a stated Jalali month: ``1400-10`` with its Gregorian interval."""
    first, last = jalali_month_span(year, month)
    return _with_extra(
        {
            "jalali": f"{year:04d}-{month:02d}",
            "gregorian": f"{first.gregorian_iso}/{last.gregorian_iso}",
            "precision": "month",
        },
        extra,
    )


def gregorian_month_obj(year: int, month: int, **extra: Any) -> DateObject:
    """KB date object for a stated Gregorian month: ``1991-12`` with its Jalali interval."""
    first, last = gregorian_month_span(year, month)
    return _with_extra(
        {
            "jalali": f"{first.jalali_iso}/{last.jalali_iso}",
            "gregorian": f"{year:04d}-{month:02d}",
            "precision": "month",
        },
        extra,
    )


def jalali_year_obj(year: int, **extra: Any) -> DateObject:
    """KB date object for an Iranian year: ``1400`` with its Gregorian interval."""
    first, last = jalali_year_span(year)
    return _with_extra(
        {
            "jalali": f"{year:04d}",
            "gregorian": f"{first.gregorian_iso}/{last.gregorian_iso}",
            "precision": "year",
        },
        extra,
    )
