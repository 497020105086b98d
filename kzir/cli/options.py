"""The output options every listing command shares, defined once (like sqlite-utils' decorator).

`@output_options` appends the shared options to a command's signature and hands the command one
`OutputOptions` value, so a new option or format reaches every command without touching them.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..options import OutputOptions, normalise_calendar, normalise_lang
from ..render.formats import FORMAT_NAMES

PANEL = "Output options"

_SHARED: list[inspect.Parameter] = [
    inspect.Parameter(
        "json_",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option("--json", help="JSON output (same as --format json).",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "format_",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--format", "-f", metavar="FORMAT",
                         help=f"One of: {', '.join(FORMAT_NAMES)}. Default: table on a "
                         "terminal, plain when piped.", rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "fields",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--fields", metavar="A,B,...",
                         help="Only these columns (or record fields), comma-separated.",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "limit",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--limit", "-n", metavar="N", help="At most N results.",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "sort",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--sort", metavar="FIELD",
                         help="Sort by a column or record field; prefix - for descending.",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "lang",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--lang", envvar="KZIR_LANG", metavar="en|fa",
                         help="Language of text columns, default en (env KZIR_LANG).",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "calendar",
        inspect.Parameter.KEYWORD_ONLY,
        default="both",
        annotation=Annotated[
            str,
            typer.Option("--calendar", envvar="KZIR_CALENDAR", metavar="jalali|gregorian|both",
                         help="Calendar of date columns (JSON always carries both).",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "ascii_",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option("--ascii", help="Escape non-ASCII characters in JSON output.",
                         rich_help_panel=PANEL),
        ],
    ),
    inspect.Parameter(
        "kb",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option("--kb", metavar="PATH", envvar="KZIR_KB",
                         help="Use another KB file of the same schema (env KZIR_KB).",
                         rich_help_panel=PANEL),
        ],
    ),
]
_SHARED_NAMES = {p.name for p in _SHARED}


def _parse_limit(text: str | None) -> int | None:
    if text is None:
        return None
    from ..numerals import to_ascii_digits

    value = to_ascii_digits(text).strip()
    if not value.isdigit():
        raise UsageError(f"--limit must be a whole number >= 0, got '{text}'")
    return int(value)


def build_options(values: dict[str, Any]) -> OutputOptions:
    """Turn the raw option values into a checked OutputOptions (UsageError on bad values)."""
    fmt = values["format_"]
    if values["json_"]:
        if fmt not in (None, "json"):
            raise UsageError(f"--json conflicts with --format {fmt}")
        fmt = "json"
    if fmt is not None and fmt not in FORMAT_NAMES:
        raise UsageError(f"unknown format '{fmt}'", hint=f"valid: {', '.join(FORMAT_NAMES)}")
    fields = values["fields"]
    return OutputOptions(
        format=fmt,
        fields=tuple(f.strip() for f in fields.split(",") if f.strip()) if fields else None,
        limit=_parse_limit(values["limit"]),
        sort=values["sort"] or None,
        lang=normalise_lang(values["lang"]) if values["lang"] else "en",
        lang_explicit=bool(values["lang"]),
        calendar=normalise_calendar(values["calendar"]),
        ascii=values["ascii_"],
        kb=values["kb"],
    )


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the shared options; it receives them as its `out: OutputOptions` argument."""
    hints = typing.get_type_hints(func, include_extras=True)
    own = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in inspect.signature(func).parameters.values()
        if p.name != "out"
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        shared = {name: kwargs.pop(name) for name in _SHARED_NAMES}
        return func(out=build_options(shared), **kwargs)

    params = own + _SHARED
    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    del wrapper.__wrapped__  # Typer must read the new signature, not the original's
    return wrapper
