"""`kzir events` and `kzir visits`: what happened when, in both calendars."""

from __future__ import annotations

from ..options import OutputOptions
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

# --from and --to of `events` and `visits` (typer.Option's keywords: see kzir.cli.app.register).
FROM_OPTION = {"metavar": "DATE|YEAR",
               "help": "Only events on or after this date or year, in either calendar "
               "(1398, 2019, 1401-03, 2019-03-01, 29 Khordad 1401)."}
TO_OPTION = {"metavar": "DATE|YEAR", "help": "Only events on or before this date or year."}


def _listing(out: OutputOptions, *, type_: str | None, types: tuple[str, ...] | None,
             start: str | None, end: str | None, title: str) -> None:
    from .. import kb, query
    from ..render.formats import emit_listing
    from ..render.listing_view import events_listing

    base = kb.load(out.kb)
    first = last = None
    if start is not None or end is not None:
        from ..dates import parse_bound

        first = parse_bound(start)[0] if start is not None else None
        last = parse_bound(end)[1] if end is not None else None
        if first is not None and last is not None and first > last:
            from ..errors import UsageError

            raise UsageError(f"--from {start} begins after --to {end} ends",
                             hint="swap them, or widen the range")
    from .pages import listing_rows

    filtered = type_ is not None or types is not None or start is not None or end is not None
    rows, total = listing_rows(base, "event", out, filtered=filtered,
                               every=lambda: query.filter_events(base, type_=type_, types=types,
                                                                 start=first, end=last))
    inferred = query.any_inferred_date(base, None if total is not None else rows)
    listing = events_listing(rows, query.named_people(base, rows), title, inferred)
    listing.total = total
    emit_listing(listing, out)


@examples(("Events from Iranian year 1400 on", "kzir events --from 1400"),
          ("Shipments, Gregorian dates only", "kzir events --type shipment --calendar gregorian"),
          ("As CSV: each date as separate Jalali and Gregorian columns", "kzir events -f csv"))
@output_options(*LISTING, "calendar")
def events(
    out: OutputOptions,
    type_: Annotated[str | None, typer.Option(
        "--type", "-t", metavar="TYPE",
        help="Only this type: visit, meeting, talks, signing, shipment, …")] = None,
    start: Annotated[str | None, typer.Option("--from", **FROM_OPTION)] = None,
    end: Annotated[str | None, typer.Option("--to", **TO_OPTION)] = None,
) -> None:
    """Every event in chronological order, dates in both calendars (~ = inferred)."""
    _listing(out, type_=type_, types=None, start=start, end=end,
             title="Events in the article, oldest first")


@examples(("Visits and meetings in 1401", "kzir visits --from 1401 --to 1401"),
          ("Dates and titles only", "kzir visits --fields date,title"))
@output_options(*LISTING, "calendar")
def visits(
    out: OutputOptions,
    start: Annotated[str | None, typer.Option("--from", **FROM_OPTION)] = None,
    end: Annotated[str | None, typer.Option("--to", **TO_OPTION)] = None,
) -> None:
    """Visits and meetings only (Tokayev's visit, meetings, delegation, exhibition visit)."""
    from ..query import VISIT_TYPES

    _listing(out, type_=None, types=VISIT_TYPES, start=start, end=end,
             title="Visits and meetings")
