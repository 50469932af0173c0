"""Kıyaslama için sentetik ama geçerli çalışma kitapları üretir (issue 8).

Boyut 1 (1×) büyük bir ilin bir yılıdır: 40 toplantı (8 olağan: dört İl GKK ve dört Alt Komisyon; 32 ek
toplantı — il kitabı ilçe toplantısı tutamadığı için ilçe toplantıları da ek İl GKK toplantısı sayılır, birkaçı
ek Alt Komisyon toplantısıdır), 400 karar, 1.500 katılımcı satırı, 150 eylem, 50 proje; ayrıca gündem, sorun,
veri paylaşımı ve tatil satırları. 39 ilçeli İstanbul ve kurulun tam üye listesi (kaymakamlar, Alt Komisyon
asil/yedekleri) her boyutta aynıdır.

Boyut N, aynı kitap yılında (Ayarlar'daki Yıl) N kat satırdır: kitap sözleşmesi bir yıl içindir (başka yılın
toplantısı `kontrol`da uyarı verir), bu yüzden 16× "on yıllık geçmiş" yerine aynı yıla 16 kat yüklenir. Ek
toplantılar yılın iş günlerine eşit yayılır (16×'ta günde iki-üç toplantı); olağan toplantılar yine sekizdir.
Kesirli boyut (ör. 0.05) testler için küçük bir kitap verir.

Üretilen kitap `kontrol` için temizdir (BUGUN tarihinde hiçbir bulgu yok): tarihler iş günü, süreler
içinde, başvurular geçerli. Aynı boyut ve tohum her zaman aynı satırları verir.

    python bench/generate.py --boyut 4 --cikti /tmp/kitap-4x.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from gockurul_excel import contract, rules
from gockurul_excel.core.workdays import WorkCalendar, deadline

YEAR = 2025
# Ölçümlerin "bugün"ü: kitap yılı bitmiş, Ek-3 hazırlanıyor (Ocak). Açık kararların süresi bundan sonradır.
BUGUN = dt.date(YEAR + 1, 1, 20)
PROVINCE = "İstanbul"
FOREIGN_POPULATION = 1_052_318
SEED = 8

# 1× (bir il-yılı) başına satır sayıları.
PER_YEAR = {
    "Toplantılar": 40,  # 8 olağan + 32 ek
    "Kararlar": 400,
    "Katılımcılar": 1_500,
    "Eylem Planı": 150,
    "Projeler": 50,
    "Sorunlar": 120,
    "Veri Paylaşımı": 24,
}

DISTRICTS = (
    ("Adalar", 1_200, "Hayır"),
    ("Arnavutköy", 21_400, "Hayır"),
    ("Ataşehir", 18_900, "Hayır"),
    ("Avcılar", 31_500, "Hayır"),
    ("Bağcılar", 58_200, "Hayır"),
    ("Bahçelievler", 36_700, "Hayır"),
    ("Bakırköy", 9_800, "Hayır"),
    ("Başakşehir", 54_300, "Hayır"),
    ("Bayrampaşa", 16_200, "Hayır"),
    ("Beşiktaş", 7_400, "Hayır"),
    ("Beykoz", 5_100, "Hayır"),
    ("Beylikdüzü", 22_800, "Hayır"),
    ("Beyoğlu", 24_600, "Hayır"),
    ("Büyükçekmece", 19_300, "Hayır"),
    ("Çatalca", 1_950, "Hayır"),
    ("Çekmeköy", 6_300, "Hayır"),
    ("Esenler", 47_900, "Hayır"),
    ("Esenyurt", 96_400, "Hayır"),
    ("Eyüpsultan", 15_800, "Hayır"),
    ("Fatih", 61_300, "Hayır"),
    ("Gaziosmanpaşa", 29_700, "Hayır"),
    ("Güngören", 21_200, "Hayır"),
    ("Kadıköy", 8_900, "Hayır"),
    ("Kağıthane", 17_400, "Hayır"),
    ("Kartal", 12_600, "Hayır"),
    ("Küçükçekmece", 64_800, "Hayır"),
    ("Maltepe", 10_300, "Hayır"),
    ("Pendik", 23_500, "Hayır"),
    ("Sancaktepe", 13_700, "Hayır"),
    ("Sarıyer", 11_200, "Hayır"),
    ("Silivri", 4_300, "Hayır"),
    ("Sultanbeyli", 33_100, "Hayır"),
    ("Sultangazi", 38_400, "Hayır"),
    ("Şile", 900, "Evet"),
    ("Şişli", 14_500, "Hayır"),
    ("Tuzla", 12_100, "Hayır"),
    ("Ümraniye", 26_900, "Hayır"),
    ("Üsküdar", 13_300, "Hayır"),
    ("Zeytinburnu", 42_700, "Hayır"),
)

FIRST = (
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
    "Gökhan",
    "Şeyma",
    "Tuğçe",
    "Ömer",
    "Büşra",
    "İsmail",
    "Nurcan",
    "Yiğit",
    "Sevgül",
    "Ertuğrul",
)
LAST = (
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
    "Erdoğan",
    "Aktaş",
    "Ünal",
    "Güler",
    "Tekin",
    "Karaca",
    "Bulut",
    "Işık",
    "Sönmez",
)

BOARD = rules.MeetingCategory.PROVINCE_BOARD.value
SUB = rules.MeetingCategory.SUBCOMMISSION.value
HALLS = (
    "İstanbul Valiliği Toplantı Salonu",
    "İl Göç İdaresi Müdürlüğü Toplantı Salonu",
    "Haliç Kongre Merkezi Toplantı Salonu",
    "İstanbul Valiliği Şehit Mustafa Cambaz Salonu",
)

BOARD_TOPICS = (
    "Bir önceki kurulda alınan kararların değerlendirilmesi",
    "Yerel Uyum Eylem Planı izleme sonuçları",
    "Alt Komisyon raporunun sunulması",
    "İlçe Göç Koordinasyon Kurullarından gelen bulgular",
    "Göç alanında ulusal ve yerel verilerin sunumu",
    "Kayıt dışı istihdamla mücadele",
    "Yabancı öğrencilerin okullaşma oranları",
    "Göçmen sağlığı merkezlerinin kapasitesi",
)
SUB_TOPICS = (
    "Sahada tespit edilen sorunlar",
    "Eylem planı faaliyetlerinin izlenmesi",
    "Kurul gündemine sunulacak öneriler",
    "Mahalle ziyaretlerinden gelen bulgular",
)
PROBLEMS = (
    (
        "Eğitim",
        "Okula kayıtlı olmayan yabancı çocukların sayısı yüksek.",
        "Mahalle bazlı kayıt kampanyası ve ailelere ev ziyareti.",
    ),
    (
        "Sağlık",
        "Göçmen sağlığı merkezlerinde tercüman eksikliği.",
        "Tercüman alımı için Başkanlığa ve Sağlık Bakanlığına talep iletilmesi.",
    ),
    (
        "İş Gücü Piyasası",
        "Kayıt dışı çalışma ve çalışma izni başvurularının azlığı.",
        "İşverenlere yönelik bilgilendirme toplantıları düzenlenmesi.",
    ),
    ("Sosyal Destek", "Sosyal yardım başvurularında belge eksikliği.", "SYDV ile ortak başvuru masası kurulması."),
    (
        "Bilgilendirme",
        "Adres kayıt yükümlülüğünün bilinmemesi.",
        "Arapça, Farsça ve Türkçe broşür ile kısa film hazırlanması.",
    ),
    (
        "Kamu Düzeni",
        "Bazı mahallelerde toplumsal gerginlik riski.",
        "Muhtarlar ve kanaat önderleriyle ortak toplantılar yapılması.",
    ),
    (
        "Toplumsal Katılım",
        "Yabancı kadınların uyum kurslarına katılımı düşük.",
        "Kurs saatlerinin ve yerlerinin yeniden düzenlenmesi.",
    ),
    ("Kamu Sağlığı", "Aşılama oranlarında düşüş.", "Mobil aşı ekiplerinin kurulması."),
    ("Kamu Güvenliği", "Düzensiz göçmen yakalamalarında artış.", "Ortak denetimlerin sıklaştırılması."),
    ("Diğer", "Göç verilerinin kurumlar arasında geç paylaşılması.", "Üç aylık veri paylaşım takvimi belirlenmesi."),
)
DECISIONS = (
    (
        "Okul dışındaki yabancı çocuklar için kayıt kampanyası başlatılmasına",
        "Okullaşma oranının düşük olması",
        "Tüm çocukların eğitime erişimi",
        "İl Milli Eğitim Müdürlüğü",
    ),
    (
        "Göçmen sağlığı merkezlerine tercüman desteği sağlanmasına",
        "Tercüman eksikliği",
        "Sağlık hizmetine erişim",
        "İl Sağlık Müdürlüğü; İl Göç İdaresi Müdürlüğü",
    ),
    (
        "Adres kayıt bilgilendirme materyallerinin hazırlanmasına",
        "Yükümlülüğün bilinmemesi",
        "Kayıtların güncel tutulması",
        "İl Göç İdaresi Müdürlüğü; İl Nüfus ve Vatandaşlık İşleri Müdürlüğü",
    ),
    (
        "SYDV ortak başvuru masası kurulmasına",
        "Belge eksikliği",
        "Başvuruların hızlanması",
        "İl Sosyal Yardımlaşma ve Dayanışma Vakfı",
    ),
    (
        "Riskli mahallelerde muhtar ve kanaat önderleriyle toplantılar yapılmasına",
        "Toplumsal gerginlik riski",
        "Kamu düzeninin korunması",
        "İl Emniyet Müdürlüğü; İl Jandarma Komutanlığı",
    ),
    ("Mobil aşı ekiplerinin kurulmasına", "Aşılama oranlarındaki düşüş", "Kamu sağlığı", "İl Sağlık Müdürlüğü"),
    (
        "Uyum kurslarının saatlerinin yeniden düzenlenmesine",
        "Katılımın düşük olması",
        "Yabancı kadınların katılımının artırılması",
        "Aile ve Sosyal Hizmetler İl Müdürlüğü",
    ),
    (
        "İşverenlere çalışma izni bilgilendirme toplantıları düzenlenmesine",
        "Kayıt dışı çalışma",
        "Kayıtlı istihdamın artırılması",
        "Çalışma ve İş Kurumu İl Müdürlüğü; Sosyal Güvenlik İl Müdürlüğü",
    ),
    (
        "Gönüllü Türkçe öğretmeni programı başlatılmasına",
        "Öğretmen açığı",
        "Dil ediniminin desteklenmesi",
        "İl Milli Eğitim Müdürlüğü; Gençlik ve Spor İl Müdürlüğü",
    ),
    (
        "Düzensiz göçle mücadelede ortak denetimlerin sıklaştırılmasına",
        "Yakalamalardaki artış",
        "Kamu güvenliği",
        "İl Emniyet Müdürlüğü; İl Jandarma Komutanlığı; İl Göç İdaresi Müdürlüğü",
    ),
)
ACTIONS = (
    ("Eğitim", "Okul dışındaki çocukların tespiti ve kaydı", "İl Milli Eğitim Müdürlüğü", "Kaydedilen çocuk sayısı"),
    ("Sağlık", "Göçmen sağlığı merkezlerinde tercüman hizmeti", "İl Sağlık Müdürlüğü", "Tercüman sayısı"),
    (
        "İş Gücü Piyasası",
        "İşverenlere çalışma izni bilgilendirmesi",
        "Çalışma ve İş Kurumu İl Müdürlüğü",
        "Toplantı sayısı",
    ),
    ("Sosyal Destek", "Ortak başvuru masası", "İl Sosyal Yardımlaşma ve Dayanışma Vakfı", "Masa sayısı"),
    ("Bilgilendirme", "Adres kayıt broşürü ve kısa film", "İl Göç İdaresi Müdürlüğü", "Broşür adedi"),
    (
        "Toplumsal Katılım",
        "Kadınlara yönelik uyum kursları",
        "Aile ve Sosyal Hizmetler İl Müdürlüğü",
        "Katılımcı sayısı",
    ),
    ("Kamu Düzeni", "Mahalle toplantıları", "İl Emniyet Müdürlüğü", "Toplantı sayısı"),
    ("Kamu Sağlığı", "Mobil aşı ekipleri", "İl Sağlık Müdürlüğü", "Ekip sayısı"),
    ("Kamu Güvenliği", "Ortak denetimler", "İl Jandarma Komutanlığı", "Denetim sayısı"),
    ("Diğer", "Göç verilerinin kurula sunumu", "İl Göç İdaresi Müdürlüğü", "Sunum sayısı"),
)
PROJECTS = (
    "Yabancı Çocukların Eğitime Erişimi",
    "Göçmen Sağlığı Tercüman Desteği",
    "Kadın Kooperatifleri ile Uyum",
    "Mesleki Türkçe Kursları",
    "Mahalle Uyum Merkezleri",
    "Gençlik Spor Buluşmaları",
    "Psikososyal Destek Hattı",
    "İşveren Bilgilendirme Seferberliği",
)
DATA = (
    "Okul çağındaki yabancı çocuk sayıları",
    "Yabancılara verilen sağlık hizmetleri",
    "Çalışma izni verilen yabancılar",
    "Sosyal yardım alan yabancı haneler",
    "İlçelere göre ikamet izni sayıları",
    "Uyum kurslarına katılım",
)
LEAVE = (
    (dt.date(YEAR, 2, 20), "İl genelinde kar nedeniyle idari izin", "İdari İzin"),
    (dt.date(YEAR, 10, 28), "Cumhuriyet Bayramı arifesi idari izin", "İdari İzin"),
)


def _name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + 3) % len(LAST)]}"


def _phone(i: int) -> str:
    return f"05{32 + i % 20} {100 + i % 900:03d} {10 + i % 80:02d} {20 + i % 70:02d}"


def _email(name: str) -> str:
    table = str.maketrans("çğıöşüâÇĞİÖŞÜ", "cgiosuaCGIOSU")
    return name.translate(table).lower().replace(" ", ".") + "@ornek.gov.tr"


def _members() -> list[list]:
    """The full İl GKK (M4(2) with coast guard and research centre), the sub-commission and 36 kaymakams."""
    rows = [
        ["Valilik", "Daimi", rules.ROLE_CHAIR, "Vali", "Davut Gül"],
        ["Valilik", "Daimi", rules.ROLE_MEMBER, "Vali Yardımcısı", "Seda Aksoy"],
    ]
    i = 2
    for req in rules.PROVINCE_MEMBERS:
        if req.unvan:
            continue
        kurum = {
            "Üniversitesi": "Marmara Üniversitesi",
            "Göç Araştırma Merkezi": "İstanbul Üniversitesi Göç Araştırma Merkezi",
        }.get(req.kurum, req.kurum)
        title = "Müdür" if "Müdürlüğü" in kurum else ("Rektör Yardımcısı" if "Üniversite" in kurum else "Yönetici")
        rows.append([kurum, "Daimi", rules.ROLE_MEMBER, title, _name(i)])
        i += 1
        if req.subcommission:
            rows.append([kurum, "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", _name(i)])
            rows.append([kurum, "Daimi", rules.ROLE_SUB_SUBSTITUTE, "Şube Müdürü", _name(i + 1)])
            i += 2
    rows.append(["İl Göç İdaresi Müdürlüğü", "Daimi", rules.ROLE_SUB_CHAIR, "Uyum Çalışma Grubu Başkanı", "Nur Erdem"])
    for district, population, _border in DISTRICTS:
        if rules.district_governor_is_member(population):
            rows.append([f"{district} Kaymakamlığı", "Daimi", rules.ROLE_MEMBER, "Kaymakam", _name(i)])
            i += 1
    rows.append(["İstanbul Ticaret Odası", "Davetli", rules.ROLE_MEMBER, "Genel Sekreter", "Burak Tunç"])
    rows.append(["Göç İdaresi Başkanlığı", "Başkanlık Personeli", rules.ROLE_MEMBER, "Uzman", "Selin Kaplan"])
    rows.append(["İl Sağlık Müdürlüğü", "Daimi", rules.ROLE_MEMBER, "Müdür", "Eski Üye"])
    out = []
    for j, (kurum, kind, role, title, name) in enumerate(rows):
        active = "Hayır" if name == "Eski Üye" else "Evet"
        out.append([kurum, kind, role, title, name, _phone(j), _email(name), active])
    return out


def _meeting_days(cal: WorkCalendar, count: int, year: int = YEAR) -> list[dt.date]:
    """`count` working days (not half days), spread evenly over the year; repeats when count is large."""
    days = [
        d
        for d in (dt.date(year, 1, 2) + dt.timedelta(n) for n in range(360))
        if d.year == year and cal.is_working_day(d) and cal.half_day(d) is None
    ]
    return [days[(k * len(days)) // count] for k in range(count)] if count else []


def _spread(total: int, buckets: int) -> list[int]:
    """Which bucket each of `total` items falls into, evenly and in order."""
    return [(j * buckets) // total for j in range(total)] if buckets else []


def _scaled(key: str, factor: float, minimum: int = 1) -> int:
    return max(minimum, round(PER_YEAR[key] * factor))


def generate_rows(
    size: float = 1.0, seed: int = SEED, year: int = YEAR, outsiders: bool = False
) -> dict[str, list[list]]:
    """Rows per input sheet (contract column order) of a size-`size` workbook. `outsiders`: every participant
    attends for a member institution under a name that is not its member's and without Vekil (a findings-heavy
    book: one M9(2) finding per participant row)."""
    if size <= 0:
        raise ValueError("boyut sıfırdan büyük olmalı")
    rng = random.Random(seed)
    cal = WorkCalendar(LEAVE)
    notice_rule = next(r for r in rules.MEETING_DEADLINES if r.kind == "tutanak_teblig")
    platform_rule = next(r for r in rules.MEETING_DEADLINES if r.kind == "platform_giris")
    proposal_rule = next(r for r in rules.MEETING_DEADLINES if r.kind == "gundem_onerisi")

    # Meetings: the eight ordinary ones in their windows, then the extra ones spread over the year.
    planned: list[tuple[dt.date, str, str]] = []
    for month in (1, 4, 7, 10):  # İl GKK: first working day on or after the 15th (KURALLAR §2)
        planned.append((cal.next_working_day(dt.date(year, month, 15)), BOARD, "Olağan"))
    for month in (3, 6, 9, 12):  # Alt Komisyon: first working day of the month (M6(9))
        planned.append((cal.next_working_day(dt.date(year, month, 1)), SUB, "Olağan"))
    extra = max(0, _scaled("Toplantılar", size) - len(planned))
    for k, day in enumerate(_meeting_days(cal, extra, year)):
        planned.append((day, SUB if k % 6 == 5 else BOARD, "Ek"))
    planned.sort(key=lambda x: (x[0], x[1] != BOARD, x[2] != "Olağan"))

    meetings: list[list] = []
    dates: dict[int, dt.date] = {}
    cats: dict[int, str] = {}
    for no, (day, cat, kind) in enumerate(planned, start=1):
        notice = cal.next_working_day(day + dt.timedelta(days=rng.randint(3, 9)))
        notice = min(notice, deadline(cal, day, notice_rule))
        platform = min(
            cal.next_working_day(day + dt.timedelta(days=rng.randint(1, 6))), deadline(cal, day, platform_rule)
        )
        note = (
            "İlçe kurulu bulgularının değerlendirildiği ek toplantı (M7(3))" if kind == "Ek" and cat == BOARD else None
        )
        meetings.append(
            [
                no,
                cat,
                kind,
                day,
                day,
                dt.time(rng.choice((9, 10, 11, 14)), rng.choice((0, 30))),
                HALLS[no % len(HALLS)] if cat == BOARD else HALLS[1],
                notice,
                platform,
                note,
            ]
        )
        dates[no] = day
        cats[no] = cat
    numbers = list(dates)

    # Agenda: five items for a board, three for the sub-commission; proposals before M10(2)'s deadline.
    agenda = []
    for no in numbers:
        topics = BOARD_TOPICS if cats[no] == BOARD else SUB_TOPICS
        due = deadline(cal, dates[no], proposal_rule)
        proposed = cal.previous_working_day(due - dt.timedelta(days=rng.randint(1, 6)))
        for seq in range(1, (5 if cats[no] == BOARD else 3) + 1):
            agenda.append(
                [
                    no,
                    seq,
                    topics[(no + seq) % len(topics)],
                    DECISIONS[(no + seq) % len(DECISIONS)][3].split(";")[0],
                    proposed,
                ]
            )

    problems = []
    problem_of: dict[int, list[int]] = {}
    for j, m in enumerate(_spread(_scaled("Sorunlar", size), len(numbers)), start=1):
        no = numbers[m]
        area, text, solution = PROBLEMS[rng.randrange(len(PROBLEMS))]
        status = rng.choice(("Açık", "Çözüldü", "Çözüldü", "Çözülemedi"))
        problems.append([j, no, area, f"{text} ({j}. tespit)", solution, status])
        problem_of.setdefault(no, []).append(j)

    # Decisions: evaluated at the next meeting of the same category held on a later day (M5(7)).
    later: dict[int, int | None] = {}
    for no in numbers:
        later[no] = next((n for n in numbers if cats[n] == cats[no] and dates[n] > dates[no]), None)
    decisions = []
    for j, m in enumerate(_spread(_scaled("Kararlar", size), len(numbers)), start=1):
        no = numbers[m]
        text, reason, aim, who = DECISIONS[rng.randrange(len(DECISIONS))]
        held = dates[no]
        roll = rng.random()
        evaluator = later[no]
        if roll < 0.55 and evaluator is not None:
            status, due, why, note = (
                "Uygulandı",
                held + dt.timedelta(days=rng.randint(20, 90)),
                None,
                "Karar uygulandı; sonuçlar kurula sunuldu.",
            )
        elif roll < 0.65 and evaluator is not None:
            status, due, why, note = (
                "Uygulanamadı",
                held + dt.timedelta(days=rng.randint(20, 90)),
                "Bütçe ve personel yetersizliği.",
                "Başkanlığa destek talebi iletildi.",
            )
        else:
            status = rng.choice(rules.DECISION_OPEN)
            due, why, note = dt.date(year + 1, rng.choice((3, 6, 9, 12)), 30 if rng.random() < 0.5 else 15), None, None
        sorun = rng.choice(problem_of[no]) if problem_of.get(no) and rng.random() < 0.7 else None
        decisions.append([j, no, f"{text} (karar {j})", reason, aim, who, due, status, why, note, evaluator, sorun])

    members = _members()
    board = [m for m in members if m[2] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER) and m[7] == "Evet"]
    sub = [m for m in members if m[2] in (rules.ROLE_SUB_PRIMARY, rules.ROLE_SUB_CHAIR)]
    participants = []
    seq_of: dict[int, int] = {}
    for m in _spread(_scaled("Katılımcılar", size), len(numbers)):
        no = numbers[m]
        seq = seq_of[no] = seq_of.get(no, 0) + 1
        people = board if cats[no] == BOARD else sub
        p = people[(seq - 1 + no) % len(people)]
        deputy = "Evet" if (seq + no) % 11 == 0 and p[2] != rules.ROLE_CHAIR else "Hayır"
        name = _name(seq * 3 + no) if deputy == "Evet" else p[4]
        if outsiders:
            deputy, name = "Hayır", f"{_name(seq * 7 + no)} Dışarıdan"
        participants.append([no, seq, p[0], p[3], name, p[5], deputy])

    actions = []
    for j in range(1, _scaled("Eylem Planı", size) + 1):
        area, what, who, indicator = ACTIONS[j % len(ACTIONS)]
        start = dt.date(year, 1 + j % 12, 1 + j % 27)
        end = start + dt.timedelta(days=rng.randint(60, 540))
        target = rng.randint(10, 2_000)
        done = min(target, rng.randint(0, 2_200))
        status = "Tamamlandı" if done == target else rng.choice(("Devam Ediyor", "Başlamadı", "Ertelendi"))
        partner = "İl Göç İdaresi Müdürlüğü" if who != "İl Göç İdaresi Müdürlüğü" else "İl Milli Eğitim Müdürlüğü"
        actions.append(
            [
                j,
                area,
                f"{what} ({j})",
                who,
                partner,
                start,
                end,
                indicator,
                f"{target:,}".replace(",", "."),
                f"{done:,}".replace(",", "."),
                status,
                dt.date(year, 12, 1),
            ]
        )

    projects = []
    for j in range(1, _scaled("Projeler", size) + 1):
        name, who = PROJECTS[j % len(PROJECTS)], ACTIONS[j % len(ACTIONS)][2]
        scope = "Uluslararası" if j % 3 == 0 else "Ulusal"
        asked = dt.date(year - 1, 1 + j % 12, 1 + j % 25)
        if j % 10 == 9:  # still waiting for the Presidency's opinion: not started
            projects.append(
                [j, f"{name} {j}", who, scope, dt.date(year, 11, 3), "Bekliyor", None, None, None, 6, None, None]
            )
            continue
        opinion_day = asked + dt.timedelta(days=rng.randint(14, 60))
        start = opinion_day + dt.timedelta(days=rng.randint(7, 60))
        if j % 2:  # ended and reported
            end = start + dt.timedelta(days=rng.randint(120, 300))
            last_interim = end - dt.timedelta(days=40)
            final = end + dt.timedelta(days=rng.randint(5, 25))
            projects.append(
                [j, f"{name} {j}", who, scope, asked, "Olumlu", opinion_day, start, end, 6, last_interim, final]
            )
        else:  # running past BUGUN; the last interim report recent enough
            end = dt.date(year + 2, 6, 30)
            projects.append(
                [j, f"{name} {j}", who, scope, asked, "Olumlu", opinion_day, start, end, 6, dt.date(year, 12, 1), None]
            )

    sharing = []
    for j in range(1, _scaled("Veri Paylaşımı", size) + 1):
        shared = cal.next_working_day(dt.date(year, 1 + j % 12, 1 + j % 20))
        coordinated = shared + dt.timedelta(days=rng.randint(0, 10))
        published = coordinated + dt.timedelta(days=rng.randint(1, 20))
        sharing.append(
            [
                j,
                DATA[j % len(DATA)],
                ACTIONS[j % len(ACTIONS)][2],
                f"{year}/{1 + j % 4}",
                shared,
                coordinated,
                published,
            ]
        )

    return {
        "İlçeler": [list(d) for d in DISTRICTS],
        "Üyeler": members,
        "Toplantılar": meetings,
        "Gündem": agenda,
        "Sorunlar": problems,
        "Kararlar": decisions,
        "Katılımcılar": participants,
        "Eylem Planı": actions,
        "Projeler": projects,
        "Veri Paylaşımı": sharing,
        "Tatiller": [list(h) for h in LEAVE],
        "Yıllık Rapor": [
            [
                year,
                "Tercüman kadrosu, mobil aşı ekipleri için personel ve Türkçe öğretmeni desteği.",
                "Kurullar yıl boyunca düzenli toplanmış; ilçe bulguları ek kurullarda görüşülmüştür.",
            ]
        ],
    }


# The key columns of each sheet (contract order) that hold a number another row may refer to: made unique across
# the years of a history book by adding the year's offset.
KEY_COLUMNS = {
    "Toplantılar": (0,),
    "Gündem": (0,),
    "Sorunlar": (0, 1),
    "Kararlar": (0, 1, 10, 11),
    "Katılımcılar": (0,),
    "Eylem Planı": (0,),
    "Projeler": (0,),
    "Veri Paylaşımı": (0,),
}
ONCE = ("İlçeler", "Üyeler", "Tatiller")


def generate_history_rows(
    years: int, size: float = 1.0, seed: int = SEED, outsiders: bool = False
) -> dict[str, list[list]]:
    """`years` years of a size-`size` province kept in one workbook whose Yıl is the last of them: what an office
    has when it never starts a new book (every earlier year's rows are out of the book's year for `kontrol`)."""
    out: dict[str, list[list]] = {}
    for k, year in enumerate(range(YEAR - years + 1, YEAR + 1)):
        rows = generate_rows(size, seed + k, year, outsiders)
        offset = 10_000 * k
        for sheet, data in rows.items():
            if sheet in ONCE and sheet in out:
                continue
            for row in data:
                for c in KEY_COLUMNS.get(sheet, ()):
                    if isinstance(row[c], int):
                        row[c] += offset
            out.setdefault(sheet, []).extend(data)
    return out


def generate_settings() -> dict[str, object]:
    return {
        contract.S_KIND: rules.BoardKind.PROVINCE.value,
        contract.S_PROVINCE: PROVINCE,
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: FOREIGN_POPULATION,
        rules.SETTING_COAST_GUARD: "Evet",
        rules.SETTING_RESEARCH_CENTRE: "Evet",
        rules.SETTING_REMOVAL_CENTRE: "Evet",
        rules.SETTING_TEMPORARY_SHELTER: "Evet",
    }


def row_counts(rows: dict[str, list[list]]) -> dict[str, int]:
    return {sheet: len(data) for sheet, data in rows.items()}


def generate(
    path: str | Path, size: float = 1.0, seed: int = SEED, years: int = 1, outsiders: bool = False
) -> dict[str, int]:
    """Write a size-`size` workbook (of `years` years, see generate_history_rows; `outsiders`, see generate_rows)
    to `path` (overwritten); return its row count per sheet."""
    from gockurul_excel.files.fill import fill_workbook

    rows = (
        generate_rows(size, seed, outsiders=outsiders)
        if years == 1
        else generate_history_rows(years, size, seed, outsiders)
    )
    fill_workbook(Path(path), generate_settings(), rows, overwrite=True)
    return row_counts(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kıyaslama için sentetik, geçerli çalışma kitabı üretir.")
    parser.add_argument("--boyut", type=float, default=1.0, help="1 = büyük bir ilin bir yılı (varsayılan 1)")
    parser.add_argument("--cikti", required=True, help="yazılacak .xlsx dosyası (varsa üzerine yazılır)")
    parser.add_argument("--tohum", type=int, default=SEED, help=f"rastgelelik tohumu (varsayılan {SEED})")
    parser.add_argument(
        "--yillar", type=int, default=1, help="kaç yılın satırları tek kitapta (varsayılan 1; 10: on yıllık geçmiş)"
    )
    parser.add_argument(
        "--uye-disi",
        action="store_true",
        help="katılımcılar üye olmayan kişiler (her katılımcı satırı bir M9(2) bulgusu)",
    )
    args = parser.parse_args(argv)
    counts = generate(args.cikti, args.boyut, args.tohum, args.yillar, args.uye_disi)
    total = sum(counts.values())
    detail = ", ".join(f"{k}: {v}" for k, v in counts.items())
    print(f"{args.cikti}: boyut {args.boyut:g}, {total} satır ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
