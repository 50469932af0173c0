"""Excel's rule for a sheet's name, checked before anything is written (Excel refuses such a file, or repairs it).

Alone in a module so that mutation testing (bench/mutation.py) can take this rule without the rest of the writer.
"""

from __future__ import annotations

from ..errors import GocKurulError
from ..sheetspec import sheet_key

MAX_SHEET_NAME = 31
_BAD_SHEET_CHARS = frozenset("[]:*?/\\")


def check_sheet_name(name: str) -> None:
    problem = None
    if not name or len(name) > MAX_SHEET_NAME:
        problem = f"1 ile {MAX_SHEET_NAME} karakter arasında olmalı"
    elif any(ch in _BAD_SHEET_CHARS or ord(ch) < 32 for ch in name):
        problem = "[ ] : * ? / \\ karakterlerini içeremez"
    elif name.startswith("'") or name.endswith("'"):
        problem = "kesme işaretiyle (') başlayıp bitemez"
    elif sheet_key(name) == "history":
        problem = "Excel'e ayrılmış bir ad"
    if problem:
        raise GocKurulError(f"'{name}' sayfa adı olarak kullanılamaz: {problem}.")
