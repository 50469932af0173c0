"""A district's platform documents as a source of `birlestir` (M12(5)): the codes of the documents turned back
into the workbook's Turkish labels and columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.districts import (
    DECISIONS_SHEET,
    MEETINGS_SHEET,
    PARTICIPANTS_SHEET,
    PROBLEMS_SHEET,
    TABLES,
    DistrictRows,
    typed_value,
)
from ..core.meetings import key_order
from ..core.merge import Incoming, Refused
from .codes import MEETING, label_of


def incoming_from_documents(name: str, docs: list[dict]) -> Incoming:
    """A district's platform documents (already read and validated) as a merge source; Refused otherwise."""
    if not docs:
        raise Refused("Klasörde belge yok.")
    head = docs[0]
    if head.get("kurul_turu") != "ilce":
        raise Refused("Bunlar il kurulunun platform belgeleri; yalnız ilçe kurullarınınkiler birleştirilir.")
    district = head.get("ilce")
    if not district:
        raise Refused("Belgelerde 'ilce' boş; hangi ilçenin belgeleri olduğu bilinmiyor.")
    rows = DistrictRows(district)

    def lab(v: Any) -> Any:
        return label_of(v) if isinstance(v, str) else v

    def day(v: Any) -> dt.date | None:
        return dt.date.fromisoformat(v) if isinstance(v, str) else None

    meetings = sorted(
        (d for d in docs if d["belge_turu"] == MEETING),
        key=lambda d: (d.get("tarih") or "", key_order(d.get("toplanti_no"))),
    )
    decisions: dict[str, dict] = {}
    for d in meetings:
        no = d["toplanti_no"]
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": lab(d.get("kategori")),
                "Tür": lab(d.get("tur")),
                "Planlanan Tarih": None,
                "Gerçekleşen Tarih": day(d.get("tarih")),
                "Tutanak Tebliğ Tarihi": None,
                "Platform Giriş Tarihi": None,
            }
        )
        solutions = {s["sorun_no"]: s.get("oneri") for s in d.get("cozum_onerileri") or []}
        for p in d.get("tespit_edilen_sorunlar") or []:
            rows.tables[PROBLEMS_SHEET].append(
                {
                    "Sorun No": p["no"],
                    "Toplantı No": no,
                    "Alan": lab(p.get("alan")),
                    "Tespit Edilen Sorun": p.get("sorun"),
                    "Çözüm Önerisi": solutions.get(p["no"]),
                    "Durum": lab(p.get("durum")),
                }
            )
        for k in d.get("kararlar") or []:
            decisions[k["no"]] = {
                "Karar No": k["no"],
                "Toplantı No": no,
                "Alınan Karar": k.get("karar"),
                "Sorumlu Kurum ve Kuruluşlar": "; ".join(k.get("sorumlu_kurumlar") or []) or None,
                "Verilen Süre": day(k.get("verilen_sure")),
                "Durum": lab(k.get("durum")),
                "Uygulanamama Sebebi": k.get("uygulanamama_sebebi"),
                "Değerlendirme": k.get("degerlendirme"),
                "Değerlendiren Toplantı No": k.get("degerlendiren_toplanti_no"),
            }
        for e in d.get("onceki_kararlarin_degerlendirmesi") or []:  # a later meeting's evaluation wins
            if e["karar_no"] in decisions:
                decisions[e["karar_no"]].update(
                    {
                        "Durum": lab(e.get("durum")),
                        "Değerlendiren Toplantı No": no,
                        "Değerlendirme": e.get("degerlendirme"),
                        "Uygulanamama Sebebi": e.get("uygulanamama_sebebi"),
                    }
                )
        for p in d.get("katilimcilar") or []:
            vekil = p.get("vekil")
            rows.tables[PARTICIPANTS_SHEET].append(
                {
                    "Toplantı No": no,
                    "Sıra": p.get("sira"),
                    "Kurum İsmi": p.get("kurum"),
                    "Unvan": p.get("unvan"),
                    "Ad-Soyad": p.get("ad_soyad"),
                    "Vekil": None if vekil is None else ("Evet" if vekil else "Hayır"),
                }
            )
    rows.tables[DECISIONS_SHEET] = list(decisions.values())
    for sheet, (cols, _) in TABLES.items():
        rows.tables[sheet] = [
            {c: typed_value(c, r.get(c)) if not isinstance(r.get(c), (dt.date, int)) else r.get(c) for c in cols}
            for r in rows.tables[sheet]
        ]
    year = head.get("yil")
    return Incoming(name, district, head.get("il"), year if isinstance(year, int) else None, rows)
