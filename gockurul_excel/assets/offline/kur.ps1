<#
  Göç Kurulu — çevrimdışı kurulum (bilgi işlem için).
  Bu klasördeki tekerleklerle (internet gerekmez) programı sabit bir klasöre kurar, Excel eklentisini
  (gockurul.xlam) kullanıcının XLSTART klasörüne koyar, engelini kaldırır ve 'gockurul doktor' ile denetler.
  Kullanım: KUR.cmd'ye çift tıklayın ya da:  powershell -ExecutionPolicy Bypass -File kur.ps1 [-Hedef KLASÖR] [-Python python.exe]
#>
param(
  [string]$Hedef = (Join-Path $env:LOCALAPPDATA 'GocKurul'),
  [string]$Python = ''
)
$ErrorActionPreference = 'Stop'
$Paket = Split-Path -Parent $MyInvocation.MyCommand.Path

function Adim([string]$Metin) { Write-Host "==> $Metin" -ForegroundColor Cyan }
function Dur([string]$Metin) { Write-Host "HATA: $Metin" -ForegroundColor Red; exit 1 }

function Bul-Python {
  if ($Python) { if (Test-Path $Python) { return $Python } else { Dur "'$Python' bulunamadı." } }
  if (Get-Command py.exe -ErrorAction SilentlyContinue) {
    $yol = & py.exe -3.12 -c "import sys; print(sys.executable)" 2>$null
    if ($LASTEXITCODE -eq 0 -and $yol) { return $yol.Trim() }
  }
  foreach ($aday in @((Join-Path $env:LOCALAPPDATA 'Programs\Python\Python312\python.exe'),
                      (Join-Path $env:ProgramFiles 'Python312\python.exe'))) {
    if (Test-Path $aday) { return $aday }
  }
  return $null
}

Adim "Paket dosyalarının internet engeli kaldırılıyor"
Get-ChildItem -Path $Paket -Recurse -File | Unblock-File

Adim "Python 3.12 aranıyor"
$exe = Bul-Python
if (-not $exe) {
  $kurucu = Get-ChildItem -Path (Join-Path $Paket 'python') -Filter 'python-3.12*-amd64.exe' -ErrorAction SilentlyContinue |
            Select-Object -First 1
  if ($kurucu) {
    Adim "Python kuruluyor: $($kurucu.Name) (yalnızca bu kullanıcı için, yönetici izni gerekmez)"
    $p = Start-Process -FilePath $kurucu.FullName -Wait -PassThru `
         -ArgumentList '/quiet', 'InstallAllUsers=0', 'PrependPath=0', 'Include_launcher=1', 'Include_test=0'
    if ($p.ExitCode -ne 0) { Dur "Python kurulamadı (çıkış kodu $($p.ExitCode))." }
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
if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
New-Item -ItemType Directory -Force -Path $Hedef | Out-Null
& $exe -m venv $venv
if ($LASTEXITCODE -ne 0) { Dur "Sanal ortam (venv) yapılamadı." }
$vpy = Join-Path $venv 'Scripts\python.exe'
& $vpy -m pip install --no-index --find-links (Join-Path $Paket 'tekerlekler') -r (Join-Path $Paket 'gereksinimler.txt')
if ($LASTEXITCODE -ne 0) { Dur "Paketler kurulamadı (ayrıntılar yukarıda)." }
$gockurul = Join-Path $venv 'Scripts\gockurul.exe'

if (Get-Process -Name EXCEL -ErrorAction SilentlyContinue) {
  Dur "Excel açık. Bütün Excel pencerelerini kapatıp kur.ps1'i yeniden çalıştırın."
}

# The add-in's VBA module is imported through Excel: "Trust access to the VBA project object model" is
# switched on for this user only while the add-in is built, then put back as it was.
Adim "Excel eklentisi yapılıyor (XLSTART)"
$anahtar = 'HKCU:\Software\Microsoft\Office\16.0\Excel\Security'
if (-not (Test-Path $anahtar)) { New-Item -Path $anahtar -Force | Out-Null }
$onceki = (Get-ItemProperty -Path $anahtar -Name AccessVBOM -ErrorAction SilentlyContinue).AccessVBOM
Set-ItemProperty -Path $anahtar -Name AccessVBOM -Value 1 -Type DWord
try {
  & $gockurul eklenti --xlstart
  $kod = $LASTEXITCODE
} finally {
  if ($null -eq $onceki) {
    Remove-ItemProperty -Path $anahtar -Name AccessVBOM -ErrorAction SilentlyContinue
  } else {
    Set-ItemProperty -Path $anahtar -Name AccessVBOM -Value $onceki -Type DWord
  }
}
if ($kod -ne 0) { Dur "Eklenti yapılamadı (mesaj yukarıda). Grup ilkesi VBA erişimini kapatıyorsa README'deki elle kurulum adımlarına bakın." }
$xlam = Join-Path $env:APPDATA 'Microsoft\Excel\XLSTART\gockurul.xlam'
Unblock-File -Path $xlam

Adim "Denetim: gockurul doktor"
& $gockurul doktor
$sonuc = $LASTEXITCODE
if ($sonuc -eq 0) {
  Write-Host "Kurulum tamamlandı. Excel'i açın: şeritte 'Göç Kurulu' sekmesi görünür." -ForegroundColor Green
} else {
  Write-Host "Kurulum bitti ama doktor bir sorun buldu (HATA satırları). Çıktıyı destek için saklayın." -ForegroundColor Yellow
}
exit $sonuc
