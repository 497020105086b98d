"""A validated KB as kept in the cache: read back without parsing or validating it again.

Why: parsing a 100,000-record KB's JSON costs more than half a second on every run, and most
commands use a few of its records (a search shows ten). Kept here, each record is marshalled on
its own into one block of bytes with the offsets of each, so a run reads the block in one go and
turns into a dict only the records it uses. Only a KB that passed validation is ever stored
(see `kzir.kb`), under a key of its exact bytes and kzir's code (see `kzir.cache`).
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any, overload

FORMAT = 1


class StoredRecords(Sequence[Mapping[str, Any]]):
    """The records of a stored KB, each turned back into a dict when it is read."""

    __slots__ = ("_data", "_offsets")

    def __init__(self, data: bytes, offsets: list[int]) -> None:
        self._data = data
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> Mapping[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Mapping[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("record index out of range")
        return marshal.loads(self._data[self._offsets[index]:self._offsets[index + 1]])

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        data, offsets, loads = self._data, self._offsets, marshal.loads
        for i in range(len(offsets) - 1):
            yield loads(data[offsets[i]:offsets[i + 1]])


def pack(doc: Mapping[str, Any]) -> tuple[Any, ...]:
    """A validated KB document in the stored form (marshal-able)."""
    parts = list(map(marshal.dumps, doc["records"]))
    offsets = array("q", accumulate(map(len, parts), initial=0)).tobytes()
    return (FORMAT, doc["meta"], doc["paragraphs"], doc.get("findings", []), b"".join(parts),
            offsets)


def unpack(stored: Any) -> dict[str, Any] | None:
    """The KB document back from `pack`, its records read lazily; None if not that form."""
    if not (isinstance(stored, tuple) and len(stored) == 6 and stored[0] == FORMAT):
        return None
    _, meta, paragraphs, findings, data, raw_offsets = stored
    offsets = array("q")
    offsets.frombytes(raw_offsets)
    return {"meta": meta, "paragraphs": paragraphs, "findings": findings,
            "records": StoredRecords(data, offsets.tolist())}
