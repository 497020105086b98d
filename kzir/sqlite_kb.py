"""Read a KB from the SQLite file `kzir export --format sqlite` writes (`--kb FILE.db`).

Why: a JSON KB is parsed whole on every run, and a big one costs seconds and gigabytes before the
first answer. The SQLite file holds the same KB already validated, with an index per question
kzir asks of it: a record by id or position, the records of one kind, the words for search
(kzir.search.dbindex). A run reads only what it shows.

The file is opened read-only (a `mode=ro` URI): no query changes it. A file that is not SQLite,
not kzir's, of another export schema version, or damaged is refused with one line (KbError).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload
from urllib.parse import quote

from .errors import KbError
from .kb import KB
from .model import Paragraph

# The version of the file kzir.sqlite_export writes and this reader understands: it changes
# whenever a table or column changes meaning; a file of another version is refused.
SCHEMA_VERSION = 3


class Store:
    """A read-only connection to one kzir SQLite KB and the queries kzir makes of it."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True,
                                      check_same_thread=False)
            meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            raise KbError(f"cannot read KB '{path}': not a kzir SQLite KB ({exc})",
                          hint="give a file written by kzir export --format sqlite") from None
        version = meta.get("schema_version")
        if version != str(SCHEMA_VERSION):
            raise KbError(
                f"cannot read KB '{path}': SQLite export schema version {version}, this kzir "
                f"reads version {SCHEMA_VERSION}",
                hint=f"rebuild it: kzir --kb SOURCE.json export --format sqlite -o {path} "
                     "--force")
        self.meta = meta
        self.kb_sha256 = meta.get("kb_sha256") or ""

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of a query; a damaged file is one KbError, never a traceback."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise KbError(f"cannot read KB '{self.path}': {exc}") from None

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        try:
            yield from self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise KbError(f"cannot read KB '{self.path}': {exc}") from None

    # the RecordStore protocol of kzir.kb

    def of_kind(self, kind: str) -> list[Mapping[str, Any]]:
        return [json.loads(text) for (text,) in self.rows(
            "SELECT json FROM records WHERE kind = ? ORDER BY position", (kind,))]

    def position_of(self, record_id: str) -> int | None:
        found = self.rows("SELECT position FROM records WHERE id = ?", (record_id,))
        return found[0][0] - 1 if found else None

    def ids_like(self, record_id: str) -> list[str]:
        """Ids to suggest for a missing one: all of a small KB, those sharing its start in a
        big one (difflib over a million ids would take seconds)."""
        if int(self.meta.get("records") or 0) <= 50_000:
            return [i for (i,) in self.rows("SELECT id FROM records ORDER BY position")]
        head = record_id[:3]
        return [i for (i,) in self.rows(
            "SELECT id FROM records WHERE id >= ? AND id < ? LIMIT 5000", (head, head + "\uffff"))]

    def checked_findings(self) -> list[tuple[str, Mapping[str, Any]]]:
        """`kzir check`'s findings as computed when the file was written: (source, object)."""
        return [(source, json.loads(text)) for source, text in self.rows(
            "SELECT source, json FROM findings WHERE check_order IS NOT NULL "
            "ORDER BY check_order")]

    def first_of_kind(self, kind: str, limit: int) -> list[Mapping[str, Any]]:
        """The first `limit` records of a kind in listing order: the `listing` table holds each
        record's rank in its kind's order (kzir.query.LISTING_ORDER, computed at export)."""
        return [json.loads(text) for (text,) in self.rows(
            "SELECT r.json FROM listing l JOIN records r ON r.position = l.position "
            "WHERE l.kind = ? ORDER BY l.rank LIMIT ?", (kind, limit))]

    def any_inferred_event(self) -> bool:
        """Whether some event's date was inferred from context, as noted at export."""
        return self.meta.get("events_inferred") == "1"

    def kind_counts(self) -> dict[str, int]:
        """How many records of each kind, as counted at export."""
        return {str(k): int(v) for k, v in json.loads(self.meta["kind_counts"]).items()}


class StoredRecords(Sequence[Mapping[str, Any]]):
    """The records' KB objects, read from the file when asked for (by position, in order)."""

    def __init__(self, store: Store, count: int) -> None:
        self._store = store
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Mapping[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Mapping[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("record index out of range")
        (text,), = self._store.rows("SELECT json FROM records WHERE position = ?", (index + 1,))
        return json.loads(text)

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        for (text,) in self._store.stream("SELECT json FROM records ORDER BY position"):
            yield json.loads(text)


def load(path: str) -> KB:
    """The KB in a kzir SQLite file (see the module docstring)."""
    store = Store(path)
    try:
        meta = json.loads(store.meta["kb_meta"])
        count = int(store.meta["records"])
    except (KeyError, TypeError, ValueError):
        raise KbError(f"cannot read KB '{path}': its meta table is incomplete",
                      hint=f"rebuild it: kzir --kb SOURCE.json export --format sqlite -o {path} "
                           "--force") from None
    paragraphs = {n: Paragraph(n, fa, en, role) for n, fa, en, role in store.rows(
        "SELECT n, fa, en, role FROM paragraphs ORDER BY n")}
    findings = tuple(json.loads(text) for (text,) in store.rows(
        "SELECT json FROM findings WHERE source = 'curated' ORDER BY position"))
    return KB(meta=meta, raw_records=StoredRecords(store, count), paragraphs=paragraphs,
              findings=findings, path=path, store=store)
