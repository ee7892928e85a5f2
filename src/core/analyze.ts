/**
 * The whole reading of a workbook: find the tables, check every level cell, score
 * every level column. Pure: a grid in, plain data out.
 */
import { Framework, Indicator } from "./framework";
import { a1, cellAt, columnIndex, WorkbookGrid } from "./grid";
import { findTables, LevelColumn, TableLayout } from "./layout";
import { bi, Issue, Note } from "./messages";
import { Rational, compare, fromInt, fromNumber, equals } from "./rational";
import { score, Scores } from "./scoring";
import { readStoredSettings, StoredSettings } from "./settings";
import { checkLevel, levelIssue } from "./validation";

export interface LowScore {
  sheet: string;
  cell: string;
  column: string;
  indicator: number;
  level: number;
}

export interface Assessment {
  column: LevelColumn;
  /** indicator id → exact value, for cells that passed every check */
  values: Map<number, Rational>;
  /** indicator id → A1 address of its level cell */
  cells: Map<number, string>;
  /** indicator id → the cell's number as read, for display */
  raw: Map<number, number>;
  issues: Issue[];
  complete: boolean;
  scores: Scores;
  lowScores: LowScore[];
}

export interface TableAnalysis {
  layout: TableLayout;
  framework: Framework;
  assessments: Assessment[];
  /** table-wide issues (duplicates, missing, weights) followed by every column's issues */
  issues: Issue[];
  notes: Note[];
  threshold: number;
  /** the index the agency aims for, when one is set */
  target?: number;
  /** indicator id → what the evidence column holds ("" when empty) */
  evidence: Map<number, string>;
}

export interface Analysis {
  tables: TableAnalysis[];
  notes: Note[];
  settings: StoredSettings[];
}

export interface AnalyzeOptions {
  sheet?: string;
  /** column letters, "E" */
  levelColumns?: string[];
  framework?: Framework;
  threshold?: number;
  target?: number;
}

function checkRows(layout: TableLayout): { issues: Issue[]; firstRow: Map<number, number> } {
  const f = layout.framework;
  const issues: Issue[] = [];
  const firstRow = new Map<number, number>();
  const idCol = layout.numberCol ?? layout.nameCol ?? 0;
  for (const r of layout.rows) {
    const prev = firstRow.get(r.indicatorId);
    const ind = f.byId.get(r.indicatorId)!;
    if (prev !== undefined) {
      const cell = a1(r.row, idCol);
      issues.push({
        code: "duplicate-indicator",
        severity: "error",
        sheet: layout.sheet,
        cell,
        indicator: r.indicatorId,
        message: bi(
          `Sel ${cell}: indikator ${ind.code} muncul lagi (pertama di baris ${prev + 1}); hapus salah satunya`,
          `Cell ${cell}: indicator ${ind.code} appears again (first on row ${prev + 1}); remove one of them`,
        ),
      });
    } else firstRow.set(r.indicatorId, r.row);
  }
  for (const ind of f.indicators) {
    if (!firstRow.has(ind.id)) {
      issues.push({
        code: "missing-indicator",
        severity: "error",
        sheet: layout.sheet,
        indicator: ind.id,
        message: bi(
          `Indikator ${ind.code} (${ind.name}) tidak ada di tabel lembar "${layout.sheet}"`,
          `Indicator ${ind.code} (${ind.en}) is missing from the table on sheet "${layout.sheet}"`,
        ),
      });
    }
  }
  return { issues, firstRow };
}

function checkWeights(grid: WorkbookGrid, layout: TableLayout, firstRow: Map<number, number>): Issue[] {
  if (layout.weightCol === undefined) return [];
  const sheet = grid.sheets[layout.sheetIndex];
  const issues: Issue[] = [];
  for (const [id, row] of firstRow) {
    const v = cellAt(sheet, row, layout.weightCol);
    if (typeof v !== "number") continue;
    const ind = layout.framework.byId.get(id)!;
    const written = fromNumber(v);
    if (written && !equals(written, ind.weight)) {
      const cell = a1(row, layout.weightCol);
      issues.push({
        code: "weight-mismatch",
        severity: "warning",
        sheet: layout.sheet,
        cell,
        indicator: id,
        message: bi(
          `Sel ${cell}: bobot indikator ${ind.code} tertulis ${v}, menurut ${layout.framework.data.shortName} ${ind.weightNumber}; indeks dihitung dengan bobot peraturan`,
          `Cell ${cell}: indicator ${ind.code} weight is written as ${v}, ${layout.framework.data.shortName} says ${ind.weightNumber}; the index uses the regulation's weight`,
        ),
      });
    }
  }
  return issues;
}

function assess(grid: WorkbookGrid, layout: TableLayout, column: LevelColumn, firstRow: Map<number, number>, threshold: Rational, tableIssues: Issue[]): Assessment {
  const f = layout.framework;
  const sheet = grid.sheets[layout.sheetIndex];
  const values = new Map<number, Rational>();
  const cells = new Map<number, string>();
  const raw = new Map<number, number>();
  const issues: Issue[] = [];
  const lowScores: LowScore[] = [];
  for (const [id, row] of firstRow) {
    const ind: Indicator = f.byId.get(id)!;
    const cell = a1(row, column.col);
    cells.set(id, cell);
    const v = cellAt(sheet, row, column.col);
    const check = checkLevel(f, ind, v);
    if (!check.ok) {
      issues.push(levelIssue(check, layout.sheet, cell, column.letter, ind));
      continue;
    }
    values.set(id, check.value);
    raw.set(id, v as number);
    if (compare(check.value, threshold) < 0) lowScores.push({ sheet: layout.sheet, cell, column: column.letter, indicator: id, level: v as number });
  }
  const blocking = tableIssues.some((i) => i.severity === "error") || issues.length > 0;
  // Scores of groups whose own values are all valid are still shown; the index is only final when all is well.
  const scores = score(f, blocking ? valuesWithoutDuplicates(values, tableIssues) : values);
  if (blocking) {
    scores.total = { ...scores.total, unrounded: null, units: null };
    scores.predicate = null;
  }
  return { column, values, cells, raw, issues, complete: !blocking, scores, lowScores };
}

function valuesWithoutDuplicates(values: Map<number, Rational>, tableIssues: Issue[]): Map<number, Rational> {
  const dup = new Set(tableIssues.filter((i) => i.code === "duplicate-indicator").map((i) => i.indicator));
  if (dup.size === 0) return values;
  return new Map([...values].filter(([id]) => !dup.has(id)));
}

export function analyzeTable(grid: WorkbookGrid, layout: TableLayout, thresholdNumber?: number, target?: number): TableAnalysis {
  const f = layout.framework;
  const { issues: rowIssues, firstRow } = checkRows(layout);
  const weightIssues = checkWeights(grid, layout, firstRow);
  const tableIssues = [...rowIssues, ...weightIssues];
  const threshold = thresholdNumber ?? f.lowScoreBelow;
  const t = fromNumber(threshold) ?? fromInt(f.lowScoreBelow);
  const assessments = layout.levelColumns.map((c) => assess(grid, layout, c, firstRow, t, tableIssues));
  const evidence = new Map<number, string>();
  if (layout.evidenceCol !== undefined) {
    const sheet = grid.sheets[layout.sheetIndex];
    for (const [id, row] of firstRow) {
      const v = cellAt(sheet, row, layout.evidenceCol);
      evidence.set(id, v === null || typeof v === "object" ? "" : String(v).trim());
    }
  }
  return {
    layout,
    framework: f,
    assessments,
    issues: [...tableIssues, ...assessments.flatMap((a) => a.issues)],
    notes: layout.notes,
    threshold,
    target,
    evidence,
  };
}

export function analyze(grid: WorkbookGrid, frameworks: readonly Framework[], opts: AnalyzeOptions = {}): Analysis {
  const settings = readStoredSettings(grid);
  const stored = settings.find((s) => !opts.sheet || s.sheet === opts.sheet);
  const notes: Note[] = [];
  const levelLetters = opts.levelColumns ?? (opts.sheet || settings.length === 1 ? stored?.levelColumns : undefined);
  const levelColumns: number[] = [];
  for (const l of levelLetters ?? []) {
    const c = columnIndex(l);
    if (c === undefined) notes.push({ code: "bad-column", message: bi(`"${l}" bukan nama kolom`, `"${l}" is not a column name`) });
    else levelColumns.push(c);
  }
  const framework = opts.framework ?? (stored?.framework ? frameworks.find((f) => f.id === stored.framework) : undefined);
  const sheet = opts.sheet ?? (settings.length === 1 ? stored?.sheet : undefined);
  const found = findTables(grid, frameworks, {
    sheet: sheet && grid.sheets.some((s) => s.name === sheet) ? sheet : opts.sheet,
    levelColumns: levelColumns.length ? levelColumns : undefined,
    framework,
    ownSheets: new Set(settings.map((s) => s.resultsSheet)),
  });
  const tables = found.tables.map((layout) => {
    const own = settings.find((s) => s.sheet === layout.sheet);
    return analyzeTable(grid, layout, opts.threshold ?? own?.threshold, opts.target ?? own?.target);
  });
  return { tables, notes: [...notes, ...found.notes], settings };
}
