"""Issue 26: files/atomic.py in the process — what a file is by its first bytes, the checks before a write with
their whole Turkish messages, the backups kept (the newest five, the first of each of the last seven days, the
oldest), the temporary files of dead runs, and a save that finds the file changed under it."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import stat
import time
import types
import zipfile
from pathlib import Path

import pytest

from gockurul_excel.errors import FileChanged, GocKurulError, InvalidArgument, WorkbookLocked
from gockurul_excel.files import atomic
from gockurul_excel.files.safety import OLE2_MAGIC, host_tag


def package(*names: str, stamp: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, stamp if n == "docProps/core.xml" else n.encode())
    return buf.getvalue()


XLSX_BYTES = package("[Content_Types].xml", "xl/workbook.xml")


def put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- kind_of -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n", "pdf"),
        (b"%pdf-1.7\n", None),  # the signature is upper case
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "ics"),
        (b"\xef\xbb\xbf \t\r\nbegin:vcalendar\r\n", "ics"),  # a BOM and blanks before it, any case
        (b"XBEGIN:VCALENDAR\r\n", None),  # only a BOM and blanks may come first
        (b" " * 49 + b"BEGIN:VCALENDAR", "ics"),  # within the 64 bytes read
        (b" " * 50 + b"BEGIN:VCALENDAR", None),  # one byte beyond them
        (OLE2_MAGIC + b"\x00" * 20, "ole2"),
        (XLSX_BYTES, "xlsx"),
        (package("XL/Workbook.XML"), "xlsx"),  # member names compared in lower case
        (package("word/document.xml"), "docx"),
        (package("content.xml", "mimetype"), "zip"),
        (b"PK\x03\x04 not a zip at all", "zip"),
        (b"pk\x03\x04", None),
        (b"MIME-Version: 1.0\r\nSubject: x\r\n", "eml"),
        (b"X-Unsent: 1\r\n", "eml"),
        (b"Subject:x\r\n", None),  # a header field has a space after its colon
        (b"1Subject: x\r\n", None),  # and begins with a letter
        (b"hello world", None),
    ],
)
def test_kind_of_reads_the_first_bytes_not_the_name(tmp_path, data, kind):
    assert atomic.kind_of(put(tmp_path / "dosya.bin", data)) == kind


# --- stamps and the changed-file messages ------------------------------------------------------------------------

READ_CHANGED = (
    "'a.xlsx' okunurken ya da okunduktan sonra başka bir kullanıcı ya da program tarafından "
    "değiştirildi; üzerine yazılmadı. İşlemi yeniden çalıştırın."
)
WRITE_CHANGED = (
    "'a.xlsx' bu işlem sürerken başka bir kullanıcı ya da program tarafından kaydedildi. O kayıt "
    "korundu; bu işlemin yazdıkları kaydedilmedi. Dosyayı kontrol edip işlemi yeniden çalıştırın."
)


def test_stamp_and_read_stamped(tmp_path):
    f = put(tmp_path / "a.xlsx", b"abc")
    assert atomic.stamp(tmp_path / "yok.xlsx") is None
    assert atomic.stamp(tmp_path / "a.xlsx" / "x") is None  # a file used as a folder
    data, st = atomic.read_stamped(f)
    assert data == b"abc" and st.content == b"abc" and st.size == 3
    assert st.same_stat(atomic.stamp(f)) and not st.same_stat(None)
    assert atomic.read_stamped(f, expect=st)[0] == b"abc"
    with pytest.raises(FileNotFoundError):
        atomic.read_stamped(tmp_path / "yok.xlsx")


@pytest.mark.parametrize("field", ["size", "mtime_ns", "ino", "dev"])
def test_a_stamp_differs_by_any_of_its_four_fields(tmp_path, field):
    st = atomic.stamp(put(tmp_path / "a.xlsx", b"abc"))
    other = atomic.Stamp(**{**st.__dict__, field: getattr(st, field) + 1})
    assert not st.same_stat(other)
    assert st.same_stat(atomic.Stamp(st.dev, st.ino, st.size, st.mtime_ns, b"other content"))


def test_a_file_saved_by_someone_else_since_it_was_read_is_not_read_as_ours(tmp_path):
    f = put(tmp_path / "a.xlsx", b"abc")
    _, st = atomic.read_stamped(f)
    put(f, b"abcd")
    with pytest.raises(FileChanged) as info:
        atomic.read_stamped(f, expect=st)
    assert str(info.value) == READ_CHANGED


def test_a_save_over_a_file_changed_since_it_was_read_is_refused(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    _, st = atomic.read_stamped(f)
    put(f, XLSX_BYTES + b"\x00")
    with pytest.raises(FileChanged) as info:
        atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES), expect=st)
    assert str(info.value) == READ_CHANGED
    assert f.read_bytes() == XLSX_BYTES + b"\x00"


def test_a_save_whose_file_changed_in_content_only_keeps_the_other_save(tmp_path):
    """Same stat, other bytes (a save within the file system's time resolution): found just before the rename."""
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    st = atomic.stamp(f, b"what we read")
    with pytest.raises(FileChanged) as info:
        atomic.save_atomic(f, lambda out: out.write(b"new"), expect=st)
    assert str(info.value) == WRITE_CHANGED
    assert f.read_bytes() == XLSX_BYTES
    assert leftovers(tmp_path) == []


def test_a_file_made_by_someone_else_while_we_write_a_new_one_is_kept(tmp_path):
    f = tmp_path / "a.xlsx"

    def write(out):
        put(f, b"theirs")
        out.write(XLSX_BYTES)

    with pytest.raises(FileChanged) as info:
        atomic.save_atomic(f, write)
    assert str(info.value) == WRITE_CHANGED
    assert f.read_bytes() == b"theirs"


# --- check_output -----------------------------------------------------------------------------------------------


def refused(exc_type, path, kind, **kw) -> str:
    with pytest.raises(exc_type) as info:
        atomic.check_output(path, kind, **kw)
    assert type(info.value) is exc_type
    return str(info.value)


def test_check_output_refuses_a_folder_and_a_missing_folder(tmp_path):
    (tmp_path / "k").mkdir()
    assert (
        refused(InvalidArgument, tmp_path / "k", atomic.XLSX)
        == "'k' bir klasör; dosya olarak yazılamaz. Bir dosya adı verin."
    )
    assert (
        refused(InvalidArgument, tmp_path / "yok" / "a.xlsx", atomic.XLSX)
        == f"'{tmp_path / 'yok'}' klasörü bulunamadı."
    )


def test_check_output_refuses_what_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "boru")
    assert refused(InvalidArgument, tmp_path / "boru", None) == "'boru' sıradan bir dosya değil; üzerine yazılmadı."


def test_a_command_that_creates_a_file_replaces_one_only_when_told(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    assert refused(InvalidArgument, f, atomic.XLSX, create=True) == (
        f"'{f}' zaten var; üzerine yazılmadı. Değiştirmek için --uzerine-yaz verin (önceki hâli 'Yedekler' "
        "klasörüne yedeklenir)."
    )
    assert atomic.check_output(f, atomic.XLSX, create=True, overwrite=True) == f
    assert atomic.check_output(tmp_path / "b.xlsx", atomic.XLSX, create=True) == tmp_path / "b.xlsx"


@pytest.mark.parametrize(
    ("data", "kind", "overwrite", "words"),
    [
        (b"%PDF-1.4", atomic.XLSX, False, "bir PDF belgesi; üzerine Excel çalışma kitabı"),
        (b"%PDF-1.4", atomic.XLSX, True, "bir PDF belgesi; üzerine Excel çalışma kitabı"),  # a known kind: never
        (XLSX_BYTES, atomic.ICS, True, "bir Excel çalışma kitabı; üzerine iCalendar takvimi (.ics)"),
        (package("word/document.xml"), atomic.PDF, False, "bir Word belgesi; üzerine PDF belgesi"),
        (b"hello", atomic.EML, False, "başka türden bir dosya; üzerine e-posta taslağı (.eml)"),
        (
            OLE2_MAGIC,
            atomic.DOCX,
            False,
            "eski biçimde bir Office dosyası (.xls/.doc) ya da parola korumalı bir dosya; üzerine Word belgesi",
        ),
        (
            b"PK\x03\x04",
            atomic.XLSX,
            False,
            "bir zip arşivi (Word, PowerPoint ya da OpenDocument dosyası olabilir); üzerine Excel çalışma kitabı",
        ),
    ],
)
def test_a_file_of_another_kind_is_never_replaced(tmp_path, data, kind, overwrite, words):
    f = put(tmp_path / "a.out", data)
    assert (
        refused(InvalidArgument, f, kind, overwrite=overwrite)
        == f"'a.out' {words} yazılmadı. Başka bir dosya adı verin."
    )


@pytest.mark.parametrize(("data", "overwrite"), [(b"", False), (b"hello", True), (b"%PDF-1", False)])
def test_an_empty_file_or_when_told_an_unknown_one_is_replaced(tmp_path, data, overwrite):
    f = put(tmp_path / "a.pdf", data)
    assert atomic.check_output(f, atomic.PDF, overwrite=overwrite) == f


def test_kind_none_skips_the_kind_check_and_a_symlink_leads_to_its_file(tmp_path):
    f = put(tmp_path / "a.xlsx", b"%PDF-1")
    link = tmp_path / "bag.xlsx"
    link.symlink_to(f)
    assert atomic.check_output(link, None) == f


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_read_only_file_is_refused(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    f.chmod(0o444)
    assert refused(GocKurulError, f, atomic.XLSX) == (
        "'a.xlsx' salt okunur; değiştirilmedi. Dosyanın Özellikler penceresinde 'Salt okunur' işaretini kaldırın "
        "(ya da yazma izni alın) ve tekrar deneyin."
    )
    f.chmod(0o200)  # writable by its owner only: not read-only
    assert atomic.check_output(f, None) == f


# --- backups --------------------------------------------------------------------------------------------------

NAME = re.compile(r"a_(\d{8})-(\d{6})-(\d{6})\.xlsx")


def backups(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "Yedekler").iterdir() if not p.name.startswith(".~"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".~gockurul-*"))


def test_a_backup_is_a_copy_named_by_the_time_keeping_mode_and_time(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    f.chmod(0o640)
    os.utime(f, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = dt.datetime.now()
    b = atomic.backup(f)
    after = dt.datetime.now()
    assert b.parent == tmp_path / "Yedekler" and b.read_bytes() == b"old"
    m = NAME.fullmatch(b.name)
    assert m and before <= dt.datetime.strptime(m[1] + m[2] + m[3], "%Y%m%d%H%M%S%f") <= after
    assert stat.S_IMODE(b.stat().st_mode) == 0o640 and b.stat().st_mtime_ns == 1_600_000_000_000_000_000
    assert atomic.backup(f, data=b"given").read_bytes() == b"given"
    assert leftovers(tmp_path) == []


def test_a_backup_comes_after_every_backup_there_even_one_in_the_future(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    (tmp_path / "Yedekler").mkdir()
    put(tmp_path / "Yedekler" / "a_20990101-000000-3.xlsx", b"")  # the older naming, a clock gone back
    assert atomic.backup(f).name == "a_20990101-000000-000004.xlsx"
    assert atomic.backup(f).name == "a_20990101-000000-000005.xlsx"
    put(tmp_path / "Yedekler" / "a_20990101-235959-999999.xlsx", b"")
    assert atomic.backup(f).name == "a_20990102-000000-000000.xlsx"


def test_keep_is_at_least_one(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    with pytest.raises(ValueError, match=r"^keep must be at least 1$"):
        atomic.backup(f, keep=0)
    assert atomic.backup(f, keep=1).exists()


def test_kept_backups_are_the_newest_the_first_of_each_of_the_last_seven_days_and_the_oldest(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    folder = tmp_path / "Yedekler"
    folder.mkdir()
    for day in range(1, 11):
        for hour in ("080000", "090000"):
            put(folder / f"a_202001{day:02d}-{hour}-000000.xlsx", b"")
    put(folder / "b_20200101-070000-000000.xlsx", b"")  # another file's backup: not counted, not removed
    new = atomic.backup(f, keep=2)
    kept_days = [f"a_202001{d:02d}-080000-000000.xlsx" for d in (1, 5, 6, 7, 8, 9, 10)]
    assert backups(tmp_path) == sorted(
        [*kept_days, "a_20200110-090000-000000.xlsx", new.name, "b_20200101-070000-000000.xlsx"]
    )


def test_no_backup_is_removed_while_there_are_no_more_than_keep(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    folder = tmp_path / "Yedekler"
    folder.mkdir()
    names = [f"a_202001{d:02d}-080000-000000.xlsx" for d in range(1, 10)]
    for n in names:
        put(folder / n, b"")
    new = atomic.backup(f, keep=10)
    assert backups(tmp_path) == sorted([*names, new.name])


# --- temporary files of dead runs ---------------------------------------------------------------------------


def test_temporary_files_of_dead_runs_go_the_live_and_the_recent_foreign_stay(tmp_path):
    here = host_tag()
    other = "0" * 8 if here != "0" * 8 else "1" * 8
    dead_here = put(tmp_path / f".~gockurul-999999999@{here}-x.tmp", b"")
    live_here = put(tmp_path / f".~gockurul-{os.getpid()}@{here}-x.tmp", b"")
    fresh_foreign = put(tmp_path / f".~gockurul-999999999@{other}-x.tmp", b"")
    old_foreign = put(tmp_path / f".~gockurul-1@{other}-y.tmp", b"")
    hour_ago = time.time() - atomic.STALE_TEMP_SECONDS - 60
    os.utime(old_foreign, (hour_ago, hour_ago))
    odd_old = put(tmp_path / ".~gockurul-kayit.tmp", b"")  # not a name of ours: by its age only
    os.utime(odd_old, (hour_ago, hour_ago))
    other_file = put(tmp_path / "a.xlsx", b"")
    os.utime(other_file, (hour_ago, hour_ago))
    assert sorted(atomic.left_by_dead_runs(tmp_path, ".~gockurul-*.tmp", atomic._TEMP_NAME)) == sorted(
        [dead_here, old_foreign, odd_old]
    )
    atomic.remove_stale_temps(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live_here.name, fresh_foreign.name, "a.xlsx"])


def test_a_missing_folder_has_nothing_left_in_it(tmp_path):
    assert list(atomic.left_by_dead_runs(tmp_path / "yok", "*.tmp", atomic._TEMP_NAME)) == []


# --- save_atomic ----------------------------------------------------------------------------------------------


def test_a_new_file_is_written_whole_with_the_umasks_mode_and_no_backup(tmp_path):
    f = tmp_path / "a.xlsx"
    assert atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES)) is None
    assert f.read_bytes() == XLSX_BYTES
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


def test_a_changed_file_is_backed_up_then_replaced_keeping_its_mode(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    f.chmod(0o640)
    new = package("xl/workbook.xml", "xl/worksheets/sheet1.xml")
    b = atomic.save_atomic(f, lambda out: out.write(new))
    assert b is not None and b.parent == tmp_path / "Yedekler" and b.read_bytes() == XLSX_BYTES
    assert f.read_bytes() == new and stat.S_IMODE(f.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_without_make_backup_nothing_is_backed_up(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    assert atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES + b"x"), make_backup=False) is None
    assert f.read_bytes() == XLSX_BYTES + b"x" and not (tmp_path / "Yedekler").exists()


def test_the_same_bytes_write_nothing_and_take_no_backup(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    before = f.stat()
    assert atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES)) is None
    assert (f.stat().st_ino, f.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not (tmp_path / "Yedekler").exists() and leftovers(tmp_path) == []


def test_a_file_made_afresh_equal_but_for_its_save_time_is_not_rewritten(tmp_path):
    old = package("xl/workbook.xml", "docProps/core.xml", stamp=b"2026-01-01")
    new = package("xl/workbook.xml", "docProps/core.xml", stamp=b"2026-12-07")
    f = put(tmp_path / "a.xlsx", old)
    assert atomic.save_atomic(f, lambda out: out.write(new), create=True, overwrite=True) is None
    assert f.read_bytes() == old


def other_workbook() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", b"<other/>")
        zf.writestr("docProps/core.xml", b"2026-01-01")
    return buf.getvalue()


@pytest.mark.parametrize(
    "new",
    [
        package("xl/workbook.xml", "docProps/app.xml"),  # another member
        package("docProps/core.xml", "xl/workbook.xml", stamp=b"2026-01-01"),  # the members in another order
        other_workbook(),  # a member's content
    ],
)
def test_a_file_made_afresh_with_other_content_is_rewritten(tmp_path, new):
    f = put(tmp_path / "a.xlsx", package("xl/workbook.xml", "docProps/core.xml", stamp=b"2026-01-01"))
    assert atomic.save_atomic(f, lambda out: out.write(new), create=True, overwrite=True) is not None
    assert f.read_bytes() == new


def test_only_a_made_afresh_file_compares_as_a_package(tmp_path):
    old = package("xl/workbook.xml", "docProps/core.xml", stamp=b"2026-01-01")
    new = package("xl/workbook.xml", "docProps/core.xml", stamp=b"2026-12-07")
    f = put(tmp_path / "a.xlsx", old)
    assert atomic.save_atomic(f, lambda out: out.write(new)) is not None  # an edit: written, backed up
    assert f.read_bytes() == new


def test_a_save_of_another_kind_is_refused_before_anything_is_written(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    with pytest.raises(InvalidArgument):
        atomic.save_atomic(f, lambda out: out.write(b"BEGIN:VCALENDAR"), kind=atomic.ICS)
    assert f.read_bytes() == XLSX_BYTES and leftovers(tmp_path) == []


def test_a_failing_writer_leaves_the_file_and_no_temporary_file(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)

    def write(out):
        out.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        atomic.save_atomic(f, write)
    assert f.read_bytes() == XLSX_BYTES and leftovers(tmp_path) == []


def test_a_missing_file_is_reported_as_the_operating_system_would(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        atomic.read_stamped(tmp_path / "yok.xlsx")
    e = info.value
    assert (e.errno, e.strerror, e.filename) == (errno.ENOENT, "No such file or directory", str(tmp_path / "yok.xlsx"))


def test_a_file_that_keeps_changing_while_read_is_tried_three_times(tmp_path, monkeypatch):
    """Each read sees another modification time (same size): three tries 50 ms apart, then FileChanged."""
    f = put(tmp_path / "a.xlsx", b"abc")
    real_stamp = atomic.stamp
    ticks = iter(range(1, 100))

    def moving(path, content=None):
        st = real_stamp(path, content)
        return atomic.Stamp(st.dev, st.ino, st.size, st.mtime_ns + next(ticks), content)

    sleeps = []
    monkeypatch.setattr(atomic, "stamp", moving)
    monkeypatch.setattr(atomic.time, "sleep", sleeps.append)
    with pytest.raises(FileChanged) as info:
        atomic.read_stamped(f)
    assert str(info.value) == READ_CHANGED
    assert sleeps == [0.05, 0.05, 0.05]


def test_a_file_that_changes_once_while_read_is_read_again(tmp_path, monkeypatch):
    f = put(tmp_path / "a.xlsx", b"abc")
    real_stamp = atomic.stamp
    calls = []

    def once(path, content=None):
        st = real_stamp(path, content)
        calls.append(1)
        bump = 1 if len(calls) == 2 else 0  # the stamp after the first read differs
        return atomic.Stamp(st.dev, st.ino, st.size, st.mtime_ns + bump, content)

    monkeypatch.setattr(atomic, "stamp", once)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    data, st = atomic.read_stamped(f)
    assert data == b"abc" and st.content == b"abc" and len(calls) == 4


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize("mode", [0o444, 0o555, 0o400])
def test_no_write_bit_for_anyone_is_read_only_whoever_runs(tmp_path, mode):
    """Root may write anything (os.access says yes): the mode alone decides then — execute bits are no write."""
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    f.chmod(mode)
    with pytest.raises(GocKurulError, match="salt okunur"):
        atomic.check_output(f, None)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_loop_of_links_is_explained(tmp_path):
    (tmp_path / "a.xlsx").symlink_to(tmp_path / "b.xlsx")
    (tmp_path / "b.xlsx").symlink_to(tmp_path / "a.xlsx")
    with pytest.raises(GocKurulError) as info:
        atomic.check_output(tmp_path / "a.xlsx", atomic.XLSX)
    assert str(info.value) == (
        "'a.xlsx' okunamadı: kısayollar (sembolik bağlantılar) birbirini gösteriyor; gerçek dosyayı verin. Dosya "
        "değiştirilmedi."
    )


def test_a_file_that_cannot_be_read_for_its_kind_is_explained(tmp_path, monkeypatch):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)

    def denied(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "kind_of", denied)
    with pytest.raises(GocKurulError) as info:
        atomic.check_output(f, atomic.XLSX)
    assert str(info.value) == "'a.xlsx' okunamadı: erişim izni yok. Dosya değiştirilmedi."


def test_a_backup_after_an_old_style_name_without_a_counter(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    (tmp_path / "Yedekler").mkdir()
    put(tmp_path / "Yedekler" / "a_20990101-000000.xlsx", b"")  # <stem>_YYYYMMDD-HHMMSS: counter 0
    assert atomic.backup(f).name == "a_20990101-000000-000001.xlsx"


def test_a_counter_beyond_a_second_of_microseconds_is_read_as_the_seconds_last(tmp_path):
    f = put(tmp_path / "a.xlsx", b"old")
    (tmp_path / "Yedekler").mkdir()
    put(tmp_path / "Yedekler" / "a_20990101-000000-1000000.xlsx", b"")
    assert atomic.backup(f).name == "a_20990101-000001-000000.xlsx"


class _Noon(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2026, 6, 15, 10, 30, 0, 0)


@pytest.mark.parametrize(
    ("newest", "want"),
    [
        ("a_20261231-235959-999999.xlsx", "a_20270101-000000-000000.xlsx"),  # later this year: after it
        ("a_20260615-235959-000000.xlsx", "a_20260615-235959-000001.xlsx"),  # later today: after it
        ("a_20260615-103000-000000.xlsx", "a_20260615-103000-000001.xlsx"),  # this very microsecond: after it
        ("a_20260615-103000.xlsx", "a_20260615-103000-000001.xlsx"),  # an older name of this very second: after it
        ("a_20260615-092959-000000.xlsx", "a_20260615-103000-000000.xlsx"),  # earlier today: now
        ("a_20250615-235959-999999.xlsx", "a_20260615-103000-000000.xlsx"),  # last year: now
    ],
)
def test_a_backup_is_named_now_unless_a_backup_there_is_as_late(tmp_path, monkeypatch, newest, want):
    monkeypatch.setattr(atomic, "dt", types.SimpleNamespace(datetime=_Noon, timedelta=dt.timedelta))
    f = put(tmp_path / "a.xlsx", b"old")
    (tmp_path / "Yedekler").mkdir()
    put(tmp_path / "Yedekler" / newest, b"")
    assert atomic.backup(f).name == want


def test_a_backup_that_lands_after_the_look_at_the_folder_is_not_overwritten(tmp_path, monkeypatch):
    """Another run's backup named at the same microsecond lands between our look at Yedekler/ and our choice of
    a name (injected right after the look): ours takes the next microsecond, theirs stays as it is."""
    monkeypatch.setattr(atomic, "dt", types.SimpleNamespace(datetime=_Noon, timedelta=dt.timedelta))
    f = put(tmp_path / "a.xlsx", b"ours")
    theirs = tmp_path / "Yedekler" / "a_20260615-103000-000000.xlsx"

    def look_then_their_backup(*args, **kwargs):
        newest = max(*args, **kwargs)
        if not theirs.exists():
            put(theirs, b"theirs")
        return newest

    monkeypatch.setattr(atomic, "max", look_then_their_backup, raising=False)
    b = atomic.backup(f)
    assert b.name == "a_20260615-103000-000001.xlsx" and b.read_bytes() == b"ours"
    assert theirs.read_bytes() == b"theirs" and backups(tmp_path) == [theirs.name, b.name]


def test_a_backup_of_bytes_read_before_the_file_went_is_still_written(tmp_path):
    """`data` are the file's bytes as read: the file may be gone since (its mode and time are then not copied)."""
    f = put(tmp_path / "a.xlsx", b"old")
    data = f.read_bytes()
    f.unlink()
    b = atomic.backup(f, data=data)
    assert b.parent == tmp_path / "Yedekler" and NAME.fullmatch(b.name) and b.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_failed_backup_whose_temporary_file_someone_removed_raises_its_own_error(tmp_path, monkeypatch):
    """The disk fills while the backup is written, and the temporary file is gone already (another run's
    clean-up): the error is the full disk's, not one about the missing temporary file."""
    f = put(tmp_path / "a.xlsx", b"old")

    def full(fd):
        for p in (tmp_path / "Yedekler").glob(".~gockurul-*.tmp"):
            p.unlink()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError) as info:
        atomic.backup(f)
    assert type(info.value) is OSError and info.value.errno == errno.ENOSPC
    assert list((tmp_path / "Yedekler").iterdir()) == [] and f.read_bytes() == b"old"


def test_a_backup_another_run_pruned_meanwhile_is_no_error(tmp_path, monkeypatch):
    """Two runs prune the same Yedekler/: a backup to remove that the other run removed right after our look at
    the folder (injected there) is no error, and the rest is pruned as usual."""
    f = put(tmp_path / "a.xlsx", b"old")
    folder = tmp_path / "Yedekler"
    folder.mkdir()
    names = [f"a_20200101-0{h}0000-000000.xlsx" for h in range(5)]  # one day: only its first is kept
    for n in names:
        put(folder / n, b"")
    gone = folder / names[2]

    def look_then_their_prune(items, *args, **kwargs):
        out = sorted(items, *args, **kwargs)
        if gone.exists() and out and isinstance(out[0], tuple):  # the listing of the backups
            gone.unlink()
        return out

    monkeypatch.setattr(atomic, "sorted", look_then_their_prune, raising=False)
    new = atomic.backup(f, keep=1)
    assert backups(tmp_path) == [names[0], new.name]


def test_a_temporary_file_is_named_for_its_run_and_made_in_the_folder(tmp_path):
    """<prefix><pid>@<host>-….tmp: how remove_stale_temps knows whose it is."""
    p = atomic._new_temp(tmp_path)
    m = atomic._TEMP_NAME.fullmatch(p.name)
    assert p.parent == tmp_path and p.is_file() and p.stat().st_size == 0
    assert m and (m[1], m[2]) == (str(os.getpid()), host_tag()) and p.name.endswith(".tmp")


def test_a_backup_is_written_beside_where_it_lands(tmp_path, monkeypatch):
    """One rename inside Yedekler/: the temporary file is made there, not in the system's temporary folder."""
    made = []
    real = atomic._new_temp

    def record(folder):
        p = real(folder)
        made.append(p.parent)
        return p

    monkeypatch.setattr(atomic, "_new_temp", record)
    atomic.backup(put(tmp_path / "a.xlsx", b"old"))
    assert made == [tmp_path / "Yedekler"]


class _Listed:
    """A folder whose glob gives these paths in this order (or fails)."""

    def __init__(self, paths, fail=False):
        self.paths, self.fail = paths, fail

    def glob(self, pattern):
        if self.fail:
            raise PermissionError(errno.EACCES, "Permission denied")
        return iter(self.paths)


def test_a_candidate_that_cannot_be_looked_at_is_skipped_not_the_rest(tmp_path):
    dangling = tmp_path / ".~gockurul-kayip.tmp"
    dangling.symlink_to(tmp_path / "yok")
    dead = put(tmp_path / f".~gockurul-999999999@{host_tag()}-x.tmp", b"")
    assert list(atomic.left_by_dead_runs(_Listed([dangling, dead]), "*", atomic._TEMP_NAME)) == [dead]
    assert list(atomic.left_by_dead_runs(_Listed([dead], fail=True), "*", atomic._TEMP_NAME)) == []


def test_a_foreign_temporary_file_goes_only_when_older_than_an_hour(tmp_path, monkeypatch):
    now = 2_000_000_000
    monkeypatch.setattr(atomic.time, "time", lambda: float(now))
    other = "0" * 8 if host_tag() != "0" * 8 else "1" * 8
    at_limit = put(tmp_path / f".~gockurul-1@{other}-a.tmp", b"")
    past_limit = put(tmp_path / f".~gockurul-1@{other}-b.tmp", b"")
    os.utime(at_limit, ns=((now - 3600) * 10**9,) * 2)  # exactly an hour: not yet
    os.utime(past_limit, ns=((now - 3601) * 10**9,) * 2)
    assert list(atomic.left_by_dead_runs(tmp_path, ".~gockurul-*.tmp", atomic._TEMP_NAME)) == [past_limit]


def test_a_stale_name_that_cannot_be_removed_is_left_quietly(tmp_path):
    stuck = tmp_path / f".~gockurul-999999999@{host_tag()}-d.tmp"
    stuck.mkdir()  # a folder: unlink fails
    atomic.remove_stale_temps(tmp_path)
    assert stuck.is_dir()


NEW_BOOK = package("xl/workbook.xml", "xl/styles.xml")


def test_a_command_that_creates_a_file_does_not_replace_one_unless_told(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    with pytest.raises(InvalidArgument, match="zaten var"):
        atomic.save_atomic(f, lambda out: out.write(b"new"), create=True)
    assert f.read_bytes() == XLSX_BYTES
    assert atomic.save_atomic(f, lambda out: out.write(NEW_BOOK), create=True, overwrite=True) is not None


def test_with_what_the_caller_read_the_kind_is_not_checked_again(tmp_path):
    f = put(tmp_path / "a.xlsx", b"%PDF-1.4 read by the caller")
    _, st = atomic.read_stamped(f)
    assert atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES), expect=st) is not None
    assert f.read_bytes() == XLSX_BYTES


def test_the_temporary_file_of_a_save_is_made_beside_the_file(tmp_path, monkeypatch):
    made = []
    real = atomic._new_temp

    def record(folder):
        p = real(folder)
        made.append(p.parent)
        return p

    monkeypatch.setattr(atomic, "_new_temp", record)
    atomic.save_atomic(tmp_path / "a.xlsx", lambda out: out.write(XLSX_BYTES))
    assert made == [tmp_path]


def test_a_folder_that_takes_no_new_file_is_named(tmp_path, monkeypatch):
    def denied(folder):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic, "_new_temp", denied)
    with pytest.raises(GocKurulError) as info:
        atomic.save_atomic(tmp_path / "a.xlsx", lambda out: out.write(XLSX_BYTES))
    assert str(info.value) == f"'{tmp_path}' klasörüne yazılamıyor: erişim izni yok."


def test_a_full_disk_while_writing_leaves_the_file_as_it_was(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)

    def write(out):
        out.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(GocKurulError) as info:
        atomic.save_atomic(f, write)
    assert str(info.value) == "'a.xlsx' kaydedilemedi: diskte yer kalmadı. Dosyanın önceki hâli değişmedi."
    assert f.read_bytes() == XLSX_BYTES and leftovers(tmp_path) == []


def test_a_save_by_someone_else_during_our_backup_is_kept(tmp_path, monkeypatch):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    real_backup = atomic.backup

    def backup_then_their_save(path, **kw):
        b = real_backup(path, **kw)
        put(f, XLSX_BYTES + b"theirs")
        return b

    monkeypatch.setattr(atomic, "backup", backup_then_their_save)
    with pytest.raises(FileChanged) as info:
        atomic.save_atomic(f, lambda out: out.write(NEW_BOOK))
    assert str(info.value) == WRITE_CHANGED
    assert f.read_bytes() == XLSX_BYTES + b"theirs" and leftovers(tmp_path) == []


def test_a_file_deleted_while_we_write_stays_deleted(tmp_path):
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)

    def write(out):
        f.unlink()
        out.write(NEW_BOOK)

    with pytest.raises(FileChanged) as info:
        atomic.save_atomic(f, write)
    assert str(info.value) == WRITE_CHANGED
    assert not f.exists() and leftovers(tmp_path) == []


def test_a_made_afresh_file_that_is_no_package_is_compared_by_its_bytes(tmp_path):
    f = put(tmp_path / "notlar.txt", b"hello")
    assert atomic.save_atomic(f, lambda out: out.write(b"world"), kind=None, create=True, overwrite=True) is not None
    assert f.read_bytes() == b"world"


def test_a_rename_refused_by_another_program_is_tried_five_times(tmp_path, monkeypatch):
    """Windows: the target open elsewhere, a virus scanner holding the new file — 0.2 s apart, then given up."""
    tmp, target = put(tmp_path / "t.tmp", b"new"), put(tmp_path / "a.xlsx", b"old")
    calls, sleeps = [], []

    def busy(src, dst):
        calls.append(1)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", busy)
    monkeypatch.setattr(atomic.time, "sleep", sleeps.append)
    with pytest.raises(WorkbookLocked) as info:
        atomic._replace(tmp, target)
    assert str(info.value) == (
        "'a.xlsx' başka bir program tarafından kullanılıyor; kaydedilemedi. Dosyayı açık tutan programı kapatıp "
        "tekrar deneyin. Dosyanın önceki hâli değişmedi."
    )
    assert (len(calls), sleeps) == (5, [0.2] * 4)


def test_a_rename_that_succeeds_on_a_later_try_replaces_the_file(tmp_path, monkeypatch):
    tmp, target = put(tmp_path / "t.tmp", b"new"), put(tmp_path / "a.xlsx", b"old")
    real_replace, sleeps = os.replace, []
    tries = iter([PermissionError(errno.EACCES, "busy")] * 4)

    def flaky(src, dst):
        err = next(tries, None)
        if err:
            raise err
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    monkeypatch.setattr(atomic.time, "sleep", sleeps.append)
    atomic._replace(tmp, target)
    assert target.read_bytes() == b"new" and sleeps == [0.2] * 4


def test_a_rename_refused_for_another_reason_is_explained_at_once(tmp_path, monkeypatch):
    tmp, target = put(tmp_path / "t.tmp", b"new"), put(tmp_path / "a.xlsx", b"old")

    def cross(src, dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(atomic.os, "replace", cross)
    with pytest.raises(GocKurulError) as info:
        atomic._replace(tmp, target)
    assert str(info.value) == "'a.xlsx' kaydedilemedi: başka bir diske taşınamıyor. Dosyanın önceki hâli değişmedi."


@pytest.mark.skipif(os.name != "posix", reason="POSIX only")
def test_fsync_dir_syncs_the_folder_on_posix(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(atomic.os, "fsync", synced.append)
    atomic.fsync_dir(tmp_path)
    assert len(synced) == 1
    atomic.fsync_dir(tmp_path / "yok")  # never an error
    assert len(synced) == 1


def test_the_backup_holds_the_bytes_checked_even_if_the_file_changes_just_after(tmp_path, monkeypatch):
    """Another program saves the file between the check of what was read and the backup: the backup keeps the
    bytes that were read and checked (not the other program's), and the save is refused; the other save stays."""
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)
    other = package("xl/workbook.xml", "xl/other.xml", "docProps/app.xml")
    real_still = atomic._still

    def still_then_changed(real, expect, name):
        data = real_still(real, expect, name)
        real.write_bytes(other)
        return data

    monkeypatch.setattr(atomic, "_still", still_then_changed)
    with pytest.raises(FileChanged):
        atomic.save_atomic(f, lambda out: out.write(XLSX_BYTES + b"x"))
    backups = list((tmp_path / "Yedekler").iterdir())
    assert [b.read_bytes() for b in backups] == [XLSX_BYTES]
    assert f.read_bytes() == other


def test_what_write_raises_reaches_the_caller_even_when_the_temp_file_is_already_gone(tmp_path):
    """A temporary file removed under the save (by another program, or the writer itself) does not hide the
    error that stopped the save; the old file stays as it was."""
    f = put(tmp_path / "a.xlsx", XLSX_BYTES)

    def write(out):
        os.unlink(out.name)
        raise ValueError("yazılamadı")

    with pytest.raises(ValueError, match=r"^yazılamadı$"):
        atomic.save_atomic(f, write)
    assert f.read_bytes() == XLSX_BYTES and leftovers(tmp_path) == []
