"""Stop words, the reviewed synonym table, number words and the light stemmers."""

from __future__ import annotations

import re

from .folding import ARABIC_SCRIPT, TOKEN, normal_text

# ---------------------------------------------------------------------------------------------
# Query analysis: words, stems, stop words, synonyms, compounds, numbers
# ---------------------------------------------------------------------------------------------

def _wordset(words: str) -> frozenset[str]:
    """Words as the query analyser sees them (folded the same way, e.g. آن → ان)."""
    return frozenset(t for w in words.split() for t in TOKEN.findall(normal_text(w)))


STOP_EN = _wordset("""
a an the of in on at to for from by with without about as into onto over under between among
and or nor not no yes is are was were be been being am do does did done doing have has had
having will would shall should can could may might must what which who whom whose when where why
how that this these those it its they them their theirs there here he him his she her hers we
our ours us you your yours i me my mine many much more most some any each every all both either
neither than then so such very also too just only other others own same if while during before
after since until according say said says tell told give gave get got s t whether like called
per via one ever kind kinds sort type types name named anything something thing things way ways
sense
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
NO_JOIN = _wordset("و در به از را که با برای یا تا بر این آن")

# Words that never join a phrase: pure function words (a phrase of them finds nothing useful).
GLUE = _wordset("""
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
    ("صادرات", "صادر", "فروش", "فروخت", "فروختن", "فروخته"),
    ("import", "imports", "purchase", "purchases", "buy", "bought"),
    ("واردات", "خرید", "خریدن", "خریده"),
    ("goods", "commodity", "commodities", "merchandise", "stuff", "cargo"),
    ("کالا", "کالاها", "جنس", "اجناس"),
    ("مبادله", "مبادلات", "تبادل", "رد و بدل"),
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
    ("پارسال", "سال گذشته", "سال قبل"),
    # diplomacy
    ("consulate", "consulates", "consulate general", "consular"),
    ("کنسولگری", "سرکنسولگری", "کنسول"),
    ("embassy", "embassies"),
    ("سفارت", "سفارتخانه"),
    ("ambassador", "envoy"),
    ("سفیر",),
    ("visit", "visits", "visited", "trip", "trips", "journey", "tour", "toured",
     # a visit's arrival and setting off: "when did Tokayev get to Tehran"
     "arrive", "arrived", "arrival", "reach", "reached", "got to", "get to", "set off",
     "left for", "depart", "departed", "departure"),
    ("سفر", "سفرها", "مسافرت", "ورود", "رسید", "رسیدن", "عازم", "راهی", "رفت"),
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
    ("view", "views", "see", "sees", "regard", "regards", "perceive", "perceives", "perception",
     "opinion", "attitude", "attitudes"),
    ("نگاه", "دیدگاه", "نگرش", "دید"),
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
     "neighbouring countries", "neighboring countries", "bordering countries",
     "share borders", "share a border", "shares a border", "shares borders"),
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

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
    "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "ده": 10,
    "پانزده": 15, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "صد": 100,
}
# A number of decades is that many tens of years («دو دهه», two decades → 20).
DECADE_WORDS = _wordset("decade decades دهه")
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "bn": 10**9,
           "هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9}
SCALE_WORDS_EN = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
SCALE_WORDS_FA = ((10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار"))
NUMBER = re.compile(
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
FA_VERB_PREFIXES = ("نمی", "می")
_FA_NOT_VERBS = _wordset("""
میان میانه میزان میراث میدان میلیون میلیارد میهمان میز میل میوه میش مین میکروب میخ میلادی
""")


def _compound_heads() -> dict[str, frozenset[str]]:
    """Per Persian word stem: the words before it in a two-word entry of the synonym table that
    is a word of its own (راه آهن is a railway, not iron; نخست وزیر a premier, not a minister).

    Such a word typed alone does not count where the data writes it as that entry's second half.
    Not when the word is itself an entry (مرز: هم مرز), nor when its entry's group has a member
    starting with it (تفاهم: یادداشت تفاهم, تفاهم نامه), nor after a stop word.
    """
    singles = {stem_fa(m) for g in SYNONYMS for m in g
               if lang_of(m) == "fa" and len(TOKEN.findall(normal_text(m))) == 1}
    heads: dict[str, set[str]] = {}
    for group in SYNONYMS:
        firsts = {stem_fa(TOKEN.findall(normal_text(m))[0]) for m in group if lang_of(m) == "fa"}
        for member in group:
            words = TOKEN.findall(normal_text(member))
            if lang_of(member) != "fa" or len(words) != 2 or words[0] in STOP_FA:
                continue
            tail = stem_fa(words[1])
            if tail not in singles and tail not in firsts:
                heads.setdefault(tail, set()).add(words[0])
    return {tail: frozenset(h) for tail, h in heads.items()}


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
    if word.startswith(FA_VERB_PREFIXES) and not _not_verb(word):
        prefix = next(p for p in FA_VERB_PREFIXES if word.startswith(p))
        if len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
    for suffix in _FA_STRIP:
        if word.endswith(suffix) and len(word) - len(suffix) >= _FA_STRIP_MIN.get(suffix, 3):
            if suffix == "ان" and word.endswith("ستان"):
                continue  # قزاقستان, ترکمنستان: a place, not a plural
            return word[: -len(suffix)]
    return word


def lang_of(token: str) -> str:
    return "fa" if ARABIC_SCRIPT.search(token) else "en"


def stem_word(token: str, lang: str) -> str:
    return stem_fa(token) if lang == "fa" else stem_en(token)


COMPOUND_HEADS = _compound_heads()
