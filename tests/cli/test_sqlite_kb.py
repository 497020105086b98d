"""`--kb FILE.db`: the SQLite export read back answers every command as the JSON KB it came from.

Every command runs as a real process on the bundled KB and on its export, and their JSON output
is compared byte for byte (about's `kb`, the path given, aside). Damaged, foreign and outdated
files are one line and exit 1.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kzir import kb as kbmod
from kzir.sqlite_export import SCHEMA_VERSION
from tests_support import kzir_cmd, synthetic_kb


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*kzir_cmd(), *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=_env())


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-kb") / "kb.db"
    proc = _run("export", "--format", "sqlite", "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


COMMANDS = [
    ["treaties", "list"], ["treaties", "list", "--field", "rail"], ["treaties", "show", "9"],
    ["trade"], ["trade", "--year", "1400"], ["trade", "--year", "۱۳۹۹", "--direction", "export"],
    ["events"], ["visits"], ["resources"], ["resources", "--rank", "1"], ["consulates"],
    ["people"], ["orgs"], ["profile"], ["culture"], ["show", "doc-09-rail"],
    ["show", "person-tokayev"], ["cite", "doc-09-rail"], ["source", "25"], ["check"],
    ["check", "--category", "arithmetic"], ["export"], ["export", "--kind", "trade"],
    ["export", "--paragraphs"], ["export", "--format", "jsonl", "--kind", "event"],
    ["export", "--format", "csv", "--kind", "mission"], ["fields", "trade"],
    ["search", "railway"], ["search", "how many consulates does Iran have", "--explain"],
    ["search", "صادرات ایران به قزاقستان ۱۴۰۰", "--explain"], ["search", "tokaev"],
    ["search", "رئیس‌جمهور", "--kind", "person"], ["search", "کی بود"],
    ["search", "uranium", "--limit", "2", "--lang", "fa"], ["search", "zzqx"],
    ["search", "Tokayev"], ["search", "KTZ"], ["search", "who signed the rail memorandum"],
    ["search", "where is the consulate in Almaty", "--explain"], ["search", "آلماتی"],
    ["show", "no-such-id"], ["source", "999"], ["trade", "--year", "1390"],
    ["treaties", "list", "--limit", "3"], ["events", "--limit", "4"], ["visits", "--limit", "2"],
    ["people", "--limit", "2"], ["orgs", "--limit", "5"], ["consulates", "--limit", "1"],
    ["resources", "--limit", "3"], ["events", "--limit", "2", "--type", "visit"],
    ["treaties", "list", "--limit", "2", "--sort", "-index"], ["events", "--limit", "0"],
    ["people", "--limit", "2", "--fields", "name,id"], ["treaties", "list", "--limit", "20"],
    ["treaties", "list", "--limit", "2", "--party", ""],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_answers_the_same_from_the_export(db: Path, args: list[str]) -> None:
    json_args = [*args, "--json"] if "--format" not in args else args
    bundled = _run(*json_args)
    exported = _run("--kb", str(db), *json_args)
    assert (exported.returncode, exported.stdout, exported.stderr) == \
        (bundled.returncode, bundled.stdout, bundled.stderr)
    assert bundled.stdout or bundled.returncode in (2, 3)


@pytest.mark.parametrize("args", [
    ["events", "--limit", "1"], ["visits", "--limit", "2", "--lang", "fa"],
    ["treaties", "list", "--limit", "4", "--lang", "fa"], ["people", "--limit", "2", "-f", "md"],
    ["orgs", "--limit", "3", "-f", "csv"],
], ids=" ".join)
def test_limited_listings_print_the_same_for_people(db: Path, args: list[str]) -> None:
    """Plain text when piped, with the notes and the "N of M shown" line on stderr."""
    bundled = _run(*args)
    exported = _run("--kb", str(db), *args)
    assert (exported.returncode, exported.stdout, exported.stderr) == \
        (bundled.returncode, bundled.stdout, bundled.stderr)
    assert "(--limit " in bundled.stderr


def test_a_limited_listing_reads_only_the_rows_it_shows(db: Path, tmp_path: Path) -> None:
    """Every record of a kind but the first five in its listing order (but the people those
    events name: Raisi, Tokayev) made unreadable: --limit 5 still answers as before; the whole
    listing fails."""
    damaged = tmp_path / "damaged.db"
    shutil.copy(db, damaged)
    con = sqlite3.connect(damaged)
    with con:
        for kind in ("document", "event", "person"):
            con.execute("UPDATE records SET json = '{' WHERE position IN (SELECT position FROM "
                        "listing WHERE kind = ? AND rank > 5)", (kind,))
        named = {p for (text,) in con.execute(
            "SELECT r.json FROM listing l JOIN records r ON r.position = l.position "
            "WHERE l.kind = 'event' AND l.rank <= 5") for p in json.loads(text)["participants"]}
        assert named == {"person-raisi", "person-tokayev"}
        con.execute(f"UPDATE records SET json = '{{' WHERE kind = 'person' AND id NOT IN "
                    f"({','.join('?' * len(named))}) AND position NOT IN (SELECT position FROM "
                    "listing WHERE kind = 'person' AND rank <= 5)", sorted(named))
    con.close()
    for args in (["treaties", "list"], ["events"], ["people"]):
        limited = [*args, "--limit", "5", "--json"]
        proc = _run("--kb", str(damaged), *limited)
        assert (proc.returncode, proc.stdout, proc.stderr) == \
            (0, _run(*limited).stdout, _run(*limited).stderr), args
        assert _run("--kb", str(damaged), *args, "--json").returncode != 0, args


def test_about_names_the_source_kb_and_its_sha256(db: Path) -> None:
    bundled = json.loads(_run("about", "--json").stdout)
    exported = json.loads(_run("--kb", str(db), "about", "--json").stdout)
    assert exported.pop("kb") == str(db)
    bundled.pop("kb")
    assert exported == bundled
    assert bundled["kb_sha256"] == hashlib.sha256(
        kbmod.data_file("kb.json").read_bytes()).hexdigest()


def test_a_reexport_is_the_same_database(db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    proc = _run("--kb", str(db), "export", "--format", "sqlite", "-o", str(again))
    assert proc.returncode == 0, proc.stderr
    first, second = sqlite3.connect(db), sqlite3.connect(again)
    for table in ("records", "sources", "paragraphs", "findings", "finding_evidence", "trade",
                  "person", "words", "name_words"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert first.execute(query).fetchall() == second.execute(query).fetchall(), table
    query = "SELECT key, value FROM meta WHERE key NOT IN ('kb') ORDER BY key"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()


def test_queries_never_change_the_file(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ro.db"
    shutil.copy(db, copy)
    copy.chmod(0o444)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    for args in (["search", "railway"], ["trade"], ["check"], ["show", "doc-09-rail"]):
        proc = _run("--kb", str(copy), *args, "--json")
        assert proc.returncode == 0, proc.stderr
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.db"]  # no journal, no -wal


def _refused(path: Path, *needles: str) -> None:
    proc = _run("--kb", str(path), "trade", "--json")
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("{")]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_a_file_of_another_export_version_is_refused_with_how_to_rebuild(
        db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    con = sqlite3.connect(old)
    with con:
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    _refused(old, "version 1", f"reads version {SCHEMA_VERSION}", "rebuild it", "--force")


def test_foreign_damaged_and_truncated_files_are_one_line(db: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.close()
    _refused(foreign, "not a kzir SQLite KB")
    truncated = tmp_path / "truncated.db"
    data = db.read_bytes()
    truncated.write_bytes(data[:len(data) // 3])
    proc = _run("--kb", str(truncated), "search", "railway", "--json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    header_only = tmp_path / "header.json"  # the name does not matter, the bytes do
    header_only.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    _refused(header_only, "cannot read KB")


def test_a_synthetic_kb_searches_alike_from_json_and_sqlite(tmp_path: Path) -> None:
    """3,000 records whose common words are in hundreds of documents: the same ids and scores."""
    source = tmp_path / "kb.json"
    source.write_text(json.dumps(synthetic_kb(3000, 3), ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "kb.db"
    assert _run("--kb", str(source), "export", "--format", "sqlite", "-o", str(db)).returncode == 0
    for query in ("railway agreement", "consulate Almaty", "صادرات ایران"):
        from_json = json.loads(_run("--kb", str(source), "search", query, "--json").stdout)
        from_db = json.loads(_run("--kb", str(db), "search", query, "--json").stdout)
        assert [h["id"] for h in from_db] == [h["id"] for h in from_json], query
        assert [h["score"] for h in from_db] == [h["score"] for h in from_json], query


def test_a_synthetic_kb_lists_alike_from_json_and_sqlite(tmp_path: Path) -> None:
    """3,000 records: the first 25 of each listing and the count line, from the stored order."""
    source = tmp_path / "kb.json"
    source.write_text(json.dumps(synthetic_kb(3000, 4), ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "kb.db"
    assert _run("--kb", str(source), "export", "--format", "sqlite", "-o", str(db)).returncode == 0
    for args in (["treaties", "list"], ["events"], ["people"], ["orgs"], ["consulates"],
                 ["resources"]):
        command = [*args, "--limit", "25", "--json"]
        from_json = _run("--kb", str(source), *command)
        from_db = _run("--kb", str(db), *command)
        assert (from_db.returncode, from_db.stdout) == (0, from_json.stdout), args
        assert from_db.stderr.splitlines()[-1] == from_json.stderr.splitlines()[-1], args
        assert len(json.loads(from_db.stdout)) == 25, args


def test_the_entities_a_word_names_are_the_same_from_the_export(db: Path) -> None:
    """Every word of every entity's names, alone and in pairs: the same ids from the SQLite
    KB's name_words table as from the in-memory index, for people and for all entities."""
    from kzir import sqlite_kb
    from kzir.search.dbindex import DbIndex
    from kzir.search.index import Index
    from kzir.search.intent import ENTITY_KINDS, own_names

    memory = Index(kbmod.load(None))
    stored = sqlite_kb.load(str(db))
    on_disk = DbIndex(stored, stored.store)
    words = sorted({w for r in memory.records for name in own_names(r) for w in name.split()})
    assert len(words) > 100
    for kinds in (frozenset({"person"}), ENTITY_KINDS):
        for pair in zip(words, [*words[1:], *words[:1]], strict=True):
            assert on_disk.named(pair, kinds) == memory.named(pair, kinds), pair
        assert on_disk.named(words, kinds) == memory.named(words, kinds)
        assert on_disk.named(words, kinds)


def test_a_big_json_kb_gets_a_hint_to_convert(tmp_path: Path) -> None:
    """Over 20 MB (about 45,000 synthetic records): one line on stderr, the data unchanged;
    not while converting it."""
    source = tmp_path / "big.json"
    doc = synthetic_kb(48_000, 5)
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert source.stat().st_size > kbmod.HINT_BYTES
    proc = _run("--kb", str(source), "trade", "--year", "1400", "--json")
    assert proc.returncode == 0
    assert proc.stderr.count("\n") == 1 and "export --format sqlite" in proc.stderr
    assert "trade-1400-export" in {t["id"] for t in json.loads(proc.stdout)}
    db = tmp_path / "big.db"
    proc = _run("--kb", str(source), "export", "--format", "sqlite", "-o", str(db))
    assert proc.returncode == 0 and "convert it once" not in proc.stderr
