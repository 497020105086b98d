"""Rich tables for people at a terminal; this is the only module that imports Rich."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..options import OutputOptions
from .formats import cell_text
from .sanitize import display
from .view import Column


def _console(stream: TextIO) -> Console:
    # highlight=False: no guessing colours for numbers/URLs inside data.
    return Console(file=stream, highlight=False)


def write_table(title: str | None, columns: Sequence[Column], items: Sequence[Any],
                opts: OutputOptions, stream: TextIO) -> None:
    table = Table(title=Text(display(title)) if title else None, box=box.SIMPLE_HEAVY,
                  show_lines=False)
    for column in columns:
        table.add_column(Text(display(column.title(opts.lang))), justify=column.align,  # type: ignore[arg-type]
                         overflow="fold")
    for item in items:
        table.add_row(*(Text(cell_text(c.get(item, opts))) for c in columns))
    _console(stream).print(table)


def write_pairs_table(title: str | None, pairs: Sequence[tuple[str, str]], stream: TextIO) -> None:
    table = Table(title=Text(display(title)) if title else None, box=box.SIMPLE, show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in pairs:
        lines = [display(line) for line in str(value).split("\n")]
        table.add_row(Text(display(label)), Text("\n".join(lines)))
    _console(stream).print(table)
