"""A hostile KB through every command and every format it writes.

The KB is a user's file: its strings may hold terminal escape sequences, C1 controls, DEL, bidi
overrides, lone surrogates, Rich markup and spreadsheet formulas. Whatever the command and
format: no traceback, the documented exit code, no raw control character written, JSON that
parses back to exactly the stored values, and CSV cells a spreadsheet will not run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kzir import kb
from tests_support import kzir_cmd

HOSTILE = {
    "escape": "before \x1b[31mred\x1b[0m \x1b]0;title\x07 after",
    "c1": "csi \x9b31m and nel \x85 here",
    "del": "del \x7f here",
    "bidi": "abc \u202edcba\u202c and \u2066isolate\u2069",
    "surrogate": "lone \ud800 surrogate",
    "markup": "[bold red]not markup[/bold red] [link=http://x]y[/link]",
    "formula": "=HYPERLINK(\"http://x\",\"click\")",
}
FORMULAS = ("+1+2", "-2+3", "@SUM(A1)")

# Every command that reads records, with arguments that reach the hostile ones.
COMMANDS = [
    ["treaties", "list"], ["treaties", "show", "1"], ["trade"], ["events"], ["visits"],
    ["resources"], ["consulates"], ["people"], ["orgs"], ["profile"], ["culture"],
    ["show", "doc-01-political-studies"], ["show", "person-tokayev"], ["cite", "person-tokayev"],
    ["source", "1"], ["search", "red"], ["search", "surrogate"], ["check"], ["export"],
    ["about"], ["fields", "person"],
]
BAD_BYTES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_doc() -> dict[str, Any]:
    doc = json.loads(kb.read_data_text("kb.json"))
    values = list(HOSTILE.values())
    for i, record in enumerate(doc["records"]):
        text = values[i % len(values)]
        for key in ("summary_en", "title_en", "name_en", "label_en", "text_en"):
            if key in record:
                record[key] = f"{text} {record[key]}"
        if "summary_fa" in record and i % 3 == 0:
            record["summary_fa"] = FORMULAS[i % len(FORMULAS)] + record["summary_fa"]
    doc["paragraphs"][0]["en"] = HOSTILE["escape"] + doc["paragraphs"][0]["en"]
    return doc


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    doc = _hostile_doc()
    path = tmp_path_factory.mktemp("hostile") / "kb.json"
    # ensure_ascii: the file itself must be valid UTF-8 JSON even with a lone surrogate in it
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path, doc


def _formats(command: list[str]) -> list[str]:
    name = command[:2] if command[0] == "treaties" else command[:1]
    help_text = subprocess.run([*kzir_cmd(), *name, "--help"], capture_output=True, text=True,
                               check=True).stdout
    found = re.search(r"One of: ([a-z, \n]+?)\.", help_text)
    assert found, command
    return [f.strip() for f in found.group(1).replace("\n", " ").split(",")]


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    full.update(env or {})
    return subprocess.run([*kzir_cmd(), *args], capture_output=True, env=full, timeout=60,
                          check=False)


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_format_of_every_command_is_safe(command: list[str], hostile_kb) -> None:
    path, doc = hostile_kb
    stored = _strings(doc)
    for fmt in _formats(command):
        if fmt == "sqlite":  # a file, not a stream: test_sqlite_export_of_a_hostile_kb
            continue
        proc = _run(["--kb", str(path), *command, "-f", fmt])
        where = f"{' '.join(command)} -f {fmt}"
        assert proc.returncode in (0, 3), (where, proc.stderr)
        assert b"Traceback" not in proc.stderr, where
        assert len(proc.stderr.decode("utf-8").splitlines()) <= 3, (where, proc.stderr)
        text = proc.stdout.decode("utf-8")  # strict: a lone surrogate never reaches the stream
        assert not BAD_BYTES.search(text), (where, BAD_BYTES.search(text))
        assert not BAD_BYTES.search(proc.stderr.decode("utf-8")), where
        if fmt in ("json", "jsonl") and text:
            objs = [json.loads(line) for line in text.splitlines()] if fmt == "jsonl" \
                else [json.loads(text)]
            found = _strings(objs)
            hostile_values = {s for s in found if any(h in s for h in HOSTILE.values())}
            assert hostile_values <= stored or command[0] in ("search", "check"), where
        if fmt in ("csv", "tsv") and text:
            rows = list(csv.reader(io.StringIO(text),
                                   dialect="excel" if fmt == "csv" else "excel-tab"))
            for row in rows:
                for cell in row:
                    assert not cell.startswith(("=", "@")), (where, cell)
                    assert not re.match(r"[+-][^0-9.]", cell) and not re.match(r"[+-]\d+[+-]",
                                                                               cell), (where,
                                                                                       cell)


def test_json_keeps_hostile_values_exactly(hostile_kb) -> None:
    path, doc = hostile_kb
    out = json.loads(_run(["--kb", str(path), "export"]).stdout)
    assert out == doc["records"]


def test_csv_formulas_can_be_written_raw_on_request(hostile_kb) -> None:
    path, _doc = hostile_kb
    guarded = _run(["--kb", str(path), "export", "-k", "person", "-f", "csv"]).stdout.decode()
    raw = _run(["--kb", str(path), "export", "-k", "person", "-f", "csv"],
               env={"KZIR_CSV_RAW": "1"}).stdout.decode()
    assert ",'=HYPERLINK" in guarded or "'=HYPERLINK" in guarded
    assert "=HYPERLINK" in raw and "'=HYPERLINK" not in raw


def test_sqlite_export_of_a_hostile_kb(hostile_kb, tmp_path: Path) -> None:
    import sqlite3

    path, doc = hostile_kb
    target = tmp_path / "hostile.db"
    proc = _run(["--kb", str(path), "export", "-f", "sqlite", "-o", str(target)])
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(target) as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        count = db.execute("select count(*) from records").fetchone()[0]
    assert count == len(doc["records"])
