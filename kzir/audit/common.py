"""The finding type shared by every check, and small formatting helpers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..kb import KB
from ..model import ID_PREFIXES, Record, Source
from ..numerals import to_persian_digits
from ..slotted import Factory, Slotted
from ..text import pick

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, ClassVar, Final

SEVERITIES: Final = ("error", "warning", "note")
CATEGORIES: Final = (
    "arithmetic", "calendar", "names", "typo", "duplicate", "contradiction", "relative-date",
    "changed", "disputed",
)  # fmt: skip
ORIGINS: Final = ("computed", "curated")

Article = Mapping[int, str]
"""The article as ``{paragraph number: text}`` (line N of data/article_fa.txt is paragraph N)."""


# --------------------------------------------------------------------------- the finding


Evidence = Source  # a verbatim span of one paragraph that shows the problem


class Finding(Slotted):
    """One defect of the article, explained in both languages with the evidence and the working."""

    id: str
    severity: str
    category: str
    message_en: str
    message_fa: str
    evidence: tuple[Evidence, ...]
    computation: str | None
    source: str
    intended_fa: str | None = None
    extra: Mapping[str, Any] = Factory(dict)

    _hidden: ClassVar[tuple[str, ...]] = ("extra",)  # not compared

    @property
    def paragraphs(self) -> tuple[int, ...]:
        return tuple(sorted({e.paragraph for e in self.evidence}))

    def message(self, lang: str) -> str:
        return pick(self.message_en, self.message_fa, lang)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract object (the KB's finding fields plus ``source``)."""
        obj: dict[str, Any] = {
            "id": self.id,
            "severity": self.severity,
            "category": self.category,
            "message_en": self.message_en,
            "message_fa": self.message_fa,
            "evidence": [{"paragraph": e.paragraph, "quote": e.quote} for e in self.evidence],
            "computation": self.computation,
            "intended_fa": self.intended_fa,
            "source": self.source,
        }
        obj.update({k: v for k, v in self.extra.items() if k not in obj})
        return obj


_FINDING_FIELDS: Final = frozenset(
    {"id", "severity", "category", "message_en", "message_fa", "evidence", "computation",
     "intended_fa", "source"}
)  # fmt: skip


def finding_from_dict(raw: Mapping[str, Any], source: str = "curated") -> Finding:
    """A curated finding from the KB (schema-validated on load); unknown fields are kept."""
    return Finding(
        id=raw["id"],
        severity=raw["severity"],
        category=raw["category"],
        message_en=raw["message_en"],
        message_fa=raw["message_fa"],
        evidence=tuple(Evidence(e["paragraph"], e["quote"]) for e in raw["evidence"]),
        computation=raw.get("computation"),
        source=source,
        intended_fa=raw.get("intended_fa"),
        extra=MappingProxyType({k: v for k, v in raw.items() if k not in _FINDING_FIELDS}),
    )


def select(findings: Iterable[Finding], categories: Iterable[str] | None = None,
           severities: Iterable[str] | None = None) -> list[Finding]:
    """Findings in any of these categories and any of these severities (None: all)."""
    cats = set(categories) if categories else None
    sevs = set(severities) if severities else None
    return [f for f in findings
            if (cats is None or f.category in cats) and (sevs is None or f.severity in sevs)]


def article_of(kb: KB) -> dict[int, str]:
    """The article as the KB carries it (its paragraphs are verbatim lines of article_fa.txt)."""
    return {n: p.fa for n, p in kb.paragraphs.items()}


def body_of(kb: KB, article: Article) -> dict[int, str]:
    """Paragraphs that are running text: headings repeat the body and boilerplate is not prose."""
    return {n: t for n, t in article.items()
            if n not in kb.paragraphs or kb.paragraphs[n].role == "body"}


# --------------------------------------------------------------------------- formatting helpers


def fa(value: object) -> str:
    """Persian digits (and separators) for the Persian messages."""
    return to_persian_digits(str(value), separators=True)


def num(value: float) -> str:
    """A figure as people read it: 15,389,000 or 69.9."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def num_fa(value: float) -> str:
    return fa(num(value))


def evidence_of(records: Iterable[Record], paragraphs: Iterable[int] | None = None
                      ) -> tuple[Evidence, ...]:
    """The records' own citations (verbatim by the KB's contract), deduplicated, in order."""
    wanted = set(paragraphs) if paragraphs is not None else None
    seen: dict[tuple[int, str], Evidence] = {}
    for record in records:
        for s in record.sources:
            if wanted is None or s.paragraph in wanted:
                seen.setdefault((s.paragraph, s.quote), Evidence(s.paragraph, s.quote))
    return tuple(sorted(seen.values(), key=lambda e: e.paragraph))


def around(text: str, start: int, end: int, before: int = 2, after: int = 3) -> str:
    """A verbatim span around text[start:end], widened by a few whole words on each side."""
    left = start
    for _ in range(before):
        cut = text.rfind(" ", 0, max(left - 1, 0))
        if cut < 0:
            left = 0
            break
        left = cut + 1
    right = end
    for _ in range(after):
        cut = text.find(" ", right + 1)
        if cut < 0:
            right = len(text)
            break
        right = cut
    return text[left:right].strip(" ،,.:«»")


def slug(record_id: str) -> str:
    """A record id without its kind prefix, for readable finding ids."""
    head, _, rest = record_id.partition("-")
    return rest if head in ID_PREFIXES and rest else record_id
