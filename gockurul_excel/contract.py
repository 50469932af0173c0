"""The workbook contract (TASARIM.md): sheets, headers, value kinds, closed lists, template versions.

One declaration drives the template generator, the readers, the row-level JSON Schema of `kontrol`
and the upgrade (`guncelle`). A column or sheet carries the template version that introduced it, so
a workbook of an older template is read without complaint about what it could not have had.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import rules

# History: "1.0" = the minimum contract of TASARIM.md; "1.1" adds the "varsa" settings of M4(2)/M4(3)
# and free-text notes on meetings; "1.2" adds `Yıllık Rapor`, where staff write Ek-3 items 5–6; "1.3" adds the
# year boundary (`Devreden Yıl` on the rows `devir` carries over), the Geri Gönderme / Geçici Barınma Merkezi
# "varsa" settings and the meeting's request to update the action plan (M5(13)); "1.4" adds the letters' signer
# and the office's address, telephone, e-mail and KEP address (Resmî Yazışma Yönetmeliği); "1.5" the circular's
# date and number for the letters and, in a district book, the İl Göç İdaresi Müdürlüğü's e-mail (`gonder`).
TEMPLATE_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")
TEMPLATE_VERSION = TEMPLATE_VERSIONS[-1]


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in str(text).strip().split("."))


# Value kinds: text, key (an identifier such as Toplantı No), int, date, time, enum, phone, email, list.
@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"
    required: bool = False
    choices: str | None = None  # name of a closed list in LISTS
    width: float = 16
    since: str = "1.0"
    strict_choices: bool = True  # False: the dropdown suggests, other values are allowed
    note: str = ""


@dataclass(frozen=True)
class SheetDef:
    name: str
    table: str  # Excel table (ListObject) name: ASCII, no spaces
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns whose combination is unique
    since: str = "1.0"
    province_only: bool = False

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str = "text"
    choices: str | None = None
    required: bool = True
    since: str = "1.0"
    default: object = None
    note: str = ""
    applies_to: tuple[rules.BoardKind, ...] = tuple(rules.BoardKind)


# Names staff commonly use for a province: accepted and written in its official spelling.
PROVINCE_ALIASES = {
    "Antep": "Gaziantep",
    "Urfa": "Şanlıurfa",
    "Maraş": "Kahramanmaraş",
    "Afyon": "Afyonkarahisar",
    "İçel": "Mersin",
    "Hakkari": "Hakkâri",
    "Izmit": "Kocaeli",
    "İzmit": "Kocaeli",
    "Adapazarı": "Sakarya",
    "Antakya": "Hatay",
}


PROVINCE_COUNT = 81


def _province_names() -> tuple[str, ...]:
    """The 81 provinces as pycountry spells them (with their letters: İstanbul, Şanlıurfa, Hakkâri).

    Read from pycountry's own ISO 3166-2 database file, the Turkish rows only: `import pycountry` and its object
    model for all 5,000 subdivisions cost 0.1 s, which every command would pay (a third of `kontrol` on a
    small book); the file alone takes 0.02 s. Should the package lay its data out differently, its API is used
    (tests/test_template.py compares the two)."""
    try:
        import importlib.util
        import json
        from pathlib import Path

        origin = importlib.util.find_spec("pycountry").origin
        rows = json.loads((Path(origin).parent / "databases" / "iso3166-2.json").read_bytes())["3166-2"]
        names = [r["name"] for r in rows if r["code"].startswith("TR-") and r["type"] == "Province"]
        if len(names) != PROVINCE_COUNT:
            raise ValueError(len(names))
    except Exception:  # any layout this reader does not know: the package's own API
        import pycountry

        names = [s.name for s in pycountry.subdivisions.get(country_code="TR") if s.type == "Province"]
    return tuple(sorted(names, key=turkish_sort_key))


_TR_ORDER = "aâbcçdefgğhıiîjklmnoöprsştuüûvyz"


def turkish_sort_key(text: str) -> tuple:
    low = turkish_lower(text)
    return tuple((_TR_ORDER.index(ch) if ch in _TR_ORDER else 100 + ord(ch)) for ch in low)


def turkish_lower(text: str) -> str:
    return str(text).replace("I", "ı").replace("İ", "i").lower()


@cache
def lists() -> dict[str, tuple[str, ...]]:
    """Closed lists of the template; each becomes a named range on the hidden `Listeler` sheet."""
    return {
        "Iller": _province_names(),
        "KurulTuru": rules.BOARD_KINDS,
        "EvetHayir": rules.YES_NO,
        "Kategori": rules.MEETING_CATEGORIES,
        "ToplantiTuru": rules.MEETING_TYPES,
        "UyelikTuru": rules.MEMBERSHIP_TYPES,
        "Gorev": rules.ROLES,
        "Alan": rules.AREAS,
        "SorunDurumu": rules.PROBLEM_STATUSES,
        "KararDurumu": rules.DECISION_STATUSES,
        "EylemDurumu": rules.ACTION_STATUSES,
        "Kapsam": rules.PROJECT_SCOPES,
        "Gorus": rules.OPINIONS,
        "TatilTuru": rules.LEAVE_TYPES,
        "Kurumlar": tuple(
            dict.fromkeys(
                m.kurum
                for m in (rules.PROVINCE_CHAIR, rules.DISTRICT_CHAIR, *rules.PROVINCE_MEMBERS, *rules.DISTRICT_MEMBERS)
                if m.kurum != "Üniversitesi"
            )
        ),
    }


SETTINGS_SHEET = "Ayarlar"
SETTING_COLUMNS = ("Ayar", "Değer")
S_KIND, S_PROVINCE, S_DISTRICT, S_YEAR = "Kurul Türü", "İl", "İlçe", "Yıl"
S_POPULATION, S_BORDER, S_VERSION = "Yabancı Nüfusu", "Hudut İlçesi", "Şablon Sürümü"
# Who signs the letters and how the office is reached (the letter's signature block and contact footer).
S_SIGNER, S_SIGNER_TITLE = "İmzalayan Ad Soyad", "İmzalayan Unvanı"
S_ADDRESS, S_PHONE, S_EMAIL, S_KEP = "Adres", "Telefon", "E-posta", "KEP Adresi"
# The circular's date and number, cited in each letter's first mention of it (the text we hold does not give them).
S_CIRCULAR_REFERENCE = "Genelge Tarih ve Sayısı"
# Where a district sends its workbook and minutes (M12(5)): the İl Göç İdaresi Müdürlüğü's e-mail.
S_PROVINCE_EMAIL = "İl Göç İdaresi E-postası"

SETTINGS: tuple[Setting, ...] = (
    Setting(S_KIND, "enum", "KurulTuru", note="İl veya İlçe kurulu"),
    Setting(S_PROVINCE, "enum", "Iller", note="81 ilden biri"),
    Setting(S_DISTRICT, "text", required=False, note="İlçe kurulunda ilçenin adı; il kurulunda boş"),
    Setting(S_YEAR, "int", note="Kitabın ait olduğu yıl"),
    Setting(S_POPULATION, "int", note="İlin (il kurulu) veya ilçenin (ilçe kurulu) yabancı nüfusu"),
    Setting(
        S_BORDER,
        "enum",
        "EvetHayir",
        default="Hayır",
        note="Düzensiz göçe konu hudut ilçesi mi (M8(1)); ilçe kurulları için",
    ),
    Setting(
        rules.SETTING_DISTRICT_MIGRATION_OFFICE,
        "enum",
        "EvetHayir",
        default="Hayır",
        note="İlçede İlçe Göç İdaresi Müdürlüğü kurulmuş mu (M4(3), M11(2))",
    ),
    Setting(
        rules.SETTING_COAST_GUARD,
        "enum",
        "EvetHayir",
        since="1.1",
        applies_to=(rules.BoardKind.PROVINCE,),
        note="Varsa üye olur (M4(2))",
    ),
    Setting(
        rules.SETTING_RESEARCH_CENTRE,
        "enum",
        "EvetHayir",
        since="1.1",
        applies_to=(rules.BoardKind.PROVINCE,),
        note="Varsa üye olur (M4(2))",
    ),
    Setting(
        rules.SETTING_REMOVAL_CENTRE,
        "enum",
        "EvetHayir",
        since="1.3",
        applies_to=(rules.BoardKind.PROVINCE,),
        note="İlde Geri Gönderme Merkezi var mı; varsa üye olur (M4(2), M3(e))",
    ),
    Setting(
        rules.SETTING_TEMPORARY_SHELTER,
        "enum",
        "EvetHayir",
        since="1.3",
        applies_to=(rules.BoardKind.PROVINCE,),
        note="İlde Geçici Barınma Merkezi var mı; varsa üye olur (M4(2), M3(f))",
    ),
    Setting(
        rules.SETTING_DISTRICT_RED_CRESCENT,
        "enum",
        "EvetHayir",
        since="1.1",
        applies_to=(rules.BoardKind.DISTRICT,),
        note="Varsa üye olur (M4(3))",
    ),
    Setting(
        rules.SETTING_DISTRICT_UNIVERSITY,
        "enum",
        "EvetHayir",
        since="1.1",
        applies_to=(rules.BoardKind.DISTRICT,),
        note="Varsa üye olur (M4(3))",
    ),
    Setting(
        S_SIGNER,
        "text",
        required=False,
        since="1.4",
        note="Davet ve tebliğ yazılarını imzalayanın adı soyadı; boşsa 'Üyeler'deki Kurul Başkanı",
    ),
    Setting(
        S_SIGNER_TITLE,
        "text",
        required=False,
        since="1.4",
        note="İmzalayanın unvanı, ör. 'Vali' ya da 'Vali a. Vali Yardımcısı'; boşsa Kurul Başkanının unvanı",
    ),
    Setting(S_ADDRESS, "text", required=False, since="1.4", note="Yazıların altındaki iletişim bilgisi: adres"),
    Setting(S_PHONE, "phone", required=False, since="1.4", note="Yazıların altındaki iletişim bilgisi: telefon"),
    Setting(
        S_EMAIL,
        "email",
        required=False,
        since="1.4",
        note="Kurul sekretaryasının e-posta adresi: yazıların altında ve toplantı davetlerinde gönderen",
    ),
    Setting(S_KEP, "text", required=False, since="1.4", note="Kayıtlı elektronik posta (KEP) adresi"),
    Setting(
        S_CIRCULAR_REFERENCE,
        "text",
        required=False,
        since="1.5",
        note="Genelgenin tarihi ve sayısı, yazılarda ilk anıldığı yerde: ör. 'GG.AA.2023 tarihli ve … sayılı'",
    ),
    Setting(
        S_PROVINCE_EMAIL,
        "email",
        required=False,
        since="1.5",
        applies_to=(rules.BoardKind.DISTRICT,),
        note="İlçe kurulunda kitabın ve tutanağın gönderildiği İl Göç İdaresi Müdürlüğü e-postası (M12(5))",
    ),
    Setting(S_VERSION, "text", note="Değiştirmeyin: kitabın yapıldığı şablonun sürümü"),
)

# Ek-3 items 5 and 6 are the office's own words, kept in an input sheet so regenerating Ek-3 never erases them.
ANNUAL_SHEET = "Yıllık Rapor"
ANNUAL_SUPPORT_COLUMN = "Beklenen Destekler"
ANNUAL_CONCLUSION_COLUMN = "Sonuç, Değerlendirme ve Öneriler"

# KURALLAR §7: a row `devir` carried over from an earlier year's workbook keeps its number and is marked with the
# year it came from. A sheet's key is (number, Devreden Yıl): a carried row always has a year and a row of this
# year never has one, so the two can never clash, whatever numbers the office types.
CARRIED_COLUMN = "Devreden Yıl"
CARRIED_NOTE = (
    "Önceki yılın kitabından 'gockurul devir' ile gelen satırın yılı; numarası o yıldaki numarasıdır. "
    "Bu yılın satırlarında boş bırakın."
)
# M5(13): the board gave the İl Göç İdaresi Müdürlüğü 15 days to update the action plan.
ACTION_PLAN_UPDATE_COLUMN = "Eylem Planı Güncellemesi"

C = Column
SHEETS: tuple[SheetDef, ...] = (
    SheetDef(
        "İlçeler",
        "tblIlceler",
        (
            C("İlçe", required=True, width=22),
            C("Yabancı Nüfusu", "int", required=True, width=16),
            C("Hudut İlçesi", "enum", required=True, choices="EvetHayir", width=14),
        ),
        key=("İlçe",),
        province_only=True,
    ),
    SheetDef(
        "Üyeler",
        "tblUyeler",
        (
            C("Kurum", required=True, choices="Kurumlar", strict_choices=False, width=42),
            C("Üyelik Türü", "enum", required=True, choices="UyelikTuru", width=18),
            C("Görev", "enum", required=True, choices="Gorev", width=20),
            C("Unvan", required=True, width=24),
            C("Ad Soyad", required=True, width=24),
            C("Telefon", "phone", width=16),
            C("E-posta", "email", width=28),
            C("Aktif", "enum", required=True, choices="EvetHayir", width=8),
        ),
    ),
    SheetDef(
        "Toplantılar",
        "tblToplantilar",
        (
            C("Toplantı No", "key", required=True, width=12),
            C("Kategori", "enum", required=True, choices="Kategori", width=30),
            C("Tür", "enum", required=True, choices="ToplantiTuru", width=10),
            C("Planlanan Tarih", "date", width=14),
            C("Gerçekleşen Tarih", "date", width=14),
            C("Saat", "time", width=8),
            C("Yer", width=28),
            C("Tutanak Tebliğ Tarihi", "date", width=14),
            C("Platform Giriş Tarihi", "date", width=14),
            C("Açıklama", width=30, since="1.1"),
            C(
                ACTION_PLAN_UPDATE_COLUMN,
                "enum",
                choices="EvetHayir",
                width=12,
                since="1.3",
                note="Kurul Yerel Uyum Eylem Planının güncellenmesi için 15 gün süre verdiyse Evet (M5(13))",
            ),
        ),
        key=("Toplantı No",),
    ),
    SheetDef(
        "Gündem",
        "tblGundem",
        (
            C("Toplantı No", "key", required=True, width=12),
            C("Sıra", "int", required=True, width=6),
            C("Konu Başlığı", required=True, width=50),
            C("Öneren Kurum", choices="Kurumlar", strict_choices=False, width=36),
            C("Öneri Tarihi", "date", width=14),
        ),
        key=("Toplantı No", "Sıra"),
    ),
    SheetDef(
        "Sorunlar",
        "tblSorunlar",
        (
            C("Sorun No", "key", required=True, width=10),
            C("Toplantı No", "key", required=True, width=12),
            C("Alan", "enum", required=True, choices="Alan", width=18),
            C("Tespit Edilen Sorun", required=True, width=50),
            C("Çözüm Önerisi", width=50),
            C("Durum", "enum", required=True, choices="SorunDurumu", width=12),
            C(CARRIED_COLUMN, "int", width=10, since="1.3", note=CARRIED_NOTE),
        ),
        key=("Sorun No", CARRIED_COLUMN),
    ),
    SheetDef(
        "Kararlar",
        "tblKararlar",
        (
            C("Karar No", "key", required=True, width=10),
            C("Toplantı No", "key", required=True, width=12),
            C("Alınan Karar", required=True, width=50),
            C("Karar Gerekçesi", required=True, width=36),
            C("Amaç", required=True, width=30),
            C("Sorumlu Kurum ve Kuruluşlar", "list", required=True, width=36, note="Birden çok kurumu ; ile ayırın"),
            C("Verilen Süre", "date", required=True, width=14),
            C("Durum", "enum", required=True, choices="KararDurumu", width=14),
            C("Uygulanamama Sebebi", width=30),
            C("Değerlendirme", width=36),
            C("Değerlendiren Toplantı No", "key", width=14),
            C("Sorun No", "key", width=10),
            C(CARRIED_COLUMN, "int", width=10, since="1.3", note=CARRIED_NOTE),
        ),
        key=("Karar No", CARRIED_COLUMN),
    ),
    SheetDef(
        "Katılımcılar",
        "tblKatilimcilar",
        (
            C("Toplantı No", "key", required=True, width=12),
            C("Sıra", "int", required=True, width=6),
            C("Kurum İsmi", required=True, choices="Kurumlar", strict_choices=False, width=40),
            C("Unvan", required=True, width=24),
            C("Ad-Soyad", required=True, width=24),
            C("Telefon Numarası", "phone", width=16),
            C("Vekil", "enum", choices="EvetHayir", width=8),
        ),
        key=("Toplantı No", "Sıra"),
    ),
    SheetDef(
        "Eylem Planı",
        "tblEylemPlani",
        (
            C("Eylem No", "key", required=True, width=10),
            C("Alan", "enum", required=True, choices="Alan", width=18),
            C("Eylem", required=True, width=44),
            C("Sorumlu Kurum", required=True, choices="Kurumlar", strict_choices=False, width=32),
            C("İş Birliği Yapılacak Kurumlar", "list", width=32),
            C("Başlangıç", "date", width=14),
            C("Bitiş", "date", width=14),
            C("Gösterge", width=24),
            C("Hedef", width=14),
            C("Gerçekleşen", width=14),
            C("Durum", "enum", choices="EylemDurumu", width=14),
            C("Son İzleme Tarihi", "date", width=14),
            C(CARRIED_COLUMN, "int", width=10, since="1.3", note=CARRIED_NOTE),
        ),
        key=("Eylem No", CARRIED_COLUMN),
    ),
    SheetDef(
        "Projeler",
        "tblProjeler",
        (
            C("Proje No", "key", required=True, width=10),
            C("Proje Adı", required=True, width=36),
            C("Yürütücü Kurum", required=True, width=30),
            C("Kapsam", "enum", required=True, choices="Kapsam", width=14),
            C("Görüş Talep Tarihi", "date", width=14),
            C("Başkanlık Görüşü", "enum", required=True, choices="Gorus", width=14),
            C("Görüş Tarihi", "date", width=14),
            C("Başlangıç", "date", width=14),
            C("Bitiş", "date", width=14),
            C("Ara Rapor Sıklığı (Ay)", "int", width=12),
            C("Son Ara Rapor Tarihi", "date", width=14),
            C("Nihai Rapor Tarihi", "date", width=14),
            C(CARRIED_COLUMN, "int", width=10, since="1.3", note=CARRIED_NOTE),
        ),
        key=("Proje No", CARRIED_COLUMN),
    ),
    SheetDef(
        "Veri Paylaşımı",
        "tblVeriPaylasimi",
        (
            C("Kayıt No", "key", required=True, width=10),
            C("Veri Adı", required=True, width=36),
            C("Üreten Kurum", required=True, width=30),
            C("Dönem", width=14),
            C("Başkanlıkla Paylaşım Tarihi", "date", width=16),
            C("Koordinasyon Tarihi", "date", width=16),
            C("Yayın Tarihi", "date", width=14),
        ),
        key=("Kayıt No",),
    ),
    SheetDef(
        ANNUAL_SHEET,
        "tblYillikRapor",
        (
            C("Yıl", "int", required=True, width=8),
            C(
                ANNUAL_SUPPORT_COLUMN,
                width=70,
                note="Ek-3 madde 5: çözülemeyen sorunlar için Başkanlıktan beklenen destekler",
            ),
            C(
                ANNUAL_CONCLUSION_COLUMN,
                width=70,
                note="Ek-3 madde 6: kurulların etkinliği hakkında değerlendirme ve öneriler",
            ),
        ),
        key=("Yıl",),
        since="1.2",
        province_only=True,
    ),
    SheetDef(
        "Tatiller",
        "tblTatiller",
        (
            C("Tarih", "date", required=True, width=14),
            C("Açıklama", width=36),
            C("Tür", "enum", required=True, choices="TatilTuru", width=14),
        ),
        key=("Tarih",),
    ),
)
del C

SHEETS_BY_NAME = {s.name: s for s in SHEETS}

# Sane maxima of whole numbers (issue 23): above them a cell is a typing or pasting mistake, never data. A foreign
# population above Türkiye's whole population (about 86 million) cannot be; a count or a year beyond these neither.
POPULATION_MAX = 100_000_000
INT_MAXIMA = {
    S_POPULATION: POPULATION_MAX,
    "Sıra": 10_000,
    "Ara Rapor Sıklığı (Ay)": 120,
    CARRIED_COLUMN: 2100,
    S_YEAR: 2100,
}
# Minima other than 0: a year is one the calendar can be computed for (dates are read in 2000–2100 too,
# core/parse._SERIAL_RANGE); another whole number in a year cell is read as no year (and reported), never used.
INT_MINIMA = {CARRIED_COLUMN: 2000, S_YEAR: 2000}
# The sheets whose open rows `devir` carries over with their year of origin (the others are standing data —
# districts, members — or the year's own: meetings, agenda, participants, statistics, leave).
CARRIED_SHEETS = tuple(s.name for s in SHEETS if any(c.header == CARRIED_COLUMN for c in s.columns))
INPUT_SHEETS = (SETTINGS_SHEET, *SHEETS_BY_NAME)
CONTROL_PANEL_SHEET = "Kontrol Paneli"
# Named input cells of Kontrol Paneli that the buttons read (files/template.py makes them, makro.py reads them).
SELECTED_MEETING_NAME = "SeciliToplantiNo"
# The folder the province's "İlçe Kitaplarını Birleştir" button reads (makro.district_folder); when the cell is
# empty, DISTRICT_FOLDER beside the workbook.
DISTRICT_FOLDER_NAME = "IlceKitaplariKlasoru"
DISTRICT_FOLDER_LABEL = "İlçe Kitapları Klasörü"
DISTRICT_FOLDER = "İlçe Kitapları"
LISTS_SHEET = "Listeler"
FINDINGS_SHEET = "Kontrol"
SCHEDULE_SHEET = "Takvim"
DASHBOARD_SHEET = "Pano"
ACTION_PLAN_SHEET = "Eylem Planı İzleme"
# The province's copy of its districts' workbooks (`birlestir`): what was merged is read back from these
# sheets on the next run (STATE_SHEETS), so no hidden state can get out of step with what staff see.
DISTRICT_MEETINGS_SHEET = "İlçe Toplantıları"
DISTRICT_DECISIONS_SHEET = "İlçe Kararları"
DISTRICT_PROBLEMS_SHEET = "İlçe Sorunları"
DISTRICT_PARTICIPANTS_SHEET = "İlçe Katılımcıları"
MERGE_LOG_SHEET = "Birleştirme Günlüğü"
FOLLOW_UP_SHEET = "İlçe İzleme"
# The national roll-up workbook of `ulusal` (a workbook of its own, all of it generated).
NATIONAL_SUMMARY_SHEET, NATIONAL_YEARS_SHEET, NATIONAL_PROBLEMS_SHEET = "Özet", "Yıllara Göre", "Okunamayanlar"
NATIONAL_SHEETS = (NATIONAL_SUMMARY_SHEET, NATIONAL_YEARS_SHEET, NATIONAL_PROBLEMS_SHEET)
# What `davet` issued to the members' calendars (UID, SEQUENCE, day/time/place): read back to raise SEQUENCE.
INVITATION_LOG_SHEET = "Davet Kayıtları"
STATE_SHEETS = (
    DISTRICT_MEETINGS_SHEET,
    DISTRICT_DECISIONS_SHEET,
    DISTRICT_PROBLEMS_SHEET,
    DISTRICT_PARTICIPANTS_SHEET,
    MERGE_LOG_SHEET,
    INVITATION_LOG_SHEET,
)
# Sheets the software rewrites; a name here or with one of these prefixes never holds user input.
GENERATED_SHEETS = (FINDINGS_SHEET, SCHEDULE_SHEET, DASHBOARD_SHEET, ACTION_PLAN_SHEET, *STATE_SHEETS, FOLLOW_UP_SHEET)
MINUTES_PREFIX, ATTENDANCE_PREFIX, ANNUAL_REPORT_PREFIX = "Ek-1 ", "Ek-2 ", "Ek-3 "
AGENDA_PREFIX, INVITATION_PREFIX, NOTICE_PREFIX = "Gündem ", "Davet ", "Tebliğ "
SUBCOMMISSION_LIST_PREFIX = "Alt Komisyon Listesi "
GENERATED_PREFIXES = (
    MINUTES_PREFIX,
    ATTENDANCE_PREFIX,
    ANNUAL_REPORT_PREFIX,
    AGENDA_PREFIX,
    INVITATION_PREFIX,
    NOTICE_PREFIX,
    SUBCOMMISSION_LIST_PREFIX,
)


def is_generated_sheet(name: str) -> bool:
    return name in GENERATED_SHEETS or name.startswith(GENERATED_PREFIXES)


def default_setting(setting: Setting, version: str) -> object:
    """What a new workbook of `version` holds in a setting before anyone types in it."""
    return version if setting.name == S_VERSION else setting.default


@cache
def known_headers(sheet: str) -> frozenset[str]:
    """Every header of an input sheet in the current contract (older versions have a subset)."""
    return frozenset(c.header for c in SHEETS_BY_NAME[sheet].columns)


def settings_for(version: str) -> tuple[Setting, ...]:
    v = version_tuple(version)
    return tuple(s for s in SETTINGS if version_tuple(s.since) <= v)


def sheets_for(version: str) -> tuple[SheetDef, ...]:
    v = version_tuple(version)
    out = []
    for s in SHEETS:
        if version_tuple(s.since) <= v:
            cols = tuple(c for c in s.columns if version_tuple(c.since) <= v)
            key = tuple(k for k in s.key if any(c.header == k for c in cols))
            out.append(SheetDef(s.name, s.table, cols, key, s.since, s.province_only))
    return tuple(out)
