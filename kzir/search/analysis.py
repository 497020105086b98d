"""Turn a query as typed into terms: canonical compounds, synonyms, numbers, phrases."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise, product

from ..slotted import Slotted
from .folding import TOKEN, fold, fold_normalized, normal_text
from .intent import Intent, question_words, read_intent
from .params import PHRASE_WEIGHT, PREFIX_MIN
from .vocabulary import (
    COMPOUND_HEADS,
    DECADE_WORDS,
    FA_VERB_PREFIXES,
    GLUE,
    NO_JOIN,
    NUMBER,
    NUMBER_WORDS,
    SCALE_WORDS_EN,
    SCALE_WORDS_FA,
    SCALES,
    STOP_EN,
    STOP_FA,
    SYNONYMS,
    lang_of,
    stem_fa,
    stem_word,
)


class Spelling(Slotted):
    """One way a term is written in the folded data: the bytes, their language, the match rule."""

    text: bytes
    lang: str  # "en", "fa" or "num" (a number: looked up in both languages)
    number: bool = False
    not_after: tuple[bytes, ...] = ()  # words it does not count after (راه before آهن)


class Term(Slotted):
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
                if lang_of(member) == "fa":
                    words.update(TOKEN.findall(normal_text(member)))
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
            if parts[0] not in NO_JOIN and parts[-1] not in NO_JOIN
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
    if token in NUMBER_WORDS:
        return False  # بیست is not بی + ست
    # a word that begins with a content word of the data (هستهای: هسته + ای, "nuclear") is
    # content, however it also splits into stop words (هست + های)
    return (len(token) >= 2 * _SPLIT_MIN and not lex.in_data(token)
            and not any(lex.in_data(token[:i]) and token[:i] not in STOP_FA
                        for i in range(_SPLIT_MIN + 1, len(token)))
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
                and token not in NUMBER_WORDS and not lex.known(token):
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
        # an ending typed apart (تفاهم‌نامه‌هایی, ZWNJ as a space) goes back on its word, as
        # typed fused
        while i + size < len(parts) and parts[i + size][0] in _KNOWN_ENDINGS \
                and parts[i][1] == parts[i + size][1] == "fa" and size > 1 \
                and lex.known("".join(w for w, _ in parts[i:i + size + 1])):
            size += 1
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
    return run[0] not in NO_JOIN and run[-1] not in NO_JOIN \
        and not all(w in STOP_FA for w in run)


def _phrase_forms(words: Sequence[str], lang: str, lex: Lexicon | None = None) -> list[Spelling]:
    """A multi-word form as written spaced and fused (رئیس جمهور / رئیسجمهور), stem at the end;
    in Persian each word also as the data may write it spaced (رئیسجمهور قزاقستان → رئیس جمهور
    قزاقستان)."""
    last = stem_word(words[-1], lang)
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
    stem = stem_word(word, lang)
    heads = COMPOUND_HEADS.get(stem, ()) if lang == "fa" else ()
    forms = [Spelling(fold(stem), lang, not_after=tuple(sorted(fold(h) for h in heads)))]
    if lang == "fa" and stem != word and word.startswith(FA_VERB_PREFIXES):
        forms.append(Spelling(fold(word), lang))  # the verb written fused: میکنند
    if lang == "fa" and lex is not None:
        forms += [Spelling(fold(f), lang) for f in _splits(word, lex)]
    return forms


def _synonym_index() -> dict[tuple[str, str], tuple[str, ...]]:
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    for group in SYNONYMS:
        for member in group:
            lang = lang_of(member)
            index.setdefault((lang, _group_key(member, lang)), group)
            if lang == "fa":  # also as one fused word is stemmed: یادداشت تفاهم, نخست وزیر
                fused = "".join(TOKEN.findall(normal_text(member)))
                index.setdefault((lang, stem_fa(fused)), group)
    return index


def _group_key(text: str, lang: str) -> str:
    """How a word or a multi-word form is looked up in the synonym table: its stemmed words,
    in Persian fused (تفاهم نامه and تفاهمنامه are one key)."""
    return (" " if lang == "en" else "").join(stem_word(w, lang)
                                              for w in TOKEN.findall(normal_text(text)))


_SYNONYM_INDEX: dict[tuple[str, str], tuple[str, ...]] | None = None


def _synonyms(key: str, lang: str) -> tuple[str, ...]:
    global _SYNONYM_INDEX
    if _SYNONYM_INDEX is None:
        _SYNONYM_INDEX = _synonym_index()
    found = _SYNONYM_INDEX.get((lang, key), ())
    if not found and lang == "fa" and " " not in key:
        # an ending hid a stem's own ending (تفاهمنامههایی → تفاهمنامه, the table's تفاهمنام)
        found = _SYNONYM_INDEX.get((lang, stem_fa(key)), ())
    return found


def _member_forms(member: str, lex: Lexicon | None = None) -> list[Spelling]:
    lang = lang_of(member)
    words = TOKEN.findall(normal_text(member))
    if len(words) == 1:
        return _word_forms(words[0], lang, lex)
    return _phrase_forms(words, lang, lex)


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.3f}".rstrip("0").rstrip(".")


def number_forms(value: float) -> list[str]:
    """The ways the KB may write a number: 265200000, 265,200,000, 265.2 million, and
    ۲۶۵ میلیون و ۲۰۰ هزار (digits are folded to ASCII on both sides)."""
    forms = [format_number(value)]
    if value != int(value):
        return forms
    n = int(value)
    if n >= 10000:
        forms.append(f"{n:,}")
    for scales in (SCALE_WORDS_EN, SCALE_WORDS_FA):
        for scale, word in scales:  # the largest scale that writes it with at most 3 decimals
            if n >= scale and (n * 1000) % scale == 0 and (n >= 10000 or n % scale == 0):
                forms.append(f"{format_number(n / scale)} {word}")
                break
    parts, rest = [], n
    for scale, word in SCALE_WORDS_FA:
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


def word_term(words: Sequence[str], lang: str, lex: Lexicon, label: str | None = None,
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
    return len(words) == 1 and words[0] in GLUE


_MAX_RUN = max(len(TOKEN.findall(normal_text(m))) for group in SYNONYMS for m in group)


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


_MONTH_YEAR = re.compile(r"(?<![\w])([^\W\d_]+)(?:\s+ماه)?(?:\s+سال)?\s+(\d{4})(?!\d)"
                         r"|(?<![\w.,])(\d{4})\s+([^\W\d_]+)")


def _month_terms(normal: str, terms: list[Term]) -> str:
    """A month and year ("ژانویه ۲۰۲۲", "Dey 1400", "2022 January") as one date term: the
    months it spans written as the KB's ISO dates write them, in both calendars ("2022 01",
    "1400 10", "1400 11"), so January 2022 finds a date of Dey 1400. The words are taken out of
    the query (the year alone would find every date of 2022, the month word nothing).
    A month is any spelling the date parser reads (kzir.dates.months: Khordaad, Xordad, ژانویه),
    and the parser (kzir.dates.parse_bound, loaded only then) gives the span."""
    def one(match: re.Match[str]) -> str:
        month, year = (match.group(1), match.group(2)) if match.group(1) else \
            (match.group(4), match.group(3))
        from ..dates.months import lookup_month  # only for a word beside a year

        if lookup_month(month) is None:
            return match.group(0)
        months = _month_span(f"{month} {year}")
        if not months:
            return match.group(0)
        spellings = tuple(Spelling(fold(f"{y} {m:02d}"), "en", True) for y, m in months)
        terms.append(Term(f"{month} {year}", spellings, kind="date"))
        return " "

    return _MONTH_YEAR.sub(one, normal)


def _month_span(text: str) -> list[tuple[int, int]]:
    """The Gregorian and the Jalali (year, month)s a month typed in either calendar spans."""
    from ..dates import Day, parse_bound
    from ..errors import KzirError

    try:
        first, last = parse_bound(text)
    except KzirError:
        return []
    out = []
    for day in (first, last):
        out.append((day.year, day.month))
        jalali = Day.from_gregorian(day.year, day.month, day.day).jalali
        out.append((jalali[0], jalali[1]))
    return list(dict.fromkeys(out))


def _decade_terms(normal: str, terms: list[Term], values: list[float]) -> str:
    """«دو دهه», "two decades", "2 decades" as one term: the words as written or the number of
    years (20; the KB writes "20 years" and holds span_years 20). One concept, one term: the
    words are taken out of the query, so the count (دو, 2) and «دهه» do not score again apart."""
    def one(match: re.Match[str]) -> str:
        count, word = match.group(1), match.group(2)
        n = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
        if not n:
            return match.group(0)
        lang = lang_of(word)
        spellings = [*_phrase_forms([count, word], lang),
                     *(Spelling(fold(f), "num", True) for f in number_forms(n * 10))]
        terms.append(Term(f"{count} {word} = {n * 10}", tuple(spellings), kind="number"))
        values.append(n * 10)
        return " "

    return _DECADES.sub(one, normal)


_DECADES = re.compile(r"(?<![\w.,])(\d+|[^\W\d_]+)\s+("
                      + "|".join(sorted(DECADE_WORDS, key=len, reverse=True))
                      + r")(?![^\W\d_])")


class Query(Slotted):
    """The analysed query: its terms, the language its words are in, and what it asks for."""

    text: str
    terms: tuple[Term, ...]
    lang: str
    intent: Intent = Intent()
    words: tuple[str, ...] = ()  # the words in canonical form (compounds as one, numbers out)


def analyse(query: str, lexicon: Lexicon | None = None) -> Query:
    """Turn what the user typed into weighted terms; never raises on any input.

    `lexicon` resolves Persian compounds (see `_canonical`); search() passes the index's.
    """
    lex = lexicon or Lexicon()
    normal = normal_text(query)
    terms: list[Term] = []
    values: list[float] = []
    normal = _month_terms(normal, terms)
    normal = _decade_terms(normal, terms, values)
    for match in NUMBER.finditer(normal):
        typed = match.group(1).replace(",", "")
        forms = [typed]
        if len(typed) <= 15:  # beyond that a float is not exact: look for the digits as typed
            value = float(typed) * SCALES.get(match.group(2) or "", 1)
            if match.group(3):
                value += float(match.group(3)) * SCALES[match.group(4)]
            forms = number_forms(value)
            values.append(value)
            if not match.group(2) and typed not in forms:
                forms.append(typed)  # 05, 0042: also as typed
        terms.append(Term(match.group(0), tuple(Spelling(fold(f), "num", True) for f in forms),
                          kind="number"))
    words_text = NUMBER.sub(" ", normal)
    tokens = [t for t in TOKEN.findall(words_text) if not t.isdigit()]
    tokens, langs = _canonical(tokens, [lang_of(t) for t in tokens], lex)
    asking = question_words(tokens)
    content = [not _is_stop(t, lang, lex) and i not in asking
               for i, (t, lang) in enumerate(zip(tokens, langs, strict=True))]
    if not any(content) and not terms:
        content = [True] * len(tokens)  # a query of only stop words still searches for them
    items = _concepts(tokens, langs, content)
    seen: set[tuple[str, str]] = set()
    for words, lang, keep in items:
        if not keep:
            continue
        if len(words) == 1 and words[0] in NUMBER_WORDS:
            token = words[0]
            spellings = [Spelling(fold(token), lang),
                         Spelling(fold(str(NUMBER_WORDS[token])), "num", True)]
            terms.append(Term(token, tuple(spellings), kind="number"))
            values.append(NUMBER_WORDS[token])
            continue
        key = _group_key(" ".join(words), lang)
        if (lang, key) in seen:
            continue
        seen.add((lang, key))
        terms.append(word_term(words, lang, lex))
    for (a, lang_a, keep_a), (b, lang_b, keep_b) in pairwise(items):
        if lang_a == lang_b and keep_a and keep_b and not _glue(a) and not _glue(b):
            pair = [*a, *b]
            terms.append(Term(" ".join(pair), tuple(_phrase_forms(pair, lang_a, lex)),
                              weight=PHRASE_WEIGHT, kind="phrase"))
    fa_words = langs.count("fa")
    lang = "fa" if fa_words and fa_words * 2 >= len(tokens) else "en"
    if len(set(langs)) == 1:  # numbers among words of one language: look there only
        terms = [Term(t.label, tuple(Spelling(s.text, langs[0], True) if s.lang == "num" else s
                                     for s in t.spellings), t.weight, t.kind) for t in terms]
    return Query(query, tuple(terms), lang, read_intent(tokens, values), tuple(tokens))
