"""xlwings Lite's buttons in real Pyodide (Node + the npm `pyodide` package) and the same on CPython.

Shared by tests/test_lite_pyodide.py and bench/lite_bench.py. Nothing here touches the network: Pyodide loads from
tests/pyodide/node_modules (`npm ci`), the wheels from tests/pyodide/wheels (pip download in .ci/run), ours and
the rpds-py stand-in are built from the checkout.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tests" / "pyodide"
WHEELS = HARNESS / "wheels"
PYODIDE = HARNESS / "node_modules" / "pyodide"
MAIN_PY = ROOT / "makrolar" / "xlwings_lite" / "main.py"
# The status cell begins with the time of the press (makro._tell): the one thing that may differ.
STAMP = re.compile(r"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} — ")


def missing() -> str | None:
    """What the harness lacks, in the words of .ci/run's step that provides it."""
    if shutil.which("node") is None:
        return "node (apt-get install nodejs)"
    if not (PYODIDE / "pyodide.asm.wasm").exists():
        return "tests/pyodide/node_modules (npm ci --prefix tests/pyodide)"
    from importlib import metadata

    from gockurul_excel.files.lite import FROM_PYPI

    for name in ("micropip", "jsonschema", *FROM_PYPI):  # Lite's pins are the installed versions
        pin = f"{name}-{metadata.version(name)}-" if name in FROM_PYPI else f"{name}-"
        if not list(WHEELS.glob(f"{pin}*.whl")):
            return f"tests/pyodide/wheels/{pin}*.whl (.ci/run: pip download ... -r tests/pyodide/wheels.txt)"
    return None


def build_wheels(out: Path) -> list[Path]:
    """Our wheel from a clean copy of the checkout, and the rpds-py stand-in: [stand-in, ours]."""
    src = Path(tempfile.mkdtemp(prefix="kaynak", dir=out))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "gockurul_excel", src / "gockurul_excel", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    standin = Path(tempfile.mkdtemp(prefix="rpds", dir=out))  # a copy: setuptools builds in place (build/)
    shutil.copytree(
        HARNESS / "rpds_standin",
        standin,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(out), str(src), str(standin)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    return [next(out.glob("rpds_py-*.whl")), next(out.glob("gockurul_excel-*.whl"))]


def install_order(folder: Path) -> tuple[list[str], str | None]:
    """The dependencies' wheels in `folder`, and ours (installed last, with dependency resolution) if there."""
    deps = sorted(p.name for p in folder.glob("*.whl") if not p.name.startswith(("micropip-", "gockurul_excel-")))
    return deps, next((p.name for p in folder.glob("gockurul_excel-*.whl")), None)


def press_in_pyodide(
    jobs: list[dict],
    built: list[Path],
    main_py: str | None = None,
    timeout: int = 1200,
    requirements_url: str | None = None,
) -> dict:
    """Run `jobs` ([{button, payload}]) in one Pyodide, in order; the raw result of press.mjs. With
    `requirements_url`, our wheel is installed from the requirements.txt found there (its URL line), not from
    the local file."""
    with tempfile.TemporaryDirectory(prefix="pyodide-") as tmp:
        folder = Path(tmp, "wheels")
        folder.mkdir()
        for w in [*WHEELS.glob("*.whl"), *built]:
            shutil.copy(w, folder / w.name)
        deps, ours = install_order(folder)
        job = {
            "wheels_dir": str(folder),
            "micropip": next(folder.glob("micropip-*.whl")).name,
            "deps": deps,
            "ours": ours,
            "main_py": main_py or MAIN_PY.read_text(encoding="utf-8"),
            "jobs": jobs,
            "requirements_url": requirements_url,
        }
        Path(tmp, "job.json").write_text(json.dumps(job, ensure_ascii=False, default=str), encoding="utf-8")
        proc = subprocess.run(
            ["node", str(HARNESS / "press.mjs"), str(Path(tmp, "job.json")), str(Path(tmp, "out.json"))],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=HARNESS,
            env={**os.environ, "HOME": tmp},
        )
        if proc.returncode != 0:
            # Node prints the minified line of Pyodide that threw: only the short lines say what happened.
            lines = [line for line in (proc.stdout + proc.stderr).splitlines() if len(line) < 1000 and line.strip()]
            raise RuntimeError("\n".join(lines[-60:]))
        out = json.loads(Path(tmp, "out.json").read_text(encoding="utf-8"))
        out["log"] = proc.stdout + proc.stderr
        return out


def lite_main(main_py: str | None = None) -> types.ModuleType:
    """Lite's main.py as a module, its @script the Office.js one (what XLWINGS_ON_SERVER=true gives at import;
    this process imported xlwings before)."""
    import xlwings
    import xlwings.server

    main = types.ModuleType("main")
    plain = xlwings.script
    xlwings.script = xlwings.server.script
    try:
        exec(compile(main_py or MAIN_PY.read_text(encoding="utf-8"), "main.py", "exec"), main.__dict__)
    finally:
        xlwings.script = plain
    return main


def press_in_cpython(jobs: list[dict], main_py: str | None = None) -> list[dict]:
    """The same jobs through the same xlwings entry point Lite uses (custom_scripts_call), on CPython."""
    import xlwings as xw
    from xlwings.server import custom_scripts_call

    main = lite_main(main_py)
    out = []
    for j in jobs:
        book = xw.Book(json=json.loads(json.dumps(j["payload"], default=str)))
        asyncio.run(custom_scripts_call(main, j["button"], typehint_to_value={xw.Book: book}))
        out.append({"button": j["button"], "actions": book.json()})
        book.close()
    return out


def comparable(actions: list | dict) -> list:
    """Actions with the press's time stamp taken out of the status cell (and JSON's own types)."""
    actions = json.loads(actions) if isinstance(actions, str) else actions
    actions = actions["actions"] if isinstance(actions, dict) else actions
    out = []
    for a in actions:
        a = dict(a)
        if a.get("func") == "setValues":
            a["values"] = [[STAMP.sub("", v) if isinstance(v, str) else v for v in row] for row in a["values"]]
        out.append(a)
    return json.loads(json.dumps(out, default=str))
