"""What the benchmarks share: finding the installed `kzir` and timing fresh processes.

A ratio to `python -c pass` is only honest when the floor is timed under the same load as the
command: `interleaved` runs the floor right before each command in every round, and the figure to
report is the median of the per-round ratios (a busy moment slows both runs of its round).
"""

from __future__ import annotations

import os
import pty
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FLOOR = [sys.executable, "-c", "pass"]


def kzir_command() -> list[str]:
    """The `kzir` installed beside this interpreter, else on PATH, else `python -m kzir`."""
    beside = Path(sys.executable).parent / "kzir"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kzir")
    return [found] if found else [sys.executable, "-m", "kzir"]


def clean_env() -> dict[str, str]:
    """This environment without KZIR_* variables (a user's KZIR_KB must not change the figures)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}


def run_once(argv: Sequence[str], env: dict[str, str] | None = None, *, tty: bool = False
             ) -> tuple[float, int]:
    """Wall seconds of one fresh process and its peak RSS (KiB). With `tty` its stdout is a
    pseudo-terminal (read to the end here, as a terminal would), else /dev/null."""
    start = time.perf_counter()
    if tty:
        master, slave = pty.openpty()
        proc = subprocess.Popen(argv, stdout=slave, stderr=subprocess.PIPE, env=env)
        os.close(slave)
        try:
            while os.read(master, 65536):
                pass
        except OSError:  # EIO: the child closed the terminal
            pass
        finally:
            os.close(master)
    else:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv[:4])}… failed ({code}): {errors.decode()[-300:]}")
    return seconds, usage.ru_maxrss


@dataclass
class Interleaved:
    """One command measured against the floor, round by round."""

    seconds: list[float]
    floors: list[float]
    peak_kib: int

    @property
    def ratio(self) -> float:
        """The median of the per-round ratios command / floor."""
        return statistics.median(c / f for c, f in zip(self.seconds, self.floors, strict=True))

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def interleaved(argv: list[str], runs: int, env: dict[str, str] | None = None, *,
                tty: bool = False) -> Interleaved:
    """`runs` rounds of (floor, command): see the module's docstring."""
    result = Interleaved([], [], 0)
    for _ in range(runs):
        floor, _ = run_once(FLOOR, env)
        seconds, rss = run_once(argv, env, tty=tty)
        result.floors.append(floor)
        result.seconds.append(seconds)
        result.peak_kib = max(result.peak_kib, rss)
    return result
