"""The README's examples are real output of the current code and KB (tools/readme_examples.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("readme_examples",
                                                  ROOT / "tools" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_examples_match_the_current_output(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KZIR_LANG", "KZIR_CALENDAR", "KZIR_KB"):
        monkeypatch.delenv(name, raising=False)
    tool = _tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = tool.BLOCK.findall(readme)
    assert len(blocks) >= 10
    stale = [cmd for cmd, body in blocks if tool.run_example(cmd) != body]
    assert not stale, f"stale README examples (run tools/readme_examples.py): {stale}"


def test_readme_install_commands_are_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest" in readme
    lines = [line.strip() for line in ci.splitlines()]
    assert any(line.startswith("pip install") and "'.[test]'" in line for line in lines)
    assert any(line.split("||")[0].strip() == "pytest" for line in lines)
    assert "pip install . && kzir treaties list" in readme
