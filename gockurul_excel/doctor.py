"""`gockurul doktor`: what IT and support run on a PC to see whether the buttons can work there.

Each check says TAMAM / UYARI / HATA (or UYGULANMAZ where it does not apply on this system) with a Turkish
sentence; the exit code is 1 when any check is HATA. Where Excel exists the last check opens the example
workbook in a hidden Excel, presses "Kontrol Et" and reads the status cell back; elsewhere the same command
function runs on the example file (what the tests do on Linux).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

OK, WARN, FAIL, NA = "TAMAM", "UYARI", "HATA", "UYGULANMAZ"
MIN_PYTHON = (3, 11)
PACKAGES = ("gockurul-excel", "xlwings", "openpyxl", "python-calamine", "pandas", "holidays", "lxml", "jsonschema")


@dataclass
class Result:
    status: str
    name: str
    detail: str


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def check_python() -> Result:
    v = sys.version_info
    text = f"Python {v.major}.{v.minor}.{v.micro} ({platform.architecture()[0]}): {sys.executable}"
    if (v.major, v.minor) < MIN_PYTHON:
        return Result(FAIL, "Python", f"{text}. En az Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} gerekli.")
    return Result(OK, "Python", text)


def check_packages() -> Result:
    versions = {name: _version(name) for name in PACKAGES}
    missing = [n for n, v in versions.items() if v is None]
    text = ", ".join(f"{n} {v}" for n, v in versions.items() if v)
    if missing:
        return Result(FAIL, "Paketler", f"Eksik: {', '.join(missing)}. Kurulu: {text}. Kurulumu yeniden yapın "
                                       "(kur.ps1).")
    return Result(OK, "Paketler", text)


def check_addin_assets() -> Result:
    from .files import addin

    result = addin.check()
    failed = [line for line in result.lines if line.startswith("[HATA]")]
    if not result.ok:
        return Result(FAIL, "Eklenti dosyaları", " ".join(failed) or "eksik")
    return Result(OK, "Eklenti dosyaları", f"VBA modülü, şerit ve xlwings şablonu bulundu; ayar sayfası "
                                           f"'{addin.CONFIG_SHEET}' yazılabiliyor.")


def check_installed_addin(path: Path | None) -> Result:
    """The add-in in XLSTART (or `path`): its config sheet names this Python, and it was built from the xlwings
    installed here (the add-in's VBA and the Python package must be the same version)."""
    import xlwings as xw

    from .files import addin

    name = "Kurulu eklenti"
    if path is None:
        if sys.platform != "win32":
            return Result(NA, name, "Excel eklentisi yalnızca Windows'ta kurulur.")
        path = addin.installed_addin()
    if not path.is_file():
        return Result(FAIL, name, f"'{path}' yok. Eklentiyi kurun: gockurul eklenti --xlstart (ya da kur.ps1).")
    try:
        config = addin.read_config(path)
    except Exception as exc:  # a damaged or foreign .xlam
        return Result(FAIL, name, f"'{path}' okunamadı ({type(exc).__name__}); eklentiyi yeniden kurun.")
    if not config:
        return Result(FAIL, name, f"'{path}' içinde etkin '{addin.CONFIG_SHEET}' ayar sayfası yok; eklenti "
                                  "'python' komutunu PATH'te arar. Eklentiyi 'gockurul eklenti' ile yeniden kurun.")
    problems = []
    wanted = addin.interpreter_for()
    configured = config.get("INTERPRETER_WIN") or config.get("INTERPRETER_MAC") or ""
    if os.path.normcase(os.path.expandvars(configured)) != os.path.normcase(wanted):
        problems.append(f"eklentinin Python'u '{configured}', bu Python '{wanted}'")
    built_with = config.get(addin.VERSION_KEY, "")
    if built_with != xw.__version__:
        problems.append(f"eklenti xlwings {built_with or '?'} ile yapılmış, kurulu xlwings {xw.__version__}")
    if config.get("ADD_WORKBOOK_TO_PYTHONPATH", "").lower() != "false":
        problems.append("ADD_WORKBOOK_TO_PYTHONPATH False değil")
    if problems:
        return Result(FAIL, name, f"{path}: " + "; ".join(problems) + ". Eklentiyi 'gockurul eklenti --xlstart' "
                                                                     "ile yeniden kurun.")
    return Result(OK, name, f"{path}: Python {configured}, xlwings {built_with}.")


def excel_installed() -> bool:
    if sys.platform != "win32":
        return False
    import winreg  # pragma: no cover - Windows

    try:  # pragma: no cover - Windows
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Excel.Application\CurVer"):
            return True
    except OSError:  # pragma: no cover - Windows
        return False


def check_excel() -> Result:
    if sys.platform != "win32":
        return Result(NA, "Microsoft Excel", f"Bu sistem {platform.system()}: masaüstü düğmeleri Windows'ta Excel "
                                             "ister (komut satırı burada da çalışır).")
    if excel_installed():
        return Result(OK, "Microsoft Excel", "Kurulu (Excel.Application kayıtlı).")
    return Result(FAIL, "Microsoft Excel", "Excel bulunamadı (Excel.Application kayıtlı değil).")


def check_libreoffice() -> Result:
    from .files.pdf import LibreOfficeNotFound, find_soffice

    try:
        return Result(OK, "LibreOffice (PDF)", find_soffice())
    except LibreOfficeNotFound:
        return Result(WARN, "LibreOffice (PDF)", "Kurulu değil: 'gockurul pdf' komutu çalışmaz (Excel'deki PDF "
                                                 "düğmesi Excel'in kendi dışa aktarmasını kullanır).")


def check_temp() -> Result:
    folder = Path(tempfile.gettempdir())
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix="gockurul-doktor-", delete=True) as f:
            f.write(b"gockurul")
            f.flush()
    except OSError as exc:
        return Result(FAIL, "Geçici klasör", f"'{folder}' yazılamıyor ({exc.strerror or type(exc).__name__}).")
    return Result(OK, "Geçici klasör", f"'{folder}' yazılabiliyor.")


def _press_in_excel(path: Path) -> str:  # pragma: no cover - needs Windows and Excel
    import xlwings as xw

    from . import contract, makro

    app = xw.App(visible=False, add_book=False)
    quiet = makro.MESSAGE_BOX.set(False)
    try:
        app.display_alerts = False
        book = app.books.open(str(path))
        message = makro.kontrol_et(book)
        status = book.sheets[contract.CONTROL_PANEL_SHEET].range(makro.STATUS_CELL).value
        book.close()
        if not status or "Kontrol" not in str(status):
            raise RuntimeError(f"durum hücresi boş ({message})")
        return message
    finally:
        makro.MESSAGE_BOX.reset(quiet)
        app.quit()


def check_button(with_excel: bool) -> Result:
    """The example workbook, one button pressed: in Excel where there is one, else on the file."""
    import datetime as dt

    from . import commands
    from .example import write_example
    from .files.backend import FileBackend

    name = "Örnek kitapta düğme"
    with tempfile.TemporaryDirectory(prefix="gockurul-doktor-") as folder:
        path = Path(folder) / "ornek.xlsx"
        try:
            write_example(path)
            if with_excel:
                message = _press_in_excel(path)
                return Result(OK, name, f"Excel'de 'Kontrol Et' çalıştı: {message}")
            backend = FileBackend(path)  # the button's command, on the file
            outcome = commands.check(backend.read(), dt.date.today())
            backend.write(outcome.specs)
            return Result(OK, name, "Excel yok; 'Kontrol Et' düğmesinin işlevi örnek kitap dosyası üzerinde "
                                    f"çalıştırıldı: {outcome.message}")
        except Exception as exc:
            return Result(FAIL, name, f"Çalışmadı: {type(exc).__name__}: {exc}")


def run(addin_path: Path | None = None, *, press: bool = True) -> list[Result]:
    results = [check_python(), check_packages(), check_addin_assets(), check_installed_addin(addin_path),
               check_excel(), check_libreoffice(), check_temp()]
    if press:
        results.append(check_button(with_excel=excel_installed()))
    return results


def exit_code(results: list[Result]) -> int:
    return 1 if any(r.status == FAIL for r in results) else 0


def report(results: list[Result]) -> str:
    width = max(len(r.status) for r in results)
    lines = ["gockurul doktor — bu bilgisayarda düğmelerin çalışması için gerekenler", ""]
    lines += [f"[{r.status:<{width}}] {r.name}: {r.detail}" for r in results]
    failed = sum(r.status == FAIL for r in results)
    lines += ["", "Sonuç: " + ("her şey yolunda." if not failed else f"{failed} sorun var (HATA satırlarına bakın).")]
    return "\n".join(lines)


# Every JSON output is Turkish (kontrol, takvim, platform): so are doktor's keys (issue 25 item 8).
JSON_KEYS = {"status": "durum", "name": "denetim", "detail": "ayrinti"}


def to_json(results: list[Result]) -> list[dict]:
    return [{JSON_KEYS[k]: v for k, v in asdict(r).items()} for r in results]
