"""What a run imports, seen from a fresh interpreter's sys.modules: machine output (and plain text
when piped) never imports Rich, argv the fast path serves never imports Typer, and jdatetime is
imported only where a date is converted. Start-up time is mostly imports; this keeps it so."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from kzir.cli import run
code = run(sys.argv[1:])
sys.stdout.flush()
roots = sorted({m.split('.')[0] for m in sys.modules})
sys.stderr.write('\\n' + json.dumps({'code': int(code), 'roots': roots}) + '\\n')
"""


def _imports(*argv: str) -> tuple[int, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KZIR_", "_KZIR"))}
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60, check=True)
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    return report["code"], set(report["roots"])


NO_DATES = [
    ["--version"],
    ["trade", "--year", "1400", "--json"],
    ["trade", "-f", "csv"],
    ["treaties", "list", "--json"],
    ["treaties", "list"],  # plain text: piped
    ["treaties", "show", "9", "--json"],
    ["show", "doc-09-rail", "--json"],
    ["show", "doc-09-rail", "--fields", "id,signed", "-f", "tsv"],
    ["cite", "doc-09-rail", "-f", "jsonl"],
    ["source", "32", "--json"],
    ["search", "railway", "--json"],
    ["search", "uranium", "reserves", "--limit", "3", "-f", "csv"],
    ["check", "--json"],
    ["check", "--category", "calendar", "-f", "jsonl"],
    ["people", "-f", "jsonl"],
    ["resources", "--json"],
    ["consulates", "--json"],
    ["orgs", "--json"],
    ["profile", "--json"],
    ["culture", "-f", "csv"],
    ["events", "--json"],
    ["visits", "--json"],
    ["export", "-k", "trade"],
    ["export", "--paragraphs", "-f", "jsonl"],
    ["fields", "trade", "--json"],
    ["about", "--json"],
    ["schema"],
]
WITH_DATES = [
    ["date", "1401/3/29", "--json"],
    ["date", "۲۹", "خرداد", "۱۴۰۱", "--json"],
    ["date", "year", "1400", "--json"],
    ["events", "--from", "1400", "--json"],
]


@pytest.mark.parametrize("argv", NO_DATES, ids=" ".join)
def test_machine_output_imports_neither_rich_typer_nor_jdatetime(argv) -> None:
    code, roots = _imports(*argv)
    assert code == 0
    assert not roots & {"rich", "typer", "click", "jdatetime"}


@pytest.mark.parametrize("argv", WITH_DATES, ids=" ".join)
def test_a_converted_date_imports_jdatetime_but_neither_rich_nor_typer(argv) -> None:
    code, roots = _imports(*argv)
    assert code == 0
    assert "jdatetime" in roots
    assert not roots & {"rich", "typer", "click"}


def test_what_the_fast_path_declines_still_runs_through_typer() -> None:
    """The guard is about the fast path serving these, not about Typer being unusable."""
    code, roots = _imports("trade", "--help")
    assert code == 0 and "typer" in roots and "rich" not in roots
