"""What every tool that regenerates a checked-in file does last: write it, or with --check say
whether it is stale (exit 1) without touching it."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, fresh: str, name: str, tool: str) -> int:
    """Write `fresh` to `path`; with --check in argv, exit status 1 when they differ."""
    if "--check" in sys.argv:
        if not path.exists() or path.read_text(encoding="utf-8") != fresh:
            print(f"{name} is stale: run python tools/{tool}", file=sys.stderr)
            return 1
        return 0
    path.write_text(fresh, encoding="utf-8")
    return 0
