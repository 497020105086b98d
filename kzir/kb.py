"""Load and validate the knowledge base once, on first use, and index it by id and kind.

The bundled KB is read from the installed package (`kzir/data`, via importlib.resources);
`--kb PATH` or `KZIR_KB` points at another file of the same schema. Loading never writes anything.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import KbError, NotFoundError
from .model import Paragraph, Record, record_from_dict
from .schema import first_violation

KB_ENV = "KZIR_KB"


def data_file(name: str) -> Any:
    """A file shipped in `data/` (installed as `kzir/data`), as an importlib Traversable."""
    return resources.files("kzir").joinpath("data", name)


def read_data_text(name: str) -> str:
    return data_file(name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class KB:
    """The whole knowledge base: records, paragraphs and hand-curated findings, indexed."""

    meta: Mapping[str, Any]
    records: tuple[Record, ...]
    paragraphs: Mapping[int, Paragraph]
    findings: tuple[Mapping[str, Any], ...]
    path: str
    by_id: Mapping[str, Record] = field(repr=False)
    by_kind: Mapping[str, tuple[Record, ...]] = field(repr=False)

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        return self.by_kind.get(kind, ())

    def get(self, record_id: str) -> Record:
        """The record with this id; NotFoundError suggesting close ids otherwise."""
        try:
            return self.by_id[record_id]
        except KeyError:
            raise NotFoundError(
                f"no record with id '{record_id}'", hint=suggest(record_id, self.by_id)
            ) from None

    def paragraph(self, n: int) -> Paragraph:
        try:
            return self.paragraphs[n]
        except KeyError:
            last = max(self.paragraphs)
            raise NotFoundError(
                f"no paragraph {n}", hint=f"paragraphs are numbered 1-{last}"
            ) from None


def suggest(wanted: str, candidates: Iterable[str]) -> str:
    """'did you mean …' text: close matches first, else the ids that contain the word."""
    import difflib

    pool = list(candidates)
    close = difflib.get_close_matches(wanted, pool, n=3, cutoff=0.5)
    if not close:
        close = [c for c in pool if wanted.lower() in c][:3]
    if close:
        return "did you mean: " + ", ".join(close)
    return "see 'kzir search' to find ids"


def _describe_path(doc: Mapping[str, Any], path: tuple[str | int, ...]) -> str:
    """Name the record by id and the field: "record 'doc-01' (records[3]) field 'signed.basis'"."""
    if len(path) >= 2 and path[0] == "records" and isinstance(path[1], int):
        records = doc.get("records") or []
        raw = records[path[1]] if path[1] < len(records) else {}
        rid = raw.get("id") if isinstance(raw, dict) else None
        where = f"record '{rid}' (records[{path[1]}])" if rid else f"records[{path[1]}]"
        rest = path[2:]
    elif len(path) >= 2 and isinstance(path[1], int):
        where, rest = f"{path[0]}[{path[1]}]", path[2:]
    else:
        where, rest = "the KB", path
    dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest).lstrip(".")
    return f"{where} field '{dotted}'" if dotted else where


def validate(doc: Any, schema: Mapping[str, Any]) -> None:
    """Raise KbError naming the first record and field that break the schema or the id rules."""
    violation = first_violation(doc, schema)
    if violation is not None:
        raise KbError(f"invalid KB: {_describe_path(doc, violation.path)}: {violation.message}")
    seen: set[str] = set()
    for i, raw in enumerate(doc["records"]):
        if raw["id"] in seen:
            raise KbError(f"invalid KB: records[{i}] field 'id': duplicate id '{raw['id']}'")
        seen.add(raw["id"])


def build(doc: Mapping[str, Any], path: str) -> KB:
    """Index a validated KB document."""
    records = tuple(record_from_dict(raw) for raw in doc["records"])
    by_kind: dict[str, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    paragraphs = {p["n"]: Paragraph(p["n"], p["fa"], p["en"], p.get("role", "body"))
                  for p in doc["paragraphs"]}
    return KB(
        meta=doc["meta"],
        records=records,
        paragraphs=paragraphs,
        findings=tuple(doc.get("findings", ())),
        path=path,
        by_id={r.id: r for r in records},
        by_kind={k: tuple(v) for k, v in by_kind.items()},
    )


@cache
def schema() -> Mapping[str, Any]:
    return json.loads(read_data_text("kb.schema.json"))


def resolve_path(path: str | os.PathLike[str] | None = None) -> str | None:
    """The KB the user asked for (argument, then KZIR_KB), or None for the bundled one."""
    chosen = path if path is not None else os.environ.get(KB_ENV) or None
    return os.fspath(chosen) if chosen is not None else None


@cache
def _load(path: str | None) -> KB:
    try:
        if path is None:
            text, label = read_data_text("kb.json"), "bundled kb.json"
        else:
            text, label = Path(path).read_text(encoding="utf-8"), path
    except FileNotFoundError:
        raise KbError(f"cannot read KB: no file '{path}'", hint="check --kb / KZIR_KB") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KbError(f"cannot read KB '{path}': {exc}") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KbError(f"invalid KB {label}: not JSON: {exc}") from None
    validate(doc, schema())
    return build(doc, label)


def load(path: str | os.PathLike[str] | None = None) -> KB:
    """The KB, loaded and validated once per path for the life of the process."""
    return _load(resolve_path(path))
