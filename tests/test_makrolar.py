"""makrolar/: every ribbon button calls an existing Sub, every Sub an existing makro.py function."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gockurul_excel import makro

MAKROLAR = Path(__file__).resolve().parent.parent / "makrolar"
ADDIN = Path(makro.__file__).resolve().parent / "assets" / "addin"
NS = {"ui": "http://schemas.microsoft.com/office/2009/07/customui"}


def subs() -> dict[str, str]:
    text = (ADDIN / "GocKurul.bas").read_text(encoding="ascii")
    out = {}
    for m in re.finditer(r"^Sub (\w+)\(.*?\)\s*$(.*?)^End Sub", text, re.M | re.S):
        call = re.search(r'RunPython "import gockurul_excel\.makro as m; m\.(\w+)\(\)"', m.group(2))
        assert call, m.group(1)
        out[m.group(1)] = call.group(1)
    return out


def test_every_sub_calls_an_existing_button():
    found = subs()
    assert set(found.values()) == set(makro.BUTTONS)
    for func in found.values():
        assert callable(getattr(makro, func))


def test_every_ribbon_button_calls_an_existing_sub():
    root = ET.parse(ADDIN / "customUI14.xml").getroot()
    tab = root.find(".//ui:tab", NS)
    assert tab.get("label") == "Göç Kurulu"
    buttons = root.findall(".//ui:button", NS)
    assert {b.get("onAction") for b in buttons} == set(subs())
    for b in buttons:
        assert b.get("imageMso") and b.get("label") in makro.BUTTONS.values()
    groups = {
        g.get("label"): [
            makro.BUTTONS and next(k for k, v in makro.BUTTONS.items() if v == b.get("label"))
            for b in g.findall("ui:button", NS)
        ]
        for g in root.findall(".//ui:group", NS)
    }
    assert groups == {k: list(v) for k, v in makro.BUTTON_GROUPS.items()}  # the server's ribbon has the same


def _scripts(path: Path) -> dict[str, ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for f in tree.body:
        if isinstance(f, ast.FunctionDef):
            for d in f.decorator_list:
                if isinstance(d, ast.Call) and getattr(d.func, "id", None) == "script":
                    out[f.name] = d
    return out


@pytest.mark.parametrize(
    "path", [MAKROLAR / "xlwings_lite" / "main.py", ADDIN.parent / "server" / "custom_scripts" / "__init__.py"]
)
def test_lite_and_server_expose_every_button_with_turkish_names(path):
    scripts = _scripts(path)
    assert set(scripts) == set(makro.BUTTONS)
    for name, call in scripts.items():  # @script(**_options("<name>")): name= label, include= sheets read
        assert ast.literal_eval(call.keywords[0].value.args[0]) == name


def test_lite_requirements_do_not_pull_the_server_or_cli():
    text = (MAKROLAR / "xlwings_lite" / "requirements.txt").read_text(encoding="utf-8")
    import xlwings as xw

    assert f"xlwings=={xw.__version__}" in text
    for heavy in ("starlette", "uvicorn", "typer", "rich", "fastapi", "xlwings-server"):
        assert heavy not in text


def _section(text: str, heading: str) -> str:
    """From `heading` to the next heading of the same level or higher, whitespace collapsed."""
    level = heading.split(" ")[0]
    start = text.index(heading)
    ends = [i for i in (text.find(f"\n{'#' * n} ", start + len(heading)) for n in range(1, len(level) + 1)) if i >= 0]
    return " ".join(text[start : min(ends, default=len(text))].split())


def test_windows_checklist_covers_what_linux_cannot_verify():
    text = (MAKROLAR / "README.md").read_text(encoding="utf-8")
    checklist = _section(text, "## Windows denetim listesi")
    for item in (
        "gockurul.conf",
        "ADD_WORKBOOK_TO_PYTHONPATH",
        "SmartScreen",
        "Mark of the Web",
        "AllSigned",
        "ilk basış",
        "yönetici izni",
        "Could not find Interpreter!",
        "KUR.cmd",
        "--no-index",
        "Unblock-File",
        "İSTANBUL_İLÇE",
        "Açık kitap yok",
        "Office 2016/2019",
        "güvenilir erişim",
        "Şerit",
        "used_range",
        "PageSetup",
        "to_pdf",
        "app.alert",
        "Bölmeleri Dondur",
        "OneDrive",
        "gockurul doktor",
        "manifest",
        "Office.js",
        "xlwings Lite",
        "Grafikler",
        "İlçe Kitaplarını Birleştir",
        "değişiklik yok",
        "beklenen",
        "burada denenemez",
        "/xlwings/alert",
        "Yetkisiz",
    ):
        assert item in checklist, item
    steps = re.findall(r"(?:^| )(\d+)\. \*\*", checklist)
    assert steps == [str(i) for i in range(1, len(steps) + 1)] and len(steps) >= 12


def test_readme_install_guide_licences_and_routes():
    readme = (MAKROLAR.parent / "README.md").read_text(encoding="utf-8")
    section = _section(readme, "### Excel'de düğmeler (xlwings)")
    for heading in ("#### 1) Masaüstü Excel", "#### 2) xlwings Lite", "#### 3) İl merkezinde tek sunucu"):
        assert heading in section, heading
    assert "RunPython" in section and "Office.js" in section and "custom-scripts-call" in section
    assert "RunRemotePython" in section and "kaldırıldı" in section  # dropped, and said why
    for label in makro.BUTTONS.values():
        assert label in section, label
    for item in (
        "Microsoft 365 yönetim merkezi",
        "paylaşılan klasör kataloğu",
        "HTTPS",
        "--workers",
        "Entra ID",
        "durumsuz",
        "Office 2021",
        "masaüstünde",
        "XLWINGS_HOSTNAME",
    ):
        assert item in section, item
    it = _section(readme, "## Bilgi işlem için: kurulum")
    for item in (
        "gockurul paket",
        "KUR.cmd",
        "--no-index",
        "XLSTART",
        "Unblock-File",
        "gockurul doktor",
        "KALDIR.cmd",
        "AccessVBOM",
        "python-3.12",
        "kurulum.json",
        "yönetici izni gerekmez",
        "AllSigned",
    ):
        assert item in it, item
    assert "AccessVBOM`) dokunmaz" in it
    licences = _section(readme, "### Lisanslar")
    for item in (
        "BSD",
        "ücretsiz",
        "PolyForm Noncommercial",
        "government institution",
        "ticari kullanım",
        "https://polyformproject.org/licenses/noncommercial/1.0.0",
        "https://www.xlwings.org/pricing",
        "https://server.xlwings.org/en/latest/license/",
        "--lisans",
    ):
        assert item in licences, item
