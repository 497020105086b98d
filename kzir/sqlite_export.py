"""Write a KB as one SQLite file for sqlite3, sqlite-utils and datasette (`kzir export -f sqlite`).

Tables (README, "The SQLite export"):

* ``records``: every record in KB order (``position``, the rowid), its id, kind, label and summary
  in both languages, the record's full JSON (``json``: the exact KB object, for a faithful round
  trip) and its search text (``search_en``/``search_fa``);
* one table per kind (``document``, ``trade``, …) with a typed column per field: numbers as
  INTEGER/REAL, booleans 0/1, text as TEXT, a date as ``<field>_jalali``, ``<field>_gregorian``,
  ``<field>_precision``, … and anything nested as JSON text;
* ``sources`` (record_id → records.id, paragraph → paragraphs.n, quote), ``paragraphs``,
  ``findings`` (the KB's curated findings and those `kzir check` computes) with
  ``finding_evidence``, and ``meta`` (schema version, kzir version, the source KB's SHA-256).

``records_fts`` and ``paragraphs_fts`` are FTS5 indexes with ``content="<table>"``, the shape
datasette detects, over text built by `kzir.search.folding.index_text`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import KbError, KzirError, UsageError
from .kb import KB
from .model import KINDS
from .search.cells import cells_of
from .search.folding import index_text

SCHEMA_VERSION = 1
"""Bumped whenever a table or column changes meaning; a reader refuses other versions."""

TOKENIZE = "unicode61 remove_diacritics 2"
TEXT_TABLES = ("records", "paragraphs")
"""The tables with a full-text index named `<table>_fts`."""


class OutputError(KzirError):
    """The output file cannot be written (exit 1): the message names the path and the reason."""

    kind = "output_error"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a kind's table: which record field (and date part) fills it, and how."""

    name: str
    sql_type: str
    field: str
    part: str | None = None  # a date object's key, for <field>_<part> columns
    encode: str = "raw"  # raw | bool | json


def _is_date(value: Any) -> bool:
    return isinstance(value, Mapping) and "jalali" in value and "gregorian" in value


def _value_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "date" if _is_date(value) else "json"


_SCALARS: dict[frozenset[str], tuple[str, str]] = {
    frozenset({"bool"}): ("INTEGER", "bool"),
    frozenset({"int"}): ("INTEGER", "raw"),
    frozenset({"int", "float"}): ("REAL", "raw"),
    frozenset({"float"}): ("REAL", "raw"),
    frozenset({"str"}): ("TEXT", "raw"),
    frozenset(): ("TEXT", "raw"),  # null in every record
}


def kind_columns(records: Sequence[Mapping[str, Any]]) -> list[Column]:
    """The typed columns for these records (one kind), fields in first-seen order.

    A field takes the type its values share; mixed types, lists and objects are JSON text; a
    field whose values are all date objects becomes one TEXT column per date key.
    """
    values: dict[str, list[Any]] = {}
    for raw in records:
        for key, value in raw.items():
            if key not in ("id", "kind", "sources"):
                values.setdefault(key, []).append(value)
    columns: list[Column] = []
    taken = {"id"}
    dates: list[tuple[str, list[Any]]] = []
    for key, seen in values.items():
        types = frozenset(_value_type(v) for v in seen if v is not None)
        if types == {"date"}:
            dates.append((key, seen))
            continue
        sql_type, encode = _SCALARS.get(types, ("TEXT", "json"))
        columns.append(Column(key, sql_type, key, encode=encode))
        taken.add(key)
    for key, seen in dates:  # after the plain fields, so a field named period_jalali wins
        parts = list(dict.fromkeys(part for v in seen if v is not None for part in v))
        names = [f"{key}_{part}" for part in parts]
        if taken.isdisjoint(names):
            columns.extend(Column(name, "TEXT", key, part=part)
                           for name, part in zip(names, parts, strict=True))
            taken.update(names)
        else:
            columns.append(Column(key, "TEXT", key, encode="json"))
    return columns


def _dumps(value: Any) -> str:
    """JSON text for a cell; a lone surrogate (valid JSON, not UTF-8) stays exact as an escape."""
    text = json.dumps(value, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _insert(db: sqlite3.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """executemany, with text SQLite can store: UTF-8 has no lone surrogates, so a --kb string
    holding one is stored with U+FFFD in its place (the record's `json` column keeps it exact)."""
    db.executemany(sql, ([_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in row]
                         for row in rows))


def _cell(raw: Mapping[str, Any], column: Column) -> Any:
    value = raw.get(column.field)
    if value is None:
        return None
    if column.part is not None:
        part = value.get(column.part)
        return part if part is None or isinstance(part, str | int | float) else _dumps(part)
    if column.encode == "bool":
        return int(value)
    if column.encode == "json":
        return _dumps(value)
    return value


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ------------------------------------------------------------------------------- the tables

_DDL = """
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);
CREATE TABLE paragraphs (
  n INTEGER PRIMARY KEY,
  role TEXT NOT NULL,
  fa TEXT NOT NULL,
  en TEXT NOT NULL,
  search_en TEXT NOT NULL,
  search_fa TEXT NOT NULL
);
CREATE TABLE records (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  label_en TEXT,
  label_fa TEXT,
  summary_en TEXT,
  summary_fa TEXT,
  paragraphs TEXT NOT NULL,
  json TEXT NOT NULL,
  search_en TEXT NOT NULL,
  search_fa TEXT NOT NULL
);
CREATE INDEX records_kind ON records(kind);
CREATE TABLE sources (
  record_id TEXT NOT NULL REFERENCES records(id),
  position INTEGER NOT NULL,
  paragraph INTEGER NOT NULL REFERENCES paragraphs(n),
  quote TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);
CREATE INDEX sources_paragraph ON sources(paragraph);
CREATE TABLE findings (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  source TEXT NOT NULL,
  severity TEXT NOT NULL,
  category TEXT NOT NULL,
  message_en TEXT NOT NULL,
  message_fa TEXT NOT NULL,
  computation TEXT,
  intended_fa TEXT,
  outside_source TEXT,
  related TEXT,
  field TEXT,
  paragraphs TEXT NOT NULL,
  check_order INTEGER,
  json TEXT NOT NULL
);
CREATE TABLE finding_evidence (
  finding INTEGER NOT NULL REFERENCES findings(position),
  position INTEGER NOT NULL,
  paragraph INTEGER NOT NULL REFERENCES paragraphs(n),
  quote TEXT NOT NULL,
  PRIMARY KEY (finding, position)
);
CREATE INDEX finding_evidence_paragraph ON finding_evidence(paragraph);
"""


def _fts(table: str) -> str:
    return (f'CREATE VIRTUAL TABLE {table}_fts USING fts5(search_en, search_fa, '
            f'content="{table}", tokenize="{TOKENIZE}");\n'
            f"INSERT INTO {table}_fts(rowid, search_en, search_fa) "
            f"SELECT rowid, search_en, search_fa FROM {table};\n")


def _search_texts(kb: KB, lang: str) -> list[str]:
    """Each record's searchable text in one language: the fields kzir's own search reads."""
    return [index_text(" ".join(cell for cell in cells if cell))
            for cells in cells_of(kb.raw_records, lang)]


def _write_records(db: sqlite3.Connection, kb: KB) -> None:
    rows, sources = [], []
    texts = zip(_search_texts(kb, "en"), _search_texts(kb, "fa"), strict=True)
    for position, (record, (text_en, text_fa)) in enumerate(zip(kb.records, texts,
                                                                strict=True), 1):
        data = record.data
        rows.append((position, record.id, record.kind, record.label("en"), record.label("fa"),
                     data.get("summary_en"), data.get("summary_fa"),
                     _dumps(list(record.paragraphs)), _dumps(dict(data)), text_en, text_fa))
        sources.extend((record.id, i, s.paragraph, s.quote)
                       for i, s in enumerate(record.sources, 1))
    _insert(db, "INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    _insert(db, "INSERT INTO sources VALUES (?,?,?,?)", sources)


def _write_kinds(db: sqlite3.Connection, kb: KB) -> dict[str, list[Column]]:
    plans: dict[str, list[Column]] = {}
    kinds = [*KINDS, *sorted({r.kind for r in kb.records} - set(KINDS))]
    for kind in kinds:
        raws = [r.data for r in kb.of_kind(kind)]
        columns = kind_columns(raws)
        plans[kind] = columns
        defs = ", ".join(f"{_quote(c.name)} {c.sql_type}" for c in columns)
        db.execute(f"CREATE TABLE {_quote(kind)} (id TEXT PRIMARY KEY REFERENCES records(id)"
                   f"{', ' + defs if defs else ''})")
        marks = ",".join("?" * (len(columns) + 1))
        _insert(db, f"INSERT INTO {_quote(kind)} VALUES ({marks})",
                       ([raw["id"], *(_cell(raw, c) for c in columns)] for raw in raws))
    return plans


def _write_findings(db: sqlite3.Connection, kb: KB, findings: Sequence[Any]) -> None:
    """The KB's curated findings (their `json` is the KB's object), then the computed ones;
    `check_order` is the position in `kzir check`'s output (null: shadowed by a computed one)."""
    from .audit import finding_from_dict

    order = {(f.source, f.id): i for i, f in enumerate(findings, 1)}
    entries = [(finding_from_dict(raw), dict(raw)) for raw in kb.findings]
    entries += [(f, f.to_json()) for f in findings if f.source == "computed"]
    rows, evidence = [], []
    for position, (f, obj) in enumerate(entries, 1):
        extra = f.extra
        related = extra.get("related")
        rows.append((position, f.id, f.source, f.severity, f.category, f.message_en,
                     f.message_fa, f.computation, f.intended_fa, extra.get("outside_source"),
                     None if related is None else _dumps(related), extra.get("field"),
                     _dumps(list(f.paragraphs)), order.get((f.source, f.id)), _dumps(obj)))
        evidence.extend((position, i, e.paragraph, e.quote) for i, e in enumerate(f.evidence, 1))
    _insert(db, f"INSERT INTO findings VALUES ({','.join('?' * 15)})", rows)
    _insert(db, "INSERT INTO finding_evidence VALUES (?,?,?,?)", evidence)


def _write_meta(db: sqlite3.Connection, kb: KB, kb_sha256: str, kzir_version: str) -> None:
    meta = kb.meta
    published = meta.get("published") or {}
    pairs = {
        "schema_version": str(SCHEMA_VERSION),
        "kzir_version": kzir_version,
        "kb_sha256": kb_sha256,
        "kb": kb.path,
        "kb_version": meta.get("version"),
        "kb_meta": _dumps(dict(meta)),
        "title_en": meta.get("title_en"),
        "title_fa": meta.get("title_fa"),
        "source": meta.get("source"),
        "published_jalali": published.get("jalali"),
        "published_gregorian": published.get("gregorian"),
        "records": str(len(kb.raw_records)),
        "tokenize": TOKENIZE,
    }
    _insert(db, "INSERT INTO meta VALUES (?, ?)", pairs.items())


def build(db: sqlite3.Connection, kb: KB, findings: Sequence[Any], *, kb_sha256: str,
          kzir_version: str) -> None:
    """Create and fill every table in an empty database (one transaction)."""
    with db:
        db.executescript(_DDL)
        _insert(db, "INSERT INTO paragraphs VALUES (?,?,?,?,?,?)",
                       ((p.n, p.role, p.fa, p.en, index_text(p.en), index_text(p.fa))
                        for p in sorted(kb.paragraphs.values(), key=lambda p: p.n)))
        _write_records(db, kb)
        _write_kinds(db, kb)
        _write_findings(db, kb, findings)
        _write_meta(db, kb, kb_sha256, kzir_version)
        db.executescript("".join(_fts(t) for t in TEXT_TABLES))
        db.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
        db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize')")


# ------------------------------------------------------------------------------- the file


def check_target(path: str | os.PathLike[str], force: bool, option: str = "-o") -> Path:
    """The output path, refused (exit 2) when it exists and --force was not given."""
    target = Path(path)
    if str(path) in ("", "-"):
        raise UsageError(f"{option} needs a file name: SQLite cannot be written to stdout")
    try:
        os.fsencode(target)
    except UnicodeError:
        raise UsageError(f"{option} {str(path)!r}: not a valid file name") from None
    if "\0" in str(path):
        raise UsageError(f"{option} {str(path)!r}: not a valid file name")
    if target.is_dir():
        raise UsageError(f"{option} {path}: is a directory")
    if target.exists() and not force:
        raise UsageError(f"{target} already exists", hint="add --force to replace it")
    return target


def write_atomically(target: Path, fill: Callable[[Path], None]) -> None:
    """Let `fill` write a temporary file beside `target`, then move it into place: a failed or
    interrupted export never leaves a half-written file where the old one was."""
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    temp = Path(name)
    try:
        fill(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)


def export(kb: KB, path: str | os.PathLike[str], findings: Sequence[Any], *, kb_sha256: str,
           kzir_version: str, force: bool = False) -> Path:
    """Write the KB to a new SQLite file at `path` (see the module docstring)."""
    target = check_target(path, force)

    def fill(temp: Path) -> None:
        temp.unlink()  # sqlite3 wants to create the file itself
        db = sqlite3.connect(temp)
        try:
            build(db, kb, findings, kb_sha256=kb_sha256, kzir_version=kzir_version)
        except sqlite3.IntegrityError as exc:
            raise KbError(f"cannot export this KB to SQLite: {exc}") from None
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {target}: {exc}") from None
        finally:
            db.close()

    write_atomically(target, fill)
    return target


# ------------------------------------------------------------------------------- datasette


def _described(fields: Iterable[Any]) -> dict[str, str]:
    return {f.name: f.description for f in fields if f.description}


def _kind_descriptions(kind: str, columns: Sequence[Column], schema: Mapping[str, Any]
                       ) -> dict[str, str]:
    from .fields import fields_of

    known = _described(fields_of(kind, schema)) if kind in KINDS else {}
    parts = _described(_date_fields(schema))
    out = {"id": known.get("id", "The record's id (see records).")}
    for c in columns:
        base = known.get(c.field, "")
        if c.part is not None:
            out[c.name] = f"{base} ({c.part}: {parts.get(c.part, '')})".strip()
        elif c.encode == "json":
            out[c.name] = f"{base} (JSON)".strip()
        elif c.encode == "bool":
            out[c.name] = f"{base} (1 = true, 0 = false)".strip()
        elif base:
            out[c.name] = base
    return out


def _date_fields(schema: Mapping[str, Any]) -> list[Any]:
    from .fields import FieldInfo

    node = schema["$defs"]["date"]["properties"]
    return [FieldInfo(k, "", v.get("description", ""), False) for k, v in node.items()]


_SEARCH = ("Search text: the {lang} text folded as kzir folds it (letters, digits, case), then "
           "the words whose folded form differs, as typed. Indexed in {table}_fts.")


def metadata(kb: KB, schema: Mapping[str, Any], database: str) -> dict[str, Any]:
    """datasette metadata (title, source, table and column descriptions) for the database
    datasette names `database` (the file name without .db)."""
    from .fields import fields_of

    meta = kb.meta
    published = meta.get("published") or {}
    records = {k: v.get("description", "")
               for k, v in schema["$defs"]["record"]["properties"].items()}
    tables: dict[str, Any] = {
        "records": {
            "description": "Every record of the KB, one row each, in KB order; `json` is the "
                           "record exactly as in kb.json. Search box: full-text search over "
                           "both languages.",
            "label_column": "label_en",
            "columns": {
                "position": "The record's position in the KB (its rowid).",
                "id": records.get("id", ""),
                "kind": records.get("kind", ""),
                "label_en": "A short name for the record, in English.",
                "label_fa": "A short name for the record, in Persian.",
                "summary_en": records.get("summary_en", ""),
                "summary_fa": records.get("summary_fa", ""),
                "paragraphs": "Paragraphs the record cites (JSON list).",
                "json": "The whole record as JSON, exactly as in kb.json.",
                "search_en": _SEARCH.format(lang="English", table="records"),
                "search_fa": _SEARCH.format(lang="Persian", table="records"),
            },
        },
        "paragraphs": {
            "description": "The article, paragraph by paragraph (line N of the article is "
                           "paragraph N), in Persian with an English translation.",
            "label_column": "en",
            "columns": {**_described(fields_of("paragraph", schema)),
                        "search_en": _SEARCH.format(lang="English", table="paragraphs"),
                        "search_fa": _SEARCH.format(lang="Persian", table="paragraphs")},
        },
        "sources": {
            "description": "Where each record's facts stand in the article: the paragraph "
                           "and the verbatim quote.",
            "columns": {"record_id": "The record (records.id).",
                        "position": "Order of the source within the record.",
                        "paragraph": "The paragraph (paragraphs.n).",
                        "quote": "The verbatim span of the paragraph."},
        },
        "findings": {
            "description": "Audit findings: where the article contradicts itself, miscounts or "
                           "mis-converts a date (kzir check). Curated ones come from the KB, "
                           "computed ones from kzir's checks at export time.",
            "columns": {**_described(fields_of("finding", schema)),
                        "position": "Row number: the KB's curated findings first, in KB "
                                    "order, then the computed ones.",
                        "paragraphs": "Paragraphs of the evidence (JSON list).",
                        "related": "Ids of records the finding concerns (JSON list).",
                        "check_order": "Position in kzir check's output (null: a curated "
                                       "finding a computed one replaces).",
                        "json": "The finding as JSON (a curated one exactly as in kb.json)."},
        },
        "finding_evidence": {
            "description": "The verbatim evidence of each finding.",
            "columns": {"finding": "The finding (findings.position).",
                        "position": "Order within the finding.",
                        "paragraph": "The paragraph (paragraphs.n).",
                        "quote": "The verbatim span."},
        },
        "meta": {
            "description": "About this file: export schema version, kzir version, the source "
                         "KB's SHA-256 and its meta object.",
        },
    }
    for kind in [*KINDS, *sorted({r.kind for r in kb.records} - set(KINDS))]:
        columns = kind_columns([r.data for r in kb.of_kind(kind)])
        tables[kind] = {
            "description": f"Every {kind} record with a typed column per field (dates split "
                           "by calendar; nested values as JSON). Sources are in the sources "
                           "table.",
            "columns": _kind_descriptions(kind, columns, schema),
        }
    when = " / ".join(v for v in (published.get("jalali"), published.get("gregorian")) if v)
    description = (f"Every fact of one IRNA article ({when}), each cited to its paragraph and "
                   "quote. Exported by kzir; search in records and paragraphs works in English "
                   "and Persian.")
    return {
        "title": meta.get("title_en") or "kzir knowledge base",
        "description": description,
        "source": meta.get("source"),
        "databases": {database: {"title": meta.get("title_en"), "description": description,
                                 "source": meta.get("source"), "tables": tables}},
    }


def write_metadata(path: str | os.PathLike[str], document: Mapping[str, Any],
                   force: bool) -> Path:
    target = check_target(path, force, "--metadata")
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomically(target, lambda temp: temp.write_text(text, encoding="utf-8"))
    return target
