"""`kzir export` and `kzir schema`: the KB for scripts, whole or by kind, and its JSON Schema."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import OutputOptions
from ..render.formats import FORMATS, MACHINE_FORMATS
from .help import examples
from .options import output_options

# Every machine format the registry has that writes to stdout; a file format (a future
# `sqlite`, written with -o FILE) joins by being registered with to_stdout=False and an option
# here to name its file.
EXPORT_FORMATS = tuple(name for name in MACHINE_FORMATS if FORMATS[name].to_stdout)


@examples(("Every record as one JSON array", "kzir export"),
          ("Trade for pandas or a spreadsheet: every field, numbers as numbers",
           "kzir export -k trade -f csv"),
          ("The paragraphs, one JSON object per line", "kzir export --paragraphs -f jsonl"))
@output_options("kb", formats=EXPORT_FORMATS, json_flag=False)
def export(
    out: OutputOptions,
    kind: Annotated[str | None, typer.Option("--kind", "-k", metavar="KIND",
                                             help="Only records of this kind (document, event, "
                                             "trade, …).")] = None,
    paragraphs: Annotated[bool, typer.Option("--paragraphs",
                                             help="Export the paragraphs (n, fa, en) instead "
                                             "of records.")] = False,
) -> None:
    """Every record (or paragraph) for scripts: JSON by default, or --format jsonl, csv or tsv.

    CSV/TSV have one column per field of the records (the union over kinds without --kind):
    numbers as numbers, true/false, a date object as <field>_jalali, <field>_gregorian and
    <field>_precision, other nested values as JSON in their cell.
    """
    from .. import kb, query
    from ..model import KINDS
    from ..render.formats import emit_listing
    from ..render.views import paragraphs_listing, records_listing

    base = kb.load(out.kb)
    if paragraphs:
        if kind:
            from ..errors import UsageError

            raise UsageError("--paragraphs and --kind do not go together",
                             hint="paragraphs have no kind; drop one of them")
        emit_listing(paragraphs_listing(list(base.paragraphs.values())), out)
        return
    rows = list(base.records)
    if kind:
        chosen = query.choice(kind, KINDS, "--kind")
        rows = [r for r in rows if r.kind == chosen]
    emit_listing(records_listing(rows), out)


@examples(("The schema, to validate a KB of your own", "kzir schema"))
def schema() -> None:
    """Print the KB's JSON Schema (data/kb.schema.json; ASCII only, so no --ascii)."""
    import json
    import sys

    from ..kb import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), ensure_ascii=False, indent=2) + "\n")
