"""Find a term's spellings in the folded fields and score them with BM25F."""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate, compress, islice, repeat
from operator import add, not_

from ..slotted import Slotted
from .analysis import Spelling, Term
from .folding import FA_BYTES, WORD_BYTES, unfold
from .index import Blob, Index
from .params import FIELDS, LANGS, PREFIX_MIN, PREFIX_WEIGHT
from .vocabulary import EN_SUFFIXES, FA_SUFFIXES

# ---------------------------------------------------------------------------------------------
# Matching and scoring
# ---------------------------------------------------------------------------------------------

def continuation_weight(data: bytes, end: int, stem_len: int, lang: str) -> float:
    """1 when the word goes on with an inflection, PREFIX_WEIGHT for another ending, else 0."""
    stop = end
    limit = min(len(data), end + 40)
    while stop < limit and data[stop] in WORD_BYTES:
        stop += 1
    if stop == end:
        return 1.0
    rest = data[end:stop]
    if lang == "fa" or rest[0] in FA_BYTES:
        if unfold(rest) in FA_SUFFIXES:
            return 1.0
        return PREFIX_WEIGHT if stem_len >= PREFIX_MIN["fa"] else 0.0
    if rest.decode("latin-1") in EN_SUFFIXES:
        return 1.0
    return PREFIX_WEIGHT if stem_len >= PREFIX_MIN["en"] else 0.0


def _number_boundary(data: bytes, end: int) -> bool:
    """A number ends here: no digit follows, nor a decimal or thousands separator and a digit."""
    nxt = data[end:end + 2]
    if not nxt:
        return True
    if 48 <= nxt[0] <= 57:
        return False
    return not (nxt[0] in (44, 46) and len(nxt) == 2 and 48 <= nxt[1] <= 57)


_WORD_END = frozenset(b" .,\x1e")
_CELL_END = b"\x1e"


def _matches(blob: Blob, spelling: Spelling, lo: int, hi: int) -> Iterator[tuple[int, float]]:
    """(cell, weight) for every match of one spelling in cells lo..hi-1 of one language.

    A match starts a word (the needle begins with the space before it); its weight is 1 for a
    whole word or an inflection, PREFIX_WEIGHT for another continuation of a long stem, else 0.
    """
    needle = b" " + spelling.text
    data = blob.data
    starts = blob.starts
    find = data.find
    number = spelling.number
    not_after = spelling.not_after
    lang = "fa" if spelling.text[0] in FA_BYTES else "en"
    stem_len = len(spelling.text.rsplit(b" ", 1)[-1])
    size = len(needle)
    stop = starts[hi] - 1
    cell = lo
    at = find(needle, starts[lo], stop)
    while at != -1:
        end = at + size
        if not_after and _after(data, at, not_after):
            weight = 0.0
        elif data[end] in _WORD_END and not number:
            weight = 1.0
        elif number:
            weight = 1.0 if _number_boundary(data, end) else 0.0
        else:
            weight = continuation_weight(data, end, stem_len, lang)
        if weight:
            cell = bisect.bisect_right(starts, at, cell) - 1
            yield cell, weight
        at = find(needle, end, stop)


def _after(data: bytes, at: int, heads: tuple[bytes, ...]) -> bool:
    """Whether the word starting after data[at] (a space) directly follows one of `heads`."""
    for head in heads:
        start = at - len(head)
        if start > 0 and data[start:at] == head and data[start - 1] not in WORD_BYTES:
            return True
    return False


def _lookups(index: Blobs, term: Term) -> Iterator[tuple[Blob, str, Spelling]]:
    """Each (language text, language, spelling) a term is looked up in."""
    for spelling in term.spellings:
        if spelling.text:
            for lang in (LANGS if spelling.lang == "num" else (spelling.lang,)):
                yield index.blob(lang), lang, spelling


class TermStats(Slotted):
    """One term over the whole KB: tf̃ (field-weighted, length-normalised tf) per document."""

    _frozen = False

    term: Term
    tilde: dict[int, float]
    total: int | None = None  # documents matching in the whole KB, when `tilde` covers only some

    @property
    def df(self) -> int:
        return len(self.tilde) if self.total is None else self.total


TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Protocol

    class Blobs(Protocol):
        """What scoring reads of an index: the folded fields of one language (Index, DbIndex)."""

        def blob(self, lang: str) -> Blob: ...


def term_stats(index: Blobs, term: Term) -> TermStats:
    tilde: dict[int, float] = {}
    get = tilde.get
    width = len(FIELDS)
    for blob, _lang, spelling in _lookups(index, term):
        factors = blob.factors()
        lengths = blob.lengths
        for cell, tf in _cell_counts(blob, spelling).items():
            doc, f = divmod(cell, width)
            w, c0, c1 = factors[f]
            tilde[doc] = get(doc, 0.0) + tf * w / (c0 + c1 * (lengths[cell] - 2))
    return TermStats(term, tilde)


def _cell_counts(blob: Blob, spelling: Spelling) -> dict[int, float]:
    """The weighted number of matches of one spelling in each cell of the whole text: what
    `_matches` yields, summed per cell, with the common case done in bulk.

    A spelling such as «ایران» occurs in most documents of a big KB; looked at one match at a
    time that is a second of Python. Here the text is split at the spelling (one pass in C); the
    offsets of the matches, their cells (the cell separators counted in the text before each) and
    the byte after each come from C-level maps; only the matches not followed by a word end
    (inflections, longer words) go through `_matches`' rules.
    """
    if spelling.number or spelling.not_after:
        counts: dict[int, float] = {}
        for cell, weight in _matches(blob, spelling, 0, len(blob.lengths)):
            counts[cell] = counts.get(cell, 0.0) + weight
        return counts
    data = blob.data
    needle = b" " + spelling.text
    size = len(needle)
    pieces = data.split(needle)
    if len(pieces) == 1:
        return {}
    before = islice(pieces, len(pieces) - 1)
    ats = list(accumulate(map(add, map(len, islice(pieces, 1, len(pieces) - 1)), repeat(size)),
                          initial=len(pieces[0])))
    cells = list(accumulate(map(bytes.count, before, repeat(_CELL_END))))
    del pieces, before
    whole = list(map(_WORD_END.__contains__, map(data.__getitem__, map(add, ats, repeat(size)))))
    counts = dict(Counter(compress(cells, whole)))
    if not all(whole):
        lang = "fa" if spelling.text[0] in FA_BYTES else "en"
        stem_len = len(spelling.text.rsplit(b" ", 1)[-1])
        for i in compress(range(len(whole)), map(not_, whole)):
            weight = continuation_weight(data, ats[i] + size, stem_len, lang)
            if weight:
                counts[cells[i]] = counts.get(cells[i], 0.0) + weight
    return counts


def field_tf(index: Index, term: Term, doc: int) -> dict[str, float]:
    """The term's weighted count in each field of one document (for explanations)."""
    out: dict[str, float] = {}
    width = len(FIELDS)
    for blob, lang, spelling in _lookups(index, term):
        for cell, weight in _matches(blob, spelling, doc * width, doc * width + width):
            key = f"{FIELDS[cell % width]}_{lang}"
            out[key] = out.get(key, 0.0) + weight
    return out


def idf(df: int, n: int) -> float:
    """BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5))."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
