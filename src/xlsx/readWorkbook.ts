/**
 * The command line's .xlsx file reader: the package's XML becomes the core's plain grid of
 * values and formulas, streamed by saxes so a large sheet never becomes a tree. Reads
 * what Excel, LibreOffice and openpyxl write (shared and inline strings, rich text,
 * shared and array formulas (dates stay the serial numbers formulas see), merged cells,
 * rows and cells without explicit positions).
 */
import * as fs from "fs";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { CellValue, columnIndex, SheetGrid, WorkbookGrid } from "../core/grid";
import type { Bilingual } from "../core/framework";
import { bi } from "../core/messages";
import { shiftFormula } from "../core/shiftFormula";
import type { RowSpan } from "../core/readingNeeds";
import { damage, LIMITS, openPackage, Package, PackageError, partText, streamPartText } from "./zipPackage";
import { children, parseXml, ParseOptions, prefixOf, XmlError, XmlNode } from "./xml";

/** The largest number of cells read from one workbook; stated in the README. */
export const MAX_CELLS = 3_000_000;

/** A formula saved without its value cannot be scored without recalculating. */
export const NOT_CALCULATED: CellValue = { error: "#BELUM-DIHITUNG/NOT-CALCULATED" };

/** Reads a workbook file (or its bytes) into the core's grid. Throws PackageError. */
export async function readWorkbook(input: string | Uint8Array, needs?: NeedsRows): Promise<WorkbookGrid> {
  const data = typeof input === "string" ? await fs.promises.readFile(input) : input;
  return packageGrid(openPackage(data, LIMITS), MAX_CELLS, needs).grid;
}

export interface SheetEntry {
  name: string;
  /** part name, e.g. "xl/worksheets/sheet1.xml" */
  part: string;
  relId: string;
}

export interface WorkbookParts {
  workbookPart: string;
  sheets: SheetEntry[];
}

const REL_OFFICE_DOCUMENT = "/officeDocument";
const REL_WORKSHEET = "/worksheet";

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name, relative to the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = fromPart.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== ".") segments.push(s);
  }
  return segments.join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(pkg: Package, part: string): Relationship[] {
  const name = relsPartOf(part);
  const text = partText(pkg, name);
  if (!text) return [];
  return partXml(text, name).children.map((r) => ({
    id: r.attrs.Id,
    type: r.attrs.Type ?? "",
    target: r.attrs.Target ?? "",
    external: r.attrs.TargetMode === "External",
  }));
}

/** A part's XML; text that is not XML is damage, named by the part. */
export function partXml(text: string, part: string, options: ParseOptions = {}): XmlNode {
  try {
    return parseXml(text, { ...options, part });
  } catch (e) {
    if (e instanceof XmlError) throw new PackageError("corrupt", notXml(part));
    throw e;
  }
}

export function notXml(part: string): Bilingual {
  return damage(part, "bukan XML yang sah", "is not valid XML");
}

function notWorkbook(id: string, en: string): PackageError {
  return new PackageError("not-workbook", bi(id, en));
}

export function workbookParts(pkg: Package): WorkbookParts {
  const main = relationships(pkg, "").find((r) => r.type.endsWith(REL_OFFICE_DOCUMENT));
  if (!main) throw notWorkbook("berkas zip ini bukan buku kerja Excel", "this zip file is not an Excel workbook");
  const workbookPart = resolveTarget("", main.target);
  const text = partText(pkg, workbookPart);
  if (!text)
    throw notWorkbook(`bagian buku kerja ${workbookPart} tidak ada`, `the workbook part ${workbookPart} is missing`);
  const rels = new Map(relationships(pkg, workbookPart).map((r) => [r.id, r]));
  const root = partXml(text, workbookPart, { descend: (p) => p.length < 3 });
  const sheets: SheetEntry[] = [];
  // Only SpreadsheetML's <sheets> and <sheet>, and the relationship id in its own namespace.
  const ml = (path: XmlNode[]) =>
    SPREADSHEETML.has(namespaceOf(prefixOf(path[path.length - 1]).slice(0, -1), path) ?? "");
  if (!ml([root])) throw notWorkbook("berkas zip ini bukan buku kerja Excel", "this zip file is not an Excel workbook");
  const list = root.children.find((c) => c.local === "sheets" && ml([root, c]));
  for (const s of list ? children(list, "sheet").filter((x) => ml([root, list, x])) : []) {
    const idKey = Object.keys(s.attrs).find(
      (k) => k.endsWith(":id") && RELATIONSHIPS.has(namespaceOf(k.slice(0, -3), [root, list!, s]) ?? ""),
    );
    const relId = idKey ? s.attrs[idKey] : "";
    const rel = rels.get(relId);
    if (!rel || !rel.type.endsWith(REL_WORKSHEET)) continue; // chart sheets, dialog sheets
    sheets.push({ name: s.attrs.name, part: resolveTarget(workbookPart, rel.target), relId });
  }
  return { workbookPart, sheets };
}

const RELATIONSHIPS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** The namespace a prefix ("" for the default) stands for at the last element of `path`. */
function namespaceOf(prefix: string, path: XmlNode[]): string | undefined {
  const key = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  for (let i = path.length - 1; i >= 0; i--) if (key in path[i].attrs) return path[i].attrs[key];
  return undefined;
}

/** SpreadsheetML's namespace, Transitional and Strict: only its elements count. */
const SPREADSHEETML = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);

/** Excel's grid: 1,048,576 rows and 16,384 columns (A to XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
/** The most merged areas one sheet may hold; past it the sheet is refused as implausible. */
export const MAX_MERGES = 100_000;

interface MlEvents {
  open(local: string, attrs: Record<string, string>, parent: string): void;
  close(local: string): void;
  text(s: string, current: string): void;
  /** true once the reader has all it wants: the rest of the part is not read */
  done?(): boolean;
}

/**
 * Streams a part's SpreadsheetML elements to `on`: an element counts only in the
 * SpreadsheetML namespace and where its parent may hold it (`allowed`, by parent, "" for the
 * root). Anything else, with everything inside it (extLst, another namespace's elements),
 * is passed over, as Excel passes over what it does not know. Text includes CDATA sections.
 * Returns whether the whole part was read.
 */
function readMl(pkg: Package, part: string, allowed: Record<string, readonly string[]>, on: MlEvents): boolean {
  const parser = new SaxesParser({ xmlns: false });
  const path = [""];
  const scopes: Map<string, string>[] = [new Map([["xml", "http://www.w3.org/XML/1998/namespace"]])];
  let skipped = 0;
  let failure: Error | undefined;
  let stop = false;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (stop) return;
    if (skipped > 0) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    const attrs = tag.attributes as Record<string, string>;
    let scope = scopes[scopes.length - 1];
    for (const k in attrs) {
      if (k !== "xmlns" && !k.startsWith("xmlns:")) continue;
      if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
      scope.set(k === "xmlns" ? "" : k.slice(6), attrs[k]);
    }
    const colon = tag.name.indexOf(":");
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const uri = scope.get(colon < 0 ? "" : tag.name.slice(0, colon));
    const parent = path[path.length - 1];
    if (!uri || !SPREADSHEETML.has(uri) || !allowed[parent]?.includes(local)) {
      if (!tag.isSelfClosing) skipped = 1;
      return;
    }
    on.open(local, attrs, parent);
    if (tag.isSelfClosing) on.close(local);
    else {
      path.push(local);
      scopes.push(scope);
    }
    if (on.done?.()) stop = true;
  });
  parser.on("closetag", (tag) => {
    if (stop || tag.isSelfClosing) return;
    if (skipped > 0) {
      skipped--;
      return;
    }
    scopes.pop();
    on.close(path.pop()!);
  });
  const text = (t: string) => {
    if (!stop && skipped === 0) on.text(t, path[path.length - 1]);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  streamPartText(pkg, part, (chunk) => {
    parser.write(chunk);
    return !stop && !failure;
  });
  if (!stop && !failure) parser.close();
  if (failure) throw new PackageError("corrupt", notXml(part));
  return !stop;
}

const SST: Record<string, readonly string[]> = { "": ["sst"], sst: ["si"], si: ["t", "r"], r: ["t"] };

/** The shared strings up to index `last` (the rest of the table is not read). */
function sharedStrings(pkg: Package, part: string | undefined, last: number): string[] {
  const out: string[] = [];
  if (!part || last < 0 || !pkg.parts.has(part)) return out;
  let current = "";
  readMl(pkg, part, SST, {
    open: (n) => {
      if (n === "si") current = "";
    },
    close: (n) => {
      if (n === "si") out.push(current);
    },
    text: (s, at) => {
      if (at === "t") current += s;
    },
    done: () => out.length > last,
  });
  return out;
}

function tooManyCells(max: number): PackageError {
  return new PackageError(
    "too-large",
    bi(
      `buku kerja terlalu besar (lebih dari ${max.toLocaleString("id-ID")} sel)`,
      `the workbook is too large (more than ${max.toLocaleString("en-US")} cells)`,
    ),
  );
}

/** "B12" → 0-based row and column; undefined when it is not a cell reference. */
function parseRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 32) >= 97 && (ref.charCodeAt(i) | 32) <= 122) i++;
  const digits = ref.slice(i);
  if (i === 0 || i > 3 || !/^[0-9]{1,8}$/.test(digits)) return undefined;
  const col = columnIndex(ref.slice(0, i));
  const row = Number(digits) - 1;
  return col === undefined || row < 0 ? undefined : { row, col };
}

/** A number as the XML Schema writes a double; hexadecimal, binary or "Infinity" are not numbers here. */
const XSD_NUMBER = /^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$/;

/** A shared string's place until the strings are read. */
const PENDING_STRING: CellValue = { error: "#PENDING" };

/** What Excel shows for a value it cannot take as its cell type says. */
export const BAD_VALUE: CellValue = { error: "#VALUE!" };

const SHEET: Record<string, readonly string[]> = {
  "": ["worksheet"],
  worksheet: ["sheetData", "mergeCells"],
  sheetData: ["row"],
  row: ["c"],
  c: ["v", "f", "is"],
  is: ["t", "r"],
  r: ["t"],
  mergeCells: ["mergeCell"],
};

interface SheetRead {
  sheet: SheetGrid;
  /** every row was read */
  whole: boolean;
  /** else the last row read (0-based) */
  upTo: number;
  cells: number;
  /** cells holding a shared string: where, and which */
  strings: { row: CellValue[]; col: number; index: number }[];
}

/**
 * One worksheet part, its rows up to `upTo` (0-based; all when undefined). A row or column
 * past Excel's grid, or a reference that is not one, is damage named by the part.
 */
function readSheet(
  pkg: Package,
  name: string,
  part: string,
  cells0: { budget: number; max: number },
  upTo = Infinity,
): SheetRead {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: string[] = [];
  const strings: SheetRead["strings"] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let cells = 0;
  let row = -1;
  let col = -1;
  let past = false;
  let cell: { t?: string; f?: string; fAttrs?: Record<string, string>; v?: string; is?: string } | undefined;
  const bad = (id: string, en: string) => new PackageError("corrupt", damage(part, id, en));
  const pastRows = (r: number) =>
    bad(
      `berisi baris ${r.toLocaleString("id-ID")}, melewati baris terakhir Excel (${EXCEL_ROWS.toLocaleString("id-ID")})`,
      `has a row ${r.toLocaleString("en-US")}, past Excel's last row (${EXCEL_ROWS.toLocaleString("en-US")})`,
    );
  const whole = readMl(pkg, part, SHEET, {
    open(n, a) {
      if (n === "row") {
        if (a.r !== undefined) {
          if (!/^\s*[0-9]{1,10}\s*$/.test(a.r) || Number(a.r) < 1)
            throw bad(`berisi nomor baris "${a.r}" yang tidak sah`, `has the row number "${a.r}", which is not one`);
          row = Number(a.r) - 1;
        } else row++;
        if (row >= EXCEL_ROWS) throw pastRows(row + 1);
        col = -1;
        if (row > upTo) past = true;
      } else if (n === "c") {
        if (a.r !== undefined) {
          const at = parseRef(a.r);
          if (!at)
            throw bad(`berisi alamat sel "${a.r}" yang tidak sah`, `has the cell reference "${a.r}", which is not one`);
          row = at.row;
          col = at.col;
        } else col++;
        if (row >= EXCEL_ROWS) throw pastRows(row + 1);
        if (col >= EXCEL_COLUMNS)
          throw bad(
            `berisi sel di kolom ke-${(col + 1).toLocaleString("id-ID")}, melewati kolom terakhir Excel (XFD)`,
            `has a cell in column ${(col + 1).toLocaleString("en-US")}, past Excel's last column (XFD)`,
          );
        if (row > upTo) past = true;
        else cell = { t: a.t };
      } else if (!cell) {
        if (n === "mergeCell" && a.ref) {
          if (merges.length >= MAX_MERGES)
            throw bad(
              `berisi lebih dari ${MAX_MERGES.toLocaleString("id-ID")} area gabungan`,
              `has more than ${MAX_MERGES.toLocaleString("en-US")} merged areas`,
            );
          merges.push(a.ref);
        }
      } else if (n === "v") cell.v = "";
      else if (n === "f") {
        cell.f = "";
        cell.fAttrs = a;
      } else if (n === "is") cell.is = "";
    },
    text(s, at) {
      if (!cell) return;
      if (at === "v") cell.v += s;
      else if (at === "f") cell.f += s;
      else if (at === "t") cell.is += s;
    },
    close(n) {
      if (n !== "c" || !cell) return;
      if (++cells > cells0.budget) throw tooManyCells(cells0.max);
      storeCell(cell, row, col);
      cell = undefined;
    },
    done: () => past,
  });

  function storeCell(c: NonNullable<typeof cell>, r: number, k: number) {
    let formula: string | undefined;
    if (c.f !== undefined) {
      const fa = c.fAttrs ?? {};
      if (fa.t === "shared" && fa.si !== undefined) {
        if (c.f !== "") shared.set(fa.si, { formula: c.f, row: r, col: k });
        else {
          const master = shared.get(fa.si);
          if (master) formula = shiftFormula(master.formula, r - master.row, k - master.col);
        }
      }
      formula ??= c.f !== "" ? c.f : undefined;
    }
    let value: CellValue = null;
    const t = c.t ?? "n";
    if (c.v === undefined && c.is === undefined) value = formula ? NOT_CALCULATED : null;
    else if (t === "s") {
      const index = c.v !== undefined && /^\s*[0-9]{1,10}\s*$/.test(c.v) ? Number(c.v) : -1;
      if (index < 0) value = BAD_VALUE;
      else {
        value = PENDING_STRING;
        strings.push({ row: (values[r] ??= []), col: k, index });
      }
    } else if (t === "inlineStr") value = c.is ?? c.v ?? null;
    else if (t === "str") value = c.v ?? null;
    else if (t === "b")
      value = c.v === "1" || c.v === "true" ? true : c.v === "0" || c.v === "false" ? false : BAD_VALUE;
    else if (t === "e") value = { error: c.v ?? "#N/A" };
    else if (t === "d") value = c.v ? c.v.slice(0, 10) : null;
    else if (t !== "n") value = BAD_VALUE;
    else if (c.v !== undefined && c.v.trim() !== "") {
      if (!XSD_NUMBER.test(c.v)) value = BAD_VALUE;
      else {
        const n = Number(c.v);
        // A number formatted as a date stays the number Excel's formulas (and Office.js) see:
        // a level 3 shown as 03/01/1900 is still the level 3.
        value = Number.isFinite(n) ? n : { error: "#NUM!" };
      }
    }
    if (value === "") value = null;
    if (value !== null) (values[r] ??= [])[k] = value;
    if (formula) (formulas[r] ??= [])[k] = `=${formula}`;
  }

  // Excel reports only the top-left cell of a merged area. Areas that overlap are damage
  // (Excel removes them as unreadable content). Only rows and cells that exist are visited,
  // so an area reaching XFD1048576 costs what the sheet holds, within a budget.
  const areas = merges.map(mergeArea).filter((x): x is Area => x !== undefined);
  if (overlapping(areas)) throw bad("berisi area gabungan yang saling menimpa", "has merged areas that overlap");
  let work = 0;
  for (const { a, b } of areas) {
    for (let r = a.row; r <= b.row && r < values.length; r++) {
      const line = values[r];
      const fline = formulas[r];
      const last = Math.min(b.col, Math.max(line?.length ?? 0, fline?.length ?? 0) - 1);
      work += Math.max(0, last - a.col + 1) + 1;
      if (work > 4 * MAX_MERGES * 64) throw bad("berisi terlalu banyak sel gabungan", "has too many merged cells");
      for (let k = a.col; k <= last; k++) {
        if (r === a.row && k === a.col) continue;
        if (line?.[k] !== undefined) delete line[k];
        if (fline?.[k] !== undefined) delete fline[k];
      }
    }
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { sheet: { name, values, formulas, merges }, whole, upTo, cells, strings };
}
export interface Area {
  a: { row: number; col: number };
  b: { row: number; col: number };
}

export function mergeArea(ref: string): Area | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseRef(from);
  const b = parseRef(to);
  if (!a || !b) return undefined;
  return {
    a: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    b: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/**
 * Whether two areas share a cell: a sweep down the rows keeping the areas that reach the
 * current row, ordered by column (they cannot overlap each other, so their columns are
 * disjoint and one binary search finds the neighbours of a new area).
 */
export function overlapping(areas: Area[]): boolean {
  const byTop = [...areas].sort((x, y) => x.a.row - y.a.row);
  const active: Area[] = [];
  for (const n of byTop) {
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (active[mid].b.col < n.a.col) lo = mid + 1;
      else hi = mid;
    }
    // active[lo] is the first area whose columns end at or after the new one's start.
    while (lo < active.length && active[lo].a.col <= n.b.col) {
      if (active[lo].b.row >= n.a.row) return true;
      active.splice(lo, 1); // ended above this row
    }
    active.splice(lo, 0, n);
  }
  return false;
}

/** Whether the package is a macro-enabled workbook (.xlsm), by its workbook part's content type. */
export function isMacroEnabled(pkg: Package, parts: WorkbookParts): boolean {
  const ct = partXml(partText(pkg, "[Content_Types].xml")!, "[Content_Types].xml");
  const o = ct.children.find((c) => c.local === "Override" && c.attrs.PartName === `/${parts.workbookPart}`);
  return (o?.attrs.ContentType ?? "").includes("macroEnabled");
}

export interface PackageGrid {
  grid: WorkbookGrid;
  parts: WorkbookParts;
}

/** Which rows a reading needs, given what has been read so far (the core's `rowsNeeded`). */
export type NeedsRows = (readSoFar: WorkbookGrid) => RowSpan[];

/**
 * The grid of an opened package; also tells where each sheet lives, for the writer. With
 * `needs`, a sheet is read only as far as the reading needs it: the header band of every
 * sheet first, then each sheet `needs` asks for whole, until it asks for nothing more. The
 * rows of a long evidence or log sheet past its header band are never inflated or parsed.
 * (Such a sheet's merged areas, listed after its rows, are not known then; none of its
 * cells past the band is read either way.)
 */
export function packageGrid(pkg: Package, maxCells = MAX_CELLS, needs?: NeedsRows): PackageGrid {
  const parts = workbookParts(pkg);
  const seenParts = new Map<string, string>();
  for (const s of parts.sheets) {
    if (!pkg.parts.has(s.part))
      throw notWorkbook(
        `lembar "${s.name}" tidak ada di dalam berkas (${s.part})`,
        `sheet "${s.name}" is missing from the package (${s.part})`,
      );
    const other = seenParts.get(s.part);
    if (other !== undefined)
      throw new PackageError(
        "corrupt",
        damage(
          parts.workbookPart,
          `menunjuk bagian ${s.part} untuk dua lembar ("${other}", "${s.name}")`,
          `names the part ${s.part} for two sheets ("${other}", "${s.name}")`,
        ),
      );
    seenParts.set(s.part, s.name);
  }
  const rels = relationships(pkg, parts.workbookPart);
  const sstRel = rels.find((x) => x.type.endsWith("/sharedStrings"));
  const sstPart = sstRel && resolveTarget(parts.workbookPart, sstRel.target);
  const reads: (SheetRead | undefined)[] = parts.sheets.map(() => undefined);
  const cellsElsewhere = (k: number) => reads.reduce((n, r, i) => n + (i === k || !r ? 0 : r.cells), 0);
  // Shared strings only as far as the cells read refer to them.
  let table: string[] = [];
  const read = (k: number, upTo?: number) => {
    const s = parts.sheets[k];
    const r = readSheet(pkg, s.name, s.part, { budget: maxCells - cellsElsewhere(k), max: maxCells }, upTo);
    const last = r.strings.reduce((n, x) => Math.max(n, x.index), -1);
    // Read again from its start when more is needed, at least twice as far: a few passes however many sheets ask.
    if (last >= table.length) table = sharedStrings(pkg, sstPart, Math.max(last, 2 * table.length));
    for (const x of r.strings) {
      // A cell a merged area hides no longer holds its placeholder.
      if (x.row[x.col] !== PENDING_STRING) continue;
      const v = table[x.index];
      if (v === undefined) x.row[x.col] = BAD_VALUE;
      else if (v !== "") x.row[x.col] = v;
      else delete x.row[x.col];
    }
    reads[k] = r;
  };
  if (!needs) parts.sheets.forEach((_, k) => read(k));
  else {
    // A sheet not read yet is as long as Excel allows; one read in part is one row longer than what was read.
    const view = (): WorkbookGrid => ({
      sheets: parts.sheets.map((s, k): SheetGrid => {
        const r = reads[k];
        if (r?.whole) return r.sheet;
        const values = r ? r.sheet.values.slice() : [];
        values.length = r ? r.upTo + 2 : EXCEL_ROWS;
        return { name: s.name, values, formulas: r?.sheet.formulas, rowsRead: r ? [[0, r.upTo]] : [] };
      }),
    });
    for (let stage = 0; stage < 4; stage++) {
      const current = view();
      const wanted = new Map<number, number>();
      for (const span of rowsMissing(current, needs(current))) {
        const k = parts.sheets.findIndex((s) => s.name === span.sheet);
        if (k >= 0) wanted.set(k, Math.max(wanted.get(k) ?? -1, span.to));
      }
      if (wanted.size === 0) break;
      for (const [k, to] of wanted) read(k, to >= current.sheets[k].values.length - 1 ? undefined : to);
    }
  }
  const sheets = reads.map((r): SheetGrid => {
    r = r!;
    if (r.whole) return r.sheet;
    const values = r.sheet.values;
    while (values.length <= r.upTo) values.push([]);
    return { ...r.sheet, rowsRead: [[0, r.upTo]] };
  });
  return { grid: { sheets }, parts };
}

/** Runs of rows a reading needs that `grid` does not hold yet. */
function rowsMissing(grid: WorkbookGrid, spans: RowSpan[]): RowSpan[] {
  const bySheet = new Map(grid.sheets.map((s) => [s.name, s]));
  return spans.flatMap((span) => {
    const s = bySheet.get(span.sheet);
    if (!s?.rowsRead) return [];
    const read = s.rowsRead.filter(([a, b]) => b >= a);
    const end = read.reduce((m, [, b]) => Math.max(m, b), -1);
    return span.to > end ? [{ ...span, from: Math.max(span.from, end + 1) }] : [];
  });
}
