"""`gockurul paket`: the offline bundle an office's IT carries on a USB stick.

One folder: the pinned Windows wheels (win_amd64, CPython 3.12; pip downloads them from any system), this
package's own wheel, `gereksinimler.txt` (the pins), `kur.ps1`/`KUR.cmd` (install for the user with
`pip install --no-index`, put the add-in into XLSTART with its config sheet written, run `gockurul doktor`),
`kaldir.ps1`/`KALDIR.cmd`, `BENIOKU.txt` (with code signing for IT) and the finished add-in `gockurul.xlam`
(the same file the wheel carries; IT can sign its scripts and inspect it before installing).
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
ADDIN = "gockurul.xlam"
WHEELS = "tekerlekler"
REQUIREMENTS = "gereksinimler.txt"
DISTRIBUTION = "gockurul-excel"
# What IT reads first in gereksinimler.txt: Turkish (the pins file's English notes are for developers).
REQUIREMENTS_HEADER = (
    "# Göç Kurulu çevrimdışı kurulum paketi: sabitlenmiş sürümler (64 bit Windows, Python 3.12).\n"
    "# kur.ps1 bunları 'tekerlekler' klasöründen internetsiz kurar (pip install --no-index).\n"
)


def requirements_text(pins: str, version: str) -> str:
    """gereksinimler.txt: the Turkish header, the pins without their developer comments, this package's own pin."""
    lines = [line for line in pins.splitlines(keepends=True) if line.strip() and not line.lstrip().startswith("#")]
    return REQUIREMENTS_HEADER + "".join(lines) + f"{DISTRIBUTION}=={version}\n"


# The PCs the bundle is for: 64-bit Windows, CPython 3.12 (kur.ps1 looks for that Python).
TARGET = (
    "--platform",
    "win_amd64",
    "--python-version",
    "3.12",
    "--implementation",
    "cp",
    "--abi",
    "cp312",
    "--only-binary=:all:",
)
WINDOWS_MARKERS = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "python_version": "3.12",
    "python_full_version": "3.12.10",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


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
        done = _pip(
            [
                "install",
                "--dry-run",
                "--ignore-installed",
                "--quiet",
                "--report",
                str(report),
                "--target",
                str(Path(folder) / "hedef"),
                *TARGET,
                "-r",
                str(requirements),
            ],
            python,
        )
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
        shutil.copytree(
            source / "gockurul_excel", copy / "gockurul_excel", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
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
    files = [
        f
        for f in (dist.files or [])
        if not str(f).startswith("..")
        and "__pycache__" not in str(f)
        and not str(f).endswith((".pyc", "/INSTALLER", "/REQUESTED", "/direct_url.json", "/RECORD"))
    ]
    if not any(str(f).startswith("gockurul_excel/") for f in files):
        raise GocKurulError(
            "Kurulu paketin dosyaları bulunamadı (düzenlenebilir kurulum olabilir); "
            "--kaynak ile proje klasörünü ya da tekerlek dosyasını verin."
        )
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
    backup: Path | None = None  # the replaced bundle's files (--uzerine-yaz)


README = r"""Göç Kurulu — çevrimdışı kurulum paketi (sürüm {version})

Bu klasör internet olmadan kurulum içindir: 64 bit Windows 10/11, Microsoft Excel (2016, 2019, 2021 ya da
Microsoft 365), Python 3.12 (64 bit). Yönetici izni ve Excel'de "VBA proje nesne modeline güvenilir erişim"
gerekmez: Excel eklentisi (gockurul.xlam) hazır gelir, kurulum yalnızca ayar sayfasına bu bilgisayardaki
Python'un yolunu yazar.

1. Bütün Excel pencerelerini kapatın (açıksa kurulum hiçbir şeye dokunmadan durur).
2. Python 3.12 bu bilgisayarda kurulu değilse python.org'dan indirilen 'python-3.12.x-amd64.exe' kurucusunu
   bu klasördeki 'python' klasörüne koyun. kur.ps1 onu yalnızca bu kullanıcı için, py başlatıcısı olmadan ve
   PATH'e dokunmadan kurar (InstallAllUsers=0, Include_launcher=0): yönetici izni istenmez.
3. KUR.cmd dosyasına çift tıklayın. Program %LOCALAPPDATA%\GocKurul klasörüne kurulur, Excel eklentisi
   %APPDATA%\Microsoft\Excel\XLSTART klasörüne konur ve sonunda 'gockurul doktor' denetimi çalışır.
   Bütün satırlar TAMAM (ya da UYGULANMAZ/UYARI) ise kurulum bitmiştir. KUR.cmd'nin çıkış kodu kur.ps1'inkidir
   (0 tamam); toplu kurulumda GOCKURUL_SESSIZ=1 ortam değişkeni sondaki 'pause'u atlar.
4. Excel'i açın: şeritte 'Göç Kurulu' sekmesi görünür.

Kaldırmak için KALDIR.cmd: kur.ps1'in %LOCALAPPDATA%\GocKurul\kurulum.json dosyasına yazdığı her şeyi (program,
eklenti, kur.ps1'in kurduğu Python, hata günlüğü) ve yalnızca onları siler; kurul kitaplarınıza dokunmaz.
Sorun olursa '%LOCALAPPDATA%\GocKurul\venv\Scripts\gockurul.exe doktor' çıktısını destek birimine gönderin.

Bilgi işlem için: kod imzalama
------------------------------
Grup ilkesi PowerShell yürütme ilkesini AllSigned yaptıysa KUR.cmd'deki '-ExecutionPolicy Bypass' geçmez;
betikleri kurumunuzun kod imzalama sertifikasıyla imzalayın (bir kez, paketi dağıtmadan önce):

    $sertifika = Get-ChildItem Cert:\CurrentUser\My -CodeSigningCert | Select-Object -First 1
    Set-AuthenticodeSignature -FilePath .\kur.ps1, .\kaldir.ps1 -Certificate $sertifika `
        -HashAlgorithm SHA256 -TimestampServer http://timestamp.digicert.com

İmzadan sonra betiklerde tek harf değişirse imza bozulur; 'Get-AuthenticodeSignature .\kur.ps1' Valid
demelidir. Sertifika, kullanıcıların "Güvenilen Yayımcılar" deposunda olmalıdır (grup ilkesiyle dağıtılır).
Excel makro ilkesi "dijital olarak imzalanmış makrolar dışında tümünü devre dışı bırak" ise eklentinin VBA
projesi de imzalanmalıdır: gockurul.xlam'ı bir kez Excel'de açıp Visual Basic Düzenleyicisi > Araçlar >
Dijital İmza ile aynı sertifikayla imzalayın ve kaydedin; imzalı dosyayı bu klasördekiyle değiştirin. XLSTART
Excel'in varsayılan güvenilir konumudur; ilke güvenilir konumları kapatmadıysa imza gerekmez.
Eklentiyi Excel üzerinden yeniden yapmak (yedek yol; VBA proje erişimi gerekir): 'gockurul eklenti --excel-ile
--xlstart'.

İçindekiler: {wheel_count} tekerlek ({size_mb} MB), gereksinimler.txt (sabitlenmiş sürümler), gockurul.xlam,
kur.ps1, kaldir.ps1, KUR.cmd, KALDIR.cmd.
"""


MANIFEST = "paket-icerik.json"  # what a bundle holds, with checksums: the only files --uzerine-yaz replaces
MANIFEST_KIND = "gockurul-kurulum-paketi"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _write_manifest(stage: Path) -> None:
    files = sorted(p for p in stage.rglob("*") if p.is_file())
    entries = [{"dosya": p.relative_to(stage).as_posix(), "sha256": _sha256(p)} for p in files]
    (stage / MANIFEST).write_text(
        json.dumps({"belge_turu": MANIFEST_KIND, "dosyalar": entries}, indent=1, ensure_ascii=False), encoding="utf-8"
    )


def _own_files(output: Path) -> list[str]:
    """The files of `output` that our bundle manifest lists and that still hold what we wrote (checksum): the
    only ones an overwrite may take away. A folder without our manifest is refused: it is not a bundle."""
    try:
        doc = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        if doc.get("belge_turu") != MANIFEST_KIND or not isinstance(doc.get("dosyalar"), list):
            raise ValueError
    except (OSError, ValueError, AttributeError):
        raise GocKurulError(
            f"'{output}' klasörü bu programın yazdığı bir kurulum paketi değil ({MANIFEST} yok ya "
            "da okunamadı); içindeki hiçbir dosya silinmedi, paket yazılmadı. Boş ya da yeni bir "
            "klasör verin."
        ) from None
    own = []
    root = output.resolve()
    for entry in doc["dosyalar"]:
        name = entry.get("dosya") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
            continue
        parts = name.split("/")
        if any(part in ("", ".", "..") for part in parts):
            continue  # a forged line naming something outside the bundle is never followed
        path = output / name
        try:
            if path.is_symlink() or not path.is_file() or root not in path.resolve().parents:
                continue
            if _sha256(path) == entry.get("sha256"):
                own.append(name)
        except OSError:
            continue
    return own


def _replace_bundle(output: Path, stage: Path) -> Path | None:
    """Into an existing bundle folder: our files that are unchanged are moved to a backup folder
    (`Yedekler/<klasör>_<zaman>` beside it), then the new files moved in. Anything else in the folder stays; a
    new file whose name is taken by something that is not ours refuses the whole bundle first."""
    import datetime as dt

    own = set(_own_files(output))
    new = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file())
    taken = [n for n in new if (output / n).exists() and n not in own and n != MANIFEST]
    if taken:
        shown = ", ".join(f"'{n}'" for n in taken[:5])
        raise GocKurulError(
            f"'{output}' klasöründe bu paketin yazmadığı ya da sonradan değiştirilmiş dosyalar var "
            f"({shown}); hiçbir dosya silinmedi, paket yazılmadı. Bu dosyaları taşıyın ya da boş bir "
            "klasör verin."
        )
    backup = None
    if own:
        backup = output.parent / "Yedekler" / f"{output.name}_{dt.datetime.now():%Y%m%d-%H%M%S-%f}"
        for name in sorted(own):
            target = backup / name
            target.parent.mkdir(parents=True, exist_ok=True)
            (output / name).replace(target)
    (output / MANIFEST).unlink(missing_ok=True)
    for name in new:
        target = output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (stage / name).replace(target)
    for folder in sorted((p for p in output.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if folder.name != "python" and not any(folder.iterdir()):
            folder.rmdir()  # a folder our old bundle had and the new one has not
    (output / "python").mkdir(exist_ok=True)
    return backup


def build_bundle(
    output: Path, source: Path | None = None, *, overwrite: bool = False, fetch: Callable[[Path, Path], None] = download
) -> Bundle:
    """Write the bundle folder `output` (staged beside it, moved into place when complete). Over an existing
    bundle (`overwrite`) only the files its own manifest lists, unchanged, are replaced, after a backup."""
    output = Path(output).resolve()
    if output.exists() and not output.is_dir():
        raise GocKurulError(f"'{output}' bir klasör değil; paket yazılmadı.")
    if output.exists() and any(output.iterdir()):
        if not overwrite:
            raise GocKurulError(f"'{output}' klasörü boş değil; başka bir klasör verin ya da --uzerine-yaz kullanın.")
        _own_files(output)  # refused at once when the folder is not a bundle of ours
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".gockurul-paket-", dir=output.parent))
    backup = None
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
        from .addin import SHIPPED

        shutil.copyfile(SHIPPED, stage / ADDIN)
        (stage / "python").mkdir()
        names = sorted(w.name for w in wheels.iterdir())
        size = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file())
        (stage / "BENIOKU.txt").write_text(
            README.format(version=version, wheel_count=len(names), size_mb=round(size / 1e6, 1)).replace("\n", "\r\n"),
            encoding="utf-8-sig",
        )
        _write_manifest(stage)
        if output.exists() and any(output.iterdir()):
            backup = _replace_bundle(output, stage)
        else:
            if output.exists():
                output.rmdir()  # empty
            stage.rename(output)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return Bundle(output, names, size, backup)
