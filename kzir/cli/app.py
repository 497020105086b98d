"""The root `kzir` app: global options and one sub-app or command per module (add_typer)."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .help import epilog

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
        typer.echo(f"kzir {__version__}")
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
    from .options import RootOptions, resolve_globals

    ctx.obj = RootOptions(kb=kb, rtl=rtl)
    resolve_globals(None, None)  # commands without output options get the mode too


# name -> (module under kzir.cli, attribute). Only the module of the command being run is
# imported and turned into a click command, so start-up does not grow with the number of commands;
# help and unknown names get them all (for the listing and "did you mean").
COMMANDS: dict[str, tuple[str, str]] = {
    "treaties": ("treaties", "app"),  # a group: `kzir treaties list|show`
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


def register(names: list[str]) -> typer.Typer:
    """Add these commands to the root app (once each) and return it."""
    import importlib

    for name in names:
        if name in _registered:
            continue
        module_name, attribute = COMMANDS[name]
        target = getattr(importlib.import_module(f"{__package__}.{module_name}"), attribute)
        if isinstance(target, typer.Typer):
            app.add_typer(target, name=name)
        else:
            app.command(name, context_settings=CONTEXT,
                        epilog=getattr(target, "epilog", None))(target)
        _registered.add(name)
    return app


_registered: set[str] = set()


def app_for(args: list[str]) -> typer.Typer:
    """The root app with just the command `args` asks for, or every command."""
    name = requested_command(args)
    return register([name] if name else list(COMMANDS))
