"""styles.xml edited in place: the named styles of `sheetspec.STYLES` added once as cell formats."""

from __future__ import annotations

import copy

from lxml import etree

from ..sheetspec import Style
from .package import NS_MAIN, insert_ordered, local_name, xml_number

STYLES_ORDER = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)


BUILTIN_NUMBER_FORMATS = {
    "General": 0,
    "0": 1,
    "0.00": 2,
    "#,##0": 3,
    "#,##0.00": 4,
    "0%": 9,
    "0.00%": 10,
    "0.00E+00": 11,
    "h:mm": 20,
    "h:mm:ss": 21,
    "@": 49,
}


MINIMAL_STYLES = f"""<styleSheet xmlns="{NS_MAIN}"><fonts count="1"><font><sz val="11"/><color theme="1"/>\
<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill>\
<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs \
count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf \
numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle \
name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""".encode()


def _canon(el) -> tuple:
    """A comparable form of an element; children sorted (font children are an unordered choice)."""
    return (
        local_name(el),
        tuple(sorted(el.attrib.items())),
        tuple(sorted(_canon(c) for c in el if isinstance(c.tag, str))),
    )


def argb(rgb: str) -> str:
    rgb = rgb.lstrip("#").upper()
    return rgb if len(rgb) == 8 else "FF" + rgb


class Styles:
    """Appends to styles.xml the fonts/fills/borders/number formats/cell formats a sheet needs,
    re-using an identical existing entry so that repeated writes leave the part unchanged."""

    def __init__(self, root):
        self.root = root
        self.ns = etree.QName(root).namespace
        self.changed = False
        self._xfs: dict[Style, int] = {}

    def _tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def _section(self, name: str):
        section = self.root.find(self._tag(name))
        if section is None:
            section = insert_ordered(self.root, self._tag(name), STYLES_ORDER)
            section.set("count", "0")
            self.changed = True
        return section

    def _index(self, section_name: str, item) -> int:
        section = self._section(section_name)
        items = [c for c in section if isinstance(c.tag, str)]
        key = _canon(item)
        for i, existing in enumerate(items):
            if _canon(existing) == key:
                return i
        section.append(item)
        section.set("count", str(len(items) + 1))
        self.changed = True
        return len(items)

    def _number_format(self, code: str | None) -> int:
        if not code:
            return 0
        if code in BUILTIN_NUMBER_FORMATS:
            return BUILTIN_NUMBER_FORMATS[code]
        section = self.root.find(self._tag("numFmts"))
        used = set()
        for nf in section if section is not None else ():
            try:
                nf_id = int(nf.get("numFmtId"))
            except (TypeError, ValueError):
                continue
            if nf.get("formatCode") == code:
                return nf_id
            used.add(nf_id)
        new_id = max([163, *used]) + 1
        section = self._section("numFmts")
        etree.SubElement(section, self._tag("numFmt"), numFmtId=str(new_id), formatCode=code)
        section.set("count", str(len(section)))
        self.changed = True
        return new_id

    def _font(self, st: Style) -> int:
        fonts = self.root.find(self._tag("fonts"))
        base = fonts[0] if fonts is not None and len(fonts) else etree.fromstring(MINIMAL_STYLES)[0][0]
        font = etree.Element(self._tag("font"))
        for flag, tag in ((st.bold, "b"), (st.italic, "i"), (st.underline, "u")):
            if flag:
                etree.SubElement(font, self._tag(tag))
        etree.SubElement(font, self._tag("sz"), val=xml_number(st.size))
        if st.color:
            etree.SubElement(font, self._tag("color"), rgb=argb(st.color))
        inherited = ("name", "family", "charset", "scheme") if not st.font else ()
        for tag in (() if st.color else ("color",)) + inherited:
            child = base.find(f"{{{etree.QName(base).namespace}}}{tag}")
            if child is not None:
                font.append(copy.deepcopy(child))
        if st.font:
            etree.SubElement(font, self._tag("name"), val=st.font)
            etree.SubElement(font, self._tag("family"), val="2")
        return self._index("fonts", font)

    def _fill(self, st: Style) -> int:
        if not st.fill:
            return 0
        fill = etree.Element(self._tag("fill"))
        pattern = etree.SubElement(fill, self._tag("patternFill"), patternType="solid")
        etree.SubElement(pattern, self._tag("fgColor"), rgb=argb(st.fill))
        etree.SubElement(pattern, self._tag("bgColor"), indexed="64")
        return self._index("fills", fill)

    def _border(self, st: Style) -> int:
        if not st.border and not st.top_border:
            return 0
        border = etree.Element(self._tag("border"))
        for side in ("left", "right", "top", "bottom"):
            if st.border or side == "top":
                edge = etree.SubElement(border, self._tag(side), style="thin")
                etree.SubElement(edge, self._tag("color"), indexed="64")
            else:
                etree.SubElement(border, self._tag(side))
        etree.SubElement(border, self._tag("diagonal"))
        return self._index("borders", border)

    def xf(self, st: Style) -> int:
        """Index into cellXfs of a cell format for `st`."""
        if st in self._xfs:
            return self._xfs[st]
        ids = {
            "numFmtId": self._number_format(st.number_format),
            "fontId": self._font(st),
            "fillId": self._fill(st),
            "borderId": self._border(st),
        }
        xf = etree.Element(self._tag("xf"), {k: str(v) for k, v in ids.items()}, xfId="0")
        for key, apply in (
            ("numFmtId", "applyNumberFormat"),
            ("fontId", "applyFont"),
            ("fillId", "applyFill"),
            ("borderId", "applyBorder"),
        ):
            if ids[key]:
                xf.set(apply, "1")
        align = {}
        if st.halign:
            align["horizontal"] = st.halign
        if st.valign and st.valign != "bottom":
            align["vertical"] = st.valign
        if st.wrap:
            align["wrapText"] = "1"
        if align:
            xf.set("applyAlignment", "1")
            etree.SubElement(xf, self._tag("alignment"), align)
        self._xfs[st] = self._index("cellXfs", xf)
        return self._xfs[st]
