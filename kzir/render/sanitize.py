"""Make data safe to show a person: the KB may be a user's own file (`--kb`).

Also the opt-in visual right-to-left mode (`--rtl visual`): for terminals that do not reorder
Persian themselves, human output is reordered and shaped; JSON and CSV never are.
"""

from __future__ import annotations

import re

from ..errors import UsageError

# Patterns as text: `re` compiles (and caches) each on first use, so a run compiles only those
# it needs (a JSON run: one).
# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides/isolates that can
# make text display differently from what it is. ZWNJ/ZWJ stay: Persian needs them.
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_BREAKS = "[\t\n\r]+"
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"

RTL_MODES = ("logical", "visual")
_visual = False


_SURROGATE = "[\ud800-\udfff]"
# What machine output never writes raw, though JSON would allow it: DEL, C1 controls (U+009B
# starts a terminal escape sequence as ESC does), bidi overrides and isolates, lone surrogates
# (which no UTF-8 stream can carry). JSON's own escaper already handles C0.
_MACHINE_UNSAFE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
# A CSV cell a spreadsheet would run as a formula (OWASP: = + - @, and tab or CR first).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_RAW_ENV = "KZIR_CSV_RAW"
# In a CSV cell also the C0 controls but tab and line breaks (which CSV quoting carries).
_CELL_UNSAFE = ("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                "\ud800-\udfff]")


def clean(text: object) -> str:
    """One line of text with control characters removed and lone surrogates replaced by U+FFFD;
    None becomes ''."""
    if text is None:
        return ""
    return re.sub(_SURROGATE, "\ufffd", re.sub(_UNSAFE, "", re.sub(_BREAKS, " ", str(text))))


def escape_unsafe(text: str) -> str:
    """`text` with every character machine output must not write raw as a \\uXXXX escape: in
    JSON text (where those characters only occur inside strings) the values stay exactly the
    same; a CSV cell shows the escape."""
    return re.sub(_MACHINE_UNSAFE, lambda m: f"\\u{ord(m.group(0)):04x}", text)


def csv_text(text: str, raw: bool) -> str:
    """A text cell for CSV/TSV: unsafe characters escaped, and a cell that a spreadsheet would
    run as a formula prefixed with ' (unless KZIR_CSV_RAW=1 asks for the cells as they are)."""
    text = re.sub(_CELL_UNSAFE, lambda m: f"\\u{ord(m.group(0)):04x}", text)
    if not raw and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def set_rtl_mode(mode: str) -> None:
    """Choose logical (default) or visual order for right-to-left text shown to people."""
    global _visual
    if mode not in RTL_MODES:
        raise UsageError(f"unknown --rtl mode '{mode}'", hint=f"valid: {', '.join(RTL_MODES)}")
    if mode == "visual":
        try:
            import arabic_reshaper  # noqa: F401
            import bidi.algorithm  # noqa: F401
        except ImportError:
            raise UsageError("--rtl visual needs the optional packages python-bidi and "
                             "arabic-reshaper", hint="pip install 'kzir[rtl]'") from None
    _visual = mode == "visual"


def display(text: object) -> str:
    """clean(), then in visual mode Persian letters shaped and runs laid out left to right."""
    line = clean(text)
    if _visual and re.search(_RTL, line):
        import arabic_reshaper
        from bidi.algorithm import get_display

        line = get_display(arabic_reshaper.reshape(line))
    return line
