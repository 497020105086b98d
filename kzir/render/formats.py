"""The one registry of output formats: a writer per format, each writing a listing and a detail.

`FORMATS` is the only list of formats: the CLI's `--format` choices, its "is this a machine
format?" question (JSON error objects) and every command's accepted formats come from it. To add
a format, add a writer class here and put it in `FORMATS` (a writer may import its own module
lazily, as the table writer does with Rich).

Human writers (table, plain, md) write each column's display; machine writers (json, jsonl,
csv, tsv) write raw values. Nothing here imports Rich.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence

from ..errors import UsageError
from ..options import OutputOptions
from ..slotted import replace
from .cells import display_cell, header_text, is_date, localise, machine_header, machine_row
from .labels import Phrase, say
from .sanitize import CSV_RAW_ENV, clean, csv_text, display, escape_unsafe
from .shaping import Shaped, machine_objects, shape
from .viewmodel import Block, Detail, Listing

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, ClassVar, TextIO


class Writer:
    """One output format. `machine` writers get raw values; the others get displays."""

    name: ClassVar[str]
    machine: ClassVar[bool] = False
    to_stdout: ClassVar[bool] = True  # False for a format written to a file (-o)
    escapes_ascii: ClassVar[bool] = False  # honours --ascii
    help: ClassVar[str] = ""

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        raise NotImplementedError

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        raise NotImplementedError


# ---------------------------------------------------------------- machine writers


def dump_json(value: Any, opts: OutputOptions, *, indent: int | None = 2) -> str:
    """UTF-8 JSON (or ASCII with --ascii) in which no character a terminal would act on, and no
    lone surrogate, is written raw (see sanitize.escape_unsafe): values stay exactly the same."""
    return escape_unsafe(json.dumps(value, ensure_ascii=opts.ascii, indent=indent))


class JsonWriter(Writer):
    name = "json"
    machine = True
    escapes_ascii = True
    help = "one JSON array (one object for a single record)"
    indent: ClassVar[int | None] = 2

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        out.write(dump_json(machine_objects(listing, shaped, opts), opts) + "\n")

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        out.write(dump_json(obj, opts, indent=self.indent) + "\n")


class JsonLinesWriter(JsonWriter):
    name = "jsonl"
    help = "one JSON object per line"
    indent = None

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        for obj in machine_objects(listing, shaped, opts):
            out.write(dump_json(obj, opts, indent=None) + "\n")


def csv_cell(value: Any) -> Any:
    """A raw value as a CSV cell: numbers plain, true/false, nested values as JSON; text made
    safe for terminals and spreadsheets (sanitize.csv_text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list | tuple):
        return csv_text(json.dumps(value, ensure_ascii=False), raw=True)
    if isinstance(value, str):
        return csv_text(value, raw=os.environ.get(CSV_RAW_ENV, "") not in ("", "0"))
    return value


def flatten(obj: Mapping[str, Any]) -> dict[str, Any]:
    """A record's fields as cells: a date object becomes <key>_jalali/_gregorian/_precision."""
    row: dict[str, Any] = {}
    for key, value in obj.items():
        if is_date(value):
            row.update({f"{key}_jalali": value.get("jalali"),
                        f"{key}_gregorian": value.get("gregorian"),
                        f"{key}_precision": value.get("precision"),
                        f"{key}_basis": value.get("basis")})
        else:
            row[key] = value
    return row


class CsvWriter(Writer):
    name = "csv"
    machine = True
    help = "RFC 4180 with a header row"
    dialect: ClassVar[str] = "excel"

    def _writer(self, out: TextIO) -> Any:
        import csv

        return csv.writer(out, dialect=self.dialect, lineterminator="\r\n")

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        writer = self._writer(out)
        header = machine_header(shaped.columns)
        writer.writerow(header)
        for item in shaped.items:
            row = machine_row(shaped.columns, item, opts)
            writer.writerow([csv_cell(row.get(name)) for name in header])

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        row = flatten(obj)
        writer = self._writer(out)
        writer.writerow(list(row))
        writer.writerow([csv_cell(v) for v in row.values()])


class TsvWriter(CsvWriter):
    name = "tsv"
    help = "tab-separated, with a header row"
    dialect = "excel-tab"


# ---------------------------------------------------------------- human writers


def human_rows(shaped: Shaped, opts: OutputOptions) -> tuple[list[str], list[list[str]]]:
    headers = [header_text(c, opts.lang) for c in shaped.columns]
    rows = [[display_cell(c, item, opts) for c in shaped.columns] for item in shaped.items]
    return headers, rows


def human_pairs(pairs: Sequence[tuple[str, str]], opts: OutputOptions) -> list[tuple[str, str]]:
    return [(localise(display(label), opts.lang), "\n".join(localise(display(line), opts.lang)
                                       for line in str(value).split("\n")))
            for label, value in pairs]


def title_text(title: Phrase | None, opts: OutputOptions) -> str | None:
    return display(say(title, opts.lang)) if title else None


class PlainWriter(Writer):
    name = "plain"
    help = "aligned text, no box drawing or colour (the default when piped)"

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        from .plain import write_blocks, write_rows

        if listing.prose is not None:
            write_blocks(_localised(listing.prose(opts, self.name), opts), out)
        elif shaped.items:
            headers, rows = human_rows(shaped, opts)
            write_rows(headers, rows, [c.align for c in shaped.columns], out)

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        from .plain import write_blocks, write_pairs

        if detail.prose is not None:
            write_blocks(_localised(detail.prose(opts, self.name), opts), out)
        else:
            write_pairs(title_text(detail.title, opts), human_pairs(pairs, opts), out)


def _localised(blocks: Sequence[Block], opts: OutputOptions) -> list[Block]:
    """Blocks with Persian digits in their headings under --lang fa (the text is the article's)."""
    return [Block(localise(b.heading, opts.lang), b.lines, b.quote, b.rtl) for b in blocks]


def _md(text: str) -> str:
    """Text safe inside a markdown table cell or line."""
    return display(text).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")


class MarkdownWriter(Writer):
    name = "md"
    help = "a Markdown table (citations: a quotable block)"

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        if listing.prose is not None:
            self._blocks(_localised(listing.prose(opts, self.name), opts), out)
            return
        if not shaped.items:
            return
        headers, rows = human_rows(shaped, opts)
        title = title_text(listing.title, opts)
        if title:
            out.write(f"**{_md(title)}**\n\n")
        self._table(headers, rows, [c.align for c in shaped.columns], out)

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        if detail.prose is not None:
            self._blocks(_localised(detail.prose(opts, self.name), opts), out)
            return
        title = title_text(detail.title, opts)
        if title:
            out.write(f"**{_md(title)}**\n\n")
        rows = [[label, value.replace("\n", "<br>")] for label, value in human_pairs(pairs, opts)]
        self._table([say("Field name", opts.lang), say("Value", opts.lang)], rows, ["left", "left"],
                    out)

    @staticmethod
    def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str],
               out: TextIO) -> None:
        out.write("| " + " | ".join(_md(h) for h in headers) + " |\n")
        out.write("|" + "|".join("---:" if a == "right" else "---" for a in aligns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_md(cell).replace("\n", "<br>") for cell in row)
                      + " |\n")

    @staticmethod
    def _blocks(blocks: Sequence[Block], out: TextIO) -> None:
        for i, block in enumerate(blocks):
            if i:
                out.write("\n")
            prefix = "> " if block.quote else ""
            if block.heading:
                out.write(f"{prefix}**{_md(block.heading)}**\n{prefix.rstrip()}\n"
                          if block.quote else f"**{_md(block.heading)}**\n\n")
            lines = ["".join(f"**{_md(t)}**" if marked else _md(t) for t, marked in line)
                     for line in block.lines]
            out.write(f"\n{prefix.rstrip()}\n".join(prefix + line for line in lines) + "\n")


class TableWriter(Writer):
    name = "table"
    help = "a Rich table fitted to the terminal (the default on a terminal)"

    def listing(self, listing: Listing, shaped: Shaped, opts: OutputOptions, out: TextIO,
                err: TextIO) -> None:
        from . import table

        if listing.prose is not None:
            table.write_blocks(_localised(listing.prose(opts, self.name), opts), out)
            return
        if not shaped.items:
            return
        headers, rows = human_rows(shaped, opts)
        dropped = table.write_table(title_text(listing.title, opts), shaped.columns, headers,
                                    rows, out)
        if dropped is None:  # too narrow for any table: plain text, never nothing
            PlainWriter().listing(listing, shaped, opts, out, err)
        elif dropped:
            width = table.console_for(out).width
            names = ", ".join(c.key for c in dropped)
            err.write(say(("left out to fit {width} columns: {columns} (name them with "
                           "--fields, or widen the terminal)", {"width": width, "columns": names}),
                          opts.lang) + "\n")

    def detail(self, detail: Detail, obj: Mapping[str, Any], pairs: Sequence[tuple[str, str]],
               opts: OutputOptions, out: TextIO) -> None:
        from . import table

        if detail.prose is not None:
            table.write_blocks(_localised(detail.prose(opts, self.name), opts), out)
        else:
            table.write_pairs_table(title_text(detail.title, opts), human_pairs(pairs, opts), out)


FORMATS: dict[str, Writer] = {w.name: w for w in (
    TableWriter(), PlainWriter(), JsonWriter(), JsonLinesWriter(), CsvWriter(), TsvWriter(),
    MarkdownWriter(),
)}
FORMAT_NAMES = tuple(name for name, w in FORMATS.items() if w.to_stdout)
MACHINE_FORMATS = tuple(name for name, w in FORMATS.items() if w.machine)
HUMAN_FORMATS = tuple(name for name, w in FORMATS.items() if not w.machine)
JSON_FORMATS = tuple(name for name, w in FORMATS.items() if w.escapes_ascii)


def is_machine(name: str | None) -> bool:
    writer = FORMATS.get(name or "")
    return writer is not None and writer.machine


# ---------------------------------------------------------------- emitting


def resolve_format(opts: OutputOptions, stream: TextIO) -> str:
    """The chosen format, or table on a terminal and plain text when piped."""
    if opts.format:
        return opts.format
    if os.environ.get("TERM") == "dumb":  # no box drawing where even colour is unwelcome
        return "plain"
    try:
        return "table" if stream.isatty() else "plain"
    except (AttributeError, ValueError):
        return "plain"


def refuse_ignored(writer: Writer, opts: OutputOptions, *, uses_lang: bool,
                   has_dates: bool) -> None:
    """An option that would change nothing here is refused, never silently ignored."""
    if opts.ascii and not writer.escapes_ascii:
        raise UsageError(f"--ascii escapes non-ASCII characters in JSON; {writer.name} output "
                         "has nothing to escape", hint="use it with --json or --format jsonl")
    if opts.lang_explicit and writer.machine and not uses_lang:
        raise UsageError(f"--lang chooses the language shown to people; {writer.name} output "
                         "carries both languages", hint="drop --lang, or use --format "
                         + "|".join(HUMAN_FORMATS))
    if opts.calendar_explicit:
        if writer.machine:
            raise UsageError(f"--calendar chooses the dates shown to people; {writer.name} "
                             "output carries both calendars", hint="drop --calendar, or use "
                             "--format " + "|".join(HUMAN_FORMATS))
        if not has_dates:
            raise UsageError("--calendar changes date columns, and none is shown here",
                             hint="add a date field with --fields, or drop --calendar")


def _write_notes(lines: Sequence[Phrase], opts: OutputOptions, err: TextIO) -> None:
    for line in lines:
        err.write(clean(say(line, opts.lang)) + "\n")


def emit_listing(listing: Listing, opts: OutputOptions, stream: TextIO | None = None,
                 err: TextIO | None = None) -> None:
    """Print a listing in the chosen format; counts and notes go to stderr."""
    out = stream or sys.stdout
    errs = err or sys.stderr
    writer = FORMATS[resolve_format(opts, out)]
    shaped = shape(listing, opts)
    refuse_ignored(writer, opts, uses_lang=listing.uses_lang,
                   has_dates=any(c.kind == "date" for c in shaped.columns))
    writer.listing(listing, shaped, opts, out, errs)
    human = opts if not writer.machine else _english(opts)
    if not writer.machine:  # explanations are for people; scripts get data and counts
        _write_notes(listing.notes, human, errs)
    _write_notes(listing.counts, human, errs)
    if not shaped.items and not writer.machine and listing.empty_message:
        _write_notes([listing.empty_message], human, errs)
    elif len(shaped.items) < shaped.total:
        _write_notes([("{shown} of {total} shown (--limit {limit})",
                       {"shown": len(shaped.items), "total": shaped.total,
                        "limit": opts.limit})], human, errs)


def _english(opts: OutputOptions) -> OutputOptions:

    return replace(opts, lang="en")


def emit_detail(detail: Detail, opts: OutputOptions, stream: TextIO | None = None,
                err: TextIO | None = None) -> None:
    """Print one object: label/value lines for people, one object (or CSV row) for scripts."""
    out = stream or sys.stdout
    errs = err or sys.stderr
    writer = FORMATS[resolve_format(opts, out)]
    refuse_ignored(writer, opts, uses_lang=detail.uses_lang,
                   has_dates=detail.dated)
    obj = dict(detail.json)
    pairs = list(detail.pairs)
    if opts.fields:
        from .shaping import check_names

        check_names(opts.fields, list(obj), "--fields")
        obj = {k: obj[k] for k in opts.fields}
        wanted = {f.lower() for f in opts.fields}
        pairs = [p for p in pairs if p[0].lower() in wanted]
    writer.detail(detail, obj, pairs, opts, out)
    if not writer.machine:
        _write_notes(detail.notes, opts, errs)
