"""Issue 25 item 6: README's user guide (the `bash` blocks of "## Kullanım kılavuzu") runs top to bottom, in
order, in an empty folder, on files the guide itself made — so the README cannot drift from the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

SECTION = "## Kullanım kılavuzu"
SKIP = "<!-- kılavuz-testi: atlanır -->"  # a block the guide shows but a test cannot run (activating the venv)


def guide_commands(text: str) -> list[str]:
    """The command lines of the guide's `bash` blocks, in order (comments dropped, `\\` continuations joined)."""
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    lines = text[start : end if end != -1 else len(text)].splitlines()
    commands: list[str] = []
    skip = False
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped == SKIP:
            skip = True
        elif stripped.startswith("```"):
            language = stripped[3:].strip()
            j = i + 1
            body = []
            while not lines[j].strip().startswith("```"):
                body.append(lines[j].strip())
                j += 1
            if language == "bash" and not skip:
                joined = "\n".join(body).replace("\\\n", " ")
                commands += [c for c in joined.splitlines() if c.strip() and not c.startswith("#")]
            skip = False
            i = j
        elif stripped:
            skip = False
        i += 1
    return commands


def test_the_guide_is_found_with_its_commands():
    commands = guide_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    words = [c.split()[1] for c in commands if c.startswith("gockurul ")]
    for command in (
        "ornek",
        "yeni",
        "kontrol",
        "takvim",
        "tutanak",
        "formlar",
        "gundem",
        "davet",
        "yillik",
        "pdf",
        "platform",
        "platform-oku",
        "birlestir",
        "ulusal",
        "devir",
    ):
        assert command in words, command
    assert not any("source .venv" in c for c in commands)


def test_the_user_guide_runs_top_to_bottom(tmp_path):
    commands = guide_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    script = ["set -u"]
    for n, command in enumerate(commands, start=1):
        # 0 = done, 1 = findings (or a refused district file): both are results the guide expects; 2 = not done
        script += [
            f"echo '>>> {n}'",
            command,
            f"rc=$?; if [ $rc -gt 1 ]; then echo 'KILAVUZ KOMUTU {n} ÇALIŞMADI (çıkış '$rc')' >&2; exit 97; fi",
        ]
    home = tmp_path / "ev"
    home.mkdir()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    proc = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900
    )
    out = proc.stdout + proc.stderr
    failed = next(
        (commands[int(line.split()[2]) - 1] for line in proc.stderr.splitlines() if line.startswith("KILAVUZ KOMUTU")),
        None,
    )
    assert proc.returncode == 0, f"{failed}\n{out[-4000:]}"
    assert "Traceback" not in out
    work = tmp_path / "deneme"
    for made in (
        "ornek.xlsx",
        "İlçe Kitapları/NIZIP_2025.xlsx",
        "takvim.ics",
        "toplanti3.pdf",
        "iller/gaziantep-2025/manifest.json",
        "ULUSAL.xlsx",
        "ornek_2026.xlsx",
        "GAZIANTEP_2026.xlsx",
    ):
        assert (work / made).exists(), made
    assert "değişiklik yok" in proc.stdout  # the same district book merged again
    assert not list(home.rglob("gockurul*"))  # no error log in the home folder: nothing went wrong
