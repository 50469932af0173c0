"""kontrol's coordination and table rules in the process, every finding whole: the Presidency's favourable opinion
before a project starts (GK(c)), its interim and final reports (GK(ç)), statistics coordinated before publication
(GK(b)) and shared (GK(a)) — KURALLAR §6 —; a key once per sheet and dates in order (the template)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.core.model import TEMPLATE_RULE, build_workbook_data
from gockurul_excel.findings import ERROR, WARNING, Finding

from .conftest import TODAY
from .kontrol.base import book, clean, rows

D = dt.date


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def projects(**columns):
    base = dict(proje_adi="Proje", yurutucu_kurum="Valilik", kapsam="Ulusal", baskanlik_gorusu="Olumlu")
    data = clean()
    data["Projeler"] = rows("Projeler", **{**base, **columns})
    return data


def test_a_project_starts_after_the_presidencys_favourable_opinion():
    """GK(c): an opinion without its date; a project started (today counts) without a favourable opinion, or
    before it; an end before the start."""
    data = projects(
        proje_no=["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        baskanlik_gorusu=["Olumlu", "Bekliyor", "Olumlu", "Olumlu", "Olumsuz", "Olumsuz", "Olumlu", None, "Olumlu"],
        gorus_tarihi=[
            None,
            None,
            D(2025, 3, 4),
            D(2025, 3, 3),
            D(2025, 1, 1),
            None,
            D(2025, 1, 1),
            None,
            D(2024, 12, 1),
        ],
        baslangic=[
            None,
            D(2025, 6, 1),
            D(2025, 3, 3),
            D(2025, 3, 3),
            D(2025, 6, 2),
            D(2025, 5, 1),
            D(2025, 2, 1),
            D(2025, 1, 1),
            D(2025, 1, 1),
        ],
        bitis=[None, None, None, None, None, None, D(2025, 1, 31), None, D(2025, 1, 1)],
    )  # 9: a one-day project
    no_opinion = (
        "Proje {} {} tarihinde başlamış ama Başkanlığın uygun görüşü yok (görüş: {}); görüş hazırlık aşamasında alınır."
    )
    assert run("projects", book(rows=data), D(2025, 6, 1)) == [
        Finding(WARNING, "GK(c)", "Projeler", "G2", "Proje 1: Başkanlık görüşü 'Olumlu' ama görüş tarihi boş."),
        Finding(ERROR, "GK(c)", "Projeler", "H3", no_opinion.format(2, "01.06.2025", "Bekliyor")),
        Finding(ERROR, "GK(c)", "Projeler", "H4", "Proje 3 uygun görüşten (04.03.2025) önce başlamış (03.03.2025)."),
        Finding(WARNING, "GK(c)", "Projeler", "G7", "Proje 6: Başkanlık görüşü 'Olumsuz' ama görüş tarihi boş."),
        Finding(ERROR, "GK(c)", "Projeler", "H7", no_opinion.format(6, "01.05.2025", "Olumsuz")),
        Finding(ERROR, TEMPLATE_RULE, "Projeler", "I8", "Proje 7: bitiş tarihi başlangıçtan önce."),
        Finding(ERROR, "GK(c)", "Projeler", "H9", no_opinion.format(8, "01.01.2025", "boş")),
    ]
    assert run("projects", book(rows=data), D(2025, 5, 31))[1].cell == "H4"  # 2 starts tomorrow: not yet judged


def test_project_reports_are_sent_at_their_interval_and_after_the_end():
    """GK(ç): every 3 months from the start or the last report (03.03 → 03.06, 03.06 → 03.09), the final report
    30 days after the end (30.09 → 30.10); a running project needs an interval (an unfavourable one reports
    nothing). A report due today is not late yet."""
    data = projects(
        proje_no=["1", "2", "3", "4", "5", "6", "7"],
        baskanlik_gorusu=["Olumlu", "Olumlu", "Olumlu", "Olumlu", "Olumsuz", "Olumlu", "Olumlu"],
        baslangic=[D(2025, 3, 3)] * 5 + [D(2025, 12, 1), D(2025, 9, 1)],
        bitis=[None, None, D(2025, 9, 30), None, None, D(2025, 12, 1), None],
        ara_rapor_sikligi_ay=[3, 3, None, None, None, None, 3],
        son_ara_rapor_tarihi=[None, D(2025, 6, 3), D(2025, 6, 3), None, None, None, None],
    )
    late = "Proje {}: {} {} tarihine kadar Başkanlığa gönderilmeliydi; {}."
    no_interval = (
        "Proje {} sürüyor ama ara raporların kaç ayda bir gönderileceği yazılmamış; ara raporlar "
        "Başkanlığa düzenli olarak gönderilir ve bu sıklık olmadan izlenemez."
    )
    assert run("project_reports_sent", book(rows=data), D(2025, 12, 1)) == [
        Finding(
            ERROR,
            "GK(ç)",
            "Projeler",
            "K2",
            late.format(1, "ara raporu", "03.06.2025", "gönderildiği tarih yazılmamış"),
        ),
        Finding(
            ERROR,
            "GK(ç)",
            "Projeler",
            "K3",
            late.format(
                2,
                "ara raporu",
                "03.09.2025",
                "son ara rapor 03.06.2025 tarihinde gönderilmiş, sonrakinin gönderildiği tarih yazılmamış",
            ),
        ),
        Finding(
            ERROR,
            "GK(ç)",
            "Projeler",
            "L4",
            late.format(3, "nihai raporu", "30.10.2025", "gönderildiği tarih yazılmamış"),
        ),
        Finding(WARNING, "GK(ç)", "Projeler", "J5", no_interval.format(4)),
        Finding(WARNING, "GK(ç)", "Projeler", "J7", no_interval.format(6)),
    ]
    assert run("project_reports_sent", book(rows=data, Yıl=None), D(2025, 12, 1)) == []


def test_statistics_are_coordinated_before_publication_and_shared():
    """GK(b): published without coordination, or before it (the same day is not before); GK(a): shared."""
    data = clean()
    data["Veri Paylaşımı"] = rows(
        "Veri Paylaşımı",
        kayit_no=["1", "2", "3", "4"],
        veri_adi="Veri",
        ureten_kurum="Valilik",
        donem="2025",
        baskanlikla_paylasim_tarihi=[D(2025, 3, 1)] * 3 + [None],
        koordinasyon_tarihi=[None, D(2025, 3, 4), D(2025, 3, 3), None],
        yayin_tarihi=[D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 3), None],
    )
    assert run("statistics", book(rows=data)) == [
        Finding(
            ERROR,
            "GK(b)",
            "Veri Paylaşımı",
            "G2",
            "Kayıt 1: yayın tarihi (03.03.2025) yazılmış ama Başkanlıkla koordinasyon tarihi yok; yayından "
            "önce koordinasyon gerekir.",
        ),
        Finding(
            ERROR,
            "GK(b)",
            "Veri Paylaşımı",
            "G3",
            "Kayıt 2: yayın (03.03.2025) Başkanlıkla koordinasyondan (04.03.2025) önce.",
        ),
        Finding(
            WARNING, "GK(a)", "Veri Paylaşımı", "E5", "Kayıt 4: verinin Başkanlıkla paylaşıldığı tarih yazılmamış."
        ),
    ]
    sheets = {"Ayarlar": [["Ayar", "Değer"]], "Veri Paylaşımı": [["Kayıt No", "Yayın Tarihi"], ["1", None]]}
    no_column = build_workbook_data(None, list(sheets), lambda name: (sheets[name], []))
    assert run("statistics", no_column) == []  # a sheet without the column asks nothing of it


def test_a_key_is_written_once_per_sheet():
    """The template: Toplantı No once; (Toplantı No, Sıra) once; a decision's number once per year of origin."""
    data = clean()
    data["Toplantılar"] += rows(
        "Toplantılar",
        toplanti_no=["1", None, None],
        kategori="Alt Komisyon Toplantısı",
        tur="Olağan",
        planlanan_tarih=D(2025, 3, 3),
    )
    first_extra = len(clean()["Toplantılar"]) + 2
    data["Katılımcılar"] = rows(
        "Katılımcılar",
        toplanti_no=["1", "1", "1", "2", "3", "3"],
        sira=[1, 2, 1, 1, None, None],
        kurum_ismi="Valilik",
        unvan="Vali",
        ad_soyad="A",
    )
    data["Kararlar"] = rows(
        "Kararlar",
        karar_no=["1", "1", "1", "1", "2"],
        toplanti_no="1",
        devreden_yil=[None, 2024, 2024, None, None],
        alinan_karar="K",
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar="Valilik",
        verilen_sure=D(2025, 12, 1),
        durum="Bekliyor",
    )
    assert run("unique_keys", book(rows=data)) == [
        Finding(
            ERROR,
            TEMPLATE_RULE,
            "Toplantılar",
            f"A{first_extra}",
            "Toplantı No 1 birden çok kez yazılmış (ilki 2. satırda).",
        ),
        Finding(
            ERROR,
            TEMPLATE_RULE,
            "Kararlar",
            "A4",
            "Karar No 1 / Devreden Yıl 2024 birden çok kez yazılmış (ilki 3. satırda).",
        ),
        Finding(ERROR, TEMPLATE_RULE, "Kararlar", "A5", "Karar No 1 birden çok kez yazılmış (ilki 2. satırda)."),
        Finding(
            ERROR,
            TEMPLATE_RULE,
            "Katılımcılar",
            "B4",
            "Toplantı No 1 / Sıra 1 birden çok kez yazılmış (ilki 2. satırda).",
        ),
    ]
    assert run("unique_keys", book()) == []


def test_an_action_ends_after_it_starts():
    data = clean()
    data["Eylem Planı"] = rows(
        "Eylem Planı",
        eylem_no=["1", "2", None, "4"],
        alan="Eğitim",
        eylem="E",
        sorumlu_kurum="Valilik",
        baslangic=[D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 3), None],
        bitis=[D(2025, 3, 2), D(2025, 3, 3), D(2025, 1, 1), D(2025, 1, 1)],
    )
    assert run("date_ranges", book(rows=data)) == [
        Finding(ERROR, TEMPLATE_RULE, "Eylem Planı", "G2", "Eylem 1: bitiş tarihi başlangıçtan önce."),
        Finding(ERROR, TEMPLATE_RULE, "Eylem Planı", "G4", "4. satırdaki eylem: bitiş tarihi başlangıçtan önce."),
    ]
