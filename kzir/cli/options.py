"""The output options, each declared once; a command opts into the ones it honours.

`@output_options("fields", "limit", ..., formats=...)` records on a command which shared options
it takes (with --format/--json/--ascii following from the formats it can write); it receives them
as one checked `OutputOptions` (its `out` argument). A command offers no option it would ignore,
so its help shows only what applies.

Nothing here imports Typer: the declarations are plain data that registration (`app.register`)
turns into Typer options, and `call` runs a command with raw values from either route — Typer's
parser or the fast path (kzir.cli.fast) — so both run the very same code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence

from ..errors import OutputClosed, UsageError
from ..options import OutputOptions, normalise_calendar, normalise_lang
from ..render.formats import FORMAT_NAMES, HUMAN_FORMATS, JSON_FORMATS
from ..slotted import Factory, Slotted
from .completion import field_names

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, ClassVar

PANEL = "Output options"
GLOBAL_PANEL = "Global options"
RTL_ENV = "KZIR_RTL"
LANG_ENV, CALENDAR_ENV = "KZIR_LANG", "KZIR_CALENDAR"


class SharedOption(Slotted):
    """One option a command may opt into: a keyword parameter `name` (a flag, or text that
    defaults to None), its declarations and help; `extra` goes to typer.Option as is."""

    name: str
    decls: tuple[str, ...]
    help: str
    flag: bool = False
    panel: str = PANEL
    extra: Mapping[str, Any] = Factory(dict)

    _hidden: ClassVar[tuple[str, ...]] = ("extra",)  # hashable: a key of app.typer_option's cache

    @property
    def default(self) -> bool | None:
        return False if self.flag else None


def _format_option(formats: Sequence[str]) -> SharedOption:
    default = ("Default: table on a terminal, plain when piped." if "table" in formats
               else f"Default: {formats[0]}.")
    return SharedOption("format_", ("--format", "-f"),
                        f"One of: {', '.join(formats)}. {default}", extra={"metavar": "FORMAT"})


# Every option a command may opt into, declared once. --lang and --calendar read their
# environment variables themselves, so an explicit flag can be told from a default.
SHARED: dict[str, SharedOption] = {
    "json": SharedOption("json_", ("--json",), "JSON output (same as --format json).", flag=True),
    "fields": SharedOption("fields", ("--fields",),
                           "Only these columns (or record fields), comma-separated.",
                           extra={"metavar": "A,B,...", "autocompletion": field_names}),
    "limit": SharedOption("limit", ("--limit", "-n"), "At most N results.",
                          extra={"metavar": "N"}),
    "sort": SharedOption("sort", ("--sort",),
                         "Sort by a column or record field; prefix - for descending.",
                         extra={"metavar": "FIELD"}),
    "lang": SharedOption("lang", ("--lang",),
                         f"Language of human output (env {LANG_ENV}); default en, but both "
                         "for show, cite and source.",
                         extra={"metavar": "en|fa|both"}),
    "calendar": SharedOption("calendar", ("--calendar",),
                             f"Calendar of dates shown to people, default both "
                             f"(env {CALENDAR_ENV}); machine formats carry both.",
                             extra={"metavar": "jalali|gregorian|both"}),
    "ascii": SharedOption("ascii_", ("--ascii",), "Escape non-ASCII characters in JSON output.",
                          flag=True),
    "kb": SharedOption("kb", ("--kb",), "Use another KB file of the same schema (JSON, or SQLite "
                       "from 'kzir export -f sqlite'); env KZIR_KB.", extra={"metavar": "PATH"}),
    # Global options, also accepted after the command (`kzir trade --debug`): the root command
    # declares and documents them, and both reach the same place (`resolve_globals`). Hidden
    # in each command's help, which lists what that command itself does.
    "debug": SharedOption("debug", ("--debug",), "Show tracebacks (env KZIR_DEBUG=1).",
                          flag=True, panel=GLOBAL_PANEL, extra={"hidden": True}),
    "rtl": SharedOption("rtl", ("--rtl",), "Right-to-left text in logical order (default) or "
                        "visual order (needs kzir[rtl]); env KZIR_RTL.", panel=GLOBAL_PANEL,
                        extra={"metavar": "logical|visual", "hidden": True}),
}
LISTING = ("fields", "limit", "sort", "lang", "kb")
"""What every listing command honours (plus --calendar where records carry dates)."""


MAX_LIMIT = 1_000_000


def _parse_limit(text: str | None) -> int | None:
    if text is None:
        return None
    from ..numerals import parse_int

    return parse_int(text, name="--limit", low=0, high=MAX_LIMIT)


class RootOptions(Slotted):
    """The global options as given before the command (`kzir --kb X trade`)."""

    kb: str | None = None
    rtl: str | None = None


def start(root: RootOptions) -> None:
    """What the root command does before any command runs: set the right-to-left mode (so
    commands without output options get it too)."""
    resolve_globals(None, None, root)


def resolve_globals(kb: str | None, rtl: str | None, root: RootOptions) -> str | None:
    """The one route of the global options, given before or after the command: the command's
    own value wins, then the root's; --rtl then KZIR_RTL set the right-to-left mode for this run.
    Returns the --kb path (None: KZIR_KB or the bundled KB, as kzir.kb.load decides)."""
    from ..render.sanitize import set_rtl_mode

    mode = rtl or root.rtl or os.environ.get(RTL_ENV) or "logical"
    set_rtl_mode(mode.strip().lower())  # every run sets it, so nothing leaks between runs
    return kb if kb is not None else root.kb


def build_options(values: Mapping[str, Any], formats: Sequence[str], *, root: RootOptions,
                  command_path: str, default_lang: str = "en") -> OutputOptions:
    """Turn the raw option values into a checked OutputOptions (UsageError on bad values).
    `root` and `command_path` come from click's context (Typer) or the fast path's parse."""
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
            raise UsageError(f"{command_path}: {problem}",
                             hint=f"it writes: {', '.join(formats)}")
    fields = values.get("fields")
    lang = values.get("lang")
    calendar = values.get("calendar")
    lang_env, calendar_env = os.environ.get(LANG_ENV), os.environ.get(CALENDAR_ENV)
    chosen_lang: str | None = lang or lang_env  # --lang, else KZIR_LANG, else the command's
    return OutputOptions(
        format=fmt if fmt is not None or "table" in formats else formats[0],
        fields=tuple(f.strip() for f in fields.split(",") if f.strip()) if fields else None,
        limit=_parse_limit(values.get("limit")),
        sort=values.get("sort") or None,
        lang=normalise_lang(chosen_lang) if chosen_lang else default_lang,
        lang_explicit=lang is not None,
        calendar=normalise_calendar(calendar or calendar_env or "both"),
        calendar_explicit=calendar is not None,
        ascii=bool(values.get("ascii_")),
        kb=resolve_globals(values.get("kb"), values.get("rtl"), root),
    )


class Output(Slotted):
    """What `@output_options` records on a command: its shared options and formats."""

    options: tuple[SharedOption, ...]
    formats: tuple[str, ...]
    default_lang: str = "en"


def output_of(func: Callable[..., Any]) -> Output | None:
    return getattr(func, "output", None)


def output_options(*names: str, formats: Sequence[str] = FORMAT_NAMES, json_flag: bool = True,
                   default_lang: str = "en"
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command these shared options and --format (choices: `formats`); it receives them
    as its `out: OutputOptions` argument. --ascii comes with a JSON format, and --json too
    unless JSON is already the default (`json_flag=False`: it would change nothing).
    `default_lang` is the language when neither --lang nor KZIR_LANG chooses one: the command
    declares it here, once (show: both; search: `AUTO`, the query's language)."""
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

    def record(func: Callable[..., Any]) -> Callable[..., Any]:
        func.output = Output(tuple(chosen), tuple(formats),  # type: ignore[attr-defined]
                             default_lang)
        return func

    return record


def call(func: Callable[..., Any], values: Mapping[str, Any], *, root: RootOptions,
         command_path: str) -> Any:
    """Run a command with the raw values of its parameters (shared options included), as both
    Typer's wrapper (kzir.cli.app) and the fast path do."""
    own = dict(values)
    output = output_of(func)
    try:
        if output is None:
            return func(**own)
        shared = {option.name: own.pop(option.name) for option in output.options}
        out = build_options(shared, output.formats, root=root, command_path=command_path,
                            default_lang=output.default_lang)
        return func(out=out, **own)
    except BrokenPipeError:
        raise OutputClosed from None
