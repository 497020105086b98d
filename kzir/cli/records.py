"""`kzir show`, `kzir cite`, `kzir source`: any record, its evidence, the paragraphs themselves."""

from __future__ import annotations

from ..options import OutputOptions
from .completion import record_ids
from .help import examples
from .options import output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

# What `show` and `cite` say of their ID (typer.Argument's keywords: see kzir.cli.app.register).
ID_ARGUMENT = {"metavar": "ID", "help": "A record id, e.g. doc-09-rail.",
               "autocompletion": record_ids}


@examples(("Every field of a record", "kzir show doc-09-rail"),
          ("Some fields, as JSON", "kzir show trade-1399-total --fields id,tonnes,formula --json"),
          ("Only the Persian text, dates in the Jalali calendar",
           "kzir show event-kiti-first-train --lang fa --calendar jalali"))
@output_options("fields", "lang", "calendar", "kb", default_lang="both")
def show(out: OutputOptions, record_id: Annotated[str, typer.Argument(**ID_ARGUMENT)]) -> None:
    """Show any record: every field, context notes, and its sources.

    Both languages by default; --lang en or fa keeps one half of each text pair.
    """
    from .. import kb
    from ..render.formats import emit_detail
    from ..render.record_view import record_detail

    emit_detail(record_detail(kb.load(out.kb).get(record_id.strip()), out), out)


@examples(("A quotable block for a document", "kzir cite mission-kz-consulate-gorgan -f md"),
          ("English only", "kzir cite trade-1400-total --lang en"),
          ("Where each quote sits, for a script", "kzir cite doc-09-rail -f csv"))
@output_options("lang", "kb", default_lang="both")
def cite(out: OutputOptions, record_id: Annotated[str, typer.Argument(**ID_ARGUMENT)]) -> None:
    """Cite a record: each quote in Persian, the English of its paragraph, and a citation line.

    The citation line names the source (IRNA, Asia and Oceania desk), the publication date in
    both calendars and the paragraph. On a terminal the whole paragraph is shown with the quote
    marked. --lang en or fa keeps one language (default: both).
    """
    from .. import kb
    from ..citations import cite as cite_record
    from ..render.citation_view import citations_listing
    from ..render.formats import emit_listing

    base = kb.load(out.kb)
    citations = cite_record(base, base.get(record_id.strip()))
    emit_listing(citations_listing(citations, base.meta, out.lang), out)


@examples(("Paragraph 32 in both languages", "kzir source 32"),
          ("Persian only, with Persian digits", "kzir source ۲۵ --lang fa"),
          ("As JSON", "kzir source 24 --json"))
@output_options("lang", "kb", default_lang="both")
def source(
    out: OutputOptions,
    number: Annotated[str, typer.Argument(metavar="N", help="Paragraph number (1-45, or ۲۵).")],
) -> None:
    """Print paragraph N of the article; --lang fa|en|both (default: both)."""
    from .. import kb
    from ..numerals import parse_int
    from ..render.citation_view import paragraph_detail
    from ..render.formats import emit_detail

    n = parse_int(number, name="paragraph", low=1, high=9999, example="25 or ۲۵")
    paragraph = kb.load(out.kb).paragraph(n)
    emit_detail(paragraph_detail(paragraph.n, paragraph.fa, paragraph.en, out.lang), out)
