"""The shipped knowledge base held to the article, fact by fact.

Everything here reads the KB of the *installed* package (`kzir.kb.load()` and
`kzir.kb.read_data_text`), so a wheel that ships stale data fails too. The expected values in the
tables below come from an independent reading of the article, not from the KB.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import jdatetime
import jsonschema
import pytest

from kzir import kb as kbmod
from kzir.errors import KbError
from kzir.schema import first_violation

# sha256 of data/article_fa.txt as shipped (= ../shared/article_fa.txt); the source must not drift.
ARTICLE_SHA256 = "48beff56d580c47cc93c0937165fc2ef76f32318b7da55c1d66e422adf656146"
EXCEPTIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "number_exceptions.json"


def _bundled_kb() -> kbmod.KB:
    """The installed package's own KB, whatever KZIR_KB says in the environment."""
    saved = os.environ.pop(kbmod.KB_ENV, None)
    try:
        return kbmod.load()
    finally:
        if saved is not None:
            os.environ[kbmod.KB_ENV] = saved


ARTICLE = kbmod.read_data_text("article_fa.txt")
LINES = ARTICLE.removesuffix("\n").split("\n")
KB = _bundled_kb()
RAW: dict[str, Any] = json.loads(kbmod.read_data_text("kb.json"))
SCHEMA: dict[str, Any] = json.loads(kbmod.read_data_text("kb.schema.json"))
RECORDS: list[Mapping[str, Any]] = [r.data for r in KB.records]
BY_ID: dict[str, Mapping[str, Any]] = {r["id"]: r for r in RECORDS}
IDS = [r["id"] for r in RECORDS]


def of_kind(kind: str) -> list[Mapping[str, Any]]:
    return [r for r in RECORDS if r["kind"] == kind]


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a JSON value with a dotted path (list items keep their parent's key)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk(item, path)
    else:
        yield path, value


def date_objects(value: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every date object (a mapping with jalali, gregorian, precision and basis) inside value."""
    if isinstance(value, Mapping):
        if {"jalali", "gregorian", "precision", "basis"} <= value.keys():
            yield path, value
        for key, item in value.items():
            yield from date_objects(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from date_objects(item, path)


# --------------------------------------------------------------------------------------------
# A small parser for the numbers written in the article (Persian digits and number words)
# --------------------------------------------------------------------------------------------

_UNITS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40,
    "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100,
}
SCALES = {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9}
_ORDINALS = {"نخستین": 1, "اولین": 1, "اول": 1, "سوم": 3, "سومین": 3}
for _word, _n in _UNITS.items():
    if _n < 100 and _word not in ("سه", "سی"):  # سوم is irregular; «سیم» is 'wire'
        _ORDINALS[_word + "م"] = _n
        _ORDINALS[_word + "مین"] = _n
    _ORDINALS[_word + "گانه"] = _n  # پانزدهگانه 'fifteen-fold'
TOKEN = re.compile(r"\d+|[^\W\d_]+")
_YEAR_WORDS = ("سال", "دهه")  # «سال ۹۹», «دهه ۹۰», «دهه هشتاد»: two-digit Iranian years


class Number(NamedTuple):
    start: int
    end: int
    text: str
    value: int


class _Tok(NamedTuple):
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        if word.endswith("و") and word[:-1] in SCALES:  # «هزارو ۳۰۰»: scale fused with 'and'
            out.append(_Tok(word[:-1], m.start(), m.end() - 1))
            out.append(_Tok("و", m.end() - 1, m.end()))
        else:
            out.append(_Tok(word, m.start(), m.end()))
    return out


def _base(word: str) -> int | None:
    if word.isdigit():
        return int(word)  # int() reads Persian and Arabic-Indic digits
    return _UNITS.get(word)


def _group(toks: list[_Tok], i: int) -> tuple[int, bool, bool, int] | None:
    """One `[number] [scale]` group at i: (value, ends with a scale, is a word, next index)."""
    value, j = None, i
    if j < len(toks) and (b := _base(toks[j].text)) is not None:
        value, j = b, j + 1
    if j < len(toks) and toks[j].text in SCALES:
        value, j = (1 if value is None else value) * SCALES[toks[j].text], j + 1
        return value, True, False, j
    if value is None:
        return None
    return value, False, not toks[i].text.isdigit(), j


def find_numbers(text: str) -> list[Number]:
    """Every number in text: «۲ میلیون و ۷۱۷ هزارو ۳۰۰» → 2717300, «سال ۹۹» → 1399, «دومین» → 2."""
    toks = _tokens(text)
    found: list[Number] = []
    i = 0
    while i < len(toks):
        if toks[i].text in _ORDINALS:
            found.append(Number(toks[i].start, toks[i].end, toks[i].text, _ORDINALS[toks[i].text]))
            i += 1
            continue
        group = _group(toks, i)
        if group is None:
            i += 1
            continue
        total, joinable, is_word, j = group
        single = not joinable
        while j + 1 < len(toks) and toks[j].text == "و" and (nxt := _group(toks, j + 1)):
            # join «… میلیون و ۲۰۰ هزار» and «بیست و پنج», never «۱۳۹۱ و ۱۳۹۲»
            if not (joinable or is_word) or total % 10 ** len(str(nxt[0])):
                break
            total, joinable, is_word, j = total + nxt[0], nxt[1], nxt[2], nxt[3]
            single = False
        if single and total < 100 and i > 0 and toks[i - 1].text in _YEAR_WORDS:
            total += 1300
        found.append(Number(toks[i].start, toks[j - 1].end, text[toks[i].start:toks[j - 1].end],
                            total))
        i = j
    return found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("۲ میلیون و ۷۱۷ هزارو ۳۰۰ کیلومتر", [2717300]),
        ("به ارزش ۲۶۵ میلیون و ۲۰۰ هزار دلار", [265200000]),
        ("بیش از ۱۵ میلیون و ۴۰۰ هزار تن", [15400000]),
        ("ارزش تقریبی ۶ میلیارد دلار", [6000000000]),
        ("چهار میلیون و ۲۰۴ هزار تن", [4204000]),
        ("دو میلیارد و ۳۱۷ میلیون دلار", [2317000000]),
        ("سه میلیارد و ۶۳۵ میلیون دلار", [3635000000]),
        ("نزدیک به ۷۲۹ هزار تن", [729000]),
        ("در ایران هزار سال درباره", [1000]),
        ("نسبت به سال ۹۹ همراه", [1399]),
        ("فروردین ماه سال ۹۸ با", [1398]),
        ("دهه هشتاد را دهه واردات و دهه ۹۰ را", [1380, 1390]),
        ("در سال های ۱۳۹۱ و ۱۳۹۲ شهر", [1391, 1392]),
        ("در ۲۰ سال اخیر", [20]),
        ("۱۶ دسامبر سال ۱۹۹۱", [16, 1991]),
        ("دومین منابع و سومین در منگنز، چهارمین در مس و یازدهمین", [2, 3, 4, 11]),
        ("همسایگان پانزدهگانه", [15]),
        ("دولت سیزدهم", [13]),
        ("بیست و پنج", [25]),
        ("١٤٠٠ و 1400", [1400, 1400]),
        ("با یکدیگر دیدار، سهم صادرات، دهها سند", []),
    ],
)
def test_number_parser(text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text)] == values


# Numbers that describe the KB itself, not the article: citations and document order.
NOT_FACTS = {"sources.paragraph", "index"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def kb_numbers() -> set[int | float]:
    """Every numeric fact in the records: numeric values, and the year and day of date strings.

    A day counts only from a single day ("1991-12-16"); the ends of an interval
    ("2022-04-21/2022-05-21") are computed, not stated, so only their years count.
    """
    found: set[int | float] = set()
    for record in RECORDS:
        for path, value in walk(record):
            if isinstance(value, bool) or path in NOT_FACTS:
                continue
            if isinstance(value, int | float):
                found.add(value)
            elif isinstance(value, str) and DATE_RE.match(value):
                parts = value.split("/")
                found.update(int(p[:4]) for p in parts)
                if len(parts) == 1 and len(value) == 10:
                    found.add(int(value[8:]))
    return found


def load_exceptions() -> list[dict[str, Any]]:
    return json.loads(EXCEPTIONS_FILE.read_text(encoding="utf-8"))


def _excepted(n: int, number: Number, exceptions: list[dict[str, Any]]) -> bool:
    line = LINES[n - 1]
    for exc in exceptions:
        if exc["paragraph"] != n:
            continue
        for m in re.finditer(re.escape(exc["text"]), line):
            if m.start() <= number.start and number.end <= m.end():
                return True
    return False


def test_every_number_in_the_article_is_in_the_kb() -> None:
    have = kb_numbers()
    exceptions = load_exceptions()
    missing = [
        f"p{n} «{num.text}» = {num.value}"
        for n, line in enumerate(LINES, 1)
        for num in find_numbers(line)
        if num.value not in have and not _excepted(n, num, exceptions)
    ]
    assert not missing, "numbers in the article that no record holds: " + "; ".join(missing)


def test_number_exceptions_are_reviewed_and_still_needed() -> None:
    have = kb_numbers()
    for exc in load_exceptions():
        assert set(exc) == {"paragraph", "text", "reason"}, exc
        assert len(exc["reason"]) > 20, f"exception without a real reason: {exc}"
        line = LINES[exc["paragraph"] - 1]
        assert exc["text"] in line, f"exception text not in paragraph {exc['paragraph']}: {exc}"
        covered = [num for num in find_numbers(line) if _excepted(exc["paragraph"], num, [exc])]
        assert any(num.value not in have for num in covered), f"exception no longer needed: {exc}"


# --------------------------------------------------------------------------------------------
# The source text and the paragraphs
# --------------------------------------------------------------------------------------------

def test_article_is_the_pinned_source() -> None:
    assert hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest() == ARTICLE_SHA256
    assert len(LINES) == 45
    assert LINES[44] == "نظر شما"
    assert "\u200c" not in ARTICLE


HEADINGS = {11, 18, 21, 24, 36, 40}


def test_paragraphs_are_the_article_lines_with_translations() -> None:
    paragraphs = RAW["paragraphs"]
    assert [p["n"] for p in paragraphs] == list(range(1, 46))
    for p in paragraphs:
        assert p["fa"] == LINES[p["n"] - 1], f"paragraph {p['n']} differs from line {p['n']}"
        assert p["en"].strip(), f"paragraph {p['n']} has no translation"
        expected_role = ("boilerplate" if p["n"] == 45
                         else "heading" if p["n"] in HEADINGS else "body")
        assert p["role"] == expected_role, f"paragraph {p['n']}"
    assert [(p.n, p.fa) for p in KB.paragraphs.values()] == [(p["n"], p["fa"]) for p in paragraphs]


def test_every_paragraph_but_the_boilerplate_is_cited() -> None:
    cited = {s["paragraph"] for r in RECORDS for s in r["sources"]}
    assert set(range(1, 45)) - cited == set()


def test_quotes_are_verbatim_in_their_paragraph() -> None:
    bad = [f"{r['id']}: p{s['paragraph']} «{s['quote']}»" for r in RECORDS for s in r["sources"]
           if not (1 <= s["paragraph"] <= len(LINES) and s["quote"] in LINES[s["paragraph"] - 1])]
    assert not bad, "quotes that are not verbatim in their paragraph: " + "; ".join(bad)


def test_finding_evidence_quotes_are_verbatim() -> None:
    for finding in RAW.get("findings", []):
        for ev in finding["evidence"]:
            assert ev["quote"] in LINES[ev["paragraph"] - 1], (finding["id"], ev)


def _fa_strings() -> Iterator[tuple[str, str, str]]:
    for record in RECORDS:
        for path, value in walk(record):
            key = path.rsplit(".", 1)[-1]
            if isinstance(value, str) and (key.endswith("_fa") or key == "fa"):
                yield record["id"], path, value


def test_persian_text_uses_persian_digits_and_no_zwnj() -> None:
    latin = [f"{rid} {path}: {v}" for rid, path, v in _fa_strings() if re.search(r"[0-9]", v)]
    assert not latin, "ASCII digits in Persian text: " + "; ".join(latin)
    zwnj = [f"{rid} {path}" for rid, path, v in _fa_strings() if "\u200c" in v]
    assert not zwnj, "ZWNJ in Persian text (the article has none): " + "; ".join(zwnj)


# --------------------------------------------------------------------------------------------
# Ids and cross-references
# --------------------------------------------------------------------------------------------

PREFIX = {"document": "doc", "event": "event", "trade": "trade", "resource": "res",
          "mission": "mission", "person": "person", "organization": "org", "place": "place",
          "fact": "fact"}
ID_REF = re.compile(r"^(doc|event|trade|res|mission|person|org|place|fact)-[a-z0-9]+(-[a-z0-9]+)*$")


def test_ids_are_unique_kebab_case_with_the_kind_prefix() -> None:
    assert len(IDS) == len(set(IDS)), "duplicate ids"
    for record in RECORDS:
        rid = record["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rid), rid
        assert rid.startswith(PREFIX[record["kind"]] + "-"), rid


@pytest.mark.parametrize(
    ("kind", "field", "target_kind"),
    [
        ("document", "parties.org", "organization"),
        ("event", "participants", "person"),
        ("trade", "derived_from", "trade"),
    ],
)
def test_named_references_resolve_to_the_right_kind(kind: str, field: str,
                                                    target_kind: str) -> None:
    refs = [(r["id"], v) for r in of_kind(kind) for p, v in walk(r) if p == field]
    assert refs, f"no {field} references at all"
    for rid, ref in refs:
        assert ref in BY_ID, f"{rid}: {field} '{ref}' does not exist"
        assert BY_ID[ref]["kind"] == target_kind, f"{rid}: {field} '{ref}' is not a {target_kind}"


def test_every_id_like_value_resolves() -> None:
    dangling = [f"{r['id']} {path} → {value}" for r in RECORDS for path, value in walk(r)
                if path != "id" and isinstance(value, str) and ID_REF.match(value)
                and value not in BY_ID]
    assert not dangling, "dangling references: " + "; ".join(dangling)


def test_findings_refer_to_existing_records() -> None:
    dangling = [f"{f['id']} → {ref}" for f in RAW.get("findings", [])
                for ref in f.get("related") or () if ref not in BY_ID]
    assert not dangling, "findings name records that do not exist: " + "; ".join(dangling)


FIXED_PERSONS = ["person-tokayev", "person-nazarbayev", "person-raisi", "person-khamenei",
                 "person-latifi", "person-sultanov", "person-mokhber", "person-orazbay",
                 "person-farabi"]


def test_fixed_ids_exist_and_are_the_only_persons() -> None:
    assert sorted(r["id"] for r in of_kind("person")) == sorted(FIXED_PERSONS)


@pytest.mark.parametrize(("kinds", "field"), [(("person", "organization", "place"), "name_fa"),
                                               (("document", "event"), "title_fa")])
def test_no_two_records_for_one_thing(kinds: tuple[str, ...], field: str) -> None:
    seen: dict[str, str] = {}
    for record in RECORDS:
        if record["kind"] in kinds:
            names = {record[field], *record.get("variants_fa", ())}
            for name in names:
                assert name not in seen, f"{record['id']} and {seen[name]} are both «{name}»"
                seen[name] = record["id"]


def test_no_duplicate_events() -> None:
    seen: dict[tuple[Any, ...], str] = {}
    for event in of_kind("event"):
        date = event["date"]["jalali"] if event["date"] else None
        key = (event["type"], date, frozenset(event["participants"]), event.get("place_en"))
        assert key not in seen, f"{event['id']} duplicates {seen[key]}"
        seen[key] = event["id"]


# --------------------------------------------------------------------------------------------
# Trade: stated values exactly, derived values recomputed
# --------------------------------------------------------------------------------------------

STATED_TRADE = [
    # year, span, direction, tonnes, usd, tonnes growth %, usd growth %, qualifiers
    (1400, 1, "total", 729_000, 265_200_000, 71, 29, "nearly", None),
    (1400, 1, "export", 512_000, 187_200_000, 51, 11, "more than", None),
    (1400, 1, "import", 217_000, 78_000_000, 141, 108, None, None),
    (None, 20, "total", 15_400_000, 6_000_000_000, None, None, "more than", "approximately"),
    (None, 20, "export", 4_204_000, 2_317_000_000, None, None, None, None),
    (None, 20, "import", 11_185_000, 3_635_000_000, None, None, None, None),
]


def _trade(year: int | None, span: int, direction: str) -> Mapping[str, Any]:
    rows = [r for r in of_kind("trade")
            if (r["year"], r["span_years"], r["direction"]) == (year, span, direction)]
    assert len(rows) == 1, f"{len(rows)} trade records for {year}/{span}/{direction}"
    return rows[0]


@pytest.mark.parametrize("row", STATED_TRADE, ids=lambda r: f"{r[0]}-{r[1]}y-{r[2]}")
def test_stated_trade_values(row: tuple[Any, ...]) -> None:
    year, span, direction, tonnes, usd, g_t, g_u, q_t, q_u = row
    record = _trade(year, span, direction)
    assert record["derived"] is False
    assert (record["tonnes"], record["usd"]) == (tonnes, usd)
    assert (record["tonnes_growth_pct"], record["usd_growth_pct"]) == (g_t, g_u)
    assert (record.get("tonnes_qualifier"), record.get("usd_qualifier")) == (q_t, q_u)


def test_trade_records_are_the_stated_and_the_derived_ones() -> None:
    keys = sorted((r["year"] or 0, r["span_years"], r["direction"]) for r in of_kind("trade"))
    expected = sorted([(y or 0, s, d) for y, s, d, *_ in STATED_TRADE]
                      + [(1399, 1, d) for d in ("total", "export", "import")])
    assert keys == expected


def _nearest(x: Fraction, step: int) -> int:
    return int((x / step + Fraction(1, 2)) // 1) * step


@pytest.mark.parametrize("direction", ["total", "export", "import"])
def test_1399_values_recompute_from_1400_to_the_nearest_tenth(direction: str) -> None:
    base = _trade(1400, 1, direction)
    derived = _trade(1399, 1, direction)
    tonnes = Fraction(base["tonnes"]) / (1 + Fraction(base["tonnes_growth_pct"], 100))
    usd = Fraction(base["usd"]) / (1 + Fraction(base["usd_growth_pct"], 100))
    assert derived["derived"] is True and derived["formula"].strip()
    assert list(derived["derived_from"]) == [base["id"]]
    assert derived["tonnes"] == _nearest(tonnes, 100), "1399 tonnes: nearest 0.1 thousand t"
    assert derived["usd"] == _nearest(usd, 100_000), "1399 USD: nearest $0.1 million"


def test_every_derived_value_has_formula_and_inputs() -> None:
    for record in RECORDS:
        if record.get("derived"):
            assert record.get("formula", "").strip(), record["id"]
            assert record.get("derived_from"), record["id"]
            for source in record["derived_from"]:
                assert BY_ID[source].get("derived") is not True, (
                    f"{record['id']} is derived from another derived value")


def test_1400_parts_add_up_to_the_total() -> None:
    total, export, imp = (_trade(1400, 1, d) for d in ("total", "export", "import"))
    assert export["tonnes"] + imp["tonnes"] == total["tonnes"]
    assert export["usd"] + imp["usd"] == total["usd"]


# --------------------------------------------------------------------------------------------
# Documents, missions, resources, persons, profile, culture, events
# --------------------------------------------------------------------------------------------

def test_nine_documents_in_the_order_of_paragraph_10() -> None:
    titles = re.findall(r"«([^»]+)»", LINES[9])
    assert len(titles) == 9
    docs = sorted(of_kind("document"), key=lambda d: d["index"])
    assert [d["index"] for d in docs] == list(range(1, 10))
    for doc, title in zip(docs, titles, strict=True):
        assert doc["title_fa"] == title, doc["id"]
        assert doc["type"] == ("programme" if title.startswith("برنامه") else "mou"), doc["id"]
        assert {p["country"] for p in doc["parties"]} == {"IR", "KZ"}, doc["id"]
        for party in doc["parties"]:
            org = BY_ID[party["org"]]
            spellings = {party["name_fa"], org["name_fa"], *org.get("variants_fa", ())}
            spellings |= {s["quote"] for s in org["sources"] if s["paragraph"] == 10}
            assert any(s in title for s in spellings), f"{doc['id']}: {party['name_fa']}"
            assert org["country"] == party["country"], doc["id"]


P22_MISSIONS = {
    ("IR", "KZ", "embassy", "آستانه"),
    ("IR", "KZ", "consulate_general", "آلماتی"),
    ("IR", "KZ", "consulate_general", "آکتائو"),
    ("KZ", "IR", "consulate_general", "گرگان"),
}


def test_missions_four_stated_in_paragraph_22_others_inferred() -> None:
    stated = {(m["country"], m["host_country"], m["type"], m["city_fa"])
              for m in of_kind("mission") if any(s["paragraph"] == 22 for s in m["sources"])}
    assert stated == P22_MISSIONS
    for mission in of_kind("mission"):
        if not any(s["paragraph"] == 22 for s in mission["sources"]):
            assert mission.get("inferred", {}).get("how"), f"{mission['id']} is not marked inferred"


RESOURCES = {  # resource_fa: (rank, rank_band) as paragraph 35 states them
    "اورانیوم": (2, None), "کروم": (2, None), "روی": (2, None), "سرب": (2, None),
    "منگنز": (3, None), "مس": (4, None),
    "زغال سنگ": (None, "top-10"), "آهن": (None, "top-10"), "طلا": (None, "top-10"),
    "نفت": (11, None), "گاز طبیعی": (11, None),
}


def test_eleven_reserve_rankings() -> None:
    got = {r["resource_fa"]: (r["rank"], r["rank_band"]) for r in of_kind("resource")}
    assert got == RESOURCES
    for resource in of_kind("resource"):
        assert resource["resource_fa"] in LINES[34]
        assert resource.get("estimated") is True, resource["id"]


VARIANTS = {
    "person-tokayev": {"قاسم ژومارت توکایف", "قاسم ژورمات توکایف", "توکایف"},
    "person-nazarbayev": {"نورسلطان نظربایف"},
    "person-raisi": {"آیت الله سید ابراهیم رئیسی", "رئیسی"},
    "person-khamenei": {"آیتالله خامنهای"},
    "person-latifi": {"سید روح اله لطیفی"},
    "person-sultanov": {"بخت سلطان اوف", "بخیت سلطاناف"},
    "person-mokhber": {"مخبر"},
    "person-orazbay": {"اسخت اورازبای", "اورازبای"},
    "person-farabi": {"فارابی"},
}
# Name parts to find in the text: every hit must lie inside one of the person's variants.
NAME_PARTS = {
    "person-tokayev": ["قاسم", "ژومارت", "ژورمات", "توکایف"],
    "person-nazarbayev": ["نظربایف"],
    "person-raisi": ["ابراهیم", "رئیسی"],
    "person-khamenei": ["خامنهای"],
    "person-latifi": ["روح اله", "لطیفی"],
    "person-sultanov": ["بخت", "بخیت", "سلطان اوف", "سلطاناف"],
    "person-mokhber": ["مخبر"],
    "person-orazbay": ["اسخت", "اورازبای"],
    "person-farabi": ["فارابی"],
}
ROLES = {
    "person-tokayev": ("KZ", ["President of Kazakhstan"]),
    "person-nazarbayev": ("KZ", ["first President"]),
    "person-raisi": ("IR", ["President of the Islamic Republic of Iran"]),
    "person-khamenei": ("IR", ["Leader of the Islamic Revolution"]),
    "person-latifi": ("IR", ["Spokesman of the Customs"]),
    "person-sultanov": ("KZ", ["Deputy Prime Minister", "Minister of Trade and Integration"]),
    "person-mokhber": ("IR", ["First Vice-President"]),
    "person-orazbay": ("KZ", ["Ambassador"]),
    "person-farabi": (None, ["philosopher"]),
}


@pytest.mark.parametrize("person_id", FIXED_PERSONS)
def test_person_spellings_are_every_spelling_in_the_article(person_id: str) -> None:
    person = BY_ID[person_id]
    variants = set(person["variants_fa"])
    assert variants == VARIANTS[person_id]
    assert person["name_fa"] in ARTICLE
    for variant in variants:
        assert variant in ARTICLE, f"{person_id}: «{variant}» is not in the article"
    for n, line in enumerate(LINES, 1):
        spans = [(m.start(), m.end()) for v in variants for m in re.finditer(re.escape(v), line)]
        for part in NAME_PARTS[person_id]:
            for m in re.finditer(rf"(?<![^\W\d_]){re.escape(part)}(?![^\W\d_])", line):
                assert any(a <= m.start() and m.end() <= b for a, b in spans), (
                    f"{person_id}: p{n} spelling around «{part}» is not among variants_fa")


@pytest.mark.parametrize("person_id", FIXED_PERSONS)
def test_person_roles_and_country(person_id: str) -> None:
    person = BY_ID[person_id]
    country, roles = ROLES[person_id]
    assert person.get("country") == country
    role_text = " | ".join(r["en"] for r in person["roles"])
    for role in roles:
        assert role.lower() in role_text.lower(), f"{person_id}: no role '{role}'"
    assert all(r["fa"].strip() for r in person["roles"])


@pytest.mark.parametrize("kind", ["organization", "place"])
def test_names_are_spelled_as_in_the_article(kind: str) -> None:
    for record in of_kind(kind):
        spellings = [record["name_fa"], *record.get("variants_fa", ())]
        assert any(s in ARTICLE for s in spellings), f"{record['id']}: «{record['name_fa']}»"


BORDERS = [("north", "روسیه"), ("east", "چین"), ("south-east", "قرقیزستان"),
           ("south", "ازبکستان"), ("south-west", "ترکمنستان")]


def test_country_profile() -> None:
    facts = {r["id"]: r for r in of_kind("fact")}
    assert facts["fact-population"]["value"] == 17_000_000
    assert facts["fact-area"]["value"] == 2_717_300
    assert facts["fact-area"]["unit"] == "km2"
    borders = facts["fact-borders"]["borders"]
    assert [(b["direction"], b["country_fa"]) for b in borders] == BORDERS
    for border in borders:
        assert BY_ID[border["place"]]["name_fa"] == border["country_fa"]
    profile = {r["id"] for r in of_kind("fact") if r["topic"] == "profile"}
    for needed in ("fact-largest-landlocked-country", "fact-economy-agriculture",
                   "fact-sco-member", "fact-caspian-shores", "fact-highest-gdp-newly-independent"):
        assert needed in profile


@pytest.mark.parametrize(("paragraph", "items"), [(41, None), (42, 6), (43, 7), (44, None)])
def test_cultural_ties(paragraph: int, items: int | None) -> None:
    facts = [r for r in of_kind("fact") if r["topic"] == "culture"
             and any(s["paragraph"] == paragraph for s in r["sources"])]
    assert facts, f"no culture fact for paragraph {paragraph}"
    if items is not None:
        listed = [i for f in facts for i in f.get("items", ())]
        assert len(listed) == items
        for item in listed:
            assert item["fa"] in LINES[paragraph - 1], item


# event id: (type, jalali, gregorian, precision, basis), from a reading of the article
EVENTS = {
    "event-kazakhstan-independence": ("independence", "1370-09-25", "1991-12-16", "day", "stated"),
    "event-iran-recognizes-kazakhstan": ("recognition", None, None, None, None),
    "event-tokayev-state-visit-tehran": ("visit", "1401-03-29", "2022-06-19", "day", "inferred"),
    "event-capital-renamed-nur-sultan": ("renaming", "1398-01", "2019-03-21/2019-04-20", "month",
                                         "stated"),
    "event-raisi-tokayev-sco-meeting-tajikistan": ("meeting", "1400", "2021-03-21/2022-03-20",
                                                   "year", "inferred"),
    "event-kiti-first-train": ("shipment", "1401-03-28", "2022-06-18", "day", "inferred"),
    "event-almaty-nuclear-talks": ("talks", "1391", "2012-03-20/2013-03-20", "year", "stated"),
    "event-astana-syria-talks": ("talks", None, None, None, None),
    "event-signing-nine-documents": ("signing", "1401-03-29", "2022-06-19", "day", "inferred"),
    "event-leader-receives-tokayev": ("meeting", "1401-03-29", "2022-06-19", "day", "inferred"),
    # the article says only "during this week's visit": the visit's first day to the week's end
    "event-raisi-tokayev-talks-tehran": ("talks", "1401-03-29/1401-04-03", "2022-06-19/2022-06-24",
                                         "range", "inferred"),
    "event-kazakhstan-coup-attempt": ("coup-attempt", "1400-10", "2021-12-22/2022-01-20", "month",
                                      "inferred"),
    "event-medical-exhibition-visit": ("exhibition", "1401-03-29/1401-04-03",
                                       "2022-06-19/2022-06-24", "range", "inferred"),
    "event-sulfur-train-42-wagons": ("shipment", "1401-03-29/1401-04-03", "2022-06-19/2022-06-24",
                                     "range", "inferred"),
    "event-sultanov-meets-industry-minister": ("meeting", "1401-02", "2022-04-21/2022-05-21",
                                               "month", "inferred"),
    "event-sultanov-meets-mokhber": ("meeting", None, None, None, None),  # the article: no date
    "event-kazakh-30-member-delegation": ("delegation", "1401-02", "2022-04-21/2022-05-21",
                                          "month", "inferred"),
}


def test_every_event_the_article_mentions() -> None:
    assert sorted(r["id"] for r in of_kind("event")) == sorted(EVENTS)


@pytest.mark.parametrize("event_id", sorted(EVENTS))
def test_event_dates(event_id: str) -> None:
    event = BY_ID[event_id]
    kind, jalali, gregorian, precision, basis = EVENTS[event_id]
    assert event["type"] == kind
    date = event["date"]
    if jalali is None:
        assert date is None
        return
    assert (date["jalali"], date["gregorian"], date["precision"], date["basis"]) == (
        jalali, gregorian, precision, basis)


def test_independence_keeps_the_articles_wrong_jalali_claim() -> None:
    date = BY_ID["event-kazakhstan-independence"]["date"]
    assert date["stated_jalali"] == "1370-09-17"
    assert date["stated_gregorian"] == "1991-12-16"
    assert "wrong" in date["note"], "the note must say that 17 Azar 1370 is not 16 December 1991"


# --------------------------------------------------------------------------------------------
# Dates: both calendars agree, intervals are exact, inferred dates say how
# --------------------------------------------------------------------------------------------

def _jalali(text: str) -> jdatetime.date:
    y, m, d = map(int, text.split("-"))
    return jdatetime.date(y, m, d)


def _jalali_interval(text: str) -> str:
    """'1400-10' or '1400' (Jalali) → the Gregorian ISO interval of its first and last day."""
    parts = list(map(int, text.split("-")))
    if len(parts) == 2:
        y, m = parts
        first, after = jdatetime.date(y, m, 1), (
            jdatetime.date(y + 1, 1, 1) if m == 12 else jdatetime.date(y, m + 1, 1))
    else:
        first, after = jdatetime.date(parts[0], 1, 1), jdatetime.date(parts[0] + 1, 1, 1)
    last = after.togregorian() - dt.timedelta(days=1)
    return f"{first.togregorian().isoformat()}/{last.isoformat()}"


def _gregorian_interval(text: str) -> str:
    """'2021-12' or '2021' (Gregorian) → the Jalali interval of its first and last day."""
    parts = list(map(int, text.split("-")))
    if len(parts) == 2:
        y, m = parts
        first = dt.date(y, m, 1)
        after = dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1)
    else:
        first, after = dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)
    last = after - dt.timedelta(days=1)
    to_j = jdatetime.date.fromgregorian
    return f"{to_j(date=first).isoformat()}/{to_j(date=last).isoformat()}"


ALL_DATES = [(f"{r['id']}.{path}", d) for r in RECORDS for path, d in date_objects(r)]
ALL_DATES += [(f"meta.{path}", d) for path, d in date_objects(RAW["meta"])]


@pytest.mark.parametrize(("where", "date"), ALL_DATES, ids=[w for w, _ in ALL_DATES])
def test_date_calendars_agree(where: str, date: Mapping[str, Any]) -> None:
    jalali, gregorian = date["jalali"], date["gregorian"]
    if date["precision"] == "range":
        ends = [(a, b) for a, b in zip(jalali.split("/"), gregorian.split("/"), strict=True)]
        assert len(ends) == 2 and ends[0][1] < ends[1][1]
        for j, g in ends:
            assert _jalali(j).togregorian() == dt.date.fromisoformat(g)
    elif date["precision"] == "day":
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", jalali) and re.fullmatch(r"\d{4}-\d{2}-\d{2}",
                                                                           gregorian)
        assert _jalali(jalali).togregorian() == dt.date.fromisoformat(gregorian)
        assert jdatetime.date.fromgregorian(date=dt.date.fromisoformat(gregorian)) == _jalali(
            jalali)
    else:
        pattern = r"\d{4}-\d{2}" if date["precision"] == "month" else r"\d{4}"
        if re.fullmatch(pattern, jalali):
            assert gregorian == _jalali_interval(jalali)
        else:
            assert re.fullmatch(pattern, gregorian), f"neither side is a {date['precision']}"
            assert jalali == _gregorian_interval(gregorian)
    if date["basis"] == "inferred":
        assert isinstance(date["note"], str) and date["note"].strip()
    if date.get("stated_weekday") and date["precision"] == "day":
        weekday = dt.date.fromisoformat(gregorian).strftime("%A")
        assert date["stated_weekday"] == weekday or "wrong" in (date["note"] or ""), (
            f"the article's {date['stated_weekday']} is a {weekday}, and the note does not say so")


def test_stated_dates_quote_a_cited_paragraph() -> None:
    checked, bad = 0, []
    for where, date in ALL_DATES:
        record = BY_ID.get(where.split(".", 1)[0])
        if date["stated"] is None or record is None:
            continue
        checked += 1
        if not any(date["stated"] in LINES[s["paragraph"] - 1] for s in record["sources"]):
            bad.append(f"{where}: «{date['stated']}»")
    assert checked >= 20
    assert not bad, "stated dates that are not verbatim in a cited paragraph: " + "; ".join(bad)


# Relative expressions and what they resolve to against the publication week (Sunday 19 June 2022
# = 29 Khordad 1401; Iranian week Saturday 28 Khordad - Friday 3 Tir 1401).
RELATIVE = [("دی ماه سال گذشته", "1400-10"), ("سال گذشته", "1400"), ("ماه گذشته", "1401-02")]
THIS_WEEK = ("این هفته", "این هفه", "این سفر", "همزمان", "پیش از ورود")


def _resolve_relative(stated: str) -> str | None:
    """What the article's relative words must resolve to: a Jalali value, 'week', or None."""
    for words, jalali in RELATIVE:
        if words in stated:
            return jalali
    return "week" if any(words in stated for words in THIS_WEEK) else None


def test_relative_dates_are_inferred_against_the_publication_week() -> None:
    relative = [(w, d, _resolve_relative(d["stated"])) for w, d in ALL_DATES
                if d["stated"] and _resolve_relative(d["stated"])]
    assert len(relative) >= 15
    for where, date, expected in relative:
        assert date["basis"] == "inferred", where
        if expected == "week":
            assert "1401-03-28" <= date["jalali"] <= "1401-04-03", where
        else:
            assert date["jalali"] == expected, where


def test_publication_date() -> None:
    published = RAW["meta"]["published"]
    assert (published["jalali"], published["gregorian"], published["precision"]) == (
        "1401-03-29", "2022-06-19", "day")
    assert published["basis"] == "inferred" and published["note"]


# --------------------------------------------------------------------------------------------
# Schema: our validator and jsonschema agree on the shipped KB and on broken copies
# --------------------------------------------------------------------------------------------

VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_shipped_kb_validates_with_both_validators() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(RAW)]
    assert not errors
    assert first_violation(RAW, SCHEMA) is None


def _mutations() -> list[tuple[str, Any]]:
    """Copies of the shipped KB, each broken (or not) in one place."""
    out: list[tuple[str, Any]] = [("shipped", RAW)]

    def changed(label: str, index: int, key: str, value: Any) -> None:
        doc = dict(RAW, records=list(RAW["records"]))
        record = copy.deepcopy(RAW["records"][index])
        if value is ...:
            record.pop(key, None)
        else:
            record[key] = value
        doc["records"][index] = record
        out.append((label, doc))

    for i, record in enumerate(RAW["records"][::7]):
        index = i * 7
        changed(f"{record['id']}: no summary", index, "summary_en", ...)
        changed(f"{record['id']}: kind changed", index, "kind",
                "place" if record["kind"] != "place" else "fact")
        changed(f"{record['id']}: number as text", index, "sources",
                [{"paragraph": "1", "quote": "x"}])
        changed(f"{record['id']}: extra field", index, "note_en", "fine")
        changed(f"{record['id']}: bad id", index, "id", "Not Kebab")
    return out


@pytest.mark.parametrize(("label", "doc"), _mutations(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_kzir_schema_check_agrees_with_the_reference_validator(label: str, doc: Any) -> None:
    """kzir checks --kb files with jsonschema-rs; the pure-Python jsonschema is the reference."""
    assert (first_violation(doc, SCHEMA) is None) == VALIDATOR.is_valid(doc)


def _record_index(record_id: str) -> int:
    return next(i for i, r in enumerate(RAW["records"]) if r["id"] == record_id)


def _broken(record_id: str, path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """A copy of the KB with one field of one record set to value (or deleted if value is ...)."""
    doc = dict(RAW, records=list(RAW["records"]))
    i = _record_index(record_id)
    doc["records"][i] = record = copy.deepcopy(RAW["records"][i])
    for key in path[:-1]:
        record = record[key]
    if value is ...:
        del record[path[-1]]
    else:
        record[path[-1]] = value
    return doc


BROKEN = [  # label, record, field path, new value (... = delete), field named in the error
    ("missing sources", "trade-1400-total", ("sources",), ..., "sources"),
    ("bad direction", "trade-1400-export", ("direction",), "sideways", "direction"),
    ("bad date basis", "doc-01-political-studies", ("signed", "basis"), "guessed",
     "signed.basis"),
    ("tonnes as text", "trade-1400-total", ("tonnes",), "729,000", "tonnes"),
    ("paragraph as text", "fact-area", ("sources",), [{"paragraph": "33", "quote": "x"}],
     "sources[0].paragraph"),
    ("inferred date without note", "event-kazakhstan-coup-attempt", ("date", "note"), "",
     "date.note"),
]


@pytest.mark.parametrize(("label", "record_id", "path", "value", "field"), BROKEN,
                         ids=[b[0] for b in BROKEN])
def test_broken_copies_are_rejected(label: str, record_id: str, path: tuple[str, ...],
                                    value: Any, field: str, tmp_path: Path) -> None:
    doc = _broken(record_id, path, value)
    assert not VALIDATOR.is_valid(doc), f"jsonschema accepts: {label}"
    violation = first_violation(doc, SCHEMA)
    assert violation is not None, f"kzir.schema accepts: {label}"
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KbError) as caught:
        kbmod.load(path)
    message = str(caught.value)
    assert record_id in message and field in message, message


def test_duplicate_id_is_rejected_naming_the_id(tmp_path: Path) -> None:
    doc = dict(RAW, records=[*RAW["records"], RAW["records"][_record_index("fact-area")]])
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KbError, match="fact-area"):
        kbmod.load(path)


def test_loading_never_modifies_the_file() -> None:
    shipped = Path(str(kbmod.data_file("kb.json")))  # the installed copy, loaded by its path
    folder = sorted(p.name for p in shipped.parent.iterdir())
    before = (shipped.read_bytes(), shipped.stat().st_mtime_ns)
    loaded = kbmod.load(shipped)
    assert len(loaded.records) == len(RAW["records"])
    assert (shipped.read_bytes(), shipped.stat().st_mtime_ns) == before
    assert sorted(p.name for p in shipped.parent.iterdir()) == folder


# --------------------------------------------------------------------------------------------
# Saying no more than the article: outside names marked, both languages naming the same things
# --------------------------------------------------------------------------------------------

def _mentions() -> list[tuple[re.Pattern[str], set[str], str]]:
    """(English name pattern, Persian spellings, record id) for every person and place."""
    out = []
    for r in RECORDS:
        if r["kind"] == "person":
            english = r["name_en"].split()[-1].replace("Al-", "")
        elif r["kind"] == "place":
            english = re.sub(r" \(.*| province| border crossing| port", "", r["name_en"])
        else:
            continue
        persian = {r["name_fa"], *r.get("variants_fa", [])}
        persian |= {re.sub(r"^(?:استان|مرز|بندر) ", "", p) for p in persian}
        persian |= {p.split()[-1] for p in persian if r["kind"] == "person"}
        if r["id"] == "place-iran":
            persian |= {"کشورمان", "جمهوری اسلامی", "تهران"}  # how the article names Iran
        out.append((re.compile(rf"\b{re.escape(english)}\b"), persian, r["id"]))
    return out


def test_every_persian_summary_names_what_the_english_one_names() -> None:
    """A Persian reader gets the same people and places as an English one (issue 12, point 4)."""
    flat = lambda text: text.replace("\u200c", "").replace(" ", "")  # noqa: E731
    missing = [f"{r['id']}: {pattern.pattern}" for r in RECORDS
               for pattern, persian, _ in _mentions()
               if pattern.search(r["summary_en"])
               and not any(flat(p) in flat(r["summary_fa"]) for p in persian)]
    assert not missing, missing


def test_state_visit_is_an_outside_label_only() -> None:
    """The article says «سفر» (a trip at the head of a delegation), never 'state visit'."""
    def strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if key != "context_notes":
                    yield from strings(item, f"{path}.{key}")
        elif isinstance(value, list):
            for item in value:
                yield from strings(item, path)
        elif isinstance(value, str):
            yield path, value
    said = [(r["id"], p) for r in [RAW["meta"], *RECORDS] for p, text in strings(r)
            if "state visit" in text.lower()]
    assert not said, said
    notes = BY_ID["event-tokayev-state-visit-tehran"]["context_notes"]
    assert any("state visit" in n["text_en"] and n["source"] for n in notes)


def test_outside_names_are_marked_as_identifications() -> None:
    for rid, name in [("org-ir-customs", "IRICA"), ("org-acd", "Asia Cooperation Dialogue"),
                      ("org-kz-kazmunaygas", "KazMunayGas"),
                      ("org-kz-temir-zholy", "Kazakhstan Temir Zholy"),
                      ("doc-08-oil-gas", "KazMunayGas")]:
        marks = BY_ID[rid]["identified_as"]
        assert any(name in m["text"] or m["text"] in name for m in marks), rid
    for r in RECORDS:
        for mark in r.get("identified_as", []):
            field = mark["field"]
            if field == "parties.name_en":
                values = [p["name_en"] for p in r["parties"]]
            else:
                values = [r[field]]
            assert any(mark["text"] in v for v in values), (r["id"], mark)
            assert mark["source"] and mark["how"]


def test_aliases_are_sourced_context_notes() -> None:
    with_aliases = {r["id"]: r["aliases"] for r in RECORDS if r.get("aliases")}
    assert {"KTZ", "Kazinform"} <= {a["text"] for aliases in with_aliases.values()
                                    for a in aliases}
    for rid, aliases in with_aliases.items():
        for alias in aliases:
            assert alias["source"] and alias["note"] and alias["lang"] in ("en", "fa", "kk", "ru")
            assert alias["text"] != BY_ID[rid].get("name_fa"), (rid, alias)


def test_derived_figures_are_approximate_not_bounds() -> None:
    for r in of_kind("trade"):
        if r.get("derived"):
            assert r["tonnes_qualifier"] == r["usd_qualifier"] == "approximately", r["id"]
    assert "not a bound" in BY_ID["trade-1399-export"]["formula"]


def test_fixed_readings_of_the_article() -> None:
    """Places an earlier KB said more than, or other than, the article."""
    assert "To the west" not in next(p for p in RAW["paragraphs"] if p["n"] == 2)["en"]
    assert 7 in {s["paragraph"] for s in BY_ID["event-iran-recognizes-kazakhstan"]["sources"]}
    assert "حفظ حسن همجواری" in LINES[30]
    for rid in ("fact-sultanov-goals-aligned", "event-sultanov-meets-mokhber"):
        assert "good neighbourliness" in BY_ID[rid]["summary_en"], rid
    sanctions = BY_ID["fact-ambassador-no-action-under-sanctions"]["summary_en"]
    assert "IRNA heads" in sanctions
    independence = BY_ID["event-kazakhstan-independence"]["summary_fa"]
    assert "۱۷ آذرماه" in independence and "۲۵ آذر" in independence
    q1 = BY_ID["fact-q1-1401-trade-increase"]
    assert q1["period_ambiguous"] is True
    assert {p["reading"] for p in q1["period_readings"]} == {"jalali-q1-1401", "gregorian-q1-2022"}


def test_record_kinds_are_declared_once_and_match_the_schema() -> None:
    """kzir.model.KIND_DECLARATIONS is the one list of kinds; the schema declares the same."""
    from kzir import model

    schema_kinds = set(SCHEMA["$defs"]["record"]["properties"]["kind"]["enum"])
    assert set(model.KINDS) == schema_kinds
    assert set(model.RECORD_CLASSES) == schema_kinds
    prefixes = {r["id"].split("-")[0] for r in RAW["records"]}
    assert prefixes <= model.ID_PREFIXES
    assert all(model.KIND_ALIASES[a] == k.name for k in model.KIND_DECLARATIONS
               for a in k.aliases)
