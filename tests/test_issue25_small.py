"""Issue 25 items 6 and 8, each as seen: the example's district books, `paket --cikti D:\\…` off Windows, the bundle's
file count and gereksinimler.txt, doktor --json in Turkish, `sunucu` refusing before it announces itself, no
library error name in a message, and tests that never touch the real home folder."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from gockurul_excel import commands, contract, example, operations
from gockurul_excel.files import offline
from gockurul_excel.files.reader import read_workbook

from .conftest import REAL_HOME, ROOT, TEST_HOME, run_cli

# --- ornek: the district books the guide merges ------------------------------------------------------------------


def test_ornek_writes_two_clean_district_books_that_birlestir_merges(tmp_path):
    result = operations.create_example(tmp_path / "ornek.xlsx", today=dt.date(2025, 12, 1))
    folder = tmp_path / contract.DISTRICT_FOLDER
    assert result.districts == [folder / "NIZIP_2025.xlsx", folder / "ISLAHIYE_2025.xlsx"]
    for path in result.districts:
        data = read_workbook(path)
        assert data.setting(contract.S_KIND) == "İlçe" and data.setting(contract.S_YEAR) == example.YEAR
        # M8(1), M4(3), M8(1)/M11(3): boards held in their windows, members and the İl Göç İdaresi present
        assert commands.check(data, dt.date(2025, 12, 1)).payload == []
    merged = operations.merge_district_workbooks(result.path, [folder], today=dt.date(2025, 12, 1))
    assert sorted(e.district for e in merged.entries) == ["Nizip", "İslahiye"]
    assert [e.action for e in merged.entries] == ["eklendi", "eklendi"]
    # again: refused without --uzerine-yaz, the district books named; with it, replaced
    proc = run_cli("ornek", str(tmp_path / "ornek.xlsx"))
    assert proc.returncode == 2 and "--uzerine-yaz" in proc.stderr
    proc = run_cli("ornek", str(tmp_path / "ornek.xlsx"), "--uzerine-yaz")
    assert proc.returncode == 0 and "NIZIP_2025.xlsx" in proc.stdout, proc.stderr


# --- the offline bundle --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["D:gockurul-kurulum", "D:\\gockurul-kurulum", "c:/kurulum"])
@pytest.mark.skipif(os.name == "nt", reason="a drive letter is a real folder on Windows")
def test_paket_refuses_a_windows_drive_path_off_windows(tmp_path, target):
    proc = run_cli("paket", "--cikti", target, cwd=tmp_path)
    assert proc.returncode == 2 and "Windows sürücü yolu" in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no 'D:gockurul-kurulum' folder here


def test_gereksinimler_opens_in_turkish_and_keeps_every_pin():
    pins = offline.PINS.read_text(encoding="utf-8")
    text = offline.requirements_text(pins, "9.9.9")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith(offline.REQUIREMENTS_HEADER) and len(comments) == 2
    assert not re.search(r"\b(the|every|for|and)\b", " ".join(comments))
    pinned = [line for line in text.splitlines() if "==" in line]
    assert pinned[:-1] == [line for line in pins.splitlines() if "==" in line and not line.startswith("#")]
    assert pinned[-1] == "gockurul-excel==9.9.9"


def test_readme_says_how_many_wheels_the_bundle_has():
    """The pins and this package's own wheel: the number README gives for `tekerlekler\\`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = int(re.search(r"(\d+) dosya, yaklaşık \d+ MB", readme).group(1))
    assert said == len(offline.pinned()) + 1


# --- doktor, sunucu ------------------------------------------------------------------------------------------------


def test_doktor_json_has_turkish_keys():
    proc = run_cli("doktor", "--json")
    rows = json.loads(proc.stdout)
    assert rows and all(set(r) == {"durum", "denetim", "ayrinti"} for r in rows)
    assert any(r["denetim"] == "Python" for r in rows)


def test_sunucu_without_xlwings_server_says_so_before_any_address(monkeypatch):
    import importlib.util

    from typer.testing import CliRunner

    from gockurul_excel import cli, server

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "xlwings_server" else real(name, *a)
    )
    # what `sunucu` sets for xlwings-server goes back as it was after the test
    for key in (
        server.TOKEN_ENV,
        server.LICENCE_ENV,
        server.MAX_BODY_ENV,
        "XLWINGS_PROJECT_DIR",
        "XLWINGS_ON_SERVER",
        "DOTENV_PATH",
        "XLWINGS_LICENSE_KEY",
        "GOCKURUL_TOKEN",
    ):
        monkeypatch.setenv(key, "")
        monkeypatch.delenv(key)
    result = CliRunner().invoke(cli.app, ["sunucu", "--anahtar", "x" * 32, "--lisans", "noncommercial"])
    assert result.exit_code == 2
    out = result.output
    assert server.NEEDS_EXTRA.split(":")[0] in out
    assert "Ctrl+C" not in out and "http://" not in out


# --- a damaged book: no library name in the message; the cause logged, never in the real home ----------------------


def test_a_damaged_book_names_no_library_error_and_logs_in_the_test_home(make_book, tmp_path):
    good = make_book()
    bad = tmp_path / "bozuk.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, b"<<<bozuk" if item.filename == "xl/styles.xml" else zin.read(item.filename))
    real_log = Path(REAL_HOME or "/nonexistent") / "gockurul-hata.log"
    before = real_log.stat().st_mtime_ns if real_log.exists() else None
    proc = run_cli("kontrol", str(bad))
    assert proc.returncode == 2 and "okunamadı: dosya bozuk" in proc.stderr
    assert not re.search(r"\(\w*(Error|Exception)\)", proc.stderr), proc.stderr
    log = Path(TEST_HOME) / "gockurul-hata.log"
    assert log.exists() and "Traceback" in log.read_text(encoding="utf-8")  # the cause, for IT
    assert (real_log.stat().st_mtime_ns if real_log.exists() else None) == before
    assert Path.home() == Path(TEST_HOME)
