"""Read a date as people type it: one day, a month or a year, in either calendar and any digits.

One parser serves ``kzir date`` and ``events --from/--to``, so what one accepts the other does.
The rules, in the order they decide (also stated in ``kzir date --help``):

- Words first: today / yesterday / tomorrow (امروز / دیروز / فردا, …) are days relative to the
  local date. A weekday in front (Sunday, یکشنبه) must agree with the date.
- A month name fixes the calendar: Persian, English or Finglish Jalali months (Khordad, Khordaad,
  Xordad, Khurdad, Ḵordād …: a transliteration is folded to a skeleton — accents dropped,
  kh/x, sh/š, w/v, e/i, o/u and doubled letters merged — so spelling schemes need no list of
  their own), and Gregorian months in English or Persian script (June, Jun, ژوئن).
- Otherwise the year decides: 1200–1599 is Jalali, 1800–2299 Gregorian (the windows do not
  overlap). An era word (AP, ش, AD, میلادی) or ``--to`` may state it instead.
- A two-digit year needs the calendar from a month name, an era word or ``--to``: 00–49 are
  1400–1449 or 2000–2049 and 50–99 are 1350–1399 or 1950–1999.
- Numbers without a month name: year first (1401-03-29, 1401/3/29, 14010329) or year last. Year
  last is read day-first, but a number over 12 cannot be a month, so 25/03/2022 and 03/25/2022
  are both 25 March 2022; when both readings are real days and differ (05/06/2022) the input
  is refused as ambiguous.
- Without a day the input names a span: a year (1401, 2022) or a month (Khordad 1401,
  1401-03, June 2022).

A day that does not exist is named as such ("no such day: Khordad has 31 days"), and anything
outside the supported range is refused with one line, never a traceback.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Final, Literal, TypeAlias

from kzir.dates.calendar import (
    WEEKDAYS_EN,
    Calendar,
    Day,
    check_range,
    from_parts,
    gregorian_month_span,
    gregorian_year_span,
    invalid_part,
    is_jalali_leap,
    iso,
    jalali_month_span,
    jalali_year_span,
)
from kzir.dates.months import (
    GREGORIAN_MONTHS_EN,
    MONTHS_EN_TRANSLIT,
    MONTHS_FA,
    lookup_month,
    normalise,
)
from kzir.errors import DateError, UsageError
from kzir.numerals import shown
from kzir.slotted import Slotted
from kzir.years import GREGORIAN_YEAR_WINDOW, JALALI_YEAR_WINDOW, calendar_of_year

Precision: TypeAlias = Literal["day", "month", "year"]

# Numeric dates carry no month name, so the year decides the calendar. The windows do not
# overlap and each covers its part of the supported range with room for typos to be caught.
TWO_DIGIT_PIVOT: Final = 50
"""Two-digit years below the pivot are 14xx / 20xx, the others 13xx / 19xx."""

_EXAMPLES: Final = (
    "try 1401-03-29, 29/03/1401, 29 Khordad 1401, 19 June 2022, ۲۹ خرداد ۱۴۰۱, Khordad 1401, 1401"
)


class DateSpan(Slotted):
    """What a typed date names: one day, a month or a year, in the calendar it was written in."""

    first: Day
    last: Day
    calendar: Calendar
    precision: Precision
    year: int
    month: int | None = None

    @property
    def label(self) -> str:
        """How the span reads in English: "Khordad 1401", "June 2022", "1401"."""
        if self.precision == "year":
            return f"{self.calendar.capitalize()} year {self.year}"
        if self.precision == "month" and self.month is not None:
            names = MONTHS_EN_TRANSLIT if self.calendar == "jalali" else GREGORIAN_MONTHS_EN
            return f"{names[self.month - 1]} {self.year}"
        return self.first.written_jalali_en if self.calendar == "jalali" else self.first.written_en


def _unknown_month(word: str) -> DateError:
    from difflib import get_close_matches  # only for this message

    names = [*MONTHS_EN_TRANSLIT, *GREGORIAN_MONTHS_EN, *MONTHS_FA]
    close = get_close_matches(word.strip(".").capitalize(), names, n=1, cutoff=0.7)
    hint = f"did you mean {close[0]}? " if close else ""
    return DateError(
        f"unknown month name {shown(word)} ({hint}Jalali: Farvardin … Esfand, فروردین … اسفند;"
        " Gregorian: January … December, Jan … Dec)"
    )


# --------------------------------------------------------------------------- words around dates

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

# Era words after the year; each one also states the calendar. Written after normalising,
# with dots and spaces inside them removed (ه.ش, ه ش → هش; a.d. → ad).
_ERAS: Final[dict[str, Calendar]] = {
    "هجریشمسی": "jalali", "شمسی": "jalali", "خورشیدی": "jalali", "هش": "jalali", "ش": "jalali",
    "ap": "jalali", "sh": "jalali", "shamsi": "jalali", "jalali": "jalali", "solarhijri": "jalali",
    "میلادی": "gregorian", "م": "gregorian", "ad": "gregorian", "ce": "gregorian",
    "gregorian": "gregorian", "miladi": "gregorian",
}  # fmt: skip
_ERA_SPELLINGS: Final = sorted(
    {*_ERAS, "ه ش", "ه.ش", "هجری شمسی", "a.d", "solar hijri"}, key=len, reverse=True
)
_ERA_TAIL: Final = re.compile(
    r"(?P<rest>.*?[0-9])\s*(?P<era>" + "|".join(map(re.escape, _ERA_SPELLINGS)) + r")\.?"
)

# Relative words: offset in days from the local date.
_RELATIVE: Final[dict[str, int]] = {
    "today": 0, "امروز": 0, "now": 0,
    "yesterday": -1, "دیروز": -1, "tomorrow": 1, "فردا": 1,
    "day before yesterday": -2, "the day before yesterday": -2, "پریروز": -2,
    "day after tomorrow": 2, "the day after tomorrow": 2, "پس فردا": 2, "پسفردا": 2,
}  # fmt: skip

# Words that carry no date: "the 19th of June", «روز ۲۹ خرداد ماه سال ۱۴۰۱», "khordad mah".
_FILLERS: Final = frozenset(
    {"of", "the", "year", "سال", "ماه", "روز", "sal", "saal", "mah", "maah", "ruz", "rooz"}
)
_ORDINAL: Final = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|ام)")
# Separators: slash, hyphen, dot and their look-alikes pasted from documents (– — ‐ − ∕ ⁄ \ _).
_TOKEN_SPLIT: Final = re.compile(r"[\s/\-.\u2010-\u2015\u2212\u2215\u2044\\_]+")
# "29Khordad1401", «۲۹خرداد۱۴۰۱»: a number written against a word is still a separate token.
_DIGIT_WORD: Final = re.compile(r"(?<=[0-9])(?=[^\W\d_])|(?<=[^\W\d_])(?=[0-9])")


# --------------------------------------------------------------------------- calendar choice


def _calendar_of_year(year: int) -> Calendar | None:
    found = calendar_of_year(year)
    return "jalali" if found == "jalali" else "gregorian" if found == "gregorian" else None


def _expected_input(to: str | None) -> Calendar | None:
    """The input calendar implied by ``to`` (the output direction)."""
    if to is None:
        return None
    if to == "gregorian":
        return "jalali"
    if to == "jalali":
        return "gregorian"
    raise UsageError(f"calendar must be 'jalali' or 'gregorian', not {shown(str(to))}")


def _other(calendar: Calendar) -> Calendar:
    return "gregorian" if calendar == "jalali" else "jalali"


class _Context(Slotted):
    """What the input says about its calendar apart from the year: month name, era, ``--to``."""

    text: str
    named: Calendar | None
    era: Calendar | None
    expected: Calendar | None

    def stated(self) -> Calendar | None:
        if self.named and self.era and self.named != self.era:
            raise DateError(
                f"{shown(self.text)} mixes a {self.named.capitalize()} month with a"
                f" {self.era.capitalize()} era word"
            )
        stated = self.named or self.era
        if stated and self.expected and stated != self.expected:
            raise DateError(
                f"{shown(self.text)} is a {stated.capitalize()} date, but converting to"
                f" {_other(self.expected).capitalize()} needs a {self.expected.capitalize()} date"
            )
        return stated or self.expected

    def calendar(self, year_text: str) -> tuple[Calendar, int]:
        """(calendar, full year) for the year as typed: four digits, or two with the rule."""
        year = int(year_text)
        if len(year_text) <= 2:
            stated = self.stated()
            if stated is None:
                raise DateError(
                    f"cannot tell the calendar of the two-digit year in {shown(self.text)}:"
                    " write the year in full (1401 or 2022), add a month name, or use --to"
                )
            century = (14 if year < TWO_DIGIT_PIVOT else 13) if stated == "jalali" else (
                20 if year < TWO_DIGIT_PIVOT else 19)
            return stated, century * 100 + year
        by_year = _calendar_of_year(year)
        stated = self.named or self.era
        if stated and by_year and stated != by_year:
            says = f"names a {stated.capitalize()} month" if self.named else (
                f"says {stated.capitalize()}")
            raise DateError(
                f"{shown(self.text)} {says} but {year} looks like a {by_year.capitalize()} year"
            )
        if by_year and self.expected and by_year != self.expected and not stated:
            raise DateError(
                f"{shown(self.text)} is a {by_year.capitalize()} date, but converting to"
                f" {_other(self.expected).capitalize()} needs a {self.expected.capitalize()} date"
            )
        calendar = self.stated() or by_year
        if calendar is None:
            raise DateError(
                f"cannot tell the calendar of year {year}: numeric dates are read as Jalali for"
                f" years {JALALI_YEAR_WINDOW[0]}–{JALALI_YEAR_WINDOW[1]} and as Gregorian for"
                f" {GREGORIAN_YEAR_WINDOW[0]}–{GREGORIAN_YEAR_WINDOW[1]}"
            )
        return calendar, year


# --------------------------------------------------------------------------- building spans


def _day_span(calendar: Calendar, year: int, month: int, day: int) -> DateSpan:
    made = check_range(
        from_parts(calendar, year, month, day), f"{calendar.capitalize()} {iso(year, month, day)}"
    )
    return DateSpan(made, made, calendar, "day", year, month)


def _month_span(calendar: Calendar, year: int, month: int) -> DateSpan:
    if not 1 <= month <= 12:
        raise DateError(f"no such month: month must be 1–12 ({calendar.capitalize()}"
                        f" {year:04d}-{month:02d})")
    span = jalali_month_span if calendar == "jalali" else gregorian_month_span
    first, last = span(year, month)
    return DateSpan(first, last, calendar, "month", year, month)


def _year_span(calendar: Calendar, year: int) -> DateSpan:
    span = jalali_year_span if calendar == "jalali" else gregorian_year_span
    first, last = span(year)
    return DateSpan(first, last, calendar, "year", year)


def _month_name(calendar: Calendar, month: int) -> str:
    return (MONTHS_EN_TRANSLIT if calendar == "jalali" else GREGORIAN_MONTHS_EN)[month - 1]


def _year_last(ctx: _Context, a: str, b: str, year_text: str) -> DateSpan:
    """``a/b/year``: day-first, unless only the month-first reading is a real day."""
    calendar, year = ctx.calendar(year_text)
    x, y = int(a), int(b)
    day_first = invalid_part(calendar, year, y, x)
    month_first = invalid_part(calendar, year, x, y)
    if day_first is None and month_first is None and x != y:
        one = f"{x} {_month_name(calendar, y)}"
        other = f"{y} {_month_name(calendar, x)}"
        raise DateError(
            f"ambiguous date {shown(ctx.text)}: {one} or {other} {year}; write the year first"
            f" ({iso(year, y, x)}) or the month as a word ({one} {year})"
        )
    if day_first is None:
        return _day_span(calendar, year, y, x)
    if month_first is None:
        return _day_span(calendar, year, x, y)
    # Neither is a day: report the reading whose month exists (the day-first one if both do).
    part, reason = day_first if 1 <= y <= 12 or not 1 <= x <= 12 else month_first
    if part == "month":
        reason = f"neither {x} nor {y} is a month (1–12)"
    raise DateError(f"no such {part}: {reason} ({shown(ctx.text)})")


def _numbers_only(ctx: _Context, nums: list[str]) -> DateSpan | None:
    """Dates written with digits alone; None when the shape is not one of them."""
    if len(nums) == 1:
        n = nums[0]
        if len(n) == 4:
            return _year_span(*ctx.calendar(n))
        if len(n) == 8:  # ISO 8601 basic: 14010329, 20220619
            calendar, year = ctx.calendar(n[:4])
            return _day_span(calendar, year, int(n[4:6]), int(n[6:]))
        return None
    if len(nums) == 2:
        first, second = nums
        if len(first) == 4 and len(second) <= 2:
            return _month_span(*ctx.calendar(first), int(second))
        if len(second) == 4 and len(first) <= 2:
            return _month_span(*ctx.calendar(second), int(first))
        return None
    if len(nums) == 3:
        first, middle, last = nums
        if len(first) == 4 and len(middle) <= 2 and len(last) <= 2:
            calendar, year = ctx.calendar(first)
            return _day_span(calendar, year, int(middle), int(last))
        if len(first) <= 2 and len(middle) <= 2 and len(last) in (2, 4):
            return _year_last(ctx, first, middle, last)
    return None


def _no_year(ctx: _Context) -> DateError:
    return DateError(
        f"{shown(ctx.text)} has no year: add one, as in 29 Khordad 1401, 19 June 2022 or"
        " Khordad 1401"
    )


def _with_month(ctx: _Context, month: int, nums: list[str], month_at: int) -> DateSpan:
    """Dates with a month name: D M Y, M D Y, Y M D, M Y, Y M."""
    if len(nums) == 1:
        if len(nums[0]) != 4:
            raise _no_year(ctx)
        return _month_span(*ctx.calendar(nums[0]), month)
    if len(nums) != 2:
        raise _no_year(ctx) if not nums else DateError(f"not a date: {shown(ctx.text)}",
                                                        hint=_EXAMPLES)
    first, second = nums
    if month_at == 1 and len(first) == 4:  # 1401 Khordad 29, 2022 June 19
        year_text, day_text = first, second
    elif len(second) in (2, 4) and len(first) <= 2:  # 29 Khordad 1401, June 19 2022, 29 Khordad 01
        year_text, day_text = second, first
    else:
        raise DateError(f"not a date: {shown(ctx.text)}", hint=_EXAMPLES)
    calendar, year = ctx.calendar(year_text)
    return _day_span(calendar, year, month, int(day_text))


# --------------------------------------------------------------------------- the parser


def read_date(text: str, to: str | None = None) -> DateSpan:
    """Read a day, month or year typed in any of the forms in this module's docstring.

    ``to`` is the output direction: ``to="gregorian"`` means the input is Jalali and vice versa;
    input that is plainly the other calendar is refused rather than silently reinterpreted.
    """
    expected = _expected_input(to)
    norm = normalise(text)
    if norm in _RELATIVE:
        day = check_range(Day(datetime.date.today() + datetime.timedelta(days=_RELATIVE[norm])))
        return DateSpan(day, day, expected or "gregorian", "day", day.gregorian.year)
    weekday: int | None = None
    if wd := _WEEKDAY_RE.fullmatch(norm):
        weekday = next(n for p, n in _WEEKDAY_PATTERNS if re.fullmatch(p, wd["wd"]))
        norm = wd["rest"]
    era: Calendar | None = None
    if m := _ERA_TAIL.fullmatch(norm):
        era = _ERAS[re.sub(r"[\s.]", "", m["era"])]
        norm = m["rest"]
    tokens = [_ORDINAL.sub(r"\1", t) for t in _TOKEN_SPLIT.split(norm) if t]
    tokens = [part for t in tokens for part in _DIGIT_WORD.sub(" ", t).split()]
    tokens = [t for t in tokens if t not in _FILLERS]
    span = _read_tokens(text, tokens, era, expected)
    if weekday is not None:
        if span.precision != "day":
            raise DateError(f"{shown(text)} names a weekday but no day")
        _check_weekday(span, weekday)
    return span


def _read_tokens(
    text: str, tokens: list[str], era: Calendar | None, expected: Calendar | None
) -> DateSpan:
    nums = [t for t in tokens if t.isdigit()]
    words = [(i, t) for i, t in enumerate(tokens) if not t.isdigit()]
    if not tokens or any(len(n) > 8 for n in nums):
        raise DateError(f"not a date: {shown(text)}", hint=_EXAMPLES)
    if not words:
        ctx = _Context(text, None, era, expected)
        found = _numbers_only(ctx, nums)
        if found is None:
            raise DateError(f"not a date: {shown(text)}", hint=_EXAMPLES)
        return found
    if len(words) == 2 and words[1][0] == words[0][0] + 1:  # «اردی بهشت», "Ordi behesht"
        words = [(words[0][0], words[0][1] + words[1][1])]
        tokens = [*tokens[: words[0][0]], words[0][1], *tokens[words[0][0] + 2:]]
    if len(words) != 1 or len(tokens) > 3:
        raise DateError(f"not a date: {shown(text)}", hint=_EXAMPLES)
    at, word = words[0]
    month = lookup_month(word)
    if month is None:
        if not nums:
            raise DateError(f"not a date: {shown(text)}", hint=_EXAMPLES)
        raise _unknown_month(word)
    calendar, number = month
    return _with_month(_Context(text, calendar, era, expected), number, nums, at)


def _check_weekday(span: DateSpan, weekday: int) -> None:
    day = span.first
    if weekday != day.gregorian.weekday():
        raise DateError(
            f"{span.label} is a {day.weekday_en} ({day.weekday_fa}), not a {WEEKDAYS_EN[weekday]}"
        )


def parse_date(text: str, to: str | None = None) -> tuple[Day, str]:
    """One day and the calendar it was written in; a month or a year is refused with a hint."""
    span = read_date(text, to)
    if span.precision != "day":
        raise DateError(f"{shown(text)} is a {span.precision} ({span.label}), not one day")
    return span.first, span.calendar


def parse_bound(text: str) -> tuple[datetime.date, datetime.date]:
    """Inclusive Gregorian span for a ``--from``/``--to`` value: a year, a month or a day."""
    span = read_date(text)
    return span.first.gregorian, span.last.gregorian


# --------------------------------------------------------------------------- description


def describe(day: Day, input_calendar: str) -> dict[str, Any]:
    """The object ``kzir date --json`` prints for one day: both calendars and in words."""
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


def describe_month(span: DateSpan) -> dict[str, Any]:
    """The object ``kzir date --json`` prints for a month: the KB's month date object plus ends.

    ``jalali``/``gregorian`` follow the KB date-object shape (the stated side as ``YYYY-MM``, the
    other as an ISO 8601 interval), so a script reads a month the same way in both places.
    """
    assert span.month is not None
    first, last = span.first, span.last
    stated = f"{span.year:04d}-{span.month:02d}"
    jalali = stated if span.calendar == "jalali" else f"{first.jalali_iso}/{last.jalali_iso}"
    gregorian = stated if span.calendar == "gregorian" else (
        f"{first.gregorian_iso}/{last.gregorian_iso}")
    return {
        "input_calendar": span.calendar,
        "precision": "month",
        "year": span.year,
        "month": span.month,
        "month_name": span.label,
        "jalali": jalali,
        "gregorian": gregorian,
        "first": {"jalali": first.jalali_iso, "gregorian": first.gregorian_iso,
                  "weekday_en": first.weekday_en},
        "last": {"jalali": last.jalali_iso, "gregorian": last.gregorian_iso,
                 "weekday_en": last.weekday_en},
        "days": (last.gregorian - first.gregorian).days + 1,
    }
