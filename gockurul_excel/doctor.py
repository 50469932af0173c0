"""`gockurul doktor`: what IT and support run on a PC to see whether the buttons can work there.

Each check says TAMAM / UYARI / HATA (or UYGULANMAZ where it does not apply on this system) with a Turkish
sentence; the exit code is 1 when any check is HATA. The installed add-in is read as Excel would: its
INTERPRETER_WIN after %VAR% expansion must be an existing file, and its VBA project (the PROJECT stream)
must list our module. The button check runs exactly the command line xlwings' RunPython builds
(ExecuteWindows in xlwings.bas: the same interpreter, `-B -c` text with prepare_sys_path, working directory
and arguments, the Python command read from the add-in's own KontrolEt) against the example book, and reads
the book back. Where Excel exists it also opens the add-in in a hidden Excel and runs KontrolEt there.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
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
        return Result(
            FAIL, "Paketler", f"Eksik: {', '.join(missing)}. Kurulu: {text}. Kurulumu yeniden yapın (kur.ps1)."
        )
    return Result(OK, "Paketler", text)


def check_addin_assets() -> Result:
    from .files import addin

    result = addin.check()
    failed = [line for line in result.lines if line.startswith("[HATA]")]
    if not result.ok:
        return Result(FAIL, "Eklenti dosyaları", " ".join(failed) or "eksik")
    return Result(
        OK,
        "Eklenti dosyaları",
        f"Hazır eklenti, VBA modülü ve şerit bulundu; ayar sayfası '{addin.CONFIG_SHEET}' yazılabiliyor.",
    )


def expand_vars(text: str) -> str:
    """%VAR% expanded as Windows' ExpandEnvironmentStrings does (xlwings' GetConfig calls it): names are
    case-insensitive, an unknown variable is left as written."""
    env = {k.upper(): v for k, v in os.environ.items()}
    return re.sub(r"%([^%]+)%", lambda m: env.get(m.group(1).upper(), m.group(0)), text)


def configured_interpreter(config: dict[str, str]) -> str:
    """The interpreter xlwings' RunPython starts (INTERPRETER_WIN, else INTERPRETER, else `python`), expanded."""
    key = "INTERPRETER_MAC" if sys.platform == "darwin" else "INTERPRETER_WIN"
    return expand_vars(config.get(key) or config.get("INTERPRETER") or "python")


def _interpreter_file(interpreter: str) -> str | None:
    if interpreter in ("python", "pythonw"):  # xlwings leaves these to PATH
        return shutil.which(interpreter)
    return interpreter if os.path.isfile(interpreter) else None


def _same_file(a: str | None, b: str) -> bool:
    try:
        return bool(a) and os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(a or "") == os.path.normcase(b)


def check_installed_addin(path: Path | None) -> Result:
    """The add-in in XLSTART (or `path`): its VBA project has our module, its interpreter exists (after
    %VAR% expansion) and is this Python, and it was built for the xlwings installed here."""
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
        return Result(
            FAIL,
            name,
            f"'{path}' içinde etkin '{addin.CONFIG_SHEET}' ayar sayfası yok; eklenti "
            "'python' komutunu PATH'te arar. Eklentiyi 'gockurul eklenti' ile yeniden kurun.",
        )
    problems = []
    has_module, modules = addin.contains_our_module(path)
    if not has_module:
        problems.append(modules)
    configured = config.get("INTERPRETER_WIN") or config.get("INTERPRETER_MAC") or ""
    expanded = configured_interpreter(config)
    if not _interpreter_file(expanded):
        shown = f"'{configured}'" + (f" ('{expanded}')" if expanded != configured else "")
        problems.append(f"eklentinin Python'u {shown} diye bir dosya yok: düğmeler 'Could not find Interpreter!' der")
    elif not _same_file(_interpreter_file(expanded), addin.interpreter_for()):
        problems.append(f"eklentinin Python'u '{expanded}', bu Python '{addin.interpreter_for()}'")
    built_with = config.get(addin.VERSION_KEY, "")
    if built_with != xw.__version__:
        problems.append(f"eklenti xlwings {built_with or '?'} içindir, kurulu xlwings {xw.__version__}")
    if config.get("ADD_WORKBOOK_TO_PYTHONPATH", "").lower() != "false":
        problems.append("ADD_WORKBOOK_TO_PYTHONPATH False değil")
    if problems:
        return Result(
            FAIL,
            name,
            f"{path}: " + "; ".join(problems) + ". Eklentiyi 'gockurul eklenti --xlstart' ile yeniden kurun.",
        )
    return Result(OK, name, f"{path}: Python {expanded}, xlwings {built_with}; {modules}.")


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
        return Result(
            NA,
            "Microsoft Excel",
            f"Bu sistem {platform.system()}: masaüstü düğmeleri Windows'ta Excel "
            "ister (komut satırı burada da çalışır).",
        )
    if excel_installed():
        return Result(OK, "Microsoft Excel", "Kurulu (Excel.Application kayıtlı).")
    return Result(FAIL, "Microsoft Excel", "Excel bulunamadı (Excel.Application kayıtlı değil).")


def check_libreoffice() -> Result:
    from .files.pdf import LibreOfficeNotFound, find_soffice

    try:
        return Result(OK, "LibreOffice (PDF)", find_soffice())
    except LibreOfficeNotFound:
        return Result(
            WARN,
            "LibreOffice (PDF)",
            "Kurulu değil: 'gockurul pdf' komutu çalışmaz (Excel'deki PDF "
            "düğmesi Excel'in kendi dışa aktarmasını kullanır).",
        )


def check_temp() -> Result:
    folder = Path(tempfile.gettempdir())
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix="gockurul-doktor-", delete=True) as f:
            f.write(b"gockurul")
            f.flush()
    except OSError as exc:
        return Result(FAIL, "Geçici klasör", f"'{folder}' yazılamıyor ({exc.strerror or type(exc).__name__}).")
    return Result(OK, "Geçici klasör", f"'{folder}' yazılabiliyor.")


def kontrol_command(xlam: Path) -> str:
    """The Python command the add-in's KontrolEt passes to RunPython, read from the add-in's own VBA."""
    from .files import addin, vbaproject

    source = vbaproject.sources(addin.vba_project(xlam))[addin.MODULE_NAME]
    found = re.search(r'^Sub KontrolEt\(.*?^\s*RunPython "((?:[^"]|"")*)"', source, re.M | re.S)
    if not found:
        raise ValueError("KontrolEt")
    return found.group(1).replace('""', '"')


def _paths(path: str):
    """Windows' path rules for a Windows path (a drive or UNC), on any system (doktor's tests run on Linux)."""
    import ntpath

    return ntpath if re.match(r"[A-Za-z]:|\\\\", path) else os.path


@dataclass
class RunPythonCall:
    line: str  # what ExecuteWindows hands to WScript.Run
    argv: list[str]  # what the interpreter receives
    folder: str  # the working directory (`cd` to the interpreter's folder)


def runpython_call(
    interpreter: str,
    command: str,
    config: dict[str, str],
    active: Path,
    this: Path,
    log: Path,
    app: str = "",
    hwnd: str = "0",
) -> RunPythonCall:
    """xlwings' RunPython (xlwings.bas 0.37: RunPython, then ExecuteWindows) for a book without `.py` sheets:
    PYTHONPATH from the config, `&` and `\\` escaped as it does, the same `-c` text and arguments."""

    def get(key: str) -> str:
        return expand_vars(config.get(key, ""))

    add_dir = get("ADD_WORKBOOK_TO_PYTHONPATH") if "ADD_WORKBOOK_TO_PYTHONPATH" in config else "true"
    pythonpath = ";".join(
        [
            add_dir,
            str(active),
            str(this),
            get("ONEDRIVE_CONSUMER_WIN"),
            get("ONEDRIVE_COMMERCIAL_WIN"),
            get("SHAREPOINT_WIN"),
            get("PYTHONPATH"),
        ]
    )
    pythonpath = pythonpath.replace("&", "^&").replace("\\", "\\\\")
    folder = _paths(interpreter).dirname(interpreter)
    book = _paths(str(active)).basename(str(active))
    drive = ""
    if re.match(r"[A-Za-z]:", interpreter):
        drive = f'{interpreter[:2]} & cd "{folder}" & '
    elif interpreter.startswith("\\\\"):
        drive = f'pushd "{folder}" & '
    exe = "python" if interpreter in ("python", "pythonw") else f'"{interpreter}"'
    code = f'import xlwings.utils;xlwings.utils.prepare_sys_path("{pythonpath}"); {command}'
    quoted = code.replace('"', '\\"')
    line = (
        f'cmd.exe /C {drive}{exe} -B -c "{quoted}"  --wb="{book}" --from_xl=1 --app="{app}" --hwnd="{hwnd}" 2> "{log}" '
    )
    argv = [
        _interpreter_file(interpreter) or interpreter,
        "-B",
        "-c",
        code,
        f"--wb={book}",
        "--from_xl=1",
        f"--app={app}",
        f"--hwnd={hwnd}",
    ]
    return RunPythonCall(line, argv, folder or os.getcwd())


def _press_in_excel(xlam: Path, path: Path) -> str:  # pragma: no cover - needs Windows and Excel
    """The add-in opened in a hidden Excel, the example book active, its KontrolEt run; the status cell read."""
    import xlwings as xw

    from . import contract, makro

    app = xw.App(visible=False, add_book=False)
    try:
        app.display_alerts = False
        app.books.open(str(xlam))
        book = app.books.open(str(path))
        book.activate()
        app.api.Run(f"'{xlam.name}'!KontrolEt")
        status = book.sheets[contract.CONTROL_PANEL_SHEET].range(makro.STATUS_CELL).value
        sheets = [s.name for s in book.sheets]
        book.close()
        if "Kontrol" not in sheets or not status:
            raise RuntimeError(f"'Kontrol' sayfası yazılmadı (durum: {status!r})")
        return str(status)
    finally:
        app.quit()


def check_button(addin_path: Path | None, with_excel: bool) -> Result:
    """The example workbook, Kontrol Et pressed as the add-in presses it: xlwings' RunPython command line run
    with the add-in's interpreter and settings (the book is the example file: no Excel holds it), the book
    read back; then, where Excel exists, the add-in's macro run in a hidden Excel."""
    import python_calamine

    from .example import write_example
    from .files import addin
    from .makro import DOCTOR_BOOK_ENV

    name = "Örnek kitapta düğme"
    xlam = addin_path if addin_path is not None and addin_path.is_file() else addin.SHIPPED
    try:
        config = addin.read_config(xlam) or {}
        command = kontrol_command(xlam)
    except Exception as exc:
        return Result(FAIL, name, f"Eklentinin KontrolEt makrosu okunamadı ({type(exc).__name__}): {xlam}")
    interpreter = configured_interpreter(config) if addin_path is not None else addin.interpreter_for()
    if not _interpreter_file(interpreter):
        return Result(
            FAIL,
            name,
            f"Düğme çalışmaz: eklentinin Python'u '{interpreter}' bulunamadı (Excel "
            "'Could not find Interpreter!' der).",
        )
    with tempfile.TemporaryDirectory(prefix="gockurul-doktor-") as folder:
        path = Path(folder) / "ornek.xlsx"
        try:
            write_example(path)
            call = runpython_call(interpreter, command, config, path, xlam, Path(folder) / "xlwings.log")
            env = {**os.environ, DOCTOR_BOOK_ENV: str(path), "PYTHONIOENCODING": "utf-8"}
            done = subprocess.run(
                call.argv,
                cwd=call.folder,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=300,
                check=False,
            )
            if done.returncode != 0:
                err = (done.stderr.strip().splitlines() or ["?"])[-1]
                return Result(
                    FAIL,
                    name,
                    f"xlwings'in RunPython komut satırı çalışmadı (çıkış kodu "
                    f"{done.returncode}): {err}. Komut: {call.line}",
                )
            sheets = python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names
            if "Kontrol" not in sheets:
                return Result(
                    FAIL, name, "RunPython komut satırı çalıştı ama örnek kitaba 'Kontrol' sayfası yazılmadı."
                )
            detail = (
                f"xlwings'in RunPython komut satırı ({interpreter} -B -c …, klasör {call.folder}) örnek "
                f"kitapta 'Kontrol Et'i çalıştırdı, 'Kontrol' sayfası yazıldı: {done.stdout.strip()}"
            )
            if with_excel and addin_path is not None:  # pragma: no cover - Windows with Excel
                detail += f" Excel'de eklentinin KontrolEt makrosu: {_press_in_excel(addin_path, path)}"
            return Result(OK, name, detail)
        except Exception as exc:
            return Result(FAIL, name, f"Çalışmadı: {type(exc).__name__}: {exc}")


def run(addin_path: Path | None = None, *, press: bool = True) -> list[Result]:
    results = [
        check_python(),
        check_packages(),
        check_addin_assets(),
        check_installed_addin(addin_path),
        check_excel(),
        check_libreoffice(),
        check_temp(),
    ]
    if press:
        if addin_path is None and sys.platform == "win32":
            addin_path = _installed_or_none()
        results.append(check_button(addin_path, with_excel=excel_installed()))
    return results


def _installed_or_none() -> Path | None:
    from .files import addin

    path = addin.installed_addin()
    return path if path.is_file() else None


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
