"""Ranked search over every record and paragraph of the KB, in English or Persian.

Method: BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
2009, section 3.5), the weighted-field form of Okapi BM25. Every record and every paragraph is one
document with three fields in each language:

    name   titles, names, labels, resource and city names, spelling variants   weight 3.0, b 0.5
    text   summary and text, roles, listed items, a document's parties, the quotes;
           a paragraph's text                                                   weight 1.0, b 0.75
    other  every other value: notes, places, types, ids, numbers, dates           weight 0.4, b 0.75

    score(d) = Σ_t  qw_t · idf(t) · tf̃(t, d) / (k1 + tf̃(t, d)),   k1 = 1.2
    tf̃(t, d) = Σ_f  w_f · tf(t, f, d) / (1 − b_f + b_f · len(f, d) / avglen(f))
    idf(t)   = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))

A query term is one word of the query (or a number, or a multi-word entry of the synonym table
such as "prime minister", or two adjacent words as a phrase, qw 0.5) with its spellings: its
synonyms from the reviewed table below, fused and spaced forms of a compound, the number written
the ways the KB writes it. A query word that matches nothing at all is replaced by the closest
word of the index (difflib, same first letter; "tokaev ≈ tokayev" in --explain).

A word matches where a word of the field starts with its stem; the rest of the word must be an
inflection (consulat+es, کرسی+های) for a full match, any other continuation counts 0.5 and only
for stems of 5+ letters (English) or 4+ (Persian). English terms are looked up in the English
fields and the English translation of the paragraphs; Persian terms in the Persian ones; numbers
in the query's language (in both when the query is only numbers or mixes languages).

Normalisation (the same on query and data): NFKC; Arabic ي ى ك ة ۀ أ إ ٱ ؤ and آ to their Persian
base letters; ZWNJ = space; a Persian compound typed fused, spaced or with a ZWNJ is put in one
canonical form, and matched fused and spaced alike in the data (see `_canonical`); diacritics,
tatweel and bidi marks removed; Persian and Arabic-Indic digits and separators to ASCII; English
case folded and punctuation to spaces.

Index: the data is folded in bulk by a one-byte-per-character codec and `bytes.translate` (both
in C), so there is no tokenising in Python: the "index" of a language is the folded text of every
field of every document with the offsets of the fields, built on first use per language (an
English query never folds the Persian text). A spelling is looked up by splitting the folded text
at it (`bytes.split`); the offsets of its matches, their fields and the byte after each come from
C-level maps, so a word found in most documents of a big KB costs milliseconds, not a Python step
per match (only matches that go on into a longer word are looked at one by one). A Persian query
also needs the set of the Persian text's words (to resolve compounds), built once per index. On
a SQLite KB (`--kb FILE.db`, kzir.search.dbindex) only the documents FTS5 finds are laid out so,
scored with the corpus statistics the file keeps.
"""

from __future__ import annotations

import gc
import heapq
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager

from ..errors import UsageError
from ..kb import KB
from ..model import Paragraph, Record
from ..slotted import Slotted, replace
from .analysis import Query, Term, analyse, word_term
from .answer import key_value, shows
from .folding import fold, unfold
from .index import Index, index_for
from .intent import (
    COUNTRY_WORDS,
    ENTITY_KINDS,
    PARAGRAPH,
    RERANK_DEPTH,
    Intent,
    factor,
    figure_keys,
    is_dated,
    linked_kinds,
    own_names,
)
from .params import FIELD_B, FIELD_WEIGHT, FIELDS, K1, PARAGRAPH_KIND, SEARCH_KINDS
from .ranking import TermStats, field_tf, idf
from .record_text import NAME_KEYS
from .relative_years import with_years
from .vocabulary import STOP_EN, STOP_FA, lang_of, stem_en, stem_fa

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "FUZZY_MIN", "PARAGRAPH_KIND", "SEARCH_KINDS", "Hit", "Query", "Results", "analyse", "edits",
    "fold", "index_for", "search", "stem_en", "stem_fa", "unfold",
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


class Hit(Slotted):
    """One ranked result: a record or a paragraph, its score and why, and a snippet."""

    rank: int
    score: float
    kind: str
    id: str
    paragraphs: tuple[int, ...]
    snippet: str
    record: Record | None = None
    paragraph: Paragraph | None = None
    explain: Mapping[str, Any] | None = None

    @property
    def sources(self) -> list[dict[str, Any]]:
        if self.record is not None:
            return [dict(s) for s in self.record.data["sources"]]
        assert self.paragraph is not None
        return [{"paragraph": self.paragraph.n, "quote": self.paragraph.fa}]

    def record_json(self) -> dict[str, Any]:
        if self.record is not None:
            return dict(self.record.data)
        assert self.paragraph is not None
        return {"n": self.paragraph.n, "fa": self.paragraph.fa, "en": self.paragraph.en}


class Results(Slotted):
    """The ranked hits shown (at most `limit`) and how many documents matched in all."""

    query: Query
    hits: tuple[Hit, ...]
    total: int


MAX_QUERY_CHARS = 1_000


def search(kb: KB, query: str, *, kinds: Collection[str] | None = None, limit: int | None = 10,
           explain: bool = False, lang: str | None = None) -> Results:
    """Rank every record and paragraph of `kb` against `query` (see the module docstring).

    `kinds` keeps only those kinds (record kinds or "paragraph"); `lang` chooses the snippet
    language (default: the query's). Any text is a valid query; one with no words finds nothing.
    A query longer than MAX_QUERY_CHARS is refused (UsageError): no question is that long, and
    ranking cost grows with its words.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"the query is {len(query):,} characters long; at most "
                         f"{MAX_QUERY_CHARS:,} are searched", hint="ask a shorter question")
    with _collector_paused():
        return _search(kb, query, kinds, limit, explain, lang)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while searching: it makes no cycles, and on a big KB each
    full collection would walk every object of the KB again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _search(kb: KB, query: str, kinds: Collection[str] | None, limit: int | None,
            explain: bool, lang: str | None) -> Results:
    index: Any
    if kb.store is not None:  # a SQLite KB: FTS5 finds the documents, scored here alike
        from ..sqlite_kb import Store
        from .dbindex import DbIndex

        if not isinstance(kb.store, Store):
            raise TypeError(f"no search index for a KB stored in {type(kb.store).__name__}")
        index = DbIndex(kb, kb.store)
    else:
        index = index_for(kb)
    parsed = analyse(with_years(query, kb.meta), index.lexicon)
    n = index.size
    scores: dict[int, float] = {}
    all_stats = index.term_stats(parsed.terms)
    if any(stats.df == 0 and stats.term.kind == "word" for stats in all_stats):
        parsed = _fuzzy(index, parsed, all_stats)
        all_stats = index.term_stats(parsed.terms)
    for stats in all_stats:
        weight = stats.term.weight * idf(stats.df, n)
        get = scores.get
        for doc, t in stats.tilde.items():
            scores[doc] = get(doc, 0.0) + weight * t / (K1 + t)
    wanted = set(kinds) if kinds else None
    kinds_of = index.kinds
    candidates = [doc for doc in scores if wanted is None or kinds_of[doc] in wanted]

    def order(doc: int) -> tuple[float, int]:
        return scores[doc], -doc

    head = heapq.nlargest(RERANK_DEPTH, candidates, key=order)
    parsed, factors = _rerank(index, parsed, head)
    for doc, f in factors.items():
        scores[doc] *= f
    if limit is None or limit >= len(candidates):
        shown = sorted(candidates, key=order, reverse=True)
    else:
        shown = heapq.nlargest(limit, candidates, key=order)
    snippet_lang = lang or parsed.lang
    hits = tuple(_hit(index, doc, rank, scores[doc], parsed, all_stats, snippet_lang,
                      factors.get(doc, 1.0) if explain else None)
                 for rank, doc in enumerate(shown, 1))
    return Results(parsed, hits, index.matched(len(candidates)))


def _rerank(index: Index, query: Query, head: Sequence[int]) -> tuple[Query, dict[int, float]]:
    """The factor of each of the top documents by words (see `intent`; a paragraph PARAGRAPH),
    and the query with its intent settled: «کی بود» is "when" if the best record by words is
    dated, else "who"."""
    intent = query.intent
    records = [doc for doc in head if doc < len(index.records)]
    if intent.ask == "who-or-when":
        first = records[0] if records else None
        ask = "when" if first is not None and is_dated(index.records[first]) else "who"
        intent = replace(intent, ask=ask)
        query = replace(query, intent=intent)
    kinds = {index.kinds[doc] for doc in records}
    subjects = {doc for doc in records if _is_subject(
        index.records[doc], query.terms, lambda: index.named(query.words, ENTITY_KINDS))}
    designated = frozenset(index.doc_id(doc) for doc in records
                           if _by_role(index.records[doc], query.terms))
    people = designated | (index.named(query.words) if "event" in kinds else frozenset())
    kind_of = index.kind_of if intent.ask in ("who", "where") else {}
    factors = {doc: factor(index.records[doc], intent, people, doc in subjects, designated,
                           linked_kinds(index.records[doc], kind_of) if kind_of else (),
                           intent.ask == "amount" and _measures(index.records[doc], query.terms))
               for doc in records}
    factors.update((doc, PARAGRAPH) for doc in head if doc >= len(index.records))
    return query, {doc: f for doc, f in factors.items() if f != 1.0}


def _measures(data: Mapping[str, Any], terms: Sequence[Term]) -> bool:
    """Whether a figure the record holds is named by a word of the query: a word of its key
    starts with the word's stem ("neighbours" → neighbours_of_iran). Keys are English, so
    this reads English queries only."""
    stems = [s.text.decode() for t in terms if t.kind in ("word", "fuzzy")
             for s in t.spellings if s.lang == "en" and len(s.text) >= 4 and b" " not in s.text]
    return bool(stems) and any(word.startswith(stem) for key in figure_keys(data)
                               for word in key.split("_") for stem in stems)


def _by_role(data: Mapping[str, Any], terms: Sequence[Term]) -> bool:
    """Whether the query designates this person by a role: every word of it but the countries
    is a word of one of the person's roles ("the customs spokesman", "first vice president")."""
    roles = data.get("roles") if data.get("kind") == "person" else None
    if not roles:
        return False
    words = [t for t in terms if t.kind in ("word", "fuzzy") and t.label not in COUNTRY_WORDS]
    if not words:
        return False
    for role in roles:
        text = b" " + b" ".join(fold(str(v)) for v in role.values())
        if all(any(b" " + s.text in text for s in term.spellings) for term in words):
            return True
    return False


def _is_subject(data: Mapping[str, Any], terms: Sequence[Term],
                named: Callable[[], frozenset[str]]) -> bool:
    """Whether the query is this entity's name: its words are all words of one of the record's
    own names, and they are that name's every word ("Almaty", "KTZ", «آلماتی»; stop words
    aside) or one that names this entity alone (`named()`, the entities the query's words
    name — asked only then, as it reads every entity of the KB: "Tokayev", "Aktau" of Aktau
    port)."""
    words = [t for t in terms if t.kind in ("word", "fuzzy")]
    if not words or len(words) != sum(t.kind != "phrase" for t in terms):
        return False
    needles = [[b" " + s.text for s in term.spellings] for term in words]
    for name in own_names(data):
        name_words = [b" " + w for w in fold(name).split() if unfold(w) not in STOP_EN | STOP_FA]
        text = b"".join(name_words)
        if all(any(n in text for n in spellings) for spellings in needles) and (
                all(any(w.startswith(n) for spellings in needles for n in spellings)
                    for w in name_words) or data["id"] in named()):
            return True
    return False


# Fuzzy matching, measured on the KB's own words: of its Persian words of 3, 4 and 5 letters,
# 77%, 47% and 33% are one edit from another of its words (English: 79%, 57%, 45%); of 6 letters
# or more, 14–20% (English 14–26%). So a word of under 6 letters that the KB lacks is far more
# often another word (افتاد, not استاد) than a misspelling, and is never loosened.
FUZZY_MIN = 6  # letters
FUZZY_LONG = 9  # letters from which two edits are allowed (one below)


def _fuzzy(index: Index, query: Query, all_stats: list[TermStats]) -> Query:
    """Each query word that matches nothing at all looked up instead as a word of the index
    within one edit (two from FUZZY_LONG letters; a swap of two letters is one edit), the
    first letter the same (so order does not become border), e.g. Tokaev as tokayev — and only
    when exactly one word of the index is that close: a word with two such neighbours is not
    a misspelling of either that we could tell. A word that matches anything is never changed.
    The term is labelled "tokaev ≈ tokayev", kind "fuzzy"; the query's words read it as found."""
    terms: list[Term] = []
    words = list(query.words)
    for stats in all_stats:
        term = stats.term
        word = term.label
        if stats.df == 0 and term.kind == "word" and " " not in word and len(word) >= FUZZY_MIN:
            lang = lang_of(word)
            found = _closest(word, index.fuzzy_candidates(lang, len(word)),
                             1 if len(word) < FUZZY_LONG else 2)
            if found:
                term = word_term([found], lang, index.lexicon, label=f"{word} ≈ {found}",
                                  kind="fuzzy")
                words = [found if w == word else w for w in words]
        terms.append(term)
    return replace(query, terms=tuple(terms), words=tuple(words))


def _closest(word: str, candidates: Sequence[str], most: int) -> str | None:
    """The one candidate within `most` edits of `word` (same first letter) closer than any
    other, or None."""
    best: list[str] = []
    best_d = most + 1
    for candidate in candidates:
        if candidate[0] != word[0] or candidate == word:
            continue
        d = edits(word, candidate, best_d + 1)
        if d < best_d:
            best, best_d = [candidate], d
        elif d == best_d and d <= most:
            best.append(candidate)
    return best[0] if len(best) == 1 and best_d <= most else None


def edits(a: str, b: str, limit: int = 3) -> int:
    """Edits (insert, delete, substitute, swap two adjacent letters) from a to b; `limit` when
    there are at least that many."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) >= limit:
            return limit
        prev2, prev = prev, row
    return min(prev[-1], limit)


def _hit(index: Index, doc: int, rank: int, score: float, query: Query,
         all_stats: Sequence[TermStats], lang: str, explain_factor: float | None) -> Hit:
    record: Record | None = None
    paragraph: Paragraph | None = None
    if doc < len(index.records):
        record = index.record(doc)
        texts = _record_texts(record, lang)
        paragraphs = record.paragraphs
    else:
        paragraph = index.paragraphs[doc - len(index.records)]
        texts = [paragraph.fa if lang == "fa" else paragraph.en]
        paragraphs = (paragraph.n,)
    snippet = make_snippet(texts, query, lang,
                           weights=[s.term.weight * idf(s.df, index.size) for s in all_stats])
    if record is not None:
        key = key_value(record.data, lang, query.intent.ask)
        if key and not shows(snippet, key):
            snippet = f"{key} — {snippet}"
    why = (explanation(index, doc, score, all_stats, query.intent, explain_factor)
           if explain_factor is not None else None)
    return Hit(rank, round(score, 4), index.kinds[doc], index.doc_id(doc), paragraphs, snippet,
               record, paragraph, why)


def _record_texts(record: Record, lang: str) -> list[str]:
    data = record.data
    texts = [str(data[k]) for k in (f"summary_{lang}", f"text_{lang}") if data.get(k)]
    texts += [str(data[f"{k}_{lang}"]) for k in NAME_KEYS if data.get(f"{k}_{lang}")]
    if lang == "fa":
        texts += [s.quote for s in record.sources]
    return texts or [record.label(lang)]


def make_snippet(texts: Sequence[str], query: Query, lang: str, width: int = 24,
                 weights: Sequence[float] | None = None) -> str:
    """About `width` words from the text and the window of it whose distinct query terms weigh
    most (`weights`, one per term, e.g. their idf; else 1 each), then with the most matching
    words: a question naming the sanctions and the ambassador wants the words around both,
    not the first words around the commonest."""
    terms = [(tuple(s.text for s in t.spellings
                    if s.lang in (lang, "num") and s.text and b" " not in s.text), w)
             for t, w in zip(query.terms, weights or [1.0] * len(query.terms), strict=True)]
    best, best_key, best_at = texts[0], (0.0, 0), 0
    for text in texts:
        folded = [fold(w) for w in text.split()]
        hits = [(i, k) for i, w in enumerate(folded) for k, (n, _) in enumerate(terms)
                if n and w.startswith(n)]
        for i, _ in hits:
            first = _window(i, len(folded), width)
            inside = [k for j, k in hits if first <= j < first + width]
            key = (sum(terms[k][1] for k in set(inside)), len(inside))
            if key > best_key:
                best, best_key, best_at = text, key, i
    words = best.split()
    start = _window(best_at, len(words), width)
    end = min(len(words), start + width)
    out = " ".join(words[start:end])
    if start > 0:
        out = "… " + out
    if end < len(words):
        out += " …"
    return out


def _window(at: int, size: int, width: int) -> int:
    """The first word shown for a match at word `at`: a third of the width before it."""
    return max(0, min(at - width // 3, size - width))


def explanation(index: Index, doc: int, score: float, all_stats: Sequence[TermStats],
                intent: Intent | None = None, fit: float = 1.0) -> dict[str, Any]:
    """Why one document scored what it did: each matching term's idf, fields and share, the
    intent read from the question and the factor it gave this document (score = the terms'
    sum × factor)."""
    n = index.size
    width = len(FIELDS)
    terms: list[dict[str, Any]] = []
    for stats in all_stats:
        t = stats.tilde.get(doc)
        if t is None:
            continue
        term_idf = idf(stats.df, n)
        fields = {}
        for key, tf in sorted(field_tf(index, stats.term, doc).items()):
            name, lang = key.split("_")
            blob = index.blob(lang)
            f = FIELDS.index(name)
            fields[key] = {"tf": round(tf, 3), "len": blob.lengths[doc * width + f] - 2,
                           "avg_len": round(blob.avg[f], 1), "weight": FIELD_WEIGHT[name],
                           "b": FIELD_B[name]}
        terms.append({  # type-checked as dict[str, Any]: a JSON object of mixed values
            "term": stats.term.label, "kind": stats.term.kind,
            "spellings": [unfold(s.text) for s in stats.term.spellings],
            "query_weight": stats.term.weight, "df": stats.df, "idf": round(term_idf, 4),
            "fields": fields, "tf_weighted": round(t, 4),
            "score": round(stats.term.weight * term_idf * t / (K1 + t), 4),
        })
    terms.sort(key=lambda item: -item["score"])
    return {"method": "BM25F", "k1": K1, "documents": n, "score": round(score, 4),
            "terms": terms, "intent": intent.describe() if intent else {},
            "factor": round(fit, 4)}
