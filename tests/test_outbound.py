"""Issue 23: the one rule per output kind for text that leaves the workbook (core/outbound.py), tried with Turkish
letters, quotes, angle brackets, commas, CR/LF, NUL and other controls, bidi marks and 10,000-character texts.
The e-mail draft and the calendar request are read back with `email` and `icalendar`, as a mail program would."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from email.message import EmailMessage
from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vCalAddress, vText

from gockurul_excel.core import outbound
from gockurul_excel.errors import GocKurulError

HOSTILE = [
    "Kemal Çeber <spy@evil.example>",
    '"Şule" <a@b.c>, b@evil.example',
    "Ayşe\r\nBcc: spy@evil.example",
    "İğdır\x00Ünal",
    "Ali\u202eliaM\u202c Öztürk",  # right-to-left override
    "=cmd|' /C calc'!A0",
    "Çağrı; Gül, Işık",
    "ğüşıöçĞÜŞİÖÇ" * 800,  # 9,600 characters
    "x" * 10_000,
    "\t\v\f\x1b\x7f\x85",
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.text(alphabet="<>\"',;:@\r\n\x00\u202e\u2066 ÇçĞğİıÖöŞşÜü\\/.", max_size=60),
)


# --- addresses ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["a@ornek.gov.tr", " kurul.baskanligi@goc.gov.tr ", "a.b-c_d+e@alt.ornek.gov.tr"])
def test_one_address_per_cell_is_accepted(cell):
    assert outbound.mail_address(cell, "Üyeler", "G5") == cell.strip()


@pytest.mark.parametrize(
    "cell",
    [
        "a@x.com, b@evil.example",
        "a@x.com; b@y.com",
        "a@x.com\r\nBcc: s@evil.example",
        "a@x.com\x00",
        "Kemal <a@x.com>",
        "<a@x.com>",
        "a@b",
        "@ornek.gov.tr",
        "ayşe@ornek.gov.tr",
        "a@örnek.gov.tr",
        "a\u202e@x.com",
        "a b@x.com",
        '"a b"@x.com',
        "a@@x.com",
        "a@x.com.",
        "x" * 10_000 + "@a.com,b@c.com",
    ],
)
def test_anything_else_is_refused_naming_sheet_and_cell(cell):
    with pytest.raises(GocKurulError) as caught:
        outbound.mail_address(cell, "Üyeler", "G7")
    text = str(caught.value)
    assert text.startswith("'Üyeler' sayfası, G7 hücresi: ") and "e-posta adresi" in text
    assert "\n" not in text and "\x00" not in text and len(text) < 400


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_an_accepted_address_is_exactly_one_recipient(cell):
    try:
        address = outbound.mail_address(cell, "Üyeler", "G2")
    except GocKurulError:
        return
    msg = EmailMessage()
    msg.set_raw("To", outbound.address_field("To", [("Ad", address)]))
    back = email.message_from_bytes(msg.as_bytes(policy=outbound.SERIALIZE), policy=policy.default)
    assert [a.addr_spec for a in back["To"].addresses] == [address]


# --- headers -------------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_a_display_name_never_adds_a_recipient_or_a_header(names):
    pairs = [(name, f"uye{i}@ornek.gov.tr") for i, name in enumerate(names)]
    msg = EmailMessage()
    msg["Subject"] = outbound.header_text(names[0], outbound.MAX_SUBJECT_CHARS)
    msg.set_raw("To", outbound.address_field("To", pairs))
    raw = msg.as_bytes(policy=outbound.SERIALIZE)
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))  # RFC 5322 2.1.1 (78 where there is a space)
    back = email.message_from_bytes(raw, policy=policy.default)
    assert [a.addr_spec for a in back["To"].addresses] == [addr for _, addr in pairs]
    assert set(back.keys()) == {"Subject", "To"}  # no Bcc, nothing smuggled in
    for (name, _), got in zip(pairs, back["To"].addresses, strict=True):
        # The name comes back as shown (a long one folded over encoded-words may gain spaces where it was cut).
        want = outbound.header_text(name, outbound.MAX_NAME_CHARS)
        assert "".join(got.display_name.split()) == "".join(want.split())


def test_realistic_member_lists_keep_every_recipient():
    """The list folding bug of CPython's `email` (a comma encoded into a word, the next member lost): 16% of
    random 1–60 member lists of these names lost someone when the whole list was folded at once."""
    import random

    names = [
        "Dr. Ali Çelik",
        "Ayşe Yılmaz",
        "Prof. Dr. Mehmet Öz",
        "İsmail Hakkı Şen",
        "Av. Gül Işık",
        "Mustafa (Vekil) Er",
        "O'Brien, John",
        "Ali Veli",
    ]
    rng = random.Random(2)
    for _ in range(300):
        pairs = [(rng.choice(names), f"uye{i}@ornek.gov.tr") for i in range(rng.randint(1, 60))]
        msg = EmailMessage()
        msg.set_raw("To", outbound.address_field("To", pairs))
        back = email.message_from_bytes(msg.as_bytes(policy=outbound.SERIALIZE), policy=policy.default)
        assert [(a.display_name, a.addr_spec) for a in back["To"].addresses] == pairs


def test_turkish_names_keep_their_letters_and_lose_controls_and_bidi_marks():
    (a,) = outbound.recipients([("Kemal Çeber <spy@evil.example>", "k@ornek.gov.tr")])
    assert a.display_name == "Kemal Çeber <spy@evil.example>" and a.addr_spec == "k@ornek.gov.tr"
    assert outbound.header_text("Ayşe\r\nBcc: x\u202e") == "Ayşe Bcc: x"
    assert len(outbound.header_text("ş" * 10_000, outbound.MAX_NAME_CHARS)) == outbound.MAX_NAME_CHARS


# --- iCalendar -------------------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(hostile_text, hostile_text)
def test_calendar_text_and_names_round_trip_through_icalendar(text, name):
    ev = Event()
    ev.add("summary", outbound.calendar_text(text))
    ev.add("location", outbound.calendar_text(name))
    attendee = vCalAddress("mailto:uye@ornek.gov.tr")
    attendee.params["cn"] = vText(outbound.calendar_param(name))
    ev.add("attendee", attendee, encode=0)
    ev.add("dtstart", dt.datetime(2026, 1, 5, 7, tzinfo=dt.UTC))
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//test//TR")
    cal.add_component(ev)
    raw = cal.to_ical()
    (back,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(back["summary"]) == outbound.calendar_text(text)
    attendees = back.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:uye@ornek.gov.tr"]
    assert str(attendees[0].params["cn"]) == outbound.calendar_param(name)
    assert b"\x00" not in raw and "\u202e".encode() not in raw


# --- file names ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, want",
    [
        ("Toplantı 3 - davet.eml", "Toplantı 3 - davet.eml"),
        ("1/../../../pwn", "1_.._.._.._pwn"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("COM1.eml", "_COM1.eml"),
        ("a:b?c*.ics", "a_b_c_.ics"),
        ("rapor. . .", "rapor"),
        ("..", "adsiz"),
        ("", "adsiz"),
        ("a\r\nb\x00c", "a b c"),
    ],
)
def test_file_names(name, want):
    assert outbound.file_name(name) == want


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_a_file_name_is_always_one_safe_component(text):
    name = outbound.file_name(text + ".eml")
    assert name and len(name) <= outbound.MAX_FILE_NAME
    assert PureWindowsPath(name).name == name and PurePosixPath(name).name == name
    assert not any(ch in name for ch in '<>:"/\\|?*') and not outbound._CONTROL.search(name)
    assert not name.endswith((".", " ")) and name not in (".", "..")
    assert name.split(".")[0].strip().upper() not in outbound._RESERVED


# --- cells ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, prefix",
    [
        ('=HYPERLINK("x")', True),
        ("== Önemli ==", True),
        ("+90 532", True),
        ("-", True),
        ("@x", True),
        ("Önemli", False),
        (12, False),
        (None, False),
    ],
)
def test_a_text_that_looks_like_a_formula_is_marked(value, prefix):
    assert outbound.needs_text_prefix(value) is prefix
