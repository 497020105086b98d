"""Write kzir/cli/spec.json: every command of the Typer app as the fast path reads it.

    python tools/cli_spec.py          # rewrite the spec from the app
    python tools/cli_spec.py --check  # exit 1 if it is stale (the tests do this)

The Typer app (kzir.cli.app) is the definition of the CLI; this spec is read off it, through
`typer.main.get_command`, so that kzir.cli.fast can recognise argv without importing Typer. For
each command: its path, the function Typer calls, and each parameter as click declares it
(option strings, flag or value, default, environment variable, choices, nargs, required). The
fast path serves only argv it recognises exactly from this; everything else goes to Typer.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SPEC = Path(__file__).resolve().parent.parent / "kzir" / "cli" / "spec.json"


def param_spec(param: Any) -> dict[str, Any]:
    """One click parameter, as the fast path needs it."""
    choices = getattr(param.type, "choices", None)
    entry: dict[str, Any] = {
        "name": param.name,
        "kind": param.param_type_name,  # option | argument
        "type": param.type.name,
        "nargs": param.nargs,
        "required": param.required,
        "default": param.default,
        "envvar": param.envvar,
        "multiple": param.multiple,
        "choices": list(choices) if choices is not None else None,
    }
    if param.param_type_name == "option":
        entry.update({
            "opts": list(param.opts),
            "secondary_opts": list(param.secondary_opts),
            "flag": bool(param.is_bool_flag),
            "count": bool(param.count),
            "eager": bool(param.is_eager),
        })
        if param.is_flag and not param.is_bool_flag:
            entry["flag"] = None  # a flag with a value of its own: the fast path declines it
    json.dumps(entry)  # a default the fast path could not read fails here, not at run time
    return entry


def build() -> dict[str, Any]:
    """The spec of the app as registered with every command."""
    import typer

    from kzir.cli.app import COMMANDS, command_functions, register
    from kzir.cli.completion import COMPLETE_VAR

    root = typer.main.get_command(register(list(COMMANDS)))
    functions = command_functions()
    commands: dict[str, Any] = {}
    groups: dict[str, list[str]] = {}
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        found = ([((name, sub), c) for sub, c in subcommands.items()] if subcommands
                 else [((name,), command)])
        if subcommands:
            groups[name] = list(subcommands)
            if command.params:
                raise SystemExit(f"group {name} has options: the fast path does not read them")
        for path, click_command in found:
            func = functions[path]
            commands[" ".join(path)] = {
                "target": f"{func.__module__}:{func.__name__}",
                "params": [param_spec(p) for p in click_command.params],
            }
    return {
        "help_options": list(root.context_settings.get("help_option_names", ["--help"])),
        "complete_var": COMPLETE_VAR,
        "groups": groups,
        "root": {"params": [param_spec(p) for p in root.params]},
        "commands": commands,
    }


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render() -> str:
    """The spec as JSON with one parameter a line: small to load, readable in a diff."""
    spec = build()

    def params(entry: dict[str, Any], indent: str) -> list[str]:
        rows = [indent + " " + _compact(p) for p in entry["params"]]
        return [",\n".join(rows)] if rows else []

    lines = ["{", f' "help_options": {_compact(spec["help_options"])},',
             f' "complete_var": {_compact(spec["complete_var"])},',
             f' "groups": {_compact(spec["groups"])},', ' "root": {"params": [',
             *params(spec["root"], " "), ' ]},', ' "commands": {']
    entries = []
    for path, entry in spec["commands"].items():
        entries.append("\n".join([f'  {_compact(path)}: {{"target": {_compact(entry["target"])}, '
                                   '"params": [', *params(entry, "  "), "  ]}"]))
    lines += [",\n".join(entries), " }", "}"]
    text = "\n".join(lines) + "\n"
    if json.loads(text) != spec:
        raise AssertionError("the compact rendering changed the spec")
    return text


def main() -> int:
    from regenerate import write_or_check  # beside this script

    return write_or_check(SPEC, render(), "kzir/cli/spec.json", "cli_spec.py")


if __name__ == "__main__":
    sys.exit(main())
