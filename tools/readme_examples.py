"""Keep the README's examples true: re-run every ```console block that starts with `$ kzir`.

    python tools/readme_examples.py          # rewrite the blocks with today's output
    python tools/readme_examples.py --check  # exit 1 if any block is stale (the tests do this)

Commands run in-process through `kzir.cli.run`, with stdout not a terminal (plain text, as when
piped), so the output does not depend on the reader's terminal.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```console\n\$ (kzir [^\n]*)\n(.*?)```", re.S)


def run_example(command: str) -> str:
    from kzir.cli import run

    args = shlex.split(command)[1:]
    pipe = None
    if "|" in args:
        at = args.index("|")
        args, pipe = args[:at], args[at + 1:]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(args)
    text = out.getvalue().replace("\r\n", "\n")  # CSV's CRLF, shown as a terminal shows it
    if pipe and pipe[0] == "head":
        text = "".join(text.splitlines(keepends=True)[: int(pipe[1].lstrip("-n") or 10)])
    if code:
        text += err.getvalue() + f"[exit {code}]\n"
    return text


def render(readme: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ {m[1]}\n{run_example(m[1])}```", readme)


def main() -> int:
    from regenerate import write_or_check  # beside this script

    return write_or_check(README, render(README.read_text(encoding="utf-8")),
                          "README examples", "readme_examples.py")


if __name__ == "__main__":
    sys.exit(main())
