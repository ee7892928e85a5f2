/**
 * Finding the indicator table in a workbook the tool has never seen: which sheet,
 * which header row, which columns hold numbers, names, levels, weights and evidence,
 * which rows are indicators, and which framework the table follows.
 */
import { columnTitle } from "./format";
import { Bilingual, Framework } from "./framework";
import {
  CellValue,
  SheetGrid,
  WorkbookGrid,
  cellAt,
  colCount,
  formulaAt,
  columnLetter,
  isCellError,
  isEmpty,
  rowCount,
  a1,
} from "./grid";
import { AssessmentKind, classifyHeader, classifyResultLabel, ColumnRole, normalize } from "./headers";
import { FrameworkMatcher, matcherFor } from "./matching";
import { bi, Note } from "./messages";
import { otherModelFit, OtherModel } from "./otherModels";
import { identificationReason, Identification, numbersOnlyObjection, positivelyIdentified } from "./identification";
import { judgeLevelColumn, NOT_FILLED } from "./levelColumns";

export interface LevelColumn {
  col: number;
  letter: string;
  header: string;
  kind: AssessmentKind;
}

export interface IndicatorRow {
  row: number;
  indicatorId: number;
  /** what identified it: the number column, the number inside the label, or the name */
  matchedBy: "number" | "label" | "name";
}

export interface ResultLabel {
  kind: "index" | "predicate";
  /** where the label text is */
  labelCell: string;
  /** cells to fill, each for one level column (letter) */
  targets: { row: number; col: number; levelColumn: string }[];
}

export interface TableLayout {
  sheet: string;
  sheetIndex: number;
  framework: Framework;
  frameworkReason: Bilingual;
  /** the evidence that the rows are the framework's indicators */
  identification: Identification;
  headerRow: number;
  headerRows: number;
  numberCol?: number;
  nameCol?: number;
  weightCol?: number;
  /** the template's own Aspek and Domain columns, checked against the regulation */
  aspectCol?: number;
  domainCol?: number;
  evidenceCol?: number;
  levelColumns: LevelColumn[];
  rows: IndicatorRow[];
  /** rows whose number and name point to different indicators the table cannot settle */
  conflicts: IndicatorConflict[];
  /** what the numbers in the number column and inside the labels turned out to be */
  numbering: RowScan["numberUse"];
  resultLabels: ResultLabel[];
  notes: Note[];
}

export interface LayoutOptions {
  sheet?: string;
  levelColumns?: number[];
  framework?: Framework;
  /** 0-based header row, when the person names it */
  headerRow?: number;
  /** models recognised only to say they are not scored */
  otherModels?: readonly OtherModel[];
  /** sheets the tool owns (results sheets); never searched for indicators */
  ownSheets?: Set<string>;
}

export interface LayoutResult {
  tables: TableLayout[];
  /** why nothing was found, per sheet, when nothing was */
  notes: Note[];
}

/** Rows of each sheet searched for a header row. */
export const HEADER_SCAN_ROWS = 40;
/**
 * Rows of a sheet other than the table's searched for result labels ("Indeks SPBE",
 * "Predikat"): a cover or summary sheet holds them near its top. The table's own sheet
 * is searched whole. Bounding the search is what lets a host read only what is needed.
 */
export const LABEL_SCAN_ROWS = 60;

interface HeaderCandidate {
  row: number;
  rows: number;
  roles: { col: number; role: ColumnRole; kind?: AssessmentKind; text: string }[];
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  return String(v);
}

/** Header text on one line: a line break typed with Alt+Enter is a space. */
function oneLine(t: string): string {
  return t === "" ? t : t.replace(/\s+/g, " ").trim();
}

/** Header words are short; a long text is a cell's content, whatever words it holds. */
function isHeaderLike(t: string): boolean {
  if (t.length > 50) return false;
  // At most seven words: at most six spaces (counted, as every row of the top of a sheet is asked).
  let spaces = 0;
  for (let i = t.indexOf(" "); i >= 0; i = t.indexOf(" ", i + 1)) if (++spaces > 6) return false;
  return true;
}

function headerTexts(sheet: SheetGrid, row: number, twoRows: boolean, width: number): string[] {
  const out: string[] = [];
  let carry = "";
  for (let c = 0; c < width; c++) {
    const top = oneLine(text(cellAt(sheet, row, c)));
    if (!twoRows) {
      out.push(top);
      continue;
    }
    const below = oneLine(text(cellAt(sheet, row + 1, c)));
    // A merged heading ("Tingkat Kematangan") spans the sub-headings written under it.
    if (top) carry = top;
    else if (!below) carry = "";
    out.push(top && below ? `${top} ${below}` : top || (below ? `${carry} ${below}`.trim() : ""));
  }
  return out;
}

function isTextRow(sheet: SheetGrid, row: number, width: number): boolean {
  let any = false;
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (isEmpty(v)) continue;
    if (typeof v !== "string" || /^\(?\d+\)?$/.test(v.trim())) return false;
    any = true;
  }
  return any;
}

/** A sub-heading row names at least one column on its own ("Mandiri", "Asesor", "Bobot"). */
function hasHeaderWord(sheet: SheetGrid, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === "string" && isHeaderLike(v) && classifyHeader(v).role !== "other") return true;
  }
  return false;
}

function candidate(sheet: SheetGrid, row: number, twoRows: boolean, width: number): HeaderCandidate | undefined {
  if (
    twoRows &&
    (!isTextRow(sheet, row, width) || !isTextRow(sheet, row + 1, width) || !hasHeaderWord(sheet, row + 1, width))
  )
    return undefined;
  const texts = headerTexts(sheet, row, twoRows, width);
  const roles = texts.map((t, col) => ({
    col,
    text: t,
    ...(isHeaderLike(t) ? classifyHeader(t) : { role: "other" as const }),
  }));
  const levels = roles.filter((r) => r.role === "level").length;
  const ids = roles.filter((r) => r.role === "number" || r.role === "name").length;
  if (ids === 0) return undefined;
  if (twoRows && levels === 0) return undefined;
  return { row, rows: twoRows ? 2 : 1, roles };
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
type NumberUse = "indicator" | "counter";

export interface IndicatorConflict {
  row: number;
  cell: string;
  /** the indicators the row's number and its name point to */
  candidates: number[];
}

interface RowScan {
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

const HEADING = /^\s*(domain|aspek|aspect)\b/i;
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
  h: HeaderCandidate,
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

function scanRows(
  sheet: SheetGrid,
  h: HeaderCandidate,
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

function findResultLabels(
  grid: WorkbookGrid,
  table: Omit<TableLayout, "resultLabels">,
  ownSheets: Set<string> | undefined,
): ResultLabel[] {
  const out: ResultLabel[] = [];
  const lastRow = table.rows.reduce((m, r) => Math.max(m, r.row), table.headerRow);
  for (const sheet of grid.sheets) {
    if (ownSheets?.has(sheet.name)) continue;
    const onTableSheet = sheet.name === table.sheet;
    const n = onTableSheet ? rowCount(sheet) : Math.min(rowCount(sheet), LABEL_SCAN_ROWS);
    for (let r = 0; r < n; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || !/ndeks|ndex|redika/i.test(v)) continue;
        const kind = classifyResultLabel(v);
        if (!kind) continue;
        if (onTableSheet && r > lastRow && table.levelColumns.every((l) => l.col > c)) {
          // A footer row of the table: one result under each level column.
          out.push({
            kind,
            labelCell: a1(r, c),
            targets: table.levelColumns.map((l) => ({ row: r, col: l.col, levelColumn: l.letter })),
          });
        } else if (!(onTableSheet && r >= table.headerRow && r <= lastRow)) {
          // A label elsewhere (a cover sheet): the cell to its right, for the final assessment.
          const last = table.levelColumns[table.levelColumns.length - 1];
          if (last)
            out.push({
              kind,
              labelCell: `${sheet.name}!${a1(r, c)}`,
              targets: [{ row: r, col: c + 1, levelColumn: last.letter }],
            });
        }
      }
    }
  }
  return out.map((l) => ({
    ...l,
    labelCell: l.labelCell.includes("!") ? l.labelCell : `${table.sheet}!${l.labelCell}`,
  }));
}

interface Scored {
  layout: Omit<TableLayout, "resultLabels">;
  score: number;
}

interface Reading {
  h: HeaderCandidate;
  m: FrameworkMatcher;
  numberCol?: number;
  nameCol?: number;
  scan: RowScan;
}

function describeNumbers(s: RowScan, f: Framework): Note | undefined {
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

/** The column whose header is exactly a group's word ("Aspek", "Nama Domain"). */
function groupCol(h: HeaderCandidate, word: RegExp): number | undefined {
  return h.roles.find((r) => word.test(normalize(r.text)))?.col;
}

/** How many different indicators a scan found, counting those its conflicts name when asked. */
function distinctIndicators(s: RowScan, withConflicts: boolean): number {
  const ids = new Set<number>();
  for (const r of s.rows) ids.add(r.indicatorId);
  if (withConflicts) for (const c of s.conflicts) for (const id of c.candidates) ids.add(id);
  return ids.size;
}

/** The rows tried as a header: the one the person names, else the first rows of the sheet. */
function headerCandidates(sheet: SheetGrid, opts: LayoutOptions, width: number): HeaderCandidate[] {
  const scan = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
  const candidates: HeaderCandidate[] = [];
  const rowsToTry = opts.headerRow !== undefined ? [opts.headerRow] : Array.from({ length: scan }, (_, r) => r);
  for (const r of rowsToTry) {
    const one = candidate(sheet, r, false, width);
    if (one) candidates.push(one);
    const two = candidate(sheet, r, true, width);
    if (two) candidates.push(two);
  }
  return candidates;
}

/** A header is read further (its rows scanned) when it proposes a level column or the person chose them. */
function readsOn(h: HeaderCandidate, opts: LayoutOptions): boolean {
  return h.roles.some((r) => r.role === "level") || !!opts.levelColumns?.length;
}

/** The sheets the table search looks at, with their index in the workbook. */
function searchedSheets(grid: WorkbookGrid, opts: LayoutOptions): { s: SheetGrid; i: number }[] {
  return grid.sheets
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (opts.sheet ? s.name === opts.sheet : !opts.ownSheets?.has(s.name)));
}

/**
 * The rows of every sheet a reading looks at first, whatever the sheet holds: those
 * searched for a header (and the row under it) and for result labels.
 */
export function headerBandRows(opts: LayoutOptions): number {
  return Math.max(HEADER_SCAN_ROWS + 1, LABEL_SCAN_ROWS, opts.headerRow !== undefined ? opts.headerRow + 2 : 0);
}

/** Indexes of the sheets whose rows below the header band the table search reads, judged from the header band alone. */
export function sheetsReadWhole(band: WorkbookGrid, opts: LayoutOptions): number[] {
  return searchedSheets(band, opts)
    .filter(({ s }) => headerCandidates(s, opts, colCount(s)).some((h) => readsOn(h, opts)))
    .map(({ i }) => i);
}

function analyseSheet(
  grid: WorkbookGrid,
  sheetIndex: number,
  frameworks: readonly Framework[],
  opts: LayoutOptions,
): { best?: Scored; why?: Bilingual; code?: string } {
  const sheet = grid.sheets[sheetIndex];
  const width = colCount(sheet);
  const scan = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
  const candidates = headerCandidates(sheet, opts, width);
  if (candidates.length === 0) {
    if (opts.headerRow !== undefined) {
      const n = opts.headerRow + 1;
      return {
        why: bi(
          `baris ${n} tidak berisi judul kolom "No" atau "Indikator"`,
          `row ${n} holds no "No" or "Indicator" column header`,
        ),
      };
    }
    return {
      why: bi(
        `tidak ada baris judul kolom dengan "No"/"Indikator" dan kolom nilai di ${scan} baris pertama`,
        `no header row with "No"/"Indicator" and a level column in the first ${scan} rows`,
      ),
    };
  }
  const matchers = frameworks.map(matcherFor);
  const readings: Reading[] = [];
  const seen = new Set<string>();
  for (const h of candidates) {
    const numberCol = h.roles.find((r) => r.role === "number")?.col;
    const nameCol = h.roles.find((r) => r.role === "name")?.col;
    const proposed = h.roles.filter((r) => r.role === "level").map((r) => r.col);
    if (!readsOn(h, opts)) continue;
    // Two readings of the header that give the same columns and the same data rows read alike.
    const signature = [h.row + h.rows, numberCol, nameCol, ...proposed].join(",");
    if (seen.has(signature)) continue;
    seen.add(signature);
    for (const m of matchers)
      readings.push({ h, m, numberCol, nameCol, scan: scanRows(sheet, h, numberCol, nameCol, m, width) });
  }
  // A header is above the indicator rows, never among them.
  // Only candidate header rows are ever asked about.
  const headerRows = new Set(candidates.map((h) => h.row));
  const indicatorRows = new Map<number, number>();
  for (const r of readings) {
    for (const row of r.scan.rows)
      if (headerRows.has(row.row))
        indicatorRows.set(row.row, Math.min(indicatorRows.get(row.row) ?? Infinity, r.h.row));
  }
  const inside = (h: HeaderCandidate) => (indicatorRows.get(h.row) ?? Infinity) < h.row;

  let best: Scored | undefined;
  // Why numbers alone could not identify a reading, kept with how many indicators it found.
  const objections: { why: Bilingual; found: number }[] = [];
  for (const { h, m, numberCol, nameCol, scan: s } of readings) {
    if (opts.headerRow === undefined && inside(h)) continue;
    const f = m.framework;
    const need = Math.max(3, Math.ceil(f.indicators.length / 4));
    const distinctIds = distinctIndicators(s, true);
    if (distinctIds < need) continue;
    if (opts.framework && opts.framework !== f) continue;
    // Level columns: proposed by the header, confirmed by the values.
    const considered: { col: number; text: string; taken: boolean; why: Bilingual }[] = [];
    let levelCols: number[];
    if (opts.levelColumns && opts.levelColumns.length > 0) {
      levelCols = opts.levelColumns;
      for (const col of levelCols)
        considered.push({
          col,
          text: h.roles.find((r) => r.col === col)?.text ?? "",
          taken: true,
          why: bi("dipilih oleh pengguna", "chosen by the user"),
        });
    } else {
      const judged = h.roles
        .filter((r) => r.role === "level")
        .map((r) => ({ r, j: judgeLevelColumn(sheet, f, r.col, r.kind, s.rows) }));
      const anyLevels = judged.some(({ j }) => j.taken);
      levelCols = [];
      for (const { r, j } of judged) {
        // With no better column, a column under a level header is read anyway and its cells reported.
        const taken = j.taken || (!anyLevels && j.fallback);
        if (taken) levelCols.push(r.col);
        considered.push({ col: r.col, text: r.text, taken, why: j.why });
      }
    }
    if (levelCols.length === 0) continue;
    // Ties go to the reading that finds more level columns (a two-row header's sub-headings).
    // Columns chosen by the user count only where this header reads them as level columns,
    // so a chosen column keeps the title a two-row header gives it.
    const headed = opts.levelColumns?.length
      ? levelCols.filter((c) => h.roles.some((r) => r.col === c && r.role === "level")).length
      : levelCols.length;
    let score = s.confident * 3 + s.distinctive * 3 + distinctIds + headed / 10;
    const evidence: Identification = {
      basis: s.confident >= s.coded ? "names" : "codes",
      names: s.confident,
      codes: s.coded,
      numbers: s.rows.length - s.evidenced,
      indicators: distinctIds,
    };
    // A framework the person chose says which regulation, not that a list is an assessment.
    if (positivelyIdentified(s.evidenced, f)) {
      if (opts.framework) evidence.basis = "user";
    } else {
      // Numbers alone: only where nothing in the rows speaks against them, and we say so.
      const objection = numbersOnlyObjection(
        sheet,
        f,
        h.row + h.rows,
        numberCol,
        levelCols,
        s.rows,
        distinctIds,
        !!opts.framework,
      );
      if (objection) {
        objections.push({ why: objection, found: distinctIds });
        continue;
      }
      evidence.basis = "numbers";
      score = distinctIds + headed / 10;
    }
    const reason = identificationReason(evidence, f);
    const roleCol = (role: ColumnRole) => h.roles.find((r) => r.role === role)?.col;
    const levelColumns: LevelColumn[] = levelCols.map((col) => {
      const role = h.roles.find((r) => r.col === col);
      return { col, letter: columnLetter(col), header: role?.text || columnLetter(col), kind: role?.kind ?? "level" };
    });
    const notes: Note[] = [];
    const numbering = describeNumbers(s, f);
    if (numbering) notes.push(numbering);
    if (considered.length > 0 && (considered.some((c) => !c.taken) || considered.some((c) => c.why === NOT_FILLED))) {
      const list = (lang: "id" | "en") =>
        considered
          .map(
            (c) =>
              `${columnTitle({ letter: columnLetter(c.col), header: c.text })} ${lang === "id" ? (c.taken ? "dipakai" : "ditinggal") : c.taken ? "taken" : "left"}: ${c.why[lang]}`,
          )
          .join("; ");
      notes.push({
        code: "level-columns",
        message: bi(`kolom nilai yang dipertimbangkan: ${list("id")}`, `level columns considered: ${list("en")}`),
      });
    }
    const layout = {
      sheet: sheet.name,
      sheetIndex,
      framework: f,
      frameworkReason: reason,
      identification: evidence,
      headerRow: h.row,
      headerRows: h.rows,
      numberCol,
      nameCol,
      weightCol: roleCol("weight"),
      aspectCol: groupCol(h, /^(nama )?(aspek|aspect)$/),
      domainCol: groupCol(h, /^(nama )?domain$/),
      evidenceCol: roleCol("evidence"),
      levelColumns,
      rows: s.rows,
      conflicts: s.conflicts,
      numbering: s.numberUse,
      notes,
    };
    if (!best || score > best.score) best = { layout, score };
  }
  // A table of a model the tool does not score is named as such, not scored against one it fits badly.
  if (opts.otherModels?.length && !opts.framework) {
    const first = readings.find((r) => r.nameCol !== undefined && !inside(r.h));
    const nameCol = best ? best.layout.nameCol : first?.nameCol;
    const from = best ? best.layout.headerRow + best.layout.headerRows : first ? first.h.row + first.h.rows : 0;
    if (nameCol !== undefined) {
      const names: string[] = [];
      for (let r = from; r < rowCount(sheet); r++) {
        const t = splitLabel(text(cellAt(sheet, r, nameCol)).trim()).name;
        if (t && !HEADING.test(t)) names.push(t);
      }
      const fit = otherModelFit(names, opts.otherModels, frameworks);
      if (fit) {
        const mdl = fit.model;
        return {
          code: "other-model",
          why: bi(
            `tampaknya ${mdl.shortName} (${mdl.indicatorCount} indikator; ${fit.rows} nama cocok), yang tidak dinilai alat ini`,
            `looks like ${mdl.shortName} (${mdl.indicatorCount} indicators; ${fit.rows} names match), which this tool does not score`,
          ),
        };
      }
    }
  }
  if (!best && objections.length > 0) {
    // The reading that found the most indicators is the one a person would take it for.
    const closest = objections.reduce((a, b) => (b.found > a.found ? b : a));
    return { code: "not-an-assessment", why: closest.why };
  }
  if (!best) {
    return {
      why: bi(
        "ada judul kolom, tetapi baris di bawahnya tidak cocok dengan indikator kerangka mana pun",
        "headers found, but the rows below match no framework's indicators",
      ),
    };
  }
  return { best };
}

export function findTables(
  grid: WorkbookGrid,
  frameworks: readonly Framework[],
  opts: LayoutOptions = {},
): LayoutResult {
  const notes: Note[] = [];
  const found: Scored[] = [];
  const candidates = searchedSheets(grid, opts);
  if (opts.sheet && candidates.length === 0) {
    notes.push({
      code: "sheet-not-found",
      message: bi(
        `lembar "${opts.sheet}" tidak ada di buku kerja`,
        `there is no sheet named "${opts.sheet}" in the workbook`,
      ),
    });
    return { tables: [], notes };
  }
  for (const { i, s } of candidates) {
    const r = analyseSheet(grid, i, frameworks, opts);
    if (r.best) found.push(r.best);
    else if (r.why)
      notes.push({
        code: r.code ?? "sheet-skipped",
        message: bi(`lembar "${s.name}": ${r.why.id}`, `sheet "${s.name}": ${r.why.en}`),
      });
  }
  const tables: TableLayout[] = found.map(({ layout }) => {
    const t = { ...layout, resultLabels: [] as ResultLabel[] };
    t.resultLabels = findResultLabels(grid, t, opts.ownSheets);
    const cols = t.levelColumns.map(columnTitle).join(", ");
    t.notes.push({
      code: "table-found",
      message: bi(
        `lembar "${t.sheet}", baris judul ${t.headerRow + 1}, ${t.rows.length} baris indikator, kolom nilai ${cols}; kerangka ${t.framework.data.shortName}: ${t.frameworkReason.id}`,
        `sheet "${t.sheet}", header row ${t.headerRow + 1}, ${t.rows.length} indicator rows, level columns ${cols}; framework ${t.framework.data.shortName}: ${t.frameworkReason.en}`,
      ),
    });
    const counted = t.numbering.column === "counter" || t.numbering.label === "counter";
    if (!counted && t.rows.some((r) => r.matchedBy === "name")) {
      t.notes.push({
        code: "matched-by-name",
        message: bi(
          "indikator tanpa nomor dikenali dari namanya",
          "indicators without a number were recognised by name",
        ),
      });
    }
    return t;
  });
  if (tables.length > 1) {
    notes.push({
      code: "several-tables",
      message: bi(
        `${tables.length} tabel indikator ditemukan (${tables.map((t) => t.sheet).join(", ")}); semuanya dinilai`,
        `${tables.length} indicator tables found (${tables.map((t) => t.sheet).join(", ")}); all are scored`,
      ),
    });
  }
  return { tables, notes };
}
