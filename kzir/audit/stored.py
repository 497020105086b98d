"""The bundled KB's findings, computed ahead: `kzir check` reads them instead of running every
check (difflib over every sentence pair, date arithmetic) on each call.

tools/findings.py writes data/findings.json from `checks.run` on the bundled KB, with the SHA-256
of the kb.json and article_fa.txt it was computed from; a test fails when regenerating would
change the file. It is read only for the bundled KB and only while both hashes match the files
installed beside it, so a stale file is never used: any other KB, or a changed one, is computed.
"""

from __future__ import annotations

import json

from ..kb import BUNDLED, KB, read_data_bytes
from .common import Finding, finding_from_dict

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

FILE = "findings.json"
SOURCES = ("kb.json", "article_fa.txt")


def fingerprint() -> dict[str, str]:
    """The SHA-256 of each bundled file the findings are computed from."""
    import hashlib

    return {name: hashlib.sha256(read_data_bytes(name)).hexdigest() for name in SOURCES}


def findings(kb: KB) -> list[Finding]:
    """Every finding of this KB, most severe first: stored ones where they apply, else run."""
    if kb.path == BUNDLED:
        stored = read()
        if stored is not None:
            return stored
    from .checks import run

    return run(kb)


def read() -> list[Finding] | None:
    """The stored findings, or None when the file is missing or was computed from other data."""
    try:
        doc = json.loads(read_data_bytes(FILE))
    except (OSError, ValueError):
        return None
    if doc.get("computed_from") != fingerprint():
        return None
    return [finding_from_dict(raw, source=raw["source"]) for raw in doc["findings"]]


def document(kb: KB) -> dict[str, Any]:
    """What data/findings.json holds for this (the bundled) KB, freshly computed."""
    from .checks import run

    return {"computed_from": fingerprint(), "findings": [f.to_json() for f in run(kb)]}


def render(kb: KB) -> str:
    return json.dumps(document(kb), ensure_ascii=False, indent=1) + "\n"
