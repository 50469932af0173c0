"""`ulusal`'s counting: the provinces' platform documents (already read and validated) to one row per province
and year, and the totals per year. files/national.py reads the folders and writes the workbook.

What is required is not in the documents of schema 1.0: without a foreign population (given by `populations`,
else carried by the province's own documents, schema 1.1) the province's requirement is unknown. With one,
`rules` says how many ordinary meetings are due (M7(1)/M7(2) for the province board, M6(9) for the
subcommission)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

from .. import contract, rules

STATUS_CODES = {
    "bekliyor": "Bekliyor",
    "devam_ediyor": "Devam Ediyor",
    "uygulandi": "Uygulandı",
    "uygulanamadi": "Uygulanamadı",
}
OPEN_CODES = ("bekliyor", "devam_ediyor")
assert set(STATUS_CODES.values()) == set(rules.DECISION_STATUSES)

UNKNOWN_POPULATION = "nüfus bilinmiyor"  # a province whose documents (schema 1.0) carry no foreign population
SUMMARY_COLUMNS = {
    "il": "İl",
    "yil": "Yıl",
    "yabanci_nufusu": "Yabancı nüfusu",
    "il_gkk_olagan": "İl GKK olağan (yapılan)",
    "il_gkk_gereken": "İl GKK olağan (gereken)",
    "alt_komisyon_olagan": "Alt Komisyon olağan (yapılan)",
    "alt_komisyon_gereken": "Alt Komisyon olağan (gereken)",
    "ek_toplanti": "Ek toplantı",
    "ilce_gkk": "İlçe GKK toplantısı",
    "karar": "Karar",
    **{f"karar_{c}": label for c, label in STATUS_CODES.items()},
    "karar_suresi_gecen": "Süresi geçen karar",
    "yillik_rapor": "Yıllık rapor (Ek-3) geldi",
    "durum": "Olağan toplantılar",
}


class Meeting(NamedTuple):
    il: str
    ilce: str
    kurul_turu: str
    yil: int
    kimlik: str
    kategori: str
    tur: str
    tarih: str | None
    yabanci_nufusu: int | None  # None in a document of schema 1.0


class Decision(NamedTuple):
    il: str
    ilce: str
    kurul_turu: str
    yil: int
    kimlik: str  # the meeting's
    no: Any
    durum: str
    verilen_sure: str | None


class Report(NamedTuple):
    il: str
    ilce: str
    kurul_turu: str
    yil: int
    kimlik: str


class Documents(NamedTuple):
    meetings: list[Meeting]
    decisions: list[Decision]
    annual: list[Report]


def combine(parts: Iterable[Documents]) -> Documents:
    """Every folder's rows together; the same export found twice (a copy in another folder) counts once."""
    meetings: dict[str, Meeting] = {}
    decisions: dict[tuple, Decision] = {}
    annual: dict[str, Report] = {}
    for part in parts:
        for m in part.meetings:
            meetings.setdefault(m.kimlik, m)
        for k in part.decisions:
            decisions.setdefault((k.kimlik, k.no), k)
        for a in part.annual:
            annual.setdefault(a.kimlik, a)
    return Documents(list(meetings.values()), list(decisions.values()), list(annual.values()))


def _due(value: str | None) -> dt.datetime | None:
    """An ISO date (or date and time); anything else is no due date."""
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _overdue(k: Decision, today: dt.date) -> bool:
    due = _due(k.verilen_sure)
    return (
        k.durum in OPEN_CODES and due is not None and due.replace(tzinfo=None) < dt.datetime.combine(today, dt.time())
    )


def summarise(docs: Documents, *, today: dt.date, populations: dict[str, int] | None = None) -> list[dict]:
    """One row per province and year (the table of `Özet`), keyed as SUMMARY_COLUMNS, in Turkish order."""
    count: Counter = Counter()  # (il, yil, what) -> number
    carried: dict[tuple, int] = {}  # the largest foreign population the province's own documents carry
    seen: set[tuple] = set()
    for m in docs.meetings:
        key = (m.il, m.yil)
        seen.add(key)
        if m.kurul_turu == "il":
            if m.tur == "olagan":
                count[(*key, f"{m.kategori}_olagan")] += 1
            else:
                count[(*key, "ek_toplanti")] += 1
            if m.yabanci_nufusu is not None:
                carried[key] = max(carried.get(key, m.yabanci_nufusu), m.yabanci_nufusu)
        if m.kategori == "ilce_gkk":
            count[(*key, "ilce_gkk")] += 1
    for k in docs.decisions:
        key = (k.il, k.yil)
        seen.add(key)
        count[(*key, "karar")] += 1
        count[(*key, f"karar_{k.durum}")] += 1
        count[(*key, "karar_suresi_gecen")] += _overdue(k, today)
    for a in docs.annual:
        key = (a.il, a.yil)
        seen.add(key)
        if a.kurul_turu == "il":
            count[(*key, "yillik_rapor")] += 1

    rows = []
    for il, yil in sorted(seen, key=lambda key: (contract.turkish_sort_key(key[0]), key[1])):
        row: dict[str, Any] = {c: count[(il, yil, c)] for c in SUMMARY_COLUMNS}
        population = (populations or {}).get(il, carried.get((il, yil)))
        province = population is not None and rules.THRESHOLDS["province_quarterly"].applies(population)
        sub = population is not None and rules.THRESHOLDS["subcommission_quarterly"].applies(population)
        row.update(
            il=il,
            yil=yil,
            yabanci_nufusu=None if population is None else int(population),
            il_gkk_gereken=len((rules.PROVINCE_BOARD_QUARTERLY if province else rules.PROVINCE_BOARD_BIANNUAL).months),
            alt_komisyon_gereken=len((rules.SUBCOMMISSION_QUARTERLY if sub else rules.SUBCOMMISSION_BIANNUAL).months),
            yillik_rapor="Evet" if count[(il, yil, "yillik_rapor")] else "Hayır",
        )
        done = (
            row["il_gkk_olagan"] >= row["il_gkk_gereken"] and row["alt_komisyon_olagan"] >= row["alt_komisyon_gereken"]
        )
        row["durum"] = UNKNOWN_POPULATION if population is None else ("Tamam" if done else "Eksik")
        rows.append(row)
    return rows


BY_YEAR_COLUMNS = (
    "Yıl",
    "İl sayısı",
    "İl GKK olağan (yapılan)",
    "İl GKK olağan (gereken)",
    "Alt Komisyon olağan (yapılan)",
    "Alt Komisyon olağan (gereken)",
    "Eksik il",
    "Nüfusu bilinmeyen il",
    "Karar",
    *STATUS_CODES.values(),
    "Süresi geçen karar",
    "Yıllık rapor gelen il",
)


def by_year(summary: list[dict]) -> list[list]:
    """The totals of `summarise`'s rows per year (the table of `Yıllara Göre`, columns BY_YEAR_COLUMNS)."""
    out = []
    for yil in sorted({r["yil"] for r in summary}):
        rows = [r for r in summary if r["yil"] == yil]

        def total(column: str, rows: list[dict] = rows) -> int:
            return sum(r[column] for r in rows)

        out.append(
            [
                yil,
                len(rows),
                total("il_gkk_olagan"),
                total("il_gkk_gereken"),
                total("alt_komisyon_olagan"),
                total("alt_komisyon_gereken"),
                sum(r["durum"] == "Eksik" for r in rows),
                sum(r["durum"] == UNKNOWN_POPULATION for r in rows),
                total("karar"),
                *(total(f"karar_{c}") for c in STATUS_CODES),
                total("karar_suresi_gecen"),
                sum(r["yillik_rapor"] == "Evet" for r in rows),
            ]
        )
    return out
