"""How a converted date and an Iranian year's span read for people and for scripts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..dates.months import GREGORIAN_MONTHS_FA, MONTHS_FA
from ..numerals import to_persian_digits
from .labels import enum, phrase
from .viewmodel import Detail

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def _gregorian_fa(info: Mapping[str, Any]) -> str:
    year, month, day = (int(part) for part in str(info["gregorian"]).split("-"))
    return f"{info['weekday_fa']} {day} {GREGORIAN_MONTHS_FA[month - 1][0]} {year}"


def date_detail(info: Mapping[str, Any], calendar: str = "both", lang: str = "en",
                first: str | None = None) -> Detail:
    """Both calendars by default; --calendar keeps one, --lang fa writes it all in Persian,
    `first` (the --to calendar) puts the answer on the first line (JSON has everything)."""
    if lang == "fa":
        rows = [
            ("jalali", f"{info['jalali']}  ({info['written_fa']})"),
            ("gregorian", f"{info['gregorian']}  ({_gregorian_fa(info)})"),
            ("weekday", info["weekday_fa"]),
        ]
    else:
        rows = [
            ("jalali", f"{info['jalali']}  ({info['written_jalali_en']})"),
            ("gregorian", f"{info['gregorian']}  ({info['written_en']})"),
            ("weekday", f"{info['weekday_en']} / {info['weekday_fa']}"),
            ("persian", info["written_fa"]),
        ]
    rows.append(("input", enum("calendar", info["input_calendar"], lang)))
    if first is not None:
        rows.sort(key=lambda row: row[0] != first)
    # the Persian written form is the Jalali date in words: it goes with the Jalali side
    dropped = {"jalali": {"gregorian"}, "gregorian": {"jalali", "persian"}}.get(calendar, set())
    labels = {"jalali": "Jalali", "gregorian": "Gregorian", "weekday": "Weekday",
              "persian": "Persian", "input": "Input read as"}
    pairs = [(phrase(labels[key], lang), value) for key, value in rows if key not in dropped]
    return Detail(pairs=pairs, json=info, dated=True)


def year_detail(year: int, calendar: str, spans: Sequence[tuple[int, Any, Any]],
                shown: str = "both", lang: str = "en") -> Detail:
    """An Iranian year's first/last day, or the Iranian years a Gregorian year overlaps."""
    items = [{"jalali_year": jy, "first": {"jalali": a.jalali_iso, "gregorian": a.gregorian_iso,
                                           "weekday_en": a.weekday_en},
              "last": {"jalali": b.jalali_iso, "gregorian": b.gregorian_iso,
                       "weekday_en": b.weekday_en},
              "days": (b.gregorian - a.gregorian).days + 1} for jy, a, b in spans]

    def span(item: Mapping[str, Any]) -> str:
        j = f"{item['first']['jalali']} – {item['last']['jalali']}"
        g = f"{item['first']['gregorian']} – {item['last']['gregorian']}"
        text = {"jalali": j, "gregorian": g}.get(shown, f"{j}  =  {g}")
        return f"{text}  ({phrase('{days} days', lang, days=item['days'])})"

    pairs = [(f"{item['jalali_year']}", span(item)) for item in items]
    if calendar == "jalali":
        obj: dict[str, Any] = {"year": year, "calendar": "jalali", **items[0]}
        title = phrase("Iranian year {year}", lang, year=year)
    else:
        obj = {"year": year, "calendar": "gregorian", "overlaps": items}
        joiner = " و " if lang == "fa" else " and "
        title = phrase("Gregorian year {year} overlaps Iranian years {years}", lang, year=year,
                       years=joiner.join(str(i["jalali_year"]) for i in items))
    return Detail(pairs=pairs, json=obj, title=title, dated=True)


def month_detail(info: Mapping[str, Any], shown: str = "both", lang: str = "en",
                 first: str | None = None) -> Detail:
    """A month's first and last day in both calendars (--calendar keeps one for people)."""
    j = f"{info['first']['jalali']} – {info['last']['jalali']}"
    g = f"{info['first']['gregorian']} – {info['last']['gregorian']}"
    rows = [("jalali", "Jalali", j), ("gregorian", "Gregorian", g),
            ("days", "Days", str(info["days"])),
            ("input", "Input read as", enum("calendar", info["input_calendar"], lang))]
    if first is not None:  # --to: the answer first
        rows.sort(key=lambda row: row[0] != first)
    dropped = {"jalali": "gregorian", "gregorian": "jalali"}.get(shown)
    pairs = [(phrase(label, lang), value) for key, label, value in rows if key != dropped]
    title = str(info["month_name"])
    if lang == "fa":
        names = MONTHS_FA if info["input_calendar"] == "jalali" else [
            spellings[0] for spellings in GREGORIAN_MONTHS_FA]
        title = to_persian_digits(f"{names[info['month'] - 1]} {info['year']}")
    return Detail(pairs=pairs, json=info, title=title, dated=True)
