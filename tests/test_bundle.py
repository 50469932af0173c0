"""The offline bundle: the pinned Windows set resolves (pip's dry run, metadata only) and is complete with
Windows markers; the install scripts do what the README tells IT; the bundle folder is assembled."""

from __future__ import annotations

import re
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
    wheels = [r["download_info"]["url"].rsplit("/", 1)[-1] for r in resolved]
    assert all(w.endswith(("-none-any.whl", "-win_amd64.whl")) for w in wheels), wheels
    assert Marker("platform_system == 'Windows'").evaluate(offline.WINDOWS_MARKERS)


def _script(name: str) -> str:
    data = (offline.ASSETS / name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{name}: Windows PowerShell 5.1 needs a BOM for Turkish letters"
    assert b"\n" not in data.replace(b"\r\n", b""), f"{name}: CRLF"
    return data.decode("utf-8-sig")


def test_install_script_does_what_the_readme_says():
    kur = _script("kur.ps1")
    for step in ("--no-index", "--find-links", "gereksinimler.txt", "tekerlekler", "eklenti --xlstart",
                 "Unblock-File", "doktor", "AccessVBOM", "Get-Process -Name EXCEL", "python-3.12", "LOCALAPPDATA"):
        assert step in kur, step
    # The trust setting is put back as it was, whatever happens.
    assert re.search(r"try \{.*eklenti --xlstart.*\} finally \{.*AccessVBOM.*\}", kur, re.S)
    kaldir = _script("kaldir.ps1")
    assert "XLSTART\\gockurul.xlam" in kaldir and "Remove-Item" in kaldir
    for cmd in ("KUR.cmd", "KALDIR.cmd"):
        assert "-ExecutionPolicy Bypass" in (offline.ASSETS / cmd).read_text(encoding="ascii")


def test_bundle_is_assembled(tmp_path, monkeypatch):
    """Everything but the download: the fetch step is replaced by empty files named as pip names wheels."""

    def fake_fetch(pins: Path, folder: Path) -> None:
        for name, version in offline.pinned(pins).items():
            (folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl").write_bytes(b"")

    source = tmp_path / "gockurul_excel-0.1.0-py3-none-any.whl"
    source.write_bytes(b"PK")
    bundle = offline.build_bundle(tmp_path / "paket", source, fetch=fake_fetch)
    names = sorted(p.name for p in bundle.folder.iterdir())
    assert names == sorted([*offline.SCRIPTS, "BENIOKU.txt", "gereksinimler.txt", "python", "tekerlekler",
                            offline.MANIFEST])
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
