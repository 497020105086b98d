"""Start-up time and peak memory of whole kzir processes, as ratios to `python -c pass`.

Run with the project's own interpreter (the venv kzir is installed in):

    python benchmarks/startup.py            # 20 runs of each command
    python benchmarks/startup.py --runs 50

Each command runs as a fresh process; we report the median wall time, the ratio to the median of
`python -c pass` measured in the same run (so a slower or busier machine shifts both), and the
peak resident memory (ru_maxrss of the child). Absolute times are printed too, but only the ratios
are comparable across machines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import kzir_command, timed_runs

COMMANDS: list[tuple[str, list[str]]] = [
    ("kzir --version", ["--version"]),
    ("kzir trade --year 1400 --json", ["trade", "--year", "1400", "--json"]),
    ("kzir treaties list --json", ["treaties", "list", "--json"]),
    ("kzir treaties list (plain, piped)", ["treaties", "list"]),
    ("kzir treaties list --format table", ["treaties", "list", "--format", "table"]),
    ("kzir events --from 1400 --json", ["events", "--from", "1400", "--json"]),
    ("kzir date 29 Khordad 1401 --json", ["date", "29", "Khordad", "1401", "--json"]),
    ("kzir search uranium --json", ["search", "uranium", "--json"]),
    ("kzir check --json", ["check", "--json"]),
]


def measure(argv: list[str], runs: int) -> tuple[float, float, int]:
    """(median seconds, min seconds, peak RSS in KiB) over `runs` fresh processes."""
    times, peak = timed_runs(argv, runs)
    return statistics.median(times), min(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    baseline, _, base_rss = measure([sys.executable, "-c", "pass"], args.runs)
    kzir = kzir_command()
    print(f"python -c pass: median {baseline * 1000:.1f} ms, peak {base_rss / 1024:.1f} MiB "
          f"({args.runs} runs; {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"{'command':42} {'median':>9} {'ratio':>7} {'min':>9} {'peak RSS':>10}")
    for label, extra in COMMANDS:
        median, fastest, rss = measure([*kzir, *extra], args.runs)
        print(f"{label:42} {median * 1000:7.1f}ms {median / baseline:6.1f}x "
              f"{fastest * 1000:7.1f}ms {rss / 1024:7.1f}MiB")


if __name__ == "__main__":
    main()
