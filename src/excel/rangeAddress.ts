/**
 * A1 addresses as Excel's API hands them over: "D7", "$D$7:E9", "A:A", "3:5",
 * "'Kertas Kerja'!D7:D16", and multi-area lists "D7:D16,D19:D22". Rows and columns are
 * 0-based and inclusive, as in the core's grid.
 */
import { columnIndex, columnLetter } from "../core/grid";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Area {
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Splits "'It''s'!A1" into sheet "It's" and "A1"; a bare address has no sheet. */
export function splitSheet(text: string): { sheet?: string; ref: string } {
  const t = text.trim();
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { ref: t };
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: t.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

function cellPart(p: string): { row: number; col: number } | undefined {
  const m = CELL.exec(p);
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === undefined || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** One area; undefined when the text is not an address. */
export function parseArea(text: string): Area | undefined {
  const { sheet, ref } = splitSheet(text);
  const [a, b = a, extra] = ref.split(":");
  if (extra !== undefined || !a) return undefined;
  const ca = cellPart(a);
  const cb = cellPart(b);
  let area: Area | undefined;
  if (ca && cb) {
    area = {
      top: Math.min(ca.row, cb.row),
      bottom: Math.max(ca.row, cb.row),
      left: Math.min(ca.col, cb.col),
      right: Math.max(ca.col, cb.col),
    };
  } else if (ref.includes(":")) {
    area = wholeLines(a, b);
  }
  if (!area) return undefined;
  return sheet === undefined ? area : { sheet, ...area };
}

/** "A:B" or "3:5": whole columns or whole rows; a lone "D" or "7" is not an address. */
function wholeLines(a: string, b: string): Area | undefined {
  let area: Area | undefined;
  if (COLUMN.test(a) && COLUMN.test(b)) {
    const l = columnIndex(COLUMN.exec(a)![1])!;
    const r = columnIndex(COLUMN.exec(b)![1])!;
    area = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  } else if (ROW.test(a) && ROW.test(b)) {
    const t = Number(ROW.exec(a)![1]) - 1;
    const u = Number(ROW.exec(b)![1]) - 1;
    area = { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COLUMNS - 1 };
  }
  return area;
}

/** Areas of a list joined by "," or ";" (outside quoted sheet names). */
export function parseAreas(text: string): Area[] | undefined {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === "," || ch === ";")) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  const areas: Area[] = [];
  for (const p of parts) {
    const a = parseArea(p);
    if (!a) return undefined;
    areas.push(a);
  }
  return areas;
}

export function isWholeColumn(a: Area): boolean {
  return a.top === 0 && a.bottom === MAX_ROWS - 1;
}

export function isWholeRow(a: Area): boolean {
  return a.left === 0 && a.right === MAX_COLUMNS - 1;
}

/** "D7", "D7:E9", "A:B", "3:5"; without the sheet. */
export function areaAddress(a: Area): string {
  if (isWholeColumn(a) && !isWholeRow(a)) return `${columnLetter(a.left)}:${columnLetter(a.right)}`;
  if (isWholeRow(a) && !isWholeColumn(a)) return `${a.top + 1}:${a.bottom + 1}`;
  const tl = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom + 1}`;
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function areaCells(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/**
 * Areas for Worksheet.getRanges, in groups it accepts: it refuses an address of about
 * 8 KB or 500 areas (office-js #5198: 513 areas and 8,207 characters failed), so longer
 * lists are cut into groups of at most `maxAreas` areas and `maxLength` characters.
 */
export function rangeGroups(ranges: string[], maxAreas = 400, maxLength = 8000): string[][] {
  const out: string[][] = [];
  let group: string[] = [];
  let length = 0;
  for (const r of ranges) {
    if (group.length && (group.length >= maxAreas || length + 1 + r.length > maxLength)) {
      out.push(group);
      group = [];
      length = 0;
    }
    length += (group.length ? 1 : 0) + r.length;
    group.push(r);
  }
  if (group.length) out.push(group);
  return out;
}
