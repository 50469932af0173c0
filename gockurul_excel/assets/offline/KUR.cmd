@echo off
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0kur.ps1" %*
pause
