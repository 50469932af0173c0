"""Errors that reach the user: a Turkish message, the sheet and cell where known, an exit code."""

from __future__ import annotations

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
    "ENOENT": "bulunamadı", "EISDIR": "bu bir klasör, dosya değil", "ENOTDIR": "yolundaki bir ad klasör değil",
    "EACCES": "erişim izni yok", "EPERM": "izin yok", "ELOOP": "kısayollar (sembolik bağlantılar) birbirini "
    "gösteriyor; gerçek dosyayı verin", "ENOSPC": "diskte yer kalmadı", "EDQUOT": "disk kotası doldu",
    "EROFS": "disk salt okunur", "ENAMETOOLONG": "adı ya da yolu çok uzun", "EBUSY": "başka bir program "
    "kullanıyor", "EMFILE": "çok fazla dosya açık", "EIO": "disk okunurken ya da yazılırken hata oluştu",
    "ETXTBSY": "başka bir program kullanıyor", "EXDEV": "başka bir diske taşınamıyor",
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
