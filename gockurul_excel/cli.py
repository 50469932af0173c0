"""`gockurul` command line: thin wrappers over gockurul_excel.operations.

Errors reach the user as one Turkish line and an exit code, never as a traceback; unexpected
failures are logged with their traceback to a file the message names.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from . import operations
from .errors import EXIT_FATAL, GocKurulError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Göç Koordinasyon Kurulu çalışma kitabı araçları.",
    context_settings={"help_option_names": ["-h", "--yardim", "--help"]},
)



def _err(message: str) -> None:
    typer.echo(message, err=True)


def _log_exception() -> Path | None:
    """Append the traceback to a log for IT; never fail while doing so."""
    import traceback

    for folder in (Path.home(), Path(tempfile.gettempdir())):
        path = folder / "gockurul-hata.log"
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{traceback.format_exc()}\n")
            return path
        except OSError:
            continue
    return None


def _guarded(fn):
    """Turn every failure into a Turkish message and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except GocKurulError as exc:
            _err(f"HATA: {exc.full_message()}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("İşlem durduruldu; dosya değiştirilmedi.")
            raise typer.Exit(130) from None
        except Exception:
            where = _log_exception()
            _err("HATA: Beklenmeyen bir sorun oluştu; işlem tamamlanmadı (yazılan dosyalar ya tamamen yazılır ya "
                 "hiç yazılmaz)." + (f" Ayrıntılar: {where}" if where else ""))
            raise typer.Exit(EXIT_FATAL) from None

    return wrapper


def _parse_today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise GocKurulError(f"--bugun '{value}' okunamadı; YYYY-AA-GG biçiminde yazın.") from None


def _parse_count(value: str) -> int:
    from .core import parse

    try:
        number = parse.integer(value)
    except ValueError:
        number = None
    if number is None or number < 0:
        raise GocKurulError(f"--yabanci-nufus '{value}' okunamadı; 12000 ya da 12.000 gibi bir tam sayı yazın.")
    return number


def _require_xlsx(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise GocKurulError(f"'{path.name}': kitap .xlsx uzantılı olmalı (makrosuz Excel çalışma kitabı).")


Workbook = Annotated[Path, typer.Argument(help="Çalışma kitabı (.xlsx)")]


@app.command("kontrol")
@_guarded
def kontrol(
    kitap: Workbook,
    json_: Annotated[bool, typer.Option("--json", help="Bulguları JSON olarak yaz; kitaba dokunma.")] = False,
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (YYYY-AA-GG).")] = None,
) -> None:
    """Kitabı genelgeye göre denetler; bulguları 'Kontrol' sayfasına (veya --json ile ekrana) yazar."""
    from .files.safety import lock_file

    today = _parse_today(bugun)
    if json_ and lock_file(kitap):
        _err("Not: kitap Excel'de açık görünüyor; kaydedilmemiş değişiklikler okunmadı.")
    result = operations.check_workbook(kitap, write=not json_, today=today)
    if json_:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(f"{kitap.name}: {result.message}")
        if result.backup:
            typer.echo(f"Önceki hali yedeklendi: {result.backup}")
    raise typer.Exit(result.exit_code)


@app.command("takvim")
@_guarded
def takvim(
    kitap: Workbook,
    json_: Annotated[bool, typer.Option("--json", help="Olayları JSON olarak yaz; kitaba dokunma.")] = False,
    ics: Annotated[Path | None, typer.Option("--ics", help="Outlook için iCalendar (.ics) dosyası yaz.")] = None,
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (YYYY-AA-GG).")] = None,
    hatirlatma: Annotated[int, typer.Option("--hatirlatma", help="Hatırlatma kaç gün önce (.ics).", min=0,
                                            max=60)] = 3,
) -> None:
    """Yılın toplantı takvimini ve bütün yasal süreleri hesaplar; 'Takvim' ve 'Pano' sayfalarını yazar."""
    result = operations.compute_calendar(kitap, write=not json_, today=_parse_today(bugun), ics=ics,
                                         reminder_days=hatirlatma)
    if json_:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(f"{kitap.name}: {result.message}")
    if result.ics:
        typer.echo(f"Outlook takvimi: {result.ics}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


MeetingNo = Annotated[str, typer.Option("--toplanti", help="Toplantı No ('Toplantılar' sayfasındaki)")]


def _written(kitap: Path, result) -> None:
    typer.echo(f"{kitap.name}: {result.message}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("tutanak")
@_guarded
def tutanak(kitap: Workbook, toplanti: MeetingNo) -> None:
    """Toplantının Ek-1 Rapor Formunu (tutanak) yazdırılabilir bir sayfa olarak üretir."""
    _written(kitap, operations.write_minutes(kitap, toplanti))


@app.command("katilimci")
@_guarded
def katilimci(kitap: Workbook, toplanti: MeetingNo) -> None:
    """Toplantının Ek-2 Katılımcı Listesini (imza için) üretir."""
    _written(kitap, operations.write_attendance(kitap, toplanti))


@app.command("formlar")
@_guarded
def formlar(kitap: Workbook,
            yil: Annotated[int | None, typer.Option("--yil", help="Yıl (varsayılan: kitabın yılı)")] = None,
            ) -> None:
    """Yılın bütün toplantılarının Ek-1 ve Ek-2 formlarını tek seferde üretir (kitap bir kez okunur ve yazılır)."""
    result = operations.write_year_forms(kitap, yil)
    typer.echo(f"{kitap.name}: {result.message}")
    for why in result.skipped or []:
        typer.echo(f"Atlandı: {why}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("gundem")
@_guarded
def gundem(kitap: Workbook, toplanti: MeetingNo) -> None:
    """Gündem, davet yazısı, tutanak tebliğ yazısı ve (yılın ilk kurulunda) Alt Komisyon listesi."""
    _written(kitap, operations.write_agenda(kitap, toplanti))


@app.command("yillik")
@_guarded
def yillik(kitap: Workbook,
           yil: Annotated[int | None, typer.Option("--yil", help="Rapor yılı (varsayılan: kitabın yılı)")] = None,
           ) -> None:
    """Ek-3 Yıllık Değerlendirme Raporunu üretir (5. ve 6. maddeler 'Yıllık Rapor' sayfasından)."""
    _written(kitap, operations.write_annual_report(kitap, yil))


@app.command("eylem")
@_guarded
def eylem(kitap: Workbook,
          bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (YYYY-AA-GG).")] = None,
          ) -> None:
    """Yerel Uyum Eylem Planı izleme raporunu (Alt Komisyonun kurula sunduğu) üretir."""
    _written(kitap, operations.write_action_plan(kitap, _parse_today(bugun)))


@app.command("pdf")
@_guarded
def pdf(kitap: Workbook,
        sayfa: Annotated[list[str], typer.Option("--sayfa", help="PDF'e dönüştürülecek sayfa (birden çok olabilir)")],
        cikti: Annotated[Path | None, typer.Option("--cikti", help="PDF dosyası")] = None) -> None:
    """Seçilen sayfaları LibreOffice ile tek bir PDF'e dönüştürür; kitaba dokunmaz."""
    out = operations.export_pdf(kitap, sayfa, cikti)
    typer.echo(f"PDF yazıldı: {out}")


@app.command("platform")
@_guarded
def platform(
    kitap: Workbook,
    cikti: Annotated[Path, typer.Option("--cikti", help="Dosyaların yazılacağı klasör")],
    kisisel_veri: Annotated[bool, typer.Option("--kisisel-veri", help="Telefon numaralarını maskelemeden yaz "
                                               "(KVKK: yalnızca gerekiyorsa).")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Ayrıca Excel'de açılabilen CSV dosyaları yaz.")] = False,
) -> None:
    """Başkanlığın dijital platformu için yükleme dosyalarını (JSON, şemaya göre doğrulanmış) yazar."""
    result = operations.export_platform(kitap, cikti, personal_data=kisisel_veri, csv=csv)
    typer.echo(f"{len(result.files)} dosya yazıldı: {result.out_dir} ({result.meeting_count} toplantı belgesi; "
               f"telefonlar {'maskelenmeden' if kisisel_veri else 'maskelenerek'}).")


@app.command("platform-oku")
@_guarded
def platform_oku(belge: Annotated[Path, typer.Argument(help="Platform belgesi (.json)")]) -> None:
    """Bir platform belgesini okur ve şemasına göre doğrular."""
    from .platform.bundle import summary

    doc = operations.read_platform_document(belge)
    typer.echo(f"Geçerli: {summary(doc)}")


@app.command("sunucu")
@_guarded
def sunucu(
    adres: Annotated[str, typer.Option("--adres", help="Dinlenecek adres (varsayılan yalnızca bu bilgisayar)")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port")] = 8000,
    anahtar: Annotated[str | None, typer.Option("--anahtar", envvar="GOCKURUL_TOKEN",
                                                help="İstemcilerin göndereceği gizli anahtar (Bearer)")] = None,
    en_buyuk_istek: Annotated[int, typer.Option("--en-buyuk-istek", help="En büyük istek (bayt)")] = 20_000_000,
) -> None:
    """Düğmeleri xlwings Server olarak HTTP üzerinden sunar (VBA RunRemotePython, Office.js)."""
    if not anahtar:
        raise GocKurulError("Sunucu için bir anahtar gerekli: --anahtar verin ya da GOCKURUL_TOKEN ortam "
                            "değişkenini ayarlayın.")
    operations.serve(adres, port, anahtar, en_buyuk_istek)


@app.command("eklenti")
@_guarded
def eklenti(cikti: Annotated[Path, typer.Option("--cikti", help="Eklenti dosyası")] = Path("gockurul.xlam")) -> None:
    """Excel eklentisini (gockurul.xlam) üretir; Windows ve Excel gerektirir."""
    typer.echo(f"Eklenti yazıldı: {operations.build_addin(cikti)}")


def _progress_bar(label: str):
    """A rich progress bar fed by "[i/n] file" lines; a no-op when not on a terminal."""
    import re

    from rich.progress import Progress

    progress = Progress(transient=True, disable=not sys.stderr.isatty())
    task = progress.add_task(label, total=None)

    def feed(line: str) -> None:
        m = re.match(r"\[(\d+)/(\d+)\]\s*(.*)", line)
        if m:
            progress.update(task, completed=int(m.group(1)) - 1, total=int(m.group(2)),
                            description=f"{label}: {m.group(3)[:40]}")
    return progress, feed


@app.command("birlestir")
@_guarded
def birlestir(
    il_kitabi: Annotated[Path, typer.Argument(help="İl kitabı (.xlsx)")],
    kaynaklar: Annotated[list[Path], typer.Argument(help="İlçe kitapları (.xlsx), platform klasörleri ya da "
                                                    "bunları içeren klasörler")],
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (YYYY-AA-GG).")] = None,
) -> None:
    """İlçelerden gelen kitapları il kitabının üretilmiş sayfalarına birleştirir; girdi sayfalarına dokunmaz."""
    progress, feed = _progress_bar("Okunuyor")
    with progress:
        result = operations.merge_district_workbooks(il_kitabi, kaynaklar, today=_parse_today(bugun), progress=feed)
    for entry in result.entries:
        reason = f" — {entry.reason}" if entry.reason else ""
        typer.echo(f"{entry.action}: {entry.district or '?'} ({Path(entry.file).name}){reason}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")
    raise typer.Exit(1 if result.refused else 0)


@app.command("ulusal")
@_guarded
def ulusal(
    klasor: Annotated[Path, typer.Argument(help="İllerin platform belgelerinin bulunduğu klasör")],
    cikti: Annotated[Path, typer.Option("--cikti", help="Yazılacak özet kitap (.xlsx)")],
) -> None:
    """Birçok ilin platform belgelerinden Başkanlık için ulusal özet kitabı üretir."""
    progress, feed = _progress_bar("Okunuyor")
    with progress:
        out = operations.national_summary(klasor, cikti, progress=feed)
    typer.echo(f"Ulusal özet yazıldı: {out}")


@app.command("sablon")
@_guarded
def sablon(
    cikti: Annotated[Path, typer.Argument(help="Yazılacak şablon dosyası")] = Path("sablon.xlsx"),
) -> None:
    """Ana şablonu (sablon.xlsx) üretir."""
    operations.make_template(cikti)
    typer.echo(f"Şablon yazıldı: {cikti}")


@app.command("yeni")
@_guarded
def yeni(
    kitap: Workbook,
    tur: Annotated[str, typer.Option("--tur", help="il veya ilce")],
    il: Annotated[str, typer.Option("--il", help="İl adı")],
    yil: Annotated[int, typer.Option("--yil", help="Yıl")],
    yabanci_nufus: Annotated[str, typer.Option("--yabanci-nufus", help="Yabancı nüfusu (12000 veya 12.000)")],
    ilce: Annotated[str | None, typer.Option("--ilce", help="İlçe adı (ilçe kurulu için)")] = None,
    hudut: Annotated[bool, typer.Option("--hudut", help="Düzensiz göçe konu hudut ilçesi")] = False,
) -> None:
    """Şablondan yeni bir kurul kitabı oluşturur; Ayarlar doldurulur."""
    _require_xlsx(kitap)
    operations.create_workbook(kitap, kind=tur, province=il, district=ilce, year=yil,
                               foreign_population=_parse_count(yabanci_nufus), border_district=hudut)
    typer.echo(f"Yeni kitap oluşturuldu: {kitap}")


@app.command("devir")
@_guarded
def devir(
    eski: Annotated[Path, typer.Argument(help="Bu yılın kitabı (.xlsx); yalnızca okunur")],
    yeni: Annotated[Path, typer.Argument(help="Yazılacak yeni yılın kitabı (.xlsx)")],
    yabanci_nufus: Annotated[str | None, typer.Option("--yabanci-nufus", help="Yeni yılın yabancı nüfusu "
                                                      "(verilmezse eski kitaptaki)")] = None,
    uzerine_yaz: Annotated[bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")]
    = False,
) -> None:
    """Yeni yılın kitabını bu yılın kitabından yapar: ayarlar, ilçeler, aktif üyeler ve Alt Komisyon, açık eylemler,
    süren projeler, açık kararlar ve sorunlar devredilir; eski kitap değişmez."""
    _require_xlsx(eski)
    _require_xlsx(yeni)
    population = _parse_count(yabanci_nufus) if yabanci_nufus is not None else None
    result = operations.carry_over_workbook(eski, yeni, foreign_population=population, overwrite=uzerine_yaz)
    typer.echo(f"{yeni.name}: {result.message}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("ornek")
@_guarded
def ornek(
    kitap: Annotated[Path, typer.Argument(help="Yazılacak örnek kitap")] = Path("ornek.xlsx"),
    uzerine_yaz: Annotated[bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")]
    = False,
) -> None:
    """Gerçekçi bir örnek il kitabı üretir (kontrolün bulacağı birkaç kasıtlı hata ile)."""
    _require_xlsx(kitap)
    result = operations.create_example(kitap, overwrite=uzerine_yaz)
    errors = sum(f.level == "hata" for f in result.findings)
    typer.echo(f"Örnek kitap yazıldı: {kitap} ({len(result.sheets)} üretilmiş sayfa: formlar, takvim, pano, "
               "yıllık rapor, eylem planı izleme).")
    typer.echo(f"Kontrol: {errors} hata, {len(result.findings) - errors} uyarı ('Kontrol' sayfasına bakın).")
    typer.echo(f"Platform dosyaları: {result.platform}")


@app.command("guncelle")
@_guarded
def guncelle(kitap: Workbook) -> None:
    """Eski bir şablondan yapılmış kitabı güncel şablona getirir; yazdığınız hiçbir değer değişmez."""
    changes = operations.upgrade_workbook(kitap)
    if not changes:
        typer.echo(f"{kitap.name} zaten güncel şablonda; değişiklik yapılmadı.")
    for line in changes:
        typer.echo(f"- {line}")


def main() -> None:
    app(prog_name="gockurul")


if __name__ == "__main__":
    main()
