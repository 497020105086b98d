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

import math
from collections.abc import Callable, Iterable
from typing import Any, Final

from ..kb import KB
from .arithmetic import Span, check_arithmetic, check_document_count, grade, stated_span
from .calendar_checks import check_calendar
from .common import (
    CATEGORIES,
    ORIGINS,
    SEVERITIES,
    Article,
    Evidence,
    Finding,
    article_of,
    finding_from_dict,
)
from .duplicates import check_duplicates
from .names import check_names
from .relative import check_relative_dates, publication_day

__all__ = [
    "CATEGORIES", "ORIGINS", "SEVERITIES", "Article", "Evidence", "Finding", "Span",
    "article_of", "check_arithmetic", "check_calendar", "check_document_count",
    "check_duplicates", "check_names", "check_relative_dates", "computed", "curated", "grade",
    "publication_day", "run", "select", "stated_span",
]  # fmt: skip

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
    (the computed one follows the KB's numbers). A SQLite KB holds them as computed when it was
    written (from the same records and article), so they are read, not computed again."""
    if kb.store is not None and article is None:
        return [finding_from_dict(raw, source) for source, raw in kb.store.checked_findings()]
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
