"""The offline bundle: the pinned Windows set resolves (pip's dry run, metadata only) and is complete with
Windows markers; the install scripts do what the README tells IT; the bundle folder is assembled."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import offline

from .conftest import ROOT


def test_pins_cover_the_project_dependencies():
    pins = offline.pinned()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in project["dependencies"]:
        req = Requirement(text)
        if req.marker and not req.marker.evaluate(offline.WINDOWS_MARKERS):
            continue
        name = offline.canonical(req.name)
        assert name in pins, name
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name], str(req.specifier))


def test_pinned_set_resolves_for_windows_and_is_closed():
    """pip resolves the pins for win_amd64/CPython 3.12 with their dependencies (a dry run); nothing outside the
    pins is pulled in, and every dependency whose marker holds on Windows is pinned (pip evaluates markers for
    the machine it runs on, so pywin32 and colorama are checked here)."""
    pins = offline.pinned()
    resolved = offline.resolve(offline.PINS)
    got = {offline.canonical(r["metadata"]["name"]): r["metadata"]["version"] for r in resolved}
    assert got == pins
    for entry in resolved:
        for text in entry["metadata"].get("requires_dist") or []:
            req = Requirement(text)
            env = dict(offline.WINDOWS_MARKERS, extra="")
            if req.marker is None or req.marker.evaluate(env):
                name = offline.canonical(req.name)
                assert name in pins, (entry["metadata"]["name"], text)
                assert req.specifier.contains(pins[name], prereleases=True), (text, pins[name])
    # Every pin is needed: reachable from gockurul-excel's own dependencies on Windows.
    requires = {offline.canonical(r["metadata"]["name"]): r["metadata"].get("requires_dist") or [] for r in resolved}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    needed: set[str] = set()
    todo = [text for text in project]
    while todo:
        req = Requirement(todo.pop())
        if req.marker is not None and not req.marker.evaluate(dict(offline.WINDOWS_MARKERS, extra="")):
            continue
        name = offline.canonical(req.name)
        if name not in needed:
            needed.add(name)
            todo += requires.get(name, [])
    assert set(pins) - needed == set(), "pinned but required by nothing"
    wheels = [r["download_info"]["url"].rsplit("/", 1)[-1] for r in resolved]
    assert all(w.endswith(("-none-any.whl", "-win_amd64.whl")) for w in wheels), wheels
    assert Marker("platform_system == 'Windows'").evaluate(offline.WINDOWS_MARKERS)


def _script(name: str) -> str:
    data = (offline.ASSETS / name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{name}: Windows PowerShell 5.1 needs a BOM for Turkish letters"
    assert b"\n" not in data.replace(b"\r\n", b""), f"{name}: CRLF"
    return data.decode("utf-8-sig")


# --- the install scripts, parsed with a real PowerShell grammar (tree-sitter-powershell) ----------------

PS_GRAMMAR = Path(__file__).with_name("powershell")
# What the old kur.ps1 did: a native call with stderr redirected under 'Stop' (terminating in PowerShell 5.1),
# AccessVBOM, and a venv deleted before Excel was checked. The checks below must catch each.
BAD_SCRIPT = """$ErrorActionPreference = 'Stop'
$yol = & py.exe -3.12 -c "import sys; print(sys.executable)" 2>$null
if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
if (Get-Process -Name EXCEL -ErrorAction SilentlyContinue) { exit 1 }
Set-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Office\\16.0\\Excel\\Security' -Name AccessVBOM -Value 1
"""


class Tree:
    def __init__(self, data: dict):
        self.error = data["error"]
        self.nodes = data["nodes"]

    def of_type(self, kind: str) -> list[int]:
        return [i for i, n in enumerate(self.nodes) if n["type"] == kind]

    def text(self, i: int) -> str:
        return self.nodes[i]["text"]

    def row(self, i: int) -> int:
        return self.nodes[i]["row"]

    def function_of(self, i: int) -> str | None:
        """The function a node is in (None at the script's top level)."""
        while i >= 0:
            if self.nodes[i]["type"] == "function_statement":
                return re.match(r"function\s+([\w-]+)", self.text(i), re.I).group(1)
            i = self.nodes[i]["parent"]
        return None

    def function(self, name: str) -> int:
        return next(i for i in self.of_type("function_statement") if re.match(rf"function\s+{name}\b", self.text(i)))

    def commands(self, name: str) -> list[int]:
        return [i for i in self.of_type("command") if re.match(rf"{re.escape(name)}(\s|$)", self.text(i), re.I)]

    def native_calls(self) -> list[int]:
        """Commands run with the call operator `&` or named as a program (.exe)."""
        return [
            i
            for i in self.of_type("command")
            if self.text(i).startswith("&") or re.match(r"[\w.\\:-]+\.exe\b", self.text(i), re.I)
        ]


@pytest.fixture(scope="module")
def scripts(tmp_path_factory) -> dict[str, Tree]:
    node = shutil.which("node")
    if node is None or not (PS_GRAMMAR / "node_modules" / "web-tree-sitter").is_dir():
        pytest.fail("Node.js ve tests/powershell paketleri gerekli: npm ci --prefix tests/powershell (.ci/run kurar)")
    bad = tmp_path_factory.mktemp("ps") / "kotu.ps1"
    bad.write_text(BAD_SCRIPT, encoding="utf-8")
    broken = bad.with_name("bozuk.ps1")
    broken.write_text("if ($x {\n", encoding="utf-8")
    files = {
        "kur.ps1": offline.ASSETS / "kur.ps1",
        "kaldir.ps1": offline.ASSETS / "kaldir.ps1",
        "kotu.ps1": bad,
        "bozuk.ps1": broken,
    }
    out = bad.with_name("agaclar.json")
    done = subprocess.run(
        [node, str(PS_GRAMMAR / "parse.mjs"), str(out), *map(str, files.values())],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, -9) and out.is_file(), done.stderr  # parse.mjs ends itself with SIGKILL
    data = json.loads(out.read_text(encoding="utf-8"))
    return {name: Tree(data[str(path)]) for name, path in files.items()}


def native_calls_under_stop(tree: Tree) -> list[str]:
    """Native calls (and stderr redirections) outside a function that sets ErrorActionPreference to Continue
    before them: under the script's 'Stop', Windows PowerShell 5.1 makes their stderr a terminating error."""
    bad = []
    for i in tree.native_calls() + tree.of_type("redirection"):
        name = tree.function_of(i)
        if name is None:
            bad.append(tree.text(i))
            continue
        body = tree.text(tree.function(name))
        at = body.find(tree.text(i).strip())
        if not re.search(r"\$ErrorActionPreference\s*=\s*'Continue'", body[:at]):
            bad.append(tree.text(i))
    return bad


def first_row(tree: Tree, names: tuple[str, ...]) -> int:
    """The first line that runs one of `names` (function bodies run where they are called)."""
    rows = [tree.row(i) for n in names for i in tree.commands(n) if tree.function_of(i) is None]
    return min(rows, default=10**9)


def excel_check_row(tree: Tree) -> int:
    checks = [i for i in tree.commands("Get-Process") if "-Name EXCEL" in tree.text(i) and tree.function_of(i) is None]
    assert checks, "no top-level Excel check"
    return tree.row(checks[0])


CHANGES = (
    "Remove-Item",
    "Start-Process",
    "Copy-Item",
    "New-Item",
    "Set-Content",
    "Unblock-File",
    "Kaydet",
    "Yerel",
    "Sil",
    "Set-ItemProperty",
)


def test_scripts_parse_with_the_powershell_grammar(scripts):
    assert not scripts["kur.ps1"].error and not scripts["kaldir.ps1"].error
    assert scripts["bozuk.ps1"].error and not scripts["kotu.ps1"].error  # the grammar does reject a broken one


def test_native_commands_never_run_under_stop(scripts):
    for name in ("kur.ps1", "kaldir.ps1"):
        tree = scripts[name]
        assert re.search(r"^\$ErrorActionPreference = 'Stop'", tree.text(0), re.M), name
        assert tree.native_calls(), name  # python, pip and the Python installer's uninstall are native
        assert native_calls_under_stop(tree) == [], name
        assert "2>$null" not in tree.text(0), name
    assert native_calls_under_stop(scripts["kotu.ps1"])  # the old kur.ps1's py.exe … 2>$null is caught
    # A function's output is its value: Yerel shows the program's output and returns only the exit code.
    for name in ("kur.ps1", "kaldir.ps1"):
        tree = scripts[name]
        body = tree.text(tree.function("Yerel"))
        assert "& $Program @Argumanlar | Out-Host" in body and body.rstrip("}\r\n ").endswith("return $LASTEXITCODE")


def test_python_is_installed_per_user_without_elevation(scripts):
    kur = scripts["kur.ps1"]
    (start,) = kur.commands("Start-Process")
    flags = kur.text(start)
    for flag in ("/quiet", "InstallAllUsers=0", "Include_launcher=0", "InstallLauncherAllUsers=0", "PrependPath=0"):
        assert f"'{flag}'" in flags, flag
    assert "Include_launcher=1" not in kur.text(0)
    for name in ("kur.ps1", "kaldir.ps1"):
        text = scripts[name].text(0)
        for word in ("AccessVBOM", "HKLM:", "RunAs", "Set-ItemProperty", "Set-ExecutionPolicy"):
            assert word not in text, (name, word)
    assert "AccessVBOM" in scripts["kotu.ps1"].text(0)


def test_excel_is_checked_before_anything_changes(scripts):
    for name in ("kur.ps1", "kaldir.ps1"):
        tree = scripts[name]
        assert excel_check_row(tree) < first_row(tree, CHANGES), name
    bad = scripts["kotu.ps1"]
    assert excel_check_row(bad) > first_row(bad, CHANGES)


def test_everything_installed_is_recorded_and_only_that_is_removed(scripts):
    kur, kaldir = scripts["kur.ps1"], scripts["kaldir.ps1"]
    recorded = {m for m in re.findall(r"\$kayit\.(\w+)\s*=", kur.text(0))}
    assert {"venv", "eklenti", "python_kurucu", "python_klasoru", "gunlukler"} <= recorded
    # Recorded before it is made: a failure halfway still leaves a record kaldir.ps1 can use.
    text = kur.text(0)
    assert text.index("$kayit.venv = $venv") < text.index("@('-m', 'venv', $venv)")
    assert text.index("$kayit.eklenti = $xlam") < text.index("@('eklenti', '--xlstart')")
    assert text.index("$kayit.python_kurucu = ") < text.index("$Python = Join-Path $pyKlasor")
    # kaldir.ps1 deletes through Sil only, and only paths it read from the record.
    removes = kaldir.commands("Remove-Item")
    assert removes and all(kaldir.function_of(i) == "Sil" for i in removes)
    targets = [kaldir.text(i).split()[1] for i in kaldir.commands("Sil") if kaldir.function_of(i) is None]
    assert targets and all(
        t.startswith(("$kayit.", "$gunluk", "$KayitDosyasi", "$Hedef", "(Split-Path")) for t in targets
    ), targets
    assert "$kayit.python_kurucu @('/quiet', '/uninstall')" in kaldir.text(0)
    # The program before the add-in: a locked pythonw.exe stops the uninstall while the add-in still works.
    sil = {kaldir.text(i).split()[1]: kaldir.row(i) for i in kaldir.commands("Sil")}
    assert sil["$kayit.venv"] < sil["$kayit.eklenti"]


def test_cmd_files_pass_the_exit_code_through():
    for cmd, script in (("KUR.cmd", "kur.ps1"), ("KALDIR.cmd", "kaldir.ps1")):
        lines = (offline.ASSETS / cmd).read_text(encoding="ascii").splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("powershell "))
        assert f'-ExecutionPolicy Bypass -File "%~dp0{script}" %*' in lines[at]
        assert lines[at + 1] == "set GOCKURUL_KOD=%ERRORLEVEL%"
        assert lines[-1] == "exit /b %GOCKURUL_KOD%"


def test_install_script_does_what_the_readme_says():
    kur = _script("kur.ps1")
    for step in (
        "--no-index",
        "--find-links",
        "gereksinimler.txt",
        "tekerlekler",
        "'eklenti', '--xlstart'",
        "Unblock-File",
        "doktor",
        "Get-Process -Name EXCEL",
        "python-3.12",
        "LOCALAPPDATA",
        "kurulum.json",
    ):
        assert step in kur, step
    kaldir = _script("kaldir.ps1")
    assert "kurulum.json" in kaldir and "Remove-Item" in kaldir


def test_bundle_is_assembled(tmp_path, monkeypatch):
    """Everything but the download: the fetch step is replaced by empty files named as pip names wheels."""

    def fake_fetch(pins: Path, folder: Path) -> None:
        for name, version in offline.pinned(pins).items():
            (folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl").write_bytes(b"")

    source = tmp_path / "gockurul_excel-0.1.0-py3-none-any.whl"
    source.write_bytes(b"PK")
    bundle = offline.build_bundle(tmp_path / "paket", source, fetch=fake_fetch)
    names = sorted(p.name for p in bundle.folder.iterdir())
    assert names == sorted(
        [
            *offline.SCRIPTS,
            "BENIOKU.txt",
            "gereksinimler.txt",
            "python",
            "tekerlekler",
            "gockurul.xlam",
            offline.MANIFEST,
        ]
    )
    from gockurul_excel.files import addin

    assert (bundle.folder / "gockurul.xlam").read_bytes() == addin.SHIPPED.read_bytes()
    assert addin.contains_our_module(bundle.folder / "gockurul.xlam")[0]
    readme = (bundle.folder / "BENIOKU.txt").read_text(encoding="utf-8-sig")
    for words in ("Set-AuthenticodeSignature", "AllSigned", "Güvenilen Yayımcılar", "Dijital İmza", "yönetici izni"):
        assert words in readme, words
    requirements = (bundle.folder / "gereksinimler.txt").read_text(encoding="utf-8")
    assert "gockurul-excel==0.1.0" in requirements and "pywin32==" in requirements
    assert len(bundle.wheels) == len(offline.pinned()) + 1
    assert "KUR.cmd" in (bundle.folder / "BENIOKU.txt").read_text(encoding="utf-8-sig")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gockurul-paket-")]
    with pytest.raises(GocKurulError, match="boş değil"):
        offline.build_bundle(tmp_path / "paket", source, fetch=fake_fetch)

    def failing_fetch(pins: Path, folder: Path) -> None:
        raise GocKurulError("Tekerlekler indirilemedi")

    with pytest.raises(GocKurulError):
        offline.build_bundle(tmp_path / "paket2", source, fetch=failing_fetch)
    assert not (tmp_path / "paket2").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gockurul-paket-")]
