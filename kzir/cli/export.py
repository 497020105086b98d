"""`kzir export` and `kzir schema`: the KB for scripts, whole or by kind, and its JSON Schema."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from ..errors import UsageError
from ..options import OutputOptions
from .completion import record_kinds
from .options import output_options


@output_options(extra_formats=("sqlite",))
def export(
    out: OutputOptions,
    kind: Annotated[str | None, typer.Option("--kind", "-k", metavar="KIND",
                                             help="Only records of this kind (document, event, "
                                             "trade, …).", autocompletion=record_kinds)] = None,
    paragraphs: Annotated[bool, typer.Option("--paragraphs",
                                             help="Export the paragraphs (n, fa, en) instead "
                                             "of records.")] = False,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help="Write to FILE instead of stdout (required "
                                               "for --format sqlite).")] = None,
    force: Annotated[bool, typer.Option("--force",
                                        help="Replace FILE (and the --metadata file) if it "
                                        "exists.")] = False,
    metadata: Annotated[str | None, typer.Option("--metadata", metavar="FILE.json",
                                                 help="With --format sqlite: also write "
                                                 "datasette metadata (titles, descriptions) "
                                                 "to FILE.json.")] = None,
) -> None:
    """Every record (or paragraph) for scripts: JSON by default, or --format jsonl|csv, or the
    whole KB as one SQLite database (--format sqlite -o FILE) for sqlite3 and datasette."""
    from .. import kb, query
    from ..model import KINDS
    from ..render.formats import emit_listing
    from ..render.views import paragraphs_listing, records_listing

    if out.format == "sqlite":
        _refuse_with_sqlite(out, kind, paragraphs)
        _export_sqlite(out, output, metadata, force)
        return
    if metadata is not None:
        raise UsageError("--metadata describes a SQLite export", hint="add --format sqlite")
    if out.format is None:
        out = dataclasses.replace(out, format="json")
    base = kb.load(out.kb)
    if paragraphs:
        listing = paragraphs_listing(list(base.paragraphs.values()))
    else:
        rows = list(base.records)
        if kind:
            chosen = query.choice(kind, KINDS, "--kind")
            rows = [r for r in rows if r.kind == chosen]
        listing = records_listing(rows)
    if output is None:
        emit_listing(listing, out)
        return
    from pathlib import Path

    from ..sqlite_export import check_target, write_atomically

    target = check_target(output, force)

    def fill(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as stream:
            emit_listing(listing, out, stream=stream)

    write_atomically(target, fill)


def _refuse_with_sqlite(out: OutputOptions, kind: str | None, paragraphs: bool) -> None:
    """--format sqlite writes the whole KB: options that would select or shape rows are refused."""
    given = [name for name, value in (("--kind", kind), ("--paragraphs", paragraphs),
                                      ("--fields", out.fields), ("--limit", out.limit),
                                      ("--sort", out.sort), ("--ascii", out.ascii))
             if value not in (None, False)]
    if given:
        raise UsageError(f"--format sqlite writes the whole KB; {given[0]} does not apply",
                         hint="filter with SQL once it is written")


def _export_sqlite(out: OutputOptions, output: str | None, metadata: str | None,
                   force: bool) -> None:
    import sys
    from pathlib import Path

    from .. import __version__, audit, kb
    from ..sqlite_export import check_target, export, steps, write_metadata
    from ..sqlite_export import metadata as datasette_metadata

    if output is None:
        raise UsageError("--format sqlite needs an output file", hint="add -o FILE.db")
    check_target(output, force)
    if metadata is not None:
        check_target(metadata, force, "--metadata")
    base = kb.load(out.kb, hint=False)
    findings = audit.run(base)
    with _progress(steps(base)) as tick:
        target = export(base, output, findings, kb_sha256=kb.sha256(out.kb),
                        kzir_version=__version__, force=force, progress=tick)
    line = f"wrote {target}: {len(base.raw_records)} records, {len(base.paragraphs)} paragraphs"
    if metadata is not None:
        document = datasette_metadata(base, kb.schema(), Path(output).stem)
        write_metadata(metadata, document, force)
        line += f"; datasette metadata in {metadata} (datasette {target} -m {metadata})"
    sys.stderr.write(line + "\n")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr while a big KB converts, only when stderr is a terminal."""
    import sys

    if total < 20_000 or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("converting", total=total)
        yield lambda n: bar.advance(task, n)


def schema(
    ascii_: Annotated[bool, typer.Option("--ascii", help="Escape non-ASCII characters.")] = False,
) -> None:
    """Print the KB's JSON Schema (data/kb.schema.json)."""
    import json
    import sys

    from ..kb import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), ensure_ascii=ascii_, indent=2) + "\n")
