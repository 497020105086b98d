"""The knowledge base's date objects: their spans (for filtering and sorting), their checks and
the builders that write them, so every date in the KB has one shape.

A date object is ``{"jalali", "gregorian", "precision", "stated", "basis", "note"}``; for month
or year precision one side is the stated value and the other an ISO 8601 ``a/b`` interval; a
``range`` is a span of days that is not a whole month or year ("during this week's visit"), both
sides ``YYYY-MM-DD/YYYY-MM-DD``, so the KB never claims a day the article does not give.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

from kzir.dates.calendar import (
    CALENDARS,
    Calendar,
    Day,
    from_parts,
    gregorian_month_length,
    jalali_month_length,
)
from kzir.errors import DateError, KbError

DateObject: TypeAlias = dict[str, Any]
"""A KB date object: ``jalali``, ``gregorian``, ``precision`` (day|month|year|range) and extras."""

_PRECISIONS: Final = ("day", "month", "year", "range")
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
            one = from_parts(calendar, y, mo, d)
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
        if precision == "range" and not _RANGE_VALUE.fullmatch(str(value)):
            problems.append(
                f"precision range needs {calendar} as YYYY-MM-DD/YYYY-MM-DD, not {value!r}"
            )
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
_RANGE_VALUE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}")
