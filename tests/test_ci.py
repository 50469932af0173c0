"""README's two commands and CI stay in step."""

import re

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
