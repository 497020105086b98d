"""`kzir search`: normalisation, cross-lingual reach, literal queries, ranking output, the CLI.

Everything runs against the real bundled KB (or a copy of it with one record added); no timing
assertions here (the scaling benchmark is benchmarks/search_scale.py).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzir import kb as kbmod
from kzir import search as S
from kzir.search.analysis import _compound_parts as compound_parts

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "data" / "questions_dev.jsonl"


@pytest.fixture(scope="module")
def base() -> kbmod.KB:
    return kbmod.load()


def ids(base: kbmod.KB, query: str, n: int = 5, **kw: Any) -> list[str]:
    return [h.id for h in S.search(base, query, limit=n, **kw).hits]


def ranking(base: kbmod.KB, query: str, n: int = 10) -> list[tuple[str, float]]:
    return [(h.id, h.score) for h in S.search(base, query, limit=n).hits]


# --------------------------------------------------------------------------------------------
# Normalisation: the ways people type the same thing give the same results
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "canonical"), [
    ("رئيس جمهور قزاقستان", "رئیس جمهور قزاقستان"),       # Arabic yeh
    ("كنسولگري ايران", "کنسولگری ایران"),                 # Arabic kaf and yeh
    ("صادرات ۱۴۰۰", "صادرات 1400"),                       # Persian digits
    ("صادرات ١٤٠٠", "صادرات 1400"),                       # Arabic-Indic digits
    ("کِشوَرهای همسایه", "کشورهای همسایه"),                 # diacritics
    ("اورانـــیوم", "اورانیوم"),                           # tatweel
    ("URANIUM!!!", "uranium"),                            # case and punctuation
    ("Consulates?", "consulate"),                         # plural
    ("Kazakhstan's consulates", "kazakhstan consulate"),  # possessive
])
def test_typing_variants_give_identical_rankings(base: kbmod.KB, typed: str,
                                                 canonical: str) -> None:
    assert ranking(base, typed) == ranking(base, canonical)
    assert ranking(base, typed), canonical


def test_fold_unifies_letters_digits_marks_and_case() -> None:
    assert S.fold("ي ك ى ة ۀ أ إ") == S.fold("ی ک ی ه ه ا ا")
    assert S.fold("۱۲۳٫۵ ١٢٣") == S.fold("123.5 123")
    assert S.fold("تقریباً کِتاب") == S.fold("تقریبا کتاب")
    assert S.fold("Nur-Sultan") == S.fold("nur sultan")
    assert S.fold("رئیس\u200cجمهور") == S.fold("رئیس جمهور")  # ZWNJ is a space


@pytest.mark.parametrize("typed", ["رئیس‌جمهور قزاقستان", "رئیس جمهور قزاقستان",
                                   "رئیسجمهور قزاقستان"])
def test_zwnj_space_and_fused_compounds_all_find_the_president(base: kbmod.KB,
                                                               typed: str) -> None:
    assert "person-tokayev" in ids(base, typed, 3)


@pytest.mark.parametrize("typed", ["تفاهم‌نامه صداوسیما", "تفاهم نامه صدا و سیما",
                                   "تفاهمنامه صداوسیما"])
def test_memorandum_spellings_all_find_the_irib_document(base: kbmod.KB, typed: str) -> None:
    assert "doc-07-media" in ids(base, typed, 3)


# The three ways a compound is typed: with a ZWNJ, spaced, fused (the article has no ZWNJ).
COMPOUNDS = [
    ("رئیس‌جمهور قزاقستان", "رئیس جمهور قزاقستان", "رئیسجمهور قزاقستان"),
    ("راه‌آهن", "راه آهن", "راهآهن"),
    ("تفاهم‌نامه", "تفاهم نامه", "تفاهمنامه"),
    ("آیت‌الله خامنه‌ای", "آیت الله خامنه ای", "آیتالله خامنهای"),
    ("صدا و سیما", "صدا‌و‌سیما", "صداوسیما"),
    ("کشورهای هم‌مرز قزاقستان", "کشورهای هم مرز قزاقستان", "کشورهای هممرز قزاقستان"),
]


@pytest.mark.parametrize("forms", COMPOUNDS, ids=lambda forms: forms[2])
def test_compound_forms_give_identical_results_from_the_installed_command(
        kzir_process, forms: tuple[str, str, str]) -> None:
    results = []
    for typed in forms:
        run = kzir_process("search", typed, "--json", "-n", "20")
        assert run.code == 0, run.err
        results.append([(row["id"], row["score"]) for row in json.loads(run.out)])
    assert results[0], forms
    assert results[0] == results[1] == results[2]


@pytest.mark.parametrize("forms", COMPOUNDS, ids=lambda forms: forms[2])
@pytest.mark.parametrize("context", ["{}", "{} ایران", "ایران و {} در قزاقستان"])
def test_compound_forms_give_identical_rankings_in_context(base: kbmod.KB, context: str,
                                                           forms: tuple[str, str, str]) -> None:
    zwnj, spaced, fused = (ranking(base, context.format(f), 20) for f in forms)
    assert zwnj == spaced == fused


def test_every_compound_of_the_data_ranks_the_same_however_typed(base: kbmod.KB) -> None:
    # Not a list of cases: every word of the article's Persian text that can be written as two
    # words of it (رئیسجمهور, راهآهن, آیتالله, خامنهای, …), typed the three ways.
    index = S.index_for(base)
    compounds = [(word, parts) for word in sorted(S.unfold(w) for w in index.words("fa"))
                 if not any(ch.isdigit() for ch in word)
                 for parts in compound_parts(word, index.lexicon)[:1] if len(parts) == 2]
    assert len(compounds) > 20
    for word, parts in compounds:
        fused = ranking(base, word + " قزاقستان")
        assert ranking(base, " ".join(parts) + " قزاقستان") == fused, parts
        assert ranking(base, "\u200c".join(parts) + " قزاقستان") == fused, parts


def test_compound_forms_are_one_query_term(base: kbmod.KB) -> None:
    lexicon = S.index_for(base).lexicon
    labels = {tuple(t.label for t in S.analyse(typed, lexicon).terms)
              for typed in ("راه‌آهن ایران", "راه آهن ایران", "راهآهن ایران")}
    assert len(labels) == 1


def test_data_counts_fused_and_spaced_occurrences_of_a_compound(base: kbmod.KB) -> None:
    # The article writes «رئیسجمهور» and «رئیس جمهور»: one term finds both, however typed.
    term = next(t for t in S.analyse("رئیس‌جمهور", S.index_for(base).lexicon).terms)
    spellings = {S.unfold(s.text) for s in term.spellings}
    assert {"رئیسجمهور", "رئیس جمهور"} <= spellings


@pytest.mark.parametrize("typed", ["تفاهم‌نامه", "تفاهم نامه", "تفاهمنامه"])
def test_memorandum_alone_finds_the_signed_documents(base: kbmod.KB, typed: str) -> None:
    hits = S.search(base, typed, limit=5).hits
    assert sum(h.kind == "document" for h in hits) >= 2
    assert all(h.id != "event-capital-renamed-nur-sultan" for h in hits)


@pytest.mark.parametrize("typed", ["آیت‌الله خامنه‌ای", "آیت الله خامنه ای", "آیتالله خامنهای"])
def test_ayatollah_khamenei_finds_him_first(base: kbmod.KB, typed: str) -> None:
    assert ids(base, typed, 1) == ["person-khamenei"]


def test_a_slip_of_the_data_does_not_join_a_function_word(base: kbmod.KB) -> None:
    # The article once writes «درجنوب» and «وقزاقستان» fused: «در جنوب» and «ایران و قزاقستان»
    # stay separate words, so «قزاقستان» is still looked for on its own.
    labels = [t.label for t in S.analyse("ایران و قزاقستان", S.index_for(base).lexicon).terms]
    assert "قزاقستان" in labels
    assert ids(base, "در جنوب", 5) and "جنوب" in [
        t.label for t in S.analyse("در جنوب", S.index_for(base).lexicon).terms]


# --------------------------------------------------------------------------------------------
# Borders: general vocabulary and colloquial endings
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "قزاقستان با کدوم کشورها همسایه‌ست",
    "قزاقستان با کدوم کشورها همسایه ست",
    "قزاقستان با کدوم کشورها همسایهست",
    "کشورهای همسایه قزاقستان",
    "قزاقستان با چه کشورهایی هم مرزه",
    "قزاقستان با چه کشورهایی هم‌مرزه",
    "which countries border Kazakhstan",
    "neighbouring countries of Kazakhstan",
])
def test_borders_questions_find_paragraph_33(base: kbmod.KB, question: str) -> None:
    hits = S.search(base, question, limit=3).hits
    assert any(33 in h.paragraphs for h in hits), [h.id for h in hits]


def test_a_multi_word_synonym_entry_is_one_concept(base: kbmod.KB) -> None:
    # "vice president" is its own entry: "president" alone must not pull in the president's
    # synonyms (head of state) for it.
    labels = [t.label for t in S.analyse("vice president").terms if t.kind == "word"]
    assert labels == ["vice president"]


# --------------------------------------------------------------------------------------------
# A word that matches nothing: the closest word of the index
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("Tokaev", "person-tokayev"), ("Nazarbaev", "person-nazarbayev"),
    ("Tokaev visit to Tehran", "event-tokayev-state-visit-tehran"),
    ("توکائف", "person-tokayev")])
def test_a_misspelt_name_finds_the_closest_word(base: kbmod.KB, typed: str,
                                                expected: str) -> None:
    assert ids(base, typed, 1) == [expected]


def test_fuzzy_match_is_marked_in_the_explanation(cli) -> None:
    rows = cli("search", "Tokaev", "--json", "--explain", "-n", "1").json()
    term = rows[0]["explain"]["terms"][0]
    assert term["kind"] == "fuzzy" and term["term"] == "tokaev ≈ tokayev"
    plain = cli("search", "Tokaev", "--explain", "-n", "1", "--format", "plain")
    assert "tokaev ≈ tokayev" in plain.out


@pytest.mark.parametrize("query", ["uranium", "order of the signing", "Kazakhstan", "zzzzqqq"])
def test_no_fuzzy_match_for_words_that_match_or_have_no_close_word(base: kbmod.KB,
                                                                  query: str) -> None:
    assert all(t.kind != "fuzzy" for t in S.search(base, query, limit=1).query.terms)


@pytest.mark.parametrize("typed", ["265.2 million", "265,200,000", "265200000",
                                   "$265.2 million", "۲۶۵ میلیون و ۲۰۰ هزار دلار",
                                   "۲۶۵٫۲ میلیون دلار"])
def test_number_forms_find_the_1400_total(base: kbmod.KB, typed: str) -> None:
    assert ids(base, typed, 1) == ["trade-1400-total"]


def test_a_number_does_not_match_inside_a_longer_number(base: kbmod.KB) -> None:
    # English writes $265.2 million and 265,200,000: neither contains the number 265;
    # the Persian «۲۶۵ میلیون و ۲۰۰ هزار» does.
    hit = next(h for h in S.search(base, "265", limit=20, explain=True).hits
               if h.id == "trade-1400-total")
    assert hit.explain is not None
    fields = set(hit.explain["terms"][0]["fields"])
    assert fields and all(name.endswith("_fa") for name in fields)


# --------------------------------------------------------------------------------------------
# Cross-lingual reach and the synonym table
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    ("uranium", "res-uranium"),
    ("اورانیوم", "res-uranium"),
    ("customs", "org-ir-customs"),
    ("گمرک", "org-ir-customs"),
    ("how many consulates does Iran have", "mission-ir-consulate-almaty"),
    ("ایران چند تا کنسولگری داره", "mission-ir-consulate-almaty"),
    ("sales to Kazakhstan 1400", "trade-1400-export"),
    ("صادرات ایران به قزاقستان ۱۴۰۰", "trade-1400-export"),
    ("IRIB memorandum", "doc-07-media"),
    ("Farabi", "person-farabi"),
    ("فارابی", "person-farabi"),
])
def test_english_and_persian_queries_reach_the_fact(base: kbmod.KB, query: str,
                                                    expected: str) -> None:
    assert expected in ids(base, query, 3)


@pytest.mark.parametrize("word", ["treaty", "agreement", "MoU", "memorandum", "document"])
def test_agreement_words_reach_the_signed_documents(base: kbmod.KB, word: str) -> None:
    hits = S.search(base, word, limit=20).hits
    assert any(h.kind == "document" for h in hits)
    assert any({8, 10} & set(h.paragraphs) for h in hits[:3])


def test_english_query_snippet_is_english_and_persian_query_snippet_persian(
        base: kbmod.KB) -> None:
    en = S.search(base, "uranium", limit=1).hits[0]
    fa = S.search(base, "اورانیوم", limit=1).hits[0]
    assert "uranium" in en.snippet and "اورانیوم" in fa.snippet
    assert "تخمین زده" in S.search(base, "uranium", limit=1, lang="fa").hits[0].snippet


def test_colloquial_persian_question(base: kbmod.KB) -> None:
    hits = S.search(base, "چند ساله که تو ایران روی آثار فارابی تحقیق میشه", limit=3).hits
    assert 15 in hits[0].paragraphs


@pytest.mark.parametrize(("word", "stem"), [
    ("consulates", "consulat"), ("exported", "export"), ("countries", "countr"),
    ("studies", "stud"), ("Kazakhstan's", "kazakhstan")])
def test_english_stemmer(word: str, stem: str) -> None:
    assert S.stem_en(word.lower()) == stem


@pytest.mark.parametrize(("word", "stem"), [
    ("دانشگاههای", "دانشگاه"), ("کرسیها", "کرسی"), ("ایرانی", "ایران"),
    ("میکنند", "کنند"), ("میلیون", "میلیون"), ("قزاقستان", "قزاقستان")])
def test_persian_stemmer(word: str, stem: str) -> None:
    assert S.stem_fa(word) == stem


# --------------------------------------------------------------------------------------------
# Literal queries: no operators, no errors
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    '"uranium" AND (gold OR [lead])', "*", "(((", '""', "'; DROP TABLE records; --",
    "\\", "[a-z]+", "%s {0} $1", "uranium NOT gold", "-", "؟؟؟", "\u200c\u200c", "a" * 1000,
    "\x00\x1e\x1b[31m", "🙂 uranium", "9" * 400, "1" * 30 + " million", "00000",
])
def test_literal_queries_never_raise(base: kbmod.KB, query: str) -> None:
    S.search(base, query, explain=True)


def test_operators_are_words_not_operators(base: kbmod.KB) -> None:
    both = ids(base, "uranium NOT gold", 10)
    assert "res-uranium" in both and "res-gold" in both



@given(st.text(max_size=60))
def test_any_text_is_a_valid_query(query: str) -> None:
    results = S.search(kbmod.load(), query, limit=3, explain=True)
    assert len(results.hits) <= 3
    assert all(h.paragraphs for h in results.hits)


# --------------------------------------------------------------------------------------------
# Ranking and explanations
# --------------------------------------------------------------------------------------------

def test_results_are_ranked_and_limited(base: kbmod.KB) -> None:
    results = S.search(base, "Kazakhstan trade", limit=5)
    scores = [h.score for h in results.hits]
    assert [h.rank for h in results.hits] == [1, 2, 3, 4, 5]
    assert scores == sorted(scores, reverse=True)
    assert results.total > 5


def test_kinds_filter(base: kbmod.KB) -> None:
    hits = S.search(base, "uranium", kinds={"paragraph"}).hits
    assert [h.id for h in hits] == ["paragraph-35"]
    assert hits[0].kind == "paragraph" and hits[0].paragraphs == (35,)


def test_explanation_adds_up_to_the_score(base: kbmod.KB) -> None:
    hit = S.search(base, "how many consulates does Iran have", limit=1, explain=True).hits[0]
    why = hit.explain
    assert why is not None and why["method"] == "BM25F"
    assert abs(sum(t["score"] for t in why["terms"]) * why["factor"] - hit.score) < 0.01
    term = why["terms"][0]
    assert term["term"] == "consulates" and term["idf"] > 0 and term["fields"]


def test_idf_favours_rare_words(base: kbmod.KB) -> None:
    why = S.search(base, "Kazakhstan uranium", limit=1, explain=True).hits[0].explain
    assert why is not None
    by_term = {t["term"]: t for t in why["terms"]}
    assert by_term["uranium"]["idf"] > 3 * by_term["kazakhstan"]["idf"]


QUESTION_SETS = {  # recall@3 and answer@1 floors per language: the README's numbers
    "questions_dev.jsonl": {"at3": 30, "answer": {"en": 28, "fa": 30}},
    "questions_heldout.jsonl": {"at3": 60, "answer": {"en": 57, "fa": 55}},
    "questions_answers.jsonl": {"at3": 47, "answer": {"en": 46, "fa": 46}},
}


@pytest.mark.parametrize("name", sorted(QUESTION_SETS))
def test_recall_at_3_and_answer_at_1_on_the_question_sets(base: kbmod.KB, name: str) -> None:
    """The dev set (tuned on); a held-out set written from the article alone by someone who
    saw neither the KB nor the code (not tuned on; answer ids labelled later from its notes);
    and a set written from the article before the intent re-ranking was tuned, with answer ids
    and tokens (benchmarks/search_eval.py scores answer@1 the same way)."""
    path = ROOT / "tests" / "data" / name
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    floors = QUESTION_SETS[name]
    evaluation = _search_eval()
    for lang in ("en", "fa"):
        found = answered = 0
        for q in questions:
            hits = S.search(base, q[f"q_{lang}"], limit=3).hits
            found += any(set(q["paragraphs"]) & set(h.paragraphs) for h in hits)
            verdict = evaluation.answered(hits[0], q, lang) if hits else (False, False)
            answered += bool(verdict and verdict[0])
        assert found >= floors["at3"], (lang, found)
        assert answered >= floors["answer"][lang], (lang, answered)


def _search_eval() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("search_eval",
                                                  ROOT / "benchmarks" / "search_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------

def test_json_is_one_array_in_rank_order_with_records_and_sources(cli) -> None:
    result = cli("search", "uranium", "--json")
    assert result.code == 0
    rows = result.json()
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    first = rows[0]
    assert {"rank", "score", "kind", "id", "snippet", "paragraphs", "record", "sources"} <= set(
        first)
    assert first["id"] == "res-uranium" and first["record"]["id"] == "res-uranium"
    assert first["sources"] == first["record"]["sources"] and first["paragraphs"] == [35]
    paragraph = next(r for r in rows if r["kind"] == "paragraph")
    assert paragraph["id"] == "paragraph-35"
    assert set(paragraph["record"]) == {"n", "fa", "en"} and paragraph["record"]["n"] == 35
    assert paragraph["sources"][0]["paragraph"] == 35


def test_explain_in_json_and_in_the_table(cli) -> None:
    rows = cli("search", "consulate", "--json", "--explain", "-n", "2").json()
    assert all(r["explain"]["method"] == "BM25F" for r in rows)
    plain = cli("search", "consulate", "--explain", "-n", "2", "--format", "plain")
    header = plain.out.splitlines()[0]
    assert header.split()[:5] == ["#", "Kind", "ID", "Snippet", "¶"] and "Why" in header
    assert "consulates" not in header and "idf" in plain.out


def test_default_limit_is_ten_and_says_so(cli) -> None:
    result = cli("search", "Kazakhstan", "--json")
    assert len(result.json()) == 10
    assert "10 of" in result.err and "--limit" in result.err
    assert len(cli("search", "Kazakhstan", "--json", "--limit", "۳").json()) == 3


def test_query_words_need_no_quotes(cli) -> None:
    assert cli("search", "how", "many", "consulates", "--json").json() == \
        cli("search", "how many consulates", "--json").json()


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_empty_query_is_a_usage_error(cli, query: str) -> None:
    result = cli("search", query)
    assert result.code == 2
    assert result.out == "" and len(result.err.strip().splitlines()) == 1
    assert "empty query" in result.err


def test_no_query_at_all_is_a_usage_error(cli) -> None:
    assert cli("search").code == 2


def test_unknown_kind_lists_the_valid_ones(cli) -> None:
    result = cli("search", "uranium", "--kind", "treatise")
    assert result.code == 2
    assert "document" in result.err and "paragraph" in result.err


def test_kind_accepts_plurals_and_lists(cli) -> None:
    rows = cli("search", "uranium", "--kind", "resources,paragraphs", "--json").json()
    assert {r["kind"] for r in rows} == {"resource", "paragraph"}


def test_no_match_is_not_an_error(cli) -> None:
    result = cli("search", "(((", "--json")
    assert result.code == 0 and result.json() == []
    plain = cli("search", "zzzzqqq")
    assert plain.code == 0 and "no matches" in plain.err


def test_fields_and_sort_apply_to_results(cli) -> None:
    rows = cli("search", "consulate", "--json", "--fields", "id,score").json()
    assert all(set(r) == {"id", "score"} for r in rows)
    plain = cli("search", "consulate", "--format", "csv", "--fields", "rank,id")
    assert plain.out.splitlines()[0] == "rank,id"


def test_another_kb_by_option_and_environment(cli, tmp_path: Path, monkeypatch) -> None:
    doc = json.loads(kbmod.read_data_text("kb.json"))
    extra = copy.deepcopy(next(r for r in doc["records"] if r["id"] == "res-uranium"))
    extra.update(id="res-thorium", resource_en="thorium", resource_fa="توریم",
                 summary_en="A made-up thorium record for this test.")
    doc["records"].append(extra)
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert cli("search", "thorium", "--json", "--kb", str(path)).json()[0]["id"] == "res-thorium"
    monkeypatch.setenv("KZIR_KB", str(path))
    assert cli("search", "توریم", "--json").json()[0]["id"] == "res-thorium"
    monkeypatch.delenv("KZIR_KB")
    assert cli("search", "thorium", "--json").json() == []


def test_installed_entry_point_json(kzir_process) -> None:
    result = kzir_process("search", "صادرات ایران به قزاقستان ۱۴۰۰", "--json", "-n", "3")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert rows[0]["id"] == "trade-1400-export" and len(rows) == 3


def test_installed_entry_point_empty_query(kzir_process) -> None:
    result = kzir_process("search", "", "--json")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("kzir: empty query")
    assert json.loads(lines[1])["error"]["kind"] == "usage_error"


def test_installed_entry_point_literal_query_and_non_utf8_locale(kzir_process) -> None:
    result = kzir_process("search", '"uranium" AND (gold OR [lead])',
                          env={"LANG": "C", "LC_ALL": "C"})
    assert result.code == 0, result.err
    assert "res-uranium" in result.out


# --------------------------------------------------------------------------------------------
# The loading path made fast for big KBs keeps its meaning
# --------------------------------------------------------------------------------------------

RAW = json.loads(kbmod.read_data_text("kb.json"))


def test_records_are_built_lazily_and_equal_eager_ones(base: kbmod.KB) -> None:
    fresh = kbmod.build(RAW, "copy")
    one = fresh.record_at(5)
    assert one == base.records[5] and fresh.records[5] is one
    assert len(fresh.by_id) == len(RAW["records"])


# Questions written apart from the dev set, typed as people type (ZWNJ or not, Arabic ي/ك,
# Persian digits), each with the paragraphs that answer it: one of the top 3 must cite one.
# The last ones missed before the everyday synonyms (goods/جنس, sold/فروخت, مبادلات/تبادل,
# پارسال, trip), the plural after a compound (تفاهمنامههایی) and the compound-tail rule
# (آهن is not راه آهن) were added.
RECALL_QUESTIONS = [
    ("How many deals did Iran and Kazakhstan sign during Tokayev's trip?", [8, 9, 10, 16]),
    ('Which Kazakh company signed a pact with the National Iranian Oil Company?', [10]),
    ('Total value of goods traded between Iran and Kazakhstan in 1400', [25]),
    ("How much did Iran's exports to Kazakhstan grow in value in 1400?", [26]),
    ('How much trade in total did Iran and Kazakhstan do over two decades?', [28]),
    ('Which decade is known as the decade of imports from Kazakhstan?', [27]),
    ('Where does Kazakhstan rank in copper reserves?', [35]),
    ("How big are Kazakhstan's oil and gas reserves in world ranking?", [35]),
    ('Where does Kazakhstan have a consulate in Iran?', [22]),
    ('Who is the customs spokesman?', [25, 26, 28]),
    ("Who is Kazakhstan's ambassador to Iran?", [37, 38, 39]),
    ("Which city hosted Iran's nuclear talks with the P5+1?", [7]),
    ('On what date did Kazakhstan become independent?', [2, 6]),
    ('When was the failed coup in Kazakhstan?', [17]),
    ('How big is Kazakhstan in square km?', [33]),
    ("What does Kazakhstan's economy depend on?", [34]),
    ('Are there Persian manuscripts in Kazakh museums?', [43]),
    ('What did Khamenei say about the joint commission?', [14]),
    ('How many wagons did the sulfur train have that entered Iran at Incheh Borun?', [29]),
    ('How many containers was the first KITI train carrying?', [5]),
    ('تو سفر توکایف چندتا تفاهم\u200cنامه امضا شد', [8, 9, 10, 16]),
    ('شركت ملي نفت ايران با كدوم شركت قزاق تفاهم نامه امضا كرد', [10]),
    ('ارزش کل کالاهایی که سال ۱۴۰۰ بین ایران و قزاقستان رد و بدل شد چقدر بود', [25]),
    ('صادرات ایران به قزاقستان تو سال ۱۴۰۰ چند میلیون دلار بود', [26]),
    ('کل تجارت بیست سال اخیر ایران و قزاقستان چند میلیارد دلار بوده', [28]),
    ('دهه هشتاد تو تجارت با قزاقستان دهه چی حساب میشه', [27]),
    ('قزاقستان تو ذخایر اورانیوم رتبه چندمه', [35]),
    ('منابع نفت و گاز قزاقستان چندم دنیاست', [35]),
    ('قزاقستان تو کدوم شهر ایران کنسولگری داره', [22]),
    ('سخنگوی گمرک کیه', [25, 26, 28]),
    ('اسم سفیر قزاقستان تو تهران چیه', [37, 38, 39]),
    ('مذاکرات هسته\u200cای ایران و ۵+۱ تو کدوم شهر قزاقستان برگزار شد', [7]),
    ('قزاقستان کی از شوروی مستقل شد', [2, 6]),
    ('کودتای نافرجام قزاقستان کی بود', [17]),
    ('مساحت قزاقستان چند کیلومتر مربعه', [33]),
    ('اقتصاد قزاقستان بیشتر به چی وابسته\u200cست', [34]),
    ('تو موزه\u200cهای قزاقستان نسخه\u200cهای خطی فارسی هست؟', [43]),
    ('رهبري درباره كميسيون مشترك چي گفتن', [14]),
    ('قطار گوگرد که از اینچه\u200cبرون وارد شد چند تا واگن داشت', [29]),
    ('هیات ۳۰ نفره قزاقستان با ایران چه تفاهم\u200cنامه\u200cهایی امضا کرد', [37]),
    ('Who led the Kazakh delegation on the trip to Iran?', [3]),
    ('چندتا قرارداد تو این سفر بسته شد', [8, 9, 10, 16]),
    ('ایران پارسال چقدر جنس به قزاقستان فروخت', [26]),
    ('حجم مبادلات بیست ساله ایران و قزاقستان', [28]),
    ('آهن قزاقستان', [35]),
    ('قزاقستان تو آهن رتبه چنده', [35]),
    ('قزاقستان تو سنگ آهن چندمه', [35]),
    ('سهم صادرات ايران در ۲۰ سال', [28]),
    ('رئیس\u200cجمهور قبلی قزاقستان کی بود', [5]),
]


@pytest.mark.parametrize(("question", "paragraphs"), RECALL_QUESTIONS,
                         ids=[q for q, _ in RECALL_QUESTIONS])
def test_question_finds_an_answer_paragraph_in_top_3(base: kbmod.KB, question: str,
                                                     paragraphs: list[int]) -> None:
    hits = S.search(base, question, limit=3).hits
    assert any(set(paragraphs) & set(h.paragraphs) for h in hits), [h.id for h in hits]


def test_a_word_alone_does_not_count_as_the_tail_of_another_compound(base: kbmod.KB) -> None:
    # آهن (iron) typed alone is not the آهن of راه آهن (railway); the railway still finds it
    assert ids(base, "آهن قزاقستان", 3)[0] == ids(base, "iron Kazakhstan", 3)[0]
    assert not set(ids(base, "آهن قزاقستان", 3)) & {"org-kz-temir-zholy", "org-ir-railways"}
    assert "org-kz-temir-zholy" in ids(base, "راه آهن قزاقستان", 3)


@pytest.mark.parametrize("typed", ["چه تفاهم‌نامه‌هایی امضا شد", "چه تفاهم نامه هایی امضا شد",
                                   "چه تفاهمنامههایی امضا شد"])
def test_a_plural_compound_ranks_the_same_however_typed(base: kbmod.KB, typed: str) -> None:
    assert ranking(base, typed) == ranking(base, "چه تفاهمنامههایی امضا شد")
    assert ranking(base, typed)[0][0] in {h.id for h in S.search(base, "تفاهمنامه", limit=5).hits}

if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))


def _dev_questions() -> list[str]:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    return [q for row in rows for q in (row["q_en"], row["q_fa"])]


def test_bulk_match_counts_agree_with_match_by_match(base: kbmod.KB) -> None:
    """Every spelling of every term of the dev questions: the same weighted count per cell."""
    from kzir.search.ranking import _cell_counts, _lookups, _matches

    index = S.index_for(base)
    compared = 0
    for question in _dev_questions():
        for term in S.analyse(question, index.lexicon).terms:
            for blob, _lang, spelling in _lookups(index, term):
                one_by_one: dict[int, float] = {}
                for cell, weight in _matches(blob, spelling, 0, len(blob.lengths)):
                    one_by_one[cell] = one_by_one.get(cell, 0.0) + weight
                assert _cell_counts(blob, spelling) == one_by_one, (question, spelling)
                compared += 1
    assert compared > 500
