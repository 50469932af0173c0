"""kontrol's composition rules in the process (core.checks.composition), every finding whole — KURALLAR §4: the
chair (M4(1)), the listed members (M4(2), M4(3)) and the "varsa" settings they hang on, the kaymakams of districts
over 2,000 foreigners (M4(2)), the subcommission (M6(1)–(4)) and who attends for a member institution (M9(2)).
The clean example's Üyeler is a complete province board."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.findings import ERROR, WARNING, Finding

from .kontrol.base import book, change, clean, rows

D = dt.date
DISTRICT = {"Kurul Türü": "İlçe", "İlçe": "Nizip"}
AILE = "Aile ve Sosyal Hizmetler İl Müdürlüğü"


TODAY = D(2025, 6, 1)


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def members(*changes: tuple[dict, dict], **settings):
    data = clean()
    for where, values in changes:
        change(data, "Üyeler", where, **values)
    return book(rows=data, **settings)


def test_the_board_has_one_chair_the_vali_or_the_kaymakam():
    """M4(1)."""
    assert run("board_chair", book()) == []
    assert run("board_chair", members(({"Ad Soyad": "Kemal Çeber"}, {"aktif": "Hayır"}))) == [
        Finding(ERROR, "M4(1)", "Üyeler", None, "Kurul Başkanı (Vali) üye listesinde yok.")
    ]
    assert run("board_chair", members(({"Ad Soyad": "Seda Aksoy"}, {"gorev": "Kurul Başkanı"}))) == [
        Finding(ERROR, "M4(1)", "Üyeler", "C3", "Birden çok aktif Kurul Başkanı var; kurula Vali başkanlık eder.")
    ]
    assert run("board_chair", members(({"Ad Soyad": "Kemal Çeber"}, {"unvan": None, "kurum": None}))) == [
        Finding(ERROR, "M4(1)", "Üyeler", "D2", "Kurul Başkanı Vali olmalı; yazılan: boş (kurum boş).")
    ]
    assert run("board_chair", book(**DISTRICT)) == [
        Finding(ERROR, "M4(1)", "Üyeler", "D2", "Kurul Başkanı Kaymakam olmalı; yazılan: Vali (Valilik).")
    ]
    assert run("board_chair", book(**{"Kurul Türü": None})) == []


def test_a_varsa_setting_the_template_never_asked_is_pointed_out():
    """KURALLAR §4: the removal centre's membership cannot be judged unanswered."""
    data = book()
    del data.settings["Geri Gönderme Merkezi Var"]
    assert run("membership_settings_asked", data) == [
        Finding(
            WARNING,
            "M4(2)",
            "Ayarlar",
            None,
            "'Geri Gönderme Merkezi Var' ayarı bu kitapta yok (şablonun eski bir sürümünde bu soru yoktu); "
            "yanıtlanmadan Geri Gönderme Merkezi üyeliği denetlenemez. 'Ayarlar' sayfasına bu adla bir satır "
            "ekleyip Evet ya da Hayır yazın (komut satırında 'gockurul guncelle' yeni ayarları kendisi ekler).",
        )
    ]
    assert run("membership_settings_asked", book()) == []


def test_every_listed_institution_sits_on_the_board():
    """M4(2): the İl Sağlık Müdürlüğü's member has left (its former member is inactive too); the coast guard is
    listed "varsa": demanded when the setting says there is one, not when it says there is none."""
    gone = ({"Ad Soyad": "Ahmet Kurt"}, {"aktif": "Hayır"})
    assert run("required_members_present", members(gone, **{"İl Sahil Güvenlik Komutanlığı Var": "Evet"})) == [
        Finding(ERROR, "M4(2)", "Üyeler", None, "Zorunlu üye eksik: İl Sağlık Müdürlüğü (M4(2))."),
        Finding(ERROR, "M4(2)", "Üyeler", None, "Zorunlu üye eksik: İl Sahil Güvenlik Komutanlığı (M4(2))."),
    ]
    assert run("required_members_present", members(gone, **{"İl Sahil Güvenlik Komutanlığı Var": "Hayır"})) == [
        Finding(ERROR, "M4(2)", "Üyeler", None, "Zorunlu üye eksik: İl Sağlık Müdürlüğü (M4(2)).")
    ]
    invited = ({"Ad Soyad": "Afet Müdürü"}, {"uyelik_turu": "Davetli"})  # an invited guest is no member
    assert run("required_members_present", members(invited)) == [
        Finding(ERROR, "M4(2)", "Üyeler", None, "Zorunlu üye eksik: İl Afet ve Acil Durum Müdürlüğü (M4(2)).")
    ]


def test_a_district_board_without_its_own_migration_office_has_the_provinces():
    """M4(3): "İlçe Göç İdaresi Müdürlüğü Var" Hayır: the İl Göç İdaresi Müdürlüğü sits on the district board
    (here it has left); Evet: the district's own office does."""
    left = ({"Ad Soyad": "Ümit Kurt"}, {"aktif": "Hayır"})
    province_office = "Zorunlu üye eksik: İl Göç İdaresi Müdürlüğü (M4(3))."
    district_office = "Zorunlu üye eksik: İlçe Göç İdaresi Müdürlüğü (M4(3))."
    found = [
        f.message
        for f in run(
            "required_members_present", members(left, **DISTRICT, **{"İlçe Göç İdaresi Müdürlüğü Var": "Hayır"})
        )
    ]
    assert province_office in found and district_office not in found
    found = [
        f.message
        for f in run(
            "required_members_present", members(left, **DISTRICT, **{"İlçe Göç İdaresi Müdürlüğü Var": "Evet"})
        )
    ]
    assert district_office in found and province_office not in found


def test_a_varsa_member_is_not_demanded_by_a_book_that_never_asked():
    """KURALLAR §4: without the coast guard's setting (an older template) its member is not demanded, and only the
    two settings the ruling says must be answered are asked for."""
    data = members(({"Ad Soyad": "Ahmet Kurt"}, {"aktif": "Hayır"}))
    del data.settings["İl Sahil Güvenlik Komutanlığı Var"]
    assert run("required_members_present", data) == [
        Finding(ERROR, "M4(2)", "Üyeler", None, "Zorunlu üye eksik: İl Sağlık Müdürlüğü (M4(2)).")
    ]
    assert run("membership_settings_asked", data) == []


def test_the_kaymakam_of_a_district_over_2000_foreigners_sits_on_the_province_board():
    """M4(2): Nizip has 2,001 foreigners (İslahiye's 2,000 is not over the threshold)."""
    gone = members(
        ({"Ad Soyad": "İlknur Kurt", "Kurum": "Nizip Kaymakamlığı"}, {"kurum": "Nizip Belediyesi", "unvan": "Başkan"})
    )
    found = run("district_governors", gone)
    assert [(f.level, f.rule, f.sheet, f.cell) for f in found] == [(ERROR, "M4(2)", "Üyeler", None)]
    assert found[0].message.startswith("Nizip Kaymakamı kurul üyesi olmalı: ilçenin yabancı nüfusu 2.001 (")
    assert run("district_governors", book()) == []
    district = members(
        ({"Ad Soyad": "İlknur Kurt", "Kurum": "Nizip Kaymakamlığı"}, {"kurum": "Nizip Belediyesi", "unvan": "Başkan"}),
        **DISTRICT,
    )
    assert run("district_governors", district) == []  # a province board's membership


def test_the_subcommission_is_the_provinces():
    """M6(1): a district book has no subcommission."""
    found = run("subcommission_only_in_province", book(**DISTRICT))
    assert found[:2] == [
        Finding(
            ERROR,
            "M6(1)",
            "Üyeler",
            "C5",
            "Alt Komisyon yalnız İl GKK bünyesinde kurulur; 'Alt Komisyon Asil' bu kitapta olamaz.",
        ),
        Finding(
            ERROR,
            "M6(1)",
            "Üyeler",
            "C6",
            "Alt Komisyon yalnız İl GKK bünyesinde kurulur; 'Alt Komisyon Yedek' bu kitapta olamaz.",
        ),
    ]
    assert run("subcommission_only_in_province", book()) == []


def test_one_asil_and_one_yedek_per_institution_two_persons():
    """M6(3): the Aile ve Sosyal Hizmetler's yedek made a second asil (none left as yedek); a person written as
    both the asil and the yedek of one institution."""
    data = members(
        ({"Ad Soyad": "Ali Arslan", "Kurum": AILE}, {"gorev": "Alt Komisyon Asil"}),
        ({"Ad Soyad": "Hatice Arslan"}, {"ad_soyad": "ALİ ŞAHİN"}),
    )
    assert run("subcommission_seats", data) == [
        Finding(ERROR, "M6(3)", "Üyeler", None, f"Alt Komisyonda {AILE} için yedek üye yok."),
        Finding(
            ERROR,
            "M6(3)",
            "Üyeler",
            "C9",
            f"{AILE} için Alt Komisyonda ikinci aktif asil üye: Ali Arslan (8. satırda Emine Şahin var). Her "
            "kurumun bir asil ve bir yedek üyesi olur; görevi biten üyenin 'Aktif' sütununa Hayır yazın.",
        ),
        Finding(
            ERROR,
            "M6(3)",
            "Üyeler",
            "E30",
            "ALİ ŞAHİN (İl Nüfus ve Vatandaşlık İşleri Müdürlüğü) Alt Komisyonda hem asil (29. satır) hem yedek "
            "üye yazılmış; asil ve yedek ayrı kişilerdir.",
        ),
    ]
    assert run("subcommission_seats", book()) == [] and run("subcommission_seats", book(**DISTRICT)) == []
    nameless = members(({"Ad Soyad": "Derya Şahin"}, {"kurum": None}), ({"Ad Soyad": "Fatma Şahin"}, {"kurum": None}))
    assert not [f for f in run("subcommission_seats", nameless) if "ikinci aktif" in f.message]  # no institution


def test_subcommission_members_are_of_branch_manager_level():
    """M6(4): the chair's title is M6(2)'s matter."""
    data = members(
        ({"Ad Soyad": "Ahmet Şahin", "Kurum": "İl Milli Eğitim Müdürlüğü"}, {"unvan": "Uzman"}),
        ({"Ad Soyad": "Nur Erdem"}, {"unvan": "Memur"}),
    )
    assert run("subcommission_titles", data) == [
        Finding(
            WARNING,
            "M6(4)",
            "Üyeler",
            "D5",
            "Ahmet Şahin (İl Milli Eğitim Müdürlüğü): Alt Komisyon üyesi şube müdürü düzeyinde olmalı; unvanı 'Uzman'.",
        )
    ]
    district = members(
        ({"Ad Soyad": "Ahmet Şahin", "Kurum": "İl Milli Eğitim Müdürlüğü"}, {"unvan": "Uzman"}), **DISTRICT
    )
    assert run("subcommission_titles", district) == []  # M6(1)'s matter there


def test_the_subcommission_has_one_chair_of_the_il_goc_idaresi():
    """M6(2): the İl Göç İdaresi Müdürlüğü's Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi."""
    assert run("subcommission_chair", members(({"Ad Soyad": "Nur Erdem"}, {"aktif": "Hayır"}))) == [
        Finding(
            WARNING,
            "M6(2)",
            "Üyeler",
            None,
            "Alt Komisyon Başkanı (Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi) belirtilmemiş.",
        )
    ]
    data = members(
        ({"Ad Soyad": "Oğuz Arslan"}, {"gorev": "Alt Komisyon Başkanı"}),
        ({"Ad Soyad": "İlknur Şahin"}, {"gorev": "Alt Komisyon Başkanı", "kurum": "Valilik"}),
    )
    second = "Alt Komisyonun bir başkanı olur: {} ikinci aktif Alt Komisyon Başkanı (58. satırda İlknur Şahin var)."
    assert run("subcommission_chair", data) == [
        Finding(WARNING, "M6(2)", "Üyeler", "C59", second.format("Oğuz Arslan")),
        Finding(WARNING, "M6(2)", "Üyeler", "C75", second.format("Nur Erdem")),
        Finding(
            WARNING,
            "M6(2)",
            "Üyeler",
            "A58",
            "Alt Komisyona İl Göç İdaresi Müdürlüğü Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi "
            "başkanlık eder.",
        ),
        Finding(
            WARNING,
            "M6(2)",
            "Üyeler",
            "D59",
            "Alt Komisyon Başkanı Oğuz Arslan: unvanı 'Şube Müdürü'. Alt Komisyona İl Göç İdaresi Müdürlüğü "
            "Uyum Çalışma Grubu Başkanı veya Uyum İrtibat Görevlisi başkanlık eder.",
        ),
    ]
    assert run("subcommission_chair", book()) == [] and run("subcommission_chair", book(**DISTRICT)) == []


def test_whoever_attends_for_a_member_institution_is_its_member_or_deputy():
    """M9(2): the Vali (however spelt) attends; a stranger for the Valilik does not, unless marked as deputy; an
    institution that is no member, or none written, is not judged."""
    data = clean()
    data["Katılımcılar"] = rows(
        "Katılımcılar",
        toplanti_no="1",
        sira=[1, 2, 3, 4, 5],
        unvan="U",
        kurum_ismi=["Gaziantep Valiliği", "Valilik", "Valilik", "Gaziantep Barosu", None],
        ad_soyad=["KEMAL CEBER", "Can Ak", "Can Ak", None, "X"],
        vekil=[None, None, "Evet", None, None],
    )
    assert run("deputies", book(rows=data)) == [
        Finding(
            WARNING,
            "M9(2)",
            "Katılımcılar",
            "E3",
            "Toplantı 1, 3. satır: Can Ak Valilik adına katılmış ama 'Üyeler' sayfasında bu kurumun üyesi değil "
            "ve vekil olarak işaretlenmemiş. Üye yerine başkasını görevlendiremez; usulüne uygun atanmış vekilse "
            "'Vekil' sütununa Evet yazın.",
        )
    ]
    data["Katılımcılar"] = rows("Katılımcılar", toplanti_no="1", sira=1, unvan="U", kurum_ismi="Valilik")
    assert run("deputies", book(rows=data))[0].message.startswith("Toplantı 1, 2. satır: (adı yazılmamış) Valilik")
