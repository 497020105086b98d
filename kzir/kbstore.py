"""A validated KB as kept in the cache: read back without parsing or validating it again.

Why: parsing a 100,000-record KB's JSON costs more than half a second on every run, and most
commands use a few of its records (a search shows ten). Kept here, the records are marshalled
sixteen at a time into one block of bytes with the offset of each chunk, so a run reads the block
in one go and turns into dicts only the chunks it uses. Only a KB that passed validation is ever
stored (see `kzir.kb`), under a key of its exact bytes and kzir's code (see `kzir.cache`).
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any, overload

FORMAT = 2
CHUNK = 16  # records marshalled together: half the cost of one by one, and 16 read for one


class StoredRecords(Sequence[Mapping[str, Any]]):
    """The records of a stored KB, turned back into dicts a chunk at a time when read."""

    __slots__ = ("_count", "_data", "_last", "_offsets")

    def __init__(self, data: bytes, offsets: list[int], count: int) -> None:
        self._data = data
        self._offsets = offsets  # where chunk k starts; the last one is the end
        self._count = count
        self._last: tuple[int, list[Any]] = (-1, [])

    def __len__(self) -> int:
        return self._count

    def _chunk(self, k: int) -> list[Any]:
        if self._last[0] != k:
            self._last = (k, marshal.loads(self._data[self._offsets[k]:self._offsets[k + 1]]))
        return self._last[1]

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
        return self._chunk(index // CHUNK)[index % CHUNK]

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        data, offsets, loads = self._data, self._offsets, marshal.loads
        for k in range(len(offsets) - 1):
            yield from loads(data[offsets[k]:offsets[k + 1]])


def pack(doc: Mapping[str, Any]) -> tuple[Any, ...]:
    """A validated KB document in the stored form (marshal-able)."""
    records = doc["records"]
    parts = [marshal.dumps(records[i:i + CHUNK]) for i in range(0, len(records), CHUNK)]
    offsets = array("q", accumulate(map(len, parts), initial=0)).tobytes()
    return (FORMAT, doc["meta"], doc["paragraphs"], doc.get("findings", []), b"".join(parts),
            offsets, len(records))


def unpack(stored: Any) -> dict[str, Any] | None:
    """The KB document back from `pack`, its records read lazily; None if not that form."""
    if not (isinstance(stored, tuple) and len(stored) == 7 and stored[0] == FORMAT):
        return None
    _, meta, paragraphs, findings, data, raw_offsets, count = stored
    if not (isinstance(meta, dict) and isinstance(paragraphs, list)
            and isinstance(findings, list) and isinstance(data, bytes)
            and isinstance(raw_offsets, bytes) and isinstance(count, int)
            and len(raw_offsets) % 8 == 0):
        return None
    offsets = array("q")
    offsets.frombytes(raw_offsets)
    chunks = -(-count // CHUNK)
    if len(offsets) != chunks + 1 or offsets[0] != 0 or offsets[-1] != len(data):
        return None
    return {"meta": meta, "paragraphs": paragraphs, "findings": findings,
            "records": StoredRecords(data, offsets.tolist(), count)}
