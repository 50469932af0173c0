"""The small part of MS-OVBA (and MS-CFB) needed to put our VBA module into xlwings' add-in without Excel.

[MS-OVBA] is Microsoft's specification of `vbaProject.bin`: an OLE compound file ([MS-CFB]) with a `PROJECT`
text stream, a `PROJECTwm` name map, and a `VBA` storage holding the compressed `dir` stream (the project's
records: references, then one record per module) and one stream per module (compressed source, after an
optional compiled part). We read xlwings' own project, keep its references and modules, add ours, and write
a new compound file:

- every module stream is only the compressed source (MODULEOFFSET 0): the compiled part (p-code) is dropped;
- `VBA/_VBA_PROJECT` is the 7-byte header of [MS-OVBA] 2.3.4.1 with Version 0xFFFF and no PerformanceCache,
  and no `__SRP_*` stream is written: Excel finds no compiled cache for its version and compiles the project
  from source when it opens the add-in (2.2.6: "a version-dependent ... cache ... MUST be ignored on read
  if the version does not match").

Judged on PyPI: `ms-ovba-compression` 1.0.1 took 5 s to compress xlwings' module and olevba could not
decompress its output (its own decompressor failed on it too); `ms-ovba` 0.0.1 writes a new project from
files and cannot keep xlwings' references. The compression below follows [MS-OVBA] 2.4.1 and is checked in
tests against oletools' independent decompressor.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field

# --- [MS-OVBA] 2.4.1 compression ----------------------------------------------------------------------

CHUNK = 4096


def _copy_token_help(difference: int) -> tuple[int, int, int]:
    """(length mask, offset shift, maximum length) at `difference` bytes into a chunk (2.4.1.3.19.1)."""
    bit_count = max(math.ceil(math.log2(difference)), 4) if difference > 1 else 4
    length_mask = 0xFFFF >> bit_count
    return length_mask, 16 - bit_count, length_mask + 3


def _compress_chunk(data: bytes) -> bytes:
    out = bytearray()
    pos, end = 0, len(data)
    heads: dict[bytes, list[int]] = {}
    while pos < end:
        flags, flag_at = 0, len(out)
        out.append(0)
        for bit in range(8):
            if pos >= end:
                break
            best_len, best_off = 0, 0
            if pos > 0 and pos + 3 <= end:
                _, _, max_len = _copy_token_help(pos)
                limit = min(max_len, end - pos)
                for cand in reversed(heads.get(data[pos : pos + 3], ())):
                    n = 3
                    while n < limit and data[cand + n] == data[pos + n]:
                        n += 1
                    if n > best_len:
                        best_len, best_off = n, pos - cand
                        if n == limit:
                            break
            if best_len >= 3:
                _, shift, _ = _copy_token_help(pos)
                out += struct.pack("<H", ((best_off - 1) << shift) | (best_len - 3))
                flags |= 1 << bit
                step = best_len
            else:
                out.append(data[pos])
                step = 1
            for p in range(pos, pos + step):
                if p + 3 <= end:
                    heads.setdefault(data[p : p + 3], []).append(p)
            pos += step
        out[flag_at] = flags
    if len(out) > CHUNK:  # incompressible: a raw chunk holds exactly 4096 bytes
        if len(data) != CHUNK:
            raise ValueError("a raw chunk must hold 4096 bytes")
        return struct.pack("<H", (CHUNK - 1) | 0x3000) + data
    return struct.pack("<H", (len(out) + 2 - 3) | 0x3000 | 0x8000) + bytes(out)


def compress(data: bytes) -> bytes:
    """A CompressedContainer (2.4.1.1.1) of `data`."""
    return b"\x01" + b"".join(_compress_chunk(data[i : i + CHUNK]) for i in range(0, len(data), CHUNK))


def decompress(container: bytes) -> bytes:
    """The inverse of `compress` (2.4.1.3.1), for reading xlwings' template."""
    if not container or container[0] != 1:
        raise ValueError("not a CompressedContainer")
    out = bytearray()
    pos = 1
    while pos < len(container):
        header = struct.unpack_from("<H", container, pos)[0]
        size, compressed = (header & 0x0FFF) + 3, header & 0x8000
        chunk_end = min(pos + size, len(container))
        pos += 2
        start = len(out)
        if not compressed:
            out += container[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if flags >> bit & 1:
                    token = struct.unpack_from("<H", container, pos)[0]
                    pos += 2
                    length_mask, shift, _ = _copy_token_help(len(out) - start)
                    length, offset = (token & length_mask) + 3, (token >> shift) + 1
                    for _ in range(length):
                        out.append(out[-offset])
                else:
                    out.append(container[pos])
                    pos += 1
    return bytes(out)


# --- [MS-OVBA] 2.3.4.2 the dir stream -----------------------------------------------------------------

PROJECTNAME, PROJECTVERSION, PROJECTMODULES, DIR_TERMINATOR = 0x0004, 0x0009, 0x000F, 0x0010
MODULENAME, MODULENAMEUNICODE, MODULESTREAMNAME, MODULESTREAMNAMEUNICODE = 0x0019, 0x0047, 0x001A, 0x0032
MODULEOFFSET, MODULE_TERMINATOR, PROCEDURAL_MODULE, PROJECTCODEPAGE = 0x0031, 0x002B, 0x0021, 0x0003


def parse_dir(data: bytes) -> list[tuple[int, bytes]]:
    """The dir stream's records as (id, payload). PROJECTVERSION is the one record whose Size (4) does not
    count its 6 bytes (2.3.4.2.1.11)."""
    records, pos = [], 0
    while pos < len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        pos += 6
        if rid == PROJECTVERSION:
            size = 6
        records.append((rid, data[pos : pos + size]))
        pos += size
    return records


def write_dir(records: list[tuple[int, bytes]]) -> bytes:
    return b"".join(
        struct.pack("<HI", rid, 4 if rid == PROJECTVERSION else len(payload)) + payload for rid, payload in records
    )


@dataclass
class Module:
    name: str
    stream: str
    offset: int
    records: list[tuple[int, bytes]] = field(default_factory=list)


def modules(records: list[tuple[int, bytes]], codepage: str) -> list[Module]:
    found, current = [], None
    for rid, payload in records:
        if rid == MODULENAME:
            current = Module(payload.decode(codepage), "", 0, [])
        if current is not None:
            current.records.append((rid, payload))
            if rid == MODULESTREAMNAME:
                current.stream = payload.decode(codepage)
            elif rid == MODULEOFFSET:
                current.offset = struct.unpack("<I", payload)[0]
            elif rid == MODULE_TERMINATOR:
                found.append(current)
                current = None
    return found


def codepage_of(records: list[tuple[int, bytes]]) -> str:
    number = next(struct.unpack("<H", p)[0] for r, p in records if r == PROJECTCODEPAGE)
    return f"cp{number}"


# --- [MS-CFB] a version 3 compound file writer ---------------------------------------------------------

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096


def _cfb_key(name: str) -> tuple[int, str]:
    """[MS-CFB] 2.6.4: siblings compare by length, then by upper-cased name."""
    return len(name), name.upper()


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """A compound file holding `streams` ({"VBA/dir": bytes, ...}; storages are made from the paths).
    Deterministic: no clsids or times, so the same input gives the same bytes."""
    # Entries: 0 is the root; each storage's children form a balanced binary search tree (all black).
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "children": {}, "data": b""}]
    index: dict[str, int] = {"": 0}
    for path in sorted(streams):
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            if key not in index:
                is_stream = depth == len(parts)
                index[key] = len(entries)
                entries.append(
                    {
                        "name": parts[depth - 1],
                        "type": 2 if is_stream else 1,
                        "children": {},
                        "data": streams[path] if is_stream else b"",
                    }
                )
                entries[index["/".join(parts[: depth - 1])]]["children"][parts[depth - 1]] = index[key]
    for entry in entries:
        entry.update(left=NOSTREAM, right=NOSTREAM, child=NOSTREAM)

    def tree(ids: list[int]) -> int:
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        entries[ids[mid]]["left"], entries[ids[mid]]["right"] = tree(ids[:mid]), tree(ids[mid + 1 :])
        return ids[mid]

    for entry in entries:
        if entry["children"]:
            ordered = sorted(entry["children"].values(), key=lambda i: _cfb_key(entries[i]["name"]))
            entry["child"] = tree(ordered)

    # The mini stream: small streams in 64-byte mini sectors, itself stored as the root's data.
    mini, minifat = bytearray(), []
    for entry in entries:
        if entry["type"] == 2 and 0 < len(entry["data"]) < MINI_CUTOFF:
            count = -(-len(entry["data"]) // MINI_SECTOR)
            entry["start"] = len(mini) // MINI_SECTOR
            minifat += [*range(entry["start"] + 1, entry["start"] + count), ENDOFCHAIN]
            mini += entry["data"].ljust(count * MINI_SECTOR, b"\0")
    entries[0]["data"] = bytes(mini)

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return ENDOFCHAIN
        count = -(-len(data) // SECTOR)
        start = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
        fat.extend([*range(start + 1, start + count), ENDOFCHAIN])
        return start

    entries[0]["start"] = place(entries[0]["data"])
    for entry in entries[1:]:
        if entry["type"] == 2 and len(entry["data"]) >= MINI_CUTOFF:
            entry["start"] = place(entry["data"])
        elif entry["type"] != 2 or not entry["data"]:
            entry["start"] = ENDOFCHAIN if entry["type"] == 2 else 0

    def direntry(e: dict | None) -> bytes:
        if e is None:
            return (
                b"\0" * 64
                + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM)
                + b"\0" * 36
                + struct.pack("<IQ", 0, 0)
            )
        name = e["name"].encode("utf-16-le") + b"\0\0"
        size = len(e["data"]) if e["type"] in (2, 5) else 0
        return (
            name.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(name), e["type"], 1, e["left"], e["right"], e["child"])
            + b"\0" * 16
            + struct.pack("<I", 0)
            + b"\0" * 16
            + struct.pack("<IQ", e["start"], size)
        )

    dir_bytes = b"".join(direntry(e) for e in entries)
    dir_bytes += direntry(None) * ((-len(entries)) % 4)
    first_dir = place(dir_bytes)
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += struct.pack("<I", FREESECT) * ((-len(minifat)) % (SECTOR // 4))
    first_minifat = place(minifat_bytes) if minifat else ENDOFCHAIN
    minifat_sectors = -(-len(minifat_bytes) // SECTOR) if minifat else 0
    # FAT sectors describe themselves too.
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    fat_ids = list(range(len(sectors), len(sectors) + n_fat))
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    difat = fat_ids + [FREESECT] * (109 - n_fat)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, MINI_CUTOFF, first_minifat, minifat_sectors, ENDOFCHAIN, 0)
        + struct.pack("<109I", *difat)
    )
    return header + b"".join(sectors) + fat_bytes


# --- the add-in's project -------------------------------------------------------------------------------

# [MS-OVBA] 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF ("MUST be 0xFFFF on write"), Reserved2, Reserved3; no
# PerformanceCache.
VBA_PROJECT_STREAM = struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000)


def _read_streams(data: bytes) -> dict[str, bytes]:
    import io

    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {"/".join(p): ole.openstream(p).read() for p in ole.listdir(streams=True, storages=False)}


def sources(data: bytes) -> dict[str, str]:
    """{module name: source text} of a vbaProject.bin."""
    streams = _read_streams(data)
    records = parse_dir(decompress(streams["VBA/dir"]))
    codepage = codepage_of(records)
    return {
        m.name: decompress(streams[f"VBA/{m.stream}"][m.offset :]).decode(codepage) for m in modules(records, codepage)
    }


def project_text(data: bytes) -> str:
    """The PROJECT stream's text ([MS-OVBA] 2.3.1: Module=, Document=, Name= lines)."""
    return _read_streams(data)["PROJECT"].decode("latin-1")


def project_modules(text: str) -> list[str]:
    """The module names a PROJECT stream lists (Module=, Document=, Class=, BaseClass=)."""
    names = []
    for line in text.splitlines():
        if line.startswith("["):
            break
        key, _, value = line.partition("=")
        if key in ("Module", "Document", "Class", "BaseClass"):
            names.append(value.split("/", 1)[0])
    return names


def _name_records(rid_mbcs: int, rid_unicode: int, name: str, codepage: str) -> list[tuple[int, bytes]]:
    return [(rid_mbcs, name.encode(codepage)), (rid_unicode, name.encode("utf-16-le"))]


def add_module(
    data: bytes,
    name: str,
    source: str,
    *,
    project_name: str | None = None,
    edit: dict[str, list[tuple[str, str]]] | None = None,
) -> bytes:
    """xlwings' vbaProject.bin `data` with a standard module `name` (source text, CRLF, ASCII) added, every
    module stored as source only, no compiled cache, the project renamed to `project_name`; `edit` replaces
    text in existing modules ({module: [(old, new), ...]}, each `old` must occur)."""
    streams = _read_streams(data)
    records = parse_dir(decompress(streams["VBA/dir"]))
    codepage = codepage_of(records)
    existing = modules(records, codepage)
    if any(m.name.lower() == name.lower() for m in existing):
        raise ValueError(f"module {name} exists")
    texts = {m.name: decompress(streams[f"VBA/{m.stream}"][m.offset :]).decode(codepage) for m in existing}
    for module, changes in (edit or {}).items():
        for old, new in changes:
            if old not in texts[module]:
                raise ValueError(f"{module}: {old!r} not found")
            texts[module] = texts[module].replace(old, new)
    texts[name] = source

    # The new module's records: a copy of a procedural module's, with its names.
    template = next(m for m in existing if any(r == PROCEDURAL_MODULE for r, _ in m.records))
    new_records: list[tuple[int, bytes]] = []
    for rid, payload in template.records:
        if rid == MODULENAME:
            new_records += _name_records(MODULENAME, MODULENAMEUNICODE, name, codepage)
        elif rid == MODULESTREAMNAME:
            new_records += _name_records(MODULESTREAMNAME, MODULESTREAMNAMEUNICODE, name, codepage)
        elif rid in (MODULENAMEUNICODE, MODULESTREAMNAMEUNICODE):
            continue
        else:
            new_records.append((rid, payload))

    out: list[tuple[int, bytes]] = []
    for rid, payload in records:
        if rid == PROJECTNAME and project_name:
            payload = project_name.encode(codepage)
        elif rid == PROJECTMODULES:
            payload = struct.pack("<H", struct.unpack("<H", payload)[0] + 1)
        elif rid == MODULEOFFSET:
            payload = struct.pack("<I", 0)  # source only: the compiled part is not kept
        elif rid == DIR_TERMINATOR:
            out += [(r, struct.pack("<I", 0) if r == MODULEOFFSET else p) for r, p in new_records]
        out.append((rid, payload))

    new_streams = {
        "VBA/dir": compress(write_dir(out)),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "PROJECT": _project_stream(streams["PROJECT"].decode(codepage), name, project_name).encode(codepage),
        "PROJECTwm": _project_wm(streams.get("PROJECTwm", b"\0\0"), name, codepage),
    }
    stream_of = {m.name: m.stream for m in existing}
    stream_of[name] = name
    for module, text in texts.items():
        new_streams[f"VBA/{stream_of[module]}"] = compress(text.encode(codepage))
    # Anything else of the template (never __SRP_*, the compiled cache) is kept as it was.
    for path, content in streams.items():
        if (
            path not in new_streams
            and not path.split("/")[-1].startswith("__SRP_")
            and not (path.startswith("VBA/") and path[4:] in stream_of.values())
        ):
            new_streams[path] = content
    return write_cfb(new_streams)


def _project_stream(text: str, name: str, project_name: str | None) -> str:
    lines = text.split("\r\n")
    head_end = next(i for i, line in enumerate(lines) if line.startswith("Name="))
    last_module = max(
        i
        for i, line in enumerate(lines[:head_end])
        if "=" in line and line.split("=", 1)[0] in ("Module", "Document", "Class", "BaseClass")
    )
    lines.insert(last_module + 1, f"Module={name}")
    if project_name:
        lines = [f'Name="{project_name}"' if line.startswith("Name=") else line for line in lines]
    if "[Workspace]" in lines:
        at = lines.index("[Workspace]") + 1
        while at < len(lines) and lines[at]:
            at += 1
        lines.insert(at, f"{name}=0, 0, 0, 0, C")
    return "\r\n".join(lines)


def _project_wm(data: bytes, name: str, codepage: str) -> bytes:
    """[MS-OVBA] 2.3.3: NAMEMAP records (MBCS name, 0, UTF-16 name, 0 0), terminated by 0x0000."""
    body = data[:-2] if data.endswith(b"\0\0") else data
    return body + name.encode(codepage) + b"\0" + name.encode("utf-16-le") + b"\0\0" + b"\0\0"
