"""Every word kzir itself prints for people, in English and Persian: one table, data only.

Headers, titles, notes and units are looked up by their English text (`phrase`); the values of
the KB's enumerations (field, type, direction, basis, severity, …) by group and value (`enum`).
Machine formats never use this table: they carry the KB's own values.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..numerals import to_persian_digits

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, Final, TypeAlias

# English text (as written in the views, `{name}` placeholders allowed) -> Persian.
PHRASES: Final[dict[str, str]] = {
    # column headers
    "#": "#",
    "ID": "شناسه",
    "Title": "عنوان",
    "Short title": "عنوان کوتاه",
    "Iranian party": "طرف ایرانی",
    "Kazakh party": "طرف قزاقستانی",
    "Field": "حوزه",
    "Type": "نوع",
    "Signed": "امضا",
    "Year": "سال",
    "Direction": "جهت",
    "Tonnes": "تن",
    "USD": "دلار",
    "Weight growth": "رشد وزنی",
    "Value growth": "رشد ارزشی",
    "Basis": "مبنا",
    "Date": "تاریخ",
    "Event": "رویداد",
    "Place": "مکان",
    "Participants": "شرکت کنندگان",
    "Rank": "رتبه",
    "Resource": "منبع",
    "Of": "کشور",
    "Mission": "نمایندگی",
    "City": "شهر",
    "In": "میزبان",
    "Name": "نام",
    "Roles": "سمت ها",
    "Spellings in the article": "املاها در متن",
    "Country": "کشور",
    "Topic": "موضوع",
    "Fact": "واقعیت",
    "¶": "¶",
    "Kind": "گونه",
    "Label": "برچسب",
    "Summary": "خلاصه",
    "Severity": "شدت",
    "Category": "دسته",
    "Message": "پیام",
    "Paragraphs": "بندها",
    "Snippet": "متن",
    "Why (BM25F: term score, idf; field tf)": "چرا (BM25F)",
    "Role": "نقش",
    "Persian": "فارسی",
    "English": "انگلیسی",
    "Jalali": "شمسی",
    "Gregorian": "میلادی",
    "Weekday": "روز هفته",
    "Input read as": "ورودی خوانده شد به",
    "Days": "روزها",
    "Field name": "نام فیلد",
    "Value": "مقدار",
    # table titles
    "Cooperation documents signed during Tokayev's visit, June 2022":
        "اسناد همکاری امضاشده در سفر توکایف، خرداد ۱۴۰۱",
    "Iran–Kazakhstan trade (Iran's Customs, paragraphs 25–28)":
        "تجارت ایران و قزاقستان (گمرک ایران، بندهای ۲۵ تا ۲۸)",
    "Events in the article, oldest first": "رویدادهای متن، از قدیم به جدید",
    "Visits and meetings": "سفرها و دیدارها",
    "Kazakhstan's underground resources: world rank (estimated, paragraph 35)":
        "منابع زیرزمینی قزاقستان: رتبه جهانی (تخمینی، بند ۳۵)",
    "Diplomatic missions (paragraph 22)": "نمایندگی های دیپلماتیک (بند ۲۲)",
    "People named in the article": "اشخاص نام برده در متن",
    "Organisations and forums": "سازمان ها و مجامع",
    "Kazakhstan: country profile": "قزاقستان: مشخصات کشور",
    "Cultural ties between Iran and Kazakhstan": "پیوندهای فرهنگی ایران و قزاقستان",
    "Records": "رکوردها",
    "Paragraphs of the article": "بندهای متن",
    "Audit of the article: where it contradicts itself, miscounts or mis-converts a date":
        "بازبینی متن: تناقض ها، خطاهای حساب و تبدیل تاریخ",
    "Search: {query}": "جستجو: {query}",
    "Iranian year {year}": "سال {year} شمسی",
    "Gregorian year {year} overlaps Iranian years {years}":
        "سال {year} میلادی با سال های شمسی {years} همپوشانی دارد",
    # notes, counts and empty results (stderr)
    "{shown} of {total} shown (--limit {limit})":
        "{shown} از {total} نشان داده شد (--limit {limit})",
    "{shown} of {total} matches shown (--limit N to see more)":
        "{shown} از {total} نتیجه نشان داده شد (برای بیشتر: --limit N)",
    "derived rows are computed from the 1400 growth rates (see `kzir show ID`)":
        "ردیف های محاسبه شده از نرخ رشد ۱۴۰۰ به دست آمده اند (kzir show ID)",
    "~ marks a date inferred from context (see 'kzir show ID' for how)":
        "~ یعنی تاریخ از بافت متن استنباط شده است (چگونگی: kzir show ID)",
    "left out to fit {width} columns: {columns} (name them with --fields, or widen the terminal)":
        "برای جا شدن در {width} ستون کنار گذاشته شد: {columns} "
        "(با --fields نام ببرید یا پنجره را پهن تر کنید)",
    "{count} findings (errors: {errors}, warnings: {warnings}, notes: {notes}; "
    "{computed} computed, {curated} curated)":
        "{count} یافته: {errors} خطا، {warnings} هشدار، {notes} یادداشت "
        "({computed} محاسبه شده، {curated} گردآوری شده)",
    "no results": "نتیجه ای نیست",
    "no documents match": "سندی پیدا نشد",
    "no trade figures match": "رقم تجاری پیدا نشد",
    "no events match": "رویدادی پیدا نشد",
    "no resources match": "منبعی پیدا نشد",
    "no missions match": "نمایندگی ای پیدا نشد",
    "no organisations match": "سازمانی پیدا نشد",
    "no findings match": "یافته ای پیدا نشد",
    "no matches for {query}": "نتیجه ای برای {query} پیدا نشد",
    # units and small words inside cells
    "{n} years": "{n} سال",
    "{days} days": "{days} روز",
    # kzir about / kzir fields
    "Source": "منبع خبر",
    "Published": "تاریخ انتشار",
    "KB": "پایگاه دانش",
    "KB version": "نسخه پایگاه دانش",
    "SHA-256": "SHA-256",
    "Curated findings": "یافته های بررسی شده",
    "kzir": "kzir",
    "unversioned": "بی نسخه",
    "unknown": "نامعلوم",
    "Required": "الزامی",
    "Description": "توضیح",
    "{n} (kzir check computes the others)": "{n} (بقیه را kzir check محاسبه می کند)",
    "{date}, inferred from the text (--json has the reasoning)":
        "{date}، برگرفته از متن (استدلال در --json)",
    "Fields of a {kind} (data/kb.schema.json)": "فیلدهای {kind} (data/kb.schema.json)",
    "no fields declared for {kind}": "هیچ فیلدی برای {kind} تعریف نشده است",
    "basis": "مبنا",
    "stated": "در متن",
    "source ¶{n}": "منبع بند {n}",
    "bundled kb.json": "kb.json همراه kzir",
    "yes": "بله",
    "no": "خیر",
    "(quote not found in the paragraph: «{quote}»)": "(نقل قول در بند پیدا نشد: «{quote}»)",
    "¶{n} in English": "¶{n} به انگلیسی",
    "¶{n} in Persian": "¶{n} به فارسی",
    # the citation line of `kzir cite`
    "{source}, published {jalali} (Gregorian {gregorian}), paragraph {n}":
        "{source}، منتشرشده در {jalali} (میلادی {gregorian})، بند {n}",
    "{source}, published {jalali} (Gregorian {gregorian}; inferred, the article has no "
    "dateline), paragraph {n}":
        "{source}، منتشرشده در {jalali} (میلادی {gregorian}؛ استنباطی، متن تاریخ ندارد)، بند {n}",
    "IRNA (Islamic Republic News Agency), Asia and Oceania desk":
        "ایرنا (خبرگزاری جمهوری اسلامی)، گروه آسیا و اقیانوسیه",
}

# group -> KB value -> (English, Persian). A value missing here is shown as stored.
ENUMS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "field": {
        "political-studies": ("political studies", "مطالعات سیاسی"),
        "culture": ("culture", "فرهنگ"),
        "trade": ("trade", "تجارت"),
        "agriculture": ("agriculture", "کشاورزی"),
        "media": ("media", "رسانه"),
        "energy": ("energy", "انرژی"),
        "rail": ("rail", "راه آهن"),
    },
    "document_type": {"mou": ("MoU", "یادداشت تفاهم"), "programme": ("programme", "برنامه")},
    "direction": {
        "total": ("total", "کل"),
        "export": ("Iran → KZ (export)", "صادرات ایران"),
        "import": ("KZ → Iran (import)", "واردات از قزاقستان"),
    },
    "qualifier": {
        "nearly": ("nearly", "نزدیک به"),
        "more than": ("more than", "بیش از"),
        "approximately": ("approximately", "حدود"),
    },
    "basis": {
        "stated": ("stated", "تصریح شده"),
        "derived": ("derived", "محاسبه شده"),
        "inferred": ("inferred", "استنباطی"),
        "converted": ("converted", "تبدیل شده"),
    },
    "event_type": {
        "visit": ("visit", "سفر"),
        "meeting": ("meeting", "دیدار"),
        "talks": ("talks", "گفتگو"),
        "signing": ("signing", "امضا"),
        "shipment": ("shipment", "محموله"),
        "exhibition": ("exhibition", "نمایشگاه"),
        "independence": ("independence", "استقلال"),
        "recognition": ("recognition", "به رسمیت شناختن"),
        "renaming": ("renaming", "تغییر نام"),
        "coup-attempt": ("coup attempt", "کودتا"),
        "delegation": ("delegation", "هیئت"),
        "summit": ("summit", "اجلاس"),
    },
    "mission_type": {
        "embassy": ("embassy", "سفارت"),
        "consulate_general": ("consulate general", "سرکنسولگری"),
    },
    "organization_type": {
        "ministry": ("ministry", "وزارتخانه"),
        "agency": ("agency", "سازمان"),
        "company": ("company", "شرکت"),
        "institute": ("institute", "موسسه"),
        "international-organization": ("international organisation", "سازمان بین المللی"),
        "forum": ("forum", "مجمع"),
        "parliament": ("parliament", "پارلمان"),
        "group": ("group", "گروه"),
        "government": ("government", "دولت"),
        "other": ("other", "دیگر"),
    },
    "country": {"IR": ("Iran", "ایران"), "KZ": ("Kazakhstan", "قزاقستان")},
    "severity": {
        "error": ("error", "خطا"),
        "warning": ("warning", "هشدار"),
        "note": ("note", "یادداشت"),
    },
    "category": {
        "arithmetic": ("arithmetic", "حساب"),
        "calendar": ("calendar", "تقویم"),
        "names": ("names", "نام ها"),
        "typo": ("typo", "غلط تایپی"),
        "duplicate": ("duplicate", "تکرار"),
        "contradiction": ("contradiction", "تناقض"),
        "relative-date": ("relative date", "تاریخ نسبی"),
        "changed": ("changed", "تغییرکرده"),
        "disputed": ("disputed", "محل اختلاف"),
    },
    "kind": {
        "document": ("document", "سند"),
        "event": ("event", "رویداد"),
        "trade": ("trade", "تجارت"),
        "resource": ("resource", "منبع"),
        "mission": ("mission", "نمایندگی"),
        "person": ("person", "شخص"),
        "organization": ("organisation", "سازمان"),
        "place": ("place", "مکان"),
        "fact": ("fact", "واقعیت"),
        "paragraph": ("paragraph", "بند"),
    },
    "paragraph_role": {
        "body": ("body", "متن"),
        "heading": ("heading", "سرتیتر"),
        "boilerplate": ("boilerplate", "حاشیه صفحه"),
    },
    "calendar": {"jalali": ("jalali", "شمسی"), "gregorian": ("gregorian", "میلادی")},
    "rank_band": {"top-10": ("top-10", "ده کشور اول")},
}



def _both(en: str, fa: str) -> str:
    return en if not fa or fa == en else f"{en} / {fa}"


def phrase(en: str, lang: str, **values: object) -> str:
    """kzir's own text in the chosen language, placeholders filled (Persian digits under fa)."""
    fa = PHRASES.get(en, en)
    filled_en = en.format(**values) if values else en
    if lang == "en":
        return filled_en
    filled_fa = to_persian_digits(fa.format(**values)) if values else fa
    return filled_fa if lang == "fa" else _both(filled_en, filled_fa)


def enum(group: str, value: str | None, lang: str) -> str:
    """The label of a KB enumeration value; unknown values are shown as stored."""
    if value is None:
        return ""
    en, fa = ENUMS.get(group, {}).get(value, (value, value))
    if lang == "fa":
        return fa
    return en if lang == "en" else _both(en, fa)


Phrase: TypeAlias = "str | tuple[str, Mapping[str, Any]]"
"""kzir's own text: an English phrase, or a template with its values."""


def say(text: Phrase, lang: str) -> str:
    """A phrase (or template and values) in the chosen language."""
    if isinstance(text, tuple):
        template, values = text
        return phrase(template, lang, **values)
    return phrase(text, lang)
