"""What the user asked the output to look like, independent of any CLI framework."""

from __future__ import annotations

from .errors import UsageError
from .slotted import Slotted

LANGS = ("en", "fa", "both")
AUTO = "auto"  # a command's default language when the data decides (search: the query's)
CALENDARS = ("jalali", "gregorian", "both")


class OutputOptions(Slotted):
    """The shared output options; `format` None means "table on a terminal, plain otherwise"."""

    format: str | None = None
    fields: tuple[str, ...] | None = None
    limit: int | None = None
    sort: str | None = None
    lang: str = "en"
    calendar: str = "both"
    ascii: bool = False
    kb: str | None = None
    lang_explicit: bool = False  # --lang typed (KZIR_LANG only sets a default): see refusals
    calendar_explicit: bool = False  # --calendar given on the command line (not KZIR_CALENDAR)


def normalise_lang(value: str) -> str:
    lang = value.strip().lower()
    if lang in ("fa", "per", "persian", "farsi"):
        return "fa"
    if lang in ("en", "eng", "english"):
        return "en"
    if lang in ("both", "all", "bilingual"):
        return "both"
    raise UsageError(f"unknown language '{value}'", hint="valid: en, fa, both")


def normalise_calendar(value: str) -> str:
    cal = value.strip().lower()
    aliases = {"j": "jalali", "persian": "jalali", "shamsi": "jalali", "solar-hijri": "jalali",
               "g": "gregorian", "b": "both"}
    cal = aliases.get(cal, cal)
    if cal not in CALENDARS:
        raise UsageError(f"unknown calendar '{value}'", hint=f"valid: {', '.join(CALENDARS)}")
    return cal
