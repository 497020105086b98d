"""Make data safe to show a person: the KB may be a user's own file (`--kb`).

Also the opt-in visual right-to-left mode (`--rtl visual`): for terminals that do not reorder
Persian themselves, human output is reordered and shaped; JSON and CSV never are.
"""

from __future__ import annotations

import re

from ..errors import UsageError

# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides/isolates that can
# make text display differently from what it is. ZWNJ/ZWJ stay: Persian needs them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r]+")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

RTL_MODES = ("logical", "visual")
_visual = False


def clean(text: object) -> str:
    """One line of text with control characters removed; None becomes ''."""
    if text is None:
        return ""
    return _UNSAFE.sub("", _BREAKS.sub(" ", str(text)))


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
    if _visual and _RTL.search(line):
        import arabic_reshaper
        from bidi.algorithm import get_display

        line = get_display(arabic_reshaper.reshape(line))
    return line
