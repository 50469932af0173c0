"""core.records in the process: a header the contract does not know is a program error with its name in Turkish; a
column the workbook lacks reads as None; what the cells held, by header, with a default for an unknown one."""

from __future__ import annotations

import pytest

from gockurul_excel.core.records import Layout, Record


def record() -> Record:
    layout = Layout(
        {"Karar No": 0, "Durum": 1}, {"Karar No": "A", "Durum": "B"}, frozenset({"Karar No", "Durum", "Devreden Yıl"})
    )
    return Record(7, [("Karar No", "3"), ("Durum", None)], ("3.0", "Bekliyr"), layout, {"Durum": "seçenek değil"})


def test_an_unknown_header_raises_key_error_naming_it():
    with pytest.raises(KeyError) as caught:
        record()["Kararno"]
    assert caught.value.args == ("'Kararno' sözleşmede bu sayfanın başlığı değil",)


def test_a_known_column_the_workbook_lacks_reads_as_none_and_get_gives_its_default():
    r = record()
    assert r["Devreden Yıl"] is None
    assert r.get("Devreden Yıl", 5) == 5 and r.get("Durum", "yok") == "yok" and r.get("Karar No", "x") == "3"


def test_raw_cells_by_header_with_a_default_for_a_header_not_on_the_sheet():
    raw = record().raw
    assert raw["Karar No"] == "3.0" and raw["Durum"] == "Bekliyr"
    assert raw.get("Durum") == "Bekliyr" and raw.get("Durum", "d") == "Bekliyr"
    assert raw.get("Devreden Yıl") is None and raw.get("Devreden Yıl", "d") == "d"
    assert list(raw) == ["Karar No", "Durum"] and len(raw) == 2
    assert dict(raw) == {"Karar No": "3.0", "Durum": "Bekliyr"}


def test_cell_addresses_and_repr():
    r = record()
    assert r.cell("Durum") == "B7" and r.cell("Devreden Yıl") is None
    assert dict(r.cells) == {"Karar No": "A7", "Durum": "B7"} and len(r.cells) == 2
    assert r.bad == {"Durum": "seçenek değil"} and r.row == 7
    assert repr(r) == "Record(row=7, {'Karar No': '3', 'Durum': None})"
    layout = Layout({}, {})
    assert Record(2, [], (), layout).bad == {} and layout.known == frozenset()
