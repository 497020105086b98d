"""How the time of one whole `kzir search` process grows with the size of the KB.

For each size (default 1,000, 10,000 and 100,000 records) a synthetic KB of the bundled KB's schema
is written to a temporary directory (benchmarks/make_synthetic_kb.py; removed afterwards) and
`kzir search QUERY --json --kb PATH` is run as a fresh process several times per query. We report
the median wall time in seconds and as a ratio to `python -c pass` measured in the same run, with
the bundled KB as the first row. Each process loads, validates and indexes the KB from scratch:
nothing is cached between runs.

    python benchmarks/search_scale.py                      # compact records, 5 runs per query
    python benchmarks/search_scale.py --shape full --runs 3
    python benchmarks/search_scale.py --sizes 1000,10000,100000,200000

Run it with the interpreter kzir is installed in. Exit status 1 when the largest KB takes longer
than --budget seconds (default 2.0) for any query.
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
from processes import kzir_command, median_seconds

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
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    kzir = kzir_command()

    base = median_seconds([sys.executable, "-c", "pass"], args.runs * 2)
    print(f"python -c pass: {base * 1000:.1f} ms median ({sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs); {args.runs} runs per cell; synthetic records: {args.shape}")
    header = f"{'KB':>16} {'MB':>6} {'B/rec':>6}"
    for lang, _ in QUERIES:
        header += f" {'query ' + lang:>16}"
    print(header)
    status = 0
    rows: list[tuple[str, Path | None]] = [("bundled (166)", None)]
    workdir = Path(tempfile.mkdtemp(prefix="kzir-scale-"))
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
            line = f"{label:>16} {size_mb:>6} {per_record:>6}"
            for _, query in QUERIES:
                seconds = median_seconds([*kzir, "search", query, "--json", *kb_args],
                                         args.runs, env)
                line += f" {seconds:7.3f}s {seconds / base:5.0f}x"
                if path is not None and n == max(sizes) and seconds > args.budget:
                    status = 1
            print(line, flush=True)
            if path is not None:
                path.unlink()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"budget for the largest KB: {args.budget:.1f} s per search -> "
          f"{'met' if status == 0 else 'NOT met'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
