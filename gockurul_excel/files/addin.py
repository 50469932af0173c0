"""`gockurul eklenti`: build `gockurul.xlam` (xlwings' add-in template + GocKurul.bas + the ribbon).

Only on Windows with Excel: the VBA module is imported through Excel's object model, which needs
"VBA proje nesne modeline güvenilir erişim" (Trust access to the VBA project object model). The manual
steps are in makrolar/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import GocKurulError

MAKROLAR = Path(__file__).resolve().parent.parent / "makrolar"
WINDOWS_ONLY = ("Eklenti (gockurul.xlam) yalnızca Windows'ta, Microsoft Excel kuruluyken yapılabilir: VBA "
                "modülü Excel üzerinden eklenir. Excel'de Dosya > Seçenekler > Güven Merkezi > Makro "
                "Ayarları'nda 'VBA proje nesne modeline güvenilir erişim' kutusunu işaretleyin. Elle yapmak "
                "için adımlar makrolar/README.md dosyasında.")


def build_addin(output: Path) -> Path:
    if sys.platform != "win32":
        raise GocKurulError(WINDOWS_ONLY)
    import shutil
    import zipfile

    import xlwings as xw

    output = Path(output).resolve()
    template = Path(xw.__file__).parent / "quickstart_addin_ribbon.xlam"
    tmp = output.with_suffix(".tmp.xlam")
    shutil.copy(template, tmp)
    app = xw.App(visible=False, add_book=False)
    try:
        book = app.books.open(str(tmp))
        try:
            project = book.api.VBProject
        except Exception:
            raise GocKurulError(WINDOWS_ONLY) from None
        project.VBComponents.Import(str(MAKROLAR / "GocKurul.bas"))
        book.save()
        book.close()
    finally:
        app.quit()
    # The ribbon: replace the template's customUI14.xml part with ours.
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.lower() == "customui/customui.xml":
                # The template's part uses the 2006 ribbon schema; ours only uses tabs and buttons.
                data = (MAKROLAR / "customUI14.xml").read_bytes().replace(
                    b"office/2009/07/customui", b"office/2006/01/customui")
            dst.writestr(item, data)
    tmp.unlink()
    return output
