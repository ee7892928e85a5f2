/**
 * Finding the indicator table in a workbook the tool has never seen: which sheet,
 * which header row, which columns hold numbers, names, levels, weights and evidence,
 * and which framework the table follows. The rows are read in `indicatorRows`, the
 * level columns judged in `levelColumns`, the evidence weighed in `identification`.
 */
import { columnTitle } from "./format";
import { Bilingual, Framework } from "./framework";
import {
  CellValue,
  SheetGrid,
  WorkbookGrid,
  cellAt,
  colCount,
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
import {
  describeNumbers,
  distinctIndicators,
  HEADING,
  IndicatorConflict,
  IndicatorRow,
  RowScan,
  scanRows,
  splitLabel,
} from "./indicatorRows";

export type { IndicatorConflict, IndicatorRow } from "./indicatorRows";

export interface LevelColumn {
  col: number;
  letter: string;
  header: string;
  kind: AssessmentKind;
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

/** The column whose header is exactly a group's word ("Aspek", "Nama Domain"). */
function groupCol(h: HeaderCandidate, word: RegExp): number | undefined {
  return h.roles.find((r) => word.test(normalize(r.text)))?.col;
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
