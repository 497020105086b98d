"""Slotted record classes, frozen by default, without the dataclasses module.

Every kzir run builds its records, options and views from such classes. `dataclasses` imports
`inspect` (and with it ast, dis and tokenize) and compiles several methods for each class it
makes: about 5 ms to import and 0.5 ms a class, on every run — as long as answering a question.
A `Slotted` subclass declares its fields as annotations, as a dataclass does; its metaclass reads
them once when the class is made (no code is generated), and the methods below serve every
class from that list. Supported: defaults, `Factory` defaults, inheritance (the base's fields
first), `_hidden` fields (left out of repr, ==, hash), `_frozen = False` for a mutable class.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --version
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, TypeVar

    from typing_extensions import dataclass_transform

    T = TypeVar("T")


class _Made:
    """A default made afresh for each instance (`Factory(list)`), like a default_factory."""

    __slots__ = ("make",)

    def __init__(self, make: Any) -> None:
        self.make = make


if TYPE_CHECKING:  # what type checkers see: a Factory default has the type it makes
    def Factory(make: Callable[[], T]) -> T: ...
else:
    Factory = _Made


def _is_class_var(annotation: object) -> bool:
    return str(annotation).startswith(("ClassVar", "typing.ClassVar"))


class _Fields(type):
    """Reads a class's own annotated fields: they become its __slots__, their values defaults."""

    _fields: tuple[str, ...]
    _defaults: dict[str, Any]
    _compared: tuple[str, ...]
    _hidden: tuple[str, ...]

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
        own = [n for n, a in namespace.get("__annotations__", {}).items()
               if not _is_class_var(a)]
        defaults = {n: namespace.pop(n) for n in own if n in namespace}
        namespace["__slots__"] = tuple(own)
        cls = super().__new__(mcs, name, bases, namespace)
        inherited = [b for b in bases if isinstance(b, _Fields)]
        cls._fields = tuple(f for b in inherited for f in b._fields) + tuple(own)
        cls._defaults = {k: v for b in inherited for k, v in b._defaults.items()} | defaults
        cls._compared = tuple(f for f in cls._fields if f not in cls._hidden)
        return cls


def _transform(cls: type) -> type:  # at run time the class as it is; see dataclass_transform
    return cls


if TYPE_CHECKING:  # type checkers read Slotted subclasses as frozen dataclasses
    _transform = dataclass_transform(frozen_default=True)  # type: ignore[assignment]


@_transform
class Slotted(metaclass=_Fields):
    """Base of a record class: `class Span(Slotted): low: float; high: float | None = None`."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _compared: ClassVar[tuple[str, ...]] = ()
    _hidden: ClassVar[tuple[str, ...]] = ()
    _frozen: ClassVar[bool] = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments, "
                            f"{len(args)} given")
        values = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name in values or name not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated "
                                f"argument {name!r}")
            values[name] = value
        put = object.__setattr__
        for name in fields:
            if name in values:
                put(self, name, values[name])
            elif name in self._defaults:
                default = self._defaults[name]
                put(self, name, default.make() if isinstance(default, _Made) else default)
            else:
                raise TypeError(f"{type(self).__name__}() missing argument {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise AttributeError(f"cannot assign to field {name!r} of a frozen "
                                 f"{type(self).__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise AttributeError(f"cannot delete field {name!r} of a frozen "
                                 f"{type(self).__name__}")
        object.__delattr__(self, name)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._values() == other._values())

    def __hash__(self) -> int:
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({shown})"


def fields(record: Slotted | type[Slotted]) -> tuple[str, ...]:
    """The field names of a record or record class, in order."""
    return record._fields


def replace(record: Any, **changes: Any) -> Any:
    """A copy of `record` with some fields changed."""
    values = {name: getattr(record, name) for name in record._fields}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {sorted(unknown)[0]!r}")
    return type(record)(**(values | changes))
