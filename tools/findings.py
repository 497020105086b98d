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
    from kzir import kb
    from kzir.audit.stored import render

    fresh = render(kb.load(None))
    if "--check" in sys.argv:
        if not FILE.exists() or FILE.read_text(encoding="utf-8") != fresh:
            print("data/findings.json is stale: run python tools/findings.py", file=sys.stderr)
            return 1
        return 0
    FILE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
