"""The explore commands (issue 3) against the shipped KB: values, filters, shared options, codes."""

from __future__ import annotations

import csv
import io

import pytest

from kzir import kb

LISTING_COMMANDS = [
    ["treaties", "list"], ["trade"], ["events"], ["visits"], ["resources"], ["consulates"],
    ["people"], ["orgs"], ["profile"], ["culture"],
]


@pytest.fixture(scope="module")
def base() -> kb.KB:
    return kb.load()


# ---------------------------------------------------------------- events and visits


def test_events_are_chronological_and_complete(cli, base) -> None:
    rows = cli("events", "--json").json()
    assert {r["id"] for r in rows} == {r.id for r in base.of_kind("event")}
    starts = [r["date"]["gregorian"].split("/")[0] for r in rows if r["date"]]
    assert starts == sorted(starts)
    assert all(r["date"] is None for r in rows[len(starts):])  # undated ones last


@pytest.mark.parametrize(("event_id", "jalali", "gregorian"), [
    ("event-kazakhstan-independence", "1370-09-25", "1991-12-16"),
    ("event-kazakhstan-coup-attempt", "1400-10", "2021-12-22/2022-01-20"),
    ("event-kiti-first-train", "1401-03-28", "2022-06-18"),
    ("event-tokayev-state-visit-tehran", "1401-03-29", "2022-06-19"),
    ("event-capital-renamed-nur-sultan", "1398-01", "2019-03-21/2019-04-20"),
])
def test_event_dates_in_both_calendars(cli, event_id, jalali, gregorian) -> None:
    event = cli("show", event_id, "--json").json()
    assert (event["date"]["jalali"], event["date"]["gregorian"]) == (jalali, gregorian)


def test_event_table_honours_calendar(cli) -> None:
    jalali = cli("events", "--calendar", "jalali", "--fields", "date,id").out
    gregorian = cli("events", "--calendar", "gregorian", "--fields", "date,id").out
    assert "1370-09-25" in jalali and "1991-12-16" not in jalali
    assert "1991-12-16" in gregorian and "1370-09-25" not in gregorian
    both = cli("events", "--fields", "date,id").out
    assert "1370-09-25 (1991-12-16)" in both


@pytest.mark.parametrize(("args", "must", "must_not"), [
    (["--type", "shipment"], {"event-kiti-first-train", "event-sulfur-train-42-wagons"},
     {"event-kazakhstan-independence"}),
    (["--from", "1398", "--to", "1399"], {"event-capital-renamed-nur-sultan"},
     {"event-kazakhstan-independence", "event-tokayev-state-visit-tehran"}),
    (["--from", "2022-06-19"], {"event-tokayev-state-visit-tehran"},
     {"event-kiti-first-train", "event-astana-syria-talks"}),
    (["--to", "1991"], {"event-kazakhstan-independence"}, {"event-almaty-nuclear-talks"}),
    (["--from", "۲۹ خرداد ۱۴۰۱"], {"event-signing-nine-documents"}, {"event-kiti-first-train"}),
])
def test_event_filters(cli, args, must, must_not) -> None:
    result = cli("events", "--json", *args)
    assert result.code == 0, result.err
    ids = {r["id"] for r in result.json()}
    assert must <= ids
    assert not ids & must_not


def test_visits_are_visits_and_meetings_only(cli) -> None:
    rows = cli("visits", "--json").json()
    assert {r["type"] for r in rows} <= {"visit", "meeting", "delegation", "exhibition"}
    assert "event-leader-receives-tokayev" in {r["id"] for r in rows}


@pytest.mark.parametrize(("args", "says"), [
    (["events", "--type", "party"], "shipment"),
    (["events", "--from", "1401-13-01"], "month"),
    (["consulates", "--country", "TR"], "IR, KZ"),
    (["resources", "--rank", "second"], "--rank"),
])
def test_bad_filter_values_are_usage_errors(cli, args, says) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and says in result.err


# ---------------------------------------------------------------- resources, missions, people


def test_resources_ranked_as_the_article_says(cli) -> None:
    rows = cli("resources", "--json").json()
    rank = {r["resource_en"]: (r["rank"], r["rank_band"]) for r in rows}
    assert {k for k, v in rank.items() if v[0] == 2} == {"uranium", "chromium", "zinc", "lead"}
    assert rank["manganese"][0] == 3 and rank["copper"][0] == 4
    assert {k for k, v in rank.items() if v == (None, "top-10")} == {"coal", "iron", "gold"}
    assert rank["oil"][0] == 11 and rank["natural gas"][0] == 11
    ranks = [r["rank"] or 10 for r in rows]
    assert ranks == sorted(ranks)


def test_resource_rank_filters(cli) -> None:
    assert len(cli("resources", "--rank", "2", "--json").json()) == 4
    assert {r["resource_en"] for r in cli("resources", "--max-rank", "۴", "--json").json()} == {
        "uranium", "chromium", "zinc", "lead", "manganese", "copper"}
    assert len(cli("resources", "--max-rank", "10", "--json").json()) == 9


def test_consulates_include_the_embassy(cli) -> None:
    rows = cli("consulates", "--json").json()
    stated = [r for r in rows if not r.get("inferred")]
    assert sorted((r["country"], r["type"], r["city_en"].split()[0]) for r in stated) == [
        ("IR", "consulate_general", "Aktau"), ("IR", "consulate_general", "Almaty"),
        ("IR", "embassy", "Astana"), ("KZ", "consulate_general", "Gorgan")]
    kz = cli("consulates", "--country", "kz", "--json").json()
    assert {r["country"] for r in kz} == {"KZ"}


def test_people_with_every_spelling(cli) -> None:
    people = {p["id"]: p for p in cli("people", "--json").json()}
    assert {"قاسم ژومارت توکایف", "قاسم ژورمات توکایف"} <= set(people["person-tokayev"]
                                                                 ["variants_fa"])
    assert {"بخت سلطان اوف", "بخیت سلطاناف"} <= set(people["person-sultanov"]["variants_fa"])
    table = cli("people").out
    assert "ژورمات" in table and "Tokayev" in table


def test_orgs_profile_culture(cli) -> None:
    orgs = cli("orgs", "--country", "KZ", "--json").json()
    assert orgs and {o["country"] for o in orgs} == {"KZ"}
    profile = {f["id"]: f for f in cli("profile", "--json").json()}
    assert any(f.get("value") == 2_717_300 for f in profile.values())
    assert any(f.get("value") == 17_000_000 for f in profile.values())
    culture = cli("culture", "--json").json()
    assert {p["paragraph"] for f in culture for p in f["sources"]} >= {41, 42, 43, 44}


# ---------------------------------------------------------------- show, cite, source


def test_show_any_record_and_unknown_id(cli, base) -> None:
    for record in base.records[::10]:
        assert cli("show", record.id, "--json").json()["id"] == record.id
    missing = cli("show", "person-tokaev")
    assert missing.code == 3 and "person-tokayev" in missing.err


def test_cite_quotes_verbatim_with_translation(cli, base) -> None:
    record = base.get("trade-1400-import")
    plain = cli("cite", record.id).out  # piped: the quotable block
    for source in record.sources:
        assert f"«{source.quote}»" in plain
        assert base.paragraph(source.paragraph).en in plain
        assert f"paragraph {source.paragraph}" in plain
    assert "IRNA (Islamic Republic News Agency), Asia and Oceania desk" in plain
    data = cli("cite", record.id, "--json").json()
    for item in data:
        assert item["fa"][item["start"]:item["end"]] == item["quote"]


@pytest.mark.parametrize(("lang", "has_fa", "has_en"), [
    (None, True, True), ("fa", True, False), ("en", False, True)])
def test_source_paragraph_by_language(cli, base, lang, has_fa, has_en) -> None:
    args = ["source", "۲۵"] + (["--lang", lang] if lang else [])
    out = cli(*args).out
    paragraph = base.paragraph(25)
    assert (paragraph.fa in out) is has_fa
    assert (paragraph.en in out) is has_en


def test_source_out_of_range(cli) -> None:
    result = cli("source", "46")
    assert result.code == 3 and "1-45" in result.err


# ---------------------------------------------------------------- shared options everywhere


@pytest.mark.parametrize("command", LISTING_COMMANDS, ids=" ".join)
def test_every_listing_accepts_the_same_options(cli, command) -> None:
    full = cli(*command, "--json")
    assert full.code == 0 and isinstance(full.json(), list) and full.json()
    one = cli(*command, "--json", "--limit", "1", "--sort", "-id", "--fields", "id,kind")
    assert one.code == 0, one.err
    assert one.json() == [{"id": max(r["id"] for r in full.json()),
                           "kind": full.json()[0]["kind"]}]
    if len(full.json()) > 1:
        assert f"1 of {len(full.json())}" in one.err
    for args in (["--lang", "fa"], ["--format", "plain"], ["--format", "md"]):
        assert cli(*command, *args).code == 0
    table = cli(*command, "--format", "csv", "--fields", "id")
    rows = list(csv.reader(io.StringIO(table.out, newline="")))
    assert rows[0] == ["id"] and len(rows) == len(full.json()) + 1
    jsonl = cli(*command, "--format", "jsonl").out.splitlines()
    assert len(jsonl) == len(full.json())
    bad = cli(*command, "--fields", "nonsense")
    assert bad.code == 2 and "valid:" in bad.err


@pytest.mark.parametrize("args", [["--format", "xml"], ["--lang", "de"],
                                  ["--calendar", "mayan"], ["--limit", "-3"],
                                  ["--json", "--format", "csv"]])
def test_bad_shared_option_values(cli, args) -> None:
    result = cli("people", *args)
    assert result.code == 2 and result.out == ""
    human = [line for line in result.err.splitlines() if not line.startswith("{")]
    assert len(human) == 1 and human[0].startswith("kzir: ")


def test_kzir_lang_environment_default(cli, monkeypatch) -> None:
    monkeypatch.setenv("KZIR_LANG", "fa")
    assert "وزارت" in cli("treaties", "list", "--fields", "title").out


def test_empty_result_is_ok_and_says_so(cli) -> None:
    result = cli("events", "--from", "1450")
    assert result.code == 0 and result.out == "" and "no events" in result.err
    assert cli("events", "--from", "1450", "--json").out.strip() == "[]"


# ---------------------------------------------------------------- review fixes


def test_source_both_languages_on_request_even_with_kzir_lang(cli, base, monkeypatch) -> None:
    monkeypatch.setenv("KZIR_LANG", "fa")
    out = cli("source", "5", "--lang", "both").out
    assert base.paragraph(5).fa in out and base.paragraph(5).en in out
    consulates = cli("consulates", "--lang", "both", "--fields", "city").out
    assert "Gorgan / گرگان" in consulates


def test_multi_year_event_filters_on_its_whole_period(cli) -> None:
    ids = {r["id"] for r in cli("events", "--from", "1392", "--to", "1392", "--json").json()}
    assert "event-almaty-nuclear-talks" in ids
    table = cli("events", "--type", "talks", "--calendar", "jalali", "--fields", "date,id").out
    assert "1391 – 1392" in table


def test_reversed_range_is_a_usage_error(cli) -> None:
    result = cli("events", "--from", "2022", "--to", "2021")
    assert result.code == 2 and "--from 2022" in result.err


@pytest.mark.parametrize("name", ["ایران", "Iran", "ir"])
def test_country_by_name_in_either_language(cli, name) -> None:
    rows = cli("consulates", "--country", name, "--json").json()
    assert rows and {r["country"] for r in rows} == {"IR"}


def test_document_number_out_of_range_and_empty_party(cli) -> None:
    missing = cli("treaties", "show", "10")
    assert missing.code == 3 and "1-9" in missing.err
    empty = cli("treaties", "list", "--party", " ")
    assert empty.code == 2 and "--party" in empty.err


def test_detail_fields_apply_to_people_too(cli) -> None:
    out = cli("show", "trade-1400-total", "--fields", "year,tonnes").out.splitlines()
    assert [line.split()[0] for line in out[1:]] == ["year", "tonnes"]
    assert out[1].split()[1] == "1400" and out[2].split()[1] == "729,000"


def test_sort_descending_keeps_missing_values_last(cli) -> None:
    rows = cli("resources", "--sort", "-rank", "--json").json()
    ranks = [r["rank"] for r in rows]
    assert ranks[0] == 11 and ranks[-3:] == [None, None, None]


def test_cite_shows_each_paragraph_once_with_every_span_marked(cli, base) -> None:
    record = base.get("person-raisi")
    out = cli("cite", record.id, "--format", "plain").out
    for n in record.paragraphs:
        assert out.count(f"), paragraph {n}\n") == 1  # one citation line per paragraph
        assert out.count(f"¶{n} in English") == 1
    for source in record.sources:
        assert f"«{source.quote}»" in out


def test_date_fields_chosen_with_fields_honour_the_calendar(cli) -> None:
    gregorian = cli("treaties", "list", "--fields", "index,signed", "--calendar", "gregorian")
    assert "2022-06-19" in gregorian.out and "1401-03-29" not in gregorian.out
    jalali = cli("treaties", "list", "--fields", "index,signed", "--calendar", "jalali")
    assert "1401-03-29" in jalali.out and "2022-06-19" not in jalali.out


@pytest.mark.parametrize(("calendar", "shown", "hidden"), [
    ("jalali", ["1401-03-29", "خرداد"], ["2022-06-19"]),
    ("gregorian", ["2022-06-19"], ["1401-03-29", "خرداد"]),
    ("both", ["1401-03-29", "2022-06-19", "خرداد"], []),
])
def test_date_command_honours_calendar_for_people_and_keeps_both_in_json(
        cli, calendar, shown, hidden) -> None:
    out = cli("date", "29", "Khordad", "1401", "--calendar", calendar).out
    assert all(s in out for s in shown) and not any(h in out for h in hidden)
    # JSON always carries both calendars, so --calendar with --json is refused, not ignored
    refused = cli("date", "29", "Khordad", "1401", "--calendar", calendar, "--json")
    assert refused.code == 2 and "both calendars" in refused.err
    data = cli("date", "29", "Khordad", "1401", "--json").json()
    assert (data["jalali"], data["gregorian"]) == ("1401-03-29", "2022-06-19")
