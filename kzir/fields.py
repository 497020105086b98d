"""The fields of each record kind as `data/kb.schema.json` declares them: name, type, meaning.

One home for "what does this field mean", read by `kzir fields`, the SQLite export's datasette
metadata and shell completion of `--fields`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import UsageError
from .model import KINDS

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

OTHER_TABLES = ("finding", "paragraph")
"""Described things that are not record kinds: audit findings and the article's paragraphs."""


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """One field: its JSON type in words (`integer|null`, `date`, `array[string]`, `enum`)."""

    name: str
    type: str
    description: str
    required: bool
    enum: tuple[Any, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {"name": self.name, "type": self.type, "required": self.required,
                               "description": self.description}
        if self.enum is not None:
            obj["enum"] = list(self.enum)
        return obj


def type_name(node: Mapping[str, Any]) -> str:
    """A schema node's type in a few characters."""
    ref = node.get("$ref", "")
    if ref.endswith("/nullable_date"):
        return "date|null"
    if ref.endswith("/date"):
        return "date"
    if "enum" in node:
        return "enum"
    kinds = node.get("type")
    if isinstance(kinds, list):
        return "|".join(kinds)
    if kinds == "array":
        items = node.get("items", {})
        inner = "object" if "$ref" in items else items.get("type", "any")
        return f"array[{inner}]"
    return kinds or "any"


def _infos(properties: Mapping[str, Any], required: set[str],
           skip: frozenset[str] = frozenset()) -> list[FieldInfo]:
    return [FieldInfo(name, type_name(node), node.get("description", ""), name in required,
                      tuple(node["enum"]) if "enum" in node else None)
            for name, node in properties.items() if name not in skip]


def fields_of(kind: str, schema: Mapping[str, Any]) -> list[FieldInfo]:
    """Every field a record of `kind` may have (or of a finding / paragraph), in schema order:
    id and kind first, then the kind's own fields, then those every record shares."""
    defs = schema["$defs"]
    if kind == "finding":
        node = defs["finding"]
        return _infos(node["properties"], set(node["required"]))
    if kind == "paragraph":
        node = schema["properties"]["paragraphs"]["items"]
        return _infos(node["properties"], set(node["required"]))
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}'",
                         hint=f"valid: {', '.join((*KINDS, *OTHER_TABLES))}")
    common, own = defs["record"], defs[kind]
    required = set(common["required"]) | set(own.get("required", ()))
    first = _infos({"id": {**common["properties"]["id"], **own["properties"].get("id", {})},
                    "kind": common["properties"]["kind"]}, required)
    mine = _infos(own["properties"], required, skip=frozenset({"id", "kind"}))
    shared = _infos(common["properties"], required,
                    skip=frozenset({"id", "kind", *own["properties"]}))
    return [*first, *mine, *shared]


def field_names(kind: str, schema: Mapping[str, Any]) -> list[str]:
    return [f.name for f in fields_of(kind, schema)]
