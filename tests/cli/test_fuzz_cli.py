"""Property test: any values in any option of any command give a result or one clear line.

Each command's options are read from the Typer app itself, so a new option is fuzzed without
touching this file. Values mix what people type (numbers in three digit scripts, dates, kinds,
formats) with what breaks parsers (², ①, 5,000 digits, control characters, lone surrogates,
empty strings). Deterministic in CI (the "ci" profile in conftest.py); for a longer randomised
search: `pytest --hypothesis-profile=long tests/cli/test_fuzz_cli.py`.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzir.cli import run
from kzir.cli.app import COMMANDS, register

MEANINGFUL = ["1400", "۱۴۰۰", "99", "2021", "1", "0", "-1", "9", "json", "csv", "table", "md",
              "fa", "en", "both", "jalali", "gregorian", "export", "trade", "person", "id",
              "-tonnes", "year,direction", "1401-03-29", "29 Khordad 1401", "doc-09-rail",
              "uranium", "IR", "KZ", "visual", "logical"]
HOSTILE = ["", " ", "²", "①", "³³", "9" * 5000, "\x1b[31m", "\x9b", "\ud800", "\u202e", "=1+2",
           "--", "-", "x" * 300, "1e9", "0x10", "١٤٠٠", "NaN", "None", "[bold]x[/bold]"]
VALUES = st.one_of(st.sampled_from(MEANINGFUL), st.sampled_from(HOSTILE),
                   st.text(max_size=12))


def _commands() -> list[tuple[list[str], Any]]:
    """(argv prefix, click command) for every command and subcommand."""
    import typer

    group = typer.main.get_command(register(list(COMMANDS)))
    found = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            found += [([name, sub], c) for sub, c in subcommands.items()]
        else:
            found.append(([name], command))
    return found


COMMAND_LIST = _commands()


def _argv_strategy(prefix: list[str], command: Any) -> st.SearchStrategy[list[str]]:
    options = [p for p in command.params  # --debug prints tracebacks on purpose
               if p.param_type_name == "option" and p.name not in ("help", "debug")]
    arguments = [p for p in command.params if p.param_type_name == "argument"]

    @st.composite
    def build(draw: Any) -> list[str]:
        argv = list(prefix)
        for _argument in arguments:
            argv += draw(st.lists(VALUES, min_size=1, max_size=3))
        for option in draw(st.lists(st.sampled_from(options), max_size=4)) if options else []:
            argv.append(option.opts[-1])
            if not option.is_flag:
                argv.append(draw(VALUES))
        return argv

    return build()


def _invoke(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)
    return int(code), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("prefix", "command"), COMMAND_LIST,
                         ids=[" ".join(p) for p, _ in COMMAND_LIST])
def test_any_option_values_give_a_result_or_one_clear_line(prefix, command,
                                                           monkeypatch, tmp_path) -> None:
    for name in ("KZIR_LANG", "KZIR_CALENDAR", "KZIR_KB", "KZIR_DEBUG", "KZIR_RTL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # `export -o FILE` writes only here

    # a quarter of the profile's examples per command: 50 in CI, 500 with the long profile
    @settings(max_examples=max(25, settings.default.max_examples // 4))
    @given(_argv_strategy(prefix, command))
    def check(argv: list[str]) -> None:
        if "completion" in argv:  # prints a script; nothing to break
            return
        code, _out, err = _invoke(argv)
        strict_fail = code == 1 and "--strict" in argv  # check --strict: errors found (README)
        kb_error = code == 1 and ("cannot read KB" in err or "invalid KB" in err)  # --kb FILE
        assert code in (0, 2, 3) or strict_fail or kb_error, (argv, code, err)
        assert "Traceback" not in err and "internal error" not in err, (argv, err)
        lines = [line for line in err.splitlines() if line.startswith("kzir: ")]
        if code and not strict_fail:
            assert lines, (argv, err)  # a failure says what went wrong
        assert all(len(line) <= 600 for line in lines), argv

    check()
