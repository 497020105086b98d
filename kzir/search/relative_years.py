"""Years a question names relative to the article: "last year" is the year before publication.

The article writes «سال گذشته» for Iranian year 1400 in one place and «سال ۱۴۰۰» in another, and
people ask "how much did Iran export last year". Resolved against the KB's own publication date
(meta.published), a relative year also searches for the year it means, so the record holding
that year's figure is found; the phrase itself still matches where the article uses it. Years
are Iranian (Jalali), as the KB's trade years are. A KB without a publication date (many
articles) resolves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .folding import fold
from .vocabulary import NUMBER_WORDS

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

# folded phrase -> offset from the publication year
_PHRASES = {
    "last year": -1, "previous year": -1, "the year before": -1,
    "this year": 0, "current year": 0,
    "سال گذشته": -1, "سال قبل": -1, "پارسال": -1, "سال پیش": -1,
    "امسال": 0, "سال جاری": 0,
}
_PATTERN = re.compile(
    rb"(?<![\w\x80-\xff])(" + b"|".join(re.escape(fold(p).strip()) for p in _PHRASES) +
    rb")(?![\w\x80-\xff])")
_OFFSET = {fold(p).strip(): offset for p, offset in _PHRASES.items()}


def publication_year(meta: Mapping[str, Any]) -> int | None:
    """The Jalali year the KB's article was published, if it says."""
    published = meta.get("published")
    jalali = published.get("jalali") if isinstance(published, Mapping) else None
    head = str(jalali or "")[:4]
    return int(head) if head.isdigit() else None


def _counted(before: bytes) -> bool:
    """Whether the phrase follows a number: «بیست سال گذشته», "20 years" are a span, not a year."""
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last.isdigit() or last in _NUMBER_KEYS


_NUMBER_KEYS = frozenset(fold(word).strip() for word in NUMBER_WORDS)


def with_years(query: str, meta: Mapping[str, Any]) -> str:
    """The query and, after it, each year its relative phrases mean (none if nothing to add)."""
    year = publication_year(meta)
    if year is None:
        return query
    folded = fold(query)
    years = {year + _OFFSET[m.group(1)] for m in _PATTERN.finditer(folded)
             if not _counted(folded[:m.start()])}
    return " ".join([query, *map(str, sorted(years))]) if years else query
