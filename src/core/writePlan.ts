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
import { a1, cellAt, columnAreas, columnLetter, formulaAt, isEmpty, parseA1, sheetRef, WorkbookGrid } from "./grid";
import { levelMirrorFormula, lowLevelFormula, mirrorOf, notALevelFormula } from "./formulas";
import { columnTitle, hundredthsNumber } from "./format";
import { bi, both } from "./messages";
import { decimalPlaces, mul, fromInt, Rational, ZERO, add } from "./rational";
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
const VALUE_DECIMALS = 9; // decimal values are taken to 9 places inside formulas

const FILL_LOW = "#FFE699";
const FONT_LOW = "#7F6000";
const FILL_BAD = "#F8CBAD";
const FONT_BAD = "#9C0006";
const FILL_HEAD = "#D9E1F2";

function weightScale(f: Framework): number {
  let places = 0;
  for (const i of f.indicators) places = Math.max(places, decimalPlaces(i.weight) ?? 6);
  return places;
}

function unitsOf(w: Rational, places: number): bigint {
  const scaled = mul(w, fromInt(10 ** places));
  return scaled.num / scaled.den;
}

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

interface BlockRange {
  first: number; // 1-based rows in the results sheet
  last: number;
  count: number;
  weightUnits: bigint;
}

function planTable(grid: WorkbookGrid, t: TableAnalysis, tableNo: number, resultsSheet: string, plan: WritePlan): TablePlacement {
  const f = t.framework;
  const S = resultsSheet;
  const src = sheetRef(t.layout.sheet);
  const cells = plan.cells;
  const put = (row: number, col: number, c: Omit<PlannedCell, "sheet" | "address">) => cells.push({ sheet: S, address: a1(row, col), ...c });
  const label = (row: number, col: number, text: string, style?: CellStyle) => put(row, col, { value: text, style });
  const prefix = namePrefix(f, tableNo);
  const wPlaces = weightScale(f);
  const vPlaces = f.integerOnly ? 0 : VALUE_DECIMALS;
  const vScale = 10 ** vPlaces;
  const nA = t.assessments.length;
  const aCol = (k: number) => FIRST_ASSESSMENT_COL + k;

  // Title and settings.
  label(0, 0, `${f.title} — dihitung otomatis oleh ${MARKER} / computed automatically by ${MARKER}`, { bold: true });
  label(1, 0, f.data.regulation.split(" (")[0] + (f.data.statusNote ? ` — ${both(f.data.statusNote)}` : ""), { italic: true });
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
  plan.names.push({ name: `${prefix}_Ambang`, reference: `${sheetRef(S)}$B$${SETTINGS_ROWS.threshold + 1}` });

  // Row positions (0-based).
  const headRow = 7;
  const indexRow = 8;
  const predRow = 9;
  const countRow = 10;
  let row = 12;
  const domainRow0 = f.domains.length ? row + 1 : -1;
  if (f.domains.length) row += 1 + f.domains.length + 1;
  const aspectRow0 = row + 1;
  row += 1 + f.aspects.length + 1;
  const indHead = row;
  const ind0 = row + 1;
  const indRowOf = new Map(f.indicators.map((ind, k) => [ind.id, ind0 + k]));

  // Indicator block: one checked mirror of each level cell.
  label(indHead, 0, "No", { bold: true, fill: FILL_HEAD });
  label(indHead, 1, "Indikator / Indicator", { bold: true, fill: FILL_HEAD });
  label(indHead, 2, "Bobot / Weight", { bold: true, fill: FILL_HEAD });
  f.indicators.forEach((ind, k) => {
    const r = ind0 + k;
    label(r, 0, ind.code);
    label(r, 1, ind.name);
    put(r, 2, { value: ind.weightNumber });
  });
  const min = f.data.levels.min;
  const max = f.data.levels.max;
  const validCounts: number[] = [];
  const rowsOf = new Map<number, number[]>();
  for (const x of t.layout.rows) {
    const list = rowsOf.get(x.indicatorId);
    if (list) list.push(x.row);
    else rowsOf.set(x.indicatorId, [x.row]);
  }
  t.assessments.forEach((a, k) => {
    const col = aCol(k);
    let valid = 0;
    label(indHead, col, columnTitle(a.column), { bold: true, fill: FILL_HEAD, wrap: true, align: "right" });
    for (const ind of f.indicators) {
      const r = indRowOf.get(ind.id)!;
      const cell = a.cells.get(ind.id);
      if (!cell) {
        put(r, col, { value: "✗", style: { fontColor: FONT_BAD, align: "right" } });
        continue;
      }
      const rc = parseA1(cell)!;
      const srcSheet = grid.sheets[t.layout.sheetIndex];
      // A handful of repeated rows is compared live; a table listing one indicator dozens of
      // times (not an assessment) would give formulas longer than Excel accepts.
      const others = (rowsOf.get(ind.id) ?? []).filter((row) => row !== rc.row);
      const repeats = others.length <= MAX_LIVE_REPEATS ? others : [];
      const result = mirrorOf(
        f,
        cellAt(srcSheet, rc.row, rc.col),
        repeats.map((row) => cellAt(srcSheet, row, rc.col)),
      );
      if (typeof result === "number") valid++;
      const formula = levelMirrorFormula(
        f,
        `${src}${cell}`,
        repeats.map((row) => `${src}${a1(row, rc.col)}`),
      );
      // A number format of its own: otherwise LibreOffice shows a date-formatted level as a date here too.
      put(r, col, { formula, result, style: { align: "right", numberFormat: f.integerOnly ? "0" : "0.00" } });
    }
    validCounts[k] = valid;
  });

  // Group formulas in integer units.
  const block = (ids: number[]): BlockRange => {
    const rows = ids.map((id) => indRowOf.get(id)! + 1);
    let w = ZERO;
    for (const id of ids) w = add(w, f.byId.get(id)!.weight);
    return { first: Math.min(...rows), last: Math.max(...rows), count: ids.length, weightUnits: unitsOf(w, wPlaces) };
  };
  const groupFormula = (col: string, b: BlockRange): string => {
    const vals = `${col}${b.first}:${col}${b.last}`;
    const weights = `ROUND($C$${b.first}:$C$${b.last}*${10 ** wPlaces},0)`;
    const scaledVals = vPlaces ? `ROUND(${vals}*${vScale},0)` : vals;
    const k = b.weightUnits * BigInt(vScale);
    return `=IF(COUNT(${vals})<${b.count},"–",INT((200*SUMPRODUCT(${scaledVals},${weights})+${k})/${2n * k})/100)`;
  };
  const all = block(f.indicators.map((i) => i.id));

  label(headRow, 0, "Ringkasan / Summary", { bold: true, fill: FILL_HEAD });
  label(headRow, 1, "", { fill: FILL_HEAD });
  label(headRow, 2, "Bobot / Weight", { bold: true, fill: FILL_HEAD });
  label(indexRow, 0, "Indeks / Index", { bold: true });
  label(indexRow, 1, f.title);
  put(indexRow, 2, { value: 100 });
  label(predRow, 0, "Predikat / Predicate", { bold: true });
  label(countRow, 0, "Nilai sah / Valid values");
  const predicateFormula = (ref: string): string => {
    const bands = f.predicates.slice(0, -1);
    const last = f.predicates[f.predicates.length - 1];
    let inner = `"${predicateLabel(last)}"`;
    for (let i = bands.length - 1; i >= 0; i--) inner = `IF(${ref}>=${hundredthsNumber(bands[i].minUnits)},"${predicateLabel(bands[i])}",${inner})`;
    return `=IF(ISNUMBER(${ref}),${inner},"–")`;
  };
  const placement: TablePlacement = { resultsSheet: S, indexRow: indexRow + 1, predicateRow: predRow + 1, assessmentColumns: [] };
  t.assessments.forEach((a, k) => {
    const col = aCol(k);
    const L = columnLetter(col);
    placement.assessmentColumns.push(L);
    label(headRow, col, columnTitle(a.column), { bold: true, fill: FILL_HEAD, wrap: true, align: "right" });
    put(indexRow, col, { formula: groupFormula(L, all), result: scoreResult(a.scores.total), style: { bold: true, numberFormat: "0.00" } });
    put(predRow, col, { formula: predicateFormula(`${L}${indexRow + 1}`), result: a.scores.predicate ? predicateLabel(a.scores.predicate) : "–", style: { align: "right" } });
    put(countRow, col, {
      formula: `=COUNT(${L}${all.first}:${L}${all.last})&"/${all.count}"`,
      result: `${validCounts[k]}/${all.count}`,
      style: { align: "right" },
    });
  });

  const groupRows = (title: string, r0: number, groups: { g: { id: number; name: string; weight: Rational; indicatorIds: number[] }; scores: GroupScore[] }[], prefixWord: string) => {
    label(r0 - 1, 0, title, { bold: true, fill: FILL_HEAD });
    label(r0 - 1, 1, "", { fill: FILL_HEAD });
    label(r0 - 1, 2, "", { fill: FILL_HEAD });
    groups.forEach(({ g, scores }, k) => {
      const r = r0 + k;
      const b = block(g.indicatorIds);
      label(r, 0, `${prefixWord} ${g.id}`);
      label(r, 1, g.name);
      put(r, 2, { value: Number(g.weight.num) / Number(g.weight.den) });
      t.assessments.forEach((_, j) => {
        const L = columnLetter(aCol(j));
        put(r, aCol(j), { formula: groupFormula(L, b), result: scoreResult(scores[j]), style: { numberFormat: "0.00" } });
      });
    });
  };
  if (f.domains.length) {
    groupRows("Domain", domainRow0, f.domains.map((g, k) => ({ g, scores: t.assessments.map((a) => a.scores.domains[k]) })), "Domain");
  }
  groupRows("Aspek / Aspect", aspectRow0, f.aspects.map((g, k) => ({ g, scores: t.assessments.map((a) => a.scores.aspects[k]) })), "Aspek");

  const chartCol = columnLetter(aCol(nA) + 1);
  const chart = (name: string, title: string, row0: number, count: number, anchorRow: number, height: number) =>
    plan.charts.push({
      sheet: S,
      name: `${prefix}_${name}`,
      title,
      type: "barClustered",
      categories: `B${row0 + 1}:B${row0 + count}`,
      series: t.assessments.map((a, k) => ({
        name: columnTitle(a.column),
        values: `${columnLetter(aCol(k))}${row0 + 1}:${columnLetter(aCol(k))}${row0 + count}`,
      })),
      anchor: `${chartCol}${anchorRow}`,
      width: 420,
      height,
    });
  if (f.domains.length) chart("Domain", "Indeks domain / Domain index", domainRow0, f.domains.length, headRow + 1, 220);
  chart("Aspek", "Indeks aspek / Aspect index", aspectRow0, f.aspects.length, aspectRow0, 300);

  plan.printSetups.push({ sheet: S, orientation: "landscape", fitToWidth: 1, titleRows: `$${headRow + 1}:$${headRow + 1}` });
  plan.columnWidths.push({ sheet: S, column: "A", width: 22 }, { sheet: S, column: "B", width: 58 }, { sheet: S, column: "C", width: 10 });
  for (let k = 0; k < nA; k++) plan.columnWidths.push({ sheet: S, column: columnLetter(aCol(k)), width: 22 });

  // On the assessor's own sheet: validation and highlights on the level cells only.
  const rows = t.layout.rows.map((r) => r.row);
  const lvlRange = `${min}–${max}`;
  for (const c of t.layout.levelColumns) {
    const ranges = columnAreas(c.col, rows);
    if (ranges.length === 0) continue;
    const top = ranges[0].split(":")[0];
    plan.validations.push({
      sheet: t.layout.sheet,
      ranges,
      type: f.integerOnly ? "whole" : "decimal",
      min,
      max,
      // A validation prompt is one text in the workbook: both languages, joined.
      inputTitle: both(f.integerOnly ? bi("Level", "Level") : bi("Nilai", "Value")),
      inputMessage: both(f.integerOnly ? bi(`Isi bilangan bulat ${lvlRange}.`, `Enter a whole number ${lvlRange}.`) : bi(`Isi angka ${lvlRange}, boleh desimal.`, `Enter a number ${lvlRange}; decimals allowed.`)),
      errorTitle: both(bi("Nilai tidak sah", "Invalid value")),
      errorMessage: both(
        f.integerOnly
          ? bi(`${f.title}: level harus bilangan bulat ${lvlRange}.`, `Levels must be whole numbers ${lvlRange}.`)
          : bi(`${f.title}: nilai harus angka ${lvlRange}.`, `Values must be numbers ${lvlRange}.`),
      ),
    });
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
      formula: lowLevelFormula(f, top, `${prefix}_Ambang`),
      fill: FILL_LOW,
      fontColor: FONT_LOW,
      purpose: "low",
    });
  }
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
      const ours = existing !== null && existing.replace(/^=/, "").startsWith(sheetRef(p.resultsSheet));
      if (!isEmpty(value) && !ours) {
        plan.skipped.push({
          sheet: sheetName,
          cell: address,
          message: bi(
            `Sel ${sheetName}!${address} sudah berisi isian orang; tidak ditimpa (hasil ada di lembar "${p.resultsSheet}")`,
            `Cell ${sheetName}!${address} already holds something a person typed; left as it is (results are on sheet "${p.resultsSheet}")`,
          ),
        });
        continue;
      }
      const result = label.kind === "index" ? scoreResult(a.scores.total) : a.scores.predicate ? predicateLabel(a.scores.predicate) : "–";
      plan.cells.push({ sheet: sheetName, address, formula, result, style: label.kind === "index" ? { numberFormat: "0.00" } : undefined });
    }
  }
}

export function buildWritePlan(grid: WorkbookGrid, analysis: Analysis): WritePlan {
  const plan: WritePlan = { sheets: [], cells: [], validations: [], conditionalFormats: [], names: [], columnWidths: [], charts: [], printSetups: [], skipped: [] };
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

/** Where a plan puts each table's results, for faces that link to them. */
export function summarizePlan(plan: WritePlan): { sheets: string[]; cells: number; validations: number; conditionalFormats: number; skipped: number; templateCells: number } {
  const own = new Set(plan.sheets);
  return {
    sheets: plan.sheets,
    cells: plan.cells.length,
    templateCells: plan.cells.filter((c) => !own.has(c.sheet)).length,
    validations: plan.validations.reduce((n, v) => n + v.ranges.length, 0),
    conditionalFormats: plan.conditionalFormats.length,
    skipped: plan.skipped.length,
  };
}
