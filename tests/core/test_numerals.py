"""Digit conversion: every digit of both scripts, separators, and what parse_int refuses."""

from __future__ import annotations

import pytest

from kzir.errors import DateError, UsageError
from kzir.numerals import parse_int, to_ascii_digits, to_persian_digits

PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


@pytest.mark.parametrize("n", range(10))
def test_each_digit_maps_to_ascii(n: int) -> None:
    assert to_ascii_digits(PERSIAN[n]) == str(n)
    assert to_ascii_digits(ARABIC_INDIC[n]) == str(n)


@pytest.mark.parametrize("n", range(10))
def test_each_digit_maps_to_persian(n: int) -> None:
    assert to_persian_digits(str(n)) == PERSIAN[n]
    assert to_persian_digits(ARABIC_INDIC[n]) == PERSIAN[n]


def test_code_points_are_the_documented_ones() -> None:
    assert [ord(c) for c in PERSIAN] == list(range(0x06F0, 0x06FA))
    assert [ord(c) for c in ARABIC_INDIC] == list(range(0x0660, 0x066A))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۴۰۱-۰۳-۲۹", "1401-03-29"),
        ("١٤٠١/٠٣/٢٩", "1401/03/29"),
        ("۳٫۵ میلیون", "3.5 میلیون"),
        ("۱٬۲۰۰٬۰۰۰ تن", "1,200,000 تن"),
        ("mixed ۱2٣", "mixed 123"),
        ("no digits", "no digits"),
        ("", ""),
    ],
)
def test_to_ascii_digits(text: str, expected: str) -> None:
    assert to_ascii_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("1401-03-29", {}, "۱۴۰۱-۰۳-۲۹"),
        ("3.5 and 1,200. End.", {}, "۳.۵ and ۱,۲۰۰. End."),
        ("3.5 and 1,200. End.", {"separators": True}, "۳٫۵ and ۱٬۲۰۰. End."),
        ("abc", {}, "abc"),
    ],
)
def test_to_persian_digits(text: str, kwargs: dict[str, bool], expected: str) -> None:
    assert to_persian_digits(text, **kwargs) == expected


def test_round_trip() -> None:
    text = "0123456789 ۰۱۲۳۴۵۶۷۸۹"
    assert to_ascii_digits(to_persian_digits(text)) == "0123456789 0123456789"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("۱۲", 12),
        ("١٢", 12),
        ("  ۴۲\n", 42),
        ("\u00a07\u00a0", 7),
        ("-3", -3),
        ("+۵", 5),
        ("0", 0),
        ("۱٬۰۰۰", 1000),
        ("1,234,567", 1234567),
        ("007", 7),
    ],
)
def test_parse_int_accepts(text: str, expected: int) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "12a", "1.5", "۱٫۵", "1 2", "1_000", "१२", "１２", "12,34", ",123", "--1", "ten",
     "²", "①", "³³", "9" * 5000, "1" * 19],
)
def test_parse_int_rejects(text: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_int(text, name="--limit", low=0, high=1000)
    assert not isinstance(info.value, DateError)
    assert info.value.line().startswith("--limit must be a whole number from 0 to 1,000, got ")
    assert "\n" not in info.value.line() and len(info.value.line()) < 160


@pytest.mark.parametrize(("text", "low", "high"), [("-1", 0, 10), ("11", 0, 10), ("۰", 1, None)])
def test_parse_int_refuses_values_out_of_range_naming_it(text: str, low: int,
                                                         high: int | None) -> None:
    with pytest.raises(UsageError, match=r"must be a whole number (from|of at least)"):
        parse_int(text, name="N", low=low, high=high)


def test_parse_int_message_quotes_long_input_on_one_line() -> None:
    with pytest.raises(UsageError) as info:
        parse_int("x" * 200 + "\n" + "y")
    line = info.value.line()
    assert "\n" not in line
    assert len(line) < 120


def test_filters_and_search_fold_every_letter_of_the_one_table_alike() -> None:
    """kzir.text's LETTER_FOLDS and MARKS are the one table: the filters' normaliser and the
    search index's byte folding agree on every entry."""
    from kzir.search.folding import fold
    from kzir.text import LETTER_FOLDS, MARKS, normalize

    for variant, base in LETTER_FOLDS.items():
        assert normalize(f"x{variant}y") == normalize(f"x{base}y"), variant
        assert fold(f"x{variant}y") == fold(f"x{base}y"), variant
    for mark in MARKS:
        assert normalize(f"ب{mark}ا") == normalize("با"), hex(ord(mark))
        assert fold(f"ب{mark}ا") == fold("با"), hex(ord(mark))
    assert normalize("رئیس\u200cجمهور") == normalize("رئیس جمهور")
    assert fold("رئیس\u200cجمهور") == fold("رئیس جمهور")
