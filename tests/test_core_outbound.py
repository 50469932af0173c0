"""Issue 26: core/outbound.py's rules, each output kind exact — the refusal of an e-mail cell word for word, the
calendar text line by line, a file name character by character at its boundaries (issue 23's contract: one address a
cell, a display name never a recipient, a file name one safe component of at most MAX_FILE_NAME characters)."""

from __future__ import annotations

import pytest

from gockurul_excel.core import outbound
from gockurul_excel.errors import GocKurulError

TAIL = " Hücreye yalnızca bir adres yazın (ör. ad.soyad@kurum.gov.tr). Hiçbir dosya yazılmadı."
SEVERAL = "bir hücrede birden çok adres var"
SPACE = "içinde satır sonu, boşluk ya da görünmeyen bir karakter var"
TURKISH = "adreste Türkçe harf ya da başka bir özel karakter var (ı, ş, ğ… yerine i, s, g)"
UNREADABLE = "adres okunamadı"
SPELLING = "adresin yazımı geçersiz"
DOMAIN = "adresin '@' işaretinden sonraki kısmı (alan adı) geçersiz"


def refusal(cell_text: str, why: str) -> str:
    return f"'Üyeler' sayfası, D4 hücresi: '{cell_text}' bir e-posta adresi olarak kullanılamaz: {why}.{TAIL}"


# --- mail_address -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("a@b.gov.tr,c@d.gov.tr", SEVERAL),  # a comma
        ("a@b.gov.tr;c@d.gov.tr", SEVERAL),  # a semicolon
        ("ali veli@b.gov.tr", SPACE),
        ("a@b.gov.tr\u202e", SPACE),  # a bidi mark (shown without it)
        ("ayşe@b.gov.tr", TURKISH),
        ("a@", UNREADABLE),  # the parser gives up (IndexError)
        ("a@[", UNREADABLE),  # the parser fails (AttributeError in CPython's _header_value_parser): a bug fixed here
        ("", SEVERAL),  # no address at all: the header holds none
        ("(", SEVERAL),
        ("a.@b.gov.tr", SPELLING),  # defects, no display name, the addr-spec read back as typed
        ("a..b@c.gov.tr", SPELLING),
        ("(x)a@b.gov.tr", SPELLING),  # a comment: read back without it
        ('"a"@b.gov.tr', SPELLING),  # quotes: read back without them
        ("a@b@c.gov.tr", SPELLING),
        ("a@b", DOMAIN),  # no dot in the domain
        ("a@[1]", DOMAIN),
        ('"a@b.gov"@tr', DOMAIN),  # the domain is after the LAST '@': 'tr' (the first would give 'b.gov"@tr')
    ],
)
def test_a_refused_address_cell_gets_the_whole_turkish_message(cell, why):
    with pytest.raises(GocKurulError) as info:
        outbound.mail_address(cell, "Üyeler", "D4")
    assert str(info.value) == refusal(outbound.one_line(cell), why)
    assert (info.value.sheet, info.value.cell) == ("Üyeler", "D4")


def test_the_refused_text_is_shown_at_most_60_characters_long():
    cell = "x" * 70 + ",y@b.gov.tr"
    with pytest.raises(GocKurulError) as info:
        outbound.mail_address(cell, "Üyeler", "D4")
    assert str(info.value) == refusal("x" * 60, SEVERAL)


def test_the_refused_text_is_shown_on_one_line():
    with pytest.raises(GocKurulError) as info:
        outbound.mail_address("a@b.gov.tr\r\nBcc: c@d.gov.tr", "Üyeler", "D4")
    assert str(info.value) == refusal("a@b.gov.tr Bcc: c@d.gov.tr", SPACE)


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("a@b.gov.tr", "a@b.gov.tr"),
        ("  kurul@goc.gov.tr \t", "kurul@goc.gov.tr"),  # the cell's own surrounding blanks are not part of it
        ("a@[1.2.3.4]", "a@[1.2.3.4]"),  # a domain literal with dots
        ("=a@b.gov.tr", "=a@b.gov.tr"),  # a valid atext character
    ],
)
def test_an_address_cell_gives_its_address(cell, want):
    assert outbound.mail_address(cell, "Üyeler", "D4") == want


# --- one_line, header_text, recipients, address_field ---------------------------------------------------------


def test_one_line_turns_controls_and_bidi_marks_into_single_spaces():
    assert outbound.one_line("  Ayşe\r\n\x00 \u202eYılmaz\ufeff ") == "Ayşe Yılmaz"
    assert outbound.one_line("Gu\u0308l") == "Gül"  # NFC
    assert outbound.one_line(12) == "12"


def test_header_text_is_cut_at_the_limit_and_rstripped():
    assert outbound.header_text("abc def", 4) == "abc"
    assert outbound.header_text("abc def", 5) == "abc d"
    assert outbound.header_text("abc\ndef") == "abc def"  # no limit: the whole line
    assert outbound.header_text("abc def", 0) == "abc def"  # 0 is no limit


def test_recipients_keep_the_name_as_a_display_name_cut_at_200():
    got = outbound.recipients([("Ayşe\nYılmaz", "a.y@b.gov.tr"), (None, "x@y.gov.tr"), ("n" * 300, "q@r.gov.tr")])
    assert [(a.display_name, a.username, a.domain) for a in got] == [
        ("Ayşe Yılmaz", "a.y", "b.gov.tr"),
        ("", "x", "y.gov.tr"),
        ("n" * 200, "q", "r.gov.tr"),
    ]


def test_address_field_writes_one_mailbox_a_line():
    """RFC 2047 q-encoding of the Turkish name (ş = C5 9F, ı = C4 B1, space = _), a bare address, a quoted name."""
    got = outbound.address_field(
        "To", [("Ayşe Yılmaz", "a@b.gov.tr"), ("", "Xavier@y.gov.tr"), ('Ali "V"', "v@w.gov.tr")]
    )
    assert got == (
        '=?utf-8?q?Ay=C5=9Fe_Y=C4=B1lmaz?= <a@b.gov.tr>,\r\n Xavier@y.gov.tr,\r\n "Ali \\"V\\"" <v@w.gov.tr>'
    )
    assert outbound.address_field("To", []) == ""


# --- iCalendar ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Gündem\r\nMadde 1", "Gündem\nMadde 1"),  # CRLF is one break
        ("Gündem\rMadde 1", "Gündem\nMadde 1"),  # a lone CR is one too
        ("Gündem\nMadde 1\n\nSon", "Gündem\nMadde 1\n\nSon"),  # empty lines kept
        ("Valilik  Toplantı   Salonu", "Valilik Toplantı Salonu"),  # runs of spaces inside a line become one
        ("Salon\x00B\u202e", "Salon B"),  # a control inside a line becomes a space, one at the end goes
        ("Gu\u0308l", "Gül"),
        (None, "None"),
    ],
)
def test_calendar_text_keeps_line_breaks_and_nothing_else_invisible(text, want):
    assert outbound.calendar_text(text) == want


def test_calendar_param_has_no_double_quote_no_backslash_and_at_most_200_characters():
    assert outbound.calendar_param('Ali "Veli" C:\\Kurul\nÜye') == "Ali 'Veli' C:/Kurul Üye"
    assert outbound.calendar_param("ç" * 300) == "ç" * 200


# --- file names -----------------------------------------------------------------------------------------------------

LIMIT = outbound.MAX_FILE_NAME  # 120


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Xerox.pdf", "Xerox.pdf"),  # only blanks and dots are stripped from the ends
        ("  ..Rapor.. ", "Rapor"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("///", "adsiz"),  # nothing but the replacement character left
        ("X", "X"),
        ("._ _.", "adsiz"),
        ("con.txt", "_con.txt"),
        ("NUL", "_NUL"),
        ("COM¹.pdf", "_COM¹.pdf"),
        ("LPT9", "_LPT9"),
        ("Console.txt", "Console.txt"),
        ("aux .txt", "_aux .txt"),  # Windows reads 'aux ' as AUX
    ],
)
def test_short_file_names(name, want):
    assert outbound.file_name(name) == want


def test_the_fallback_is_the_callers():
    assert outbound.file_name("", fallback="davet") == "davet"


def test_a_long_name_keeps_its_extension_and_is_cut_to_120():
    assert outbound.file_name("R" * 130 + ".pdf") == "R" * (LIMIT - 4) + ".pdf"


def test_a_long_name_without_an_extension_is_cut_to_120():
    assert outbound.file_name("R" * 130) == "R" * LIMIT


def test_the_extension_is_what_follows_the_last_dot():
    assert outbound.file_name("a.b" + "c" * 130 + ".pdf") == ("a.b" + "c" * 130)[: LIMIT - 4] + ".pdf"


@pytest.mark.parametrize("ext", ["abcde", "xlsx", "a"])  # 1 to 5 letters or digits: an extension
def test_an_extension_of_up_to_five_alphanumerics_is_kept(ext):
    assert outbound.file_name("x" * 130 + "." + ext) == "x" * (LIMIT - len(ext) - 1) + "." + ext


@pytest.mark.parametrize("ext", ["abcdef", "a_b", "p-f"])  # six characters, or not alphanumeric: part of the name
def test_anything_else_after_the_last_dot_is_cut_with_the_name(ext):
    assert outbound.file_name("x" * 130 + "." + ext) == "x" * LIMIT


def test_a_cut_stem_loses_its_trailing_dots_and_blanks_only():
    name = "a" * 114 + "X." + "b" * 20 + ".pdf"  # cut at 116: 'a…aX.'
    assert outbound.file_name(name) == "a" * 114 + "X.pdf"


def test_a_name_of_exactly_120_characters_is_not_cut():
    name = "a" * 114 + ". .pdf"  # 120 characters; cut, its stem would lose '. '
    assert outbound.file_name(name) == name
    assert outbound.file_name("a" * (LIMIT + 1)) == "a" * LIMIT


def test_a_quoted_local_part_stays_one_address():
    """'"a@b"@c.gov.tr' is one RFC 5322 address: its local part is a@b, its domain after the last '@'. Before
    issue 26 `recipients` split it itself and quoted the quotes again (a different address went out)."""
    cell = '"a@b"@c.gov.tr'
    assert outbound.mail_address(cell, "Üyeler", "D4") == cell
    (got,) = outbound.recipients([("Ayşe", cell)])
    assert (got.username, got.domain, got.addr_spec) == ("a@b", "c.gov.tr", cell)
    assert outbound.address_field("To", [("", cell)]) == cell


def test_a_capital_x_is_a_letter_of_an_address():
    assert outbound.mail_address("Xavier.X@b.gov.tr", "Üyeler", "D4") == "Xavier.X@b.gov.tr"


def test_a_name_that_would_not_come_back_as_typed_goes_without_it():
    """An encoded word typed into a name cell is decoded by a mail reader ('=?utf-8?q?a?=' reads 'a'): the
    mailbox goes bare rather than under another name; the others keep theirs."""
    got = outbound.address_field("To", [("x", "a@b.gov.tr"), ("=?utf-8?q?a?=", "c@d.gov.tr")])
    assert got == "x <a@b.gov.tr>,\r\n c@d.gov.tr"


def test_a_mailbox_too_long_for_the_first_line_starts_on_the_next():
    """80 letters do not fit after 'To: ' in a 76-character line: the folder starts a new line (CRLF, space)."""
    got = outbound.address_field("To", [("A" * 80, "a@b.gov.tr")])
    assert got == "\r\n " + "A" * 80 + "\r\n <a@b.gov.tr>"


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("=A1", True),
        ("+90 312", True),
        ("-5", True),
        ("@ali", True),
        ("a=b", False),
        ("", False),
        (5, False),
        (None, False),
        (-5, False),
    ],
)
def test_needs_text_prefix_only_for_text_starting_like_a_formula(value, want):
    assert outbound.needs_text_prefix(value) is want


def test_an_address_goes_out_to_its_last_letter():
    assert outbound.address_field("To", [("", "kurul@ornek.gov.TX")]) == "kurul@ornek.gov.TX"
    assert outbound.address_field("To", [("Ali", "kurul@ornek.gov.TX")]) == "Ali <kurul@ornek.gov.TX>"
