"""Write a synthetic KB of N records in the bundled KB's schema, for the scaling benchmark.

Why synthetic and not copies: copies of the same 165 records would make every query hit the same
few texts N/166 times, which flatters neither the index nor the ranking. Here the real records come
first (so real questions still have their answers), then synthetic records of every kind whose text
is drawn from the real KB's own English and Persian vocabulary, so common query words hit thousands
of records as they would in a bigger real KB. Each synthetic record carries the fields its kind
requires and one verbatim quote of a real paragraph, so the KB validates like the bundled one.

Usage: python benchmarks/make_synthetic_kb.py N [OUT.json] [--seed S] [--shape compact|full]
Without OUT it writes to a new temporary directory and prints the path. Never commit the output.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from kzir.dates import jalali_year_span


@functools.cache
def gregorian_span(jalali_year: int) -> str:
    """The Gregorian interval of a Jalali year, as a KB date object writes it."""
    first, last = jalali_year_span(jalali_year)
    return f"{first.gregorian_iso}/{last.gregorian_iso}"

KIND_PREFIX = {"document": "doc", "event": "event", "trade": "trade", "resource": "res",
               "mission": "mission", "person": "person", "organization": "org",
               "place": "place", "fact": "fact"}
# Proportions of the bundled KB, so the mix of kinds (and of their fields) stays realistic.
KIND_WEIGHTS = {"fact": 43, "organization": 34, "place": 29, "event": 17, "resource": 11,
                "document": 9, "trade": 9, "person": 9, "mission": 5}
_WORD = re.compile(r"[^\W\d_]{2,}")


def bundled_kb() -> dict[str, Any]:
    """The KB shipped with the installed kzir (the synthetic one keeps its meta and paragraphs)."""
    text = resources.files("kzir").joinpath("data", "kb.json").read_text(encoding="utf-8")
    return json.loads(text)


def _vocabulary(kb: dict[str, Any], lang: str) -> list[str]:
    words: list[str] = []
    for rec in kb["records"]:
        for key in (f"summary_{lang}", f"title_{lang}", f"name_{lang}", f"text_{lang}"):
            words.extend(_WORD.findall(str(rec.get(key) or "")))
    return words


class Maker:
    """Builds synthetic records from the real KB's words and paragraphs."""

    def __init__(self, kb: dict[str, Any], seed: int, text: float = 1.0) -> None:
        self.rng = random.Random(seed)
        self.text = text  # scales every text length: 1.0 "full", 0.5 "compact"
        self.en = _vocabulary(kb, "en")
        self.fa = _vocabulary(kb, "fa")
        self.paragraphs = [p for p in kb["paragraphs"] if p.get("role") == "body"]

    def words(self, lang: str, lo: int, hi: int) -> str:
        pool = self.en if lang == "en" else self.fa
        lo, hi = max(1, round(lo * self.text)), max(1, round(hi * self.text))
        return " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(lo, hi)))

    def pair(self, name: str, lo: int, hi: int) -> dict[str, str]:
        return {f"{name}_en": self.words("en", lo, hi).capitalize(),
                f"{name}_fa": self.words("fa", lo, hi)}

    def source(self) -> dict[str, Any]:
        """A verbatim span of a real paragraph: a run of 4-10 of its words."""
        para = self.rng.choice(self.paragraphs)
        spans = [m.span() for m in re.finditer(r"\S+", para["fa"])]
        size = min(len(spans), self.rng.randint(max(2, round(4 * self.text)),
                                                max(2, round(10 * self.text))))
        start = self.rng.randrange(len(spans) - size + 1)
        return {"paragraph": para["n"],
                "quote": para["fa"][spans[start][0]:spans[start + size - 1][1]]}

    def date(self) -> dict[str, Any]:
        year = self.rng.randint(1370, 1401)
        return {"jalali": str(year), "gregorian": gregorian_span(year),
                "precision": "year", "stated": None, "basis": "converted", "note": None}

    def record(self, i: int) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        rec: dict[str, Any] = {"id": f"{KIND_PREFIX[kind]}-syn-{i}", "kind": kind}
        extra = getattr(self, f"_{kind}")()
        rec.update(extra)
        rec["sources"] = [self.source() for _ in range(rng.choice((1, 1, 1, 2)))]
        rec.update(self.pair("summary", 8, 18))
        return rec

    def _document(self) -> dict[str, Any]:
        rng = self.rng
        parties = [{"country": c, **self.pair("name", 3, 6)} for c in ("IR", "KZ")]
        return {"index": rng.randint(1, 9), **self.pair("title", 4, 9),
                "type": rng.choice(("mou", "programme")),
                "field": rng.choice(("culture", "trade", "agriculture", "media", "energy", "rail")),
                "parties": parties, "signed": self.date()}

    def _trade(self) -> dict[str, Any]:
        rng = self.rng
        return {"year": rng.randint(1380, 1401), "span_years": 1,
                "direction": rng.choice(("total", "export", "import")),
                "tonnes": rng.randrange(1000, 2_000_000, 1000),
                "usd": rng.randrange(100_000, 900_000_000, 100_000),
                "tonnes_growth_pct": rng.randint(-50, 120), "usd_growth_pct": None,
                "derived": False, **self.pair("label", 3, 6)}

    def _resource(self) -> dict[str, Any]:
        return {**self.pair("resource", 1, 2), "rank": self.rng.randint(1, 12), "rank_band": None}

    def _mission(self) -> dict[str, Any]:
        rng = self.rng
        return {"country": rng.choice(("IR", "KZ")), "host_country": rng.choice(("IR", "KZ")),
                "type": rng.choice(("embassy", "consulate_general")), **self.pair("city", 1, 2)}

    def _person(self) -> dict[str, Any]:
        names = self.pair("name", 2, 3)
        return {**names, "variants_fa": [names["name_fa"]],
                "roles": [{"en": self.words("en", 2, 5), "fa": self.words("fa", 2, 5)}],
                "country": self.rng.choice(("IR", "KZ", None))}

    def _organization(self) -> dict[str, Any]:
        return {**self.pair("name", 2, 6), "country": self.rng.choice(("IR", "KZ", None)),
                "type": self.rng.choice(("ministry", "agency", "company", "institute", "other"))}

    def _event(self) -> dict[str, Any]:
        rng = self.rng
        return {**self.pair("title", 3, 8),
                "type": rng.choice(("visit", "meeting", "talks", "signing", "shipment")),
                "date": self.date() if rng.random() < 0.7 else None,
                **self.pair("place", 1, 2), "participants": []}

    def _place(self) -> dict[str, Any]:
        return {**self.pair("name", 1, 3),
                "type": self.rng.choice(("city", "port", "province", "region", "station"))}

    def _fact(self) -> dict[str, Any]:
        return {"topic": self.rng.choice(("profile", "culture", "relations", "trade", "resources")),
                **self.pair("title", 3, 7), **self.pair("text", 8, 20)}


SHAPES = {"compact": 0.5, "full": 1.0}


def make(n: int, seed: int = 1, shape: str = "compact") -> dict[str, Any]:
    """A KB document with `n` records: the real ones, then synthetic ones up to n.

    shape "full": summaries of 8-18 words per language, titles of 3-9, quotes of 4-10 words
    (about 680 bytes a record); "compact" halves every text (about 420 bytes a record). The
    bundled KB's records average 1.2 kB because of their long notes.
    """
    kb = bundled_kb()
    maker = Maker(kb, seed, SHAPES[shape])
    real = kb["records"][:n]
    kb["records"] = real + [maker.record(i) for i in range(n - len(real))]
    kb["findings"] = []
    return kb


def write(n: int, out: Path | None = None, seed: int = 1, shape: str = "compact") -> Path:
    """Write the synthetic KB (to a fresh temporary directory unless `out` is given)."""
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="kzir-synth-")) / f"kb-{n}-{shape}.json"
    out.write_text(json.dumps(make(n, seed, shape), ensure_ascii=False), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of records")
    parser.add_argument("out", nargs="?", type=Path, help="output file (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="compact",
                        help="text length of synthetic records (default: compact)")
    args = parser.parse_args(argv)
    path = write(args.n, args.out, args.seed, args.shape)
    size = path.stat().st_size
    print(f"{path}\t{args.n} records\t{size / 1e6:.1f} MB\t{size / args.n:.0f} bytes/record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
