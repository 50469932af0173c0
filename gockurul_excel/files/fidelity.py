"""What an openpyxl round trip would lose (shapes, form controls, pivots, x14 extensions...), so that a
command that must use openpyxl (`guncelle`, the template) refuses instead of dropping the user's content;
and header/footer texts put back where openpyxl rewrites them.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import UnreadableWorkbook, WouldLoseContent
from .package import NS_R, RT_SHARED_STRINGS, Package, local_name
from .safety import WORKBOOK, PathLike, check_package

# Content types by their last dotted segment (lower case) -> what the user would call the content.
_CONTENT_LABELS = {
    "pivottable+xml": "pivot tablo",
    "pivotcachedefinition+xml": "pivot tablo önbelleği",
    "pivotcacherecords+xml": "pivot tablo önbelleği",
    "slicer+xml": "dilimleyici (slicer)",
    "slicercache+xml": "dilimleyici (slicer)",
    "timeline+xml": "zaman çizelgesi (timeline)",
    "timelinecache+xml": "zaman çizelgesi (timeline)",
    "controlproperties+xml": "form denetimi (düğme)",
    "chart+xml": "grafik",
    "chartstyle+xml": "grafik stili/renkleri",
    "chartcolorstyle+xml": "grafik stili/renkleri",
    "themeoverride+xml": "grafik stili/renkleri",
    "chartshapes+xml": "grafik içindeki şekil",
    "diagramdata+xml": "SmartArt grafiği",
    "diagramlayout+xml": "SmartArt grafiği",
    "diagramstyle+xml": "SmartArt grafiği",
    "diagramcolors+xml": "SmartArt grafiği",
    "diagramdrawing+xml": "SmartArt grafiği",
    "vmldrawing": "eski tür (VML) çizim: form denetimi, şekil ya da not kutusu",
    "comments+xml": "açıklama (not)",
    "threadedcomments+xml": "yazışmalı açıklama",
    "person+xml": "yazışmalı açıklama kişileri",
    "vbaproject": "makro (VBA)",
    "vbaprojectsignature": "makro imzası",
    "table+xml": "tablo (ListObject)",
    "tablesinglecells+xml": "XML eşlemesi",
    "xmlmaps+xml": "XML eşlemesi",
    "querytable+xml": "sorgu tablosu",
    "connections+xml": "veri bağlantısı",
    "externallink+xml": "dış başvuru (başka dosyaya bağlantı)",
    "sheetmetadata+xml": "dinamik dizi formülü / veri türü bilgisi",
    "rdrichvalue+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdrichvaluestructure+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdrichvaluetypes+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdarray+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdsupportingpropertybag+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdsupportingpropertybagstructure+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "richvaluerel+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "featurepropertybag+xml": "hücre içi onay kutusu",
    "activex+xml": "ActiveX denetimi",
    "activex": "ActiveX denetimi",
    "oleobject": "gömülü nesne (OLE)",
    "package": "gömülü nesne (OLE)",
    "sheet": "gömülü nesne (OLE)",
    "model+data": "veri modeli (Power Pivot)",
    "webextension+xml": "Office eklentisi",
    "webextensiontaskpanes+xml": "Office eklentisi",
    "namedsheetview+xml": "adlandırılmış sayfa görünümü",
    "revisionheaders+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "revisionlog+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "usernames+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "labelinfo+xml": "duyarlılık etiketi",
    "classificationlabels+xml": "duyarlılık etiketi",
    "dialogsheet+xml": None,
    "macrosheet+xml": None,
    "chartsheet+xml": None,
    "worksheet+xml": None,
    "drawing+xml": None,  # judged by the objects its anchors hold
    "main+xml": None,
    "styles+xml": None,
    "sharedstrings+xml": None,
    "theme+xml": None,
    "calcchain+xml": None,  # Excel rebuilds it
    "printersettings": None,  # printer driver blob; paper and orientation live in pageSetup
    "relationships+xml": None,
    "core-properties+xml": None,
    "extended-properties+xml": None,
    "custom-properties+xml": None,
    "xml": None,
    "volatiledependencies+xml": None,
}


_BOOK_LEVEL = {"pivot tablo önbelleği", "dilimleyici (slicer)", "zaman çizelgesi (timeline)"}


_SHEET_CHILD_LABELS = {
    "sheetProtection": "sayfa koruması",
    "protectedRanges": "korumalı aralıklar",
    "scenarios": "senaryolar",
    "autoFilter": "otomatik filtre",
    "sortState": "sıralama ayarı",
    "dataConsolidate": "veri birleştirme ayarı",
    "customSheetViews": "özel görünümler",
    "mergeCells": "birleştirilmiş hücreler",
    "conditionalFormatting": "koşullu biçimlendirme",
    "dataValidations": "veri doğrulama (açılır liste)",
    "hyperlinks": "köprüler",
    "headerFooter": "üst/alt bilgi",
    "rowBreaks": "sayfa sonları",
    "colBreaks": "sayfa sonları",
    "customProperties": "özel sayfa özellikleri",
    "cellWatches": "izleme penceresi hücreleri",
    "smartTags": "akıllı etiketler",
    "legacyDrawing": "eski tür (VML) çizim: form denetimi, şekil ya da not kutusu",
    "legacyDrawingHF": "üst/alt bilgideki resim",
    "drawingHF": "üst/alt bilgideki resim",
    "picture": "sayfa arka plan resmi",
    "oleObjects": "gömülü nesne (OLE)",
    "controls": "form denetimi (düğme)",
    "webPublishItems": "web'de yayımlama ayarı",
    "tableParts": "tablo (ListObject)",
}


_SHEET_CHILD_IGNORED = {
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "phoneticPr",
    "ignoredErrors",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "drawing",
    "extLst",
}


_EXT_LABELS = {
    "conditionalFormattings": "x14 koşullu biçimlendirme uzantısı",
    "dataValidations": "x14 veri doğrulama uzantısı (başka sayfadaki listeden açılır liste)",
    "sparklineGroups": "mini grafik (sparkline)",
    "slicerList": "dilimleyici (slicer)",
    "timelineRefs": "zaman çizelgesi (timeline)",
    "protectedRanges": "korumalı aralıklar",
    "webExtensions": "Office eklentisi",
    "slicerCaches": "dilimleyici (slicer)",
    "timelineCacheRefs": "zaman çizelgesi (timeline)",
    "pivotCaches": "pivot tablo önbelleği (veri modeli)",
    "timelineCachePivotCaches": "zaman çizelgesi (timeline)",
    "dataModel": "veri modeli (Power Pivot)",
    "definedNames": "tanımlı ad uzantısı",
}


_EXT_IGNORED = {"workbookPr", "calcFeatures", "ignoredErrors"}  # trivial settings Excel adds to most files


NS_LIBREOFFICE = "http://schemas.libreoffice.org/"


# (namespace, element) of extensions that hold no content: LibreOffice's own calculation settings
# (`loext:extCalcPr stringRefSyntax=...`, written into every workbook it saves), read by LibreOffice alone.
_EXT_IGNORED_QNAMES = {(NS_LIBREOFFICE, "extCalcPr")}


_BOOK_CHILD_LABELS = {
    "fileSharing": "dosya paylaşım ayarı (yazma parolası / salt okunur önerisi)",
    "customWorkbookViews": "özel görünümler",
    "functionGroups": "özel işlev grupları",
    "smartTagPr": "akıllı etiketler",
    "smartTagTypes": "akıllı etiketler",
    "webPublishing": "web'de yayımlama ayarı",
    "webPublishObjects": "web'de yayımlama ayarı",
    "definedNames": "tanımlı adlar",
    "pivotCaches": "pivot tablo önbelleği",
    "externalReferences": "dış başvuru (başka dosyaya bağlantı)",
}


def _part_label(part: str, content_type: str | None) -> str | None:
    low = part.lower()
    if low.startswith("customxml/"):
        return "özel XML verisi (customXml)"
    if low.startswith("customui/"):
        return "özel şerit (ribbon) sekmesi"
    if low.startswith("docprops/thumbnail") or not content_type:
        return None
    if content_type.startswith("image/"):
        return "resim"
    short = content_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower()
    if short in _CONTENT_LABELS:
        return _CONTENT_LABELS[short]
    return f"tanınmayan içerik ({content_type})"


def _drawing_objects(root) -> Counter:
    out: Counter = Counter()
    for anchor in root:
        if local_name(anchor) == "AlternateContent":
            anchor = next((a for choice in anchor for a in choice if isinstance(a.tag, str)), None)
            if anchor is None:
                continue
        for obj in anchor:
            name = local_name(obj)
            if name in ("sp", "grpSp", "cxnSp"):
                is_control = any(local_name(e) == "compatExt" for e in obj.iter())
                out["form denetimi (düğme)" if is_control else "şekil/çizim"] += 1
            elif name == "pic":
                out["resim"] += 1
            elif name == "graphicFrame":
                kinds = {local_name(e) for e in obj.iter()}
                out[
                    "grafik" if "chart" in kinds else "SmartArt grafiği" if "relIds" in kinds else "grafik nesnesi"
                ] += 1
            elif name == "contentPart":
                out["mürekkep çizimi"] += 1
    return out


def _ext_labels(ext_list) -> set[str]:
    out = set()
    for ext in ext_list if ext_list is not None else ():
        for child in ext:
            name = local_name(child)
            if not name or (etree.QName(child).namespace, name) in _EXT_IGNORED_QNAMES:
                continue
            if name not in _EXT_IGNORED:
                out.add(_EXT_LABELS.get(name, f"uzantı ({name})"))
    return out


def _ext_uris(root) -> Counter:
    return Counter(e.get("uri") for e in root.iter() if local_name(e) == "ext" and e.get("uri"))


HF_TEXTS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")


HF_SWITCHES = (
    ("differentOddEven", False),
    ("differentFirst", False),
    ("scaleWithDoc", True),
    ("alignWithMargins", True),
)


_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


_HF_ONLY_SECTIONS = re.compile(r"(?:&[LCR])*")


@dataclass(frozen=True)
class HeaderFooterTexts:
    """A sheet's page headers/footers as Excel reads them: the six texts (`HF_TEXTS`; "" = none) and
    the four switches (`HF_SWITCHES`). Without any text the switches change nothing: they are dropped."""

    texts: tuple[str, ...] = ("",) * len(HF_TEXTS)
    switches: tuple[bool, ...] = tuple(default for _, default in HF_SWITCHES)

    def __bool__(self) -> bool:
        return any(self.texts)

    @classmethod
    def of(cls, texts: Iterable[str | None], switches: Iterable[bool | None]) -> HeaderFooterTexts:
        norm = tuple(_hf_text(t) for t in texts)
        if not any(norm):
            return cls()
        return cls(
            norm,
            tuple(
                default if value is None else bool(value)
                for (_, default), value in zip(HF_SWITCHES, switches, strict=True)
            ),
        )


def _hf_text(text: str | None) -> str:
    """Header/footer text as Excel reads it: `_xHHHH_` escapes decoded, a text before any section
    code belongs to the centre section, section codes with nothing after them are nothing."""
    text = _XSTRING_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text or "")
    if _HF_ONLY_SECTIONS.fullmatch(text):
        return ""
    if not text.startswith(("&L", "&C", "&R")):
        text = "&C" + text
    return text


def _xml_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() in ("1", "true", "on")


def _header_footer_of(element) -> HeaderFooterTexts:
    """The `<headerFooter>` element of a sheet part (None: the sheet has none)."""
    if element is None:
        return HeaderFooterTexts()
    texts = {local_name(child): child.text for child in element}
    return HeaderFooterTexts.of(
        (texts.get(tag) for tag in HF_TEXTS), (_xml_bool(element.get(name)) for name, _ in HF_SWITCHES)
    )


def _sheet_parts(pkg: Package) -> list[tuple[str, str]]:
    """(sheet name, its part) for every sheet of the workbook, in tab order."""
    book = pkg.xml(WORKBOOK)
    sheets = book.find(f"{{{etree.QName(book).namespace}}}sheets")
    targets = {rel.get("Id"): t for rel, t in pkg.relationships(WORKBOOK)}
    out = []
    for entry in sheets if sheets is not None else ():
        part = targets.get(entry.get(f"{{{NS_R}}}id"))
        if local_name(entry) == "sheet" and part:
            out.append((entry.get("name"), part))
    return out


def _package_header_footers(pkg: Package) -> dict[str, HeaderFooterTexts]:
    out = {}
    for name, part in _sheet_parts(pkg):
        element = next((child for child in pkg.xml(part) if local_name(child) == "headerFooter"), None)
        out[name] = _header_footer_of(element)
    return out


def header_footers(path: PathLike) -> dict[str, HeaderFooterTexts]:
    """Sheet name -> its headers/footers as written in the file."""
    path = Path(path)
    check_package(path)
    return _package_header_footers(Package(path))


def _openpyxl_header_footer(hf) -> HeaderFooterTexts:
    """What openpyxl will write for a sheet's `HeaderFooter` object (nothing when it is falsy)."""
    if hf is None or not hf:
        return HeaderFooterTexts()
    return HeaderFooterTexts.of(
        (str(item) if item is not None else "" for item in (getattr(hf, tag) for tag in HF_TEXTS)),
        (getattr(hf, name) for name, _ in HF_SWITCHES),
    )


def _openpyxl_item(text: str):
    """An openpyxl HeaderFooterItem that writes `text` (normalized by `_hf_text`) unchanged."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem

    item = HeaderFooterItem()
    if text:
        # All of it in the part of its first section code: the part writes "&<code>" + its text, and
        # without font, size or colour its text goes out exactly as given.
        part = {"L": item.left, "C": item.center, "R": item.right}[text[1]]
        part.text = text[2:]
    return item


def restore_header_footers(workbook, originals: dict[str, HeaderFooterTexts]) -> list[str]:
    """Put back each sheet's headers/footers where openpyxl would not write them as they were.

    `originals` as `header_footers` returns; returns the names of the sheets that were repaired."""
    from openpyxl.worksheet.header_footer import HeaderFooter

    repaired = []
    for ws in workbook.worksheets:
        original = originals.get(ws.title)
        if original is None or _openpyxl_header_footer(getattr(ws, "HeaderFooter", None)) == original:
            continue
        hf = HeaderFooter(
            **{
                name: (value if original else None)
                for (name, _), value in zip(HF_SWITCHES, original.switches, strict=True)
            }
        )
        for tag, text in zip(HF_TEXTS, original.texts, strict=True):
            setattr(hf, tag, _openpyxl_item(text))
        ws.HeaderFooter = hf
        repaired.append(ws.title)
    return repaired


def _openpyxl_load(data: bytes, pkg: Package, keep_vba: bool):
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about what it does not read (header texts, extensions): openpyxl_losses
        # names what is lost, and the headers are put back below.
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data), keep_links=True, keep_vba=keep_vba)
    restore_header_footers(workbook, _package_header_footers(pkg))
    return workbook


def openpyxl_load(path: PathLike, *, keep_vba: bool | None = None):
    """The workbook as openpyxl loads it for rewriting (links kept), with its headers and footers
    as written in the file. Check `refuse_if_lossy` first: this is the load it judges."""
    path = Path(path)
    check_package(path)
    if keep_vba is None:
        keep_vba = path.suffix.lower() in (".xlsm", ".xltm")
    data = path.read_bytes()
    return _openpyxl_load(data, Package(io.BytesIO(data)), keep_vba)


@dataclass
class _SheetInventory:
    children: set[str] = field(default_factory=set)
    header_footer: HeaderFooterTexts = field(default_factory=HeaderFooterTexts)
    extensions: set[str] = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    exts: Counter = field(default_factory=Counter)
    drawn: Counter = field(default_factory=Counter)


@dataclass
class _Inventory:
    sheets: dict[str, _SheetInventory] = field(default_factory=dict)
    kinds: Counter = field(default_factory=Counter)
    exts: Counter = field(default_factory=Counter)
    book_children: set[str] = field(default_factory=set)
    book_extensions: set[str] = field(default_factory=set)
    rich_runs: int = 0


def _inventory(pkg: Package) -> _Inventory:
    inv = _Inventory()
    labels = {p: _part_label(p, pkg.content_type(p)) for p in pkg.order if not p.endswith("/")}

    def add_part(part: str, kinds: Counter, exts: Counter) -> None:
        label = labels.get(part)
        if not label:
            return
        kinds[label] += 1
        if part.lower().endswith(".xml") and label not in ("özel XML verisi (customXml)",):
            exts.update((label, uri) for uri in _ext_uris(pkg.xml(part)))

    for part in labels:
        add_part(part, inv.kinds, inv.exts)

    book = pkg.xml(WORKBOOK)
    for child in book:
        name = local_name(child)
        if name == "extLst":
            inv.book_extensions = _ext_labels(child)
        elif name in _BOOK_CHILD_LABELS and (name != "definedNames" or len(child)):
            inv.book_children.add(name)
    for name, part in _sheet_parts(pkg):
        sheet = inv.sheets[name] = _SheetInventory()
        root = pkg.xml(part)
        for child in root:
            if local_name(child) == "AlternateContent":
                sheet.children.update(local_name(e) for branch in child for e in branch)
            elif local_name(child) == "extLst":
                sheet.extensions = _ext_labels(child)
            elif local_name(child) == "headerFooter":
                sheet.header_footer = _header_footer_of(child)  # compared by its text, see above
            else:
                sheet.children.add(local_name(child))
        related = pkg.reachable(part, stop=lambda p: labels.get(p) in _BOOK_LEVEL)
        for rel_part in related:
            if labels.get(rel_part) in _BOOK_LEVEL:
                continue
            add_part(rel_part, sheet.kinds, sheet.exts)
            if (pkg.content_type(rel_part) or "").endswith(".drawing+xml"):
                sheet.drawn.update(_drawing_objects(pkg.xml(rel_part)))

    shared = next((t for rel, t in pkg.relationships(WORKBOOK) if rel.get("Type") == RT_SHARED_STRINGS and t), None)
    if shared:
        inv.rich_runs = sum(1 for e in pkg.xml(shared).iter() if local_name(e) == "r")
    return inv


def _losses(before: _Inventory, after: _Inventory) -> list[str]:
    out: list[str] = []
    on_sheets: set[str] = set()
    for name, b in before.sheets.items():
        a = after.sheets.get(name)
        if a is None:
            out.append(f"'{name}' sayfasının tamamı")
            continue
        labels = [
            _SHEET_CHILD_LABELS.get(n, f"<{n}> öğesi")
            for n in sorted(b.children - a.children)
            if n not in _SHEET_CHILD_IGNORED
        ]
        if b.header_footer != a.header_footer:
            labels.append(_SHEET_CHILD_LABELS["headerFooter"])
        labels += sorted(b.extensions - a.extensions)
        labels += list(b.drawn - a.drawn)
        labels += list(b.kinds - a.kinds)
        labels += [f"{label} ayarları (uzantı)" for label, _ in b.exts - a.exts]
        for label in dict.fromkeys(labels):
            out.append(f"'{name}' sayfasındaki {label}")
            on_sheets.add(label)
    out += [label for label in before.kinds - after.kinds if label not in on_sheets]
    out += [
        f"{label} ayarları (uzantı)"
        for label, _ in before.exts - after.exts
        if f"{label} ayarları (uzantı)" not in on_sheets
    ]
    out += [_BOOK_CHILD_LABELS[n] for n in sorted(before.book_children - after.book_children)]
    out += sorted(before.book_extensions - after.book_extensions)
    if after.rich_runs < before.rich_runs:
        out.append("hücre içi zengin metin biçimlendirmesi (aynı hücrede farklı yazı biçimleri)")
    return list(dict.fromkeys(out))


def openpyxl_losses(path: PathLike, *, keep_vba: bool | None = None) -> list[str]:
    """Turkish names of what an `openpyxl_load` + save round trip would drop from this workbook.

    The round trip is actually performed in memory and the two packages compared: part kinds that
    became fewer, worksheet elements and extensions that vanished, drawing objects, workbook extensions,
    header/footer texts that changed. `keep_vba` as passed to openpyxl; None = keep it for macro-enabled
    files (.xlsm, .xltm).
    """
    path = Path(path)
    check_package(path)
    if keep_vba is None:
        keep_vba = path.suffix.lower() in (".xlsm", ".xltm")
    original = path.read_bytes()
    before = Package(io.BytesIO(original))
    try:
        workbook = _openpyxl_load(original, before, keep_vba)
        result = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook.save(result)
    except UnreadableWorkbook:
        raise
    except Exception as exc:
        return [f"dosyanın tamamı (openpyxl bu dosyayı işleyemiyor: {type(exc).__name__})"]
    return _losses(_inventory(before), _inventory(Package(result)))


def refuse_if_lossy(path: PathLike, action: str, *, keep_vba: bool | None = None) -> None:
    """Raise `WouldLoseContent` if an openpyxl round trip would drop content; `action` is a Turkish noun
    such as "güncelleme"."""
    losses = openpyxl_losses(path, keep_vba=keep_vba)
    if losses:
        items = "\n".join(f"• {loss}" for loss in losses)
        action = action.strip()
        action = {"i": "İ", "ı": "I"}.get(action[:1], action[:1].upper()) + action[1:]
        raise WouldLoseContent(
            f"{action} yapılamadı: '{Path(path).name}' dosyasındaki şu içerikler bu işlemde kaybolurdu:\n"
            f"{items}\nDosyaya hiçbir şey yazılmadı."
        )
