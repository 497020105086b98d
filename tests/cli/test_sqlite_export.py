"""`kzir export --format sqlite`: the file opened with sqlite3 as users and datasette open it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kzir import audit, kb
from kzir.model import KINDS
from kzir.search.folding import index_text
from kzir.sqlite_export import SCHEMA_VERSION, kind_columns
from tests_support import kzir_cmd


def _env() -> dict[str, str]:
    """This process's environment without KZIR_* (an in-process `--kb` sets KZIR_KB)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped KB exported by the real CLI in a subprocess, with datasette metadata."""
    where = tmp_path_factory.mktemp("sqlite")
    db, meta = where / "kzir.db", where / "kzir-metadata.json"
    proc = subprocess.run([*kzir_cmd(), "export", "--format", "sqlite", "-o", str(db),
                           "--metadata", str(meta)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" and f"wrote {db}" in proc.stderr
    return db, meta


@pytest.fixture
def con(exported: tuple[Path, Path]):
    connection = sqlite3.connect(f"file:{exported[0]}?mode=ro", uri=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def base() -> kb.KB:
    return kb.load()


def test_the_file_is_sound(exported) -> None:
    con = sqlite3.connect(exported[0])  # FTS5's integrity-check needs a writable handle
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("records_fts", "paragraphs_fts"):  # the index agrees with its content table
        con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    con.close()


def test_the_sqlite3_shell_opens_it(exported) -> None:
    import shutil

    if shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 command-line shell")
    out = subprocess.run(["sqlite3", str(exported[0]), "PRAGMA integrity_check;",
                          "SELECT count(*) FROM records;"], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["ok", str(len(kb.load().records))]


def test_foreign_keys_are_declared(con) -> None:
    def targets(table: str) -> set[tuple[str, str, str]]:
        rows = con.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        return {(r[3], r[2], r[4]) for r in rows}  # (from, table, to)

    assert targets("sources") == {("record_id", "records", "id"), ("paragraph", "paragraphs", "n")}
    assert targets("finding_evidence") == {("finding", "findings", "position"),
                                           ("paragraph", "paragraphs", "n")}
    for kind in KINDS:
        assert targets(kind) == {("id", "records", "id")}


def test_every_record_source_and_paragraph_is_there(con, base) -> None:
    rows = con.execute("SELECT id, kind, json FROM records ORDER BY position").fetchall()
    assert [r[0] for r in rows] == [r.id for r in base.records]
    assert [json.loads(r[2]) for r in rows] == [dict(r.data) for r in base.records]  # round trip
    assert all(r[1] == rec.kind for r, rec in zip(rows, base.records, strict=True))
    sources = con.execute(
        "SELECT record_id, paragraph, quote FROM sources ORDER BY record_id, position").fetchall()
    expected = sorted(((r.id, s.paragraph, s.quote) for r in base.records for s in r.sources),
                      key=lambda t: t[0])
    assert sources == expected
    paragraphs = con.execute("SELECT n, role, fa, en FROM paragraphs ORDER BY n").fetchall()
    assert paragraphs == [(p.n, p.role, p.fa, p.en)
                          for p in sorted(base.paragraphs.values(), key=lambda p: p.n)]
    for kind in KINDS:
        ids = [r[0] for r in con.execute(f"SELECT id FROM {kind} ORDER BY rowid")]
        assert ids == [r.id for r in base.of_kind(kind)]


def test_kind_tables_have_typed_raw_values(con) -> None:
    row = con.execute(
        "SELECT tonnes, typeof(tonnes), usd, typeof(usd), tonnes_qualifier, derived, "
        "typeof(derived), period_jalali, period_gregorian, period_precision "
        "FROM trade WHERE id = 'trade-1400-total'").fetchone()
    assert row == (729000, "integer", 265200000, "integer", "nearly", 0, "integer", "1400",
                   "2021-03-21/2022-03-20", "year")
    assert con.execute("SELECT derived FROM trade WHERE id = 'trade-1399-total'").fetchone() == (1,)
    signed = con.execute("SELECT signed_jalali, signed_gregorian, signed_precision, "
                         "typeof(\"index\"), parties FROM document WHERE \"index\" = 9").fetchone()
    assert signed[:4] == ("1401-03-29", "2022-06-19", "day", "integer")
    assert {p["country"] for p in json.loads(signed[4])} == {"IR", "KZ"}  # nested as JSON
    estimated = con.execute("SELECT DISTINCT typeof(estimated), estimated FROM resource")
    assert set(estimated) == {("integer", 1)}
    declared = {r[1]: r[2] for r in con.execute("PRAGMA table_info(trade)")}
    assert declared["tonnes"] == "INTEGER" and declared["period_jalali"] == "TEXT"
    assert "period" not in declared and "sources" not in declared


def test_a_join_from_trade_to_its_paragraphs(con) -> None:
    rows = con.execute("""
        SELECT t.id, t.tonnes, p.n, s.quote, p.en
        FROM trade t JOIN sources s ON s.record_id = t.id JOIN paragraphs p ON p.n = s.paragraph
        WHERE t.year = 1400 AND t.direction = 'export'""").fetchall()
    assert rows and all(r[0] == "trade-1400-export" and r[1] == 512000 for r in rows)
    assert all(r[3] in kb.load().paragraph(r[2]).fa for r in rows)


@pytest.mark.parametrize(("table", "query", "expected"), [
    ("records", "uranium", "res-uranium"),
    ("records", "اورانیوم", "res-uranium"),
    ("records", "آستانه", "mission-ir-embassy-astana"),  # as typed: with آ
    ("records", "استانه", "mission-ir-embassy-astana"),  # folded: آ as ا
    ("records", "كنسولگري", None),  # Arabic ي/ك: only kzir search folds a query
    ("paragraphs", "Kazakhstan landlocked", 32),
    ("paragraphs", "محصور خشکی", 32),
    ("paragraphs", "۱۴۰۰", 25),
    ("paragraphs", "1400", 25),
])
def test_fts5_match_in_both_languages(con, table, query, expected) -> None:
    phrase = " ".join(f'"{word}"' for word in query.split())  # what datasette's escape_fts does
    key = "id" if table == "records" else "n"
    found = [r[0] for r in con.execute(
        f"SELECT t.{key} FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH ? ORDER BY rank", (phrase,))]
    if expected is None:
        assert found == []
    else:
        assert expected in found


def test_datasette_would_detect_the_fts_tables(con) -> None:
    """datasette's detect_fts: a virtual FTS table whose SQL names content="<table>"."""
    for table in ("records", "paragraphs"):
        found = con.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE "
            "'%VIRTUAL TABLE%USING FTS%content=\"' || ? || '\"%'", (table,)).fetchall()
        assert found == [(f"{table}_fts",)]


def test_findings_are_what_kzir_check_reports(con, base) -> None:
    checked = [f.to_json() for f in audit.run(base)]
    rows = con.execute("SELECT source, json FROM findings WHERE check_order IS NOT NULL "
                       "ORDER BY check_order").fetchall()
    assert [json.loads(j) if source == "computed" else
            audit.finding_from_dict(json.loads(j)).to_json() for source, j in rows] == checked
    curated = con.execute("SELECT json FROM findings WHERE source = 'curated' "
                          "ORDER BY position").fetchall()
    assert [json.loads(r[0]) for r in curated] == [dict(f) for f in base.findings]
    evidence = con.execute("SELECT count(*) FROM finding_evidence").fetchone()[0]
    assert evidence >= len(checked)


def test_meta_names_its_versions_and_the_kb_bytes(con, base) -> None:
    meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert re.fullmatch(r"[0-9a-f]{64}", meta["kb_sha256"]) and meta["kb_sha256"] == kb.sha256()
    assert json.loads(meta["kb_meta"]) == dict(base.meta)
    assert meta["published_jalali"] == "1401-03-29"


def test_datasette_metadata_explains_tables_and_columns(exported, base) -> None:
    db, path = exported
    meta = json.loads(path.read_text(encoding="utf-8"))
    assert meta["title"] == base.meta["title_en"] and "IRNA" in meta["source"]
    tables = meta["databases"][db.stem]["tables"]
    assert set(tables) >= {"records", "paragraphs", "sources", "findings", *KINDS}
    assert tables["trade"]["columns"]["tonnes"] == "Weight traded, in tonnes."
    assert "Jalali" in tables["trade"]["columns"]["period_jalali"]
    # every column of every kind table is described
    con = sqlite3.connect(db)
    for kind in KINDS:
        names = {r[1] for r in con.execute(f"PRAGMA table_info({kind})")}
        assert names == set(tables[kind]["columns"]), kind
        assert all(tables[kind]["columns"].values()), kind
    con.close()


def test_refuses_to_overwrite_without_force(cli, exported, tmp_path) -> None:
    target = tmp_path / "k.db"
    target.write_bytes(b"mine")
    result = cli("export", "-f", "sqlite", "-o", str(target))
    assert result.code == 2 and "already exists" in result.err and "--force" in result.err
    assert target.read_bytes() == b"mine"
    assert cli("export", "-f", "sqlite", "-o", str(target), "--force").code == 0
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == len(kb.load().records)
    con.close()


@pytest.mark.parametrize(("args", "code", "says"), [
    (["export", "-f", "sqlite"], 2, "-o FILE"),
    (["export", "-f", "sqlite", "-o", "-"], 2, "stdout"),
    (["export", "-f", "sqlite", "-o", "{tmp}/x.db", "--kind", "trade"], 2, "--kind"),
    (["export", "-f", "sqlite", "-o", "{tmp}/x.db", "--limit", "3"], 2, "--limit"),
    (["export", "--metadata", "{tmp}/m.json"], 2, "--format sqlite"),
    (["export", "-f", "sqlite", "-o", "{tmp}/no/such/dir/x.db"], 1, "/no/such/dir/x.db"),
    (["export", "-f", "sqlite", "-o", "{tmp}"], 2, "is a directory"),
])
def test_bad_output_requests_are_one_line_errors(cli, tmp_path, args, code, says) -> None:
    result = cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.code == code
    assert says in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert not (tmp_path / "x.db").exists()


def test_other_formats_write_to_a_file_too(cli, tmp_path) -> None:
    target = tmp_path / "trade.jsonl"
    assert cli("export", "-k", "trade", "-f", "jsonl", "-o", str(target)).code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["trade"] * len(lines) and lines


def test_columns_follow_the_values(tmp_path) -> None:
    raws = [{"id": "x-1", "kind": "fact", "sources": [], "n": 1, "r": 1.5, "b": True,
             "mixed": "a", "d": {"jalali": "1400", "gregorian": "2021-03-21/2022-03-20"}},
            {"id": "x-2", "kind": "fact", "sources": [], "n": None, "r": 2, "b": False,
             "mixed": ["a"], "d": None, "d_jalali": "clash"}]
    columns = {c.name: (c.sql_type, c.encode, c.part) for c in kind_columns(raws)}
    assert columns["n"] == ("INTEGER", "raw", None)
    assert columns["r"] == ("REAL", "raw", None)
    assert columns["b"] == ("INTEGER", "bool", None)
    assert columns["mixed"] == ("TEXT", "json", None)
    assert columns["d_jalali"] == ("TEXT", "raw", None)  # the record's own field wins
    assert columns["d"] == ("TEXT", "json", None)  # so the date stays whole, as JSON


def test_index_text_keeps_both_spellings() -> None:
    words = index_text("راه آهن ۱۴۰۰ كتاب رئیس‌جمهور").split()
    assert {"اهن", "آهن", "1400", "۱۴۰۰", "کتاب", "رئیس", "جمهور"} <= set(words)
    assert "كتاب" not in words and "\u200c" not in " ".join(words)


def test_the_readme_join_runs_and_shows_what_it_says(con) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split('$ sqlite3 -header -column kzir.db "', 1)[1]
    sql, shown = block.split('"\n', 1)
    table = shown.split("```", 1)[0].splitlines()[2:]  # below the header and its rule
    rows = con.execute(sql).fetchall()
    assert [(str(r[0]), r[1], str(r[2])) for r in rows] == [tuple(line.split()[:3])
                                                            for line in table]
