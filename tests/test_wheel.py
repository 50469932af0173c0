"""A wheel built from the repo carries every asset; installed (not editable) in a fresh venv it finds them
(`gockurul eklenti --kontrol`), `gockurul doktor` runs there, and it can remake itself for the offline bundle.
xlwings Lite installs it without the command line's or the server's packages."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from .conftest import ROOT

ASSETS = (
    "gockurul_excel/assets/addin/GocKurul.bas",
    "gockurul_excel/assets/addin/customUI14.xml",
    "gockurul_excel/assets/addin/gockurul.xlam",
    "gockurul_excel/assets/offline/kur.ps1",
    "gockurul_excel/assets/offline/kaldir.ps1",
    "gockurul_excel/assets/offline/windows-requirements.txt",
    "gockurul_excel/assets/server/custom_scripts/__init__.py",
    "gockurul_excel/assets/server/pyproject.toml",
    "gockurul_excel/assets/server/templates/manifest.xml",
    "gockurul_excel/assets/server/static/js/auth.js",
    "gockurul_excel/assets/server/auth/custom/__init__.py",
    "gockurul_excel/schemas/toplanti.schema.json",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("kaynak")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "gockurul_excel", src / "gockurul_excel", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    out = tmp_path_factory.mktemp("tekerlek")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return next(out.glob("gockurul_excel-*.whl"))


def test_wheel_carries_every_asset(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [a for a in ASSETS if a not in names]
    assert not missing, missing
    assert not any(n.startswith("makrolar/") for n in names)


def test_lite_installs_no_cli_or_server_packages(wheel):
    with zipfile.ZipFile(wheel) as z:
        meta = email.message_from_bytes(z.read(next(n for n in z.namelist() if n.endswith("/METADATA"))))
    pyodide = {
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "os_name": "posix",
        "platform_machine": "wasm32",
        "python_version": "3.14",
        "python_full_version": "3.14.2",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }
    installed = {
        Requirement(r).name.lower()
        for r in meta.get_all("Requires-Dist")
        if Requirement(r).marker is None or Requirement(r).marker.evaluate(pyodide)
    }
    # Lite's set (README, "xlwings Lite"): what the buttons use there, nothing the files or the CLI need.
    assert installed == {"xlwings", "jsonschema", "holidays", "pycountry"}, installed


@pytest.fixture(scope="module")
def fresh_venv(wheel, tmp_path_factory) -> Path:
    """A new venv with the wheel installed (no deps), the dependencies reached through a .pth file pointing at
    this test run's site-packages (a .pth line adds a folder; it does not run that folder's .pth files, so the
    editable checkout is not on the path)."""
    home = tmp_path_factory.mktemp("venv") / "v"
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    ).stdout.strip()
    Path(site, "deps-from-tests.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def _run(python: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([str(python), *args], capture_output=True, text=True, timeout=300, env=env, cwd=cwd)


def test_installed_wheel_is_the_one_used(fresh_venv, tmp_path):
    where = _run(fresh_venv, "-c", "import gockurul_excel; print(gockurul_excel.__file__)", cwd=tmp_path)
    assert str(fresh_venv.parent.parent) in where.stdout, where.stdout + where.stderr


def test_eklenti_kontrol_finds_every_asset_from_the_wheel(fresh_venv, tmp_path):
    proc = _run(fresh_venv, "-m", "gockurul_excel", "eklenti", "--kontrol", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "[HATA]" not in proc.stdout and "gockurul.conf" in proc.stdout
    assert str(fresh_venv.parent.parent) in proc.stdout  # the assets of the installed copy


def test_doktor_runs_from_the_wheel(fresh_venv, tmp_path):
    proc = _run(fresh_venv, "-m", "gockurul_excel", "doktor", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "Sonuç: her şey yolunda." in proc.stdout
    assert "[TAMAM     ] Örnek kitapta düğme" in proc.stdout


def test_installed_wheel_remakes_itself_for_the_bundle(fresh_venv, tmp_path, wheel):
    code = (
        "import sys, zipfile; from pathlib import Path; from gockurul_excel.files.offline import "
        "repack_installed_wheel; w = repack_installed_wheel(Path(sys.argv[1])); print(w)"
    )
    proc = _run(fresh_venv, "-c", code, str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    remade = Path(proc.stdout.strip())
    original = {n for n in zipfile.ZipFile(wheel).namelist() if not n.endswith("/RECORD")}
    again = {n for n in zipfile.ZipFile(remade).namelist() if not n.endswith("/RECORD")}
    assert original == again
