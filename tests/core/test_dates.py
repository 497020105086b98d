"""Calendar tests: reference pairs, a day-by-day walk over two centuries, every parser form and
every refusal, spans, bounds and the KB date-object helpers."""

from __future__ import annotations

import csv
import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from date_objects import day_obj, gregorian_month_obj, jalali_month_obj, jalali_year_obj
from kzir.dates import (
    GREGORIAN_MONTHS_EN,
    MONTHS_EN_TRANSLIT,
    MONTHS_FA,
    SUPPORTED,
    SUPPORTED_FIRST,
    SUPPORTED_LAST,
    WEEKDAYS_EN,
    WEEKDAYS_FA,
    Day,
    check_date_obj,
    check_range,
    describe,
    gregorian_year_overlap,
    in_range,
    is_jalali_leap,
    jalali_month_length,
    jalali_year_span,
    parse_bound,
    parse_date,
    span_of,
)
from kzir.errors import DateError, KbError, UsageError
from kzir.numerals import to_persian_digits

D = datetime.date
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference_dates.csv"


def _ymd(text: str) -> tuple[int, int, int]:
    y, m, d = (int(p) for p in text.split("-"))
    return y, m, d


def _reference_rows() -> list[tuple[str, str]]:
    with REFERENCE.open(encoding="utf-8", newline="") as fh:
        return [(row["gregorian"], row["jalali"]) for row in csv.DictReader(fh)]


REFERENCE_ROWS = _reference_rows()


def _error_line(text: str, to: str | None = None) -> str:
    with pytest.raises(DateError) as info:
        parse_date(text, to)
    line = info.value.line()
    assert "\n" not in line
    return line


# --------------------------------------------------------------------------- reference pairs


def test_reference_file_is_complete() -> None:
    assert len(REFERENCE_ROWS) == 377
    assert len(set(REFERENCE_ROWS)) == 377


@pytest.mark.parametrize(("gregorian", "jalali"), REFERENCE_ROWS)
def test_reference_pair_both_directions(gregorian: str, jalali: str) -> None:
    assert Day.from_jalali(*_ymd(jalali)).gregorian_iso == gregorian
    assert Day(D.fromisoformat(gregorian)).jalali_iso == jalali
    assert Day(D.fromisoformat(gregorian)).jalali == _ymd(jalali)


@pytest.mark.parametrize(("gregorian", "jalali"), REFERENCE_ROWS)
def test_reference_pair_through_the_parser(gregorian: str, jalali: str) -> None:
    day = Day(D.fromisoformat(gregorian))
    if not in_range(day):
        assert "outside the supported range" in _error_line(jalali)
        assert "outside the supported range" in _error_line(gregorian)
        return
    assert parse_date(jalali) == (day, "jalali")
    assert parse_date(gregorian) == (day, "gregorian")
    assert parse_date(to_persian_digits(jalali.replace("-", "/"))) == (day, "jalali")


# --------------------------------------------------------------------------- arithmetic walk


def test_every_day_1300_to_1500_round_trips_and_is_contiguous() -> None:
    """J→G→J for every day; successive Jalali days are successive Gregorian days."""
    previous: datetime.date | None = None
    count = 0
    for year in range(1300, 1501):
        year_days = 0
        for month in range(1, 13):
            for day in range(1, jalali_month_length(year, month) + 1):
                g = Day.from_jalali(year, month, day).gregorian
                assert Day(g).jalali == (year, month, day)
                if previous is not None:
                    assert g - previous == datetime.timedelta(days=1), (year, month, day)
                previous = g
                year_days += 1
                count += 1
        assert year_days == (366 if is_jalali_leap(year) else 365), year
        nowruz = Day.from_jalali(year, 1, 1).gregorian
        assert (nowruz.month, nowruz.day) in {(3, 20), (3, 21), (3, 22)}, year
    assert previous == D(2122, 3, 20)  # the last day of 1500, from the Gregorian side
    assert count == (previous - D(1921, 3, 21)).days + 1


def test_a_day_past_each_month_end_is_refused() -> None:
    for year in range(1300, 1501):
        for month in range(1, 13):
            with pytest.raises(DateError):
                Day.from_jalali(year, month, jalali_month_length(year, month) + 1)


# --------------------------------------------------------------------------- leap years


@pytest.mark.parametrize(
    ("year", "leap"),
    [(1399, True), (1400, False), (1401, False), (1402, False), (1403, True), (1404, False),
     (1370, True), (1375, True), (1408, True)],
)  # fmt: skip
def test_leap_years(year: int, leap: bool) -> None:
    assert is_jalali_leap(year) is leap
    assert jalali_month_length(year, 12) == (30 if leap else 29)
    if leap:
        Day.from_jalali(year, 12, 30)
    else:
        with pytest.raises(
            DateError, match=f"{year} is not a leap year: Esfand {year} has 29 days"
        ):
            Day.from_jalali(year, 12, 30)


def test_leap_years_match_the_reference_file() -> None:
    """Every Esfand 30 in the reference data is a leap year by jdatetime's rule."""
    esfand_30 = [j for _, j in REFERENCE_ROWS if j.endswith("-12-30")]
    assert esfand_30, "reference data should include some Esfand 30"
    for j in esfand_30:
        assert is_jalali_leap(int(j[:4])), j


@pytest.mark.parametrize(("month", "length"), [(1, 31), (6, 31), (7, 30), (11, 30), (12, 29)])
def test_month_lengths(month: int, length: int) -> None:
    assert jalali_month_length(1401, month) == length


# --------------------------------------------------------------------------- supported range


def test_supported_range_bounds() -> None:
    assert SUPPORTED == (SUPPORTED_FIRST, SUPPORTED_LAST)
    assert SUPPORTED_FIRST.gregorian == D(1921, 3, 21)
    assert SUPPORTED_FIRST.jalali == (1300, 1, 1)
    assert SUPPORTED_LAST.gregorian == D(2101, 3, 20)
    assert SUPPORTED_LAST.jalali == (1479, 12, 29)


def test_check_range_edges() -> None:
    one = datetime.timedelta(days=1)
    assert check_range(SUPPORTED_FIRST) == SUPPORTED_FIRST
    assert check_range(SUPPORTED_LAST.gregorian) == SUPPORTED_LAST
    for outside in (SUPPORTED_FIRST.gregorian - one, SUPPORTED_LAST.gregorian + one):
        with pytest.raises(DateError) as info:
            check_range(outside)
        line = info.value.line()
        for part in ("1300-01-01", "1479-12-29", "1921-03-21", "2101-03-20", "Jalali", "Gregorian"):
            assert part in line


@pytest.mark.parametrize(
    "text", ["1299-12-29", "1921-03-20", "1480-01-01", "2101-03-21", "1250-05-05", "2200-01-01"]
)
def test_parse_outside_supported_range(text: str) -> None:
    line = _error_line(text)
    assert "outside the supported range" in line
    assert "1921-03-21" in line and "1300-01-01" in line


# --------------------------------------------------------------------------- parser: accepted

AZAR_25 = D(1991, 12, 16)  # 25 Azar 1370, a Monday
KHORDAD_29 = D(2022, 6, 19)  # 29 Khordad 1401, a Sunday

ACCEPTED: list[tuple[str, datetime.date, str]] = [
    # numeric, ISO and slashed, three digit sets
    ("1370-09-25", AZAR_25, "jalali"),
    ("1370/9/25", AZAR_25, "jalali"),
    ("1370.09.25", AZAR_25, "jalali"),
    ("1991-12-16", AZAR_25, "gregorian"),
    ("1991/12/16", AZAR_25, "gregorian"),
    ("۱۳۷۰-۰۹-۲۵", AZAR_25, "jalali"),
    ("۱۳۷۰/۹/۲۵", AZAR_25, "jalali"),
    ("١٣٧٠/٠٩/٢٥", AZAR_25, "jalali"),
    ("۱۹۹۱-۱۲-۱۶", AZAR_25, "gregorian"),
    ("۱۳۷۰٫۰۹٫۲۵", AZAR_25, "jalali"),
    ("  1401-03-29\t", KHORDAD_29, "jalali"),
    ("1401-03-29.", KHORDAD_29, "jalali"),
    ("۱۴۰۱/۰۳/۲۹ ه.ش.", KHORDAD_29, "jalali"),
    ("2022-06-19 CE", KHORDAD_29, "gregorian"),
    # Persian month names
    ("۲۵ آذر ۱۳۷۰", AZAR_25, "jalali"),
    ("۲۵ آذرماه ۱۳۷۰", AZAR_25, "jalali"),
    ("۲۵ آذر ماه ۱۳۷۰", AZAR_25, "jalali"),
    ("۲۵ آذر\u200cماه ۱۳۷۰", AZAR_25, "jalali"),
    ("۲۵ آذرماه سال ۱۳۷۰", AZAR_25, "jalali"),
    ("٢٥ آذر ١٣٧٠", AZAR_25, "jalali"),
    ("25 آذر 1370", AZAR_25, "jalali"),
    ("۲۵ اذر ۱۳۷۰", AZAR_25, "jalali"),
    ("۲۵ آذر ۱۳۷۰ هجری شمسی", AZAR_25, "jalali"),
    ("۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("۲۹ دي ۱۴۰۰", D(2022, 1, 19), "jalali"),
    ("۲۹ دی ماه ۱۴۰۰", D(2022, 1, 19), "jalali"),
    ("۱ ارديبهشت ۱۴۰۱", D(2022, 4, 21), "jalali"),
    ("۱ اردیبهشت ۱۴۰۱", D(2022, 4, 21), "jalali"),
    ("۱ شهريور ۱۴۰۱", D(2022, 8, 23), "jalali"),
    ("۱۵ امرداد ۱۴۰۱", D(2022, 8, 6), "jalali"),
    ("۱۰ اسفند ۱۴۰۰", D(2022, 3, 1), "jalali"),
    # weekdays before the date (checked)
    ("یکشنبه ۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("يکشنبه ۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("یک شنبه ۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("یک\u200cشنبه، ۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("روز یکشنبه ۲۹ خرداد ۱۴۰۱", KHORDAD_29, "jalali"),
    ("دوشنبه ۲۵ آذر ۱۳۷۰", AZAR_25, "jalali"),
    ("سه شنبه ۳۱ خرداد ۱۴۰۱", D(2022, 6, 21), "jalali"),
    ("سه\u200cشنبه ۳۱ خرداد ۱۴۰۱", D(2022, 6, 21), "jalali"),
    ("چهارشنبه ۱ تیر ۱۴۰۱", D(2022, 6, 22), "jalali"),
    ("پنجشنبه ۲ تیر ۱۴۰۱", D(2022, 6, 23), "jalali"),
    ("پنج شنبه ۲ تیر ۱۴۰۱", D(2022, 6, 23), "jalali"),
    ("جمعه ۳ تیر ۱۴۰۱", D(2022, 6, 24), "jalali"),
    ("شنبه ۴ تیر ۱۴۰۱", D(2022, 6, 25), "jalali"),
    ("Sunday 29 Khordad 1401", KHORDAD_29, "jalali"),
    ("Sunday, 19 June 2022", KHORDAD_29, "gregorian"),
    ("Sun 19 June 2022", KHORDAD_29, "gregorian"),
    ("mon, dec 16, 1991", AZAR_25, "gregorian"),
    # transliterated Jalali months, either order, any case
    ("25 Azar 1370", AZAR_25, "jalali"),
    ("Azar 25, 1370", AZAR_25, "jalali"),
    ("azar 25 1370", AZAR_25, "jalali"),
    ("25 AZAR 1370", AZAR_25, "jalali"),
    ("Khordad 29, 1401", KHORDAD_29, "jalali"),
    ("29 Khordad 1401", KHORDAD_29, "jalali"),
    ("1 Farvardin 1401", D(2022, 3, 21), "jalali"),
    ("1 Ordibehesht 1401", D(2022, 4, 21), "jalali"),
    ("1 Tir 1401", D(2022, 6, 22), "jalali"),
    ("1 Mordad 1401", D(2022, 7, 23), "jalali"),
    ("1 Amordad 1401", D(2022, 7, 23), "jalali"),
    ("1 Shahrivar 1401", D(2022, 8, 23), "jalali"),
    ("1 Mehr 1401", D(2022, 9, 23), "jalali"),
    ("1 Aban 1401", D(2022, 10, 23), "jalali"),
    ("1 Azar 1401", D(2022, 11, 22), "jalali"),
    ("1 Dey 1401", D(2022, 12, 22), "jalali"),
    ("1 Dei 1401", D(2022, 12, 22), "jalali"),
    ("1 Bahman 1401", D(2023, 1, 21), "jalali"),
    ("1 Esfand 1401", D(2023, 2, 20), "jalali"),
    ("1 Espand 1401", D(2023, 2, 20), "jalali"),
    ("29 Esfand 1401 AP", D(2023, 3, 20), "jalali"),
    # English Gregorian forms
    ("16 December 1991", AZAR_25, "gregorian"),
    ("Dec 16, 1991", AZAR_25, "gregorian"),
    ("Dec. 16, 1991", AZAR_25, "gregorian"),
    ("December 16 1991", AZAR_25, "gregorian"),
    ("June 19 2022", KHORDAD_29, "gregorian"),
    ("19th June 2022", KHORDAD_29, "gregorian"),
    ("19th of June, 2022", KHORDAD_29, "gregorian"),
    ("June 19th, 2022", KHORDAD_29, "gregorian"),
    ("1st Jan 2022", D(2022, 1, 1), "gregorian"),
    ("2nd February 2022", D(2022, 2, 2), "gregorian"),
    ("3rd Mar 2022", D(2022, 3, 3), "gregorian"),
    ("22 Sept 2022", D(2022, 9, 22), "gregorian"),
    ("29 FEB 2024", D(2024, 2, 29), "gregorian"),
    ("19 June 2022 AD", KHORDAD_29, "gregorian"),
    # Gregorian months in Persian script (the article's «۱۶ دسامبر سال ۱۹۹۱»)
    ("۱۶ دسامبر سال ۱۹۹۱", AZAR_25, "gregorian"),
    ("۱۶ دسامبر ۱۹۹۱ میلادی", AZAR_25, "gregorian"),
    ("۱۹ ژوئن ۲۰۲۲", KHORDAD_29, "gregorian"),
    ("۱ می ۲۰۲۲", D(2022, 5, 1), "gregorian"),
]


@pytest.mark.parametrize(("text", "expected", "calendar"), ACCEPTED)
def test_parse_date_accepts(text: str, expected: datetime.date, calendar: str) -> None:
    assert parse_date(text) == (Day(expected), calendar)


def test_parse_today() -> None:
    before = datetime.date.today()
    for text in ("today", "TODAY", " Today ", "امروز"):
        day, calendar = parse_date(text)
        assert before <= day.gregorian <= datetime.date.today()
        assert calendar == "gregorian"
    assert parse_date("today", to="gregorian")[1] == "jalali"


@pytest.mark.parametrize("n", range(12))
def test_every_month_name_in_every_spelling(n: int) -> None:
    first = Day.from_jalali(1401, n + 1, 1)
    for name in (MONTHS_FA[n], MONTHS_EN_TRANSLIT[n], MONTHS_EN_TRANSLIT[n].lower()):
        assert parse_date(f"1 {name} 1401") == (first, "jalali")
        assert parse_date(f"{name} 1, 1401") == (first, "jalali")
    g_first = Day.from_gregorian(2022, n + 1, 1)
    for name in (GREGORIAN_MONTHS_EN[n], GREGORIAN_MONTHS_EN[n][:3]):
        assert parse_date(f"1 {name} 2022") == (g_first, "gregorian")
        assert parse_date(f"{name.upper()} 1, 2022") == (g_first, "gregorian")


def _sample_days() -> list[Day]:
    """Every 11th day of the supported span plus the whole of 1401: all weekdays and months."""
    step = datetime.timedelta(days=11)
    days, g = [], SUPPORTED_FIRST.gregorian
    while g <= SUPPORTED_LAST.gregorian:
        days.append(Day(g))
        g += step
    first, last = jalali_year_span(1401)
    g = first.gregorian
    while g <= last.gregorian:
        days.append(Day(g))
        g += datetime.timedelta(days=1)
    return [*days, SUPPORTED_LAST]


def test_every_written_form_parses_back() -> None:
    """What kzir prints, it reads: written_fa / written_en / written_jalali_en and both ISOs."""
    for day in _sample_days():
        assert parse_date(day.written_fa) == (day, "jalali"), day
        assert parse_date(day.written_en) == (day, "gregorian"), day
        assert parse_date(day.written_jalali_en) == (day, "jalali"), day
        assert parse_date(f"{day.weekday_en} {day.written_jalali_en}") == (day, "jalali"), day
        assert parse_date(day.jalali_iso) == (day, "jalali"), day
        assert parse_date(day.gregorian_iso) == (day, "gregorian"), day


# --------------------------------------------------------------------------- parser: refused

REFUSED: list[tuple[str, str]] = [
    ("1404-12-30", "1404 is not a leap year: Esfand 1404 has 29 days"),
    ("۳۰ اسفند ۱۴۰۴", "1404 is not a leap year: Esfand 1404 has 29 days"),
    ("1403-12-31", "Esfand 1403 has 30 days"),
    ("1401-07-31", "Mehr has 30 days"),
    ("31 Bahman 1401", "Bahman has 30 days"),
    ("1401-01-32", "Farvardin has 31 days"),
    ("2022-02-30", "February 2022 has 28 days"),
    ("30 Feb 2024", "February 2024 has 29 days"),
    ("31 April 2022", "April 2022 has 30 days"),
    ("1401-13-01", "month must be 1–12"),
    ("2022-13-01", "month must be 1–12"),
    ("1401-00-10", "month must be 1–12"),
    ("1401-01-00", "day must be 1 or more"),
    ("0 Khordad 1401", "day must be 1 or more"),
    ("hello", "not a date: 'hello' (try 1401-03-29, 29/03/1401, 29 Khordad 1401, 19 June 2022"),
    ("", "not a date: ''"),
    ("   ", "not a date"),
    ("1401", "'1401' is a year (Jalali year 1401), not one day"),
    ("1401-03", "'1401-03' is a month (Khordad 1401), not one day"),
    ("29 Khordad", "'29 Khordad' has no year"),
    ("Sunday", "not a date"),
    ("1401-03-29 extra", "not a date"),
    ("1401-03-29-01", "not a date"),
    ("140103291", "not a date"),
    ("05/06/2022", "ambiguous date '05/06/2022': 5 June or 6 May 2022; write the year first"),
    ("01-02-1370", "ambiguous date '01-02-1370': 1 Ordibehesht or 2 Farvardin 1370"),
    ("32/03/2022", "no such day: March 2022 has 31 days"),
    ("13/13/2022", "no such month: neither 13 nor 13 is a month"),
    ("29/03/01", "cannot tell the calendar of the two-digit year"),
    ("1700-01-01", "cannot tell the calendar of year 1700"),
    ("0999-01-01", "cannot tell the calendar of year 999"),
    ("29 Khordat 1401", "unknown month name 'khordat' (did you mean Khordad?"),
    ("29 Khordad 2022", "names a Jalali month but 2022 looks like a Gregorian year"),
    ("19 June 1401", "names a Gregorian month but 1401 looks like a Jalali year"),
    ("19 June 2022 AP", "mixes a Gregorian month with a Jalali era word"),
    ("2022-06-19 AP", "'2022-06-19 AP' says Jalali but 2022 looks like a Gregorian year"),
    ("۲۰۲۲/۶/۱۹ شمسی", "says Jalali but 2022 looks like a Gregorian year"),
    ("Monday 29 Khordad 1401", "29 Khordad 1401 is a Sunday (یکشنبه), not a Monday"),
    ("دوشنبه ۲۹ خرداد ۱۴۰۱", "29 Khordad 1401 is a Sunday (یکشنبه), not a Monday"),
    ("Saturday, 19 June 2022", "19 June 2022 is a Sunday (یکشنبه), not a Saturday"),
    ("شنبه ۲۵ آذر ۱۳۷۰", "25 Azar 1370 is a Monday (دوشنبه), not a Saturday"),
]


@pytest.mark.parametrize(("text", "fragment"), REFUSED)
def test_parse_date_refuses(text: str, fragment: str) -> None:
    assert fragment in _error_line(text)


def test_not_a_date_message_stays_on_one_line() -> None:
    line = _error_line("line one\nline two " + "x" * 300)
    assert "not a date" in line
    assert len(line) < 200


# --------------------------------------------------------------------------- the `to` direction


@pytest.mark.parametrize(
    ("text", "to", "calendar"),
    [
        ("1401-03-29", "gregorian", "jalali"),
        ("29 Khordad 1401", "gregorian", "jalali"),
        ("2022-06-19", "jalali", "gregorian"),
        ("19 June 2022", "jalali", "gregorian"),
    ],
)
def test_to_agreeing_with_input(text: str, to: str, calendar: str) -> None:
    assert parse_date(text, to) == (Day(KHORDAD_29), calendar)


@pytest.mark.parametrize(
    ("text", "to", "fragment"),
    [
        ("1401-03-29", "jalali", "is a Jalali date, but converting to Jalali needs a Gregorian"),
        ("۲۹ خرداد ۱۴۰۱", "jalali", "is a Jalali date"),
        ("2022-06-19", "gregorian", "is a Gregorian date, but converting to Gregorian needs a"),
        ("June 19, 2022", "gregorian", "is a Gregorian date"),
        # with `to`, a year outside both windows is read in the implied calendar
        ("1100-01-01", "gregorian", "Jalali 1100-01-01 is outside the supported range"),
        ("2400-01-01", "jalali", "Gregorian 2400-01-01 is outside the supported range"),
        ("0000-01-01", "jalali", "year must be 1–9999"),
        ("0000-01-01", "gregorian", "year must be 1–9377"),
    ],
)
def test_to_contradicting_input(text: str, to: str, fragment: str) -> None:
    assert fragment in _error_line(text, to)


def test_to_must_name_a_calendar() -> None:
    with pytest.raises(UsageError, match="calendar must be"):
        parse_date("1401-03-29", "julian")


# --------------------------------------------------------------------------- Day and describe


def test_day_fields_for_the_publication_day() -> None:
    day = Day.from_jalali(1401, 3, 29)
    assert day.gregorian == KHORDAD_29
    assert day.jalali == (1401, 3, 29)
    assert day.jalali_iso == "1401-03-29"
    assert day.gregorian_iso == "2022-06-19"
    assert day.weekday_en == "Sunday"
    assert day.weekday_fa == "یکشنبه"
    assert day.written_fa == "یکشنبه ۲۹ خرداد ۱۴۰۱"
    assert day.written_en == "Sunday 19 June 2022"
    assert day.written_jalali_en == "29 Khordad 1401"
    assert Day.from_gregorian(2022, 6, 19) == day


def test_day_is_frozen_hashable_and_ordered() -> None:
    a, b = Day.from_jalali(1401, 3, 29), Day.from_jalali(1401, 3, 30)
    assert a < b and len({a, Day(KHORDAD_29)}) == 1
    with pytest.raises(AttributeError):
        a.gregorian = KHORDAD_29  # type: ignore[misc]


def test_weekday_names_cover_the_week() -> None:
    start = D(2022, 6, 20)  # a Monday
    names = [Day(start + datetime.timedelta(days=i)) for i in range(7)]
    assert [d.weekday_en for d in names] == list(WEEKDAYS_EN)
    assert [d.weekday_fa for d in names] == list(WEEKDAYS_FA)
    assert names[6].weekday_fa == "یکشنبه" and names[5].weekday_fa == "شنبه"
    assert all("\u200c" not in n for n in WEEKDAYS_FA + MONTHS_FA)


def test_tables() -> None:
    assert len(MONTHS_FA) == len(MONTHS_EN_TRANSLIT) == len(GREGORIAN_MONTHS_EN) == 12
    assert MONTHS_FA[8] == "آذر" and MONTHS_EN_TRANSLIT[8] == "Azar"
    assert MONTHS_FA[9] == "دی" and MONTHS_EN_TRANSLIT[9] == "Dey"


def test_describe() -> None:
    assert describe(Day.from_jalali(1401, 3, 29), "jalali") == {
        "input_calendar": "jalali",
        "jalali": "1401-03-29",
        "gregorian": "2022-06-19",
        "weekday_en": "Sunday",
        "weekday_fa": "یکشنبه",
        "written_fa": "یکشنبه ۲۹ خرداد ۱۴۰۱",
        "written_en": "Sunday 19 June 2022",
        "written_jalali_en": "29 Khordad 1401",
        "jalali_month_en": "Khordad",
        "jalali_month_fa": "خرداد",
        "gregorian_month_en": "June",
        "leap_year_jalali": False,
    }
    leap = describe(Day(D(2025, 3, 20)), "gregorian")
    assert leap["jalali"] == "1403-12-30" and leap["leap_year_jalali"] is True
    assert leap["input_calendar"] == "gregorian" and leap["jalali_month_en"] == "Esfand"


# --------------------------------------------------------------------------- spans


@pytest.mark.parametrize(
    ("year", "first", "last"),
    [
        (1300, D(1921, 3, 21), D(1922, 3, 21)),
        (1399, D(2020, 3, 20), D(2021, 3, 20)),
        (1400, D(2021, 3, 21), D(2022, 3, 20)),
        (1401, D(2022, 3, 21), D(2023, 3, 20)),
        (1403, D(2024, 3, 20), D(2025, 3, 20)),
        (1404, D(2025, 3, 21), D(2026, 3, 20)),
        (1479, D(2100, 3, 21), D(2101, 3, 20)),
    ],
)
def test_jalali_year_span(year: int, first: datetime.date, last: datetime.date) -> None:
    a, b = jalali_year_span(year)
    assert (a.gregorian, b.gregorian) == (first, last)
    assert a.jalali == (year, 1, 1) and b.jalali[:2] == (year, 12)


@pytest.mark.parametrize("year", [1299, 1480, 0, -5])
def test_jalali_year_span_outside(year: int) -> None:
    with pytest.raises(DateError, match="outside the supported range"):
        jalali_year_span(year)


def test_gregorian_year_overlap() -> None:
    spans = gregorian_year_overlap(2022)
    assert [(jy, a.gregorian, b.gregorian) for jy, a, b in spans] == [
        (1400, D(2021, 3, 21), D(2022, 3, 20)),
        (1401, D(2022, 3, 21), D(2023, 3, 20)),
    ]
    assert [jy for jy, _, _ in gregorian_year_overlap(1991)] == [1369, 1370]
    assert [jy for jy, _, _ in gregorian_year_overlap(1922)] == [1300, 1301]
    assert [jy for jy, _, _ in gregorian_year_overlap(2100)] == [1478, 1479]


@pytest.mark.parametrize(
    ("year", "fragment"),
    [(1921, "overlaps Jalali 1299"), (2101, "overlaps Jalali 1480"), (1900, "outside"),
     (0, "outside"), (99999, "outside")],
)  # fmt: skip
def test_gregorian_year_overlap_outside(year: int, fragment: str) -> None:
    with pytest.raises(DateError, match=fragment):
        gregorian_year_overlap(year)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1398", D(2019, 3, 21), D(2020, 3, 19)),
        ("۱۳۹۸", D(2019, 3, 21), D(2020, 3, 19)),
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("1398-01", D(2019, 3, 21), D(2019, 4, 20)),
        ("1398/1", D(2019, 3, 21), D(2019, 4, 20)),
        ("1398-12", D(2020, 2, 20), D(2020, 3, 19)),
        ("1399-12", D(2021, 2, 19), D(2021, 3, 20)),
        ("2019-03", D(2019, 3, 1), D(2019, 3, 31)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("Khordad 1401", D(2022, 5, 22), D(2022, 6, 21)),
        ("خرداد ماه ۱۴۰۱", D(2022, 5, 22), D(2022, 6, 21)),
        ("June 2022", D(2022, 6, 1), D(2022, 6, 30)),
        ("1401-03-29", KHORDAD_29, KHORDAD_29),
        ("19 June 2022", KHORDAD_29, KHORDAD_29),
        ("۲۹ خرداد ۱۴۰۱", KHORDAD_29, KHORDAD_29),
    ],
)
def test_parse_bound(text: str, first: datetime.date, last: datetime.date) -> None:
    assert parse_bound(text) == (first, last)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1299", "outside the supported range"),
        ("1921", "outside the supported range"),
        ("1700", "cannot tell the calendar"),
        ("1401-13", "month must be 1–12"),
        ("2019-00", "month must be 1–12"),
        ("Foo 1401", "unknown month name"),
        ("Khordad 2022", "names a Jalali month"),
        ("soon", "not a date: 'soon' (try 1401-03-29"),
        ("1404-12-30", "1404 is not a leap year"),
    ],
)
def test_parse_bound_refuses(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_bound(text)
    assert fragment in info.value.line()


# --------------------------------------------------------------------------- KB date objects

DEY_1400 = {"jalali": "1400-10", "gregorian": "2021-12-22/2022-01-20", "precision": "month"}
DAY_OBJ = {"jalali": "1401-03-29", "gregorian": "2022-06-19", "precision": "day"}
YEAR_1400 = {"jalali": "1400", "gregorian": "2021-03-21/2022-03-20", "precision": "year"}
DEC_1991 = {"jalali": "1370-09-10/1370-10-10", "gregorian": "1991-12", "precision": "month"}


@pytest.mark.parametrize(
    ("obj", "first", "last"),
    [
        (DEY_1400, D(2021, 12, 22), D(2022, 1, 20)),
        (DAY_OBJ, KHORDAD_29, KHORDAD_29),
        (YEAR_1400, D(2021, 3, 21), D(2022, 3, 20)),
        (DEC_1991, D(1991, 12, 1), D(1991, 12, 31)),
        ({"gregorian": "1991-12", "precision": "month"}, D(1991, 12, 1), D(1991, 12, 31)),
        ({"jalali": "1400-10", "precision": "month"}, D(2021, 12, 22), D(2022, 1, 20)),
        ({"jalali": "1400", "gregorian": None}, D(2021, 3, 21), D(2022, 3, 20)),
        ({"jalali": 1400}, D(2021, 3, 21), D(2022, 3, 20)),
        ({"jalali": "1399-12"}, D(2021, 2, 19), D(2021, 3, 20)),
        ({"jalali": "1401-03-29"}, KHORDAD_29, KHORDAD_29),
        ({"jalali": "1400-10-01/1400-10-30"}, D(2021, 12, 22), D(2022, 1, 20)),
        ({"jalali": "1400/1401"}, D(2021, 3, 21), D(2023, 3, 20)),
        ({"gregorian": "2022"}, D(2022, 1, 1), D(2022, 12, 31)),
        ({"gregorian": "2022-06-19/2022-06-21"}, KHORDAD_29, D(2022, 6, 21)),
    ],
)
def test_span_of(obj: dict[str, Any], first: datetime.date, last: datetime.date) -> None:
    assert span_of(obj) == (first, last)


@pytest.mark.parametrize(
    "obj",
    [
        {},
        {"precision": "day"},
        {"gregorian": "19 June 2022"},
        {"gregorian": "2022-06-31"},
        {"jalali": "1404-12-30"},
        {"jalali": "1400-13"},
        {"gregorian": "2022-06-21/2022-06-19"},
        {"gregorian": ["2022"]},
        {"gregorian": True},
    ],
)
def test_span_of_refuses_malformed(obj: dict[str, Any]) -> None:
    with pytest.raises(KbError):
        span_of(obj)


def test_builders_match_the_kb_examples() -> None:
    assert day_obj(Day.from_jalali(1401, 3, 29)) == DAY_OBJ
    assert jalali_month_obj(1400, 10) == DEY_1400
    assert jalali_year_obj(1400) == YEAR_1400
    assert gregorian_month_obj(1991, 12) == DEC_1991
    built = day_obj(Day(KHORDAD_29), stated="روز یکشنبه این هفه", basis="inferred", note="n")
    assert list(built) == ["jalali", "gregorian", "precision", "stated", "basis", "note"]
    assert built["basis"] == "inferred"
    assert jalali_month_obj(1399, 12)["gregorian"] == "2021-02-19/2021-03-20"
    assert jalali_month_obj(1401, 2)["gregorian"] == "2022-04-21/2022-05-21"


def test_builders_refuse_overrides_and_bad_values() -> None:
    with pytest.raises(TypeError, match="precision"):
        day_obj(Day(KHORDAD_29), precision="month")
    with pytest.raises(DateError, match="month must be 1–12"):
        jalali_month_obj(1400, 13)
    with pytest.raises(DateError, match="outside the supported range"):
        jalali_year_obj(1299)


def test_check_date_obj() -> None:
    for good in (DAY_OBJ, DEY_1400, YEAR_1400, DEC_1991, jalali_month_obj(1399, 12)):
        assert check_date_obj(good) == []
    assert any(
        "gregorian says" in p
        for p in check_date_obj({"jalali": "1370-09-17", "gregorian": "1991-12-16",
                                 "precision": "day"})
    )  # fmt: skip
    assert check_date_obj({"jalali": "1400-10", "gregorian": "2021-12", "precision": "month"})
    assert check_date_obj({"jalali": "1401-03", "gregorian": "2022-06-19", "precision": "day"})
    assert check_date_obj({"jalali": "1401-03-29", "gregorian": "2022-06-19"})
    assert check_date_obj({"gregorian": "2022-06-19", "precision": "day"}) == ["missing jalali"]


# --------------------------------------------------------------------------- import cost


def test_importing_dates_pulls_in_no_ui_libraries() -> None:
    code = (
        "import sys, kzir.dates, kzir.numerals; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'typer', 'click')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_month_names_load_without_the_calendar() -> None:
    """kzir.dates.months is plain data (the search reads it for any word beside a year): it
    does not import jdatetime, and the package loads the calendar only when asked for it."""
    code = (
        "import sys, kzir.dates.months as m; "
        "print(m.lookup_month('Khordaad'), 'jdatetime' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "('jalali', 3) False"


# --------------------------------------------------------------------------- fuzz

_WORDS = [
    *MONTHS_FA, *MONTHS_EN_TRANSLIT, *GREGORIAN_MONTHS_EN, *WEEKDAYS_EN, *WEEKDAYS_FA,
    "ماه", "سال", "روز", "of", "th", "AP", "AD", "میلادی", "today", "-", "/", ".", ",",
]  # fmt: skip
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=-5, max_value=10**6).map(str),
    st.integers(min_value=0, max_value=3000).map(lambda n: to_persian_digits(str(n))),
    st.text(max_size=4),
)


def _only_date_errors(text: str) -> None:
    try:
        day, calendar = parse_date(text)
    except DateError as exc:
        assert "\n" not in exc.line()
    else:
        assert calendar in ("jalali", "gregorian")
        assert in_range(day)



@given(st.text(max_size=60))
def test_fuzz_arbitrary_text(text: str) -> None:
    _only_date_errors(text)



@given(st.lists(_TOKENS, max_size=6).map(" ".join))
def test_fuzz_date_like_text(text: str) -> None:
    _only_date_errors(text)
    try:
        first, last = parse_bound(text)
    except DateError:
        pass
    else:
        assert first <= last



@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=-1, max_value=14),
    st.integers(min_value=-1, max_value=33),
    st.sampled_from(["-", "/"]),
    st.sampled_from([None, "jalali", "gregorian"]),
)
def test_fuzz_numeric_dates(y: int, m: int, d: int, sep: str, to: str | None) -> None:
    text = f"{y:04d}{sep}{m}{sep}{d}"
    try:
        day, calendar = parse_date(text, to)
    except DateError:
        return
    assert in_range(day)
    assert (day.jalali if calendar == "jalali" else day.gregorian.timetuple()[:3]) == (y, m, d)
