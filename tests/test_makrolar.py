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
    from gockurul_excel.addin import build_addin
    from gockurul_excel.errors import GocKurulError

    with pytest.raises(GocKurulError, match="yalnızca Windows"):
        build_addin(tmp_path / "gockurul.xlam")
