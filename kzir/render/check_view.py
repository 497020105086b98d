"""The view of `kzir check`: one row per audit finding, message in the chosen language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .labels import Phrase, enum
from .viewmodel import ID_COLUMN, Column, Listing

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def _summary(findings: Sequence[Any]) -> Phrase:
    """'56 findings: 3 errors, 9 warnings, 44 notes (24 computed, 32 curated)' for stderr."""
    severities = Counter(f.severity for f in findings)
    sources = Counter(f.source for f in findings)
    return ("{count} findings (errors: {errors}, warnings: {warnings}, notes: {notes}; "
            "{computed} computed, {curated} curated)",
            {"count": len(findings), "errors": severities["error"],
             "warnings": severities["warning"], "notes": severities["note"],
             "computed": sources["computed"], "curated": sources["curated"]})


def findings_listing(findings: Sequence[Any]) -> Listing:
    """Findings (kzir.audit.Finding) as a listing; JSON is each finding's contract object."""
    return Listing(
        items=findings,
        title="Audit of the article: where it contradicts itself, miscounts or mis-converts a date",
        columns=[
            ID_COLUMN,
            Column("severity", "Severity", lambda f, o: enum("severity", f.severity, o.lang),
                   raw=lambda f: f.severity, kind="enum", priority=60),
            Column("category", "Category", lambda f, o: enum("category", f.category, o.lang),
                   raw=lambda f: f.category, kind="enum", priority=50),
            Column("message", "Message", lambda f, o: f.message(o.lang),
                   raw=lambda f: (f.message_en, f.message_fa), kind="bilingual", priority=80),
            Column("paragraphs", "Paragraphs", lambda f, o: ", ".join(map(str, f.paragraphs)),
                   raw=lambda f: list(f.paragraphs), kind="number", align="right",
                   priority=40),
        ],
        to_json=lambda f: f.to_json(),
        notes=[_summary(findings)] if findings else [],
        empty_message="no findings match",
    )
