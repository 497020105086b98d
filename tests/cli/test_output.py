"""Output (issue 11): every format of every listing parses, machine formats carry raw values,
--lang fa is Persian throughout, every option a command offers changes its output or is refused,
cite prints a quotable block, and every command's help ends with examples that run."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess

import pytest

from kzir import kb
from kzir.render.formats import FORMAT_NAMES, FORMATS, MACHINE_FORMATS
from tests_support import kzir_cmd

LISTINGS = [
    ["treaties", "list"], ["trade"], ["events"], ["visits"], ["resources"], ["consulates"],
    ["people"], ["orgs"], ["profile"], ["culture"], ["check"], ["search", "قزاقستان"],
]
COMMANDS = [*LISTINGS, ["treaties", "show", "9"], ["show", "event-kiti-first-train"],
            ["cite", "doc-09-rail"], ["source", "24"], ["date", "1401-03-29"], ["export"],
            ["schema"]]
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def base() -> kb.KB:
    return kb.load()


def parse(fmt: str, text: str) -> list:
    """Rows of any format, as a script would read them."""
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    if fmt in ("csv", "tsv"):
        return list(csv.reader(io.StringIO(text, newline=""),
                               dialect="excel" if fmt == "csv" else "excel-tab"))
    if fmt == "md":
        return [line for line in text.splitlines() if line.startswith("|")]
    return text.splitlines()


def test_one_registry_of_formats() -> None:
    assert set(FORMAT_NAMES) == {"table", "plain", "json", "jsonl", "csv", "tsv", "md"}
    assert set(MACHINE_FORMATS) == {"json", "jsonl", "csv", "tsv"}
    assert all(FORMATS[name].name == name for name in FORMATS)


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
@pytest.mark.parametrize("fmt", [f for f in FORMAT_NAMES if f != "table"])
def test_every_format_of_every_listing_parses(cli, command, fmt) -> None:
    count = len(cli(*command, "--json").json())
    result = cli(*command, "--format", fmt)
    assert result.code == 0, result.err
    rows = parse(fmt, result.out)
    if fmt in ("json", "jsonl"):
        assert len(rows) == count
    elif fmt in ("csv", "tsv"):
        assert len(rows) == count + 1 and all(len(r) == len(rows[0]) for r in rows)
        assert len(set(rows[0])) == len(rows[0])  # header names are unique
    elif fmt == "md":
        assert len(rows) == count + 2  # header, separator, rows
    else:
        assert len(rows) == count + 1


def _dicts(text: str, fmt: str = "csv") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""),
                               dialect="excel" if fmt == "csv" else "excel-tab"))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_trade_cells_are_raw_numbers_qualifiers_and_split_dates(cli, fmt) -> None:
    result = cli("trade", "--year", "1400", "-f", fmt)
    assert "\r\n" in result.out  # RFC 4180 line ends
    rows = {r["direction"]: r for r in _dicts(result.out, fmt)}
    total = rows["total"]
    assert (total["tonnes"], total["usd"]) == ("729000", "265200000")
    assert total["tonnes_qualifier"] == "nearly" and rows["export"]["tonnes_qualifier"] == (
        "more than")
    assert (total["year_jalali"], total["year_gregorian"], total["year_precision"]) == (
        "1400", "2021-03-21/2022-03-20", "year")
    assert total["tonnes_growth_pct"] == "71" and total["id"] == "trade-1400-total"
    for row in rows.values():  # every number cell is a plain number
        for key in ("tonnes", "usd", "tonnes_growth_pct", "usd_growth_pct", "year"):
            assert re.fullmatch(r"-?\d+(\.\d+)?", row[key]), (key, row[key])


def test_event_dates_are_split_by_calendar(cli, base) -> None:
    rows = {r["id"]: r for r in _dicts(cli("events", "-f", "csv").out)}
    visit = rows["event-tokayev-state-visit-tehran"]
    assert (visit["date_jalali"], visit["date_gregorian"], visit["date_precision"]) == (
        "1401-03-29", "2022-06-19", "day")
    assert visit["title_en"] == base.get(visit["id"]).text("title", "en")
    assert visit["title_fa"] == base.get(visit["id"]).text("title", "fa")
    assert rows["event-astana-syria-talks"]["date_jalali"] == ""  # undated: empty cells


def test_booleans_are_true_false_and_detail_csv_splits_dates(cli) -> None:
    [row] = _dicts(cli("show", "trade-1399-total", "-f", "csv").out)
    assert row["derived"] == "true" and row["tonnes"] == "426300"
    [doc] = _dicts(cli("show", "doc-09-rail", "-f", "csv").out)
    assert (doc["signed_jalali"], doc["signed_gregorian"]) == ("1401-03-29", "2022-06-19")
    assert json.loads(doc["parties"])[0]["country"] in ("IR", "KZ")  # nested: JSON in the cell


def test_export_csv_has_every_field_of_the_kind(cli, base) -> None:
    result = cli("export", "-k", "trade", "-f", "csv")
    rows = _dicts(result.out)
    trades = list(base.of_kind("trade"))
    assert len(rows) == len(trades)
    fields = {k for r in trades for k in r.data if k != "period"}
    assert fields <= set(rows[0])
    assert {"period_jalali", "period_gregorian", "period_precision"} <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    assert int(by_id["trade-1400-total"]["tonnes"]) == 729_000
    assert int(by_id["trade-1400-total"]["usd"]) == 265_200_000
    assert json.loads(by_id["trade-1400-total"]["sources"])[0]["paragraph"] == 25
    assert by_id["trade-1399-total"]["derived"] == "true"


def test_export_refuses_formats_it_cannot_write(cli) -> None:
    result = cli("export", "-f", "table")
    assert result.code == 2 and result.out == ""
    assert "json, jsonl, csv, tsv" in result.err


def test_machine_output_unchanged_by_human_settings(cli, monkeypatch) -> None:
    before = {fmt: cli("trade", "-f", fmt).out for fmt in MACHINE_FORMATS}
    monkeypatch.setenv("KZIR_LANG", "fa")
    monkeypatch.setenv("KZIR_CALENDAR", "jalali")
    assert {fmt: cli("trade", "-f", fmt).out for fmt in MACHINE_FORMATS} == before


# ---------------------------------------------------------------- Persian throughout


def _persian_words_of_the_kb(base: kb.KB) -> set[str]:
    """Latin words the KB's own Persian text uses (KITI, KazMunayGas): data, not kzir's."""
    words: set[str] = set()

    def walk(value: object, persian: bool) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, persian or k.endswith("_fa") or k == "fa")
        elif isinstance(value, list):
            for v in value:
                walk(v, persian)
        elif isinstance(value, str) and persian:
            words.update(LATIN_WORD.findall(value))

    doc = json.loads(kb.read_data_text("kb.json"))
    walk(doc, False)
    return words


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["md", "plain"])
def test_lang_fa_tables_have_no_english_words_and_persian_digits(cli, base, command, fmt) -> None:
    result = cli(*command, "--lang", "fa", "-f", fmt)
    assert result.code == 0
    ids = {r.id for r in base.records} | {
        f["id"] for f in cli("check", "--json").json()}
    allowed = _persian_words_of_the_kb(base)
    for line in result.out.splitlines():
        for token in line.replace("|", " ").split():
            if token.strip("~,،") in ids or set(token) <= set("-:|"):
                continue
            latin = set(LATIN_WORD.findall(token)) - allowed
            assert not latin, (line, token)
            if not any(ch.isalpha() for ch in token if ch.isascii()):
                assert not re.search(r"[0-9]", token), (line, token)  # Persian digits


def test_lang_fa_notes_and_titles_are_persian(cli) -> None:
    result = cli("trade", "--lang", "fa", "-n", "2", "-f", "md")
    assert "تجارت ایران و قزاقستان" in result.out  # the title
    assert "۲ از ۹ نشان داده شد" in result.err
    assert "۷۲۹٬۰۰۰" in result.out and "+۷۱٪" in result.out


def test_date_in_persian(cli) -> None:
    out = cli("date", "19", "June", "2022", "--lang", "fa").out
    assert "یکشنبه ۱۹ ژوئن ۲۰۲۲" in out and "۲۹ خرداد ۱۴۰۱" in out
    assert not LATIN_WORD.search(out)


# ---------------------------------------------------------------- options: honoured or refused

VALUES = {"--fields": "id", "--limit": "1", "--sort": "-id", "--lang": "fa",
          "--calendar": "jalali", "--year": "1400", "--direction": "export", "--from": "1401",
          "--to": "1400", "--type": "shipment", "--rank": "2", "--max-rank": "4",
          "--country": "KZ", "--field": "trade", "--party": "railway", "--category": "typo",
          "--severity": "error", "--kind": "trade"}
SPECIAL = {("orgs", "--type"): "ministry", ("date", "--to"): "gregorian",
           ("show", "--fields"): "id,date", ("treaties show", "--fields"): "index,signed",
           ("search", "--sort"): "id", ("search", "--kind"): "mission"}


def _offered(cli, command: list[str]) -> list[tuple[str, bool]]:
    words = [w for w in command if not re.match(r"^[\d]|^[a-z]+-", w)]
    text = cli(*words[:2] if words[0] == "treaties" else words[:1], "--help").out
    return [(name, bool(meta)) for name, meta in
            re.findall(r"^  (?:-\w, )?(--[a-z-]+)( [^\s]+)?", text, re.M)
            if name not in ("--help", "--kb")]  # --kb: tested with another KB elsewhere


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_offered_option_changes_the_output_or_is_refused(cli, command) -> None:
    base_run = cli(*command)
    name = " ".join(command[:2] if command[0] == "treaties" else command[:1])
    assert base_run.code == 0, base_run.err
    for option, takes_value in _offered(cli, command):
        if option == "--format":
            continue  # every format: test_every_format_of_every_listing_parses
        args = [option, SPECIAL.get((name, option), VALUES.get(option, "x"))] if (
            takes_value) else [option]
        result = cli(*command, *args)
        changed = (result.code, result.out) != (base_run.code, base_run.out)
        assert changed, f"{name} {' '.join(args)} changed nothing and was not refused"
        if result.code not in (0, 1):
            assert result.code == 2 and len(result.err.strip().splitlines()) <= 2


@pytest.mark.parametrize(("args", "says"), [
    (["people", "--ascii"], "--json"),
    (["trade", "--json", "--lang", "fa"], "both languages"),
    (["events", "-f", "csv", "--calendar", "jalali"], "both calendars"),
    (["people", "--calendar", "jalali"], "No such option"),
    (["treaties", "list", "--calendar", "jalali"], "--fields"),
    (["show", "doc-09-rail", "--sort", "id"], "No such option"),
    (["cite", "doc-09-rail", "-f", "xml"], "table, plain, json, jsonl, csv, tsv, md"),
])
def test_ignored_options_are_refused_in_one_line(cli, args, says) -> None:
    result = cli(*args)
    assert result.code == 2 and result.out == ""
    assert says in result.err.splitlines()[0]


def test_calendar_applies_once_a_date_is_shown(cli) -> None:
    out = cli("treaties", "list", "--fields", "index,signed", "--calendar", "gregorian").out
    assert "2022-06-19" in out and "1401-03-29" not in out


# ---------------------------------------------------------------- cite and source


def test_cite_md_is_a_quotable_block(cli, base) -> None:
    record = base.get("mission-kz-consulate-gorgan")
    out = cli("cite", record.id, "-f", "md").out
    lines = out.splitlines()
    assert all(line.startswith(">") for line in lines)
    assert f"«{record.sources[0].quote}»" in out
    assert base.paragraph(22).en in out
    assert ("IRNA (Islamic Republic News Agency), Asia and Oceania desk, published 1401-03-29 "
            "(Gregorian 2022-06-19" in out) and "paragraph 22" in out


def test_cite_lang_en_is_english_and_fa_persian(cli, base) -> None:
    en = cli("cite", "trade-1400-total", "--lang", "en").out
    assert not re.search("[\u0600-\u06ff]", en)
    assert base.paragraph(25).en in en and "Asia and Oceania desk" in en
    fa = cli("cite", "trade-1400-total", "--lang", "fa").out
    assert "ایرنا" in fa and "۱۴۰۱-۰۳-۲۹" in fa and base.paragraph(25).en not in fa


@pytest.mark.parametrize("command", [["cite", "doc-09-rail"], ["source", "24"]], ids=" ".join)
def test_cite_and_source_write_machine_formats(cli, command) -> None:
    rows = _dicts(cli(*command, "-f", "csv").out)
    assert rows and ("quote" in rows[0] or "fa" in rows[0])
    lines = cli(*command, "-f", "jsonl").out.splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)


# ---------------------------------------------------------------- help


def _help(command: list[str]) -> str:
    words = command[:2] if command[0] == "treaties" else command[:1]
    proc = subprocess.run([*kzir_cmd(), *words, "--help"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env={"COLUMNS": "100", "PATH": ""})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_ends_with_examples_that_run(command, tmp_path) -> None:
    text = _help(command)
    assert "\x1b" not in text and not re.search(r"\[/?(bold|italic|red|green|link)", text)
    section = text[text.index("Examples:"):]
    assert not text[text.index("Examples:"):].strip().endswith(":")
    examples = [line.strip() for line in section.splitlines() if line.strip().startswith("kzir")]
    assert examples
    for example in examples:
        workdir = tmp_path / str(len(list(tmp_path.iterdir())))  # files it writes land here
        workdir.mkdir()
        proc = subprocess.run([*kzir_cmd(), *shlex.split(example)[1:]], capture_output=True,
                              text=True, encoding="utf-8", timeout=60, cwd=workdir)
        wrote = list(workdir.iterdir())
        assert proc.returncode == 0 and (proc.stdout or wrote), (example, proc.stderr)


def test_readme_command_reference_is_the_help(monkeypatch) -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("readme_help", root / "tools" / "readme_help.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert tool.render(readme) == readme, "stale command reference: run tools/readme_help.py"


def test_short_titles_use_the_articles_words(base) -> None:
    docs = list(base.of_kind("document"))
    assert len(docs) == 9
    for doc in docs:
        words = doc.data["title_fa"].replace("،", " ").split()
        short = doc.data["short_title_fa"].split()
        assert short and all(w in words for w in short), doc.id
        assert len(doc.data["short_title_en"]) < len(doc.data["title_en"])
