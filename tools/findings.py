"""Write data/findings.json: the bundled KB's findings, computed ahead for `kzir check`.

    python tools/findings.py          # recompute and rewrite it
    python tools/findings.py --check  # exit 1 if it is stale (the tests do this)

See kzir/audit/stored.py: the file records the SHA-256 of the kb.json and article it was computed
from, and is read only while both match.
"""

from __future__ import annotations

import sys
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "data" / "findings.json"


def main() -> int:
    from regenerate import write_or_check  # beside this script

    from kzir import kb
    from kzir.audit.stored import render

    return write_or_check(FILE, render(kb.load(None)), "data/findings.json", "findings.py")


if __name__ == "__main__":
    sys.exit(main())
