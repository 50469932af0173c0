"""`gockurul ornek`: a realistic province workbook for one year, with a few deliberate mistakes.

The data (example_data.py) follow the circular (M4(2) members, sub-commission asil/yedek, quarterly boards in the
window months, sub-commission meetings on the first working day of their month, deadlines kept), so
that `kontrol` reports exactly `DELIBERATE_MISTAKES` and nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import contract, rules
from .example_data import (
    ACTIONS,
    AGENDA_TOPICS,
    ANNUAL_TEXT,
    BOARD,
    DATA_SHARING,
    DISTRICT_MEETINGS,
    DISTRICTS,
    FOREIGN_POPULATION,
    HALL,
    LEAVE,
    MEETINGS,
    MIGRATION_HALL,
    MISSING_BOARD_MEMBER,
    MISSING_GOVERNOR,
    PROBLEMS,
    PROJECTS,
    PROPOSERS,
    PROVINCE,
    YEAR,
    D,
    decision_rows,
)

# (rule, sheet, what kontrol must say about it) — the README and a test list these.
DELIBERATE_MISTAKES = (
    ("M4(2)", "Üyeler", "İl Afet ve Acil Durum Müdürlüğü kurul üyesi olarak yazılmamış"),
    ("M4(2)", "Üyeler", "Araban Kaymakamı (yabancı nüfusu 2.500) üye listesinde yok"),
    ("M6(4)", "Üyeler", "bir Alt Komisyon yedeğinin unvanı şube müdürü düzeyinde değil (uyarı)"),
    ("Ek-1", "Kararlar", "Karar 7'nin Verilen Süre'si toplantı tarihinden önce"),
    ("M12(1)", "Kararlar", "Karar 15 var olmayan Toplantı No 12'ye bağlanmış"),
    ("GK(c)", "Projeler", "Proje 4 Başkanlığın uygun görüşünden önce başlamış"),
    ("GK(b)", "Veri Paylaşımı", "Kayıt 3 Başkanlıkla koordinasyondan önce yayımlanmış"),
)

_FIRST = [
    "Ayşe",
    "Mehmet",
    "Fatma",
    "Ahmet",
    "Zeynep",
    "Mustafa",
    "Emine",
    "Ali",
    "Hatice",
    "Hüseyin",
    "Elif",
    "İbrahim",
    "Şükrü",
    "Gülşen",
    "Çağrı",
    "Özlem",
    "Ümit",
    "İlknur",
    "Oğuz",
    "Derya",
]
_LAST = [
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Yıldırım",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Çetin",
    "Kara",
    "Koç",
    "Kurt",
    "Özkan",
    "Şimşek",
    "Güneş",
]


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i * 7 + 3) % len(_LAST)]}"


def _phone(i: int) -> str:
    return f"05{32 + i % 20} {100 + i:03d} {10 + i % 80:02d} {20 + i % 70:02d}"


def _members() -> list[list]:
    rows: list[list] = [
        ["Valilik", "Daimi", rules.ROLE_CHAIR, "Vali", "Kemal Çeber", _phone(0), None, "Evet"],
        ["Valilik", "Daimi", rules.ROLE_MEMBER, "Vali Yardımcısı", "Seda Aksoy", _phone(1), None, "Evet"],
    ]
    i = 2
    for req in rules.PROVINCE_MEMBERS:
        if req.unvan or req.optional_setting == rules.SETTING_COAST_GUARD:
            continue
        kurum = "Gaziantep Üniversitesi" if req.kurum == "Üniversitesi" else req.kurum
        if req.kurum == "Göç Araştırma Merkezi":
            kurum = "Gaziantep Üniversitesi Göç Araştırma Merkezi"
        title = "Müdür" if "Müdürlüğü" in kurum else ("Rektör Yardımcısı" if "Üniversite" in kurum else "Yönetici")
        if kurum != MISSING_BOARD_MEMBER:
            rows.append([kurum, "Daimi", rules.ROLE_MEMBER, title, _name(i), _phone(i), None, "Evet"])
        i += 1
        if req.subcommission:
            rows.append([kurum, "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", _name(i), _phone(i), None, "Evet"])
            i += 1
            yedek_title = "Memur" if kurum == "İl Kültür ve Turizm Müdürlüğü" else "Şube Müdürü"
            rows.append([kurum, "Daimi", rules.ROLE_SUB_SUBSTITUTE, yedek_title, _name(i), _phone(i), None, "Evet"])
            i += 1
    rows.append(
        [
            "İl Göç İdaresi Müdürlüğü",
            "Daimi",
            rules.ROLE_SUB_CHAIR,
            "Uyum Çalışma Grubu Başkanı",
            "Nur Erdem",
            _phone(i),
            "nur.erdem@goc.gov.tr",
            "Evet",
        ]
    )
    for district, population, _border in DISTRICTS:
        if rules.district_governor_is_member(population) and district != MISSING_GOVERNOR:
            i += 1
            rows.append(
                [f"{district} Kaymakamlığı", "Daimi", rules.ROLE_MEMBER, "Kaymakam", _name(i), _phone(i), None, "Evet"]
            )
    rows.append(
        [
            "Gaziantep Ticaret Odası",
            "Davetli",
            rules.ROLE_MEMBER,
            "Genel Sekreter",
            "Burak Tunç",
            _phone(90),
            None,
            "Evet",
        ]
    )
    rows.append(
        [
            "Göç İdaresi Başkanlığı",
            "Başkanlık Personeli",
            rules.ROLE_MEMBER,
            "Uzman",
            "Selin Kaplan",
            _phone(91),
            None,
            "Evet",
        ]
    )
    rows.append(["İl Sağlık Müdürlüğü", "Daimi", rules.ROLE_MEMBER, "Müdür", "Eski Üye", _phone(92), None, "Hayır"])
    for r in rows:
        if r[6] is None:
            r[6] = _email(r[4])
    return rows


def _email(name: str) -> str:
    table = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")
    return name.translate(table).lower().replace(" ", ".") + "@ornek.gov.tr"


def _meetings() -> list[list]:
    out = []
    for no, cat, kind, held, notice, platform in MEETINGS:
        place = HALL if cat == BOARD else MIGRATION_HALL
        note = "Başkanlığın talebiyle ek kurul (M7(3))" if kind == "Ek" else None
        out.append([no, cat, kind, held, held, dt.time(10, 0), place, notice, platform, note])
    return out


def _working_day_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _agenda() -> list[list]:
    out = []
    for no, cat, _kind, held, *_ in MEETINGS:
        proposed = _working_day_before(held - dt.timedelta(days=20))
        for i, topic in enumerate(AGENDA_TOPICS[cat], start=1):
            out.append([no, i, topic, PROPOSERS[(no + i) % len(PROPOSERS)], proposed])
    return out


def _participants(members: list[list]) -> list[list]:
    board = [m for m in members if m[2] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER) and m[7] == "Evet"]
    sub = [m for m in members if m[2] in (rules.ROLE_SUB_PRIMARY, rules.ROLE_SUB_CHAIR)]
    out = []
    for no, cat, *_ in MEETINGS:
        people = board if cat == BOARD else sub
        # Not everyone comes every time; a deputy (vekil, M9(2)) attends now and then.
        chosen = [p for j, p in enumerate(people) if (j + no) % 5 != 0 or p[2] == rules.ROLE_CHAIR]
        for seq, p in enumerate(chosen, start=1):
            deputy = "Evet" if (seq + no) % 11 == 0 and p[2] != rules.ROLE_CHAIR else "Hayır"
            name = _name(seq * 3 + no) if deputy == "Evet" else p[4]
            out.append([no, seq, p[0], p[3], name, p[5], deputy])
    return out


def example_rows() -> dict[str, list[list]]:
    """Rows per sheet, in the contract's column order."""
    members = _members()
    return {
        "İlçeler": [list(d) for d in DISTRICTS],
        "Üyeler": members,
        "Toplantılar": _meetings(),
        "Gündem": _agenda(),
        "Sorunlar": [list(p) for p in PROBLEMS],
        "Kararlar": decision_rows(),
        "Katılımcılar": _participants(members),
        "Eylem Planı": [list(a) for a in ACTIONS],
        "Projeler": [list(p) for p in PROJECTS],
        "Veri Paylaşımı": [list(d) for d in DATA_SHARING],
        "Tatiller": [list(h) for h in LEAVE],
        "Yıllık Rapor": [list(t) for t in ANNUAL_TEXT],
    }


def example_settings() -> dict[str, object]:
    return {
        contract.S_KIND: rules.BoardKind.PROVINCE.value,
        contract.S_PROVINCE: PROVINCE,
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: FOREIGN_POPULATION,
        rules.SETTING_COAST_GUARD: "Hayır",
        rules.SETTING_RESEARCH_CENTRE: "Evet",
        # Letters signed on the governor's behalf (Yönetmelik: "Vali a." over the title); the office's contact lines.
        contract.S_SIGNER: "Seda Aksoy",
        contract.S_SIGNER_TITLE: "Vali a. Vali Yardımcısı",
        contract.S_ADDRESS: "Gaziantep Valiliği Hükümet Konağı, İl Göç İdaresi Müdürlüğü, Şahinbey / GAZİANTEP",
        contract.S_PHONE: "0342 000 00 00",
        contract.S_EMAIL: "gaziantep.gkk@ornek.gov.tr",
        contract.S_KEP: "gaziantep.gkk@ornek.kep.tr",
        rules.SETTING_REMOVAL_CENTRE: "Evet",
        rules.SETTING_TEMPORARY_SHELTER: "Evet",
    }


def write_example(path: Path, *, overwrite: bool = False) -> Path | None:
    """Write the example workbook; the backup of the file it replaced, if any."""
    from .files.fill import fill_workbook

    return fill_workbook(path, example_settings(), example_rows(), overwrite=overwrite)


# --- the example's district books ------------------------------------------------------------------------------
# Nizip (2,001) and İslahiye (2,000) must hold their own boards (M8(1)); their books, sent to the province
# (M12(5)), are what `birlestir` merges in the user guide. Both boards met in their windows (M8(1)) and the İl Göç
# İdaresi Müdürlüğü took part (M8(1), M11(3)).
EXAMPLE_DISTRICTS = ("Nizip", "İslahiye")
DISTRICT_BOARD = rules.MeetingCategory.DISTRICT_BOARD.value


def district_file_name(district: str) -> str:
    """'NIZIP_2025.xlsx': how an office names a district's book."""
    return f"{_email(district).split('@')[0].upper()}_{YEAR}.xlsx"


def district_settings(district: str) -> dict[str, object]:
    population = next(p for name, p, _ in DISTRICTS if name == district)
    return {
        contract.S_KIND: rules.BoardKind.DISTRICT.value,
        contract.S_PROVINCE: PROVINCE,
        contract.S_DISTRICT: district,
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: population,
        contract.S_BORDER: "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
        contract.S_SIGNER: _name(70),
        contract.S_SIGNER_TITLE: f"{district} Kaymakamı",
        # where `gonder` addresses the district's mail (M12(5)): the province's office, as the example's Ayarlar
        contract.S_EMAIL: _email(district),
        contract.S_PROVINCE_EMAIL: "gaziantep.gkk@ornek.gov.tr",
    }


def district_rows(district: str) -> dict[str, list[list]]:
    """A district book's rows: its board (M4(3): the İl Göç İdaresi Müdürlüğü where the district has no migration
    office), two ordinary boards, their problems, decisions and participants."""
    members = [[f"{district} Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", _name(70), _phone(70), None, "Evet"]]
    for i, req in enumerate(rules.DISTRICT_MEMBERS, start=71):
        if req.optional_setting and not req.optional_setting.startswith("!"):
            continue  # the district has no migration office, Kızılay representation or university
        kurum = req.kurum if req.kurum.startswith("İl ") else f"{district} {req.kurum}"
        members.append([kurum, "Daimi", rules.ROLE_MEMBER, "Müdür", _name(i), _phone(i), None, "Evet"])
    for r in members:
        r[6] = _email(r[4])
    meetings, problems, decisions, participants = [], [], [], []
    for no, held, notice, platform in DISTRICT_MEETINGS:
        meetings.append(
            [
                no,
                DISTRICT_BOARD,
                "Olağan",
                held,
                held,
                dt.time(10, 0),
                f"{district} Kaymakamlığı",
                notice,
                platform,
                None,
            ]
        )
        problems.append(
            [
                no,
                no,
                "Eğitim" if no == 1 else "Sağlık",
                "Okula kayıtlı olmayan yabancı çocuklar" if no == 1 else "Tercüman eksikliği",
                "Kayıt kampanyası" if no == 1 else "Tercüman desteği",
                "Açık",
            ]
        )
        participants += [[no, k + 1, m[0], m[3], m[4], m[5], "Hayır"] for k, m in enumerate(members[:6])]
    decisions.append(
        [
            1,
            1,
            "Okul kayıt kampanyası yapılmasına",
            "Okullaşma oranının düşük olması",
            "Tüm çocukların eğitime erişimi",
            f"{district} İlçe Milli Eğitim Müdürlüğü",
            D(YEAR, 6, 30),
            "Uygulandı",
            None,
            "Kampanya tamamlandı.",
            2,
            1,
        ]
    )
    decisions.append(
        [
            2,
            2,
            "Sağlık merkezine tercüman görevlendirilmesine",
            "Tercüman eksikliği",
            "Sağlık hizmetine erişim",
            f"{district} İlçe Sağlık Müdürlüğü",
            D(YEAR + 1, 6, 30),
            "Devam Ediyor",
            None,
            None,
            None,
            2,
        ]
    )
    return {
        "Üyeler": members,
        "Toplantılar": meetings,
        "Sorunlar": problems,
        "Kararlar": decisions,
        "Katılımcılar": participants,
    }


def write_district_examples(folder: Path, *, overwrite: bool = False) -> list[Path]:
    """The example's district books in `folder` (made if missing); their paths."""
    from .files.fill import fill_workbook

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for district in EXAMPLE_DISTRICTS:
        path = folder / district_file_name(district)
        fill_workbook(path, district_settings(district), district_rows(district), overwrite=overwrite)
        paths.append(path)
    return paths
