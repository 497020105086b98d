"""KB date objects built from days, months and years: what a KB author writes, used by the tests
to state expected values (kzir itself reads date objects, it never builds them)."""

from __future__ import annotations

from typing import Any

from kzir.dates import (
    Day,
    gregorian_month_span,
    jalali_month_span,
    jalali_year_span,
)
from kzir.errors import DateError

DateObject = dict[str, Any]


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


def range_obj(first: Day, last: Day, **extra: Any) -> DateObject:
    """KB date object for a span of days the article supports but does not narrow to one day."""
    if last.gregorian <= first.gregorian:
        raise DateError(f"a range needs its last day after its first: {first} … {last}")
    return _with_extra(
        {
            "jalali": f"{first.jalali_iso}/{last.jalali_iso}",
            "gregorian": f"{first.gregorian_iso}/{last.gregorian_iso}",
            "precision": "range",
        },
        extra,
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
