"""Jalali (Solar Hijri) and Gregorian dates for kzir, one job per module:

- ``months``: the month names of both calendars in every spelling read, and their lookup
  (plain data: no jdatetime);
- ``calendar``: the ``Day`` type, month lengths, the supported range and year/month spans;
- ``parse``: the text parser behind ``kzir date`` and ``events --from/--to``;
- ``kbdate``: the KB's date objects (spans, checks, builders).

The names below are the package's public interface; import them from ``kzir.dates``. Each is
loaded from its module on first use (PEP 562), so importing ``kzir.dates.months`` — as the
search does for every query with a year — does not import jdatetime and the calendar.
"""

from __future__ import annotations

from kzir.lazy import exports

_HOMES: dict[str, tuple[str, ...]] = {
    "months": ("GREGORIAN_MONTHS_EN", "GREGORIAN_MONTHS_FA", "MONTHS_EN_TRANSLIT", "MONTHS_FA",
               "lookup_month", "translit_key"),
    "calendar": ("CALENDARS", "SUPPORTED", "SUPPORTED_FIRST", "SUPPORTED_JALALI_YEARS",
                 "SUPPORTED_LAST", "SUPPORTED_TEXT", "WEEKDAYS_EN", "WEEKDAYS_FA", "Calendar",
                 "Day", "check_range", "from_parts", "gregorian_month_length",
                 "gregorian_month_span", "gregorian_year_overlap", "gregorian_year_span",
                 "in_range", "invalid_part", "is_jalali_leap", "iso", "jalali_month_length",
                 "jalali_month_span", "jalali_year_span", "validate"),
    "kbdate": ("DateObject", "check_date_obj", "span_of"),
    "parse": ("TWO_DIGIT_PIVOT", "DateSpan",
              "describe", "describe_month", "parse_bound", "parse_date", "read_date"),
}  # fmt: skip
__all__, __getattr__, __dir__ = exports("kzir.dates", _HOMES, globals())
