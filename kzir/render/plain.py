"""Plain text for pipes and dumb terminals: aligned columns, no box drawing, no colour."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .sanitize import display
from .viewmodel import Block

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import TextIO


def display_width(text: str) -> int:
    """Columns a string takes: combining marks take none, wide East Asian characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, align: str) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if align == "right" else text + gap


def write_rows(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str],
               stream: TextIO) -> None:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    last = len(headers) - 1
    for cells in [list(headers), *rows]:
        parts = [
            cell if i == last and aligns[i] != "right" else _pad(cell, widths[i], aligns[i])
            for i, cell in enumerate(cells)
        ]
        stream.write("  ".join(parts).rstrip() + "\n")


def write_pairs(title: str | None, pairs: Sequence[tuple[str, str]], stream: TextIO) -> None:
    if title:
        stream.write(display(title) + "\n")
    width = max((display_width(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        lines = str(value).split("\n")
        stream.write(f"{_pad(display(label), width, 'left')}  {display(lines[0])}".rstrip() + "\n")
        for more in lines[1:]:
            stream.write(f"{' ' * width}  {display(more)}".rstrip() + "\n")


def write_blocks(blocks: Sequence[Block], stream: TextIO, open_mark: str = "⟦",
                 close_mark: str = "⟧") -> None:
    """Running text (a citation, a paragraph): each block's heading, then its lines."""
    for i, block in enumerate(blocks):
        if i:
            stream.write("\n")
        if block.heading:
            stream.write(display(block.heading) + "\n")
        for line in block.lines:
            stream.write("".join(open_mark + display(t) + close_mark if marked else display(t)
                                 for t, marked in line) + "\n")
