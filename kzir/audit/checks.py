"""All the checks together: every computed finding, the curated ones, ordered and filtered."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Final

from ..kb import KB
from .arithmetic import check_arithmetic
from .calendar_checks import check_calendar
from .common import CATEGORIES, SEVERITIES, Article, Finding, finding_from_dict
from .duplicates import check_duplicates
from .names import check_names
from .relative import check_relative_dates

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
