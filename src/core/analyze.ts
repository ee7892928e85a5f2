/**
 * The whole reading of a workbook: find the tables, check every level cell, score
 * every level column. Pure: a grid in, plain data out.
 */
import { columnTitle } from "./format";
import { Framework, Indicator } from "./framework";
import { sameEntry } from "./formulas";
import { a1, cellAt, CellValue, columnIndex, isEmpty, WorkbookGrid } from "./grid";
import { findTables, LayoutOptions, LevelColumn, TableLayout } from "./layout";
import { bi, flat, Issue, Note } from "./messages";
import { OtherModel } from "./otherModels";
import { Rational, compare, fromInt, fromNumber } from "./rational";
import { score, Scores } from "./scoring";
import { isPlanSheet, isRecordSheet, readStoredSettings, StoredSettings } from "./settings";
import { checkLevel, levelIssue } from "./validation";
import { checkGroupings, checkWeights } from "./asWritten";

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
  /** no level cell of the column holds anything yet: no index, no problems */
  notFilled: boolean;
  /**
   * level cells holding something in the table's indicator rows, out of the framework's
   * indicators; a row repeated with the same entry counts once, as the duplicate warning says
   */
  filled: number;
  total: number;
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
  /** 1-based header row, when the person names it */
  headerRow?: number;
  /** models recognised only to say they are not scored */
  otherModels?: readonly OtherModel[];
}

function checkRows(grid: WorkbookGrid, layout: TableLayout): { issues: Issue[]; firstRow: Map<number, number> } {
  const f = layout.framework;
  const sheet = grid.sheets[layout.sheetIndex];
  const issues: Issue[] = [];
  const firstRow = new Map<number, number>();
  const idCol = layout.numberCol ?? layout.nameCol ?? 0;
  const code = (id: number) => f.byId.get(id)!.code;
  for (const c of layout.conflicts) {
    const [a, b] = c.candidates;
    issues.push({
      code: "indicator-conflict",
      severity: "error",
      sheet: layout.sheet,
      cell: c.cell,
      indicator: a,
      message: bi(
        `Sel ${c.cell}: nomor baris ini menunjuk indikator ${code(a)}, tetapi namanya indikator ${code(b)} (${f.byId.get(b)!.name}); perbaiki nomor atau namanya`,
        `Cell ${c.cell}: this row's number points to indicator ${code(a)} but its name to indicator ${code(b)} (${f.byId.get(b)!.en}); correct the number or the name`,
      ),
    });
  }
  for (const r of layout.rows) {
    const prev = firstRow.get(r.indicatorId);
    if (prev === undefined) {
      firstRow.set(r.indicatorId, r.row);
      continue;
    }
    const cell = a1(r.row, idCol);
    const differ = layout.levelColumns.filter(
      (c) => !sameEntry(cellAt(sheet, prev, c.col), cellAt(sheet, r.row, c.col)),
    );
    if (differ.length === 0) {
      // Applications list an indicator once per recommendation: the same level twice is harmless.
      issues.push({
        code: "duplicate-indicator",
        severity: "warning",
        sheet: layout.sheet,
        cell,
        indicator: r.indicatorId,
        message: bi(
          flat`Sel ${cell}: indikator ${code(r.indicatorId)} muncul lagi (pertama di baris ${prev + 1}) dengan level yang sama; dihitung sekali`,
          flat`Cell ${cell}: indicator ${code(r.indicatorId)} appears again (first on row ${prev + 1}) with the same level; counted once`,
        ),
      });
      continue;
    }
    for (const c of differ) {
      const at = a1(r.row, c.col);
      issues.push({
        code: "duplicate-indicator",
        severity: "error",
        sheet: layout.sheet,
        cell,
        column: c.letter,
        indicator: r.indicatorId,
        message: bi(
          flat`Sel ${cell}: indikator ${code(r.indicatorId)} muncul lagi (pertama di baris ${prev + 1}) dengan level lain (${at} berbeda dari ${a1(prev, c.col)}); hapus salah satunya`,
          flat`Cell ${cell}: indicator ${code(r.indicatorId)} appears again (first on row ${prev + 1}) with another level (${at} differs from ${a1(prev, c.col)}); remove one of them`,
        ),
      });
    }
  }
  const inConflict = new Set(layout.conflicts.flatMap((c) => c.candidates));
  f.indicators.forEach((ind, k) => {
    if (firstRow.has(ind.id) || inConflict.has(ind.id)) return;
    // Where the row belongs: after the nearest indicator before it that the table has, or before the nearest after it.
    const before = f.indicators
      .slice(0, k)
      .reverse()
      .find((x) => firstRow.has(x.id));
    const after = f.indicators.slice(k + 1).find((x) => firstRow.has(x.id));
    const where = before
      ? bi(
          `; tempatnya setelah indikator ${before.code} (baris ${firstRow.get(before.id)! + 1})`,
          `; it belongs after indicator ${before.code} (row ${firstRow.get(before.id)! + 1})`,
        )
      : after
        ? bi(
            `; tempatnya sebelum indikator ${after.code} (baris ${firstRow.get(after.id)! + 1})`,
            `; it belongs before indicator ${after.code} (row ${firstRow.get(after.id)! + 1})`,
          )
        : bi("", "");
    issues.push({
      code: "missing-indicator",
      severity: "error",
      sheet: layout.sheet,
      indicator: ind.id,
      message: bi(
        `Indikator ${ind.code} (${ind.name}) tidak ada di tabel lembar "${layout.sheet}"${where.id}`,
        `Indicator ${ind.code} (${ind.en}) is missing from the table on sheet "${layout.sheet}"${where.en}`,
      ),
    });
  });
  return { issues, firstRow };
}

function assess(
  grid: WorkbookGrid,
  layout: TableLayout,
  column: LevelColumn,
  firstRow: Map<number, number>,
  threshold: Rational,
  tableIssues: Issue[],
): Assessment {
  const f = layout.framework;
  const sheet = grid.sheets[layout.sheetIndex];
  const values = new Map<number, Rational>();
  const cells = new Map<number, string>();
  const raw = new Map<number, number>();
  let issues: Issue[] = [];
  const lowScores: LowScore[] = [];
  const filled = filledCells(grid, layout, column);
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
    if (compare(check.value, threshold) < 0)
      lowScores.push({ sheet: layout.sheet, cell, column: column.letter, indicator: id, level: v as number });
  }
  // A column nobody has filled yet (the assessor's, before the interview) is one note, not a blank per row.
  const notFilled = filled === 0 && firstRow.size > 0;
  if (notFilled) issues = [];
  const own = tableIssues.filter((i) => i.column === undefined || i.column === column.letter);
  const blocking = notFilled || own.some((i) => i.severity === "error") || issues.length > 0;
  // Scores of groups whose own values are all valid are still shown; the index is only final when all is well.
  const scores = score(f, blocking ? valuesWithoutDuplicates(values, own) : values);
  if (blocking) {
    scores.total = { ...scores.total, unrounded: null, units: null };
    scores.predicate = null;
  }
  return {
    column,
    values,
    cells,
    raw,
    issues,
    complete: !blocking,
    notFilled,
    filled,
    total: f.indicators.length,
    scores,
    lowScores,
  };
}

/**
 * The level cells of a column that hold something, over every row the table reads as an
 * indicator (repeated and conflicting rows too): a shifted table whose cells are all
 * filled is filled, whatever its rows turned out to be. A repeat with the same entry as
 * an earlier row of its indicator counts once.
 */
function filledCells(grid: WorkbookGrid, layout: TableLayout, column: LevelColumn): number {
  const sheet = grid.sheets[layout.sheetIndex];
  const seen = new Map<number, CellValue[]>();
  let filled = 0;
  for (const r of layout.rows) {
    const v = cellAt(sheet, r.row, column.col);
    if (isEmpty(v)) continue;
    const earlier = seen.get(r.indicatorId);
    if (earlier?.some((e) => sameEntry(e, v))) continue;
    if (earlier) earlier.push(v);
    else seen.set(r.indicatorId, [v]);
    filled++;
  }
  for (const c of layout.conflicts) if (!isEmpty(cellAt(sheet, c.row, column.col))) filled++;
  return filled;
}

function valuesWithoutDuplicates(values: Map<number, Rational>, tableIssues: Issue[]): Map<number, Rational> {
  const dup = new Set(
    tableIssues.filter((i) => i.code === "duplicate-indicator" && i.severity === "error").map((i) => i.indicator),
  );
  if (dup.size === 0) return values;
  return new Map([...values].filter(([id]) => !dup.has(id)));
}

export function analyzeTable(
  grid: WorkbookGrid,
  layout: TableLayout,
  thresholdNumber?: number,
  target?: number,
): TableAnalysis {
  const f = layout.framework;
  const { issues: rowIssues, firstRow } = checkRows(grid, layout);
  const asWritten = [...checkWeights(grid, layout, firstRow), ...checkGroupings(grid, layout, firstRow)];
  const tableIssues = [...rowIssues, ...asWritten];
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
  const notes = [...layout.notes];
  const rowsNote = absentAndRepeated(layout);
  if (rowsNote) notes.push(rowsNote);
  for (const a of assessments) {
    const col = columnTitle(a.column);
    if (a.notFilled)
      notes.push({
        code: "not-filled",
        message: bi(`kolom ${col} belum diisi; belum ada indeks`, `column ${col} is not filled yet; no index yet`),
      });
    else if (a.filled < a.total)
      notes.push({
        code: "partly-filled",
        message: bi(`kolom ${col} terisi ${a.filled}/${a.total}`, `column ${col} is filled ${a.filled}/${a.total}`),
      });
  }
  return {
    layout,
    framework: f,
    assessments,
    issues: [...tableIssues, ...assessments.flatMap((a) => a.issues)],
    notes,
    threshold,
    target,
    evidence,
  };
}

/**
 * One line in plain words for a table whose rows shifted: the indicators not in it and
 * the ones it holds more than once, with their rows. The problems list gives each cell.
 */
function absentAndRepeated(layout: TableLayout): Note | undefined {
  const f = layout.framework;
  const rowsOf = new Map<number, number[]>();
  for (const r of layout.rows) {
    const rows = rowsOf.get(r.indicatorId);
    if (rows) rows.push(r.row + 1);
    else rowsOf.set(r.indicatorId, [r.row + 1]);
  }
  const inConflict = new Set(layout.conflicts.flatMap((c) => c.candidates));
  const absent = f.indicators.filter((i) => !rowsOf.has(i.id) && !inConflict.has(i.id)).map((i) => i.code);
  const repeated = [...rowsOf].filter(([, rows]) => rows.length > 1);
  if (absent.length === 0 && repeated.length === 0) return undefined;
  const parts = (lang: "id" | "en") => {
    const out: string[] = [];
    if (absent.length)
      out.push(
        lang === "id"
          ? `tidak ada di tabel: indikator ${absent.join(", ")}`
          : `not in the table: indicator${absent.length > 1 ? "s" : ""} ${absent.join(", ")}`,
      );
    if (repeated.length) {
      // A long sheet may repeat an indicator many times: the first rows say enough.
      const shown = (rows: number[]) => rows.slice(0, 5).join(", ") + (rows.length > 5 ? `, … (${rows.length})` : "");
      const list = repeated
        .map(([id, rows]) => `${f.byId.get(id)!.code} (${lang === "id" ? "baris" : "rows"} ${shown(rows)})`)
        .join("; ");
      out.push(lang === "id" ? `berulang: indikator ${list}` : `repeated: indicator ${list}`);
    }
    return out.join("; ");
  };
  return { code: "absent-repeated", message: bi(parts("id"), parts("en")) };
}

/** The table search's options: the caller's, else what the results sheet stored. */
export function layoutOptions(
  grid: WorkbookGrid,
  opts: AnalyzeOptions,
  frameworks: readonly Framework[],
): { layout: LayoutOptions; settings: StoredSettings[]; notes: Note[] } {
  const settings = readStoredSettings(grid);
  const stored = settings.find((s) => !opts.sheet || s.sheet === opts.sheet);
  const notes: Note[] = [];
  const levelLetters = opts.levelColumns ?? (opts.sheet || settings.length === 1 ? stored?.levelColumns : undefined);
  const levelColumns: number[] = [];
  for (const l of levelLetters ?? []) {
    const c = columnIndex(l);
    if (c === undefined)
      notes.push({ code: "bad-column", message: bi(`"${l}" bukan nama kolom`, `"${l}" is not a column name`) });
    else levelColumns.push(c);
  }
  const framework =
    opts.framework ?? (stored?.framework ? frameworks.find((f) => f.id === stored.framework) : undefined);
  const sheet = opts.sheet ?? (settings.length === 1 ? stored?.sheet : undefined);
  const layout: LayoutOptions = {
    sheet: sheet && grid.sheets.some((s) => s.name === sheet) ? sheet : opts.sheet,
    levelColumns: levelColumns.length ? levelColumns : undefined,
    framework,
    headerRow: opts.headerRow !== undefined ? opts.headerRow - 1 : undefined,
    otherModels: opts.otherModels,
    // The tool's own sheets are never read as a person's table: results, plan and record sheets.
    ownSheets: new Set([
      ...settings.map((s) => s.resultsSheet),
      ...grid.sheets.filter((s) => isPlanSheet(s) || isRecordSheet(s)).map((s) => s.name),
    ]),
  };
  return { layout, settings, notes };
}

export function analyze(grid: WorkbookGrid, frameworks: readonly Framework[], opts: AnalyzeOptions = {}): Analysis {
  const { layout, settings, notes } = layoutOptions(grid, opts, frameworks);
  const found = findTables(grid, frameworks, layout);
  const tables = found.tables.map((layout) => {
    const own = settings.find((s) => s.sheet === layout.sheet);
    return analyzeTable(grid, layout, opts.threshold ?? own?.threshold, opts.target ?? own?.target);
  });
  return { tables, notes: [...notes, ...found.notes], settings };
}
