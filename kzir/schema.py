"""A small validator for the subset of JSON Schema (2020-12) that `data/kb.schema.json` uses.

Why not the `jsonschema` package: it costs ~150 ms of imports on every run, more than the rest of
kzir's start-up together. The subset here is enough for our schema; the tests check that it agrees
with `jsonschema` on the shipped KB and on broken copies of it.
Supported keywords: type, enum, const, required, properties, additionalProperties, items,
minItems, minLength, pattern, minimum, maximum, $ref (local), allOf, anyOf, oneOf, if/then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


class SchemaViolation(Exception):
    """The first place where an instance breaks the schema: a JSON path and what is wrong."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _errors(
    value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaViolation]:
    if "$ref" in schema:
        ref = schema["$ref"]
        target: Any = root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        yield from _errors(value, target, root, path)
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, n) for n in names):
            yield SchemaViolation(path, f"expected {' or '.join(names)}, got {value!r:.60}")
            return
    if "const" in schema and value != schema["const"]:
        yield SchemaViolation(path, f"must be {schema['const']!r}, got {value!r:.60}")
    if "enum" in schema and value not in schema["enum"]:
        valid = ", ".join(map(str, schema["enum"]))
        yield SchemaViolation(path, f"{value!r:.60} is not one of: {valid}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield SchemaViolation(path, "must not be empty")
        if "pattern" in schema and not _regex(schema["pattern"]).search(value):
            yield SchemaViolation(path, f"{value!r:.60} does not match {schema['pattern']}")
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            yield SchemaViolation(path, f"{value} is below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            yield SchemaViolation(path, f"{value} is above the maximum {schema['maximum']}")
    if isinstance(value, dict):
        for name in schema.get("required", ()):
            if name not in value:
                yield SchemaViolation((*path, name), "is required but missing")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in props:
                yield from _errors(item, props[name], root, (*path, name))
            elif extra is False:
                yield SchemaViolation((*path, name), "is not an allowed field")
            elif isinstance(extra, dict):
                yield from _errors(item, extra, root, (*path, name))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield SchemaViolation(path, f"needs at least {schema['minItems']} item(s)")
        if "items" in schema:
            for i, item in enumerate(value):
                yield from _errors(item, schema["items"], root, (*path, i))
    for sub in schema.get("allOf", ()):
        yield from _errors(value, sub, root, path)
    if "anyOf" in schema and not any(_valid(value, s, root) for s in schema["anyOf"]):
        yield SchemaViolation(path, "matches none of the allowed forms")
    if "oneOf" in schema and sum(_valid(value, s, root) for s in schema["oneOf"]) != 1:
        yield SchemaViolation(path, "must match exactly one of the allowed forms")
    if "if" in schema and _valid(value, schema["if"], root):
        yield from _errors(value, schema.get("then", {}), root, path)


def _valid(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    return next(_errors(value, schema, root, ()), None) is None


def first_violation(instance: Any, schema: Mapping[str, Any]) -> SchemaViolation | None:
    """The first violation found, or None when the instance is valid."""
    return next(_errors(instance, schema, schema, ()), None)
