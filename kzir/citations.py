"""Locate each source quote inside its paragraph, so a citation can be shown in context."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .kb import KB
from .model import Record

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    """One source of a record: the paragraph in both languages and where the quote sits in it."""

    record: str
    paragraph: int
    quote: str
    start: int  # offset of the quote in `fa`, or -1 when it is not there (a broken --kb)
    end: int
    fa: str
    en: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def cite(kb: KB, record: Record) -> list[Citation]:
    citations = []
    for source in record.sources:
        paragraph = kb.paragraph(source.paragraph)
        start = paragraph.fa.find(source.quote)
        end = start + len(source.quote) if start >= 0 else -1
        citations.append(Citation(record.id, source.paragraph, source.quote, start, end,
                                  paragraph.fa, paragraph.en))
    return citations
