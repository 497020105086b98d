"""The root `kzir` app: global options and one sub-app or command per module (add_typer).

Typer is the definition of the CLI, built here: the command modules hold plain functions
(importable without Typer, for the fast path) whose string annotations name `typer`, and
`register` turns each into what Typer reads — annotations evaluated with `typer` supplied, the
shared options `@output_options` recorded appended — and groups into sub-Typers.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from .click_compat import get_current_context
from .help import Group, epilog, version_line
from .options import RootOptions, SharedOption, call, output_of, start

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

app = typer.Typer(
    name="kzir",
    help="Explore every fact of one IRNA article on Iran–Kazakhstan relations (June 2022), "
    "each answer cited to its paragraph.",
    context_settings=CONTEXT,
    rich_markup_mode=None,  # plain help: no Rich import, and [brackets] in help stay visible
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    epilog=epilog(("What was signed", "kzir treaties list"),
                  ("Trade in Iranian year 1400", "kzir trade --year 1400"),
                  ("Ask in English or Persian", "kzir search uranium reserves"),
                  ("A command's own options and examples", "kzir trade --help")),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line(), nl=False)
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    kb: Annotated[str | None, typer.Option("--kb", metavar="PATH",
                                           help="Use another KB file of the same schema "
                                           "(env KZIR_KB).")] = None,
    debug: Annotated[bool, typer.Option("--debug",
                                        help="Show tracebacks (env KZIR_DEBUG=1).")] = False,
    rtl: Annotated[str | None, typer.Option("--rtl", metavar="logical|visual",
                                            help="Right-to-left text in logical order (default; "
                                            "for terminals that reorder it) or visual order "
                                            "(needs kzir[rtl]); env KZIR_RTL. Never applies to "
                                            "JSON/CSV.")] = None,
) -> None:
    """Explore every fact of one IRNA article on Iran–Kazakhstan relations (June 2022).

    Global options may also follow the command (kzir trade --debug).
    """
    ctx.obj = RootOptions(kb=kb, rtl=rtl)
    start(ctx.obj)


# name -> (module under kzir.cli, attribute). Only the module of the command being run is
# imported and turned into a click command, so start-up does not grow with the number of commands;
# help and unknown names get them all (for the listing and "did you mean").
COMMANDS: dict[str, tuple[str, str]] = {
    "treaties": ("treaties", "GROUP"),  # a group: `kzir treaties list|show`
    "trade": ("trade", "trade"),
    "events": ("events", "events"),
    "visits": ("events", "visits"),
    "resources": ("catalog", "resources"),
    "consulates": ("catalog", "consulates"),
    "people": ("catalog", "people"),
    "orgs": ("catalog", "orgs"),
    "profile": ("catalog", "profile"),
    "culture": ("catalog", "culture"),
    "show": ("records", "show"),
    "cite": ("records", "cite"),
    "source": ("records", "source"),
    "search": ("search", "search"),
    "check": ("check", "check"),
    "date": ("date", "date"),
    "export": ("export", "export"),
    "schema": ("export", "schema"),
    "about": ("about", "about"),
    "fields": ("about", "fields"),
    "completion": ("completion", "completion"),
}
_ROOT_VALUE_OPTIONS = ("--kb", "--rtl")


def requested_command(args: list[str]) -> str | None:
    """The command name in argv (skipping root options and their values), if it is known."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _ROOT_VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def target(name: str) -> Callable[..., Any] | Group:
    """The function (or group) behind a command name of COMMANDS."""
    module_name, attribute = COMMANDS[name]
    return getattr(importlib.import_module(f"{__package__}.{module_name}"), attribute)


def command_functions() -> dict[tuple[str, ...], Callable[..., Any]]:
    """Every command's path (a subcommand's includes its group) and function."""
    found: dict[tuple[str, ...], Callable[..., Any]] = {}
    for name in COMMANDS:
        command = target(name)
        if isinstance(command, Group):
            found.update({(name, sub): func for sub, func in command.commands.items()})
        else:
            found[(name,)] = command
    return found


@functools.cache  # once per option, not once per command that takes it (Typer copies it)
def typer_option(option: SharedOption) -> inspect.Parameter:
    """A shared option as a keyword-only parameter Typer can read from a signature."""
    kind = bool if option.flag else str | None
    return inspect.Parameter(
        option.name, inspect.Parameter.KEYWORD_ONLY, default=option.default,
        annotation=Annotated[kind, typer.Option(*option.decls, help=option.help,
                                                rich_help_panel=option.panel, **option.extra)],
    )


# What command modules' string annotations name but import only for type checkers.
ANNOTATION_NAMES = {"typer": typer, "Annotated": Annotated}


def typer_function(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` as Typer reads it: its own parameters (annotations evaluated with `typer` and
    `Annotated` supplied), then the shared options it takes; called, it runs `options.call`
    with the root options and command path of click's context."""
    # eval_str, not typing.get_type_hints: before Python 3.11 get_type_hints wraps the
    # annotation of a parameter defaulting to None in Optional[...], which hides the
    # Annotated metadata (typer.Argument/Option) from Typer.
    signature = inspect.signature(func, locals=ANNOTATION_NAMES, eval_str=True)
    params = [p for p in signature.parameters.values() if p.name != "out"]
    output = output_of(func)
    params += [typer_option(option) for option in (output.options if output else ())]

    @functools.wraps(func)
    def command(**values: Any) -> Any:
        ctx = get_current_context()
        root = ctx.find_root().obj
        return call(func, values, root=root if isinstance(root, RootOptions) else RootOptions(),
                    command_path=ctx.command_path)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    del command.__wrapped__  # Typer must read the new signature, not the original's
    return command


def register(names: list[str]) -> typer.Typer:
    """Add these commands to the root app (once each) and return it."""
    for name in names:
        if name in _registered:
            continue
        command = target(name)
        if isinstance(command, Group):
            group = typer.Typer(help=command.help, no_args_is_help=True, rich_markup_mode=None,
                                epilog=command.epilog)
            for sub, func in command.commands.items():
                group.command(sub, epilog=getattr(func, "epilog", None))(typer_function(func))
            app.add_typer(group, name=name)
        else:
            app.command(name, context_settings=CONTEXT, epilog=getattr(command, "epilog", None)
                        )(typer_function(command))
        _registered.add(name)
    return app


_registered: set[str] = set()


def app_for(args: list[str]) -> typer.Typer:
    """The root app with just the command `args` asks for, or every command."""
    name = requested_command(args)
    return register([name] if name else list(COMMANDS))
