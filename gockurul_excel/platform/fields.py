"""What each platform document field is made of: its name in the document, the workbook column it comes from,
its kind and closed list. platform.documents builds the documents from them; platform.csvfiles flattens the
same fields into CSV columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import contract


@dataclass(frozen=True)
class F:
    """A document field and the workbook column it comes from."""

    name: str
    header: str
    kind: str = "text"  # text, key, int, date, time, list, enum, bool, phone
    choices: str | None = None  # closed list (enum)


MEETING_FIELDS = (
    F("toplanti_no", "Toplantı No", "key"),
    F("kategori", "Kategori", "enum", "Kategori"),
    F("tur", "Tür", "enum", "ToplantiTuru"),
    F("tarih", "Gerçekleşen Tarih", "date"),
    F("saat", "Saat", "time"),
    F("yer", "Yer"),
)
AGENDA_FIELD = F("konu", "Konu Başlığı")
PROBLEM_FIELDS = (
    F("no", "Sorun No", "key"),
    F("alan", "Alan", "enum", "Alan"),
    F("sorun", "Tespit Edilen Sorun"),
    F("durum", "Durum", "enum", "SorunDurumu"),
)
SOLUTION_FIELDS = (F("sorun_no", "Sorun No", "key"), F("oneri", "Çözüm Önerisi"))
DECISION_FIELDS = (
    F("no", "Karar No", "key"),
    F("karar", "Alınan Karar"),
    F("gerekce", "Karar Gerekçesi"),
    F("amac", "Amaç"),
    F("sorumlu_kurumlar", "Sorumlu Kurum ve Kuruluşlar", "list"),
    F("verilen_sure", "Verilen Süre", "date"),
    F("durum", "Durum", "enum", "KararDurumu"),
    F("uygulanamama_sebebi", "Uygulanamama Sebebi"),
    F("degerlendirme", "Değerlendirme"),
    F("degerlendiren_toplanti_no", "Değerlendiren Toplantı No", "key"),
    F("sorun_no", "Sorun No", "key"),
)
EVALUATION_FIELDS = (
    F("karar_no", "Karar No", "key"),
    F("toplanti_no", "Toplantı No", "key"),
    F("karar", "Alınan Karar"),
    F("durum", "Durum", "enum", "KararDurumu"),
    F("degerlendirme", "Değerlendirme"),
    F("uygulanamama_sebebi", "Uygulanamama Sebebi"),
)
PARTICIPANT_FIELDS = (
    F("sira", "Sıra", "int"),
    F("kurum", "Kurum İsmi"),
    F("unvan", "Unvan"),
    F("ad_soyad", "Ad-Soyad"),
    F("telefon", "Telefon Numarası", "phone"),
    F("vekil", "Vekil", "bool"),
)
ANNUAL_PROBLEM_FIELDS = (
    F("toplanti_no", "Toplantı No", "key"),
    F("no", "Sorun No", "key"),
    F("alan", "Alan", "enum", "Alan"),
    F("sorun", "Tespit Edilen Sorun"),
    F("cozum_onerisi", "Çözüm Önerisi"),
    F("durum", "Durum", "enum", "SorunDurumu"),
)
ANNUAL_DECISION_FIELDS = (
    F("no", "Karar No", "key"),
    F("toplanti_no", "Toplantı No", "key"),
    F("karar", "Alınan Karar"),
    F("durum", "Durum", "enum", "KararDurumu"),
    F("degerlendirme", "Değerlendirme"),
    F("uygulanamama_sebebi", "Uygulanamama Sebebi"),
)
UNRESOLVED_FIELDS = (
    F("no", "Sorun No", "key"),
    F("alan", "Alan", "enum", "Alan"),
    F("sorun", "Tespit Edilen Sorun"),
    F("durum", "Durum", "enum", "SorunDurumu"),
)
UNRESOLVED_DECISION_FIELDS = (F("karar_no", "Karar No", "key"), F("durum", "Durum", "enum", "KararDurumu"))
NOT_DONE_FIELDS = (
    F("no", "Karar No", "key"),
    F("toplanti_no", "Toplantı No", "key"),
    F("karar", "Alınan Karar"),
    F("uygulanamama_sebebi", "Uygulanamama Sebebi"),
)
ANNUAL_TEXT_FIELDS = (
    F("beklenen_destekler", contract.ANNUAL_SUPPORT_COLUMN),
    F("sonuc_degerlendirme_ve_oneriler", contract.ANNUAL_CONCLUSION_COLUMN),
)
ACTION_FIELDS = (
    F("no", "Eylem No", "key"),
    F("alan", "Alan", "enum", "Alan"),
    F("eylem", "Eylem"),
    F("sorumlu_kurum", "Sorumlu Kurum"),
    F("is_birligi_kurumlari", "İş Birliği Yapılacak Kurumlar", "list"),
    F("baslangic", "Başlangıç", "date"),
    F("bitis", "Bitiş", "date"),
    F("gosterge", "Gösterge"),
    F("hedef", "Hedef"),
    F("gerceklesen", "Gerçekleşen"),
    F("durum", "Durum", "enum", "EylemDurumu"),
    F("son_izleme_tarihi", "Son İzleme Tarihi", "date"),
)
PROJECT_FIELDS = (
    F("no", "Proje No", "key"),
    F("ad", "Proje Adı"),
    F("yurutucu_kurum", "Yürütücü Kurum"),
    F("kapsam", "Kapsam", "enum", "Kapsam"),
    F("gorus_talep_tarihi", "Görüş Talep Tarihi", "date"),
    F("baskanlik_gorusu", "Başkanlık Görüşü", "enum", "Gorus"),
    F("gorus_tarihi", "Görüş Tarihi", "date"),
    F("baslangic", "Başlangıç", "date"),
    F("bitis", "Bitiş", "date"),
    F("ara_rapor_sikligi_ay", "Ara Rapor Sıklığı (Ay)", "int"),
    F("son_ara_rapor_tarihi", "Son Ara Rapor Tarihi", "date"),
    F("nihai_rapor_tarihi", "Nihai Rapor Tarihi", "date"),
)
SHARING_FIELDS = (
    F("no", "Kayıt No", "key"),
    F("veri_adi", "Veri Adı"),
    F("ureten_kurum", "Üreten Kurum"),
    F("donem", "Dönem"),
    F("baskanlikla_paylasim_tarihi", "Başkanlıkla Paylaşım Tarihi", "date"),
    F("koordinasyon_tarihi", "Koordinasyon Tarihi", "date"),
    F("yayin_tarihi", "Yayın Tarihi", "date"),
)
# The header of every document, from the Ayarlar sheet.
SETTING_FIELDS = (
    F("kurul_turu", contract.S_KIND, "enum", "KurulTuru"),
    F("il", contract.S_PROVINCE),
    F("ilce", contract.S_DISTRICT),
    F("yil", contract.S_YEAR, "int"),
    F("yabanci_nufusu", contract.S_POPULATION, "int"),
)
