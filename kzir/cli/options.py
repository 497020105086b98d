"""The output options every listing command shares, defined once (like sqlite-utils' decorator).

`@output_options` appends the shared options to a command's signature and hands the command one
`OutputOptions` value, so a new option or format reaches every command without touching them.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..errors import OutputClosed, UsageError
from ..options import OutputOptions, normalise_calendar, normalise_lang
from ..render.formats import FORMAT_NAMES
from .completion import field_names

PANEL = "Output options"


def _option(name: str, kind: Any, default: Any, *decls: str, help: str, **extra: Any
            ) -> inspect.Parameter:
    """One shared option as a keyword-only parameter Typer can read from a signature."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default,
        annotation=Annotated[kind, typer.Option(*decls, help=help, rich_help_panel=PANEL,
                                                **extra)],
    )


def _format_option(formats: tuple[str, ...]) -> inspect.Parameter:
    return _option("format_", str | None, None, "--format", "-f", metavar="FORMAT",
                   help=f"One of: {', '.join(formats)}. Default: table on a terminal, plain "
                   "when piped.")


_SHARED: list[inspect.Parameter] = [
    _option("json_", bool, False, "--json", help="JSON output (same as --format json)."),
    _format_option(FORMAT_NAMES),
    _option("fields", str | None, None, "--fields", metavar="A,B,...",
            help="Only these columns (or record fields), comma-separated.",
            autocompletion=field_names),
    _option("limit", str | None, None, "--limit", "-n", metavar="N", help="At most N results."),
    _option("sort", str | None, None, "--sort", metavar="FIELD",
            help="Sort by a column or record field; prefix - for descending."),
    _option("lang", str | None, None, "--lang", envvar="KZIR_LANG", metavar="en|fa|both",
            help="Language of text columns, default en (env KZIR_LANG)."),
    _option("calendar", str, "both", "--calendar", envvar="KZIR_CALENDAR",
            metavar="jalali|gregorian|both",
            help="Calendar of date columns (JSON always carries both)."),
    _option("ascii_", bool, False, "--ascii", help="Escape non-ASCII characters in JSON output."),
    _option("kb", str | None, None, "--kb", metavar="PATH", envvar="KZIR_KB",
            help="Use another KB file of the same schema (env KZIR_KB)."),
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


def build_options(values: dict[str, Any], formats: tuple[str, ...] = FORMAT_NAMES
                  ) -> OutputOptions:
    """Turn the raw option values into a checked OutputOptions (UsageError on bad values)."""
    fmt = values["format_"]
    if values["json_"]:
        if fmt not in (None, "json"):
            raise UsageError(f"--json conflicts with --format {fmt}")
        fmt = "json"
    if fmt is not None and fmt not in formats:
        raise UsageError(f"unknown format '{fmt}'", hint=f"valid: {', '.join(formats)}")
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


def output_options(func: Callable[..., Any] | None = None, *,
                   extra_formats: tuple[str, ...] = ()) -> Any:
    """Give a command the shared options; it receives them as its `out: OutputOptions` argument.

    `@output_options(extra_formats=("sqlite",))` also accepts formats only that command writes.
    """
    if func is None:
        return functools.partial(output_options, extra_formats=extra_formats)
    formats = (*FORMAT_NAMES, *extra_formats)
    # eval_str, not typing.get_type_hints: before Python 3.11 get_type_hints wraps the annotation
    # of a parameter defaulting to None in Optional[...], which hides the Annotated metadata
    # (typer.Argument/Option) from Typer, so `search QUERY...` lost its argument on 3.10.
    own = [
        p for p in inspect.signature(func, eval_str=True).parameters.values() if p.name != "out"
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        shared = {name: kwargs.pop(name) for name in _SHARED_NAMES}
        try:
            return func(out=build_options(shared, formats), **kwargs)
        except BrokenPipeError:
            raise OutputClosed from None

    params = own + [_format_option(formats) if p.name == "format_" else p for p in _SHARED]
    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    del wrapper.__wrapped__  # Typer must read the new signature, not the original's
    return wrapper
