"""Show citations and paragraphs: Persian with the quoted spans marked, then the English."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from ..citations import Citation
from ..options import OutputOptions
from .formats import dump_json, resolve_format
from .sanitize import display

OPEN, CLOSE = "⟦", "⟧"  # plain-text marks around a quoted span


def _by_paragraph(citations: Sequence[Citation]) -> list[list[Citation]]:
    """Citations grouped by paragraph (first-cited first), so each paragraph is shown once."""
    groups: dict[int, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.paragraph, []).append(c)
    return list(groups.values())


def _pieces(group: Sequence[Citation]) -> tuple[list[tuple[str, bool]], list[str]]:
    """The paragraph cut into (text, quoted?) pieces, and the quotes not found in it."""
    fa = group[0].fa
    spans = sorted({(c.start, c.end) for c in group if c.start >= 0})
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # overlapping quotes become one marked span
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, at = [], 0
    for start, end in merged:
        pieces += [(fa[at:start], False), (fa[start:end], True)]
        at = end
    pieces.append((fa[at:], False))
    missing = [c.quote for c in group if c.start < 0]
    return [p for p in pieces if p[0]], missing


def emit_citations(citations: Sequence[Citation], opts: OutputOptions,
                   stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    fmt = resolve_format(opts, out)
    if fmt in ("json", "jsonl"):
        objs = [c.as_dict() for c in citations]
        if fmt == "json":
            out.write(dump_json(objs, opts) + "\n")
        else:
            out.writelines(dump_json(o, opts, indent=None) + "\n" for o in objs)
        return
    if fmt == "table":
        _rich_citations(citations, out)
        return
    for i, group in enumerate(_by_paragraph(citations)):
        n = group[0].paragraph
        pieces, missing = _pieces(group)
        out.write(("\n" if i else "") + f"¶{n} (fa)\n")
        out.write("".join(OPEN + display(t) + CLOSE if quoted else display(t)
                          for t, quoted in pieces) + "\n")
        for quote in missing:
            out.write(f"(quote not found in the paragraph: «{display(quote)}»)\n")
        out.write(f"¶{n} (en)\n{display(group[0].en)}\n")


def _rich_citations(citations: Sequence[Citation], out: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False)
    for i, group in enumerate(_by_paragraph(citations)):
        n = group[0].paragraph
        if i:
            console.print()
        console.print(Text(f"¶{n} (fa)", style="bold"))
        pieces, missing = _pieces(group)
        text = Text()
        for piece, quoted in pieces:
            text.append(display(piece), style="bold reverse" if quoted else "")
        for quote in missing:
            text.append(f"\n(quote not found: «{display(quote)}»)")
        console.print(text)
        console.print(Text(f"¶{n} (en)", style="bold"))
        console.print(Text(display(group[0].en)))


def emit_paragraph(n: int, fa: str, en: str, lang: str, opts: OutputOptions,
                   stream: TextIO | None = None) -> None:
    """Paragraph N in Persian, English or both (Persian first, as the source)."""
    out = stream or sys.stdout
    fmt = resolve_format(opts, out)
    if fmt in ("json", "jsonl"):
        obj = {"n": n, "fa": fa, "en": en} if lang == "both" else {"n": n, lang: fa if
                                                                    lang == "fa" else en}
        out.write(dump_json(obj, opts, indent=2 if fmt == "json" else None) + "\n")
        return
    parts = [("fa", fa), ("en", en)] if lang == "both" else [(lang, fa if lang == "fa" else en)]
    for i, (code, text) in enumerate(parts):
        if i:
            out.write("\n")
        if lang == "both":
            out.write(f"¶{n} ({code})\n")
        out.write(display(text) + "\n")
