"""`kzir search`: find any fact or paragraph by words, in English or Persian, ranked by BM25F."""

from __future__ import annotations

from ..model import KINDS
from ..options import AUTO, OutputOptions
from .help import examples
from .options import LISTING, output_options

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Annotated

    import typer  # annotations only: registration supplies it (kzir.cli.app)

KIND_HELP = f"Only results of these kinds, comma-separated: {', '.join(KINDS)}, paragraph."

# Words people use for the paragraphs, which are no record kind (plurals are accepted for all;
# the record kinds' own words are declared with them, kzir.model.KIND_DECLARATIONS).
_PARAGRAPH_ALIASES = {"paragraphs": "paragraph", "para": "paragraph"}


def parse_kinds(text: str | None) -> tuple[str, ...] | None:
    """The kinds named in `--kind` (comma-separated), or UsageError listing the valid ones."""
    if text is None:
        return None
    from ..errors import UsageError
    from ..model import KIND_ALIASES
    from ..search import SEARCH_KINDS

    kinds = []
    for part in text.split(","):
        word = part.strip().lower()
        if not word:
            continue
        word = KIND_ALIASES.get(word) or _PARAGRAPH_ALIASES.get(word, word)
        if word not in SEARCH_KINDS and word.endswith("s") and word[:-1] in SEARCH_KINDS:
            word = word[:-1]
        if word not in SEARCH_KINDS:
            raise UsageError(f"--kind: unknown kind '{part.strip()}'",
                             hint=f"valid: {', '.join(SEARCH_KINDS)}")
        kinds.append(word)
    if not kinds:
        raise UsageError("--kind needs a kind", hint=f"valid: {', '.join(SEARCH_KINDS)}")
    return tuple(dict.fromkeys(kinds))


@examples(("A question in English", "kzir search how many consulates does Iran have"),
          ("In Persian, top 3", "kzir search صادرات ایران به قزاقستان --limit 3"),
          ("Why each result ranked where it did", "kzir search uranium --explain --json"))
@output_options(*LISTING, default_lang=AUTO)
def search(
    out: OutputOptions,
    query: Annotated[list[str] | None, typer.Argument(
        metavar="QUERY...",
        help="Words or a whole question, in English or Persian (quote it or not). Taken "
        "literally: quotes, brackets and AND/OR are just characters.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", "-k", metavar="KIND",
        help=KIND_HELP)] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show why each result ranked where it did (BM25F terms, idf, fields)."
    )] = False,
) -> None:
    """Search every record and paragraph; results ranked, with a snippet and their paragraphs.

    Default --limit is 10. Snippets are in the query's language unless --lang is given.
    """

    from .. import kb
    from ..errors import UsageError
    from ..render.formats import emit_listing
    from ..render.search_view import search_listing
    from ..search import search as run_search
    from ..slotted import replace

    text = " ".join(query or ()).strip()
    if not text:
        raise UsageError("empty query", hint="give words to search for, e.g. kzir search uranium")
    kinds = parse_kinds(kind)
    if out.limit is None:
        out = replace(out, limit=10)
    lang = None if out.lang in (AUTO, "both") else out.lang  # None: the query's language
    if out.lang == AUTO:
        out = replace(out, lang="en")
    results = run_search(kb.load(out.kb), text, kinds=kinds, limit=out.limit, explain=explain,
                         lang=lang)
    emit_listing(search_listing(results, explain=explain), out)
