"""`kzir export` and `kzir schema`: the KB for scripts, whole or by kind, and its JSON Schema."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import UsageError
from ..options import OutputOptions
from ..render.formats import FORMATS, MACHINE_FORMATS
from .completion import record_kinds
from .help import examples
from .options import output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

# Every machine format the registry writes, and `sqlite`: not a way to write a listing but the
# whole KB as one database file (kzir.sqlite_export), so it is export's own, written with -o FILE.
EXPORT_FORMATS = (*(name for name in MACHINE_FORMATS if FORMATS[name].to_stdout), "sqlite")


@examples(("Every record as one JSON array", "kzir export"),
          ("Trade for pandas or a spreadsheet: every field, numbers as numbers",
           "kzir export -k trade -f csv"),
          ("The paragraphs, one JSON object per line", "kzir export --paragraphs -f jsonl"),
          ("The whole KB as SQLite for sqlite3 and datasette",
           "kzir export -f sqlite -o kzir.db --metadata kzir-metadata.json"))
@output_options("kb", formats=EXPORT_FORMATS, json_flag=False)
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
    """Every record (or paragraph) for scripts: JSON by default, or --format jsonl, csv or tsv;
    or the whole KB as one SQLite database (--format sqlite -o FILE) for sqlite3 and datasette.

    CSV/TSV have one column per field of the records (the union over kinds without --kind):
    numbers as numbers, true/false, a date object as <field>_jalali, <field>_gregorian and
    <field>_precision, <field>_basis, other nested values as JSON in their cell.
    """
    from .. import kb, query
    from ..model import KINDS
    from ..render.formats import emit_listing
    from ..render.listing_view import paragraphs_listing, records_listing

    if out.format == "sqlite":
        _refuse_with_sqlite(out, kind, paragraphs)
        _export_sqlite(out, output, metadata, force)
        return
    if metadata is not None:
        raise UsageError("--metadata describes a SQLite export", hint="add --format sqlite")
    if force and output is None:
        raise UsageError("--force replaces the file -o names", hint="add -o FILE")
    base = kb.load(out.kb)
    if paragraphs:
        if kind:
            raise UsageError("--paragraphs and --kind do not go together",
                             hint="paragraphs have no kind; drop one of them")
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
    findings = audit.findings(base)
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


@examples(("The schema, to validate a KB of your own", "kzir schema"))
def schema() -> None:
    """Print the KB's JSON Schema (data/kb.schema.json; ASCII only, so no --ascii)."""
    import json
    import sys

    from ..kb import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), ensure_ascii=False, indent=2) + "\n")
