<#
  Göç Kurulu — kaldırma: kur.ps1'in kurulum.json'a yazdığı her şeyi (program klasörü, Excel eklentisi, kur.ps1'in
  kurduğu Python, hata günlüğü) ve yalnızca onları siler. Kurul kitaplarınıza (.xlsx) dokunmaz.
  Windows PowerShell 5.1 ve PowerShell 7 ile çalışır.
  Kullanım: KALDIR.cmd ya da  powershell -ExecutionPolicy Bypass -File kaldir.ps1 [-Hedef KLASÖR]
#>
param(
  [string]$Hedef = (Join-Path $env:LOCALAPPDATA 'GocKurul')
)
$ErrorActionPreference = 'Stop'

function Dur([string]$Metin, [int]$Kod = 1) { Write-Host "HATA: $Metin" -ForegroundColor Red; exit $Kod }

function Yerel([string]$Program, [string[]]$Argumanlar) {
  $ErrorActionPreference = 'Continue'
  & $Program @Argumanlar | Out-Host  # shown, not returned: the function's value is the exit code
  return $LASTEXITCODE
}

function Sil([string]$Yol, [string]$Ne) {
  if (-not $Yol -or -not (Test-Path -LiteralPath $Yol)) { return }
  try { Remove-Item -LiteralPath $Yol -Recurse -Force; Write-Host "Silindi: $Yol" }
  catch { Dur "$Ne silinemedi ($Yol): bir program onu kullanıyor olabilir. Bilgisayarı yeniden başlatıp KALDIR.cmd'yi yeniden çalıştırın." }
}

# Excel first: it holds the add-in and the program's pythonw.exe.
if (Get-Process -Name EXCEL -ErrorAction SilentlyContinue) {
  Dur "Excel açık. Bütün Excel pencerelerini kapatıp yeniden çalıştırın. Hiçbir şey silinmedi."
}
$KayitDosyasi = Join-Path $Hedef 'kurulum.json'
if (-not (Test-Path -LiteralPath $KayitDosyasi)) {
  Dur "Kurulum kaydı bulunamadı ($KayitDosyasi): kur.ps1 ile yapılmış bir kurulum yok. Hiçbir şey silinmedi." 2
}
$kayit = Get-Content -LiteralPath $KayitDosyasi -Raw -Encoding UTF8 | ConvertFrom-Json

# The program before the add-in: if a locked file stops us here, the add-in still finds its Python.
Sil $kayit.venv 'Program klasörü'
Sil $kayit.eklenti 'Excel eklentisi'
foreach ($gunluk in @($kayit.gunlukler)) { Sil $gunluk 'Hata günlüğü' }
if ($kayit.python_kurucu -and (Test-Path -LiteralPath $kayit.python_kurucu)) {
  Write-Host "kur.ps1'in kurduğu Python kaldırılıyor: $($kayit.python_klasoru)"
  $kod = Yerel $kayit.python_kurucu @('/quiet', '/uninstall')
  if ($kod -ne 0) { Dur "Python kaldırılamadı (çıkış kodu $kod)." $kod }
  Sil (Split-Path -Parent $kayit.python_kurucu) 'Python kurucusunun kopyası'
}
Sil $KayitDosyasi 'Kurulum kaydı'
if ((Test-Path -LiteralPath $Hedef) -and -not (Get-ChildItem -LiteralPath $Hedef -Force)) { Sil $Hedef 'Program klasörü' }
Write-Host "Göç Kurulu kaldırıldı. Kurul kitaplarınız yerinde duruyor." -ForegroundColor Green
exit 0
