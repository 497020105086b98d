"""Write a KB as one SQLite file for sqlite3, sqlite-utils and datasette (`kzir export -f sqlite`).

Tables (README, "The SQLite export"):

* ``records``: every record in KB order (``position``, the rowid), its id, kind, label and summary
  in both languages, the record's full JSON (``json``: the exact KB object, for a faithful round
  trip) and its search text: the three fields kzir's ranking weighs (``fold_name_en``,
  ``fold_text_en``, ``fold_other_en`` and the same in Persian), folded as kzir folds, and
  ``typed`` (the words whose folded form differs, as typed, for datasette's search box);
* one table per kind (``document``, ``trade``, …) with a typed column per field: numbers as
  INTEGER/REAL, booleans 0/1, text as TEXT, a date as ``<field>_jalali``, ``<field>_gregorian``,
  ``<field>_precision``, … and anything nested as JSON text;
* ``sources`` (record_id → records.id, paragraph → paragraphs.n, quote), ``paragraphs``,
  ``findings`` (the KB's curated findings and those `kzir check` computes) with
  ``finding_evidence``, and ``meta`` (schema version, kzir version, the source KB's SHA-256, and
  the corpus statistics kzir's BM25F needs: the number of documents and each field's average
  length per language);
* ``words``: every distinct folded word per language with the number of documents holding it
  (BM25's df) and, for a word in more than ``FULL_POSTINGS`` documents, its ``top`` documents by
  the word's weight in them (a champion list), so a search of a big KB looks at a bounded number
  of documents; ``name_words``: each word of an entity's names with the entity's kind and id
  (a search asks which entity a query's words name alone).

``records_fts`` and ``paragraphs_fts`` are FTS5 indexes with ``content="<table>"``, the shape
datasette detects; `kzir --kb FILE.db search` queries them too (kzir.search.dbindex).

The records are written in one streaming pass per job (rows, typed tables, champion lists), in
batches, so a big KB's conversion takes time linear in its records and memory for one batch.
"""

from __future__ import annotations

import heapq
import json
import os
import re
import sqlite3
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import KbError, KzirError, UsageError
from .kb import KB
from .model import KINDS, Record, record_from_dict
from .query import LISTING_ORDER, inferred_date
from .search.folding import fold, fold_normalized, typed_words, unfold
from .search.intent import own_names
from .search.params import FIELD_B, FIELD_WEIGHT, FIELDS, LANGS
from .search.record_text import record_cells
from .sqlite_kb import SCHEMA_VERSION

TOKENIZE = "unicode61 remove_diacritics 2"
BATCH = 2000  # rows per executemany
FULL_POSTINGS = 2000  # a word in more documents than this gets a champion list
CHAMPIONS = 200  # documents kept in a champion list


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


class ColumnPlan:
    """The typed columns of one kind's table, learnt record by record (see `columns`)."""

    def __init__(self) -> None:
        self.types: dict[str, set[str]] = {}
        self.parts: dict[str, dict[str, None]] = {}

    def add(self, raw: Mapping[str, Any]) -> None:
        for key, value in raw.items():
            if key in ("id", "kind", "sources"):
                continue
            types = self.types.setdefault(key, set())
            if value is not None:
                kind = _value_type(value)
                types.add(kind)
                if kind == "date":
                    self.parts.setdefault(key, {}).update(dict.fromkeys(value))

    def columns(self) -> list[Column]:
        """A field takes the type its values share; mixed types, lists and objects are JSON
        text; a field whose values are all date objects becomes one TEXT column per date key."""
        columns: list[Column] = []
        taken = {"id"}
        dates: list[str] = []
        for key, types in self.types.items():
            if types == {"date"}:
                dates.append(key)
                continue
            sql_type, encode = _SCALARS.get(frozenset(types), ("TEXT", "json"))
            columns.append(Column(key, sql_type, key, encode=encode))
            taken.add(key)
        for key in dates:  # after the plain fields, so a field named period_jalali wins
            parts = list(self.parts[key])
            names = [f"{key}_{part}" for part in parts]
            if taken.isdisjoint(names):
                columns.extend(Column(name, "TEXT", key, part=part)
                               for name, part in zip(names, parts, strict=True))
                taken.update(names)
            else:
                columns.append(Column(key, "TEXT", key, encode="json"))
        return columns


def kind_columns(records: Iterable[Mapping[str, Any]]) -> list[Column]:
    """The typed columns for these records (one kind), fields in first-seen order."""
    plan = ColumnPlan()
    for raw in records:
        plan.add(raw)
    return plan.columns()


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
  fold_en TEXT NOT NULL,
  fold_fa TEXT NOT NULL,
  typed TEXT NOT NULL
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
  fold_name_en TEXT NOT NULL,
  fold_text_en TEXT NOT NULL,
  fold_other_en TEXT NOT NULL,
  fold_name_fa TEXT NOT NULL,
  fold_text_fa TEXT NOT NULL,
  fold_other_fa TEXT NOT NULL,
  typed TEXT NOT NULL
);
CREATE INDEX records_kind ON records(kind, position);
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
CREATE TABLE words (
  lang TEXT NOT NULL,
  word TEXT NOT NULL,
  df INTEGER NOT NULL,
  top BLOB,
  PRIMARY KEY (lang, word)
) WITHOUT ROWID;
CREATE TABLE listing (
  kind TEXT NOT NULL,
  rank INTEGER NOT NULL,
  position INTEGER NOT NULL REFERENCES records(position),
  PRIMARY KEY (kind, rank)
) WITHOUT ROWID;
CREATE TABLE name_words (
  word TEXT NOT NULL,
  kind TEXT NOT NULL,
  id TEXT NOT NULL REFERENCES records(id),
  PRIMARY KEY (word, kind, id)
) WITHOUT ROWID;
"""

RECORD_FIELDS = tuple(f"fold_{field}_{lang}" for lang in LANGS for field in FIELDS)
"""The records' search columns, in the order kzir's index lays a document out."""
PARAGRAPH_FIELDS = tuple(f"fold_{lang}" for lang in LANGS)

_FTS = {"records": (*RECORD_FIELDS, "typed"), "paragraphs": (*PARAGRAPH_FIELDS, "typed")}
"""The tables with a full-text index named `<table>_fts`, and its columns."""


def _fts(table: str) -> str:
    columns = ", ".join(_FTS[table])
    return (f'CREATE VIRTUAL TABLE {table}_fts USING fts5({columns}, '
            f'content="{table}", tokenize="{TOKENIZE}");\n'
            f"INSERT INTO {table}_fts(rowid, {columns}) SELECT rowid, {columns} FROM {table};\n"
            f"INSERT INTO {table}_fts({table}_fts) VALUES ('optimize');\n")


def _batches(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


_SPLIT = bytes.maketrans(b".,\x1e", b"   ")


def folded_cells(cells: Sequence[str]) -> list[bytes]:
    """Each field folded as kzir's index folds it (a cell never holds the cell separator)."""
    return [fold(c.replace("\x1e", " ") if "\x1e" in c else c) for c in cells]


class CorpusStats:
    """What BM25F needs of the whole KB, gathered document by document: field lengths and each
    word's document frequency, per language."""

    def __init__(self) -> None:
        width = len(FIELDS)
        self.documents = 0
        self.total = {lang: [0] * width for lang in LANGS}
        self.filled = {lang: [0] * width for lang in LANGS}
        self.df: dict[str, Counter[bytes]] = {lang: Counter() for lang in LANGS}

    def add(self, lang: str, cells: Sequence[bytes]) -> None:
        total, filled = self.total[lang], self.filled[lang]
        words: set[bytes] = set()
        for f, cell in enumerate(cells):
            if cell:
                total[f] += len(cell)
                filled[f] += 1
                words.update(cell.translate(_SPLIT).split())
        self.df[lang].update(words)

    def avg(self, lang: str) -> list[float]:
        """Each field's average length where it is not empty (as kzir's index computes it)."""
        return [t / n if n else 1.0 for t, n in zip(self.total[lang], self.filled[lang],
                                                    strict=True)]


class ListingOrder:
    """Each kind's listing order (kzir.query.LISTING_ORDER, the same sort the JSON KB's
    listings do), learnt record by record and written as the `listing` table: a listing with
    --limit then reads its first rows by rank instead of sorting every record of its kind."""

    def __init__(self) -> None:
        self.keyed: dict[str, list[tuple[Any, int]]] = {}
        self.counts: dict[str, int] = {}
        self.inferred = False  # an event's date inferred: the events listing's note

    def add(self, position: int, record: Record) -> None:
        kind = record.kind
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.inferred = self.inferred or inferred_date(record)
        key = LISTING_ORDER.get(kind)
        self.keyed.setdefault(kind, []).append((key(record) if key else (), position))

    def write(self, db: sqlite3.Connection) -> None:
        for kind, keyed in self.keyed.items():
            try:
                keyed.sort(key=lambda pair: pair[0])  # stable: ties keep the KB's order
            except TypeError:  # keys that do not compare (a --kb's odd values): the KB's order
                keyed.sort(key=lambda pair: pair[1])
            for batch in _batches(enumerate(keyed, 1), 10 * BATCH):
                _insert(db, "INSERT INTO listing VALUES (?,?,?)",
                        [(kind, rank, position) for rank, (_, position) in batch])
        self.keyed.clear()


def _record_row(position: int, raw: Mapping[str, Any], stats: CorpusStats, order: ListingOrder
                ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    record = record_from_dict(raw)
    order.add(position, record)
    folds: list[str] = []
    texts: list[str] = []
    for lang in LANGS:
        cells = record_cells(raw, lang)
        folded = folded_cells(cells)
        stats.add(lang, folded)
        folds += [unfold(c) for c in folded]
        texts += cells
    row = (position, record.id, record.kind, record.label("en"), record.label("fa"),
           raw.get("summary_en"), raw.get("summary_fa"), _dumps(list(record.paragraphs)),
           _dumps(dict(raw)), *folds, typed_words(" ".join(texts)))
    sources = [(record.id, i, s.paragraph, s.quote) for i, s in enumerate(record.sources, 1)]
    return row, sources


def _write_records(db: sqlite3.Connection, kb: KB, stats: CorpusStats, order: ListingOrder,
                   progress: Progress) -> dict[str, ColumnPlan]:
    """records, sources and the words of entities' names, batch by batch; the kinds' column
    plans and listing order on the way."""
    plans: dict[str, ColumnPlan] = {kind: ColumnPlan() for kind in KINDS}
    marks = ",".join("?" * (9 + len(RECORD_FIELDS) + 1))
    position = 0
    for batch in _batches(kb.raw_records):
        rows, sources, names = [], [], []
        for raw in batch:
            position += 1
            row, cited = _record_row(position, raw, stats, order)
            rows.append(row)
            sources += cited
            plans.setdefault(raw["kind"], ColumnPlan()).add(raw)
            names += name_words(raw)
        _insert(db, f"INSERT INTO records VALUES ({marks})", rows)
        _insert(db, "INSERT INTO sources VALUES (?,?,?,?)", sources)
        _insert(db, "INSERT OR IGNORE INTO name_words VALUES (?,?,?)", names)
        progress(len(batch))
    return plans


def _write_kinds(db: sqlite3.Connection, kb: KB, plans: Mapping[str, ColumnPlan],
                 progress: Progress) -> None:
    """One typed table per kind, filled in a second pass over the records."""
    order = [*KINDS, *sorted(set(plans) - set(KINDS))]
    columns = {kind: plans[kind].columns() for kind in order}
    inserts = {}
    for kind, cols in columns.items():
        defs = ", ".join(f"{_quote(c.name)} {c.sql_type}" for c in cols)
        db.execute(f"CREATE TABLE {_quote(kind)} (id TEXT PRIMARY KEY REFERENCES records(id)"
                   f"{', ' + defs if defs else ''})")
        inserts[kind] = f"INSERT INTO {_quote(kind)} VALUES ({','.join('?' * (len(cols) + 1))})"
    for batch in _batches(kb.raw_records):
        rows: dict[str, list[list[Any]]] = {}
        for raw in batch:
            kind = raw["kind"]
            rows.setdefault(kind, []).append([raw["id"], *(_cell(raw, c) for c in columns[kind])])
        for kind, kind_rows in rows.items():
            _insert(db, inserts[kind], kind_rows)
        progress(len(batch))


def _write_paragraphs(db: sqlite3.Connection, kb: KB, stats: CorpusStats) -> None:
    rows = []
    for p in sorted(kb.paragraphs.values(), key=lambda p: p.n):
        folds = []
        for lang, text in (("en", p.en), ("fa", p.fa)):
            folded = folded_cells(["", text, ""])
            stats.add(lang, folded)
            folds.append(unfold(folded[1]))
        rows.append((p.n, p.role, p.fa, p.en, *folds, typed_words(f"{p.en} {p.fa}")))
    _insert(db, "INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?)", rows)


def _write_words(db: sqlite3.Connection, stats: CorpusStats, progress: Progress) -> None:
    """Every word's df, and a champion list for the words in more than FULL_POSTINGS
    documents: the CHAMPIONS documents where the word weighs most (its field-weighted,
    length-normalised count, BM25F's tf̃), read back from the records in a last pass."""
    common = {lang: {w for w, n in stats.df[lang].items() if n > FULL_POSTINGS}
              for lang in LANGS}
    heaps: dict[tuple[str, bytes], list[tuple[float, int]]] = {}
    if any(common.values()):
        factors = {lang: [(FIELD_WEIGHT[name], 1 - FIELD_B[name], FIELD_B[name] / avg)
                          for name, avg in zip(FIELDS, stats.avg(lang), strict=True)]
                   for lang in LANGS}
        columns = ", ".join(RECORD_FIELDS)
        width = len(FIELDS)
        for batch in _batches(db.execute(f"SELECT rowid, {columns} FROM records")):
            for row in batch:
                doc = row[0] - 1
                for li, lang in enumerate(LANGS):
                    wanted, weights = common[lang], factors[lang]
                    if not wanted:
                        continue
                    tilde: dict[bytes, float] = {}
                    for f in range(width):
                        cell = fold_normalized(row[1 + li * width + f])
                        if not cell:
                            continue
                        w, c0, c1 = weights[f]
                        norm = w / (c0 + c1 * len(cell))
                        for word, tf in Counter(cell.translate(_SPLIT).split()).items():
                            if word in wanted:
                                tilde[word] = tilde.get(word, 0.0) + tf * norm
                    for word, t in tilde.items():
                        heap = heaps.setdefault((lang, word), [])
                        if len(heap) < CHAMPIONS:
                            heapq.heappush(heap, (t, -doc))
                        elif (t, -doc) > heap[0]:
                            heapq.heapreplace(heap, (t, -doc))
            progress(len(batch))
    for lang in LANGS:
        rows = []
        for word, n in stats.df[lang].items():
            champions = heaps.get((lang, word))
            top: bytes | None = None  # the champion list: document numbers, best first
            if champions is not None:
                docs = [-d for _, d in sorted(champions, reverse=True)]
                top = array("q", docs).tobytes()
            rows.append((lang, unfold(word), n, top))
        for batch in _batches(rows, 10 * BATCH):
            _insert(db, "INSERT INTO words VALUES (?,?,?,?)", batch)


def name_words(raw: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(word, kind, id) for each word of 4+ letters of an entity's own names (what
    `Index.named` reads: a query word naming one entity alone)."""
    words = {word for name in own_names(raw) for word in fold(name).split()
             if len(word) >= 4 and not word.isdigit()}
    return [(unfold(word), raw["kind"], str(raw["id"])) for word in words]


def _write_findings(db: sqlite3.Connection, kb: KB, findings: Sequence[Any]) -> None:
    """The KB's curated findings (their `json` is the KB's object), then the computed ones;
    `check_order` is the position in `kzir check`'s output (null: shadowed by a computed one)."""
    from .audit import finding_from_dict

    order = {(f.source, f.id): i for i, f in enumerate(findings, 1)}
    entries = [(finding_from_dict(raw), dict(raw)) for raw in kb.findings]
    entries += [(f, f.to_json()) for f in findings if f.source == "computed"]
    rows: list[tuple[Any, ...]] = []
    evidence: list[tuple[Any, ...]] = []
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


def _write_meta(db: sqlite3.Connection, kb: KB, stats: CorpusStats, kb_sha256: str,
                kzir_version: str, order: ListingOrder) -> None:
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
        "search_documents": str(stats.documents),
        "search_avg_en": _dumps(stats.avg("en")),
        "search_avg_fa": _dumps(stats.avg("fa")),
        "search_full_postings": str(FULL_POSTINGS),
        "kind_counts": _dumps(order.counts),
        "events_inferred": "1" if order.inferred else "0",
    }
    _insert(db, "INSERT INTO meta VALUES (?, ?)", pairs.items())


Progress = Callable[[int], None]
"""Told how many records a step has just done (a progress bar; see `steps`)."""


def steps(kb: KB) -> int:
    """The units of work `build` reports to its progress callback: three passes over the
    records (rows, typed tables, champion lists)."""
    return 3 * len(kb.raw_records)


def build(db: sqlite3.Connection, kb: KB, findings: Sequence[Any], *, kb_sha256: str,
          kzir_version: str, progress: Progress | None = None) -> None:
    """Create and fill every table in an empty database (one transaction)."""
    tick = progress or (lambda n: None)
    stats = CorpusStats()
    with db:
        db.executescript(_DDL)
        order = ListingOrder()
        plans = _write_records(db, kb, stats, order, tick)
        order.write(db)
        _write_paragraphs(db, kb, stats)
        stats.documents = len(kb.raw_records) + len(kb.paragraphs)
        _write_kinds(db, kb, plans, tick)
        _write_words(db, stats, tick)
        _write_findings(db, kb, findings)
        _write_meta(db, kb, stats, kb_sha256, kzir_version, order)
        db.executescript("".join(_fts(t) for t in _FTS))


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
           kzir_version: str, force: bool = False, progress: Progress | None = None) -> Path:
    """Write the KB to a new SQLite file at `path` (see the module docstring)."""
    target = check_target(path, force)

    def fill(temp: Path) -> None:
        temp.unlink()  # sqlite3 wants to create the file itself
        db = sqlite3.connect(temp)
        try:
            # A temporary file, moved into place only when complete: no journal to keep.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            build(db, kb, findings, kb_sha256=kb_sha256, kzir_version=kzir_version,
                  progress=progress)
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


_SEARCH = ("Search text: the {field} field of kzir's ranking in {lang}, folded as kzir folds it "
           "(letters, digits, case); full-text indexed.")
_TYPED = ("Search text: the words whose folded form differs, as a Persian keyboard types them "
          "(for a search box that cannot fold); full-text indexed.")


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
                **{c: _SEARCH.format(field=c.split("_")[1], lang=c.split("_")[2])
                   for c in RECORD_FIELDS},
                "typed": _TYPED,
            },
        },
        "paragraphs": {
            "description": "The article, paragraph by paragraph (line N of the article is "
                           "paragraph N), in Persian with an English translation.",
            "label_column": "en",
            "columns": {**_described(fields_of("paragraph", schema)),
                        **{c: _SEARCH.format(field="text", lang=c.split("_")[1])
                           for c in PARAGRAPH_FIELDS},
                        "typed": _TYPED},
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
    plans: dict[str, ColumnPlan] = {kind: ColumnPlan() for kind in KINDS}
    for raw in kb.raw_records:
        plans.setdefault(raw["kind"], ColumnPlan()).add(raw)
    for kind in [*KINDS, *sorted(set(plans) - set(KINDS))]:
        columns = plans[kind].columns()
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
    def fill(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    write_atomically(target, fill)
    return target
