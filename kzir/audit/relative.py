"""Relative dates ("last year", "this week") resolved against the publication week."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ..dates import (
    MONTHS_EN_TRANSLIT,
    MONTHS_FA,
    Day,
    jalali_month_span,
    jalali_year_span,
    span_of,
)
from ..kb import KB
from ..model import Record
from .calendar_checks import g_en, g_fa, iter_dates, j_en, j_fa, parse_iso
from .common import (
    Article,
    Evidence,
    Finding,
    around,
    article_of,
    body_of,
    evidence_of,
    fa,
)

# --------------------------------------------------------------------------- relative dates


@dataclass(frozen=True, slots=True)
class _Relative:
    key: str
    pattern: str
    gloss: str
    resolve: Callable[[Day], tuple[Day, Day, str, str]]


def _week(anchor: Day) -> tuple[Day, Day, str, str]:
    """The Iranian week (Saturday–Friday) that holds the anchor day."""
    start = Day(anchor.gregorian - datetime.timedelta(days=(anchor.gregorian.weekday() - 5) % 7))
    end = Day(start.gregorian + datetime.timedelta(days=6))
    return (start, end,
            f"the week of Saturday {j_en(start)} – Friday {j_en(end)} "
            f"({g_en(start.gregorian)} – {g_en(end.gregorian)})",
            f"هفته شنبه {j_fa(start)} تا جمعه {j_fa(end)}")


def _year_offset(offset: int) -> Callable[[Day], tuple[Day, Day, str, str]]:
    def resolve(anchor: Day) -> tuple[Day, Day, str, str]:
        year = anchor.jalali[0] + offset
        first, last = jalali_year_span(year)
        return (first, last,
                f"Iranian year {year} ({g_en(first.gregorian)} – {g_en(last.gregorian)})",
                f"سال {fa(year)}")

    return resolve


def _last_month(anchor: Day) -> tuple[Day, Day, str, str]:
    y, m, _ = anchor.jalali
    y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    first, last = jalali_month_span(y, m)
    return (first, last,
            f"{MONTHS_EN_TRANSLIT[m - 1]} {y} ({g_en(first.gregorian)} – {g_en(last.gregorian)})",
            fa(f"{MONTHS_FA[m - 1]} {y}"))


def _day_before(anchor: Day) -> tuple[Day, Day, str, str]:
    day = Day(anchor.gregorian - datetime.timedelta(days=1))
    return (day, day, f"{day.weekday_en} {j_en(day)} = {g_en(day.gregorian)}",
            f"{day.weekday_fa} {j_fa(day)}")


def _now(anchor: Day) -> tuple[Day, Day, str, str]:
    return (anchor, anchor, f"the publication week ({j_en(anchor)} = {g_en(anchor.gregorian)})",
            f"هفته انتشار ({j_fa(anchor)})")


def _years_back(count: int) -> Callable[[Day], tuple[Day, Day, str, str]]:
    def resolve(anchor: Day) -> tuple[Day, Day, str, str]:
        last_full = anchor.jalali[0] - 1
        first = jalali_year_span(last_full - count + 1)[0]
        last = jalali_year_span(last_full)[1]
        return (first, last,
                f"about Iranian years {last_full - count + 1}–{last_full} "
                f"({first.gregorian.year}–{last.gregorian.year}); the article does not say "
                "which years",
                fa(f"حدود سال‌های {last_full - count + 1} تا {last_full}"))

    return resolve


_W0: Final = r"(?<!\w)"
_W1: Final = r"(?!\w)"
RELATIVE_EXPRESSIONS: Final[tuple[_Relative, ...]] = (
    _Relative("this-week", rf"{_W0}این (?:هفته|هفه){_W1}", "this week", _week),
    _Relative("last-year", rf"{_W0}سال گذشته{_W1}", "last year", _year_offset(-1)),
    _Relative("last-month", rf"{_W0}(?<!سال )ماه گذشته{_W1}", "last month", _last_month),
    _Relative("current-year", rf"{_W0}سال جاری{_W1}", "the current year", _year_offset(0)),
    _Relative("day-before", rf"{_W0}یک روز پیش از{_W1}", "one day before", _day_before),
    _Relative("so-far", rf"{_W0}تاکنون{_W1}", "so far", _now),
    _Relative("right-now", rf"{_W0}هم ?اکنون{_W1}", "right now", _now),
    _Relative("now", rf"{_W0}(?<!هم )اکنون{_W1}", "now", _now),
    _Relative("last-20-years", rf"{_W0}(?:۲۰|20|بیست) سال اخیر{_W1}", "the last 20 years",
              _years_back(20)),
    _Relative("last-two-decades", rf"{_W0}دو دهه (?:اخیر|گذشته){_W1}", "the last two decades",
              _years_back(20)),
)


def publication_day(kb: KB) -> Day | None:
    """The day relative dates are resolved against (the KB's ``meta.published``)."""
    published = kb.meta.get("published") or {}
    parts = parse_iso(published.get("gregorian")) if isinstance(published, Mapping) else None
    return Day.from_gregorian(*parts) if parts else None


def _records_stating(kb: KB, phrase: str, n: int, text: str
                     ) -> list[tuple[Record, str, Mapping[str, Any]]]:
    """KB records citing paragraph ``n`` whose date was inferred from this phrase there."""
    out = []
    for record in kb.records:
        if not any(s.paragraph == n for s in record.sources):
            continue
        for path, date_obj in iter_dates(dict(record.data)):
            stated = date_obj.get("stated")
            if stated and phrase in stated and stated in text:
                out.append((record, path, date_obj))
                break
    return sorted(out, key=lambda item: item[0].kind != "event")  # events name the occasion


def _date_obj_words(date_obj: Mapping[str, Any]) -> tuple[str, str]:
    """A KB date object in words, (English, Persian): a day, a Jalali month or an Iranian year."""
    first, last = span_of(date_obj)
    if first == last:
        day = Day(first)
        return (f"{day.weekday_en} {j_en(day)} = {g_en(first)}",
                f"{day.weekday_fa} {j_fa(day)}")
    span_en = f"{g_en(first)} – {g_en(last)}"
    jalali = str(date_obj.get("jalali") or "")
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2}))?", jalali)
    if m and m[2]:
        y, mo = int(m[1]), int(m[2])
        return f"{MONTHS_EN_TRANSLIT[mo - 1]} {y} ({span_en})", fa(f"{MONTHS_FA[mo - 1]} {y}")
    if m:
        return f"Iranian year {m[1]} ({span_en})", f"سال {fa(m[1])}"
    return span_en, fa(f"{first.isoformat()} تا {last.isoformat()}")


def check_relative_dates(kb: KB, article: Article | None = None) -> list[Finding]:
    """Each relative date the article uses, resolved against the publication week.

    Where a KB record carries a date inferred from the phrase, that date is the resolution and
    the rule's own result is shown beside it; otherwise the rule (e.g. last year = publication
    year − 1) gives it.
    """
    article = body_of(kb, article_of(kb) if article is None else article)
    anchor = publication_day(kb)
    if anchor is None:
        return []
    findings = []
    for n, text in sorted(article.items()):
        for rel in RELATIVE_EXPRESSIONS:
            matches = list(re.finditer(rel.pattern, text))
            if not matches:
                continue
            first, last, rule_en, rule_fa = rel.resolve(anchor)
            phrase = matches[0].group(0)
            stating = _records_stating(kb, phrase, n, text)
            computation = (f"publication week anchor: {anchor.gregorian_iso} = "
                           f"{anchor.jalali_iso} (kb meta.published); {rel.gloss} → {rule_en}")
            kb_en = kb_fa = ""
            if stating:
                record, path, date_obj = stating[0]
                kb_first, kb_last = span_of(date_obj)
                words_en, words_fa = _date_obj_words(date_obj)
                kb_en = f"; the KB dates “{record.label('en')}” to {words_en}"
                kb_fa = f"؛ تاریخ «{record.label('fa')}» در پایگاه دانش: {words_fa}"
                ids = [r.id for r, _, _ in stating]
                more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
                computation += (f"; KB: {record.id}.{path} = {date_obj.get('jalali')} = "
                                f"{date_obj.get('gregorian')} (records: {', '.join(ids[:3])}"
                                f"{more})")
                if not (first.gregorian <= kb_first and kb_last <= last.gregorian):
                    computation += "; the KB's date lies outside the rule's span (see its note)"
            findings.append(Finding(
                id=f"relative-date-p{n}-{rel.key}",
                severity="note",
                category="relative-date",
                message_en=(f"«{phrase}» ('{rel.gloss}', p{n}) depends on the publication date: "
                            f"read against the week of {g_en(anchor.gregorian)} it means "
                            f"{rule_en}{kb_en}."),
                message_fa=(f"«{phrase}» در بند {fa(n)} به تاریخ انتشار وابسته است: با مبنای "
                            f"هفته انتشار ({j_fa(anchor)} = {g_fa(anchor.gregorian)}) یعنی "
                            f"{rule_fa}{kb_fa}."),
                evidence=tuple(Evidence(n, around(text, m.start(), m.end())) for m in matches),
                computation=computation,
                source="computed",
                extra={"related": [r.id for r, _, _ in stating]} if stating else {},
            ))
    findings.extend(_unfinished_periods(kb, article, anchor))
    return findings


_FIRST_QUARTER: Final = re.compile(r"(?<!\w)سه ?ماهه (?:اول|نخست) سال جاری(?!\w)")


def _unfinished_periods(kb: KB, article: Article, anchor: Day) -> list[Finding]:
    """A statement about the 'first quarter of the current year' made before that quarter ended.

    The statement's date is the date of the event the KB cites from the same paragraph; when the
    article dates no such event, it is the publication day, by which it had been made at the latest.
    """
    findings = []
    year = anchor.jalali[0]
    q_first = jalali_month_span(year, 1)[0]
    q_last = jalali_month_span(year, 3)[1]
    for n, text in sorted(article.items()):
        match = _FIRST_QUARTER.search(text)
        if not match:
            continue
        events = [r for r in kb.of_kind("event") if any(s.paragraph == n for s in r.sources)]
        dated = [r for r in events if isinstance(r.data.get("date"), Mapping)]
        event: Record | None
        if dated:
            event = dated[0]
            end = span_of(event.data["date"])[1]
            when_en = f"at a meeting dated {_date_obj_words(event.data['date'])[0]}"
            how = f"{event.id}.date ends {end.isoformat()}"
        else:
            event = events[0] if events else None
            end = anchor.gregorian
            when_en = (f"in remarks the article reports by its publication week "
                       f"({g_en(anchor.gregorian)}; it does not date the meeting)")
            how = f"undated; reported by publication, {anchor.gregorian_iso}"
        if end >= q_last.gregorian:
            continue
        related = [event] if event else []
        findings.append(Finding(
            id=f"contradiction-p{n}-first-quarter",
            severity="note",
            category="contradiction",
            message_en=(f"p{n} cites trade growth in 'the first quarter of the current year' "
                        f"({j_en(q_first)} – {j_en(q_last)} = {g_en(q_first.gregorian)} – "
                        f"{g_en(q_last.gregorian)}) {when_en}, before that quarter had ended "
                        f"(it had not ended even at publication, {g_en(anchor.gregorian)}); the "
                        f"speaker may have meant the Gregorian first quarter of "
                        f"{q_first.gregorian.year} (January–March)."),
            message_fa=(f"بند {fa(n)} از رشد تجارت در «سه ماهه اول سال جاری» "
                        f"({j_fa(q_first)} تا {j_fa(q_last)}) سخن می‌گوید، پیش از پایان این سه "
                        f"ماهه (حتی در زمان انتشار، {j_fa(anchor)}، هنوز تمام نشده بود)؛ شاید "
                        f"منظور سه ماهه اول سال میلادی {fa(q_first.gregorian.year)} بوده است."),
            evidence=(Evidence(n, around(text, match.start(), match.end(), 3, 3)),
                      *evidence_of(related, [s.paragraph for r in related
                                                   for s in r.sources if s.paragraph != n])),
            computation=(f"current year = {year} (publication {anchor.jalali_iso}); first "
                         f"quarter = {q_first.jalali_iso} – {q_last.jalali_iso} = "
                         f"{q_first.gregorian_iso} – {q_last.gregorian_iso}; {how} < "
                         f"{q_last.gregorian_iso}"),
            source="computed",
            extra={"related": [r.id for r in related]},
        ))
    return findings
