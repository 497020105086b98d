"""Terminal bar charts for `kzir trade --chart`.

A chart compares the single Iranian years (1399, derived; 1400, stated) per direction, once in
tonnes and once in USD. On a terminal it is drawn with Rich (imported here, lazily); piped or
with `--format plain` it is plain ASCII: `#` bars for stated figures, `=` for derived ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..options import OutputOptions
from ..slotted import Slotted
from ..text import pick
from .cells import display_cell, localise
from .formats import resolve_format
from .labels import enum
from .listing_view import trade_listing
from .sanitize import display

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, TextIO

_MEASURES = (("tonnes", "Tonnes", "تن"), ("usd", "USD", "دلار"))
_DIRECTIONS = ("total", "export", "import")
_STATED, _DERIVED = "#", "="


class Bar(Slotted):
    group: str  # the direction, as shown
    label: str  # the year
    value: int
    text: str  # the value as shown (≈729,000)
    derived: bool


class Chart(Slotted):
    title: str
    sections: tuple[tuple[str, tuple[Bar, ...]], ...]  # (measure heading, bars)
    legend: tuple[str, ...]
    stated_label: str = "stated"
    derived_label: str = "derived"


def trade_chart(rows: Sequence[Any], opts: OutputOptions) -> Chart:
    """Bars for the single-year trade rows (the multi-year totals are another scale)."""
    years = [t for t in rows if t.year is not None and t.span_years == 1]
    columns = {c.key: c for c in trade_listing(years).columns}
    ordered = sorted(years, key=lambda t: (_DIRECTIONS.index(t.direction), t.year))
    sections = []
    for measure, en, fa in _MEASURES:
        bars = tuple(
            Bar(group=str(display_cell(columns["direction"], t, opts)),
                label=localise(f"{t.year}{'*' if t.derived else ''}", opts.lang),
                value=getattr(t, measure), text=str(display_cell(columns[measure], t, opts)),
                derived=t.derived)
            for t in ordered if getattr(t, measure) is not None)
        if bars:
            sections.append((pick(en, fa, opts.lang), bars))
    legend = []
    derived = [t for t in ordered if t.derived]
    if derived:
        legend.append(pick(f"* derived from growth rates, not stated (kzir show {derived[0].id})",
                           f"* محاسبه شده از نرخ رشد، نه تصریح شده (kzir show {derived[0].id})",
                           opts.lang))
    if opts.calendar != "jalali":
        for year in sorted({t.year for t in years}):
            period = next((t.data.get("period") for t in years if t.year == year), None)
            if period:
                legend.append(localise(f"{year} = {period['gregorian'].replace('/', ' – ')}",
                                       opts.lang))
    return Chart(title=pick("Iran–Kazakhstan trade by Iranian year",
                            "تجارت ایران و قزاقستان به تفکیک سال", opts.lang),
                 sections=tuple(sections), legend=tuple(legend),
                 stated_label=enum("basis", "stated", opts.lang),
                 derived_label=enum("basis", "derived", opts.lang))


def write_chart(chart: Chart, opts: OutputOptions, stream: TextIO | None = None) -> None:
    """Rich bars on a terminal (or --format table), plain ASCII bars otherwise."""
    out = stream or sys.stdout
    if resolve_format(opts, out) == "table":
        from rich.console import Console

        console = Console(file=out, highlight=False)
        if console.width - _fixed_width(chart) >= _MIN_BAR:
            _write_rich(chart, console)
            return
    _write_plain(chart, _plain_width(out), out)


def _plain_width(stream: TextIO) -> int:
    """The terminal's width when writing to one (a narrow terminal), else COLUMNS or 80: piped
    output does not depend on the terminal the command happened to run in."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 80


_MIN_BAR = 8  # columns; narrower than that, the plain chart (lines wrap, numbers stay whole)
_GAPS = 6  # two spaces between each of the four columns


def _widths(bars: Sequence[Bar]) -> tuple[int, int, int]:
    from .plain import display_width

    return (max(display_width(display(b.group)) for b in bars),
            max(len(b.label) for b in bars), max(len(b.text) for b in bars))


def _fixed_width(chart: Chart) -> int:
    """Columns a chart needs besides its bars (the widest section)."""
    return max((sum(_widths(bars)) + _GAPS for _, bars in chart.sections), default=0)


def _bar_width(total: int, fixed: int) -> int:
    return max(_MIN_BAR, total - fixed - 1)


def _write_plain(chart: Chart, width: int, out: TextIO) -> None:
    """Aligned ASCII bars; too narrow for a direction column, each direction heads its rows."""
    from .plain import display_width

    out.write(display(chart.title) + "\n")
    for heading, bars in chart.sections:
        group_w, label_w, text_w = _widths(bars)
        stacked = width - (group_w + label_w + text_w + _GAPS) - 1 < _MIN_BAR
        indent = 2 if stacked else group_w + 2
        room = _bar_width(width, indent + label_w + text_w + _GAPS - 2)
        top = max(b.value for b in bars) or 1
        out.write(f"\n{display(heading)}\n")
        previous = None
        for b in bars:
            group = "" if b.group == previous else display(b.group)
            previous = b.group
            if stacked and group:
                out.write(group + "\n")
            lead = " " * indent if stacked or not group else (
                group + " " * (indent - display_width(group)))
            bar = (_DERIVED if b.derived else _STATED) * round(room * b.value / top)
            out.write(f"{lead}{b.label:<{label_w}}  {bar:<{room}}  "
                      f"{b.text:>{text_w}}".rstrip() + "\n")
    out.write("\n" + _key(chart, _STATED, _DERIVED) + "\n")
    for line in chart.legend:
        out.write(display(line) + "\n")


def _key(chart: Chart, stated: str, derived: str) -> str:
    kinds = {b.derived for _, bars in chart.sections for b in bars}
    return "   ".join(f"{mark} {name}" for mark, name, flag in
                      ((stated, chart.stated_label, False), (derived, chart.derived_label, True))
                      if flag in kinds)


def _write_rich(chart: Chart, console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(display(chart.title), style="bold"))
    for heading, bars in chart.sections:
        group_w, label_w, text_w = _widths(bars)
        room = _bar_width(console.width, group_w + label_w + text_w + _GAPS)
        top = max(b.value for b in bars) or 1
        console.print(Text("\n" + display(heading), style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, min_width=group_w)
        table.add_column(no_wrap=True, min_width=label_w)
        table.add_column(no_wrap=True, overflow="crop", max_width=room)  # a bar may be cut short
        table.add_column(no_wrap=True, justify="right", min_width=text_w)  # a number never
        previous = None
        for b in bars:
            group = "" if b.group == previous else display(b.group)
            previous = b.group
            filled = round(room * b.value / top)
            bar = Text("░" * filled if b.derived else "█" * filled,
                       style="yellow" if b.derived else "cyan")
            table.add_row(Text(group), Text(b.label), bar, Text(b.text))
        console.print(table)
    console.print(Text(_key(chart, "█", "░"), style="dim"))
    for line in chart.legend:
        console.print(Text(display(line), style="dim"))
