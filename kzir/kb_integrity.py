"""The rules a KB must keep that its JSON Schema cannot say, checked where a KB file is loaded.

A `--kb` file is data from anyone: before kzir indexes or prints it, it must be a regular file of
sane size, shallow enough to walk, with integers a database can hold, whole ids, real dates, and
sources that quote the paragraphs they cite word for word. Each problem is one KbError naming the
record and field. The bundled KB passes the same checks in the tests.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Mapping

from .errors import KbError

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, Final

MAX_BYTES: Final = 2 * 1024**3  # a JSON KB larger than 2 GiB is refused (convert it to SQLite)
MAX_DEPTH: Final = 32  # the schema needs 6 levels; a deeper document is not a KB
MAX_INT: Final = 2**63 - 1  # what SQLite (and every spreadsheet) can hold

ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


SQLITE_HEADER: Final = b"SQLite format 3\x00"


def is_sqlite(path: str) -> bool:
    """Whether the file at `path` is a SQLite database, by its first 16 bytes (not its name)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.read(fd, 16) == SQLITE_HEADER
    except OSError:
        return False
    finally:
        os.close(fd)


def read_kb_bytes(path: str) -> bytes:
    """The bytes of a KB file: a regular file, at most MAX_BYTES (never /dev/zero or a FIFO)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise KbError(f"cannot read KB '{path}': not a regular file",
                              hint="give a .json file exported by kzir or of its schema")
            if info.st_size > MAX_BYTES:
                raise KbError(f"cannot read KB '{path}': {info.st_size:,} bytes, over the "
                              f"{MAX_BYTES:,}-byte limit for a JSON KB")
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise KbError(f"cannot read KB: no file '{path}'", hint="check --kb / KZIR_KB") from None
    except IsADirectoryError:
        raise KbError(f"cannot read KB '{path}': is a directory") from None
    except OSError as exc:
        raise KbError(f"cannot read KB '{path}': {exc.strerror or exc}") from None
    except ValueError:  # a NUL byte or an unencodable character in the name
        raise KbError(f"cannot read KB {path!r}: not a valid file name") from None


def check_shape(doc: Any) -> None:
    """Depth and integer size, walked without recursion so no later walk can overflow the stack."""
    stack: list[tuple[Any, int, tuple[str | int, ...]]] = [(doc, 1, ())]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, dict):
            children: Iterator[tuple[str | int, Any]] = iter(value.items())
        elif isinstance(value, list):
            children = enumerate(value)
        else:
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
                raise KbError(f"invalid KB: {describe(doc, path)}: integer out of range "
                              f"(at most {MAX_INT:,} in absolute value)")
            continue
        if depth > MAX_DEPTH:
            raise KbError(f"invalid KB: {describe(doc, path)}: nested deeper than {MAX_DEPTH} "
                          "levels")
        for key, child in children:
            stack.append((child, depth + 1, (*path, key)))


def check_integrity(doc: Mapping[str, Any]) -> None:
    """What holds a schema-valid KB together: unique whole ids and paragraph numbers, real dates,
    sources and evidence that cite existing paragraphs and quote them verbatim."""
    paragraphs: dict[int, str] = {}
    for i, para in enumerate(doc["paragraphs"]):
        if para["n"] in paragraphs:
            raise KbError(f"invalid KB: paragraphs[{i}] field 'n': duplicate paragraph number "
                          f"{para['n']}")
        paragraphs[para["n"]] = para["fa"]
    seen: set[str] = set()
    for i, raw in enumerate(doc["records"]):
        where = ("records", i)
        if not ID.fullmatch(raw["id"]):
            raise KbError(f"invalid KB: {describe(doc, (*where, 'id'))}: {raw['id'][:60]!r} is "
                          "not a kebab-case id (a-z, 0-9 and single hyphens)")
        if raw["id"] in seen:
            raise KbError(f"invalid KB: {describe(doc, (*where, 'id'))}: duplicate id "
                          f"'{raw['id']}'")
        seen.add(raw["id"])
        _check_quotes(doc, raw.get("sources", ()), paragraphs, (*where, "sources"))
        _check_dates(doc, raw, where)
    for i, finding in enumerate(doc.get("findings", ())):
        _check_quotes(doc, finding.get("evidence", ()), paragraphs, ("findings", i, "evidence"))
    _check_dates(doc, doc["meta"], ("meta",))


def _check_quotes(doc: Mapping[str, Any], cited: Any, paragraphs: Mapping[int, str],
                  where: tuple[str | int, ...]) -> None:
    for j, source in enumerate(cited):
        n = source["paragraph"]
        if n not in paragraphs:
            raise KbError(f"invalid KB: {describe(doc, (*where, j, 'paragraph'))}: no paragraph "
                          f"{n} in the KB")
        quote = source.get("quote")
        if quote is not None and quote not in paragraphs[n]:
            raise KbError(f"invalid KB: {describe(doc, (*where, j, 'quote'))}: not found "
                          f"verbatim in paragraph {n}")


def _check_dates(doc: Mapping[str, Any], value: Any, path: tuple[str | int, ...]) -> None:
    """Every date object (a mapping with jalali, gregorian and precision) names real days."""
    from .dates import check_date_obj

    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            if {"jalali", "gregorian", "precision"} <= item.keys():
                problems = check_date_obj(item)
                if problems:
                    raise KbError(f"invalid KB: {describe(doc, where)}: {problems[0]}")
                continue
            stack.extend((child, (*where, key)) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, (*where, k)) for k, child in enumerate(item))


def describe(doc: Any, path: tuple[str | int, ...]) -> str:
    """Name the record by id and the field: "record 'doc-01' (records[3]) field 'signed.basis'"."""
    if len(path) >= 2 and path[0] == "records" and isinstance(path[1], int):
        records = doc.get("records") if isinstance(doc, dict) else None
        raw = records[path[1]] if isinstance(records, list) and path[1] < len(records) else {}
        rid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(rid, str):
            where = f"record '{rid[:60]}' (records[{path[1]}])"
        else:
            where = f"records[{path[1]}]"
        rest = path[2:]
    elif len(path) >= 2 and isinstance(path[1], int):
        where, rest = f"{path[0]}[{path[1]}]", path[2:]
    else:
        where, rest = "the KB", path
    dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{str(p)[:40]}" for p in rest)
    dotted = dotted.lstrip(".")
    return f"{where} field '{dotted}'" if dotted else where
