"""The file backend's safe writer: package checks, atomic saves with backups, and sheet surgery.

An .xlsx is a zip of XML parts (OPC). openpyxl's load-and-save round trip drops whatever it cannot model
(shapes, form controls, slicers, x14 extensions...), so generated sheets are written by *package
surgery* instead: the sheet's own part is (re)written, workbook.xml, its relationships, the content
types and styles.xml are edited with lxml, and every other member is copied byte for byte.

Writes go to a temporary file in the same folder that replaces the workbook only when complete, after
a backup copy was made in `Yedekler/`: a crash or a killed process never leaves a half-written workbook.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO
from urllib.parse import unquote

from lxml import etree

from ..errors import UnreadableWorkbook
from .safety import PathLike

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
RT_WORKSHEET = NS_R + "/worksheet"
RT_STYLES = NS_R + "/styles"
RT_CALC_CHAIN = NS_R + "/calcChain"
RT_SHARED_STRINGS = NS_R + "/sharedStrings"
RT_DRAWING = NS_R + "/drawing"
RT_CHART = NS_R + "/chart"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CONTENT_TYPES = "[Content_Types].xml"
XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def main_tag(tag: str) -> str:
    return f"{{{NS_MAIN}}}{tag}"


def local_name(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# --- the package in memory ----------------------------------------------------------------------


def xml_parser() -> etree.XMLParser:
    # One parser per call: lxml parsers must not be shared between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def serialize(root) -> bytes:
    return XML_DECL + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def resolve_target(source: str, target: str) -> str:
    target = target.split("#", 1)[0]
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def relative_target(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source) or ".")


class Package:
    """The members of an .xlsx in their order, with parsed XML parts edited in place."""

    def __init__(self, source: PathLike | BinaryIO):
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            self.data: dict[str, bytes] = {i.filename: zf.read(i) for i in infos}
        self.order = [i.filename for i in infos]
        self._original = (dict(self.data), list(self.order))  # to tell whether a write changes anything
        self.infos = {i.filename: i for i in infos}
        self._lower = {n.lower(): n for n in self.order}
        self._trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        # Lookups that writing many sheets repeats once per sheet, made once (a year's forms are 1,000+ sheets).
        self._types: tuple[dict[str, Any], dict[str, str]] | None = None  # overrides by part, defaults by ext
        self.next_free: dict[tuple[str, str, str], int] = {}  # new part names: the number to try first

    def find(self, name: str) -> str | None:
        """The member named `name`, compared as OPC does (case-insensitive, percent-decoded)."""
        found = self._lower.get(name.lower())
        if found is None and "%" in name:
            found = self._lower.get(unquote(name).lower())
        return found

    def xml(self, name: str):
        if name not in self._trees:
            try:
                self._trees[name] = etree.fromstring(self.data[name], xml_parser())
            except etree.XMLSyntaxError as exc:
                raise UnreadableWorkbook(f"Çalışma kitabının '{name}' bölümü bozuk; okunamadı.") from exc
        return self._trees[name]

    def touch(self, name: str) -> None:
        self.dirty.add(name)

    def put(self, name: str, data: bytes) -> None:
        if name == CONTENT_TYPES:
            self._types = None
        if name not in self.data:
            self.order.append(name)
            self._lower[name.lower()] = name
        self.data[name] = data
        self._trees.pop(name, None)
        self.dirty.discard(name)

    def put_xml(self, name: str, root) -> None:
        self.put(name, b"")
        self._trees[name] = root
        self.dirty.add(name)

    def delete(self, name: str) -> None:
        self.next_free.clear()  # a freed name is used again, as a rewrite frees and re-creates its parts
        if name == CONTENT_TYPES:
            self._types = None
        if name in self.data:
            del self.data[name]
            self.order.remove(name)
            self._lower.pop(name.lower(), None)
            self._trees.pop(name, None)
            self.dirty.discard(name)

    def _flush(self) -> None:
        for name in self.dirty:
            self.data[name] = serialize(self._trees[name])
        self.dirty.clear()

    def changed(self) -> bool:
        """Whether the members differ from what was read (a regenerated sheet equal to the old one is no change)."""
        self._flush()
        data, order = self._original
        return order != self.order or any(self.data[n] is not data[n] and self.data[n] != data[n] for n in order)

    def write_to(self, f: BinaryIO) -> None:
        self._flush()
        with zipfile.ZipFile(f, "w") as out:
            for name in self.order:
                old = self.infos.get(name)
                info = zipfile.ZipInfo(name, date_time=old.date_time if old else ZIP_EPOCH)
                keep_method = old is not None and old.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                info.compress_type = old.compress_type if keep_method else zipfile.ZIP_DEFLATED
                info.external_attr = old.external_attr if old else 0o644 << 16
                out.writestr(info, self.data[name])

    # relationships ------------------------------------------------------------------------------

    def rels(self, part: str):
        name = self.find(rels_name(part))
        return self.xml(name) if name else None

    def relationships(self, part: str) -> list[tuple[etree._Element, str | None]]:
        """(relationship element, the member it targets or None if external/missing) of `part`."""
        root = self.rels(part)
        if root is None:
            return []
        out = []
        for rel in root:
            if local_name(rel) != "Relationship":
                continue
            target = None
            if rel.get("TargetMode") != "External" and rel.get("Target"):
                target = self.find(resolve_target(part, rel.get("Target")))
            out.append((rel, target))
        return out

    def reachable(self, start: str = "", stop: Callable[[str], bool] | None = None) -> set[str]:
        """Members reachable through relationships from `start` ("" = the package root)."""
        seen: set[str] = set()
        stack = [start]
        while stack:
            for _, target in self.relationships(stack.pop()):
                if target and target not in seen:
                    seen.add(target)
                    if stop is None or not stop(target):
                        stack.append(target)
        return seen

    def drop_unreachable(self, candidates: Iterable[str]) -> None:
        alive = self.reachable()
        for part in candidates:
            if part not in alive and part in self.data:
                self.delete(part)
                rels = self.find(rels_name(part))
                if rels:
                    self.delete(rels)
                self.remove_override(part)

    # content types ------------------------------------------------------------------------------

    def _type_index(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(first Override element by lower-case part name, first Default content type by extension)."""
        if self._types is None:
            overrides: dict[str, Any] = {}
            defaults: dict[str, str] = {}
            for el in self.xml(CONTENT_TYPES):
                kind = local_name(el)
                if kind == "Override":
                    overrides.setdefault(el.get("PartName", "").lower(), el)
                elif kind == "Default":
                    defaults.setdefault(el.get("Extension", "").lower(), el.get("ContentType"))
            self._types = (overrides, defaults)
        return self._types

    def content_type(self, part: str) -> str | None:
        overrides, defaults = self._type_index()
        o = overrides.get("/" + part.lower())
        if o is not None:
            return o.get("ContentType")
        return defaults.get(posixpath.splitext(part)[1].lstrip(".").lower())

    def set_content_type(self, part: str, content_type: str) -> None:
        overrides, _ = self._type_index()
        want = "/" + part.lower()
        o = overrides.get(want)
        if o is not None:
            if o.get("ContentType") != content_type:
                o.set("ContentType", content_type)
                self.touch(CONTENT_TYPES)
            return
        if self.content_type(part) != content_type:
            overrides[want] = etree.SubElement(
                self.xml(CONTENT_TYPES), f"{{{NS_CT}}}Override", PartName="/" + part, ContentType=content_type
            )
            self.touch(CONTENT_TYPES)

    def remove_override(self, part: str) -> None:
        types = self.xml(CONTENT_TYPES)
        want = "/" + part.lower()
        self._types = None
        for o in list(types):
            if local_name(o) == "Override" and o.get("PartName", "").lower() == want:
                types.remove(o)
                self.touch(CONTENT_TYPES)


def insert_ordered(parent, tag: str, order: tuple[str, ...]):
    """Insert a new child `tag` where the schema's sequence `order` puts it; unknown siblings are skipped."""
    rank = order.index(etree.QName(tag).localname)
    new = parent.makeelement(tag)
    for i, child in enumerate(parent):
        name = local_name(child)
        if name in order and order.index(name) > rank:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


WORKBOOK_ORDER = (
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
    "definedNames",
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
)


# --- page headers and footers ------------------------------------------------------------------
# openpyxl parses a header/footer into left/centre/right parts with one font, size and colour each,
# and writes it back from those: an empty `<headerFooter>` (LibreOffice writes one on every sheet)
# disappears, which is nothing; but a text without a section code ("Gizli") is dropped with a warning,
# a part with two fonts or sizes is rewritten with one, and "&12Sayfa" becomes "&12 Sayfa". So headers
# are compared by their text, and `openpyxl_load` puts back any text openpyxl would not write as it was.


def xml_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))
