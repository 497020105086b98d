"""Every record and paragraph as folded name/text/other fields, per language."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from itertools import accumulate, chain, repeat
from operator import add

from ..kb import KB
from ..model import Paragraph, Record
from ..slotted import Slotted
from .analysis import Lexicon, Term
from .folding import fold, fold_normalized, nfkc, unfold
from .intent import own_names
from .params import FIELD_B, FIELD_WEIGHT, FIELDS, PARAGRAPH_KIND
from .record_text import cells_of
from .vocabulary import STOP_EN, STOP_FA, lang_of

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from .ranking import TermStats

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

# ---------------------------------------------------------------------------------------------
# The index: folded text of every field of every document, per language
# ---------------------------------------------------------------------------------------------

class Blob(Slotted):
    """One language's folded text: cell i (document i // 3, field i % 3) is
    data[starts[i]:starts[i + 1] - 1], a space, the field's text and a space; `lengths[i]` is that
    span's length (the field's own length + 2)."""

    _frozen = False

    data: bytes
    starts: list[int]
    lengths: list[int]
    avg: list[float]

    def factors(self) -> list[tuple[float, float, float]]:
        """Per field (w_f, 1 − b_f, b_f / avglen_f): norm(cell) = w / (c0 + c1 · len)."""
        return [(FIELD_WEIGHT[name], 1 - FIELD_B[name], FIELD_B[name] / self.avg[f])
                for f, name in enumerate(FIELDS)]


def _normalized_text(cells: list[str]) -> str:
    """All cells in NFKC, joined by " \x1e ": checked as a whole (one pass in C), and only when
    something needs it normalised cell by cell (one "…" must not send all the text the slow way)."""
    text = " " + " \x1e ".join(cells) + " "
    if unicodedata.is_normalized("NFKC", text):
        return text
    cells = [c if c.isascii() else nfkc(c) for c in cells]
    return " " + " \x1e ".join(cells) + " "


def build_blob(cells: list[str], avg: list[float] | None = None) -> Blob:
    """The folded text of these cells (3 per document); `avg`: the fields' average lengths
    over the whole KB when the cells are only some of its documents (a SQLite KB's search)."""
    data = fold_normalized(_normalized_text(cells))
    lengths = list(map(len, data.split(b"\x1e")))
    if len(lengths) != len(cells):  # a value held a \x1e itself: take it out and fold again
        cells = [c.replace("\x1e", " ") for c in cells]
        data = fold_normalized(_normalized_text(cells))
        lengths = list(map(len, data.split(b"\x1e")))
    data += b"\x1e"  # a match always has a byte after it
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    if avg is None:
        width = len(FIELDS)
        avg = []
        for f in range(width):
            column = lengths[f::width]
            filled = len(column) - column.count(2)
            avg.append((sum(column) - 2 * len(column)) / filled if filled else 1.0)
    return Blob(data, starts, lengths, avg)


STOP_WORDS = {"en": STOP_EN, "fa": STOP_FA}
_WORD_SPLIT = bytes.maketrans(b".,\x1e", b"   ")


class Index:
    """Every record and paragraph of one KB as documents with folded fields, per language."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        raw = _raw_records(kb)
        self.records: Sequence[Mapping[str, Any]] = raw
        self.paragraphs: list[Paragraph] = sorted(kb.paragraphs.values(), key=lambda p: p.n)
        self.size = len(raw) + len(self.paragraphs)
        self.kinds: list[str] = [*(r["kind"] for r in raw),
                                 *[PARAGRAPH_KIND] * len(self.paragraphs)]
        self._blobs: dict[str, Blob] = {}
        self._words: dict[str, frozenset[bytes]] = {}
        self._candidates: dict[str, list[str]] = {}
        self._kind_of: dict[str, str] | None = None
        self._named: dict[frozenset[str], dict[bytes, frozenset[str]]] = {}
        self.lexicon = Lexicon(lambda: self.words("fa"))

    def blob(self, lang: str) -> Blob:
        """The folded text of one language, built on first use."""
        blob = self._blobs.get(lang)
        if blob is None:
            blob = self._blobs[lang] = build_blob(self.cells(lang))
        return blob

    def words(self, lang: str) -> frozenset[bytes]:
        """Every distinct folded word of one language's text, built on first use."""
        words = self._words.get(lang)
        if words is None:
            words = self._words[lang] = frozenset(
                self.blob(lang).data.translate(_WORD_SPLIT).split())
        return words

    def fuzzy_candidates(self, lang: str, length: int) -> list[str]:
        """The words of one language a word of `length` letters may be a misspelling of: those
        of its script, of letters only, within two letters of its length, not stop words."""
        key = f"{lang}:{length}"
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = sorted(
                word for raw in self.words(lang) if abs(len(raw) - length) <= 2
                for word in (unfold(raw),) if word.isalpha() and lang_of(word) == lang
                and word not in STOP_WORDS[lang])
        return found

    @property
    def kind_of(self) -> Mapping[str, str]:
        """Each record's kind by its id (built on first use)."""
        if self._kind_of is None:
            self._kind_of = {str(r["id"]): self.kinds[doc] for doc, r in enumerate(self.records)}
        return self._kind_of

    def named(self, words: Sequence[str],
              kinds: frozenset[str] = frozenset({"person"})) -> frozenset[str]:
        """The ids of the records of `kinds` a query's words name: a word of 4+ letters of one
        of their own names (see `intent.own_names`) that no other such record's names have —
        Tokayev, «توکایف», not Seyyed or Ayatollah."""
        owners = self._named.get(kinds)
        if owners is None:
            found: dict[bytes, set[str]] = {}
            for doc, kind in enumerate(self.kinds[:len(self.records)]):
                if kind in kinds:
                    data = self.records[doc]
                    for name in own_names(data):
                        for word in fold(name).split():
                            if len(word) >= 4 and not word.isdigit():
                                found.setdefault(word, set()).add(str(data["id"]))
            owners = self._named[kinds] = {
                w: frozenset(ids) for w, ids in found.items() if len(ids) == 1}
        return frozenset().union(*(owners.get(fold(w), ()) for w in words))

    def cells(self, lang: str) -> list[str]:
        """Every document's (name, text, other) fields in one language, document by document."""
        out = list(chain.from_iterable(cells_of(self.records, lang)))
        for p in self.paragraphs:
            out += ("", p.fa if lang == "fa" else p.en, "")
        return out

    def term_stats(self, terms: Sequence[Term]) -> list[TermStats]:
        from .ranking import term_stats

        return [term_stats(self, term) for term in terms]

    def matched(self, candidates: int) -> int:
        """How many documents matched in all (here: every one was scored)."""
        return candidates

    def record(self, doc: int) -> Record:
        return self.kb.record_at(doc)

    def doc_id(self, doc: int) -> str:
        if doc < len(self.records):
            return str(self.records[doc]["id"])
        return f"paragraph-{self.paragraphs[doc - len(self.records)].n}"


def _raw_records(kb: KB) -> Sequence[Mapping[str, Any]]:
    raw = getattr(kb, "raw_records", None)
    if raw is not None:
        return raw
    return [r.data for r in kb.records]


_INDEXES: dict[int, tuple[KB, Index]] = {}


def index_for(kb: KB) -> Index:
    """The index of this KB, built once per process."""
    hit = _INDEXES.get(id(kb))
    if hit is None or hit[0] is not kb:
        hit = (kb, Index(kb))
        _INDEXES[id(kb)] = hit
    return hit[1]
