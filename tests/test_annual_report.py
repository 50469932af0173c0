"""Ek-3 Yıllık Değerlendirme Raporu (M13, KURALLAR §5): content against the example workbook."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl

from gockurul_excel import example, rules
from gockurul_excel.core.schedule import CATEGORY_NAME as NAMES
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.files.writer import write_sheets
from gockurul_excel.sheets import annual_report as annual_report_mod
from gockurul_excel.sheets.formsheet import MAX_ROW_HEIGHT
from gockurul_excel.sheetspec import SheetSpec

from .conftest import clean_example_rows

YEAR = example.YEAR
SUPPORT = (
    "Göçmen sağlığı merkezleri için Başkanlıktan tercüman kadrosu ve ödenek desteği beklenmektedir.\n"
    "Mobil aşı ekiplerine araç ve personel desteği sağlanması önerilmektedir."
)
CONCLUSION = "Kurullar olağan toplantılarını zamanında yapmış; İlçe kurullarının katılımı güçlendirilmelidir."
Category = rules.MeetingCategory


def report_rows() -> dict[str, list[list]]:
    rows = clean_example_rows()
    rows["Yıllık Rapor"] = [[YEAR - 1, "Geçen yılın desteği", "Geçen yılın sonucu"], [YEAR, SUPPORT, CONCLUSION]]
    return rows


def cells(spec: SheetSpec) -> dict[tuple[int, int], object]:
    out = {}
    for b in spec.blocks:
        for r, row in enumerate(b.values):
            for c, v in enumerate(row):
                if v is not None:
                    out[(b.row + r, b.col + c)] = v
    return out


def rows_of(spec: SheetSpec) -> dict[int, list]:
    out: dict[int, list] = {}
    for (r, _c), v in sorted(cells(spec).items()):
        out.setdefault(r, []).append(v)
    return out


def item_row(spec: SheetSpec, label: str) -> int:
    return next(r for (r, c), v in cells(spec).items() if c == 2 and v == label)


def region(spec: SheetSpec, start_label: str, end_label: str | None) -> dict[int, list]:
    start = item_row(spec, start_label)
    end = item_row(spec, end_label) if end_label else 10**9
    return {r: vs for r, vs in rows_of(spec).items() if start <= r < end}


def row_with(rows: dict[int, list], text: str) -> int | None:
    return next((r for r, vs in rows.items() if text in vs), None)


def build(make_book, rows=None, **kw) -> SheetSpec:
    return annual_report_mod.annual_report_sheet(read_workbook(make_book(rows=rows or report_rows(), **kw)), YEAR)


def test_form_heading_numbering_and_print_setup(make_book):
    spec = build(make_book)
    assert spec.name == f"Ek-3 {YEAR}"
    grid = cells(spec)
    assert grid[(1, 1)] == f"{YEAR} YILI"
    assert grid[(2, 1)] == "GÖÇ KOORDİNASYON KURULLARI YILLIK DEĞERLENDİRME RAPORU"
    labels = [
        annual_report_mod.ITEM_1,
        annual_report_mod.ITEM_2,
        annual_report_mod.ITEM_3,
        annual_report_mod.ITEM_4,
        annual_report_mod.ITEM_5,
        annual_report_mod.ITEM_6,
        annual_report_mod.PREPARED_BY,
    ]
    found = [item_row(spec, label) for label in labels]
    assert found == sorted(found)  # items in the annex's order
    assert [grid[(r, 1)] for r in found] == ["1", "2", "3", "4", "5", "6", "7"]
    assert grid[(found[0], 4)] == example.PROVINCE
    # The annex's italic notes, under items 2, 3 and 6.
    italic = {v for b in spec.blocks if b.style == "italic" for row in b.values for v in row if v}
    assert {annual_report_mod.NOTE_2, annual_report_mod.NOTE_3, annual_report_mod.NOTE_6} <= italic
    assert "(HANGİ KARARLAR ALINDI VE ALINAN KARARLAR YERİNE GETİRİLDİ Mİ?" in annual_report_mod.NOTE_3
    assert {annual_report_mod.PREPARED_BY_BODY, annual_report_mod.APPROVED_BY_BODY} <= italic
    ps = spec.print_setup
    assert ps.orientation == "portrait" and ps.paper == "A4" and ps.fit_to_width and ps.title_rows == (1, 2)
    last, width = spec.extent()
    assert ps.area == f"A1:F{last}" and width == len(annual_report_mod.WIDTHS)
    assert all(0 < h <= MAX_ROW_HEIGHT for h in spec.row_heights.values())


def test_every_decision_of_the_year_with_status_result_and_difficulty(make_book):
    spec = build(make_book)
    rows = region(spec, annual_report_mod.ITEM_3, annual_report_mod.ITEM_4)
    decisions = clean_example_rows()["Kararlar"]
    assert decisions
    for no, _meeting, text, _why, _aim, _who, _due, status, reason, evaluation, *_ in decisions:
        r = row_with(rows, text)
        assert r is not None, text
        assert str(no) in rows[r] and status in rows[r]
        if evaluation:
            assert evaluation in rows[r]
        if reason:
            assert reason in rows[r]
    summary = next(v[0] for v in rows.values() if str(v[0]).startswith(f"{YEAR} yılında kurullarda"))
    assert f"{len(decisions)} karar alındı" in summary and "1 uygulanamadı" in summary


def test_problems_grouped_by_board_type(make_book):
    spec = build(make_book)
    rows = region(spec, annual_report_mod.ITEM_2, annual_report_mod.ITEM_3)
    heads = {c: next(r for r, vs in rows.items() if str(vs[0]).startswith(NAMES[c])) for c in Category}
    assert heads[Category.PROVINCE_BOARD] < heads[Category.SUBCOMMISSION] < heads[Category.DISTRICT_BOARD]
    bounds = {
        Category.PROVINCE_BOARD: (heads[Category.PROVINCE_BOARD], heads[Category.SUBCOMMISSION]),
        Category.SUBCOMMISSION: (heads[Category.SUBCOMMISSION], heads[Category.DISTRICT_BOARD]),
        Category.DISTRICT_BOARD: (heads[Category.DISTRICT_BOARD], 10**9),
    }
    category_of = {m[0]: Category(m[1]) for m in example.MEETINGS}
    for no, meeting, area, text, _solution, status in example.PROBLEMS:
        r = row_with(rows, text)
        low, high = bounds[category_of[meeting]]
        assert r is not None and low < r < high, text
        assert {str(no), area, status} <= set(rows[r])
        assert any(str(v).startswith(("İl GKK " + str(meeting), "Alt Komisyon " + str(meeting))) for v in rows[r])
    # No district workbook merged into the province's example: the report says as a fact which districts that must
    # hold boards (M8(1)) it does not cover, claims no count of their meetings, and tells the user nothing to do
    # (KURALLAR §5: that is kontrol's).
    head, note = rows[heads[Category.DISTRICT_BOARD]][0], rows[heads[Category.DISTRICT_BOARD] + 1][0]
    assert head == NAMES[Category.DISTRICT_BOARD]
    assert "bu rapora girmeyen ilçeler" in note and "Şahinbey" in note and "Oğuzeli" not in note
    assert heads[Category.DISTRICT_BOARD] + 2 not in rows


def test_only_the_years_meetings_count(make_book):
    rows = report_rows()
    rows["Toplantılar"].append(
        [
            20,
            example.BOARD,
            "Olağan",
            dt.date(YEAR - 1, 10, 15),
            dt.date(YEAR - 1, 10, 15),
            dt.time(10),
            example.HALL,
            None,
            None,
            None,
        ]
    )
    rows["Sorunlar"].append([20, 20, "Eğitim", "Geçen yılın sorunu", None, "Açık"])
    rows["Kararlar"].append(
        [
            40,
            20,
            "Geçen yılın kararına",
            "Gerekçe",
            "Amaç",
            "İl Göç İdaresi Müdürlüğü",
            dt.date(YEAR - 1, 12, 31),
            "Uygulanamadı",
            "Geçen yılın sebebi",
            None,
            None,
            20,
        ]
    )
    texts = {v for v in cells(build(make_book, rows)).values()}
    assert not {"Geçen yılın sorunu", "Geçen yılın kararına", "Geçen yılın sebebi"} & texts
    assert "Geçen yılın desteği" not in texts and SUPPORT.splitlines()[0] in texts


def test_item_4_unresolved_problems_with_decisions_and_decisions_not_implemented(make_book):
    rows = report_rows()
    rows["Sorunlar"].append([11, 8, "Sağlık", "Kararı henüz alınmamış açık sorun.", None, "Açık"])
    spec = build(make_book, rows)
    item4 = region(spec, annual_report_mod.ITEM_4, annual_report_mod.ITEM_5)
    not_done_head = row_with(item4, "b) Uygulanamayan kararlar ve sebepleri")
    part_a = {r: v for r, v in item4.items() if r < not_done_head}
    part_b = {r: v for r, v in item4.items() if r > not_done_head}
    problems = {p[0]: p for p in example.PROBLEMS}
    # Çözülemedi (8, decision 6) and still Açık with a decision (2, decision 2) are listed with their decisions.
    r8 = row_with(part_a, problems[8][3])
    assert r8 is not None and "Çözülemedi" in part_a[r8] and "Karar 6 (Uygulanamadı)" in part_a[r8]
    r2 = row_with(part_a, problems[2][3])
    assert r2 is not None and "Açık" in part_a[r2] and "Karar 2 (Devam Ediyor)" in part_a[r2]
    assert row_with(part_a, problems[1][3]) is None  # Çözüldü
    assert row_with(part_a, "Kararı henüz alınmamış açık sorun.") is None  # no decision taken on it
    assert (
        row_with(region(spec, annual_report_mod.ITEM_2, annual_report_mod.ITEM_3), "Kararı henüz alınmamış açık sorun.")
        is not None
    )
    # Decisions not implemented, with their reasons (M13(4)); only those.
    decision_6 = next(d for d in clean_example_rows()["Kararlar"] if d[0] == 6)
    r6 = row_with(part_b, decision_6[2])
    assert r6 is not None and decision_6[8] in part_b[r6]
    listed = [vs for vs in part_b.values() if vs[0] not in ("Karar No",)]
    assert len(listed) == 1


def test_items_5_and_6_come_from_the_yillik_rapor_sheet(make_book):
    spec = build(make_book)
    item5 = region(spec, annual_report_mod.ITEM_5, annual_report_mod.ITEM_6)
    item6 = region(spec, annual_report_mod.ITEM_6, annual_report_mod.PREPARED_BY)
    # One row per paragraph.
    for line in SUPPORT.splitlines():
        assert row_with(item5, line) is not None
    assert row_with(item6, CONCLUSION) is not None
    assert "Geçen yılın sonucu" not in cells(spec).values()


def test_empty_items_5_and_6_print_room_to_write_and_kontrol_says_what_is_missing(make_book):
    """KURALLAR §5: the signed page carries no note to the software's user; an empty item gets blank lines."""
    from gockurul_excel.core.annual import report_gaps

    rows = clean_example_rows()
    rows["Yıllık Rapor"] = [[YEAR, None, "Yalnız sonuç yazıldı."]]
    path = make_book(rows=rows)
    spec = annual_report_mod.annual_report_sheet(read_workbook(path), YEAR)
    assert not [b for b in spec.blocks if b.style == "uyari"]
    item5 = region(spec, annual_report_mod.ITEM_5, annual_report_mod.ITEM_6)
    assert len(item5) == 1  # the heading only: its text row is empty, tall enough to write by hand
    blank = item_row(spec, annual_report_mod.ITEM_5) + 1
    assert spec.row_heights[blank] >= annual_report_mod.BLANK_LINES * 15
    item6 = region(spec, annual_report_mod.ITEM_6, annual_report_mod.PREPARED_BY)
    assert row_with(item6, "Yalnız sonuç yazıldı.") is not None
    gaps = report_gaps(read_workbook(path), YEAR)
    assert [g for g in gaps if "madde 5" in g.message and "'Beklenen Destekler'" in g.message]
    assert not [g for g in gaps if "madde 6" in g.message]


def test_workbook_without_yillik_rapor_sheet_says_to_upgrade_in_findings_not_on_the_page(make_book):
    from gockurul_excel.core.annual import report_gaps

    path = make_book(rows=clean_example_rows(), version="1.1")
    spec = annual_report_mod.annual_report_sheet(read_workbook(path), YEAR)
    assert not [v for b in spec.blocks for row in b.values for v in row if isinstance(v, str) and "gockurul" in v]
    gaps = [g for g in report_gaps(read_workbook(path), YEAR) if "guncelle" in g.message]
    assert len(gaps) == 2


def test_long_text_is_split_into_rows_excel_can_show(make_book):
    sentence = "Kurulların etkinliği için kurumlar arası koordinasyon güçlendirilmeli ve izleme sıklaştırılmalıdır. "
    long_text = (sentence * 60).strip()
    rows = clean_example_rows()
    rows["Yıllık Rapor"] = [[YEAR, SUPPORT, long_text]]
    spec = build(make_book, rows)
    item6 = region(spec, annual_report_mod.ITEM_6, annual_report_mod.PREPARED_BY)
    pieces = [vs[0] for r, vs in item6.items() if r > item_row(spec, annual_report_mod.ITEM_6) + 1]
    assert len(pieces) > 1 and " ".join(pieces) == long_text
    assert all(spec.row_heights[r] <= MAX_ROW_HEIGHT for r in item6)


def test_signature_block_names_preparer_and_chair(make_book):
    spec = build(make_book)
    block = region(spec, annual_report_mod.PREPARED_BY, None)
    flat = [v for vs in block.values() for v in vs]
    assert (
        annual_report_mod.APPROVED_BY in flat
        and annual_report_mod.PREPARED_BY_BODY in flat
        and annual_report_mod.APPROVED_BY_BODY in flat
    )
    assert "Kurul Başkanı: Kemal Çeber" in flat and "Unvan: Vali" in flat
    assert any(str(v).startswith("Ad Soyad: ") and len(str(v)) > len("Ad Soyad: ") for v in flat)
    assert flat.count("İmza:") == 2


def test_regenerating_is_identical_and_keeps_turkish_letters(make_book):
    path = make_book(rows=report_rows())
    first = annual_report_mod.annual_report_sheet(read_workbook(path), YEAR)
    assert first == annual_report_mod.annual_report_sheet(read_workbook(path), YEAR)
    write_sheets(path, [first], make_backup=False)
    after_first = _parts(path)
    second = annual_report_mod.annual_report_sheet(read_workbook(path), YEAR)  # the generated sheet is not an input
    assert second == first
    write_sheets(path, [second], make_backup=False)
    assert _parts(path) == after_first
    wb = openpyxl.load_workbook(path)
    ws = wb[f"Ek-3 {YEAR}"]
    values = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "GÖÇ KOORDİNASYON KURULLARI YILLIK DEĞERLENDİRME RAPORU" in values
    assert "KURULLARDA KARAR ALINMASINA RAĞMEN ÇÖZÜLEMİYEN SORUNLAR:" in values
    assert "Göçmen sağlığı merkezlerinde tercüman eksikliği." in values
    assert SUPPORT.splitlines()[0] in values
    assert ws.print_title_rows.replace("$", "") == "1:2" and ws.page_setup.orientation == "portrait"


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_forty_decisions_each_get_a_row(make_book):
    rows = report_rows()
    for i in range(1, 41):
        rows["Kararlar"].append(
            [
                100 + i,
                8,
                f"Ek karar {i}: ÖRNEKKARAR{i:02d} uygulanmasına",
                "Gerekçe",
                "Amaç",
                "İl Göç İdaresi Müdürlüğü",
                dt.date(YEAR, 12, 31),
                "Devam Ediyor",
                None,
                None,
                None,
                None,
            ]
        )
    spec = build(make_book, rows)
    item3 = region(spec, annual_report_mod.ITEM_3, annual_report_mod.ITEM_4)
    found = [row_with(item3, f"Ek karar {i}: ÖRNEKKARAR{i:02d} uygulanmasına") for i in range(1, 41)]
    assert None not in found and found == sorted(found) and len(set(found)) == 40


def test_year_without_meetings_says_so(make_book):
    spec = annual_report_mod.annual_report_sheet(read_workbook(make_book(rows=report_rows())), YEAR + 5)
    assert spec.name == f"Ek-3 {YEAR + 5}" and cells(spec)[(1, 1)] == f"{YEAR + 5} YILI"
    texts = [v for v in cells(spec).values() if isinstance(v, str)]
    assert f"{YEAR + 5} yılında kurullarda alınan karar kayıtlı değil." in texts
    assert "Karar No" not in texts and "Sorun No" not in texts
    # held meetings only; the district boards of a province that merged no district book are not counted at all
    assert sum("toplantısı yapılmamıştır" in t for t in texts) == 2
    assert any("bu rapora girmeyen ilçeler" in t for t in texts)
