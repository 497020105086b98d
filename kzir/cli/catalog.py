"""Listings of one kind each: resources, consulates, people, orgs, profile, culture."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import OutputOptions
from .options import output_options


def _emit(listing_name: str, rows: object, out: OutputOptions, *args: object) -> None:
    from ..render import views
    from ..render.formats import emit_listing

    emit_listing(getattr(views, listing_name)(rows, *args), out)


def _rank(text: str | None, option: str) -> int | None:
    if text is None:
        return None
    from ..numerals import parse_int

    return parse_int(text, name=option, low=1, high=9999, example="3 or ۳")


@output_options
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

    rows = query.resources(kb.load(out.kb), rank=_rank(rank, "--rank"),
                           max_rank=_rank(max_rank, "--max-rank"))
    _emit("resources_listing", rows, out)


@output_options
def consulates(
    out: OutputOptions,
    country: Annotated[str | None, typer.Option("--country", "-c", metavar="IR|KZ",
                                                help="Only missions sent by this country.")
                       ] = None,
) -> None:
    """Every diplomatic mission: the embassy and the consulates general."""
    from .. import kb, query

    _emit("missions_listing", query.missions(kb.load(out.kb), sending=country), out)


@output_options
def people(out: OutputOptions) -> None:
    """People named in the article, their roles and every spelling the article uses."""
    from .. import kb

    _emit("people_listing", list(kb.load(out.kb).of_kind("person")), out)


@output_options
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

    _emit("organizations_listing",
          query.organizations(kb.load(out.kb), of=country, type_=type_), out)


@output_options
def profile(out: OutputOptions) -> None:
    """Kazakhstan's country profile: population, area, borders, economy, memberships."""
    from .. import kb, query

    _emit("facts_listing", query.facts(kb.load(out.kb), "profile"), out,
          "Kazakhstan: country profile")


@output_options
def culture(out: OutputOptions) -> None:
    """Cultural ties between Iran and Kazakhstan (paragraphs 41–44)."""
    from .. import kb, query

    _emit("facts_listing", query.facts(kb.load(out.kb), "culture"), out,
          "Cultural ties between Iran and Kazakhstan")
