"""Text that leaves the workbook: one rule per output kind, each in one place (issue 23).

A cell's text goes out as an e-mail address, an e-mail header, iCalendar text, a file name or a cell of another
workbook. Whoever typed (or pasted) it, it stays that kind of thing and nothing more: one address per cell,
a display name that never becomes a recipient, a file name that is one name inside its folder, a text cell that
never becomes a formula. The letters and the invitations call these; nothing else builds such text.

Pure: the standard library's `email` parses and encodes; no file is touched here.
"""

from __future__ import annotations

import re
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.policy import SMTP as _SMTP
from email.policy import default as _DEFAULT_POLICY

from ..errors import GocKurulError

# Characters that must never reach a header, a calendar line or a file name: C0/C1 controls, and the bidi
# embedding/override/isolate marks (a name shown backwards hides what it is).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
MAX_NAME_CHARS = 200  # a display name or a calendar parameter; the rest of a 10,000-character cell is dropped
MAX_SUBJECT_CHARS = 250  # a subject line (RFC 5322: no header line over 998 characters)


def one_line(text: object) -> str:
    """A cell's text as one printable line: controls and bidi marks become spaces, runs of spaces one."""
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", str(text))).split())


def header_text(text: object, limit: int | None = None) -> str:
    """Text for an e-mail header (Subject, a display name): one line, at most `limit` characters; the `email`
    package encodes the Turkish letters (RFC 2047) when the message is written."""
    line = one_line(text)
    return line[:limit].rstrip() if limit else line


# --- e-mail addresses ----------------------------------------------------------------------------------------


def mail_address(value: object, sheet: str, cell: str | None) -> str:
    """The one e-mail address a cell holds, checked by the `email` package's own parser (RFC 5322 addr-spec);
    anything else (two addresses, a name with brackets, a line break, Turkish letters, no domain) stops the
    command with a Turkish message naming the cell."""
    raw = str(value)
    text = raw.strip()

    def refuse(why: str) -> GocKurulError:
        shown = one_line(text)[:60]
        return GocKurulError(
            f"'{shown}' bir e-posta adresi olarak kullanılamaz: {why}. Hücreye yalnızca bir "
            "adres yazın (ör. ad.soyad@kurum.gov.tr). Hiçbir dosya yazılmadı.",
            sheet=sheet,
            cell=cell,
        )

    if any(sep in text for sep in ",;"):
        raise refuse("bir hücrede birden çok adres var")
    if _CONTROL.search(text) or any(ch.isspace() for ch in text):
        raise refuse("içinde satır sonu, boşluk ya da görünmeyen bir karakter var")
    if not text.isascii():
        raise refuse("adreste Türkçe harf ya da başka bir özel karakter var (ı, ş, ğ… yerine i, s, g)")
    try:
        header = _DEFAULT_POLICY.header_factory("to", text)
        addresses = header.addresses
    except (HeaderParseError, ValueError, IndexError, AttributeError):  # 'a@[': CPython 3.11's parser fails so
        raise refuse("adres okunamadı") from None
    if len(addresses) != 1:
        raise refuse("bir hücrede birden çok adres var")
    address = addresses[0]
    if header.defects or address.display_name or address.addr_spec != text:
        raise refuse("adresin yazımı geçersiz")
    local, _, domain = text.rpartition("@")
    if not local or "." not in domain or domain.startswith(".") or domain.endswith("."):
        raise refuse("adresin '@' işaretinden sonraki kısmı (alan adı) geçersiz")
    return text


def recipients(pairs: list[tuple[object, str]]) -> list[Address]:
    """Header addresses from (display name, checked address) pairs: the name is only ever a display name
    (`email` quotes and encodes it), never string-joined into the header."""
    out = []
    for name, addr in pairs:
        # addr_spec is parsed by `email` (a quoted local part such as "a@b" stays one, not quoted twice)
        out.append(Address(display_name=header_text(name or "", MAX_NAME_CHARS), addr_spec=addr))
    return out


# Each mailbox folded on its own, a little under the 78-character line so that its comma fits.
_FOLD = _SMTP.clone(max_line_length=76)
SERIALIZE = _SMTP.clone(refold_source="none")  # writes an address field as address_field folded it


def address_field(field: str, pairs: list[tuple[object, str]]) -> str:
    """The folded value of an address header (To, From), one mailbox a line, for `Message.set_raw` and
    SERIALIZE. Each mailbox is encoded and folded by `email` itself, and read back to check it is exactly that
    mailbox: CPython 3.11's folder of a whole address list can encode a separating comma into an encoded-word
    when a Turkish display name falls at a line end, and the next recipient is lost (seen on realistic
    member lists). A mailbox whose name does not come back intact goes without the name."""
    parts = [_one_mailbox(field, a) for a in recipients(pairs)]
    # The first as `email` folded it after "To:" (perhaps on the next line); the others each on a line of its own.
    return ",\r\n ".join([parts[0].removeprefix(" "), *(p.lstrip("\r\n ") for p in parts[1:])]) if parts else ""


def _same(a: Address, b: Address) -> bool:
    return a.addr_spec == b.addr_spec and "".join(a.display_name.split()) == "".join(b.display_name.split())


def _one_mailbox(field: str, address: Address) -> str:
    bare = Address(username=address.username, domain=address.domain)
    for candidate in (address, bare):
        folded = _DEFAULT_POLICY.header_factory(field, [candidate]).fold(policy=_FOLD)
        value = folded[len(field) + 1 :].rstrip("\r\n")  # after "To:": " mailbox" or "\r\n mailbox"
        try:
            back = _DEFAULT_POLICY.header_factory(field, value.replace("\r\n", "")).addresses
        except (ValueError, IndexError, HeaderParseError):
            continue
        if len(back) == 1 and _same(back[0], candidate):
            return value
    raise ValueError(f"address {address.addr_spec!r} does not survive folding")  # a checked addr-spec always does


# --- iCalendar ------------------------------------------------------------------------------------------------


def calendar_text(text: object) -> str:
    """Text for an iCalendar TEXT value (SUMMARY, LOCATION, DESCRIPTION): line breaks kept (icalendar escapes
    them, and commas and semicolons), every other control and bidi mark dropped."""
    lines = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(" ".join(_CONTROL.sub(" ", line).split()) for line in lines)


def calendar_param(text: object) -> str:
    """A calendar parameter value (an ATTENDEE's CN): one line, no double quote (RFC 5545 has no escape for it
    inside a quoted parameter) and no backslash (icalendar's reader takes it for one, and loses the address)."""
    return header_text(text, MAX_NAME_CHARS).replace('"', "'").replace("\\", "/")


# --- file names -----------------------------------------------------------------------------------------------

_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in "123456789¹²³"), *(f"LPT{i}" for i in "123456789¹²³")}
MAX_FILE_NAME = 120  # characters of a whole name; well under Windows' 255 with the folder's own name


def file_name(name: object, fallback: str = "adsiz") -> str:
    """One safe name component from text that may have come from a cell: no folder separators, no `..`, none
    of Windows' reserved characters or names (CON, NUL, COM1…), no trailing dot or space, at most
    MAX_FILE_NAME characters (the extension kept)."""
    text = _WINDOWS_FORBIDDEN.sub("_", one_line(name)).strip(" .")
    stem, dot, ext = text.rpartition(".")
    if not dot or len(ext) > 5 or not ext.isalnum():
        stem, ext = text, ""
    if len(text) > MAX_FILE_NAME:
        keep = MAX_FILE_NAME - (len(ext) + 1 if ext else 0)
        stem = stem[:keep].rstrip(" .")
        text = f"{stem}.{ext}" if ext else stem
    if not text.strip("._ "):
        text = fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


# --- cells of another workbook --------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@")


def needs_text_prefix(value: object) -> bool:
    """A user's text that a spreadsheet would take for a formula when typed (or set through Excel's object
    model) as it is: it must be written as text."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)
