"""`kzir trade --chart` and the note on trade figures whose parts don't add up to the total."""

from __future__ import annotations

import re

import pytest

from kzir import kb, query

BOX_OR_BLOCK = re.compile("[\u2500-\u259f]")


def _rows(out: str, section: str) -> list[tuple[str, str, str]]:
    """(year label, bar, value) per bar line of one section of a plain chart."""
    block = out.split(f"\n{section}\n", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in block.splitlines():
        m = re.search(r"(\d{4}\*?)\s+([#=]+)\s+(\S+)$", line)
        assert m, line
        rows.append(m.groups())
    return rows


def test_plain_chart_when_piped(kzir_process) -> None:
    result = kzir_process("trade", "--chart", env={"COLUMNS": "80"})
    assert result.code == 0
    assert "\x1b" not in result.out and not BOX_OR_BLOCK.search(result.out)
    assert all(len(line) <= 80 for line in result.out.splitlines())
    tonnes = _rows(result.out, "Tonnes")
    assert [r[0] for r in tonnes] == ["1399*", "1400"] * 3  # total, export, import
    assert [r[2] for r in tonnes] == ["≈426,300", "≈729,000", "≈339,100", ">512,000", "≈90,000",
                                      "217,000"]
    assert all(set(bar) == {"="} for year, bar, _ in tonnes if year.endswith("*"))  # derived
    assert all(set(bar) == {"#"} for year, bar, _ in tonnes if not year.endswith("*"))
    lengths = [len(bar) for _, bar, _ in tonnes]
    assert lengths[1] == max(lengths) and lengths[4] == min(lengths)  # scaled to the values
    usd = _rows(result.out, "USD")
    assert [r[2] for r in usd][:2] == ["≈205,600,000", "265,200,000"]
    assert "derived from growth rates" in result.out and "trade-1399-total" in result.out


@pytest.mark.parametrize("columns", [80, 60, 40])
def test_chart_fits_and_never_cuts_a_number(kzir_process, columns) -> None:
    for fmt in ("plain", "table"):
        result = kzir_process("trade", "--chart", "-f", fmt, env={"COLUMNS": str(columns)})
        assert result.code == 0
        lines = result.out.splitlines()
        assert all(len(line) <= columns for line in lines if "derived from" not in line), fmt
        for value in ("≈426,300", "≈729,000", "≈37,500,000", "265,200,000"):
            assert value in result.out, (fmt, columns, value)


def test_rich_chart_marks_derived_bars_differently(kzir_process) -> None:
    out = kzir_process("trade", "--chart", "-f", "table", env={"COLUMNS": "80"}).out
    derived = [line for line in out.splitlines() if "1399*" in line]
    stated = [line for line in out.splitlines() if re.search(r"\b1400\s{2,}", line)]
    assert len(derived) == len(stated) == 6
    assert all("░" in line and "█" not in line for line in derived)
    assert all("█" in line and "░" not in line for line in stated)


def test_chart_filters_and_refusals(cli) -> None:
    one = cli("trade", "--chart", "--year", "1400", "--direction", "export")
    assert one.code == 0 and "1399" not in one.out and ">512,000" in one.out
    assert "derived" not in one.out
    for args, says in ((["--json"], "--chart"), (["-f", "csv"], "--chart"),
                       (["--fields", "year"], "--fields"), (["--limit", "1"], "--limit")):
        result = cli("trade", "--chart", *args)
        assert result.code == 2 and says in result.err, args


def test_gaps_are_the_periods_that_do_not_add_up() -> None:
    gaps = {(g.year, g.span_years, g.measure): (g.parts, g.total, g.derived)
            for g in query.trade_gaps(kb.load())}
    assert gaps == {
        (1399, 1, "tonnes"): (429_100, 426_300, True),
        (1399, 1, "usd"): (206_100_000, 205_600_000, True),
        (None, 20, "tonnes"): (15_389_000, 15_400_000, False),  # "more than" 15.4 M, parts less
    }  # 1400 adds up; the 20-year USD total is "approximately" 6 billion


@pytest.mark.parametrize(("args", "noted"), [
    ([], True), (["--year", "1399"], True), (["--year", "1400"], False),
    (["--direction", "total"], True),
])
def test_trade_table_notes_parts_that_do_not_add_up(cli, args, noted) -> None:
    result = cli("trade", *args)
    assert result.code == 0
    line = [x for x in result.err.splitlines() if x.startswith("parts do not add up")]
    assert bool(line) == noted
    if noted:
        assert "kzir check" in line[0] and "1399" in line[0]
    assert "parts do not add up" not in cli("trade", *args, "--json").err  # not for scripts
