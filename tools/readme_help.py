"""Keep the README's command reference true: it is every command's --help, regenerated here.

    python tools/readme_help.py          # rewrite the reference with today's help
    python tools/readme_help.py --check  # exit 1 if it is stale (the tests do this)

The reference sits between the README's `<!-- help:begin -->` and `<!-- help:end -->` lines.
Help is rendered 100 columns wide, so it does not depend on the reader's terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = re.compile(r"(<!-- help:begin -->\n).*?(<!-- help:end -->)", re.S)
WIDTH = "100"


def commands() -> list[list[str]]:
    """Every command path: the root, each command, each command of a group."""
    from kzir.cli.app import COMMANDS

    paths: list[list[str]] = [[]]
    for name in COMMANDS:
        paths.append([name])
        if name == "treaties":
            paths += [["treaties", "list"], ["treaties", "show"]]
    return paths


def help_text(path: list[str]) -> str:
    """The help as a fresh process prints it (in-process, earlier commands change the order)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    env["COLUMNS"] = WIDTH
    proc = subprocess.run([sys.executable, "-m", "kzir", *path, "--help"], capture_output=True,
                          text=True, encoding="utf-8", env=env, check=True)
    return proc.stdout


def reference() -> str:
    parts = []
    for path in commands():
        title = " ".join(["kzir", *path])
        parts.append(f"### `{title}`\n\n```text\n{help_text(path).rstrip()}\n```\n")
    return "\n".join(parts)


def render(readme: str) -> str:
    return SECTION.sub(lambda m: m[1] + reference() + m[2], readme)


def main() -> int:
    from regenerate import write_or_check  # beside this script

    return write_or_check(README, render(README.read_text(encoding="utf-8")),
                          "README command reference", "readme_help.py")


if __name__ == "__main__":
    sys.exit(main())
