"""The fast path: argv recognised exactly runs its command without importing Typer.

Importing Typer and building its click command costs more than most commands do. `spec.json`
(written from the Typer app by tools/cli_spec.py, and checked against it by the tests) says what
every command accepts; `parse` reads argv by it the way click would — root options before the
command, long and short options, `--opt=value`, `-oVALUE`, flags, positionals, `--` — and
`serve` then calls the very function Typer would call, through the same `options.call`, with the
same values. Anything not recognised exactly is "not mine" (None) and goes to Typer, which gives
help, completion, and every error message: help options, the completion variable, unknown or
repeated options, a missing or extra argument, combined short flags, a flag given a value, a
parameter of a kind this module does not read. Runs with --debug or KZIR_DEBUG go to Typer
too (kzir.cli.run): a traceback names the frames of its route.
"""

from __future__ import annotations

import json
import os
import sys

from ..slotted import Slotted

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --version
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from .options import RootOptions

SPEC = os.path.join(os.path.dirname(os.path.realpath(__file__)), "spec.json")
TEXT_TYPES = ("str", "text")  # click's string type (named "str" in Typer's bundled click)
_loaded: list[Mapping[str, Any]] = []


def spec() -> Mapping[str, Any]:
    """The spec, read once (json.load of a small file, no pathlib: this runs before --version)."""
    if not _loaded:
        with open(SPEC, encoding="utf-8") as stream:
            _loaded.append(json.load(stream))
    return _loaded[0]


class Invocation(Slotted):
    """What argv asks for: `--version`, or a command's function with its parameters' values."""

    version: bool = False
    target: str = ""  # module:function
    values: Mapping[str, Any] | None = None
    root: RootOptions | None = None
    command_path: str = ""


def _looks_like_option(arg: str) -> bool:
    return arg[:1] == "-" and len(arg) > 1


def _read(params: Sequence[Mapping[str, Any]], args: Sequence[str], interspersed: bool
          ) -> tuple[dict[str, Any], list[str], list[str]] | None:
    """(values of the options given, positionals, what follows the first positional when not
    interspersed), or None when any token is not read exactly as click would read it."""
    options: dict[str, tuple[Mapping[str, Any], bool]] = {}
    for param in params:
        if param["kind"] != "option":
            continue
        readable = (not param["multiple"] and not param["count"] and param["nargs"] == 1
                    and param["envvar"] is None and param["choices"] is None
                    and (param["flag"] or (param["flag"] is False
                                           and param["type"] in TEXT_TYPES)))
        for opt in (*param["opts"], *param["secondary_opts"]):
            options[opt] = (param, readable)
    given: dict[str, Any] = {}
    positionals: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            if not interspersed:
                return None
            positionals += args[i:]
            break
        if not _looks_like_option(arg):
            if not interspersed:
                return given, positionals, list(args[i - 1:])
            positionals.append(arg)
            continue
        if arg.startswith("--"):
            name, eq, attached = arg.partition("=")
        else:  # a short option: the rest of the token is its value (-n5, -fjson)
            name, attached = arg[:2], arg[2:]
            eq = "=" if attached else ""
        if name not in options:
            return None
        param, readable = options[name]
        if not readable or param["name"] in given:
            return None
        if param["flag"]:
            if eq:  # --json=x, or -j with more letters: click reads these differently
                return None
            given[param["name"]] = name in param["opts"]
            continue
        if eq:
            value = attached
        elif i < len(args):  # whatever follows, as click takes it: --sort -usd
            value = args[i]
            i += 1
        else:
            return None
        given[param["name"]] = value
    return given, positionals, []


def _values(params: Sequence[Mapping[str, Any]], given: Mapping[str, Any],
            positionals: Sequence[str]) -> dict[str, Any] | None:
    """Every parameter's value as Typer hands it to the function (defaults for the rest),
    or None when the positionals do not fit the arguments exactly."""
    values: dict[str, Any] = {}
    arguments = [p for p in params if p["kind"] == "argument"]
    if len(arguments) > 1:
        return None
    for param in params:
        if param["kind"] == "option":
            if param["required"] and param["name"] not in given:
                return None
            values[param["name"]] = given.get(param["name"], param["default"])
    if not arguments:
        return values if not positionals else None
    (argument,) = arguments
    if argument["type"] not in TEXT_TYPES or argument["envvar"] is not None:
        return None
    if argument["nargs"] == 1:
        if len(positionals) > 1 or (argument["required"] and not positionals):
            return None
        values[argument["name"]] = positionals[0] if positionals else argument["default"]
    elif argument["nargs"] == -1:
        if argument["required"] and not positionals:
            return None
        # Typer's list convertor: no values and a default of None give None, else a list
        values[argument["name"]] = (list(positionals) if positionals or argument["default"]
                                    is not None else None)
    else:
        return None
    return values


def parse(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> Invocation | None:
    """What argv asks for, or None: not recognised exactly (Typer's to answer)."""
    table = spec()
    if environ.get(table["complete_var"]) or any(a in table["help_options"] for a in args):
        return None
    root_params = table["root"]["params"]
    read = _read(root_params, args, interspersed=False)
    if read is None:
        return None
    given, _, rest = read
    if given.get("version"):  # eager: click prints it before reading any command
        return Invocation(version=True)
    if not rest:
        return None
    from .options import RootOptions

    root = RootOptions(kb=given.get("kb"), rtl=given.get("rtl"))
    path, rest = [rest[0]], rest[1:]
    if path[0] in table["groups"]:
        if not rest or rest[0] not in table["groups"][path[0]]:
            return None
        path, rest = [*path, rest[0]], rest[1:]
    command = table["commands"].get(" ".join(path))
    if command is None:
        return None
    read = _read(command["params"], rest, interspersed=True)
    if read is None:
        return None
    given, positionals, _ = read
    values = _values(command["params"], given, positionals)
    if values is None:
        return None
    return Invocation(target=command["target"], values=values, root=root,
                      command_path=" ".join(["kzir", *path]))


def serve(args: Sequence[str]) -> int | None:
    """Run argv if it is recognised exactly and return its exit status; None: not mine."""
    invocation = parse(args)
    if invocation is None:
        return None
    if invocation.version:
        from .help import version_line

        sys.stdout.write(version_line())
        sys.stdout.flush()
        return 0
    import importlib

    from .options import call, start

    module, _, name = invocation.target.partition(":")
    func = getattr(importlib.import_module(module), name)
    root = invocation.root
    assert root is not None
    start(root)
    result = call(func, dict(invocation.values or {}), root=root,
                  command_path=invocation.command_path)
    sys.stdout.flush()
    return result if isinstance(result, int) else 0
