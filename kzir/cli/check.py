"""`kzir check`: the article's defects — arithmetic, calendar, names, typos, duplicates,
contradictions, relative dates and facts changed since — each with evidence and working."""

from __future__ import annotations

from ..errors import ExitStatus, UsageError
from ..options import OutputOptions
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)


def _choices(value: str | None, valid: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    """Comma-separated values of an option, each checked against the valid ones."""
    if value is None:
        return None
    chosen = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    unknown = [v for v in chosen if v not in valid]
    if unknown or not chosen:
        raise UsageError(f"{option}: unknown value '{unknown[0] if unknown else value}'",
                         hint=f"valid: {', '.join(valid)}")
    return chosen


@examples(("Errors only, id and message", "kzir check --severity error --fields id,message"),
          ("Calendar findings as JSON", "kzir check --category calendar --json"),
          ("In a script: exit 1 if a typo finding were an error",
           "kzir check --category typo --strict"))
@output_options(*LISTING)
def check(
    out: OutputOptions,
    category: Annotated[str | None, typer.Option(
        "--category", "-c", metavar="NAME[,NAME...]",
        help="Only these categories: arithmetic, calendar, names, typo, duplicate, "
        "contradiction, relative-date, changed, disputed.")] = None,
    severity: Annotated[str | None, typer.Option(
        "--severity", "-s", metavar="LEVEL[,LEVEL...]",
        help="Only these severities: error, warning, note.")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 when any error finding is reported (after the filters).")
    ] = False,
) -> int | None:
    """Audit the article: where it contradicts itself, miscounts or mis-converts a date.

    Arithmetic, calendar, name-spelling, duplicate and relative-date findings are computed from
    the KB and the article (the bundled KB's ahead of time, a --kb file's on every run); typos,
    contradictions and changed facts are curated in the KB. Exit status is 0 unless --strict is
    given and an error finding is reported.
    """
    from .. import audit, kb
    from ..render.check_view import findings_listing
    from ..render.formats import emit_listing

    categories = _choices(category, audit.CATEGORIES, "--category")
    severities = _choices(severity, audit.SEVERITIES, "--severity")
    findings = audit.select(audit.findings(kb.load(out.kb)), categories, severities)
    emit_listing(findings_listing(findings), out)
    if strict and any(f.severity == "error" for f in findings):
        return ExitStatus.ERROR
    return None
