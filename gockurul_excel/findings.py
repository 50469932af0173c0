"""A finding of `kontrol`: level, article, sheet, cell, Turkish message (the JSON contract of TASARIM.md)."""

from __future__ import annotations

from typing import NamedTuple

ERROR = "hata"
WARNING = "uyari"
LEVELS = (ERROR, WARNING)


class Finding(NamedTuple):
    """A tuple: built, hashed and compared in C (a findings-heavy book has tens of thousands)."""

    level: str  # "hata" | "uyari"
    rule: str  # article, e.g. "M8(1)"
    sheet: str | None
    cell: str | None
    message: str

    def to_json(self) -> dict:
        return dict(zip(JSON_KEYS, self, strict=True))


# The JSON names of a finding's fields, in their order (TASARIM.md).
JSON_KEYS = ("duzey", "kural", "sayfa", "hucre", "mesaj")


def summary(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each level: {"hata": n, "uyari": m}."""
    return {level: sum(f.level == level for f in findings) for level in LEVELS}
