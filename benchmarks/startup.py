"""Start-up time and peak memory of whole kzir processes, as ratios to `python -c pass`.

Run with the interpreter kzir is installed in (a wheel install, not an editable one, measures what
users run):

    python benchmarks/startup.py              # 30 rounds
    python benchmarks/startup.py --runs 60 --only trade,version

Each round runs every command once as a fresh process, each right after a `python -c pass` of the
same interpreter; the ratio of a round is command / that floor, and the figure reported is the
median of the per-round ratios, so a busy moment slows both runs of its round and cancels out.
`kzir treaties list` (Rich table) runs with its stdout on a pseudo-terminal. Absolute times and
the peak resident memory (ru_maxrss of the child) are printed too; only ratios compare across
machines. The last column is the target of issue 15.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import FLOOR, Interleaved, clean_env, kzir_command, run_once

# (label, arguments, on a pseudo-terminal, target ratio)
COMMANDS: list[tuple[str, list[str], bool, float]] = [
    ("kzir --version", ["--version"], False, 2),
    ("kzir trade --year 1400 --json", ["trade", "--year", "1400", "--json"], False, 3),
    ("kzir treaties list --json", ["treaties", "list", "--json"], False, 3),
    ("kzir show doc-09-rail --json", ["show", "doc-09-rail", "--json"], False, 3),
    ("kzir date 1401/3/29 --json", ["date", "1401/3/29", "--json"], False, 4),
    ("kzir search railway --json", ["search", "railway", "--json"], False, 5),
    ("kzir check --json", ["check", "--json"], False, 6),
    ("kzir treaties list (pty: Rich table)", ["treaties", "list"], True, 8),
    ("kzir --help", ["--help"], False, 7),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds (default 30)")
    parser.add_argument("--only", default="", help="comma-separated words; commands whose "
                        "label contains one of them")
    args = parser.parse_args(argv)
    words = [w for w in args.only.split(",") if w]
    chosen = [c for c in COMMANDS if not words or any(w in c[0] for w in words)]
    env = clean_env()
    env["COLUMNS"] = "100"  # the pseudo-terminal's table is as wide as the README's
    kzir = kzir_command()
    results = {label: Interleaved([], [], 0) for label, *_ in chosen}
    for _ in range(args.runs):
        for label, extra, tty, _target in chosen:
            floor, _ = run_once(FLOOR, env)
            seconds, rss = run_once([*kzir, *extra], env, tty=tty)
            result = results[label]
            result.floors.append(floor)
            result.seconds.append(seconds)
            result.peak_kib = max(result.peak_kib, rss)
    floors = [f for r in results.values() for f in r.floors]
    print(f"python -c pass: median {statistics.median(floors) * 1000:.1f} ms; {args.runs} rounds; "
          f"Python {sys.version.split()[0]} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.system()} {platform.release()}")
    print(f"{'command':40} {'median':>8} {'ratio':>6} {'target':>6} {'peak RSS':>9}")
    over = 0
    for label, _extra, _tty, target in chosen:
        result = results[label]
        ok = result.ratio <= target
        over += not ok
        print(f"{label:40} {result.median * 1000:6.1f}ms {result.ratio:5.2f}x {target:5.0f}x"
              f"{'' if ok else '!'} {result.peak_kib / 1024:6.1f}MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
