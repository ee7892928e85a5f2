/**
 * One worksheet part, edited where the plan owns something: the cells it writes, its
 * column widths, its validation and highlight rules, its print setup. New elements go
 * where the schema orders them; every other element keeps its exact text.
 */
import { columnIndex, parseA1 } from "../core/grid";
import type { PlannedCell, PlannedConditionalFormat, PlannedPrintSetup, PlannedValidation } from "../core/writePlan";
import { shiftFormula } from "../core/shiftFormula";
import { parseRect, Rect, subtractSqref } from "./ranges";
import { StyleSheet } from "./styles";
import {
  child,
  children,
  Edit,
  element,
  escapeText,
  parseXml,
  prefixOf,
  setAttrs,
  splice,
  withAttrs,
  XmlNode,
} from "./xml";

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export const NEW_WORKSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

export interface SheetChanges {
  cells: PlannedCell[];
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  columnWidths: { column: string; width: number }[];
  print?: PlannedPrintSetup;
}

export interface PatchResult {
  text: string;
  /** the sheet is protected: nothing was written */
  protected: boolean;
  /** a formula cell became a constant: the calculation chain would be stale */
  formulaRemoved: boolean;
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
  ref: string;
}

/**
 * Cells that share the formula of a cell we overwrite (Excel stores a run of like
 * formulas once, in its first cell) get that formula written out for themselves, moved
 * as Excel moves it, so they keep computing what they computed.
 */
function keepSharedFormulas(
  text: string,
  masters: Map<string, SharedMaster>,
  overwritten: Map<number, Map<number, unknown>>,
): Edit[] {
  const areas = [...masters.values()].map((m) => parseRect(m.ref)).filter((r): r is Rect => r !== undefined);
  const inArea = (row: number) => areas.some((a) => row >= a.top && row <= a.bottom);
  let lastRow = -1;
  const rowIndex = new WeakMap<XmlNode, number>();
  const root = parseXml(text, {
    descend: (path) => {
      if (path.length <= 1) return true;
      if (path[1].local !== "sheetData") return false;
      if (path.length === 3) {
        lastRow = path[2].attrs.r ? Number(path[2].attrs.r) - 1 : lastRow + 1;
        rowIndex.set(path[2], lastRow);
        return inArea(lastRow);
      }
      return true;
    },
  });
  const edits: Edit[] = [];
  for (const row of children(child(root, "sheetData") ?? root, "row")) {
    const r = rowIndex.get(row) ?? -1;
    let col = -1;
    for (const c of children(row, "c")) {
      const at = c.attrs.r ? parseA1(c.attrs.r) : undefined;
      col = at ? at.col : col + 1;
      const f = child(c, "f");
      const m = f?.attrs.t === "shared" ? masters.get(f.attrs.si ?? "") : undefined;
      if (!f || !m || overwritten.get(r)?.has(col)) continue;
      edits.push({
        start: f.start,
        end: f.end,
        text: element(f.name, {}, escapeText(shiftFormula(m.formula, r - m.row, col - m.col))),
      });
    }
  }
  return edits;
}

/** A new child element where the schema orders it; new elements at one place keep that order too. */
function insert(root: XmlNode, local: string, xml: string): Edit {
  const rank = WORKSHEET_ORDER.indexOf(local);
  const next = root.children.find((c) => WORKSHEET_ORDER.indexOf(c.local) > rank);
  const at = next ? next.start : root.closeStart;
  return { start: at, end: at, text: xml, rank };
}

function numberText(n: number): string {
  return String(n);
}

function cellXml(p: string, address: string, c: PlannedCell, style: number): string {
  const s = style === 0 ? undefined : style;
  if (c.formula) {
    const f = element(`${p}f`, {}, escapeText(c.formula.replace(/^=/, "")));
    if (typeof c.result === "number")
      return element(`${p}c`, { r: address, s }, f + element(`${p}v`, {}, numberText(c.result)));
    if (typeof c.result === "string")
      return element(`${p}c`, { r: address, s, t: "str" }, f + element(`${p}v`, {}, escapeText(c.result)));
    return element(`${p}c`, { r: address, s }, f);
  }
  if (typeof c.value === "number")
    return element(`${p}c`, { r: address, s }, element(`${p}v`, {}, numberText(c.value)));
  if (typeof c.value === "string" && c.value !== "") {
    const space = c.value.trim() !== c.value ? { "xml:space": "preserve" } : {};
    return element(
      `${p}c`,
      { r: address, s, t: "inlineStr" },
      element(`${p}is`, {}, element(`${p}t`, space, escapeText(c.value))),
    );
  }
  return element(`${p}c`, { r: address, s });
}

export function patchWorksheet(text: string, ch: SheetChanges, styles: StyleSheet, part?: string): PatchResult {
  const wanted = new Map<number, Map<number, PlannedCell>>();
  for (const c of ch.cells) {
    const at = parseA1(c.address)!;
    if (!wanted.has(at.row)) wanted.set(at.row, new Map());
    wanted.get(at.row)!.set(at.col, c);
  }
  const ours = new Set(ch.conditionalFormats.map((c) => c.formula));
  let lastRow = -1;
  const rowIndex = new WeakMap<XmlNode, number>();
  const root = parseXml(text, {
    part,
    descend: (path) => {
      if (path.length <= 1) return true;
      const top = path[1].local;
      if (path.length === 2)
        return ["sheetData", "cols", "conditionalFormatting", "dataValidations", "sheetPr", "extLst"].includes(top);
      if (top === "sheetData" && path.length === 3) {
        const row = path[2];
        lastRow = row.attrs.r ? Number(row.attrs.r) - 1 : lastRow + 1;
        rowIndex.set(row, lastRow);
        return wanted.has(lastRow);
      }
      if (top === "sheetData") return true; // a cell: its <f> and <v>
      // Excel keeps list rules pointing at other sheets in an extension: <x14:dataValidation>.
      if (top === "extLst") return path.length <= 6;
      return top === "conditionalFormatting" && path.length <= 4;
    },
    keepText: (n) => n.local === "formula" || n.local === "sqref" || (n.local === "f" && n.attrs.t === "shared"),
  });
  const prot = child(root, "sheetProtection");
  if (prot && ["1", "true"].includes(prot.attrs.sheet ?? "")) return { text, protected: true, formulaRemoved: false };
  const p = prefixOf(root);
  const edits: Edit[] = [];
  let formulaRemoved = false;

  // Cells.
  const sheetData = child(root, "sheetData");
  const newRows: string[] = [];
  const rowNodes = sheetData ? children(sheetData, "row") : [];
  for (const n of rowNodes) if (!rowIndex.has(n)) rowIndex.set(n, n.attrs.r ? Number(n.attrs.r) - 1 : -1);
  const rowsByIndex = new Map(rowNodes.map((n) => [rowIndex.get(n)!, n]));
  const rowInsertions = new Map<number, string[]>();
  const masters = new Map<string, SharedMaster>();
  for (const r of [...wanted.keys()].sort((a, b) => a - b)) {
    const planned = wanted.get(r)!;
    const node = rowsByIndex.get(r);
    if (!node) {
      const cells = [...planned.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, c]) => cellXml(p, c.address, c, styles.cellFormat(0, c.style)));
      const xml = element(`${p}row`, { r: r + 1 }, cells.join(""));
      const next = rowNodes.find((n) => rowIndex.get(n)! > r);
      if (next) {
        const list = rowInsertions.get(next.start) ?? [];
        list.push(xml);
        rowInsertions.set(next.start, list);
      } else newRows.push(xml);
      continue;
    }
    let col = -1;
    const existing = children(node, "c").map((c) => {
      const at = c.attrs.r ? parseA1(c.attrs.r) : undefined;
      col = at ? at.col : col + 1;
      return { node: c, col };
    });
    const inserts: string[] = [];
    for (const [k, c] of [...planned.entries()].sort((a, b) => a[0] - b[0])) {
      const old = existing.find((e) => e.col === k);
      if (old) {
        const f = child(old.node, "f");
        if (f && !c.formula) formulaRemoved = true;
        if (f && f.attrs.t === "shared" && f.attrs.si !== undefined && f.text !== "")
          masters.set(f.attrs.si, { formula: f.text, row: r, col: k, ref: f.attrs.ref ?? "" });
        edits.push({
          start: old.node.start,
          end: old.node.end,
          text: cellXml(p, c.address, c, styles.cellFormat(Number(old.node.attrs.s ?? 0), c.style)),
        });
        continue;
      }
      const xml = cellXml(p, c.address, c, styles.cellFormat(0, c.style));
      const next = existing.find((e) => e.col > k);
      if (node.selfClosing) inserts.push(xml);
      else
        edits.push({
          start: next ? next.node.start : node.closeStart,
          end: next ? next.node.start : node.closeStart,
          text: xml,
        });
    }
    if (node.selfClosing && inserts.length)
      edits.push({
        start: node.start,
        end: node.end,
        text: withAttrs(text, { ...node, selfClosing: false }, {}) + inserts.join("") + `</${node.name}>`,
      });
  }
  for (const [at, xml] of rowInsertions) edits.push({ start: at, end: at, text: xml.join("") });
  if (masters.size) edits.push(...keepSharedFormulas(text, masters, wanted));
  if (newRows.length) {
    if (!sheetData) edits.push(insert(root, "sheetData", element(`${p}sheetData`, {}, newRows.join(""))));
    else if (sheetData.selfClosing)
      edits.push({
        start: sheetData.start,
        end: sheetData.end,
        text: element(sheetData.name, sheetData.attrs, newRows.join("")),
      });
    else edits.push({ start: sheetData.closeStart, end: sheetData.closeStart, text: newRows.join("") });
  }

  // Column widths.
  if (ch.columnWidths.length) {
    const cols = child(root, "cols");
    const widths = new Map(ch.columnWidths.map((w) => [columnIndex(w.column)! + 1, w.width]));
    const covered = new Set<number>();
    const replaced: { node: XmlNode; text: string }[] = [];
    for (const c of cols ? children(cols, "col") : []) {
      const min = Number(c.attrs.min);
      const max = Number(c.attrs.max);
      const inside = [...widths.keys()].filter((k) => k >= min && k <= max);
      if (inside.length === 0) continue;
      const pieces: string[] = [];
      let from = min;
      for (const k of inside.sort((a, b) => a - b)) {
        if (k > from) pieces.push(element(c.name, { ...c.attrs, min: from, max: k - 1 }));
        pieces.push(element(c.name, { ...c.attrs, min: k, max: k, width: widths.get(k), customWidth: "1" }));
        covered.add(k);
        from = k + 1;
      }
      if (from <= max) pieces.push(element(c.name, { ...c.attrs, min: from, max }));
      replaced.push({ node: c, text: pieces.join("") });
    }
    const missing = [...widths.keys()].filter((k) => !covered.has(k)).sort((a, b) => a - b);
    for (const r of replaced) {
      const same = r.text === text.slice(r.node.start, r.node.end);
      if (!same) edits.push({ start: r.node.start, end: r.node.end, text: r.text });
    }
    const colXml = (k: number) => element(`${p}col`, { min: k, max: k, width: widths.get(k), customWidth: "1" });
    if (missing.length) {
      if (!cols) {
        edits.push(insert(root, "cols", element(`${p}cols`, {}, missing.map(colXml).join(""))));
      } else {
        const list = children(cols, "col");
        for (const k of missing) {
          const next = list.find((c) => Number(c.attrs.min) > k);
          const at = next ? next.start : cols.closeStart;
          edits.push({ start: at, end: at, text: colXml(k) });
        }
      }
    }
  }

  // Highlights: ours from an earlier write (known by their formula) give way to the plan's.
  const cfNodes = children(root, "conditionalFormatting");
  let maxPriority = 0;
  for (const cf of cfNodes) {
    const mine = children(cf, "cfRule").some((r) => children(r, "formula").some((f) => ours.has(f.text)));
    if (mine) edits.push({ start: cf.start, end: cf.end, text: "" });
    else for (const r of children(cf, "cfRule")) maxPriority = Math.max(maxPriority, Number(r.attrs.priority ?? 0));
  }
  if (ch.conditionalFormats.length) {
    const xml = ch.conditionalFormats
      .map((cf, i) =>
        element(
          `${p}conditionalFormatting`,
          { sqref: cf.ranges.join(" ") },
          element(
            `${p}cfRule`,
            { type: "expression", dxfId: styles.highlight(cf.fill, cf.fontColor), priority: maxPriority + i + 1 },
            element(`${p}formula`, {}, escapeText(cf.formula)),
          ),
        ),
      )
      .join("");
    const last = cfNodes[cfNodes.length - 1];
    edits.push(last ? { start: last.end, end: last.end, text: xml } : insert(root, "conditionalFormatting", xml));
  }

  // Validation: the plan's cells are taken out of every other rule, then ours are added.
  if (ch.validations.length) {
    const taken: Rect[] = ch.validations.flatMap((v) => v.ranges.map((r) => parseRect(r)!));
    const dvs = child(root, "dataValidations");
    const kept = dvs ? children(dvs, "dataValidation") : [];
    let remaining = 0;
    for (const dv of kept) {
      const left = subtractSqref(dv.attrs.sqref ?? "", taken);
      if (left === undefined) remaining++;
      else if (left === "") edits.push({ start: dv.start, end: dv.end, text: "" });
      else {
        remaining++;
        edits.push(...setAttrs(text, dv, { sqref: left }));
      }
    }
    for (const ext of child(root, "extLst")?.children ?? []) {
      for (const x14 of children(ext, "dataValidations")) {
        const rules = children(x14, "dataValidation");
        const inner: Edit[] = [];
        let left = rules.length;
        for (const rule of rules) {
          const ref = child(rule, "sqref");
          const rest = ref && subtractSqref(ref.text, taken);
          if (rest === "") {
            left--;
            inner.push({ start: rule.start, end: rule.end, text: "" });
          } else if (ref && rest !== undefined)
            inner.push({ start: ref.openEnd, end: ref.closeStart, text: escapeText(rest) });
        }
        if (left === 0 && ext.children.length === 1) edits.push({ start: ext.start, end: ext.end, text: "" });
        else if (left === 0) edits.push({ start: x14.start, end: x14.end, text: "" });
        else if (inner.length) edits.push(...inner, ...setAttrs(text, x14, { count: left }));
      }
    }
    const xml = ch.validations
      .map((v) =>
        element(
          `${p}dataValidation`,
          {
            type: v.type,
            errorStyle: "stop",
            operator: "between",
            allowBlank: "1",
            showInputMessage: "1",
            showErrorMessage: "1",
            errorTitle: v.errorTitle,
            error: v.errorMessage,
            promptTitle: v.inputTitle,
            prompt: v.inputMessage,
            sqref: v.ranges.join(" "),
          },
          element(`${p}formula1`, {}, String(v.min)) + element(`${p}formula2`, {}, String(v.max)),
        ),
      )
      .join("");
    const count = remaining + ch.validations.length;
    if (dvs && !dvs.selfClosing) {
      edits.push(...setAttrs(text, dvs, { count }));
      edits.push({ start: dvs.closeStart, end: dvs.closeStart, text: xml });
    } else if (dvs)
      edits.push({ start: dvs.start, end: dvs.end, text: element(dvs.name, { ...dvs.attrs, count }, xml) });
    else {
      edits.push(insert(root, "dataValidations", element(`${p}dataValidations`, { count }, xml)));
    }
  }

  // Print setup: landscape, so many pages wide, the title rows (a defined name) repeated.
  if (ch.print) {
    const pr = ch.print;
    const sheetPr = child(root, "sheetPr");
    const fit = element(`${p}pageSetUpPr`, { fitToPage: "1" });
    if (!sheetPr) edits.push(insert(root, "sheetPr", element(`${p}sheetPr`, {}, fit)));
    else {
      const setup = child(sheetPr, "pageSetUpPr");
      if (setup) edits.push(...setAttrs(text, setup, { fitToPage: "1" }));
      else if (sheetPr.selfClosing)
        edits.push({ start: sheetPr.start, end: sheetPr.end, text: element(sheetPr.name, sheetPr.attrs, fit) });
      else edits.push({ start: sheetPr.closeStart, end: sheetPr.closeStart, text: fit });
    }
    const page = child(root, "pageSetup");
    const attrs = { orientation: pr.orientation, fitToWidth: pr.fitToWidth, fitToHeight: 0 };
    if (page) edits.push(...setAttrs(text, page, attrs));
    else {
      if (!child(root, "pageMargins")) {
        edits.push(
          insert(
            root,
            "pageMargins",
            element(`${p}pageMargins`, { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }),
          ),
        );
      }
      edits.push(insert(root, "pageSetup", element(`${p}pageSetup`, { paperSize: 9, ...attrs })));
    }
  }
  return { text: edits.length ? splice(text, edits) : text, protected: false, formulaRemoved };
}
