"""The Examples section every command's help ends with (checked by the tests: each one runs)."""

from __future__ import annotations

from collections.abc import Callable
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
