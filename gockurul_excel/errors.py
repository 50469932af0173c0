"""Errors that reach the user: a Turkish message, the sheet and cell where known, an exit code."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1  # kontrol found at least one `hata`
EXIT_FATAL = 2  # the file cannot be read, or the command cannot proceed


class GocKurulError(Exception):
    """A failure the user can act on. `str()` is the Turkish message shown to them."""

    exit_code = EXIT_FATAL

    def __init__(self, message: str, sheet: str | None = None, cell: str | None = None):
        self.message = message
        self.sheet = sheet
        self.cell = cell
        super().__init__(self.full_message())

    def full_message(self) -> str:
        where = ""
        if self.sheet and self.cell:
            where = f"'{self.sheet}' sayfası, {self.cell} hücresi: "
        elif self.sheet:
            where = f"'{self.sheet}' sayfası: "
        return where + self.message


class UnreadableWorkbook(GocKurulError):
    """Not an xlsx, truncated, corrupt, or refused for safety (XML bomb)."""


class WorkbookLocked(GocKurulError):
    """The workbook is open in Excel (its `~$` lock file exists)."""


class FileChanged(GocKurulError):
    """The file changed since it was read (someone else saved it); the other save was kept, ours dropped."""


class WouldLoseContent(GocKurulError):
    """Writing would drop something the user added in Excel; nothing was written."""


class NewerTemplate(GocKurulError):
    """The workbook was made from a newer template than this software knows."""


class InvalidArgument(GocKurulError):
    """A command-line argument or setting the command cannot use."""


# What the operating system said, in the office's words (errno names; no I/O here).
_OS_REASONS = {
    "ENOENT": "bulunamadı",
    "EISDIR": "bu bir klasör, dosya değil",
    "ENOTDIR": "yolundaki bir ad klasör değil",
    "EACCES": "erişim izni yok",
    "EPERM": "izin yok",
    "ELOOP": "kısayollar (sembolik bağlantılar) birbirini gösteriyor; gerçek dosyayı verin",
    "ENOSPC": "diskte yer kalmadı",
    "EDQUOT": "disk kotası doldu",
    "EROFS": "disk salt okunur",
    "ENAMETOOLONG": "adı ya da yolu çok uzun",
    "EBUSY": "başka bir program kullanıyor",
    "EMFILE": "çok fazla dosya açık",
    "EIO": "disk okunurken ya da yazılırken hata oluştu",
    "ETXTBSY": "başka bir program kullanıyor",
    "EXDEV": "başka bir diske taşınamıyor",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Turkish (never its English strerror)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name, f"işletim sistemi hatası ({name or exc.errno or 'bilinmiyor'})")


def os_error_message(exc: OSError, *, unchanged: bool = True) -> str:
    """A Turkish sentence for an operating-system error, naming the file (`unchanged`: say that no file was
    changed, as every write here is all or nothing)."""
    target = f"'{exc.filename}'" if exc.filename else "Bir dosya ya da klasör"
    return f"{target}: {os_reason(exc)}." + (" Dosya değiştirilmedi." if unchanged else "")


EXIT_STOPPED = 130  # the user stopped it (Ctrl+C), as shells report SIGINT


@dataclass(frozen=True)
class Failure:
    """What one failure means to the user: the Turkish sentence (after the entry point's own prefix, "HATA: " or
    "<düğme> yapılamadı: "), the exit code, and the traceback for IT when the message alone does not explain it."""

    message: str
    exit_code: int
    cause: str | None = None
    stopped: bool = False  # the user stopped it: not an error, no "HATA" prefix
    unexpected: bool = False  # a fault of the program: the entry point adds where its traceback was logged


def translate(exc: BaseException) -> Failure:
    """The one translator of exceptions for the CLI and the buttons; logs the cause to `gockurul_excel` (each
    entry point also keeps the traceback in its own log file)."""
    if isinstance(exc, KeyboardInterrupt):
        return Failure("İşlem durduruldu; dosya değiştirilmedi.", EXIT_STOPPED, stopped=True)
    if isinstance(exc, GocKurulError):
        # What lay beneath the Turkish message (a library's own error), for IT.
        return _logged(Failure(exc.full_message(), exc.exit_code, _traceback(exc) if exc.__cause__ else None))
    if isinstance(exc, OSError):
        if exc.errno is None or isinstance(exc, (ConnectionError, TimeoutError)):  # a connection, not a file
            message = (
                f"bağlantı kurulamadı ya da zaman aşımına uğradı ({type(exc).__name__}). Biraz sonra yeniden deneyin."
            )
        else:
            message = os_error_message(exc)
        return _logged(Failure(message, EXIT_FATAL, _traceback(exc)))
    message = f"beklenmeyen bir hata oluştu ({type(exc).__name__}); işlem tamamlanmadı."
    return _logged(Failure(message, EXIT_FATAL, _traceback(exc), unexpected=True))


def _traceback(exc: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def _logged(failure: Failure) -> Failure:
    if failure.cause is not None:
        import logging

        # INFO: an unconfigured CLI must not print the traceback through logging's last-resort handler.
        logging.getLogger("gockurul_excel").info("%s\n%s", failure.message, failure.cause)
    return failure
