"""Make data safe to show a person: the KB may be a user's own file (`--kb`)."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides/isolates that can
# make text display differently from what it is. ZWNJ/ZWJ stay: Persian needs them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r]+")


def clean(text: object) -> str:
    """One line of text with control characters removed; None becomes ''."""
    if text is None:
        return ""
    return _UNSAFE.sub("", _BREAKS.sub(" ", str(text)))
