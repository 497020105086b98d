"""What the benchmarks share: finding the installed `kzir` and timing fresh processes."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def kzir_command() -> list[str]:
    """The `kzir` installed beside this interpreter, else on PATH, else `python -m kzir`."""
    beside = Path(sys.executable).parent / "kzir"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kzir")
    return [found] if found else [sys.executable, "-m", "kzir"]


def timed_runs(argv: list[str], runs: int, env: dict[str, str] | None = None
               ) -> tuple[list[float], int]:
    """Wall seconds of `runs` fresh processes, and the largest peak RSS (KiB) among them."""
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env)
        assert proc.stderr is not None
        errors = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv[:4])}… failed: {errors.decode()[-300:]}")
        peak = max(peak, usage.ru_maxrss)
    return times, peak


def median_seconds(argv: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(timed_runs(argv, runs, env)[0])
