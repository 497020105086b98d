"""`kzir about` and `kzir fields KIND` against the shipped KB and its schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kzir import kb
from kzir.model import KINDS

ROOT = Path(__file__).resolve().parents[2]


def test_about_names_the_article_and_the_exact_kb(cli) -> None:
    info = cli("about", "--json").json()
    assert info["source"].startswith("IRNA")
    assert (info["published"]["jalali"], info["published"]["gregorian"]) == ("1401-03-29",
                                                                              "2022-06-19")
    assert info["kb_sha256"] == hashlib.sha256((ROOT / "data" / "kb.json").read_bytes()).hexdigest()
    assert info["kb_version"] == json.loads((ROOT / "data" / "kb.json").read_text())["meta"][
        "version"]
    base = kb.load()
    assert info["counts"] == {k: len(base.of_kind(k)) for k in KINDS}
    assert info["records"] == len(base.records) and info["paragraphs"] == len(base.paragraphs)


def test_about_for_people(cli) -> None:
    out = cli("about").out
    assert "1401-03-29 (2022-06-19)" in out and "9 document" in out and "SHA-256" in out
    assert "1401-03-29" in cli("about", "--calendar", "jalali").out
    assert "2022-06-19" not in cli("about", "--calendar", "jalali").out


def test_about_another_kb(cli, tmp_path) -> None:
    doc = json.loads((ROOT / "data" / "kb.json").read_text(encoding="utf-8"))
    doc["records"] = [r for r in doc["records"] if r["kind"] == "trade"]
    path = tmp_path / "small.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    info = cli("--kb", str(path), "about", "--json").json()
    assert info["counts"]["trade"] == info["records"] == 9 and info["counts"]["document"] == 0
    assert info["kb_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", [*KINDS, "finding", "paragraph"])
def test_fields_describe_every_field_the_kb_uses(cli, kind) -> None:
    fields = cli("fields", kind, "--json").json()
    names = [f["name"] for f in fields]
    assert len(names) == len(set(names))
    assert all(f["description"] and f["type"] for f in fields), kind
    base = kb.load()
    if kind in KINDS:
        used = {k for r in base.of_kind(kind) for k in r.data}
        assert used <= set(names), used - set(names)
        assert names[:2] == ["id", "kind"]
    elif kind == "finding":
        assert {k for f in base.findings for k in f} <= set(names)


def test_fields_types_and_table(cli) -> None:
    trade = {f["name"]: f for f in cli("fields", "trade", "--json").json()}
    assert trade["tonnes"]["type"] == "integer|null" and trade["tonnes"]["required"]
    assert trade["direction"]["enum"] == ["total", "export", "import"]
    assert trade["period"]["type"] == "date|null"
    table = cli("fields", "trade").out
    assert "tonnes" in table and "Weight traded, in tonnes." in table
    assert "total | export | import" in table


def test_fields_unknown_kind(cli) -> None:
    result = cli("fields", "treaty")
    assert result.code == 2 and "unknown kind 'treaty'" in result.err and "document" in result.err
