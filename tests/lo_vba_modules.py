"""Run by the system Python with LibreOffice's UNO bridge (python3-uno): open an Office file headless in
LibreOffice and print every Basic/VBA module it imported ("MODULE library/name", then its source).

    python3 lo_vba_modules.py SOFFICE FILE PROFILE_DIR
"""

import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(soffice: str, path: str, profile: str) -> int:
    pipe = f"gockurul_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if office.poll() is not None:
                    sys.stderr.write("soffice exited\n")
                    return 2
                time.sleep(0.25)
        else:
            sys.stderr.write("no connection to soffice\n")
            return 2
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # NEVER_EXECUTE: the code is only read.
        doc = desktop.loadComponentFromURL(
            Path(path).resolve().as_uri(),
            "_blank",
            0,
            (prop("Hidden", True), prop("MacroExecutionMode", 0), prop("FilterName", "Calc MS Excel 2007 VBA XML")),
        )
        if doc is None:
            sys.stderr.write("LibreOffice could not open the file\n")
            return 3
        libs = doc.BasicLibraries
        for lib_name in libs.getElementNames():
            libs.loadLibrary(lib_name)
            lib = libs.getByName(lib_name)
            for module in lib.getElementNames():
                print(f"MODULE {lib_name}/{module}")
                print(lib.getByName(module))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away with the office
            pass
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
