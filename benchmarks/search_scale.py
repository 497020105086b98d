"""How one whole `kzir` process grows with the KB: a big KB converted once to SQLite, then queried.

For each size (default 10,000, 100,000 and 1,000,000 records) a synthetic KB of the bundled KB's
schema is written (benchmarks/make_synthetic_kb.py), converted with
`kzir --kb KB.json export --format sqlite -o KB.db` (timed once; seconds per 100,000 records and
the conversion's peak RSS), and then, in each of --rounds rounds, `python -c pass` (the floor) and
every command below run as fresh processes on `--kb KB.db`. Reported per command: the median over
rounds of (command time / that round's floor time), and the largest peak RSS seen.

    python benchmarks/search_scale.py                          # 10k, 100k, 1M; 5 rounds
    python benchmarks/search_scale.py --sizes 100000 --rounds 9
    python benchmarks/search_scale.py --keep /tmp/kzir-scale   # keep (and reuse) the KB files

Run it with the interpreter kzir is installed in (ideally a non-editable `pip install .`).
Exit status 1 when a command (searches, show and the listings with --limit 10 alike) exceeds
its budget × the floor (--budgets: 15× from 100,000 records, 25× from 1,000,000), or its peak
RSS exceeds --memory MB at the largest size. Each line says "ok" or "OVER".
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_synthetic_kb
from processes import FLOOR, kzir_command, run_once

COMMANDS = [
    ("search en", ["search", "how many consulates does Iran have", "--json"]),
    ("search fa", ["search", "صادرات ایران به قزاقستان ۱۴۰۰", "--json"]),
    ("search fa 2", ["search", "چند ساله که تو ایران روی آثار فارابی تحقیق میشه", "--json"]),
    ("show", ["show", "doc-09-rail", "--json"]),
    ("treaties list", ["treaties", "list", "--limit", "10", "--json"]),
    ("events", ["events", "--limit", "10", "--json"]),
    ("people", ["people", "--limit", "10", "--json"]),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="directory to keep (and reuse) the KB files")
    parser.add_argument("--budgets", default="100000:15,1000000:25",
                        help="SIZE:RATIO,…: from SIZE records on, every command within RATIO × "
                        "the floor")
    parser.add_argument("--memory", type=float, default=150.0, help="MB")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    budgets = sorted((int(size), float(ratio)) for size, ratio in
                     (pair.split(":") for pair in args.budgets.split(",")))
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="kzir-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    kzir = kzir_command()
    print(f"{sys.version.split()[0]}, {os.cpu_count()} CPUs; {args.rounds} rounds; ratio = "
          "median over rounds of (command / python -c pass in the same round)")
    failed = False
    try:
        for n in sizes:
            source, db = workdir / f"kb-{n}.json", workdir / f"kb-{n}.db"
            if not source.exists():
                make_synthetic_kb.write(n, source)
            if not db.exists():
                start = time.perf_counter()
                _, peak = run_once([*kzir, "--kb", str(source), "export", "--format",
                                    "sqlite", "-o", str(db), "--force"], env)
                took = time.perf_counter() - start
                print(f"{n:,} records: JSON {source.stat().st_size / 1e6:.0f} MB -> SQLite "
                      f"{db.stat().st_size / 1e6:.0f} MB in {took:.1f} s "
                      f"({took / n * 1e5:.1f} s per 100k records), peak {peak / 1024:.0f} MB",
                      flush=True)
            ratios: dict[str, list[float]] = {label: [] for label, _ in COMMANDS}
            peaks = dict.fromkeys(ratios, 0)
            floors = []
            for _ in range(args.rounds):
                floor, _ = run_once(FLOOR, env)
                floors.append(floor)
                for label, command in COMMANDS:
                    took, peak = run_once([*kzir, "--kb", str(db), *command], env)
                    ratios[label].append(took / floor)
                    peaks[label] = max(peaks[label], peak)
            budget = max((ratio for size, ratio in budgets if n >= size), default=None)
            print(f"{n:,} records ({db.stat().st_size / 1e6:.0f} MB of SQLite): floor "
                  f"{statistics.median(floors) * 1000:.1f} ms, budget "
                  f"{f'{budget:g}x' if budget else 'none'}")
            for label, _ in COMMANDS:
                ratio = statistics.median(ratios[label])
                mb = peaks[label] / 1024
                over = (budget is not None and ratio > budget) or (
                    n == max(sizes) and mb > args.memory)
                failed = failed or over
                print(f"  {label:14} {ratio:5.1f}x  peak {mb:4.0f} MB  "
                      f"{'OVER' if over else 'ok'}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
