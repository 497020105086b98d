"""Helpers shared by test modules that are not fixtures."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any


def kzir_cmd() -> list[str]:
    """The installed `kzir` entry point (beside this interpreter, or on PATH)."""
    beside = Path(sys.executable).parent / "kzir"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kzir")
    if found:
        return [found]
    raise RuntimeError("the kzir entry point is not installed (pip install '.[test]')")


def synthetic_kb(n: int, seed: int) -> dict[str, Any]:
    """A KB document of n records in the shipped schema, from benchmarks/make_synthetic_kb.py."""
    benchmarks = str(Path(__file__).resolve().parent.parent / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        import make_synthetic_kb
    finally:
        sys.path.remove(benchmarks)
    return make_synthetic_kb.make(n, seed, "compact")
