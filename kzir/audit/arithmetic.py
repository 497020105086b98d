"""Arithmetic: parts against totals, the previous year implied by each growth rate, counts.

Severity follows how far beyond rounding a disagreement is (``grade``), because a figure the
article rounds stands for a range of values and a gap inside that range is no error:

* every figure is widened to the values it may stand for (its rounding unit, read off its trailing
  zeros; «بیش از» 'more than' and «نزدیک به» 'nearly' one-sided; growth rates ±0.5 points);
* the two sides overlap → they agree within rounding: no finding, except a **note** when the
  article's own words contradict each other at face value (exports "more than" X + imports Y
  against a total "nearly" X + Y);
* they miss each other by no more than the rounding could move them (gap ≤ slack, the sum of both
  sides' half-widths: doubling every rounding allowance would reconcile them) → **warning**;
* they miss by more → **error**.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from ..kb import KB
from ..model import Trade
from ..rounding import LOWER_ONLY, UPPER_ONLY, Span, grade, growth_factor_span, stated_span
from .common import (
    Article,
    Evidence,
    Finding,
    article_of,
    evidence_of,
    fa,
    num,
    num_fa,
    slug,
)

# --------------------------------------------------------------------------- arithmetic

_MEASURES: Final = {"tonnes": ("t", "تن"), "usd": ("USD", "دلار")}


@dataclass(frozen=True, slots=True)
class _Literal:
    """What figures claim at face value: 'more than v' is v < x, 'nearly v' is x ≤ v."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __add__(self, other: _Literal) -> _Literal:
        return _Literal(self.lo + other.lo, self.hi + other.hi, self.lo_open or other.lo_open,
                        self.hi_open or other.hi_open)

    def meets(self, other: _Literal) -> bool:
        def below(lo: float, lo_open: bool, hi: float, hi_open: bool) -> bool:
            return lo < hi or (lo == hi and not lo_open and not hi_open)

        return (below(self.lo, self.lo_open, other.hi, other.hi_open)
                and below(other.lo, other.lo_open, self.hi, self.hi_open))


def _literal(value: float, qualifier: str | None) -> _Literal:
    if qualifier in LOWER_ONLY:
        return _Literal(value, math.inf, lo_open=True)
    if qualifier in UPPER_ONLY:
        return _Literal(-math.inf, value)
    if qualifier:  # "approximately": no bound at face value
        return _Literal(-math.inf, math.inf)
    return _Literal(value, value)


def _grade_words(severity: str, gap: float, slack: float, unit: str) -> str:
    how = "just beyond rounding" if severity == "warning" else "far beyond rounding"
    rule = "≤" if severity == "warning" else ">"
    return (f"Graded {severity} ({how}): gap {num(round(gap))} {unit} {rule} slack "
            f"{num(round(slack))} {unit}, the sum of both sides' half-widths.")


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
        return f"{span}y", f"the {span}-year figures", f"ارقام {fa(span)} ساله"
    return str(year), f"year {year}", f"سال {fa(year)}"


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
            severity, gap, slack = grade(t_span, p_span)
            key, period_en, period_fa = _period(year, span)
            parts = e_val + i_val
            if severity is None:
                face_parts = (_literal(e_val, _qualifier(exp, measure))
                              + _literal(i_val, _qualifier(imp, measure)))
                if not face_parts.meets(_literal(t_val, _qualifier(total, measure))):
                    findings.append(_face_value_note(key, period_en, period_fa, measure,
                                                     (total, exp, imp), t_span, p_span))
                continue
            gap = (t_span.lo - p_span.hi) if p_span.hi < t_span.lo else (p_span.lo - t_span.hi)
            relation = "short of" if p_span.hi < t_span.lo else "above"
            relation_fa = "کمتر از" if p_span.hi < t_span.lo else "بیشتر از"
            findings.append(Finding(
                id=f"arithmetic-{key}-{measure}",
                severity=severity,
                category="arithmetic",
                message_en=(
                    f"In {period_en} the parts do not add up to the total: exports "
                    f"{num(e_val)} {unit_en} + imports {num(i_val)} {unit_en} = "
                    f"{num(parts)} {unit_en}, but the total is given as "
                    f"{_qual_text(total, measure)}{num(t_val)} {unit_en}."
                ),
                message_fa=(
                    f"در {period_fa} جمع اجزا با کل نمی‌خواند: صادرات {num_fa(e_val)} {unit_fa} "
                    f"+ واردات {num_fa(i_val)} {unit_fa} = {num_fa(parts)} {unit_fa}، اما کل "
                    f"«{_qual_fa(_qualifier(total, measure))}{num_fa(t_val)} {unit_fa}» "
                    f"گفته شده است؛ حتی با گرد کردن ارقام، جمع اجزا {num_fa(gap)} {unit_fa} "
                    f"{relation_fa} کل است."
                ),
                evidence=evidence_of([total, exp, imp]),
                computation=(
                    f"{exp.id} {num(e_val)} + {imp.id} {num(i_val)} = {num(parts)} {unit_en}; "
                    f"{total.id}: {_qual_text(total, measure)}{num(t_val)} {unit_en}. "
                    f"Allowing each figure its rounding unit (read off its trailing zeros; "
                    f"'more than' and 'nearly' one-sided) the parts lie in "
                    f"{num(p_span.lo)}–{num(p_span.hi)} and the total in "
                    f"{num(t_span.lo)}–{num(t_span.hi)}: the parts fall {num(gap)} {unit_en} "
                    f"{relation} the total. {_grade_words(severity, gap, slack, unit_en)}"
                ),
                source="computed",
                extra={"related": [total.id, exp.id, imp.id]},
            ))
    return findings


def _face_value_note(key: str, period_en: str, period_fa: str, measure: str,
                     rows: tuple[Trade, Trade, Trade], t_span: Span, p_span: Span) -> Finding:
    """Parts and total agree within rounding but not at face value ('more than' vs 'nearly')."""
    total, exp, imp = rows
    unit_en, unit_fa = _MEASURES[measure]
    e_val, i_val, t_val = (getattr(t, measure) for t in (exp, imp, total))
    said_en = [f"{_qual_text(t, measure)}{num(getattr(t, measure))} {unit_en}" for t in rows]
    said_fa = [f"«{_qual_fa(_qualifier(t, measure))}{num_fa(getattr(t, measure))} {unit_fa}»"
               for t in rows]
    return Finding(
        id=f"arithmetic-{key}-{measure}",
        severity="note",
        category="arithmetic",
        message_en=(f"In {period_en} the figures fit only within their rounding: at face value "
                    f"exports of {said_en[1]} and imports of {said_en[2]} cannot add up to a "
                    f"total of {said_en[0]}."),
        message_fa=(f"در {period_fa} ارقام تنها با گرد کردن با هم می‌خوانند: صادرات {said_fa[1]} "
                    f"و واردات {said_fa[2]} به ظاهر نمی‌توانند جمعاً کل {said_fa[0]} باشند."),
        evidence=evidence_of(rows),
        computation=(f"face value: parts {num(e_val + i_val)} {unit_en} with the parts' "
                     f"qualifiers vs total {_qual_text(total, measure)}{num(t_val)} {unit_en}: "
                     f"no value satisfies both. Within rounding the parts lie in "
                     f"{num(p_span.lo)}–{num(p_span.hi)} and the total in "
                     f"{num(t_span.lo)}–{num(t_span.hi)}, which overlap: graded note."),
        source="computed",
        extra={"related": [t.id for t in rows]},
    )


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
            severity, gap, slack = grade(t_span, parts_span)
            if severity is None:
                continue
            parts_mid = e_mid + i_mid
            implied_growth = (total.data[measure] / parts_mid - 1) * 100
            g_t, g_e, g_i = (getattr(t, growth) for t in rows)
            bounds = (f"total ≤ {num(round(t_span.hi))}, parts ≥ {num(round(parts_span.lo))}"
                      if t_span.hi < parts_span.lo else
                      f"total ≥ {num(round(t_span.lo))}, parts ≤ {num(round(parts_span.hi))}")
            prev_year = year - 1
            findings.append(Finding(
                id=f"arithmetic-{prev_year}-{measure}",
                severity=severity,
                category="arithmetic",
                message_en=(
                    f"The growth rates for {year} imply two different {prev_year} figures: "
                    f"the total's {g_t:g}% gives {num(round(t_mid))} {unit_en} for {prev_year}, "
                    f"but exports (+{g_e:g}%) and imports (+{g_i:g}%) give "
                    f"{num(round(e_mid))} + {num(round(i_mid))} = {num(round(parts_mid))} "
                    f"{unit_en}; no rounding of the stated figures reconciles them."
                ),
                message_fa=(
                    f"نرخ‌های رشد سال {fa(year)} دو رقم متفاوت برای سال {fa(prev_year)} می‌دهند: "
                    f"رشد {fa(f'{g_t:g}')} درصدی کل، {num_fa(round(t_mid))} {unit_fa} می‌دهد، "
                    f"اما رشد صادرات ({fa(f'{g_e:g}')} درصد) و واردات ({fa(f'{g_i:g}')} درصد) "
                    f"{num_fa(round(e_mid))} + {num_fa(round(i_mid))} = "
                    f"{num_fa(round(parts_mid))} {unit_fa}؛ هیچ گردکردنی این دو را یکی نمی‌کند."
                ),
                evidence=evidence_of(rows),
                computation=(
                    f"total {num(total.data[measure])} / (1 + {g_t:g}%) = {num(round(t_mid))}; "
                    f"export {num(exp.data[measure])} / (1 + {g_e:g}%) = {num(round(e_mid))}; "
                    f"import {num(imp.data[measure])} / (1 + {g_i:g}%) = {num(round(i_mid))}; "
                    f"parts {num(round(parts_mid))} ≠ total {num(round(t_mid))}. From the parts "
                    f"the total grew {num(total.data[measure])} / {num(round(parts_mid))} − 1 = "
                    f"{implied_growth:.1f}%, not {g_t:g}%. With every figure at the edge of its "
                    f"rounding (values to their stated unit, 'more than'/'nearly' one-sided, "
                    f"growth rates ±0.5 points): {bounds}. "
                    f"{_grade_words(severity, gap, slack, unit_en)}"
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
            id=f"arithmetic-{slug(record.id)}-count",
            severity="error",
            category="arithmetic",
            message_en=(f"The article says {stated} documents were signed, but "
                        + "; ".join(f"{what}: {c}" for what, c in wrong.items()) + "."),
            message_fa=(f"متن از امضای {fa(stated)} سند می‌گوید، اما شمار اسناد فهرست‌شده "
                        + "، ".join(fa(c) for c in wrong.values()) + " است."),
            evidence=evidence_of([record]) + tuple(
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
