"""Where the article contradicts itself, miscounts or mis-converts a date: `kzir check`.

Two sources of findings, so that a fact explorer is not just a mirror of its source:

* **computed** — arithmetic (parts against totals, the previous year implied by each growth rate,
  counts), calendar (every stated Gregorian = Jalali equivalence and weekday), spelling variants of
  one name, duplicated passages, relative dates resolved against the publication week, and a
  period cited before it had ended. They are derived from the KB's records and the article text,
  so correcting the KB (or the article) silences them: nothing here is hand-listed. The bundled
  KB's are computed ahead (``stored``: data/findings.json, used only while it matches the KB).
* **curated** — typos, contradictions that need a reader's judgement, and facts that changed after
  publication. They are data in the KB's ``findings`` array, each with verbatim evidence.

Pure: functions take a loaded KB (and optionally the article as ``{paragraph: text}``) and return
``Finding`` values; nothing is printed.

The names below are the package's public interface; import them from ``kzir.audit``. Each is
loaded from its module on first use (PEP 562), so `kzir check` on the bundled KB, which reads
stored findings, imports none of the checks.
"""

from __future__ import annotations

from ..lazy import exports

_HOMES: dict[str, tuple[str, ...]] = {
    "common": ("CATEGORIES", "ORIGINS", "SEVERITIES", "Article", "Evidence", "Finding",
               "article_of", "finding_from_dict", "select"),
    "arithmetic": ("Span", "check_arithmetic", "check_document_count", "grade", "stated_span"),
    "calendar_checks": ("check_calendar",),
    "duplicates": ("check_duplicates",),
    "names": ("check_names",),
    "relative": ("check_relative_dates", "publication_day"),
    "checks": ("COMPUTED_CHECKS", "computed", "curated", "run"),
    "stored": ("findings",),
}  # fmt: skip
__all__, __getattr__, __dir__ = exports("kzir.audit", _HOMES, globals())
