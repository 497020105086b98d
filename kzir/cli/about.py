"""`kzir about` and `kzir fields KIND`: what this KB is, and what each field of a kind means."""

from __future__ import annotations

from ..options import OutputOptions
from .completion import kinds
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

KINDS_HELP = ("document, event, trade, resource, mission, person, organization, place, fact; "
              "or finding, paragraph")


@examples(("What this KB is", "kzir about"), ("For a script", "kzir about --json"))
@output_options("lang", "calendar", "kb")
def about(out: OutputOptions) -> None:
    """The article and the KB: title, source, publication date, KB version and SHA-256, counts."""
    from .. import kb
    from ..about import about as describe
    from ..render.about_view import about_detail
    from ..render.formats import emit_detail

    emit_detail(about_detail(describe(kb.load(out.kb), out.kb), out), out)


@examples(("The fields of a trade figure", "kzir fields trade"),
          ("As JSON", "kzir fields document --json"))
@output_options(*LISTING)
def fields(
    out: OutputOptions,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {KINDS_HELP}.",
                                        autocompletion=kinds)],
) -> None:
    """Each field of a record kind: its type, whether it is required, and what it means."""
    from .. import kb
    from ..fields import fields_of
    from ..render.about_view import fields_listing
    from ..render.formats import emit_listing

    chosen = kind.strip().lower()
    emit_listing(fields_listing(chosen, fields_of(chosen, kb.schema())), out)
