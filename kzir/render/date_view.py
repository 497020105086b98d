"""How a converted date and an Iranian year's span read for people and for scripts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .view import Detail


def date_detail(info: Mapping[str, Any], calendar: str = "both") -> Detail:
    """Both calendars by default; --calendar keeps one for people (JSON always has both)."""
    pairs = [
        ("Jalali", f"{info['jalali']}  ({info['written_jalali_en']})"),
        ("Gregorian", f"{info['gregorian']}  ({info['written_en']})"),
        ("Weekday", f"{info['weekday_en']} / {info['weekday_fa']}"),
        ("Persian", info["written_fa"]),
        ("Input read as", info["input_calendar"]),
    ]
    # the Persian written form is the Jalali date in words: it goes with the Jalali side
    dropped = {"jalali": {"Gregorian"}, "gregorian": {"Jalali", "Persian"}}.get(calendar, set())
    return Detail(pairs=[p for p in pairs if p[0] not in dropped], json=info)


def year_detail(year: int, calendar: str, spans: Sequence[tuple[int, Any, Any]],
                shown: str = "both") -> Detail:
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
        return f"{text}  ({item['days']} days)"

    pairs = [(f"{item['jalali_year']}", span(item)) for item in items]
    if calendar == "jalali":
        obj: dict[str, Any] = {"year": year, "calendar": "jalali", **items[0]}
        title = f"Iranian year {year}"
    else:
        obj = {"year": year, "calendar": "gregorian", "overlaps": items}
        title = f"Gregorian year {year} overlaps Iranian years " + " and ".join(
            str(i["jalali_year"]) for i in items)
    return Detail(pairs=pairs, json=obj, title=title)
