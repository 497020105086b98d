"""Work done on a big KB, kept in the user's cache directory so the next run can skip it.

Why: a 100,000-record KB costs every process two seconds or more to parse, validate and index
before it can answer. All three depend only on the file's bytes and on kzir's own code, so their
results are stored under a key made of the two: the SHA-256 of the KB's bytes
and of kzir's source, schema and Python version. A changed KB, a new kzir or another Python finds
nothing and does the work again; an unchanged KB skips it. Nothing is stored for a KB an error
stopped (so an invalid KB is checked, and refused, every time).

Where: `$KZIR_CACHE_DIR`, else `$XDG_CACHE_HOME/kzir`, else `~/.cache/kzir`; `KZIR_NO_CACHE=1`
turns it off. A directory that another user owns or can write to is not used: marshal is not
made for untrusted data, and an entry decides what counts as validated. Only KBs of at least
MIN_BYTES are cached (the bundled one never is), the entries of the MAX_KBS most recently used
KBs are kept, a damaged entry is ignored and replaced, and any failure to read or write the cache
is silent: the cache can make a run faster, never make it fail or change its answer. The KB file
itself is never written, and nothing but kzir's own entries is ever deleted.
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
    if os.environ.get(_ENV_OFF, "").strip().lower() not in ("", "0", "false", "no", "off"):
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


_MAGIC = b"kzir-cache-1\n"
_SUFFIX = ".kzir"
_TMP = ".kzir-tmp-"
_ENTRY = r"[0-9a-f]{32}\.[a-z0-9-]+\.kzir"


class KbCache:
    """The cached results for one KB content: named values, each in its own file.

    A file is `<key>.<name>.kzir`: a magic line, the SHA-256 of the rest, then the value in
    marshal's format. A file whose digest does not match (damaged on disk) is ignored and
    replaced, so a bad entry costs one slow run, never a wrong answer or a failure.
    """

    def __init__(self, directory: Path, content: bytes) -> None:
        import hashlib

        self.directory = directory
        self.key = hashlib.sha256(code_fingerprint() + content).hexdigest()[:32]

    def _path(self, name: str) -> Path:
        return self.directory / f"{self.key}.{name}{_SUFFIX}"

    def get(self, name: str) -> Any | None:
        """The value stored under `name`, or None (also when the entry is damaged)."""
        import hashlib

        path = self._path(name)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        start = len(_MAGIC) + 32
        if raw[:len(_MAGIC)] != _MAGIC or raw[len(_MAGIC):start] != hashlib.sha256(
                memoryview(raw)[start:]).digest():
            return None
        try:
            value = marshal.loads(memoryview(raw)[start:])
        except (EOFError, ValueError, TypeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept longest
        return value

    def put(self, name: str, value: Any) -> None:
        """Store a value (marshal-able) under `name`, atomically; on any failure, nothing."""
        import hashlib
        import tempfile

        try:
            payload = marshal.dumps(value)
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=_TMP)
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(_MAGIC)
                    stream.write(hashlib.sha256(payload).digest())
                    stream.write(payload)
                os.replace(tmp, self._path(name))
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, ValueError):
            return
        self._evict()

    def _evict(self) -> None:
        """Drop the entries of all but the MAX_KBS most recently used KBs, and temporary files
        an interrupted run left more than an hour ago. Only regular files named as kzir names
        them are ever deleted; one that cannot be looked at or deleted is passed over."""
        import re
        import time

        newest: dict[str, float] = {}
        entries: list[tuple[Path, str]] = []
        try:
            paths = list(self.directory.iterdir())
        except OSError:
            return
        for path in paths:
            name = path.name
            try:
                if not path.is_file() or path.is_symlink():
                    continue
                if name.startswith(_TMP):
                    if path.stat().st_mtime < time.time() - 3600:
                        path.unlink()
                elif re.fullmatch(_ENTRY, name):
                    key = name.partition(".")[0]
                    entries.append((path, key))
                    newest[key] = max(newest.get(key, 0.0), path.stat().st_mtime)
            except OSError:
                continue
        keep = set(sorted(newest, key=newest.__getitem__, reverse=True)[:MAX_KBS]) | {self.key}
        for path, key in entries:
            if key not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()


def _safe(directory: Path) -> bool:
    """Whether entries in this directory can be trusted: it does not exist yet (kzir makes it,
    private), or it is the user's own and nobody else can write to it (as ssh asks of ~/.ssh)."""
    try:
        st = directory.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def for_content(content: bytes) -> KbCache | None:
    """The cache of a KB with these bytes, or None (too small to be worth it, or turned off)."""
    if len(content) < MIN_BYTES:
        return None
    directory = cache_dir()
    if directory is None or not _safe(directory):
        return None
    return KbCache(directory, content)
