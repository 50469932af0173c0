"""The two circulars as data.

Every number, month, lead time and list the software enforces is declared here once, tagged with
the article it comes from ("M8(1)" = Madde 8, fıkra 1 of the board circular; "GK(c)" = item c of
the coordination circular). Operations compute from these tables; they never repeat a number.
See ../shared/KURALLAR.md for the readings chosen where the text is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BoardKind(StrEnum):
    PROVINCE = "İl"
    DISTRICT = "İlçe"


class MeetingCategory(StrEnum):
    SUBCOMMISSION = "Alt Komisyon Toplantısı"
    PROVINCE_BOARD = "İl Göç Koordinasyon Kurulu"
    DISTRICT_BOARD = "İlçe Göç Koordinasyon Kurulu"


# How each category is named: the code of the takvim/platform contracts (`tur`, `kategori`), the short label of
# tables and the full name of forms and letters.
CATEGORY_CODE = {
    MeetingCategory.PROVINCE_BOARD: "il_gkk",
    MeetingCategory.SUBCOMMISSION: "alt_komisyon",
    MeetingCategory.DISTRICT_BOARD: "ilce_gkk",
}
CATEGORY_SHORT = {
    MeetingCategory.PROVINCE_BOARD: "İl GKK",
    MeetingCategory.SUBCOMMISSION: "Alt Komisyon",
    MeetingCategory.DISTRICT_BOARD: "İlçe GKK",
}
CATEGORY_NAME = {
    MeetingCategory.PROVINCE_BOARD: "İl Göç Koordinasyon Kurulu",
    MeetingCategory.SUBCOMMISSION: "Alt Komisyon",
    MeetingCategory.DISTRICT_BOARD: "İlçe Göç Koordinasyon Kurulu",
}


def category_of(label: object) -> MeetingCategory | None:
    """The category a `Kategori` cell names; None for anything else (a blank, a typo)."""
    try:
        return MeetingCategory(label)
    except ValueError:
        return None


def board_kind_of(label: object) -> BoardKind | None:
    """The board kind the `Kurul Türü` setting names; None for anything else."""
    try:
        return BoardKind(label)
    except ValueError:
        return None


class Comparison(StrEnum):
    AT_LEAST = ">="  # "10.000 ve üzeri"
    MORE_THAN = ">"  # "2.000'den fazla"
    LESS_THAN = "<"  # "10.000'den az"


@dataclass(frozen=True)
class Threshold:
    key: str
    article: str
    value: int
    comparison: Comparison
    meaning: str

    def applies(self, population: int) -> bool:
        if self.comparison is Comparison.AT_LEAST:
            return population >= self.value
        if self.comparison is Comparison.MORE_THAN:
            return population > self.value
        return population < self.value

    @property
    def text(self) -> str:
        """The circular's own words for the line: '10.000 ve üzeri', "2.000'den fazla"."""
        return f"{tr_number(self.value)}{COMPARISON_WORDS[self.comparison]}"

    @property
    def below_text(self) -> str:
        """The other side of the line: "10.000'in altında", "2.000 ve altında"."""
        return f"{tr_number(self.value)}{BELOW_WORDS[self.comparison]}"


# How the circular words each side of a line (the suffix after 2.000 / 10.000, both read "bin").
COMPARISON_WORDS = {
    Comparison.AT_LEAST: " ve üzeri",
    Comparison.MORE_THAN: "'den fazla",
    Comparison.LESS_THAN: "'den az",
}
BELOW_WORDS = {
    Comparison.AT_LEAST: "'in altında",
    Comparison.MORE_THAN: " ve altında",
    Comparison.LESS_THAN: " ve üzeri",
}


def tr_number(value: int) -> str:
    """12000 -> '12.000' (Turkish thousands separator)."""
    return f"{value:,}".replace(",", ".")


# §1 — strictness matters: 2,000 exactly makes a district hold boards (M8(1)) but does not make its
# kaymakam a province board member (M4(2)).
THRESHOLDS: dict[str, Threshold] = {
    t.key: t
    for t in (
        Threshold(
            "province_quarterly",
            "M7(1)",
            10_000,
            Comparison.AT_LEAST,
            "İl GKK yılda dört kez toplanır (yabancı nüfusu 10.000 ve üzeri)",
        ),
        Threshold(
            "subcommission_quarterly",
            "M6(9)",
            10_000,
            Comparison.AT_LEAST,
            "Alt Komisyon yılda dört kez toplanır (yabancı nüfusu 10.000 ve üzeri)",
        ),
        Threshold(
            "district_governor_member",
            "M4(2)",
            2_000,
            Comparison.MORE_THAN,
            "Yabancı nüfusu 2.000'den fazla olan ilçenin kaymakamı İl GKK üyesidir",
        ),
        Threshold(
            "district_board_required",
            "M8(1)",
            2_000,
            Comparison.AT_LEAST,
            "Yabancı nüfusu 2.000 ve üzeri olan ilçede İlçe GKK toplanır",
        ),
    )
}


def district_governor_is_member(population: int) -> bool:
    return THRESHOLDS["district_governor_member"].applies(population)


def district_board_required(population: int, border_district: bool) -> bool:
    # M8(1): border districts with irregular migration hold boards whatever their population.
    return border_district or THRESHOLDS["district_board_required"].applies(population)


# M8(1)/M8(2): why a district must (or need not) hold its own board — the sentences every output prints.
BORDER_DISTRICT_REASON = "düzensiz göçe konu hudut ilçesi"
UNKNOWN_POPULATION_REASON = "Yabancı nüfusu yazılmamış: belirlenemedi"


def district_board_duty(population: int | None, border_district: bool) -> tuple[bool, str, str]:
    """M8(1), M8(2): (required, short reason, full Turkish sentence with its article)."""
    t = THRESHOLDS["district_board_required"]
    over = isinstance(population, int) and t.applies(population)
    parts = ([f"yabancı nüfusu {t.text}"] if over else []) + ([BORDER_DISTRICT_REASON] if border_district else [])
    if parts:
        short = "; ".join(parts)
        return True, short, f"Zorunlu: {short} ({t.article})"
    if not isinstance(population, int):
        return False, "", UNKNOWN_POPULATION_REASON
    return False, "", (f"Zorunlu değil: yabancı nüfusu {t.below_text}, hudut ilçesi değil (M8(2): kaymakamın takdiri)")


@dataclass(frozen=True)
class MeetingWindow:
    """Ordinary meetings of one board type: the months and the day range inside a month."""

    category: MeetingCategory
    article: str
    months: tuple[int, ...]
    first_day: int = 1
    last_day: int | None = None  # None: the month's last day
    # Month pairs for district boards: a window spans two months (Feb/Mar, Aug/Sep).
    span_months: int = 1
    # M8(3): a district board not held in its window must meet by the last day of the next month.
    late_limit_months: int = 0
    late_limit_article: str | None = None
    # Board proposal day (KURALLAR §2: first working day on or after the 15th).
    proposal_day: int = 1


def ordinary_windows(kind: BoardKind, foreign_population: int) -> list[MeetingWindow]:
    """The ordinary meetings a workbook's own board(s) must hold in a year."""
    if kind is BoardKind.DISTRICT:
        return [DISTRICT_BOARD_WINDOW]
    quarterly_board = THRESHOLDS["province_quarterly"].applies(foreign_population)
    quarterly_sub = THRESHOLDS["subcommission_quarterly"].applies(foreign_population)
    return [
        PROVINCE_BOARD_QUARTERLY if quarterly_board else PROVINCE_BOARD_BIANNUAL,
        SUBCOMMISSION_QUARTERLY if quarterly_sub else SUBCOMMISSION_BIANNUAL,
    ]


PROVINCE_BOARD_QUARTERLY = MeetingWindow(MeetingCategory.PROVINCE_BOARD, "M7(1)", (1, 4, 7, 10), proposal_day=15)
PROVINCE_BOARD_BIANNUAL = MeetingWindow(MeetingCategory.PROVINCE_BOARD, "M7(2)", (1, 7), proposal_day=15)
# M6(9) "ilk haftası": days 1–7; a holiday or leave moves it to the next working day.
SUBCOMMISSION_QUARTERLY = MeetingWindow(MeetingCategory.SUBCOMMISSION, "M6(9)", (3, 6, 9, 12), 1, 7)
SUBCOMMISSION_BIANNUAL = MeetingWindow(MeetingCategory.SUBCOMMISSION, "M6(9)", (6, 12), 1, 7)
DISTRICT_BOARD_WINDOW = MeetingWindow(
    MeetingCategory.DISTRICT_BOARD,
    "M8(1)",
    (2, 8),
    span_months=2,
    late_limit_months=1,
    late_limit_article="M8(3)",
    proposal_day=15,
)

# M8(1) with M8(3): a district board's window and its late limit, cited together.
DISTRICT_WINDOW_ARTICLES = f"{DISTRICT_BOARD_WINDOW.article}, {DISTRICT_BOARD_WINDOW.late_limit_article}"
# Who sets a meeting's date, cited when it falls on a day off: the board chair (M11(3)); the sub-commission meets
# in the first week, or on the next working day (M6(9)).
MEETING_DATE_ARTICLE = {
    MeetingCategory.PROVINCE_BOARD: "M11(3)",
    MeetingCategory.DISTRICT_BOARD: "M11(3)",
    MeetingCategory.SUBCOMMISSION: "M6(9)",
}
# M12(5): a district sends its minutes to the İl Göç İdaresi Müdürlüğü too (the province follows this up).
DISTRICT_MINUTES_ARTICLE = "M12(5)"
# Extra meetings may be held at any time (M7(3), M8(4)).
EXTRA_MEETING_ARTICLE = "M7(3), M8(4)"


class Direction(StrEnum):
    """How a §3 deadline gives its two dates (KURALLAR §3): the *target* shown in the calendar, the dashboard
    and reminders, and the *legal limit* — the text's own date — that lateness is judged by."""

    BEFORE = "before"  # target: moved earlier to a working day; limit: the calendar day itself
    AFTER = "after"  # target = limit: a period ending on a non-working day runs to the next working day
    MONTH_END = "month_end"  # "ayın son gününe kadar": target the last working day, limit the calendar last day


@dataclass(frozen=True)
class Deadline:
    kind: str  # the `tur` of the takvim JSON contract
    articles: str
    direction: Direction
    days: int  # calendar days from the meeting (ignored for MONTH_END)
    label: str
    categories: tuple[MeetingCategory, ...] = tuple(MeetingCategory)


_BOARDS = (MeetingCategory.PROVINCE_BOARD, MeetingCategory.DISTRICT_BOARD)

# §3 — deadlines computed around every meeting (ordinary and extra alike).
MEETING_DEADLINES: tuple[Deadline, ...] = (
    Deadline("gundem_hazirlik", "M10(1)", Direction.BEFORE, 15, "Gündem hazırlığına başlanır", _BOARDS),
    Deadline(
        "gundem_onerisi",
        "M10(2)",
        Direction.BEFORE,
        15,
        "Kurumlar gündem önerilerini İl Göç İdaresi Müdürlüğüne iletir",
        _BOARDS,
    ),
    Deadline(
        "bildirim", "M11(3)", Direction.BEFORE, 5, "Toplantı günü, yeri ve saati kurul üyelerine bildirilir", _BOARDS
    ),
    Deadline(
        "bildirim",
        "M11(4)",
        Direction.BEFORE,
        3,
        "Toplantı günü, yeri ve saati Alt Komisyon üyelerine bildirilir",
        (MeetingCategory.SUBCOMMISSION,),
    ),
    Deadline(
        "tutanak_teblig",
        "M12(2)",
        Direction.AFTER,
        15,
        "Tutanak kurul üyesi kurumlara resmi yazı ile tebliğ edilir",
        (MeetingCategory.PROVINCE_BOARD,),
    ),
    Deadline(
        "tutanak_teblig",
        "M12(4), M12(5)",
        Direction.AFTER,
        15,
        "Tutanak üye kurumlara ve İl Göç İdaresi Müdürlüğüne iletilir",
        (MeetingCategory.DISTRICT_BOARD,),
    ),
    Deadline(
        "platform_giris",
        "M12(3)",
        Direction.MONTH_END,
        0,
        "Tutanak dijital platforma girilir",
        (MeetingCategory.PROVINCE_BOARD,),
    ),
    Deadline(
        "platform_giris",
        "M12(5)",
        Direction.MONTH_END,
        0,
        "Tutanak dijital platforma girilir",
        (MeetingCategory.DISTRICT_BOARD,),
    ),
    Deadline(
        "platform_giris",
        "M12(6)",
        Direction.MONTH_END,
        0,
        "Alt Komisyon çıktıları dijital platforma girilir",
        (MeetingCategory.SUBCOMMISSION,),
    ),
)

# M5(13): when the plan needs updating, the İl Göç İdaresi Müdürlüğü is given 15 days, after which the updated
# plan goes to the board chair — a period after the meeting that asked for it (`Eylem Planı Güncellemesi` = Evet).
ACTION_PLAN_UPDATE = Deadline(
    "eylem_plani_guncelleme",
    "M5(13)",
    Direction.AFTER,
    15,
    "Güncellenen Yerel Uyum Eylem Planı kurul başkanının onayına sunulur",
    _BOARDS,
)

# GK(ç): interim reports "regularly" — every `Ara Rapor Sıklığı (Ay)` months from the start or the last
# report; the final report at the end. Our reading: the final report is due 30 days after the end.
PROJECT_FINAL_REPORT_DAYS = 30


@dataclass(frozen=True)
class YearlyDeadline:
    """A task of the month after the year ends ("Ocak ayının son gününe kadar"): target the month's last working
    day, legal limit its calendar last day — or, with `before_first_board`, the next year's first board when that
    comes earlier (the report is approved there, M13(2))."""

    kind: str  # `tur` of the takvim JSON contract
    article: str
    label: str
    month: int = 1  # of the following year
    before_first_board: bool = False


# M13: the annual report (Ek-3) is prepared in January of the following year, before the first board that
# approves it (M13(1), M13(2)), and entered in the platform by the last day of January (M13(3)).
ANNUAL_DEADLINES = (
    YearlyDeadline(
        "yillik_rapor", "M13(1), M13(2)", "Yıllık Değerlendirme Raporu (Ek-3) hazırlanır", before_first_board=True
    ),
    YearlyDeadline("yillik_rapor_platform", "M13(3)", "Yıllık değerlendirme raporu dijital platforma girilir"),
)


@dataclass(frozen=True)
class FirstBoardDuty:
    """Done at the year's first meeting of a board (İl or İlçe GKK): listed on its agenda and in the calendar.
    `label` is the rule's sentence (calendar); `agenda` the agenda item, a noun phrase, and `joins` the article of
    the standing item it is the same topic as (one item, the articles merged in its Dayanak)."""

    kind: str  # `tur` of the takvim JSON contract
    article: str
    label: str
    boards: tuple[BoardKind, ...] = (BoardKind.PROVINCE,)
    agenda: str = ""
    joins: str | None = None


# M5(12) speaks of every "Kurul" (İl and İlçe); the annual report, the sub-commission and the action plan are the
# province's (M13(2), M6(1), M5(13)). At the year's first board the previous board is last year's: M5(7)'s
# evaluation and M5(12)'s are one item; the action plan's approval (M5(13)) is the M10(4) item.
FIRST_BOARD_DUTIES = (
    FirstBoardDuty(
        "ilk_kurul",
        "M5(12)",
        "Bir önceki yılda alınan kararlar değerlendirilir ve yeni yılın planlaması yapılır",
        (BoardKind.PROVINCE, BoardKind.DISTRICT),
        "Bir önceki yılda alınan kararların uygulanmasının değerlendirilmesi ve yeni yılın planlanması",
        "M5(7)",
    ),
    FirstBoardDuty(
        "yillik_rapor",
        "M13(2), M5(12)",
        "Önceki yılın yıllık değerlendirme raporu kurulca onaylanır",
        agenda="Önceki yılın Yıllık Değerlendirme Raporunun (Ek-3) onaylanması",
    ),
    FirstBoardDuty(
        "ilk_kurul",
        "M5(8), M6(1), M6(5)",
        "Alt Komisyon oluşturulur ve üye listesi imza altına alınır",
        agenda="Alt Komisyonun oluşturulması ve üye listesinin imza altına alınması",
    ),
    FirstBoardDuty(
        "ilk_kurul",
        "M5(13)",
        "Yerel Uyum Eylem Planı görüşülerek onaylanır",
        agenda="Yerel Uyum Eylem Planının görüşülmesi ve onaylanması",
        joins="M10(4)",
    ),
)
# The article of the first board's evaluation of the previous year's decisions (the carried ones, KURALLAR §7).
CARRIED_EVALUATION_ARTICLE = FIRST_BOARD_DUTIES[0].article
# The meeting categories that are a board's own boards (their first meeting of the year has the duties above).
BOARD_CATEGORIES = {
    BoardKind.PROVINCE: MeetingCategory.PROVINCE_BOARD,
    BoardKind.DISTRICT: MeetingCategory.DISTRICT_BOARD,
}


def first_board_duties(kind: BoardKind | None) -> tuple[FirstBoardDuty, ...]:
    return tuple(d for d in FIRST_BOARD_DUTIES if kind in d.boards)


# M10: what every board agenda carries besides the institutions' proposals (M10(2)), as noun phrases. (article,
# item); "{yer}" is the board's level ("İlde" / "İlçede", M10(6), M10(9): "ilde/ilçede").
AGENDA_OPENING = ("M5(7)", "Bir önceki kurulda alınan kararların uygulanmasının değerlendirilmesi")
AGENDA_STANDING_ITEMS = (
    ("M10(4)", "Yerel Uyum Eylem Planının görüşülmesi"),
    (
        "M10(5)",
        "Sosyal uyum başta olmak üzere düzenli göç, uluslararası koruma, geçici koruma, insan ticaretiyle "
        "mücadele ve düzensiz göç konularının görüşülmesi",
    ),
    (
        "M10(6)",
        "{yer} bulunan yabancıların profili ve statülere göre dağılımına ilişkin ulusal ve yerel verilerin "
        "sunulması (İl Göç İdaresi Müdürlüğü)",
    ),
    (
        "M10(7)",
        "STK, kanaat önderleri ve akademisyenlerle toplantılar, hane ziyaretleri, bilgilendirme "
        "toplantıları{ilceler} elde edilen önemli bulguların; kurumların tespit ettiği sorunların ve çözüm "
        "önerilerinin görüşülmesi",
    ),
    ("M10(8)", "Kurul üyesi kurumların yabancılara yönelik gerçekleştirdiği veya planladığı faaliyetlerin görüşülmesi"),
    ("M10(9)", "{yer} yaşanan veya yaşanması muhtemel olumsuz olayların ve sosyal gerginliklerin değerlendirilmesi"),
)


def agenda_standing_items(kind: BoardKind | None) -> tuple[tuple[str, str], ...]:
    """The standing items of a board of `kind`: "ilde/ilçede" resolved to its level; a province board hears the
    district boards' findings (M10(7)), a district board has none under it."""
    province = kind is not BoardKind.DISTRICT
    words = {
        "yer": "İlde" if province else "İlçede",
        "ilceler": " ve İlçe Göç Koordinasyon Kurullarından" if province else " ile",
    }
    out = []
    for article, text in AGENDA_STANDING_ITEMS:
        text = text.format(**words)
        out.append((article, text[0].upper() + text[1:]))
    return tuple(out)


# The sub-commission prepares the board's agenda (M10(3)), reports on the M6(7) areas (M6(8)) and
# monitors the action plan (M5(14)).
SUBCOMMISSION_STANDING_ITEMS = (
    ("M6(8)", "Çalışma alanlarında sahada yaşanan sorunların tespiti ve çözüm önerilerinin görüşülmesi"),
    ("M5(14)", "Yerel Uyum Eylem Planının izlenmesi"),
    ("M10(3)", "Kurul gündemine sunulacak katkıların ve raporların hazırlanması"),
)
AGENDA_CLOSING = "Dilek ve temenniler, kapanış"
# Our reading of "the same topic": an institution's proposal (M10(2)) that names a standing item's subject is
# that item, not a second one; the agenda lists it once with the proposer. Words are matched without case and
# Turkish letters; they are distinctive phrases of the item's article, not every word of it (a proposal on a
# narrower question, e.g. one area of M10(5), stays an item of its own).
AGENDA_TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "M5(7)": ("onceki kurul", "alinan kararlarin", "kararlarin degerlendiril", "kararlarin uygulan"),
    "M10(4)": ("eylem plan",),
    "M10(6)": ("ulusal ve yerel veri", "yabancilarin profil", "statulere gore"),
    "M10(7)": ("ilce goc koordinasyon kurullarindan", "hane ziyaret", "kanaat onderleri ve akademisyen"),
    "M10(8)": ("yabancilara yonelik faaliyet", "gerceklestirdigi faaliyet", "planladigi faaliyet"),
    "M10(9)": ("olumsuz olay", "sosyal gerginlik", "toplumsal gerginlik"),
    "M6(8)": ("sahada", "sahadaki sorun"),
    "M5(14)": ("eylem plan",),
    "M10(3)": ("kurul gundem",),
}


# §4 — composition. `kurum` is matched against the member's `Kurum` (Turkish case-insensitive,
# contained); `unvan` further narrows it. `optional_setting` names the Ayarlar row that says whether
# a "varsa" institution exists.
@dataclass(frozen=True)
class RequiredMember:
    kurum: str
    article: str
    unvan: str | None = None
    optional_setting: str | None = None
    subcommission: bool = True  # M6(3): one asil and one yedek from each M4(2) institution
    also_matches: tuple[str, ...] = field(default_factory=tuple)  # other spellings of the institution
    excludes: tuple[str, ...] = field(default_factory=tuple)  # a Kurum containing one of these is another body
    unvan_excludes: tuple[str, ...] = field(default_factory=tuple)
    label: str | None = None  # how messages name it, when not `kurum`
    plural: bool = False  # "kamu üniversiteleri", "Göç Araştırma Merkezleri": each one an institution of its own

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        return f"{self.kurum} ({self.unvan})" if self.unvan else self.kurum


# M4(1): the governor chairs the İl GKK, the district governor the İlçe GKK ("Vali Yardımcısı" is not "Vali").
PROVINCE_CHAIR = RequiredMember(
    "Valilik",
    "M4(1)",
    unvan="Vali",
    subcommission=False,
    also_matches=("Valiliği",),
    unvan_excludes=("Yardımcı",),
    label="Vali",
)
DISTRICT_CHAIR = RequiredMember(
    "Kaymakamlık",
    "M4(1)",
    unvan="Kaymakam",
    subcommission=False,
    also_matches=("Kaymakamlığı",),
    unvan_excludes=("Yardımcı",),
    label="Kaymakam",
)

RESEARCH_UNITS = ("Araştırma Merkez", "Enstitü", "Uygulama ve Araştırma")
UNIVERSITY = "Üniversitesi"  # "kamu üniversiteleri": each university is an institution of its own
SETTING_COAST_GUARD = "İl Sahil Güvenlik Komutanlığı Var"
SETTING_RESEARCH_CENTRE = "Göç Araştırma Merkezi Var"
SETTING_DISTRICT_RED_CRESCENT = "İlçede Türk Kızılay Temsilciliği Var"
SETTING_DISTRICT_UNIVERSITY = "İlçede Kamu Üniversitesi Var"
SETTING_DISTRICT_MIGRATION_OFFICE = "İlçe Göç İdaresi Müdürlüğü Var"
# KURALLAR §4 ruling: M4(2) names these two without "varsa", but M3(e)/(f) define them as facilities most
# provinces do not have, and a body that does not exist sends no member: read as "varsa" too.
SETTING_REMOVAL_CENTRE = "Geri Gönderme Merkezi Var"
SETTING_TEMPORARY_SHELTER = "Geçici Barınma Merkezi Var"
# The ruling's questions must be answered (unanswered = a finding asking the office); an older template that never
# asked them is unanswered too. The other "varsa" settings of an older template are simply not demanded.
MUST_ANSWER_SETTINGS = (SETTING_REMOVAL_CENTRE, SETTING_TEMPORARY_SHELTER)

PROVINCE_MEMBERS: tuple[RequiredMember, ...] = (
    RequiredMember(
        "Valilik",
        "M4(2)",
        unvan="Vali Yardımcısı",
        subcommission=False,
        also_matches=("Valiliği",),
        label="Vali Yardımcısı",
    ),
    RequiredMember("İl Milli Eğitim Müdürlüğü", "M4(2)", also_matches=("İl Millî Eğitim Müdürlüğü",)),
    RequiredMember("Aile ve Sosyal Hizmetler İl Müdürlüğü", "M4(2)"),
    RequiredMember("İl Sosyal Yardımlaşma ve Dayanışma Vakfı", "M4(2)"),
    RequiredMember("Sosyal Güvenlik İl Müdürlüğü", "M4(2)"),
    RequiredMember("Çalışma ve İş Kurumu İl Müdürlüğü", "M4(2)"),
    RequiredMember("Gençlik ve Spor İl Müdürlüğü", "M4(2)"),
    RequiredMember("İl Kültür ve Turizm Müdürlüğü", "M4(2)"),
    RequiredMember("İl Sağlık Müdürlüğü", "M4(2)"),
    RequiredMember("İl Nüfus ve Vatandaşlık İşleri Müdürlüğü", "M4(2)"),
    RequiredMember("İl Sivil Toplumla İlişkiler Müdürlüğü", "M4(2)"),
    RequiredMember("İl Afet ve Acil Durum Müdürlüğü", "M4(2)"),
    RequiredMember("İl Emniyet Müdürlüğü", "M4(2)"),
    RequiredMember("İl Jandarma Komutanlığı", "M4(2)"),
    RequiredMember("İl Sahil Güvenlik Komutanlığı", "M4(2)", optional_setting=SETTING_COAST_GUARD),
    RequiredMember("Ticaret İl Müdürlüğü", "M4(2)"),
    RequiredMember("Sanayi ve Teknoloji İl Müdürlüğü", "M4(2)"),
    RequiredMember("Çevre, Şehircilik ve İklim Değişikliği İl Müdürlüğü", "M4(2)"),
    RequiredMember("Tarım ve Orman İl Müdürlüğü", "M4(2)"),
    RequiredMember("İl Müftülüğü", "M4(2)"),
    RequiredMember("İl Göç İdaresi Müdürlüğü", "M4(2)"),
    RequiredMember("Geri Gönderme Merkezi", "M4(2)", optional_setting=SETTING_REMOVAL_CENTRE),
    RequiredMember("Geçici Barınma Merkezi", "M4(2)", optional_setting=SETTING_TEMPORARY_SHELTER),
    # a district branch of the Kızılay is not its province representation
    RequiredMember("Türk Kızılay İl Temsilciliği", "M4(2)", also_matches=("Kızılay",), excludes=("İlçe",)),
    # "kamu üniversiteleri": a university, but not its research centre (which is the next item)
    RequiredMember(UNIVERSITY, "M4(2)", excludes=RESEARCH_UNITS, label="Kamu üniversitesi", plural=True),
    RequiredMember("Göç Araştırma Merkezi", "M4(2)", optional_setting=SETTING_RESEARCH_CENTRE, plural=True),
)

DISTRICT_MEMBERS: tuple[RequiredMember, ...] = (
    # M4(3): the district migration office where there is one, else the province office's
    # integration working group / liaison officer.
    RequiredMember("İlçe Göç İdaresi Müdürlüğü", "M4(3)", optional_setting=SETTING_DISTRICT_MIGRATION_OFFICE),
    RequiredMember("İl Göç İdaresi Müdürlüğü", "M4(3)", optional_setting="!" + SETTING_DISTRICT_MIGRATION_OFFICE),
    RequiredMember("İlçe Milli Eğitim Müdürlüğü", "M4(3)", also_matches=("İlçe Millî Eğitim Müdürlüğü",)),
    RequiredMember("İlçe Sağlık Müdürlüğü", "M4(3)"),
    RequiredMember("İlçe Nüfus Müdürlüğü", "M4(3)"),
    RequiredMember("İlçe Emniyet Müdürlüğü", "M4(3)"),
    RequiredMember("İlçe Jandarma Komutanlığı", "M4(3)"),
    RequiredMember("İlçe Tarım ve Orman Müdürlüğü", "M4(3)"),
    RequiredMember("İlçe Müftülüğü", "M4(3)"),
    RequiredMember("Gençlik Merkezi", "M4(3)"),
    RequiredMember(
        "Türk Kızılay İlçe Temsilciliği",
        "M4(3)",
        optional_setting=SETTING_DISTRICT_RED_CRESCENT,
        also_matches=("Kızılay",),
    ),
    RequiredMember(
        UNIVERSITY,
        "M4(3)",
        optional_setting=SETTING_DISTRICT_UNIVERSITY,
        excludes=RESEARCH_UNITS,
        label="İlçedeki kamu üniversitesi",
        plural=True,
    ),
)

# M4(2): kaymakams of districts with more than 2,000 foreigners; a member whose Kurum or Unvan names the
# district and this word.
DISTRICT_GOVERNOR_MEMBER = ("Kaymakam", "M4(2)")

# Which meeting categories a board's own workbook holds (district boards reach a province workbook only
# through consolidation; the sub-commission exists only at the province, M6(1)).
BOARD_MEETING_CATEGORIES = {
    BoardKind.PROVINCE: ((MeetingCategory.PROVINCE_BOARD, MeetingCategory.SUBCOMMISSION), "M6(1), M7(1)"),
    BoardKind.DISTRICT: ((MeetingCategory.DISTRICT_BOARD,), "M8(1)"),
}

# M6(4): sub-commission members "şube müdürü düzeyinde" (warning only). The titles read as that level or above, as
# a list: a member's Unvan passes when it contains one of these as whole words, a possessive ending allowed
# (Turkish letters folded: "Şube Müdürü", "İl Müdür Yardımcısı", "İlçe Müftüsü", "Jandarma Binbaşı", "Kıdemli
# Yüzbaşı" pass; "Memur", "Uzman", "Şef", "Üsteğmen", and "Müdürlük Memuru" or "Müftülük Uzmanı" do not).
SUBCOMMISSION_TITLE_ARTICLE = "M6(4)"
SUBCOMMISSION_TITLES = (
    "Şube Müdürü",
    "Müdür Yardımcısı",
    "Müdür",  # a director is above the branch manager
    "Müftü Yardımcısı",
    "Müftü",
    "Daire Başkanı",
    "Koordinatör",
    "Başhekim Yardımcısı",
    "Başhekim",
    "Vali Yardımcısı",
    "Kaymakam",
    "Rektör Yardımcısı",
    "Rektör",
    "Dekan Yardımcısı",
    "Dekan",
    # military ranks (Jandarma, Sahil Güvenlik) from yüzbaşı up, generals and admirals included
    "Yüzbaşı",
    "Binbaşı",
    "Yarbay",
    "Albay",
    "Tuğgeneral",
    "Tümgeneral",
    "Korgeneral",
    "Orgeneral",
    "Tuğamiral",
    "Tümamiral",
    "Koramiral",
    "Oramiral",
)
# M6(3): one asil and one yedek per institution — exactly one of each.
SUBCOMMISSION_SEATS_ARTICLE = "M6(3)"
# M9(2): a member attends in person or through a properly appointed deputy (Katılımcılar › Vekil = Evet); nobody
# else may attend in a member's place.
DEPUTY_ARTICLE = "M9(2)"
# M8(1), M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board.
DISTRICT_BOARD_PARTICIPANT = ("İl Göç İdaresi Müdürlüğü", "M8(1), M11(3)")
# M6(2): the sub-commission is chaired by the integration lead of the İl Göç İdaresi Müdürlüğü.
SUBCOMMISSION_CHAIR_INSTITUTION = ("İl Göç İdaresi Müdürlüğü", "M6(2)")
SUBCOMMISSION_CHAIR_TITLES = ("Uyum Çalışma Grubu", "Uyum İrtibat")  # words of the chair's Unvan (M6(2))

# KURALLAR §7 (M5(12), M5(7), M13(2)): what `devir` carries from a year's workbook into the next one — besides
# the settings, the districts and the active members (with the sub-commission), every row still open. The rest of
# the old workbook (meetings, agenda, participants, statistics, leave, the annual report's text) is that year's.
CARRY_OVER_ARTICLE = "M5(12)"
CARRIED_PROBLEM_STATUSES = ("Açık",)  # "Çözülemedi" is a closed result (Ek-3 item 4 of its year)
CLOSED_ACTION_STATUSES = ("Tamamlandı", "İptal")


# Closed lists of the template (each shown as a dropdown).
BOARD_KINDS = tuple(k.value for k in BoardKind)
MEETING_CATEGORIES = tuple(c.value for c in MeetingCategory)
MEETING_TYPES = ("Olağan", "Ek")  # M7(3), M8(4)
YES_NO = ("Evet", "Hayır")
MEMBERSHIP_TYPES = ("Daimi", "Davetli", "Başkanlık Personeli")  # M4(2)-(3), M4(4), M4(5)
ROLE_CHAIR = "Kurul Başkanı"
ROLE_MEMBER = "Kurul Üyesi"
ROLE_SUB_PRIMARY = "Alt Komisyon Asil"
ROLE_SUB_SUBSTITUTE = "Alt Komisyon Yedek"
ROLE_SUB_CHAIR = "Alt Komisyon Başkanı"
ROLES = (ROLE_CHAIR, ROLE_MEMBER, ROLE_SUB_PRIMARY, ROLE_SUB_SUBSTITUTE, ROLE_SUB_CHAIR)
SUBCOMMISSION_ROLES = (ROLE_SUB_PRIMARY, ROLE_SUB_SUBSTITUTE, ROLE_SUB_CHAIR)
# M6(7): the areas of integration work.
AREAS = (
    "Eğitim",
    "Sağlık",
    "İş Gücü Piyasası",
    "Sosyal Destek",
    "Bilgilendirme",
    "Toplumsal Katılım",
    "Kamu Düzeni",
    "Kamu Güvenliği",
    "Kamu Sağlığı",
    "Diğer",
)
PROBLEM_STATUSES = ("Açık", "Çözüldü", "Çözülemedi")
DECISION_OPEN = ("Bekliyor", "Devam Ediyor")
DECISION_IMPLEMENTED = "Uygulandı"
DECISION_NOT_IMPLEMENTED = "Uygulanamadı"
DECISION_STATUSES = (*DECISION_OPEN, DECISION_IMPLEMENTED, DECISION_NOT_IMPLEMENTED)
ACTION_STATUSES = ("Başlamadı", "Devam Ediyor", "Tamamlandı", "Ertelendi", "İptal")
PROJECT_SCOPES = ("Ulusal", "Uluslararası")  # GK(c)
OPINION_PENDING, OPINION_FAVOURABLE, OPINION_UNFAVOURABLE = "Bekliyor", "Olumlu", "Olumsuz"
OPINIONS = (OPINION_PENDING, OPINION_FAVOURABLE, OPINION_UNFAVOURABLE)
LEAVE_TYPES = ("İdari İzin", "Ek Tatil")

# The coordination circular (GK = Göç Yönetiminde Koordinasyon genelgesi).
STATISTICS_SHARED_ARTICLE = "GK(a)"
STATISTICS_COORDINATED_ARTICLE = "GK(b)"
PROJECT_OPINION_ARTICLE = "GK(c)"
PROJECT_REPORTS_ARTICLE = "GK(ç)"


# --- articles of kontrol's rules across rows (their sentences are in core.checks' section modules) ---
# Ek-1: the form's decision rows — each names its meeting and problem, is given a time after its meeting and is
# reported once that time has passed.
DECISION_FORM_ARTICLE = "Ek-1"
# M5(7): a board evaluates the decisions of the meeting before it.
EVALUATION_ARTICLE = "M5(7)"
# M12(1): the decisions are written in the minutes of the meeting that took them.
MINUTES_DECISIONS_ARTICLE = "M12(1)"
# M12(7): the list of participants (Ek-2) of a meeting held.
PARTICIPANTS_ARTICLE = "M12(7)"
# M13(4): the annual report gives the reason a decision could not be carried out.
NOT_IMPLEMENTED_REASON_ARTICLE = "M13(4)"

# --- official letters (Resmî Yazışmalarda Uygulanacak Usul ve Esaslar; KURALLAR §5) ---------------------------
# A letter whose distribution includes a higher authority closes "arz ve rica ederim"; to equals and subordinates
# "rica ederim". Higher than a kaymakamlık: the Valilik (and its units, addressed "X Valiliği (…)"); higher than
# a province: the Ministry, to which the Presidency is addressed.
CLOSING_TO_EQUALS = "rica ederim"
CLOSING_TO_SUPERIOR = "arz ve rica ederim"
PRESIDENCY_ADDRESS = "İçişleri Bakanlığı (Göç İdaresi Başkanlığı)"
PRESIDENCY_NAMES = ("göç idaresi başkanlığı", "içişleri bakanlığı")  # how members write the Presidency
