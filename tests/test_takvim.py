"""`gockurul takvim`: JSON contract, Takvim and Pano sheets, the Outlook (.ics) file."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from icalendar import Calendar

from .conftest import clean_example_rows, input_snapshot, run_cli

TYPES = {
    "il_gkk",
    "ilce_gkk",
    "alt_komisyon",
    "gundem_hazirlik",
    "gundem_onerisi",
    "bildirim",
    "tutanak_teblig",
    "platform_giris",
    "yillik_rapor",
    "yillik_rapor_platform",
    "karar_suresi",
    "ilk_kurul",
    "proje_ara_rapor",
    "proje_nihai_rapor",
}


def takvim_json(path, today="2025-06-20"):
    proc = run_cli("takvim", str(path), "--json", "--bugun", today)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def test_json_contract_and_determinism(make_book):
    path = make_book()
    before = path.read_bytes()
    out = takvim_json(path)
    assert out == takvim_json(path)  # deterministic for a given --bugun
    assert path.read_bytes() == before  # --json only reads
    events = json.loads(out)
    assert events and [e["tarih"] for e in events] == sorted(e["tarih"] for e in events)
    for e in events:
        assert {"tur", "tarih", "toplanti_no", "aciklama"} <= set(e)
        assert e["tur"] in TYPES
        dt.date.fromisoformat(e["tarih"])
        assert e["durum"] in ("tamamlandi", "yaklasiyor", "gecikti", "gecti")
        assert "M" in e["aciklama"] or "GK(" in e["aciklama"] or "Ek-1" in e["aciklama"]


def test_proposals_have_no_meeting_number(make_book):
    rows = clean_example_rows()
    rows["Toplantılar"] = [m for m in rows["Toplantılar"] if m[0] != 8]
    events = json.loads(takvim_json(make_book(rows=rows)))
    proposals = [e for e in events if e.get("oneri") and e["tur"] == "il_gkk"]
    assert len(proposals) == 1 and proposals[0]["toplanti_no"] is None and proposals[0]["tarih"] == "2025-10-15"


def test_sheets_written_and_inputs_untouched(make_book, tmp_path):
    path = make_book()
    before = input_snapshot(path)
    ics = tmp_path / "takvim.ics"
    proc = run_cli("takvim", str(path), "--bugun", "2025-06-20", "--ics", str(ics))
    assert proc.returncode == 0, proc.stderr
    assert input_snapshot(path) == before
    wb = openpyxl.load_workbook(path)
    ws = wb["Takvim"]
    assert ws["A3"].value == "Tarih" and ws["A4"].is_date and ws.freeze_panes == "A4"
    dates = [
        ws.cell(r, 1).value
        for r in range(4, ws.max_row + 1)
        if ws.cell(r, 4).value and ws.cell(r, 1).is_date and ws.cell(r, 5).value is not None
    ]
    assert dates == sorted(dates)
    pano = wb["Pano"]
    texts = [c.value for row in pano.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Kararların durumu" in texts and any(t.startswith("Önümüzdeki 30 gün") for t in texts)


def test_ics_parses_with_unique_stable_uids_and_alarms(make_book, tmp_path):
    path = make_book()
    ics = tmp_path / "takvim.ics"
    assert (
        run_cli(
            "takvim", str(path), "--json", "--bugun", "2025-06-20", "--ics", str(ics), "--hatirlatma", "5"
        ).returncode
        == 0
    )
    events = json.loads(takvim_json(path))
    cal = Calendar.from_ical(ics.read_bytes())
    vevents = list(cal.walk("VEVENT"))
    assert len(vevents) == len(events)
    uids = [str(v["UID"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    first = vevents[0]
    assert isinstance(first.decoded("DTSTART"), dt.date) and not isinstance(first.decoded("DTSTART"), dt.datetime)
    upcoming = [v for v in vevents if "Yaklaşıyor" in str(v["DESCRIPTION"])]
    assert upcoming and all(v.walk("VALARM") for v in upcoming)
    assert all(alarm.decoded("TRIGGER") == dt.timedelta(days=-5) for v in upcoming for alarm in v.walk("VALARM"))
    done = [v for v in vevents if "Tamamlandı" in str(v["DESCRIPTION"])]
    assert done and not any(v.walk("VALARM") for v in done)
    assert any("İl GKK" in str(v["SUMMARY"]) for v in vevents)

    # A re-planned meeting keeps its UID: Outlook updates it instead of adding a duplicate.
    rows = clean_example_rows()
    rows["Toplantılar"][7][4] = None  # meeting 8 not held yet ...
    rows["Toplantılar"][7][3] = dt.date(2025, 10, 20)  # ... and planned for another day
    rows["Toplantılar"][7][7] = rows["Toplantılar"][7][8] = None
    path2 = make_book(rows=rows, name="yeni.xlsx")
    ics2 = tmp_path / "yeni.ics"
    assert run_cli("takvim", str(path2), "--json", "--bugun", "2025-06-20", "--ics", str(ics2)).returncode == 0
    old = {str(v["UID"]): v.decoded("DTSTART") for v in vevents}
    new = {str(v["UID"]): v.decoded("DTSTART") for v in Calendar.from_ical(ics2.read_bytes()).walk("VEVENT")}
    moved = [uid for uid in old if uid in new and old[uid] == dt.date(2025, 10, 15)]
    assert moved and all(new[uid] == dt.date(2025, 10, 20) for uid in moved)
    assert set(old) == set(new)


def test_takvim_on_bad_file(tmp_path):
    path = tmp_path / "bozuk.xlsx"
    path.write_bytes(b"PK\x03\x04 bozuk")
    proc = run_cli("takvim", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.startswith("HATA:")
