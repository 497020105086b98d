"""How the time of one whole `kzir search` process grows with the size of the KB, first and later.

For each size (default 1,000, 10,000 and 100,000 records) a synthetic KB of the bundled KB's schema
is written to a temporary directory (benchmarks/make_synthetic_kb.py; removed afterwards) and
`kzir search QUERY --json --kb PATH` is run as fresh processes, with the bundled KB as the first
row. Per query two numbers, each in seconds and as a ratio to `python -c pass` timed right before
it (the floor runs before every run, and a ratio is the median of the per-run ratios):

    first  one run with an empty cache: the KB is parsed, validated and indexed, and (a KB of
           2 MB or more) kept in the cache for the next runs (kzir/cache.py, kzir/kbstore.py)
    later  the median of --runs runs after it: an unchanged big KB is read from the cache

The cache is a temporary directory of the benchmark's own (KZIR_CACHE_DIR), emptied before each
query's first run, so nothing of yours is read or left behind. `--no-cache` runs every process
with KZIR_NO_CACHE=1 (every run is a first run). The last column is the largest peak RSS seen.

    python benchmarks/search_scale.py                      # compact records, 5 later runs
    python benchmarks/search_scale.py --shape full --runs 3
    python benchmarks/search_scale.py --sizes 1000,10000,100000,200000

Run it with the interpreter kzir is installed in. Exit status 1 when a search of the largest KB
takes longer than --budget seconds (default 2.0) in the later runs (in every run with --no-cache);
the first runs are reported against the budget too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_synthetic_kb
from processes import FLOOR, interleaved, kzir_command, run_once

QUERIES = [
    ("en", "how many consulates does Iran have"),
    ("fa", "صادرات ایران به قزاقستان ۱۴۰۰"),
    ("fa", "چند ساله که تو ایران روی آثار فارابی تحقیق میشه"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shape", choices=sorted(make_synthetic_kb.SHAPES), default="compact")
    parser.add_argument("--budget", type=float, default=2.0)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="kzir-scale-"))
    cache = workdir / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    if args.no_cache:
        env["KZIR_NO_CACHE"] = "1"
    else:
        env["KZIR_CACHE_DIR"] = str(cache)
    kzir = kzir_command()

    floor = interleaved(FLOOR, args.runs, env)
    print(f"python -c pass: {floor.median * 1000:.1f} ms median ({sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs); later = median of {args.runs} runs; "
          f"synthetic records: {args.shape}; cache: {'off' if args.no_cache else 'on'}")
    header = f"{'KB':>14} {'MB':>5} {'B/rec':>5}"
    for lang, _ in QUERIES:
        header += f" {lang + ' first':>14} {lang + ' later':>14}"
    print(header + f" {'peak MB':>8}")
    worst_first = worst_later = 0.0
    rows: list[tuple[str, Path | None]] = [("bundled (166)", None)]
    try:
        for n in sizes:
            rows.append((f"{n:,}", workdir / f"kb-{n}.json"))
        for label, path in rows:
            kb_args: list[str] = []
            size_mb = per_record = ""
            if path is not None:
                n = int(label.replace(",", ""))
                make_synthetic_kb.write(n, path, shape=args.shape)
                size = path.stat().st_size
                size_mb, per_record = f"{size / 1e6:.1f}", f"{size / n:.0f}"
                kb_args = ["--kb", str(path)]
            line = f"{label:>14} {size_mb:>5} {per_record:>5}"
            peak = 0
            for _, query in QUERIES:
                argv = [*kzir, "search", query, "--json", *kb_args]
                shutil.rmtree(cache, ignore_errors=True)
                first_floor, _ = run_once(FLOOR, env)
                first, first_peak = run_once(argv, env)
                later = interleaved(argv, args.runs, env)
                later_median = later.median
                peak = max(peak, first_peak, later.peak_kib)
                line += f" {first:6.2f}s {first / first_floor:4.0f}x {later_median:6.2f}s " \
                        f"{later.ratio:4.0f}x"
                if path is not None and n == max(sizes):
                    worst_first = max(worst_first, first)
                    worst_later = max(worst_later, later_median)
            print(line + f" {peak / 1024:8.0f}", flush=True)
            if path is not None:
                path.unlink()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"largest KB, budget {args.budget:.1f} s per search: first runs up to "
          f"{worst_first:.2f} s ({'within' if worst_first <= args.budget else 'OVER'}), "
          f"later runs up to {worst_later:.2f} s "
          f"({'within' if worst_later <= args.budget else 'OVER'})")
    return 0 if worst_later <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
