"""Shell completion through the installed `kzir`, as the shells call it: the script `kzir
completion bash` prints, sourced in bash, and the environment protocol behind it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kzir import kb
from tests_support import kzir_cmd


def _complete(line: str, **env: str) -> list[str]:
    """What `kzir` offers for the last word of `line` (bash protocol: COMP_WORDS/COMP_CWORD)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    full = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    full.update(COMP_WORDS=line, COMP_CWORD=str(cword), _KZIR_COMPLETE="complete_bash", **env)
    proc = subprocess.run(kzir_cmd(), capture_output=True, text=True, env=full, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout.split()


def test_commands_and_options() -> None:
    assert {"show", "source"} <= set(_complete("kzir s"))
    assert {"about", "fields", "completion", "trade", "treaties"} <= set(_complete("kzir "))
    assert _complete("kzir treaties ") == ["list", "show"]
    assert {"--year", "--direction", "--chart", "--fields"} <= set(_complete("kzir trade --"))


def test_record_ids() -> None:
    base = kb.load()
    assert _complete("kzir show trade-1400") == [r.id for r in base.records
                                                 if r.id.startswith("trade-1400")]
    assert set(_complete("kzir cite ")) == {r.id for r in base.records}
    assert _complete("kzir treaties show doc-09") == ["doc-09-rail"]
    assert _complete("kzir show no-such-prefix") == []


def test_record_ids_of_another_kb(tmp_path: Path) -> None:
    import json

    doc = json.loads(kb.data_file("kb.json").read_text(encoding="utf-8"))
    doc["records"] = [r for r in doc["records"] if r["kind"] == "trade"]
    path = tmp_path / "trade-only.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert all(i.startswith("trade-") for i in _complete(f"kzir --kb {path} show "))
    assert all(i.startswith("trade-") for i in _complete("kzir show ", KZIR_KB=str(path)))
    assert _complete(f"kzir --kb {tmp_path}/missing.json show t") == []  # quietly nothing


def test_field_names_and_kinds() -> None:
    assert _complete("kzir fields tr") == ["trade"]
    assert _complete("kzir export --kind ev") == ["event"]
    assert _complete("kzir trade --fields to") == ["tonnes", "tonnes_growth_pct",
                                                   "tonnes_qualifier"]
    assert "year,direction" in _complete("kzir trade --fields year,dir")
    assert "title" in _complete("kzir treaties list --fields ti")  # a column, not only title_en
    assert "severity" in _complete("kzir check --fields sev")
    assert _complete("kzir fields trade --fields desc") == ["description"]


def test_completion_scripts() -> None:
    for shell in ("bash", "zsh", "fish"):
        proc = subprocess.run([*kzir_cmd(), "completion", shell], capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 0 and "_KZIR_COMPLETE=complete_" + shell in proc.stdout
    proc = subprocess.run([*kzir_cmd(), "completion", "powershell"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "valid: bash, zsh, fish" in proc.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_sourced_bash_script_completes_ids() -> None:
    script = ('source <(kzir completion bash); COMP_WORDS=(kzir cite mission-kz); COMP_CWORD=2; '
              '_kzir_completion kzir; printf "%s\\n" "${COMPREPLY[@]}"')
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    env["PATH"] = f"{Path(kzir_cmd()[0]).parent}{os.pathsep}{env.get('PATH', '')}"
    out = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True,
                         env=env, timeout=60, check=True).stdout
    assert out.split() == ["mission-kz-consulate-gorgan", "mission-kz-embassy-tehran"]
