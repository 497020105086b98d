"""Recall@1 and recall@3 of `kzir search` on a question set, by paragraph, per language.

A question counts as found at k when one of the top k results cites one of its answer paragraphs:
a record hit through the paragraphs of its `sources`, a paragraph hit through its number.

    python benchmarks/search_eval.py                       # tests/data/questions_dev.jsonl
    python benchmarks/search_eval.py QUESTIONS.jsonl --misses
    python benchmarks/search_eval.py --variants            # also as people type: ZWNJ, ي/ك, digits

Each line of the question file: {"q_en": ..., "q_fa": ..., "paragraphs": [N, ...]}. `--variants`
adds, for every Persian question, the same question with ZWNJs turned into spaces and fused, with
Arabic ي/ك, and with ASCII digits, to check that the way it is typed does not change the answer;
it also counts the questions whose whole ranking (top 10 ids and scores) is the same in all six
typings, and lists the others with --misses.
Exit status 1 when recall@3 of a language is below --target (default 0.95), or, with --variants,
when any question's ranking depends on how it was typed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "data" / "questions_dev.jsonl"


def questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def typed_variants(text: str) -> Iterator[tuple[str, str]]:
    """The same Persian question as people type it: spaces, fused words, Arabic letters, digits."""
    yield "as written", text
    yield "ZWNJ as space", text.replace("\u200c", " ")
    yield "ZWNJ fused", text.replace("\u200c", "")
    yield "Arabic ي ك", text.replace("ی", "ي").replace("ک", "ك")
    yield "ASCII digits", text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    yield "Arabic-Indic digits", text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹0123456789",
                                                              "٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩"))


def found_at(kb, question: str, answers: set[int], k: int = 3) -> int | None:
    """The rank (1-based) of the first result citing an answer paragraph, if within k."""
    from kzir.search import search

    for hit in search(kb, question, limit=k).hits:
        if answers & set(hit.paragraphs):
            return hit.rank
    return None


def ranking(kb, question: str, k: int = 10) -> list[tuple[str, float]]:
    from kzir.search import search

    return [(hit.id, hit.score) for hit in search(kb, question, limit=k).hits]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--kb", help="another KB file (default: the bundled one)")
    parser.add_argument("--misses", action="store_true", help="list the questions missed at 3")
    parser.add_argument("--variants", action="store_true",
                        help="also score Persian questions typed with/without ZWNJ, ي/ك, digits")
    parser.add_argument("--target", type=float, default=0.95)
    args = parser.parse_args(argv)

    from kzir import kb as kbmod
    from kzir.search import search

    kb = kbmod.load(args.kb)
    qs = questions(args.path)
    status = 0
    print(f"{len(qs)} questions from {args.path.name}; KB {kb.path}")
    print(f"{'language':22} {'recall@1':>9} {'recall@3':>9}")
    for lang in ("en", "fa"):
        cases = [(q[f"q_{lang}"], "as written", q) for q in qs if q.get(f"q_{lang}")]
        if args.variants and lang == "fa":
            cases = [(v, label, q) for q in qs if q.get("q_fa")
                     for label, v in typed_variants(q["q_fa"])]
        at1 = at3 = 0
        misses = []
        for text, label, q in cases:
            answers = set(q["paragraphs"])
            rank = found_at(kb, text, answers)
            at1 += rank == 1
            at3 += rank is not None
            if rank is None:
                top = [(h.id, h.paragraphs) for h in search(kb, text, limit=3).hits]
                misses.append((q.get("n"), label, text, sorted(answers), top))
        n = len(cases)
        r1, r3 = (at1 / n, at3 / n) if n else (0.0, 0.0)
        name = "English" if lang == "en" else "Persian" + (" (typed 6 ways)" if args.variants
                                                            else "")
        print(f"{name:22} {r1:9.3f} {r3:9.3f}   ({at1}/{n} at 1, {at3}/{n} at 3)")
        if r3 < args.target:
            status = 1
        if args.misses:
            for number, label, text, answers, top in misses:
                print(f"    miss #{number} [{label}] {text}\n        answer {answers}; top: {top}")
    if args.variants:
        differ = [q for q in qs if q.get("q_fa")
                  and len({tuple(ranking(kb, v)) for _, v in typed_variants(q["q_fa"])}) > 1]
        n = sum(1 for q in qs if q.get("q_fa"))
        print(f"{'same ranking 6 ways':22} {n - len(differ)}/{n} Persian questions")
        if differ:
            status = 1
        if args.misses:
            for q in differ:
                print(f"    ranking depends on typing: #{q.get('n')} {q['q_fa']}")
    return status


if __name__ == "__main__":
    sys.exit(main())
