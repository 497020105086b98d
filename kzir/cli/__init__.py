"""The `kzir` entry point: runs a command and maps every failure to one line and an exit code.

This is the one place exceptions become messages (like httpie's ExitStatus handling): commands
raise KzirError subclasses and never print errors or call sys.exit themselves. Argv the fast
path recognises exactly (kzir.cli.fast) runs without importing Typer; the rest goes to the Typer
app. Nothing here imports Typer, Rich or the renderers at the top.
"""

from __future__ import annotations

import os
import sys

from ..errors import ExitStatus, KzirError, OutputClosed

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --version
if TYPE_CHECKING:
    from collections.abc import Sequence


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether the user asked for a machine format (then errors also go out as a JSON object)."""
    for i, arg in enumerate(argv):
        if arg == "--json":
            return True
        if arg in ("--format", "-f") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--format="):
            value = arg.partition("=")[2]
        elif arg.startswith("-f") and len(arg) > 2 and not arg.startswith("--"):
            value = arg[2:]
        else:
            continue
        from ..render.formats import is_machine  # only when a format is named

        if is_machine(value.strip().lower()):
            return True
    return False


def debugging(argv: Sequence[str]) -> bool:
    """--debug or KZIR_DEBUG: tracebacks are printed, so such runs go through Typer (a traceback
    names the frames of its route; both routes must print the same)."""
    return "--debug" in argv or os.environ.get("KZIR_DEBUG", "") not in ("", "0")


def _utf8_streams() -> None:
    """Persian output must not crash under a non-UTF-8 locale (LANG=C, latin-1)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def clip(text: str) -> str:
    """An error line echoes at most a short prefix of anything long the user typed (a 1 MB id,
    a pasted paragraph): each run of more than 200 non-space characters (longer than any path
    or id) is cut to 60, and the whole message past 500 characters."""
    import re

    text = re.sub(r"\S{201,}", lambda m: m.group(0)[:59] + "…", text)
    return text if len(text) <= 500 else text[:499] + "…"


def report(kind: str, message: str, code: int, as_json: bool, hint: str | None = None) -> None:
    """One line on stderr (and a JSON error object when the user asked for JSON)."""
    from ..render.sanitize import clean

    line = clip(f"kzir: {message} ({hint})" if hint else f"kzir: {message}")
    sys.stderr.write(f"{clean(line)}\n")
    if as_json:
        import json

        error = {"error": {"kind": kind, "message": message, "hint": hint, "exit_code": code}}
        sys.stderr.write(json.dumps(error, ensure_ascii=False) + "\n")


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(argv: Sequence[str] | None = None, *, fast: bool = True) -> int:
    """Run kzir with these arguments; return the exit status instead of exiting.

    Every failure ends here as one line and its exit status. With --debug (or KZIR_DEBUG=1) the
    traceback is printed first, and the status stays what it would have been. `fast=False`
    sends every argv to Typer (the tests compare both routes).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    as_json, debug = _wants_json(args), debugging(args)
    try:
        if fast and not debug:
            from .fast import serve

            status = serve(args)
            if status is not None:
                return status
        return _dispatch(args, as_json, debug)
    except KzirError as exc:
        _traceback_if(debug)
        report(exc.kind, exc.message, exc.exit_status, as_json, hint=exc.hint)
        return exc.exit_status
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    except (BrokenPipeError, OutputClosed):
        _silence_stdout()
        return ExitStatus.OK
    except OSError as exc:  # stdout full or gone, an output file that cannot be written
        _traceback_if(debug)
        where = f" '{exc.filename}'" if exc.filename else ""
        report("output_error", f"cannot write{where}: {exc.strerror or exc}", ExitStatus.ERROR,
               as_json)
        return ExitStatus.ERROR
    except Exception as exc:  # a bug: still one line, and a way to report it
        _traceback_if(debug)
        report("internal_error", f"internal error: {type(exc).__name__}: {exc}", ExitStatus.ERROR,
               as_json, hint="this is a bug in kzir; please report it with the command you ran "
               "and the output of --debug")
        return ExitStatus.ERROR


def _dispatch(args: list[str], as_json: bool, debug: bool) -> int:
    """Hand argv to the Typer app; Typer's usage errors become one line and exit 2."""
    import typer

    from .app import app_for
    from .click_compat import ClickException, NoArgsIsHelpError

    if os.environ.get("_KZIR_COMPLETE"):  # the shell asks for completions (kzir completion)
        from .completion import prepare

        prepare()

    try:
        command = typer.main.get_command(app_for(args))
        result = command.main(args=args, prog_name="kzir", standalone_mode=False)
        sys.stdout.flush()
    except NoArgsIsHelpError as exc:  # `kzir` or `kzir treaties` alone: the help, as is
        sys.stderr.write(exc.format_message() + "\n")
        return exc.exit_code
    except ClickException as exc:
        _traceback_if(debug)
        report("usage_error", exc.format_message(), exc.exit_code, as_json,
               hint=_usage_hint(exc))
        return exc.exit_code
    return result if isinstance(result, int) else ExitStatus.OK


def _traceback_if(debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)


def _usage_hint(exc: BaseException) -> str | None:
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return "see 'kzir --help'"
    return f"see '{ctx.command_path} --help'"


def main(*, fast: bool = True) -> None:
    """The `kzir` script. `fast=False` sends every argv to Typer (the tests compare both)."""
    if sys.stderr is None:  # started with stderr closed: messages go nowhere, codes stay right
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives to exit)
    if sys.stdout is None:  # started with stdout closed: nothing can be written
        report("output_error", "cannot write output: standard output is closed",
               ExitStatus.ERROR, False)
        os._exit(ExitStatus.ERROR)
    _utf8_streams()
    status = run(fast=fast)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        report("output_error", f"cannot write output: {exc.strerror or exc}", ExitStatus.ERROR,
               False)
        status = ExitStatus.ERROR
    try:  # noqa: SIM105 (contextlib would be one more import on every run)
        sys.stderr.flush()
    except OSError:  # a closed or full stderr does not change the outcome
        pass
    # Skip the interpreter's teardown: nothing is left to clean up, and freeing a large --kb
    # (millions of objects) one by one costs a tenth of a second or more.
    os._exit(int(status))
