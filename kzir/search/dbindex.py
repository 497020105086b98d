"""Search a SQLite KB: FTS5 finds the documents, kzir's BM25F scores them as in memory.

Why not rank in SQL: kzir's ranking (BM25F over three weighted fields, stems matched with their
inflections, phrases, numbers, then the intent re-ranking) is not FTS5's bm25(), and the
exported KB must answer as the JSON KB does. So the database finds *which* documents to score and
holds the corpus statistics scoring needs (`meta`: the number of documents and each field's
average length; `words`: each word's document frequency), and the documents found are laid out
and scored exactly as `kzir.search.index.Index` lays out the whole KB.

Which documents: each query word's spellings are looked up in `words` (a stem with the words it
continues into, by kzir's inflection rule); a word in at most FULL_POSTINGS documents brings all
of them (found in `records_fts`/`paragraphs_fts`), a commoner one its champion list (the
documents where it weighs most, kept at export). When every term's documents were all found,
the result is the JSON KB's exactly (every term's df is then counted, not estimated); otherwise
the commonest words' df come from `words` (summed over the words a stem matches, at most N) and
only their best documents are scored.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from ..kb import KB
from ..model import Paragraph, Record, record_from_dict
from ..sqlite_kb import Store
from .analysis import Lexicon, Spelling, Term
from .folding import fold, fold_normalized, unfold
from .index import STOP_WORDS, Blob, build_blob
from .params import FIELDS, LANGS, PARAGRAPH_KIND
from .ranking import TermStats, continuation_weight, term_stats
from .vocabulary import lang_of

_CHUNK = 900  # ids per IN (...) list
_RECORD_COLUMNS = {lang: [f"fold_{f}_{lang}" for f in FIELDS] for lang in LANGS}


class _Words(Collection[bytes]):
    """The folded words of one language in the KB (the lexicon's data), looked up by SQL."""

    def __init__(self, store: Store, lang: str) -> None:
        self._store = store
        self._lang = lang

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, bytes):
            return False
        return bool(self._store.rows("SELECT 1 FROM words WHERE lang = ? AND word = ?",
                                     (self._lang, unfold(word))))

    def __iter__(self) -> Iterator[bytes]:
        for (word,) in self._store.stream("SELECT word FROM words WHERE lang = ?", (self._lang,)):
            yield fold_normalized(word)

    def __len__(self) -> int:
        return int(self._store.rows("SELECT count(*) FROM words WHERE lang = ?",
                                    (self._lang,))[0][0])


def _fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


class DbIndex:
    """The documents of a SQLite KB that a query's terms find, laid out as `Index` lays out
    all of them: records first (by position), then paragraphs (by number); `size` is the whole
    KB's document count, the fields' average lengths the whole KB's."""

    def __init__(self, kb: KB, store: Store) -> None:
        self.kb = kb
        self.store = store
        meta = store.meta
        self.size = int(meta["search_documents"])
        self.full = int(meta["search_full_postings"])
        self.avg = {lang: json.loads(meta[f"search_avg_{lang}"]) for lang in LANGS}
        self.n_records = len(kb.raw_records)
        self.numbers = sorted(kb.paragraphs)  # paragraph i of the KB is document n_records + i
        self.lexicon = Lexicon(lambda: _Words(store, "fa"))
        self.records: Sequence[Mapping[str, Any]] = []
        self.paragraphs: list[Paragraph] = []
        self.kinds: list[str] = []
        self._positions: list[int] = []
        self._blobs: dict[str, Blob] = {}
        self._raw: dict[int, Mapping[str, Any]] = {}
        self._estimates: dict[Term, int] = {}
        self._kind_of = _KindOf(store)

    # ------------------------------------------------------------------ finding documents

    def _words(self, lang: str, spelling: Spelling) -> list[tuple[str, int, bytes | None]]:
        """The words of the KB one single-word spelling matches: (word, df, champion list)."""
        stem = unfold(spelling.text)
        if spelling.number:
            return self.store.rows("SELECT word, df, top FROM words WHERE lang = ? AND word = ?",
                                   (lang, stem))
        found = self.store.rows("SELECT word, df, top FROM words WHERE lang = ? AND word >= ? "
                                "AND word < ?", (lang, stem, stem + "\U0010ffff"))
        size = len(spelling.text)
        return [(w, df, top) for w, df, top in found
                if w == stem or continuation_weight(fold_normalized(w) + b" ", size, size,
                                                    lang)]

    def _fts(self, lang: str, expression: str, limit: int | None = None) -> set[int]:
        """The documents (KB numbering) whose `lang` fields match an FTS5 expression."""
        order = f" ORDER BY rank LIMIT {int(limit)}" if limit else ""
        columns = " ".join(_RECORD_COLUMNS[lang])
        docs = {rowid - 1 for (rowid,) in self.store.rows(
            f"SELECT rowid FROM records_fts WHERE records_fts MATCH ?{order}",
            (f"{{{columns}}} : ({expression})",))}
        n = self.n_records
        index = {p: i for i, p in enumerate(self.numbers)}
        docs.update(n + index[rowid] for (rowid,) in self.store.rows(
            f"SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?{order}",
            (f"{{fold_{lang}}} : ({expression})",)) if rowid in index)
        return docs

    def _term_docs(self, term: Term) -> tuple[set[int], int, bool]:
        """A term's documents to score, its df estimate, and whether they are all of them."""
        docs: set[int] = set()
        estimate = 0
        complete = True
        for spelling in term.spellings:
            if not spelling.text:
                continue
            for lang in (LANGS if spelling.lang == "num" else (spelling.lang,)):
                tokens = spelling.text.replace(b".", b" ").replace(b",", b" ").split()
                if len(tokens) == 1 and b" " not in spelling.text.strip():
                    words = self._words(lang, spelling)
                    few = [w for w, df, _ in words if df <= self.full]
                    if few:
                        docs |= self._fts(lang, " OR ".join(map(_fts_string, few)))
                    for _, df, top in words:
                        estimate += df
                        if df > self.full:
                            complete = False
                            docs.update(array("q", top or b"").tolist())
                    continue
                phrase = _fts_string(unfold(b" ".join(tokens)))
                if not spelling.number:
                    phrase += "*"
                rare = min((df for t in tokens[:-1] for (df,) in self.store.rows(
                    "SELECT df FROM words WHERE lang = ? AND word = ?", (lang, unfold(t)))),
                    default=0)
                if rare <= self.full:  # FTS5 walks the phrase from its rarest word
                    found = self._fts(lang, phrase)
                    estimate += len(found)
                    docs |= found
                else:  # every word common: the phrase is scored where the words bring it
                    complete = False
                    estimate += rare
        return docs, min(estimate, self.size), complete

    def _gather(self, terms: Sequence[Term]) -> set[Term]:
        """Lay out the documents these terms find; the terms whose documents are all there."""
        docs: set[int] = set()
        complete: set[Term] = set()
        self._estimates = {}
        for term in terms:
            found, estimate, whole = self._term_docs(term)
            docs |= found
            self._estimates[term] = estimate
            if whole:
                complete.add(term)
        self._layout(sorted(docs))
        return complete

    def _layout(self, docs: list[int]) -> None:
        n = self.n_records
        positions = [d + 1 for d in docs if d < n]
        paragraphs = [self.kb.paragraphs[self.numbers[d - n]] for d in docs if d >= n]
        cells: dict[str, list[str]] = {lang: [] for lang in LANGS}
        kinds: list[str] = []
        columns = ", ".join(c for lang in LANGS for c in _RECORD_COLUMNS[lang])
        for start in range(0, len(positions), _CHUNK):
            chunk = positions[start:start + _CHUNK]
            rows = self.store.rows(
                f"SELECT position, kind, {columns} FROM records WHERE position IN "
                f"({','.join('?' * len(chunk))}) ORDER BY position", chunk)
            for row in rows:
                kinds.append(row[1])
                cells["en"] += row[2:5]
                cells["fa"] += row[5:8]
        folded = {n: (en, fa) for n, en, fa in self.store.rows(
            f"SELECT n, fold_en, fold_fa FROM paragraphs WHERE n IN "
            f"({','.join('?' * len(paragraphs))})", [p.n for p in paragraphs])} \
            if paragraphs else {}
        for p in paragraphs:
            en, fa = folded[p.n]
            cells["en"] += ("", en, "")
            cells["fa"] += ("", fa, "")
        self._positions = positions
        self.paragraphs = paragraphs
        self.kinds = [*kinds, *[PARAGRAPH_KIND] * len(paragraphs)]
        self.records = _Lazy(self, len(positions))
        self._blobs = {lang: build_blob(cells[lang], self.avg[lang]) for lang in LANGS}

    # ------------------------------------------------------------------ what search() asks

    def term_stats(self, terms: Sequence[Term]) -> list[TermStats]:
        complete = self._gather(terms)
        out = []
        for term in terms:
            stats = term_stats(self, term)
            if term not in complete:
                stats.total = max(self._estimates[term], len(stats.tilde))
            out.append(stats)
        self._complete = len(complete) == len(terms)
        self._widest = max(self._estimates.values(), default=0)
        return out

    def matched(self, candidates: int) -> int:
        """How many documents matched: counted when all were found, else at least the
        commonest term's."""
        return candidates if self._complete else max(candidates, self._widest)

    def blob(self, lang: str) -> Blob:
        return self._blobs[lang]

    def raw(self, doc: int) -> Mapping[str, Any]:
        raw = self._raw.get(doc)
        if raw is None:
            raw = self._raw[doc] = self.kb.raw_records[self._positions[doc] - 1]
        return raw

    def record(self, doc: int) -> Record:
        return record_from_dict(self.raw(doc))

    def doc_id(self, doc: int) -> str:
        if doc < len(self._positions):
            return str(self.raw(doc)["id"])
        return f"paragraph-{self.paragraphs[doc - len(self._positions)].n}"

    @property
    def kind_of(self) -> Mapping[str, str]:
        """Each record's kind by its id, looked up when asked."""
        return self._kind_of

    def named(self, words: Sequence[str],
              kinds: frozenset[str] = frozenset({"person"})) -> frozenset[str]:
        """`Index.named` from the `name_words` table: the entities of `kinds` one of the
        query's words names alone."""
        keys = sorted({unfold(fold(w)) for w in words})
        if not keys:
            return frozenset()
        kind_list = sorted(kinds)
        return frozenset(i for _, i in self.store.rows(
            f"SELECT word, min(id) FROM name_words WHERE word IN ({','.join('?' * len(keys))}) "
            f"AND kind IN ({','.join('?' * len(kind_list))}) GROUP BY word "
            "HAVING count(*) = 1", [*keys, *kind_list]))

    def fuzzy_candidates(self, lang: str, length: int) -> list[str]:
        stop = STOP_WORDS[lang]
        return sorted(word for (word,) in self.store.rows(
            "SELECT word FROM words WHERE lang = ? AND length(word) BETWEEN ? AND ?",
            (lang, length - 2, length + 2))
            if word.isalpha() and lang_of(word) == lang and word not in stop)


class _KindOf(Mapping[str, str]):
    """Record id → kind over a SQLite KB, one indexed lookup per id asked (kept)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._seen: dict[str, str | None] = {}

    def __getitem__(self, record_id: str) -> str:
        if record_id not in self._seen:
            found = self._store.rows("SELECT kind FROM records WHERE id = ?", (record_id,))
            self._seen[record_id] = found[0][0] if found else None
        kind = self._seen[record_id]
        if kind is None:
            raise KeyError(record_id)
        return kind

    def __iter__(self) -> Iterator[str]:
        for (record_id,) in self._store.stream("SELECT id FROM records ORDER BY position"):
            yield record_id

    def __len__(self) -> int:
        return int(self._store.meta["records"])


class _Lazy(Sequence[Mapping[str, Any]]):
    """The found records' KB objects, read only when the ranking looks at one."""

    def __init__(self, index: DbIndex, count: int) -> None:
        self._index = index
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, doc: Any) -> Any:
        if isinstance(doc, slice):
            return [self[i] for i in range(*doc.indices(self._count))]
        if not 0 <= doc < self._count:
            raise IndexError(doc)
        return self._index.raw(doc)
