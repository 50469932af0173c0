"""How dates, days, months and names are written in Turkish, once for every sheet and message."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Türkiye's time from the IANA database (tzdata comes with icalendar): the clock of a server set to UTC is
# converted, never taken as Istanbul time. Where no database is installed (a bare Pyodide), UTC+3, Türkiye's
# offset all year since 2016.
try:
    ISTANBUL: dt.tzinfo = ZoneInfo("Europe/Istanbul")
except ZoneInfoNotFoundError:  # pragma: no cover - depends on the platform
    ISTANBUL = dt.timezone(dt.timedelta(hours=3), "+03")

MONTHS = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık")


def tr_date(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


DAY_NAMES = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")


def upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def lower_first(text: str) -> str:
    """A sentence's first letter lowered the Turkish way, proper nouns inside it kept ("İl Göç İdaresi")."""
    if not text:
        return text
    head = {"İ": "i", "I": "ı"}.get(text[0], text[0].lower())
    return head + text[1:]


def tr_time(value) -> str:
    """A meeting's time as official letters write it: 10.00 (a dt.time, or text typed as 10:00)."""
    if hasattr(value, "hour"):
        return f"{value.hour:02d}.{value.minute:02d}"
    return str(value).strip().replace(":", ".")


def clock_time(value) -> dt.time | None:
    """A meeting's `Saat` as a time: the reader gives text ('14:00', '14.30'), a live book may give a time."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?", str(value).strip())
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return dt.time(int(m[1]), int(m[2]))
    return None


def in_istanbul(moment: dt.datetime) -> dt.datetime:
    """An instant in Türkiye's time. A naive `datetime.now()` is the machine's own clock (UTC on most servers),
    so it is made aware in the machine's zone first, then converted."""
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(ISTANBUL)


def signature_name(name: str) -> str:
    """'Kemal Çeber' -> 'Kemal ÇEBER': the signature block writes the surname in capitals."""
    words = str(name or "").split()
    if len(words) < 2:
        return " ".join(words)
    return " ".join([*words[:-1], upper_tr(words[-1])])


# The ordinal suffix legal texts write after a numeral ("11 inci madde"), by the last word's vowels.
_ORDINAL_SUFFIX = {
    0: "",
    1: "inci",
    2: "nci",
    3: "üncü",
    4: "üncü",
    5: "inci",
    6: "ncı",
    7: "nci",
    8: "inci",
    9: "uncu",
}
_TENS_SUFFIX = {1: "uncu", 2: "nci", 3: "uncu", 4: "ıncı", 5: "nci", 6: "ıncı", 7: "inci", 8: "inci", 9: "ıncı"}
_ORDINAL_WORDS = (
    "birinci",
    "ikinci",
    "üçüncü",
    "dördüncü",
    "beşinci",
    "altıncı",
    "yedinci",
    "sekizinci",
    "dokuzuncu",
    "onuncu",
    "on birinci",
    "on ikinci",
    "on üçüncü",
    "on dördüncü",
    "on beşinci",
)


def ordinal(number: int) -> str:
    """11 -> '11 inci', 9 -> '9 uncu', 40 -> '40 ıncı', 100 -> '100 üncü' (as the Resmî Gazete writes them)."""
    if number % 100 == 0:
        suffix = "inci" if number % 1000 == 0 else "üncü"
    elif number % 10:
        suffix = _ORDINAL_SUFFIX[number % 10]
    else:
        suffix = _TENS_SUFFIX[number // 10 % 10]
    return f"{number} {suffix}"


def ordinal_word(number: int) -> str:
    """3 -> 'üçüncü' (paragraphs are cited in words: '11 inci maddesinin üçüncü fıkrası')."""
    return _ORDINAL_WORDS[number - 1] if 1 <= number <= len(_ORDINAL_WORDS) else f"{number}."


# The circular's title as its Konu line gives it ("… Hakkında Genelge"), not "… Esasları Genelgesi".
CIRCULAR_NAME = "İl ve İlçe Göç Koordinasyon Kurullarının Çalışma Usul ve Esasları Hakkında Genelge"
COORDINATION_CIRCULAR_NAME = "Göç Yönetiminde Koordinasyon Genelgesi"
_ARTICLE = re.compile(r"M(\d+)\((\d+)\)")
_ITEM = re.compile(r"GK\(([^)]+)\)")


def cite(article: str) -> str:
    """'M11(3)' -> 'Genelgenin 11 inci maddesinin üçüncü fıkrası': an article in the words of an official
    letter (the project's shorthand stays on screen)."""
    m = _ARTICLE.fullmatch(article.strip())
    if m:
        return f"Genelgenin {ordinal(int(m[1]))} maddesinin {ordinal_word(int(m[2]))} fıkrası"
    g = _ITEM.fullmatch(article.strip())
    if g:
        return f"{inflect(COORDINATION_CIRCULAR_NAME, GENITIVE)} ({g[1]}) bendi"
    return article


def cite_short(articles: str) -> str:
    """'M12(4), M12(5)' -> 'Genelge m. 12/4, 12/5'; 'GK(ç)' -> 'Koordinasyon Genelgesi (ç)': for table cells
    of printed forms."""
    parts = [a.strip() for a in articles.split(",") if a.strip()]
    board = [f"{m[1]}/{m[2]}" for a in parts if (m := _ARTICLE.fullmatch(a))]
    other = [f"Koordinasyon Genelgesi ({g[1]})" for a in parts if (g := _ITEM.fullmatch(a))]
    rest = [a for a in parts if not _ARTICLE.fullmatch(a) and not _ITEM.fullmatch(a)]
    out = ([f"Genelge m. {', '.join(board)}"] if board else []) + other + rest
    return "; ".join(out)


# --- case suffixes of a name (KURALLAR §5: "Müdürlüğümüze", "Kaymakamlığına") ---------------------------------

DATIVE, LOCATIVE, ABLATIVE, GENITIVE, ACCUSATIVE = "dative", "locative", "ablative", "genitive", "accusative"
_BACK, _FRONT = set("aıouAIOU"), set("eiöüEİÖÜ")
_VOWELS = _BACK | _FRONT | {"i", "I"}
_VOICELESS = set("fstkçşhpFSTKÇŞHP")  # "fıstıkçı şahap": the locative's d becomes t after these
# Loanwords whose last syllable takes front suffixes though its vowel is back (a palatal l, Arabic -at).
_FRONT_EXCEPTIONS = ("kontrol", "protokol", "saat", "rol", "hal", "petrol", "alkol", "meal", "ihtimal")
# Letter names for abbreviations read letter by letter (TDK: TBMM'ye, SGK'ye, PTT'de).
_LETTER_NAMES = {
    "B": "be",
    "C": "ce",
    "Ç": "çe",
    "D": "de",
    "F": "fe",
    "G": "ge",
    "Ğ": "ge",
    "H": "he",
    "J": "je",
    "K": "ke",
    "L": "le",
    "M": "me",
    "N": "ne",
    "P": "pe",
    "R": "re",
    "S": "se",
    "Ş": "şe",
    "T": "te",
    "V": "ve",
    "Y": "ye",
    "Z": "ze",
}


# Two consonants a Turkish word can end in (Türk, üst, renk); an abbreviation ending in another pair (ASH, İGM,
# UNHCR) is not read as a word.
_FINAL_CLUSTERS = {"rt", "rk", "st", "nk", "nt", "rs", "lt", "lk", "ns", "ks", "rp", "ft", "rç", "nç", "lç", "şt"}


def _read_by_letters(abbreviation: str) -> bool:
    sound = _lower(abbreviation)
    if not any(c in "aıoueiöü" for c in sound):
        return True
    tail = sound[-2:]
    return len(tail) == 2 and not any(c in "aıoueiöü" for c in tail) and tail not in _FINAL_CLUSTERS


# A circumflex only marks a softened consonant or a long vowel: "kâr" harmonises as "kar" (kâra, dükkâna).
_CIRCUMFLEX = str.maketrans("âîû", "aiu")


def _lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower().translate(_CIRCUMFLEX)


def _is_possessive(words: list[str]) -> bool:
    """The name ends in the third person possessive (İl Göç İdaresi Müdürlüğü, Valiliği, Kurulu), whose
    suffixes take the pronominal n: Müdürlüğüne, Müdürlüğünde, Müdürlüğünün."""
    last = _lower(words[-1])
    if last[-1:] not in "ıiuü":
        return False
    return len(words) > 1 or (len(last) > 2 and last[-2] in "ğs" and last[-3] in "aıoueiöü")


def inflect(name: str, case: str) -> str:
    """`name` with the case suffix by Turkish vowel harmony and buffer consonants:
    dative (-a/-e, -ya, -na), locative (-da/-ta, -nda), ablative (-dan/-tan, -ndan), genitive (-ın/-nın,
    -ının), accusative (-ı/-yı, -nı). "İl Göç İdaresi Müdürlüğü" -> "İl Göç İdaresi Müdürlüğüne";
    "Müdürlüğümüz" -> "Müdürlüğümüze"; "Kaymakamlık" -> "Kaymakamlığa"; "SGK" -> "SGK'ye"; "AFAD" -> "AFAD'a".
    A name ending in a parenthesis takes the suffix before it: "İçişleri Bakanlığı (Göç İdaresi Başkanlığı)"
    -> "İçişleri Bakanlığına (Göç İdaresi Başkanlığı)". Capitals stay capitals ("VALİLİĞİNE")."""
    name = name.strip()
    if name.endswith(")") and " (" in name:
        head, _, tail = name.partition(" (")
        return f"{inflect(head, case)} ({tail}"
    words = name.split()
    if not words:
        return name
    last = words[-1]
    letters = [c for c in last if c.isalpha()]
    if not letters:  # a number or a sign: nothing to harmonise with
        return name
    upper = last == last.upper() and any(c.isalpha() and c.islower() for c in name) is False
    # "SGK", "Nizip SGK", "NİZİP SGK": a short word in capitals ends the name (in a heading in capitals only a
    # word without a vowel is surely one: "NİZİP SGK'ye" but "İL MÜFTÜLÜĞÜNE")
    capitals = last == upper_tr(last) and any(c.isupper() for c in last)
    abbreviation = (
        capitals and len(last) <= 6 and (not upper or len(words) == 1 or not any(c in _VOWELS for c in _lower(last)))
    )
    apostrophe = ""
    sound = _lower(last)
    # a word without a vowel is read by its letters whatever its case (TDK: by how it is read): Ptt'ye as PTT'ye
    abbreviation = abbreviation or not any(c in "aıoueiöü" for c in sound)
    if abbreviation:
        apostrophe = "'"
        if _read_by_letters(last):  # its last letter's name: SGK'ye, ASH'ye, UNHCR'ye (but AFAD'a, İŞKUR'a)
            sound = _LETTER_NAMES.get(last[-1], "e")
    vowels = [c for c in sound if c in "aıoueiöü"]
    v = vowels[-1] if vowels else "e"
    exception = any(sound.endswith(x) for x in _FRONT_EXCEPTIONS)
    front = v in "eiöü" or exception
    two = "e" if front else "a"
    four = ("ü" if v in "öüou" else "i") if front else ("u" if v in "ou" else "ı")
    ends_vowel = sound[-1] in "aıoueiöü"
    stem = last
    if ends_vowel:
        n = not abbreviation and _is_possessive(words)
        suffix = {
            DATIVE: ("n" if n else "y") + two,
            LOCATIVE: ("n" if n else "") + "d" + two,
            ABLATIVE: ("n" if n else "") + "d" + two + "n",
            GENITIVE: "n" + four + "n",
            ACCUSATIVE: ("n" if n else "y") + four,
        }[case]
    else:
        d = "t" if sound[-1] in _VOICELESS else "d"
        suffix = {DATIVE: two, LOCATIVE: d + two, ABLATIVE: d + two + "n", GENITIVE: four + "n", ACCUSATIVE: four}[case]
        # k between vowels softens to ğ in words of more than one syllable (Bakanlık -> Bakanlığa)
        if case in (DATIVE, GENITIVE, ACCUSATIVE) and not abbreviation and sound[-1] == "k" and len(vowels) > 1:
            stem = last[:-1] + ("Ğ" if last[-1] == "K" else "ğ")
    if upper and not abbreviation:  # a heading in capitals; an abbreviation's suffix is small (TBMM'ye)
        suffix = upper_tr(suffix)
    return " ".join([*words[:-1], stem + apostrophe + suffix])
