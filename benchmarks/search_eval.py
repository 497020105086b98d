"""Recall@1, recall@3 and answer@1 of `kzir search` on a question set, per language.

A question counts as found at k when one of the top k results cites one of its answer paragraphs:
a record hit through the paragraphs of its `sources`, a paragraph hit through its number.
answer@1 asks more: the top result holds the answer itself — its id is one of the question's
`ids`, or every answer token (`answer_<lang>`, else `answer_tokens`) is in its snippet or its
values. shown@1 is the stricter half a reader sees: the top snippet itself carries the tokens.
Questions without ids or tokens are left out of answer@1 and shown@1 (n/a when none have them).

    python benchmarks/search_eval.py                       # tests/data/questions_dev.jsonl
    python benchmarks/search_eval.py QUESTIONS.jsonl --misses
    python benchmarks/search_eval.py --variants            # also as people type: ZWNJ, ي/ك, digits

Each line of the question file: {"q_en": ..., "q_fa": ..., "paragraphs": [N, ...]}, optionally
"ids": [record ids holding the answer], "answer_en"/"answer_fa"/"answer_tokens": [tokens].
`--variants` adds, for every Persian question, the same question with ZWNJs turned into spaces and
fused, with Arabic ي/ك, and with ASCII digits, to check that the way it is typed does not change
the answer;
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


def found_at(hits, answers: set[int]) -> int | None:
    """The rank (1-based) of the first of `hits` citing an answer paragraph."""
    for hit in hits:
        if answers & set(hit.paragraphs):
            return hit.rank
    return None


def _squash(text: str) -> bytes:
    """Folded as search folds, without number separators or spaces (2,717,300 = 2717300)."""
    from kzir.search import fold

    return fold(text).replace(b",", b"").replace(b" ", b"")


def _values(value) -> str:
    """Every string and number inside a record, as one text."""
    if isinstance(value, dict):
        return " ".join(_values(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_values(v) for v in value)
    return "" if value is None or isinstance(value, bool) else str(value)


def tokens(q: dict, lang: str) -> list[str]:
    """The answer tokens for a question in `lang`: its own list, else the shared one."""
    return list(q.get(f"answer_{lang}") or q.get("answer_tokens") or [])


def shown_tokens(q: dict, lang: str) -> list[str]:
    """The tokens a snippet in `lang` can show: the shared list only where written in that
    language's script (or digits), so an English name is not looked for in a Persian snippet."""
    if q.get(f"answer_{lang}"):
        return list(q[f"answer_{lang}"])
    found = [t for t in q.get("answer_tokens") or []
             if t.isdigit() or (lang == "fa") == any("\u0600" <= c <= "\u06ff" for c in t)]
    return found if len(found) == len(q.get("answer_tokens") or []) else []


def answered(hit, q: dict, lang: str) -> tuple[bool, bool] | None:
    """(holds the answer, shows it in the snippet) for a top hit, or None when the question
    says nothing of its answer."""
    ids, wanted = q.get("ids") or [], tokens(q, lang)
    if not ids and not wanted:
        return None
    visible = shown_tokens(q, lang)
    shown = bool(visible) and all(_squash(t) in _squash(hit.snippet) for t in visible)
    held = hit.id in ids or shown or (bool(wanted) and all(
        _squash(t) in _squash(_values(hit.record_json())) for t in wanted))
    return held, shown


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
    print(f"{'language':22} {'recall@1':>9} {'recall@3':>9} {'answer@1':>9} {'shown@1':>9}")
    for lang in ("en", "fa"):
        cases = [(q[f"q_{lang}"], "as written", q) for q in qs if q.get(f"q_{lang}")]
        if args.variants and lang == "fa":
            cases = [(v, label, q) for q in qs if q.get("q_fa")
                     for label, v in typed_variants(q["q_fa"])]
        at1 = at3 = held = shown = judged = told = 0
        misses = []
        for text, label, q in cases:
            answers = set(q["paragraphs"])
            hits = search(kb, text, limit=3).hits
            rank = found_at(hits, answers)
            at1 += rank == 1
            at3 += rank is not None
            verdict = answered(hits[0], q, lang) if hits else (False, False)
            if verdict is not None:
                judged += 1
                held += verdict[0]
                told += bool(shown_tokens(q, lang))
                shown += verdict[1]
            if rank is None or (verdict is not None and not verdict[0]):
                why = "paragraph not in top 3" if rank is None else "answer not at 1"
                top = [(h.id, h.paragraphs) for h in hits]
                misses.append((q.get("n"), label, text, why, sorted(answers), top))
        n = len(cases)
        r1, r3 = (at1 / n, at3 / n) if n else (0.0, 0.0)
        a1 = f"{held / judged:9.3f}" if judged else f"{'n/a':>9}"
        s1 = f"{shown / told:9.3f}" if told else f"{'n/a':>9}"
        name = "English" if lang == "en" else "Persian" + (" (typed 6 ways)" if args.variants
                                                            else "")
        print(f"{name:22} {r1:9.3f} {r3:9.3f} {a1} {s1}   ({at1}/{n} at 1, {at3}/{n} at 3"
              + (f", answer {held}/{judged}, shown {shown}/{told}" if judged else "") + ")")
        if r3 < args.target:
            status = 1
        if args.misses:
            for number, label, text, why, answers, top in misses:
                print(f"    miss #{number} [{label}] {why}: {text}\n"
                      f"        answer {answers}; top: {top}")
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
