"""The output options, each declared once; a command opts into the ones it honours.

`@output_options("fields", "limit", ..., formats=...)` appends those options to a command's
signature (with --format/--json/--ascii following from the formats it can write) and hands the
command one checked `OutputOptions`. A command offers no option it would ignore, so its help shows
only what applies.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from ..errors import OutputClosed, UsageError
from ..options import OutputOptions, normalise_calendar, normalise_lang
from ..render.formats import FORMAT_NAMES, HUMAN_FORMATS, JSON_FORMATS
from .completion import field_names

PANEL = "Output options"
GLOBAL_PANEL = "Global options"
RTL_ENV = "KZIR_RTL"
LANG_ENV, CALENDAR_ENV = "KZIR_LANG", "KZIR_CALENDAR"


def _option(name: str, kind: Any, default: Any, *decls: str, help: str, panel: str = PANEL,
            **extra: Any) -> inspect.Parameter:
    """One option as a keyword-only parameter Typer can read from a signature."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default,
        annotation=Annotated[kind, typer.Option(*decls, help=help, rich_help_panel=panel,
                                                **extra)],
    )


def _format_option(formats: Sequence[str]) -> inspect.Parameter:
    default = ("Default: table on a terminal, plain when piped." if "table" in formats
               else f"Default: {formats[0]}.")
    return _option("format_", str | None, None, "--format", "-f", metavar="FORMAT",
                   help=f"One of: {', '.join(formats)}. {default}")


# Every option a command may opt into, declared once. --lang and --calendar read their
# environment variables themselves, so an explicit flag can be told from a default.
SHARED: dict[str, inspect.Parameter] = {
    "json": _option("json_", bool, False, "--json", help="JSON output (same as --format json)."),
    "fields": _option("fields", str | None, None, "--fields", metavar="A,B,...",
                      help="Only these columns (or record fields), comma-separated.",
                      autocompletion=field_names),
    "limit": _option("limit", str | None, None, "--limit", "-n", metavar="N",
                     help="At most N results."),
    "sort": _option("sort", str | None, None, "--sort", metavar="FIELD",
                    help="Sort by a column or record field; prefix - for descending."),
    "lang": _option("lang", str | None, None, "--lang", metavar="en|fa|both",
                    help=f"Language of human output (env {LANG_ENV}); default en, but both "
                    "for show, cite and source."),
    "calendar": _option("calendar", str | None, None, "--calendar",
                        metavar="jalali|gregorian|both",
                        help=f"Calendar of dates shown to people, default both "
                        f"(env {CALENDAR_ENV}); machine formats carry both."),
    "ascii": _option("ascii_", bool, False, "--ascii",
                     help="Escape non-ASCII characters in JSON output."),
    "kb": _option("kb", str | None, None, "--kb", metavar="PATH",
                  help="Use another KB file of the same schema (JSON, or SQLite from "
                  "'kzir export -f sqlite'); env KZIR_KB."),
    # Global options, also accepted after the command (`kzir trade --debug`): the root command
    # declares and documents them, and both reach the same place (`resolve_globals`). Hidden
    # in each command's help, which lists what that command itself does.
    "debug": _option("debug", bool, False, "--debug", help="Show tracebacks (env KZIR_DEBUG=1).",
                     panel=GLOBAL_PANEL, hidden=True),
    "rtl": _option("rtl", str | None, None, "--rtl", metavar="logical|visual",
                   help="Right-to-left text in logical order (default) or visual order (needs "
                   "kzir[rtl]); env KZIR_RTL.", panel=GLOBAL_PANEL, hidden=True),
}
LISTING = ("fields", "limit", "sort", "lang", "kb")
"""What every listing command honours (plus --calendar where records carry dates)."""


MAX_LIMIT = 1_000_000


def _parse_limit(text: str | None) -> int | None:
    if text is None:
        return None
    from ..numerals import parse_int

    return parse_int(text, name="--limit", low=0, high=MAX_LIMIT)


@dataclass(frozen=True, slots=True)
class RootOptions:
    """The global options as given before the command (`kzir --kb X trade`)."""

    kb: str | None = None
    rtl: str | None = None


def resolve_globals(kb: str | None, rtl: str | None) -> str | None:
    """The one route of the global options, given before or after the command: the command's
    own value wins, then the root's; --rtl then KZIR_RTL set the right-to-left mode for this run.
    Returns the --kb path (None: KZIR_KB or the bundled KB, as kzir.kb.load decides)."""
    from ..render.sanitize import set_rtl_mode
    from .click_compat import get_current_context

    ctx = get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    given = root if isinstance(root, RootOptions) else RootOptions()
    mode = rtl or given.rtl or os.environ.get(RTL_ENV) or "logical"
    set_rtl_mode(mode.strip().lower())  # every run sets it, so nothing leaks between runs
    return kb if kb is not None else given.kb


def _command_path() -> str:
    from .click_compat import get_current_context

    ctx = get_current_context(silent=True)
    return ctx.command_path if ctx is not None else "kzir"


def build_options(values: dict[str, Any], formats: Sequence[str] = FORMAT_NAMES
                  ) -> OutputOptions:
    """Turn the raw option values into a checked OutputOptions (UsageError on bad values)."""
    fmt = values.get("format_")
    if values.get("json_"):
        if fmt not in (None, "json"):
            raise UsageError(f"--json conflicts with --format {fmt}")
        fmt = "json"
    if fmt is not None:
        fmt = fmt.strip().lower()
        if fmt not in formats:
            problem = (f"unknown format '{fmt}'" if fmt not in FORMAT_NAMES
                       else f"cannot write {fmt}")
            raise UsageError(f"{_command_path()}: {problem}",
                             hint=f"it writes: {', '.join(formats)}")
    fields = values.get("fields")
    lang = values.get("lang")
    calendar = values.get("calendar")
    lang_env, calendar_env = os.environ.get(LANG_ENV), os.environ.get(CALENDAR_ENV)
    return OutputOptions(
        format=fmt if fmt is not None or "table" in formats else formats[0],
        fields=tuple(f.strip() for f in fields.split(",") if f.strip()) if fields else None,
        limit=_parse_limit(values.get("limit")),
        sort=values.get("sort") or None,
        lang=normalise_lang(lang or lang_env or "en"),
        lang_explicit=lang is not None,
        lang_default=lang is None and not lang_env,
        calendar=normalise_calendar(calendar or calendar_env or "both"),
        calendar_explicit=calendar is not None,
        ascii=bool(values.get("ascii_")),
        kb=resolve_globals(values.get("kb"), values.get("rtl")),
    )


def output_options(*names: str, formats: Sequence[str] = FORMAT_NAMES, json_flag: bool = True
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command these shared options and --format (choices: `formats`); it receives them
    as its `out: OutputOptions` argument. --ascii comes with a JSON format, and --json too
    unless JSON is already the default (`json_flag=False`: it would change nothing)."""
    unknown = [n for n in names if n not in SHARED or n in ("json", "ascii", "debug", "rtl")]
    if unknown:
        raise ValueError(f"no shared option {unknown[0]!r}")
    chosen = [_format_option(formats)]
    if json_flag and "json" in formats:
        chosen.append(SHARED["json"])
    chosen += [SHARED[n] for n in names]
    if any(f in JSON_FORMATS for f in formats):
        chosen.append(SHARED["ascii"])
    if any(f in HUMAN_FORMATS for f in formats):  # right-to-left order is for people only
        chosen.append(SHARED["rtl"])
    chosen.append(SHARED["debug"])
    chosen_names = {p.name for p in chosen}

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        # eval_str, not typing.get_type_hints: before Python 3.11 get_type_hints wraps the
        # annotation of a parameter defaulting to None in Optional[...], which hides the
        # Annotated metadata (typer.Argument/Option) from Typer.
        own = [p for p in inspect.signature(func, eval_str=True).parameters.values()
               if p.name != "out"]

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> Any:
            shared = {name: kwargs.pop(name) for name in chosen_names}
            try:
                return func(out=build_options(shared, formats), **kwargs)
            except BrokenPipeError:
                raise OutputClosed from None

        params = own + chosen
        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        del wrapper.__wrapped__  # Typer must read the new signature, not the original's
        return wrapper

    return decorate
