"""`kzir treaties`: the nine cooperation documents signed during Tokayev's visit to Tehran."""

from __future__ import annotations

from ..options import OutputOptions
from .completion import document_ids
from .help import Group, epilog, examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)


@examples(("The nine documents", "kzir treaties list"),
          ("Full titles and parties", "kzir treaties list --fields index,title,party_ir,party_kz"),
          ("Agriculture, in Persian", "kzir treaties list --field agriculture --lang fa"),
          ("For a spreadsheet", "kzir treaties list -f csv"))
@output_options(*LISTING, "calendar")
def list_(
    out: OutputOptions,
    field: Annotated[str | None, typer.Option("--field", metavar="FIELD",
                                              help="Only documents in this field "
                                              "(e.g. trade, agriculture, rail).")] = None,
    party: Annotated[str | None, typer.Option("--party", metavar="TEXT",
                                              help="Only documents with a party matching TEXT "
                                              "(English or Persian).")] = None,
) -> None:
    """List the documents: number, short title, field and id.

    Full titles, parties, type and signing date are columns too: name them with --fields
    (title, party_ir, party_kz, type, signed), or see one document with 'kzir treaties show'.
    """
    from .. import kb, query
    from ..render.formats import emit_listing
    from ..render.listing_view import treaties_listing
    from .pages import listing_rows

    base = kb.load(out.kb)
    docs, total = listing_rows(base, "document", out, filtered=bool(field) or party is not None,
                               every=lambda: query.filter_documents(base, field=field,
                                                                    party=party))
    listing = treaties_listing(docs)
    listing.total = total
    emit_listing(listing, out)


@examples(("By number", "kzir treaties show 9"),
          ("By id, as JSON", "kzir treaties show doc-09-rail --json"))
@output_options("fields", "lang", "calendar", "kb", default_lang="both")
def show(
    out: OutputOptions,
    ref: Annotated[str, typer.Argument(metavar="ID", help="A document id or its number 1-9.",
                                      autocompletion=document_ids)],
) -> None:
    """Show one document with its parties, signing date and sources."""
    from .. import kb, query
    from ..render.formats import emit_detail
    from ..render.record_view import record_detail

    emit_detail(record_detail(query.find_document(kb.load(out.kb), ref), out), out)


GROUP = Group(help="The nine cooperation documents signed in June 2022 (paragraph 10).",
              epilog=epilog(("The list", "kzir treaties list"),
                            ("One document", "kzir treaties show 9")),
              commands={"list": list_, "show": show})
