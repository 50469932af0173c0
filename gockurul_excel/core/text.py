"""How dates, days, months and names are written in Turkish, once for every sheet and message.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
          "Aralık")



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


def signature_name(name: str) -> str:
    """'Kemal Çeber' -> 'Kemal ÇEBER': the signature block writes the surname in capitals."""
    words = str(name or "").split()
    if len(words) < 2:
        return " ".join(words)
    return " ".join([*words[:-1], upper_tr(words[-1])])


# The ordinal suffix legal texts write after a numeral ("11 inci madde"), by the last word's vowels.
_ORDINAL_SUFFIX = {0: "", 1: "inci", 2: "nci", 3: "üncü", 4: "üncü", 5: "inci", 6: "ncı", 7: "nci", 8: "inci",
                   9: "uncu"}
_TENS_SUFFIX = {1: "uncu", 2: "nci", 3: "uncu", 4: "ıncı", 5: "nci", 6: "ıncı", 7: "inci", 8: "inci", 9: "ıncı"}
_ORDINAL_WORDS = ("birinci", "ikinci", "üçüncü", "dördüncü", "beşinci", "altıncı", "yedinci", "sekizinci",
                  "dokuzuncu", "onuncu", "on birinci", "on ikinci", "on üçüncü", "on dördüncü", "on beşinci")


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


CIRCULAR_NAME = "İl ve İlçe Göç Koordinasyon Kurullarının Çalışma Usul ve Esasları Genelgesi"
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
        return f"{COORDINATION_CIRCULAR_NAME}nin ({g[1]}) bendi"
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
