"""--sort, --limit and --fields, applied the same way whatever the format."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..errors import UsageError
from ..options import OutputOptions
from ..slotted import Slotted
from .cells import format_date, is_date, machine_row, value_text
from .viewmodel import Column, Listing, all_columns

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


class Shaped(Slotted):
    """A listing after --sort/--limit/--fields: the rows to write and how many there were."""

    _frozen = False  # filled in after it is made (notes)

    items: list[Any]
    objs: list[Mapping[str, Any]]  # each item's JSON contract object
    columns: list[Column]
    total: int


def known_names(listing: Listing, objs: Sequence[Mapping[str, Any]]) -> list[str]:
    """Everything --fields and --sort accept: the view's columns, then any record field."""
    names = list(all_columns(listing))
    for obj in objs:
        names.extend(k for k in obj if k not in names)
    return names


def check_names(names: Sequence[str], known: Sequence[str], option: str) -> None:
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"{option}: unknown field '{unknown[0]}'",
                         hint=f"valid: {', '.join(known)}")


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    if is_date(value):
        return (1, str(value["gregorian"]))
    if isinstance(value, tuple):  # a bilingual pair sorts by its English
        return (1, value[0])
    return (1, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def field_column(name: str, objs: Sequence[Mapping[str, Any]]) -> Column:
    """A column for any record field named in --fields; its kind follows its values."""
    values = [obj.get(name) for obj in objs if obj.get(name) is not None]
    kind = "text"
    if values and all(is_date(v) for v in values):
        kind = "date"
    elif values and all(isinstance(v, bool) for v in values):
        kind = "bool"
    elif values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        kind = "number"
    elif name == "id" or name.endswith("_id"):
        kind = "id"

    def show(item: Any, opts: OutputOptions) -> Any:
        value = _json_of(item).get(name)
        if is_date(value):
            return format_date(value, opts.calendar)
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            return ", ".join(value_text(v, opts.lang) for v in value)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        return value

    return Column(name, name, show, raw=lambda item: _json_of(item).get(name), kind=kind,
                  align="right" if kind == "number" else "left")


def _json_of(item: Any) -> Mapping[str, Any]:
    return item.data if hasattr(item, "data") else item


def shape(listing: Listing, opts: OutputOptions) -> Shaped:
    """Apply --sort, --limit and --fields to a listing."""
    items = list(listing.items)
    objs = [listing.to_json(item) for item in items]
    total = len(items) if listing.total is None else listing.total
    columns = list(listing.columns)
    if opts.fields:
        check_names(opts.fields, known_names(listing, objs), "--fields")
        by_key = all_columns(listing)
        columns = [by_key[n] if n in by_key else _bind(field_column(n, objs), listing)
                   for n in opts.fields]
    if opts.sort:
        name = opts.sort.lstrip("-")
        check_names([name], known_names(listing, objs), "--sort")
        by_key = all_columns(listing)
        keyed = []
        for item, obj in zip(items, objs, strict=True):
            value = obj[name] if name in obj else by_key[name].raw_value(item, opts)
            keyed.append((value, item, obj))
        known = [k for k in keyed if k[0] is not None]
        known.sort(key=lambda k: _sort_key(k[0]), reverse=opts.sort.startswith("-"))
        keyed = known + [k for k in keyed if k[0] is None]  # missing values last, either way
        items, objs = [k[1] for k in keyed], [k[2] for k in keyed]
    if opts.limit is not None and opts.limit < len(items):
        items, objs = items[: opts.limit], objs[: opts.limit]
    return Shaped(items, objs, columns, total)


def _bind(column: Column, listing: Listing) -> Column:
    """A field column reads the listing's JSON object of each item (search hits are not dicts)."""
    def obj(item: Any) -> Mapping[str, Any]:
        return listing.to_json(item)

    def show(item: Any, opts: OutputOptions) -> Any:
        return column.display(obj(item), opts)

    def raw(item: Any) -> Any:
        return column.raw(obj(item)) if column.raw else None

    return Column(column.key, column.header, show, raw=raw, kind=column.kind, align=column.align)


def machine_objects(listing: Listing, shaped: Shaped, opts: OutputOptions
                    ) -> list[Mapping[str, Any]]:
    """JSON objects: the contract records, or with --fields only those (record fields as stored,
    view columns as their raw cells)."""
    if not opts.fields:
        return shaped.objs
    by_key = all_columns(listing)
    out: list[Mapping[str, Any]] = []
    for item, obj in zip(shaped.items, shaped.objs, strict=True):
        row: dict[str, Any] = {}
        for name in opts.fields:
            if name in obj:
                row[name] = obj[name]
            else:
                row.update(machine_row([by_key[name]], item, opts))
        out.append(row)
    return out
