"""Rich tables for people at a terminal; the only module that imports Rich (the table writer
imports it when a table is drawn).

Tables fit the terminal: ids, numbers and dates are never split (each column is at least as wide
as its longest word, and ids/numbers never wrap); text wraps at word boundaries. When even the
narrowest layout is too wide, columns are dropped lowest priority first; when no table fits at
all, `write_table` returns False and the caller writes plain text instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from .sanitize import display
from .viewmodel import UNBROKEN, Block, Column

TEXT_MIN = 10  # a wrapping text column is not squeezed narrower than this (or its content)
PADDING = 2  # Rich's default cell padding: one space each side
MIN_COLUMNS = 2  # a table reduced to fewer columns than this says too little: plain instead


def console_for(stream: TextIO) -> Console:
    # highlight=False: no guessing colours for numbers/URLs inside data.
    return Console(file=stream, highlight=False)


def _longest_word(text: str, digits_only: bool = False) -> int:
    return max((cell_len(word) for word in text.split()
                if not digits_only or any(ch.isdigit() for ch in word)), default=0)


def _widest(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def _bounds(column: Column, header: str, cells: Sequence[str]) -> tuple[int, int, int]:
    """Widths of a column: splitting no word, at the very least, and natural (one line).

    Ids, numbers and dates never go below their longest word; text may, as a last resort
    when even two columns do not fit (a long text word then folds, but never one with a digit).
    """
    natural = max([_widest(header), *(_widest(c) for c in cells)])
    words = max([_longest_word(header), *(_longest_word(c) for c in cells)])
    if column.kind in UNBROKEN:
        return words, words, natural
    whole = min(natural, max(words, TEXT_MIN))
    numbers = max((_longest_word(c, digits_only=True) for c in cells), default=0)
    return whole, min(whole, max(TEXT_MIN, numbers)), natural


def _overhead(count: int) -> int:
    """Width a table adds around its columns (edges, separators), measured on Rich itself."""
    probe = _new_table(None)
    for _ in range(count):
        probe.add_column(width=1)
    console = Console(width=10_000)
    return Measurement.get(console, console.options, probe).maximum - count * (1 + PADDING)


def _new_table(title: str | None) -> Table:
    # no edge and no outer padding: four more columns for data on a narrow terminal
    return Table(title=Text(title) if title else None, box=box.SIMPLE_HEAVY, show_lines=False,
                 show_edge=False, pad_edge=False)


def layout(columns: Sequence[Column], headers: Sequence[str], rows: Sequence[Sequence[str]],
           width: int) -> tuple[list[int], list[int]] | None:
    """Indexes of the columns kept and their widths, or None when no table fits `width`."""
    bounds = [_bounds(c, h, [r[i] for r in rows]) for i, (c, h) in enumerate(zip(columns, headers,
                                                                                  strict=True))]
    fewest = min(MIN_COLUMNS, len(columns))
    for least in (0, 1):  # every word whole if possible, else long text words may fold
        kept = list(range(len(columns)))
        while len(kept) >= fewest:
            room = width - _overhead(len(kept)) - PADDING * len(kept)
            if sum(bounds[i][least] for i in kept) <= room:
                lows = [(bounds[i][least], bounds[i][2]) for i in range(len(columns))]
                return kept, _spread(kept, lows, columns, room)
            kept.remove(min(kept, key=lambda i: (columns[i].priority, -i)))
    return None


def _spread(kept: list[int], bounds: list[tuple[int, int]], columns: Sequence[Column],
            room: int) -> list[int]:
    """Give each kept column its minimum, then widen dates, numbers and ids to one line, then
    share what is left among text columns by how much more they could use."""
    widths = {i: bounds[i][0] for i in kept}
    spare = room - sum(widths.values())
    for i in kept:
        if columns[i].kind in UNBROKEN and spare > 0:
            extra = min(spare, bounds[i][1] - widths[i])
            widths[i] += extra
            spare -= extra
    wants = {i: bounds[i][1] - widths[i] for i in kept if bounds[i][1] > widths[i]}
    while spare > 0 and wants:
        total = sum(wants.values())
        given = 0
        for i, want in list(wants.items()):
            share = min(want, max(1, spare * want // total))
            share = min(share, spare - given)
            widths[i] += share
            given += share
            wants[i] -= share
            if wants[i] <= 0:
                del wants[i]
        spare -= given
        if given == 0:
            break
    return [widths[i] for i in kept]


def write_table(title: str | None, columns: Sequence[Column], headers: Sequence[str],
                rows: Sequence[Sequence[str]], stream: TextIO) -> list[Column] | None:
    """Draw a table that fits the terminal; return the dropped columns, or None if none fits."""
    console = console_for(stream)
    fitted = layout(columns, headers, rows, console.width)
    if fitted is None:
        return None
    kept, widths = fitted
    table = _new_table(title)
    for i, width in zip(kept, widths, strict=True):
        column = columns[i]
        unbroken = column.kind in UNBROKEN
        table.add_column(Text(headers[i]), justify=column.align,  # type: ignore[arg-type]
                         width=width,
                         overflow="ellipsis" if unbroken else "fold")
    for row in rows:
        table.add_row(*(Text(row[i]) for i in kept))
    console.print(table)
    return [columns[i] for i in range(len(columns)) if i not in kept]


def write_pairs_table(title: str | None, pairs: Sequence[tuple[str, str]], stream: TextIO) -> None:
    """One object's label/value pairs; values wrap at words (no edge: room for long ids)."""
    table = Table(title=Text(title) if title else None, box=box.SIMPLE, show_header=False,
                  show_edge=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in pairs:
        table.add_row(Text(label), Text(value))
    console_for(stream).print(table)


def write_blocks(blocks: Sequence[Block], stream: TextIO) -> None:
    """Running text: bold headings, quoted spans in reverse video."""
    console = console_for(stream)
    for i, block in enumerate(blocks):
        if i:
            console.print()
        if block.heading:
            console.print(Text(display(block.heading), style="bold"))
        for line in block.lines:
            text = Text()
            for piece, marked in line:
                text.append(display(piece), style="bold reverse" if marked else "")
            console.print(text)
