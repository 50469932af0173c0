@echo off
rem The script's exit code is this file's exit code (pause would otherwise hide it).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0kur.ps1" %*
set GOCKURUL_KOD=%ERRORLEVEL%
if not defined GOCKURUL_SESSIZ pause
exit /b %GOCKURUL_KOD%
