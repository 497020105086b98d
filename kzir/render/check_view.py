"""The table view of `kzir check`: one row per audit finding, message in the chosen language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..options import OutputOptions
from .view import ID_COLUMN, Column, Listing


def _paragraphs(finding: Any, opts: OutputOptions) -> str:
    return ", ".join(str(n) for n in finding.paragraphs)


def _summary(findings: Sequence[Any]) -> str:
    """'3 errors, 9 warnings, 44 notes (24 computed, 32 curated)' for stderr."""
    severities = Counter(f.severity for f in findings)
    sources = Counter(f.source for f in findings)
    parts = [f"{severities[s]} {s}{'' if severities[s] == 1 else 's'}"
             for s in ("error", "warning", "note")]
    return (f"{len(findings)} findings: {', '.join(parts)} "
            f"({sources['computed']} computed, {sources['curated']} curated)")


def findings_listing(findings: Sequence[Any]) -> Listing:
    """Findings (kzir.audit.Finding) as a listing; JSON is each finding's contract object."""
    return Listing(
        items=findings,
        title="Audit of the article: where it contradicts itself, miscounts or mis-converts",
        columns=[
            ID_COLUMN,
            Column("severity", "Severity", lambda f, o: f.severity, header_fa="شدت"),
            Column("category", "Category", lambda f, o: f.category, header_fa="دسته"),
            Column("message", "Message", lambda f, o: f.message(o.lang), header_fa="پیام"),
            Column("paragraphs", "Paragraphs", _paragraphs, header_fa="بندها"),
        ],
        to_json=lambda f: f.to_json(),
        notes=[_summary(findings)] if findings else [],
        empty_message="no findings match",
    )
