"""core.identity in the process: institutions and persons however the office spells them (M4(2), M4(3), M9(2)),
the listed member's title (M4(1)), the kaymakam of a district (M4(2)) and the subcommission titles (M6(4))."""

from __future__ import annotations

from gockurul_excel import rules
from gockurul_excel.core import identity
from gockurul_excel.core.records import Layout, Record

IL, ILCE = rules.BoardKind.PROVINCE, rules.BoardKind.DISTRICT


def member(kurum, unvan=None) -> Record:
    layout = Layout({"Kurum": 0, "Unvan": 1}, {"Kurum": "A", "Unvan": "D"}, frozenset({"Kurum", "Unvan"}))
    return Record(2, [("Kurum", kurum), ("Unvan", unvan)], (kurum, unvan), layout)


def test_person_folds_turkish_letters_and_spaces():
    assert identity.person("  Ayşe   YILMAZ ") == "ayse yilmaz"
    assert identity.person(None) == "" and identity.person("") == ""
    assert identity.same_person("Ayşe Yılmaz", "AYSE  YILMAZ")
    assert not identity.same_person("Ayşe Yılmaz", "Ayşe Yılmazer")
    assert not identity.same_person("", "") and not identity.same_person(None, None)


def test_institution_key_is_the_most_specific_listed_institution_named():
    """M9(2): "Gaziantep İl Sağlık Müdürlüğü" is the İl Sağlık Müdürlüğü, "Gaziantep Valiliği" the Valilik, and the
    migration office under the Valilik is the office, not the Valilik."""
    assert identity.institution_key(IL, "Gaziantep İl Sağlık Müdürlüğü") == "\x00il saglik mudurlugu"
    assert identity.institution_key(IL, "Gaziantep Valiliği") == "\x00valilik"
    assert identity.institution_key(IL, "Gaziantep Valiliği İl Göç İdaresi Müdürlüğü") == (
        "\x00il goc idaresi mudurlugu"
    )
    assert identity.institution_key(IL, "Türk Kızılay Gaziantep Şubesi") == "\x00turk kizilay il temsilciligi"


def test_an_excluded_or_plural_institution_keeps_its_own_name():
    """M4(2): a district branch of the Kızılay is not the province representation; each university (named in the
    plural) is an institution of its own; with no board kind nothing is listed."""
    assert identity.institution_key(IL, "Kızılay Nizip İlçe Temsilciliği") == "kizilay nizip ilce temsilciligi"
    assert identity.institution_key(ILCE, "Kızılay Nizip İlçe Temsilciliği") == ("\x00turk kizilay ilce temsilciligi")
    assert identity.institution_key(IL, "Gaziantep  Üniversitesi") == "gaziantep universitesi"
    assert identity.institution_key(ILCE, "Harran Üniversitesi") == "harran universitesi"  # M4(3) as M4(2)
    assert identity.institution_key(None, "Gaziantep Valiliği") == "gaziantep valiligi"
    assert identity.institution_key(None, "Nizip Kaymakamlığı") == "nizip kaymakamligi"
    assert identity.institution_key(ILCE, "Nizip Kaymakamlığı") == "\x00kaymakamlik"
    assert identity.institution_key(ILCE, "Gaziantep Valiliği") == "gaziantep valiligi"  # not a district member


def test_same_institution():
    assert identity.same_institution(IL, "Gaziantep Valiliği", "VALİLİK")
    assert not identity.same_institution(IL, "İl Sağlık Müdürlüğü", "İl Milli Eğitim Müdürlüğü")
    assert identity.same_institution(IL, "İl Millî Eğitim Müdürlüğü", "Gaziantep İl Milli Eğitim Müdürlüğü")
    assert not identity.same_institution(IL, "A Üniversitesi", "B Üniversitesi")
    assert not identity.same_institution(ILCE, "A Üniversitesi", "B Üniversitesi")  # two in one district: M4(3)


def test_contains_any():
    assert identity.contains_any("İl Göç İdaresi", ("GÖÇ",)) and identity.contains_any("x", ("y", "X"))
    assert not identity.contains_any("İl Göç İdaresi", ("göçmen",)) and not identity.contains_any("x", ())


def test_matches_the_listed_institution_and_its_title():
    """M4(1): the chair is the Vali — a Vali Yardımcısı of the same Valilik is not; M4(2): any title of a listed
    institution with no title asked."""
    chair = rules.PROVINCE_CHAIR
    assert identity.matches(member("Gaziantep Valiliği", "Vali"), chair)
    assert not identity.matches(member("Gaziantep Valiliği", "Vali Yardımcısı"), chair)
    assert not identity.matches(member("Gaziantep Valiliği", None), chair)
    assert not identity.matches(member("Gaziantep Valiliği", "Müdür"), chair)
    assert not identity.matches(member("Nizip Kaymakamlığı", "Vali"), chair)
    assert not identity.matches(member(None, "Vali"), chair)
    health = next(r for r in rules.PROVINCE_MEMBERS if r.kurum == "İl Sağlık Müdürlüğü")
    assert identity.matches(member("Gaziantep İl Sağlık Müdürlüğü", None), health)
    red_crescent = next(r for r in rules.PROVINCE_MEMBERS if r.also_matches == ("Kızılay",))
    assert identity.matches(member("Kızılay Gaziantep Şubesi"), red_crescent)
    assert not identity.matches(member("Kızılay Nizip İlçe Temsilciliği"), red_crescent)
    university = next(r for r in rules.PROVINCE_MEMBERS if r.kurum == rules.UNIVERSITY)
    assert identity.matches(member("Gaziantep Üniversitesi"), university)
    assert not identity.matches(member("Gaziantep Üniversitesi Göç Araştırma Merkezi"), university)


def test_governor_of_names_the_district_and_the_kaymakam():
    """M4(2): the kaymakam of a district with more than 2,000 foreigners, named in Kurum or Unvan."""
    assert identity.governor_of(member("Nizip Kaymakamlığı", "Kaymakam"), "Nizip")
    assert identity.governor_of(member(None, "Nizip Kaymakamı"), "nizip")
    assert not identity.governor_of(member("Nizip Kaymakamlığı", "Kaymakam"), "İslahiye")
    assert not identity.governor_of(member("Nizip Kaymakamlığı", "Kaymakam"), "")
    assert not identity.governor_of(member("Nizip Belediyesi", "Başkan"), "Nizip")
    assert not identity.governor_of(member("Nizip", None), "Nizip")


def test_governor_of_a_blank_cell_names_no_district():
    """An empty Kurum or Unvan adds no text to look the district up in, even a one-letter district name."""
    assert not identity.governor_of(member(None, "Kaymakam"), "X")
    assert not identity.governor_of(member("Kaymakamlık", None), "X")
    assert identity.governor_of(member("X Kaymakamlığı", None), "X")


def test_branch_manager_level_is_a_listed_title_as_a_word():
    """M6(4): şube müdürü or an equivalent or higher title, a possessive ending allowed, never a longer word."""
    for title in ("Şube Müdürü", "İl Müdürü", "Müdür", "İlçe Müftüsü", "Dekanı", "Vali Yardımcısı", "Koordinatör"):
        assert identity.branch_manager_level(title), title
    for title in ("Müdürlük Uzmanı", "Memur", "Uzman", "", "Müdürler Kurulu"):
        assert not identity.branch_manager_level(title), title
