"""`kzir treaties`: the nine cooperation documents signed during Tokayev's visit to Tehran."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import OutputOptions
from .completion import document_ids
from .options import output_options

app = typer.Typer(help="The nine cooperation documents signed in June 2022 (paragraph 10).",
                  no_args_is_help=True, rich_markup_mode=None)


@app.command("list")
@output_options
def list_(
    out: OutputOptions,
    field: Annotated[str | None, typer.Option("--field", metavar="FIELD",
                                              help="Only documents in this field "
                                              "(e.g. trade, agriculture, rail).")] = None,
    party: Annotated[str | None, typer.Option("--party", metavar="TEXT",
                                              help="Only documents with a party matching TEXT "
                                              "(English or Persian).")] = None,
) -> None:
    """List the documents: number, title, Iranian party, Kazakh party, field."""
    from .. import kb, query
    from ..render.formats import emit_listing
    from ..render.views import treaties_listing

    docs = query.filter_documents(kb.load(out.kb), field=field, party=party)
    emit_listing(treaties_listing(docs), out)


@app.command("show")
@output_options
def show(
    out: OutputOptions,
    ref: Annotated[str, typer.Argument(metavar="ID", help="A document id or its number 1-9.",
                                      autocompletion=document_ids)],
) -> None:
    """Show one document with its parties, signing date and sources."""
    from .. import kb, query
    from ..render.formats import emit_detail
    from ..render.records import record_detail

    emit_detail(record_detail(query.find_document(kb.load(out.kb), ref), out), out)
