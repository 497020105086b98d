"""Show citations and paragraphs: Persian with the quoted span marked, then the English."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from ..citations import Citation
from ..options import OutputOptions
from .formats import dump_json, resolve_format
from .sanitize import display

OPEN, CLOSE = "⟦", "⟧"  # plain-text marks around the quoted span


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
    for i, c in enumerate(citations):
        if i:
            out.write("\n")
        out.write(f"¶{c.paragraph} (fa)\n")
        if c.start >= 0:
            out.write(display(c.fa[: c.start]) + OPEN + display(c.quote) + CLOSE
                      + display(c.fa[c.end:]) + "\n")
        else:
            out.write(display(c.fa) + "\n")
            out.write(f"(quote not found in the paragraph: «{display(c.quote)}»)\n")
        out.write(f"¶{c.paragraph} (en)\n{display(c.en)}\n")


def _rich_citations(citations: Sequence[Citation], out: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False)
    for i, c in enumerate(citations):
        if i:
            console.print()
        console.print(Text(f"¶{c.paragraph} (fa)", style="bold"))
        if c.start >= 0:
            text = Text(display(c.fa[: c.start]))
            text.append(display(c.quote), style="bold reverse")
            text.append(display(c.fa[c.end:]))
        else:
            text = Text(display(c.fa) + f"\n(quote not found: «{display(c.quote)}»)")
        console.print(text)
        console.print(Text(f"¶{c.paragraph} (en)", style="bold"))
        console.print(Text(display(c.en)))


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
