"""How dates, days, months and names are written in Turkish, once for every sheet and message.
"""

from __future__ import annotations

import datetime as dt

MONTHS = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
          "Aralık")



def tr_date(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


DAY_NAMES = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")



def upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()
