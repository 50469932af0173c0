"""Issue 23: hostile cells and hostile files, run as a user would (the real command line on real files).

1. e-mail header injection in `davet`; 2. `devir`/`yeni` turning text into formulas; 3. `devir` carrying two rows
with one key (KURALLAR §7); 4. path traversal through a meeting number; 5. `paket --uzerine-yaz` over a folder that
is not a bundle; 6. a forged line in a platform manifest.json; 8. absurd numbers in `kontrol`. (7, the server:
tests/test_server_limits.py.)
"""

from __future__ import annotations

import copy
import email
import hashlib
import json
import zipfile
from email import policy
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from gockurul_excel import contract, example, rules
from gockurul_excel.files import offline

from .conftest import clean_example_rows, run_cli
from .test_file_safety import assert_clean


def _files_under(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _board_member(rows) -> int:
    """The index in `Üyeler` of an active board member with an e-mail (invited to an İl GKK meeting)."""
    return next(i for i, m in enumerate(rows["Üyeler"]) if m[2] == rules.ROLE_MEMBER and m[7] != "Hayır" and m[6])


def _eml(path: Path) -> email.message.EmailMessage:
    folder = path.with_name(f"{path.stem}_yazilar")
    (eml,) = folder.glob("*.eml")
    return email.message_from_bytes(eml.read_bytes(), policy=policy.default)


# --- 1. e-mail headers ---------------------------------------------------------------------------------------


def test_davet_a_name_cell_never_becomes_a_recipient_and_one_address_per_cell(make_book):
    rows = clean_example_rows()
    i = _board_member(rows)
    real = rows["Üyeler"][i][6]
    rows["Üyeler"][i][4] = 'Kemal Çeber <spy@evil.example>, "x" <spy2@evil.example>\r\nBcc: spy3@evil.example'
    path = make_book(rows=rows)
    proc = run_cli("davet", str(path), "--toplanti", "3")
    assert_clean(proc, 0)
    msg = _eml(path)
    to = msg["To"].addresses
    assert real in {a.addr_spec for a in to}
    assert not [a for a in to if "evil" in a.addr_spec] and msg["Bcc"] is None
    assert any("Kemal Çeber" in a.display_name for a in to)  # the name is shown, encoded, never parsed
    folder = path.with_name(f"{path.stem}_yazilar")
    (ics,) = folder.glob("*.ics")
    attendees = [str(a) for a in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0].get("attendee")]
    assert f"mailto:{real}" in attendees and not [a for a in attendees if "evil" in a]


@pytest.mark.parametrize(
    "cell, why",
    [
        ("a@ornek.gov.tr, b@evil.example", "birden çok adres"),
        ("a@ornek.gov.tr\nb@evil.example", "satır sonu"),
        ("Kemal <a@ornek.gov.tr>", "adres"),
        ("şeyma@ornek.gov.tr", "Türkçe harf"),
    ],
)
def test_davet_refuses_an_email_cell_that_is_not_one_address_naming_the_cell(make_book, cell, why):
    rows = clean_example_rows()
    i = _board_member(rows)
    rows["Üyeler"][i][6] = cell
    path = make_book(rows=rows)
    before = path.read_bytes()
    proc = run_cli("davet", str(path), "--toplanti", "3")
    column = openpyxl.utils.get_column_letter(7)  # E-posta
    assert_clean(proc, 2, "'Üyeler' sayfası", f"{column}{i + 2} hücresi", why)
    assert path.read_bytes() == before
    assert not path.with_name(f"{path.stem}_yazilar").exists()


# --- 2. text stays text ----------------------------------------------------------------------------------------


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


def test_devir_carries_a_formula_looking_text_as_text(make_book, tmp_path):
    rows = clean_example_rows()
    open_rows = [d for d in rows["Kararlar"] if d[7] in (None, *rules.DECISION_OPEN)]
    open_rows[0][2] = '=HYPERLINK("http://evil.example","tıkla")'
    open_rows[1][2] = "== Önemli =="
    path = make_book(rows=rows)
    new = tmp_path / "yeni.xlsx"
    assert_clean(run_cli("devir", str(path), str(new)), 0)
    assert "<f>" not in _sheet_xml(new)  # no formula anywhere in the new book
    ws = openpyxl.load_workbook(new)["Kararlar"]
    texts = {c.value for row in ws.iter_rows() for c in row}
    assert '=HYPERLINK("http://evil.example","tıkla")' in texts and "== Önemli ==" in texts


def test_yeni_writes_a_formula_looking_district_name_as_text(tmp_path):
    path = tmp_path / "ilce.xlsx"
    proc = run_cli(
        "yeni",
        str(path),
        "--tur",
        "ilce",
        "--il",
        "Gaziantep",
        "--ilce",
        '=HYPERLINK("http://x")',
        "--yil",
        "2026",
        "--yabanci-nufus",
        "1200",
    )
    assert proc.returncode in (0, 2), proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    if proc.returncode == 0:
        values = [
            c for c in openpyxl.load_workbook(path)[contract.SETTINGS_SHEET]["B"] if c.value == '=HYPERLINK("http://x")'
        ]
        assert values and all(c.data_type == "s" for c in values)


def test_a_button_writes_a_formula_looking_text_as_text_on_a_live_book(make_book):
    """The Ek-1 button (xlwings' remote engine, as the Office.js client gets it): a decision text '=…' goes with
    Excel's text prefix (the apostrophe is not part of the cell's value), never as a formula."""
    import xlwings as xw

    from gockurul_excel import makro

    from .test_makro import payload_from_xlsx

    rows = clean_example_rows()
    decision = next(d for d in rows["Kararlar"] if str(d[1]) == "3")
    decision[2] = '=HYPERLINK("http://evil.example","tıkla")'
    path = make_book(rows=rows)
    wb = openpyxl.load_workbook(path)
    wb["Kontrol Paneli"]["B3"] = "3"  # the meeting typed on the panel, as tests/test_makro.py does
    wb.save(path)
    book = xw.Book(json=payload_from_xlsx(path))
    try:
        message = makro.tutanak(book)
        values = [v for a in book.json()["actions"] if a["func"] == "setValues" for row in a["values"] for v in row]
    finally:
        book.close()
    assert "yapılamadı" not in message, message
    assert "'" + decision[2] in values and decision[2] not in values


# --- 3. two rows with one key ----------------------------------------------------------------------------------


def test_devir_refuses_two_carried_rows_with_one_key_naming_sheet_and_rows(make_book, tmp_path):
    rows = clean_example_rows()
    decisions = rows["Kararlar"]
    first = next(i for i, d in enumerate(decisions) if d[7] in (None, *rules.DECISION_OPEN))
    twin = copy.deepcopy(decisions[first])
    twin[2] = "Aynı numarayla ikinci karar"
    decisions.append(twin)
    path = make_book(rows=rows)
    new = tmp_path / "yeni.xlsx"
    proc = run_cli("devir", str(path), str(new))
    assert_clean(
        proc, 2, "'Kararlar' sayfası", f"{first + 2}. ve {len(decisions) + 1}. satırlarda", "Yeni kitap yazılmadı"
    )
    assert not new.exists()


# --- 4. file names from cells ----------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1/../../../pwn", "..\\..\\pwn", "CON", "9:x?*.", "12 ."])
def test_davet_writes_only_inside_the_letters_folder_whatever_the_meeting_number(make_book, tmp_path, number):
    rows = clean_example_rows()
    meeting = copy.deepcopy(next(m for m in rows["Toplantılar"] if str(m[0]) == "3"))
    meeting[0] = number
    rows["Toplantılar"].append(meeting)
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    path = make_book(rows=rows, name="a/b/c/kitap.xlsx")
    before = _files_under(tmp_path)
    proc = run_cli("davet", str(path), "--toplanti", number)
    assert "Traceback" not in proc.stdout + proc.stderr
    folder = path.with_name(f"{path.stem}_yazilar")
    new = [p for p in _files_under(tmp_path) if p not in before]
    allowed = (folder, deep / contract_backups())
    assert all(any(p.parent == a for a in allowed) or p == path for p in new), new
    if proc.returncode == 0:
        names = sorted(p.name for p in folder.iterdir())
        assert len(names) == 2 and all(
            not n.upper().startswith("CON.") and "/" not in n and not n.endswith(".") for n in names
        ), names


def contract_backups() -> str:
    from gockurul_excel.files.atomic import BACKUP_DIR

    return BACKUP_DIR


# --- 5. paket --uzerine-yaz ------------------------------------------------------------------------------------


def test_paket_overwrite_refuses_a_folder_that_is_not_a_bundle(tmp_path):
    target = tmp_path / "paket"
    target.mkdir()
    (target / "kitap.xlsx").write_bytes(b"PK kitap")
    (target / "yazi.docx").write_bytes(b"PK yazi")
    before = _files_under(target)
    proc = run_cli("paket", "--cikti", str(target), "--uzerine-yaz")
    assert_clean(proc, 2, "kurulum paketi değil", "hiçbir dosya silinmedi")
    assert _files_under(target) == before


def _fake_fetch(pins: Path, folder: Path) -> None:
    for name, version in offline.pinned(pins).items():
        (folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl").write_bytes(b"wheel " + name.encode())


def test_paket_overwrite_replaces_only_its_own_unchanged_files_after_a_backup(tmp_path):
    source = tmp_path / "gockurul_excel-0.1.0-py3-none-any.whl"
    source.write_bytes(b"PK")
    target = tmp_path / "paket"
    offline.build_bundle(target, source, fetch=_fake_fetch)
    (target / "notlarim.txt").write_text("kullanıcının notu", encoding="utf-8")
    (tmp_path / "kitap.xlsx").write_bytes(b"PK kitap")
    manifest = json.loads((target / offline.MANIFEST).read_text(encoding="utf-8"))
    manifest["dosyalar"] += [
        {"dosya": "../kitap.xlsx", "sha256": hashlib.sha256(b"PK kitap").hexdigest()},
        {"dosya": "notlarim.txt", "sha256": "0" * 64},
    ]
    (target / offline.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    old_readme = (target / "BENIOKU.txt").read_bytes()

    bundle = offline.build_bundle(target, source, overwrite=True, fetch=_fake_fetch)
    assert (tmp_path / "kitap.xlsx").read_bytes() == b"PK kitap"  # a forged line outside the folder: not followed
    assert (target / "notlarim.txt").read_text(encoding="utf-8") == "kullanıcının notu"  # checksum differs: kept
    assert bundle.backup is not None and (bundle.backup / "BENIOKU.txt").read_bytes() == old_readme
    assert (target / offline.MANIFEST).is_file() and (target / "KUR.cmd").is_file()

    # one of our files changed since: its name is taken by something not ours, the whole bundle is refused
    (target / "KUR.cmd").write_text("değiştirildi", encoding="utf-8")
    before = _files_under(target)
    with pytest.raises(offline.GocKurulError, match="sonradan değiştirilmiş"):
        offline.build_bundle(target, source, overwrite=True, fetch=_fake_fetch)
    assert _files_under(target) == before


# --- 6. a forged platform manifest -----------------------------------------------------------------------------


def test_platform_export_never_deletes_a_file_a_forged_manifest_line_names(make_book, tmp_path):
    book = make_book()
    out = tmp_path / "platform"
    assert_clean(run_cli("platform", str(book), "--cikti", str(out)), 0)
    (out / "kullanici-notu.docx").write_bytes(b"PK notum")
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    forged = dict(manifest["belgeler"][0], dosya="kullanici-notu.docx", sha256="0" * 64)
    manifest["belgeler"].append(forged)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("platform", str(book), "--cikti", str(out))
    assert "Traceback" not in proc.stdout + proc.stderr
    assert (out / "kullanici-notu.docx").read_bytes() == b"PK notum"
    if proc.returncode == 0:
        kept = list((tmp_path / "Yedekler").glob("platform_*"))
        assert kept and (kept[0] / "manifest.json").is_file()  # what the export replaced, backed up


def test_platform_export_refuses_to_replace_an_exported_file_edited_since(make_book, tmp_path):
    book = make_book()
    out = tmp_path / "platform"
    assert_clean(run_cli("platform", str(book), "--cikti", str(out)), 0)
    edited = next(p for p in sorted(out.glob("*.json")) if p.name != "manifest.json")
    edited.write_text('{"elle": "düzeltildi"}', encoding="utf-8")
    before = _files_under(out)
    proc = run_cli("platform", str(book), "--cikti", str(out))
    assert_clean(proc, 2, edited.name)
    assert _files_under(out) == before


# --- 8. absurd numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("population", [1e308, 10**12, 100_000_001])
def test_kontrol_refuses_a_foreign_population_beyond_any_province(make_book, tmp_path, population):
    settings = {**example.example_settings(), contract.S_POPULATION: population}
    path = make_book(settings=settings)
    proc = run_cli("kontrol", str(path), "--json")
    found = json.loads(proc.stdout)
    hits = [f for f in found if f["sayfa"] == contract.SETTINGS_SHEET and "en çok 100.000.000" in f["mesaj"]]
    assert proc.returncode == 1 and hits, proc.stdout
    out = tmp_path / "platform"
    proc = run_cli("platform", str(path), "--cikti", str(out))
    assert "Traceback" not in proc.stdout + proc.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.json")) if out.exists() else ""
    assert str(int(population)) not in written


def test_kontrol_accepts_the_largest_sane_population(make_book):
    settings = {**example.example_settings(), contract.S_POPULATION: contract.POPULATION_MAX}
    proc = run_cli("kontrol", str(make_book(settings=settings)), "--json")
    assert not [f for f in json.loads(proc.stdout) if "en çok" in f["mesaj"]]
