/**
 * The plain picture of a workbook that every reader hands to the core (the Office.js
 * host, the command line's file reader): cell values and formulas, row-major, 0-based,
 * starting at A1. Readers normalise their own quirks
 * (empty strings, error objects, rich text) into this shape.
 */
export interface CellError {
  error: string; // "#N/A", "#REF!", …
}

export type CellValue = number | string | boolean | CellError | null;

export interface SheetGrid {
  name: string;
  /** values[r][c]; rows may be ragged; missing means empty */
  values: CellValue[][];
  /** formulas[r][c] as "=…" text, or null/undefined where the cell holds a constant */
  formulas?: (string | null | undefined)[][];
  /** "A1:B2" ranges of merged cells, where the host knows them */
  merges?: string[];
  /**
   * When a host read only part of the sheet: the runs of rows it read (0-based,
   * inclusive). `values` still spans the sheet's used rows; rows not read are empty.
   */
  rowsRead?: [number, number][];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** defined names the workbook holds, name → reference text */
  names?: Record<string, string>;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: SheetGrid, row: number, col: number): string | null {
  const f = sheet.formulas?.[row]?.[col];
  return f ? f : null;
}

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}

export function colCount(sheet: SheetGrid): number {
  let n = 0;
  for (const r of sheet.values) if (r && r.length > n) n = r.length;
  return n;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26; undefined when not a column name. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column → "C12". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  if (col === undefined) return undefined;
  return { row: Number(m[2]) - 1, col };
}

/** A sheet name as a formula reference needs it: 'Kertas Kerja'!  */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** Contiguous runs of sorted row numbers: [4,5,6,9] → [[4,6],[9,9]]. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r > last[1]) runs.push([r, r]);
  }
  return runs;
}

/** "E5:E14 E16:E19" style multi-area address for a column over the given rows. */
export function columnAreas(col: number, rows: number[]): string[] {
  return rowRuns(rows).map(([a, b]) => (a === b ? a1(a, col) : `${a1(a, col)}:${a1(b, col)}`));
}
