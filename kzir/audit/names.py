"""Spelling checks: one person written more than one way (from the KB's variants_fa)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Final

from ..kb import KB
from ..model import Record
from ..text import normalize
from .common import Article, Evidence, Finding, article_of, fa, slug

# --------------------------------------------------------------------------- names

_WORD: Final = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def spellings_of(variants: Sequence[str]) -> list[str]:
    """The distinct spellings among a name's forms: a short form contained in a longer one
    («توکایف» in «قاسم ژومارت توکایف», «رهبر انقلاب» in «رهبر معظم انقلاب اسلامی») is the same
    spelling, not a variant."""
    unique = list(dict.fromkeys(v for v in variants if v))
    return [v for v in unique
            if not any(o != v and _is_subsequence(words_of(v), words_of(o)) for o in unique)]


def _occurrences(record: Record, variant: str, article: Article) -> tuple[Evidence, ...]:
    """Where a spelling appears: the record's citations containing it, else the article text."""
    cited = tuple(Evidence(s.paragraph, s.quote) for s in record.sources if variant in s.quote)
    if cited:
        seen: dict[int, Evidence] = {}
        for e in cited:
            seen.setdefault(e.paragraph, e)
        return tuple(seen[n] for n in sorted(seen))
    return tuple(Evidence(n, variant) for n, text in sorted(article.items()) if variant in text)


def check_names(kb: KB, article: Article | None = None) -> list[Finding]:
    """One person spelled differently in different paragraphs.

    Read from each person's ``variants_fa`` — every spelling the article uses — keeping only
    spellings that occur in the article and are not a short form of a longer one. Only persons:
    organisations and places legitimately appear under descriptive or former names (the SCO and
    its summit, Astana before it became Nur-Sultan), so those are curated, not computed.
    """
    article = article_of(kb) if article is None else article
    findings = []
    for record in kb.of_kind("person"):
        for fname, value in record.data.items():
            if fname != "variants_fa" or not isinstance(value, list | tuple):
                continue
            spellings = [v for v in spellings_of([str(v) for v in value])
                         if any(v in t for t in article.values())]
            if len(spellings) < 2:
                continue
            where = {v: _occurrences(record, v, article) for v in spellings}
            label = record.label("en")
            canonical = record.data.get("name_fa")
            a_words, b_words = words_of(spellings[0]), words_of(spellings[1])
            diff = [f"«{' '.join(a_words[i1:i2])}» ≠ «{' '.join(b_words[j1:j2])}»"
                    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
                        None, a_words, b_words, autojunk=False).get_opcodes() if op != "equal"]

            def paras(v: str, w: Mapping[str, tuple[Evidence, ...]] = where) -> str:
                return ", ".join(f"p{e.paragraph}" for e in w[v])

            def paras_fa(v: str, w: Mapping[str, tuple[Evidence, ...]] = where) -> str:
                return "، ".join(fa(e.paragraph) for e in w[v])

            findings.append(Finding(
                id=f"names-{slug(record.id)}",
                severity="warning",
                category="names",
                message_en=(f"{label} is spelled {len(spellings)} ways: "
                            + "; ".join(f"«{v}» ({paras(v)})" for v in spellings) + "."),
                message_fa=(f"نام {canonical or spellings[0]} به {fa(len(spellings))} "
                            "شکل نوشته شده است: "
                            + "؛ ".join(f"«{v}» (بند {paras_fa(v)})" for v in spellings) + "."),
                evidence=tuple(e for v in spellings for e in where[v]),
                computation=(f"{record.id}.{fname} = {list(value)}; spellings not contained in "
                             f"a longer form: {spellings}; differing words: {', '.join(diff)}; "
                             "paragraphs from the record's citations and the article text."),
                source="computed",
                intended_fa=canonical if canonical in spellings else None,
                extra={"related": [record.id]},
            ))
    return findings
