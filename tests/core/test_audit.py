"""`kzir check`: every computed check fires on the shipped article and is silent once corrected.

Corrected copies of the KB are written to tmp_path and loaded with `kzir.kb.load(path)`; the
article-text checks read the corrected paragraphs from that copy (or from an `article` argument).
The CLI is exercised through the installed `kzir` in a subprocess.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kzir import audit, kb
from kzir.audit.names import spellings_of as spellings

Doc = dict[str, Any]


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def shipped() -> kb.KB:
    return kb.load()


@pytest.fixture(scope="module")
def shipped_findings(shipped: kb.KB) -> list[audit.Finding]:
    return audit.run(shipped)


@pytest.fixture
def doc() -> Doc:
    """A fresh, editable copy of the bundled KB document."""
    return json.loads(kb.read_data_text("kb.json"))


def record(doc: Doc, record_id: str) -> dict[str, Any]:
    return next(r for r in doc["records"] if r["id"] == record_id)


def cited(doc: Doc, n: int) -> list[dict[str, Any]]:
    """Every source and finding evidence that quotes paragraph n."""
    quotes = [s for r in doc["records"] for s in r["sources"]]
    quotes += [e for f in doc.get("findings", ()) for e in f.get("evidence", ())]
    return [q for q in quotes if q["paragraph"] == n]


def edit_paragraph(doc: Doc, n: int, old: str, new: str) -> None:
    """Replace text in paragraph n, and in the quotes of it (a loaded KB must quote verbatim);
    fails loudly if the article no longer has it."""
    para = next(p for p in doc["paragraphs"] if p["n"] == n)
    assert old in para["fa"], (n, old)
    para["fa"] = para["fa"].replace(old, new)
    for quote in cited(doc, n):
        quote["quote"] = quote["quote"].replace(old, new)
        if quote["quote"] not in para["fa"]:  # it held part of the old text: quote the new
            quote["quote"] = new


def load_copy(doc: Doc, tmp_path: Path, name: str = "kb.json") -> kb.KB:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return kb.load(path)


def ids(findings: list[audit.Finding], category: str | None = None) -> set[str]:
    return {f.id for f in findings if category is None or f.category == category}


# The corrections a careful editor would make, one function per check.


def correct_arithmetic(doc: Doc) -> None:
    # 70% total growth fits the parts' 1399 figures; 15.38 M t is what the parts sum to.
    record(doc, "trade-1400-total")["tonnes_growth_pct"] = 70
    record(doc, "trade-20y-total")["tonnes"] = 15_380_000
    record(doc, "trade-1400-export")["tonnes_qualifier"] = None  # «بیش از» against «نزدیک به»


def correct_calendar(doc: Doc) -> None:
    edit_paragraph(doc, 2, "۱۷ آذرماه", "۲۵ آذرماه")
    record(doc, "event-kazakhstan-independence")["date"]["stated_jalali"] = "1370-09-25"


def correct_names(doc: Doc) -> None:
    for n in (13, 16):
        edit_paragraph(doc, n, "ژورمات", "ژومارت")
    edit_paragraph(doc, 31, "بخیت سلطاناف", "بخت سلطان اوف")
    tokayev = record(doc, "person-tokayev")
    tokayev["variants_fa"] = [v for v in tokayev["variants_fa"] if "ژورمات" not in v]
    record(doc, "person-sultanov")["variants_fa"] = ["بخت سلطان اوف"]


P22_SECOND_SENTENCE = (" رئیس جمهوری اسلامی ایران و همتای قزاقستانی وی سال گذشته در حاشیه اجلاس "
                       "همکاریهای شانگهای در تاجیکستان با یکدیگر دیدار و گفت و کردند و دراین دیدار "
                       "قرار شد تا همکاریهای دو جانبه از جمله همکاریهای ریلی افزایش یابد.")


def drop_sentence(doc: Doc, n: int, keep_first: bool) -> None:
    """Paragraph n reduced to its first sentence (keep_first) or to everything after it."""
    para = next(p for p in doc["paragraphs"] if p["n"] == n)
    first, rest = para["fa"].split(". ", 1)
    para["fa"] = first + "." if keep_first else rest
    requote(doc, n)


def requote(doc: Doc, n: int) -> None:
    """Quotes of text cut from paragraph n quote what is left of it instead."""
    para = next(p for p in doc["paragraphs"] if p["n"] == n)
    for quote in cited(doc, n):
        if quote["quote"] not in para["fa"]:
            quote["quote"] = para["fa"][:20]


def correct_duplicates(doc: Doc) -> None:
    drop_sentence(doc, 22, keep_first=True)
    drop_sentence(doc, 41, keep_first=False)
    for n in (5, 12):
        edit_paragraph(doc, n, "«قاسم ژومارت توکایف» توکایف", "«قاسم ژومارت توکایف»")
    edit_paragraph(doc, 6, "جمهوری اسلامی ایران از نخستین کشورهایی بود که استقلال این کشور را "
                   "پس از آنکه در آذر ۱۳۷۰", "قزاقستان در آذر ۱۳۷۰")
    edit_paragraph(doc, 6, "اعلام کرد به رسمیت شناخت.", "اعلام کرد.")


RELATIVE_EDITS = [
    (3, "اکنون با گذشت", "در خرداد ۱۴۰۱ با گذشت"),
    (3, "اکنون نیز", "در خرداد ۱۴۰۱ نیز"),
    (3, "روز یکشنبه این هفه", "روز یکشنبه ۲۹ خرداد ۱۴۰۱"),
    (5, "سال گذشته", "سال ۱۴۰۰"),
    (5, "یک روز پیش از ورود", "در ۲۸ خرداد ۱۴۰۱، پیش از ورود"),
    (7, "تاکنون", "تا خرداد ۱۴۰۱"),
    (8, "دو دهه گذشته", "دو دهه ۱۳۸۱ تا ۱۴۰۰"),
    (8, "تاکنون", "تا خرداد ۱۴۰۱"),
    (8, "در سفر این هفته", "در سفر ۲۹ خرداد ۱۴۰۱"),
    (17, "سال گذشته", "سال ۱۴۰۰"),
    (22, "هم اکنون", "در خرداد ۱۴۰۱"),
    (27, "دو دهه اخیر", "دو دهه ۱۳۸۱ تا ۱۴۰۰"),
    (28, "۲۰ سال اخیر", "۲۰ سال ۱۳۸۱ تا ۱۴۰۰"),
    (30, "ماه گذشته", "در اردیبهشت ۱۴۰۱"),
    (31, "سه ماهه اول سال جاری", "سه ماهه اول سال ۲۰۲۲"),
    (37, "ماه گذشته", "در اردیبهشت ۱۴۰۱"),
]


def correct_relative_dates(doc: Doc) -> None:
    for n, old, new in RELATIVE_EDITS:
        edit_paragraph(doc, n, old, new)
    # p22 also repeats p5's «سال گذشته»; the duplicate check's correction may have removed it.
    para = next(p for p in doc["paragraphs"] if p["n"] == 22)
    if "سال گذشته" in para["fa"]:
        edit_paragraph(doc, 22, "سال گذشته", "سال ۱۴۰۰")


CHECKS: dict[str, tuple[Callable[..., list[audit.Finding]], Callable[[Doc], None], set[str]]] = {
    "arithmetic": (audit.check_arithmetic, correct_arithmetic,
                   {"arithmetic-1399-tonnes", "arithmetic-20y-tonnes", "arithmetic-1400-tonnes"}),
    "calendar": (audit.check_calendar, correct_calendar, {"calendar-p2-kazakhstan-independence"}),
    "names": (audit.check_names, correct_names, {"names-tokayev", "names-sultanov"}),
    "duplicates": (audit.check_duplicates, correct_duplicates,
                   {"duplicate-p5-p22", "duplicate-p1-p41", "duplicate-p2-p6",
                    "duplicate-p5-doubled-word", "duplicate-p12-doubled-word"}),
    "relative-dates": (audit.check_relative_dates, correct_relative_dates,
                       {"relative-date-p3-this-week", "relative-date-p3-now",
                        "relative-date-p5-last-year", "relative-date-p5-day-before",
                        "relative-date-p7-so-far", "relative-date-p8-this-week",
                        "relative-date-p8-so-far", "relative-date-p8-last-two-decades",
                        "relative-date-p17-last-year", "relative-date-p22-right-now",
                        "relative-date-p22-last-year", "relative-date-p27-last-two-decades",
                        "relative-date-p28-last-20-years", "relative-date-p30-last-month",
                        "relative-date-p31-current-year", "relative-date-p37-last-month",
                        "contradiction-p31-first-quarter"}),
}


# ---------------------------------------------------------------- each computed check


@pytest.mark.parametrize("name", list(CHECKS))
def test_check_fires_on_the_shipped_article_exactly_where_it_is_wrong(shipped, name) -> None:
    check, _correct, expected = CHECKS[name]
    found = check(shipped, None)
    assert ids(found) == expected
    assert all(f.source == "computed" for f in found)


@pytest.mark.parametrize("name", list(CHECKS))
def test_check_is_silent_on_a_corrected_copy(doc, tmp_path, name) -> None:
    check, correct, _expected = CHECKS[name]
    correct(doc)
    assert check(load_copy(doc, tmp_path), None) == []


def test_all_computed_checks_are_silent_once_everything_is_corrected(doc, tmp_path) -> None:
    for _check, correct, _expected in CHECKS.values():
        correct(doc)
    assert audit.computed(load_copy(doc, tmp_path)) == []


def test_findings_follow_the_kb_numbers_not_a_hand_list(doc, tmp_path) -> None:
    """Change a figure and the finding's numbers change with it."""
    record(doc, "trade-20y-export")["tonnes"] = 4_100_000
    found = {f.id: f for f in audit.check_arithmetic(load_copy(doc, tmp_path), None)}
    message = found["arithmetic-20y-tonnes"].message_en
    assert "4,100,000" in message and "15,285,000" in message


# ---------------------------------------------------------------- arithmetic details


def test_1399_tonnes_finding_shows_both_implied_figures(shipped_findings) -> None:
    finding = next(f for f in shipped_findings if f.id == "arithmetic-1399-tonnes")
    assert "426,316" in finding.message_en and "429,114" in finding.message_en
    assert "69.9%" in finding.computation
    assert finding.severity == "warning"  # 36 t beyond rounding, well inside the slack
    assert "gap 36 t ≤ slack" in finding.computation
    assert finding.paragraphs == (25, 26)


def test_statements_that_add_up_raise_nothing(shipped_findings) -> None:
    """The USD figures fit their rounding and their words: no false alarms."""
    for clean in ("arithmetic-1400-usd", "arithmetic-1399-usd", "arithmetic-20y-usd"):
        assert clean not in ids(shipped_findings)


def test_qualifiers_that_contradict_at_face_value_are_a_note(shipped_findings) -> None:
    """'more than 512,000' + 217,000 against 'nearly 729,000': fine within rounding, not as said."""
    finding = next(f for f in shipped_findings if f.id == "arithmetic-1400-tonnes")
    assert finding.severity == "note"
    assert "more than 512,000 t" in finding.message_en and "nearly 729,000 t" in finding.message_en


@pytest.mark.parametrize(("a", "b", "severity"), [
    (audit.Span(0, 10), audit.Span(5, 20), None),          # overlap: within rounding
    (audit.Span(0, 10), audit.Span(12, 20), "warning"),    # gap 2 ≤ slack 5 + 4
    (audit.Span(0, 10), audit.Span(30, 40), "error"),      # gap 20 > slack 10
    (audit.Span(100, 101), audit.Span(98, 99), "warning"), # gap 1 = slack 1
])
def test_findings_are_graded_by_how_far_beyond_rounding(a, b, severity) -> None:
    assert audit.grade(a, b)[0] == severity
    assert audit.grade(b, a)[0] == severity


def test_a_gap_far_beyond_rounding_is_an_error(doc, tmp_path) -> None:
    record(doc, "trade-1400-import")["tonnes"] = 230_000
    found = {f.id: f for f in audit.check_arithmetic(load_copy(doc, tmp_path))}
    assert found["arithmetic-1400-tonnes"].severity == "error"


def test_parts_over_the_total_are_caught_too(doc, tmp_path) -> None:
    record(doc, "trade-1400-import")["tonnes"] = 230_000
    assert "arithmetic-1400-tonnes" in ids(audit.check_arithmetic(load_copy(doc, tmp_path)))


def test_a_miscounted_document_list_is_caught(doc, tmp_path, shipped) -> None:
    assert not [f for f in audit.check_arithmetic(shipped) if f.id.endswith("-count")]
    record(doc, "event-signing-nine-documents")["documents_count"] = 8
    found = audit.check_document_count(load_copy(doc, tmp_path))
    assert [f.id for f in found] == ["arithmetic-signing-nine-documents-count"]
    assert "«…» titles in p10: 9" in found[0].message_en


def test_a_missing_title_in_the_listed_documents_is_caught(doc, tmp_path) -> None:
    para = next(p for p in doc["paragraphs"] if p["n"] == 10)
    first = para["fa"].index("»، ") + len("»، ")
    second_end = para["fa"].index("»، ", first) + len("»، ")
    para["fa"] = para["fa"][:first] + para["fa"][second_end:]  # drop the second «title»
    requote(doc, 10)
    found = audit.check_document_count(load_copy(doc, tmp_path))
    assert len(found) == 1 and "p10: 8" in found[0].message_en


@pytest.mark.parametrize(("value", "qualifier", "lo", "hi"), [
    (729_000, "nearly", 728_000, 729_000),
    (512_000, "more than", 512_000, 513_000),
    (217_000, None, 216_500, 217_500),
    (6_000_000_000, "approximately", 5_500_000_000, 6_500_000_000),
    (265_200_000, None, 265_150_000, 265_250_000),
])
def test_stated_span_reads_rounding_and_qualifiers(value, qualifier, lo, hi) -> None:
    assert audit.stated_span(value, qualifier) == audit.Span(lo, hi)


# ---------------------------------------------------------------- calendar details


def test_weekday_claims_are_checked(doc, tmp_path, shipped) -> None:
    """Sunday 29 Khordad 1401 is a Sunday (no finding); a wrong weekday is caught."""
    assert not [f for f in audit.check_calendar(shipped) if f.id.endswith("-weekday")]
    visit = record(doc, "event-tokayev-state-visit-tehran")
    assert visit["date"]["stated_weekday"] == "Sunday"
    visit["date"]["stated_weekday"] = "Monday"
    found = audit.check_calendar(load_copy(doc, tmp_path))
    weekday = [f for f in found if f.id.endswith("-weekday")]
    assert [f.id for f in weekday] == ["calendar-p3-tokayev-state-visit-tehran-weekday"]
    assert "Sunday" in weekday[0].message_en


def test_equivalences_are_read_from_the_text_when_the_kb_has_none(doc, tmp_path) -> None:
    date = record(doc, "event-kazakhstan-independence")["date"]
    del date["stated_jalali"], date["stated_gregorian"]
    found = audit.check_calendar(load_copy(doc, tmp_path))
    assert [f.id for f in found] == ["calendar-p2-equivalence"]
    assert "25 Azar 1370" in found[0].message_en
    assert found[0].evidence[0].quote == "۱۶ دسامبر سال ۱۹۹۱ برابر با ۱۷ آذرماه سال ۱۳۷۰"


def test_calendar_finding_names_the_right_day(shipped_findings) -> None:
    finding = next(f for f in shipped_findings if f.id == "calendar-p2-kazakhstan-independence")
    assert "25 Azar 1370" in finding.message_en and "8 December 1991" in finding.message_en
    assert finding.intended_fa == "۲۵ آذر ۱۳۷۰"


# ---------------------------------------------------------------- names, duplicates, dates


def test_spelling_variants_come_from_the_kb_and_the_text(shipped_findings) -> None:
    tokayev = next(f for f in shipped_findings if f.id == "names-tokayev")
    assert tokayev.paragraphs == (3, 5, 12, 13, 16, 19)
    assert "«ژومارت» ≠ «ژورمات»" in tokayev.computation
    assert tokayev.intended_fa == "قاسم ژومارت توکایف"


def test_a_short_form_of_a_name_is_not_a_variant() -> None:
    assert spellings(["قاسم ژومارت توکایف", "توکایف"]) == ["قاسم ژومارت توکایف"]
    assert spellings(["رهبر معظم انقلاب اسلامی", "رهبر انقلاب"]) == [
        "رهبر معظم انقلاب اسلامی"]


def test_article_text_can_be_passed_in(shipped) -> None:
    article = audit.article_of(shipped)
    article[22] = article[22].replace(P22_SECOND_SENTENCE, "")
    assert "duplicate-p5-p22" not in ids(audit.check_duplicates(shipped, article))
    assert "duplicate-p5-p22" in ids(audit.check_duplicates(shipped))


def test_relative_dates_use_the_kb_dates(shipped_findings) -> None:
    coup = next(f for f in shipped_findings if f.id == "relative-date-p17-last-year")
    assert "Dey 1400" in coup.message_en
    assert coup.extra["related"] == ["event-kazakhstan-coup-attempt"]
    train = next(f for f in shipped_findings if f.id == "relative-date-p5-day-before")
    assert "18 June 2022" in train.message_en


def test_a_quarter_cited_after_it_ended_is_not_flagged(doc, tmp_path) -> None:
    record(doc, "event-sultanov-meets-mokhber")["date"] = {
        "jalali": "1401-04", "gregorian": "2022-06-22/2022-07-22", "precision": "month",
        "stated": None, "basis": "inferred", "note": "test"}
    assert "contradiction-p31-first-quarter" not in ids(
        audit.check_relative_dates(load_copy(doc, tmp_path)))


# ---------------------------------------------------------------- every finding


def test_every_evidence_quote_is_verbatim(shipped, shipped_findings) -> None:
    lines = kb.read_data_text("article_fa.txt").split("\n")
    for finding in shipped_findings:
        assert finding.evidence, finding.id
        for e in finding.evidence:
            assert e.quote in lines[e.paragraph - 1], (finding.id, e)
            assert e.quote in shipped.paragraphs[e.paragraph].fa


def test_curated_findings_are_well_formed(shipped, shipped_findings) -> None:
    curated = audit.curated(shipped)
    assert len(curated) == len(shipped.findings) > 0
    assert len({f.id for f in curated}) == len(curated)
    assert not {f.id for f in curated} & ids(audit.computed(shipped))
    for f in curated:
        assert f.source == "curated"
        if f.category == "typo":
            assert f.intended_fa, f.id
        if f.category == "changed":
            assert f.extra.get("outside_source"), f.id
    by_category = {f.category for f in curated}
    assert {"typo", "contradiction", "changed"} <= by_category


def test_findings_match_the_schema(shipped_findings) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    defs = json.loads(kb.read_data_text("kb.schema.json"))["$defs"]
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/finding", "$defs": defs})
    for finding in shipped_findings:
        errors = list(validator.iter_errors(finding.to_json()))
        assert not errors, (finding.id, errors[0].message)


def test_order_is_errors_first(shipped_findings) -> None:
    ranks = [audit.SEVERITIES.index(f.severity) for f in shipped_findings]
    assert ranks == sorted(ranks)


# ---------------------------------------------------------------- the CLI, as installed


def test_cli_json_is_a_bare_array_of_findings(kzir_process) -> None:
    result = kzir_process("check", "--json")
    assert result.code == 0, result.err
    rows = result.json()
    assert isinstance(rows, list) and rows
    for row in rows:
        assert {"id", "severity", "category", "message_en", "message_fa", "evidence",
                "computation", "source"} <= set(row)
        assert row["source"] in ("computed", "curated")
    assert {"calendar-p2-kazakhstan-independence", "typo-p8-tehran"} <= {r["id"] for r in rows}


def test_cli_filters(kzir_process) -> None:
    rows = kzir_process("check", "--json", "--category", "calendar,arithmetic",
                        "--severity", "error").json()
    assert {r["id"] for r in rows} == {"calendar-p2-kazakhstan-independence"}
    rows = kzir_process("check", "--json", "--category", "arithmetic", "--severity",
                        "warning").json()
    assert {r["id"] for r in rows} == {"arithmetic-1399-tonnes", "arithmetic-20y-tonnes"}


def test_cli_strict_exits_1_only_when_an_error_is_reported(kzir_process) -> None:
    assert kzir_process("check", "--json").code == 0
    assert kzir_process("check", "--strict", "--json").code == 1
    assert kzir_process("check", "--strict", "--category", "typo").code == 0


def test_cli_strict_passes_on_a_corrected_kb(kzir_process, doc, tmp_path) -> None:
    correct_arithmetic(doc)
    correct_calendar(doc)
    path = tmp_path / "fixed.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = kzir_process("check", "--strict", "--kb", str(path))
    assert result.code == 0, result.err
    assert "errors: 0" in result.err


@pytest.mark.parametrize(("option", "value", "valid"), [
    ("--category", "spelling", "relative-date"),
    ("--severity", "fatal", "warning"),
])
def test_cli_unknown_filter_is_a_usage_error(kzir_process, option, value, valid) -> None:
    result = kzir_process("check", option, value)
    assert result.code == 2
    assert value in result.err and valid in result.err


def test_cli_persian_messages(kzir_process) -> None:
    result = kzir_process("check", "--lang", "fa", "--category", "calendar")
    assert result.code == 0
    assert "۲۵ آذر ۱۳۷۰" in result.out
    assert "شدت" in result.out.splitlines()[0]

