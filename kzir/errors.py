"""One error hierarchy and one exit-code table, so every failure maps to a code in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes; documented in the README and relied on by scripts."""

    OK = 0
    ERROR = 1  # runtime failure: the KB is unreadable or breaks the schema
    USAGE = 2  # bad option value, invalid date, empty query
    NOT_FOUND = 3  # unknown id, year with no data
    INTERRUPTED = 130  # Ctrl-C


class KzirError(Exception):
    """Base of every error kzir reports as one line instead of a traceback."""

    exit_status: ExitStatus = ExitStatus.ERROR
    kind: str = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def line(self) -> str:
        """The single line shown to the user: what went wrong, then what to try."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class KbError(KzirError):
    """The knowledge base could not be read or does not match its schema."""

    kind = "kb_error"


class UsageError(KzirError):
    """A value given on the command line is not valid."""

    exit_status = ExitStatus.USAGE
    kind = "usage_error"


class DateError(UsageError):
    """A date that cannot be parsed, does not exist, or lies outside the supported range."""

    kind = "date_error"


class OutputClosed(Exception):
    """The reader of stdout went away (`kzir … | head -1`): stop quietly, exit 0.

    Not an OSError on purpose: Typer's bundled click turns a BrokenPipeError into exit 1 before
    kzir's entry point could see it.
    """


class NotFoundError(KzirError):
    """A well-formed request that names nothing in the KB."""

    exit_status = ExitStatus.NOT_FOUND
    kind = "not_found"
