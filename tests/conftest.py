"""Shared fixtures: run the real CLI in-process (through its exit-code mapping) or as a process."""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, settings

from kzir.cli import run
from tests_support import kzir_cmd

# Property tests are deterministic by default (the same examples every run, no example database,
# so CI never replays a failure found elsewhere). `pytest --hypothesis-profile=long` runs a
# longer randomised search; a failure it finds prints the example to add as a regression test.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=200,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", derandomize=False, database=None, deadline=None,
                          max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


class Result(NamedTuple):
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call `kzir ARGS…` in this process; stdout is not a terminal, as when piped."""
    for name in ("KZIR_LANG", "KZIR_CALENDAR", "KZIR_KB", "KZIR_DEBUG"):
        # set first, so that teardown removes it again: `kzir --kb PATH` sets KZIR_KB in this
        # process, and a later test (or a process it starts) must not inherit it
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(int(code), captured.out, captured.err)

    return invoke


def kzir_executable() -> str:
    """The installed `kzir` script of the interpreter running the tests."""
    return kzir_cmd()[0]


@pytest.fixture
def kzir_process():
    """Run the installed `kzir` command as a separate process, as a user or script would."""

    def invoke(*args: str, env: dict[str, str] | None = None, **kw: Any) -> Result:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
        full_env.update(env or {})
        proc = subprocess.run([kzir_executable(), *args], capture_output=True, text=True,
                              encoding="utf-8", env=full_env, timeout=60, **kw)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return invoke
