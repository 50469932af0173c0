<#
  Göç Kurulu — çevrimdışı kurulum (bilgi işlem için); yönetici izni ve VBA proje erişimi gerekmez.
  Bu klasördeki tekerleklerle (internet gerekmez) programı kullanıcının klasörüne kurar, hazır Excel eklentisini
  (gockurul.xlam) XLSTART klasörüne koyar ve 'gockurul doktor' ile denetler. Kurduğu her şeyi kurulum.json'a
  yazar; kaldir.ps1 yalnızca onları siler.
  Windows PowerShell 5.1 ve PowerShell 7 ile çalışır.
  Kullanım: KUR.cmd'ye çift tıklayın ya da:  powershell -ExecutionPolicy Bypass -File kur.ps1 [-Hedef KLASÖR] [-Python python.exe]
#>
param(
  [string]$Hedef = (Join-Path $env:LOCALAPPDATA 'GocKurul'),
  [string]$Python = ''
)
# Cmdlets stop on error; native programs (python, pip, py) run only through Yerel, under 'Continue': in
# Windows PowerShell 5.1 a native program's stderr under 'Stop' is a terminating error.
$ErrorActionPreference = 'Stop'
$Paket = Split-Path -Parent $MyInvocation.MyCommand.Path
$KayitDosyasi = Join-Path $Hedef 'kurulum.json'

function Adim([string]$Metin) { Write-Host "==> $Metin" -ForegroundColor Cyan }
function Dur([string]$Metin, [int]$Kod = 1) { Write-Host "HATA: $Metin" -ForegroundColor Red; exit $Kod }

function Yerel([string]$Program, [string[]]$Argumanlar) {
  # A native program: its exit code is the answer, its stderr is shown, never a PowerShell error.
  $ErrorActionPreference = 'Continue'
  & $Program @Argumanlar | Out-Host  # shown, not returned: the function's value is the exit code
  return $LASTEXITCODE
}

function Yerel-Cikti([string]$Program, [string[]]$Argumanlar) {
  $ErrorActionPreference = 'Continue'
  $cikti = & $Program @Argumanlar 2>&1 | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }
  if ($LASTEXITCODE -ne 0) { return $null }
  return ($cikti | Select-Object -Last 1)
}

function Kaydet($Kayit) {
  New-Item -ItemType Directory -Force -Path $Hedef | Out-Null
  $Kayit | ConvertTo-Json -Depth 4 | Set-Content -Path $KayitDosyasi -Encoding UTF8
}

function Bul-Python {
  if ($Python) { if (Test-Path -LiteralPath $Python -PathType Leaf) { return $Python } else { Dur "'$Python' bulunamadı." } }
  if (Get-Command py.exe -ErrorAction SilentlyContinue) {
    $yol = Yerel-Cikti 'py.exe' @('-3.12', '-c', 'import sys; print(sys.executable)')
    if ($yol) { return "$yol".Trim() }
  }
  foreach ($aday in @((Join-Path $env:LOCALAPPDATA 'Programs\Python\Python312\python.exe'),
                      (Join-Path $env:ProgramFiles 'Python312\python.exe'))) {
    if (Test-Path -LiteralPath $aday -PathType Leaf) { return $aday }
  }
  return $null
}

# 1. Excel must be closed before anything is changed: the add-in in XLSTART and pythonw.exe may be in use.
if (Get-Process -Name EXCEL -ErrorAction SilentlyContinue) {
  Dur "Excel açık. Bütün Excel pencerelerini kapatıp kur.ps1'i yeniden çalıştırın. Hiçbir şey değiştirilmedi."
}

# What an earlier install recorded (kept: a Python we installed then is still ours to remove).
$kayit = [ordered]@{ surum = 1; hedef = $Hedef; venv = $null; eklenti = $null; python_kurucu = $null;
                     python_klasoru = $null; gunlukler = @() }
if (Test-Path -LiteralPath $KayitDosyasi) {
  $eski = Get-Content -LiteralPath $KayitDosyasi -Raw -Encoding UTF8 | ConvertFrom-Json
  if ($eski.python_kurucu) { $kayit.python_kurucu = $eski.python_kurucu; $kayit.python_klasoru = $eski.python_klasoru }
}

Adim "Paket dosyalarının internet engeli (Mark of the Web) kaldırılıyor"
Get-ChildItem -Path $Paket -Recurse -File | Unblock-File

Adim "Python 3.12 aranıyor"
$exe = Bul-Python
if (-not $exe) {
  $kurucu = Get-ChildItem -Path (Join-Path $Paket 'python') -Filter 'python-3.12*-amd64.exe' -ErrorAction SilentlyContinue |
            Select-Object -First 1
  if ($kurucu) {
    Adim "Python kuruluyor: $($kurucu.Name) (yalnızca bu kullanıcı için, yönetici izni gerekmez)"
    # Per user, no py launcher (its all-users install asks for elevation), nothing on PATH.
    $kopya = Join-Path $Hedef 'python-kurucu'
    New-Item -ItemType Directory -Force -Path $kopya | Out-Null
    Copy-Item -LiteralPath $kurucu.FullName -Destination $kopya -Force
    $kurucuKopya = Join-Path $kopya $kurucu.Name
    $pyKlasor = Join-Path $env:LOCALAPPDATA 'Programs\Python\Python312'
    $p = Start-Process -FilePath $kurucuKopya -Wait -PassThru `
         -ArgumentList '/quiet', 'InstallAllUsers=0', 'Include_launcher=0', 'InstallLauncherAllUsers=0',
                       'PrependPath=0', 'Shortcuts=0', 'Include_test=0', "TargetDir=`"$pyKlasor`""
    if ($p.ExitCode -ne 0) { Dur "Python kurulamadı (çıkış kodu $($p.ExitCode))." $p.ExitCode }
    $kayit.python_kurucu = $kurucuKopya
    $kayit.python_klasoru = $pyKlasor
    Kaydet $kayit
    $Python = Join-Path $pyKlasor 'python.exe'
    $exe = Bul-Python
  }
}
if (-not $exe) {
  Dur ("Python 3.12 (64 bit) bulunamadı. python.org'dan 'python-3.12.x-amd64.exe' kurucusunu bu klasördeki " +
       "'python' klasörüne koyup kur.ps1'i yeniden çalıştırın ya da -Python ile python.exe'nin yolunu verin.")
}
Write-Host "    $exe"

$venv = Join-Path $Hedef 'venv'
Adim "Program kuruluyor: $venv"
if (Test-Path -LiteralPath $venv) {
  try { Remove-Item -LiteralPath $venv -Recurse -Force }
  catch { Dur "Eski kurulum silinemedi ($venv): bir program onu kullanıyor olabilir. Bilgisayarı yeniden başlatıp deneyin." }
}
New-Item -ItemType Directory -Force -Path $Hedef | Out-Null
$kayit.venv = $venv
Kaydet $kayit
if ((Yerel $exe @('-m', 'venv', $venv)) -ne 0) { Dur "Sanal ortam (venv) yapılamadı." }
$vpy = Join-Path $venv 'Scripts\python.exe'
$kod = Yerel $vpy @('-m', 'pip', 'install', '--no-index', '--disable-pip-version-check', '--find-links',
                    (Join-Path $Paket 'tekerlekler'), '-r', (Join-Path $Paket 'gereksinimler.txt'))
if ($kod -ne 0) { Dur "Paketler kurulamadı (ayrıntılar yukarıda)." $kod }
$gockurul = Join-Path $venv 'Scripts\gockurul.exe'

# The add-in comes built (its VBA is in the package): only its config sheet is written, no Excel needed.
Adim "Excel eklentisi XLSTART klasörüne konuyor"
$xlam = Join-Path $env:APPDATA 'Microsoft\Excel\XLSTART\gockurul.xlam'
$kayit.eklenti = $xlam
$kayit.gunlukler = @((Join-Path $env:USERPROFILE 'gockurul-hata.log'))
Kaydet $kayit
$kod = Yerel $gockurul @('eklenti', '--xlstart')
if ($kod -ne 0) { Dur "Eklenti yazılamadı (mesaj yukarıda)." $kod }
Unblock-File -LiteralPath $xlam

Adim "Denetim: gockurul doktor"
$sonuc = Yerel $gockurul @('doktor')
if ($sonuc -eq 0) {
  Write-Host "Kurulum tamamlandı. Excel'i açın: şeritte 'Göç Kurulu' sekmesi görünür." -ForegroundColor Green
} else {
  Write-Host "Kurulum bitti ama doktor bir sorun buldu (HATA satırları). Çıktıyı destek için saklayın." -ForegroundColor Yellow
}
exit $sonuc
