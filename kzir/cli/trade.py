"""`kzir trade`: Iran–Kazakhstan trade by Iranian year, stated and derived."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import NotFoundError
from ..options import OutputOptions
from .help import examples
from .options import LISTING, output_options


@examples(("Trade in Iranian year 1400", "kzir trade --year 1400"),
          ("Iran's exports, in Persian", "kzir trade --direction export --lang fa"),
          ("For a spreadsheet: numbers as numbers, qualifiers apart", "kzir trade -f csv"))
@output_options(*LISTING, "calendar")
def trade(
    out: OutputOptions,
    year: Annotated[str | None, typer.Option("--year", "-y", metavar="YEAR",
                                             help="An Iranian year (1400, ۱۴۰۰, 99) or a "
                                             "Gregorian one (2021: the Iranian years it "
                                             "overlaps).")] = None,
    direction: Annotated[str | None, typer.Option("--direction", "-d",
                                                  metavar="total|export|import",
                                                  help="From Iran's side: export = Iran to "
                                                  "Kazakhstan.")] = None,
) -> None:
    """Trade figures (tonnes, USD, growth); the previous year is derived from growth rates."""
    import sys

    from .. import kb, query
    from ..render.formats import emit_listing
    from ..render.views import trade_listing
    from ..years import resolve_trade_years

    base = kb.load(out.kb)
    years = None
    if year is not None:
        years, note = resolve_trade_years(year, query.trade_years(base))
        if note:
            sys.stderr.write(note + "\n")
    rows = query.filter_trades(base, years=years, direction=direction)
    if years is not None and not rows:
        have = ", ".join(map(str, query.trade_years(base)))
        raise NotFoundError(f"no trade figures for {year}", hint=f"years with data: {have}")
    emit_listing(trade_listing(rows), out)
