/**
 * The write plan: every cell, formula, validation rule, conditional format and name the
 * tool wants in the workbook, and nothing it does not own. The Office.js host and the
 * command line's file writer apply it verbatim, so the add-in and the command line
 * produce the same workbook.
 *
 * The results sheet mirrors each level cell through a checking formula and computes
 * every index in integer units (weights × 10^k, values × 10^k), so Excel and LibreOffice
 * round exactly as the core does, ties included.
 */
import { Analysis, TableAnalysis } from "./analyze";
import { Bilingual, Framework, predicateLabel } from "./framework";
import {
  a1,
  cellAt,
  CellValue,
  columnAreas,
  columnLetter,
  formulaAt,
  isEmpty,
  parseA1,
  sheetRef,
  WorkbookGrid,
} from "./grid";
import { columnTitle, hundredthsNumber } from "./format";
import {
  FormulaScales,
  formulaScales,
  GroupBlock,
  groupIndexFormula,
  levelMirrorFormula,
  lowLevelFormula,
  MirrorValue,
  mirrorOf,
  notALevelFormula,
  predicateFormula,
  validCountFormula,
  weightUnits,
} from "./formulas";
import { bi, both } from "./messages";
import { emptyWritePlan } from "./planBasics";
import { describeCell, isOurLink, leftCellMessage } from "./planCheck";
import { Rational } from "./rational";
import { GroupScore } from "./scoring";
import { isResultsSheet, MARKER, SETTINGS_LABELS, SETTINGS_ROWS } from "./settings";
import { pickSheetName, sameSheetName } from "./sheetName";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  fill?: string; // "#RRGGBB"
  fontColor?: string;
  align?: "left" | "right" | "center";
  wrap?: boolean;
}

export interface PlannedCell {
  sheet: string;
  address: string;
  value?: string | number;
  formula?: string; // with leading "="
  /** the core's value of the formula, cached for readers that do not recalculate */
  result?: string | number;
  style?: CellStyle;
}

export interface PlannedValidation {
  sheet: string;
  ranges: string[];
  type: "whole" | "decimal";
  min: number;
  max: number;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

export interface PlannedConditionalFormat {
  sheet: string;
  ranges: string[];
  /** relative to the top-left cell of the first range; no leading "=" */
  formula: string;
  fill: string;
  fontColor: string;
  purpose: "low" | "invalid";
}

export interface PlannedName {
  name: string;
  reference: string; // 'Indeks SPBE'!$B$6
}

/** A native chart on the results sheet, fed by its live formulas (a writer without charts skips it). */
export interface PlannedChart {
  sheet: string;
  /** identifies the chart so a second apply replaces it */
  name: string;
  title: string;
  type: "barClustered" | "radar";
  /** category labels, e.g. "B14:B17" on `sheet` */
  categories: string;
  series: { name: string; values: string }[];
  /** top-left cell the chart is placed at, and its size in points */
  anchor: string;
  width: number;
  height: number;
}

/** How the results sheet prints: on paper the assessor's report is this sheet. */
export interface PlannedPrintSetup {
  sheet: string;
  orientation: "landscape" | "portrait";
  /** pages across; pages down is left free */
  fitToWidth: number;
  /** rows repeated at the top of every page, e.g. "$8:$8" */
  titleRows: string;
}

export interface SkippedCell {
  sheet: string;
  cell: string;
  message: Bilingual;
}

export interface WritePlan {
  /** sheets to create when missing, in order */
  sheets: string[];
  cells: PlannedCell[];
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  names: PlannedName[];
  columnWidths: { sheet: string; column: string; width: number }[];
  charts: PlannedChart[];
  printSetups: PlannedPrintSetup[];
  /** labelled template cells left alone because a person wrote in them */
  skipped: SkippedCell[];
}

export interface TablePlacement {
  resultsSheet: string;
  /** row (1-based) of the index, predicate and count rows; column of each assessment */
  indexRow: number;
  predicateRow: number;
  assessmentColumns: string[];
}

const FIRST_ASSESSMENT_COL = 3; // D
const MAX_LIVE_REPEATS = 8;

const FILL_LOW = "#FFE699";
const FONT_LOW = "#7F6000";
const FILL_BAD = "#F8CBAD";
const FONT_BAD = "#9C0006";
const FILL_HEAD = "#D9E1F2";

export function namePrefix(f: Framework, tableNo: number): string {
  const base = f.title.replace(/[^A-Za-z0-9]/g, "");
  return tableNo === 0 ? base : `${base}${tableNo + 1}`;
}

/** " (hasil)", " (hasil 2)", … after the framework's title when a sheet of that name is a person's own. */
const resultsSuffix = (n: number) => (n === 0 ? "" : n === 1 ? " (hasil)" : ` (hasil ${n})`);

function resultsSheetName(grid: WorkbookGrid, t: TableAnalysis, tableNo: number, taken: Set<string>): string {
  const own = grid.sheets.find((s) => isResultsSheet(s) && cellAt(s, SETTINGS_ROWS.sheet, 1) === t.layout.sheet);
  if (own) return own.name;
  const base = tableNo === 0 ? t.framework.title : `${t.framework.title} ${tableNo + 1}`;
  return pickSheetName(base, resultsSuffix, (name) => {
    if ([...taken].some((x) => sameSheetName(x, name))) return false;
    const exists = grid.sheets.find((s) => sameSheetName(s.name, name));
    return !exists || isResultsSheet(exists);
  });
}

function scoreResult(g: GroupScore): string | number {
  return g.units === null ? "–" : hundredthsNumber(g.units);
}

/** Where a results sheet puts each block (0-based rows), the same for every table of a framework. */
interface ResultsRows {
  /** the summary's header row, then the index, predicate and count rows */
  head: number;
  index: number;
  predicate: number;
  count: number;
  /** first domain row (its title is the row above); -1 for a framework without domains */
  domain0: number;
  aspect0: number;
  /** the indicator block's header row; each indicator's row below it */
  indicatorHead: number;
  indicatorRow: Map<number, number>;
}

/**
 * The blocks below a sheet's headline, from a row on: a titled block of domains (none
 * without domains), a titled block of aspects, then the indicators' header and one row
 * per indicator — as the results sheet and the plan sheet both lay them out.
 */
export function groupBlocks(
  f: Framework,
  start: number,
): Pick<ResultsRows, "domain0" | "aspect0" | "indicatorHead" | "indicatorRow"> {
  let row = start;
  const domain0 = f.domains.length ? row + 1 : -1;
  if (f.domains.length) row += 1 + f.domains.length + 1;
  const aspect0 = row + 1;
  row += 1 + f.aspects.length + 1;
  const indicatorHead = row;
  return {
    domain0,
    aspect0,
    indicatorHead,
    indicatorRow: new Map(f.indicators.map((ind, k) => [ind.id, indicatorHead + 1 + k])),
  };
}

function resultsRows(f: Framework): ResultsRows {
  return { head: 7, index: 8, predicate: 9, count: 10, ...groupBlocks(f, 12) };
}

/** One table's results sheet as it is planned: where its blocks sit and how a cell is added. */
interface ResultsSheet {
  t: TableAnalysis;
  f: Framework;
  name: string;
  /** prefix of the workbook names this table owns ("SPBE2020_Ambang") */
  prefix: string;
  rows: ResultsRows;
  scales: FormulaScales;
  plan: WritePlan;
  put(row: number, col: number, c: Omit<PlannedCell, "sheet" | "address">): void;
  label(row: number, col: number, text: string, style?: CellStyle): void;
}

/** Column (0-based) of the k-th assessment on the results sheet, and its letter. */
const assessmentCol = (k: number) => FIRST_ASSESSMENT_COL + k;
const assessmentLetter = (k: number) => columnLetter(assessmentCol(k));

const HEAD = { bold: true, fill: FILL_HEAD } as const;
const COLUMN_HEAD = { bold: true, fill: FILL_HEAD, wrap: true, align: "right" } as const;

function resultsSheet(t: TableAnalysis, tableNo: number, name: string, plan: WritePlan): ResultsSheet {
  const put = (row: number, col: number, c: Omit<PlannedCell, "sheet" | "address">) =>
    plan.cells.push({ sheet: name, address: a1(row, col), ...c });
  return {
    t,
    f: t.framework,
    name,
    prefix: namePrefix(t.framework, tableNo),
    rows: resultsRows(t.framework),
    scales: formulaScales(t.framework),
    plan,
    put,
    label: (row, col, text, style) => put(row, col, { value: text, style }),
  };
}

/** The group formulas' view of some indicators: their rows on the results sheet and their weight. */
function groupBlock(s: ResultsSheet, column: string, ids: readonly number[]): GroupBlock {
  const rows = ids.map((id) => s.rows.indicatorRow.get(id)! + 1);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  return {
    levels: `${column}${first}:${column}${last}`,
    weights: `$C$${first}:$C$${last}`,
    count: ids.length,
    weightUnits: weightUnits(
      ids.map((id) => s.f.byId.get(id)!.weight),
      s.scales,
    ),
  };
}

/** Title, the regulation, and the settings block the tool reads back next time; the threshold gets a name. */
function planSettings(s: ResultsSheet): void {
  const { f, t, put, label } = s;
  label(0, 0, `${f.title} — dihitung otomatis oleh ${MARKER} / computed automatically by ${MARKER}`, { bold: true });
  label(1, 0, f.data.regulation.split(" (")[0] + (f.data.statusNote ? ` — ${both(f.data.statusNote)}` : ""), {
    italic: true,
  });
  label(SETTINGS_ROWS.sheet, 0, SETTINGS_LABELS.sheet);
  put(SETTINGS_ROWS.sheet, 1, { value: t.layout.sheet });
  label(SETTINGS_ROWS.levelColumns, 0, SETTINGS_LABELS.levelColumns);
  put(SETTINGS_ROWS.levelColumns, 1, { value: t.layout.levelColumns.map((c) => c.letter).join(",") });
  label(SETTINGS_ROWS.framework, 0, SETTINGS_LABELS.framework);
  put(SETTINGS_ROWS.framework, 1, { value: f.id });
  label(SETTINGS_ROWS.threshold, 0, SETTINGS_LABELS.threshold);
  put(SETTINGS_ROWS.threshold, 1, { value: t.threshold, style: { fill: FILL_LOW } });
  label(SETTINGS_ROWS.target, 0, SETTINGS_LABELS.target);
  if (t.target !== undefined) put(SETTINGS_ROWS.target, 1, { value: t.target, style: { numberFormat: "0.00" } });
  s.plan.names.push({ name: `${s.prefix}_Ambang`, reference: `${sheetRef(s.name)}$B$${SETTINGS_ROWS.threshold + 1}` });
}

/**
 * The checked mirror of one indicator's level cell of a table (`cell` on its sheet): the formula that
 * shows the level, "" or ✗, and what it shows now. A handful of repeated rows of the same
 * indicator is compared live; a table listing one indicator dozens of times (not an
 * assessment) would give formulas longer than Excel accepts.
 */
export function levelMirrorCell(
  grid: WorkbookGrid,
  t: TableAnalysis,
  indicator: number,
  cell: string,
): { formula: string; result: MirrorValue; value: CellValue; repeats: CellValue[] } {
  const f = t.framework;
  const src = sheetRef(t.layout.sheet);
  const srcSheet = grid.sheets[t.layout.sheetIndex];
  const rc = parseA1(cell)!;
  const others = t.layout.rows.filter((x) => x.indicatorId === indicator && x.row !== rc.row).map((x) => x.row);
  const repeats = others.length <= MAX_LIVE_REPEATS ? others : [];
  const value = cellAt(srcSheet, rc.row, rc.col);
  const repeated = repeats.map((row) => cellAt(srcSheet, row, rc.col));
  return {
    formula: levelMirrorFormula(
      f,
      `${src}${cell}`,
      repeats.map((row) => `${src}${a1(row, rc.col)}`),
    ),
    result: mirrorOf(f, value, repeated),
    value,
    repeats: repeated,
  };
}

/** The data validation that admits exactly the framework's levels, with its prompt and alert in both languages. */
export function levelValidation(f: Framework, sheet: string, ranges: string[]): PlannedValidation {
  const lvlRange = `${f.data.levels.min}–${f.data.levels.max}`;
  return {
    sheet,
    ranges,
    type: f.integerOnly ? "whole" : "decimal",
    min: f.data.levels.min,
    max: f.data.levels.max,
    // A validation prompt is one text in the workbook: both languages, joined.
    inputTitle: both(f.integerOnly ? bi("Level", "Level") : bi("Nilai", "Value")),
    inputMessage: both(
      f.integerOnly
        ? bi(`Isi bilangan bulat ${lvlRange}.`, `Enter a whole number ${lvlRange}.`)
        : bi(`Isi angka ${lvlRange}, boleh desimal.`, `Enter a number ${lvlRange}; decimals allowed.`),
    ),
    errorTitle: both(bi("Nilai tidak sah", "Invalid value")),
    errorMessage: both(
      f.integerOnly
        ? bi(`${f.title}: level harus bilangan bulat ${lvlRange}.`, `Levels must be whole numbers ${lvlRange}.`)
        : bi(`${f.title}: nilai harus angka ${lvlRange}.`, `Values must be numbers ${lvlRange}.`),
    ),
  };
}

/** The indicator block: one checked mirror of each level cell. Returns, per assessment, how many mirrors show a level. */
function planIndicators(grid: WorkbookGrid, s: ResultsSheet): number[] {
  const { f, t, put, label } = s;
  const head = s.rows.indicatorHead;
  label(head, 0, "No", HEAD);
  label(head, 1, "Indikator / Indicator", HEAD);
  label(head, 2, "Bobot / Weight", HEAD);
  for (const ind of f.indicators) {
    const r = s.rows.indicatorRow.get(ind.id)!;
    label(r, 0, ind.code);
    label(r, 1, ind.name);
    put(r, 2, { value: ind.weightNumber });
  }
  return t.assessments.map((a, k) => {
    const col = assessmentCol(k);
    let valid = 0;
    label(head, col, columnTitle(a.column), COLUMN_HEAD);
    for (const ind of f.indicators) {
      const r = s.rows.indicatorRow.get(ind.id)!;
      const cell = a.cells.get(ind.id);
      if (!cell) {
        put(r, col, { value: "✗", style: { fontColor: FONT_BAD, align: "right" } });
        continue;
      }
      const { formula, result } = levelMirrorCell(grid, t, ind.id, cell);
      if (typeof result === "number") valid++;
      // A number format of its own: otherwise LibreOffice shows a date-formatted level as a date here too.
      put(r, col, { formula, result, style: { align: "right", numberFormat: f.integerOnly ? "0" : "0.00" } });
    }
    return valid;
  });
}

/** The summary: each assessment's index, predicate and count of levels, where other cells link to them. */
function planSummary(s: ResultsSheet, validCounts: number[]): TablePlacement {
  const { f, t, put, label, rows } = s;
  label(rows.head, 0, "Ringkasan / Summary", HEAD);
  label(rows.head, 1, "", { fill: FILL_HEAD });
  label(rows.head, 2, "Bobot / Weight", HEAD);
  label(rows.index, 0, "Indeks / Index", { bold: true });
  label(rows.index, 1, f.title);
  put(rows.index, 2, { value: 100 });
  label(rows.predicate, 0, "Predikat / Predicate", { bold: true });
  label(rows.count, 0, "Nilai sah / Valid values");
  const ids = f.indicators.map((i) => i.id);
  const placement: TablePlacement = {
    resultsSheet: s.name,
    indexRow: rows.index + 1,
    predicateRow: rows.predicate + 1,
    assessmentColumns: [],
  };
  t.assessments.forEach((a, k) => {
    const col = assessmentCol(k);
    const L = assessmentLetter(k);
    const all = groupBlock(s, L, ids);
    placement.assessmentColumns.push(L);
    label(rows.head, col, columnTitle(a.column), COLUMN_HEAD);
    put(rows.index, col, {
      formula: groupIndexFormula(all, s.scales),
      result: scoreResult(a.scores.total),
      style: { bold: true, numberFormat: "0.00" },
    });
    put(rows.predicate, col, {
      formula: predicateFormula(f, `${L}${rows.index + 1}`),
      result: a.scores.predicate ? predicateLabel(a.scores.predicate) : "–",
      style: { align: "right" },
    });
    put(rows.count, col, {
      formula: validCountFormula(all.levels, all.count),
      result: `${validCounts[k]}/${all.count}`,
      style: { align: "right" },
    });
  });
  return placement;
}

/** The domain and aspect blocks: each group's index per assessment. */
function planGroups(s: ResultsSheet): void {
  const { f, t, put, label } = s;
  const groupRows = (
    title: string,
    r0: number,
    groups: { g: { id: number; name: string; weight: Rational; indicatorIds: number[] }; scores: GroupScore[] }[],
    prefixWord: string,
  ) => {
    label(r0 - 1, 0, title, HEAD);
    label(r0 - 1, 1, "", { fill: FILL_HEAD });
    label(r0 - 1, 2, "", { fill: FILL_HEAD });
    groups.forEach(({ g, scores }, k) => {
      const r = r0 + k;
      label(r, 0, `${prefixWord} ${g.id}`);
      label(r, 1, g.name);
      put(r, 2, { value: Number(g.weight.num) / Number(g.weight.den) });
      t.assessments.forEach((_, j) => {
        const formula = groupIndexFormula(groupBlock(s, assessmentLetter(j), g.indicatorIds), s.scales);
        put(r, assessmentCol(j), { formula, result: scoreResult(scores[j]), style: { numberFormat: "0.00" } });
      });
    });
  };
  if (f.domains.length) {
    groupRows(
      "Domain",
      s.rows.domain0,
      f.domains.map((g, k) => ({ g, scores: t.assessments.map((a) => a.scores.domains[k]) })),
      "Domain",
    );
  }
  groupRows(
    "Aspek / Aspect",
    s.rows.aspect0,
    f.aspects.map((g, k) => ({ g, scores: t.assessments.map((a) => a.scores.aspects[k]) })),
    "Aspek",
  );
}

/** Bar charts of the domain and aspect indices, right of the table. */
function planCharts(s: ResultsSheet): void {
  const { f, t, rows } = s;
  const chartCol = columnLetter(assessmentCol(t.assessments.length) + 1);
  const chart = (name: string, title: string, row0: number, count: number, anchorRow: number, height: number) =>
    s.plan.charts.push({
      sheet: s.name,
      name: `${s.prefix}_${name}`,
      title,
      type: "barClustered",
      categories: `B${row0 + 1}:B${row0 + count}`,
      series: t.assessments.map((a, k) => ({
        name: columnTitle(a.column),
        values: `${assessmentLetter(k)}${row0 + 1}:${assessmentLetter(k)}${row0 + count}`,
      })),
      anchor: `${chartCol}${anchorRow}`,
      width: 420,
      height,
    });
  if (f.domains.length)
    chart("Domain", "Indeks domain / Domain index", rows.domain0, f.domains.length, rows.head + 1, 220);
  chart("Aspek", "Indeks aspek / Aspect index", rows.aspect0, f.aspects.length, rows.aspect0, 300);
}

/** Printing and column widths of the results sheet. */
function planPage(s: ResultsSheet): void {
  const S = s.name;
  s.plan.printSetups.push({
    sheet: S,
    orientation: "landscape",
    fitToWidth: 1,
    titleRows: `$${s.rows.head + 1}:$${s.rows.head + 1}`,
  });
  // Column A holds the settings labels and C the heading "Bobot / Weight": both print whole.
  const labels = Math.max(...Object.values(SETTINGS_LABELS).map((l) => l.length));
  s.plan.columnWidths.push(
    { sheet: S, column: "A", width: Math.max(22, labels + 2) },
    { sheet: S, column: "B", width: 58 },
    { sheet: S, column: "C", width: 15 },
  );
  for (let k = 0; k < s.t.assessments.length; k++)
    s.plan.columnWidths.push({ sheet: S, column: assessmentLetter(k), width: 22 });
}

/** On the assessor's own sheet: validation and highlights on the level cells only. */
function planLevelCells(s: ResultsSheet): void {
  const { f, t, plan } = s;
  const rows = t.layout.rows.map((r) => r.row);
  for (const c of t.layout.levelColumns) {
    const ranges = columnAreas(c.col, rows);
    if (ranges.length === 0) continue;
    const top = ranges[0].split(":")[0];
    plan.validations.push(levelValidation(f, t.layout.sheet, ranges));
    plan.conditionalFormats.push({
      sheet: t.layout.sheet,
      ranges,
      formula: notALevelFormula(f, top),
      fill: FILL_BAD,
      fontColor: FONT_BAD,
      purpose: "invalid",
    });
    plan.conditionalFormats.push({
      sheet: t.layout.sheet,
      ranges,
      formula: lowLevelFormula(f, top, `${s.prefix}_Ambang`),
      fill: FILL_LOW,
      fontColor: FONT_LOW,
      purpose: "low",
    });
  }
}

/** Everything one table owns: its results sheet, and validation and highlights on its level cells. */
function planTable(
  grid: WorkbookGrid,
  t: TableAnalysis,
  tableNo: number,
  resultsSheetName: string,
  plan: WritePlan,
): TablePlacement {
  const s = resultsSheet(t, tableNo, resultsSheetName, plan);
  planSettings(s);
  const validCounts = planIndicators(grid, s);
  const placement = planSummary(s, validCounts);
  planGroups(s);
  planCharts(s);
  planPage(s);
  planLevelCells(s);
  return placement;
}

/** The template's own labelled result cells ("Indeks SPBE" → the cell beside it). */
function planLabels(grid: WorkbookGrid, t: TableAnalysis, p: TablePlacement, plan: WritePlan) {
  for (const label of t.layout.resultLabels) {
    const sheetName = label.labelCell.slice(0, label.labelCell.lastIndexOf("!"));
    const sheet = grid.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    for (const target of label.targets) {
      const k = t.assessments.findIndex((a) => a.column.letter === target.levelColumn);
      if (k < 0) continue;
      const a = t.assessments[k];
      const ref = `${sheetRef(p.resultsSheet)}${p.assessmentColumns[k]}${label.kind === "index" ? p.indexRow : p.predicateRow}`;
      const formula = `=${ref}`;
      const address = a1(target.row, target.col);
      const existing = formulaAt(sheet, target.row, target.col);
      const value = cellAt(sheet, target.row, target.col);
      const ours = existing !== null && isOurLink(existing, [p.resultsSheet]);
      // A person's formula counts even without a cached value (files written by openpyxl carry none).
      if ((existing !== null || !isEmpty(value)) && !ours) {
        plan.skipped.push({
          sheet: sheetName,
          cell: address,
          message: leftCellMessage(sheetName, address, describeCell({ value, formula: existing }), p.resultsSheet),
        });
        continue;
      }
      const result =
        label.kind === "index"
          ? scoreResult(a.scores.total)
          : a.scores.predicate
            ? predicateLabel(a.scores.predicate)
            : "–";
      plan.cells.push({
        sheet: sheetName,
        address,
        formula,
        result,
        style: label.kind === "index" ? { numberFormat: "0.00" } : undefined,
      });
    }
  }
}

export function buildWritePlan(grid: WorkbookGrid, analysis: Analysis): WritePlan {
  const plan = emptyWritePlan();
  const taken = new Set<string>();
  analysis.tables.forEach((t, k) => {
    const name = resultsSheetName(grid, t, k, taken);
    taken.add(name);
    plan.sheets.push(name);
    const placement = planTable(grid, t, k, name, plan);
    planLabels(grid, t, placement, plan);
  });
  return plan;
}

export { emptyWritePlan, summarizePlan } from "./planBasics";
