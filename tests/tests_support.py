"""Helpers shared by test modules that are not fixtures."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def kzir_cmd() -> list[str]:
    """The installed `kzir` entry point (beside this interpreter, or on PATH)."""
    beside = Path(sys.executable).parent / "kzir"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kzir")
    if found:
        return [found]
    raise RuntimeError("the kzir entry point is not installed (pip install '.[test]')")
