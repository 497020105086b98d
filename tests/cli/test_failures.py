"""Failures are one line and the documented exit code, whatever goes wrong around kzir."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests_support import kzir_cmd


def _run(args: list[str], **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    env.update(kw.pop("env", {}))
    return subprocess.run([*kzir_cmd(), *args], capture_output=kw.pop("capture", True),
                          text=True, env=env, timeout=60, check=False, **kw)


def test_a_full_stdout_is_one_line_and_exit_1() -> None:
    with open("/dev/full", "w") as full:
        proc = _run(["export"], stdout=full, stderr=subprocess.PIPE, capture=False)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["kzir: cannot write: No space left on device"]


def test_a_closed_stdout_is_one_line_and_exit_1() -> None:
    proc = subprocess.run(["sh", "-c", '"$0" treaties list >&-', *kzir_cmd()],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["kzir: cannot write output: standard output is closed"]


@pytest.mark.parametrize("args", [["treaties", "list"], ["show", "no-such-id"], ["trade", "-x"]])
def test_a_closed_stderr_does_not_change_the_exit_code(args: list[str]) -> None:
    normal = _run(args)
    closed = subprocess.run(["sh", "-c", '"$0" "$@" 2>&-', *kzir_cmd(), *args],
                            capture_output=True, text=True, timeout=60, check=False)
    assert closed.returncode == normal.returncode
    assert closed.stdout == normal.stdout


@pytest.mark.parametrize("env", [{"KZIR_DEBUG": "1"}, {}])
def test_debug_shows_the_traceback_but_keeps_the_usage_exit_code(env: dict[str, str]) -> None:
    proc = _run(["trade", "--no-such-option"], env=env)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith("kzir: No such option: --no-such-option")
    assert ("Traceback" in proc.stderr) == bool(env)


def test_a_broken_pipe_is_quiet() -> None:
    proc = subprocess.run(["sh", "-c", '"$0" export | head -c 10 >/dev/null', *kzir_cmd()],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0 and proc.stderr == ""


@pytest.mark.parametrize("args", [
    ["trade", "--debug", "-n", "1"], ["--debug", "trade", "-n", "1"],
    ["people", "--rtl", "logical"], ["--rtl", "logical", "people"],
])
def test_global_options_work_before_or_after_the_command(args: list[str]) -> None:
    proc = _run(args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout


def test_kb_given_before_and_after_the_command_takes_one_route(tmp_path) -> None:
    missing = str(tmp_path / "missing.json")
    for args in (["--kb", missing, "people"], ["people", "--kb", missing],
                 ["--kb", "/elsewhere.json", "people", "--kb", missing]):
        proc = _run(args)
        assert proc.returncode == 1 and missing in proc.stderr, (args, proc.stderr)
    assert _run(["people"], env={"KZIR_KB": missing}).returncode == 1


def test_in_process_runs_do_not_share_a_kb(tmp_path) -> None:
    """Two runs in one process with different --kb values don't see each other."""
    import contextlib
    import io

    from kzir.cli import run

    missing = str(tmp_path / "missing.json")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert run(["--kb", missing, "people", "--json"]) == 1
        assert run(["people", "--json"]) == 0
    assert os.environ.get("KZIR_KB") is None
