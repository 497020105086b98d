"""Citations and paragraphs as listings/details: columns for machines, running text for people.

People get a quotable block (`kzir cite ID -f md|plain`): the Persian quote, the English of its
paragraph, and a citation line naming the source, the publication date in both calendars and the
paragraph. On a terminal (`table`) the whole paragraph is shown too, the quote marked in it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..citations import Citation
from ..options import OutputOptions
from .labels import phrase
from .viewmodel import Block, Column, Detail, Listing

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def _by_paragraph(citations: Sequence[Citation]) -> list[list[Citation]]:
    """Citations grouped by paragraph (first-cited first), so each paragraph is shown once."""
    groups: dict[int, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.paragraph, []).append(c)
    return list(groups.values())


def _pieces(group: Sequence[Citation]) -> list[tuple[str, bool]]:
    """The paragraph cut into (text, quoted?) pieces; overlapping quotes become one span."""
    fa = group[0].fa
    merged: list[tuple[int, int]] = []
    for start, end in sorted({(c.start, c.end) for c in group if c.start >= 0}):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, at = [], 0
    for start, end in merged:
        pieces += [(fa[at:start], False), (fa[start:end], True)]
        at = end
    pieces.append((fa[at:], False))
    return [p for p in pieces if p[0]]


def citation_line(meta: Mapping[str, Any], paragraph: int, lang: str) -> str:
    """'— IRNA …, Asia and Oceania desk, published 1401-03-29 (Gregorian 2022-06-19), …'."""
    published = meta.get("published") or {}
    template = ("{source}, published {jalali} (Gregorian {gregorian}), paragraph {n}"
                if published.get("basis") != "inferred" else
                "{source}, published {jalali} (Gregorian {gregorian}; inferred, the article has "
                "no dateline), paragraph {n}")
    one = "fa" if lang == "fa" else "en"
    return "— " + phrase(template, one, source=phrase(str(meta.get("source", "")), one),
                         jalali=published.get("jalali", "?"),
                         gregorian=published.get("gregorian", "?"), n=paragraph)


def citations_listing(citations: Sequence[Citation], meta: Mapping[str, Any], lang: str
                      ) -> Listing:
    """A record's sources; `lang` both (default), en or fa decides what people see."""

    def prose(opts: OutputOptions, style: str) -> list[Block]:
        blocks = []
        for group in _by_paragraph(citations):
            n = group[0].paragraph
            lines: list[list[tuple[str, bool]]] = []
            if lang != "en":
                if style == "table":  # on a terminal: the whole paragraph, quotes marked
                    lines.append(_pieces(group))
                else:
                    lines += [[("«" + c.quote + "»", False)] for c in group]
                lines += [[(phrase("(quote not found in the paragraph: «{quote}»)", lang,
                                   quote=c.quote), False)] for c in group if c.start < 0]
            if lang != "fa":
                lines.append([(phrase("¶{n} in English", "en", n=n) + ": " + group[0].en,
                               False)])
            lines.append([(citation_line(meta, n, lang), False)])
            blocks.append(Block("", lines, quote=True))
        return blocks

    return Listing(
        items=citations,
        columns=[
            Column("record", "ID", lambda c, o: c.record, raw=lambda c: c.record, kind="id"),
            Column("paragraph", "¶", lambda c, o: c.paragraph, raw=lambda c: c.paragraph,
                   kind="number"),
            Column("quote", "Quote", lambda c, o: c.quote, raw=lambda c: c.quote),
            Column("start", "Start", lambda c, o: c.start, raw=lambda c: c.start,
                   kind="number"),
            Column("end", "End", lambda c, o: c.end, raw=lambda c: c.end, kind="number"),
            Column("fa", "Persian", lambda c, o: c.fa, raw=lambda c: c.fa),
            Column("en", "English", lambda c, o: c.en, raw=lambda c: c.en),
        ],
        to_json=lambda c: c.as_dict(),
        prose=prose,
    )


def paragraph_detail(n: int, fa: str, en: str, lang: str) -> Detail:
    """Paragraph N in Persian, English or both (Persian first, as the source)."""
    texts = {"fa": fa, "en": en}
    langs = ["fa", "en"] if lang == "both" else [lang]
    obj: dict[str, Any] = {"n": n, **{code: texts[code] for code in langs}}

    def prose(opts: OutputOptions, style: str) -> list[Block]:
        heading = lang == "both"
        return [Block(f"¶{n} ({code})" if heading else "", [[(texts[code], False)]])
                for code in langs]

    return Detail(pairs=[], json=obj, prose=prose, uses_lang=True)
