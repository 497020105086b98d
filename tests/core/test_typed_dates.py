"""Dates as people type them: one table of inputs, each with the answer it must give.

Every accepted input is checked three ways, so a wrong answer cannot hide behind a wrong table
row: the parser's result equals the row; the row's Jalali/Gregorian pair agrees with jdatetime
(called directly, not through kzir); and where the Gregorian day is in reference_dates.csv (three
libraries agree on those) the row agrees with it too. Refusals are checked for their message and,
through the CLI, for exit code 2 and a single line on stderr.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import jdatetime
import pytest

from kzir.dates import read_date

DATA = Path(__file__).resolve().parents[1] / "data"
REFERENCE = {
    row["gregorian"]: row["jalali"]
    for row in csv.DictReader((DATA / "reference_dates.csv").open())
}

# (typed, calendar it is written in, Jalali day, Gregorian day)
DAYS: list[tuple[str, str, str, str]] = [
    # year first, every digit script and separator
    ("1401-03-29", "jalali", "1401-03-29", "2022-06-19"),
    ("1401/3/29", "jalali", "1401-03-29", "2022-06-19"),
    ("1401.03.29", "jalali", "1401-03-29", "2022-06-19"),
    ("۱۴۰۱/۰۳/۲۹", "jalali", "1401-03-29", "2022-06-19"),
    ("١٤٠١/٠٣/٢٩", "jalali", "1401-03-29", "2022-06-19"),
    ("14010329", "jalali", "1401-03-29", "2022-06-19"),
    ("20220619", "gregorian", "1401-03-29", "2022-06-19"),
    ("2022/6/19", "gregorian", "1401-03-29", "2022-06-19"),
    ("1401 03 29", "jalali", "1401-03-29", "2022-06-19"),
    # year last, day first: a number over 12 cannot be a month
    ("29/03/1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29-3-1401", "jalali", "1401-03-29", "2022-06-19"),
    ("۲۹/۳/۱۴۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("٢٩/٠٣/١٤٠١", "jalali", "1401-03-29", "2022-06-19"),
    ("19/06/2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("19.06.2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("۱۹/۰۶/۲۰۲۲", "gregorian", "1401-03-29", "2022-06-19"),
    ("25/03/2022", "gregorian", "1401-01-05", "2022-03-25"),
    ("03/25/2022", "gregorian", "1401-01-05", "2022-03-25"),
    ("06/19/2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("16/12/1991", "gregorian", "1370-09-25", "1991-12-16"),
    ("25-09-1370", "jalali", "1370-09-25", "1991-12-16"),
    ("17/9/1370", "jalali", "1370-09-17", "1991-12-08"),
    ("12/12/2022", "gregorian", "1401-09-21", "2022-12-12"),
    ("30/12/1403", "jalali", "1403-12-30", "2025-03-20"),
    ("19 06 2022", "gregorian", "1401-03-29", "2022-06-19"),
    # month names, any order, with or without weekday, ordinal, era, «ماه», «سال»
    ("29 Khordad 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("Khordad 29, 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("1401 Khordad 29", "jalali", "1401-03-29", "2022-06-19"),
    ("۱۴۰۱ خرداد ۲۹", "jalali", "1401-03-29", "2022-06-19"),
    ("2022 June 19", "gregorian", "1401-03-29", "2022-06-19"),
    ("2022-Jun-19", "gregorian", "1401-03-29", "2022-06-19"),
    ("19-Jun-2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("19 June 2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("June 19th, 2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("the 19th of June 2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("Sunday, June 19, 2022", "gregorian", "1401-03-29", "2022-06-19"),
    ("یکشنبه ۲۹ خرداد ۱۴۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("روز ۲۹ خرداد ماه سال ۱۴۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("۲۹ خرداد ۱۴۰۱ ه.ش", "jalali", "1401-03-29", "2022-06-19"),
    ("۲۹ خرداد ۱۴۰۱ شمسی", "jalali", "1401-03-29", "2022-06-19"),
    ("29 Khordad 1401 AP", "jalali", "1401-03-29", "2022-06-19"),
    ("۱۹ ژوئن ۲۰۲۲", "gregorian", "1401-03-29", "2022-06-19"),
    ("۱۹ ژوئن ۲۰۲۲ م", "gregorian", "1401-03-29", "2022-06-19"),
    ("۱۶ دسامبر سال ۱۹۹۱", "gregorian", "1370-09-25", "1991-12-16"),
    ("۲۹ام خرداد ۱۴۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("29th of Khordad 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("khordad mah 29 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29Khordad1401", "jalali", "1401-03-29", "2022-06-19"),
    ("۲۹خرداد۱۴۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("1401–03–29", "jalali", "1401-03-29", "2022-06-19"),
    ("Jun. 19, 2022", "gregorian", "1401-03-29", "2022-06-19"),
    # transliterations of every Jalali month
    ("1 Farvardin 1401", "jalali", "1401-01-01", "2022-03-21"),
    ("1 Farwardin 1401", "jalali", "1401-01-01", "2022-03-21"),
    ("1 Farvardeen 1401", "jalali", "1401-01-01", "2022-03-21"),
    ("3 Ordibehesht 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("3 Ordībehešt 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("3 Ordibehest 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("3 Urdibihisht 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("3 Ardibehesht 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("3 اردی بهشت 1401", "jalali", "1401-02-03", "2022-04-23"),
    ("29 Khordaad 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29 Xordad 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29 Khurdad 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29 Ḵordād 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29 Khordâd 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("29 KHORDAD 1401", "jalali", "1401-03-29", "2022-06-19"),
    ("1 Teer 1401", "jalali", "1401-04-01", "2022-06-22"),
    ("1 Murdad 1401", "jalali", "1401-05-01", "2022-07-23"),
    ("1 Amordad 1401", "jalali", "1401-05-01", "2022-07-23"),
    ("1 Mordaad 1401", "jalali", "1401-05-01", "2022-07-23"),
    ("26 Shahrivar 1400", "jalali", "1400-06-26", "2021-09-17"),
    ("26 Shahriwar 1400", "jalali", "1400-06-26", "2021-09-17"),
    ("26 Šahrīvar 1400", "jalali", "1400-06-26", "2021-09-17"),
    ("1 Mihr 1401", "jalali", "1401-07-01", "2022-09-23"),
    ("1 Meher 1401", "jalali", "1401-07-01", "2022-09-23"),
    ("1 Abaan 1401", "jalali", "1401-08-01", "2022-10-23"),
    ("1 Ābān 1401", "jalali", "1401-08-01", "2022-10-23"),
    ("25 Azar 1370", "jalali", "1370-09-25", "1991-12-16"),
    ("25 Āzar 1370", "jalali", "1370-09-25", "1991-12-16"),
    ("25 Adhar 1370", "jalali", "1370-09-25", "1991-12-16"),
    ("12 Dey 1400", "jalali", "1400-10-12", "2022-01-02"),
    ("12 Day 1400", "jalali", "1400-10-12", "2022-01-02"),
    ("12 Dei 1400", "jalali", "1400-10-12", "2022-01-02"),
    ("8 Bahman 1391", "jalali", "1391-11-08", "2013-01-27"),
    ("8 Esfand 1391", "jalali", "1391-12-08", "2013-02-26"),
    ("8 Isfand 1391", "jalali", "1391-12-08", "2013-02-26"),
    ("8 Espand 1391", "jalali", "1391-12-08", "2013-02-26"),
    ("30 Esfand 1399", "jalali", "1399-12-30", "2021-03-20"),
    # two-digit years: the calendar from the month name or era, the century by the pivot 50
    ("29 Khordad 01", "jalali", "1401-03-29", "2022-06-19"),
    ("۲۹ خرداد ۰۱", "jalali", "1401-03-29", "2022-06-19"),
    ("30 Esfand 99", "jalali", "1399-12-30", "2021-03-20"),
    ("19 June 22", "gregorian", "1401-03-29", "2022-06-19"),
    ("Dec 16, 91", "gregorian", "1370-09-25", "1991-12-16"),
]

# (typed, calendar, precision, first Gregorian day, last Gregorian day)
SPANS: list[tuple[str, str, str, str, str]] = [
    ("1401", "jalali", "year", "2022-03-21", "2023-03-20"),
    ("۱۴۰۰", "jalali", "year", "2021-03-21", "2022-03-20"),
    ("١٣٩٩", "jalali", "year", "2020-03-20", "2021-03-20"),
    ("سال ۱۴۰۱", "jalali", "year", "2022-03-21", "2023-03-20"),
    ("1401 AP", "jalali", "year", "2022-03-21", "2023-03-20"),
    ("2022", "gregorian", "year", "2022-01-01", "2022-12-31"),
    ("۲۰۲۲ میلادی", "gregorian", "year", "2022-01-01", "2022-12-31"),
    ("Khordad 1401", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("1401 Khordad", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("Xordad 1401", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("خرداد ۱۴۰۱", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("خرداد ماه ۱۴۰۱", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("1401-03", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("03/1401", "jalali", "month", "2022-05-22", "2022-06-21"),
    ("دی ۱۴۰۰", "jalali", "month", "2021-12-22", "2022-01-20"),
    ("Day 1400", "jalali", "month", "2021-12-22", "2022-01-20"),
    ("Esfand 1403", "jalali", "month", "2025-02-19", "2025-03-20"),
    ("June 2022", "gregorian", "month", "2022-06-01", "2022-06-30"),
    ("Jun 2022", "gregorian", "month", "2022-06-01", "2022-06-30"),
    ("2022 June", "gregorian", "month", "2022-06-01", "2022-06-30"),
    ("ژوئن ۲۰۲۲", "gregorian", "month", "2022-06-01", "2022-06-30"),
    ("ژانویه ۲۰۲۲", "gregorian", "month", "2022-01-01", "2022-01-31"),
    ("2024-02", "gregorian", "month", "2024-02-01", "2024-02-29"),
]

# (typed, a fragment of the one-line message)
REFUSED: list[tuple[str, str]] = [
    ("05/06/2022", "ambiguous date '05/06/2022': 5 June or 6 May 2022"),
    ("01/02/1401", "ambiguous date"),
    ("۰۵/۰۶/۲۰۲۲", "ambiguous date"),
    ("32 Khordad 1401", "no such day: Khordad has 31 days"),
    ("1401-03-32", "no such day: Khordad has 31 days"),
    ("32/03/1401", "no such day: Khordad has 31 days"),
    ("31 Mehr 1401", "no such day: Mehr has 30 days"),
    ("30 Esfand 1401", "no such day: 1401 is not a leap year: Esfand 1401 has 29 days"),
    ("31/06/2022", "no such day: June 2022 has 30 days"),
    ("29 Feb 2022", "no such day: February 2022 has 28 days"),
    ("13/13/2022", "no such month"),
    ("1401-13-01", "no such month: month must be 1–12"),
    ("1401-13", "no such month"),
    ("29/03/01", "cannot tell the calendar of the two-digit year"),
    ("29 Khordad", "has no year"),
    ("June 19", "has no year"),
    ("29 Khordad 2022", "names a Jalali month but 2022 looks like a Gregorian year"),
    ("Khordad 2022", "names a Jalali month"),
    ("9999-01-01", "cannot tell the calendar of year 9999"),
    ("10000-01-01", "not a date"),
    ("9999", "cannot tell the calendar"),
    ("10000", "not a date"),
    ("1480-01-01", "outside the supported range"),
    ("1299", "outside the supported range"),
    ("2101-06-19", "outside the supported range"),
    ("29 Khordat 1401", "did you mean Khordad?"),
    ("Monday 29 Khordad 1401", "is a Sunday"),
    ("next week", "not a date"),
    ("", "not a date"),
]


def _jdatetime_pair(jalali: str) -> str:
    y, m, d = (int(p) for p in jalali.split("-"))
    return jdatetime.date(y, m, d).togregorian().isoformat()


@pytest.mark.parametrize(("typed", "calendar", "jalali", "gregorian"), DAYS)
def test_typed_day(typed: str, calendar: str, jalali: str, gregorian: str) -> None:
    # guard the table itself with an independent conversion and the reference pairs
    assert _jdatetime_pair(jalali) == gregorian
    assert REFERENCE.get(gregorian, jalali) == jalali
    span = read_date(typed)
    assert (span.precision, span.calendar) == ("day", calendar)
    assert (span.first.jalali_iso, span.first.gregorian_iso) == (jalali, gregorian)


@pytest.mark.parametrize(("typed", "calendar", "precision", "first", "last"), SPANS)
def test_typed_span(typed: str, calendar: str, precision: str, first: str, last: str) -> None:
    span = read_date(typed)
    assert (span.calendar, span.precision) == (calendar, precision)
    assert (span.first.gregorian_iso, span.last.gregorian_iso) == (first, last)
    # a span starts on the first and ends on the last day of its month or year, by jdatetime
    j_first = jdatetime.date.fromgregorian(date=datetime.date.fromisoformat(first))
    j_last = jdatetime.date.fromgregorian(date=datetime.date.fromisoformat(last))
    g_first, g_next = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    if calendar == "jalali":
        assert j_first.day == 1 and (j_last + jdatetime.timedelta(days=1)).day == 1
        if precision == "year":
            assert j_first.month == 1 and j_last.month == 12
    else:
        assert g_first.day == 1 and (g_next + datetime.timedelta(days=1)).day == 1


@pytest.mark.parametrize(("typed", "fragment"), REFUSED)
def test_typed_refused(typed: str, fragment: str, cli) -> None:
    result = cli("date", typed)
    assert result.code == 2
    assert result.out == ""
    assert fragment in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


@pytest.mark.parametrize(
    ("words", "offset"),
    [("today", 0), ("امروز", 0), ("yesterday", -1), ("دیروز", -1), ("tomorrow", 1), ("فردا", 1),
     ("day after tomorrow", 2), ("پس فردا", 2), ("پریروز", -2)],
)  # fmt: skip
def test_relative_days(words: str, offset: int) -> None:
    before = datetime.date.today()
    span = read_date(words)
    after = datetime.date.today()
    delta = datetime.timedelta(days=offset)
    assert span.precision == "day"
    assert before + delta <= span.first.gregorian <= after + delta


def test_cli_spans_look_like_date_year(cli) -> None:
    assert cli("date", "1401", "--json").json() == cli("date", "year", "1401", "--json").json()
    assert cli("date", "2022", "--json").json() == cli("date", "year", "2022", "--json").json()
    month = cli("date", "Khordad", "1401", "--json").json()
    assert month["jalali"] == "1401-03" and month["gregorian"] == "2022-05-22/2022-06-21"
    assert month["first"]["jalali"] == "1401-03-01" and month["last"]["jalali"] == "1401-03-31"
    assert month["days"] == 31


def test_every_table_covers_every_jalali_month() -> None:
    months = {int(j.split("-")[1]) for _, calendar, j, _ in DAYS if calendar == "jalali"}
    assert months == set(range(1, 13))
