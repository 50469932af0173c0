"""README's two commands and CI stay in step."""

import re

import pytest

from .conftest import ROOT


def _commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = text.split("\n## ", 2)[1]
    return re.findall(r"```bash\n(.+?)\n```", first)


def test_readme_first_section_has_two_commands():
    main, tests = _commands()
    assert "gockurul ornek" in main and "pytest" in tests


def test_ci_runs_readme_test_command_verbatim():
    _, tests = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci


def test_readme_guide_works_as_printed_and_claims_only_what_is_true():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme[readme.index("## Kullanım kılavuzu") :]
    # the guide's plain `gockurul …` works once the venv of the quick start is active (or named)
    head = guide[: guide.index("### Yeni kitap açmak")]
    assert "source .venv/bin/activate" in head and ".venv/bin/gockurul" in head
    assert "pip install gockurul-excel" not in readme  # no such distribution on PyPI
    assert "Bütün formlar A4 dikey" not in readme  # Takvim, Pano, Eylem Planı İzleme and Kontrol are landscape
    assert "--bugun 2026-" not in readme  # dates as GG.AA.YYYY everywhere


def _version_check(command: str) -> str:
    assert command.startswith("python3 -c '"), command
    return command[len("python3 -c '") : command.index("' && ")]


def test_both_commands_check_the_python_version_first_and_say_it_in_turkish():
    """Issue 25 item 7: on a Python older than 3.11 the first step stops at once with a Turkish message (not pip's
    English errors after a minute); on this Python it passes silently."""
    import subprocess
    import sys

    main, tests = _commands()
    check = _version_check(main)
    assert _version_check(tests) == check
    ok = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stderr == ""
    # the same line on a Python that is too old (the limit raised past this one)
    old = subprocess.run([sys.executable, "-c", check.replace("(3, 11)", "(99, 0)")], capture_output=True, text=True)
    assert old.returncode == 1 and "Python 3.11 ya da daha yenisi gerekir" in old.stderr
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in old.stderr and "Traceback" not in old.stderr


# --- the code as ruff lays it out and lints it (pyproject: [tool.ruff], [tool.ruff.format]) ---------------------

RUFF_PATHS = ("gockurul_excel", "tests", "bench", "makrolar")


def _ruff(*args: str) -> tuple[int, list[str]]:
    """The installed ruff (the `test` extra) over RUFF_PATHS: its exit code and its output's lines."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "ruff", *args, *RUFF_PATHS], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return run.returncode, [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def test_the_code_is_as_ruff_format_lays_it_out():
    """After a merge, `ruff format gockurul_excel tests bench makrolar` lays the code out again (its own commit)."""
    code, lines = _ruff("format", "--check", "--output-format", "concise")
    if code != 0:
        files = {line.split(":", 1)[0] for line in lines if "unformatted" in line}  # 'path:row:col: unformatted: …'
        pytest.fail("ruff format would change:\n" + "\n".join(sorted(files) or lines), pytrace=False)


def test_ruff_check_finds_nothing():
    code, lines = _ruff("check", "--no-fix", "--output-format", "concise")
    if code != 0:
        pytest.fail("ruff check:\n" + "\n".join(line for line in lines if not line.startswith("Found ")), pytrace=False)
