/**
 * Which rows of a table are indicators, and what their numbers are: each row's number
 * cell, the number inside its label and its name, read against one framework; a number
 * column told apart as indicator numbers or a row counter; heading rows left out; the
 * numbering note that says what was decided.
 */
import { Bilingual, Framework } from "./framework";
import { a1, CellValue, SheetGrid, cellAt, formulaAt, isCellError, isEmpty, rowCount } from "./grid";
import { normalize } from "./headers";
import { FrameworkMatcher } from "./matching";
import { bi, Note } from "./messages";

export interface IndicatorRow {
  row: number;
  indicatorId: number;
  /** what identified it: the number column, the number inside the label, or the name */
  matchedBy: "number" | "label" | "name";
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  return String(v);
}

/** A row of column numbers under a header: (1) (2) (3) or 1 2 3 4. */
function isNumberingRow(sheet: SheetGrid, row: number, width: number): boolean {
  const nums: number[] = [];
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (isEmpty(v)) continue;
    const m = /^\(?(\d+)\)?$/.exec(text(v).trim());
    if (!m) return false;
    nums.push(Number(m[1]));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

/** What one row says about the indicator it holds: by its number cell, the number in its label, its name. */
interface RowReading {
  row: number;
  /** the indicator the number column names */
  byColumn?: number;
  /** the indicator the number written in the label names ("Indikator 18 : …") */
  byLabel?: number;
  /** the indicator the name fits clearly best */
  byName?: number;
  /** the indicator the name fits best, even if not clearly: evidence against a number, never alone */
  guess?: number;
  /** how well the name fits its best indicator */
  bestFit: number;
  /** the name without a number written in it ("" when none) */
  name: string;
  distinctive: boolean;
  /** the number cell or the label writes an indicator code ("I5", "1.1", "IK-01", "Indikator 5"), not a bare number */
  coded: boolean;
  /** the numbers as written in the number cell and in the label, for telling a row counter */
  columnNumber?: number;
  labelNumber?: number;
}

/** How a number source relates to the names beside it, over the whole table. */
export type NumberUse = "indicator" | "counter";

export interface IndicatorConflict {
  row: number;
  cell: string;
  /** the indicators the row's number and its name point to */
  candidates: number[];
}

export interface RowScan {
  rows: IndicatorRow[];
  conflicts: IndicatorConflict[];
  confident: number;
  distinctive: number;
  /** rows whose code is written as an indicator code */
  coded: number;
  /** rows with positive evidence: a fitting name or an indicator code */
  evidenced: number;
  numberUse: { column?: NumberUse; label?: NumberUse };
  /** rows whose number and name were compared, and how many agreed */
  compared: { column: [number, number]; label: [number, number] };
}

/** "Indikator 18 : Penggunaan …", "18. Penggunaan …", "I18 Penggunaan …", "Ind. 18 – Penggunaan …", "IK-01 …", "4.2 Keamanan …". */
const LABEL_NUMBER =
  /^\s*(?:(?:indikator|indicator|ind\.?|ik)[\s.-]*(\d{1,3})|([A-Za-z]?[.-]?\d{1,3}(?:\.\d{1,2})?))\s*(?:[.:)\-–—]\s*|\s+)(?=\S)(.*)$/i;

export function splitLabel(label: string): { code?: string; name: string; prefixed?: boolean } {
  const m = LABEL_NUMBER.exec(label);
  if (!m || !/[A-Za-z]{3}/.test(m[3])) return { name: label };
  return { code: m[1] ?? m[2], name: m[3], prefixed: m[1] !== undefined || /[^\d]/.test(m[2]) };
}

export const HEADING = /^\s*(domain|aspek|aspect)\b/i;
/** "Aspek 1 …", "Domain 2 …": a heading's own words, wherever in its row they are written. */
const NUMBERED_HEADING = /^\s*(domain|aspek|aspect)\s*\d+\b/i;
/** A level cell of a heading row sums or averages the rows under it. */
const SUBTOTAL = /^=\s*(SUM|SUMPRODUCT|SUBTOTAL|AVERAGE|AGGREGATE)\s*\(/i;

/**
 * A row with no indicator name whose cells say it heads a group: "Aspek 1 …" in any
 * column, or a subtotal formula. Templates number their aspect rows 1–7 like indicators.
 */
function isHeadingRow(sheet: SheetGrid, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === "string" && NUMBERED_HEADING.test(v)) return true;
    const f = formulaAt(sheet, row, c);
    if (f && SUBTOTAL.test(f)) return true;
  }
  return false;
}

/**
 * The indicator named like its aspect, when the row before it is an indicator of that
 * aspect: "Keamanan Pemerintah Digital" after I9 is I10, the aspect's heading is not.
 */
function memberNamed(m: FrameworkMatcher, name: string, before: RowReading | undefined): number | undefined {
  const f = m.framework;
  const prev = before && (before.byName ?? before.guess ?? before.byLabel ?? before.byColumn);
  if (prev === undefined) return undefined;
  const aspect = f.byId.get(prev)?.aspectId;
  const members = f.indicators.filter((i) => i.aspectId === aspect);
  if (
    !f.aspects.some(
      (a) => a.id === aspect && (normalize(a.name) === normalize(name) || normalize(a.en) === normalize(name)),
    )
  )
    return undefined;
  // The member whose name it is, clearly better than the others.
  const ranked = members.map((i) => ({ id: i.id, s: m.nameScore(name, i.id) })).sort((x, y) => y.s - x.s);
  const [best, second] = ranked;
  return best && best.s >= AGREE && (!second || best.s - second.s >= NEAR) ? best.id : undefined;
}

/** Whether one of the indicators a row's codes name carries this name. */
function isIndicatorOf(m: FrameworkMatcher, name: string, ids: (number | undefined)[]): boolean {
  return ids.some((id) => id !== undefined && m.nameScore(name, id) >= AGREE);
}

/** A name fits the numbered indicator at this score or better: they agree. */
const AGREE = 0.5;
/** Two fits this close are as good as each other. */
const NEAR = 0.05;

function readRows(
  sheet: SheetGrid,
  h: { row: number; rows: number },
  numberCol: number | undefined,
  nameCol: number | undefined,
  m: FrameworkMatcher,
  width: number,
  end: number,
): RowReading[] {
  const out: RowReading[] = [];
  for (let r = h.row + h.rows; r < end; r++) {
    const numV = numberCol === undefined ? null : cellAt(sheet, r, numberCol);
    const label = nameCol === undefined ? "" : text(cellAt(sheet, r, nameCol)).trim();
    if (HEADING.test(label) || (typeof numV === "string" && HEADING.test(numV))) continue;
    if (!label && isHeadingRow(sheet, r, width)) continue;
    const { code, name, prefixed } = splitLabel(label);
    const byColumn = numberCol === undefined ? undefined : m.idFromCode(numV);
    const byLabel = code === undefined ? undefined : m.idFromCode(code);
    const numbered = byColumn ?? byLabel;
    let byName: number | undefined;
    let guess: number | undefined;
    let bestFit = 0;
    if (name) {
      // A name that is exactly an aspect's is a heading, unless the row's code names an
      // indicator of that name ("4.2 Keamanan Pemerintah Digital" is I10, in aspect 4 of that
      // name) or it follows an indicator of that aspect: a heading comes before its members.
      const named = m.isGroupName(name) ? memberNamed(m, name, out[out.length - 1]) : undefined;
      if (m.isGroupName(name) && !isIndicatorOf(m, name, [byLabel, byColumn]) && named === undefined) continue;
      byName = named ?? m.exactName(name);
      const close = m.closest(name);
      if (byName === undefined) {
        // A domain or aspect heading row may carry a number too; its name gives it away.
        const g = m.groupScore(name);
        const fits = Math.max(close?.score ?? 0, numbered === undefined ? 0 : m.nameScore(name, numbered));
        if (g >= 0.8 && g > fits) continue;
        const best = m.bestByName(name);
        if (best && best.score > g) byName = best.id;
      }
      guess = byName ?? (close && close.score >= 0.8 ? close.id : undefined);
      bestFit = byName !== undefined ? 1 : (close?.score ?? 0);
    }
    if (numbered === undefined && byName === undefined) continue;
    if (r === h.row + h.rows && isNumberingRow(sheet, r, width)) continue;
    out.push({
      row: r,
      byColumn,
      byLabel,
      byName,
      guess,
      bestFit,
      name,
      distinctive: numberCol !== undefined && m.distinctiveCode(numV),
      coded: (byColumn !== undefined && m.isCode(numV)) || (byLabel !== undefined && !!prefixed),
      columnNumber: numberIn(numV),
      labelNumber: numberIn(code ?? null),
    });
  }
  return out;
}

/** Whether a number agrees with the name beside it: true, false, or undefined when the name cannot tell. */
/** How the row's name fits an indicator, 0..1. */
function fit(m: FrameworkMatcher, r: RowReading, id: number): number {
  return r.name ? m.nameScore(r.name, id) : 0;
}

function agrees(m: FrameworkMatcher, r: RowReading, id: number | undefined): boolean | undefined {
  if (id === undefined) return undefined;
  // Names share many words ("… Instansi Pusat/Pemerintah Daerah"): a number agrees with a
  // name it fits about as well as the name's best indicator, not merely half well.
  if (r.guess !== undefined) return r.guess === id || fit(m, r, id) >= r.bestFit - NEAR;
  return fit(m, r, id) >= AGREE ? true : undefined;
}

/**
 * A number source is a row counter when it runs upwards down the table while clearly
 * disagreeing with the names; otherwise its numbers are indicator numbers.
 */
function numberUse(
  m: FrameworkMatcher,
  readings: RowReading[],
  pick: (r: RowReading) => number | undefined,
  raw: (r: RowReading) => number | undefined,
): { use?: NumberUse; compared: [number, number] } {
  let agree = 0;
  let disagree = 0;
  for (const r of readings) {
    const a = agrees(m, r, pick(r));
    if (a === true) agree++;
    else if (a === false) disagree++;
  }
  // A repeated row may repeat its number; a counter never goes back.
  let any = false;
  let running = true;
  let last = 0;
  for (const r of readings) {
    const v = raw(r);
    if (v === undefined) continue;
    if (any && !(v >= last)) running = false;
    any = true;
    last = v;
  }
  if (!any) return { compared: [agree, agree + disagree] };
  const counter = running && disagree >= 3 && disagree * 5 >= agree + disagree;
  return { use: counter ? "counter" : "indicator", compared: [agree, agree + disagree] };
}

function numberIn(v: CellValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const m = /(\d{1,4})/.exec(v);
  return m ? Number(m[1]) : undefined;
}

export function scanRows(
  sheet: SheetGrid,
  h: { row: number; rows: number },
  numberCol: number | undefined,
  nameCol: number | undefined,
  m: FrameworkMatcher,
  width: number,
): RowScan {
  const readings = readRows(sheet, h, numberCol, nameCol, m, width, rowCount(sheet));
  const column = numberUse(
    m,
    readings,
    (r) => r.byColumn,
    (r) => r.columnNumber,
  );
  const label = numberUse(
    m,
    readings,
    (r) => r.byLabel,
    (r) => r.labelNumber,
  );
  const rows: IndicatorRow[] = [];
  const conflicts: IndicatorConflict[] = [];
  let confident = 0;
  let distinctive = 0;
  let coded = 0;
  let evidenced = 0;
  for (const r of readings) {
    // What each source claims, in this order: the number column, the number in the label, the name.
    const byNumber = column.use !== "counter" ? r.byColumn : undefined;
    const byLabel = label.use !== "counter" ? r.byLabel : undefined;
    const numbered = byNumber !== undefined || byLabel !== undefined;
    // The name speaks when nothing is numbered, and against a number it clearly does not fit.
    let byName: number | undefined;
    if (r.byName !== undefined && !numbered) byName = r.byName;
    else if (r.guess !== undefined && (agrees(m, r, byNumber) === false || agrees(m, r, byLabel) === false))
      byName = r.guess;
    const ids: number[] = [];
    for (const id of [byNumber, byLabel, byName]) if (id !== undefined && !ids.includes(id)) ids.push(id);
    if (ids.length === 0) continue;
    if (ids.length > 1) {
      // A row whose number and name disagree still has a name that is an indicator's: evidence of an assessment.
      if (r.guess !== undefined || r.coded) evidenced++;
      conflicts.push({ row: r.row, cell: a1(r.row, nameCol ?? numberCol ?? 0), candidates: ids });
      continue;
    }
    const fits = (id: number | undefined) => id !== undefined && fit(m, r, id) >= AGREE;
    const named = r.byName !== undefined || fits(byNumber) || fits(byLabel);
    if (named) confident++;
    if (r.distinctive) distinctive++;
    if (r.coded) coded++;
    if (named || r.coded) evidenced++;
    rows.push({
      row: r.row,
      indicatorId: ids[0],
      matchedBy: byNumber !== undefined ? "number" : byLabel !== undefined ? "label" : "name",
    });
  }
  return {
    rows,
    conflicts,
    confident,
    distinctive,
    coded,
    evidenced,
    numberUse: { column: column.use, label: label.use },
    compared: { column: column.compared, label: label.compared },
  };
}

export function describeNumbers(s: RowScan, f: Framework): Note | undefined {
  const [agree, compared] = s.compared.column;
  const [lAgree, lCompared] = s.compared.label;
  const parts: Bilingual[] = [];
  if (s.numberUse.column === "counter") {
    parts.push(
      bi(
        `kolom nomor adalah nomor urut baris (hanya ${agree} dari ${compared} cocok dengan nama indikator di sebelahnya); indikator dikenali dari namanya`,
        `the number column is a row counter (only ${agree} of ${compared} match the indicator names beside them); indicators are identified by name`,
      ),
    );
  } else if (s.numberUse.column === "indicator" && compared > 0) {
    parts.push(
      bi(
        `kolom nomor berisi nomor indikator ${f.data.shortName} (${agree} dari ${compared} cocok dengan namanya)`,
        `the number column holds ${f.data.shortName} indicator numbers (${agree} of ${compared} match their names)`,
      ),
    );
  }
  if (s.numberUse.label === "counter") {
    parts.push(
      bi(
        `nomor di depan nama adalah nomor urut (hanya ${lAgree} dari ${lCompared} cocok); indikator dikenali dari namanya`,
        `the numbers before the names are a running count (only ${lAgree} of ${lCompared} match); indicators are identified by name`,
      ),
    );
  } else if (s.numberUse.label === "indicator") {
    parts.push(
      bi(
        `nomor di dalam nama indikator dipakai sebagai nomor indikator (${lAgree} dari ${lCompared} cocok dengan namanya)`,
        `the number inside the indicator label is used as its number (${lAgree} of ${lCompared} match their names)`,
      ),
    );
  }
  if (parts.length === 0) return undefined;
  return { code: "numbering", message: bi(parts.map((p) => p.id).join("; "), parts.map((p) => p.en).join("; ")) };
}

/** How many different indicators a scan found, counting those its conflicts name when asked. */
export function distinctIndicators(s: RowScan, withConflicts: boolean): number {
  const ids = new Set<number>();
  for (const r of s.rows) ids.add(r.indicatorId);
  if (withConflicts) for (const c of s.conflicts) for (const id of c.candidates) ids.add(id);
  return ids.size;
}
