"""The fast path (kzir.cli.fast) answers exactly as Typer does, and its spec is the Typer app's.

Each argument list runs twice in this process, once as `kzir` runs it (the fast path where it
recognises argv) and once with every argv sent to Typer (`run(fast=False)`), and the two must
agree byte for byte on stdout, stderr and exit status. Each case also states which route it
expects — so that the cases exercise the fast path rather than only Typer — and a few run as
processes through the installed entry point, on pipes and on a pseudo-terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzir.cli import debugging, run
from kzir.cli.fast import parse, spec
from tests_support import kzir_cmd

ROOT = Path(__file__).resolve().parents[2]
FAST, TYPER = "fast", "typer"

# Arguments that make each command succeed (one per command of the spec: a test checks it).
SAMPLE = {
    "treaties list": [], "treaties show": ["9"], "trade": [], "events": [], "visits": [],
    "resources": [], "consulates": [], "people": [], "orgs": [], "profile": [], "culture": [],
    "show": ["doc-09-rail"], "cite": ["doc-09-rail"], "source": ["32"], "search": ["railway"],
    "check": [], "date": ["1401/3/29"], "export": [], "schema": [], "about": [],
    "fields": ["trade"], "completion": ["bash"],
}


def _format_choices(path: str) -> list[str]:
    from kzir.cli.app import command_functions
    from kzir.cli.options import output_of

    func = command_functions()[tuple(path.split())]
    output = output_of(func)
    return list(output.formats) if output else []


def _format_spellings(path: str) -> list[tuple[list[str], str]]:
    """Every format of a command, each written one of four ways, and --json where offered."""
    spellings = []
    for i, fmt in enumerate(_format_choices(path)):
        if fmt == "sqlite":  # needs -o FILE; its refusal without one is a case below
            continue
        way = [["--format", fmt], ["-f", fmt], [f"--format={fmt}"], [f"-f{fmt}"]][i % 4]
        spellings.append((way, FAST))
    names = {p["name"] for p in spec()["commands"][path]["params"]}
    if "json_" in names:
        spellings.append((["--json"], FAST))
    return spellings


def _cases() -> list[tuple[list[str], dict[str, str], str]]:
    """(argv, environment, the route expected to serve it)."""
    cases: list[tuple[list[str], dict[str, str], str]] = []
    kb_file = str(ROOT / "data" / "kb.json")
    for path, sample in SAMPLE.items():
        words = path.split()
        cases.append(([*words, *sample], {}, FAST))
        for way, route in _format_spellings(path):
            cases.append(([*words, *sample, *way], {}, route))
            cases.append(([*words, *way, *sample], {}, route))  # options before positionals
        cases.append(([*words, *sample, "--help"], {}, TYPER))
        cases.append(([*words, *sample, "-h"], {}, TYPER))
        cases.append(([*words, *sample, "--no-such-option"], {}, TYPER))
        cases.append((["--kb", kb_file, *words, *sample], {}, FAST))  # a root option first
        cases.append((["--debug", *words, *sample], {}, TYPER))  # tracebacks: Typer's
    cases += [
        # --- the table's commands, and values in other digits
        (["trade", "--year", "1400", "--json"], {}, FAST),
        (["trade", "--year", "۱۴۰۰", "--json"], {}, FAST),
        (["trade", "--year", "١٤٠٠", "-f", "csv"], {}, FAST),
        (["trade", "-y", "99", "--json"], {}, FAST),
        (["trade", "-y1400", "--json"], {}, FAST),
        (["trade", "--year=1400", "--direction=export", "--json"], {}, FAST),
        (["trade", "--direction", "import", "-d", "export"], {}, TYPER),  # repeated
        (["trade", "--year", "2021", "--json"], {}, FAST),
        (["trade", "--year", "1390", "--json"], {}, FAST),  # no data: exit 3
        (["trade", "--year", "abc", "--json"], {}, FAST),  # usage error from the command
        (["trade", "--year", "1400", "--chart"], {}, FAST),
        (["trade", "--chart", "--json"], {}, FAST),  # refused by the command
        (["trade", "--chart=yes"], {}, TYPER),  # a flag given a value
        (["trade", "--year"], {}, TYPER),  # a value missing
        (["trade", "--year", "--json"], {}, FAST),  # click takes it as the value
        (["trade", "--year", "-1"], {}, FAST),
        (["trade", "--year", "--help"], {}, TYPER),
        (["trade", "1400"], {}, TYPER),  # an extra argument
        (["trade", "--", "1400"], {}, TYPER),
        (["trade", "--limit", "2", "--sort", "-usd", "--json"], {}, FAST),
        (["trade", "-n", "۲", "--fields", "id,usd", "--json"], {}, FAST),
        (["trade", "--limit", "x"], {}, FAST),
        (["trade", "--fields", "nope", "--json"], {}, FAST),
        (["trade", "--json", "--format", "csv"], {}, FAST),  # conflict
        (["trade", "--json", "--format", "json"], {}, FAST),
        (["trade", "--format", "xml"], {}, FAST),
        (["trade", "--format", " JSON "], {}, FAST),
        (["trade", "--lang", "fa"], {}, FAST),
        (["trade", "--lang", "fa", "--json"], {}, FAST),  # refused: JSON carries both
        (["trade", "--lang", "klingon"], {}, FAST),
        (["trade", "--calendar", "jalali"], {}, FAST),
        (["trade", "--calendar", "jalali", "--json"], {}, FAST),
        (["trade", "--calendar", "mayan"], {}, FAST),
        (["trade", "--ascii", "--json", "--lang", "fa"], {}, FAST),
        (["trade", "--ascii"], {}, FAST),
        (["trade", "--json", "--ascii"], {}, FAST),
        (["trade", "-fj"], {}, FAST),  # -f with the value "j": unknown format
        (["trade", "--jso"], {}, TYPER),  # no abbreviations
        (["trade", "--JSON"], {}, TYPER),
        (["treaties", "list", "--json"], {}, FAST),
        (["treaties", "list", "--field", "rail", "--json"], {}, FAST),
        (["treaties", "list", "--party", "راه آهن", "--json"], {}, FAST),
        (["treaties", "list", "--party", "nobody"], {}, FAST),
        (["treaties", "show", "doc-09-rail", "--json"], {}, FAST),
        (["treaties", "show", "۹", "--json"], {}, FAST),
        (["treaties", "show", "10"], {}, FAST),  # not found
        (["treaties", "show"], {}, TYPER),  # missing argument
        (["treaties", "show", "1", "2"], {}, TYPER),  # extra argument
        (["treaties"], {}, TYPER),
        (["treaties", "bogus"], {}, TYPER),
        (["treaties", "--json", "list"], {}, TYPER),
        (["show", "doc-09-rail", "--json"], {}, FAST),
        (["show", "--json", "doc-09-rail"], {}, FAST),
        (["show", "doc-09-rail", "--fields", "id,signed", "--json"], {}, FAST),
        (["show", "doc-09-rai", "--json"], {}, FAST),  # not found, with a suggestion
        (["show", " doc-09-rail ", "-f", "csv"], {}, FAST),
        (["show", "trade-1399-total", "--lang", "fa", "--calendar", "jalali"], {}, FAST),
        (["show", "--", "doc-09-rail"], {}, FAST),
        (["show", "--", "-doc"], {}, FAST),
        (["show", "-"], {}, FAST),
        (["show", ""], {}, FAST),
        (["show", "-x"], {}, TYPER),
        (["show"], {}, TYPER),
        (["cite", "mission-kz-consulate-gorgan", "-f", "md"], {}, FAST),
        (["cite", "trade-1400-total", "--lang", "en"], {}, FAST),
        (["source", "۲۵", "--lang", "fa"], {}, FAST),
        (["source", "24", "--json"], {}, FAST),
        (["source", "0"], {}, FAST),
        (["source", "46", "--json"], {}, FAST),
        (["source", "x"], {}, FAST),
        (["date", "1401/3/29", "--json"], {}, FAST),
        (["date", "۲۹", "خرداد", "۱۴۰۱", "--json"], {}, FAST),
        (["date", "29", "Khordad", "1401", "--lang", "fa"], {}, FAST),
        (["date", "19", "June", "2022", "--to", "jalali"], {}, FAST),
        (["date", "--to=gregorian", "1401-03-29", "--json"], {}, FAST),
        (["date", "1401-03-29", "--to", "both"], {}, FAST),
        (["date", "year", "1400", "--json"], {}, FAST),
        (["date", "year", "2021"], {}, FAST),
        (["date", "year"], {}, FAST),
        (["date", "Khordad", "1401", "--json"], {}, FAST),
        (["date", "1401", "--json"], {}, FAST),
        (["date", "05/06/2022"], {}, FAST),  # ambiguous
        (["date", "1401/13/1", "--json"], {}, FAST),  # invalid
        (["date", "1401/3/29", "--calendar", "gregorian"], {}, FAST),
        (["date", "1401/3/29", "--fields", "jalali"], {}, TYPER),  # no --fields here
        (["date"], {}, TYPER),
        (["date", "--", "-1401"], {}, FAST),
        (["search", "railway", "--json"], {}, FAST),
        (["search", "how", "many", "consulates", "does", "Iran", "have", "--json"], {}, FAST),
        (["search", "صادرات", "ایران", "به", "قزاقستان", "--limit", "3"], {}, FAST),
        (["search", "--limit=3", "railway", "uranium", "--json"], {}, FAST),
        (["search", "uranium", "--explain", "--json"], {}, FAST),
        (["search", "uranium", "-k", "resource,fact", "--json"], {}, FAST),
        (["search", "uranium", "--kind", "nonsense"], {}, FAST),
        (["search", "uranium", "--kind", ","], {}, FAST),
        (["search", "رئیس‌جمهور", "--json", "-n", "۲"], {}, FAST),
        (["search"], {}, FAST),  # empty query: the command's own error
        (["search", "   "], {}, FAST),
        (["search", "--json"], {}, FAST),
        (["search", "x" * 1001], {}, FAST),  # over the cap
        (["check", "--json"], {}, FAST),
        (["check", "--severity", "error", "--fields", "id,message"], {}, FAST),
        (["check", "--category", "calendar", "--json"], {}, FAST),
        (["check", "-c", "typo", "--strict"], {}, FAST),
        (["check", "--strict", "--json"], {}, FAST),
        (["check", "--category", "nope"], {}, FAST),
        (["check", "-s", "warning,note", "-f", "tsv"], {}, FAST),
        (["events", "--from", "1400", "--json"], {}, FAST),
        (["events", "--from", "1401", "--to", "1400"], {}, FAST),
        (["events", "--type", "shipment", "--calendar", "gregorian"], {}, FAST),
        (["events", "--from", "never"], {}, FAST),
        (["visits", "--from", "1401", "--to", "1401", "--json"], {}, FAST),
        (["resources", "--max-rank", "4", "--json"], {}, FAST),
        (["resources", "--rank", "۳"], {}, FAST),
        (["resources", "--rank", "0"], {}, FAST),
        (["consulates", "--country", "IR", "--json"], {}, FAST),
        (["consulates", "-c", "XX"], {}, FAST),
        (["orgs", "--country", "KZ", "--type", "ministry"], {}, FAST),
        (["people", "--fields", "name,variants_fa", "-f", "jsonl"], {}, FAST),
        (["profile", "--fields", "text,paragraphs"], {}, FAST),
        (["culture", "--lang", "fa"], {}, FAST),
        (["export", "-k", "trade", "-f", "csv"], {}, FAST),
        (["export", "--paragraphs", "-f", "jsonl"], {}, FAST),
        (["export", "--paragraphs", "--kind", "trade"], {}, FAST),
        (["export", "-f", "sqlite"], {}, FAST),  # needs -o
        (["export", "--metadata", "m.json"], {}, FAST),
        (["export", "--force"], {}, FAST),
        (["export", "--json"], {}, TYPER),  # JSON is its default: no --json
        (["schema", "--json"], {}, TYPER),
        (["schema", "extra"], {}, TYPER),
        (["about", "--json"], {}, FAST),
        (["about", "--lang", "fa"], {}, FAST),
        (["fields", "document", "--json"], {}, FAST),
        (["fields", "nonsense"], {}, FAST),
        (["completion", "zsh"], {}, FAST),
        (["completion", "powershell"], {}, FAST),
        # --- root options before the command, and global options after it
        (["--kb", kb_file, "trade", "--json"], {}, FAST),
        ([f"--kb={kb_file}", "treaties", "list", "--json"], {}, FAST),
        (["trade", "--kb", kb_file, "--json"], {}, FAST),
        (["--kb", "/nonexistent/kb.json", "trade", "--json"], {}, FAST),
        (["--kb", str(ROOT / "README.md"), "about", "--json"], {}, FAST),
        (["--rtl", "logical", "treaties", "list"], {}, FAST),
        (["--rtl", "visual", "source", "1", "--lang", "fa"], {}, FAST),
        (["--rtl", "bogus", "trade", "--json"], {}, FAST),
        (["trade", "--rtl", "bogus", "--json"], {}, FAST),
        (["--rtl", "visual", "trade", "--rtl", "logical"], {}, FAST),
        (["--debug", "--kb", kb_file, "trade", "--year", "1400", "--json"], {}, TYPER),
        (["--debug", "--kb", "/nonexistent/kb.json", "trade", "--json"], {}, TYPER),
        (["--debug", "--debug", "trade"], {}, TYPER),
        (["--kb"], {}, TYPER),
        (["--kb", kb_file], {}, TYPER),  # no command
        (["--bogus", "trade"], {}, TYPER),
        (["--", "trade"], {}, TYPER),
        (["--version"], {}, FAST),
        (["--kb", kb_file, "--version"], {}, FAST),
        (["--version", "trade", "--no-such-option"], {}, FAST),  # eager: before the command
        (["--version", "--bogus"], {}, TYPER),
        (["--version=1"], {}, TYPER),
        (["--help"], {}, TYPER),
        (["-h"], {}, TYPER),
        ([], {}, TYPER),
        (["tarde", "--json"], {}, TYPER),  # unknown command: did you mean
        (["TRADE"], {}, TYPER),
        # --- environment variables
        (["trade"], {"KZIR_LANG": "fa"}, FAST),
        (["trade", "--json"], {"KZIR_LANG": "fa"}, FAST),
        (["cite", "doc-09-rail"], {"KZIR_LANG": "en"}, FAST),
        (["trade"], {"KZIR_LANG": "klingon"}, FAST),
        (["events"], {"KZIR_CALENDAR": "jalali"}, FAST),
        (["events", "--json"], {"KZIR_CALENDAR": "gregorian"}, FAST),
        (["events"], {"KZIR_CALENDAR": "mayan"}, FAST),
        (["trade", "--json"], {"KZIR_KB": kb_file}, FAST),
        (["trade", "--json"], {"KZIR_KB": "/nonexistent/kb.json"}, FAST),
        (["about", "--json"], {"KZIR_KB": str(ROOT / "README.md")}, FAST),
        (["source", "1", "--lang", "fa"], {"KZIR_RTL": "visual"}, FAST),
        (["schema"], {"KZIR_RTL": "bogus"}, FAST),
        (["treaties", "list"], {"NO_COLOR": "1"}, FAST),
        (["treaties", "list"], {"TERM": "dumb"}, FAST),
        (["trade", "--year", "1400"], {"KZIR_DEBUG": "1"}, TYPER),
        (["trade", "--year", "1390"], {"KZIR_DEBUG": "0"}, FAST),
        (["trade", "-f", "csv"], {"KZIR_CSV_RAW": "1"}, FAST),
        (["trade", "--json"], {"_KZIR_COMPLETE": "complete_bash", "COMP_WORDS": "kzir tr",
                               "COMP_CWORD": "1"}, TYPER),
    ]
    return cases


CASES = _cases()


def _invoke(args: list[str], fast: bool, capsys: pytest.CaptureFixture[str]
            ) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = run(list(args), fast=fast)
    except SystemExit as exc:  # click's shell completion exits itself
        code = exc.code
    captured = capsys.readouterr()
    return int(code), captured.out, captured.err


def test_there_are_enough_cases_and_every_command_has_a_sample() -> None:
    assert len(CASES) >= 200
    assert set(SAMPLE) == set(spec()["commands"])
    assert sum(route == FAST for *_, route in CASES) >= 150


@pytest.mark.parametrize(("args", "env", "route"), CASES,
                         ids=[f"{i}:{' '.join(a)[:60]}" for i, (a, _, _) in enumerate(CASES)])
def test_both_routes_agree_byte_for_byte(args, env, route, capsys, monkeypatch) -> None:
    for name in ("KZIR_LANG", "KZIR_CALENDAR", "KZIR_KB", "KZIR_DEBUG", "KZIR_RTL",
                 "KZIR_CSV_RAW", "NO_COLOR", "_KZIR_COMPLETE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "100")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    served = parse(args) is not None and not debugging(args)
    assert served == (route == FAST), "the expected route did not serve it"
    through_typer = _invoke(args, False, capsys)
    as_run = _invoke(args, True, capsys)
    assert as_run == through_typer


def test_the_spec_is_the_typer_apps() -> None:
    """kzir/cli/spec.json is what tools/cli_spec.py reads off the Typer app today."""
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "cli_spec.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_the_spec_is_shipped_in_the_wheel_beside_the_fast_path() -> None:
    from kzir.cli import fast

    spec_file = Path(fast.SPEC)
    assert spec_file.parent == Path(fast.__file__).resolve().parent
    assert json.loads(spec_file.read_text(encoding="utf-8"))["commands"]


# ---------------------------------------------------------------- the installed entry point

PROCESS_CASES = [
    ["trade", "--year", "1400", "--json"],
    ["treaties", "list"],
    ["--version"],
    ["date", "۲۹", "خرداد", "۱۴۰۱", "--json"],
    ["show", "doc-09-rai", "--json"],
    ["search", "railway", "--limit", "2", "--json"],
    ["check", "--json"],
]


def _process(argv: list[str], *, typer: bool, tty: bool = False,
             env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    full.update({"COLUMNS": "100", "TERM": "xterm"}, **(env or {}))
    command = ([sys.executable, "-c", "from kzir.cli import main; main(fast=False)", *argv]
               if typer else [*kzir_cmd(), *argv])
    if not tty:
        proc = subprocess.run(command, capture_output=True, env=full, timeout=60, check=False)
        return proc.returncode, proc.stdout, proc.stderr
    import pty

    master, slave = pty.openpty()
    child = subprocess.Popen(command, stdout=slave, stderr=subprocess.PIPE, env=full)
    os.close(slave)
    chunks = []
    try:
        while chunk := os.read(master, 65536):
            chunks.append(chunk)
    except OSError:
        pass
    os.close(master)
    assert child.stderr is not None
    err = child.stderr.read()
    child.stderr.close()
    return child.wait(timeout=60), b"".join(chunks), err


@pytest.mark.parametrize("argv", PROCESS_CASES, ids=" ".join)
def test_the_entry_point_agrees_with_typer(argv) -> None:
    assert _process(argv, typer=False) == _process(argv, typer=True)


@pytest.mark.parametrize("env", [{}, {"LANG": "C", "LC_ALL": "C"}, {"NO_COLOR": "1"},
                                 {"TERM": "dumb"}], ids=str)
def test_the_entry_point_agrees_with_typer_on_a_terminal(env) -> None:
    argv = ["treaties", "list", "--lang", "fa"]
    fast = _process(argv, typer=False, tty=True, env=env)
    assert fast == _process(argv, typer=True, tty=True, env=env)
    assert fast[0] == 0 and fast[1]

