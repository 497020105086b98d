"""Every command through the installed `kzir` entry point, with arguments in the shapes people type.

Each group below is one request written several ways — one word or several, quoted as one argument
or not, options before or after the positional arguments, `--opt=value`, Persian digits. Every
spelling must succeed and print exactly the same bytes. This is the test that would have caught
search losing its QUERY argument on Python 3.10 (the suite runs on every supported Python).
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests_support import kzir_cmd

GROUPS: dict[str, list[list[str]]] = {
    "search one word": [
        ["search", "railway", "--json"],
        ["search", "--json", "railway"],
        ["search", "-f", "json", "railway"],
        ["search", "railway", "--format=json"],
    ],
    "search several words": [
        ["search", "rail", "agreement", "--json"],
        ["search", "rail agreement", "--json"],
        ["search", "--json", "rail", "agreement"],
        ["search", "--json", "--", "rail", "agreement"],
    ],
    "search a Persian question": [
        ["search", "راه آهن", "--json", "-n", "3"],
        ["search", "راه", "آهن", "--json", "-n", "3"],
        ["search", "-n", "۳", "--json", "راه", "آهن"],
    ],
    "search with a kind": [
        ["search", "uranium", "--kind", "resource", "--json"],
        ["search", "--kind=resource", "uranium", "--json"],
        ["search", "-k", "resource", "--json", "uranium"],
    ],
    "treaties list": [
        ["treaties", "list", "--json"],
        ["treaties", "list", "--format", "json"],
    ],
    "treaties list by field": [
        ["treaties", "list", "--field", "trade", "--json"],
        ["treaties", "list", "--json", "--field=trade"],
    ],
    "treaties show": [
        ["treaties", "show", "9", "--json"],
        ["treaties", "show", "--json", "۹"],
        ["treaties", "show", "doc-09-rail", "--json"],
    ],
    "trade by year": [
        ["trade", "--year", "1400", "--json"],
        ["trade", "--json", "--year", "۱۴۰۰"],
        ["trade", "--year=1400", "--json"],
        ["trade", "-y", "1400", "--json"],
    ],
    "trade by direction": [
        ["trade", "--direction", "export", "--json"],
        ["trade", "--json", "-d", "export"],
    ],
    "events from a year": [
        ["events", "--from", "1401", "--json"],
        ["events", "--json", "--from", "۱۴۰۱"],
        ["events", "--from=1401", "--json"],
    ],
    "events in a range": [
        ["events", "--from", "1401-03-01", "--to", "1401-03-31", "--json"],
        ["events", "--to", "1401-03-31", "--json", "--from", "1401-03-01"],
    ],
    "visits": [["visits", "--json"], ["visits", "-f", "json"]],
    "resources by rank": [
        ["resources", "--max-rank", "5", "--json"],
        ["resources", "--json", "--max-rank=۵"],
    ],
    "consulates by country": [
        ["consulates", "--country", "IR", "--json"],
        ["consulates", "--json", "-c", "IR"],
    ],
    "people": [["people", "--json"], ["people", "--format=json"]],
    "orgs": [["orgs", "--json"], ["orgs", "-f", "json"]],
    "profile": [["profile", "--json"], ["profile", "--format", "json"]],
    "culture": [["culture", "--json"], ["culture", "-f", "json"]],
    "show": [
        ["show", "doc-09-rail", "--json"],
        ["show", "--json", "doc-09-rail"],
    ],
    "cite": [
        ["cite", "doc-09-rail", "--json"],
        ["cite", "--json", "doc-09-rail"],
    ],
    "source": [
        ["source", "24", "--json"],
        ["source", "--json", "۲۴"],
    ],
    "date in words": [
        ["date", "29", "Khordad", "1401", "--json"],
        ["date", "29 Khordad 1401", "--json"],
        ["date", "--json", "29 Khordad 1401"],
    ],
    "date year": [
        ["date", "year", "1401", "--json"],
        ["date", "--json", "year", "۱۴۰۱"],
    ],
    "check": [["check", "--json"], ["check", "--format", "json"]],
    "export a kind": [
        ["export", "--kind", "trade"],
        ["export", "-k", "trade", "-f", "json"],
        ["export", "--kind=trade", "--format", "json"],
    ],
    "root options before the command": [
        ["trade", "--year", "1400", "--json"],
        ["--rtl", "logical", "trade", "--year", "1400", "--json"],
    ],
}


def _run(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    return subprocess.run([*kzir_cmd(), *args], capture_output=True, env=env, timeout=60,
                          check=False)


@pytest.mark.parametrize("name", list(GROUPS))
def test_every_spelling_of_a_request_gives_the_same_output(name: str) -> None:
    runs = [(args, _run(args)) for args in GROUPS[name]]
    for args, proc in runs:
        assert proc.returncode == 0, (args, proc.stderr.decode())
        assert b"kzir:" not in proc.stderr, (args, proc.stderr.decode())  # no error line
        data = json.loads(proc.stdout)
        assert data, f"{args} printed an empty result"
    first_args, first = runs[0]
    for args, proc in runs[1:]:
        assert proc.stdout == first.stdout, f"{args} differs from {first_args}"
        assert proc.stderr == first.stderr, f"{args}: stderr differs from {first_args}"


def test_search_finds_what_the_words_ask_for() -> None:
    """Guards against an argument that parses but is dropped: the query must reach the ranking."""
    rail = json.loads(_run(["search", "railway", "--json", "-n", "1"]).stdout)
    uranium = json.loads(_run(["search", "uranium", "--json", "-n", "1"]).stdout)
    assert rail[0]["id"] != uranium[0]["id"]
    assert "rail" in json.dumps(rail[0]).lower()
    assert "uranium" in json.dumps(uranium[0]).lower()


def test_options_after_a_positional_are_honoured() -> None:
    limited = json.loads(_run(["search", "Kazakhstan", "--json", "-n", "2"]).stdout)
    assert len(limited) == 2
    year = json.loads(_run(["trade", "--json", "--year", "1400"]).stdout)
    assert {row["year"] for row in year} == {1400}
