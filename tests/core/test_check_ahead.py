"""`kzir check` computes only what it must: the bundled KB's findings are stored ahead
(data/findings.json), a --kb file's are computed, and the duplicate check's cheap difflib bounds
change no finding."""

from __future__ import annotations

import difflib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kzir import audit, kb
from kzir.audit import checks, stored
from kzir.audit.duplicates import check_duplicates

ROOT = Path(__file__).resolve().parents[2]


def test_the_stored_findings_are_what_the_checks_compute_today() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "findings.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_the_bundled_kb_reads_them_and_they_equal_a_fresh_run() -> None:
    bundled = kb.load()
    read = stored.read()
    assert read is not None, "data/findings.json does not match the bundled kb.json and article"
    fresh = checks.run(bundled)
    assert read == fresh
    assert [f.to_json() for f in read] == [f.to_json() for f in fresh]
    assert audit.findings(bundled) == fresh


def test_they_are_not_read_when_the_data_differs(monkeypatch) -> None:
    monkeypatch.setattr(stored, "fingerprint", lambda: {"kb.json": "0" * 64})
    assert stored.read() is None
    ran: list[kb.KB] = []
    monkeypatch.setattr(checks, "run", lambda base: ran.append(base) or [])
    assert audit.findings(kb.load()) == [] and ran  # computed instead


def test_a_kb_file_is_computed_even_with_the_bundled_contents(tmp_path, monkeypatch) -> None:
    path = tmp_path / "kb.json"
    path.write_bytes(kb.read_data_bytes("kb.json"))
    own = kb.load(str(path))
    monkeypatch.setattr(stored, "read", lambda: pytest.fail("stored findings read for --kb"))
    assert [f.to_json() for f in audit.findings(own)] == \
        [f.to_json() for f in checks.run(kb.load())]


def _without_bounds(monkeypatch) -> None:
    """difflib's upper bounds never rule a pair out: every pair gets its full ratio()."""
    monkeypatch.setattr(difflib.SequenceMatcher, "real_quick_ratio", lambda self: 1.0)
    monkeypatch.setattr(difflib.SequenceMatcher, "quick_ratio", lambda self: 1.0)


def test_duplicate_findings_are_the_same_without_the_cheap_bounds(monkeypatch) -> None:
    bundled = kb.load()
    with_bounds = check_duplicates(bundled)
    assert any(f.id.startswith("duplicate-p") for f in with_bounds)
    _without_bounds(monkeypatch)
    assert check_duplicates(bundled) == with_bounds


def _synthetic_article() -> dict[int, str]:
    """Paragraphs of random sentences from a small vocabulary, some repeated with a word or two
    changed, dropped or added: pairs on both sides of the similarity threshold."""
    rng = random.Random(15)
    words = [f"واژه{i}" for i in range(40)]
    sentences = [" ".join(rng.choices(words, k=rng.randint(6, 24))) + "." for _ in range(60)]
    paragraphs: dict[int, str] = {}
    for n in range(1, 31):
        chosen = rng.sample(sentences, 3)
        if n > 1 and rng.random() < 0.5:
            copy = rng.choice(paragraphs[rng.randint(1, n - 1)].split(". ")).rstrip(".").split()
            for _ in range(rng.randint(0, 4)):
                edit = rng.choice(("swap", "drop", "add"))
                i = rng.randrange(len(copy))
                if edit == "swap":
                    copy[i] = rng.choice(words)
                elif edit == "drop" and len(copy) > 1:
                    del copy[i]
                else:
                    copy.insert(i, rng.choice(words))
            chosen.append(" ".join(copy) + ".")
        paragraphs[n] = " ".join(chosen)
    return paragraphs


def test_the_cheap_bounds_change_nothing_on_a_synthetic_article(monkeypatch) -> None:
    bundled = kb.load()
    article = _synthetic_article()
    with_bounds = check_duplicates(bundled, article)
    warnings = [f for f in with_bounds if f.severity == "warning"]
    assert len(warnings) >= 5  # near-duplicates found, so the bounds were tested on them
    _without_bounds(monkeypatch)
    assert check_duplicates(bundled, article) == with_bounds


def test_the_stored_file_names_its_sources() -> None:
    doc = json.loads(kb.read_data_text(stored.FILE))
    assert set(doc["computed_from"]) == set(stored.SOURCES)
    assert doc["findings"] and all(f["id"] for f in doc["findings"])
