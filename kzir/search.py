"""Ranked search over every record and paragraph of the KB, in English or Persian.

Method: BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
2009, section 3.5), the weighted-field form of Okapi BM25. Every record and every paragraph is one
document with three fields in each language:

    name   titles, names, labels, resource and city names, spelling variants   weight 3.0, b 0.5
    text   summary and text, roles, listed items, the quotes; a paragraph's text  weight 1.0, b 0.75
    other  every other value: notes, places, types, ids, numbers, dates           weight 0.4, b 0.75

    score(d) = Σ_t  qw_t · idf(t) · tf̃(t, d) / (k1 + tf̃(t, d)),   k1 = 1.2
    tf̃(t, d) = Σ_f  w_f · tf(t, f, d) / (1 − b_f + b_f · len(f, d) / avglen(f))
    idf(t)   = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))

A query term is one word of the query (or a number, or a multi-word entry of the synonym table
such as "prime minister", or two adjacent words as a phrase, qw 0.5) with its spellings: its
synonyms from the reviewed table below, fused and spaced forms of a compound, the number written
the ways the KB writes it. A query word that matches nothing at all is replaced by the closest
word of the index (difflib, same first letter; "tokaev ≈ tokayev" in --explain).

A word matches where a word of the field starts with its stem; the rest of the word must be an
inflection (consulat+es, کرسی+های) for a full match, any other continuation counts 0.5 and only
for stems of 5+ letters (English) or 4+ (Persian). English terms are looked up in the English
fields and the English translation of the paragraphs; Persian terms in the Persian ones; numbers
in the query's language (in both when the query is only numbers or mixes languages).

Normalisation (the same on query and data): NFKC; Arabic ي ى ك ة ۀ أ إ ٱ ؤ and آ to their Persian
base letters; ZWNJ = space; a Persian compound typed fused, spaced or with a ZWNJ is put in one
canonical form, and matched fused and spaced alike in the data (see `_canonical`); diacritics,
tatweel and bidi marks removed; Persian and Arabic-Indic digits and separators to ASCII; English
case folded and punctuation to spaces.

Index: the data is folded in bulk by a one-byte-per-character codec and `bytes.translate` (both
in C), so there is no tokenising in Python: the "index" of a language is the folded text of every
field of every document with the offsets of the fields, built on first use per language (an
English query never folds the Persian text), and a spelling is found with `bytes.find`. A query
costs one pass over the folded text per spelling plus a little per match. A Persian query also
needs the set of the Persian text's words (to resolve compounds), built once per index.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import gc
import heapq
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import accumulate, chain, pairwise, product, repeat
from operator import add
from typing import Any

from .kb import KB
from .model import KINDS, Paragraph, Record

PARAGRAPH_KIND = "paragraph"
SEARCH_KINDS = (*KINDS, PARAGRAPH_KIND)

K1 = 1.2
FIELDS = ("name", "text", "other")
FIELD_WEIGHT = {"name": 3.0, "text": 1.0, "other": 0.4}
FIELD_B = {"name": 0.5, "text": 0.75, "other": 0.75}
PHRASE_WEIGHT = 0.5
PREFIX_WEIGHT = 0.5
PREFIX_MIN = {"en": 5, "fa": 4}
LANGS = ("en", "fa")

# ---------------------------------------------------------------------------------------------
# Folding: one byte per character, then one translate table does every normalisation at once
# ---------------------------------------------------------------------------------------------

_PERSIAN = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیۀٱھەڪ"
_LATIN = "àáâäçèéêëíîïñóôöúûü"
_FOLD_LETTERS = {"ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ە": "ه",
                 "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و",
                 "à": "a", "á": "a", "â": "a", "ä": "a", "ç": "c", "è": "e", "é": "e", "ê": "e",
                 "ë": "e", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ó": "o", "ô": "o", "ö": "o",
                 "ú": "u", "û": "u", "ü": "u"}
_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0656)) + "\u0670\u0640\u200d\u200e\u200f\ufeff\xad"
_DECIMAL = {"\u066b": ".", "\u066c": ","}
# Every character outside ASCII and this list (ZWNJ, «», ، ؛ ؟, dashes, quotes, other scripts) is
# encoded as "?" and so becomes a space, like ASCII punctuation.
_HIGH = _PERSIAN + _LATIN + _DIGITS + _MARKS + "".join(_DECIMAL)
assert len(_HIGH) == len(set(_HIGH)) <= 128, len(_HIGH)
_CHARMAP = codecs.charmap_build("".join(chr(i) for i in range(128)) + _HIGH
                                + "\ufffe" * (128 - len(_HIGH)))
_BYTE = {ch: 128 + i for i, ch in enumerate(_HIGH)}


def _translation() -> tuple[bytes, bytes]:
    table = bytearray(range(256))
    for i in range(128):
        ch = chr(i)
        if "A" <= ch <= "Z":
            table[i] = ord(ch.lower())
        elif not (ch.isalnum() or ch in ".,\x1e"):
            table[i] = 32  # punctuation, control characters and '?' (unencodable) are spaces
    for ch, base in _FOLD_LETTERS.items():
        table[_BYTE[ch]] = _BYTE.get(base, ord(base))
    for i, ch in enumerate(_DIGITS):
        table[_BYTE[ch]] = ord("0") + i % 10
    for ch, sep in _DECIMAL.items():
        table[_BYTE[ch]] = ord(sep)
    return bytes(table), bytes(_BYTE[ch] for ch in _MARKS)


_TABLE, _DELETE = _translation()
_WORD_BYTES = frozenset(b for b in range(256) if chr(b).isalnum() or b >= 128) - set(_DELETE)
_FA_BYTES = frozenset(_BYTE[ch] for ch in _PERSIAN)


def fold(text: str) -> bytes:
    """Text in the search's folded form: one byte per character, normalised as described above."""
    return fold_normalized(_nfkc(text))


def fold_normalized(text: str) -> bytes:
    """fold() of text already in NFKC."""
    raw, _ = codecs.charmap_encode(text, "replace", _CHARMAP)
    return raw.translate(_TABLE, _DELETE)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def unfold(data: bytes) -> str:
    """Folded bytes back to text (for explanations)."""
    return "".join(chr(b) if b < 128 else _HIGH[b - 128] for b in data)


_TOKEN = re.compile(r"[^\W_]+")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def _normal(text: str) -> str:
    """The query's own normalisation before tokenising (the same folding, as text)."""
    return unfold(fold(text))


# ---------------------------------------------------------------------------------------------
# Query analysis: words, stems, stop words, synonyms, compounds, numbers
# ---------------------------------------------------------------------------------------------

def _wordset(words: str) -> frozenset[str]:
    """Words as the query analyser sees them (folded the same way, e.g. آن → ان)."""
    return frozenset(t for w in words.split() for t in _TOKEN.findall(_normal(w)))


STOP_EN = _wordset("""
a an the of in on at to for from by with without about as into onto over under between among
and or nor not no yes is are was were be been being am do does did done doing have has had
having will would shall should can could may might must what which who whom whose when where why
how that this these those it its they them their theirs there here he him his she her hers we
our ours us you your yours i me my mine many much more most some any each every all both either
neither than then so such very also too just only other others own same if while during before
after since until according say said says tell told give gave get got s t whether like called
per via one ever kind kinds sort type types name named anything something thing things way ways
""")

STOP_FA = _wordset("""
از به در با که این آن را و یا برای تا بر هم نیز هر چه چی چیه چند چندم چندمین چقدر کدام کدوم
کدومه کدامیک کدوم‌ها کی کیه کجا کجاست چرا چگونه چطور چطوری آیا است هست هستند نیست بود بودند
باشد باشند بوده شد شده شدن شود شوند میشود میشه میشن کرد کرده کردن کند کنند کردند میکنند میکند
میکنن داد داده دادن دارد داره دارن دارند داشت داشته داشتند اند ای ها های هایی یک یکی ی تو توی
رو توش باهاش باهم اش ش من ما شما او اون آنها اونها ایشان خود دیگر دیگه همه درباره مورد
مربوط اسم نام گفته گفت گفتند میگن میگه میدونن میدانند بوده‌است چیزی چیست کسی کسانی چه‌کسی
میتونه میتونن میتونم میتوان میتواند میتوانند ست می نمی اینکه آنکه چونکه یکدیگر همدیگر
اینها دراین درآن ازاین ازآن براین برآن بااین باآن بدین بدان بی نا تر ترین
""")

# Function words that stand alone: never the first or last part of a compound, so a fused
# slip in the data (درجنوب, وقزاقستان) does not make «در جنوب» or «و قزاقستان» one word.
_NO_JOIN = _wordset("و در به از را که با برای یا تا بر این آن")

# Words that never join a phrase: pure function words (a phrase of them finds nothing useful).
_GLUE = _wordset("""
و در به از را که با برای این آن یا تا بر هم the of and in on to for a an or with by from is
""")

# The reviewed synonym table: general vocabulary users reach for, mapped to the KB's own words.
# One group = one query term; every member is tried wherever any member was typed. Forms are
# written in full; they are stemmed like query words. Kept per language: an English query meets
# English text, a Persian query Persian text (the KB has both for every fact).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    # agreements
    ("treaty", "treaties", "agreement", "accord", "pact", "memorandum", "memoranda", "mou",
     "mous", "memorandum of understanding", "document", "cooperation document"),
    ("سند", "اسناد", "تفاهم نامه", "تفاهمنامه", "یادداشت تفاهم", "موافقت نامه", "موافقتنامه",
     "توافق نامه", "توافقنامه", "قرارداد", "معاهده"),
    ("programme", "program"),
    # trade
    ("export", "exports", "sales", "sale", "sell", "sold"),
    ("صادرات", "صادر", "فروش"),
    ("import", "imports", "purchase", "purchases", "buy", "bought"),
    ("واردات", "خرید"),
    ("customs", "customs administration", "irica"),
    ("گمرک", "گمرکات"),
    ("trade", "commerce", "commercial"),
    ("تجارت", "تجاری", "بازرگانی", "داد و ستد"),
    ("value", "worth", "dollar", "usd"),
    ("ارزش", "دلار", "ارزی"),
    ("tonnes", "tonne", "tons", "ton", "tonnage", "weight"),
    ("وزن", "وزنی", "تن", "تناژ"),
    ("growth", "grow", "grew", "increase", "rise", "rose"),
    ("رشد", "افزایش"),
    ("decade", "decades", "ten years"),
    ("دهه", "ده سال"),
    # diplomacy
    ("consulate", "consulates", "consulate general", "consular"),
    ("کنسولگری", "سرکنسولگری", "کنسول"),
    ("embassy", "embassies"),
    ("سفارت", "سفارتخانه"),
    ("ambassador", "envoy"),
    ("سفیر",),
    ("meeting", "meet", "met", "talks", "received"),
    ("دیدار", "ملاقات", "دیدن"),
    ("summit", "conference", "forum"),
    ("اجلاس", "نشست", "همایش", "مجمع", "مجامع"),
    ("recognise", "recognize", "recognition", "recognised", "recognized"),
    ("به رسمیت شناخت", "شناسایی"),
    ("independence", "independent"),
    ("استقلال", "مستقل"),
    ("sanctions", "sanction", "embargo"),
    ("تحریم",),
    ("dispute", "disputes", "differences", "conflict", "conflicts"),
    ("اختلاف", "اختلافات", "منازعه"),
    ("representative office", "representation", "mission"),
    ("نمایندگی", "دفتر نمایندگی"),
    # people and offices
    ("president", "head of state"),
    ("رئیس جمهور", "رئیس جمهوری", "رئیسجمهور", "ریاست جمهوری"),
    ("leader", "supreme leader"),
    ("رهبر", "رهبری", "رهبر انقلاب", "رهبر معظم"),
    ("vice president", "vice-president", "vp"),
    ("prime minister", "premier"),
    ("نخست وزیر", "نخستوزیر"),
    ("minister", "ministry", "ministers"),
    ("وزیر", "وزارت"),
    ("invite", "invited", "invitation"),
    ("دعوت",),
    # country profile
    ("population", "inhabitants", "populous", "people"),
    ("جمعیت",),
    ("landlocked", "land-locked", "no access to the sea", "no access to open seas",
     "without access to the sea"),
    ("محصور در خشکی", "بدون دسترسی به آب های آزاد", "آب های آزاد", "دسترسی به دریا"),
    ("area", "size", "square kilometres", "square kilometers", "territory"),
    ("وسعت", "مساحت"),
    ("border", "borders", "bordering", "bordered", "neighbour", "neighbours", "neighbor",
     "neighbors", "neighbouring", "neighboring", "frontier", "frontiers", "adjacent",
     "neighbouring countries", "neighboring countries", "bordering countries"),
    ("مرز", "مرزی", "همسایه", "همسایگان", "همسایگی", "هم مرز", "هممرز", "همجوار", "همجواری",
     "کشور همسایه", "کشورهای همسایه", "کشور هم مرز", "کشورهای هم مرز", "کشور همجوار"),
    ("capital", "capital city"),
    ("پایتخت",),
    ("rename", "renamed", "renaming", "name change", "changed the name"),
    ("تغییر نام", "نامگذاری"),
    # resources
    ("mineral", "minerals", "resource", "resources", "reserve", "reserves", "deposits", "ore"),
    ("ذخایر", "منابع", "معادن", "معدنی", "ماده معدنی", "ذخیره"),
    ("sulphur", "sulfur"),
    # transport
    ("rail", "railway", "railways", "railroad", "train", "trains"),
    ("راه آهن", "ریلی", "قطار", "راهآهن"),
    ("corridor", "route", "transit"),
    ("کریدور", "دالان", "مسیر", "ترانزیت"),
    ("wagon", "wagons", "railcar", "railcars"),
    ("واگن",),
    # culture
    ("university", "universities", "academic"),
    ("دانشگاه", "دانشگاهی"),
    ("chair", "chairs", "professorship"),
    ("festival", "celebration", "feast", "nowruz", "norooz", "nauryz"),
    ("جشن", "عید", "نوروز"),
    ("religion", "religions", "religious", "faith"),
    ("دین", "دینی", "ادیان", "مذهبی", "مذهب"),
    ("persian", "farsi"),
    ("exhibition", "expo", "fair"),
    ("نمایشگاه",),
    ("medical", "medicine", "health", "healthcare", "pharmaceutical"),
    ("پزشکی", "درمان", "سلامت", "دارویی"),
    ("research", "study", "studies", "studied"),
    ("تحقیق", "تحقیقات", "پژوهش", "مطالعه", "مطالعات"),
    ("broadcaster", "broadcasting", "irib", "state tv", "radio and television", "voice and vision"),
    ("صداوسیما", "صدا و سیما", "رادیو و تلویزیون"),
    # organisations
    ("un", "united nations"),
    ("سازمان ملل", "ملل متحد"),
    ("sco", "shanghai cooperation organisation", "shanghai cooperation organization", "shanghai"),
    ("شانگهای", "سازمان همکاری شانگهای", "پیمان شانگهای"),
    ("eco", "economic cooperation organization", "economic cooperation organisation"),
    ("اکو",),
    ("cica", "conference on interaction and confidence building measures in asia"),
    ("سیکا",),
    ("oic", "organisation of islamic cooperation", "organization of islamic cooperation"),
    ("سازمان همکاری اسلامی",),
    ("caspian", "caspian sea", "khazar"),
    ("خزر", "دریای خزر", "کاسپین"),
    # spellings
    ("nur-sultan", "nursultan", "nur sultan", "astana"),
    ("نورسلطان", "نور سلطان", "آستانه"),
    ("organisation", "organization"),
    ("centre", "center"),
    ("kilometre", "kilometer", "km"),
)

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
    "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "ده": 10,
    "پانزده": 15, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "صد": 100,
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "bn": 10**9,
           "هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9}
_SCALE_WORDS_EN = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
_SCALE_WORDS_FA = ((10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار"))
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|bn|هزار|میلیون"
    r"|میلیارد)(?![^\W\d_]))?(?:\s+و\s+(\d+(?:\.\d+)?)\s*(هزار|میلیون)(?![^\W\d_]))?")

_EN_STRIP = ("ations", "ation", "itions", "ition", "ings", "ing", "ments", "ment", "ences", "ence",
             "ances", "ance", "ents", "ent", "ities", "ity", "ized", "ised", "izes", "ises",
             "ize", "ise", "ies", "ied", "ers", "er", "est", "ed", "ly", "al", "ive", "y", "e")
EN_SUFFIXES = frozenset(
    {"", "s", "es", "e", "ed", "d", "ing", "ings", "er", "ers", "est", "ies", "ied", "y", "ly",
     "ion", "ions", "ation", "ations", "ition", "itions", "ate", "ated", "ates", "ating", "ative",
     "al", "ally", "ial", "ive", "ives", "ment", "ments", "ity", "ities", "ian", "ians", "ence",
     "ences", "ent", "ents", "ency", "ance", "ances", "ant", "ants", "ize", "ized",
     "izes", "ise", "ised", "ises", "ization", "isation", "ness", "ful", "ic", "ical", "ism",
     "ist", "ists", "i", "is"})
_FA_ENDINGS = ("", "ی", "ها", "های", "هایی", "ان", "ات", "یان", "ای", "یی", "ش", "شان", "مان",
               "تان", "م", "ت", "ست", "اش", "ترین", "تر", "ه", "گان", "گی", "ین")
FA_SUFFIXES = frozenset(a + b for a in _FA_ENDINGS for b in _FA_ENDINGS)
_FA_STRIP = ("هایشان", "هایی", "های", "ها", "ترین", "یان", "شون", "شان", "مون", "تون", "یی",
             "ان", "ی", "ه")
_FA_STRIP_MIN = {"ان": 4, "ی": 3, "ه": 3}
_FA_VERB_PREFIXES = ("نمی", "می")
_FA_NOT_VERBS = _wordset("""
میان میانه میزان میراث میدان میلیون میلیارد میهمان میز میل میوه میش مین میکروب میخ میلادی
""")


def stem_en(word: str) -> str:
    """A light English stemmer: possessive, plural, then one common suffix (never below 3)."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3]  # countries, studies: countr, stud (as country, study)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-2] if word.endswith(("ches", "shes", "xes", "zes", "sses")) else word[:-1]
    for suffix in _EN_STRIP:
        if word.endswith(suffix) and len(word) - len(suffix) >= (4 if suffix == "e" else 3):
            return word[: -len(suffix)]
    return word


def _not_verb(word: str) -> bool:
    """A word starting like a verb (می…) that is not one, inflected or not (میانه, میانهی)."""
    return word in _FA_NOT_VERBS or any(
        word.endswith(end) and word[:-len(end)] in _FA_NOT_VERBS for end in _FA_ENDINGS if end)


def stem_fa(word: str) -> str:
    """A light Persian stemmer: plural, comparative, possessive endings and the ی suffix."""
    if word.startswith(_FA_VERB_PREFIXES) and not _not_verb(word):
        prefix = next(p for p in _FA_VERB_PREFIXES if word.startswith(p))
        if len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
    for suffix in _FA_STRIP:
        if word.endswith(suffix) and len(word) - len(suffix) >= _FA_STRIP_MIN.get(suffix, 3):
            if suffix == "ان" and word.endswith("ستان"):
                continue  # قزاقستان, ترکمنستان: a place, not a plural
            return word[: -len(suffix)]
    return word


def _lang(token: str) -> str:
    return "fa" if _ARABIC_SCRIPT.search(token) else "en"


def _stem(token: str, lang: str) -> str:
    return stem_fa(token) if lang == "fa" else stem_en(token)


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way a term is written in the folded data: the bytes, their language, the match rule."""

    text: bytes
    lang: str  # "en", "fa" or "num" (a number: looked up in both languages)
    number: bool = False


@dataclass(frozen=True)
class Term:
    """One query term: its label (for explanations), its spellings, and its query weight."""

    label: str
    spellings: tuple[Spelling, ...]
    weight: float = 1.0
    kind: str = "word"  # word | phrase | number | fuzzy (a word found as a close word)


# Compounds. Persian writes one compound three ways: with a ZWNJ (رئیس‌جمهور), spaced (رئیس جمهور)
# or fused (رئیسجمهور); the article has no ZWNJ and uses both of the others. ZWNJ folds to a space,
# so two ways are left, and both sides are made to agree on them:
#   the query  is put in one canonical form before analysis (`_canonical`): a fused word the
#              lexicon does not know is split into words it knows; adjacent words whose fused form
#              it knows are joined. So every typed form of a compound gives the same tokens;
#   the data   is matched fused and spaced alike: a word's spellings include every way to write it
#              as known words with a space between (`_splits`), so «رئیسجمهور» and «رئیس جمهور» in
#              the data both count for the term, whichever form was typed.
# The lexicon is every word of the indexed Persian text, plus the stop words and the words of the
# synonym table (a fused form listed there, such as تفاهمنامه, counts even if the data never
# writes it fused): no list of compounds is kept anywhere.

_AND = "و"
_KNOWN_ENDINGS = ("ی", "ها", "های", "هایی", "ان", "ات", "ای", "یی")
_SPLIT_MIN = 2  # letters in each part of a compound (but the و of صدا و سیما)
_MAX_SPLITS = 4  # spaced spellings kept per word
_STATIC_FA: frozenset[bytes] | None = None


def _static_fa() -> frozenset[bytes]:
    """Persian words known without the data: the stop words and every synonym-table word."""
    global _STATIC_FA
    if _STATIC_FA is None:
        words = set(STOP_FA)
        for group in SYNONYMS:
            for member in group:
                if _lang(member) == "fa":
                    words.update(_TOKEN.findall(_normal(member)))
        _STATIC_FA = frozenset(fold_normalized(w) for w in words)
    return _STATIC_FA


class Lexicon:
    """The Persian words compounds are resolved against: the data's, the stop words, the table's.

    `data` gives the folded words of the indexed Persian text; it is called on first need, so an
    English query never folds the Persian text. Without it only the static words are known.
    """

    def __init__(self, data: Callable[[], Collection[bytes]] | None = None) -> None:
        self._load = data
        self._data: Collection[bytes] | None = None if data else frozenset()
        self._static = _static_fa()
        self._known: dict[str, bool] = {}

    @property
    def data(self) -> Collection[bytes]:
        if self._data is None:
            assert self._load is not None
            self._data = self._load()
        return self._data

    def in_data(self, word: str) -> bool:
        """The word occurs as a whole word in the indexed Persian text."""
        return fold_normalized(word) in self.data

    def exact(self, word: str) -> bool:
        """A word of the data, the stop words or the table, exactly as written."""
        folded = fold_normalized(word)
        return folded in self.data or folded in self._static

    def known(self, word: str) -> bool:
        """A word of the lexicon, inflected or not: as written, as its stem (کشورهای → کشور),
        with a plural or ی ending more or less (همجوار as همجواری, هماهنگیی as هماهنگی)."""
        hit = self._known.get(word)
        if hit is None:
            exact = self.exact
            hit = (exact(word) or exact(stem_fa(word))
                   or any(exact(word + end) or (word.endswith(end) and exact(word[:-len(end)]))
                          for end in _KNOWN_ENDINGS))
            self._known[word] = hit
        return hit


def _segmentations(word: str, first: Callable[[str], bool],
                   last: Callable[[str], bool] | None = None) -> list[tuple[str, ...]]:
    """Ways to write a word as two words, or as X و Y (صداوسیما): the first part `first`, the
    last `last` (default `first`)."""
    last = last or first
    out: list[tuple[str, ...]] = []
    n = len(word)
    for i in range(_SPLIT_MIN, n - _SPLIT_MIN + 1):
        if first(word[:i]) and last(word[i:]):
            out.append((word[:i], word[i:]))
        if word[i] == _AND and i + 1 + _SPLIT_MIN <= n and first(word[:i]) \
                and last(word[i + 1:]):
            out.append((word[:i], _AND, word[i + 1:]))
    # two parts before three, then the longest first part: a ZWNJ sits before an ending
    # (برنامه‌ای is برنامه + ای, not بر + نامهای) or after a short prefix (هم‌مرز)
    out.sort(key=lambda parts: (len(parts), -len(parts[0])))
    return out


def _compound_parts(word: str, lex: Lexicon) -> list[tuple[str, ...]]:
    """The ways a Persian word may be written as separate words: a word as written and then a
    known word, inflected or not (رئیس + جمهور, کرسی + های), neither end a lone function word
    (در + یا is not دریا), not all of them stop words (ما + ده is not ماده)."""
    if len(word) < 2 * _SPLIT_MIN:
        return []
    return [parts for parts in _segmentations(word, lex.exact, lex.known)
            if parts[0] not in _NO_JOIN and parts[-1] not in _NO_JOIN
            and not all(p in STOP_FA for p in parts)]


def _splits(word: str, lex: Lexicon) -> list[str]:
    """The spellings of a Persian word's spaced forms, the last part stemmed, so the data's
    «رئیس جمهور» counts for رئیسجمهور (and «تفاهم نامه» for تفاهمنامه)."""
    forms = [" ".join([*parts[:-1], stem_fa(parts[-1])]) for parts in _compound_parts(word, lex)]
    return list(dict.fromkeys(forms))[:_MAX_SPLITS]


def _is_stop(token: str, lang: str, lex: Lexicon) -> bool:
    """A stop word; in Persian also a fused run of them the data never writes (ازش, بهش)."""
    if lang != "fa":
        return token in STOP_EN
    if token in STOP_FA:
        return True
    return (len(token) >= 2 * _SPLIT_MIN and not lex.in_data(token)
            and bool(_segmentations(token, STOP_FA.__contains__)))


def _canonical(tokens: Sequence[str], langs: Sequence[str],
               lex: Lexicon) -> tuple[list[str], list[str]]:
    """The query's words with every Persian compound in one form, however it was typed.

    First a fused word the lexicon does not know is split into known words (توایران → تو ایران);
    then two adjacent words (or X و Y) whose fused form is known are joined (رئیس جمهور →
    رئیسجمهور, صدا و سیما → صداوسیما; see `_joins`). A compound typed fused, spaced or with a
    ZWNJ so ends as the same token.
    """
    parts: list[tuple[str, str]] = []
    for token, lang in zip(tokens, langs, strict=True):
        if lang == "fa" and len(token) >= 2 * _SPLIT_MIN and token not in STOP_FA \
                and not lex.known(token):
            best = next(iter(_segmentations(token, lex.exact, lex.known)), None)
            if best is not None:
                parts += [(p, lang) for p in best]
                continue
        parts.append((token, lang))
    out_tokens: list[str] = []
    out_langs: list[str] = []
    i = 0
    while i < len(parts):
        size = 1
        if parts[i][1] == "fa":
            for width in (3, 2):
                run = [w for w, lang in parts[i:i + width] if lang == "fa"]
                if len(run) == width and (width == 2 or run[1] == _AND) \
                        and _joins(run, lex):
                    size = width
                    break
        out_tokens.append("".join(w for w, _ in parts[i:i + size]))
        out_langs.append(parts[i][1])
        i += size
    return out_tokens, out_langs


def _joins(run: Sequence[str], lex: Lexicon) -> bool:
    """Whether adjacent words are one compound written apart: their fused form is known, and
    either it is a stop word itself (می شود, با هم) or the words are not all stop words and
    neither end is a lone function word (در جنوب stays two words though the data has درجنوب)."""
    fused = "".join(run)
    if not lex.known(fused):
        return False
    if _is_stop(fused, "fa", lex):
        return True
    return run[0] not in _NO_JOIN and run[-1] not in _NO_JOIN \
        and not all(w in STOP_FA for w in run)


def _phrase_forms(words: Sequence[str], lang: str, lex: Lexicon | None = None) -> list[Spelling]:
    """A multi-word form as written spaced and fused (رئیس جمهور / رئیسجمهور), stem at the end;
    in Persian each word also as the data may write it spaced (رئیسجمهور قزاقستان → رئیس جمهور
    قزاقستان)."""
    last = _stem(words[-1], lang)
    spaced = " ".join([*words[:-1], last])
    forms = [spaced]
    fused = "".join([*words[:-1], last])
    if lang == "fa" or len(fused) >= 8:
        forms.append(fused)
    if lang == "fa" and lex is not None:
        options = [[w, *(" ".join(p) for p in _compound_parts(w, lex)[:_MAX_SPLITS])]
                   for w in words[:-1]]
        options.append([last, *_splits(words[-1], lex)])
        if any(len(o) > 1 for o in options):
            forms += [" ".join(combo) for combo in product(*options)][:_MAX_SPLITS * 4]
    return [Spelling(fold(f), lang) for f in dict.fromkeys(forms)]


def _word_forms(word: str, lang: str, lex: Lexicon | None = None) -> list[Spelling]:
    """A word's spellings: its stem; for a Persian word also its spaced forms as known words."""
    stem = _stem(word, lang)
    forms = [Spelling(fold(stem), lang)]
    if lang == "fa" and stem != word and word.startswith(_FA_VERB_PREFIXES):
        forms.append(Spelling(fold(word), lang))  # the verb written fused: میکنند
    if lang == "fa" and lex is not None:
        forms += [Spelling(fold(f), lang) for f in _splits(word, lex)]
    return forms


def _synonym_index() -> dict[tuple[str, str], tuple[str, ...]]:
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    for group in SYNONYMS:
        for member in group:
            lang = _lang(member)
            index.setdefault((lang, _group_key(member, lang)), group)
            if lang == "fa":  # also as one fused word is stemmed: یادداشت تفاهم, نخست وزیر
                fused = "".join(_TOKEN.findall(_normal(member)))
                index.setdefault((lang, stem_fa(fused)), group)
    return index


def _group_key(text: str, lang: str) -> str:
    """How a word or a multi-word form is looked up in the synonym table: its stemmed words,
    in Persian fused (تفاهم نامه and تفاهمنامه are one key)."""
    return (" " if lang == "en" else "").join(_stem(w, lang)
                                              for w in _TOKEN.findall(_normal(text)))


_SYNONYM_INDEX: dict[tuple[str, str], tuple[str, ...]] | None = None


def _synonyms(key: str, lang: str) -> tuple[str, ...]:
    global _SYNONYM_INDEX
    if _SYNONYM_INDEX is None:
        _SYNONYM_INDEX = _synonym_index()
    return _SYNONYM_INDEX.get((lang, key), ())


def _member_forms(member: str, lex: Lexicon | None = None) -> list[Spelling]:
    lang = _lang(member)
    words = _TOKEN.findall(_normal(member))
    if len(words) == 1:
        return _word_forms(words[0], lang, lex)
    return _phrase_forms(words, lang, lex)


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.3f}".rstrip("0").rstrip(".")


def number_forms(value: float) -> list[str]:
    """The ways the KB may write a number: 265200000, 265,200,000, 265.2 million, and
    ۲۶۵ میلیون و ۲۰۰ هزار (digits are folded to ASCII on both sides)."""
    forms = [_format_number(value)]
    if value != int(value):
        return forms
    n = int(value)
    if n >= 10000:
        forms.append(f"{n:,}")
    for scales in (_SCALE_WORDS_EN, _SCALE_WORDS_FA):
        for scale, word in scales:  # the largest scale that writes it with at most 3 decimals
            if n >= scale and (n * 1000) % scale == 0 and (n >= 10000 or n % scale == 0):
                forms.append(f"{_format_number(n / scale)} {word}")
                break
    parts, rest = [], n
    for scale, word in _SCALE_WORDS_FA:
        if rest >= scale:
            parts.append(f"{rest // scale} {word}")
            rest %= scale
    if len(parts) > 1 and rest == 0:
        forms.append(" و ".join(parts))
    if 1300 <= n <= 1399:
        forms.append(str(n - 1300))  # Iranian years are often written ۹۹ for 1399
    return list(dict.fromkeys(forms))


def _pruned(spellings: Sequence[Spelling]) -> tuple[Spelling, ...]:
    """Drop spellings that a shorter one of the same term already matches as a prefix.

    "consulat" finds every "consulate general", "صادر" every "صادرات": counting both would count
    one word twice. Only stems long enough to match as a prefix cover longer spellings.
    """
    unique = list(dict.fromkeys(spellings))

    def covers(short: Spelling, long: Spelling) -> bool:
        return (short is not long and short.lang == long.lang and short.text != long.text
                and b" " not in short.text and long.text.startswith(short.text)
                and len(short.text) >= PREFIX_MIN.get(short.lang, 99))

    return tuple(s for s in unique if not any(covers(o, s) for o in unique))


def _word_term(words: Sequence[str], lang: str, lex: Lexicon, label: str | None = None,
               kind: str = "word") -> Term:
    """One word (or one multi-word entry of the synonym table) of the query as a term: its own
    spellings and its synonyms'."""
    text = " ".join(words)
    spellings = (_word_forms(words[0], lang, lex) if len(words) == 1
                 else _phrase_forms(words, lang, lex))
    for member in _synonyms(_group_key(text, lang), lang):
        spellings += _member_forms(member, lex)
    return Term(label or text, _pruned(spellings), kind=kind)


def _glue(words: Sequence[str]) -> bool:
    return len(words) == 1 and words[0] in _GLUE


_MAX_RUN = max(len(_TOKEN.findall(_normal(m))) for group in SYNONYMS for m in group)


def _concepts(tokens: Sequence[str], langs: Sequence[str],
              content: Sequence[bool]) -> list[tuple[tuple[str, ...], str, bool]]:
    """The query's words as items (words, language, content?): a run of words that is one
    multi-word entry of the synonym table (prime minister, یادداشت تفاهم, neighbouring countries)
    is one item, so it is looked up as one concept; every other word is an item of its own."""
    out: list[tuple[tuple[str, ...], str, bool]] = []
    i = 0
    while i < len(tokens):
        size = 1
        if content[i]:
            for width in range(min(_MAX_RUN, len(tokens) - i), 1, -1):
                j = i + width
                if content[j - 1] and all(lang == langs[i] for lang in langs[i:j]) \
                        and _synonyms(_group_key(" ".join(tokens[i:j]), langs[i]), langs[i]):
                    size = width
                    break
        out.append((tuple(tokens[i:i + size]), langs[i], content[i]))
        i += size
    return out


@dataclass(frozen=True)
class Query:
    """The analysed query: its terms, and the language its words are in."""

    text: str
    terms: tuple[Term, ...]
    lang: str


def analyse(query: str, lexicon: Lexicon | None = None) -> Query:
    """Turn what the user typed into weighted terms; never raises on any input.

    `lexicon` resolves Persian compounds (see `_canonical`); search() passes the index's.
    """
    lex = lexicon or Lexicon()
    normal = _normal(query)
    terms: list[Term] = []
    for match in _NUMBER.finditer(normal):
        typed = match.group(1).replace(",", "")
        forms = [typed]
        if len(typed) <= 15:  # beyond that a float is not exact: look for the digits as typed
            value = float(typed) * _SCALES.get(match.group(2) or "", 1)
            if match.group(3):
                value += float(match.group(3)) * _SCALES[match.group(4)]
            forms = number_forms(value)
            if not match.group(2) and typed not in forms:
                forms.append(typed)  # 05, 0042: also as typed
        terms.append(Term(match.group(0), tuple(Spelling(fold(f), "num", True) for f in forms),
                          kind="number"))
    words_text = _NUMBER.sub(" ", normal)
    tokens = [t for t in _TOKEN.findall(words_text) if not t.isdigit()]
    tokens, langs = _canonical(tokens, [_lang(t) for t in tokens], lex)
    content = [not _is_stop(t, lang, lex) for t, lang in zip(tokens, langs, strict=True)]
    if not any(content) and not terms:
        content = [True] * len(tokens)  # a query of only stop words still searches for them
    items = _concepts(tokens, langs, content)
    seen: set[tuple[str, str]] = set()
    for words, lang, keep in items:
        if not keep:
            continue
        if len(words) == 1 and words[0] in _NUMBER_WORDS:
            token = words[0]
            spellings = [Spelling(fold(token), lang),
                         Spelling(fold(str(_NUMBER_WORDS[token])), "num", True)]
            terms.append(Term(token, tuple(spellings), kind="number"))
            continue
        key = _group_key(" ".join(words), lang)
        if (lang, key) in seen:
            continue
        seen.add((lang, key))
        terms.append(_word_term(words, lang, lex))
    for (a, lang_a, keep_a), (b, lang_b, keep_b) in pairwise(items):
        if lang_a == lang_b and keep_a and keep_b and not _glue(a) and not _glue(b):
            words = [*a, *b]
            terms.append(Term(" ".join(words), tuple(_phrase_forms(words, lang_a, lex)),
                              weight=PHRASE_WEIGHT, kind="phrase"))
    fa_words = langs.count("fa")
    lang = "fa" if fa_words and fa_words * 2 >= len(tokens) else "en"
    if len(set(langs)) == 1:  # numbers among words of one language: look there only
        terms = [Term(t.label, tuple(Spelling(s.text, langs[0], True) if s.lang == "num" else s
                                     for s in t.spellings), t.weight, t.kind) for t in terms]
    return Query(query, tuple(terms), lang)


# ---------------------------------------------------------------------------------------------
# The index: folded text of every field of every document, per language
# ---------------------------------------------------------------------------------------------

_NAME_KEYS = ("title", "name", "label", "resource", "city")
_TEXT_KEYS = ("summary", "text")
_SKIP_VALUES = frozenset(["precision", "basis"])
_NAME, _TEXT, _OTHER = range(3)
_PLACES: dict[str, Any] = {}


def _place(key: str) -> Any:
    """Where a record's top-level key goes: "sources", "pairs", or (field, language or None)."""
    place = _PLACES.get(key)
    if place is None:
        base, _, suffix = key.rpartition("_")
        lang = suffix if suffix in LANGS else None
        if key == "sources":
            place = "sources"
        elif key in ("roles", "items"):
            place = "pairs"
        elif key.endswith("variants_fa"):
            place = (_NAME, "fa")
        elif lang and base in _NAME_KEYS:
            place = (_NAME, lang)
        elif lang and base in _TEXT_KEYS:
            place = (_TEXT, lang)
        else:
            place = (_OTHER, lang)
        _PLACES[key] = place
    return place


def _script(text: str) -> str:
    return "en" if text.isascii() or not _ARABIC_SCRIPT.search(text) else "fa"


def _nested(value: Any, key_lang: str | None, lang: str, sink: list[str]) -> None:
    """The strings (and, in English, numbers) of `lang` inside a list or object value."""
    if isinstance(value, str):
        if (key_lang or _script(value)) == lang:
            sink.append(value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        sink.append(_format_number(value))
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in _SKIP_VALUES:
                suffix = k.rpartition("_")[2]
                _nested(v, suffix if suffix in LANGS else key_lang, lang, sink)
    elif isinstance(value, list):
        for v in value:
            _nested(v, key_lang, lang, sink)


_SKIP, _AUTO, _SOURCES, _PAIRS, _BY_SCRIPT = 4, 3, 5, 6, 10
_CODES: dict[str, dict[str, int]] = {"en": {}, "fa": {}}


def _code(key: str, lang: str) -> int:
    """What to do with a top-level key for one language: a field (0-2), _SKIP (the other
    language), _AUTO (other field, language by script), _BY_SCRIPT + field, _SOURCES, _PAIRS."""
    place = _place(key)
    if place == "sources":
        return _SOURCES
    if place == "pairs":
        return _PAIRS
    field, key_lang = place
    if key_lang is None:
        return _AUTO if field == _OTHER else _BY_SCRIPT + field
    return field if key_lang == lang else _SKIP


def record_cells(data: Mapping[str, Any], lang: str) -> tuple[str, str, str]:
    """The (name, text, other) fields of one record's KB dict in one language.

    name: titles, names, labels, resource and city names, spelling variants; text: summary and
    text, roles and listed items, and (Persian) the quotes; other: every other value, a string's
    language told by its key (`_en`/`_fa`) or else by its script; numbers count as English.
    """
    return _cells_of((data,), lang)[0]


def _cells_of(records: Sequence[Mapping[str, Any]], lang: str) -> list[tuple[str, str, str]]:
    codes = _CODES[lang]
    out = []
    fa = lang == "fa"
    for data in records:
        name: list[str] = []
        text: list[str] = []
        other: list[str] = []
        parts = (name, text, other)
        for key, value in data.items():
            code = codes.get(key)
            if code is None:
                code = codes[key] = _code(key, lang)
            if code == _SKIP:
                continue
            kind = type(value)
            if kind is str:
                if code < _AUTO:
                    parts[code].append(value)
                elif _script(value) == lang:
                    parts[_OTHER if code == _AUTO else code - _BY_SCRIPT].append(value)
            elif code == _SOURCES:
                if fa:
                    text.extend([s["quote"] for s in value])
            elif code == _PAIRS:
                for pair in value if kind is list else ():
                    if type(pair) is dict and type(pair.get(lang)) is str:
                        text.append(pair[lang])
            elif kind is int or kind is float:
                other.append(_format_number(value))
            elif kind is list or kind is dict:
                if code < _AUTO:
                    _nested(value, lang, lang, parts[code])
                else:
                    _nested(value, None, lang,
                            parts[_OTHER if code == _AUTO else code - _BY_SCRIPT])
        out.append((" ".join(name), " ".join(text), " ".join(other)))
    return out


@dataclass
class _Blob:
    """One language's folded text: cell i (document i // 3, field i % 3) is
    data[starts[i]:starts[i + 1] - 1], a space, the field's text and a space; `lengths[i]` is that
    span's length (the field's own length + 2)."""

    data: bytes
    starts: list[int]
    lengths: list[int]
    avg: list[float]

    def factors(self) -> list[tuple[float, float, float]]:
        """Per field (w_f, 1 − b_f, b_f / avglen_f): norm(cell) = w / (c0 + c1 · len)."""
        return [(FIELD_WEIGHT[name], 1 - FIELD_B[name], FIELD_B[name] / self.avg[f])
                for f, name in enumerate(FIELDS)]


def _build_blob(cells: list[str]) -> _Blob:
    # NFKC cell by cell: one "…" in an English text must not send the whole text the slow way.
    cells = [c if c.isascii() else _nfkc(c) for c in cells]
    data = fold_normalized(" " + " \x1e ".join(cells) + " ")
    lengths = list(map(len, data.split(b"\x1e")))
    if len(lengths) != len(cells):  # a value held a \x1e itself: take it out and fold again
        cells = [c.replace("\x1e", " ") for c in cells]
        data = fold_normalized(" " + " \x1e ".join(cells) + " ")
        lengths = list(map(len, data.split(b"\x1e")))
    data += b"\x1e"  # a match always has a byte after it
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    width = len(FIELDS)
    avg = []
    for f in range(width):
        column = lengths[f::width]
        filled = len(column) - column.count(2)
        avg.append((sum(column) - 2 * len(column)) / filled if filled else 1.0)
    return _Blob(data, starts, lengths, avg)


_WORD_SPLIT = bytes.maketrans(b".,\x1e", b"   ")


class Index:
    """Every record and paragraph of one KB as documents with folded fields, per language."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        raw = _raw_records(kb)
        self.records: list[Mapping[str, Any]] = raw
        self.paragraphs: list[Paragraph] = sorted(kb.paragraphs.values(), key=lambda p: p.n)
        self.size = len(raw) + len(self.paragraphs)
        self.kinds: list[str] = [r["kind"] for r in raw] + [PARAGRAPH_KIND] * len(self.paragraphs)
        self._blobs: dict[str, _Blob] = {}
        self._words: dict[str, frozenset[bytes]] = {}
        self._candidates: dict[str, list[str]] = {}
        self.lexicon = Lexicon(lambda: self.words("fa"))

    def blob(self, lang: str) -> _Blob:
        """The folded text of one language, built on first use."""
        blob = self._blobs.get(lang)
        if blob is None:
            blob = self._blobs[lang] = _build_blob(self.cells(lang))
        return blob

    def words(self, lang: str) -> frozenset[bytes]:
        """Every distinct folded word of one language's text, built on first use."""
        words = self._words.get(lang)
        if words is None:
            words = self._words[lang] = frozenset(
                self.blob(lang).data.translate(_WORD_SPLIT).split())
        return words

    def fuzzy_candidates(self, lang: str, length: int) -> list[str]:
        """The words of one language a word of `length` letters may be a misspelling of: those
        of its script, of letters only, within two letters of its length, not stop words."""
        key = f"{lang}:{length}"
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = sorted(
                word for raw in self.words(lang) if abs(len(raw) - length) <= 2
                for word in (unfold(raw),) if word.isalpha() and _lang(word) == lang
                and word not in (STOP_FA if lang == "fa" else STOP_EN))
        return found

    def cells(self, lang: str) -> list[str]:
        """Every document's (name, text, other) fields in one language, document by document."""
        out = list(chain.from_iterable(_cells_of(self.records, lang)))
        for p in self.paragraphs:
            out += ("", p.fa if lang == "fa" else p.en, "")
        return out

    def doc_id(self, doc: int) -> str:
        if doc < len(self.records):
            return str(self.records[doc]["id"])
        return f"paragraph-{self.paragraphs[doc - len(self.records)].n}"


def _raw_records(kb: KB) -> list[Mapping[str, Any]]:
    raw = getattr(kb, "raw_records", None)
    if raw is not None:
        return list(raw)
    return [r.data for r in kb.records]


_INDEXES: dict[int, tuple[KB, Index]] = {}


def index_for(kb: KB) -> Index:
    """The index of this KB, built once per process."""
    hit = _INDEXES.get(id(kb))
    if hit is None or hit[0] is not kb:
        hit = (kb, Index(kb))
        _INDEXES[id(kb)] = hit
    return hit[1]


# ---------------------------------------------------------------------------------------------
# Matching and scoring
# ---------------------------------------------------------------------------------------------

def _continuation_weight(data: bytes, end: int, stem_len: int, lang: str) -> float:
    """1 when the word goes on with an inflection, PREFIX_WEIGHT for another ending, else 0."""
    stop = end
    limit = min(len(data), end + 40)
    while stop < limit and data[stop] in _WORD_BYTES:
        stop += 1
    if stop == end:
        return 1.0
    rest = data[end:stop]
    if lang == "fa" or rest[0] in _FA_BYTES:
        if unfold(rest) in FA_SUFFIXES:
            return 1.0
        return PREFIX_WEIGHT if stem_len >= PREFIX_MIN["fa"] else 0.0
    if rest.decode("latin-1") in EN_SUFFIXES:
        return 1.0
    return PREFIX_WEIGHT if stem_len >= PREFIX_MIN["en"] else 0.0


def _number_boundary(data: bytes, end: int) -> bool:
    """A number ends here: no digit follows, nor a decimal or thousands separator and a digit."""
    nxt = data[end:end + 2]
    if not nxt:
        return True
    if 48 <= nxt[0] <= 57:
        return False
    return not (nxt[0] in (44, 46) and len(nxt) == 2 and 48 <= nxt[1] <= 57)


_WORD_END = frozenset(b" .,\x1e")


def _matches(blob: _Blob, spelling: Spelling, lo: int, hi: int) -> Iterator[tuple[int, float]]:
    """(cell, weight) for every match of one spelling in cells lo..hi-1 of one language.

    A match starts a word (the needle begins with the space before it); its weight is 1 for a
    whole word or an inflection, PREFIX_WEIGHT for another continuation of a long stem, else 0.
    """
    needle = b" " + spelling.text
    data = blob.data
    starts = blob.starts
    find = data.find
    number = spelling.number
    lang = "fa" if spelling.text[0] in _FA_BYTES else "en"
    stem_len = len(spelling.text.rsplit(b" ", 1)[-1])
    size = len(needle)
    stop = starts[hi] - 1
    cell = lo
    at = find(needle, starts[lo], stop)
    while at != -1:
        end = at + size
        if data[end] in _WORD_END and not number:
            weight = 1.0
        elif number:
            weight = 1.0 if _number_boundary(data, end) else 0.0
        else:
            weight = _continuation_weight(data, end, stem_len, lang)
        if weight:
            cell = bisect.bisect_right(starts, at, cell) - 1
            yield cell, weight
        at = find(needle, end, stop)


def _lookups(index: Index, term: Term) -> Iterator[tuple[_Blob, str, Spelling]]:
    """Each (language text, language, spelling) a term is looked up in."""
    for spelling in term.spellings:
        if spelling.text:
            for lang in (LANGS if spelling.lang == "num" else (spelling.lang,)):
                yield index.blob(lang), lang, spelling


@dataclass
class TermStats:
    """One term over the whole KB: tf̃ (field-weighted, length-normalised tf) per document."""

    term: Term
    tilde: dict[int, float]

    @property
    def df(self) -> int:
        return len(self.tilde)


def _term_stats(index: Index, term: Term) -> TermStats:
    tilde: dict[int, float] = {}
    get = tilde.get
    width = len(FIELDS)
    for blob, _lang, spelling in _lookups(index, term):
        factors = blob.factors()
        lengths = blob.lengths
        for cell, weight in _matches(blob, spelling, 0, len(lengths)):
            doc, f = divmod(cell, width)
            w, c0, c1 = factors[f]
            tilde[doc] = get(doc, 0.0) + weight * w / (c0 + c1 * (lengths[cell] - 2))
    return TermStats(term, tilde)


def _field_tf(index: Index, term: Term, doc: int) -> dict[str, float]:
    """The term's weighted count in each field of one document (for explanations)."""
    out: dict[str, float] = {}
    width = len(FIELDS)
    for blob, lang, spelling in _lookups(index, term):
        for cell, weight in _matches(blob, spelling, doc * width, doc * width + width):
            key = f"{FIELDS[cell % width]}_{lang}"
            out[key] = out.get(key, 0.0) + weight
    return out


def idf(df: int, n: int) -> float:
    """BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5))."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One ranked result: a record or a paragraph, its score and why, and a snippet."""

    rank: int
    score: float
    kind: str
    id: str
    paragraphs: tuple[int, ...]
    snippet: str
    record: Record | None = None
    paragraph: Paragraph | None = None
    explain: Mapping[str, Any] | None = None

    @property
    def sources(self) -> list[dict[str, Any]]:
        if self.record is not None:
            return [dict(s) for s in self.record.data["sources"]]
        assert self.paragraph is not None
        return [{"paragraph": self.paragraph.n, "quote": self.paragraph.fa}]

    def record_json(self) -> dict[str, Any]:
        if self.record is not None:
            return dict(self.record.data)
        assert self.paragraph is not None
        return {"n": self.paragraph.n, "fa": self.paragraph.fa, "en": self.paragraph.en}


@dataclass(frozen=True)
class Results:
    """The ranked hits shown (at most `limit`) and how many documents matched in all."""

    query: Query
    hits: tuple[Hit, ...]
    total: int


def search(kb: KB, query: str, *, kinds: Collection[str] | None = None, limit: int | None = 10,
           explain: bool = False, lang: str | None = None) -> Results:
    """Rank every record and paragraph of `kb` against `query` (see the module docstring).

    `kinds` keeps only those kinds (record kinds or "paragraph"); `lang` chooses the snippet
    language (default: the query's). Any text is a valid query; one with no words finds nothing.
    """
    with _collector_paused():
        return _search(kb, query, kinds, limit, explain, lang)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while searching: it makes no cycles, and on a big KB each
    full collection would walk every object of the KB again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _search(kb: KB, query: str, kinds: Collection[str] | None, limit: int | None,
            explain: bool, lang: str | None) -> Results:
    index = index_for(kb)
    parsed = analyse(query, index.lexicon)
    n = index.size
    scores: dict[int, float] = {}
    all_stats = [_term_stats(index, term) for term in parsed.terms]
    if any(stats.df == 0 and stats.term.kind == "word" for stats in all_stats):
        parsed, all_stats = _fuzzy(index, parsed, all_stats)
    for stats in all_stats:
        weight = stats.term.weight * idf(stats.df, n)
        get = scores.get
        for doc, t in stats.tilde.items():
            scores[doc] = get(doc, 0.0) + weight * t / (K1 + t)
    wanted = set(kinds) if kinds else None
    kinds_of = index.kinds
    candidates = [doc for doc in scores if wanted is None or kinds_of[doc] in wanted]

    def order(doc: int) -> tuple[float, int]:
        return scores[doc], -doc

    if limit is None or limit >= len(candidates):
        shown = sorted(candidates, key=order, reverse=True)
    else:
        shown = heapq.nlargest(limit, candidates, key=order)
    snippet_lang = lang or parsed.lang
    hits = tuple(_hit(index, doc, rank, scores[doc], parsed, all_stats, snippet_lang, explain)
                 for rank, doc in enumerate(shown, 1))
    return Results(parsed, hits, len(candidates))


FUZZY_CUTOFF = 0.8
FUZZY_MIN = 5  # letters: shorter words are too easily close to another word


def _fuzzy(index: Index, query: Query,
           all_stats: list[TermStats]) -> tuple[Query, list[TermStats]]:
    """Each query word that matches nothing at all looked up instead as the closest word of the
    index, e.g. Tokaev as tokayev: stems compared by difflib's ratio (≥ FUZZY_CUTOFF), the first
    letter the same (so order does not become border). Only then: a word that matches anything
    is never changed. The term is labelled "tokaev ≈ tokayev", kind "fuzzy"."""
    terms: list[Term] = []
    out: list[TermStats] = []
    for stats in all_stats:
        term = stats.term
        word = term.label
        if stats.df == 0 and term.kind == "word" and " " not in word and len(word) >= FUZZY_MIN:
            lang = _lang(word)
            by_stem: dict[str, str] = {}
            for candidate in index.fuzzy_candidates(lang, len(word)):
                if candidate[0] == word[0]:
                    by_stem.setdefault(_stem(candidate, lang), candidate)
            close = difflib.get_close_matches(_stem(word, lang), sorted(by_stem), n=1,
                                              cutoff=FUZZY_CUTOFF)
            if close:
                found = by_stem[close[0]]
                term = _word_term([found], lang, index.lexicon, label=f"{word} ≈ {found}",
                                  kind="fuzzy")
                stats = _term_stats(index, term)
        terms.append(term)
        out.append(stats)
    return replace(query, terms=tuple(terms)), out


def _hit(index: Index, doc: int, rank: int, score: float, query: Query,
         all_stats: Sequence[TermStats], lang: str, explain: bool) -> Hit:
    record: Record | None = None
    paragraph: Paragraph | None = None
    if doc < len(index.records):
        record = _record(index.kb, doc)
        texts = _record_texts(record, lang)
        paragraphs = record.paragraphs
    else:
        paragraph = index.paragraphs[doc - len(index.records)]
        texts = [paragraph.fa if lang == "fa" else paragraph.en]
        paragraphs = (paragraph.n,)
    snippet = make_snippet(texts, query, lang)
    why = explanation(index, doc, score, all_stats) if explain else None
    return Hit(rank, round(score, 4), index.kinds[doc], index.doc_id(doc), paragraphs, snippet,
               record, paragraph, why)


def _record(kb: KB, position: int) -> Record:
    getter = getattr(kb, "record_at", None)
    return getter(position) if getter is not None else kb.records[position]


def _record_texts(record: Record, lang: str) -> list[str]:
    data = record.data
    texts = [str(data[k]) for k in (f"summary_{lang}", f"text_{lang}") if data.get(k)]
    texts += [str(data[f"{k}_{lang}"]) for k in _NAME_KEYS if data.get(f"{k}_{lang}")]
    if lang == "fa":
        texts += [s.quote for s in record.sources]
    return texts or [record.label(lang)]


def make_snippet(texts: Sequence[str], query: Query, lang: str, width: int = 24) -> str:
    """About `width` words around the first match, from the text with the most matching words."""
    needles = tuple(s.text for t in query.terms for s in t.spellings
                    if s.lang in (lang, "num") and s.text and b" " not in s.text)
    best, best_hits, best_at = texts[0], 0, 0
    for text in texts:
        folded = [fold(w) for w in text.split()]
        found = [i for i, w in enumerate(folded) if needles and w.startswith(needles)]
        if len(found) > best_hits:
            best, best_hits, best_at = text, len(found), found[0]
    words = best.split()
    start = max(0, min(best_at - width // 3, len(words) - width))
    end = min(len(words), start + width)
    out = " ".join(words[start:end])
    if start > 0:
        out = "… " + out
    if end < len(words):
        out += " …"
    return out


def explanation(index: Index, doc: int, score: float,
                all_stats: Sequence[TermStats]) -> dict[str, Any]:
    """Why one document scored what it did: each matching term's idf, fields and share."""
    n = index.size
    width = len(FIELDS)
    terms = []
    for stats in all_stats:
        t = stats.tilde.get(doc)
        if t is None:
            continue
        term_idf = idf(stats.df, n)
        fields = {}
        for key, tf in sorted(_field_tf(index, stats.term, doc).items()):
            name, lang = key.split("_")
            blob = index.blob(lang)
            f = FIELDS.index(name)
            fields[key] = {"tf": round(tf, 3), "len": blob.lengths[doc * width + f] - 2,
                           "avg_len": round(blob.avg[f], 1), "weight": FIELD_WEIGHT[name],
                           "b": FIELD_B[name]}
        terms.append({
            "term": stats.term.label, "kind": stats.term.kind,
            "spellings": [unfold(s.text) for s in stats.term.spellings],
            "query_weight": stats.term.weight, "df": stats.df, "idf": round(term_idf, 4),
            "fields": fields, "tf_weighted": round(t, 4),
            "score": round(stats.term.weight * term_idf * t / (K1 + t), 4),
        })
    terms.sort(key=lambda item: -item["score"])
    return {"method": "BM25F", "k1": K1, "documents": n, "score": round(score, 4),
            "terms": terms}
