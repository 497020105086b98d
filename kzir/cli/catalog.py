"""Listings of one kind each: resources, consulates, people, orgs, profile, culture."""

from __future__ import annotations

from ..options import OutputOptions
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

    from ..render.viewmodel import Listing


def _emit(listing: Listing, out: OutputOptions, total: int | None = None) -> None:
    """Print a view; `total`: the row count when its rows are only the first ones (see
    kzir.cli.pages)."""
    from ..render.formats import emit_listing

    listing.total = total
    emit_listing(listing, out)


def _rank(text: str | None, option: str) -> int | None:
    if text is None:
        return None
    from ..numerals import parse_int

    return parse_int(text, name=option, low=1, high=9999, example="3 or ۳")


@examples(("Resources ranked 4th or better", "kzir resources --max-rank 4"),
          ("As CSV: rank as a number, the top-10 band in its own column", "kzir resources -f csv"))
@output_options(*LISTING)
def resources(
    out: OutputOptions,
    rank: Annotated[str | None, typer.Option("--rank", metavar="N",
                                             help="Only resources ranked exactly N.")] = None,
    max_rank: Annotated[str | None, typer.Option(
        "--max-rank", metavar="N",
        help="Only resources ranked N or better (a top-10 band counts as 10).")] = None,
) -> None:
    """Kazakhstan's reserves by world rank (paragraph 35), best first."""
    from .. import kb, query
    from .pages import listing_rows

    base = kb.load(out.kb)
    rows, total = listing_rows(
        base, "resource", out, filtered=rank is not None or max_rank is not None,
        every=lambda: query.resources(base, rank=_rank(rank, "--rank"),
                                      max_rank=_rank(max_rank, "--max-rank")))
    from ..render.listing_view import resources_listing

    _emit(resources_listing(rows), out, total=total)


@examples(("Iran's missions in Kazakhstan", "kzir consulates --country IR"),
          ("In Persian", "kzir consulates --lang fa"))
@output_options(*LISTING)
def consulates(
    out: OutputOptions,
    country: Annotated[str | None, typer.Option("--country", "-c", metavar="IR|KZ",
                                                help="Only missions sent by this country.")
                       ] = None,
) -> None:
    """Every diplomatic mission: the embassy and the consulates general."""
    from .. import kb, query
    from .pages import listing_rows

    base = kb.load(out.kb)
    rows, total = listing_rows(base, "mission", out, filtered=country is not None,
                               every=lambda: query.missions(base, sending=country))
    from ..render.listing_view import missions_listing

    _emit(missions_listing(rows), out, total=total)


@examples(("Names and every spelling the article uses", "kzir people --fields name,variants_fa"),
          ("As JSON Lines", "kzir people -f jsonl"))
@output_options(*LISTING)
def people(out: OutputOptions) -> None:
    """People named in the article, their roles and every spelling the article uses."""
    from .. import kb, query
    from .pages import listing_rows

    base = kb.load(out.kb)
    rows, total = listing_rows(base, "person", out, filtered=False,
                               every=lambda: query.records_of(base, "person"))
    from ..render.listing_view import people_listing

    _emit(people_listing(rows), out, total=total)


@examples(("Kazakhstan's ministries", "kzir orgs --country KZ --type ministry"),
          ("As a Markdown table", "kzir orgs -f md"))
@output_options(*LISTING)
def orgs(
    out: OutputOptions,
    country: Annotated[str | None, typer.Option("--country", "-c", metavar="IR|KZ|none",
                                                help="Only this country's bodies.")] = None,
    type_: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE",
                                              help="Only this type (ministry, company, forum, "
                                              "…).")] = None,
) -> None:
    """Organisations, companies and forums the article names."""
    from .. import kb, query
    from .pages import listing_rows

    base = kb.load(out.kb)
    rows, total = listing_rows(
        base, "organization", out, filtered=country is not None or type_ is not None,
        every=lambda: query.organizations(base, of=country, type_=type_))
    from ..render.listing_view import organizations_listing

    _emit(organizations_listing(rows), out, total=total)


@examples(("The profile", "kzir profile"),
          ("Only the facts with their paragraphs", "kzir profile --fields text,paragraphs"))
@output_options(*LISTING)
def profile(out: OutputOptions) -> None:
    """Kazakhstan's country profile: population, area, borders, economy, memberships."""
    from .. import kb, query
    from ..render.listing_view import facts_listing

    _emit(facts_listing(query.facts(kb.load(out.kb), "profile"), "Kazakhstan: country profile"),
          out)


@examples(("Cultural ties", "kzir culture"), ("In Persian", "kzir culture --lang fa"))
@output_options(*LISTING)
def culture(out: OutputOptions) -> None:
    """Cultural ties between Iran and Kazakhstan (paragraphs 41–44)."""
    from .. import kb, query
    from ..render.listing_view import facts_listing

    _emit(facts_listing(query.facts(kb.load(out.kb), "culture"),
                        "Cultural ties between Iran and Kazakhstan"), out)
