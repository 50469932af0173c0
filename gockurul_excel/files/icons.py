"""Ribbon icons of the Office.js add-in: one per button, PNG, made here (no image library needed).

Each icon is a rounded square in its ribbon group's colour with a short white code (KE, TH, ...), so buttons
differ at a glance. The PNGs are written into the server project (assets/server/static/images/icons/,
`python -m gockurul_excel.files.icons`), where xlwings-server serves them and the manifest names them; an IT
department that publishes the manifest through the Microsoft 365 admin centre copies that folder to a public
HTTPS address and starts the server with GOCKURUL_ICON_URL set to it (the admin centre fetches icons itself).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 80)
TASKPANE = "gorev_bolmesi"
# Button -> (code drawn on the icon, group colour). Colours: Kitap blue, Toplantı green, Raporlar orange.
_BLUE, _GREEN, _ORANGE, _GREY = (0x1F, 0x4E, 0x79), (0x37, 0x86, 0x3C), (0xC5, 0x5A, 0x11), (0x59, 0x59, 0x59)
CODES: dict[str, tuple[str, tuple[int, int, int]]] = {
    "kontrol_et": ("KE", _BLUE),
    "takvimi_hesapla": ("TH", _BLUE),
    "yeni_yila_devret": ("YD", _BLUE),
    "tutanak": ("E1", _GREEN),
    "katilimci_listesi": ("E2", _GREEN),
    "gundem_ve_davet": ("GD", _GREEN),
    "toplanti_daveti": ("TD", _GREEN),
    "il_mudurlugune_gonder": ("IG", _GREEN),
    "yillik_rapor": ("E3", _ORANGE),
    "eylem_plani": ("EP", _ORANGE),
    "platform_dosyalari": ("PD", _ORANGE),
    "ilce_kitaplarini_birlestir": ("IB", _ORANGE),
    "pdf": ("PF", _ORANGE),
    TASKPANE: ("GK", _GREY),
}
# 5x7 glyphs of the characters the codes use, one string per row ("#" = ink).
_GLYPHS = {
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
}


def _pixels(code: str, colour: tuple[int, int, int], size: int) -> list[list[tuple[int, int, int, int]]]:
    clear, white = (0, 0, 0, 0), (255, 255, 255, 255)
    fill = (*colour, 255)
    radius = max(2, size // 6)
    img = [[clear] * size for _ in range(size)]
    for y in range(size):
        for x in range(size):
            dx = max(radius - x, 0, x - (size - 1 - radius))
            dy = max(radius - y, 0, y - (size - 1 - radius))
            if dx * dx + dy * dy <= radius * radius:
                img[y][x] = fill
    # Text: two 5x7 glyphs and a one-column gap (11x7), scaled to fit the square with a margin.
    scale = max(1, (size - 2) // 12)
    width, height = 11 * scale, 7 * scale
    left, top = (size - width) // 2, (size - height) // 2
    for i, ch in enumerate(code[:2]):
        for gy, row in enumerate(_GLYPHS[ch]):
            for gx, mark in enumerate(row):
                if mark != "#":
                    continue
                for sy in range(scale):
                    for sx in range(scale):
                        img[top + gy * scale + sy][left + (i * 6 + gx) * scale + sx] = white
    return img


def png(code: str, colour: tuple[int, int, int], size: int) -> bytes:
    """An RGBA PNG of `size` x `size` pixels."""
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in _pixels(code, colour, size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def file_name(name: str, size: int) -> str:
    return f"gk-{name}-{size}.png"


def all_icons() -> dict[str, bytes]:
    """File name -> PNG bytes, for every button and the task pane button, in every size."""
    return {file_name(name, size): png(code, colour, size) for name, (code, colour) in CODES.items() for size in SIZES}


def write_icons(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in all_icons().items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "assets" / "server" / "static" / "images" / "icons"
    print(len(write_icons(target)), "simge yazıldı:", target)
