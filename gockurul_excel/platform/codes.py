"""Platform vocabulary: document kinds, ASCII codes of the closed lists, IDs, and KVKK phone masking."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .. import __version__, contract, rules
from ..core import parse
from ..rules import CATEGORY_CODE

# "1.1" adds `yabanci_nufusu` to every document (the Presidency counts the meetings a province owes from it);
# documents of "1.0" are still read, without it.
SCHEMA_VERSION = "1.1"
READABLE_SCHEMA_VERSIONS = ("1.0", "1.1")


MEETING, ANNUAL_REPORT, ACTION_PLAN, PROJECTS, DATA_SHARING = (
    "toplanti",
    "yillik_rapor",
    "eylem_plani",
    "projeler",
    "veri_paylasimi",
)


MANIFEST = "manifest"


DOCUMENT_KINDS = (MEETING, ANNUAL_REPORT, ACTION_PLAN, PROJECTS, DATA_SHARING)


SCHEMA_KINDS = (*DOCUMENT_KINDS, MANIFEST)


MANIFEST_FILE = "manifest.json"


KIND_NAMES = {
    MEETING: "toplantı",
    ANNUAL_REPORT: "yıllık değerlendirme raporu (Ek-3)",
    ACTION_PLAN: "Yerel Uyum Eylem Planı",
    PROJECTS: "projeler",
    DATA_SHARING: "veri paylaşımı",
    MANIFEST: "dosya listesi (manifest)",
}


PRODUCER = f"gockurul-excel {__version__}"


SAFE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.(json|csv)$")


def code(label: str) -> str:
    """ASCII snake-case code of a Turkish label: 'İş Gücü Piyasası' -> 'is_gucu_piyasasi'."""
    return re.sub(r"[^a-z0-9]+", "_", parse.ascii_fold(label)).strip("_")


def slug(text: Any) -> str:
    """ID part: 'Şanlıurfa' -> 'sanliurfa', 'Toplantı 3/A' -> 'toplanti-3-a'."""
    return re.sub(r"[^a-z0-9]+", "-", parse.ascii_fold(str(text or ""))).strip("-")


CODED_LISTS = (
    "KurulTuru",
    "Kategori",
    "ToplantiTuru",
    "Alan",
    "SorunDurumu",
    "KararDurumu",
    "EylemDurumu",
    "Kapsam",
    "Gorus",
)


@cache
def closed_lists() -> dict[str, dict[str, str]]:
    """Closed list name (contract.lists()) -> {Turkish label: code}. Meeting categories use the codes of the
    `takvim --json` contract (`alt_komisyon`, `il_gkk`, `ilce_gkk`)."""
    out = {name: {label: code(label) for label in contract.lists()[name]} for name in CODED_LISTS}
    out["Kategori"] = {c.value: CATEGORY_CODE[c] for c in rules.MeetingCategory}
    return out


@cache
def labels() -> dict[str, dict[str, str]]:
    """Closed list name -> {code: Turkish label}."""
    return {name: {c: label for label, c in codes.items()} for name, codes in closed_lists().items()}


def label_of(code_value: Any) -> str:
    """The Turkish label of a code of any closed list (codes mean the same in every list)."""
    for table in labels().values():
        if code_value in table:
            return table[code_value]
    return str(code_value)


_TR_NUMBER = re.compile(r"^0[0-9]{10}$")


_SEPARATORS = re.compile(r"[\s().-]")


@lru_cache(maxsize=65536)  # a member's number comes back in every meeting they attend
def mask_phone(text: str | None) -> str | None:
    """'0532 123 45 67' -> '0532 *** ** 67': a Turkish number (0 and ten digits) keeps its first four and last
    two digits; any other text keeps only its last two digits. Separators and grouping stay."""
    if text is None:
        return None
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    head = 4 if _TR_NUMBER.match(_SEPARATORS.sub("", text)) else 0
    keep = set(positions[:head]) | set(positions[-2:])
    hidden = set(positions) - keep
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))
