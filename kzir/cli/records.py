"""`kzir show`, `kzir cite`, `kzir source`: any record, its evidence, the paragraphs themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import OutputOptions
from .completion import record_ids
from .options import output_options

IdArgument = Annotated[str, typer.Argument(metavar="ID", help="A record id, e.g. doc-09-rail.",
                                            autocompletion=record_ids)]


@output_options
def show(out: OutputOptions, record_id: IdArgument) -> None:
    """Show any record: every field, context notes, and its sources."""
    from .. import kb
    from ..render.formats import emit_detail
    from ..render.records import record_detail

    emit_detail(record_detail(kb.load(out.kb).get(record_id.strip()), out), out)


@output_options
def cite(out: OutputOptions, record_id: IdArgument) -> None:
    """Print a record's source paragraphs in Persian with the quote marked, then in English."""
    from .. import kb
    from ..citations import cite as cite_record
    from ..render.citation_view import emit_citations

    base = kb.load(out.kb)
    emit_citations(cite_record(base, base.get(record_id.strip())), out)


@output_options
def source(
    out: OutputOptions,
    number: Annotated[str, typer.Argument(metavar="N", help="Paragraph number (1-45, or ۲۵).")],
) -> None:
    """Print paragraph N of the article; --lang fa|en|both (default: both)."""
    from .. import kb
    from ..numerals import parse_int
    from ..render.citation_view import emit_paragraph

    n = parse_int(number, name="paragraph", low=1, high=9999, example="25 or ۲۵")
    paragraph = kb.load(out.kb).paragraph(n)
    lang = out.lang if out.lang_explicit else "both"
    emit_paragraph(paragraph.n, paragraph.fa, paragraph.en, lang, out)
