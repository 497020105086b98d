"""Work done on a big KB, kept in the user's cache directory so the next run can skip it.

Why: a 100,000-record KB costs every process about a second to validate and index before it can
answer (the parse itself is needed anyway). Both results depend only on the file's bytes and on
kzir's own code, so they are stored under a key made of the two: the SHA-256 of the KB's bytes
and of kzir's source, schema and Python version. A changed KB, a new kzir or another Python finds
nothing and does the work again; an unchanged KB skips it. Nothing is stored for a KB an error
stopped (so an invalid KB is checked, and refused, every time).

Where: `$KZIR_CACHE_DIR`, else `$XDG_CACHE_HOME/kzir`, else `~/.cache/kzir`; `KZIR_NO_CACHE=1`
turns it off. Only KBs of at least MIN_BYTES are cached (the bundled one never is), the entries
of the MAX_KBS most recently used KBs are kept, and any failure to read or write the cache is
silent: the cache can make a run faster, never make it fail. The KB file itself is never written.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

MIN_BYTES = 2_000_000
MAX_KBS = 8
_ENV_DIR = "KZIR_CACHE_DIR"
_ENV_OFF = "KZIR_NO_CACHE"


def cache_dir() -> Path | None:
    """Where entries go, or None when caching is turned off."""
    if os.environ.get(_ENV_OFF, "") not in ("", "0"):
        return None
    chosen = os.environ.get(_ENV_DIR)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kzir"


@cache
def code_fingerprint() -> bytes:
    """What kzir's results depend on besides the KB: its source, its data files, the Python."""
    import hashlib

    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), package / "data" / "kb.schema.json"]):
        try:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.digest()


class KbCache:
    """The cached results for one KB content: named values, each in its own file."""

    def __init__(self, directory: Path, content: bytes) -> None:
        import hashlib

        self.directory = directory
        self.key = hashlib.sha256(code_fingerprint() + content).hexdigest()[:32]

    def _path(self, name: str) -> Path:
        return self.directory / f"{self.key}.{name}"

    def get(self, name: str) -> Any | None:
        """The value stored under `name`, or None (also when the entry is unreadable)."""
        path = self._path(name)
        try:
            with path.open("rb") as stream:
                value = marshal.load(stream)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept longest
        return value

    def put(self, name: str, value: Any) -> None:
        """Store a value (marshal-able) under `name`, atomically; on any failure, nothing."""
        import tempfile

        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as stream:
                    marshal.dump(value, stream)
                os.replace(tmp, self._path(name))
            except BaseException:
                os.unlink(tmp)
                raise
            self._evict()
        except (OSError, ValueError):
            return

    def _evict(self) -> None:
        """Drop the entries of all but the MAX_KBS most recently used KBs (only files named as
        kzir names them: the directory may be one the user chose and shares), and temporary
        files an interrupted run left more than an hour ago."""
        import re
        import time

        newest: dict[str, float] = {}
        entries: list[tuple[Path, str]] = []
        for path in self.directory.iterdir():
            name = path.name
            if name.startswith(".tmp-") and path.stat().st_mtime < time.time() - 3600:
                path.unlink(missing_ok=True)
            elif re.fullmatch(r"[0-9a-f]{32}\.[a-z0-9-]+", name):
                key = name.partition(".")[0]
                entries.append((path, key))
                newest[key] = max(newest.get(key, 0.0), path.stat().st_mtime)
        keep = set(sorted(newest, key=newest.__getitem__, reverse=True)[:MAX_KBS]) | {self.key}
        for path, key in entries:
            if key not in keep:
                path.unlink(missing_ok=True)


def for_content(content: bytes) -> KbCache | None:
    """The cache of a KB with these bytes, or None (too small to be worth it, or turned off)."""
    if len(content) < MIN_BYTES:
        return None
    directory = cache_dir()
    return KbCache(directory, content) if directory is not None else None
