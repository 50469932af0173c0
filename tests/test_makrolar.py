"""makrolar/: every ribbon button calls an existing Sub, every Sub an existing makro.py function."""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gockurul_excel import makro

MAKROLAR = Path(__file__).resolve().parent.parent / "makrolar"
NS = {"ui": "http://schemas.microsoft.com/office/2009/07/customui"}


def subs() -> dict[str, str]:
    text = (MAKROLAR / "GocKurul.bas").read_text(encoding="utf-8")
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
    root = ET.parse(MAKROLAR / "customUI14.xml").getroot()
    tab = root.find(".//ui:tab", NS)
    assert tab.get("label") == "Göç Kurulu"
    buttons = root.findall(".//ui:button", NS)
    assert {b.get("onAction") for b in buttons} == set(subs())
    for b in buttons:
        assert b.get("imageMso") and b.get("label") in makro.BUTTONS.values()


def test_lite_main_exposes_every_button():
    tree = ast.parse((MAKROLAR / "xlwings_lite" / "main.py").read_text(encoding="utf-8"))
    funcs = {f.name for f in tree.body if isinstance(f, ast.FunctionDef)
             and any(getattr(d, "id", None) == "script" for d in f.decorator_list)}
    assert funcs == set(makro.BUTTONS)


def test_conf_has_licence_key():
    assert '"LICENSE_KEY","noncommercial"' in (MAKROLAR / "xlwings.conf").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows builds the add-in")
def test_addin_needs_windows(tmp_path):
    from gockurul_excel.errors import GocKurulError
    from gockurul_excel.files.addin import build_addin

    with pytest.raises(GocKurulError, match="yalnızca Windows"):
        build_addin(tmp_path / "gockurul.xlam")


def _section(text: str, heading: str) -> str:
    """From `heading` to the next heading of the same level or higher, whitespace collapsed."""
    level = heading.split(" ")[0]
    start = text.index(heading)
    ends = [i for i in (text.find(f"\n{'#' * n} ", start + len(heading)) for n in range(1, len(level) + 1)) if i >= 0]
    return " ".join(text[start:min(ends, default=len(text))].split())


def test_windows_checklist_covers_what_linux_cannot_verify():
    text = (MAKROLAR / "README.md").read_text(encoding="utf-8")
    checklist = _section(text, "## 5 dakikalık Windows denetimi")
    for item in ("build_addin", "güvenilir erişim", "Şerit", "used_range", "PageSetup", "to_pdf", "app.alert",
                 "RunRemotePython", 'auth:="Bearer', "Office.js", "xlwings Lite", "Grafikler", "İlçe Kitaplarını "
                 "Birleştir", "değişiklik yok", "beklenen"):
        assert item in checklist, item
    steps = re.findall(r"(?:^| )(\d+)\. \*\*", checklist)
    assert steps == [str(i) for i in range(1, len(steps) + 1)] and len(steps) >= 8


def test_readme_install_guide_and_routes():
    readme = (MAKROLAR.parent / "README.md").read_text(encoding="utf-8")
    section = _section(readme, "### Excel'de düğmeler (xlwings)")
    for heading in ("#### 1) Masaüstü Excel", "#### 2) xlwings Lite", "#### 3) İl merkezinde tek sunucu"):
        assert heading in section, heading
    assert "RunPython" in section and "Office.js" in section and "RunRemotePython" in section  # the diagram
    for name in makro.BUTTONS:  # every server route is listed, in both guides
        assert f"`{name}`" in section and f"`{name}`" in (MAKROLAR / "README.md").read_text(encoding="utf-8")
    for label in makro.BUTTONS.values():
        assert label in section, label
