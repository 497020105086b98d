"""Calendar checks: every Gregorian = Jalali equivalence and weekday the article states."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from ..dates import (
    GREGORIAN_MONTHS_EN,
    GREGORIAN_MONTHS_FA,
    MONTHS_FA,
    WEEKDAYS_EN,
    WEEKDAYS_FA,
    Day,
)
from ..kb import KB
from ..model import Record
from ..numerals import to_ascii_digits
from .common import Article, Evidence, Finding, article_of, fa, slug

# --------------------------------------------------------------------------- calendar

_GREGORIAN_MONTH_WORDS: Final = {
    name: i for i, names in enumerate(GREGORIAN_MONTHS_FA, 1) for name in names
}
_JALALI_MONTH_WORDS: Final = {name: i for i, name in enumerate(MONTHS_FA, 1)}
_D: Final = r"([0-9۰-۹]{1,2})"
_Y4: Final = r"([0-9۰-۹]{4})"
_G_MONTH: Final = "|".join(sorted(_GREGORIAN_MONTH_WORDS, key=len, reverse=True))
_J_MONTH: Final = "|".join(sorted(_JALALI_MONTH_WORDS, key=len, reverse=True))
_G_DATE: Final = rf"{_D}\s*({_G_MONTH})\s*(?:ماه\s*)?(?:سال\s*)?{_Y4}"
_J_DATE: Final = rf"{_D}\s*({_J_MONTH})\s*(?:ماه\s*)?(?:سال\s*)?{_Y4}"
_EQUIVALENCE: Final = re.compile(
    rf"(?:{_G_DATE}\s*(?:برابر با|مطابق با|معادل)\s*{_J_DATE})"
    rf"|(?:{_J_DATE}\s*(?:برابر با|مطابق با|معادل)\s*{_G_DATE})"
)
_WEEKDAY_NAMES: Final = {**{w.lower(): i for i, w in enumerate(WEEKDAYS_EN)},
                         **{w.replace(" ", ""): i for i, w in enumerate(WEEKDAYS_FA)}}


def iter_dates(value: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every KB date object inside a record, with its field path (e.g. ``date``, ``signed``)."""
    if isinstance(value, Mapping):
        if "precision" in value and ("jalali" in value or "gregorian" in value):
            yield path, value
            return
        for key, sub in value.items():
            yield from iter_dates(sub, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            yield from iter_dates(sub, f"{path}[{i}]")


def _where_stated(record: Record, date_obj: Mapping[str, Any], article: Article) -> Evidence | None:
    """The paragraph and verbatim words where the article states this date."""
    stated = date_obj.get("stated")
    cited = [s.paragraph for s in record.sources]
    if stated:
        for n in [*cited, *sorted(article)]:
            if stated in article.get(n, ""):
                return Evidence(n, stated)
    return None


def g_en(d: datetime.date) -> str:
    return f"{d.day} {GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"


def g_fa(d: datetime.date) -> str:
    return fa(f"{d.day} {GREGORIAN_MONTHS_FA[d.month - 1][0]} {d.year}")


def j_en(day: Day) -> str:
    return day.written_jalali_en


def j_fa(day: Day) -> str:
    y, m, d = day.jalali
    return fa(f"{d} {MONTHS_FA[m - 1]} {y}")


def parse_iso(text: object) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", str(text or ""))
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def _equivalence_finding(fid: str, g: Day, j: Day, where: Evidence, extra: dict[str, Any],
                         known: Mapping[str, Any] | None) -> Finding:
    """An error: the article equates Gregorian ``g`` with Jalali ``j``, which are different days."""
    right_j, right_g = Day(g.gregorian), Day.from_jalali(*j.jalali)
    blame_en = blame_fa = ""
    if known is not None:
        if known.get("gregorian") == g.gregorian_iso:
            blame_en = " The Gregorian date is the right one, so the Jalali side is wrong."
            blame_fa = " تاریخ میلادی درست است و تاریخ شمسی اشتباه است."
        elif known.get("jalali") == j.jalali_iso:
            blame_en = " The Jalali date is the right one, so the Gregorian side is wrong."
            blame_fa = " تاریخ شمسی درست است و تاریخ میلادی اشتباه است."
    return Finding(
        id=fid,
        severity="error",
        category="calendar",
        message_en=(
            f"p{where.paragraph} equates {g_en(g.gregorian)} with {j_en(j)}, but "
            f"{g_en(g.gregorian)} is {j_en(right_j)} ({j_en(j)} is "
            f"{g_en(right_g.gregorian)}).{blame_en}"
        ),
        message_fa=(
            f"در بند {fa(where.paragraph)}، {g_fa(g.gregorian)} برابر با {j_fa(j)} آمده "
            f"است، اما {g_fa(g.gregorian)} برابر با {j_fa(right_j)} است ({j_fa(j)} برابر با "
            f"{g_fa(right_g.gregorian)} است).{blame_fa}"
        ),
        evidence=(where,),
        computation=(
            f"Gregorian {g.gregorian_iso} → Jalali {right_j.jalali_iso}; Jalali {j.jalali_iso} → "
            f"Gregorian {right_g.gregorian_iso} (jdatetime); the two stated days are "
            f"{abs((right_g.gregorian - g.gregorian).days)} days apart."
        ),
        source="computed",
        intended_fa=j_fa(right_j) if blame_en.startswith(" The Gregorian") else None,
        extra=extra,
    )


def check_calendar(kb: KB, article: Article | None = None) -> list[Finding]:
    """Every Gregorian = Jalali equivalence and every weekday the article states.

    The KB's date objects carry what the article literally claims (``stated_jalali``,
    ``stated_gregorian``, ``stated_weekday``); equivalences the KB does not record are also read
    from the text («… دسامبر ۱۹۹۱ برابر با … آذر ۱۳۷۰»), so none goes unchecked.
    """
    article = article_of(kb) if article is None else article
    findings: list[Finding] = []
    covered: set[int] = set()
    for record in kb.records:
        for path, date_obj in iter_dates(dict(record.data)):
            where = _where_stated(record, date_obj, article) or (
                Evidence(record.sources[0].paragraph, record.sources[0].quote)
                if record.sources else None)
            if where is None:
                continue
            g_parts = parse_iso(date_obj.get("stated_gregorian"))
            j_parts = parse_iso(date_obj.get("stated_jalali"))
            if g_parts and j_parts:
                covered.add(where.paragraph)
                g, j = Day.from_gregorian(*g_parts), Day.from_jalali(*j_parts)
                if g != j:
                    findings.append(_equivalence_finding(
                        f"calendar-p{where.paragraph}-{slug(record.id)}", g, j, where,
                        {"related": [record.id], "field": path}, date_obj))
            weekday = str(date_obj.get("stated_weekday") or "").strip()
            day_parts = parse_iso(date_obj.get("gregorian"))
            if weekday and day_parts:
                claimed = _WEEKDAY_NAMES.get(weekday.lower().replace(" ", ""))
                actual = Day.from_gregorian(*day_parts)
                if claimed is not None and claimed != actual.gregorian.weekday():
                    findings.append(Finding(
                        id=f"calendar-p{where.paragraph}-{slug(record.id)}-weekday",
                        severity="error",
                        category="calendar",
                        message_en=(f"p{where.paragraph} puts {WEEKDAYS_EN[claimed]} on "
                                    f"{j_en(actual)} = {g_en(actual.gregorian)}, which is a "
                                    f"{actual.weekday_en}."),
                        message_fa=(f"در بند {fa(where.paragraph)} روز «{WEEKDAYS_FA[claimed]}» "
                                    f"آمده است، اما {j_fa(actual)} ({g_fa(actual.gregorian)}) "
                                    f"{actual.weekday_fa} است."),
                        evidence=(where,),
                        computation=(f"{record.id}.{path}: {actual.gregorian_iso} is a "
                                     f"{actual.weekday_en}; stated_weekday = {weekday}"),
                        source="computed",
                        intended_fa=actual.weekday_fa,
                        extra={"related": [record.id], "field": path},
                    ))
    for n, text in sorted(article.items()):
        if n in covered:
            continue
        for i, m in enumerate(_EQUIVALENCE.finditer(text), 1):
            g_first = m.group(1) is not None
            gd, gm, gy, jd, jm, jy = (m.group(1, 2, 3, 4, 5, 6) if g_first
                                      else m.group(10, 11, 12, 7, 8, 9))
            g = Day.from_gregorian(int(to_ascii_digits(gy)), _GREGORIAN_MONTH_WORDS[gm],
                                   int(to_ascii_digits(gd)))
            j = Day.from_jalali(int(to_ascii_digits(jy)), _JALALI_MONTH_WORDS[jm],
                                int(to_ascii_digits(jd)))
            if g != j:
                suffix = "" if i == 1 else f"-{i}"
                findings.append(_equivalence_finding(
                    f"calendar-p{n}-equivalence{suffix}", g, j, Evidence(n, m.group(0)), {},
                    None))
    return findings
