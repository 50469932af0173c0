"""Issue 26: the function bodies of rules.py in the process — each comparison of KURALLAR §1 on both sides of its
line, the M8(1)/M8(2) sentence every output prints word for word, the M10 standing items of an İl and an İlçe board,
the first board's duties (M5(12), M13(2), M5(8), M5(13)) — and Excel's sheet-name rule and the JSON text."""

from __future__ import annotations

import json
import sys

import pytest

from gockurul_excel import rules
from gockurul_excel.core import jsontext
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files.sheetnames import check_sheet_name
from gockurul_excel.rules import BoardKind, Comparison, MeetingCategory, Threshold

# --- labels -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("İl Göç Koordinasyon Kurulu", MeetingCategory.PROVINCE_BOARD),
        ("İlçe Göç Koordinasyon Kurulu", MeetingCategory.DISTRICT_BOARD),
        ("Alt Komisyon Toplantısı", MeetingCategory.SUBCOMMISSION),
        ("Alt Komisyon", None),
        ("", None),
        (None, None),
    ],
)
def test_category_of_a_kategori_cell(label, want):
    assert rules.category_of(label) is want


@pytest.mark.parametrize(("label", "want"), [("İl", BoardKind.PROVINCE), ("İlçe", BoardKind.DISTRICT), ("il", None)])
def test_board_kind_of_the_kurul_turu_setting(label, want):
    assert rules.board_kind_of(label) is want


# --- thresholds (KURALLAR §1) ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comparison", "below", "at", "above"),
    [
        (Comparison.AT_LEAST, False, True, True),
        (Comparison.MORE_THAN, False, False, True),
        (Comparison.LESS_THAN, True, False, False),
    ],
)
def test_a_threshold_applies_by_its_comparison_on_both_sides(comparison, below, at, above):
    t = Threshold("k", "M0(0)", 2_000, comparison, "")
    assert (t.applies(1_999), t.applies(2_000), t.applies(2_001)) == (below, at, above)


@pytest.mark.parametrize(
    ("comparison", "text", "below_text"),
    [
        (Comparison.AT_LEAST, "2.000 ve üzeri", "2.000'in altında"),
        (Comparison.MORE_THAN, "2.000'den fazla", "2.000 ve altında"),
        (Comparison.LESS_THAN, "2.000'den az", "2.000 ve üzeri"),
    ],
)
def test_a_threshold_in_the_circulars_words(comparison, text, below_text):
    t = Threshold("k", "M0(0)", 2_000, comparison, "")
    assert (t.text, t.below_text) == (text, below_text)


@pytest.mark.parametrize(("value", "want"), [(0, "0"), (999, "999"), (1_000, "1.000"), (1_234_567, "1.234.567")])
def test_tr_number_groups_thousands_with_dots(value, want):
    assert rules.tr_number(value) == want


@pytest.mark.parametrize(("population", "member"), [(0, False), (2_000, False), (2_001, True), (50_000, True)])
def test_m4_2_kaymakam_is_a_province_board_member_above_2000(population, member):
    assert rules.district_governor_is_member(population) is member


@pytest.mark.parametrize(
    ("population", "border", "required"),
    [(1_999, False, False), (2_000, False, True), (1_999, True, True), (0, True, True), (2_000, True, True)],
)
def test_m8_1_district_board_required_from_2000_or_at_the_border(population, border, required):
    assert rules.district_board_required(population, border) is required


REQUIRED = "yabancı nüfusu 2.000 ve üzeri"
BORDER = "düzensiz göçe konu hudut ilçesi"


@pytest.mark.parametrize(
    ("population", "border", "want"),
    [
        (2_000, False, (True, REQUIRED, f"Zorunlu: {REQUIRED} (M8(1))")),
        (1_999, True, (True, BORDER, f"Zorunlu: {BORDER} (M8(1))")),
        (None, True, (True, BORDER, f"Zorunlu: {BORDER} (M8(1))")),
        (5_000, True, (True, f"{REQUIRED}; {BORDER}", f"Zorunlu: {REQUIRED}; {BORDER} (M8(1))")),
        (None, False, (False, "", "Yabancı nüfusu yazılmamış: belirlenemedi")),
        ("5000", False, (False, "", "Yabancı nüfusu yazılmamış: belirlenemedi")),  # text is no population
        (
            1_999,
            False,
            (
                False,
                "",
                "Zorunlu değil: yabancı nüfusu 2.000'in altında, hudut ilçesi değil (M8(2): kaymakamın takdiri)",
            ),
        ),
        (
            0,
            False,
            (
                False,
                "",
                "Zorunlu değil: yabancı nüfusu 2.000'in altında, hudut ilçesi değil (M8(2): kaymakamın takdiri)",
            ),
        ),
    ],
)
def test_m8_district_board_duty_sentence(population, border, want):
    assert rules.district_board_duty(population, border) == want


# --- windows (KURALLAR §2) --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "population", "want"),
    [
        (BoardKind.PROVINCE, 9_999, [rules.PROVINCE_BOARD_BIANNUAL, rules.SUBCOMMISSION_BIANNUAL]),  # M7(2), M6(9)
        (BoardKind.PROVINCE, 10_000, [rules.PROVINCE_BOARD_QUARTERLY, rules.SUBCOMMISSION_QUARTERLY]),  # M7(1)
        (BoardKind.DISTRICT, 50_000, [rules.DISTRICT_BOARD_WINDOW]),  # M8(1): twice a year, whatever the number
        (BoardKind.DISTRICT, 0, [rules.DISTRICT_BOARD_WINDOW]),
    ],
)
def test_ordinary_windows_of_a_workbook(kind, population, want):
    assert rules.ordinary_windows(kind, population) == want


# --- the first board and the agenda (M5(12), M10) ------------------------------------------------------------


def test_first_board_duties_of_a_province_a_district_and_no_kind():
    """M5(12) for every board; the annual report (M13(2)), the sub-commission (M5(8)) and the plan (M5(13)) are
    the province's."""
    assert [d.article for d in rules.first_board_duties(BoardKind.PROVINCE)] == [
        "M5(12)",
        "M13(2), M5(12)",
        "M5(8), M6(1), M6(5)",
        "M5(13)",
    ]
    assert [d.article for d in rules.first_board_duties(BoardKind.DISTRICT)] == ["M5(12)"]
    assert rules.first_board_duties(None) == ()


M10_5 = (
    "Sosyal uyum başta olmak üzere düzenli göç, uluslararası koruma, geçici koruma, insan ticaretiyle mücadele ve "
    "düzensiz göç konularının görüşülmesi"
)
M10_8 = "Kurul üyesi kurumların yabancılara yönelik gerçekleştirdiği veya planladığı faaliyetlerin görüşülmesi"


def standing(place: str, findings: str) -> tuple[tuple[str, str], ...]:
    return (
        ("M10(4)", "Yerel Uyum Eylem Planının görüşülmesi"),
        ("M10(5)", M10_5),
        (
            "M10(6)",
            f"{place} bulunan yabancıların profili ve statülere göre dağılımına ilişkin ulusal ve yerel "
            "verilerin sunulması (İl Göç İdaresi Müdürlüğü)",
        ),
        (
            "M10(7)",
            "STK, kanaat önderleri ve akademisyenlerle toplantılar, hane ziyaretleri, bilgilendirme "
            f"toplantıları{findings} elde edilen önemli bulguların; kurumların tespit ettiği sorunların ve "
            "çözüm önerilerinin görüşülmesi",
        ),
        ("M10(8)", M10_8),
        (
            "M10(9)",
            f"{place} yaşanan veya yaşanması muhtemel olumsuz olayların ve sosyal gerginliklerin değerlendirilmesi",
        ),
    )


def test_m10_standing_items_of_a_province_board():
    """M10(6), M10(9) "ilde"; M10(7): the province hears the district boards' findings."""
    want = standing("İlde", " ve İlçe Göç Koordinasyon Kurullarından")
    assert rules.agenda_standing_items(BoardKind.PROVINCE) == want
    assert rules.agenda_standing_items(None) == want  # no kind given: a province book


def test_m10_standing_items_of_a_district_board():
    assert rules.agenda_standing_items(BoardKind.DISTRICT) == standing("İlçede", " ile")


# --- Excel's sheet-name rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "1 ile 31 karakter arasında olmalı"),
        ("x" * 32, "1 ile 31 karakter arasında olmalı"),
        *[(f"a{ch}b", "[ ] : * ? / \\ karakterlerini içeremez") for ch in "[]:*?/\\"],
        ("a\x1fb", "[ ] : * ? / \\ karakterlerini içeremez"),
        ("a\x00", "[ ] : * ? / \\ karakterlerini içeremez"),
        ("'Toplantılar", "kesme işaretiyle (') başlayıp bitemez"),
        ("Toplantılar'", "kesme işaretiyle (') başlayıp bitemez"),
        ("History", "Excel'e ayrılmış bir ad"),
        ("HİSTORY", "Excel'e ayrılmış bir ad"),  # Excel compares without case, İ as I
        ("history", "Excel'e ayrılmış bir ad"),
    ],
)
def test_a_sheet_name_excel_refuses(name, problem):
    with pytest.raises(GocKurulError) as info:
        check_sheet_name(name)
    assert str(info.value) == f"'{name}' sayfa adı olarak kullanılamaz: {problem}."


@pytest.mark.parametrize("name", ["x" * 31, "a", "a b", "Kurum'un Listesi", "History2", "Tarihçe", "a!b#c"])
def test_a_sheet_name_excel_takes(name):
    assert check_sheet_name(name) is None


# --- JSON text ------------------------------------------------------------------------------------------------

VALUE = {"b": 1, "a": [True, None, "Çağrı"], "c": {}}
PLAIN = '{\n  "b": 1,\n  "a": [\n    true,\n    null,\n    "Çağrı"\n  ],\n  "c": {}\n}\n'.encode()
SORTED = '{\n  "a": [\n    true,\n    null,\n    "Çağrı"\n  ],\n  "b": 1,\n  "c": {}\n}\n'.encode()


def test_dumps_writes_utf8_two_space_indent_and_a_final_newline():
    assert jsontext.dumps(VALUE) == PLAIN
    assert jsontext.dumps(VALUE, sort_keys=True) == SORTED


def test_dumps_without_orjson_writes_the_same_bytes(monkeypatch):
    monkeypatch.setitem(sys.modules, "orjson", None)  # a platform without it (Pyodide): ImportError
    assert jsontext.dumps(VALUE) == PLAIN
    assert jsontext.dumps(VALUE, sort_keys=True) == SORTED


def test_an_integer_beyond_64_bits_goes_through_the_standard_library():
    big = {"z": 2**70, "a": "ş"}
    assert jsontext.dumps(big) == ('{\n  "z": ' + str(2**70) + ',\n  "a": "ş"\n}\n').encode()
    assert jsontext.dumps(big, sort_keys=True) == ('{\n  "a": "ş",\n  "z": ' + str(2**70) + "\n}\n").encode()
    assert json.loads(jsontext.dumps(big)) == big
