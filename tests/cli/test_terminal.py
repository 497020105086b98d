"""Terminal behaviour through a real pseudo-terminal: tables on a tty, plain text in pipes,
escaped data, quiet broken pipes, and a non-UTF-8 locale."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from kzir import kb
from tests_support import kzir_cmd

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

BOX = set("─━│┃┏┓┗┛╭╮╰╯┡┩")


def run_on_pty(args: list[str], env: dict[str, str] | None = None, columns: int = 200) -> str:
    """Run kzir with stdout and stderr on a pseudo-terminal; return what the terminal got."""
    main, secondary = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KZIR_")}
    full_env.update({"COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"})
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    proc = subprocess.Popen([*kzir_cmd(), *args], stdin=secondary, stdout=secondary,
                            stderr=secondary, env=full_env, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(main)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_table_on_a_terminal_plain_when_piped(kzir_process) -> None:
    on_tty = run_on_pty(["treaties", "list"])
    assert BOX & set(on_tty), "expected a Rich table on a terminal"
    piped = kzir_process("treaties", "list")
    assert piped.code == 0
    assert not BOX & set(piped.out) and "\x1b" not in piped.out
    assert "Short title" in piped.out


def colours(text: str) -> set[int]:
    """The colour parameters (foreground/background) of every SGR escape in the text."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for p in filter(None, params.split(";")):
            if 30 <= int(p) <= 49 or 90 <= int(p) <= 107:
                found.add(int(p))
    return found


def test_colour_on_a_terminal_and_no_color_honoured() -> None:
    styled = run_on_pty(["events"])
    assert "\x1b[" in styled  # bold headers, italic title
    assert not colours(run_on_pty(["events"], env={"NO_COLOR": "1"}))
    assert "\x1b[" not in run_on_pty(["events"], env={"TERM": "dumb"})


def test_json_on_a_terminal_is_still_plain_json() -> None:
    out = run_on_pty(["trade", "--year", "1400", "--json"], columns=40)
    assert "\x1b" not in out
    assert len(json.loads(out)) == 3  # not wrapped at 40 columns


def test_data_is_escaped_before_it_reaches_the_terminal(tmp_path: Path) -> None:
    doc = json.loads(kb.read_data_text("kb.json"))
    record = next(r for r in doc["records"] if r["kind"] == "person")
    record["name_en"] = "Evil \x1b]0;pwned\x07\x1b[31mRED[/bold] [link=x]y[/link]\u202egnp.exe"
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for fmt in ("table", "plain"):
        out = run_on_pty(["people", "--kb", str(path), "--format", fmt], env={"TERM": "dumb"})
        assert "Evil" in out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, fmt
        assert "[/bold]" in out and "[link=x]" in out  # markup shown literally, not applied


def test_broken_pipe_ends_quietly() -> None:
    proc = subprocess.run(f"{' '.join(kzir_cmd())} events --format plain | head -1",
                          shell=True, capture_output=True, text=True, timeout=60)
    assert proc.stdout.count("\n") == 1
    # stderr may carry the listing's own notes (when all output fit in the pipe before `head`
    # closed it), but never a traceback or a complaint about the closed pipe.
    assert "Traceback" not in proc.stderr and "Broken" not in proc.stderr
    assert all(line.startswith("~ marks") for line in proc.stderr.splitlines())


@pytest.mark.parametrize("lang", ["C", "POSIX", "en_US.ISO-8859-1"])
def test_non_utf8_locale_still_prints_persian(lang) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "KZIR_", "PYTHON"))}
    env.update({"LANG": lang, "LC_ALL": lang})
    proc = subprocess.run([*kzir_cmd(), "people", "--lang", "fa"], capture_output=True,
                          env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "توکایف" in proc.stdout.decode("utf-8")


def test_help_everywhere_with_short_flag_and_visible_brackets(kzir_process) -> None:
    for command in (["-h"], ["treaties", "-h"], ["treaties", "list", "-h"], ["trade", "--help"],
                    ["events", "-h"]):
        result = kzir_process(*command)
        assert result.code == 0 and "Usage:" in result.out, command
    assert "\x1b" not in kzir_process("--help").out
    version = kzir_process("--version")
    assert version.code == 0 and version.out.startswith("kzir ")


def test_visual_rtl_is_opt_in_and_never_touches_json(cli) -> None:
    logical = cli("people", "--lang", "fa", "--fields", "name")
    assert "قاسم ژومارت توکایف" in logical.out
    visual = cli("--rtl", "visual", "people", "--lang", "fa", "--fields", "name")
    assert visual.code == 0
    assert "قاسم ژومارت توکایف" not in visual.out
    assert "ﻢﺳﺎﻗ" in visual.out  # shaped presentation forms, laid out left to right
    as_json = cli("--rtl", "visual", "people", "--json", "--fields", "name_fa").json()
    assert as_json[0]["name_fa"] == "قاسم ژومارت توکایف"
    bad = cli("--rtl", "sideways", "people")
    assert bad.code == 2 and "logical, visual" in bad.err


def test_broken_pipe_exits_zero_under_pipefail() -> None:
    cmd = " ".join(kzir_cmd())
    for args in ("events --format plain", "export --format jsonl", "search Kazakhstan --json"):
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", f"{cmd} {args} | head -1"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, (args, proc.stderr)


def test_no_command_prints_the_help_as_is(kzir_process) -> None:
    result = kzir_process()
    assert result.code == 2
    assert result.err.startswith("Usage: kzir") and "Commands:" in result.err
    assert len(result.err.splitlines()) > 10  # the real help, not squashed into one line


# ---------------------------------------------------------------- tables that fit (issue 11)

LISTINGS = [["treaties", "list"], ["trade"], ["events"], ["visits"], ["resources"],
            ["consulates"], ["people"], ["orgs"], ["profile"], ["culture"], ["check"],
            ["search", "Kazakhstan"], ["treaties", "list", "--lang", "fa"],
            ["trade", "--lang", "fa"], ["events", "--lang", "fa"]]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def draw(args: list[str], columns: int) -> tuple[str, str]:
    """Run kzir with stdout on a real pseudo-terminal of `columns` x 50 (set with TIOCSWINSZ,
    no COLUMNS variable); return what the terminal showed and stderr."""
    import fcntl
    import struct
    import termios

    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("KZIR_") and k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    proc = subprocess.Popen([*kzir_cmd(), *args], stdin=secondary, stdout=secondary,
                            stderr=subprocess.PIPE, env=env, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    err = proc.stderr.read().decode("utf-8") if proc.stderr else ""
    proc.wait(timeout=30)
    os.close(main)
    text = ANSI.sub("", b"".join(chunks).decode("utf-8", errors="replace"))
    return text.replace("\r\n", "\n"), err


def tokens(text: str) -> set[str]:
    return set(text.replace("|", " ").split())


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_tables_fit_and_split_no_number_id_or_date(args, columns) -> None:
    shown, err = draw(args, columns)
    assert BOX & set(shown), "expected a table, not the plain fallback"
    lines = [line for line in shown.splitlines() if line.strip()]
    assert all(len(line.rstrip()) <= columns for line in lines)
    # Every word on screen is a whole word of the unwrapped output (title and cells): a split
    # number (265,200,0 / 00), id (event-kazak / hstan-…) or date would leave a fragment.
    whole = tokens(subprocess.run([*kzir_cmd(), *args, "--format", "md"], capture_output=True,
                                  text=True, encoding="utf-8", timeout=60).stdout)
    whole |= {t.strip("*") for t in whole}
    for line in lines:
        for token in line.split():
            if set(token) <= BOX | {"━"}:
                continue
            if any(ch.isdigit() for ch in token) or re.fullmatch(r"[a-z]+-[a-z0-9-]+", token):
                assert token in whole, (args, columns, token, line)
    if "left out" in err or "کنار گذاشته" in err:
        assert "--fields" in err


def test_treaties_list_fits_80_columns_with_its_ids() -> None:
    shown, err = draw(["treaties", "list"], 80)
    for n in range(1, 10):
        assert f"doc-0{n}-" in shown
    assert "Short title" in shown and "Field" in shown and err == ""
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_trade_at_80_columns_keeps_every_figure_whole() -> None:
    shown, _ = draw(["trade", "--year", "1400"], 80)
    for figure in ("≈729,000", "265,200,000", ">512,000", "187,200,000", "78,000,000"):
        assert figure in shown


def test_a_terminal_too_narrow_for_a_table_gets_plain_text() -> None:
    shown, _ = draw(["treaties", "list"], 20)
    assert not BOX & set(shown)
    flat = shown.replace("\n", "")
    for n in range(1, 10):
        assert f"doc-0{n}-" in flat


@pytest.mark.parametrize("columns", [80, 60])
def test_a_record_at_narrow_widths_keeps_its_id_whole(columns) -> None:
    record = "org-kz-mfa-foreign-policy-research-institute"  # the longest id: 44 characters
    shown, _ = draw(["show", record], columns)
    assert record in shown
    assert all(len(line.rstrip()) <= columns for line in shown.splitlines())


@pytest.mark.parametrize("columns", ["0", "1", "5", "10"])
def test_a_terminal_too_narrow_for_a_table_gets_plain_text_never_nothing(columns: str) -> None:
    shown = run_on_pty(["trade", "--year", "1400"], env={"COLUMNS": columns})
    assert "729,000" in shown and "trade-1400-total" in shown
    assert "\x1b[" not in shown or "729,000" in shown


@pytest.mark.parametrize("env", [{"LANG": "C", "LC_ALL": "C"}, {"TERM": "dumb"},
                                 {"LANG": "C", "LC_ALL": "C", "TERM": "dumb", "COLUMNS": "0"}])
def test_unusual_environments_still_print_persian_and_data(env: dict[str, str]) -> None:
    shown = run_on_pty(["search", "راه آهن", "-n", "1", "--lang", "fa"], env=env)
    assert "Traceback" not in shown and "kzir:" not in shown
    assert re.search("[\u0600-\u06ff]", shown)
