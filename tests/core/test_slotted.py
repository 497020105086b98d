"""kzir.slotted: the record classes that stand in for frozen, slotted dataclasses."""

from __future__ import annotations

from typing import ClassVar

import pytest

from kzir.model import Document, Source, record_from_dict
from kzir.slotted import Factory, Slotted, fields, replace


class Base(Slotted):
    id: str
    data: dict  # hidden below
    kind: str = "base"

    _hidden: ClassVar[tuple[str, ...]] = ("data",)
    label: ClassVar[str] = "a class attribute, not a field"


class Child(Base):
    tags: tuple = ()
    size: int = 0


class Notes(Slotted):
    lines: list = Factory(list)

    _frozen = False


def test_fields_are_the_annotations_in_order_base_first() -> None:
    assert fields(Child) == ("id", "data", "kind", "tags", "size")
    assert fields(Child("x", {})) == fields(Child)
    assert Child.label == "a class attribute, not a field"


def test_arguments_by_position_or_name_with_defaults_and_fresh_factories() -> None:
    a = Child("x", {"k": 1}, size=3)
    assert (a.id, a.data, a.kind, a.tags, a.size) == ("x", {"k": 1}, "base", (), 3)
    assert Notes().lines == [] and Notes().lines is not Notes().lines
    with pytest.raises(TypeError, match="missing argument 'data'"):
        Child("x")
    with pytest.raises(TypeError, match="unexpected or repeated argument 'nope'"):
        Child("x", {}, nope=1)
    with pytest.raises(TypeError, match="repeated argument 'id'"):
        Child("x", {}, id="y")
    with pytest.raises(TypeError, match="takes 5 arguments"):
        Child("x", {}, "k", (), 1, 2)


def test_frozen_slotted_and_compared_without_hidden_fields() -> None:
    a, b = Child("x", {"k": 1}), Child("x", {"k": 2})
    with pytest.raises(AttributeError, match="frozen"):
        a.id = "y"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del a.id
    assert not hasattr(a, "__dict__")
    assert a == b and hash(a) == hash(b)  # data is hidden
    assert a != Base("x", {"k": 1})  # another class
    assert repr(a) == "Child(id='x', kind='base', tags=(), size=0)"


def test_replace_copies_with_changes() -> None:
    a = Child("x", {}, size=1)
    b = replace(a, size=2)
    assert (b.id, b.size, a.size) == ("x", 2, 1)
    with pytest.raises(TypeError, match="no field 'nope'"):
        replace(a, nope=1)


def test_a_mutable_class_can_change_and_is_unhashable() -> None:
    notes = Notes()
    notes.lines = ["a"]
    assert notes.lines == ["a"]
    with pytest.raises(TypeError, match="unhashable"):
        hash(notes)


def test_model_records_keep_the_kb_dict_out_of_comparison() -> None:
    raw = {"id": "doc-x", "kind": "document", "sources": [{"paragraph": 1, "quote": "q"}],
           "index": 3}
    record = record_from_dict(raw)
    assert isinstance(record, Document)
    assert record.sources == (Source(1, "q"),) and record.index == 3
    assert record == record_from_dict({**raw, "note": "more data"})
    assert dict(record.data) == raw
