"""kontrol's registry and runner in the process: what every rule reads (the meetings by number, their dates, a
yes/no setting), how a row is named in a finding, a reference to a row that is not there, the row passes, and
`run_checks`: the read's findings, then the schemas', then each rule in ORDER, each finding once."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.checks import CHECKS, PASSES, Context, findings_of, registry, run_checks, runner
from gockurul_excel.core.model import TEMPLATE_RULE
from gockurul_excel.findings import ERROR, Finding

from .conftest import TODAY
from .kontrol.base import book, change, clean, rows

D = dt.date
IL = "İl Göç Koordinasyon Kurulu"


def context(data, today: dt.date = TODAY) -> Context:
    return Context(data, today, data.board_kind, None)


def meetings_book(**sheets):
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "1", None, "3"],
        kategori=IL,
        tur="Olağan",
        planlanan_tarih=[D(2025, 1, 10), D(2025, 4, 10), D(2025, 7, 10), D(2025, 8, 1), None],
        gerceklesen_tarih=[D(2025, 1, 12), None, None, None, None],
    )
    data.update(sheets)
    return book(rows=data)


def test_the_meetings_by_number_and_their_dates():
    ctx = context(meetings_book())
    assert list(ctx.meetings) == ["1", "2", "3"] and ctx.meetings["1"].row == 2  # the first row of a number
    assert ctx.meeting_date("1") == D(2025, 1, 12) and ctx.meeting_date("2") == D(2025, 4, 10)
    assert ctx.meeting_date("3") is None and ctx.meeting_date("9") is None and ctx.meeting_date(None) is None
    assert ctx.meeting_date("") is None


def test_a_rows_own_meeting_date_is_none_for_a_carried_row():
    kararlar = rows("Kararlar", karar_no=["1", "2"], toplanti_no="1", devreden_yil=[None, 2024])
    data = meetings_book(Kararlar=kararlar)
    own, carried = data.records("Kararlar")
    assert context(data).own_meeting_date(own) == D(2025, 1, 12) and context(data).own_meeting_date(carried) is None


def test_a_yes_no_setting():
    assert context(book(**{"Hudut İlçesi": "Evet"})).flag("Hudut İlçesi") is True
    assert context(book(**{"Hudut İlçesi": "Hayır"})).flag("Hudut İlçesi") is False
    assert context(book(**{"Hudut İlçesi": None})).flag("Hudut İlçesi") is None
    assert context(book()).flag("Olmayan Ayar") is None


def test_record_label_names_a_row_by_its_number_or_its_row():
    kararlar = rows("Kararlar", karar_no=["7", "7", None], toplanti_no="1", devreden_yil=[None, 2024, None])
    r1, r2, r3 = meetings_book(Kararlar=kararlar).records("Kararlar")
    assert registry.record_label(r1, "Karar No", "Karar") == "Karar 7"
    assert registry.record_label(r2, "Karar No", "Karar") == "Karar 7 (2024)"
    assert registry.record_label(r3, "Karar No", "Karar") == "4. satırdaki karar"


def test_a_reference_names_a_row_of_its_target():
    """A plain number names a row of the referring row's year; "2024/5" the row carried from 2024; a carried row's
    meeting is in its own year's book."""
    sorunlar = rows(
        "Sorunlar",
        sorun_no=["5", "5", "6"],
        toplanti_no=["1", "9", "1"],
        alan="Eğitim",
        tespit_edilen_sorun="S",
        durum="Açık",
        devreden_yil=[None, 2024, None],
    )
    kararlar = rows(
        "Kararlar",
        karar_no=["1", "2", "3", "4", "5", "6"],
        toplanti_no=["1", "1", "1", "1", "9", "8"],
        sorun_no=["5", "2024/5", "2023/5", "7", None, "6"],
        devreden_yil=[None, None, None, None, 2024, None],
    )
    data = meetings_book(Sorunlar=sorunlar, Kararlar=kararlar)
    found = list(registry.missing_references(context(data), "Kararlar", "Sorun No", "Sorunlar", "Sorun No", "Ek-1"))
    assert found == [
        Finding(ERROR, "Ek-1", "Kararlar", "L4", "'Sorun No' 2023/5 için 'Sorunlar' sayfasında kayıt yok."),
        Finding(ERROR, "Ek-1", "Kararlar", "L5", "'Sorun No' 7 için 'Sorunlar' sayfasında kayıt yok."),
    ]
    meeting = list(
        registry.missing_references(context(data), "Kararlar", "Toplantı No", "Toplantılar", "Toplantı No", "M12(1)")
    )
    assert meeting == [
        Finding(ERROR, "M12(1)", "Kararlar", "B7", "'Toplantı No' 8 için 'Toplantılar' sayfasında kayıt yok.")
    ]  # not 5's 9: carried
    problems = list(
        registry.missing_references(context(data), "Sorunlar", "Toplantı No", "Toplantılar", "Toplantı No", "Ek-1")
    )
    assert problems == []  # the only 9 is a carried problem's
    del data.tables["Sorunlar"]
    assert (
        list(registry.missing_references(context(data), "Kararlar", "Sorun No", "Sorunlar", "Sorun No", "Ek-1")) == []
    )


def test_a_carried_rows_other_references_are_still_checked():
    """Only a carried row's own meeting is in its year's book: the problem a carried decision is taken on (a
    carried problem, 2024/8) and the meeting of this year that evaluates it must be rows of this book."""
    sorunlar = rows(
        "Sorunlar",
        sorun_no="5",
        toplanti_no="9",
        alan="Eğitim",
        tespit_edilen_sorun="S",
        durum="Açık",
        devreden_yil=2024,
    )
    kararlar = rows(
        "Kararlar",
        karar_no=["1", "2"],
        toplanti_no="9",
        sorun_no=["5", "8"],
        degerlendiren_toplanti_no=["1", "7"],
        devreden_yil=2024,
    )
    data = meetings_book(Sorunlar=sorunlar, Kararlar=kararlar)
    ctx = context(data)
    assert list(registry.missing_references(ctx, "Kararlar", "Sorun No", "Sorunlar", "Sorun No", "Ek-1")) == [
        Finding(ERROR, "Ek-1", "Kararlar", "L3", "'Sorun No' 8 için 'Sorunlar' sayfasında kayıt yok.")
    ]
    evaluator = "Değerlendiren Toplantı No"
    found = list(registry.missing_references(ctx, "Kararlar", evaluator, "Toplantılar", "Toplantı No", "M5(7)"))
    assert [(f.cell, f.message) for f in found] == [
        (data.records("Kararlar")[1].cell(evaluator), f"'{evaluator}' 7 için 'Toplantılar' sayfasında kayıt yok.")
    ]


def test_the_row_passes():
    data = meetings_book()
    ctx = context(data, D(2025, 6, 1))
    assert list(PASSES["meeting_rows"](ctx)) == data.records("Toplantılar")
    scheduled = PASSES["scheduled_meetings"](ctx)
    assert [(m["Toplantı No"], m.row, c.value, d) for m, c, d in scheduled] == [
        ("1", 4, IL, D(2025, 7, 10)),
        ("2", 3, IL, D(2025, 4, 10)),
        ("3", 6, IL, D(2025, 10, 15)),
    ]  # a number's last row; 3, undated, on the first free window's proposal
    assert PASSES["scheduled_meetings"](context(book(rows=clean(), Yıl=None))) == []
    odd = clean()
    odd["Toplantılar"] = rows(
        "Toplantılar", toplanti_no="1", kategori="Kurul", tur="Olağan", planlanan_tarih=D(2025, 3, 3)
    )
    assert PASSES["scheduled_meetings"](context(book(rows=odd), D(2025, 6, 1))) == []  # dated, of no category
    assert list(PASSES["district_follow_up"](ctx)) == []  # nothing merged


def test_findings_of_a_check_alone_and_of_a_pass_check_over_its_items():
    data = meetings_book()
    ctx = context(data, D(2025, 6, 1))
    assert findings_of(CHECKS["meeting_dated"], ctx) == [
        Finding("uyari", TEMPLATE_RULE, "Toplantılar", "D6", "Toplantı 3: ne planlanan ne gerçekleşen tarih yazılmış.")
    ]
    assert findings_of(CHECKS["unique_keys"], ctx) == [
        Finding(ERROR, TEMPLATE_RULE, "Toplantılar", "A4", "Toplantı No 1 birden çok kez yazılmış (ilki 2. satırda).")
    ]


def test_a_pass_runs_its_checks_in_section_order():
    for name in PASSES:
        checks = runner.pass_checks(name)
        assert {c.name for c in checks} == {c.name for c in CHECKS.values() if c.each == name}
        ranks = [runner.SECTION_ORDER.index(c.module.rsplit(".", 1)[-1]) for c in checks]
        assert ranks == sorted(ranks), name
    assert [c.name for c in runner.pass_checks("meeting_rows")][:3] == [
        "held_not_in_future",
        "meeting_dated",
        "meeting_in_book_year",
    ]
    assert runner.pass_checks("meeting_rows")[-1].name == "minutes_after_meeting"  # minutes after meetings


def test_run_checks_gives_the_reads_findings_then_the_schemas_then_the_rules_each_once():
    assert run_checks(book(), TODAY) == []
    data = clean()
    data["Gündem"] += [["1", -1, "Konu"]]
    found = run_checks(book(rows=data), TODAY)
    schema = Finding(ERROR, TEMPLATE_RULE, "Gündem", f"B{len(data['Gündem']) + 1}", "'Sıra' negatif olamaz ('-1').")
    assert found[0] == schema and found.count(schema) == 1
    read = Finding(ERROR, TEMPLATE_RULE, "Ayarlar", None, "okuma")
    b = book(rows=data)
    b.findings.append(read)
    b.findings.append(read)
    assert run_checks(b, TODAY)[:2] == [read, schema]
    assert runner._dedupe([read, schema, read]) == [read, schema]


def test_a_carried_decision_is_evaluated_by_a_meeting_of_this_book():
    """A decision carried from 2024 was taken at a meeting of 2024's book (not looked for here), but the meeting
    that evaluates it is this year's (M5(7)): one missing from Toplantılar is reported."""
    data = clean()
    change(data, "Kararlar", {"Karar No": data["Kararlar"][0][0]}, devreden_yil=2024, toplanti_no="77")
    change(data, "Kararlar", {"Devreden Yıl": 2024}, degerlendiren_toplanti_no="99")
    b = book(rows=data)
    ctx = Context(b, TODAY, b.board_kind, None)
    assert list(CHECKS["decision_meeting_exists"].run(ctx)) == []
    assert list(CHECKS["evaluating_meeting_exists"].run(ctx)) == [
        Finding(
            ERROR, "M5(7)", "Kararlar", "K2", "'Değerlendiren Toplantı No' 99 için 'Toplantılar' sayfasında kayıt yok."
        )
    ]
