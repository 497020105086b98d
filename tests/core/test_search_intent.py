"""Search reads what a question asks for and the roles it gives the two countries, and ranks the
records whose structure answers it first (kzir.search.intent); snippets lead with the answer.

Behaviours are asserted over the ranking (the first mission, the first trade record, the top
hit's kind or fields), not exact rankings, so they hold for any question of the same shape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzir import kb as kbmod
from kzir import search as S
from kzir.search import intent
from kzir.search.answer import key_value
from kzir.search.intent import is_dated, values
from kzir.search.record_text import record_cells

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def base() -> kbmod.KB:
    return kbmod.load()


def hits(base: kbmod.KB, query: str, n: int = 10, **kw: Any) -> list[S.Hit]:
    return list(S.search(base, query, limit=n, **kw).hits)


def first(base: kbmod.KB, query: str, kind: str) -> dict[str, Any]:
    return next(h.record.data for h in hits(base, query, 20) if h.kind == kind and h.record)


# ------------------------------------------------------------------ relations

@pytest.mark.parametrize(("query", "sender", "host"), [
    ("Kazakhstan's consulate in Iran", "KZ", "IR"),
    ("Where does Kazakhstan have a consulate in Iran?", "KZ", "IR"),
    ("کنسولگری قزاقستان در ایران", "KZ", "IR"),
    ("قزاقستان تو کدوم شهر ایران کنسولگری داره؟", "KZ", "IR"),
    ("Iran's consulates in Kazakhstan", "IR", "KZ"),
    ("کنسولگری‌های ایران در قزاقستان", "IR", "KZ"),
    ("kazakhstan embassy in iran", "KZ", "IR"),
    ("سفارت ایران در قزاقستان کجاست", "IR", "KZ"),
])
def test_a_mission_of_the_asked_direction_outranks_the_reverse(base: kbmod.KB, query: str,
                                                               sender: str, host: str) -> None:
    missions = [h.record.data for h in hits(base, query, 20) if h.kind == "mission" and h.record]
    assert (missions[0]["country"], missions[0]["host_country"]) == (sender, host)
    reverse = [i for i, m in enumerate(missions) if m["country"] != sender]
    agreeing = [i for i, m in enumerate(missions) if m["country"] == sender]
    assert not reverse or max(agreeing) < min(reverse)


@pytest.mark.parametrize(("query", "direction"), [
    ("Kazakhstan's exports to Iran in 1400", "import"),
    ("imports from Kazakhstan 1400", "import"),
    ("What did Iran buy from Kazakhstan in 1400?", "import"),
    ("How much did Iran sell to Kazakhstan in 1400?", "export"),
    ("Iran's exports 1400", "export"),
    ("صادرات قزاقستان به ایران ۱۴۰۰", "import"),
    ("واردات ایران از قزاقستان در ۱۴۰۰", "import"),
    ("صادرات ایران به قزاقستان ۱۴۰۰", "export"),
])
def test_trade_direction_is_read_from_iran_side(base: kbmod.KB, query: str,
                                                direction: str) -> None:
    assert first(base, query, "trade")["direction"] == direction


def test_an_event_of_the_person_named_outranks_one_that_only_mentions_them(
        base: kbmod.KB) -> None:
    top = hits(base, "When did Tokayev get to Tehran?", 1)[0].record
    assert top is not None and "person-tokayev" in top.data["participants"]


# ------------------------------------------------------------------ intent

@pytest.mark.parametrize(("query", "ask"), [
    ("who is iran's customs spokesman", "who"), ("سخنگوی گمرک ایران کیه؟", "who"),
    ("چه کسی توکایف را دعوت کرد", "who"), ("کی توکایف رو دعوت کرد", "who"),
    ("پایتخت رو به افتخار کی تغییر نام دادن", "who"),
    ("where is iran's embassy", "where"), ("سفارت ایران کجاست", "where"),
    ("which city hosts the kazakh consulate", "where"),
    ("when did kazakhstan become independent", "when"), ("چه زمانی استقلال یافت", "when"),
    ("توکایف کی رسید تهران؟", "when"), ("نه سند همکاری کی امضا شد", "when"),
    ("how much did iran export", "amount"), ("صادرات چقدر بود", "amount"),
    ("چند تن", "amount"), ("which countries border kazakhstan", "countries"),
    ("قزاقستان با چه کشورهایی هم‌مرزه", "countries"),
    ("فارابی کی بود", "who-or-when"), ("uranium", None),
    ("name of the kazakh envoy in tehran", "name"), ("اسم سفیر قزاقستان", "name"),
])
def test_question_words_are_read_as_an_intent(base: kbmod.KB, query: str,
                                              ask: str | None) -> None:
    assert S.analyse(query, S.index_for(base).lexicon).intent.ask == ask


@pytest.mark.parametrize(("query", "expect"), [
    ("فارابی کی بود", "who"),
    ("کودتای ناکام قزاقستان کی بود", "when"),
])
def test_ki_before_a_copula_is_decided_by_the_best_match(base: kbmod.KB, query: str,
                                                         expect: str) -> None:
    assert S.search(base, query, limit=1).query.intent.ask == expect


@pytest.mark.parametrize("query", ["who is iran's customs spokesman", "سخنگوی گمرک ایران کیه؟",
                                   "who is the president of kazakhstan",
                                   "معاون اول رئیس جمهور ایران کیه"])
def test_who_questions_get_a_person_first(base: kbmod.KB, query: str) -> None:
    assert hits(base, query, 1)[0].kind == "person"


@pytest.mark.parametrize(("query", "role_word"), [
    ("who is iran's customs spokesman", "spokesman"), ("سخنگوی گمرک ایران کیه؟", "سخنگو"),
    ("who is iran's first vice president", "vice"), ("معاون اول رئیس جمهور ایران کیه", "معاون"),
    ("who is the kazakh ambassador", "ambassador"), ("سفیر قزاقستان کیه", "سفیر")])
def test_a_person_named_by_role_is_the_answer_not_the_body_of_the_role(
        base: kbmod.KB, query: str, role_word: str) -> None:
    """The organisation a role belongs to (the customs) names the role too, even by an alias;
    the person holding it is who is asked for."""
    top = hits(base, query, 1)[0]
    assert top.kind == "person" and top.record is not None
    roles = " ".join(v for role in top.record.data["roles"] for v in role.values())
    assert S.fold(role_word) in S.fold(roles)


@pytest.mark.parametrize("query", ["Whose idea was the Farabi scientific committee?",
                                   "کمیته علمی فارابی پیشنهاد کی بود"])
def test_a_person_named_by_name_is_the_subject_not_the_answer(base: kbmod.KB,
                                                              query: str) -> None:
    assert hits(base, query, 1)[0].id != "person-farabi"


@pytest.mark.parametrize("query", ["What day did Tokayev set off for Iran?",
                                   "توکایف چه روزی راهی تهران شد",
                                   "When did Tokayev get to Tehran?"])
def test_when_prefers_a_date_to_the_day_over_a_span(base: kbmod.KB, query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and top.record.data["date"]["precision"] == "day"


@pytest.mark.parametrize("query", ["When was Astana renamed Nur-Sultan?", "اسم آستانه کی عوض شد",
                                   "When did Sultanov meet Iran's industry minister?",
                                   "قزاقستان چه سالی مستقل شد"])
def test_when_questions_get_a_dated_record_first(base: kbmod.KB, query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and is_dated(top.record.data)


@pytest.mark.parametrize("query", ["How big is Kazakhstan's land area?", "وسعت خاک قزاقستان چقدره",
                                   "how many people live in kazakhstan",
                                   "قزاقستان چند نفر جمعیت داره"])
def test_how_much_questions_get_a_record_holding_a_figure_first(base: kbmod.KB,
                                                                query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and values(top.record.data)


@pytest.mark.parametrize(("query", "key"), [
    ("How many documents were signed during the visit?", "documents_count"),
    ("how many wagons did the sulphur train have", "wagons"),
    ("how many members did the kazakh delegation have", "members")])
def test_how_many_prefers_the_figure_the_question_names(base: kbmod.KB, query: str,
                                                        key: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and key in top.record.data


@pytest.mark.parametrize("query", ["which countries border kazakhstan",
                                   "Which countries does Kazakhstan share borders with?",
                                   "قزاقستان با چه کشورهایی هم‌مرزه"])
def test_which_countries_gets_the_borders_first(base: kbmod.KB, query: str) -> None:
    assert hits(base, query, 1)[0].id == "fact-borders"


@pytest.mark.parametrize(("query", "year"), [("1399 exports", 1399), ("صادرات ۱۳۹۹", 1399),
                                             ("exports 1400", 1400)])
def test_a_keyword_query_prefers_the_record_holding_its_number(base: kbmod.KB, query: str,
                                                               year: int) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and top.record.data.get("year") == year


@pytest.mark.parametrize(("query", "kind"), [
    ("Tokayev", "person"), ("Tokaev", "person"), ("توکایف", "person"), ("Almaty", "place"),
    ("آلماتی", "place"), ("Aktau", "place"), ("KTZ", "organization"), ("IRICA", "organization"),
    ("Kazinform", "organization"), ("صداوسیما", "organization"), ("گمرک ایران", "organization")])
def test_a_query_that_is_an_entity_name_gets_the_entity(base: kbmod.KB, query: str,
                                                        kind: str) -> None:
    """A bare name (or alias, or a word only that entity's names have) asks for the entity,
    not for the records mentioning it."""
    top = hits(base, query, 1)[0]
    assert top.kind == kind and top.record is not None
    names = " ".join(intent.own_names(top.record.data))
    assert all(w in S.fold(names) for w in S.fold(query.replace("Tokaev", "Tokayev")).split())


@pytest.mark.parametrize("query", ["NIOC KazMunayGas MoU",
                                   "تفاهمنامه شرکت ملی نفت ایران با مونای گاز",
                                   "KTZ memorandum with Iran Railways",
                                   "Did the two countries' railway companies sign anything?",
                                   "راه‌آهن ایران با راه آهن قزاقستان تفاهم نامه امضا کرد؟",
                                   "IRIB news agency memorandum"])
def test_a_record_relating_named_organisations_outranks_each_organisation(
        base: kbmod.KB, query: str) -> None:
    """Organisations' own records repeat what they signed; the document holding the relation
    is the answer (and names them as parties)."""
    top = hits(base, query, 1)[0]
    assert top.kind == "document" and top.record is not None
    assert all(p.get("org") for p in top.record.data["parties"])


@pytest.mark.parametrize("query", ["قزاقستان تو شرایط سخت دوست ایران بوده؟",
                                   "has kazakhstan stood by iran in hard times",
                                   "ایران و قزاقستان هیچ اختلاف مرزی نداشتند"])
def test_a_record_stating_a_paragraph_outranks_the_paragraph(base: kbmod.KB, query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None
    assert any(h.kind == "paragraph" and set(h.paragraphs) <= set(top.paragraphs)
               for h in hits(base, query, 5))


@pytest.mark.parametrize(("typed", "asks"), [
    ("kazakhstan consulate in iran which city", ["city"]),
    ("قزاقستان تو کدوم شهر ایران کنسولگری داره؟", ["شهر"]),
    ("in which year did kazakhstan become independent", ["year"]),
    ("bakhyt sultanov job title", ["job", "title"])])
def test_the_words_that_ask_are_not_terms(typed: str, asks: list[str]) -> None:
    """'which city' says a place is wanted (the intent), not that the answer mentions a city."""
    labels = {t.label for t in S.analyse(typed).terms}
    assert not any(word in label.split() for word in asks for label in labels)


@pytest.mark.parametrize("typed", ["دو دهه تجارت", "two decades of trade", "2 decades of trade",
                                   "the past two decades"])
def test_a_number_of_decades_is_one_term(typed: str) -> None:
    query = S.analyse(typed)
    decade = [t for t in query.terms if "= 20" in t.label]
    assert len(decade) == 1 and 20 in query.intent.numbers and 2 not in query.intent.numbers
    assert not any(t.label in ("دو", "دهه", "two", "decades", "2") for t in query.terms)


def test_explicit_kind_still_wins(base: kbmod.KB) -> None:
    assert {h.kind for h in hits(base, "who is iran's customs spokesman", 5,
                                 kinds=["organization"])} == {"organization"}


def test_explain_shows_the_intent(cli) -> None:
    rows = cli("search", "Kazakhstan's consulate in Iran", "--json", "--explain", "-n", "1").json()
    assert rows[0]["explain"]["intent"] == {"owner": "KZ", "place": "IR"}
    assert rows[0]["explain"]["factor"] > 1
    plain = cli("search", "who is the kazakh ambassador", "--explain", "-n", "1",
                "--format", "plain").out
    assert "intent: asks who" in plain


# ------------------------------------------------------------------ numbers, months, fuzzy

@pytest.mark.parametrize("query", ["بیست سال تجارت ایران و قزاقستان",
                                   "۲۰ سال تجارت ایران و قزاقستان",
                                   "دو دهه تجارت ایران و قزاقستان",
                                   "Iran Kazakhstan trade over two decades",
                                   "Iran Kazakhstan trade over twenty years"])
def test_number_words_reach_the_twenty_year_records(base: kbmod.KB, query: str) -> None:
    assert any(h.id.startswith("trade-20y") for h in hits(base, query, 3))


@pytest.mark.parametrize(("typed", "months"), [
    ("Khordad 1401", {"1401 03"}), ("Khordaad 1401", {"1401 03"}), ("Xordad 1401", {"1401 03"}),
    ("Khurdad 1401", {"1401 03"}), ("Day 1400", {"1400 10"}), ("ژوئن ۲۰۲۲", {"2022 06"}),
    ("جون ۲۰۲۲", {"2022 06"}), ("1401 تیر", {"1401 04"})])
def test_search_reads_a_month_as_the_date_parser_does(typed: str, months: set[str]) -> None:
    """One home for month names (kzir.dates.months): every spelling the date parser reads
    beside a year is a date term of the search, over both calendars."""
    terms = [t for t in S.analyse(typed).terms if t.kind == "date"]
    assert len(terms) == 1
    assert months <= {S.unfold(s.text) for s in terms[0].spellings}


@pytest.mark.parametrize("query", ["قزاقستان تو ژانویه ۲۰۲۲ چی شد؟", "Kazakhstan January 2022",
                                   "قزاقستان دی ماه ۱۴۰۰", "Kazakhstan Dey 1400"])
def test_a_month_in_either_calendar_finds_records_dated_in_it(base: kbmod.KB,
                                                               query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None
    date = top.record.data["date"]
    assert date["jalali"].startswith("1400-10") or "2022-01" in date["gregorian"]


@pytest.mark.parametrize("word", ["افتاد", "اتفاقی", "اتاقی", "area", "land"])
def test_short_words_missing_from_the_kb_are_never_loosened(base: kbmod.KB, word: str) -> None:
    assert all(t.kind != "fuzzy" for t in S.search(base, word, limit=1).query.terms)


@pytest.mark.parametrize(("typed", "person"), [("tokaev", "person-tokayev"),
                                               ("nazarbaev", "person-nazarbayev"),
                                               ("توکائف", "person-tokayev")])
def test_long_misspelled_names_still_resolve(base: kbmod.KB, typed: str, person: str) -> None:
    assert person in [h.id for h in hits(base, typed, 3)]


def test_fuzzy_length_floor_is_where_the_kb_words_thin_out(base: kbmod.KB) -> None:
    """The measurement behind FUZZY_MIN: among the KB's Persian words, a shorter word is far
    more often one edit from another of its words (so a near-spelling is likely a different
    word); from FUZZY_MIN letters on, at most a quarter are."""
    index = S.index_for(base)
    words = sorted({S.unfold(w) for w in index.words("fa") if S.unfold(w).isalpha()})

    def crowded(length: int) -> float:
        these = [w for w in words if len(w) == length]
        near = [w for w in these if any(S.edits(w, v, 2) == 1 for v in words if v != w)]
        return len(near) / len(these)

    assert crowded(S.FUZZY_MIN - 1) > 0.3
    assert all(crowded(n) <= 0.25 for n in range(S.FUZZY_MIN, S.FUZZY_MIN + 3))


# ------------------------------------------------------------------ aliases and snippets

def test_an_alias_is_indexed_by_its_text_only() -> None:
    record = {"id": "org-x", "kind": "organization", "name_en": "X", "name_fa": "ایکس",
              "aliases": [{"text": "XYZ", "lang": "en", "note": "Usual acronym of Xylophone",
                           "source": "Wikipedia, 'Xylophone Zone'"},
                          {"text": "اکس", "lang": "fa", "note": "Short name", "source": "Web"}],
              "context_notes": [{"text_en": "Founded long ago.", "source": "Wikipedia, 'X'"}]}
    name_en, _, other_en = record_cells(record, "en")
    assert "XYZ" in name_en and "Xylophone" not in name_en + other_en
    assert "Wikipedia" not in name_en + other_en and "Founded" in other_en
    assert "اکس" in record_cells(record, "fa")[0] and "XYZ" not in record_cells(record, "fa")[0]


def test_aliases_and_context_notes_are_searchable(tmp_path: Path) -> None:
    doc = json.loads(kbmod.read_data_text("kb.json"))
    for record in doc["records"]:
        if record["id"] == "org-kz-temir-zholy":
            record["aliases_en"], record["aliases_fa"] = ["KTZ"], ["کا ت ژ"]
        if record["id"] == "org-irna":
            record["aliases"] = ["Islamic Republic News Agency", "خبرگزاری جمهوری اسلامی"]
    kb = kbmod.build(doc, str(tmp_path / "kb.json"))
    assert S.search(kb, "KTZ", limit=1).hits[0].id == "org-kz-temir-zholy"
    assert S.search(kb, "کا ت ژ", limit=1).hits[0].id == "org-kz-temir-zholy"
    assert S.search(kb, "Islamic Republic News Agency", limit=1).hits[0].id == "org-irna"
    assert S.search(kb, "خبرگزاری جمهوری اسلامی", limit=1).hits[0].id == "org-irna"


@pytest.mark.parametrize(("query", "key"), [
    ("who is iran's customs spokesman", "name_en"), ("سخنگوی گمرک ایران کیه؟", "name_fa"),
    ("name of the kazakh envoy in tehran", "name_en"), ("اسم سفیر قزاقستان در تهران", "name_fa"),
])
def test_a_who_answer_snippet_shows_the_name(base: kbmod.KB, query: str, key: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None and top.kind == "person"
    assert S.fold(top.record.data[key].split()[-1]) in S.fold(top.snippet)


@pytest.mark.parametrize("query", ["صادرات ۱۳۹۹ چقدر بود", "exports 1399 how much",
                                   "copper rank", "رتبه مس قزاقستان",
                                   "When did the 30-member Kazakh delegation visit Iran?"])
def test_the_top_snippet_carries_the_key_value(base: kbmod.KB, query: str) -> None:
    top = hits(base, query, 1)[0]
    assert top.record is not None
    data, folded = top.record.data, S.fold(top.snippet).replace(b",", b"")
    if data["kind"] == "trade":
        assert str(data["tonnes"])[:3].encode() in folded
    elif data["kind"] == "resource":
        assert str(data["rank"]).encode() in folded
    else:
        assert data["date"]["jalali"][:4].encode() in folded


@pytest.mark.parametrize(("query", "word"), [
    ("What did the Kazakh ambassador say about his country's conduct while Iran was under"
     " sanctions?", "sanction"),
    ("سفیر قزاقستان درباره تحریم های ایران چی گفته", "تحریم")])
def test_the_snippet_is_the_window_with_the_rarest_terms(base: kbmod.KB, query: str,
                                                         word: str) -> None:
    """Not the first words around the commonest term (Kazakhstan, Iran)."""
    assert S.fold(word) in S.fold(hits(base, query, 1)[0].snippet)


def test_who_on_a_document_shows_its_parties(base: kbmod.KB) -> None:
    doc = next(r.data for r in base.records if r.kind == "document")
    for lang in ("en", "fa"):
        shown = key_value(doc, lang, "who") or ""
        assert all(p[f"name_{lang}"] in shown for p in doc["parties"])


@pytest.mark.parametrize(("query", "years"), [
    ("how much did Iran export last year", ["1400"]),
    ("صادرات ایران پارسال", ["1400"]),
    ("تجارت در سال جاری", ["1401"]),
    ("تو بیست سال گذشته واردات بیشتر بوده", []),  # a span of years, not last year
    ("over the last 20 years", []),
    ("trade in 1400", []),
])
def test_relative_years_resolve_against_the_publication_date(query: str,
                                                             years: list[str]) -> None:
    from kzir import kb
    from kzir.search.relative_years import with_years

    added = with_years(query, kb.load().meta).removeprefix(query).split()
    assert added == years


@pytest.mark.parametrize("query", ["how much did Iran export to Kazakhstan last year",
                                   "صادرات ایران به قزاقستان سال گذشته چقدر بود"])
def test_last_year_reaches_that_years_figure(query: str) -> None:
    from kzir import kb
    from kzir.search import search

    top = search(kb.load(), query, limit=1).hits[0]
    assert top.record is not None and top.record.data.get("year") == 1400


@pytest.mark.parametrize("query", ["مذاکرات هسته ای", "مذاکرات هسته‌ای", "گفتگوهای هسته ای"])
def test_a_compound_adjective_is_not_taken_for_stop_words(query: str) -> None:
    """«هسته ای» (nuclear) also splits into the stop words هست + های; beside another word it was
    dropped as one. A word that begins with a content word of the data is content."""
    from kzir import kb
    from kzir.search import search

    ids = [h.id for h in search(kb.load(), query, limit=3).hits]
    assert "event-almaty-nuclear-talks" in ids, ids
