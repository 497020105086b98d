"""A KB file is checked where it is loaded: hostile or broken files are one line and exit 1."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kzir import kb
from kzir.errors import KbError
from kzir.kb_integrity import MAX_DEPTH, check_integrity, check_shape

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def shipped_doc() -> Doc:
    return json.loads(kb.read_data_text("kb.json"))


def test_the_bundled_kb_passes_every_load_check(shipped_doc: Doc) -> None:
    check_shape(shipped_doc)
    kb.validate(shipped_doc, kb.schema())  # schema and integrity, as for any --kb file
    check_integrity(shipped_doc)


def first_record(doc: Doc) -> Doc:
    return doc["records"][0]


def dated(doc: Doc) -> Doc:
    return next(r for r in doc["records"] if isinstance(r.get("date"), dict))


BREAKAGES: dict[str, tuple[Callable[[Doc], None], str]] = {
    "id with a trailing newline": (
        lambda d: first_record(d).update(id=first_record(d)["id"] + "\n"), "field 'id'"),
    "duplicate paragraph number": (
        lambda d: d["paragraphs"].append(dict(d["paragraphs"][0])), "duplicate paragraph"),
    "a source citing paragraph 9999": (
        lambda d: first_record(d)["sources"][0].update(paragraph=9999), "no paragraph 9999"),
    "a quote not in its paragraph": (
        lambda d: first_record(d)["sources"][0].update(quote="چیزی که در متن نیست"),
        "not found verbatim"),
    "date 9999-99-99": (
        lambda d: dated(d)["date"].update(jalali="9999-99-99"), "field 'date"),
    "Persian digits in a date field": (
        lambda d: dated(d)["date"].update(gregorian="۲۰۲۲-۰۶-۱۹"), "field 'date"),
    "an integer beyond 64 bits": (
        lambda d: first_record(d).update(extra_number=10**30), "integer out of range"),
    "nesting deeper than the limit": (
        lambda d: first_record(d).update(extra=_nested(MAX_DEPTH + 5)), "nested deeper"),
}


def _nested(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("label", list(BREAKAGES))
def test_a_broken_kb_is_refused_naming_what_is_wrong(label: str, shipped_doc: Doc,
                                                    tmp_path: Path, kzir_process) -> None:
    breakage, expected = BREAKAGES[label]
    doc = copy.deepcopy(shipped_doc)
    breakage(doc)
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = kzir_process("--kb", str(path), "trade", "--json")
    assert result.code == 1, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0].startswith("kzir: invalid KB") and expected in lines[0], lines
    assert "Traceback" not in result.err


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,  # deeper than the JSON parser's recursion
    '{"meta": ' + "9" * 5000 + "}",  # more digits than Python converts to int
])
def test_unparseable_documents_are_one_line(text: str, tmp_path: Path, kzir_process) -> None:
    path = tmp_path / "kb.json"
    path.write_text(text, encoding="utf-8")
    result = kzir_process("--kb", str(path), "people")
    assert result.code == 1 and result.out == ""
    assert len(result.err.splitlines()) == 1 and result.err.startswith("kzir: invalid KB")


@pytest.mark.parametrize("make", ["device", "directory", "fifo"])
def test_only_regular_files_are_read(make: str, tmp_path: Path, kzir_process) -> None:
    if make == "device":
        path = "/dev/zero"
    elif make == "directory":
        path = str(tmp_path)
    else:
        path = str(tmp_path / "pipe")
        os.mkfifo(path)
    result = kzir_process("--kb", path, "people")
    assert result.code == 1 and result.out == ""
    assert len(result.err.splitlines()) == 1 and "cannot read KB" in result.err


def test_the_checks_raise_kb_errors_not_crashes(shipped_doc: Doc) -> None:
    doc = copy.deepcopy(shipped_doc)
    doc["records"][0]["id"] = "Bad Id"
    with pytest.raises(KbError, match="kebab-case"):
        check_integrity(doc)
