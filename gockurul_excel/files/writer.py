"""`write_sheets`: generated sheets written into a workbook by package surgery, in one atomic save.

Only the generated sheets' parts are (re)written; workbook.xml, its relationships, the content types and
styles.xml are edited; every other member is copied byte for byte.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from lxml import etree

from ..contract import is_generated_sheet
from ..errors import GocKurulError, UnreadableWorkbook
from ..sheetspec import SheetSpec, abs_range, col_letter, quote_sheet, sheet_key
from .atomic import Stamp, check_output, read_stamped, save_atomic
from .charts import check_chart, rels_xml, render_chart, render_drawing, used_extent
from .package import (
    CT_CHART,
    CT_DRAWING,
    CT_STYLES,
    CT_WORKSHEET,
    NS_MAIN,
    NS_PKG_REL,
    NS_R,
    NS_STRICT,
    RT_CALC_CHAIN,
    RT_CHART,
    RT_DRAWING,
    RT_STYLES,
    RT_WORKSHEET,
    WORKBOOK_ORDER,
    Package,
    insert_ordered,
    local_name,
    main_tag,
    relative_target,
    rels_name,
    resolve_target,
    xml_parser,
)
from .safety import WORKBOOK, PathLike, check_package, own_lock
from .sheetnames import check_sheet_name
from .styles import MINIMAL_STYLES, Styles
from .worksheet import Kept, collect_cells, render_sheet

MANAGED_NAMES = ("_xlnm.print_area", "_xlnm.print_titles", "_xlnm._filterdatabase")


class _Book:
    def __init__(self, pkg: Package, file_name: str, owned: frozenset[str] = frozenset()):
        self.pkg = pkg
        self.file_name = file_name
        self.owned = owned  # sheets of a workbook the program made itself (ulusal), replaceable too
        self.root = pkg.xml(WORKBOOK)
        namespace = etree.QName(self.root).namespace
        if namespace == NS_STRICT:
            raise GocKurulError(
                f"'{file_name}' 'Katı Open XML Elektronik Tablosu' biçiminde kaydedilmiş; bu biçime yazılamıyor. "
                "Excel'de 'Excel Çalışma Kitabı (.xlsx)' olarak kaydedin."
            )
        if namespace != NS_MAIN or pkg.rels(WORKBOOK) is None:
            raise UnreadableWorkbook(f"'{file_name}' bozuk: çalışma kitabı bölümü okunamadı.")
        self.sheets = self.root.find(main_tag("sheets"))
        if self.sheets is None:
            raise UnreadableWorkbook(f"'{file_name}' bozuk: sayfa listesi yok.")
        # Indexes kept up to date by put_sheet, so that writing N sheets costs N, not N².
        self.entries = [s for s in self.sheets if local_name(s) == "sheet"]
        self.entry_index: dict[str, int] = {}
        for i, s in enumerate(self.entries):
            self.entry_index.setdefault(sheet_key(s.get("name", "")), i)
        self._rels_by_id: dict[str, Any] | None = None
        self._sheet_names: dict[str, list] | None = None  # localSheetId -> its definedName elements
        self.max_sheet_id: int | None = None
        self._calc_chain_dropped = False
        pr = self.root.find(main_tag("workbookPr"))
        self.date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
        self._styles: Styles | None = None
        self._styles_part: str | None = None

    # pieces -------------------------------------------------------------------------------------

    def _workbook_rels(self) -> dict[str, Any]:
        """The workbook's relationship elements by Id (the first of an Id, as a scan would find)."""
        if self._rels_by_id is None:
            self._rels_by_id = {}
            for rel in self.pkg.rels(WORKBOOK):
                if local_name(rel) == "Relationship":
                    self._rels_by_id.setdefault(rel.get("Id"), rel)
        return self._rels_by_id

    def _rel(self, rid: str):
        rel = self._workbook_rels().get(rid)
        if rel is None:
            raise UnreadableWorkbook(f"'{self.file_name}' bozuk: bir sayfanın bölümü bulunamadı.")
        target = None
        if rel.get("TargetMode") != "External" and rel.get("Target"):
            target = self.pkg.find(resolve_target(WORKBOOK, rel.get("Target")))
        return rel, target

    def _new_rel(self, rel_type: str, target: str) -> str:
        rels = self.pkg.rels(WORKBOOK)
        ids = self._workbook_rels()
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        ids[f"rId{n}"] = etree.SubElement(
            rels, f"{{{NS_PKG_REL}}}Relationship", Id=f"rId{n}", Type=rel_type, Target=relative_target(WORKBOOK, target)
        )
        self.pkg.touch(self.pkg.find(rels_name(WORKBOOK)))
        return f"rId{n}"

    def _new_part(self, folder: str, stem: str, ext: str) -> str:
        key = (folder, stem, ext)
        n = self.pkg.next_free.get(key, 1)
        while self.pkg.find(f"{folder}/{stem}{n}.{ext}") or self.pkg.find(rels_name(f"{folder}/{stem}{n}.{ext}")):
            n += 1
        self.pkg.next_free[key] = n + 1
        return f"{folder}/{stem}{n}.{ext}"

    def styles(self) -> Styles:
        if self._styles is None:
            part = next((t for rel, t in self.pkg.relationships(WORKBOOK) if rel.get("Type") == RT_STYLES and t), None)
            if part is None:
                part = "xl/styles.xml" if not self.pkg.find("xl/styles.xml") else self._new_part("xl", "styles", "xml")
                self.pkg.put_xml(part, etree.fromstring(MINIMAL_STYLES, xml_parser()))
                self.pkg.set_content_type(part, CT_STYLES)
                self._new_rel(RT_STYLES, part)
            self._styles_part = part
            self._styles = Styles(self.pkg.xml(part))
        return self._styles

    def _drop_calc_chain(self) -> None:
        if self._calc_chain_dropped:
            return
        self._calc_chain_dropped = True
        for rel, target in self.pkg.relationships(WORKBOOK):
            if rel.get("Type") == RT_CALC_CHAIN:
                rel.getparent().remove(rel)
                self._rels_by_id = None
                self.pkg.touch(self.pkg.find(rels_name(WORKBOOK)))
                if target:
                    self.pkg.delete(target)
                    self.pkg.remove_override(target)

    def _kept(self, part: str) -> Kept:
        kept = Kept()
        root = self.pkg.xml(part)
        ns = etree.QName(root).namespace
        pr = root.find(f"{{{ns}}}sheetPr")
        if pr is not None:
            kept.code_name = pr.get("codeName")
        kept.protection = root.find(f"{{{ns}}}sheetProtection")
        view = root.find(f"{{{ns}}}sheetViews/{{{ns}}}sheetView")
        kept.tab_selected = view is not None and view.get("tabSelected", "").lower() in ("1", "true")
        return kept

    # the operation ------------------------------------------------------------------------------

    def put_sheet(self, spec: SheetSpec) -> None:
        check_sheet_name(spec.name)
        entries = self.entries
        wanted = sheet_key(spec.name)
        index = self.entry_index.get(wanted)
        kept = Kept()
        garbage: set[str] = set()
        if index is not None:
            entry = entries[index]
            existing = entry.get("name")
            if not is_generated_sheet(existing) and existing not in self.owned:
                raise GocKurulError(
                    "bu programın ürettiği bir sayfa değil (veri girilen bir sayfa); üzerine yazılmadı. "
                    f"'{self.file_name}' dosyası değiştirilmedi.",
                    sheet=existing,
                )
            rel, old_part = self._rel(entry.get(f"{{{NS_R}}}id"))
            if old_part:
                garbage = self.pkg.reachable(old_part)
                old_rels = self.pkg.find(rels_name(old_part))
                if old_rels:
                    self.pkg.delete(old_rels)
            if rel.get("Type") == RT_WORKSHEET and old_part:
                part = old_part
                kept = self._kept(part)
            else:  # a chart sheet (or a missing part) becomes a worksheet
                part = self._new_part("xl/worksheets", "sheet", "xml")
                rel.set("Type", RT_WORKSHEET)
                rel.set("Target", relative_target(WORKBOOK, part))
                self.pkg.touch(self.pkg.find(rels_name(WORKBOOK)))
                if old_part:
                    garbage.add(old_part)
            if existing != spec.name:
                entry.set("name", spec.name)
            self._drop_calc_chain()
        else:
            protection = self.root.find(main_tag("workbookProtection"))
            if protection is not None and protection.get("lockStructure", "").lower() in ("1", "true"):
                raise GocKurulError(
                    f"'{self.file_name}' çalışma kitabının yapısı korumalı; '{spec.name}' sayfası eklenemedi. "
                    "Excel'de Gözden Geçir > Çalışma Kitabını Koru ile korumayı kaldırıp tekrar deneyin."
                )
            index = len(entries)
            part = self._new_part("xl/worksheets", "sheet", "xml")
            rid = self._new_rel(RT_WORKSHEET, part)
            if self.max_sheet_id is None:
                self.max_sheet_id = max(
                    (int(s.get("sheetId")) for s in entries if (s.get("sheetId") or "").isdigit()), default=0
                )
            self.max_sheet_id += 1
            entry = etree.Element(main_tag("sheet"), nsmap={"r": NS_R})
            entry.set("name", spec.name)
            entry.set("sheetId", str(self.max_sheet_id))
            entry.set(f"{{{NS_R}}}id", rid)
            if len(entries):
                entries[-1].addnext(entry)
            else:
                self.sheets.append(entry)
            entries.append(entry)
            self.entry_index[wanted] = index
        self.pkg.touch(WORKBOOK)
        if garbage:  # before new parts are named, so a rewrite re-uses the names (and bytes) it frees
            self.pkg.drop_unreachable(garbage)

        styles = self.styles()
        drawing_rid = "rId1" if spec.charts else None  # the sheet's old relationships were dropped
        self.pkg.put(part, render_sheet(spec, styles, self.date1904, kept, drawing_rid))
        if styles.changed:
            self.pkg.touch(self._styles_part)
        self.pkg.set_content_type(part, CT_WORKSHEET)
        if drawing_rid:
            self._put_charts(part, spec, drawing_rid)
        self._set_defined_names(index, spec)

    def _put_charts(self, sheet_part: str, spec: SheetSpec, drawing_rid: str) -> None:
        """One drawing part for the sheet's charts and one chart part per chart, with their links."""
        for chart in spec.charts:
            check_chart(chart)
        cells, _ = collect_cells(spec)
        drawing = self._new_part("xl/drawings", "drawing", "xml")
        rids = [f"rId{i}" for i in range(1, len(spec.charts) + 1)]
        self.pkg.put(drawing, render_drawing(spec.charts, rids))
        self.pkg.set_content_type(drawing, CT_DRAWING)
        chart_rels = []
        for rid, chart in zip(rids, spec.charts, strict=True):
            part = self._new_part("xl/charts", "chart", "xml")
            self.pkg.put(part, render_chart(chart, spec.name, cells))
            self.pkg.set_content_type(part, CT_CHART)
            chart_rels.append((rid, RT_CHART, relative_target(drawing, part)))
        self.pkg.put(rels_name(drawing), rels_xml(chart_rels))
        self.pkg.put(rels_name(sheet_part), rels_xml([(drawing_rid, RT_DRAWING, relative_target(sheet_part, drawing))]))

    def _names_of_sheet(self, local_id: str) -> list:
        if self._sheet_names is None:
            self._sheet_names = {}
            names = self.root.find(main_tag("definedNames"))
            for dn in names if names is not None else ():
                self._sheet_names.setdefault(dn.get("localSheetId"), []).append(dn)
        return self._sheet_names.setdefault(local_id, [])

    def _set_defined_names(self, index: int, spec: SheetSpec) -> None:
        names = self.root.find(main_tag("definedNames"))
        local_id = str(index)
        own = self._names_of_sheet(local_id)
        if names is not None:
            for dn in list(own):
                if (dn.get("name") or "").lower() in MANAGED_NAMES:
                    names.remove(dn)
                    own.remove(dn)
        sheet = quote_sheet(spec.name)
        new: list[tuple[str, str, bool]] = []
        ps = spec.print_setup
        if ps is not None:
            if ps.area:
                area = ",".join(f"{sheet}!{abs_range(part)}" for part in ps.area.split(","))
            else:
                last_row, last_col = used_extent(spec)
                area = f"{sheet}!$A$1:${col_letter(last_col)}${last_row}"
            new.append(("_xlnm.Print_Area", area, False))
            if ps.title_rows:
                first, last = ps.title_rows
                new.append(("_xlnm.Print_Titles", f"{sheet}!${first}:${last}", False))
        if spec.autofilter:
            new.append(("_xlnm._FilterDatabase", f"{sheet}!{abs_range(spec.autofilter)}", True))
        if new and names is None:
            names = insert_ordered(self.root, main_tag("definedNames"), WORKBOOK_ORDER)
        for name, value, hidden in new:
            dn = etree.SubElement(names, main_tag("definedName"), name=name, localSheetId=local_id)
            if hidden:
                dn.set("hidden", "1")
            dn.text = value
            own.append(dn)
        if names is not None and not len(names):
            self.root.remove(names)


def write_sheets(
    path: PathLike,
    specs: list[SheetSpec],
    *,
    make_backup: bool = True,
    expect: Stamp | None = None,
    owned: frozenset[str] = frozenset(),
) -> Path | None:
    """Put each generated sheet into the workbook, copying every other part unchanged.

    An existing sheet of the same name (as Excel compares names: `sheet_key`) is replaced in place (it must be
    a generated sheet, or one of `owned` in a workbook the program made); a new one is appended after the last
    sheet. `expect` is the stamp taken when the workbook was read: if the file changed since, nothing is written
    (`FileChanged`). Nothing is written either when the sheets come out as they already are. Returns the backup
    of the previous file (None without one).
    """
    path = Path(path)
    names: dict[str, str] = {}
    for spec in specs:
        key = sheet_key(spec.name)
        if key in names:
            raise GocKurulError(
                f"'{names[key]}' ve '{spec.name}' sayfa adları Excel'de aynı sayılır (büyük-küçük "
                "harf, ı/I/i/İ ayrılmaz); ikisi birden yazılamaz. "
                f"'{path.name}' dosyası değiştirilmedi."
            )
        names[key] = spec.name
    with own_lock(path):
        real = check_output(path, None)
        if not real.is_file():
            check_package(path)  # says it is missing
        raw, now = read_stamped(real, expect)
        check_package(path, raw)
        if not specs:
            return None
        pkg = Package(io.BytesIO(raw))
        book = _Book(pkg, path.name, owned)
        for spec in specs:
            book.put_sheet(spec)
        if not pkg.changed():
            return None
        return save_atomic(path, pkg.write_to, make_backup=make_backup, expect=now)
