"""Where the article contradicts itself, miscounts or mis-converts a date: `kzir check`.

Two sources of findings, so that a fact explorer is not just a mirror of its source:

* **computed** — arithmetic (parts against totals, the previous year implied by each growth rate,
  counts), calendar (every stated Gregorian = Jalali equivalence and weekday), spelling variants of
  one name, duplicated passages, relative dates resolved against the publication week, and a
  period cited before it had ended. They are derived on every run from the KB's records and the
  article text, so correcting the KB (or the article) silences them: nothing here is hand-listed.
* **curated** — typos, contradictions that need a reader's judgement, and facts that changed after
  publication. They are data in the KB's ``findings`` array, each with verbatim evidence.

Pure: functions take a loaded KB (and optionally the article as ``{paragraph: text}``) and return
``Finding`` values; nothing is printed.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final

from .dates import (
    GREGORIAN_MONTHS_EN,
    MONTHS_EN_TRANSLIT,
    MONTHS_FA,
    WEEKDAYS_EN,
    WEEKDAYS_FA,
    Day,
    jalali_month_span,
    jalali_year_span,
    span_of,
)
from .kb import KB
from .model import Record, Trade
from .numerals import to_ascii_digits, to_persian_digits
from .text import normalize

SEVERITIES: Final = ("error", "warning", "note")
CATEGORIES: Final = (
    "arithmetic", "calendar", "names", "typo", "duplicate", "contradiction", "relative-date",
    "changed",
)  # fmt: skip
ORIGINS: Final = ("computed", "curated")

Article = Mapping[int, str]
"""The article as ``{paragraph number: text}`` (line N of data/article_fa.txt is paragraph N)."""


# --------------------------------------------------------------------------- the finding


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim span of one paragraph that shows the problem."""

    paragraph: int
    quote: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect of the article, explained in both languages with the evidence and the working."""

    id: str
    severity: str
    category: str
    message_en: str
    message_fa: str
    evidence: tuple[Evidence, ...]
    computation: str | None
    source: str
    intended_fa: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def paragraphs(self) -> tuple[int, ...]:
        return tuple(sorted({e.paragraph for e in self.evidence}))

    def message(self, lang: str) -> str:
        return self.message_fa if lang == "fa" else self.message_en

    def to_json(self) -> dict[str, Any]:
        """The JSON contract object (the KB's finding fields plus ``source``)."""
        obj: dict[str, Any] = {
            "id": self.id,
            "severity": self.severity,
            "category": self.category,
            "message_en": self.message_en,
            "message_fa": self.message_fa,
            "evidence": [{"paragraph": e.paragraph, "quote": e.quote} for e in self.evidence],
            "computation": self.computation,
            "intended_fa": self.intended_fa,
            "source": self.source,
        }
        obj.update({k: v for k, v in self.extra.items() if k not in obj})
        return obj


_FINDING_FIELDS: Final = frozenset(
    {"id", "severity", "category", "message_en", "message_fa", "evidence", "computation",
     "intended_fa", "source"}
)  # fmt: skip


def finding_from_dict(raw: Mapping[str, Any], source: str = "curated") -> Finding:
    """A curated finding from the KB (schema-validated on load); unknown fields are kept."""
    return Finding(
        id=raw["id"],
        severity=raw["severity"],
        category=raw["category"],
        message_en=raw["message_en"],
        message_fa=raw["message_fa"],
        evidence=tuple(Evidence(e["paragraph"], e["quote"]) for e in raw["evidence"]),
        computation=raw.get("computation"),
        source=source,
        intended_fa=raw.get("intended_fa"),
        extra=MappingProxyType({k: v for k, v in raw.items() if k not in _FINDING_FIELDS}),
    )


def article_of(kb: KB) -> dict[int, str]:
    """The article as the KB carries it (its paragraphs are verbatim lines of article_fa.txt)."""
    return {n: p.fa for n, p in kb.paragraphs.items()}


def _body(kb: KB, article: Article) -> dict[int, str]:
    """Paragraphs that are running text: headings repeat the body and boilerplate is not prose."""
    return {n: t for n, t in article.items()
            if n not in kb.paragraphs or kb.paragraphs[n].role == "body"}


# --------------------------------------------------------------------------- formatting helpers


def _fa(value: object) -> str:
    """Persian digits (and separators) for the Persian messages."""
    return to_persian_digits(str(value), separators=True)


def _num(value: float) -> str:
    """A figure as people read it: 15,389,000 or 69.9."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def _num_fa(value: float) -> str:
    return _fa(_num(value))


def _sources_evidence(records: Iterable[Record], paragraphs: Iterable[int] | None = None
                      ) -> tuple[Evidence, ...]:
    """The records' own citations (verbatim by the KB's contract), deduplicated, in order."""
    wanted = set(paragraphs) if paragraphs is not None else None
    seen: dict[tuple[int, str], Evidence] = {}
    for record in records:
        for s in record.sources:
            if wanted is None or s.paragraph in wanted:
                seen.setdefault((s.paragraph, s.quote), Evidence(s.paragraph, s.quote))
    return tuple(sorted(seen.values(), key=lambda e: e.paragraph))


def _context(text: str, start: int, end: int, before: int = 2, after: int = 3) -> str:
    """A verbatim span around text[start:end], widened by a few whole words on each side."""
    left = start
    for _ in range(before):
        cut = text.rfind(" ", 0, max(left - 1, 0))
        if cut < 0:
            left = 0
            break
        left = cut + 1
    right = end
    for _ in range(after):
        cut = text.find(" ", right + 1)
        if cut < 0:
            right = len(text)
            break
        right = cut
    return text[left:right].strip(" ،,.:«»")


def _slug(record_id: str) -> str:
    """A record id without its kind prefix, for readable finding ids."""
    head, _, rest = record_id.partition("-")
    return rest if head in _KIND_PREFIXES and rest else record_id


_KIND_PREFIXES: Final = frozenset({"doc", "event", "trade", "res", "mission", "person", "org",
                                   "place", "fact"})


# --------------------------------------------------------------------------- arithmetic

_MEASURES: Final = {"tonnes": ("t", "تن"), "usd": ("USD", "دلار")}
_LOWER_ONLY: Final = frozenset({"more than", "over", "at least"})
_UPPER_ONLY: Final = frozenset({"nearly", "almost", "less than", "under", "up to"})


@dataclass(frozen=True, slots=True)
class Span:
    """A closed interval of values a rounded figure may stand for."""

    lo: float
    hi: float

    def __add__(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi)

    def __truediv__(self, other: Span) -> Span:
        return Span(self.lo / other.hi, self.hi / other.lo)

    def overlaps(self, other: Span) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def rounding_unit(value: float) -> float:
    """The unit a figure was rounded to, read off its trailing zeros (729,000 → 1,000)."""
    if not float(value).is_integer():
        decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
        return 10.0 ** -decimals
    number = abs(int(value))
    unit = 1
    while number and number % (unit * 10) == 0:
        unit *= 10
    return float(unit)


def stated_span(value: float, qualifier: str | None) -> Span:
    """What a stated figure allows: its rounding, narrowed by «بیش از» / «نزدیک به»."""
    unit = rounding_unit(value)
    if qualifier in _LOWER_ONLY:
        return Span(value, value + unit)
    if qualifier in _UPPER_ONLY:
        return Span(value - unit, value)
    return Span(value - unit / 2, value + unit / 2)


def growth_factor_span(pct: float) -> Span:
    """1 + growth, allowing for the rate's rounding (a whole percentage is ±0.5 points)."""
    unit = 1.0 if float(pct).is_integer() else rounding_unit(pct)
    return Span(1 + (pct - unit / 2) / 100, 1 + (pct + unit / 2) / 100)


def _qualifier(t: Trade, measure: str) -> str | None:
    value = t.data.get(f"{measure}_qualifier")
    return str(value) if value else None


def _qual_text(t: Trade, measure: str) -> str:
    q = _qualifier(t, measure)
    return f"{q} " if q else ""


def _trade_groups(kb: KB) -> dict[tuple[int | None, int], dict[str, Trade]]:
    """Stated (not derived) trade figures by (year, span of years) and direction."""
    groups: dict[tuple[int | None, int], dict[str, Trade]] = {}
    for record in kb.of_kind("trade"):
        if isinstance(record, Trade) and not record.derived:
            groups.setdefault((record.year, record.span_years), {})[record.direction] = record
    return groups


def _period(year: int | None, span: int) -> tuple[str, str, str]:
    """(id part, English, Persian) names of a trade period."""
    if year is None or span > 1:
        return f"{span}y", f"the {span}-year figures", f"ارقام {_fa(span)} ساله"
    return str(year), f"year {year}", f"سال {_fa(year)}"


def check_parts_vs_totals(kb: KB) -> list[Finding]:
    """Export + import must be able to add up to the stated total, given each figure's rounding.

    Covers single years and multi-year sums (the 20-year totals) alike.
    """
    findings = []
    for (year, span), by_dir in sorted(_trade_groups(kb).items(), key=lambda kv: str(kv[0])):
        if not {"total", "export", "import"} <= set(by_dir):
            continue
        total, exp, imp = by_dir["total"], by_dir["export"], by_dir["import"]
        for measure, (unit_en, unit_fa) in _MEASURES.items():
            values = [getattr(t, measure) for t in (total, exp, imp)]
            if any(v is None for v in values):
                continue
            t_val, e_val, i_val = values
            t_span = stated_span(t_val, _qualifier(total, measure))
            p_span = (stated_span(e_val, _qualifier(exp, measure))
                      + stated_span(i_val, _qualifier(imp, measure)))
            if t_span.overlaps(p_span):
                continue
            key, period_en, period_fa = _period(year, span)
            parts = e_val + i_val
            gap = (t_span.lo - p_span.hi) if p_span.hi < t_span.lo else (p_span.lo - t_span.hi)
            relation = "short of" if p_span.hi < t_span.lo else "above"
            relation_fa = "کمتر از" if p_span.hi < t_span.lo else "بیشتر از"
            findings.append(Finding(
                id=f"arithmetic-{key}-{measure}",
                severity="error",
                category="arithmetic",
                message_en=(
                    f"In {period_en} the parts do not add up to the total: exports "
                    f"{_num(e_val)} {unit_en} + imports {_num(i_val)} {unit_en} = "
                    f"{_num(parts)} {unit_en}, but the total is given as "
                    f"{_qual_text(total, measure)}{_num(t_val)} {unit_en}."
                ),
                message_fa=(
                    f"در {period_fa} جمع اجزا با کل نمی‌خواند: صادرات {_num_fa(e_val)} {unit_fa} "
                    f"+ واردات {_num_fa(i_val)} {unit_fa} = {_num_fa(parts)} {unit_fa}، اما کل "
                    f"«{_qual_fa(_qualifier(total, measure))}{_num_fa(t_val)} {unit_fa}» "
                    f"گفته شده است؛ حتی با گرد کردن ارقام، جمع اجزا {_num_fa(gap)} {unit_fa} "
                    f"{relation_fa} کل است."
                ),
                evidence=_sources_evidence([total, exp, imp]),
                computation=(
                    f"{exp.id} {_num(e_val)} + {imp.id} {_num(i_val)} = {_num(parts)} {unit_en}; "
                    f"{total.id}: {_qual_text(total, measure)}{_num(t_val)} {unit_en}. "
                    f"Allowing each figure its rounding unit (read off its trailing zeros; "
                    f"'more than' and 'nearly' one-sided) the parts lie in "
                    f"{_num(p_span.lo)}–{_num(p_span.hi)} and the total in "
                    f"{_num(t_span.lo)}–{_num(t_span.hi)}: the parts fall {_num(gap)} {unit_en} "
                    f"{relation} the total."
                ),
                source="computed",
                extra={"related": [total.id, exp.id, imp.id]},
            ))
    return findings


def _qual_fa(qualifier: str | None) -> str:
    """The article's own qualifier words, as a prefix («بیش از ۱۵٬۴۰۰٬۰۰۰»)."""
    words = {"more than": "بیش از", "nearly": "نزدیک به", "approximately": "حدود"}
    return f"{words[qualifier]} " if qualifier in words else ""


def check_previous_year(kb: KB) -> list[Finding]:
    """The previous year implied by each growth rate must agree across directions.

    Total / (1 + g_total) must be reachable as export / (1 + g_export) + import / (1 + g_import)
    with every figure anywhere inside its rounding; otherwise the growth rates contradict the
    figures they are attached to.
    """
    findings = []
    for (year, span), by_dir in sorted(_trade_groups(kb).items(), key=lambda kv: str(kv[0])):
        if year is None or span != 1 or not {"total", "export", "import"} <= set(by_dir):
            continue
        total, exp, imp = by_dir["total"], by_dir["export"], by_dir["import"]
        for measure, (unit_en, unit_fa) in _MEASURES.items():
            growth = f"{measure}_growth_pct"
            rows = (total, exp, imp)
            if any(getattr(t, measure) is None or getattr(t, growth) is None for t in rows):
                continue

            def prev(t: Trade, m: str = measure, g: str = growth) -> tuple[float, Span]:
                value, pct = getattr(t, m), getattr(t, g)
                return (value / (1 + pct / 100),
                        stated_span(value, _qualifier(t, m)) / growth_factor_span(pct))

            t_mid, t_span = prev(total)
            e_mid, e_span = prev(exp)
            i_mid, i_span = prev(imp)
            parts_span = e_span + i_span
            if t_span.overlaps(parts_span):
                continue
            parts_mid = e_mid + i_mid
            implied_growth = (total.data[measure] / parts_mid - 1) * 100
            g_t, g_e, g_i = (getattr(t, growth) for t in rows)
            bounds = (f"total ≤ {_num(round(t_span.hi))}, parts ≥ {_num(round(parts_span.lo))}"
                      if t_span.hi < parts_span.lo else
                      f"total ≥ {_num(round(t_span.lo))}, parts ≤ {_num(round(parts_span.hi))}")
            prev_year = year - 1
            findings.append(Finding(
                id=f"arithmetic-{prev_year}-{measure}",
                severity="error",
                category="arithmetic",
                message_en=(
                    f"The growth rates for {year} imply two different {prev_year} figures: "
                    f"the total's {g_t:g}% gives {_num(round(t_mid))} {unit_en} for {prev_year}, "
                    f"but exports (+{g_e:g}%) and imports (+{g_i:g}%) give "
                    f"{_num(round(e_mid))} + {_num(round(i_mid))} = {_num(round(parts_mid))} "
                    f"{unit_en}; no rounding of the stated figures reconciles them."
                ),
                message_fa=(
                    f"نرخ‌های رشد سال {_fa(year)} دو رقم متفاوت برای سال {_fa(prev_year)} می‌دهند: "
                    f"رشد {_fa(f'{g_t:g}')} درصدی کل، {_num_fa(round(t_mid))} {unit_fa} می‌دهد، "
                    f"اما رشد صادرات ({_fa(f'{g_e:g}')} درصد) و واردات ({_fa(f'{g_i:g}')} درصد) "
                    f"{_num_fa(round(e_mid))} + {_num_fa(round(i_mid))} = "
                    f"{_num_fa(round(parts_mid))} {unit_fa}؛ هیچ گردکردنی این دو را یکی نمی‌کند."
                ),
                evidence=_sources_evidence(rows),
                computation=(
                    f"total {_num(total.data[measure])} / (1 + {g_t:g}%) = {_num(round(t_mid))}; "
                    f"export {_num(exp.data[measure])} / (1 + {g_e:g}%) = {_num(round(e_mid))}; "
                    f"import {_num(imp.data[measure])} / (1 + {g_i:g}%) = {_num(round(i_mid))}; "
                    f"parts {_num(round(parts_mid))} ≠ total {_num(round(t_mid))}. From the parts "
                    f"the total grew {_num(total.data[measure])} / {_num(round(parts_mid))} − 1 = "
                    f"{implied_growth:.1f}%, not {g_t:g}%. With every figure at the edge of its "
                    f"rounding (values to their stated unit, 'more than'/'nearly' one-sided, "
                    f"growth rates ±0.5 points): {bounds}"
                ),
                source="computed",
                extra={"related": [t.id for t in rows]},
            ))
    return findings


_TITLE: Final = re.compile(r"«([^«»]+)»")


def check_document_count(kb: KB, article: Article | None = None) -> list[Finding]:
    """A stated number of documents must match the documents listed (records and «titles»)."""
    article = article_of(kb) if article is None else article
    docs = kb.of_kind("document")
    findings = []
    # Paragraphs that list the documents: where their titles are quoted.
    listing = sorted({s.paragraph for d in docs for s in d.sources
                      if d.data.get("title_fa") and d.data["title_fa"] in s.quote})
    listed = {n: len(_TITLE.findall(article.get(n, ""))) for n in listing}
    for record in kb.records:
        stated = record.data.get("documents_count")
        if not isinstance(stated, int):
            continue
        counts = {"document records in the KB": len(docs)}
        counts.update({f"«…» titles in p{n}": c for n, c in listed.items()})
        wrong = {what: c for what, c in counts.items() if c != stated}
        if not wrong:
            continue
        findings.append(Finding(
            id=f"arithmetic-{_slug(record.id)}-count",
            severity="error",
            category="arithmetic",
            message_en=(f"The article says {stated} documents were signed, but "
                        + "; ".join(f"{what}: {c}" for what, c in wrong.items()) + "."),
            message_fa=(f"متن از امضای {_fa(stated)} سند می‌گوید، اما شمار اسناد فهرست‌شده "
                        + "، ".join(_fa(c) for c in wrong.values()) + " است."),
            evidence=_sources_evidence([record]) + tuple(
                Evidence(n, t) for n in listing
                for t in _TITLE.findall(article.get(n, ""))[:1]),
            computation="; ".join(f"{what} = {c}" for what, c in counts.items())
            + f"; stated = {stated}",
            source="computed",
            extra={"related": [record.id]},
        ))
    return findings


def check_arithmetic(kb: KB, article: Article | None = None) -> list[Finding]:
    """Every arithmetic check: parts vs totals, previous year from growth rates, counts."""
    return [*check_parts_vs_totals(kb), *check_previous_year(kb),
            *check_document_count(kb, article)]


# --------------------------------------------------------------------------- calendar

GREGORIAN_MONTHS_FA: Final = (
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
)  # fmt: skip
_GREGORIAN_MONTH_WORDS: Final = {
    **{name: i for i, name in enumerate(GREGORIAN_MONTHS_FA, 1)},
    "می": 5, "جولای": 7, "آگوست": 8,
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


def _iter_dates(value: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every KB date object inside a record, with its field path (e.g. ``date``, ``signed``)."""
    if isinstance(value, Mapping):
        if "precision" in value and ("jalali" in value or "gregorian" in value):
            yield path, value
            return
        for key, sub in value.items():
            yield from _iter_dates(sub, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            yield from _iter_dates(sub, f"{path}[{i}]")


def _where_stated(record: Record, date_obj: Mapping[str, Any], article: Article) -> Evidence | None:
    """The paragraph and verbatim words where the article states this date."""
    stated = date_obj.get("stated")
    cited = [s.paragraph for s in record.sources]
    if stated:
        for n in [*cited, *sorted(article)]:
            if stated in article.get(n, ""):
                return Evidence(n, stated)
    return None


def _g_en(d: datetime.date) -> str:
    return f"{d.day} {GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"


def _g_fa(d: datetime.date) -> str:
    return _fa(f"{d.day} {GREGORIAN_MONTHS_FA[d.month - 1]} {d.year}")


def _j_en(day: Day) -> str:
    return day.written_jalali_en


def _j_fa(day: Day) -> str:
    y, m, d = day.jalali
    return _fa(f"{d} {MONTHS_FA[m - 1]} {y}")


def _parse_iso(text: object) -> tuple[int, int, int] | None:
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
            f"p{where.paragraph} equates {_g_en(g.gregorian)} with {_j_en(j)}, but "
            f"{_g_en(g.gregorian)} is {_j_en(right_j)} ({_j_en(j)} is "
            f"{_g_en(right_g.gregorian)}).{blame_en}"
        ),
        message_fa=(
            f"در بند {_fa(where.paragraph)}، {_g_fa(g.gregorian)} برابر با {_j_fa(j)} آمده "
            f"است، اما {_g_fa(g.gregorian)} برابر با {_j_fa(right_j)} است ({_j_fa(j)} برابر با "
            f"{_g_fa(right_g.gregorian)} است).{blame_fa}"
        ),
        evidence=(where,),
        computation=(
            f"Gregorian {g.gregorian_iso} → Jalali {right_j.jalali_iso}; Jalali {j.jalali_iso} → "
            f"Gregorian {right_g.gregorian_iso} (jdatetime); the two stated days are "
            f"{abs((right_g.gregorian - g.gregorian).days)} days apart."
        ),
        source="computed",
        intended_fa=_j_fa(right_j) if blame_en.startswith(" The Gregorian") else None,
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
        for path, date_obj in _iter_dates(dict(record.data)):
            where = _where_stated(record, date_obj, article) or (
                Evidence(record.sources[0].paragraph, record.sources[0].quote)
                if record.sources else None)
            if where is None:
                continue
            g_parts = _parse_iso(date_obj.get("stated_gregorian"))
            j_parts = _parse_iso(date_obj.get("stated_jalali"))
            if g_parts and j_parts:
                covered.add(where.paragraph)
                g, j = Day.from_gregorian(*g_parts), Day.from_jalali(*j_parts)
                if g != j:
                    findings.append(_equivalence_finding(
                        f"calendar-p{where.paragraph}-{_slug(record.id)}", g, j, where,
                        {"related": [record.id], "field": path}, date_obj))
            weekday = str(date_obj.get("stated_weekday") or "").strip()
            day_parts = _parse_iso(date_obj.get("gregorian"))
            if weekday and day_parts:
                claimed = _WEEKDAY_NAMES.get(weekday.lower().replace(" ", ""))
                actual = Day.from_gregorian(*day_parts)
                if claimed is not None and claimed != actual.gregorian.weekday():
                    findings.append(Finding(
                        id=f"calendar-p{where.paragraph}-{_slug(record.id)}-weekday",
                        severity="error",
                        category="calendar",
                        message_en=(f"p{where.paragraph} puts {WEEKDAYS_EN[claimed]} on "
                                    f"{_j_en(actual)} = {_g_en(actual.gregorian)}, which is a "
                                    f"{actual.weekday_en}."),
                        message_fa=(f"در بند {_fa(where.paragraph)} روز «{WEEKDAYS_FA[claimed]}» "
                                    f"آمده است، اما {_j_fa(actual)} ({_g_fa(actual.gregorian)}) "
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


# --------------------------------------------------------------------------- names

_WORD: Final = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _spellings(variants: Sequence[str]) -> list[str]:
    """The distinct spellings among a name's forms: a short form contained in a longer one
    («توکایف» in «قاسم ژومارت توکایف», «رهبر انقلاب» in «رهبر معظم انقلاب اسلامی») is the same
    spelling, not a variant."""
    unique = list(dict.fromkeys(v for v in variants if v))
    return [v for v in unique
            if not any(o != v and _is_subsequence(_words(v), _words(o)) for o in unique)]


def _occurrences(record: Record, variant: str, article: Article) -> tuple[Evidence, ...]:
    """Where a spelling appears: the record's citations containing it, else the article text."""
    cited = tuple(Evidence(s.paragraph, s.quote) for s in record.sources if variant in s.quote)
    if cited:
        seen: dict[int, Evidence] = {}
        for e in cited:
            seen.setdefault(e.paragraph, e)
        return tuple(seen[n] for n in sorted(seen))
    return tuple(Evidence(n, variant) for n, text in sorted(article.items()) if variant in text)


def check_names(kb: KB, article: Article | None = None) -> list[Finding]:
    """One person spelled differently in different paragraphs.

    Read from each person's ``variants_fa`` — every spelling the article uses — keeping only
    spellings that occur in the article and are not a short form of a longer one. Only persons:
    organisations and places legitimately appear under descriptive or former names (the SCO and
    its summit, Astana before it became Nur-Sultan), so those are curated, not computed.
    """
    article = article_of(kb) if article is None else article
    findings = []
    for record in kb.of_kind("person"):
        for fname, value in record.data.items():
            if fname != "variants_fa" or not isinstance(value, list | tuple):
                continue
            spellings = [v for v in _spellings([str(v) for v in value])
                         if any(v in t for t in article.values())]
            if len(spellings) < 2:
                continue
            where = {v: _occurrences(record, v, article) for v in spellings}
            label = record.label("en")
            canonical = record.data.get("name_fa")
            a_words, b_words = _words(spellings[0]), _words(spellings[1])
            diff = [f"«{' '.join(a_words[i1:i2])}» ≠ «{' '.join(b_words[j1:j2])}»"
                    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
                        None, a_words, b_words, autojunk=False).get_opcodes() if op != "equal"]

            def paras(v: str, w: Mapping[str, tuple[Evidence, ...]] = where) -> str:
                return ", ".join(f"p{e.paragraph}" for e in w[v])

            def paras_fa(v: str, w: Mapping[str, tuple[Evidence, ...]] = where) -> str:
                return "، ".join(_fa(e.paragraph) for e in w[v])

            findings.append(Finding(
                id=f"names-{_slug(record.id)}",
                severity="warning",
                category="names",
                message_en=(f"{label} is spelled {len(spellings)} ways: "
                            + "; ".join(f"«{v}» ({paras(v)})" for v in spellings) + "."),
                message_fa=(f"نام {canonical or spellings[0]} به {_fa(len(spellings))} "
                            "شکل نوشته شده است: "
                            + "؛ ".join(f"«{v}» (بند {paras_fa(v)})" for v in spellings) + "."),
                evidence=tuple(e for v in spellings for e in where[v]),
                computation=(f"{record.id}.{fname} = {list(value)}; spellings not contained in "
                             f"a longer form: {spellings}; differing words: {', '.join(diff)}; "
                             "paragraphs from the record's citations and the article text."),
                source="computed",
                intended_fa=canonical if canonical in spellings else None,
                extra={"related": [record.id]},
            ))
    return findings


# --------------------------------------------------------------------------- duplicates

_SENTENCE_END: Final = re.compile(r"(?<=[.!؟?])\s+")
_CLAUSE_SPLIT: Final = re.compile(r"\s+و\s+|،|:")
SENTENCE_RATIO: Final = 0.8  # word-sequence similarity of two sentences that repeat a passage
SENTENCE_MIN_WORDS: Final = 8
CLAUSE_COVERAGE: Final = 0.8  # share of a clause's words found, in runs, in another sentence
CLAUSE_MIN_WORDS: Final = 9


def _sentences(article: Article) -> list[tuple[int, str]]:
    out = []
    for n, text in sorted(article.items()):
        for s in _SENTENCE_END.split(text):
            if s.strip():
                out.append((n, s.strip()))
    return out


def _coverage(short: list[str], long: list[str]) -> float:
    """Share of ``short``'s words that appear in ``long`` in runs of two or more, in order."""
    if not short or len(set(short) & set(long)) < CLAUSE_COVERAGE * len(set(short)):
        return 0.0
    sm = difflib.SequenceMatcher(None, short, long, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks() if b.size >= 2) / len(short)


_DOUBLED: Final = re.compile(r"(?<!\w)(\w{2,})[»\"']?\s+[«\"']?\1(?!\w)")


def check_duplicates(kb: KB, article: Article | None = None) -> list[Finding]:
    """Passages repeated word for word, statements made twice, and doubled words.

    Sentences are compared across paragraphs on normalised words (difflib): a near-identical
    sentence is a repeated passage (warning); a long clause whose words recur, in runs, inside
    another paragraph's sentence is the same statement made twice (note). Headings are skipped:
    they repeat the paragraph below them by design.
    """
    article = _body(kb, article_of(kb) if article is None else article)
    sentences = [(n, s, _words(s)) for n, s in _sentences(article)]
    findings: list[Finding] = []
    pairs: set[tuple[int, int]] = set()
    for i, (n, s, w) in enumerate(sentences):
        for m, t, v in sentences[i + 1:]:
            if m == n or min(len(w), len(v)) < SENTENCE_MIN_WORDS or (n, m) in pairs:
                continue
            ratio = difflib.SequenceMatcher(None, w, v, autojunk=False).ratio()
            if ratio < SENTENCE_RATIO:
                continue
            pairs.add((n, m))
            identical = w == v
            findings.append(Finding(
                id=f"duplicate-p{n}-p{m}",
                severity="warning",
                category="duplicate",
                message_en=(f"p{m} repeats a sentence of p{n} "
                            + ("word for word." if identical else "almost word for word.")),
                message_fa=(f"بند {_fa(m)} جمله‌ای از بند {_fa(n)} را "
                            + ("عیناً" if identical else "تقریباً عیناً") + " تکرار می‌کند."),
                evidence=(Evidence(n, s), Evidence(m, t)),
                computation=(f"sentence word-sequence similarity {ratio:.2f} "
                             f"(difflib ratio on normalised words; threshold {SENTENCE_RATIO}); "
                             f"{len(w)} and {len(v)} words"),
                source="computed",
            ))
    for n, s, _w in sentences:
        for clause in _CLAUSE_SPLIT.split(s):
            cw = _words(clause)
            if len(cw) < CLAUSE_MIN_WORDS:
                continue
            for m, t, v in sentences:
                pair = (min(n, m), max(n, m))
                if m == n or pair in pairs:
                    continue
                cov = _coverage(cw, v)
                if cov < CLAUSE_COVERAGE:
                    continue
                pairs.add(pair)
                findings.append(Finding(
                    id=f"duplicate-p{pair[0]}-p{pair[1]}",
                    severity="note",
                    category="duplicate",
                    message_en=f"p{m} states again what p{n} already says.",
                    message_fa=f"بند {_fa(m)} همان مطلب بند {_fa(n)} را دوباره بیان می‌کند.",
                    evidence=tuple(sorted((Evidence(n, clause.strip()), Evidence(m, t)),
                                          key=lambda e: e.paragraph)),
                    computation=(f"{cov:.0%} of the {len(cw)} words of the p{n} clause recur in "
                                 f"order, in runs of 2+ words, in the p{m} sentence (threshold "
                                 f"{CLAUSE_COVERAGE:.0%}, clauses of {CLAUSE_MIN_WORDS}+ words)"),
                    source="computed",
                ))
    for n, text in sorted(article.items()):
        for i, m in enumerate(_DOUBLED.finditer(text), 1):
            start = text.rfind("«", max(0, m.start() - 40), m.start())
            quote = text[start if start >= 0 else m.start():m.end()]
            findings.append(Finding(
                id=f"duplicate-p{n}-doubled-word" + ("" if i == 1 else f"-{i}"),
                severity="warning",
                category="duplicate",
                message_en=f"p{n} doubles the word «{m.group(1)}».",
                message_fa=f"در بند {_fa(n)} واژه «{m.group(1)}» دو بار پشت سر هم آمده است.",
                evidence=(Evidence(n, quote),),
                computation=f"the same word twice in a row: {m.group(0)!r}",
                source="computed",
                intended_fa=quote[: quote.rfind(m.group(1))].rstrip(),
            ))
    return findings


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
            f"the week of Saturday {_j_en(start)} – Friday {_j_en(end)} "
            f"({_g_en(start.gregorian)} – {_g_en(end.gregorian)})",
            f"هفته شنبه {_j_fa(start)} تا جمعه {_j_fa(end)}")


def _year_offset(offset: int) -> Callable[[Day], tuple[Day, Day, str, str]]:
    def resolve(anchor: Day) -> tuple[Day, Day, str, str]:
        year = anchor.jalali[0] + offset
        first, last = jalali_year_span(year)
        return (first, last,
                f"Iranian year {year} ({_g_en(first.gregorian)} – {_g_en(last.gregorian)})",
                f"سال {_fa(year)}")

    return resolve


def _last_month(anchor: Day) -> tuple[Day, Day, str, str]:
    y, m, _ = anchor.jalali
    y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    first, last = jalali_month_span(y, m)
    return (first, last,
            f"{MONTHS_EN_TRANSLIT[m - 1]} {y} ({_g_en(first.gregorian)} – {_g_en(last.gregorian)})",
            _fa(f"{MONTHS_FA[m - 1]} {y}"))


def _day_before(anchor: Day) -> tuple[Day, Day, str, str]:
    day = Day(anchor.gregorian - datetime.timedelta(days=1))
    return (day, day, f"{day.weekday_en} {_j_en(day)} = {_g_en(day.gregorian)}",
            f"{day.weekday_fa} {_j_fa(day)}")


def _now(anchor: Day) -> tuple[Day, Day, str, str]:
    return (anchor, anchor, f"the publication week ({_j_en(anchor)} = {_g_en(anchor.gregorian)})",
            f"هفته انتشار ({_j_fa(anchor)})")


def _years_back(count: int) -> Callable[[Day], tuple[Day, Day, str, str]]:
    def resolve(anchor: Day) -> tuple[Day, Day, str, str]:
        last_full = anchor.jalali[0] - 1
        first = jalali_year_span(last_full - count + 1)[0]
        last = jalali_year_span(last_full)[1]
        return (first, last,
                f"about Iranian years {last_full - count + 1}–{last_full} "
                f"({first.gregorian.year}–{last.gregorian.year}); the article does not say "
                "which years",
                _fa(f"حدود سال‌های {last_full - count + 1} تا {last_full}"))

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
    parts = _parse_iso(published.get("gregorian")) if isinstance(published, Mapping) else None
    return Day.from_gregorian(*parts) if parts else None


def _records_stating(kb: KB, phrase: str, n: int, text: str
                     ) -> list[tuple[Record, str, Mapping[str, Any]]]:
    """KB records citing paragraph ``n`` whose date was inferred from this phrase there."""
    out = []
    for record in kb.records:
        if not any(s.paragraph == n for s in record.sources):
            continue
        for path, date_obj in _iter_dates(dict(record.data)):
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
        return (f"{day.weekday_en} {_j_en(day)} = {_g_en(first)}",
                f"{day.weekday_fa} {_j_fa(day)}")
    span_en = f"{_g_en(first)} – {_g_en(last)}"
    jalali = str(date_obj.get("jalali") or "")
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2}))?", jalali)
    if m and m[2]:
        y, mo = int(m[1]), int(m[2])
        return f"{MONTHS_EN_TRANSLIT[mo - 1]} {y} ({span_en})", _fa(f"{MONTHS_FA[mo - 1]} {y}")
    if m:
        return f"Iranian year {m[1]} ({span_en})", f"سال {_fa(m[1])}"
    return span_en, _fa(f"{first.isoformat()} تا {last.isoformat()}")


def check_relative_dates(kb: KB, article: Article | None = None) -> list[Finding]:
    """Each relative date the article uses, resolved against the publication week.

    Where a KB record carries a date inferred from the phrase, that date is the resolution and
    the rule's own result is shown beside it; otherwise the rule (e.g. last year = publication
    year − 1) gives it.
    """
    article = _body(kb, article_of(kb) if article is None else article)
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
                            f"read against the week of {_g_en(anchor.gregorian)} it means "
                            f"{rule_en}{kb_en}."),
                message_fa=(f"«{phrase}» در بند {_fa(n)} به تاریخ انتشار وابسته است: با مبنای "
                            f"هفته انتشار ({_j_fa(anchor)} = {_g_fa(anchor.gregorian)}) یعنی "
                            f"{rule_fa}{kb_fa}."),
                evidence=tuple(Evidence(n, _context(text, m.start(), m.end())) for m in matches),
                computation=computation,
                source="computed",
                extra={"related": [r.id for r, _, _ in stating]} if stating else {},
            ))
    findings.extend(_unfinished_periods(kb, article, anchor))
    return findings


_FIRST_QUARTER: Final = re.compile(r"(?<!\w)سه ?ماهه (?:اول|نخست) سال جاری(?!\w)")


def _unfinished_periods(kb: KB, article: Article, anchor: Day) -> list[Finding]:
    """A statement about the 'first quarter of the current year' made before that quarter ended.

    The statement's date is the date of the event the KB cites from the same paragraph.
    """
    findings = []
    year = anchor.jalali[0]
    q_first = jalali_month_span(year, 1)[0]
    q_last = jalali_month_span(year, 3)[1]
    for n, text in sorted(article.items()):
        match = _FIRST_QUARTER.search(text)
        if not match:
            continue
        events = [r for r in kb.of_kind("event") if any(s.paragraph == n for s in r.sources)
                  and isinstance(r.data.get("date"), Mapping)]
        for event in events:
            _start, end = span_of(event.data["date"])
            if end >= q_last.gregorian:
                continue
            date_text = _date_obj_words(event.data["date"])[0]
            findings.append(Finding(
                id=f"contradiction-p{n}-first-quarter",
                severity="note",
                category="contradiction",
                message_en=(f"p{n} cites trade growth in 'the first quarter of the current year' "
                            f"({_j_en(q_first)} – {_j_en(q_last)} = {_g_en(q_first.gregorian)} – "
                            f"{_g_en(q_last.gregorian)}) at a meeting dated {date_text}, before "
                            f"that quarter had ended (it had not ended even at publication, "
                            f"{_g_en(anchor.gregorian)}); the speaker may have meant the "
                            f"Gregorian first quarter of {q_first.gregorian.year} "
                            "(January–March)."),
                message_fa=(f"بند {_fa(n)} از رشد تجارت در «سه ماهه اول سال جاری» "
                            f"({_j_fa(q_first)} تا {_j_fa(q_last)}) در دیداری سخن می‌گوید که پیش "
                            f"از پایان این سه ماهه بوده است (حتی در زمان انتشار، "
                            f"{_j_fa(anchor)}، هنوز تمام نشده بود)؛ شاید منظور سه ماهه اول سال "
                            f"میلادی {_fa(q_first.gregorian.year)} بوده است."),
                evidence=(Evidence(n, _context(text, match.start(), match.end(), 3, 3)),
                          *_sources_evidence([event], [s.paragraph for s in event.sources
                                                       if s.paragraph != n])),
                computation=(f"current year = {year} (publication {anchor.jalali_iso}); first "
                             f"quarter = {q_first.jalali_iso} – {q_last.jalali_iso} = "
                             f"{q_first.gregorian_iso} – {q_last.gregorian_iso}; {event.id}.date "
                             f"ends {end.isoformat()} < {q_last.gregorian_iso}"),
                source="computed",
                extra={"related": [event.id]},
            ))
            break
    return findings


# --------------------------------------------------------------------------- all together


def curated(kb: KB) -> list[Finding]:
    """The KB's hand-curated findings (typos, contradictions, changed facts)."""
    return [finding_from_dict(raw) for raw in kb.findings]


COMPUTED_CHECKS: Final[tuple[Callable[[KB, Article | None], list[Finding]], ...]] = (
    check_arithmetic, check_calendar, check_names, check_duplicates, check_relative_dates,
)


def computed(kb: KB, article: Article | None = None) -> list[Finding]:
    """Every computed finding, from the KB's records and the article text."""
    return [f for check in COMPUTED_CHECKS for f in check(kb, article)]


def _order(f: Finding) -> tuple[Any, ...]:
    first = f.paragraphs[0] if f.evidence else math.inf
    return (SEVERITIES.index(f.severity), CATEGORIES.index(f.category)
            if f.category in CATEGORIES else len(CATEGORIES), first, f.id)


def run(kb: KB, article: Article | None = None) -> list[Finding]:
    """All findings, most severe first; a curated finding whose id a check computes is dropped
    (the computed one follows the KB's numbers)."""
    found = computed(kb, article)
    ids = {f.id for f in found}
    found += [f for f in curated(kb) if f.id not in ids]
    return sorted(found, key=_order)


def select(findings: Iterable[Finding], categories: Iterable[str] | None = None,
           severities: Iterable[str] | None = None) -> list[Finding]:
    """Findings in any of these categories and any of these severities (None: all)."""
    cats = set(categories) if categories else None
    sevs = set(severities) if severities else None
    return [f for f in findings
            if (cats is None or f.category in cats) and (sevs is None or f.severity in sevs)]

