"""`gockurul paket`: the offline bundle an office's IT carries on a USB stick.

One folder: the pinned Windows wheels (win_amd64, CPython 3.12; pip downloads them from any system), this
package's own wheel, `gereksinimler.txt` (the pins), `kur.ps1`/`KUR.cmd` (install into a fixed folder with
`pip install --no-index`, build the add-in into XLSTART, unblock it, run `gockurul doktor`), `kaldir.ps1`/
`KALDIR.cmd`, and `BENIOKU.txt`. The add-in itself is built on the PC by kur.ps1: its VBA is imported through
that PC's Excel, and its config sheet must name the Python installed there.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import GocKurulError

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "offline"
PINS = ASSETS / "windows-requirements.txt"
SCRIPTS = ("kur.ps1", "kaldir.ps1", "KUR.cmd", "KALDIR.cmd")
WHEELS = "tekerlekler"
REQUIREMENTS = "gereksinimler.txt"
DISTRIBUTION = "gockurul-excel"
# What IT reads first in gereksinimler.txt: Turkish (the pins file's English notes are for developers).
REQUIREMENTS_HEADER = ("# Göç Kurulu çevrimdışı kurulum paketi: sabitlenmiş sürümler (64 bit Windows, Python 3.12).\n"
                       "# kur.ps1 bunları 'tekerlekler' klasöründen internetsiz kurar (pip install --no-index).\n")


def requirements_text(pins: str, version: str) -> str:
    """gereksinimler.txt: the Turkish header, the pins without their developer comments, this package's own pin."""
    lines = [line for line in pins.splitlines(keepends=True) if line.strip() and not line.lstrip().startswith("#")]
    return REQUIREMENTS_HEADER + "".join(lines) + f"{DISTRIBUTION}=={version}\n"
# The PCs the bundle is for: 64-bit Windows, CPython 3.12 (kur.ps1 looks for that Python).
TARGET = ("--platform", "win_amd64", "--python-version", "3.12", "--implementation", "cp", "--abi", "cp312",
          "--only-binary=:all:")
WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "python_version": "3.12", "python_full_version": "3.12.10",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path = PINS) -> dict[str, str]:
    """{canonical name: version} of the pin file's `name==version` lines."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canonical(name)] = version.strip()
    return pins


def _pip(args: list[str], python: str = sys.executable) -> subprocess.CompletedProcess:
    return subprocess.run([python, "-m", "pip", *args], capture_output=True, text=True, check=False)


def resolve(requirements: Path, python: str = sys.executable) -> list[dict]:
    """pip's dry-run resolution of `requirements` for the target Windows (with dependencies): the report's
    `install` entries. Downloads metadata only."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "rapor.json"
        done = _pip(["install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(report), "--target",
                     str(Path(folder) / "hedef"), *TARGET, "-r", str(requirements)], python)
        if done.returncode != 0:
            raise GocKurulError(f"Sabitlenmiş paketler Windows için çözümlenemedi:\n{done.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))["install"]


def download(requirements: Path, folder: Path) -> None:
    done = _pip(["download", "--no-deps", "--quiet", "--dest", str(folder), *TARGET, "-r", str(requirements)])
    if done.returncode != 0:
        raise GocKurulError(f"Tekerlekler indirilemedi (PyPI'a erişim gerekir):\n{done.stderr[-2000:]}")


# --- this package's wheel ------------------------------------------------------------------------------

def source_checkout() -> Path | None:
    """The project folder when running from a checkout (editable install), else None."""
    root = Path(__file__).resolve().parents[2]
    project = root / "pyproject.toml"
    if project.is_file() and 'name = "gockurul-excel"' in project.read_text(encoding="utf-8"):
        return root
    return None


def build_wheel_from_source(source: Path, folder: Path) -> Path:
    """pip wheel of a copy of the project (a build in place would leave build/ in the checkout)."""
    with tempfile.TemporaryDirectory(prefix="gockurul-kaynak-") as tmp:
        copy = Path(tmp)
        for name in ("pyproject.toml", "README.md"):
            shutil.copyfile(source / name, copy / name)
        shutil.copytree(source / "gockurul_excel", copy / "gockurul_excel",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        done = _pip(["wheel", "--no-deps", "--quiet", "--wheel-dir", str(folder), str(copy)])
    if done.returncode != 0:
        raise GocKurulError(f"'{source}' klasöründen tekerlek yapılamadı:\n{done.stderr[-2000:]}")
    return next(folder.glob("gockurul_excel-*.whl"))


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack_installed_wheel(folder: Path) -> Path:
    """This package's wheel made again from an installed (non-editable) copy: the files its RECORD lists
    inside site-packages, with a new RECORD. The package is pure Python, so the wheel is the same."""
    dist = metadata.distribution(DISTRIBUTION)
    version = dist.version
    files = [f for f in (dist.files or []) if not str(f).startswith("..") and "__pycache__" not in str(f)
             and not str(f).endswith((".pyc", "/INSTALLER", "/REQUESTED", "/direct_url.json", "/RECORD"))]
    if not any(str(f).startswith("gockurul_excel/") for f in files):
        raise GocKurulError("Kurulu paketin dosyaları bulunamadı (düzenlenebilir kurulum olabilir); "
                            "--kaynak ile proje klasörünü ya da tekerlek dosyasını verin.")
    info = f"gockurul_excel-{version}.dist-info"
    target = folder / f"gockurul_excel-{version}-py3-none-any.whl"
    rows = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as whl:
        for f in sorted(files, key=str):
            data = Path(f.locate()).read_bytes()
            name = str(f).replace("\\", "/")
            whl.writestr(name, data)
            rows.append((name, _record_hash(data), str(len(data))))
        record = io.StringIO()
        csv.writer(record, lineterminator="\n").writerows([*rows, (f"{info}/RECORD", "", "")])
        whl.writestr(f"{info}/RECORD", record.getvalue())
    return target


def own_wheel(source: Path | None, folder: Path) -> Path:
    if source is not None and source.suffix == ".whl":
        target = folder / source.name
        shutil.copyfile(source, target)
        return target
    source = source or source_checkout()
    if source is not None:
        return build_wheel_from_source(source, folder)
    return repack_installed_wheel(folder)


# --- the bundle ----------------------------------------------------------------------------------------

@dataclass
class Bundle:
    folder: Path
    wheels: list[str]
    size: int


README = """Göç Kurulu — çevrimdışı kurulum paketi (sürüm {version})

Bu klasör internet olmadan kurulum içindir: 64 bit Windows 10/11, Microsoft Excel (2016, 2019, 2021 ya da
Microsoft 365), Python 3.12 (64 bit).

1. Bütün Excel pencerelerini kapatın.
2. Python 3.12 bu bilgisayarda kurulu değilse python.org'dan indirilen 'python-3.12.x-amd64.exe' kurucusunu
   bu klasördeki 'python' klasörüne koyun (kur.ps1 onu yalnızca bu kullanıcı için, sessizce kurar).
3. KUR.cmd dosyasına çift tıklayın. Program %LOCALAPPDATA%\\GocKurul klasörüne kurulur, Excel eklentisi
   (gockurul.xlam) %APPDATA%\\Microsoft\\Excel\\XLSTART klasörüne konur ve sonunda 'gockurul doktor'
   denetimi çalışır. Bütün satırlar TAMAM (ya da UYGULANMAZ/UYARI) ise kurulum bitmiştir.
4. Excel'i açın: şeritte 'Göç Kurulu' sekmesi görünür.

Kaldırmak için KALDIR.cmd. Sorun olursa '%LOCALAPPDATA%\\GocKurul\\venv\\Scripts\\gockurul.exe doktor'
çıktısını destek birimine gönderin. Ayrıntılar: README.md, "Bilgi işlem için: kurulum".

İçindekiler: {wheel_count} tekerlek ({size_mb} MB), gereksinimler.txt (sabitlenmiş sürümler), kur.ps1, kaldir.ps1.
"""


def build_bundle(output: Path, source: Path | None = None, *, overwrite: bool = False,
                 fetch: Callable[[Path, Path], None] = download) -> Bundle:
    """Write the bundle folder `output` (staged beside it, moved into place when complete)."""
    output = Path(output).resolve()
    if output.exists() and any(output.iterdir()) and not overwrite:
        raise GocKurulError(f"'{output}' klasörü boş değil; başka bir klasör verin ya da --uzerine-yaz kullanın.")
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".gockurul-paket-", dir=output.parent))
    try:
        wheels = stage / WHEELS
        wheels.mkdir()
        ours = own_wheel(Path(source) if source else None, wheels)
        version = ours.name.split("-")[1]
        requirements = stage / REQUIREMENTS
        requirements.write_text(requirements_text(PINS.read_text(encoding="utf-8"), version), encoding="utf-8")
        fetch(PINS, wheels)
        missing = [n for n in pinned() if not any(canonical(w.name.split("-")[0]) == n for w in wheels.iterdir())]
        if missing:
            raise GocKurulError(f"Şu paketlerin tekerlekleri inmedi: {', '.join(missing)}.")
        for name in SCRIPTS:
            shutil.copyfile(ASSETS / name, stage / name)
        (stage / "python").mkdir()
        names = sorted(w.name for w in wheels.iterdir())
        size = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file())
        (stage / "BENIOKU.txt").write_text(README.format(version=version, wheel_count=len(names),
                                                         size_mb=round(size / 1e6, 1)).replace("\n", "\r\n"),
                                           encoding="utf-8-sig")
        if output.exists():
            shutil.rmtree(output)
        stage.rename(output)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return Bundle(output, names, size)
