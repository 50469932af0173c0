"""`gockurul` command line: thin wrappers over gockurul_excel.operations.

Errors reach the user as one Turkish line and an exit code, never as a traceback; unexpected
failures are logged with their traceback to a file the message names.

Turkish end to end, through the libraries' own mechanisms (set up once, below): click's messages ("Usage:",
"Missing argument", "No such command") come from a Turkish gettext catalogue (locale/tr/LC_MESSAGES/gockurul.mo,
compiled with Babel from the .po beside it); typer's panel titles and markers are its `rich_utils` settings, read
from the same catalogue; the usage line's placeholders and the value placeholders are click's metavars.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import gettext
import importlib.abc
import importlib.util
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperCommand, TyperGroup

from . import operations
from .core.text import upper_tr
from .errors import Failure, GocKurulError, translate

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "gockurul"
HELP_OPTIONS = ["-h", "--yardim", "--help"]
# typer's own settings (typer.rich_utils) and their English text: the catalogue's message ids.
TYPER_SETTINGS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "DEPRECATED_STRING": "(deprecated) ",
}
# Value placeholders in help and usage (click's metavars): by the parameter's name, else by its type.
METAVARS_BY_NAME = {
    "bugun": "GG.AA.YYYY",
    "toplanti": "NO",
    "sayfa": "SAYFA",
    "yil": "YIL",
    "port": "PORT",
    "adres": "ADRES",
    "anahtar": "ANAHTAR",
}
METAVARS = {
    click.types.IntParamType: "SAYI",
    click.types.IntRange: "SAYI",
    click.types.StringParamType: "METİN",
    click.Path: "YOL",
}


def speak_turkish() -> gettext.NullTranslations:
    """The catalogue as gettext's domain; its language chosen with gettext's own variable (LANGUAGE comes first
    in GNU gettext's order), so click speaks Turkish on every system, Windows included."""
    os.environ["LANGUAGE"] = "tr"
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    catalogue = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=["tr"])

    def turkish(rich_utils) -> None:
        for setting, english in TYPER_SETTINGS.items():
            setattr(rich_utils, setting, catalogue.gettext(english))

    _when_imported("typer.rich_utils", turkish)
    return catalogue


def _when_imported(name: str, then) -> None:
    """Run `then(module)` once `name` is imported: now if it is, else when typer first imports it (for help or an
    error only: it loads rich, 0.1 s that `kontrol` and the other commands never need)."""
    if name in sys.modules:
        then(sys.modules[name])
        return

    class Loader(importlib.abc.Loader):
        def __init__(self, inner: importlib.abc.Loader) -> None:
            self.inner = inner

        def create_module(self, spec):
            return self.inner.create_module(spec)

        def exec_module(self, module) -> None:
            self.inner.exec_module(module)
            then(module)

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            if spec is not None and spec.loader is not None:
                spec.loader = Loader(spec.loader)
            return spec

    sys.meta_path.insert(0, Finder())


def _help_names(names: list[str], ctx: click.Context) -> list[str]:
    """The help flags in the order written (click keeps them in a set, so their order changed from run to run)."""
    return [n for n in ctx.help_option_names if n in set(names)]


def _turkish_metavars(params: list[click.Parameter]) -> None:
    for p in params:
        if p.metavar is not None or getattr(p, "is_flag", False):
            continue
        if isinstance(p, click.Argument):
            p.metavar = upper_tr(p.name or "")
            if p.nargs == -1:
                p.metavar += "..."
        else:
            p.metavar = METAVARS_BY_NAME.get(p.name or "") or next(
                (m for kind, m in METAVARS.items() if isinstance(p.type, kind)), "DEĞER"
            )


class TurkishCommand(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _turkish_metavars(self.params)

    def get_help_option_names(self, ctx: click.Context) -> list[str]:
        return _help_names(super().get_help_option_names(ctx), ctx)


class TurkishGroup(TyperGroup):
    def get_help_option_names(self, ctx: click.Context) -> list[str]:
        return _help_names(super().get_help_option_names(ctx), ctx)


class TurkishApp(typer.Typer):
    """Every command made with `TurkishCommand` and the Turkish usage placeholder."""

    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", TurkishCommand)
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        return super().command(*args, **kwargs)


OPTIONS_METAVAR = "[SEÇENEKLER]"
speak_turkish()
app = TurkishApp(
    cls=TurkishGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    suggest_commands=False,  # click suggests ("Bunu mu demek istediniz") in Turkish; typer's own would be English
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar="KOMUT [DEĞERLER]...",
    help="Göç Koordinasyon Kurulu çalışma kitabı araçları.",
    context_settings={"help_option_names": HELP_OPTIONS},
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _log_exception(cause: str) -> Path | None:
    """Append the traceback to a log for IT; never fail while doing so."""
    for folder in (Path.home(), Path(tempfile.gettempdir())):
        path = folder / "gockurul-hata.log"
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{cause}\n")
            return path
        except OSError:
            continue
    return None


def _guarded(fn):
    """Turn every failure into a Turkish message and an exit code (errors.translate, as the buttons do)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except (Exception, KeyboardInterrupt) as exc:
            failure = translate(exc)
            _err(cli_message(failure))
            raise typer.Exit(failure.exit_code) from None

    return wrapper


def cli_message(failure: Failure) -> str:
    """The line the CLI prints for a failure; its traceback, where one helps, goes to gockurul-hata.log."""
    if failure.stopped:
        return failure.message
    where = _log_exception(failure.cause) if failure.cause is not None else None
    details = ""
    if failure.unexpected:  # every write here is all or nothing: say so, and where IT finds the traceback
        details = " Yazılan dosyalar ya tamamen yazılır ya hiç yazılmaz." + (f" Ayrıntılar: {where}" if where else "")
    return f"HATA: {failure.message}{details}"


def _parse_today(value: str | None) -> dt.date | None:
    """GG.AA.YYYY, as everywhere else (ISO YYYY-AA-GG is accepted too)."""
    if value is None:
        return None
    text = value.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise GocKurulError(f"--bugun '{value}' okunamadı; GG.AA.YYYY biçiminde yazın (ör. 01.03.2026).")


def _parse_count(value: str) -> int:
    from .core import parse

    try:
        number = parse.integer(value)
    except ValueError:
        number = None
    if number is None or number < 0:
        raise GocKurulError(f"--yabanci-nufus '{value}' okunamadı; 12000 ya da 12.000 gibi bir tam sayı yazın.")
    return number


def _print_json(value) -> None:
    from .core.jsontext import dumps

    sys.stdout.write(dumps(value).decode("utf-8"))


def _require_xlsx(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise GocKurulError(f"'{path.name}': kitap .xlsx uzantılı olmalı (makrosuz Excel çalışma kitabı).")


Workbook = Annotated[Path, typer.Argument(help="Çalışma kitabı (.xlsx)")]


@app.command("kontrol")
@_guarded
def kontrol(
    kitap: Workbook,
    json_: Annotated[bool, typer.Option("--json", help="Bulguları JSON olarak yaz; kitaba dokunma.")] = False,
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (GG.AA.YYYY).")] = None,
) -> None:
    """Kitabı genelgeye göre denetler; bulguları 'Kontrol' sayfasına (veya --json ile ekrana) yazar."""
    from .files.safety import lock_file

    today = _parse_today(bugun)
    if json_ and lock_file(kitap):
        _err("Not: kitap Excel'de ya da LibreOffice'te açık görünüyor; kaydedilmemiş değişiklikler okunmadı.")
    result = operations.check_workbook(kitap, write=not json_, today=today)
    if json_:
        _print_json(result.to_json())
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
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (GG.AA.YYYY).")] = None,
    hatirlatma: Annotated[int, typer.Option("--hatirlatma", help="Hatırlatma kaç gün önce (.ics).", min=0, max=60)] = 3,
) -> None:
    """Yılın toplantı takvimini ve bütün yasal süreleri hesaplar; 'Takvim' ve 'Pano' sayfalarını yazar."""
    result = operations.compute_calendar(
        kitap, write=not json_, today=_parse_today(bugun), ics=ics, reminder_days=hatirlatma
    )
    if json_:
        _print_json(result.to_json())
        return
    typer.echo(f"{kitap.name}: {result.message}")
    if result.ics:
        typer.echo(f"Outlook takvimi: {result.ics}")
    if result.ics_backup:
        typer.echo(f"Takvim dosyasının önceki hali yedeklendi: {result.ics_backup}")
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
def formlar(
    kitap: Workbook, yil: Annotated[int | None, typer.Option("--yil", help="Yıl (varsayılan: kitabın yılı)")] = None
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
    """Gündem, davet yazısı, tutanak tebliğ yazısı (ayrıca Word belgesi olarak) ve (yılın ilk kurulunda) Alt Komisyon
    listesi."""
    result = operations.write_agenda(kitap, toplanti)
    _written(kitap, result)
    for document in result.documents or []:
        typer.echo(f"Word belgesi: {document}")


@app.command("davet")
@_guarded
def davet(
    kitap: Workbook,
    toplanti: MeetingNo,
    iptal: Annotated[
        bool, typer.Option("--iptal", help="Toplantı iptal edildi: takvimlerden kaldıran iptal bildirimi hazırla.")
    ] = False,
) -> None:
    """Toplantı davetini üyelerin e-postasına ve takvimine hazırlar: e-posta taslağı (.eml, ekinde davet yazısı ve
    gündem) ve takvim isteği (.ics). Program e-posta göndermez."""
    result = operations.send_invitations(kitap, toplanti, cancel=iptal)
    typer.echo(f"{kitap.name}: {result.message}")
    typer.echo(f"E-posta taslağı (Outlook'ta açıp Gönder'e basın): {result.eml}")
    typer.echo(f"Takvim isteği: {result.ics}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("gonder")
@_guarded
def gonder(kitap: Workbook) -> None:
    """İlçe kurulu kitabını ve son yapılan toplantının tebliğ yazısı ile tutanağını (Ek-1, PDF) il göç idaresi
    müdürlüğüne gönderilecek e-posta taslağı (.eml) olarak hazırlar (M12(5)). Program e-posta göndermez."""
    result = operations.mail_to_province(kitap)
    typer.echo(f"{kitap.name}: {result.message}")
    typer.echo(f"E-posta taslağı (Outlook'ta açıp Gönder'e basın): {result.eml}")
    typer.echo("Ekler: " + ", ".join(result.attachments))
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("yillik")
@_guarded
def yillik(
    kitap: Workbook,
    yil: Annotated[int | None, typer.Option("--yil", help="Rapor yılı (varsayılan: kitabın yılı)")] = None,
) -> None:
    """Ek-3 Yıllık Değerlendirme Raporunu üretir (5. ve 6. maddeler 'Yıllık Rapor' sayfasından)."""
    _written(kitap, operations.write_annual_report(kitap, yil))


@app.command("eylem")
@_guarded
def eylem(
    kitap: Workbook, bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (GG.AA.YYYY).")] = None
) -> None:
    """Yerel Uyum Eylem Planı izleme raporunu (Alt Komisyonun kurula sunduğu) üretir."""
    _written(kitap, operations.write_action_plan(kitap, _parse_today(bugun)))


@app.command("pdf")
@_guarded
def pdf(
    kitap: Workbook,
    sayfa: Annotated[list[str], typer.Option("--sayfa", help="PDF'e dönüştürülecek sayfa (birden çok olabilir)")],
    cikti: Annotated[Path | None, typer.Option("--cikti", help="PDF dosyası")] = None,
) -> None:
    """Seçilen sayfaları LibreOffice ile tek bir PDF'e dönüştürür; kitaba dokunmaz."""
    out = operations.export_pdf(kitap, sayfa, cikti)
    typer.echo(f"PDF yazıldı: {out}")


@app.command("platform")
@_guarded
def platform(
    kitap: Workbook,
    cikti: Annotated[Path, typer.Option("--cikti", help="Dosyaların yazılacağı klasör")],
    kisisel_veri: Annotated[
        bool, typer.Option("--kisisel-veri", help="Telefon numaralarını maskelemeden yaz (KVKK: yalnızca gerekiyorsa).")
    ] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Ayrıca Excel'de açılabilen CSV dosyaları yaz.")] = False,
) -> None:
    """Başkanlığın dijital platformu için yükleme dosyalarını (JSON, şemaya göre doğrulanmış) yazar."""
    result = operations.export_platform(kitap, cikti, personal_data=kisisel_veri, csv=csv)
    typer.echo(
        f"{len(result.files)} dosya yazıldı: {result.out_dir} ({result.meeting_count} toplantı belgesi; "
        f"telefonlar {'maskelenmeden' if kisisel_veri else 'maskelenerek'})."
    )


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
    adres: Annotated[
        str, typer.Option("--adres", help="Dinlenecek adres (varsayılan yalnızca bu bilgisayar)")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Çalışan süreç sayısı (uvicorn)", min=1, max=64)] = 1,
    anahtar: Annotated[
        str | None,
        typer.Option("--anahtar", envvar="GOCKURUL_TOKEN", help="İstemcilerin göndereceği erişim anahtarı (Bearer)"),
    ] = None,
    lisans: Annotated[
        str | None,
        typer.Option(
            "--lisans",
            envvar="XLWINGS_LICENSE_KEY",
            help="xlwings Server lisans anahtarı ('noncommercial' ya da ticari anahtar)",
        ),
    ] = None,
    ayarlar: Annotated[
        Path | None, typer.Option("--ayarlar", help="xlwings-server ayar dosyası (.env: XLWINGS_HOSTNAME, Entra ID...)")
    ] = None,
    en_buyuk_istek: Annotated[int, typer.Option("--en-buyuk-istek", help="En büyük istek (bayt)")] = 20_000_000,
    ssl_anahtar: Annotated[
        str | None, typer.Option("--ssl-anahtar", help="HTTPS özel anahtarı (.pem); ters vekil yoksa")
    ] = None,
    ssl_sertifika: Annotated[str | None, typer.Option("--ssl-sertifika", help="HTTPS sertifikası (.pem)")] = None,
) -> None:
    """Düğmeleri resmi xlwings Server ile sunar (Office.js eklentisi, manifest, görev bölmesi)."""
    if ayarlar is not None and not ayarlar.is_file():
        raise GocKurulError(f"Ayar dosyası bulunamadı: {ayarlar}")
    settings_text = ayarlar.read_text(encoding="utf-8", errors="replace") if ayarlar is not None else ""
    entra = "entraid" in (os.environ.get("XLWINGS_AUTH_PROVIDERS") or "") or bool(
        re.search(r"^\s*XLWINGS_AUTH_PROVIDERS\s*=.*entraid", settings_text, re.M)
    )
    if not anahtar and not entra:
        raise GocKurulError(
            "Sunucu için bir erişim anahtarı gerekli: --anahtar verin ya da GOCKURUL_TOKEN ortam "
            'değişkenini ayarlayın (Entra ID kullanan iller: XLWINGS_AUTH_PROVIDERS=["entraid"]).'
        )
    if not lisans:
        raise GocKurulError(
            "xlwings Server bir lisans anahtarı ister: kurumunuzun kullanımı ticari değilse "
            "--lisans noncommercial (PolyForm Noncommercial), değilse satın alınan anahtar. "
            "Lisans koşulları: README, 'Lisanslar'."
        )

    def announce() -> None:  # only once the server can start (xlwings-server installed)
        typer.echo(
            f"Göç Kurulu sunucusu: http://{adres}:{port} ({workers} süreç). Manifest: /manifest, görev "
            "bölmesi: /taskpane.html. Durdurmak için Ctrl+C."
        )

    operations.serve(
        adres,
        port,
        workers=workers,
        token=anahtar or "",
        licence=lisans,
        settings_file=ayarlar,
        max_body=en_buyuk_istek,
        ssl_keyfile=ssl_anahtar,
        ssl_certfile=ssl_sertifika,
        announce=announce,
    )


@app.command("lite")
@_guarded
def lite(
    wheel_url: Annotated[
        str,
        typer.Option(
            "--wheel-url",
            help="Tekerleğin yayımlanacağı HTTPS adresi (klasör "
            "adresi '/' ile biter; il sunucusunda: https://SUNUCU/lite/)",
        ),
    ],
    cikti: Annotated[Path, typer.Option("--cikti", help="Dosyaların yazılacağı klasör")] = Path("xlwings_lite"),
    uzerine_yaz: Annotated[bool, typer.Option("--uzerine-yaz", help="Var olan dosyaların yerine yaz.")] = False,
) -> None:
    """xlwings Lite için main.py, requirements.txt ve tekerleği yazar (tekerleğin adresiyle)."""
    written = operations.write_lite(wheel_url, cikti, overwrite=uzerine_yaz)
    typer.echo(
        f"xlwings Lite dosyaları '{cikti}' klasörüne yazıldı: {', '.join(p.name for p in written)}. "
        f"Tekerleği '{wheel_url}' adresine koyun; main.py ile requirements.txt'yi xlwings Lite'ın "
        "düzenleyicisine yapıştırın (README, 'xlwings Lite')."
    )


@app.command("eklenti")
@_guarded
def eklenti(
    cikti: Annotated[Path | None, typer.Option("--cikti", help="Eklenti dosyası (.xlam)")] = None,
    xlstart: Annotated[
        bool,
        typer.Option("--xlstart", help="Eklentiyi Excel'in XLSTART klasörüne kur (her Excel açılışında yüklenir)."),
    ] = False,
    kontrol: Annotated[
        bool,
        typer.Option(
            "--kontrol",
            help="Yalnızca denetle: hazır eklenti var mı, modülümüzü "
            "içeriyor mu, ayar sayfası yazılabiliyor mu (her sistemde).",
        ),
    ] = False,
    python: Annotated[
        str | None,
        typer.Option(
            "--python",
            help="Eklentinin çalıştıracağı Python (varsayılan: bu "
            "Python'un pythonw.exe'si; %LOCALAPPDATA% gibi değişkenler "
            "kullanılabilir)",
        ),
    ] = None,
    excel_ile: Annotated[
        bool,
        typer.Option(
            "--excel-ile",
            help="Bilgi işlem için yedek yol: eklentiyi xlwings "
            "şablonundan Excel ile yeniden yap (Windows, Excel ve VBA proje "
            "erişimi gerekir).",
        ),
    ] = False,
) -> None:
    """Hazır Excel eklentisini (gockurul.xlam) bu Python'a ayarlar: yalnızca ayar sayfası yazılır; Excel ya da
    yönetici izni gerekmez."""
    from .files.addin import ADDIN_FILE, installed_addin

    target = None if kontrol else installed_addin() if xlstart else (cikti or Path(ADDIN_FILE))
    result = operations.build_addin(target, python, check_only=kontrol, with_excel=excel_ile)
    if kontrol:
        for line in result.lines:
            typer.echo(line)
        raise typer.Exit(0 if result.ok else 1)
    typer.echo(f"Eklenti yazıldı: {result}")
    if not xlstart:
        typer.echo(
            "Kurmak için dosyayı %APPDATA%\\Microsoft\\Excel\\XLSTART klasörüne kopyalayın ya da "
            "'gockurul eklenti --xlstart' kullanın."
        )


@app.command("doktor")
@_guarded
def doktor(
    eklenti_dosyasi: Annotated[
        Path | None, typer.Option("--eklenti", help="Denetlenecek eklenti (varsayılan: XLSTART'taki gockurul.xlam)")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Sonuçları JSON olarak yaz.")] = False,
    dugmesiz: Annotated[bool, typer.Option("--dugmesiz", help="Örnek kitapta düğme denemesini atla.")] = False,
) -> None:
    """Bu bilgisayarda düğmelerin çalışması için gerekenleri denetler (Python, paketler, eklenti, Excel, PDF)."""
    from . import doctor

    results = operations.check_installation(eklenti_dosyasi, press=not dugmesiz)
    if json_:
        _print_json(doctor.to_json(results))
    else:
        typer.echo(doctor.report(results))
    raise typer.Exit(doctor.exit_code(results))


@app.command("paket")
@_guarded
def paket(
    cikti: Annotated[Path, typer.Option("--cikti", help="Kurulum paketinin yazılacağı klasör")],
    kaynak: Annotated[
        Path | None,
        typer.Option("--kaynak", help="Proje klasörü ya da gockurul_excel tekerleği (varsayılan: kurulu paket)"),
    ] = None,
    uzerine_yaz: Annotated[bool, typer.Option("--uzerine-yaz", help="Dolu klasörün yerine yaz.")] = False,
) -> None:
    """Bilgi işlem için çevrimdışı kurulum paketi (Windows tekerlekleri, kur.ps1, kaldir.ps1) üretir."""
    bundle = operations.build_offline_bundle(cikti, kaynak, overwrite=uzerine_yaz)
    typer.echo(
        f"Kurulum paketi yazıldı: {bundle.folder} ({len(bundle.wheels)} tekerlek, "
        f"{bundle.size / 1e6:.1f} MB). USB belleğe kopyalayın; bilgisayarda KUR.cmd'yi çalıştırın."
    )
    if bundle.backup is not None:
        typer.echo(f"Önceki paketin dosyaları yedeklendi: {bundle.backup}")


def _progress_bar(label: str):
    """A rich progress bar fed by "[i/n] file" lines; a no-op when not on a terminal."""
    import re

    from rich.progress import Progress

    progress = Progress(transient=True, disable=not sys.stderr.isatty())
    task = progress.add_task(label, total=None)

    def feed(line: str) -> None:
        m = re.match(r"\[(\d+)/(\d+)\]\s*(.*)", line)
        if m:
            progress.update(
                task, completed=int(m.group(1)) - 1, total=int(m.group(2)), description=f"{label}: {m.group(3)[:40]}"
            )

    return progress, feed


def _skipped(skipped: list[tuple[Path, str]]) -> None:
    for path, why in skipped:
        typer.echo(f"Alınmadı: {path} — {why}")


@app.command("birlestir")
@_guarded
def birlestir(
    il_kitabi: Annotated[Path, typer.Argument(help="İl kitabı (.xlsx)")],
    kaynaklar: Annotated[
        list[Path],
        typer.Argument(
            help="İlçe kitapları (.xlsx), kaydedilmiş e-postaları (.eml), "
            "platform klasörleri ya da bunları içeren klasörler"
        ),
    ],
    bugun: Annotated[str | None, typer.Option("--bugun", help="Bugünün tarihi (GG.AA.YYYY).")] = None,
) -> None:
    """İlçelerden gelen kitapları il kitabının üretilmiş sayfalarına birleştirir; girdi sayfalarına dokunmaz."""
    progress, feed = _progress_bar("Okunuyor")
    skipped: list[tuple[Path, str]] = []
    with progress:
        result = operations.merge_district_workbooks(
            il_kitabi, kaynaklar, today=_parse_today(bugun), progress=feed, skipped=skipped
        )
    _skipped(skipped)
    for entry in result.entries:
        reason = f" — {entry.reason}" if entry.reason else ""
        typer.echo(f"{entry.action}: {entry.district + ' ' if entry.district else ''}({Path(entry.file).name}){reason}")
    if not result.specs:
        typer.echo("Değişiklik yok: kitap yazılmadı.")
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
    skipped: list[tuple[Path, str]] = []
    taken: list[Path] = []
    with progress:
        out = operations.national_summary(klasor, cikti, progress=feed, skipped=skipped, taken=taken)
    _skipped(skipped)
    typer.echo(f"Okunan platform klasörü: {len(taken)} (kullanılamayanlar özetin 'Okunamayanlar' sayfasında).")
    typer.echo(f"Ulusal özet yazıldı: {out}")


@app.command("sablon")
@_guarded
def sablon(
    cikti: Annotated[Path, typer.Argument(help="Yazılacak şablon dosyası")] = Path("sablon.xlsx"),
    uzerine_yaz: Annotated[
        bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")
    ] = False,
) -> None:
    """Ana şablonu (sablon.xlsx) üretir."""
    operations.make_template(cikti, overwrite=uzerine_yaz)
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
    uzerine_yaz: Annotated[
        bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")
    ] = False,
) -> None:
    """Şablondan yeni bir kurul kitabı oluşturur; Ayarlar doldurulur."""
    _require_xlsx(kitap)
    operations.create_workbook(
        kitap,
        kind=tur,
        province=il,
        district=ilce,
        year=yil,
        foreign_population=_parse_count(yabanci_nufus),
        border_district=hudut,
        overwrite=uzerine_yaz,
    )
    typer.echo(f"Yeni kitap oluşturuldu: {kitap}")


@app.command("devir")
@_guarded
def devir(
    eski: Annotated[Path, typer.Argument(help="Bu yılın kitabı (.xlsx); yalnızca okunur")],
    yeni: Annotated[Path, typer.Argument(help="Yazılacak yeni yılın kitabı (.xlsx)")],
    yabanci_nufus: Annotated[
        str | None, typer.Option("--yabanci-nufus", help="Yeni yılın yabancı nüfusu (verilmezse eski kitaptaki)")
    ] = None,
    uzerine_yaz: Annotated[
        bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")
    ] = False,
    yil_farkli: Annotated[
        bool, typer.Option("--yil-farkli", help="Dosya adındaki yıl yeni kitabın yılından farklı olsa da yaz.")
    ] = False,
) -> None:
    """Yeni yılın kitabını bu yılın kitabından yapar: ayarlar, ilçeler, aktif üyeler ve Alt Komisyon, açık eylemler,
    süren projeler, açık kararlar ve sorunlar devredilir; eski kitap değişmez."""
    _require_xlsx(eski)
    _require_xlsx(yeni)
    population = _parse_count(yabanci_nufus) if yabanci_nufus is not None else None
    result = operations.carry_over_workbook(
        eski, yeni, foreign_population=population, overwrite=uzerine_yaz, other_year=yil_farkli
    )
    typer.echo(f"{yeni.name}: {result.message}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("ornek")
@_guarded
def ornek(
    kitap: Annotated[Path, typer.Argument(help="Yazılacak örnek kitap")] = Path("ornek.xlsx"),
    uzerine_yaz: Annotated[
        bool, typer.Option("--uzerine-yaz", help="Var olan dosyayı (yedeğini alıp) değiştir.")
    ] = False,
) -> None:
    """Gerçekçi bir örnek il kitabı (kontrolün bulacağı birkaç kasıtlı hata ile), platform dosyalarını ve yanındaki
    'İlçe Kitapları' klasörüne iki ilçe kitabı üretir."""
    _require_xlsx(kitap)
    result = operations.create_example(kitap, overwrite=uzerine_yaz)
    errors = sum(f.level == "hata" for f in result.findings)
    typer.echo(
        f"Örnek kitap yazıldı: {kitap} ({len(result.sheets)} üretilmiş sayfa: formlar, takvim, pano, "
        "yıllık rapor, eylem planı izleme)."
    )
    typer.echo(f"Kontrol: {errors} hata, {len(result.findings) - errors} uyarı ('Kontrol' sayfasına bakın).")
    typer.echo(f"Platform dosyaları: {result.platform}")
    if result.districts:
        typer.echo(f"İlçe kitapları ('gockurul birlestir' için): {', '.join(str(p) for p in result.districts)}")
    if result.backup:
        typer.echo(f"Önceki hali yedeklendi: {result.backup}")


@app.command("guncelle")
@_guarded
def guncelle(kitap: Workbook) -> None:
    """Eski bir şablondan yapılmış kitabı güncel şablona getirir; yazdığınız hiçbir değer değişmez."""
    changes = operations.upgrade_workbook(kitap)
    if not changes:
        typer.echo(f"{kitap.name} zaten güncel şablonda; değişiklik yapılmadı.")
    for line in changes:
        typer.echo(f"- {line}")


def _group() -> None:
    """Göç Koordinasyon Kurulu çalışma kitabı araçları."""


def main() -> None:
    """typer reads the signature of every command before running one (a tenth of a second of `gockurul kontrol`'s
    start): when the command asked is known by name, only it is built. The group's help, an unknown command or
    a misspelt one see every command."""
    name = sys.argv[1] if len(sys.argv) > 1 else None
    chosen = [c for c in app.registered_commands if name is not None and c.name == name]
    if chosen:
        one = copy.copy(app)
        one.registered_commands = chosen
        one.callback()(_group)  # still a group: with one command alone typer would drop the command's name
        one(prog_name="gockurul")
        return
    app(prog_name="gockurul")


if __name__ == "__main__":
    main()
