"""What a rounded figure stands for: the interval of values it may be, and how far two such
intervals miss each other. Shared by the audit (which grades disagreements) and the trade listing
(which notes parts that do not add up to their total)."""

from __future__ import annotations

from .slotted import Slotted

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Final

LOWER_ONLY: Final = frozenset({"more than", "over", "at least"})
UPPER_ONLY: Final = frozenset({"nearly", "almost", "less than", "under", "up to"})


class Span(Slotted):
    """A closed interval of values a rounded figure may stand for."""

    lo: float
    hi: float

    def __add__(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi)

    def __truediv__(self, other: Span) -> Span:
        return Span(self.lo / other.hi, self.hi / other.lo)

    def overlaps(self, other: Span) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def rounding_unit(value: float) -> float:
    """The unit a figure was rounded to, read off its trailing zeros (729,000 → 1,000)."""
    if not float(value).is_integer():
        decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
        return 10.0 ** -decimals
    number = abs(int(value))
    unit = 1
    while number and number % (unit * 10) == 0:
        unit *= 10
    return float(unit)


def stated_span(value: float, qualifier: str | None) -> Span:
    """What a stated figure allows: its rounding, narrowed by «بیش از» / «نزدیک به»."""
    unit = rounding_unit(value)
    if qualifier in LOWER_ONLY:
        return Span(value, value + unit)
    if qualifier in UPPER_ONLY:
        return Span(value - unit, value)
    return Span(value - unit / 2, value + unit / 2)


def growth_factor_span(pct: float) -> Span:
    """1 + growth, allowing for the rate's rounding (a whole percentage is ±0.5 points)."""
    unit = 1.0 if float(pct).is_integer() else rounding_unit(pct)
    return Span(1 + (pct - unit / 2) / 100, 1 + (pct + unit / 2) / 100)


def grade(a: Span, b: Span) -> tuple[str | None, float, float]:
    """(severity or None, gap, slack) for two spans that should agree; see kzir.audit.arithmetic."""
    slack = (a.hi - a.lo) / 2 + (b.hi - b.lo) / 2
    if a.overlaps(b):
        return None, 0.0, slack
    gap = max(a.lo - b.hi, b.lo - a.hi)
    return ("warning" if gap <= slack else "error"), gap, slack
