"""A finding of `kontrol`: level, article, sheet, cell, Turkish message (the JSON contract of TASARIM.md)."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "hata"
WARNING = "uyari"
LEVELS = (ERROR, WARNING)


@dataclass(frozen=True)
class Finding:
    level: str  # "hata" | "uyari"
    rule: str  # article, e.g. "M8(1)"
    sheet: str | None
    cell: str | None
    message: str

    def to_json(self) -> dict:
        return {"duzey": self.level, "kural": self.rule, "sayfa": self.sheet, "hucre": self.cell,
                "mesaj": self.message}


def summary(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each level: {"hata": n, "uyari": m}."""
    return {level: sum(f.level == level for f in findings) for level in LEVELS}
