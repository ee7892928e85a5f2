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
import { bi } from "../core/messages";
import { shiftFormula } from "../core/shiftFormula";
import { LIMITS, openPackage, Package, PackageError, partText } from "./zipPackage";
import { child, children, parseXml, XmlError } from "./xml";

/** The largest number of cells read from one workbook; stated in the README. */
export const MAX_CELLS = 3_000_000;

/** A formula saved without its value cannot be scored without recalculating. */
export const NOT_CALCULATED: CellValue = { error: "#BELUM-DIHITUNG/NOT-CALCULATED" };

/** Reads a workbook file (or its bytes) into the core's grid. Throws PackageError. */
export async function readWorkbook(input: string | Uint8Array): Promise<WorkbookGrid> {
  const data = typeof input === "string" ? await fs.promises.readFile(input) : input;
  return packageGrid(openPackage(data, LIMITS)).grid;
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
  const text = partText(pkg, relsPartOf(part));
  if (!text) return [];
  return parseXml(text).children.map((r) => ({
    id: r.attrs.Id,
    type: r.attrs.Type ?? "",
    target: r.attrs.Target ?? "",
    external: r.attrs.TargetMode === "External",
  }));
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
  const root = parseXml(text, { descend: (p) => p.length < 3 });
  const sheets: SheetEntry[] = [];
  for (const s of children(child(root, "sheets") ?? root, "sheet")) {
    const relId = s.attrs["r:id"] ?? Object.entries(s.attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.get(relId);
    if (!rel || !rel.type.endsWith(REL_WORKSHEET)) continue; // chart sheets, dialog sheets
    sheets.push({ name: s.attrs.name, part: resolveTarget(workbookPart, rel.target), relId });
  }
  return { workbookPart, sheets };
}

function streamXml(text: string, on: (p: SaxesParser) => void): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  on(parser);
  parser.write(text).close();
  if (failure) throw new XmlError(failure.message);
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function sharedStrings(text: string | undefined): string[] {
  const out: string[] = [];
  if (!text) return out;
  let current = "";
  let inT = false;
  let phonetic = 0;
  streamXml(text, (p) => {
    p.on("opentag", (t) => {
      const n = local(t.name);
      if (n === "si") current = "";
      else if (n === "rPh") phonetic++;
      else if (n === "t" && phonetic === 0) inT = !t.isSelfClosing;
    });
    p.on("closetag", (t) => {
      const n = local(t.name);
      if (n === "si") out.push(current);
      else if (n === "rPh") phonetic--;
      else if (n === "t") inT = false;
    });
    p.on("text", (s) => {
      if (inT) current += s;
    });
  });
  return out;
}

interface SheetContext {
  strings: string[];
  budget: { cells: number; max: number };
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

function parseRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  const col = columnIndex(ref.slice(0, i));
  const row = Number(ref.slice(i)) - 1;
  return col === undefined || !Number.isInteger(row) || row < 0 ? undefined : { row, col };
}

function sheetGrid(name: string, text: string, ctx: SheetContext): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  let cell: { t?: string; s: number; f?: string; fAttrs?: Record<string, string>; v?: string; is?: string } | undefined;
  let textOf: "v" | "f" | "is" | undefined;
  let phonetic = 0;
  streamXml(text, (p) => {
    p.on("opentag", (tag: SaxesTagPlain) => {
      const n = local(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (n === "row") {
        row = a.r ? Number(a.r) - 1 : row + 1;
        col = -1;
      } else if (n === "c") {
        const at = a.r ? parseRef(a.r) : undefined;
        if (at) {
          row = at.row;
          col = at.col;
        } else col++;
        cell = { t: a.t, s: Number(a.s ?? 0) };
      } else if (cell && n === "v") {
        cell.v = "";
        textOf = "v";
      } else if (cell && n === "f") {
        cell.f = "";
        cell.fAttrs = a;
        textOf = "f";
      } else if (cell && n === "is") {
        cell.is = "";
      } else if (cell && n === "rPh") phonetic++;
      else if (cell && n === "t" && cell.is !== undefined && phonetic === 0) textOf = "is";
      else if (n === "mergeCell" && a.ref) merges.push(a.ref);
    });
    p.on("text", (s) => {
      if (!cell || !textOf) return;
      cell[textOf] = (cell[textOf] ?? "") + s;
    });
    p.on("closetag", (tag) => {
      const n = local(tag.name);
      if (n === "v" || n === "f" || n === "t") textOf = undefined;
      else if (n === "rPh") phonetic--;
      else if (n === "c" && cell) {
        if (--ctx.budget.cells < 0) throw tooManyCells(ctx.budget.max);
        storeCell(cell, row, col);
        cell = undefined;
      }
    });
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
    if (c.v === undefined && c.is === undefined) value = formula ? NOT_CALCULATED : null;
    else if (c.t === "s") value = ctx.strings[Number(c.v)] ?? null;
    else if (c.t === "inlineStr") value = c.is ?? c.v ?? null;
    else if (c.t === "str") value = c.v ?? null;
    else if (c.t === "b") value = c.v === "1" || c.v === "true";
    else if (c.t === "e") value = { error: c.v ?? "#N/A" };
    else if (c.t === "d") value = c.v ? c.v.slice(0, 10) : null;
    else if (c.v !== undefined && c.v.trim() !== "") {
      const n = Number(c.v);
      if (!Number.isFinite(n)) value = { error: "#NUM!" };
      // A number formatted as a date stays the number Excel's formulas (and Office.js) see:
      // a level 3 shown as 03/01/1900 is still the level 3.
      else value = n;
    }
    if (value === "") value = null;
    if (value !== null) (values[r] ??= [])[k] = value;
    if (formula) (formulas[r] ??= [])[k] = `=${formula}`;
  }

  // Excel reports only the top-left cell of a merged area.
  for (const m of merges) {
    const [from, to = from] = m.split(":");
    const a = parseRef(from);
    const b = parseRef(to);
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row && r < values.length; r++) {
      for (let k = a.col; k <= b.col; k++) {
        if (r === a.row && k === a.col) continue;
        if (values[r]?.[k] !== undefined) delete values[r][k];
        if (formulas[r]?.[k] !== undefined) delete formulas[r][k];
      }
    }
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name, values, formulas, merges };
}

/** Whether the package is a macro-enabled workbook (.xlsm), by its workbook part's content type. */
export function isMacroEnabled(pkg: Package, parts: WorkbookParts): boolean {
  const ct = parseXml(partText(pkg, "[Content_Types].xml")!);
  const o = ct.children.find((c) => c.local === "Override" && c.attrs.PartName === `/${parts.workbookPart}`);
  return (o?.attrs.ContentType ?? "").includes("macroEnabled");
}

export interface PackageGrid {
  grid: WorkbookGrid;
  parts: WorkbookParts;
}

/** The grid of an opened package; also tells where each sheet lives, for the writer. */
export function packageGrid(pkg: Package, maxCells = MAX_CELLS): PackageGrid {
  try {
    const parts = workbookParts(pkg);
    const rels = relationships(pkg, parts.workbookPart);
    const partOf = (suffix: string) => {
      const r = rels.find((x) => x.type.endsWith(suffix));
      return r && partText(pkg, resolveTarget(parts.workbookPart, r.target));
    };
    const ctx: SheetContext = {
      strings: sharedStrings(partOf("/sharedStrings")),
      budget: { cells: maxCells, max: maxCells },
    };
    const sheets = parts.sheets.map((s) => {
      const text = partText(pkg, s.part);
      if (text === undefined)
        throw notWorkbook(
          `lembar "${s.name}" tidak ada di dalam berkas (${s.part})`,
          `sheet "${s.name}" is missing from the package (${s.part})`,
        );
      return sheetGrid(s.name, text, ctx);
    });
    return { grid: { sheets }, parts };
  } catch (e) {
    if (e instanceof PackageError) throw e;
    if (e instanceof XmlError)
      throw new PackageError("corrupt", bi(`berkas .xlsx rusak: XML tidak sah`, `corrupt .xlsx: invalid XML`));
    throw e;
  }
}
