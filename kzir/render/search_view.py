"""The view of `kzir search`: ranked results as rows for people and as objects for scripts."""

from __future__ import annotations

from collections.abc import Mapping

from ..search import Hit, Results
from .labels import Phrase, enum
from .viewmodel import ID_COLUMN, Column, Listing

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


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


def search_listing(results: Results, *, explain: bool = False) -> Listing:
    """Ranked results; `explain` adds a column saying why each ranked where it did."""
    columns = [
        Column("rank", "#", lambda h, o: h.rank, raw=lambda h: h.rank, kind="number",
               align="right", priority=95),
        Column("kind", "Kind", lambda h, o: enum("kind", h.kind, o.lang), raw=lambda h: h.kind,
               kind="enum", priority=40),
        ID_COLUMN,
        Column("snippet", "Snippet", lambda h, o: h.snippet, raw=lambda h: h.snippet,
               priority=80),
        Column("paragraphs", "¶", lambda h, o: ", ".join(map(str, h.paragraphs)),
               raw=lambda h: list(h.paragraphs), kind="number", align="right", priority=60),
    ]
    if explain:
        columns.append(Column("explain", "Why (BM25F: term score, idf; field tf)",
                              lambda h, o: explain_text(h.explain),
                              raw=lambda h: explain_text(h.explain), priority=70))
    counts: list[Phrase] = []
    shown, total = len(results.hits), results.total
    if shown < total:
        counts.append(("{shown} of {total} matches shown (--limit N to see more)",
                       {"shown": shown, "total": total}))
    return Listing(
        items=results.hits,
        columns=columns,
        title=("Search: {query}", {"query": results.query.text}),
        to_json=hit_json,
        counts=counts,
        # with --limit 0 the count line already says how many matched
        empty_message="" if results.total else ("no matches for {query}",
                                                {"query": repr(results.query.text)}),
        uses_lang=True,  # the snippet is in the chosen language
    )
