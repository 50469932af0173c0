// An in-memory Office.js workbook for tests/test_server_officejs.py, served in place of office.js.
// It models only what xlwings-server's client (static/js/custom-scripts) touches for our buttons: values and
// number formats, fills, fonts, borders, alignment, wrap, widths/heights, merges, conditional formats, sheet
// clear/add/delete/activate, freeze panes, print area, and charts as records. Metadata reads (tables, shapes,
// names, notes, charts, pivots) answer empty; calculation mode is "Automatic". Every object is a strict Proxy:
// reading or writing a member this file does not model throws and is recorded in __mock.unknown, so a client
// that calls something new fails the test instead of passing silently.
(function () {
  "use strict";
  const unknown = [];
  const log = [];
  const dialogs = [];
  const IGNORED = new Set(["then", "toJSON", "constructor", "$$typeof", "nodeType", "asymmetricMatch"]);

  function strict(target, label) {
    return new Proxy(target, {
      get(t, p, r) {
        if (typeof p === "symbol" || p in t) return Reflect.get(t, p, r);
        if (IGNORED.has(p)) return undefined;
        const what = label + "." + String(p);
        unknown.push(what);
        throw new Error("Office.js mock: " + what + " is not modelled");
      },
      set(t, p, v, r) {
        if (!(p in t)) {
          const what = label + "." + String(p) + "=";
          unknown.push(what);
          throw new Error("Office.js mock: " + what + " is not modelled");
        }
        return Reflect.set(t, p, v, r);
      },
    });
  }

  function colLetter(c) {
    let s = "";
    c += 1;
    while (c > 0) {
      const m = (c - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      c = Math.floor((c - 1) / 26);
    }
    return s;
  }
  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  const MAX_ROW = 1048575, MAX_COL = 16383;
  function parseAddress(address) {
    let a = String(address);
    if (a.includes("!")) a = a.split("!").pop();
    a = a.replace(/\$/g, "");
    const parts = a.split(":");
    const one = (p) => {
      let m = /^([A-Za-z]+)(\d+)$/.exec(p);
      if (m) return { r: +m[2] - 1, c: colIndex(m[1]) };
      m = /^([A-Za-z]+)$/.exec(p);
      if (m) return { r: null, c: colIndex(m[1]) };
      m = /^(\d+)$/.exec(p);
      if (m) return { r: +m[1] - 1, c: null };
      throw new Error("Office.js mock: bad address " + address);
    };
    const s = one(parts[0]);
    const e = one(parts[1] || parts[0]);
    return {
      r0: s.r == null ? 0 : s.r, c0: s.c == null ? 0 : s.c,
      r1: e.r == null ? MAX_ROW : e.r, c1: e.c == null ? MAX_COL : e.c,
    };
  }
  function a1(r0, c0, r1, c1) {
    const s = colLetter(c0) + (r0 + 1);
    return r0 === r1 && c0 === c1 ? s : s + ":" + colLetter(c1) + (r1 + 1);
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  // Excel types what Range.values receives: an ISO date (time) string becomes a date serial, as xlwings' remote
  // engine relies on (it sends dates as ISO strings). Nothing else is converted here.
  function typed(v) {
    if (v === null) return "";
    if (typeof v !== "string") return v;
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
    if (!m) return v;
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
    return Math.round((ms / 86400000 + 25569) * 1e6) / 1e6;
  }

  // ---- the book ----
  const book = { name: "kitap.xlsx", sheets: [], active: 0, selection: null };
  function newSheet(name) {
    return {
      name, cells: new Map(), merges: [], cf: [], frozen: null, printArea: null, colWidths: {}, rowHeights: {},
      autofitRows: [], charts: [], visibility: "Visible", id: "{" + name + "}",
    };
  }
  function cell(sh, r, c, create) {
    const k = r + "," + c;
    let x = sh.cells.get(k);
    if (!x && create) {
      x = { value: "", numberFormat: "General", fill: null, font: {}, borders: {}, h: "General", v: "Bottom", wrap: false };
      sh.cells.set(k, x);
    }
    return x;
  }
  function used(sh) {
    let r1 = -1, c1 = -1;
    for (const [k, x] of sh.cells) {
      if (x.value === "" || x.value == null) continue;
      const [r, c] = k.split(",").map(Number);
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0: 0, c0: 0, r1, c1 };
  }
  function each(rng, fn) {
    const sh = rng._sheet;
    if (rng._r1 - rng._r0 > 100000 || rng._c1 - rng._c0 > 1000) {
      for (const [k, x] of sh.cells) {
        const [r, c] = k.split(",").map(Number);
        if (r >= rng._r0 && r <= rng._r1 && c >= rng._c0 && c <= rng._c1) fn(x, r, c);
      }
      return;
    }
    for (let r = rng._r0; r <= rng._r1; r++) for (let c = rng._c0; c <= rng._c1; c++) fn(cell(sh, r, c, true), r, c);
  }

  // ---- objects ----
  function syncable(obj) {
    obj.load = function () { return this._self; };
    obj.track = function () { return this._self; };
    obj.untrack = function () { return this._self; };
    return obj;
  }
  function emptyCollection(label) {
    const o = syncable({ items: [], count: 0, isNullObject: false });
    o.getCount = () => ({ value: 0 });
    o.getItemOrNullObject = () => nullObject(label + ".item");
    o._self = strict(o, label);
    return o._self;
  }
  function nullObject(label) {
    const o = syncable({ isNullObject: true });
    o._self = strict(o, label + "(null)");
    return o._self;
  }

  function makeFont(rng) {
    const o = {};
    for (const p of ["bold", "italic", "size", "color", "name", "underline"]) {
      Object.defineProperty(o, p, {
        enumerable: true,
        get() { const x = cell(rng._sheet, rng._r0, rng._c0, false); return x ? x.font[p] : undefined; },
        set(v) { each(rng, (x) => { x.font[p] = v; }); },
      });
    }
    o.load = () => proxy; const proxy = strict(o, "RangeFont");
    return proxy;
  }
  function makeFill(rng) {
    const o = {
      clear() { each(rng, (x) => { x.fill = null; }); },
      load() { return proxy; },
    };
    Object.defineProperty(o, "color", {
      enumerable: true,
      get() { const x = cell(rng._sheet, rng._r0, rng._c0, false); return x && x.fill ? x.fill : "#FFFFFF"; },
      set(v) { each(rng, (x) => { x.fill = String(v).toUpperCase(); }); },
    });
    const proxy = strict(o, "RangeFill");
    return proxy;
  }
  const EDGES = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right",
    InsideHorizontal: "insideH", InsideVertical: "insideV" };
  function makeBorder(rng, index) {
    const o = { load() { return proxy; } };
    for (const p of ["style", "color", "weight"]) {
      Object.defineProperty(o, p, {
        enumerable: true,
        get() { return undefined; },
        set(v) {
          const edge = EDGES[index];
          if (!edge) throw new Error("Office.js mock: border " + index + " is not modelled");
          each(rng, (x, r, c) => {
            const inside = (edge === "top" && r === rng._r0) || (edge === "bottom" && r === rng._r1) ||
              (edge === "left" && c === rng._c0) || (edge === "right" && c === rng._c1) ||
              (edge === "insideH" && r < rng._r1) || (edge === "insideV" && c < rng._c1);
            if (!inside) return;
            const side = edge === "insideH" ? "bottom" : edge === "insideV" ? "right" : edge;
            x.borders[side] = { ...(x.borders[side] || {}), [p]: v };
          });
        },
      });
    }
    const proxy = strict(o, "RangeBorder");
    return proxy;
  }
  function makeBorders(rng) {
    const o = {
      getItem(index) { return makeBorder(rng, index); },
      load() { return proxy; },
    };
    const proxy = strict(o, "RangeBorderCollection");
    return proxy;
  }
  function makeFormat(rng) {
    const o = {
      autofitRows() { rng._sheet.autofitRows.push([rng._r0, rng._r1]); },
      autofitColumns() { rng._sheet.autofitColumns = true; },
      load() { return proxy; },
    };
    let font, fill, borders;
    Object.defineProperty(o, "font", { enumerable: true, get() { return font || (font = makeFont(rng)); } });
    Object.defineProperty(o, "fill", { enumerable: true, get() { return fill || (fill = makeFill(rng)); } });
    Object.defineProperty(o, "borders", { enumerable: true, get() { return borders || (borders = makeBorders(rng)); } });
    const cellProp = (name, key) => Object.defineProperty(o, name, {
      enumerable: true,
      get() { const x = cell(rng._sheet, rng._r0, rng._c0, false); return x ? x[key] : undefined; },
      set(v) { each(rng, (x) => { x[key] = v; }); },
    });
    cellProp("horizontalAlignment", "h");
    cellProp("verticalAlignment", "v");
    cellProp("wrapText", "wrap");
    Object.defineProperty(o, "columnWidth", {
      enumerable: true,
      get() { return rng._sheet.colWidths[rng._c0]; },
      set(v) { for (let c = rng._c0; c <= Math.min(rng._c1, 1000); c++) rng._sheet.colWidths[c] = v; },
    });
    Object.defineProperty(o, "rowHeight", {
      enumerable: true,
      get() { return rng._sheet.rowHeights[rng._r0]; },
      set(v) { for (let r = rng._r0; r <= Math.min(rng._r1, 100000); r++) rng._sheet.rowHeights[r] = v; },
    });
    const proxy = strict(o, "RangeFormat");
    return proxy;
  }

  function makeConditionalFormats(rng) {
    const o = {
      add(type) {
        const rule = { type, range: a1(rng._r0, rng._c0, rng._r1, rng._c1), priority: null, stopIfTrue: false };
        rng._sheet.cf.push(rule);
        return makeRule(rule);
      },
      load() { return proxy; },
      items: [],
      getCount() { return { value: 0 }; },
    };
    const proxy = strict(o, "ConditionalFormatCollection");
    return proxy;
  }
  function makeFormatObject(store, label) {
    // A conditional format's font / fill / borders: recorded as plain data.
    const o = { load() { return proxy; } };
    for (const p of ["bold", "italic", "color", "strikethrough", "underline"]) {
      Object.defineProperty(o, p, { enumerable: true, get() { return store[p]; }, set(v) { store[p] = v; } });
    }
    o.clear = () => { for (const k of Object.keys(store)) delete store[k]; };
    const proxy = strict(o, label);
    return proxy;
  }
  function makeRule(rule) {
    const o = { load() { return proxy; }, delete() { rule.deleted = true; } };
    for (const p of ["priority", "stopIfTrue", "type"]) {
      Object.defineProperty(o, p, { enumerable: true, get() { return rule[p]; }, set(v) { rule[p] = v; } });
    }
    const sub = (name, label) => {
      rule[name] = rule[name] || { rule: {}, format: { font: {}, fill: {} } };
      const data = rule[name];
      const fmt = { load() { return fmtProxy; } };
      Object.defineProperty(fmt, "font", { enumerable: true, get: () => makeFormatObject(data.format.font, "ConditionalRangeFont") });
      Object.defineProperty(fmt, "fill", { enumerable: true, get: () => makeFormatObject(data.format.fill, "ConditionalRangeFill") });
      Object.defineProperty(fmt, "numberFormat", { enumerable: true, get: () => data.format.numberFormat, set: (v) => { data.format.numberFormat = v; } });
      const fmtProxy = strict(fmt, "ConditionalRangeFormat");
      const c = { load() { return cProxy; } };
      Object.defineProperty(c, "format", { enumerable: true, get: () => fmtProxy });
      Object.defineProperty(c, "rule", { enumerable: true, get: () => data.rule, set: (v) => { data.rule = JSON.parse(JSON.stringify(v)); } });
      const cProxy = strict(c, label);
      return cProxy;
    };
    let cellValue, custom;
    Object.defineProperty(o, "cellValue", { enumerable: true, get: () => cellValue || (cellValue = sub("cellValue", "CellValueConditionalFormat")) });
    Object.defineProperty(o, "custom", { enumerable: true, get: () => custom || (custom = sub("custom", "CustomConditionalFormat")) });
    const proxy = strict(o, "ConditionalFormat");
    return proxy;
  }

  function makeRange(sh, r0, c0, r1, c1) {
    const rng = { _sheet: sh, _r0: r0, _c0: c0, _r1: r1, _c1: c1 };
    const o = {
      get _sheet() { return sh; }, get _r0() { return r0; }, get _c0() { return c0; },
      get _r1() { return r1; }, get _c1() { return c1; },
      isNullObject: false,
      get address() { return quoteSheet(sh.name) + "!" + a1(r0, c0, r1, c1); },
      get rowCount() { return r1 - r0 + 1; },
      get columnCount() { return c1 - c0 + 1; },
      get rowIndex() { return r0; },
      get columnIndex() { return c0; },
      get values() {
        const out = [];
        for (let r = r0; r <= r1; r++) {
          const row = [];
          for (let c = c0; c <= c1; c++) { const x = cell(sh, r, c, false); row.push(x ? x.value : ""); }
          out.push(row);
        }
        return out;
      },
      set values(m) {
        if (!Array.isArray(m) || m.length !== r1 - r0 + 1 || m.some((row) => row.length !== c1 - c0 + 1)) {
          throw new Error("Office.js mock: values dimensions do not match " + a1(r0, c0, r1, c1));
        }
        m.forEach((row, i) => row.forEach((v, j) => { cell(sh, r0 + i, c0 + j, true).value = typed(v); }));
        log.push(["values", sh.name, a1(r0, c0, r1, c1)]);
      },
      get numberFormat() {
        const out = [];
        for (let r = r0; r <= r1; r++) {
          const row = [];
          for (let c = c0; c <= c1; c++) { const x = cell(sh, r, c, false); row.push(x ? x.numberFormat : "General"); }
          out.push(row);
        }
        return out;
      },
      set numberFormat(m) {
        const single = !Array.isArray(m);
        each(this, (x, r, c) => { x.numberFormat = single ? m : (m[r - r0] ?? [])[c - c0] ?? (m[0] && m[0][0]); });
      },
      load() { return proxy; },
      getRangeByIndexes(r, c, rows, cols) { return makeRange(sh, r0 + r, c0 + c, r0 + r + rows - 1, c0 + c + cols - 1); },
      getCell(r, c) { return makeRange(sh, r0 + r, c0 + c, r0 + r, c0 + c); },
      merge(across) {
        if (across) for (let r = r0; r <= r1; r++) sh.merges.push(a1(r, c0, r, c1));
        else sh.merges.push(a1(r0, c0, r1, c1));
      },
      unmerge() { sh.merges = sh.merges.filter((m) => m !== a1(r0, c0, r1, c1)); },
      clear(applyTo) {
        for (const [k] of [...sh.cells]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= r0 && r <= r1 && c >= c0 && c <= c1) sh.cells.delete(k);
        }
        if (r0 === 0 && c0 === 0 && r1 >= MAX_ROW && c1 >= MAX_COL) {
          sh.merges = []; sh.cf = []; sh.colWidths = {}; sh.rowHeights = {}; sh.autofitRows = [];
        }
        log.push(["clear", sh.name, applyTo]);
      },
      select() { book.selection = a1(r0, c0, r1, c1); book.active = book.sheets.indexOf(sh); },
      getUsedRange() { const u = used(sh) || { r0: 0, c0: 0, r1: 0, c1: 0 }; return makeRange(sh, u.r0, u.c0, u.r1, u.c1); },
      getSurroundingRegion() { return proxy; },
      // setRangeColors: a matrix of {format: {fill: {color} | {pattern: "None"}}} or {} to keep; nothing else.
      setCellProperties(matrix) {
        if (!Array.isArray(matrix) || matrix.length !== r1 - r0 + 1) throw new Error("Office.js mock: setCellProperties shape");
        matrix.forEach((row, i) => {
          if (row.length !== c1 - c0 + 1) throw new Error("Office.js mock: setCellProperties shape");
          row.forEach((props, j) => {
            const keys = JSON.stringify(Object.keys(props)) + JSON.stringify(Object.keys(props.format || {})) +
              JSON.stringify(Object.keys((props.format || {}).fill || {}));
            if (!["[][][]", '["format"]["fill"]["color"]', '["format"]["fill"]["pattern"]'].includes(keys)) {
              unknown.push("setCellProperties " + keys);
              throw new Error("Office.js mock: setCellProperties " + keys + " is not modelled");
            }
            if (!props.format) return;
            const x = cell(sh, r0 + i, c0 + j, true);
            x.fill = props.format.fill.pattern === "None" ? null : String(props.format.fill.color).toUpperCase();
          });
        });
      },
    };
    let format, cfs;
    Object.defineProperty(o, "format", { enumerable: true, get() { return format || (format = makeFormat(o)); } });
    Object.defineProperty(o, "conditionalFormats", { enumerable: true, get() { return cfs || (cfs = makeConditionalFormats(o)); } });
    Object.defineProperty(o, "worksheet", { enumerable: true, get() { return makeSheet(sh); } });
    const proxy = strict(o, "Range");
    return proxy;
  }

  function makeCharts(sh) {
    const o = {
      load() { return proxy; },
      get count() { return sh.charts.length; },
      add(type, source, seriesBy) {
        // One series per column of the source (seriesBy "Columns", as our charts ask).
        const series = source.columnCount;
        const chart = { type, source: source.address, seriesBy, series, title: null, xValues: null, name: "Chart " + (sh.charts.length + 1) };
        sh.charts.push(chart);
        return makeChart(chart);
      },
      getItemAt(i) { return makeChart(sh.charts[i]); },
      getCount() { return { value: sh.charts.length }; },
    };
    Object.defineProperty(o, "items", { enumerable: true, get: () => sh.charts.map(makeChart) });
    const proxy = strict(o, "ChartCollection");
    return proxy;
  }
  function makeChart(chart) {
    const o = {
      load() { return proxy; },
      setPosition(start, end) { chart.position = [start.address || start, end && (end.address || end)]; },
    };
    for (const p of ["name", "top", "left", "width", "height", "chartType", "style"]) {
      Object.defineProperty(o, p, { enumerable: true, get: () => chart[p], set: (v) => { chart[p] = v; } });
    }
    const title = { load() { return title; } };
    Object.defineProperty(title, "text", { enumerable: true, get: () => chart.title, set: (v) => { chart.title = v; } });
    Object.defineProperty(title, "visible", { enumerable: true, get: () => chart.title != null, set: (v) => { chart.titleVisible = v; } });
    Object.defineProperty(o, "title", { enumerable: true, get: () => strict(title, "ChartTitle") });
    const oneSeries = (i) => {
      const s = { setXAxisValues(r) { chart.xValues = r.address; }, load() { return sp; } };
      const sp = strict(s, "ChartSeries");
      return sp;
    };
    const series = {
      load() { return series; },
      getItemAt(i) { return oneSeries(i); },
      get count() { return chart.series; },
    };
    Object.defineProperty(series, "items", { enumerable: true, get: () => Array.from({ length: chart.series }, (_, i) => oneSeries(i)) });
    Object.defineProperty(o, "series", { enumerable: true, get: () => strict(series, "ChartSeriesCollection") });
    const proxy = strict(o, "Chart");
    return proxy;
  }

  function makeSheet(sh) {
    const o = {
      isNullObject: false,
      get name() { return sh.name; },
      set name(v) { sh.name = v; },
      get position() { return book.sheets.indexOf(sh); },
      set position(v) { book.sheets.splice(book.sheets.indexOf(sh), 1); book.sheets.splice(v, 0, sh); },
      get visibility() { return sh.visibility; },
      get showGridlines() { return true; },
      get id() { return sh.id; },
      load() { return proxy; },
      activate() { book.active = book.sheets.indexOf(sh); log.push(["activate", sh.name]); },
      delete() { book.sheets.splice(book.sheets.indexOf(sh), 1); log.push(["delete", sh.name]); },
      getRange(address) {
        if (address === undefined) return makeRange(sh, 0, 0, MAX_ROW, MAX_COL);
        const p = parseAddress(address);
        return makeRange(sh, p.r0, p.c0, p.r1, p.c1);
      },
      getRanges() {
        const all = makeRange(sh, 0, 0, MAX_ROW, MAX_COL);
        const ra = { clear(applyTo) { all.clear(applyTo); }, load() { return raProxy; } };
        const raProxy = strict(ra, "RangeAreas");
        return raProxy;
      },
      getRangeByIndexes(r, c, rows, cols) { return makeRange(sh, r, c, r + rows - 1, c + cols - 1); },
      getUsedRange(valuesOnly) { return makeRange(sh, 0, 0, 0, 0).getUsedRange(valuesOnly); },
      getUsedRangeOrNullObject(valuesOnly) {
        const u = used(sh);
        return u ? makeRange(sh, u.r0, u.c0, u.r1, u.c1) : nullObject("Range");
      },
    };
    const pageLayout = {
      load() { return plProxy; },
      getPrintAreaOrNullObject() {
        if (!sh.printArea) return nullObject("RangeAreas");
        const areas = sh.printArea.split(",").map((a) => { const p = parseAddress(a); return makeRange(sh, p.r0, p.c0, p.r1, p.c1); });
        const ra = syncable({ isNullObject: false, areas: strict({ items: areas, load() { return this; } }, "RangeCollection") });
        ra._self = strict(ra, "RangeAreas");
        return ra._self;
      },
      setPrintArea(area) { sh.printArea = typeof area === "string" ? area.replace(/\$/g, "").split("!").pop() : area.address.split("!").pop(); },
    };
    const plProxy = strict(pageLayout, "PageLayout");
    const freezePanes = {
      load() { return fpProxy; },
      freezeAt(range) { sh.frozen = typeof range === "string" ? range : range.address.split("!").pop(); },
      freezeRows(n) { sh.frozen = "rows:" + n; },
      freezeColumns(n) { sh.frozen = "columns:" + n; },
      unfreeze() { sh.frozen = null; },
      getLocationOrNullObject() { return nullObject("Range"); },
    };
    const fpProxy = strict(freezePanes, "WorksheetFreezePanes");
    Object.defineProperty(o, "pageLayout", { enumerable: true, get: () => plProxy });
    Object.defineProperty(o, "freezePanes", { enumerable: true, get: () => fpProxy });
    Object.defineProperty(o, "tables", { enumerable: true, get: () => emptyCollection("TableCollection") });
    Object.defineProperty(o, "shapes", { enumerable: true, get: () => emptyCollection("ShapeCollection") });
    Object.defineProperty(o, "names", { enumerable: true, get: () => emptyCollection("NamedItemCollection") });
    Object.defineProperty(o, "notes", { enumerable: true, get: () => emptyCollection("NoteCollection") });
    Object.defineProperty(o, "comments", { enumerable: true, get: () => emptyCollection("CommentCollection") });
    Object.defineProperty(o, "pivotTables", { enumerable: true, get: () => emptyCollection("PivotTableCollection") });
    Object.defineProperty(o, "charts", { enumerable: true, get: () => makeCharts(sh) });
    const proxy = strict(o, "Worksheet");
    return proxy;
  }

  function makeWorksheets() {
    const o = {
      get items() { return book.sheets.map(makeSheet); },
      get count() { return book.sheets.length; },
      load() { return proxy; },
      getItem(name) {
        const sh = book.sheets.find((s) => s.name === name);
        if (!sh) throw new Error("Office.js mock: no sheet " + name);
        return makeSheet(sh);
      },
      getItemOrNullObject(name) {
        const sh = book.sheets.find((s) => s.name === name);
        return sh ? makeSheet(sh) : nullObject("Worksheet");
      },
      getActiveWorksheet() { return makeSheet(book.sheets[book.active]); },
      add(name) {
        const sh = newSheet(name || "Sheet" + (book.sheets.length + 1));
        book.sheets.push(sh);
        log.push(["add", sh.name]);
        return makeSheet(sh);
      },
      getCount() { return { value: book.sheets.length }; },
    };
    const proxy = strict(o, "WorksheetCollection");
    return proxy;
  }

  function makeContext() {
    const datetimeFormat = strict({ shortDatePattern: "dd.MM.yyyy", load() { return datetimeFormat; } }, "DatetimeFormatInfo");
    const cultureInfo = strict({ name: "tr-TR", datetimeFormat, load() { return cultureInfo; } }, "CultureInfo");
    const application = strict({ calculationMode: "Automatic", cultureInfo, load() { return application; } }, "Application");
    const wb = {
      get name() { return book.name; },
      load() { return wbProxy; },
      get worksheets() { return makeWorksheets(); },
      get application() { return application; },
      get names() { return emptyCollection("NamedItemCollection"); },
      get tables() { return emptyCollection("TableCollection"); },
      get comments() { return emptyCollection("CommentCollection"); },
      getSelectedRange() {
        if (!book.selection) throw new Error("no selection");
        const sh = book.sheets[book.active];
        const p = parseAddress(book.selection);
        return makeRange(sh, p.r0, p.c0, p.r1, p.c1);
      },
    };
    const wbProxy = strict(wb, "Workbook");
    const ctx = { workbook: wbProxy, application, sync: async () => undefined, trackedObjects: { add() {}, remove() {} } };
    return strict(ctx, "RequestContext");
  }

  const requirements = strict({ isSetSupported: () => true }, "RequirementSetSupport");
  globalThis.Office = strict({
    onReady: (cb) => { const info = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); },
    context: strict({
      requirements, displayLanguage: "tr-TR", contentLanguage: "tr-TR",
      diagnostics: strict({ version: "16.0.mock", platform: "OfficeOnline", host: "Excel" }, "ContextInformation"),
      platform: "OfficeOnline", host: "Excel",
      // xlAlert's box: the URL it opens is recorded (prompt and title are in its query), the box is not shown.
      ui: strict({
        displayDialogAsync(url, options, callback) {
          dialogs.push(url);
          const dialog = strict({ addEventHandler() {}, close() {} }, "Dialog");
          if (callback) callback(strict({ status: "succeeded", value: dialog }, "AsyncResult"));
        },
      }, "UI"),
      document: strict({}, "Document"),
    }, "Context"),
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    actions: strict({ associate() {} }, "Actions"),
    addin: strict({ setStartupBehavior: async () => {}, showAsTaskpane: async () => {}, onVisibilityModeChanged: async () => () => {} }, "Addin"),
    ribbon: strict({ requestUpdate: async () => {} }, "Ribbon"),
  }, "Office");
  globalThis.OfficeExtension = { Error: Error, ErrorCodes: {} };

  let running = Promise.resolve();
  globalThis.Excel = strict({
    run: async (fn) => {
      // Office serialises batches per document; so does the mock.
      const prev = running;
      let done;
      running = new Promise((r) => { done = r; });
      await prev;
      try { return await fn(makeContext()); } finally { done(); }
    },
    // `new Excel.RequestContext()` (utils.js: culture name and date pattern for the console).
    RequestContext: function RequestContext() { return makeContext(); },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
    ShapeType: { image: "Image" },
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
    ChartType: {},
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    BorderIndex: {},
  }, "Excel");

  // ---- the test's handle ----
  globalThis.__mock = {
    unknown, log, dialogs,
    load(data) {
      // data: {name, sheets: [{name, values: [[...]]}], active, selection}
      book.name = data.name;
      book.sheets = data.sheets.map((s) => {
        const sh = newSheet(s.name);
        // A cell is a value, or [serial, number format] for dates and times (as Excel stores them).
        s.values.forEach((row, r) => row.forEach((v, c) => {
          if (v === "" || v === null) return;
          const x = cell(sh, r, c, true);
          if (Array.isArray(v)) { x.value = v[0]; x.numberFormat = v[1]; } else x.value = v;
        }));
        return sh;
      });
      book.active = data.active || 0;
      book.selection = data.selection || null;
    },
    sheetNames() { return book.sheets.map((s) => s.name); },
    dump(name) {
      const sh = book.sheets.find((s) => s.name === name);
      if (!sh) return null;
      const cells = {};
      for (const [k, x] of sh.cells) {
        const [r, c] = k.split(",").map(Number);
        cells[a1(r, c, r, c)] = x;
      }
      return { name: sh.name, cells, merges: sh.merges, cf: sh.cf, frozen: sh.frozen, printArea: sh.printArea,
        colWidths: sh.colWidths, rowHeights: sh.rowHeights, charts: sh.charts, position: book.sheets.indexOf(sh) };
    },
  };
})();
