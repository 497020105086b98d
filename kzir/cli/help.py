"""How a command module describes itself beyond its function, without importing Typer: the
Examples section every command's help ends with (checked by the tests: each one runs), the
groups of commands, and the version line. Registration (kzir.cli.app) reads them."""

from __future__ import annotations

from ..slotted import Slotted

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --version
if TYPE_CHECKING:  # this module is read before --version: nothing but what it needs
    from collections.abc import Callable, Mapping
    from typing import Any, TypeVar

    F = TypeVar("F", bound=Callable[..., Any])


def epilog(*examples: tuple[str, str]) -> str:
    """'Examples:' then each (what, command) pair; '\\b' keeps click from rewrapping it."""
    lines = ["\b", "Examples:"]
    for what, command in examples:
        lines += [f"  # {what}", f"  {command}"]
    return "\n".join(lines)


def examples(*pairs: tuple[str, str]) -> Callable[[F], F]:
    """Attach an Examples epilog to a command function (read when the command is registered)."""
    def attach(func: F) -> F:
        func.epilog = epilog(*pairs)  # type: ignore[attr-defined]
        return func

    return attach


class Group(Slotted):
    """A command with subcommands (`kzir treaties list|show`): plain functions that
    registration assembles into a sub-Typer."""

    help: str
    epilog: str
    commands: Mapping[str, Callable[..., Any]]


def version_line() -> str:
    """What `kzir --version` prints, whichever route serves it."""
    from .. import __version__

    return f"kzir {__version__}\n"
