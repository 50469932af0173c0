<#
  Göç Kurulu — kaldırma: Excel eklentisini (XLSTART\gockurul.xlam) ve programın klasörünü siler.
  Kurul kitaplarınıza (.xlsx) dokunmaz.  Kullanım: KALDIR.cmd ya da  powershell -ExecutionPolicy Bypass -File kaldir.ps1 [-Hedef KLASÖR]
#>
param(
  [string]$Hedef = (Join-Path $env:LOCALAPPDATA 'GocKurul')
)
$ErrorActionPreference = 'Stop'
if (Get-Process -Name EXCEL -ErrorAction SilentlyContinue) {
  Write-Host "HATA: Excel açık. Bütün Excel pencerelerini kapatıp yeniden çalıştırın." -ForegroundColor Red
  exit 1
}
$xlam = Join-Path $env:APPDATA 'Microsoft\Excel\XLSTART\gockurul.xlam'
if (Test-Path $xlam) { Remove-Item -Force $xlam; Write-Host "Silindi: $xlam" }
if (Test-Path $Hedef) { Remove-Item -Recurse -Force $Hedef; Write-Host "Silindi: $Hedef" }
Write-Host "Göç Kurulu kaldırıldı. Kurul kitaplarınız yerinde duruyor." -ForegroundColor Green
exit 0
