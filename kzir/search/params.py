"""The ranking's published parameters: fields, their weights and length normalisation."""

from __future__ import annotations

from ..model import KINDS

PARAGRAPH_KIND = "paragraph"
SEARCH_KINDS = (*KINDS, PARAGRAPH_KIND)

K1 = 1.2
FIELDS = ("name", "text", "other")
FIELD_WEIGHT = {"name": 3.0, "text": 1.0, "other": 0.4}
FIELD_B = {"name": 0.5, "text": 0.75, "other": 0.75}
PHRASE_WEIGHT = 0.5
PREFIX_WEIGHT = 0.5
PREFIX_MIN = {"en": 5, "fa": 4}
LANGS = ("en", "fa")
