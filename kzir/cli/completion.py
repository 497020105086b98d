"""Shell completion: `kzir completion bash|zsh|fish` prints the script; the callbacks below give
record ids, kinds and field names when the shell asks.

Completion rides on Typer's own protocol (its bundled click): the script runs
`_KZIR_COMPLETE=complete_<shell> kzir` with the words typed so far in the environment, and kzir
answers on stdout. `prepare()` registers Typer's shell classes for that run only, because the
app is built with `add_completion=False` (no --install-completion: kzir never edits rc files).
Everything here is imported only on those paths; the callbacks import the KB when called.
"""

from __future__ import annotations

import os

from ..errors import UsageError

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated, Any

    import typer  # annotations only: registration supplies it (kzir.cli.app)

COMPLETE_VAR = "_KZIR_COMPLETE"
SHELLS = ("bash", "zsh", "fish")

# Which record kinds a listing command shows, for completing its --fields.
_COMMAND_KINDS: dict[str, tuple[str, ...]] = {
    "list": ("document",), "trade": ("trade",), "events": ("event",), "visits": ("event",),
    "resources": ("resource",), "consulates": ("mission",), "people": ("person",),
    "orgs": ("organization",), "profile": ("fact",), "culture": ("fact",),
    "check": ("finding",), "source": ("paragraph",), "fields": (), "about": (),
}
# Commands whose rows are not records: their own field names.
_COMMAND_FIELDS: dict[str, tuple[str, ...]] = {
    "fields": ("name", "type", "required", "description", "enum"),
    "about": ("title_en", "title_fa", "source", "published", "kb", "kb_version", "kb_sha256",
              "records", "counts", "paragraphs", "curated_findings", "kzir_version"),
}


def prepare() -> None:
    """Register Typer's bash/zsh/fish completion classes (a completion request is running)."""
    from typer.completion import completion_init

    completion_init()


def completion(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.",
                                         autocompletion=lambda: list(SHELLS))],
) -> None:
    """Print the shell completion script for SHELL; kzir never edits your shell's files.

    Load it for this session:  eval "$(kzir completion bash)"
    (zsh: eval "$(kzir completion zsh)"; fish: kzir completion fish | source).
    Keep it by adding that line to ~/.bashrc or ~/.zshrc, or save the fish script as
    ~/.config/fish/completions/kzir.fish. It completes commands, options, record ids
    (show, cite, treaties show), kinds (fields, export --kind) and field names (--fields).
    """
    import sys

    from typer.completion import get_completion_script

    chosen = shell.strip().lower()
    if chosen not in SHELLS:
        raise UsageError(f"unknown shell '{shell}'", hint=f"valid: {', '.join(SHELLS)}")
    sys.stdout.write(get_completion_script(prog_name="kzir", complete_var=COMPLETE_VAR,
                                           shell=chosen).strip() + "\n")


# ------------------------------------------------------------------------ the callbacks
# Their `ctx` is click's Context, unannotated: Typer finds it by its name and evaluates the
# callbacks' annotations, and this module is imported where neither Typer nor typing is.


def _kb_path(ctx: Any) -> str | None:
    """The --kb typed on the command line (after the command or before it), else KZIR_KB."""
    while ctx is not None:
        value = (ctx.params or {}).get("kb")
        if value:
            return str(value)
        ctx = ctx.parent
    return os.environ.get("KZIR_KB") or None


def _base(ctx: Any) -> Any:
    from .. import kb

    return kb.load(_kb_path(ctx))


def record_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    """Every record id starting with what was typed, with its label as help."""
    try:
        base = _base(ctx)
    except Exception:  # a broken --kb: nothing to offer, and never a traceback in the shell
        return []
    return [(r.id, r.label("en")) for r in base.records if r.id.startswith(incomplete)]


def document_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    try:
        base = _base(ctx)
    except Exception:
        return []
    return [(d.id, d.label("en")) for d in base.of_kind("document") if d.id.startswith(incomplete)]


def kinds(incomplete: str) -> list[str]:
    from ..fields import OTHER_TABLES
    from ..model import KINDS

    return [k for k in (*KINDS, *OTHER_TABLES) if k.startswith(incomplete)]


def record_kinds(incomplete: str) -> list[str]:
    from ..model import KINDS

    return [k for k in KINDS if k.startswith(incomplete)]


def _kinds_for(ctx: Any) -> tuple[str, ...]:
    from ..model import KINDS

    name = ctx.command.name if ctx.command else ""
    if name in _COMMAND_KINDS:
        return _COMMAND_KINDS[name]
    if name == "export" and ctx.params.get("kind"):
        return (str(ctx.params["kind"]).strip().lower(),)
    if name in ("show", "cite") and ctx.params.get("record_id"):
        try:
            return (_base(ctx).get(str(ctx.params["record_id"]).strip()).kind,)
        except Exception:
            return KINDS
    return KINDS


def field_names(ctx, incomplete: str) -> list[str]:
    """Field names for --fields A,B,...: the schema's fields of the kinds the command lists and
    their column names (title for title_en/title_fa); completes the part after the last comma."""
    from .. import kb
    from ..fields import fields_of

    done, _, word = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(",")) if done else set()
    names: dict[str, None] = dict.fromkeys(_COMMAND_FIELDS.get(ctx.command.name or "", ()))
    for kind in _kinds_for(ctx):
        try:
            infos = fields_of(kind, kb.schema())
        except UsageError:
            continue
        for info in infos:
            base, _, lang = info.name.rpartition("_")
            if lang in ("en", "fa") and base:
                names.setdefault(base)
            names.setdefault(info.name)
    if names and ctx.command.name not in _COMMAND_FIELDS:
        names.setdefault("paragraphs")
    return [prefix + n for n in names if n.startswith(word) and n not in chosen]
