"""Nothing is ever lost (issue 14): every output path, concurrent saves, symlinks, our own backups, sources,
platform folders, hostile JSON and Excel's sheet-name rule — through the real command line, on real files, in
real processes: the user's bytes unchanged or a backup present, a Turkish message, the right exit code, never a
traceback."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from gockurul_excel import contract, example, rules
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import writer as writer_mod
from gockurul_excel.files.fill import fill_workbook
from gockurul_excel.files.template import template_fingerprint
from gockurul_excel.operations import export_platform
from gockurul_excel.sheets.formsheet import sheet_name
from gockurul_excel.sheetspec import Block, SheetSpec

from .conftest import ROOT, TODAY, clean_example_rows, run_cli

DAY = TODAY.isoformat()
M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def assert_clean(proc: subprocess.CompletedProcess, code: int | tuple[int, ...], *words: str) -> None:
    """The exit code, a Turkish message with `words`, and no Python internals on screen."""
    codes = code if isinstance(code, tuple) else (code,)
    shown = proc.stdout + proc.stderr
    assert proc.returncode in codes, shown
    assert "Traceback" not in shown and "beklenmeyen" not in shown.lower(), shown
    for word in words:
        assert word in shown, shown


def backups(folder: Path) -> list[Path]:
    return sorted((folder / "Yedekler").iterdir()) if (folder / "Yedekler").is_dir() else []


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def sheetnames(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("xl/workbook.xml"))
    return [s.get("name") for s in root.iter(f"{{{M}}}sheet")]


# --- 1. takvim --ics: never a calendar over a workbook or a file of another kind ---------------------------


def test_ics_never_replaces_a_workbook_or_a_file_of_another_kind(make_book, tmp_path):
    book = make_book()
    other = make_book(name="diger.xlsx")
    disguised = tmp_path / "takvim.ics"  # a workbook renamed: its bytes say what it is
    disguised.write_bytes(other.read_bytes())
    pdf = tmp_path / "rapor.ics"
    pdf.write_bytes(b"%PDF-1.7\n...")
    before = {p: p.read_bytes() for p in (book, other, disguised, pdf)}

    for target in (book, other):
        assert_clean(run_cli("takvim", str(book), "--ics", str(target), "--bugun", DAY), 2, ".ics ile bitmeli")
    assert_clean(
        run_cli("takvim", str(book), "--ics", str(disguised), "--bugun", DAY),
        2,
        "'takvim.ics' bir Excel çalışma kitabı",
        "yazılmadı",
    )
    assert_clean(run_cli("takvim", str(book), "--ics", str(pdf), "--bugun", DAY), 2, "bir PDF belgesi")

    assert {p: p.read_bytes() for p in before} == before  # the workbook itself was not written either
    assert backups(tmp_path) == [] and leftovers(tmp_path) == []


def test_ics_replaces_a_calendar_after_a_backup_and_not_at_all_when_unchanged(make_book, tmp_path):
    book = make_book()
    folder = tmp_path / "takvimler"
    folder.mkdir()
    ics = folder / "kurul.ics"
    outlook = b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook//TR\r\nEND:VCALENDAR\r\n"
    ics.write_bytes(outlook)

    first = run_cli("takvim", str(book), "--ics", str(ics), "--bugun", DAY)
    assert_clean(first, 0, "Takvim dosyasının önceki hali yedeklendi")
    (saved,) = backups(folder)
    assert saved.read_bytes() == outlook
    assert b"gockurul_excel" in ics.read_bytes()
    book_backups = backups(tmp_path)
    assert len(book_backups) == 1  # the workbook's first write backed it up

    made, mtime = ics.read_bytes(), os.stat(book).st_mtime_ns
    again = run_cli("takvim", str(book), "--ics", str(ics), "--bugun", DAY)
    assert_clean(again, 0)
    assert "yedeklendi" not in again.stdout  # same day, same content: nothing written, no backup
    assert backups(folder) == [saved] and backups(tmp_path) == book_backups
    assert ics.read_bytes() == made and os.stat(book).st_mtime_ns == mtime


# --- 2. sablon / yeni: refuse an existing file unless --uzerine-yaz, a backup then ---------------------------


def test_sablon_and_yeni_refuse_an_existing_workbook_unless_told(make_book, tmp_path):
    existing = make_book(name="MEVCUT.xlsx")
    original = existing.read_bytes()

    assert_clean(run_cli("sablon", str(existing)), 2, "zaten var", "--uzerine-yaz")
    assert_clean(
        run_cli("yeni", str(existing), "--tur", "il", "--il", "Kilis", "--yil", "2026", "--yabanci-nufus", "5"),
        2,
        "zaten var",
        "--uzerine-yaz",
    )
    assert existing.read_bytes() == original and backups(tmp_path) == []

    assert_clean(run_cli("sablon", str(existing), "--uzerine-yaz"), 0, "Şablon yazıldı")
    assert template_fingerprint(existing) == template_fingerprint(ROOT / "sablon.xlsx")
    (saved,) = backups(tmp_path)
    assert saved.read_bytes() == original

    assert_clean(
        run_cli(
            "yeni",
            str(existing),
            "--tur",
            "il",
            "--il",
            "Kilis",
            "--yil",
            "2026",
            "--yabanci-nufus",
            "5",
            "--uzerine-yaz",
        ),
        0,
    )
    assert len(backups(tmp_path)) == 2 and leftovers(tmp_path) == []


# --- 3. concurrent saves ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def big_book(tmp_path_factory) -> Path:
    """A 16× workbook (bench/generate.py), made once per session."""
    path = tmp_path_factory.mktemp("buyuk") / "kitap16.xlsx"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--boyut", "16", "--cikti", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return path


def _wait_for_temp(proc: subprocess.Popen, folder: Path, timeout: float = 240) -> bool:
    """Poll until the command's temporary file exists (it is writing); False when it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(folder.glob(".~gockurul-*.tmp")):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    raise AssertionError("the command never started writing")


def test_an_external_save_during_a_write_of_a_16x_workbook_survives(big_book, make_book, tmp_path):
    colleague = make_book(name="meslektas.xlsx").read_bytes()  # what someone else saves meanwhile
    for trial in range(3):
        folder = tmp_path / f"deneme{trial}"
        folder.mkdir()
        path = folder / "KITAP.xlsx"
        shutil.copyfile(big_book, path)
        proc = subprocess.Popen(
            [sys.executable, "-m", "gockurul_excel", "kontrol", str(path), "--bugun", DAY],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        try:
            writing = _wait_for_temp(proc, folder)
            # the colleague's program saves as Excel does: a new file renamed over the workbook
            incoming = folder / "kaydedilen.tmp"
            incoming.write_bytes(colleague)
            os.replace(incoming, path)
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        assert writing, f"trial {trial}: the write ended before the save landed:\n{out}{err}"
        assert path.read_bytes() == colleague, f"trial {trial}: the colleague's save was undone"
        done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        assert_clean(done, 2, "başka bir kullanıcı ya da program tarafından kaydedildi", "O kayıt korundu")
        assert leftovers(folder) == [], f"trial {trial}"


WRITERS = {  # command -> the sheets it writes (each its own)
    ("tutanak", "--toplanti", "1"): ["Ek-1 1"],
    ("katilimci", "--toplanti", "2"): ["Ek-2 2"],
    ("yillik",): [f"Ek-3 {example.YEAR}"],
    ("eylem", "--bugun", DAY): [contract.ACTION_PLAN_SHEET],
}


def test_four_writers_at_once_each_see_their_sheets_or_a_refusal(make_book):
    path = make_book()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    procs = {
        args: subprocess.Popen(
            [sys.executable, "-m", "gockurul_excel", args[0], str(path), *args[1:]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for args in WRITERS
    }
    results = {
        args: subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for args, p in procs.items()
    }
    names = sheetnames(path)
    succeeded = 0
    for args, proc in results.items():
        if proc.returncode == 0:
            succeeded += 1
            missing = [s for s in WRITERS[args] if s not in names]
            assert not missing, f"{args[0]} reported success but {missing} is not in the workbook"
        else:
            assert_clean(proc, 2)
            assert "başka bir gockurul işlemi" in proc.stderr or "kaydedildi" in proc.stderr, proc.stderr
    assert succeeded >= 1
    assert openpyxl.load_workbook(path).sheetnames  # one whole workbook, not a mix
    assert leftovers(path.parent) == []


# --- 4. sources are chosen, not globbed --------------------------------------------------------------------

BOARD = rules.MeetingCategory.DISTRICT_BOARD.value


def _district(path: Path, meetings: list[dt.date]) -> Path:
    settings = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": "Nizip",
        "Yıl": 2025,
        "Yabancı Nüfusu": 2500,
        "Hudut İlçesi": "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
    }
    rows = {
        "Üyeler": [["Nizip Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", "A B", None, None, "Evet"]],
        "Toplantılar": [
            [i, BOARD, "Olağan", d, d, dt.time(10), "Kaymakamlık", None, None] for i, d in enumerate(meetings, start=1)
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fill_workbook(path, settings, rows, overwrite=True)
    return path


@pytest.fixture
def province(tmp_path) -> Path:
    rows = clean_example_rows()
    rows["İlçeler"] = [["Nizip", 2_000, "Hayır"]]
    path = tmp_path / "il.xlsx"
    fill_workbook(path, example.example_settings(), rows)
    return path


def test_birlestir_leaves_out_backups_hidden_and_lock_files_and_says_so(province, tmp_path):
    folder = tmp_path / "KLASOR"
    current = _district(folder / "Nizip-2025.xlsx", [dt.date(2025, 3, 12), dt.date(2025, 10, 15)])
    # an older version in the program's backups, a hidden copy, the lock files of Excel and LibreOffice
    _district(folder / "Yedekler" / "Nizip-2025_20250301-101010-000000.xlsx", [dt.date(2025, 3, 12)])
    shutil.copyfile(current, folder / ".Nizip-kopya.xlsx")
    (folder / "~$Nizip-2025.xlsx").write_bytes(b"\x0bkullanici")
    (folder / ".~lock.Nizip-2025.xlsx#").write_text("kullanici,makine,...", encoding="utf-8")

    proc = run_cli("birlestir", str(province), str(folder), "--bugun", DAY)
    assert_clean(proc, 0, "Yedekler — programın yedekleri", "gizli dosya", "kilit/geçici dosyası")
    taken = [line for line in proc.stdout.splitlines() if not line.startswith(("Alınmadı", "Önceki"))]
    assert len(taken) == 1 and "Nizip-2025.xlsx" in taken[0], proc.stdout
    assert "çıkarılan" not in proc.stdout
    meetings = openpyxl.load_workbook(province)["İlçe Toplantıları"]
    assert sum(1 for row in meetings.iter_rows(values_only=True) if row[0] == "Nizip") == 2


# --- 5. a platform folder belongs to one workbook ------------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_second_workbook_never_takes_over_a_platform_folder(make_book, tmp_path):
    first = make_book(name="gaziantep.xlsx")
    second = make_book(settings={**example.example_settings(), "İl": "Kilis"}, name="kilis.xlsx")
    out = tmp_path / "platform"
    assert_clean(run_cli("platform", str(first), "--cikti", str(out)), 0)
    exported = _files(out)

    proc = run_cli("platform", str(second), "--cikti", str(out))
    assert_clean(proc, 2, "başka bir kitabın platform dosyaları var", "Gaziantep 2025", "başka bir klasör")
    assert _files(out) == exported
    assert_clean(run_cli("platform", str(second), "--cikti", str(tmp_path / "kilis")), 0)
    assert_clean(run_cli("platform", str(first), "--cikti", str(out)), 0)  # its own folder: replaced in place
    assert _files(out) == exported


def test_a_foreign_manifest_or_file_is_never_deleted_or_replaced(make_book, tmp_path):
    book = make_book()
    foreign = tmp_path / "yabanci"
    foreign.mkdir()
    (foreign / "manifest.json").write_text(json.dumps({"belgeler": [{"dosya": "notlar.json"}]}), encoding="utf-8")
    (foreign / "notlar.json").write_text('{"not": "önemli"}', encoding="utf-8")
    before = _files(foreign)
    assert_clean(
        run_cli("platform", str(book), "--cikti", str(foreign)),
        2,
        "manifest.json bu programın yazdığı bir dosya listesi değil",
    )
    assert _files(foreign) == before

    # a file of the export's names that no manifest of ours lists: not ours, not replaced
    loose = tmp_path / "karisik"
    loose.mkdir()
    (loose / "gaziantep-2025-toplanti-1.json").write_text("kullanıcının dosyası", encoding="utf-8")
    (loose / "oku-beni.txt").write_text("başka bir dosya", encoding="utf-8")
    before = _files(loose)
    assert_clean(
        run_cli("platform", str(book), "--cikti", str(loose)), 2, "gaziantep-2025-toplanti-1.json", "yazmadığı"
    )
    assert _files(loose) == before
    (loose / "gaziantep-2025-toplanti-1.json").unlink()
    assert_clean(run_cli("platform", str(book), "--cikti", str(loose)), 0)
    assert (loose / "oku-beni.txt").read_text(encoding="utf-8") == "başka bir dosya"


# --- 6. symlinks and read-only files ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_write_through_a_symlink_lands_in_the_real_workbook(make_book, tmp_path):
    (tmp_path / "asil").mkdir()
    real = make_book(name="asil/KITAP.xlsx")
    (tmp_path / "kisayol").mkdir()
    link = tmp_path / "kisayol" / "KITAP.xlsx"
    link.symlink_to(real)

    assert_clean(run_cli("kontrol", str(link), "--bugun", DAY), (0, 1))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert contract.FINDINGS_SHEET in sheetnames(real)
    assert len(backups(real.parent)) == 1 and backups(link.parent) == []
    assert leftovers(real.parent) == [] and leftovers(link.parent) == []


def test_a_read_only_workbook_is_not_rewritten(make_book, tmp_path):
    book = make_book()
    original = book.read_bytes()
    os.chmod(book, 0o444)
    try:
        assert_clean(run_cli("kontrol", str(book), "--bugun", DAY), 2, "salt okunur", "değiştirilmedi")
        ics = tmp_path / "takvim.ics"
        ics.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        os.chmod(ics, 0o444)
        assert_clean(run_cli("takvim", str(book), "--json", "--ics", str(ics), "--bugun", DAY), 2, "salt okunur")
        assert ics.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    finally:
        os.chmod(book, 0o644)
    assert book.read_bytes() == original and backups(tmp_path) == []


# --- 7. hostile JSON ----------------------------------------------------------------------------------------


@pytest.fixture
def exported(make_book, tmp_path) -> Path:
    out = tmp_path / "platform"
    export_platform(make_book(), out)
    return out


def _replace_document(folder: Path, name: str, payload: bytes) -> None:
    """Put `payload` in place of a document and update the manifest, so only the parser can object."""
    (folder / name).write_bytes(payload)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["belgeler"]:
        if entry["dosya"] == name:
            entry["sha256"], entry["bayt"] = hashlib.sha256(payload).hexdigest(), len(payload)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_deep_and_implausible_json_is_refused_by_name(exported, tmp_path):
    deep = tmp_path / "derin.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    assert_clean(run_cli("platform-oku", str(deep)), 2, "'derin.json' okunamadı", "iç içe")
    deep.write_text('{"a": ' * 50_000 + "1" + "}" * 50_000, encoding="utf-8")
    assert_clean(run_cli("platform-oku", str(deep)), 2, "iç içe")

    meeting = json.loads((exported / "gaziantep-2025-toplanti-1.json").read_text(encoding="utf-8"))
    for field, value, words in (
        ("katilimci_sayisi", 1e308, ("katilimci_sayisi", "10000")),
        ("katilimci_sayisi", 10**20, ("katilimci_sayisi",)),
    ):
        bad = tmp_path / "abartili.json"
        bad.write_text(json.dumps({**meeting, field: value}), encoding="utf-8")
        assert_clean(run_cli("platform-oku", str(bad)), 1, "'abartili.json'", *words)
    proc = run_cli(
        "yeni",
        str(tmp_path / "y.xlsx"),
        "--tur",
        "il",
        "--il",
        "Kilis",
        "--yil",
        "2026",
        "--yabanci-nufus",
        str(10**20),
    )
    assert_clean(proc, 2, "Yabancı nüfusu 0 ile 100.000.000 arasında")
    assert not (tmp_path / "y.xlsx").exists()
    nan = tmp_path / "nan.json"
    nan.write_text(json.dumps(meeting).replace('"katilimci_sayisi": 24', '"katilimci_sayisi": NaN'), encoding="utf-8")
    assert_clean(run_cli("platform-oku", str(nan)), 2, "geçerli bir JSON değil", "NaN")


def test_one_hostile_document_marks_its_folder_unusable_and_the_run_goes_on(make_book, tmp_path):
    root = tmp_path / "iller"
    for province_name in ("Adana", "Bolu"):
        book = make_book(settings={**example.example_settings(), "İl": province_name}, name=f"{province_name}.xlsx")
        export_platform(book, root / province_name.lower() / "2025")
    bolu = root / "bolu" / "2025"
    name = next(p.name for p in bolu.glob("*-toplanti-1.json"))
    _replace_document(bolu, name, b"[" * 100_000)
    shutil.copytree(root / "adana" / "2025", root / "adana" / "Yedekler" / "2025-eski")  # never counted

    out = tmp_path / "ULUSAL.xlsx"
    proc = run_cli("ulusal", str(root), "--cikti", str(out))
    assert_clean(proc, 0, "Ulusal özet yazıldı", "Alınmadı", "Yedekler", "Okunan platform klasörü: 2")
    wb = openpyxl.load_workbook(out)
    problems = [r for r in wb["Okunamayanlar"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(problems) == 1 and "bolu" in problems[0][0] and "iç içe" in problems[0][1], problems
    provinces = [r[0] for r in wb["Özet"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert provinces == ["Adana"]

    # birlestir: the same kind of document in a district's platform folder is that source's refusal only
    province = make_book(name="il.xlsx")
    district_book = _district(tmp_path / "nizip" / "Nizip-2025.xlsx", [dt.date(2025, 3, 12)])
    folder = tmp_path / "nizip-platform"
    export_platform(district_book, folder)
    doc = next(p.name for p in folder.glob("*-toplanti-1.json"))
    _replace_document(folder, doc, b'{"a":' * 10_000 + b"1" + b"}" * 10_000)
    good = _district(tmp_path / "diger" / "Nizip-2025.xlsx", [dt.date(2025, 3, 12), dt.date(2025, 10, 15)])
    proc = run_cli("birlestir", str(province), str(folder), str(good), "--bugun", DAY)
    assert_clean(proc, 1, "iç içe", "Nizip-2025.xlsx")


# --- 8. Excel's sheet-name rule --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user_sheet", "command"),
    [
        ("EYLEM PLANI İZLEME", ("eylem", "--bugun", DAY)),
        ("eylem plani izleme", ("eylem", "--bugun", DAY)),
        ("KONTROL", ("kontrol", "--bugun", DAY)),
        ("ek-1 1", ("tutanak", "--toplanti", "1")),
    ],
)
def test_a_user_sheet_excel_takes_for_a_generated_one_is_refused_never_doubled(make_book, user_sheet, command):
    book = make_book()
    wb = openpyxl.load_workbook(book)
    wb.create_sheet(user_sheet)["A1"] = "kullanıcının notları"
    wb.save(book)
    before, names = book.read_bytes(), sheetnames(book)
    proc = run_cli(command[0], str(book), *command[1:])
    assert_clean(proc, 2, f"'{user_sheet}' sayfası", "bu programın ürettiği bir sayfa değil", "değiştirilmedi")
    assert book.read_bytes() == before and sheetnames(book) == names


def excel_same(a: str, b: str) -> bool:
    """Excel's rule, written independently of the program's helper: upper case, with i, ı and İ one letter."""

    def key(s: str) -> str:
        return unicodedata.normalize("NFC", s).replace("i", "I").replace("ı", "I").replace("İ", "I").upper()

    return key(a) == key(b)


LETTERS = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ0123456789 -"
GENERATED = [*contract.GENERATED_SHEETS, *(sheet_name(p, "1") for p in contract.GENERATED_PREFIXES)]


def _variants(name: str):
    """The same name with each letter's case (and i/ı/I/İ) chosen at random."""
    swaps = {"i": "iıIİ", "ı": "iıIİ", "I": "iıIİ", "İ": "iıIİ"}
    return st.tuples(*[st.sampled_from(swaps.get(c, c + c.swapcase())) for c in name]).map("".join)


numbers = st.text(alphabet="0123456789ıIiİaA-", min_size=1, max_size=6)
generated_names = st.one_of(
    st.sampled_from(GENERATED), st.builds(sheet_name, st.sampled_from(contract.GENERATED_PREFIXES), numbers)
)


@st.composite
def sheet_sets(draw) -> tuple[list[str], list[str]]:
    """(user sheets, generated sheets): users' names are often the generated ones typed another way."""
    generated = draw(st.lists(generated_names, min_size=1, max_size=4))
    user_names = st.one_of(
        st.sampled_from(generated).flatmap(_variants),
        st.sampled_from(GENERATED).flatmap(_variants),
        st.text(alphabet=LETTERS, min_size=1, max_size=31).map(str.strip).filter(bool),
    )
    return draw(st.lists(user_names, min_size=1, max_size=3)), generated


def _plain_book(path: Path, names: list[str]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in names:
        wb.create_sheet(name)["A1"] = "veri"
    wb.save(path)
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets=sheet_sets())
def test_no_two_sheets_end_up_equal_under_excels_rule(tmp_path, sheets):
    user, generated = sheets
    distinct: list[str] = []
    for name in user:  # a workbook Excel could hold
        if not any(excel_same(name, d) for d in distinct):
            distinct.append(name)
    path = _plain_book(tmp_path / "kitap.xlsx", distinct)
    try:
        writer_mod.write_sheets(
            path, [SheetSpec(g, [Block(1, 1, [["üretildi"]])]) for g in generated], make_backup=False
        )
    except GocKurulError:
        assert sheetnames(path) == distinct  # a refusal writes nothing
        return
    names = sheetnames(path)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not excel_same(a, b), (a, b, names)
    # every generated sheet is there, every user sheet is kept unless it was one of ours
    assert all(any(excel_same(g, n) for n in names) for g in generated)
    assert all(u in names for u in distinct if not contract.is_generated_sheet(u))


# --- 9. the smaller ones --------------------------------------------------------------------------------


def test_no_op_runs_write_nothing_and_keep_the_original_backup(make_book, tmp_path):
    book = make_book()
    original = book.read_bytes()
    assert_clean(run_cli("kontrol", str(book), "--bugun", DAY), (0, 1))
    (first,) = backups(tmp_path)
    assert first.read_bytes() == original
    written, mtime = book.read_bytes(), os.stat(book).st_mtime_ns
    for _ in range(5):
        proc = run_cli("kontrol", str(book), "--bugun", DAY)
        assert_clean(proc, (0, 1))
        assert "yedeklendi" not in proc.stdout
    assert book.read_bytes() == written and os.stat(book).st_mtime_ns == mtime
    assert backups(tmp_path) == [first]


def test_libreoffice_lock_file_is_honoured(make_book, tmp_path):
    book = make_book()
    original = book.read_bytes()
    (tmp_path / f".~lock.{book.name}#").write_text("Ayşe,ofis-pc,ofis-pc,01.12.2026 10:00,file:///", encoding="utf-8")
    assert_clean(
        run_cli("kontrol", str(book), "--bugun", DAY), 2, "LibreOffice'te açık görünüyor", f".~lock.{book.name}#"
    )
    assert book.read_bytes() == original and backups(tmp_path) == []


def test_formlar_refuses_a_meeting_number_under_a_merged_cell(make_book):
    """Signed forms with a meeting silently missing are worse than none: the merged range is named, nothing is
    written."""
    book = make_book()
    wb = openpyxl.load_workbook(book)
    ws = wb["Toplantılar"]
    ws.merge_cells("A2:A3")  # meeting 2's number now sits under the merged cell of meeting 1
    wb.save(book)
    original = book.read_bytes()
    proc = run_cli("formlar", str(book))
    assert_clean(proc, 2, "'Toplantılar' sayfası, A2 hücresi", "A2:A3", "birleştirilmiş", "formlar üretilmedi")
    assert book.read_bytes() == original


@pytest.mark.parametrize(
    "command", [("formlar",), ("tutanak", "--toplanti", "1"), ("gundem", "--toplanti", "1"), ("yillik",), ("takvim",)]
)
@pytest.mark.parametrize(
    "damage, words",
    [
        ("date", ("'Kararlar' sayfası, G3 hücresi", "31.02.2027")),
        ("header", ("'Kararlar' sayfası, G1 hücresi", "'Verilen Sure' başlığı 'Verilen Süre' olmalı")),
        ("sheet", ("'Kararlar' sayfası bulunamadı",)),
    ],
)
def test_printing_commands_refuse_a_book_not_read_whole(make_book, command, damage, words):
    """A text date that is no date, a renamed header, a missing sheet: the printing commands name the sheet and
    cell, exit 2 and leave the book as it was (formerly the Ek-1 printed "Verilen Süre: —" with exit 0)."""
    book = make_book()
    wb = openpyxl.load_workbook(book)
    ws = wb["Kararlar"]
    column = [c.value for c in ws[1]].index("Verilen Süre") + 1
    if damage == "date":
        ws.cell(3, column).value = "31.02.2027"
    elif damage == "header":
        ws.cell(1, column).value = "Verilen Sure"
    else:
        wb.remove(ws)
    wb.save(book)
    original = book.read_bytes()
    assert_clean(run_cli(*command[:1], str(book), *command[1:]), 2, *words)
    assert book.read_bytes() == original


def test_a_date_serial_of_zero_or_less_is_explained_not_shown_as_a_time(make_book):
    book = make_book()
    wb = openpyxl.load_workbook(book)
    ws = wb["Toplantılar"]
    column = [c.value for c in ws[1]].index("Planlanan Tarih") + 1
    for row, serial in ((2, 0), (3, -5)):
        ws.cell(row, column).value = serial
        ws.cell(row, column).number_format = "dd.mm.yyyy"
    wb.save(book)
    proc = run_cli("kontrol", str(book), "--json", "--bugun", DAY)
    assert_clean(proc, 1)
    letter = openpyxl.utils.get_column_letter(column)
    found = [
        f["mesaj"]
        for f in json.loads(proc.stdout)
        if f["sayfa"] == "Toplantılar" and f["hucre"] in (f"{letter}2", f"{letter}3")
    ]
    assert len(found) == 2 and all("0, eksi bir sayı" in m and "00:00:00" not in m for m in found), found


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_runs_temporary_file_and_lock_go_at_the_next_run(big_book, tmp_path):
    path = tmp_path / "KITAP.xlsx"
    shutil.copyfile(big_book, path)
    original = path.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gockurul_excel", "kontrol", str(path), "--bugun", DAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert _wait_for_temp(proc, tmp_path), "kontrol ended before it wrote"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert path.read_bytes() == original
    assert any(tmp_path.glob(".~gockurul-*.tmp")) and (tmp_path / ".~gockurul.KITAP.xlsx.kilit").exists()

    # at once, not an hour later: the run that made them is gone
    assert_clean(run_cli("yillik", str(path)), 0)
    assert leftovers(tmp_path) == []


def test_our_lock_waits_for_a_live_holder_and_takes_over_from_a_dead_or_ancient_one(make_book, tmp_path):
    from gockurul_excel.errors import WorkbookLocked
    from gockurul_excel.files import safety

    book = make_book()
    lock = safety.own_lock_path(book)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:

        def held_by(pid: int, machine: str) -> None:
            lock.write_text(
                json.dumps(
                    {"pid": pid, "bilgisayar": "ofis-pc", "makine": machine, "baslangic": "2026-12-01T10:00:00"}
                ),
                encoding="utf-8",
            )

        held_by(sleeper.pid, safety.host_tag())  # another gockurul on this computer, still running
        with pytest.raises(WorkbookLocked, match=r"başka bir gockurul işlemi tarafından yazılıyor.*ofis-pc"):
            with safety.own_lock(book, wait=0.3):
                pass
        assert lock.exists()

        held_by(sleeper.pid, "00000000")  # another computer: taken over only after an hour
        with pytest.raises(WorkbookLocked):
            with safety.own_lock(book, wait=0.3):
                pass
        hours_ago = time.time() - 2 * 3600
        os.utime(lock, (hours_ago, hours_ago))
        with safety.own_lock(book, wait=0.3):
            assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()
            with safety.own_lock(book, wait=0.3):  # re-entrant within the process
                pass
            assert lock.exists()
        assert not lock.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    held_by(sleeper.pid, safety.host_tag())  # its process is gone
    with safety.own_lock(book, wait=0.3):
        pass
    assert not lock.exists()


def test_an_attendance_list_is_not_stopped_by_a_sheet_it_does_not_read(make_book):
    """Ek-2 reads Ayarlar, Toplantılar and Katılımcılar: a text date in Kararlar does not stop it (Ek-1 stops)."""
    book = make_book()
    wb = openpyxl.load_workbook(book)
    ws = wb["Kararlar"]
    ws.cell(3, [c.value for c in ws[1]].index("Verilen Süre") + 1).value = "31.02.2027"
    wb.save(book)
    assert run_cli("katilimci", str(book), "--toplanti", "1").returncode == 0
    assert_clean(run_cli("tutanak", str(book), "--toplanti", "1"), 2, "'Kararlar' sayfası, G3 hücresi")


def test_a_folder_or_a_loop_of_links_as_the_book_is_explained(tmp_path):
    """Paths the system refuses get a Turkish sentence naming them, exit 2, and no English strerror."""
    folder = tmp_path / "kitap.xlsx"
    folder.mkdir()
    assert_clean(run_cli("kontrol", str(folder), "--json"), 2, "'kitap.xlsx' bir klasör")
    (tmp_path / "a.xlsx").symlink_to(tmp_path / "b.xlsx")
    (tmp_path / "b.xlsx").symlink_to(tmp_path / "a.xlsx")
    proc = run_cli("kontrol", str(tmp_path / "a.xlsx"), "--json")
    assert_clean(proc, 2, "sembolik bağlantılar")
    assert "Too many" not in proc.stderr and "beklenmeyen" not in proc.stderr.lower()


def test_platform_oku_refuses_a_folder_and_python_limits_in_turkish(tmp_path):
    (tmp_path / "belge.json").mkdir()
    assert_clean(run_cli("platform-oku", str(tmp_path / "belge.json")), 2, "bu bir dosya değil")
    big = tmp_path / "sayi.json"
    big.write_text("1" * 5000, encoding="utf-8")
    proc = run_cli("platform-oku", str(big))
    assert_clean(proc, 2, "geçerli bir JSON değil", "okunamayacak kadar uzun")
    assert "Exceeds" not in proc.stderr and "sys.set_int_max_str_digits" not in proc.stderr


def test_a_damaged_sheet_is_named(make_book, tmp_path):
    """A sheet part cut in half or missing from the package: the message names the sheet, not a Python class."""
    book = make_book()
    import zipfile

    with zipfile.ZipFile(book) as zin:
        names = {e.get("name"): e.get(f"{{{R}}}id") for e in _sheets(zin)}
        target = _part_of(zin, names["Kararlar"])
        damaged = tmp_path / "yarim.xlsx"
        with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                zout.writestr(info, data[: len(data) // 2] if info.filename == target else data)
    original = damaged.read_bytes()
    proc = run_cli("kontrol", str(damaged), "--json")
    assert_clean(proc, 2, "'Kararlar' sayfası bozuk ya da eksik")
    assert "Error" not in proc.stderr and damaged.read_bytes() == original


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _sheets(zin):
    from lxml import etree

    return etree.fromstring(zin.read("xl/workbook.xml")).iter(f"{{{M}}}sheet")


def _part_of(zin, rid: str) -> str:
    from lxml import etree

    rels = etree.fromstring(zin.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target
