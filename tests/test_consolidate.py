"""`birlestir`: district workbooks into the province workbook; the follow-up of district boards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gockurul_excel import contract, example, rules
from gockurul_excel.core import districts as districts_mod
from gockurul_excel.core.checks import run_checks
from gockurul_excel.core.districts import (
    DECISIONS_SHEET,
    FOLLOW_UP_SHEET,
    LOG_SHEET,
    MEETINGS_SHEET,
    district_state_for,
)
from gockurul_excel.core.merge import ADDED, REFUSED, REPLACED, UNCHANGED
from gockurul_excel.core.schedule import build_schedule
from gockurul_excel.files.fill import fill_workbook
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.operations import export_platform, merge_district_workbooks

from .conftest import clean_example_rows, input_snapshot, run_cli

D = dt.date
TODAY = D(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 10, 0)
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
# Hand-checked example: 1,999 → not required; 2,000 and 2,001 → required (M8(1) "2.000 ve üzeri"); a border
# district under 2,000 → required.
DISTRICTS = [
    ["İslahiye", 1_999, "Hayır"],
    ["Nizip", 2_000, "Hayır"],
    ["Şahinbey", 2_001, "Hayır"],
    ["Karkamış", 500, "Evet"],
]


def test_merge_sheets_are_generated_sheets():
    """The merged rows live only in sheets the software owns; input sheets are never written."""
    assert all(contract.is_generated_sheet(name) for name in (*contract.STATE_SHEETS, contract.FOLLOW_UP_SHEET))


@pytest.fixture
def province(tmp_path) -> Path:
    rows = clean_example_rows()
    rows["İlçeler"] = [list(d) for d in DISTRICTS]
    path = tmp_path / "il.xlsx"
    fill_workbook(path, example.example_settings(), rows)
    return path


def meeting(no, day, sent=None, kind="Olağan"):
    return [no, BOARD, kind, day, day, dt.time(10), "Kaymakamlık", sent, None]


def district(
    tmp_path,
    name,
    meetings,
    *,
    decisions=(),
    province="Gaziantep",
    year=2025,
    kind="İlçe",
    file=None,
    population=2_500,
    version=None,
) -> Path:
    settings = {
        "Kurul Türü": kind,
        "İl": province,
        "İlçe": name,
        "Yıl": year,
        "Yabancı Nüfusu": population,
        "Hudut İlçesi": "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
    }
    if version:
        settings[contract.S_VERSION] = version
    members = [[f"{name} Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", "A B", None, None, "Evet"]]
    rows = {
        "Üyeler": members,
        "Toplantılar": meetings,
        "Kararlar": [list(k) for k in decisions],
        "Sorunlar": [[f"S{m[0]}", m[0], "Eğitim", "Okul kaydı sorunu", "Rehberlik", "Açık"] for m in meetings],
        "Katılımcılar": [
            [m[0], 1, f"{name} Kaymakamlığı", "Kaymakam", "A B", "0532 111 22 33", "Hayır"] for m in meetings
        ],
    }
    path = tmp_path / (file or f"{name}-{year}.xlsx")
    fill_workbook(path, settings, rows, overwrite=True)
    return path


def nizip(tmp_path, **kw) -> Path:
    decisions = [
        [
            1,
            1,
            "Okul kayıtları izlenecek",
            "Gerekçe",
            "Amaç",
            "İlçe Milli Eğitim Müdürlüğü",
            D(2025, 6, 30),
            "Devam Ediyor",
        ],
        [2, 2, "Rehberlik sağlanacak", "Gerekçe", "Amaç", "İlçe Milli Eğitim Müdürlüğü", D(2027, 1, 1), "Bekliyor"],
    ]
    return district(
        tmp_path,
        "Nizip",
        [meeting(1, D(2025, 3, 12), D(2025, 3, 20)), meeting(2, D(2025, 10, 15), D(2025, 11, 20))],
        decisions=decisions,
        **kw,
    )


def sahinbey(tmp_path, **kw) -> Path:
    return district(tmp_path, "Şahinbey", [meeting(1, D(2025, 9, 10))], **kw)


def merge(province, *sources, today=TODAY):
    return merge_district_workbooks(province, list(sources), today=today, now=NOW)


def load_state(path: Path):
    """The merged state as the next run reads it back from the province workbook's sheets."""
    return district_state_for(read_workbook(path))


def sheet_values(
    path: Path,
    names=(
        MEETINGS_SHEET,
        DECISIONS_SHEET,
        districts_mod.PROBLEMS_SHEET,
        districts_mod.PARTICIPANTS_SHEET,
        FOLLOW_UP_SHEET,
    ),
) -> dict:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return {n: [tuple(c.value for c in row) for row in wb[n].iter_rows()] for n in names if n in wb.sheetnames}


def log_rows(path: Path) -> list[tuple]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[LOG_SHEET]
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=4)]


# --- merging -------------------------------------------------------------------------------------------


def test_merge_adds_and_is_idempotent(tmp_path, province):
    before = input_snapshot(province)
    a, b = nizip(tmp_path), sahinbey(tmp_path)
    progress = []
    result = merge_district_workbooks(province, [a, b], today=TODAY, now=NOW, progress=progress.append)
    assert [e.action for e in result.entries] == [ADDED, ADDED]
    assert any("Nizip" in p for p in progress)
    first = sheet_values(province)
    state = load_state(province)
    assert sorted(d.district for d in state.districts.values()) == ["Nizip", "Şahinbey"]
    assert [m["Toplantı No"] for m in state.get("Nizip").meetings()] == ["1", "2"]
    assert len(state.get("Nizip").tables[DECISIONS_SHEET]) == 2
    # KVKK: no phone numbers in the province's copy
    assert "0532" not in repr(sheet_values(province, (districts_mod.PARTICIPANTS_SHEET,)))

    written = province.read_bytes()
    again = merge(province, a, b)
    assert [e.action for e in again.entries] == [UNCHANGED, UNCHANGED]
    # issue 25 item 8: the same files again change nothing, not even the log ("değişiklik yok"), and no backup
    assert province.read_bytes() == written and again.backup is None
    assert sheet_values(province) == first
    assert [r[3] for r in log_rows(province)] == [ADDED, ADDED]
    assert input_snapshot(province) == before


def test_a_district_book_without_meetings_is_unchanged_the_second_time(tmp_path, province):
    """Issue 25 item 8: a district book with no meeting yet leaves no row in the merged sheets; merged again it is
    "değişiklik yok" (the log knows it), not "eklendi" with a new log row each time."""
    empty = district(tmp_path, "Nurdağı", [], population=1_200)
    assert [e.action for e in merge(province, empty).entries] == [ADDED]
    written = province.read_bytes()
    again = merge(province, empty)
    assert [e.action for e in again.entries] == [UNCHANGED] and province.read_bytes() == written
    proc = run_cli("birlestir", str(province), str(empty))
    assert proc.returncode == 0 and "değişiklik yok" in proc.stdout and "kitap yazılmadı" in proc.stdout
    assert province.read_bytes() == written


def test_newer_version_replaces_and_log_says_what_changed(tmp_path, province):
    merge(province, nizip(tmp_path))
    newer = district(
        tmp_path,
        "Nizip",
        [meeting(1, D(2025, 3, 13), D(2025, 3, 20)), meeting(3, D(2025, 9, 2))],
        file="nizip-yeni.xlsx",
    )
    result = merge(province, newer)
    (entry,) = result.entries
    assert entry.action == REPLACED
    assert "eklenen toplantı: 3" in entry.reason
    assert "çıkarılan toplantı: 2" in entry.reason
    assert "değişen toplantı: 1" in entry.reason
    state = load_state(province)
    rows = state.get("Nizip")
    assert [m["Toplantı No"] for m in rows.meetings()] == ["1", "3"]
    assert rows.meetings()[0]["Gerçekleşen Tarih"] == D(2025, 3, 13)
    assert rows.tables[DECISIONS_SHEET] == []  # the newer file has none: the old rows are gone
    assert rows.source == "nizip-yeni.xlsx"


def test_wrong_province_year_kind_refused_others_merge(tmp_path, province):
    before = input_snapshot(province)
    other_province = district(tmp_path, "Seyhan", [meeting(1, D(2025, 3, 3))], province="Adana")
    other_year = district(tmp_path, "Nizip", [meeting(1, D(2024, 3, 3))], year=2024)
    a_province = district(tmp_path, "Nizip", [], kind="İl", file="il-kitabi.xlsx")
    good = sahinbey(tmp_path)
    result = merge(province, other_province, other_year, a_province, good, province)
    actions = [(e.file, e.action) for e in result.entries]
    assert actions == [
        (other_province.name, REFUSED),
        (other_year.name, REFUSED),
        (a_province.name, REFUSED),
        (good.name, ADDED),
        (province.name, REFUSED),
    ]
    reasons = [e.reason for e in result.refused]
    assert "Başka ilin dosyası: Adana" in reasons[0]
    assert "Başka yılın dosyası: 2024" in reasons[1]
    assert "il kurulu kitabı" in reasons[2]
    assert "kendisi" in reasons[3]
    assert list(load_state(province).districts) == [districts_mod.district_key("Şahinbey")]
    assert input_snapshot(province) == before


def test_newer_template_refused(tmp_path, province):
    path = district(tmp_path, "Şahinbey", [], version="9.0")
    result = merge(province, path, nizip(tmp_path))
    assert result.entries[1].action == ADDED
    assert result.entries[0].action == REFUSED
    assert "daha yeni bir şablon" in result.entries[0].reason


def test_corrupt_file_in_the_middle(tmp_path, province):
    before = input_snapshot(province)
    bad = tmp_path / "bozuk.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    result = merge(province, nizip(tmp_path), bad, sahinbey(tmp_path))
    assert [e.action for e in result.entries] == [ADDED, REFUSED, ADDED]
    assert "okunamadı" in result.entries[1].reason or "bozuk" in result.entries[1].reason
    assert len(load_state(province).districts) == 2  # fully merged, never half
    assert input_snapshot(province) == before


def test_crash_writes_nothing(tmp_path, province, monkeypatch):
    a, b = nizip(tmp_path), sahinbey(tmp_path)
    original = province.read_bytes()
    from gockurul_excel.files import sources

    real = sources.read_source
    calls = []

    def flaky(path):
        calls.append(path)
        if len(calls) == 2:
            raise RuntimeError("program hatası")
        return real(path)

    monkeypatch.setattr(sources, "read_source", flaky)
    with pytest.raises(RuntimeError):
        merge(province, a, b)
    assert province.read_bytes() == original


def test_folder_of_workbooks_and_platform_folder(tmp_path, province):
    inbox = tmp_path / "gelen"
    inbox.mkdir()
    nizip(inbox)
    (inbox / "~$Nizip-2025.xlsx").write_bytes(b"lock")
    export_platform(sahinbey(tmp_path), inbox / "sahinbey-platform")
    result = merge(province, inbox)
    assert sorted((e.district, e.action) for e in result.entries) == [("Nizip", ADDED), ("Şahinbey", ADDED)]
    rows = load_state(province).get("Şahinbey")
    assert [(m["Toplantı No"], m["Gerçekleşen Tarih"], m["Kategori"], m["Tür"]) for m in rows.meetings()] == [
        ("1", D(2025, 9, 10), BOARD, "Olağan")
    ]
    # the same district from its workbook instead of its platform documents: the participants match, the
    # meeting row differs only by what the platform does not carry (planned date)
    assert rows.tables[districts_mod.PARTICIPANTS_SHEET][0]["Ad-Soyad"] == "A B"


# --- the follow-up view and kontrol ------------------------------------------------------------------------


def test_follow_up_hand_checked(tmp_path, province):
    merge(province, district(tmp_path, "İslahiye", []), nizip(tmp_path), sahinbey(tmp_path))
    data = read_workbook(province)
    state = load_state(province)
    by = {s.district: s for s in districts_mod.district_follow_up(data, state, TODAY)}
    assert [(n, by[n].required) for n in ("İslahiye", "Nizip", "Şahinbey", "Karkamış")] == [
        ("İslahiye", False),
        ("Nizip", True),
        ("Şahinbey", True),
        ("Karkamış", True),
    ]
    assert "hudut" in by["Karkamış"].reason and "2.000 ve üzeri" in by["Nizip"].reason
    assert [w.status for w in by["İslahiye"].windows] == ["gerekmiyor", "gerekmiyor"]
    assert [w.status for w in by["Nizip"].windows] == ["zamaninda", "gec"]  # 15.10 is within M8(3) (31.10)
    assert [w.status for w in by["Şahinbey"].windows] == ["yapilmadi", "zamaninda"]
    assert [w.status for w in by["Karkamış"].windows] == ["yapilmadi", "yapilmadi"]
    assert [w.limit for w in by["Nizip"].windows] == [D(2025, 4, 30), D(2025, 10, 31)]
    # minutes: Nizip 1 in time (20.03 ≤ 27.03), Nizip 2 late (20.11 > 30.10); Şahinbey 1 has no Tebliğ date:
    # the date it reached the province (the merge, 24.11.2026) counts, late
    assert [(m.meeting_no, m.due, m.late) for m in by["Nizip"].minutes] == [
        ("1", D(2025, 3, 27), False),
        ("2", D(2025, 10, 30), True),
    ]
    assert [(m.basis, m.sent, m.late) for m in by["Şahinbey"].minutes] == [(districts_mod.RECEIVED, TODAY, True)]
    assert (by["Nizip"].open_decisions, by["Nizip"].overdue_decisions) == (2, 1)

    found = [f for f in run_checks(data, TODAY) if f.rule in ("M8(1), M8(3)", "M12(5)")]
    errors = sorted(f.message for f in found if f.level == "hata")
    assert len(errors) == 3 and all(f.rule == "M8(1), M8(3)" for f in found if f.level == "hata")
    assert sum("Karkamış" in m for m in errors) == 2 and sum("Şahinbey" in m for m in errors) == 1
    assert "birleştirilmedi" in next(m for m in errors if "Karkamış" in m)
    warnings = [f for f in found if f.level == "uyari"]
    assert sorted((f.rule, "Nizip" in f.message) for f in warnings) == [("M12(5)", False), ("M12(5)", True)]

    # the view itself
    view = sheet_values(province, (FOLLOW_UP_SHEET,))[FOLLOW_UP_SHEET]
    body = {r[0]: r for r in view[3:]}
    assert body["Nizip"][3] == "Evet" and body["İslahiye"][3] == "Hayır"
    assert body["Nizip"][6].startswith("Yapıldı: 15.10.2025") and "geç" in body["Nizip"][6]
    assert body["Karkamış"][5].startswith("Yapılmadı — son gün 30.04.2025")
    assert body["Nizip"][8:10] == (2, 1)


def test_kontrol_and_pano_use_merged_data(tmp_path, province):
    data = read_workbook(province)
    before = build_schedule(data, TODAY)
    assert not [
        f
        for f in run_checks(data, TODAY)
        if f.rule in ("M8(1), M8(3)", "M12(5)")
        and "İlçe GKK" in f.message
        and any(n in f.message for n in ("Nizip", "Karkamış"))
    ]
    assert {e.status for e in before.events if e.district} <= {"gecti"}
    merge(province, nizip(tmp_path), sahinbey(tmp_path))
    s = build_schedule(read_workbook(province), TODAY)
    found = run_checks(read_workbook(province), TODAY)
    district_events = {(e.district, e.date.month): e.status for e in s.events if e.district}
    assert district_events[("Nizip", 3)] == "tamamlandi"
    assert district_events[("Nizip", 9)] == "tamamlandi"
    assert district_events[("Karkamış", 3)] == "gecikti"
    assert district_events[("Şahinbey", 3)] == "gecikti"
    assert any(f.rule == "M8(1), M8(3)" and "Karkamış" in f.message for f in found)
    assert any(f.rule == "M12(5)" and "Nizip" in f.message for f in found)


def test_log_notes_unknown_district_and_clean_file(tmp_path, province):
    result = merge(province, sahinbey(tmp_path), district(tmp_path, "Oğuzeli", [meeting(1, D(2025, 3, 3))]))
    clean, unknown = result.entries
    assert clean.action == ADDED and "Uyarı" not in clean.reason
    assert unknown.action == ADDED and "İlçeler sayfasında yok" in unknown.reason
    assert [
        s.district for s in districts_mod.district_follow_up(read_workbook(province), load_state(province), TODAY)
    ] == ["İslahiye", "Nizip", "Şahinbey", "Karkamış"]


def test_province_workbook_required(tmp_path):
    from gockurul_excel.errors import InvalidArgument

    path = sahinbey(tmp_path)
    with pytest.raises(InvalidArgument):
        merge(path, nizip(tmp_path))


def test_kontrol_reports_follow_up_only_after_merge(tmp_path, province):
    def district_findings():
        return [
            f
            for f in run_checks(read_workbook(province), TODAY)
            if f.rule in ("M8(1), M8(3)", "M12(5)") and f.sheet in ("İlçeler", MEETINGS_SHEET)
        ]

    assert district_findings() == []
    merge(province, nizip(tmp_path))
    found = district_findings()
    # Şahinbey and Karkamış (not merged): both windows each; Nizip: minutes of meeting 2 late
    assert sorted((f.level, f.rule) for f in found) == [("hata", "M8(1), M8(3)")] * 4 + [("uyari", "M12(5)")]
