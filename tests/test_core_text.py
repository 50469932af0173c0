"""Issue 26: core/text.py in the process — a meeting's `Saat` read at its boundaries, Türkiye's time, ordinals and
citations as the Resmî Gazete writes them, and the case suffixes of KURALLAR §5 (vowel harmony, buffer consonants,
the possessive n, k → ğ, abbreviations read letter by letter)."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel.core import text
from gockurul_excel.core.text import ABLATIVE, ACCUSATIVE, DATIVE, GENITIVE, LOCATIVE, inflect

T = dt.time


# --- clock_time -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "want"),
    [
        (None, None),
        ("", None),
        ("14:00", T(14, 0)),
        ("14.30", T(14, 30)),
        (" 9:05 ", T(9, 5)),
        ("09:05:59", T(9, 5)),  # seconds dropped
        ("0:00", T(0, 0)),
        ("23:59", T(23, 59)),  # the last minute of a day
        ("24:00", None),  # hour 24 is no time of day
        ("12:60", None),  # minute 60 neither
        ("23:30", T(23, 30)),
        ("25:30", None),
        ("1400", None),
        ("14:0", None),
        ("Öğleden sonra", None),
        ("123:00", None),
        (T(10, 15), T(10, 15)),
        (dt.datetime(2026, 3, 4, 16, 45), T(16, 45)),  # a live book's date-time: its time
    ],
)
def test_clock_time_reads_a_meetings_saat(value, want):
    assert text.clock_time(value) == want


# --- in_istanbul ----------------------------------------------------------------------------------------------


def test_an_aware_instant_is_shown_in_turkiyes_time():
    """Türkiye is UTC+3 all year (since 2016): 12:00 UTC is 15:00 in Istanbul, on the Istanbul clock."""
    got = text.in_istanbul(dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC))
    assert (got.hour, got.minute, got.utcoffset()) == (15, 0, dt.timedelta(hours=3))
    assert got.tzinfo is text.ISTANBUL


def test_a_naive_instant_is_the_machines_own_clock():
    naive = dt.datetime(2026, 7, 1, 8, 30)
    got = text.in_istanbul(naive)
    assert got == naive.astimezone() and got.utcoffset() == dt.timedelta(hours=3)


# --- small helpers ----------------------------------------------------------------------------------------------


def test_tr_date_and_tr_time():
    assert text.tr_date(dt.date(2026, 3, 4)) == "04.03.2026"
    assert text.tr_time(T(9, 5)) == "09.05"
    assert text.tr_time(dt.datetime(2026, 1, 1, 14, 0)) == "14.00"
    assert text.tr_time(" 10:00 ") == "10.00"


def test_upper_tr_and_lower_first_the_turkish_way():
    assert text.upper_tr("istanbul ılıca") == "İSTANBUL ILICA"
    assert text.lower_first("İl Göç İdaresi") == "il Göç İdaresi"
    assert text.lower_first("Işık Sokak") == "ışık Sokak"
    assert text.lower_first("Valilik İl") == "valilik İl"
    assert text.lower_first("ÇOK") == "çOK"
    assert text.lower_first("") == ""


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Kemal Çeber", "Kemal ÇEBER"),
        ("  Ayşe   Nur  Yıldız ", "Ayşe Nur YILDIZ"),
        ("Işık İnce", "Işık İNCE"),
        ("Kemal", "Kemal"),
        ("", ""),
        (None, ""),
    ],
)
def test_signature_name_writes_the_surname_in_capitals(name, want):
    assert text.signature_name(name) == want


@pytest.mark.parametrize(
    ("number", "want"),
    [
        (1, "1 inci"),
        (2, "2 nci"),
        (3, "3 üncü"),
        (4, "4 üncü"),
        (5, "5 inci"),
        (6, "6 ncı"),
        (7, "7 nci"),
        (8, "8 inci"),
        (9, "9 uncu"),
        (11, "11 inci"),
        (19, "19 uncu"),
        (10, "10 uncu"),
        (20, "20 nci"),
        (30, "30 uncu"),
        (40, "40 ıncı"),
        (50, "50 nci"),
        (60, "60 ıncı"),
        (70, "70 inci"),
        (80, "80 inci"),
        (90, "90 ıncı"),
        (110, "110 uncu"),
        (100, "100 üncü"),
        (200, "200 üncü"),
        (1100, "1100 üncü"),
        (1000, "1000 inci"),
        (2000, "2000 inci"),
    ],
)
def test_ordinal_by_the_last_words_vowels(number, want):
    """onuncu, yirminci, otuzuncu, kırkıncı, ellinci, altmışıncı, yetmişinci, sekseninci, doksanıncı, yüzüncü,
    bininci."""
    assert text.ordinal(number) == want


@pytest.mark.parametrize(
    ("number", "want"),
    [(1, "birinci"), (3, "üçüncü"), (10, "onuncu"), (15, "on beşinci"), (16, "16."), (0, "0."), (-1, "-1.")],
)
def test_ordinal_word(number, want):
    assert text.ordinal_word(number) == want


@pytest.mark.parametrize(
    ("article", "want"),
    [
        ("M11(3)", "Genelgenin 11 inci maddesinin üçüncü fıkrası"),
        (" M8(1) ", "Genelgenin 8 inci maddesinin birinci fıkrası"),
        ("GK(ç)", "Göç Yönetiminde Koordinasyon Genelgesinin (ç) bendi"),
        ("M11", "M11"),
        ("M11(3) ek", "M11(3) ek"),
        ("KURALLAR §5", "KURALLAR §5"),
    ],
)
def test_cite_in_the_words_of_an_official_letter(article, want):
    assert text.cite(article) == want


@pytest.mark.parametrize(
    ("articles", "want"),
    [
        ("M12(4), M12(5)", "Genelge m. 12/4, 12/5"),
        ("GK(ç)", "Koordinasyon Genelgesi (ç)"),
        ("KURALLAR §7, GK(c), M8(1)", "Genelge m. 8/1; Koordinasyon Genelgesi (c); KURALLAR §7"),
        (" , M1(1) ,", "Genelge m. 1/1"),
        ("", ""),
    ],
)
def test_cite_short_for_table_cells(articles, want):
    assert text.cite_short(articles) == want


# --- inflect (KURALLAR §5) ----------------------------------------------------------------------------------

CASES = (DATIVE, LOCATIVE, ABLATIVE, GENITIVE, ACCUSATIVE)


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Masa", ("Masaya", "Masada", "Masadan", "Masanın", "Masayı")),  # back vowel, ends in a vowel: y / n
        ("Belediye", ("Belediyeye", "Belediyede", "Belediyeden", "Belediyenin", "Belediyeyi")),
        ("Ordu", ("Orduya", "Orduda", "Ordudan", "Ordunun", "Orduyu")),
        ("Ev", ("Eve", "Evde", "Evden", "Evin", "Evi")),
        ("Göz", ("Göze", "Gözde", "Gözden", "Gözün", "Gözü")),
        ("Kız", ("Kıza", "Kızda", "Kızdan", "Kızın", "Kızı")),
        ("Okul", ("Okula", "Okulda", "Okuldan", "Okulun", "Okulu")),
        ("Göç", ("Göçe", "Göçte", "Göçten", "Göçün", "Göçü")),  # ç voiceless: t
        ("Ofis", ("Ofise", "Ofiste", "Ofisten", "Ofisin", "Ofisi")),  # s voiceless: t
        ("Park", ("Parka", "Parkta", "Parktan", "Parkın", "Parkı")),  # one syllable: k stays
        ("Kaymakamlık", ("Kaymakamlığa", "Kaymakamlıkta", "Kaymakamlıktan", "Kaymakamlığın", "Kaymakamlığı")),
        ("BAKANLIK", ("BAKANLIĞA", "BAKANLIKTA", "BAKANLIKTAN", "BAKANLIĞIN", "BAKANLIĞI")),  # a heading
        ("Valiliği", ("Valiliğine", "Valiliğinde", "Valiliğinden", "Valiliğinin", "Valiliğini")),  # -ğı: possessive
        ("Bilgisi", ("Bilgisine", "Bilgisinde", "Bilgisinden", "Bilgisinin", "Bilgisini")),  # -sı: possessive
        ("Ali", ("Aliye", "Alide", "Aliden", "Alinin", "Aliyi")),  # -li: no possessive
        (
            "İl Göç Kurulu",
            ("İl Göç Kuruluna", "İl Göç Kurulunda", "İl Göç Kurulundan", "İl Göç Kurulunun", "İl Göç Kurulunu"),
        ),
        ("Saat", ("Saate", "Saatte", "Saatten", "Saatin", "Saati")),  # a front exception
        ("Protokol", ("Protokole", "Protokolde", "Protokolden", "Protokolün", "Protokolü")),
        ("SGK", ("SGK'ye", "SGK'de", "SGK'den", "SGK'nin", "SGK'yi")),  # ke
        ("TBMM", ("TBMM'ye", "TBMM'de", "TBMM'den", "TBMM'nin", "TBMM'yi")),  # me
        ("PTT", ("PTT'ye", "PTT'de", "PTT'den", "PTT'nin", "PTT'yi")),  # te
        ("AFAD", ("AFAD'a", "AFAD'da", "AFAD'dan", "AFAD'ın", "AFAD'ı")),  # read as a word
        ("İŞKUR", ("İŞKUR'a", "İŞKUR'da", "İŞKUR'dan", "İŞKUR'un", "İŞKUR'u")),  # read as a word
        ("ASH", ("ASH'ye", "ASH'de", "ASH'den", "ASH'nin", "ASH'yi")),  # he: "sh" ends no Turkish word
        ("İGM", ("İGM'ye", "İGM'de", "İGM'den", "İGM'nin", "İGM'yi")),  # me
        ("YÖK", ("YÖK'e", "YÖK'te", "YÖK'ten", "YÖK'ün", "YÖK'ü")),  # read as a word
        # an abbreviation after a place name, as offices write district institutions
        ("Nizip SGK", ("Nizip SGK'ye", "Nizip SGK'de", "Nizip SGK'den", "Nizip SGK'nin", "Nizip SGK'yi")),
        ("Nizip AFAD", ("Nizip AFAD'a", "Nizip AFAD'da", "Nizip AFAD'dan", "Nizip AFAD'ın", "Nizip AFAD'ı")),
        ("NİZİP SGK", ("NİZİP SGK'ye", "NİZİP SGK'de", "NİZİP SGK'den", "NİZİP SGK'nin", "NİZİP SGK'yi")),
        (
            "İL MÜFTÜLÜĞÜ",
            ("İL MÜFTÜLÜĞÜNE", "İL MÜFTÜLÜĞÜNDE", "İL MÜFTÜLÜĞÜNDEN", "İL MÜFTÜLÜĞÜNÜN", "İL MÜFTÜLÜĞÜNÜ"),
        ),
        ("UNICEF", ("UNICEF'e", "UNICEF'te", "UNICEF'ten", "UNICEF'in", "UNICEF'i")),  # six letters: an abbreviation
        # a heading in capitals whose short last word has a vowel is a word, not an abbreviation
        (
            "İL GÖÇ KURULU",
            ("İL GÖÇ KURULUNA", "İL GÖÇ KURULUNDA", "İL GÖÇ KURULUNDAN", "İL GÖÇ KURULUNUN", "İL GÖÇ KURULUNU"),
        ),
        (
            "GAZİANTEP VALİLİĞİ",
            (
                "GAZİANTEP VALİLİĞİNE",
                "GAZİANTEP VALİLİĞİNDE",
                "GAZİANTEP VALİLİĞİNDEN",
                "GAZİANTEP VALİLİĞİNİN",
                "GAZİANTEP VALİLİĞİNİ",
            ),
        ),
        (
            "İçişleri Bakanlığı (Göç İdaresi Başkanlığı)",
            (
                "İçişleri Bakanlığına (Göç İdaresi Başkanlığı)",
                "İçişleri Bakanlığında (Göç İdaresi Başkanlığı)",
                "İçişleri Bakanlığından (Göç İdaresi Başkanlığı)",
                "İçişleri Bakanlığının (Göç İdaresi Başkanlığı)",
                "İçişleri Bakanlığını (Göç İdaresi Başkanlığı)",
            ),
        ),
        ("  Kurul  ", ("Kurula", "Kurulda", "Kuruldan", "Kurulun", "Kurulu")),
    ],
)
def test_inflect_every_case(name, forms):
    assert tuple(inflect(name, c) for c in CASES) == forms


@pytest.mark.parametrize("name", ["2026", "", "   ", "—"])
def test_a_name_with_nothing_to_harmonise_with_is_left_as_it_is(name):
    assert [inflect(name, c) for c in CASES] == [name.strip()] * 5


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Dernek", ("Derneğe", "Dernekte", "Dernekten", "Derneğin", "Derneği")),  # two syllables: k softens too
        ("VALİLİK", ("VALİLİĞE", "VALİLİKTE", "VALİLİKTEN", "VALİLİĞİN", "VALİLİĞİ")),  # seven capitals: a word
        ("DW", ("DW'ye", "DW'de", "DW'den", "DW'nin", "DW'yi")),  # a letter without a table name: read 'e'
        # a circumflex marks a softened consonant or a long vowel, the vowel harmonises as its plain letter (TDK:
        # kâra, dükkâna, rüzgârın; hâle as hal, a front exception; millîye)
        ("Kâr", ("Kâra", "Kârda", "Kârdan", "Kârın", "Kârı")),
        ("Dükkân", ("Dükkâna", "Dükkânda", "Dükkândan", "Dükkânın", "Dükkânı")),
        ("Rüzgâr", ("Rüzgâra", "Rüzgârda", "Rüzgârdan", "Rüzgârın", "Rüzgârı")),
        ("Hâl", ("Hâle", "Hâlde", "Hâlden", "Hâlin", "Hâli")),
        ("Millî", ("Millîye", "Millîde", "Millîden", "Millînin", "Millîyi")),
        # no vowel at all: read by its letters whatever its case, as PTT'ye and SGK'nin (TDK: by how it is read)
        ("Ptt", ("Ptt'ye", "Ptt'de", "Ptt'den", "Ptt'nin", "Ptt'yi")),
        ("Nizip Sgk", ("Nizip Sgk'ye", "Nizip Sgk'de", "Nizip Sgk'den", "Nizip Sgk'nin", "Nizip Sgk'yi")),
        (
            "Nizip Kurulu",
            ("Nizip Kuruluna", "Nizip Kurulunda", "Nizip Kurulundan", "Nizip Kurulunun", "Nizip Kurulunu"),
        ),
        (
            "İÇİŞLERİ BAKANLIĞI",
            (
                "İÇİŞLERİ BAKANLIĞINA",
                "İÇİŞLERİ BAKANLIĞINDA",
                "İÇİŞLERİ BAKANLIĞINDAN",
                "İÇİŞLERİ BAKANLIĞININ",
                "İÇİŞLERİ BAKANLIĞINI",
            ),
        ),  # a dotless capital I at the end
        (
            "Göç (İdaresi) Müdürlüğü",
            (
                "Göç (İdaresi) Müdürlüğüne",
                "Göç (İdaresi) Müdürlüğünde",
                "Göç (İdaresi) Müdürlüğünden",
                "Göç (İdaresi) Müdürlüğünün",
                "Göç (İdaresi) Müdürlüğünü",
            ),
        ),  # a parenthesis inside: not the name's end
        (
            "İçişleri Bakanlığı (Göç İdaresi Başkanlığı (Ankara))",
            (
                "İçişleri Bakanlığına (Göç İdaresi Başkanlığı (Ankara))",
                "İçişleri Bakanlığında (Göç İdaresi Başkanlığı (Ankara))",
                "İçişleri Bakanlığından (Göç İdaresi Başkanlığı (Ankara))",
                "İçişleri Bakanlığının (Göç İdaresi Başkanlığı (Ankara))",
                "İçişleri Bakanlığını (Göç İdaresi Başkanlığı (Ankara))",
            ),
        ),  # the suffix before the FIRST parenthesis
    ],
)
def test_inflect_at_the_edges_of_its_rules(name, forms):
    assert tuple(inflect(name, c) for c in CASES) == forms


def test_a_two_letter_word_is_never_read_as_a_possessive():
    """'Su' ends in -u after an s, but is no possessive (the -sı/-ğı rule needs a vowel before: three letters)."""
    assert (inflect("Su", DATIVE), inflect("Su", LOCATIVE), inflect("Su", ACCUSATIVE)) == ("Suya", "Suda", "Suyu")


def test_a_one_letter_abbreviation_is_read_by_its_letters_name():
    """A lone capital with no vowel is an abbreviation read by its letter's name (TDK: B'ye, as SGK'ye): 'be'."""
    assert tuple(inflect("B", c) for c in CASES) == ("B'ye", "B'de", "B'den", "B'nin", "B'yi")


def test_a_capital_last_word_after_small_letters_takes_a_small_front_suffix():
    """'Nizip SGK' has small letters, so it is no heading in capitals: the suffix is in small letters. SGK has no
    vowel and is read se-ge-ke (TDK: SGK'ye, SGK'nin, SGK'yi), so the suffix takes the front vowel e/i. Only these
    parts are asserted: the apostrophe and the buffer letter ('Nizip SGK'ye') are the lead's fix on main."""
    for case, end in ((DATIVE, "e"), (GENITIVE, "in"), (ACCUSATIVE, "i")):
        out = inflect("Nizip SGK", case)
        suffix = out.removeprefix("Nizip SGK")
        assert out.startswith("Nizip SGK") and suffix.endswith(end) and suffix == suffix.lower(), out


def test_ordinal_of_a_number_beyond_a_floats_precision():
    """The suffix goes by the number's own digits however large it is: ...10 is 'onuncu', ...30 'otuzuncu'."""
    assert text.ordinal(10**17 + 10) == "100000000000000010 uncu"
    assert text.ordinal(10**17 + 30) == "100000000000000030 uncu"


def test_a_three_letter_possessive_takes_the_pronominal_n():
    """'Usu' is 'us' (reason) with the possessive -u: three letters, a vowel before the s, so the -sı/-ğı rule
    reads it as a possessive, the shortest it reads so (two letters never are: 'Su'): usuna, usunda, usunu."""
    assert tuple(inflect("Usu", c) for c in CASES) == ("Usuna", "Usunda", "Usundan", "Usunun", "Usunu")


def test_a_last_word_whose_only_vowel_has_a_circumflex_takes_front_suffixes():
    """'Hâl' is 'hal' (KURALLAR §5's suffixes by vowel harmony) with the circumflex: one of the words that take
    front suffixes though their vowel is back (hale, halde, haline), and its â is no vowel the harmony table
    knows, so it is harmonised as a word without one: with e/i, never a back a/ı and never an error."""
    assert tuple(inflect("Toptancı Hâl", c) for c in CASES) == (
        "Toptancı Hâle",
        "Toptancı Hâlde",
        "Toptancı Hâlden",
        "Toptancı Hâlin",
        "Toptancı Hâli",
    )
