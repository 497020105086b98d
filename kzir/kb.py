"""Load and validate the knowledge base once, on first use, and index it by id and kind.

The bundled KB is read from the installed package (`kzir/data`);
`--kb PATH` or `KZIR_KB` points at another file of the same schema: JSON, or the SQLite file
`kzir export --format sqlite` writes (told by its first bytes, see `kzir.sqlite_kb`), which a big
KB should be: it is read a record at a time and searched by SQLite's FTS5. Loading never changes
the KB file.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache

from .errors import KbError, NotFoundError
from .kb_integrity import check_integrity, check_shape, describe, read_kb_bytes
from .model import Paragraph, Record, record_from_dict
from .schema import first_violation

KB_ENV = "KZIR_KB"
_FREEZE_FROM = 10_000  # records
HINT_BYTES = 20_000_000  # a JSON KB this big gets a hint to convert it to SQLite
BUNDLED = "bundled kb.json"  # the `path` of the bundled KB

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:  # for type checkers only: typing stays unimported at run time
    from pathlib import Path
    from typing import Any, Protocol

    class RecordStore(Protocol):
        """Where a SQLite KB's records are looked up (kzir.sqlite_kb.Store)."""

        kb_sha256: str  # of the JSON KB the file was exported from

        def of_kind(self, kind: str) -> Iterable[Mapping[str, Any]]: ...

        def first_of_kind(self, kind: str, limit: int) -> Iterable[Mapping[str, Any]]: ...

        def any_inferred_event(self) -> bool: ...

        def position_of(self, record_id: str) -> int | None: ...

        def ids_like(self, record_id: str) -> list[str]: ...

        def checked_findings(self) -> list[tuple[str, Mapping[str, Any]]]: ...

        def kind_counts(self) -> dict[str, int]: ...

# A plain path, not pathlib (which imports urllib): the bundled KB is read on every run.
DATA_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "data")


def data_file(name: str) -> Path:
    """A file shipped in `data/`: installed as `kzir/data` in the wheel, a symlink to `../data`
    in a checkout. A plain path (not importlib.resources, ~14 ms to import): kzir is never run
    from a zip."""
    from pathlib import Path

    return Path(DATA_DIR, name)


def read_data_bytes(name: str) -> bytes:
    with open(os.path.join(DATA_DIR, name), "rb") as stream:
        return stream.read()


def read_data_text(name: str) -> str:
    return read_data_bytes(name).decode("utf-8")


class KB:
    """The whole knowledge base: records, paragraphs and hand-curated findings, indexed.

    Records are built from the validated KB dicts on first use of `records`, `by_id` or
    `by_kind` (or one at a time with `record_at`): a search of a 100,000-record KB reads the
    dicts (`raw_records`) and builds only the records it shows.
    """

    __slots__ = ("_by_id", "_by_kind", "_one", "_records", "findings", "meta", "paragraphs",
                 "path", "raw_records", "store")

    def __init__(self, meta: Mapping[str, Any], raw_records: Sequence[Mapping[str, Any]],
                 paragraphs: Mapping[int, Paragraph], findings: tuple[Mapping[str, Any], ...],
                 path: str, store: RecordStore | None = None) -> None:
        self.store = store  # a SQLite KB: records looked up by SQL instead of held in memory
        self.meta = meta
        self.raw_records = raw_records
        self.paragraphs = paragraphs
        self.findings = findings
        self.path = path
        self._records: tuple[Record, ...] | None = None
        self._by_id: dict[str, Record] | None = None
        self._by_kind: dict[str, tuple[Record, ...]] | None = None
        self._one: dict[int, Record] = {}

    def __repr__(self) -> str:
        return f"KB(path={self.path!r}, records={len(self.raw_records)})"

    @property
    def records(self) -> tuple[Record, ...]:
        if self._records is None:
            one = self._one
            self._records = tuple(one.get(i) or record_from_dict(raw)
                                  for i, raw in enumerate(self.raw_records))
        return self._records

    @property
    def by_id(self) -> Mapping[str, Record]:
        if self._by_id is None:
            self._by_id = {r.id: r for r in self.records}
        return self._by_id

    @property
    def by_kind(self) -> Mapping[str, tuple[Record, ...]]:
        if self._by_kind is None:
            groups: dict[str, list[Record]] = {}
            for record in self.records:
                groups.setdefault(record.kind, []).append(record)
            self._by_kind = {k: tuple(v) for k, v in groups.items()}
        return self._by_kind

    def kind_counts(self) -> dict[str, int]:
        """How many records of each kind."""
        if self.store is not None:
            return self.store.kind_counts()
        from collections import Counter

        return dict(Counter(raw["kind"] for raw in self.raw_records))

    def record_at(self, position: int) -> Record:
        """The record at this position of the KB, built alone if the others are not needed."""
        if self._records is not None:
            return self._records[position]
        record = self._one.get(position)
        if record is None:
            record = self._one[position] = record_from_dict(self.raw_records[position])
        return record

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        if self.store is not None and self._by_kind is None:  # one kind, not every record
            return tuple(record_from_dict(raw) for raw in self.store.of_kind(kind))
        return self.by_kind.get(kind, ())

    def first_of_kind(self, kind: str, limit: int) -> list[Record]:
        """A SQLite KB's first `limit` records of a kind in listing order (kzir.query's
        LISTING_ORDER, stored at export), read alone."""
        assert self.store is not None
        return [record_from_dict(raw) for raw in self.store.first_of_kind(kind, limit)]

    def find(self, record_id: str) -> Record | None:
        """The record with this id, or None (a SQLite KB looks up just that one)."""
        if self.store is not None and self._by_id is None:
            position = self.store.position_of(record_id)
            return None if position is None else self.record_at(position)
        return self.by_id.get(record_id)

    def get(self, record_id: str) -> Record:
        """The record with this id; NotFoundError suggesting close ids otherwise."""
        record = self.find(record_id)
        if record is not None:
            return record
        pool = self.store.ids_like(record_id) if self.store is not None and self._by_id is None \
            else self.by_id
        raise NotFoundError(f"no record with id '{record_id}'", hint=suggest(record_id, pool))

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


def validate(doc: Any, schema: Mapping[str, Any]) -> None:
    """Raise KbError naming the first record and field that break the schema or the KB's rules."""
    check_shape(doc)  # first: the schema walk below recurses, so depth must be bounded
    violation = first_violation(doc, schema)
    if violation is not None:
        raise KbError(f"invalid KB: {describe(doc, violation.path)}: {violation.message}")
    check_integrity(doc)


def build(doc: Mapping[str, Any], path: str) -> KB:
    """Index a validated KB document (records are built lazily, see KB)."""
    paragraphs = {p["n"]: Paragraph(p["n"], p["fa"], p["en"], p.get("role", "body"))
                  for p in doc["paragraphs"]}
    return KB(meta=doc["meta"], raw_records=doc["records"], paragraphs=paragraphs,
              findings=tuple(doc.get("findings", ())), path=path)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large KB is parsed and validated.

    json.loads of a 100,000-record KB creates millions of containers, none of them garbage; the
    collector would walk them again and again (about a third of the parse time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@cache
def schema() -> Mapping[str, Any]:
    return json.loads(read_data_text("kb.schema.json"))


def resolve_path(path: str | os.PathLike[str] | None = None) -> str | None:
    """The KB the user asked for (argument, then KZIR_KB), or None for the bundled one."""
    chosen = path if path is not None else os.environ.get(KB_ENV) or None
    return os.fspath(chosen) if chosen is not None else None


@cache
def _load(path: str | None) -> KB:
    if path is not None:
        from .kb_integrity import is_sqlite

        if is_sqlite(path):
            from . import sqlite_kb

            return sqlite_kb.load(path)
    # Bytes straight to json.loads: it decodes UTF-8 itself, sparing a second pass over a big KB.
    if path is None:
        data, label = read_data_bytes("kb.json"), BUNDLED
    else:
        data, label = read_kb_bytes(path), path
    with _no_gc():
        try:
            doc = json.loads(data)
        except UnicodeDecodeError as exc:
            raise KbError(f"cannot read KB '{label}': {exc}") from None
        except json.JSONDecodeError as exc:
            raise KbError(f"invalid KB {label}: not JSON: {exc}") from None
        except RecursionError:
            raise KbError(f"invalid KB {label}: nested too deeply to be a KB") from None
        except ValueError:  # an integer of more digits than Python converts (4,300)
            raise KbError(f"invalid KB {label}: a number too long to be a KB value") from None
        del data
        if path is not None:  # the bundled KB is checked by the tests, not on every run
            validate(doc, schema())
        kb = build(doc, label)
        if len(kb.raw_records) >= _FREEZE_FROM:
            # A big KB lives as long as the process: move its millions of objects out of the
            # collector's sight before it runs again (else its first collection walks them all).
            gc.freeze()
    return kb


def sha256(path: str | os.PathLike[str] | None = None) -> str:
    """The SHA-256 of the KB file `load(path)` reads: names the exact bytes a result came from."""
    import hashlib

    chosen = resolve_path(path)
    if chosen is not None:
        from .kb_integrity import is_sqlite

        if is_sqlite(chosen):  # the JSON KB it was exported from, as the file records it
            store = load(chosen).store
            assert store is not None
            return store.kb_sha256
    try:
        if chosen is None:
            data = read_data_bytes("kb.json")
        else:
            with open(chosen, "rb") as stream:
                data = stream.read()
    except OSError as exc:
        raise KbError(f"cannot read KB '{chosen}': {exc.strerror or exc}") from None
    return hashlib.sha256(data).hexdigest()


_HINTED: set[str] = set()


def load(path: str | os.PathLike[str] | None = None, *, hint: bool = True) -> KB:
    """The KB, loaded and validated once per path for the life of the process. A JSON KB over
    HINT_BYTES gets one stderr line suggesting to convert it (unless `hint` is False: the
    conversion itself)."""
    chosen = resolve_path(path)
    kb = _load(chosen)
    if (hint and chosen is not None and kb.store is None and chosen not in _HINTED
            and os.path.getsize(chosen) > HINT_BYTES):
        import sys

        _HINTED.add(chosen)
        sys.stderr.write(f"hint: {chosen} is {os.path.getsize(chosen) / 1e6:.0f} MB of JSON, "
                         f"parsed on every run; convert it once (kzir --kb {chosen} export "
                         f"--format sqlite -o KB.db) and use --kb KB.db\n")
    return kb
