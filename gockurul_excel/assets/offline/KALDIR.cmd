@echo off
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0kaldir.ps1" %*
pause
