"""`kzir treaties` and `kzir trade` against the shipped KB, through the real CLI."""

from __future__ import annotations

import sys

import pytest

from kzir import kb


@pytest.fixture(scope="module")
def base() -> kb.KB:
    return kb.load()


# ---------------------------------------------------------------- treaties


def test_treaties_list_json_is_the_nine_documents_in_order(cli, base) -> None:
    result = cli("treaties", "list", "--json")
    assert result.code == 0
    docs = result.json()
    assert [d["index"] for d in docs] == list(range(1, 10))
    assert {d["id"] for d in docs} == {r.id for r in base.of_kind("document")}
    for doc in docs:
        assert {p["country"] for p in doc["parties"]} == {"IR", "KZ"}
        assert doc["signed"]["gregorian"] == "2022-06-19"


def test_treaties_plain_table_shows_parties_in_both_languages(cli) -> None:
    parties = ["--fields", "index,title,party_ir,party_kz"]
    en = cli("treaties", "list", *parties)
    assert en.code == 0
    assert "Iranian party" in en.out.splitlines()[0]
    assert "Ministry of Agriculture Jihad" in en.out
    fa = cli("treaties", "list", "--lang", "fa", *parties)
    assert "وزارت جهاد کشاورزی" in fa.out
    assert "طرف ایرانی" in fa.out.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "expected_indexes"),
    [
        (["--field", "agriculture"], [5, 6]),
        (["--field", "RAIL"], [9]),
        (["--party", "railway"], [9]),
        (["--party", "راه آهن"], [9]),
        (["--party", "راه‌آهن"], [9]),  # typed with ZWNJ
        (["--party", "جهاد كشاورزي"], [5, 6]),  # Arabic kaf and yeh
        (["--party", "Trade and Integration"], [3, 4]),
        (["--field", "trade", "--party", "nothing-like-this"], []),
    ],
)
def test_treaties_filters(cli, args, expected_indexes) -> None:
    result = cli("treaties", "list", "--json", *args)
    assert result.code == 0
    assert [d["index"] for d in result.json()] == expected_indexes


def test_unknown_field_is_a_usage_error_listing_valid_values(cli) -> None:
    result = cli("treaties", "list", "--field", "space")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "agriculture" in result.err and "rail" in result.err


def test_treaties_show_by_number_and_id(cli, base) -> None:
    by_number = cli("treaties", "show", "۹", "--json").json()
    assert by_number["index"] == 9
    assert cli("treaties", "show", by_number["id"], "--json").json() == by_number
    text = cli("treaties", "show", "9").out
    assert "source ¶10" in text and "source ¶8" in text


def test_treaties_show_unknown_id_suggests(cli) -> None:
    result = cli("treaties", "show", "doc-09-rai")
    assert result.code == 3
    assert "did you mean" in result.err and "doc-09" in result.err


# ---------------------------------------------------------------- trade


def _by(rows, year, direction):
    return next(r for r in rows if r["year"] == year and r["direction"] == direction)


def test_trade_1400_has_total_export_import_as_stated(cli) -> None:
    rows = cli("trade", "--year", "1400", "--json").json()
    assert {r["direction"] for r in rows} == {"total", "export", "import"}
    total, export, imp = (_by(rows, 1400, d) for d in ("total", "export", "import"))
    assert (total["tonnes"], total["usd"]) == (729_000, 265_200_000)
    assert (total["tonnes_growth_pct"], total["usd_growth_pct"]) == (71, 29)
    assert (export["tonnes"], export["usd"]) == (512_000, 187_200_000)
    assert (export["tonnes_growth_pct"], export["usd_growth_pct"]) == (51, 11)
    assert (imp["tonnes"], imp["usd"]) == (217_000, 78_000_000)
    assert (imp["tonnes_growth_pct"], imp["usd_growth_pct"]) == (141, 108)
    assert not any(r["derived"] for r in rows)


@pytest.mark.parametrize("typed", ["1400", "۱۴۰۰", "١٤٠٠", "00"])
def test_trade_year_accepts_persian_and_arabic_digits(cli, typed) -> None:
    result = cli("trade", "--year", typed, "--json")
    assert result.code == 0, result.err
    assert {r["year"] for r in result.json()} == {1400}


def test_trade_1399_is_derived_from_growth_rates_and_labelled(cli) -> None:
    rows = cli("trade", "--year", "1399", "--json").json()
    this_year = cli("trade", "--year", "1400", "--json").json()
    assert len(rows) == 3
    for row in rows:
        assert row["derived"] is True and row["formula"]
        source = _by(this_year, 1400, row["direction"])
        # Growth rates are whole percentages, so the KB rounds to 100 t and $0.1 million.
        tonnes = source["tonnes"] / (1 + source["tonnes_growth_pct"] / 100)
        usd = source["usd"] / (1 + source["usd_growth_pct"] / 100)
        assert row["tonnes"] == int(round(tonnes, -2))
        assert row["usd"] == int(round(usd, -5))
    table = cli("trade", "--year", "1399")
    assert all("derived" in line for line in table.out.splitlines()[1:])


def test_trade_gregorian_year_shows_overlapping_iranian_years(cli) -> None:
    result = cli("trade", "--year", "2021", "--json")
    assert result.code == 0
    assert {r["year"] for r in result.json()} == {1399, 1400}
    assert "1399" in result.err and "1400" in result.err and "Gregorian" in result.err


def test_trade_direction_filter_and_all_figures(cli) -> None:
    everything = cli("trade", "--json").json()
    assert len(everything) == 9
    assert {r["span_years"] for r in everything} == {1, 20}
    exports = cli("trade", "--direction", "export", "--json").json()
    assert {r["direction"] for r in exports} == {"export"}
    assert len(exports) == 3


@pytest.mark.parametrize(("args", "code", "says"), [
    (["--year", "1398"], 3, "1399, 1400"),
    (["--year", "2019"], 3, "1399, 1400"),
    (["--year", "soon"], 2, "--year"),
    (["--direction", "sideways"], 2, "total, export, import"),
])
def test_trade_errors_are_one_line_with_the_right_code(cli, args, code, says) -> None:
    result = cli("trade", *args)
    assert result.code == code
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert says in result.err


def test_json_error_object_in_json_mode(cli) -> None:
    import json

    result = cli("trade", "--year", "1398", "--json")
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("kzir: ")
    error = json.loads(lines[1])["error"]
    assert error["exit_code"] == 3 and error["kind"] == "not_found"


# ---------------------------------------------------------------- the installed entry point


def test_entry_point_json_is_parseable_and_never_loads_rich(kzir_process) -> None:
    import json

    result = kzir_process("trade", "--year", "1400", "--json")
    assert result.code == 0
    assert len(json.loads(result.out)) == 3
    probe = (
        "import sys; from kzir.cli import run; code = run(['treaties', 'list', '--json']);"
        "sys.stdout.flush(); sys.stderr.write(str(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('rich', 'jdatetime'))))"
    )
    import subprocess

    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert proc.stderr == "[]"


def test_python_dash_m_runs_the_same_cli(kzir_process) -> None:
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "kzir", "treaties", "list", "--json"],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    assert proc.stdout == kzir_process("treaties", "list", "--json").out
