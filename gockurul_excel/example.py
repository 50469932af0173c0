"""`gockurul ornek`: a realistic province workbook for one year, with a few deliberate mistakes.

The data follow the circular (M4(2) members, sub-commission asil/yedek, quarterly boards in the
window months, sub-commission meetings on the first working day of their month, deadlines kept), so
that `kontrol` reports exactly `DELIBERATE_MISTAKES` and nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import contract, rules

D = dt.date
YEAR = 2025
PROVINCE = "Gaziantep"
FOREIGN_POPULATION = 412_345

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

# İlçe, yabancı nüfusu, hudut ilçesi: both sides of the 2,000 line and a small border district.
DISTRICTS = (
    ("Şahinbey", 182_400, "Hayır"), ("Şehitkamil", 151_300, "Hayır"), ("Nizip", 2_001, "Hayır"),
    ("İslahiye", 2_000, "Hayır"), ("Oğuzeli", 1_999, "Hayır"), ("Karkamış", 850, "Evet"),
    ("Nurdağı", 1_200, "Hayır"), ("Araban", 2_500, "Hayır"), ("Yavuzeli", 400, "Hayır"),
)
MISSING_GOVERNOR = "Araban"
MISSING_BOARD_MEMBER = "İl Afet ve Acil Durum Müdürlüğü"

_FIRST = ["Ayşe", "Mehmet", "Fatma", "Ahmet", "Zeynep", "Mustafa", "Emine", "Ali", "Hatice", "Hüseyin",
          "Elif", "İbrahim", "Şükrü", "Gülşen", "Çağrı", "Özlem", "Ümit", "İlknur", "Oğuz", "Derya"]
_LAST = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
         "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Güneş"]


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i * 7 + 3) % len(_LAST)]}"


def _phone(i: int) -> str:
    return f"05{32 + i % 20} {100 + i:03d} {10 + i % 80:02d} {20 + i % 70:02d}"


def _members() -> list[list]:
    rows: list[list] = [["Valilik", "Daimi", rules.ROLE_CHAIR, "Vali", "Kemal Çeber", _phone(0), None, "Evet"],
                        ["Valilik", "Daimi", rules.ROLE_MEMBER, "Vali Yardımcısı", "Seda Aksoy", _phone(1), None,
                         "Evet"]]
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
    rows.append(["İl Göç İdaresi Müdürlüğü", "Daimi", rules.ROLE_SUB_CHAIR, "Uyum Çalışma Grubu Başkanı",
                 "Nur Erdem", _phone(i), "nur.erdem@goc.gov.tr", "Evet"])
    for district, population, _border in DISTRICTS:
        if rules.district_governor_is_member(population) and district != MISSING_GOVERNOR:
            i += 1
            rows.append([f"{district} Kaymakamlığı", "Daimi", rules.ROLE_MEMBER, "Kaymakam", _name(i), _phone(i),
                         None, "Evet"])
    rows.append(["Gaziantep Ticaret Odası", "Davetli", rules.ROLE_MEMBER, "Genel Sekreter", "Burak Tunç",
                 _phone(90), None, "Evet"])
    rows.append(["Göç İdaresi Başkanlığı", "Başkanlık Personeli", rules.ROLE_MEMBER, "Uzman", "Selin Kaplan",
                 _phone(91), None, "Evet"])
    rows.append(["İl Sağlık Müdürlüğü", "Daimi", rules.ROLE_MEMBER, "Müdür", "Eski Üye", _phone(92), None, "Hayır"])
    for r in rows:
        if r[6] is None:
            r[6] = _email(r[4])
    return rows


def _email(name: str) -> str:
    table = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")
    return name.translate(table).lower().replace(" ", ".") + "@ornek.gov.tr"


BOARD, SUB = rules.MeetingCategory.PROVINCE_BOARD.value, rules.MeetingCategory.SUBCOMMISSION.value
HALL = "Gaziantep Valiliği Toplantı Salonu"
MIGRATION_HALL = "İl Göç İdaresi Müdürlüğü Toplantı Salonu"
# Toplantı No, kategori, tür, tarih, tutanak tebliğ, platform girişi. Board dates: first working day
# on or after the 15th of the window month (15 July is a holiday); sub-commission: first working day
# of the month (KURALLAR §2). Notices and platform entries well inside their limits (§3).
MEETINGS = (
    (1, BOARD, "Olağan", D(YEAR, 1, 15), D(YEAR, 1, 22), D(YEAR, 1, 24)),
    (2, SUB, "Olağan", D(YEAR, 3, 3), D(YEAR, 3, 10), D(YEAR, 3, 14)),
    (3, BOARD, "Olağan", D(YEAR, 4, 15), D(YEAR, 4, 22), D(YEAR, 4, 25)),
    (4, BOARD, "Ek", D(YEAR, 5, 20), D(YEAR, 5, 27), D(YEAR, 5, 29)),
    (5, SUB, "Olağan", D(YEAR, 6, 2), D(YEAR, 6, 11), D(YEAR, 6, 13)),
    (6, BOARD, "Olağan", D(YEAR, 7, 16), D(YEAR, 7, 23), D(YEAR, 7, 25)),
    (7, SUB, "Olağan", D(YEAR, 9, 1), D(YEAR, 9, 8), D(YEAR, 9, 12)),
    (8, BOARD, "Olağan", D(YEAR, 10, 15), D(YEAR, 10, 22), D(YEAR, 10, 24)),
    (9, SUB, "Olağan", D(YEAR, 12, 1), D(YEAR, 12, 8), D(YEAR, 12, 10)),
)


def _meetings() -> list[list]:
    out = []
    for no, cat, kind, held, notice, platform in MEETINGS:
        place = HALL if cat == BOARD else MIGRATION_HALL
        note = "Başkanlığın talebiyle ek kurul (M7(3))" if kind == "Ek" else None
        out.append([no, cat, kind, held, held, dt.time(10, 0), place, notice, platform, note])
    return out


AGENDA_TOPICS = {
    BOARD: ["Bir önceki kurulda alınan kararların değerlendirilmesi", "Yerel Uyum Eylem Planı izleme sonuçları",
            "Alt Komisyon raporunun sunulması", "İlçe Göç Koordinasyon Kurullarından gelen bulgular",
            "Göç alanında ulusal ve yerel verilerin sunumu"],
    SUB: ["Sahada tespit edilen sorunlar", "Eylem planı faaliyetlerinin izlenmesi",
          "Kurul gündemine sunulacak öneriler"],
}
PROPOSERS = ["İl Göç İdaresi Müdürlüğü", "İl Milli Eğitim Müdürlüğü", "İl Sağlık Müdürlüğü",
             "Çalışma ve İş Kurumu İl Müdürlüğü", "Aile ve Sosyal Hizmetler İl Müdürlüğü"]


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


PROBLEMS = (
    (1, 1, "Eğitim", "Okula kayıtlı olmayan yabancı çocukların sayısı yüksek.",
     "Mahalle bazlı kayıt kampanyası ve ailelere ziyaret.", "Çözüldü"),
    (2, 1, "Sağlık", "Göçmen sağlığı merkezlerinde tercüman eksikliği.",
     "Tercüman alımı için Başkanlığa ve Sağlık Bakanlığına talep iletilmesi.", "Açık"),
    (3, 2, "İş Gücü Piyasası", "Kayıt dışı çalışma ve çalışma izni başvurularının azlığı.",
     "İşverenlere yönelik bilgilendirme toplantıları.", "Açık"),
    (4, 2, "Sosyal Destek", "Sosyal yardım başvurularında belge eksikliği.",
     "SYDV ile ortak başvuru masası kurulması.", "Çözüldü"),
    (5, 3, "Bilgilendirme", "Adres kayıt yükümlülüğünün bilinmemesi.",
     "Arapça ve Türkçe broşür ile kısa film hazırlanması.", "Çözüldü"),
    (6, 4, "Kamu Düzeni", "Bazı mahallelerde toplumsal gerginlik riski.",
     "Mahalle muhtarları ve kanaat önderleri ile ortak toplantılar.", "Açık"),
    (7, 5, "Toplumsal Katılım", "Yabancı kadınların sosyal uyum kurslarına katılımı düşük.",
     "Kurs saatlerinin ve yerlerinin yeniden düzenlenmesi.", "Açık"),
    (8, 6, "Kamu Sağlığı", "Aşılama oranlarında düşüş.", "Mobil aşı ekipleri.", "Çözülemedi"),
    (9, 7, "Eğitim", "Türkçe öğretmeni açığı.", "Gönüllü öğretmen programı.", "Açık"),
    (10, 8, "Kamu Güvenliği", "Düzensiz göçmen yakalamalarında artış.", "Ortak denetimlerin sıklaştırılması.",
     "Açık"),
)


def _decisions() -> list[list]:
    # Open decisions run long: their deadline stays ahead of whoever runs the example, so that it shows
    # exactly its deliberate mistakes whatever the date.
    due_long = max(D(YEAR + 2, 6, 30), dt.date(dt.date.today().year + 1, 6, 30))
    rows = [
        # Karar No, Toplantı No, karar, gerekçe, amaç, sorumlu, süre, durum, sebep, değerlendirme, değ. toplantı, sorun
        [1, 1, "Okul dışındaki yabancı çocuklar için kayıt kampanyası başlatılmasına",
         "Okullaşma oranının düşük olması", "Tüm çocukların eğitime erişimi", "İl Milli Eğitim Müdürlüğü",
         D(YEAR, 3, 31), "Uygulandı", None, "Kampanya ile 1.240 çocuk kaydedildi.", 3, 1],
        [2, 1, "Göçmen sağlığı merkezlerine tercüman desteği sağlanmasına", "Tercüman eksikliği",
         "Sağlık hizmetine erişim", "İl Sağlık Müdürlüğü; İl Göç İdaresi Müdürlüğü", due_long, "Devam Ediyor",
         None, "Alım süreci sürüyor.", 3, 2],
        [3, 3, "Adres kayıt bilgilendirme materyallerinin hazırlanmasına", "Yükümlülüğün bilinmemesi",
         "Kayıtların güncel tutulması", "İl Göç İdaresi Müdürlüğü; İl Nüfus ve Vatandaşlık İşleri Müdürlüğü",
         D(YEAR, 6, 30), "Uygulandı", None, "Broşürler dağıtıldı.", 6, 5],
        [4, 3, "SYDV ortak başvuru masası kurulmasına", "Belge eksikliği", "Başvuruların hızlanması",
         "İl Sosyal Yardımlaşma ve Dayanışma Vakfı", D(YEAR, 6, 30), "Uygulandı", None, "Masa kuruldu.", 6, 4],
        [5, 4, "Riskli mahallelerde muhtar ve kanaat önderleriyle ortak toplantılar yapılmasına",
         "Toplumsal gerginlik riski", "Kamu düzeninin korunması", "İl Emniyet Müdürlüğü; İl Jandarma Komutanlığı",
         due_long, "Devam Ediyor", None, None, 6, 6],
        [6, 6, "Mobil aşı ekiplerinin kurulmasına", "Aşılama oranlarındaki düşüş", "Kamu sağlığı",
         "İl Sağlık Müdürlüğü", D(YEAR, 9, 30), "Uygulanamadı", "Ekip için yeterli personel bulunamadı.",
         "Personel talebi Bakanlığa iletildi.", 8, 8],
        [7, 6, "Uyum kurslarının saatlerinin yeniden düzenlenmesine", "Katılımın düşük olması",
         "Yabancı kadınların katılımının artırılması", "Aile ve Sosyal Hizmetler İl Müdürlüğü",
         D(YEAR, 6, 30), "Uygulandı", None, "Kurs saatleri akşama alındı.", 8, 7],  # deliberate: before 16.07
        [8, 6, "İşverenlere çalışma izni bilgilendirme toplantıları düzenlenmesine", "Kayıt dışı çalışma",
         "Kayıtlı istihdamın artırılması", "Çalışma ve İş Kurumu İl Müdürlüğü; Sosyal Güvenlik İl Müdürlüğü",
         due_long, "Devam Ediyor", None, None, 8, 3],
        [9, 8, "Gönüllü Türkçe öğretmeni programı başlatılmasına", "Öğretmen açığı", "Dil ediniminin desteklenmesi",
         "İl Milli Eğitim Müdürlüğü; Gençlik ve Spor İl Müdürlüğü", due_long, "Bekliyor", None, None, None, 9],
        [10, 8, "Düzensiz göçle mücadelede ortak denetimlerin sıklaştırılmasına", "Yakalamalardaki artış",
         "Kamu güvenliği", "İl Emniyet Müdürlüğü; İl Jandarma Komutanlığı; İl Göç İdaresi Müdürlüğü",
         due_long, "Devam Ediyor", None, None, None, 10],
        [11, 2, "Sahada tespit edilen iş gücü sorunlarının kurula raporlanmasına", "Alt Komisyon tespiti",
         "Kurul kararına dayanak oluşturulması", "Çalışma ve İş Kurumu İl Müdürlüğü", D(YEAR, 4, 10),
         "Uygulandı", None, "Rapor 3 no.lu kurula sunuldu.", 5, 3],
        [12, 5, "Eylem planı izleme tablosunun güncellenmesine", "Üç aylık izleme", "Eylem planının takibi",
         "İl Göç İdaresi Müdürlüğü", D(YEAR, 7, 1), "Uygulandı", None, "Tablo güncellendi.", 7, None],
        [13, 7, "Okul kayıt verilerinin il bazında derlenmesine", "Eğitim verisi ihtiyacı", "İzleme",
         "İl Milli Eğitim Müdürlüğü", D(YEAR, 11, 28), "Uygulandı", None, "Veriler derlendi.", 9, 9],
        [14, 9, "Yıllık değerlendirme raporu taslağına katkı verilmesine", "M13(1) yükümlülüğü",
         "Raporun zamanında hazırlanması", "İl Göç İdaresi Müdürlüğü", D(YEAR + 1, 1, 15), "Uygulandı", None,
         "Katkılar toplandı.", None, None],
        [15, 12, "Hudut ilçesinde bilgilendirme toplantısı yapılmasına", "Düzensiz göç riski",
         "Farkındalık", "Karkamış Kaymakamlığı", due_long, "Bekliyor", None, None, None, None],  # deliberate
    ]
    return rows


ACTIONS = (
    (1, "Eğitim", "Okul dışındaki çocukların tespiti ve kaydı", "İl Milli Eğitim Müdürlüğü",
     "İl Göç İdaresi Müdürlüğü", D(YEAR, 1, 15), D(YEAR, 12, 31), "Kaydedilen çocuk sayısı", "1.000", "1.240",
     "Tamamlandı", D(YEAR, 12, 1)),
    (2, "Sağlık", "Göçmen sağlığı merkezlerinde tercüman hizmeti", "İl Sağlık Müdürlüğü", None,
     D(YEAR, 2, 1), D(YEAR + 1, 6, 30), "Tercüman sayısı", "20", "8", "Devam Ediyor", D(YEAR, 12, 1)),
    (3, "İş Gücü Piyasası", "İşverenlere çalışma izni bilgilendirmesi", "Çalışma ve İş Kurumu İl Müdürlüğü",
     "Sosyal Güvenlik İl Müdürlüğü; Gaziantep Ticaret Odası", D(YEAR, 3, 1), D(YEAR, 12, 31), "Toplantı sayısı",
     "12", "9", "Devam Ediyor", D(YEAR, 12, 1)),
    (4, "Sosyal Destek", "Ortak başvuru masası", "İl Sosyal Yardımlaşma ve Dayanışma Vakfı", None,
     D(YEAR, 4, 15), D(YEAR, 6, 30), "Masa", "1", "1", "Tamamlandı", D(YEAR, 9, 1)),
    (5, "Bilgilendirme", "Adres kayıt broşürü ve kısa film", "İl Göç İdaresi Müdürlüğü", None,
     D(YEAR, 4, 15), D(YEAR, 6, 30), "Broşür adedi", "10.000", "12.000", "Tamamlandı", D(YEAR, 9, 1)),
    (6, "Toplumsal Katılım", "Kadınlara yönelik uyum kursları", "Aile ve Sosyal Hizmetler İl Müdürlüğü", None,
     D(YEAR, 7, 16), D(YEAR + 1, 6, 30), "Katılımcı sayısı", "500", "120", "Devam Ediyor", D(YEAR, 12, 1)),
    (7, "Kamu Düzeni", "Mahalle toplantıları", "İl Emniyet Müdürlüğü", "İl Jandarma Komutanlığı",
     D(YEAR, 5, 20), D(YEAR, 12, 31), "Toplantı sayısı", "24", "18", "Devam Ediyor", D(YEAR, 12, 1)),
    (8, "Kamu Sağlığı", "Mobil aşı ekipleri", "İl Sağlık Müdürlüğü", None, D(YEAR, 7, 16), D(YEAR, 9, 30),
     "Ekip sayısı", "4", "0", "Ertelendi", D(YEAR, 12, 1)),
    (9, "Kamu Güvenliği", "Ortak denetimler", "İl Jandarma Komutanlığı", "İl Emniyet Müdürlüğü",
     D(YEAR, 10, 15), D(YEAR + 1, 3, 31), "Denetim sayısı", "40", "11", "Devam Ediyor", D(YEAR, 12, 1)),
    (10, "Diğer", "Göç verilerinin kurula sunumu", "İl Göç İdaresi Müdürlüğü", None, D(YEAR, 1, 15),
     D(YEAR, 12, 31), "Sunum sayısı", "4", "4", "Tamamlandı", D(YEAR, 12, 1)),
)

PROJECTS = (
    (1, "Yabancı Çocukların Eğitime Erişimi", "İl Milli Eğitim Müdürlüğü", "Uluslararası", D(YEAR - 1, 11, 4),
     "Olumlu", D(YEAR - 1, 12, 16), D(YEAR, 2, 3), D(YEAR, 12, 31), 6, D(YEAR, 8, 5), D(YEAR + 1, 1, 20)),
    (2, "Göçmen Sağlığı Tercüman Desteği", "İl Sağlık Müdürlüğü", "Ulusal", D(YEAR, 1, 20), "Olumlu",
     D(YEAR, 2, 17), D(YEAR, 3, 3), D(YEAR, 12, 31), 3, D(YEAR, 12, 2), D(YEAR, 12, 31)),
    (3, "Kadın Kooperatifleri ile Uyum", "Aile ve Sosyal Hizmetler İl Müdürlüğü", "Uluslararası",
     D(YEAR, 10, 1), "Bekliyor", None, None, None, 6, None, None),
    (4, "Mesleki Türkçe Kursları", "Çalışma ve İş Kurumu İl Müdürlüğü", "Ulusal", D(YEAR, 1, 6), "Olumlu",
     D(YEAR, 3, 10), D(YEAR, 2, 3), D(YEAR, 11, 28), 6, D(YEAR, 8, 4), D(YEAR, 12, 5)),  # deliberate
)

DATA_SHARING = (
    (1, "Okul çağındaki yabancı çocuk sayıları", "İl Milli Eğitim Müdürlüğü", "2024-2025", D(YEAR, 2, 10),
     D(YEAR, 2, 10), D(YEAR, 3, 3)),
    (2, "Yabancılara verilen sağlık hizmetleri", "İl Sağlık Müdürlüğü", "2025/1", D(YEAR, 4, 7), D(YEAR, 4, 14),
     D(YEAR, 5, 5)),
    (3, "Çalışma izni verilen yabancılar", "Çalışma ve İş Kurumu İl Müdürlüğü", "2025/1", D(YEAR, 5, 2),
     D(YEAR, 5, 12), D(YEAR, 5, 6)),  # deliberate: published before coordination
    (4, "Sosyal yardım alan yabancı haneler", "İl Sosyal Yardımlaşma ve Dayanışma Vakfı", "2025", D(YEAR, 9, 1),
     None, None),
)

LEAVE = ((D(YEAR, 2, 20), "İl genelinde kar nedeniyle idari izin", "İdari İzin"),)

# Ek-3 items 5–6: the office's own words (M13(4)).
ANNUAL_TEXT = ((YEAR,
                "Göçmen sağlığı merkezleri için tercüman kadrosu ve mobil aşı ekipleri için personel desteği; "
                "Türkçe öğretmeni açığının giderilmesi için Bakanlıklar nezdinde girişim.",
                "Kurullar yıl boyunca düzenli toplanmış, kararların çoğu uygulanmıştır. Alt Komisyonun sahadan "
                "getirdiği tespitler kurul kararlarına dayanak olmuştur. İlçe kurullarının tutanaklarının "
                "zamanında iletilmesi için kaymakamlıklarla ortak takvim önerilmektedir."),)


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
        "Kararlar": _decisions(),
        "Katılımcılar": _participants(members),
        "Eylem Planı": [list(a) for a in ACTIONS],
        "Projeler": [list(p) for p in PROJECTS],
        "Veri Paylaşımı": [list(d) for d in DATA_SHARING],
        "Tatiller": [list(h) for h in LEAVE],
        "Yıllık Rapor": [list(t) for t in ANNUAL_TEXT],
    }


def example_settings() -> dict[str, object]:
    return {
        contract.S_KIND: rules.BoardKind.PROVINCE.value, contract.S_PROVINCE: PROVINCE,
        contract.S_YEAR: YEAR, contract.S_POPULATION: FOREIGN_POPULATION,
        rules.SETTING_COAST_GUARD: "Hayır", rules.SETTING_RESEARCH_CENTRE: "Evet",
        # Letters signed on the governor's behalf (Yönetmelik: "Vali a." over the title); the office's contact lines.
        contract.S_SIGNER: "Seda Aksoy", contract.S_SIGNER_TITLE: "Vali a. Vali Yardımcısı",
        contract.S_ADDRESS: "Gaziantep Valiliği Hükümet Konağı, İl Göç İdaresi Müdürlüğü, Şahinbey / GAZİANTEP",
        contract.S_PHONE: "0342 000 00 00", contract.S_EMAIL: "gaziantep.gkk@ornek.gov.tr",
        contract.S_KEP: "gaziantep.gkk@ornek.kep.tr",
        rules.SETTING_REMOVAL_CENTRE: "Evet", rules.SETTING_TEMPORARY_SHELTER: "Evet",
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
_DISTRICT_MEETINGS = ((1, D(YEAR, 2, 18), D(YEAR, 2, 25), D(YEAR, 2, 27)),
                      (2, D(YEAR, 8, 19), D(YEAR, 8, 26), D(YEAR, 8, 28)))


def district_file_name(district: str) -> str:
    """'NIZIP_2025.xlsx': how an office names a district's book."""
    return f"{_email(district).split('@')[0].upper()}_{YEAR}.xlsx"


def district_settings(district: str) -> dict[str, object]:
    population = next(p for name, p, _ in DISTRICTS if name == district)
    return {contract.S_KIND: rules.BoardKind.DISTRICT.value, contract.S_PROVINCE: PROVINCE,
            contract.S_DISTRICT: district, contract.S_YEAR: YEAR, contract.S_POPULATION: population,
            contract.S_BORDER: "Hayır", rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
            rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır", rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
            contract.S_SIGNER: _name(70), contract.S_SIGNER_TITLE: f"{district} Kaymakamı",
            # where `gonder` addresses the district's mail (M12(5)): the province's office, as the example's Ayarlar
            contract.S_EMAIL: _email(district), contract.S_PROVINCE_EMAIL: "gaziantep.gkk@ornek.gov.tr"}


def district_rows(district: str) -> dict[str, list[list]]:
    """A district book's rows: its board (M4(3): the İl Göç İdaresi Müdürlüğü where the district has no migration
    office), two ordinary boards, their problems, decisions and participants."""
    members = [[f"{district} Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", _name(70), _phone(70), None,
                "Evet"]]
    for i, req in enumerate(rules.DISTRICT_MEMBERS, start=71):
        if req.optional_setting and not req.optional_setting.startswith("!"):
            continue  # the district has no migration office, Kızılay representation or university
        kurum = req.kurum if req.kurum.startswith("İl ") else f"{district} {req.kurum}"
        members.append([kurum, "Daimi", rules.ROLE_MEMBER, "Müdür", _name(i), _phone(i), None, "Evet"])
    for r in members:
        r[6] = _email(r[4])
    meetings, problems, decisions, participants = [], [], [], []
    for no, held, notice, platform in _DISTRICT_MEETINGS:
        meetings.append([no, DISTRICT_BOARD, "Olağan", held, held, dt.time(10, 0), f"{district} Kaymakamlığı",
                         notice, platform, None])
        problems.append([no, no, "Eğitim" if no == 1 else "Sağlık",
                         "Okula kayıtlı olmayan yabancı çocuklar" if no == 1 else "Tercüman eksikliği",
                         "Kayıt kampanyası" if no == 1 else "Tercüman desteği", "Açık"])
        participants += [[no, k + 1, m[0], m[3], m[4], m[5], "Hayır"] for k, m in enumerate(members[:6])]
    decisions.append([1, 1, "Okul kayıt kampanyası yapılmasına", "Okullaşma oranının düşük olması",
                      "Tüm çocukların eğitime erişimi", f"{district} İlçe Milli Eğitim Müdürlüğü", D(YEAR, 6, 30),
                      "Uygulandı", None, "Kampanya tamamlandı.", 2, 1])
    decisions.append([2, 2, "Sağlık merkezine tercüman görevlendirilmesine", "Tercüman eksikliği",
                      "Sağlık hizmetine erişim", f"{district} İlçe Sağlık Müdürlüğü", D(YEAR + 1, 6, 30),
                      "Devam Ediyor", None, None, None, 2])
    return {"Üyeler": members, "Toplantılar": meetings, "Sorunlar": problems, "Kararlar": decisions,
            "Katılımcılar": participants}


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
