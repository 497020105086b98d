"""`kzir trade`: Iran–Kazakhstan trade by Iranian year, stated and derived."""

from __future__ import annotations

from ..errors import NotFoundError, UsageError
from ..options import OutputOptions
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)


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
    chart: Annotated[bool, typer.Option("--chart",
                                        help="Bars comparing the years per direction, in "
                                        "tonnes and USD (table or plain format only).")
                     ] = False,
) -> None:
    """Trade figures (tonnes, USD, growth); the previous year is derived from growth rates."""
    import sys

    from .. import kb, query
    from ..render.formats import emit_listing
    from ..render.listing_view import gaps_note, trade_listing
    from ..years import resolve_trade_years

    if chart:
        _check_chart_options(out)
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
    shown = {(t.year, t.span_years) for t in rows
             if not chart or (t.year is not None and t.span_years == 1)}  # what is drawn
    note = gaps_note([g for g in query.trade_gaps(base) if (g.year, g.span_years) in shown],
                     "fa" if out.lang == "fa" else "en")
    if chart:
        from ..render.chart import trade_chart, write_chart

        drawn = trade_chart(rows, out)
        if not drawn.sections:
            raise NotFoundError("nothing to chart: the chosen figures span several years",
                                hint="try kzir trade --chart without --year")
        write_chart(drawn, out)
        if note:
            sys.stderr.write(note + "\n")
        return
    listing = trade_listing(rows)
    if note:
        listing.notes.append(note)
    emit_listing(listing, out)


def _check_chart_options(out: OutputOptions) -> None:
    """A chart is for people: machine formats and row shaping options do not apply."""
    if out.format not in (None, "table", "plain"):
        raise UsageError(f"--chart draws for people; it cannot be written as {out.format}",
                         hint="use --format table or plain, or drop --chart for data")
    given = [name for name, value in (("--fields", out.fields), ("--limit", out.limit),
                                      ("--sort", out.sort)) if value is not None]
    if given:
        raise UsageError(f"--chart shows every figure chosen by --year/--direction; "
                         f"{given[0]} does not apply")
