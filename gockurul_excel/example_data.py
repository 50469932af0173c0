"""What the example book says (`gockurul ornek`; example.py builds its rows and writes it): a province of 2025,
its districts, meetings, agenda, problems, decisions, action plan, projects, data shared, leave days and Ek-3
text, and the meetings of the example's district books. The deliberate mistakes are marked where they are made.
"""

from __future__ import annotations

import datetime as dt

from . import rules

D = dt.date
YEAR = 2025
PROVINCE = "Gaziantep"
FOREIGN_POPULATION = 412_345


# İlçe, yabancı nüfusu, hudut ilçesi: both sides of the 2,000 line and a small border district.
DISTRICTS = (
    ("Şahinbey", 182_400, "Hayır"), ("Şehitkamil", 151_300, "Hayır"), ("Nizip", 2_001, "Hayır"),
    ("İslahiye", 2_000, "Hayır"), ("Oğuzeli", 1_999, "Hayır"), ("Karkamış", 850, "Evet"),
    ("Nurdağı", 1_200, "Hayır"), ("Araban", 2_500, "Hayır"), ("Yavuzeli", 400, "Hayır"),
)
MISSING_GOVERNOR = "Araban"
MISSING_BOARD_MEMBER = "İl Afet ve Acil Durum Müdürlüğü"


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


AGENDA_TOPICS = {
    BOARD: ["Bir önceki kurulda alınan kararların değerlendirilmesi", "Yerel Uyum Eylem Planı izleme sonuçları",
            "Alt Komisyon raporunun sunulması", "İlçe Göç Koordinasyon Kurullarından gelen bulgular",
            "Göç alanında ulusal ve yerel verilerin sunumu"],
    SUB: ["Sahada tespit edilen sorunlar", "Eylem planı faaliyetlerinin izlenmesi",
          "Kurul gündemine sunulacak öneriler"],
}
PROPOSERS = ["İl Göç İdaresi Müdürlüğü", "İl Milli Eğitim Müdürlüğü", "İl Sağlık Müdürlüğü",
             "Çalışma ve İş Kurumu İl Müdürlüğü", "Aile ve Sosyal Hizmetler İl Müdürlüğü"]


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


def decision_rows() -> list[list]:
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


# The example's district boards (example.district_rows): Toplantı No, held, notice, platform entry.
DISTRICT_MEETINGS = ((1, D(YEAR, 2, 18), D(YEAR, 2, 25), D(YEAR, 2, 27)),
                      (2, D(YEAR, 8, 19), D(YEAR, 8, 26), D(YEAR, 8, 28)))
