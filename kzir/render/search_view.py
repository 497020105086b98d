"""The view of `kzir search`: ranked results as rows for people and as objects for scripts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..options import OutputOptions
from ..search import Hit, Results
from .view import ID_COLUMN, Column, Listing


def hit_json(hit: Hit) -> dict[str, Any]:
    """One result as the JSON contract has it: rank, score, what matched, the record, sources."""
    obj: dict[str, Any] = {
        "rank": hit.rank,
        "score": hit.score,
        "kind": hit.kind,
        "id": hit.id,
        "snippet": hit.snippet,
        "paragraphs": list(hit.paragraphs),
        "record": hit.record_json(),
        "sources": hit.sources,
    }
    if hit.explain is not None:
        obj["explain"] = dict(hit.explain)
    return obj


def explain_text(explain: Mapping[str, Any] | None) -> str:
    """One line per result: each term's share of the score and the fields it matched in."""
    if not explain:
        return ""
    parts = []
    for term in explain["terms"]:
        fields = ", ".join(f"{name} {info['tf']:g}" for name, info in term["fields"].items())
        parts.append(f"{term['term']} {term['score']:.2f} (idf {term['idf']:.2f}; {fields})")
    text = " + ".join(parts)
    intent = explain.get("intent") or {}
    if intent:  # what the question was read as asking, and what that did to this result
        read = ", ".join(f"{k} {'/'.join(map(str, v)) if isinstance(v, list) else v}"
                         for k, v in intent.items())
        text += f"; × {explain.get('factor', 1.0):g} for intent: {read}"
    return text


def _paragraphs(hit: Hit, opts: OutputOptions) -> str:
    return ", ".join(map(str, hit.paragraphs))


def search_listing(results: Results, *, explain: bool = False) -> Listing:
    """Ranked results; `explain` adds a column saying why each ranked where it did."""
    columns = [
        Column("rank", "#", lambda h, o: h.rank, align="right"),
        Column("kind", "Kind", lambda h, o: h.kind, header_fa="نوع"),
        ID_COLUMN,
        Column("snippet", "Snippet", lambda h, o: h.snippet, header_fa="متن"),
        Column("paragraphs", "¶", _paragraphs, header_fa="بند"),
    ]
    if explain:
        columns.append(Column("explain", "Why (BM25F: term score, idf; field tf)",
                              lambda h, o: explain_text(h.explain), header_fa="چرا"))
    notes = []
    shown, total = len(results.hits), results.total
    if shown < total:
        notes.append(f"{shown} of {total} matches shown (--limit N to see more)")
    return Listing(
        items=results.hits,
        columns=columns,
        title=f"Search: {results.query.text}",
        to_json=hit_json,
        counts=notes,
        # with --limit 0 the count line already says how many matched
        empty_message="" if results.total else f"no matches for {results.query.text!r}",
    )
