"""Jalali (Solar Hijri) and Gregorian dates for kzir, one job per module:

- ``calendar``: the ``Day`` type, month lengths, the supported range and year/month spans;
- ``parse``: the text parser behind ``kzir date`` and ``events --from/--to``;
- ``kbdate``: the KB's date objects (spans, checks, builders).

The names below are the package's public interface; import them from ``kzir.dates``.
"""

from kzir.dates.calendar import (
    CALENDARS,
    GREGORIAN_MONTHS_EN,
    MONTHS_EN_TRANSLIT,
    MONTHS_FA,
    SUPPORTED,
    SUPPORTED_FIRST,
    SUPPORTED_JALALI_YEARS,
    SUPPORTED_LAST,
    SUPPORTED_TEXT,
    WEEKDAYS_EN,
    WEEKDAYS_FA,
    Calendar,
    Day,
    check_range,
    from_parts,
    gregorian_month_length,
    gregorian_month_span,
    gregorian_year_overlap,
    gregorian_year_span,
    in_range,
    invalid_part,
    is_jalali_leap,
    iso,
    jalali_month_length,
    jalali_month_span,
    jalali_year_span,
    validate,
)
from kzir.dates.kbdate import (
    DateObject,
    check_date_obj,
    day_obj,
    gregorian_month_obj,
    jalali_month_obj,
    jalali_year_obj,
    range_obj,
    span_of,
)
from kzir.dates.parse import (
    GREGORIAN_YEAR_WINDOW,
    JALALI_YEAR_WINDOW,
    TWO_DIGIT_PIVOT,
    DateSpan,
    describe,
    describe_month,
    lookup_month,
    parse_bound,
    parse_date,
    read_date,
    translit_key,
)

__all__ = [
    "CALENDARS", "GREGORIAN_MONTHS_EN", "GREGORIAN_YEAR_WINDOW", "JALALI_YEAR_WINDOW",
    "MONTHS_EN_TRANSLIT", "MONTHS_FA", "SUPPORTED", "SUPPORTED_FIRST", "SUPPORTED_JALALI_YEARS",
    "SUPPORTED_LAST", "SUPPORTED_TEXT", "TWO_DIGIT_PIVOT", "WEEKDAYS_EN", "WEEKDAYS_FA",
    "Calendar", "DateObject", "DateSpan", "Day", "check_date_obj", "check_range", "day_obj",
    "describe", "describe_month", "from_parts", "gregorian_month_length", "gregorian_month_obj",
    "gregorian_month_span", "gregorian_year_overlap", "gregorian_year_span", "in_range",
    "invalid_part", "is_jalali_leap", "iso", "jalali_month_length", "jalali_month_obj",
    "jalali_month_span", "jalali_year_obj", "jalali_year_span", "lookup_month", "parse_bound",
    "parse_date", "range_obj", "read_date", "span_of", "translit_key", "validate",
]  # fmt: skip
