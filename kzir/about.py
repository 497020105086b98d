"""What this KB is: its article, publication date, version, exact bytes and size (`kzir about`)."""

from __future__ import annotations

from collections import Counter

from . import __version__
from . import kb as kbmod
from .model import KINDS

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def about(base: kbmod.KB, path: str | None = None) -> dict[str, Any]:
    """The KB's identity and counts as one JSON object (`path` as given to `kb.load`)."""
    meta = base.meta
    kinds = Counter(base.kind_counts())
    return {
        "title_en": meta.get("title_en"),
        "title_fa": meta.get("title_fa"),
        "source": meta.get("source"),
        "source_fa": meta.get("source_fa"),
        "published": meta.get("published"),
        "kb": base.path,
        "kb_version": meta.get("version"),
        "kb_sha256": kbmod.sha256(path),
        "records": len(base.raw_records),
        "counts": {kind: kinds[kind] for kind in (*KINDS, *sorted(set(kinds) - set(KINDS)))},
        "paragraphs": len(base.paragraphs),
        "curated_findings": len(base.findings),
        "kzir_version": __version__,
    }
