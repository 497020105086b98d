"""The output formats, in one registry: adding a format here gives it to every command."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from ..errors import UsageError
from ..options import OutputOptions
from .sanitize import clean, display
from .view import Column, Detail, Listing

FORMAT_NAMES = ("table", "plain", "json", "jsonl", "csv")
MACHINE_FORMATS = ("json", "jsonl", "csv")


def resolve_format(opts: OutputOptions, stream: TextIO) -> str:
    """The chosen format, or table on a terminal and plain text when piped."""
    if opts.format:
        return opts.format
    if os.environ.get("TERM") == "dumb":  # no box drawing where even colour is unwelcome
        return "plain"
    return "table" if _isatty(stream) else "plain"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- shaping: sort, limit, fields


def _value_for(name: str, item: Any, obj: Mapping[str, Any], columns: Mapping[str, Column],
               opts: OutputOptions) -> Any:
    if name in obj:
        return obj[name]
    return columns[name].get(item, opts)


def _known_names(listing: Listing, objs: Sequence[Mapping[str, Any]]) -> list[str]:
    names = [c.key for c in listing.columns]
    for obj in objs:
        names.extend(k for k in obj if k not in names)
    return names


def _check_names(names: Sequence[str], known: Sequence[str], option: str) -> None:
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"{option}: unknown field '{unknown[0]}'",
                         hint=f"valid: {', '.join(known)}")


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (2, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    return (1, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value)


def shape(listing: Listing, opts: OutputOptions) -> tuple[list[Any], list[Mapping[str, Any]], int]:
    """Apply --sort and --limit; return the items, their JSON objects and the total count."""
    items = list(listing.items)
    objs = [listing.to_json(item) for item in items]
    total = len(items)
    if opts.sort:
        name = opts.sort.lstrip("-")
        _check_names([name], _known_names(listing, objs), "--sort")
        columns = {c.key: c for c in listing.columns}
        pairs = [(_value_for(name, item, obj, columns, opts), item, obj)
                 for item, obj in zip(items, objs, strict=True)]
        known = [p for p in pairs if p[0] is not None]
        keyed = sorted(known, key=lambda p: _sort_key(p[0]), reverse=opts.sort.startswith("-"))
        keyed += [p for p in pairs if p[0] is None]  # missing values last, either direction
        items, objs = [p[1] for p in keyed], [p[2] for p in keyed]
    if opts.limit is not None and opts.limit < total:
        items, objs = items[: opts.limit], objs[: opts.limit]
    return items, objs, total


def select_columns(listing: Listing, objs: Sequence[Mapping[str, Any]],
                   opts: OutputOptions) -> list[Column]:
    """The columns to show: the listing's own, or those named by --fields (columns or fields)."""
    if not opts.fields:
        return list(listing.columns)
    _check_names(opts.fields, _known_names(listing, objs), "--fields")
    by_key = {c.key: c for c in listing.columns}
    chosen = []
    for name in opts.fields:
        if name in by_key:
            chosen.append(by_key[name])
        else:
            chosen.append(Column(name, name, _field_getter(name, listing)))
    return chosen


def _field_getter(name: str, listing: Listing) -> Callable[[Any, OutputOptions], Any]:
    def get(item: Any, opts: OutputOptions) -> Any:
        value = listing.to_json(item).get(name)
        if isinstance(value, dict) and "precision" in value and "jalali" in value:
            from .records import format_date  # a date object: shown in the chosen calendar

            return format_date(value, opts.calendar)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        return value

    return get


def project(objs: Sequence[Mapping[str, Any]], items: Sequence[Any], listing: Listing,
            opts: OutputOptions) -> list[Mapping[str, Any]]:
    """JSON objects limited to --fields (a column key not in the object gives its display value)."""
    if not opts.fields:
        return list(objs)
    _check_names(opts.fields, _known_names(listing, objs), "--fields")
    columns = {c.key: c for c in listing.columns}
    return [{name: _value_for(name, item, obj, columns, opts) for name in opts.fields}
            for item, obj in zip(items, objs, strict=True)]


# ---------------------------------------------------------------- writers


def dump_json(value: Any, opts: OutputOptions, *, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=opts.ascii, indent=indent)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return grouped(value)
    return display(value)


def grouped(value: int) -> str:
    """1,400,000 but 1400: years and small counts read better without separators."""
    return f"{value:,}" if abs(value) >= 10_000 else str(value)


def _write_csv(columns: Sequence[Column], items: Sequence[Any], opts: OutputOptions,
               stream: TextIO) -> None:
    import csv

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for item in items:
        row = []
        for c in columns:
            value = c.get(item, opts)
            row.append("" if value is None else clean(value))
        writer.writerow(row)


def _write_plain(columns: Sequence[Column], items: Sequence[Any],
                 opts: OutputOptions, stream: TextIO) -> None:
    from .plain import write_rows

    rows = [[cell_text(c.get(item, opts)) for c in columns] for item in items]
    headers = [display(c.title(opts.lang)) for c in columns]
    write_rows(headers, rows, [c.align for c in columns], stream)


def emit_listing(listing: Listing, opts: OutputOptions, stream: TextIO | None = None,
                 err: TextIO | None = None) -> None:
    """Print a listing in the chosen format; counts and notes go to stderr."""
    out = stream or sys.stdout
    errs = err or sys.stderr
    fmt = resolve_format(opts, out)
    items, objs, total = shape(listing, opts)
    if fmt == "json":
        out.write(dump_json(project(objs, items, listing, opts), opts) + "\n")
    elif fmt == "jsonl":
        for obj in project(objs, items, listing, opts):
            out.write(dump_json(obj, opts, indent=None) + "\n")
    else:
        columns = select_columns(listing, objs, opts)
        if fmt == "csv":
            _write_csv(columns, items, opts, out)
        elif not items:
            pass
        elif fmt == "plain":
            _write_plain(columns, items, opts, out)
        else:
            from .table import write_table

            write_table(listing.title, columns, items, opts, out)
    if fmt not in MACHINE_FORMATS:  # explanations are for people; scripts get data and counts
        for note in listing.notes:
            errs.write(clean(note) + "\n")
    for count in listing.counts:
        errs.write(clean(count) + "\n")
    if not items and fmt not in MACHINE_FORMATS and listing.empty_message:
        errs.write(clean(listing.empty_message) + "\n")
    elif len(items) < total:
        errs.write(f"{len(items)} of {total} shown (--limit {opts.limit})\n")


def emit_detail(detail: Detail, opts: OutputOptions, stream: TextIO | None = None,
                err: TextIO | None = None) -> None:
    """Print one object: label/value lines for people, one JSON object for scripts."""
    out = stream or sys.stdout
    errs = err or sys.stderr
    fmt = resolve_format(opts, out)
    obj = dict(detail.json)
    pairs = list(detail.pairs)
    if opts.fields:
        _check_names(opts.fields, list(obj), "--fields")
        obj = {k: obj[k] for k in opts.fields}
        wanted = {f.lower() for f in opts.fields}
        pairs = [p for p in pairs if p[0].lower() in wanted]
    if fmt in ("json", "jsonl"):
        out.write(dump_json(obj, opts, indent=2 if fmt == "json" else None) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(list(obj))
        writer.writerow([v if not isinstance(v, dict | list) else json.dumps(v, ensure_ascii=False)
                         for v in obj.values()])
    elif fmt == "plain":
        from .plain import write_pairs

        write_pairs(detail.title, pairs, out)
    else:
        from .table import write_pairs_table

        write_pairs_table(detail.title, pairs, out)
    for note in detail.notes:
        errs.write(clean(note) + "\n")
