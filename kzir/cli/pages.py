"""Listings that read only the rows they show: a SQLite KB with --limit and nothing that needs
every row."""

from __future__ import annotations

from collections.abc import Callable, Sequence

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from ..kb import KB
    from ..options import OutputOptions


def listing_rows(base: KB, kind: str, out: OutputOptions, *, filtered: bool,
                 every: Callable[[], Sequence[Any]]) -> tuple[Sequence[Any], int | None]:
    """The rows a listing of `kind` builds its view from, and its row count when they are only
    the first ones (else None: they are all of them, as `every()` reads them).

    Only the first --limit rows, in the kind's listing order as stored at export, and the count
    from the file, when: the KB is a SQLite file, --limit is given, and no filter (scanned in
    Python), --sort (needs every row) or --fields (a field any row may hold) is. A JSON KB is
    always read whole, so its output does not change.
    """
    if base.store is None or out.limit is None or filtered or out.sort or out.fields:
        return every(), None
    from .. import query

    return query.first_of_kind(base, kind, out.limit)
