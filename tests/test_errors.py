"""One translator of failures (errors.translate) for the CLI and the buttons: every kind it knows reads the same
through both entry points, only the prefix ("HATA: " / "<düğme> yapılamadı: ") and where the log is differ."""

from __future__ import annotations

import errno

import pytest
from typer.testing import CliRunner

from gockurul_excel import cli, errors, makro
from gockurul_excel.errors import (
    FileChanged,
    GocKurulError,
    InvalidArgument,
    NewerTemplate,
    UnreadableWorkbook,
    WorkbookLocked,
    WouldLoseContent,
    translate,
)

from .test_makro import remote_book


def _with_cause() -> GocKurulError:
    try:
        try:
            raise ValueError("kütüphanenin kendi hatası")
        except ValueError as inner:
            raise UnreadableWorkbook("Kitap okunamadı.") from inner
    except UnreadableWorkbook as exc:
        return exc


# (exception, words the user must read, whether a traceback is logged for IT)
KINDS = {
    "refused": (
        lambda: GocKurulError("Tarih okunamadı.", "Toplantılar", "C5"),
        ["'Toplantılar' sayfası, C5 hücresi: Tarih okunamadı."],
        False,
    ),
    "unreadable": (lambda: UnreadableWorkbook("Dosya bir Excel kitabı değil."), ["bir Excel kitabı değil"], False),
    "locked": (lambda: WorkbookLocked("Kitap Excel'de açık."), ["Excel'de açık"], False),
    "changed": (lambda: FileChanged("Kitap siz çalışırken kaydedildi."), ["kaydedildi"], False),
    "would_lose": (lambda: WouldLoseContent("Eklediğiniz sayfa kaybolurdu."), ["kaybolurdu"], False),
    "newer": (lambda: NewerTemplate("Şablon daha yeni."), ["daha yeni"], False),
    "argument": (lambda: InvalidArgument("Geçersiz değer."), ["Geçersiz değer."], False),
    "with_cause": (_with_cause, ["Kitap okunamadı."], True),
    "no_access": (
        lambda: PermissionError(errno.EACCES, "Permission denied", "/x/kitap.xlsx"),
        ["'/x/kitap.xlsx': erişim izni yok. Dosya değiştirilmedi."],
        True,
    ),
    "disk_full": (
        lambda: OSError(errno.ENOSPC, "No space left on device", "/x/kitap.xlsx"),
        ["diskte yer kalmadı"],
        True,
    ),
    "missing": (lambda: FileNotFoundError(errno.ENOENT, "No such file", "/x/yok.xlsx"), ["bulunamadı"], True),
    "refused_connection": (
        lambda: ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
        ["bağlantı kurulamadı", "ConnectionRefusedError"],
        True,
    ),
    "timeout": (lambda: TimeoutError("timed out"), ["zaman aşımına uğradı", "TimeoutError"], True),
    "no_errno": (lambda: OSError("socket closed"), ["bağlantı kurulamadı", "(OSError)"], True),
    "unexpected": (lambda: RuntimeError("x"), ["beklenmeyen bir hata oluştu (RuntimeError)"], True),
    "stopped": (KeyboardInterrupt, ["İşlem durduruldu"], False),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_failure_reads_the_same_from_the_cli_and_a_button(kind, make_book, monkeypatch, tmp_path):
    make, words, logged = KINDS[kind]
    monkeypatch.setenv("HOME", str(tmp_path / "ev"))  # the CLI's log never goes to the real home
    (tmp_path / "ev").mkdir()
    path = make_book()

    def fail(*args, **kwargs):
        raise make()

    monkeypatch.setattr("gockurul_excel.commands.check", fail)
    failure = translate(make())
    assert all(w in failure.message for w in words), failure.message
    assert "Traceback" not in failure.message

    result = CliRunner().invoke(cli.app, ["kontrol", str(path)], prog_name="gockurul")
    shown = result.stderr.strip()
    assert result.exit_code == failure.exit_code
    label = makro.BUTTONS["kontrol_et"]
    message = makro.kontrol_et(remote_book(path))

    if failure.stopped:
        assert shown == failure.message and result.exit_code == 130
        assert message == f"{label} yapılamadı: {failure.message}"
        return
    assert shown.startswith(f"HATA: {failure.message}"), shown
    assert message.startswith(f"{label} yapılamadı: {failure.message}"), message
    cli_rest, button_rest = (
        shown.removeprefix(f"HATA: {failure.message}"),
        message.removeprefix(f"{label} yapılamadı: {failure.message}"),
    )
    log = tmp_path / "ev" / "gockurul-hata.log"
    if failure.unexpected:  # where the traceback is: the CLI's log in the home folder, the book's log beside it
        assert cli_rest == f" Yazılan dosyalar ya tamamen yazılır ya hiç yazılmaz. Ayrıntılar: {log}"
        assert button_rest == " Ayrıntılar kitabın yanındaki günlük dosyasında (_gockurul.log)."
    else:
        assert cli_rest == "" and button_rest == "", (cli_rest, button_rest)
    assert log.exists() == logged
    if logged:
        assert "Traceback" in log.read_text(encoding="utf-8")
    assert errors.EXIT_FATAL == result.exit_code


def test_the_press_without_excel_says_it_the_same_way(make_book, monkeypatch, capsys):
    """doktor's press on a file (makro._press_on_file) words an OS error as the buttons do, not in English."""
    path = make_book()

    def fail(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr("gockurul_excel.commands.check", fail)
    with pytest.raises(SystemExit) as stop:
        makro._press_on_file(path)
    assert stop.value.code == 1
    said = capsys.readouterr().err
    assert said == f"{makro.BUTTONS['kontrol_et']} yapılamadı: '{path}': erişim izni yok. Dosya değiştirilmedi.\n"
