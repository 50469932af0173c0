"""The Excel buttons: one function per button, for classic xlwings (RunPython), xlwings Lite and xlwings Server.

Each `name(book=None)` reads the live book (live.backend), runs the same `commands` function as the matching
CLI command and renders the sheets it made back into the book. `book=None` means `xw.Book.caller()` (the
workbook whose button was pressed).

The user sees one short Turkish message (a message box where the client has one, and always the status
cell `Kontrol Paneli!A2`), never a traceback; details go to `<kitap>_gockurul.log` beside the workbook
(desktop) or to the `gockurul_excel.makro` logger (remote clients). Importing this module is light:
xlwings and the library are imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .contract import (
    CONTROL_PANEL_SHEET,
    DISTRICT_FOLDER,
    DISTRICT_FOLDER_NAME,
    INPUT_SHEETS,
    SELECTED_MEETING_NAME,
    STATE_SHEETS,
)

log = logging.getLogger("gockurul_excel.makro")

TITLE = "Göç Kurulu"
STATUS_CELL = "A2"
MEETINGS_SHEET = "Toplantılar"
MEETING_KEY = "Toplantı No"
NO_MEETING = (
    "Toplantı seçilmedi. 'Toplantılar' sayfasında toplantının satırına tıklayın ya da "
    "'Kontrol Paneli' sayfasındaki 'Toplantı No' hücresine toplantının numarasını yazın; "
    "sonra düğmeye yeniden basın."
)
MERGE_REMOTE = (
    "Bu bağlantıda (xlwings Lite ya da sunucu) bilgisayarınızdaki klasörlere erişilemez. İlçe "
    "kitaplarını birleştirmek için kitabı masaüstü Excel'de açıp düğmeye basın ya da komut satırında "
    "'gockurul birlestir İL_KİTABI.xlsx KLASÖR' komutunu çalıştırın."
)

# Button name -> Turkish label (ribbon and messages); the order of the ribbon.
BUTTONS: dict[str, str] = {
    "kontrol_et": "Kontrol Et",
    "takvimi_hesapla": "Takvimi Hesapla",
    "tutanak": "Tutanak (Ek-1)",
    "katilimci_listesi": "Katılımcı Listesi (Ek-2)",
    "yillik_rapor": "Yıllık Rapor (Ek-3)",
    "gundem_ve_davet": "Gündem ve Davet",
    "toplanti_daveti": "Toplantı Daveti (e-posta)",
    "eylem_plani": "Eylem Planı İzleme",
    "platform_dosyalari": "Platform Dosyaları",
    "ilce_kitaplarini_birlestir": "İlçe Kitaplarını Birleştir",
    "il_mudurlugune_gonder": "İl Müdürlüğüne Gönder",
    "pdf": "PDF",
    "yeni_yila_devret": "Yeni Yıla Devret",
}

# The ribbon's groups (assets/addin/customUI14.xml; the server's ribbon and task pane are made from this).
BUTTON_GROUPS: dict[str, tuple[str, ...]] = {
    "Kitap": ("kontrol_et", "takvimi_hesapla", "yeni_yila_devret"),
    "Toplantı": ("tutanak", "katilimci_listesi", "gundem_ve_davet", "toplanti_daveti"),
    "Raporlar": (
        "yillik_rapor",
        "eylem_plani",
        "platform_dosyalari",
        "ilce_kitaplarini_birlestir",
        "il_mudurlugune_gonder",
        "pdf",
    ),
}

# The sheets each button reads: what xlwings Lite and the server's Office.js client send (`include=`). The
# generated sheets (forms, Takvim, Pano...) are written, never read, so they stay in Excel. The merge and PDF
# buttons only say on those clients that they need desktop Excel.
_DATA_SHEETS = (*INPUT_SHEETS, *STATE_SHEETS, CONTROL_PANEL_SHEET)
SHEETS_READ: dict[str, tuple[str, ...]] = {name: _DATA_SHEETS for name in BUTTONS} | {
    "ilce_kitaplarini_birlestir": (CONTROL_PANEL_SHEET,),
    "pdf": (CONTROL_PANEL_SHEET,),
}


class _UserMessage(Exception):
    """Stop a button with this message (not an error of the program)."""


# --- plumbing ------------------------------------------------------------------------------------------


def _caller(book: Any) -> Any:
    """The book passed in, else the calling book: `xw.Book.caller()`, and when that fails (it looks the name up
    lower-cased, which misses names with I/İ, and Excel may hide a second instance) the open book whose name
    is exactly the one RunPython passed."""
    if book is not None:
        return book
    import xlwings as xw

    try:
        return xw.Book.caller()
    except Exception:
        from .live.backend import caller_name, find_open_book

        name = caller_name(sys.argv)
        found = find_open_book(name, xw.apps) if name else None
        if found is None:
            raise
        log.info("Book.caller() bulamadı; '%s' adıyla açık kitaplarda bulundu", name)
        return found


def _from_runpython() -> bool:
    return "--from_xl=1" in sys.argv


def _fallback_log() -> Path:
    for folder in (Path.home(), Path(tempfile.gettempdir())):
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder / "gockurul-hata.log"
    return Path(tempfile.gettempdir()) / "gockurul-hata.log"


def _alert_without_book(message: str) -> None:
    """A message box when there is no book to show it in: Windows' own message box; elsewhere (and if that
    fails) the text goes to stderr and, under RunPython, a non-zero exit makes xlwings' VBA show it."""
    try:
        with open(_fallback_log(), "a", encoding="utf-8") as f:
            f.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} {message}\n")
    except OSError:
        pass
    if sys.platform == "win32":
        try:
            import ctypes

            # MB_OK | MB_ICONWARNING | MB_SETFOREGROUND | MB_TOPMOST
            ctypes.windll.user32.MessageBoxW(None, message, TITLE, 0x0 | 0x30 | 0x10000 | 0x40000)
            return
        except Exception:  # no GUI session: fall through to stderr
            log.debug("Windows mesaj kutusu gösterilemedi", exc_info=True)
    sys.stderr.write(message + "\n")
    if _from_runpython():
        raise SystemExit(1)


def _today() -> dt.date:
    return dt.date.today()


def _now() -> dt.datetime:
    return dt.datetime.now()


def _log_file(book: Any) -> Path | None:
    from .live.backend import book_path, is_remote

    if is_remote(book):
        return None
    path = book_path(book)
    if not path.parent or not path.parent.is_dir() or not path.suffix:
        return None
    return path.with_name(path.stem + "_gockurul.log")


def _log_details(book: Any, label: str, text: str) -> None:
    log.info("%s: %s", label, text)
    try:
        target = _log_file(book)
        if target is not None:
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} [{label}] {text}\n")
    except OSError:
        pass


def _tell(book: Any, message: str) -> None:
    """Status cell on Kontrol Paneli (always), then a message box where the client has one."""
    from . import contract
    from .live.backend import has_message_box, is_remote

    try:
        names = [s.name for s in book.sheets]
        if contract.CONTROL_PANEL_SHEET in names:
            stamp = f"{dt.datetime.now():%d.%m.%Y %H:%M}"
            book.sheets[contract.CONTROL_PANEL_SHEET].range(STATUS_CELL).value = f"{stamp} — {message}"
    except Exception:
        log.exception("durum hücresi yazılamadı")
    try:
        if MESSAGE_BOX.get() and has_message_box(book):
            book.app.alert(message, title=TITLE)
    except Exception:  # no message box on this client: the status cell says it
        log.debug("mesaj kutusu gösterilemedi", exc_info=True)
        if not is_remote(book):  # desktop: never silent
            _alert_without_book(message)


def button_message(label: str, exc: BaseException, book: Any = None) -> str:
    """What a button shows for `exc` (errors.translate, as the CLI does); its traceback, where one helps, goes to
    the log beside the book."""
    from .errors import translate

    failure = translate(exc)
    if failure.cause is not None and book is not None:
        _log_details(book, label, failure.cause)
    details = " Ayrıntılar kitabın yanındaki günlük dosyasında (_gockurul.log)." if failure.unexpected else ""
    return f"{label} yapılamadı: {failure.message}{details}"


def _run(book: Any, button: str, work: Callable[[Any], str]) -> str:
    """Run one button; return (and show) its message. Never raises for the user."""
    label = BUTTONS[button]
    try:
        book = _caller(book)
    except Exception as exc:
        log.exception("çağıran kitap bulunamadı")
        message = (
            f"{label} yapılamadı: düğmeye basılan Excel kitabı bulunamadı ({type(exc).__name__}). Kitabı "
            "kaydedip Excel'i kapatın, kitabı yeniden açıp düğmeye tekrar basın. Sorun sürerse bilgi "
            "işlem birimine 'gockurul doktor' komutunun çıktısını gönderin."
        )
        _alert_without_book(message)
        return message
    rendered = _RENDERED.set(False)
    try:
        message = work(book)
        if _RENDERED.get():  # sheets were written: say what this client could not draw
            message += _limited_note(book)
    except _UserMessage as exc:
        message = f"{label}: {exc}"
    except (Exception, KeyboardInterrupt) as exc:
        message = button_message(label, exc, book)
    finally:
        _RENDERED.reset(rendered)
    _log_details(book, label, message)
    _tell(book, message)
    return message


# Whether a button shows its message box: `gockurul doktor` presses one in a hidden Excel, where a box would
# wait for a click nobody can give (the status cell still says the message).
MESSAGE_BOX: ContextVar[bool] = ContextVar("gockurul_message_box", default=True)

# Whether the running button wrote sheets into the book (each button runs in its own context).
_RENDERED: ContextVar[bool] = ContextVar("gockurul_rendered", default=False)


def _render(book: Any, specs: list) -> list[str]:
    from .live.backend import LiveBackend

    names = LiveBackend(book).write(specs)
    _RENDERED.set(True)
    return names


def _data(book: Any) -> Any:
    from .live.backend import LiveBackend

    return LiveBackend(book).read()


def _paginates(book: Any) -> bool:
    """Whether this book's reports are laid out in printed pages (desktop Excel; not an Office.js client, which
    cannot set page breaks: live.backend.LiveBackend.paginates), for the commands' `paginate`."""
    from .live.backend import LiveBackend

    return LiveBackend(book).paginates


def _show(book: Any, outcome: Any) -> str:
    """Render what a command made into the book; its message is what the user sees."""
    if outcome.specs:
        _render(book, outcome.specs)
    return outcome.message


def _meeting_number(book: Any, data: Any) -> str:
    """The meeting row selected in `Toplantılar`, else the number typed into `SeciliToplantiNo`."""
    try:
        selection = book.selection
    except Exception:
        selection = None
    table = data.table(MEETINGS_SHEET)
    if selection is not None and table is not None:
        try:
            same_sheet = selection.sheet.name == MEETINGS_SHEET
            row = selection.row
        except Exception:
            same_sheet, row = False, 0
        if same_sheet:
            for record in table.records:
                if record.row == row and record[MEETING_KEY] is not None:
                    return str(record[MEETING_KEY])
    try:
        value = book.names[SELECTED_MEETING_NAME].refers_to_range.value
    except Exception:
        value = None
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _UserMessage(NO_MEETING)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _limited_note(book: Any) -> str:
    """What a client that applies only values and colours misses (live.backend.LIMITED_NOTE), else nothing."""
    from .live.backend import LIMITED, LIMITED_NOTE, client_kind

    return f" {LIMITED_NOTE}" if client_kind(book) == LIMITED else ""


# What the buttons import, ahead of the first press (warm_up). Not files/ (openpyxl, calamine: desktop only) nor
# sheets.letter_docx (python-docx): xlwings Lite has neither.
_WARM_PACKAGES = ("core", "sheets", "platform", "live")
_NOT_IN_LITE = ("gockurul_excel.sheets.letter_docx",)


def warm_up(today: dt.date | None = None) -> list[str]:
    """Import what the buttons use and load this year's and next year's holidays; return the modules imported.

    For xlwings Lite's main.py, which runs when Lite starts: Pyodide keeps no compiled bytecode between
    sessions, so each module's first import compiles its source (our modules, holidays' calendars, jsonschema:
    1-2 s). Done here, while Lite starts, that time does not fall on the user's first press."""
    import importlib
    import pkgutil

    from . import commands

    names = []
    package = Path(__file__).resolve().parent
    for sub in _WARM_PACKAGES:
        for info in pkgutil.iter_modules([str(package / sub)]):
            name = f"{__package__}.{sub}.{info.name}"
            if name not in _NOT_IN_LITE:
                importlib.import_module(name)
                names.append(name)
    from jsonschema import FormatChecker, validators  # noqa: F401  schemacheck's (no compiled validator in Lite)

    from .core.workdays import WorkCalendar

    day = today or _today()
    calendar = WorkCalendar()
    for year in (day.year, day.year + 1):
        calendar.is_working_day(dt.date(year, 1, 1))
    # One check of the example book, in memory: what a first press builds once (the schemas' validators, the
    # provinces from pycountry) is built now.
    from .core.model import workbook_from_rows
    from .example import example_rows, example_settings

    commands.check(workbook_from_rows(example_settings(), example_rows(), path=Path("ornek.xlsx")), day)
    return names


# --- buttons: each is one `commands` function on the live book ---------------------------------------

# `gockurul doktor` runs the exact command line of xlwings' RunPython for Kontrol Et. Where no Excel holds the
# book (Linux, or before Excel is checked), this variable names the example file the button works on instead.
DOCTOR_BOOK_ENV = "GOCKURUL_DOKTOR_KITAP"


def _press_on_file(path: Path) -> str:
    """Kontrol Et on a workbook file (doktor's run without Excel): the same command, written by the file
    backend; the message on stdout. A failure is a Turkish line on stderr and exit code 1, as under RunPython."""
    from . import commands
    from .files.backend import FileBackend

    try:
        backend = FileBackend(path)
        outcome = commands.check(backend.read(), _today())
        backend.write(outcome.specs)
    except Exception as exc:
        sys.stderr.write(button_message(BUTTONS["kontrol_et"], exc) + "\n")
        raise SystemExit(1) from None
    if sys.stdout is not None:  # pythonw.exe has none
        sys.stdout.write(outcome.message + "\n")
    return outcome.message


def kontrol_et(book: Any = None) -> str:
    """Kontrol Et = `gockurul kontrol`: findings on the `Kontrol` sheet."""
    from . import commands

    if book is None and os.environ.get(DOCTOR_BOOK_ENV):
        return _press_on_file(Path(os.environ[DOCTOR_BOOK_ENV]))
    return _run(book, "kontrol_et", lambda b: _show(b, commands.check(_data(b), _today())))


def takvimi_hesapla(book: Any = None) -> str:
    """Takvimi Hesapla = `gockurul takvim`: the `Takvim` and `Pano` sheets."""
    from . import commands

    return _run(
        book, "takvimi_hesapla", lambda b: _show(b, commands.calendar(_data(b), _today(), paginate=_paginates(b)))
    )


def _meeting_button(book: Any, button: str, command: Callable[..., Any]) -> str:
    def work(book: Any) -> str:
        data = _data(book)
        return _show(book, command(data, _meeting_number(book, data), paginate=_paginates(book)))

    return _run(book, button, work)


def tutanak(book: Any = None) -> str:
    """Tutanak (Ek-1) = `gockurul tutanak`."""
    from . import commands

    return _meeting_button(book, "tutanak", commands.minutes)


def katilimci_listesi(book: Any = None) -> str:
    """Katılımcı Listesi (Ek-2) = `gockurul katilimci`."""
    from . import commands

    return _meeting_button(book, "katilimci_listesi", commands.attendance)


def gundem_ve_davet(book: Any = None) -> str:
    """Gündem ve Davet = `gockurul gundem`."""
    from . import commands

    # The buttons show the sheets; the Word letters are `gockurul gundem`'s (python-docx is not in xlwings Lite).
    return _meeting_button(
        book, "gundem_ve_davet", lambda data, no, **kw: commands.agenda(data, no, documents=False, **kw)
    )


def toplanti_daveti(book: Any = None) -> str:
    """Toplantı Daveti (e-posta) = `gockurul davet`: the e-mail draft and the calendar request beside the workbook
    (desktop; a remote client has no folder of the user's: there only `Davet Kayıtları` is shown)."""

    def work(book: Any) -> str:
        from .live.backend import book_path, is_remote

        # First whether files can be written here: the draft needs python-docx and icalendar, not in xlwings Lite.
        path = book_path(book)
        if is_remote(book) or not path.parent.is_dir() or not path.suffix:
            raise _UserMessage(
                "Bu bağlantıda dosya yazılamaz: e-posta taslağı ve takvim isteği için kitabı "
                "bilgisayarınıza kaydedip masaüstü Excel'deki düğmeyi ya da 'gockurul davet' komutunu "
                "kullanın."
            )
        from . import commands
        from .files.letters import invitation_files, letters_folder

        data = _data(book)
        outcome = commands.invitations(data, _meeting_number(book, data), _now())
        eml, _ics, _pdf = invitation_files(outcome, letters_folder(path))
        _show(book, outcome)
        return f"{outcome.message} Taslak: {eml}. Kitabı kaydetmeyi unutmayın."

    return _run(book, "toplanti_daveti", work)


def yillik_rapor(book: Any = None) -> str:
    """Yıllık Rapor (Ek-3) = `gockurul yillik` for the workbook's year."""
    from . import commands

    return _run(book, "yillik_rapor", lambda b: _show(b, commands.annual_report(_data(b), paginate=_paginates(b))))


def eylem_plani(book: Any = None) -> str:
    """Eylem Planı İzleme = `gockurul eylem`."""
    from . import commands

    return _run(
        book, "eylem_plani", lambda b: _show(b, commands.action_plan(_data(b), _today(), paginate=_paginates(b)))
    )


def platform_dosyalari(book: Any = None) -> str:
    """Platform Dosyaları = `gockurul platform` into `<kitap>_platform` beside the workbook (desktop only;
    a remote client has no folder of the user's, so there the documents are only made and validated)."""

    def work(book: Any) -> str:
        from . import commands
        from .live.backend import book_path, is_remote

        outcome = commands.platform_files(_data(book))
        path = book_path(book)
        if is_remote(book) or not path.parent.is_dir() or not path.suffix:  # files/ is not in xlwings Lite
            return (
                f"{outcome.message} Ancak bu bağlantıda dosya yazılamaz: dosyaları almak için kitabı "
                "bilgisayarınıza kaydedip 'gockurul platform' komutunu ya da masaüstü Excel'deki düğmeyi "
                "kullanın."
            )
        from .files.platform_folder import beside, install_files

        out_dir = beside(path)
        install_files(out_dir, outcome.payload.files)
        return f"{len(outcome.payload.files)} platform dosyası '{out_dir}' klasörüne yazıldı."

    return _run(book, "platform_dosyalari", work)


def district_folder(workbook: Path, typed: Any) -> Path:
    """The folder the merge button reads: the one typed into 'İlçe Kitapları Klasörü' on Kontrol Paneli
    (relative to the workbook's folder when not absolute), else 'İlçe Kitapları' beside the workbook."""
    text = str(typed).strip().strip('"') if typed is not None else ""
    if not text:
        return workbook.parent / DISTRICT_FOLDER
    folder = Path(text).expanduser()
    return folder if folder.is_absolute() else workbook.parent / folder


def _district_sources(book: Any) -> list[Path]:
    from .files.sources import expand_sources
    from .live.backend import book_path

    try:
        typed = book.names[DISTRICT_FOLDER_NAME].refers_to_range.value
    except Exception:  # a workbook made before the panel had this cell
        typed = None
    path = book_path(book)
    typed_text = str(typed).strip().strip('"') if typed is not None else ""
    if (not path.suffix or not path.parent.is_dir()) and not Path(typed_text).expanduser().is_absolute():
        # never saved, or saved on OneDrive/SharePoint (its name is a web address, not a folder here)
        raise _UserMessage(
            "Kitabın bu bilgisayarda bir klasörü yok (henüz kaydedilmemiş ya da OneDrive/SharePoint "
            "üzerinde). 'Kontrol Paneli' sayfasındaki 'İlçe Kitapları Klasörü' hücresine ilçe "
            "kitaplarının bulunduğu klasörün tam yolunu yazın (ör. C:\\Kurul\\İlçe Kitapları) ya "
            f"da kitabı bilgisayarınıza kaydedip yanına '{DISTRICT_FOLDER}' klasörünü açın."
        )
    folder = district_folder(path, typed)
    if not folder.is_dir():
        raise _UserMessage(
            f"'{folder}' klasörü bulunamadı. İlçelerden gelen kitapları (.xlsx), kaydedilmiş "
            "e-postaları (.eml) ve platform klasörlerini bu klasöre koyun (ya da 'Kontrol Paneli' "
            "sayfasındaki 'İlçe Kitapları Klasörü' hücresine klasörün yolunu yazın), sonra düğmeye "
            "yeniden basın."
        )
    if not expand_sources([folder]):
        raise _UserMessage(
            f"'{folder}' klasöründe birleştirilecek ilçe kitabı (.xlsx), kaydedilmiş e-posta (.eml) "
            "ya da platform klasörü yok."
        )
    return [folder]


def ilce_kitaplarini_birlestir(book: Any = None, *, sources: list[str | Path] | None = None) -> str:
    """İlçe Kitaplarını Birleştir = `gockurul birlestir` on the open province workbook: the same
    `commands.merge`, with the merged state read from this book's generated sheets, and its sheets rendered
    here instead of written to the file. The district workbooks come from `district_folder` (desktop Excel
    only: remote clients cannot reach the user's folders); `sources` names them explicitly."""

    def work(book: Any) -> str:
        from .live.backend import book_path, is_remote

        remote = is_remote(book)
        if sources is None and remote:  # before importing files/: xlwings Lite has no folders to read
            raise _UserMessage(MERGE_REMOTE)
        from . import commands
        from .core.merge import require_province
        from .files.sources import read_sources

        data = _data(book)
        require_province(data, book.name)
        found = [Path(s) for s in sources] if sources is not None else _district_sources(book)
        read = read_sources(found, province_path=None if remote else book_path(book))
        outcome = commands.merge(data, read, today=_today(), now=_now())
        return _show(book, outcome) + (" Kitabı kaydetmeyi unutmayın." if outcome.specs else "")

    return _run(book, "ilce_kitaplarini_birlestir", work)


def il_mudurlugune_gonder(book: Any = None) -> str:
    """İl Müdürlüğüne Gönder = `gockurul gonder` (a district book, M12(5)): the latest held meeting's Tebliğ and
    Ek-1 written, printed to PDF by Excel, and an e-mail draft to the province with them and a copy of the book
    as it is now (Excel's SaveCopyAs: the user's file and its saved state are not touched). Desktop Excel only."""

    def work(book: Any) -> str:
        from .live.backend import book_path, is_remote

        # First whether files can be written here (xlwings Lite has neither the file code nor a folder of the user's)
        path = book_path(book)
        if is_remote(book) or not path.parent.is_dir() or not path.suffix:
            raise _UserMessage(
                "Bu bağlantıda dosya yazılamaz: il müdürlüğüne gönderilecek e-posta taslağı için "
                "kitabı bilgisayarınıza kaydedip masaüstü Excel'deki düğmeyi ya da 'gockurul gonder' "
                "komutunu kullanın."
            )
        import tempfile

        from . import commands
        from .files.letters import district_mail_file, letters_folder

        outcome = commands.district_mail(_data(book), paginate=_paginates(book))
        _show(book, outcome)
        mail = outcome.payload
        with tempfile.TemporaryDirectory(prefix="gockurul-gonder-") as tmp_name:
            tmp = Path(tmp_name)
            pdfs = {}
            for sheet in (mail.notice_sheet, mail.minutes_sheet):
                target = tmp / f"{sheet}.pdf"
                book.sheets[sheet].to_pdf(str(target))
                pdfs[target.name] = target.read_bytes()
            copy = tmp / path.name
            book.api.SaveCopyAs(str(copy))  # Windows Excel; the book as the user sees it, unsaved changes too
            eml, _names = district_mail_file(
                path, mail, letters_folder(path), _now(), book_bytes=copy.read_bytes(), pdfs=pdfs
            )
        return f"{outcome.message} Taslak: {eml}. Kitabı kaydetmeyi unutmayın."

    return _run(book, "il_mudurlugune_gonder", work)


def pdf(book: Any = None) -> str:
    """PDF: the active sheet (a generated one: a form, a report) as a PDF beside the workbook (desktop Excel
    only; the CLI `gockurul pdf` does the same with LibreOffice)."""

    def work(book: Any) -> str:
        from . import commands
        from .live.backend import book_path, is_remote

        if is_remote(book):
            raise _UserMessage("Bu bağlantıda PDF yapılamaz; Excel'de Dosya > Dışarı Aktar > PDF kullanın.")
        sheet = book.sheets.active
        outcome = commands.printable(sheet.name)
        path = book_path(book)
        output = path.with_name(f"{path.stem} - {sheet.name}.pdf")
        sheet.to_pdf(str(output))
        return f"{outcome.message}: {output}"

    return _run(book, "pdf", work)


def yeni_yila_devret(book: Any = None) -> str:
    """Yeni Yıla Devret = `gockurul devir` on the open workbook: next year's workbook beside it, its year in the
    name ('GAZIANTEP_2026.xlsx' -> 'GAZIANTEP_2027.xlsx'); this workbook is not changed. Desktop Excel only (a remote
    client has no folder of the user's); an existing file is never replaced from a button."""

    def work(book: Any) -> str:
        from .live.backend import book_path, is_remote

        path = book_path(book)
        if is_remote(book) or not path.suffix or not path.parent.is_dir():
            raise _UserMessage(
                "Yeni yılın kitabı bu bağlantıda ya da kaydedilmemiş bir kitaptan yazılamaz: kitabı "
                "bilgisayarınıza kaydedip masaüstü Excel'de düğmeye yeniden basın ya da komut "
                "satırında 'gockurul devir ESKİ.xlsx YENİ.xlsx' komutunu çalıştırın."
            )
        from . import commands
        from .files.fill import next_year_path, write_new_year  # openpyxl: not in xlwings Lite

        outcome = commands.carry_over(_data(book))
        carried = outcome.payload
        target = next_year_path(path, carried.year - 1, carried.year)
        if target.exists():
            raise _UserMessage(
                f"'{target}' zaten var; üzerine yazılmadı. Önce o dosyanın adını değiştirin ya da "
                f'komut satırında \'gockurul devir "{path.name}" "{target.name}" --uzerine-yaz\' '
                "ile (yedeğini alarak) değiştirin."
            )
        write_new_year(target, carried.settings, carried.rows, source=path)
        return f"{outcome.message} Yeni kitap: {target}. Bu kitap değişmedi."

    return _run(book, "yeni_yila_devret", work)
