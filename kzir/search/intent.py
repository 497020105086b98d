"""What a question asks for, read from its words, and how well a record's structure answers it.

BM25F ranks by the words a question shares with a record; it cannot tell "Kazakhstan's consulate
in Iran" from "Iran's consulate in Kazakhstan", nor that "who" wants a person. So the top
RERANK_DEPTH documents are re-ranked by factors read from the record's fields, never from its
id or from a list of questions:

  intent     who → people (organisations, and records naming people or organisations, a
             quarter); where → places, missions and records with or naming a place; when →
             records with a date (events, documents), a day more than a month, a span or a
             year; how much / how many → records holding a figure (more, ×1.25, when the
             figure's own key is a word of the question: "how many neighbours" →
             neighbours_of_iran, "documents" →
             documents_count); which countries → countries and country lists.
             Colloquial Persian «کی» is "when" before a verb ("توکایف کی رسید") and "who" at the
             start, before را, after a preposition, or before a copula ("فارابی کی بود") — there
             "when" only if the best match by words is a dated record ("کودتا کی بود").
  value      a number in the question that is one of the record's own values (a year, a tonnage,
             a count, the year of its date) — a keyword query "1399 exports" wants the record
             holding 1399, not one that mentions it.
  relation   the countries' roles: an owner (Iran's, «سفارت ایران», the subject) and a place (in,
             در, تو, to, به) or an origin (from, از). A mission agrees when its `country` /
             `host_country` are those roles; trade when its `direction` (from Iran's side) is
             the flow the question names ("imports from Kazakhstan" = import, "Kazakhstan's
             exports" = import). A person agrees whom the question names by role (every word
             but the countries a word of one of their roles: "customs spokesman", «معاون اول
             رئیس جمهور»); an event whose `participants` include a person it names by name or
             by role.
             The reverse record is pushed down, the agreeing one up.
  name       "name"/«اسم» with no other question word: people, then organisations and places.
  paragraph  a paragraph is the text an answer is in; a record citing it states the answer
             as a fact (with its figure, name or date, in both languages), so when both match
             as well the record comes first (×0.75 on the paragraph).
  subject    a query whose every word is a word of one entity's own name (a person's,
             organisation's or place's name, spelling variant or alias: "Tokayev", "KTZ",
             «آلماتی») asks for that entity, not for the records that mention it.
  entity     otherwise an entity's own record (a person, organisation or place, whose summary
             repeats what the article says of it) yields to the records stating those things
             unless the question asks who, where, which countries or a name: "NIOC KazMunayGas
             MoU" wants the memorandum, not the company; "Silk Road and the Safavid era in
             Iran–Kazakhstan ties" the fact naming both, not the Silk Road's record.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from ..slotted import Slotted

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any
RERANK_DEPTH = 30  # documents re-ranked after BM25F: the rest keep their order below them
FIT_BOOST = 1.6  # the record is what the question asks for (a person for "who")
ENTITY = 0.75  # a person, organisation or place when the question asks for none of them
PARAGRAPH = 0.75  # a paragraph: the text the answer is in, where a record citing it states it
VALUE_BOOST = 1.4  # the record holds a number of the question as one of its values
MEASURE_BOOST = 1.25  # for how much / how many: the figure it holds is the one the question names
AGREE_BOOST = 1.4  # the record's roles (sender/host, direction, actors) are the question's
REVERSE = 0.5  # the record's roles are the question's reversed

# Question words, as token runs of the normalised query (ZWNJ is a space there).
_ASK: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "who": (("who",), ("whom",), ("whose",), ("کیست",), ("کیه",), ("چه", "کسی"), ("چهکسی",),
            ("چه", "کسانی"), ("کیا",), ("کیان",), ("چه", "شخصی"),
            # a person's position asked for: "job title", «چه سمتی»
            ("job", "title"), ("چه", "سمتی"), ("چه", "سمت")),
    "where": (("where",), ("which", "city"), ("what", "city"), ("which", "cities"),
              ("کجا",), ("کجاست",), ("کجای",), ("کجاس",), ("کدام", "شهر"), ("کدوم", "شهر"),
              ("کدوم", "شهره"), ("چه", "شهری"), ("کدام", "شهرها"), ("کدوم", "شهرها"),
              ("کدام", "شهرهای")),
    "when": (("when",), ("what", "date"), ("which", "date"), ("what", "day"), ("which", "day"),
             ("what", "year"), ("which", "year"), ("what", "month"), ("which", "month"),
             ("چه", "زمانی"), ("چه", "روزی"), ("چه", "تاریخی"), ("چه", "سالی"), ("چه", "ماهی"),
             ("چه", "موقع"), ("چه", "وقت"), ("کدام", "سال"), ("کدوم", "سال"), ("تاریخ",)),
    "amount": (("how", "much"), ("how", "many"), ("how", "big"), ("how", "large"),
               ("how", "long"), ("what", "percentage"), ("what", "rank"), ("which", "rank"),
               ("چقدر",), ("چقد",), ("چقدره",), ("چند",), ("چندتا",), ("چندم",), ("چندمین",),
               ("چه", "مقدار"), ("چه", "اندازه"), ("رتبه",), ("rank",)),
    "countries": (("which", "countries"), ("what", "countries"), ("چه", "کشورهایی"),
                  ("کدام", "کشورها"), ("کدوم", "کشورها"), ("کدام", "کشورهای"),
                  ("کدوم", "کشورهای"), ("کدوما",)),
    # a name asked for without a question word above: most often a person's
    "name": (("name",), ("named",), ("اسم",), ("اسمش",), ("نام",)),
}
_KI = "کی"  # colloquial "who" or "when"
_COPULA = frozenset({"بود", "است", "هست", "بودند", "هستند", "بوده", "ه", "ست"})
_PREPOSITIONS_BEFORE_WHO = frozenset({"به", "با", "برای", "مال"})
_OBJECT_MARKERS = frozenset({"را", "رو"})

# Countries and the words that give them a role.
_COUNTRY = {"iran": "IR", "iranian": "IR", "iranians": "IR", "ایران": "IR", "ایرانی": "IR",
            "کشورمان": "IR", "kazakhstan": "KZ", "kazakh": "KZ", "kazakhs": "KZ",
            "kazakhstani": "KZ", "قزاقستان": "KZ", "قزاقستانی": "KZ", "قزاق": "KZ"}
_COUNTRIES = frozenset(_COUNTRY.values())
COUNTRY_WORDS = frozenset(_COUNTRY)
_IN = frozenset({"in", "at", "inside", "within", "into", "to", "در", "تو", "توی", "داخل", "به"})
_FROM = frozenset({"from", "از"})
_ROLE_REACH = 3  # a country is placed by a preposition at most this many words before it
_EXPORT = frozenset({"export", "exports", "exported", "exporting", "exporter", "sell", "sells",
                     "sold", "sales", "selling", "صادرات", "صادر", "صادراتی", "فروش", "فروخت",
                     "فروخته", "میفروشد", "فروختن"})
_IMPORT = frozenset({"import", "imports", "imported", "importing", "importer", "buy", "buys",
                     "bought", "buying", "purchase", "purchases", "purchased", "واردات",
                     "وارد", "وارداتی", "خرید", "خریده", "خریدن", "میخرد"})

# Record structure.
_DATE_KEYS = ("date", "signed", "end_date")
_PLACE_KEYS = ("place_en", "place_fa", "city_en", "city_fa")
_NOT_FIGURES = frozenset({"index"})  # numbers that order records rather than measure anything


class Intent(Slotted):
    """What the question asks for and the roles it gives the two countries."""

    ask: str | None = None  # who | where | when | amount | countries | name | who-or-when
    owner: str | None = None  # IR | KZ: the country that has, sends, does
    place: str | None = None  # the country something is in / goes to
    origin: str | None = None  # the country something comes from
    flow: str | None = None  # export | import (from Iran's side), when the question names one
    numbers: frozenset[int] = frozenset()

    def describe(self) -> dict[str, Any]:
        """The intent as --explain shows it (only what was read)."""
        out: dict[str, Any] = {}
        if self.ask:
            out["asks"] = self.ask
        for name in ("owner", "place", "origin", "flow"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.numbers:
            out["numbers"] = sorted(self.numbers)
        return out


def read_intent(tokens: Sequence[str], numbers: Iterable[float] = ()) -> Intent:
    """The intent of a question from its words in canonical form (so however it was typed):
    question words, the countries' roles, the trade flow; `numbers` are the query's numbers
    (whole ones become values)."""
    words = [w for w in tokens if w != "s"]  # Iran's → iran
    ask = _ask(words)
    roles = _roles(words)
    flow = _flow(words, roles)
    whole = frozenset(int(n) for n in numbers if n == int(n))
    return Intent(ask, roles.get("owner"), roles.get("place"), roles.get("origin"), flow, whole)


def _runs(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, ask) of every question phrase among the words."""
    found: list[tuple[int, int, str]] = []
    for ask, runs in _ASK.items():
        for run in runs:
            for i in range(len(words) - len(run) + 1):
                if tuple(words[i:i + len(run)]) == run:
                    found.append((i, i + len(run), ask))
    return found


def question_words(tokens: Sequence[str]) -> frozenset[int]:
    """The positions of the tokens that ask («کدوم شهر», "which city", "what year", «تاریخ»):
    they say what kind of answer is wanted, which the intent scores by the record's structure,
    not what it is about — as terms, "city" would find every record of a city, not the one
    asked for."""
    return frozenset(i for start, end, _ in _runs(tokens) for i in range(start, end))


def _ask(words: Sequence[str]) -> str | None:
    found = [(start, ask) for start, _, ask in _runs(words)]
    asks = {a for _, a in found}
    if "countries" in asks:
        return "countries"
    if asks - {"name"}:
        return min(f for f in found if f[1] != "name")[1]  # the first question word asks
    if _KI in words:
        return _ki(words, words.index(_KI))
    if asks:
        return "name"
    return None


def _ki(words: Sequence[str], at: int) -> str:
    """«کی»: who or when, from where it stands (see the module docstring)."""
    after = words[at + 1] if at + 1 < len(words) else None
    before = words[at - 1] if at else None
    if at == 0 or after in _OBJECT_MARKERS or before in _PREPOSITIONS_BEFORE_WHO \
            or (at > 1 and words[at - 2] in _PREPOSITIONS_BEFORE_WHO):  # به افتخار کی
        return "who"
    if after is None or after in _COPULA:
        return "who-or-when"
    return "when"


def _roles(words: Sequence[str]) -> dict[str, str]:
    """owner / place / origin: each country by the nearest preposition before it (if any); a
    role given to both countries ("Iran–Kazakhstan trade") says nothing and is dropped."""
    roles: dict[str, str] = {}
    both: set[str] = set()
    for i, word in enumerate(words):
        country = _COUNTRY.get(word)
        if country is None:
            continue
        role = "owner"
        for j in range(i - 1, max(-1, i - 1 - _ROLE_REACH), -1):
            if words[j] in _COUNTRY:
                break
            if words[j] in _IN:
                role = "place"
                break
            if words[j] in _FROM:
                role = "origin"
                break
        if roles.setdefault(role, country) != country:
            both.add(role)
    return {role: country for role, country in roles.items() if role not in both}


def _flow(words: Sequence[str], roles: Mapping[str, str]) -> str | None:
    """export or import from Iran's side, when the question names exactly one of them."""
    said = {"export" for w in words if w in _EXPORT} | {"import" for w in words if w in _IMPORT}
    if len(said) != 1:
        return None
    word = said.pop()
    owner, place, origin = roles.get("owner"), roles.get("place"), roles.get("origin")
    exporter = origin or (owner if word == "export" else None)
    importer = place or (owner if word == "import" else None)
    if exporter == importer and exporter is not None:
        return None
    if exporter == "IR" or importer == "KZ":
        return "export"
    if exporter == "KZ" or importer == "IR":
        return "import"
    return word


# ---------------------------------------------------------------- what a record holds

def is_dated(data: Mapping[str, Any]) -> bool:
    """The record has a date of its own (an event's, a document's signing)."""
    return any(isinstance(data.get(k), dict) and data[k].get("jalali") for k in _DATE_KEYS)


def linked_kinds(data: Mapping[str, Any], kind_of: Mapping[str, str]) -> set[str]:
    """The kinds of the records this one names by id (a fact's places, a document's parties,
    an event's participants); `kind_of` gives each id's kind."""
    out: set[str] = set()
    for key, value in data.items():
        if key == "id":
            continue
        for item in value if isinstance(value, list) else (value,):
            for v in item.values() if isinstance(item, dict) else (item,):
                if isinstance(v, str) and v in kind_of:
                    out.add(kind_of[v])
    return out


# How fully a date answers "when": a day in full; a month, or a span of days the article does
# not narrow, in part; a bare year least.
_PRECISION_SHARE = {"day": 1.0, "month": 0.75, "range": 0.5, "year": 0.5}


def _dated_share(data: Mapping[str, Any]) -> float:
    for key in _DATE_KEYS:
        date = data.get(key)
        if isinstance(date, dict) and date.get("jalali"):
            return _PRECISION_SHARE.get(str(date.get("precision")), 1.0)
    return 0.0


def fit(data: Mapping[str, Any], ask: str | None, links: Collection[str] = ()) -> float:
    """How fully a record is the kind of answer asked for: 1, 0.5, 0.25 or 0. `links`: the
    kinds of the records it names (see `linked_kinds`) — a record naming places answers
    where, one naming people or organisations answers who in part."""
    kind = data.get("kind")
    if ask == "who":
        if kind == "person":
            return 1.0
        return 0.25 if kind == "organization" or {"person", "organization"} & set(links) \
            else 0.0
    if ask == "where":
        return 1.0 if kind in ("place", "mission") or any(data.get(k) for k in _PLACE_KEYS) \
            or "place" in links else 0.0
    if ask == "when":
        return _dated_share(data)
    if ask == "amount":
        return 1.0 if _figures(data) else 0.0
    if ask == "countries":  # a list of them answers in full, one country in part
        if kind == "place":
            return 0.5 if data.get("type") == "country" else 0.0
        return 1.0 if any(_lists_countries(v) for v in data.values()) else 0.0
    if ask == "name":
        return 1.0 if kind == "person" else 0.5 if kind in ("organization", "place") else 0.0
    return 0.0


def figure_keys(data: Mapping[str, Any]) -> list[str]:
    """The keys of the figures a record holds (`wagons`, `neighbours_of_iran`, `tonnes`)."""
    return [k for k, v in data.items() if type(v) in (int, float) and k not in _NOT_FIGURES]


def _figures(data: Mapping[str, Any]) -> list[float]:
    return [v for k, v in data.items() if type(v) in (int, float) and k not in _NOT_FIGURES]


def _lists_countries(value: Any) -> bool:
    return isinstance(value, list) and len(value) > 1 and all(
        isinstance(v, dict) and any(k.startswith("country_") for k in v) for v in value)


def values(data: Mapping[str, Any]) -> set[int]:
    """The whole numbers a record holds as values: its figures and the years of its dates."""
    out = {int(v) for v in _figures(data) if v == int(v)}
    for key in (*_DATE_KEYS, "period"):
        date = data.get(key)
        if isinstance(date, dict):
            for cal in ("jalali", "gregorian"):
                text = date.get(cal) or ""
                out.update(int(part[:4]) for part in text.split("/") if part[:4].isdigit())
    return out


def agreement(data: Mapping[str, Any], intent: Intent, named: frozenset[str],
              designated: frozenset[str] = frozenset()) -> float:
    """Whether the record's roles are the question's: 1 agree, -1 reversed, 0 nothing to say.
    `named` are the ids of the people the question names, by name or by role; `designated`
    those it names by role (a person named by name is who the question is about, not the
    one it asks for: "whose idea was the Farabi committee")."""
    kind = data.get("kind")
    if kind == "mission" and (intent.owner or intent.place):
        sender, host = data.get("country"), data.get("host_country")
        checks = [c for c in ((intent.owner, sender), (intent.place, host)) if c[0]]
        return -1.0 if any(want != have for want, have in checks) else 1.0
    if intent.owner and data.get("country") in _COUNTRIES and data["country"] != intent.owner:
        return -1.0  # Kazakhstan's embassy: not an office of Iran's
    if kind == "trade" and intent.flow:
        direction = data.get("direction")
        if direction == intent.flow:
            return 1.0
        return -1.0 if direction in ("export", "import") else 0.0
    if kind == "event" and named:
        people = data.get("participants") or ()
        return 1.0 if named & set(people) else 0.0
    if kind == "person" and data.get("id") in designated:
        return 1.0
    return 0.0


ENTITY_KINDS = frozenset({"person", "organization", "place"})  # records that are a named thing
_ENTITY_ASKS = frozenset({"who", "where", "countries", "name", "who-or-when"})


def own_names(data: Mapping[str, Any]) -> list[str]:
    """An entity's own names: its name in both languages, the article's spellings, its aliases
    (only their text); [] for a record that is not an entity."""
    if data.get("kind") not in ENTITY_KINDS:
        return []
    names = [data.get("name_en"), data.get("name_fa"), *(data.get("variants_fa") or ())]
    for alias in data.get("aliases") or ():
        names.append(alias.get("text") if isinstance(alias, dict) else alias)
    return [name for name in names if isinstance(name, str) and name]


def factor(data: Mapping[str, Any], intent: Intent, named: frozenset[str],
           subject: bool = False, designated: frozenset[str] = frozenset(),
           links: Collection[str] = (), measured: bool = False) -> float:
    """The multiplier a record's score gets from the question's intent, values and roles;
    `subject`: the query is this entity's name; `named`, `designated`: see `agreement`;
    `links`: see `fit`; `measured`: a figure it holds is named by the question's words."""
    out = FIT_BOOST if subject else 1.0
    if not subject and data.get("kind") in ENTITY_KINDS and intent.ask not in _ENTITY_ASKS:
        out *= ENTITY
    share = fit(data, intent.ask, links)
    if share:
        out *= 1 + (FIT_BOOST - 1) * share
    if measured and intent.ask == "amount":
        out *= MEASURE_BOOST
    if intent.numbers and intent.numbers & values(data):
        out *= VALUE_BOOST
    agree = agreement(data, intent, named, designated)
    if agree > 0:
        out *= AGREE_BOOST
    elif agree < 0:
        out *= REVERSE
    return out
