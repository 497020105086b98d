"""Duplicated passages: repeated sentences, repeated clauses, doubled words."""

from __future__ import annotations

import difflib
import re
from typing import Final

from ..kb import KB
from .common import Article, Evidence, Finding, article_of, body_of, fa
from .names import words_of

# --------------------------------------------------------------------------- duplicates

_SENTENCE_END: Final = re.compile(r"(?<=[.!؟?])\s+")
_CLAUSE_SPLIT: Final = re.compile(r"\s+و\s+|،|:")
SENTENCE_RATIO: Final = 0.8  # word-sequence similarity of two sentences that repeat a passage
SENTENCE_MIN_WORDS: Final = 8
CLAUSE_COVERAGE: Final = 0.8  # share of a clause's words found, in runs, in another sentence
CLAUSE_MIN_WORDS: Final = 9


def _sentences(article: Article) -> list[tuple[int, str]]:
    out = []
    for n, text in sorted(article.items()):
        for s in _SENTENCE_END.split(text):
            if s.strip():
                out.append((n, s.strip()))
    return out


def _coverage(short: list[str], long: list[str]) -> float:
    """Share of ``short``'s words that appear in ``long`` in runs of two or more, in order."""
    if not short or len(set(short) & set(long)) < CLAUSE_COVERAGE * len(set(short)):
        return 0.0
    sm = difflib.SequenceMatcher(None, short, long, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks() if b.size >= 2) / len(short)


_DOUBLED: Final = re.compile(r"(?<!\w)(\w{2,})[»\"']?\s+[«\"']?\1(?!\w)")


def check_duplicates(kb: KB, article: Article | None = None) -> list[Finding]:
    """Passages repeated word for word, statements made twice, and doubled words.

    Sentences are compared across paragraphs on normalised words (difflib): a near-identical
    sentence is a repeated passage (warning); a long clause whose words recur, in runs, inside
    another paragraph's sentence is the same statement made twice (note). Headings are skipped:
    they repeat the paragraph below them by design.
    """
    article = body_of(kb, article_of(kb) if article is None else article)
    sentences = [(n, s, words_of(s)) for n, s in _sentences(article)]
    findings: list[Finding] = []
    pairs: set[tuple[int, int]] = set()
    for i, (n, s, w) in enumerate(sentences):
        for m, t, v in sentences[i + 1:]:
            if m == n or min(len(w), len(v)) < SENTENCE_MIN_WORDS or (n, m) in pairs:
                continue
            # difflib's cheap upper bounds of ratio() first: most pairs fail them, and the
            # findings are the same (ratio <= quick_ratio <= real_quick_ratio)
            matcher = difflib.SequenceMatcher(None, w, v, autojunk=False)
            if (matcher.real_quick_ratio() < SENTENCE_RATIO
                    or matcher.quick_ratio() < SENTENCE_RATIO):
                continue
            ratio = matcher.ratio()
            if ratio < SENTENCE_RATIO:
                continue
            pairs.add((n, m))
            identical = w == v
            findings.append(Finding(
                id=f"duplicate-p{n}-p{m}",
                severity="warning",
                category="duplicate",
                message_en=(f"p{m} repeats a sentence of p{n} "
                            + ("word for word." if identical else "almost word for word.")),
                message_fa=(f"بند {fa(m)} جمله‌ای از بند {fa(n)} را "
                            + ("عیناً" if identical else "تقریباً عیناً") + " تکرار می‌کند."),
                evidence=(Evidence(n, s), Evidence(m, t)),
                computation=(f"sentence word-sequence similarity {ratio:.2f} "
                             f"(difflib ratio on normalised words; threshold {SENTENCE_RATIO}); "
                             f"{len(w)} and {len(v)} words"),
                source="computed",
            ))
    for n, s, _w in sentences:
        for clause in _CLAUSE_SPLIT.split(s):
            cw = words_of(clause)
            if len(cw) < CLAUSE_MIN_WORDS:
                continue
            for m, t, v in sentences:
                pair = (min(n, m), max(n, m))
                if m == n or pair in pairs:
                    continue
                cov = _coverage(cw, v)
                if cov < CLAUSE_COVERAGE:
                    continue
                pairs.add(pair)
                findings.append(Finding(
                    id=f"duplicate-p{pair[0]}-p{pair[1]}",
                    severity="note",
                    category="duplicate",
                    message_en=f"p{m} states again what p{n} already says.",
                    message_fa=f"بند {fa(m)} همان مطلب بند {fa(n)} را دوباره بیان می‌کند.",
                    evidence=tuple(sorted((Evidence(n, clause.strip()), Evidence(m, t)),
                                          key=lambda e: e.paragraph)),
                    computation=(f"{cov:.0%} of the {len(cw)} words of the p{n} clause recur in "
                                 f"order, in runs of 2+ words, in the p{m} sentence (threshold "
                                 f"{CLAUSE_COVERAGE:.0%}, clauses of {CLAUSE_MIN_WORDS}+ words)"),
                    source="computed",
                ))
    for n, text in sorted(article.items()):
        for i, match in enumerate(_DOUBLED.finditer(text), 1):
            start = text.rfind("«", max(0, match.start() - 40), match.start())
            quote = text[start if start >= 0 else match.start():match.end()]
            findings.append(Finding(
                id=f"duplicate-p{n}-doubled-word" + ("" if i == 1 else f"-{i}"),
                severity="warning",
                category="duplicate",
                message_en=f"p{n} doubles the word «{match.group(1)}».",
                message_fa=f"در بند {fa(n)} واژه «{match.group(1)}» دو بار پشت سر هم آمده است.",
                evidence=(Evidence(n, quote),),
                computation=f"the same word twice in a row: {match.group(0)!r}",
                source="computed",
                intended_fa=quote[: quote.rfind(match.group(1))].rstrip(),
            ))
    return findings
