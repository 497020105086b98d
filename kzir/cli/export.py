"""`kzir export` and `kzir schema`: the KB for scripts, whole or by kind, and its JSON Schema."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from ..options import OutputOptions
from .options import output_options


@output_options
def export(
    out: OutputOptions,
    kind: Annotated[str | None, typer.Option("--kind", "-k", metavar="KIND",
                                             help="Only records of this kind (document, event, "
                                             "trade, …).")] = None,
    paragraphs: Annotated[bool, typer.Option("--paragraphs",
                                             help="Export the paragraphs (n, fa, en) instead "
                                             "of records.")] = False,
) -> None:
    """Every record (or paragraph) for scripts: JSON by default, or --format jsonl|csv."""
    from .. import kb, query
    from ..model import KINDS
    from ..render.formats import emit_listing
    from ..render.views import paragraphs_listing, records_listing

    if out.format is None:
        out = dataclasses.replace(out, format="json")
    base = kb.load(out.kb)
    if paragraphs:
        emit_listing(paragraphs_listing(list(base.paragraphs.values())), out)
        return
    rows = list(base.records)
    if kind:
        chosen = query.choice(kind, KINDS, "--kind")
        rows = [r for r in rows if r.kind == chosen]
    emit_listing(records_listing(rows), out)


def schema(
    ascii_: Annotated[bool, typer.Option("--ascii", help="Escape non-ASCII characters.")] = False,
) -> None:
    """Print the KB's JSON Schema (data/kb.schema.json)."""
    import json
    import sys

    from ..kb import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), ensure_ascii=ascii_, indent=2) + "\n")
