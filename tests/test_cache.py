"""The cache of big KBs (kzir.cache, kzir.kbstore): same answers, no second parse, never stale.

A synthetic KB just over the size from which kzir caches (benchmarks/make_synthetic_kb.py) is
loaded in this process and by the installed command; each test has its own cache directory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzir import cache as kbcache
from kzir import kb as kbmod
from kzir import kbstore
from kzir import search as S
from kzir.errors import KbError
from tests_support import synthetic_kb

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def big_doc() -> dict[str, Any]:
    doc = synthetic_kb(6000, 3)
    assert len(json.dumps(doc, ensure_ascii=False).encode()) >= kbcache.MIN_BYTES
    return doc


@pytest.fixture
def big_kb(big_doc: dict[str, Any], tmp_path: Path) -> Path:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(big_doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("KZIR_CACHE_DIR", str(directory))
    monkeypatch.delenv("KZIR_NO_CACHE", raising=False)
    return directory


def fresh_load(path: Path) -> kbmod.KB:
    """Load as a new process would (the per-process memo of loaded KBs cleared)."""
    kbmod._load.cache_clear()
    return kbmod.load(path)


def entries(directory: Path) -> list[str]:
    """The names of the entries kept in a cache directory (`<key>.<name>.kzir`)."""
    if not directory.exists():
        return []
    return sorted(p.name.split(".")[1] for p in directory.iterdir() if p.suffix == ".kzir")


# --------------------------------------------------------------------------------------------
# The stored form of a KB
# --------------------------------------------------------------------------------------------

def test_stored_records_read_back_equal_in_order() -> None:
    doc = json.loads(kbmod.read_data_text("kb.json"))
    stored = kbstore.unpack(kbstore.pack(doc))
    assert stored is not None
    records = stored["records"]
    assert len(records) == len(doc["records"])
    assert list(records) == doc["records"]
    assert [list(r) for r in records] == [list(r) for r in doc["records"]]  # key order kept
    assert records[-1] == doc["records"][-1]
    picks = (17, 3, 17, 160, 15, 16)  # across and within chunks, in any order
    assert [records[i] for i in picks] == [doc["records"][i] for i in picks]
    assert records[2:5] == doc["records"][2:5]
    with pytest.raises(IndexError):
        records[len(doc["records"])]
    assert (stored["meta"], stored["paragraphs"]) == (doc["meta"], doc["paragraphs"])


def _packed_with(**changes: Any) -> tuple[Any, ...]:
    packed = list(kbstore.pack(json.loads(kbmod.read_data_text("kb.json"))))
    names = ["format", "meta", "paragraphs", "findings", "data", "offsets", "count"]
    for name, value in changes.items():
        packed[names.index(name)] = value
    return tuple(packed)


@pytest.mark.parametrize("junk", [
    None, 7, (), ("x",), (99, {}, [], [], b"", b"", 0),
    _packed_with(format=1), _packed_with(count=500), _packed_with(offsets=b"\x00" * 7),
    _packed_with(data=b"short"), _packed_with(meta=[]), _packed_with(data="text"),
])
def test_anything_else_is_not_a_stored_kb(junk: Any) -> None:
    assert kbstore.unpack(junk) is None


# --------------------------------------------------------------------------------------------
# Loading a big KB twice
# --------------------------------------------------------------------------------------------

def test_second_load_neither_parses_nor_validates(big_kb: Path, cache_dir: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_load(big_kb)
    assert "kb" in entries(cache_dir)

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("parsed or validated again")

    monkeypatch.setattr(kbmod.json, "loads", forbidden)
    monkeypatch.setattr(kbmod, "validate", forbidden)
    second = fresh_load(big_kb)
    assert list(second.raw_records) == list(first.raw_records)
    assert second.paragraphs == first.paragraphs and second.meta == first.meta
    assert second.get("res-uranium").data == first.get("res-uranium").data


def test_search_answers_the_same_from_the_cache(big_kb: Path, cache_dir: Path) -> None:
    queries = ["how many consulates does Iran have", "صادرات ایران به قزاقستان ۱۴۰۰",
               "رئیس‌جمهور قزاقستان", "uranium"]

    def answers() -> list[Any]:
        kb = fresh_load(big_kb)
        out = []
        for q in queries:
            results = S.search(kb, q, limit=20, explain=True)
            out.append((results.total, [(h.id, h.score, h.snippet, h.explain, h.sources)
                                        for h in results.hits]))
        return out

    cold = answers()
    assert {"search-text-en", "search-text-fa", "search-words-fa", "search-kinds"} <= set(
        entries(cache_dir))
    assert answers() == cold


def test_the_command_prints_the_same_cold_warm_and_uncached(big_kb: Path, tmp_path: Path,
                                                            kzir_process) -> None:
    env = {"KZIR_CACHE_DIR": str(tmp_path / "c")}
    for args in (["search", "کنسولگری ایران", "--json"], ["people", "--format", "csv"]):
        cold = kzir_process(*args, "--kb", str(big_kb), env=env)
        warm = kzir_process(*args, "--kb", str(big_kb), env=env)
        off = kzir_process(*args, "--kb", str(big_kb), env={"KZIR_NO_CACHE": "1"})
        assert cold.code == warm.code == off.code == 0, cold.err
        assert cold.out == warm.out == off.out
    assert "kb" in entries(tmp_path / "c")


# --------------------------------------------------------------------------------------------
# Never stale, never in the way
# --------------------------------------------------------------------------------------------

def test_an_invalid_kb_is_never_stored_and_refused_every_time(big_doc: dict[str, Any],
                                                              tmp_path: Path,
                                                              cache_dir: Path) -> None:
    doc = json.loads(json.dumps(big_doc))
    doc["records"][-1]["sources"] = []
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KbError, match="sources"):
            fresh_load(path)
    assert "kb" not in entries(cache_dir)


def test_a_changed_kb_is_read_again(big_kb: Path, cache_dir: Path) -> None:
    fresh_load(big_kb)
    doc = json.loads(big_kb.read_text(encoding="utf-8"))
    doc["records"][0]["summary_en"] = "A summary changed after the first run"
    big_kb.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert fresh_load(big_kb).raw_records[0]["summary_en"] == doc["records"][0]["summary_en"]
    doc["records"][0]["summary_en"] = ""  # and a change that breaks the schema is refused
    big_kb.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KbError, match="summary_en"):
        fresh_load(big_kb)


@pytest.mark.parametrize("damage", ["garbage", "bytes changed in the middle", "truncated"])
def test_a_damaged_entry_is_ignored_and_replaced(big_kb: Path, cache_dir: Path,
                                                 damage: str) -> None:
    expected = list(fresh_load(big_kb).raw_records)
    (entry,) = cache_dir.glob("*.kb.kzir")
    good = entry.read_bytes()
    if damage == "garbage":
        bad = b"\x00 not marshal"
    elif damage == "truncated":
        bad = good[:len(good) // 2]
    else:  # same length, still marshal: one record id swapped for another's
        first, second = (r["id"].encode() for r in expected[-2:])
        bad = good.replace(second, first) if len(first) == len(second) else good[:-8] + b"x" * 8
    assert bad != good
    entry.write_bytes(bad)
    assert list(fresh_load(big_kb).raw_records) == expected
    assert entry.read_bytes() == good  # replaced by the run that found it damaged
    assert list(fresh_load(big_kb).raw_records) == expected


def test_entries_of_the_wrong_shape_are_rebuilt(big_kb: Path, cache_dir: Path) -> None:
    import marshal

    expected = [(h.id, h.score) for h in S.search(fresh_load(big_kb), "ایران", limit=20).hits]
    for entry in cache_dir.iterdir():
        entry.write_bytes(marshal.dumps((1, [2], b"3")))
    for _ in range(2):
        kb = fresh_load(big_kb)
        assert [(h.id, h.score) for h in S.search(kb, "ایران", limit=20).hits] == expected


@pytest.mark.parametrize(("value", "cached"), [("1", False), ("yes", False), ("true", False),
                                               ("0", True), ("false", True), ("", True)])
def test_kzir_no_cache(big_kb: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                       value: str, cached: bool) -> None:
    monkeypatch.setenv("KZIR_NO_CACHE", value)
    S.search(fresh_load(big_kb), "uranium")
    assert ("kb" in entries(cache_dir)) == cached


def test_a_new_kzir_does_not_trust_the_old_ones_entries(big_kb: Path, cache_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Another version of kzir's code, schema or Python: another key, so parsed and validated
    again (here the schema check is made to refuse, as a stricter schema would)."""
    fresh_load(big_kb)
    assert "kb" in entries(cache_dir)
    monkeypatch.setattr(kbcache, "code_fingerprint", lambda: b"another kzir")

    def stricter(*args: Any, **kwargs: Any) -> None:
        raise KbError("invalid KB: refused by the new schema")

    monkeypatch.setattr(kbmod, "validate", stricter)
    with pytest.raises(KbError, match="new schema"):
        fresh_load(big_kb)


def test_a_directory_others_can_write_to_is_not_used(big_kb: Path, cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    S.search(fresh_load(big_kb), "uranium")
    assert entries(cache_dir) == []
    cache_dir.chmod(0o700)
    S.search(fresh_load(big_kb), "uranium")
    assert "kb" in entries(cache_dir)


def test_an_unusable_cache_directory_changes_nothing(big_kb: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("KZIR_CACHE_DIR", str(blocker / "cache"))
    kb = fresh_load(big_kb)
    assert S.search(kb, "uranium").hits[0].id == "res-uranium"


def test_the_bundled_and_small_kbs_are_never_cached(cache_dir: Path, tmp_path: Path) -> None:
    small = tmp_path / "small.json"
    small.write_text(kbmod.read_data_text("kb.json"), encoding="utf-8")
    S.search(fresh_load(small), "uranium")
    S.search(fresh_load(None), "uranium")  # type: ignore[arg-type]
    assert not cache_dir.exists()


def test_only_the_most_recently_used_kbs_are_kept(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import os
    import time

    monkeypatch.setattr(kbcache, "MAX_KBS", 2)
    now = time.time()
    # What a shared directory may also hold: none of it is kzir's, none of it may go.
    theirs = [tmp_path / f"{hashlib.md5(str(i).encode()).hexdigest()}.json" for i in range(3)]
    theirs += [tmp_path / "notes.txt", tmp_path / ".tmp-notes", tmp_path / ("0" * 32 + ".kb")]
    for path in theirs:
        path.write_text("not kzir's")
        os.utime(path, (now - 86400, now - 86400))
    (tmp_path / ".kzir-tmp-dir").mkdir()
    (tmp_path / ".kzir-tmp-link").symlink_to(tmp_path / "missing")
    stale, fresh = tmp_path / ".kzir-tmp-stale", tmp_path / ".kzir-tmp-fresh"
    for path, age in ((stale, 7200), (fresh, 10)):
        path.write_bytes(b"left by an interrupted run")
        os.utime(path, (now - age, now - age))
    for path in (tmp_path / ".kzir-tmp-dir",):
        os.utime(path, (now - 7200, now - 7200))

    caches = [kbcache.KbCache(tmp_path, f"content {i}".encode()) for i in range(3)]
    assert len({c.key for c in caches}) == 3
    assert kbcache.KbCache(tmp_path, b"content 0").key == caches[0].key
    for i, cache in enumerate(caches):
        cache.put("a", i)
        cache.put("b", [i])
        for path in tmp_path.glob(f"{cache.key}.*"):  # used long ago, oldest first
            os.utime(path, (now - 1000 + i, now - 1000 + i))
    assert caches[0].get("a") is None
    assert (caches[1].get("a"), caches[2].get("b")) == (1, [2])
    assert all(path.read_text() == "not kzir's" for path in theirs)
    assert not stale.exists() and fresh.exists() and (tmp_path / ".kzir-tmp-dir").is_dir()
    assert len(list(tmp_path.glob("*.kzir"))) == 4
