"""The command line speaks Turkish through the libraries' own mechanisms: click's messages from our gettext
catalogue (compiled with Babel), typer's panel titles from its settings, click's metavars for placeholders.
Every help screen and every usage error is checked for the English of click's and typer's catalogues."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from gockurul_excel import cli

PO = cli.LOCALE_DIR / "tr" / "LC_MESSAGES" / f"{cli.DOMAIN}.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)s|\[/?[a-z]+\]")
# Placeholders English would leave in a help screen (click's metavars and typer's type names).
ENGLISH_PLACEHOLDERS = ("[OPTIONS]", "COMMAND [ARGS]", " TEXT ", " PATH ", " INTEGER ", "<bool>", "<str>")


def library_messages() -> dict[str, str]:
    """msgid (the singular of plural ones) -> the library it comes from, from the installed click and typer."""
    out = {}
    for package in (click, typer):
        for _file, _line, message, _comments, _context in extract_from_dir(os.path.dirname(package.__file__)):
            for text in message if isinstance(message, tuple) else (message,):
                if text:
                    out[text] = package.__name__
    return out


def catalogue():
    with open(PO, encoding="utf-8") as f:
        return read_po(f)


def test_every_click_and_typer_message_has_a_turkish_translation():
    translated = {}
    for m in catalogue():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        given = set().union(*(re.findall(r"\{[^}]*\}", i) for i in ids))
        for i in ids:
            translated[i] = (strings, given)
    missing = sorted(set(library_messages()) - set(translated))
    assert not missing, f"click/typer messages without a Turkish translation: {missing}"
    for msgid, (strings, given) in translated.items():
        assert all(strings), msgid
        for text in strings:  # a translation never asks for a value the message does not give
            assert set(re.findall(r"\{[^}]*\}", text)) <= given, msgid


def test_the_compiled_catalogue_is_compiled_from_the_po():
    import io

    compiled = io.BytesIO()
    write_mo(compiled, catalogue())
    with open(MO, "rb") as f:
        shipped = read_mo(f)
    fresh = read_mo(io.BytesIO(compiled.getvalue()))

    def pairs(cat):
        return {
            (m.id if isinstance(m.id, str) else tuple(m.id)): (
                m.string if isinstance(m.string, str) else tuple(m.string)
            )
            for m in cat
            if m.id
        }

    assert pairs(shipped) == pairs(fresh), (
        "gockurul.mo is older than gockurul.po: pybabel compile -d gockurul_excel/locale -D gockurul"
    )


def english_fragments() -> set[str]:
    out = set()
    for msgid in library_messages():
        for part in PLACEHOLDER.split(msgid):
            part = part.strip(" .'!?:()[]\n\t")
            if sum(ch.isalpha() for ch in part) >= 4 and part not in ("gockurul",):
                out.add(part)
    return out


def screen(result) -> str:
    text = re.sub(r"[│╭╮╰╯─]", " ", result.output)
    return " " + re.sub(r"\s+", " ", text) + " "


def assert_turkish(text: str) -> None:
    found = sorted(f for f in english_fragments() if f in text)
    assert not found, f"English from click/typer: {found}\n{text}"
    for english in ENGLISH_PLACEHOLDERS:
        assert english not in text, (english, text)


def commands() -> list[str]:
    return list(typer.main.get_command(cli.app).commands)


def invoke(*args: str):
    return CliRunner().invoke(cli.app, list(args), prog_name="gockurul")


@pytest.mark.parametrize("args", [(), ("-h",), ("--help",), ("--yardim",)])
def test_main_help_is_turkish(args):
    out = screen(invoke(*args))
    assert "Kullanım: gockurul [SEÇENEKLER] KOMUT" in out and "Komutlar" in out and "Seçenekler" in out
    assert_turkish(out)


def test_every_commands_help_is_turkish():
    names = commands()
    assert "davet" in names and "kontrol" in names
    for name in names:
        result = invoke(name, "-h")
        assert result.exit_code == 0, (name, result.output)
        out = screen(result)
        assert "Bu yardımı gösterir ve çıkar." in out and "Kullanım:" in out, name
        assert_turkish(out)


@pytest.mark.parametrize(
    "args, turkish",
    [
        (("kontrl",), "'kontrl' diye bir komut yok. Bunu mu demek istediniz: 'kontrol'?"),
        (("kontrol",), "Eksik bağımsız değişken 'KİTAP'."),
        (("formlar", "x.xlsx", "--yil", "abc"), "'--yil' için geçersiz değer: 'abc' bir sayı değil."),
        (("takvim", "x.xlsx", "--hatirlatma", "99"), "izin verilen aralıkta değil"),
        (("kontrol", "a.xlsx", "b.xlsx"), "Beklenmeyen fazladan bağımsız değişken: b.xlsx"),
        (("kontrol", "a.xlsx", "--xyz"), "'--xyz' diye bir seçenek yok."),
        (("pdf", "a.xlsx"), "Eksik seçenek '--sayfa'."),
        (("tutanak", "a.xlsx", "--toplanti"), "'--toplanti' seçeneğinin değeri yazılmadı."),
    ],
)
def test_usage_errors_are_turkish(args, turkish):
    result = invoke(*args)
    assert result.exit_code == 2
    out = screen(result)
    assert turkish in out and " Hata " in out
    assert_turkish(out)


def test_help_flags_keep_their_order_in_every_process():
    """click keeps the help flags in a set: without an order of our own they came out differently per run."""
    lines = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
        out = subprocess.run(
            [sys.executable, "-m", "gockurul_excel", "kontrol", "-h"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        ).stdout
        lines.add(next(line for line in out.splitlines() if "--yardim" in line).split("  -h")[0].strip("│ "))
    assert lines == {"--yardim,--help"}


def test_the_catalogue_speaks_whatever_the_users_language(tmp_path):
    env = {**os.environ, "LANGUAGE": "de", "LANG": "en_US.UTF-8", "LC_ALL": "C", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "gockurul_excel", "kontrl"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "diye bir komut yok" in proc.stderr and "No such command" not in proc.stderr


def test_today_is_written_as_everywhere_else():
    assert cli._parse_today("01.03.2026") == cli._parse_today("2026-03-01") == dt.date(2026, 3, 1)
    with pytest.raises(Exception, match=r"GG\.AA\.YYYY"):
        cli._parse_today("2026/03/01")


def test_po_is_shipped_beside_the_mo():
    assert PO.is_file() and MO.is_file()
    assert Path(cli.__file__).resolve().parent / "locale" == cli.LOCALE_DIR
