"""A small validator for the subset of JSON Schema (2020-12) that `data/kb.schema.json` uses.

Why not the `jsonschema` package: it costs ~150 ms of imports on every run, more than the rest of
kzir's start-up together. The subset here is enough for our schema; the tests check that it agrees
with `jsonschema` on the shipped KB and on broken copies of it.
Supported keywords: type, enum, const, required, properties, additionalProperties, items,
minItems, minLength, pattern, minimum, maximum, $ref (local), allOf, anyOf, oneOf, if/then.

Two implementations of one meaning: `_errors` walks the schema and says where and why an instance
breaks it; `_compile` turns the schema once into straight-line Python (as fastjsonschema does) that
only answers valid or not, about 30x faster. A KB of 100,000 records is checked by the compiled
function in a fraction of a second; only an invalid KB pays for the walk that names the violation.
The tests check that the two agree on the shipped KB and on broken copies.
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
        # "null or a date": when only one form fits the value's JSON type, say what is wrong
        # inside it (e.g. field 'date.note') rather than just "matches none".
        fitting = [s for s in schema["anyOf"] if _type_fits(value, s, root)]
        if len(fitting) == 1:
            yield from _errors(value, fitting[0], root, path)
        else:
            yield SchemaViolation(path, "matches none of the allowed forms")
    if "oneOf" in schema and sum(_valid(value, s, root) for s in schema["oneOf"]) != 1:
        yield SchemaViolation(path, "must match exactly one of the allowed forms")
    if "if" in schema and _valid(value, schema["if"], root):
        yield from _errors(value, schema.get("then", {}), root, path)


def _type_fits(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    """Whether the value has a JSON type this schema (following one $ref) allows at all."""
    if "$ref" in schema and "type" not in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    if "type" not in schema:
        return True
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return any(_is_type(value, n) for n in names)


def _valid(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    return next(_errors(value, schema, root, ()), None) is None


def first_violation(instance: Any, schema: Mapping[str, Any]) -> SchemaViolation | None:
    """The first violation found, or None when the instance is valid."""
    if _compiled(schema)(instance):
        return None
    return next(_errors(instance, schema, schema, ()), None)


def is_valid(instance: Any, schema: Mapping[str, Any]) -> bool:
    """Whether the instance satisfies the schema: the compiled check, and for what it rejects
    (it also rejects subclasses of the JSON types, which `_errors` accepts) the full walk."""
    return bool(_compiled(schema)(instance)) or next(_errors(instance, schema, schema, ()),
                                                     None) is None


# ---------------------------------------------------------------- compiled fast path

_COMPILED: dict[int, tuple[Mapping[str, Any], Any]] = {}


def _compiled(schema: Mapping[str, Any]) -> Any:
    """The schema's validity function, generated once per schema object."""
    hit = _COMPILED.get(id(schema))
    if hit is None or hit[0] is not schema:
        hit = (schema, _Compiler(schema).build())
        _COMPILED[id(schema)] = hit
    return hit[1]


_PY_TYPES = {"object": "dict", "array": "list", "string": "str", "boolean": "bool",
             "null": "NoneType"}


class _Compiler:
    """Generates one Python function per schema node that `$ref`s reach (and for the root).

    Each function returns False at the first failed check, mirroring `_errors` keyword for keyword
    (same order of meaning, same Python comparisons), so both agree on what is valid.
    """

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.names: dict[int, str] = {}
        self.keep: list[Any] = []  # schema nodes kept alive so their ids stay unique
        self.env: dict[str, Any] = {"NoneType": type(None), "_MISSING": object()}
        self.blocks: list[str] = []
        self.pending: list[tuple[str, Mapping[str, Any]]] = []
        self.tables: list[tuple[str, dict[str, str]]] = []
        self.tmp = 0

    def build(self) -> Any:
        entry = self.function(self.root)
        while self.pending:
            name, node = self.pending.pop()
            body: list[str] = []
            self.checks(node, "v", body, 1)
            self.blocks.append("\n".join([f"def {name}(v):", *body, "    return True"]))
        exec(compile("\n\n".join(self.blocks), "<kzir.schema compiled>", "exec"), self.env)
        for table, dispatch in self.tables:
            self.env[table].update({k: self.env[f] for k, f in dispatch.items()})
        return self.env[entry]

    def function(self, node: Mapping[str, Any]) -> str:
        """The name of the function checking `node`, generating it on first use."""
        name = self.names.get(id(node))
        if name is None:
            name = self.names[id(node)] = f"_f{len(self.names)}"
            self.keep.append(node)
            self.pending.append((name, node))
        return name

    def const(self, value: Any) -> str:
        name = f"_c{len(self.env)}"
        self.env[name] = value
        return name

    def var(self) -> str:
        self.tmp += 1
        return f"x{self.tmp}"

    def resolve(self, ref: str) -> Mapping[str, Any]:
        target: Any = self.root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return target

    def checks(self, node: Mapping[str, Any], v: str, out: list[str], depth: int) -> None:
        """Append statements to `out` that `return False` when `v` breaks `node`."""
        pad = "    " * depth
        if "$ref" in node:
            target = self.resolve(node["$ref"])
            if _has_no_ref(target):  # small leaf definitions (source, date): inline, no call
                self.checks(target, v, out, depth)
            else:
                out.append(f"{pad}if not {self.function(target)}({v}): return False")
        known = None  # the one JSON type `v` is known to have once the type check passed
        if "type" in node:
            names = node["type"] if isinstance(node["type"], list) else [node["type"]]
            # Exact types (what json.loads makes): stricter than `_errors`' isinstance, so a
            # subclass instance falls back to the walker instead of being wrongly accepted.
            tests = []
            for n in names:
                if n == "number":
                    tests.append(f"type({v}) is int or type({v}) is float")
                elif n == "integer":
                    tests.append(f"type({v}) is int")
                elif n == "null":
                    tests.append(f"{v} is None")
                else:
                    tests.append(f"type({v}) is {_PY_TYPES[n]}")
            out.append(f"{pad}if not ({' or '.join(tests)}): return False")
            known = names[0] if len(names) == 1 else None
        if "const" in node:
            out.append(f"{pad}if {v} != {self.const(node['const'])}: return False")
        if "enum" in node:
            out.append(f"{pad}if {v} not in {self.const(list(node['enum']))}: return False")
        if "minLength" in node or "pattern" in node:
            inner = self.guard(f"isinstance({v}, str)", known == "string", out, depth)
            ipad = "    " * inner
            if node.get("minLength") == 1:
                out.append(f"{ipad}if not {v}: return False")
            elif "minLength" in node:
                out.append(f"{ipad}if len({v}) < {int(node['minLength'])}: return False")
            if "pattern" in node:
                literal = _anchored_literal(node["pattern"])
                if literal is not None:  # "^doc-": a prefix test, no regex engine needed
                    out.append(f"{ipad}if not {v}.startswith({literal!r}): return False")
                else:
                    search = self.const(_regex(node["pattern"]).search)
                    out.append(f"{ipad}if not {search}({v}): return False")
        if "minimum" in node or "maximum" in node:
            inner = self.guard(f"isinstance({v}, (int, float)) and not isinstance({v}, bool)",
                               known in ("integer", "number"), out, depth)
            ipad = "    " * inner
            if "minimum" in node:
                out.append(f"{ipad}if {v} < {self.const(node['minimum'])}: return False")
            if "maximum" in node:
                out.append(f"{ipad}if {v} > {self.const(node['maximum'])}: return False")
        self.object_checks(node, v, out, depth, known == "object")
        if "minItems" in node or "items" in node:
            inner = self.guard(f"isinstance({v}, list)", known == "array", out, depth)
            ipad = "    " * inner
            if "minItems" in node:
                out.append(f"{ipad}if len({v}) < {int(node['minItems'])}: return False")
            if "items" in node:
                item = self.var()
                out.append(f"{ipad}for {item} in {v}:")
                self.checks(node["items"], item, out, inner + 1)
                out.append(f"{ipad}    pass")
        self.all_of(node.get("allOf", ()), v, out, depth)
        if "anyOf" in node:
            calls = " or ".join(f"{self.function(s)}({v})" for s in node["anyOf"])
            out.append(f"{pad}if not ({calls}): return False")
        if "oneOf" in node:
            calls = " + ".join(f"bool({self.function(s)}({v}))" for s in node["oneOf"])
            out.append(f"{pad}if ({calls}) != 1: return False")
        if "if" in node:
            out.append(f"{pad}if {self.function(node['if'])}({v}):")
            self.checks(node.get("then", {}), v, out, depth + 1)
            out.append(f"{pad}    pass")

    @staticmethod
    def guard(condition: str, known: bool, out: list[str], depth: int) -> int:
        """Open `if condition:` unless the type check already proved it; the body's depth."""
        if known:
            return depth
        out.append(f"{'    ' * depth}if {condition}:")
        out.append(f"{'    ' * (depth + 1)}pass")
        return depth + 1

    def object_checks(self, node: Mapping[str, Any], v: str, out: list[str], depth: int,
                      known: bool) -> None:
        required = node.get("required", ())
        props = node.get("properties", {})
        extra = node.get("additionalProperties", True)
        if not (required or props or extra is not True):
            return
        inner = self.guard(f"isinstance({v}, dict)", known, out, depth)
        ipad = "    " * inner
        if required:
            out.append(f"{ipad}if not {self.const(frozenset(required))} <= {v}.keys(): "
                       "return False")
        optional = [(name, sub) for name, sub in props.items() if name not in required]
        for name, sub in props.items():
            if name in required:  # present: the required check above has passed
                item = self.var()
                out.append(f"{ipad}{item} = {v}[{name!r}]")
                self.checks(sub, item, out, inner)
        if len(optional) >= 4:
            # Most optional properties are absent: visit only the ones present.
            key = self.var()
            names = self.const(frozenset(name for name, _ in optional))
            out.append(f"{ipad}for {key} in {v}.keys() & {names}:")
            for i, (name, sub) in enumerate(optional):
                item = self.var()
                out.append(f"{ipad}    {'if' if i == 0 else 'elif'} {key} == {name!r}:")
                out.append(f"{ipad}        {item} = {v}[{key}]")
                self.checks(sub, item, out, inner + 2)
                out.append(f"{ipad}        pass")
        else:
            for name, sub in optional:
                item = self.var()
                out.append(f"{ipad}{item} = {v}.get({name!r}, _MISSING)")
                out.append(f"{ipad}if {item} is not _MISSING:")
                self.checks(sub, item, out, inner + 1)
                out.append(f"{ipad}    pass")
        if extra is False:
            out.append(f"{ipad}if not {v}.keys() <= {self.const(frozenset(props))}: "
                       "return False")
        elif isinstance(extra, dict):
            key, item = self.var(), self.var()
            out.append(f"{ipad}for {key}, {item} in {v}.items():")
            out.append(f"{ipad}    if {key} in {self.const(frozenset(props))}: continue")
            self.checks(extra, item, out, inner + 1)

    def all_of(self, subs: Any, v: str, out: list[str], depth: int) -> None:
        """allOf; a run of `if {key: const} then …` branches becomes one dictionary dispatch."""
        pad = "    " * depth
        dispatch: dict[str, str] = {}
        key: str | None = None
        for sub in subs:
            branch = _const_branch(sub)
            if branch is not None and (key is None or branch[0] == key) \
                    and branch[1] not in dispatch:
                key = branch[0]
                dispatch[branch[1]] = self.function(sub.get("then", {}))
            else:
                self.checks(sub, v, out, depth)
        if not dispatch:
            return
        table = self.const({})
        self.tables.append((table, dispatch))
        every = " and ".join(f"{f}({v})" for f in dispatch.values())
        tag, check = self.var(), self.var()
        out.append(f"{pad}if isinstance({v}, dict) and {key!r} in {v}:")
        out.append(f"{pad}    {tag} = {v}[{key!r}]")
        out.append(f"{pad}    if isinstance({tag}, str):")  # other JSON values equal no string
        out.append(f"{pad}        {check} = {table}.get({tag})")
        out.append(f"{pad}        if {check} is not None and not {check}({v}): return False")
        out.append(f"{pad}elif not ({every}): return False")


def _has_no_ref(node: Any) -> bool:
    """Whether a schema node and everything under it is free of $ref (so it can be inlined)."""
    if isinstance(node, dict):
        return "$ref" not in node and all(_has_no_ref(v) for v in node.values())
    if isinstance(node, list):
        return all(_has_no_ref(v) for v in node)
    return True


def _anchored_literal(pattern: str) -> str | None:
    """The literal prefix when `pattern` is exactly ^ and plain characters, e.g. "^doc-"."""
    body = pattern[1:]
    if pattern.startswith("^") and body and re.fullmatch(r"[A-Za-z0-9_\- ]+", body):
        return body
    return None


def _const_branch(sub: Any) -> tuple[str, str] | None:
    """(key, value) when `sub` is exactly `{"if": {"properties": {key: {"const": value}}}, "then"}`.

    For such branches on a dict whose key holds a string, at most one `if` holds: the one whose
    const equals it; when the key is missing or not a string every `if` holds, as in `_errors`.
    """
    if not isinstance(sub, dict) or set(sub) - {"if", "then"} or "if" not in sub:
        return None
    cond = sub["if"]
    if not isinstance(cond, dict) or set(cond) != {"properties"}:
        return None
    props = cond["properties"]
    if not isinstance(props, dict) or len(props) != 1:
        return None
    ((key, test),) = props.items()
    if not isinstance(test, dict) or set(test) != {"const"} or not isinstance(test["const"], str):
        return None
    return key, test["const"]
