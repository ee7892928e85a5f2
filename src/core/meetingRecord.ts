/**
 * The record of a meeting: every level cell that changed between two readings of the same
 * table, in order — cell, indicator, old → new, who changed it (this computer or a
 * co-author), and what it did to its domain (its aspect where the framework has no
 * domains) and to the index. Cells are matched by indicator, so a row moved between the
 * readings is not taken for a change. Pure: the pane keeps the list and words it; the
 * sheet the minutes are written into is a write plan made here from the pane's rows.
 */
import type { Analysis, Assessment, TableAnalysis } from "./analyze";
import { a1, CellValue, cellAt, columnLetter, parseA1, WorkbookGrid } from "./grid";
import { emptyWritePlan } from "./planBasics";
import { MARKER, RECORD_SHEET_LABEL, SETTINGS_ROWS } from "./settings";
import type { WritePlan } from "./writePlan";

/** The record sheet's header row (1-based); the changes follow it. */
export const RECORD_FIRST_ROW = SETTINGS_ROWS.sheet + 2;

/** "local": typed on this computer; "remote": a co-author; null: not known (a refresh, an older Excel). */
export type Who = "local" | "remote" | null;

export interface RecordedChange {
  /** the framework's id, to name the indicator and group */
  framework: string;
  sheet: string;
  cell: string;
  /** the level column's letter */
  column: string;
  indicator: number;
  from: CellValue;
  to: CellValue;
  who: Who;
  /** the indicator's domain, or its aspect where the framework has none: its index before and after, in hundredths */
  group: { kind: "domain" | "aspect"; id: number; from: bigint | null; to: bigint | null };
  /** the column's index before and after, in hundredths; null where it could not be computed */
  index: { from: bigint | null; to: bigint | null };
  /** cells changed in the same reading (a paste, a fill): the effects above are theirs together */
  together: number;
}

function valueAt(grid: WorkbookGrid, sheet: string, address: string | undefined): CellValue {
  const s = grid.sheets.find((x) => x.name === sheet);
  const p = address ? parseA1(address) : undefined;
  return s && p ? cellAt(s, p.row, p.col) : null;
}

function same(a: CellValue, b: CellValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function indexUnits(a: Assessment): bigint | null {
  return a.complete ? a.scores.total.units : null;
}

function tableChanges(
  beforeGrid: WorkbookGrid,
  t0: TableAnalysis,
  afterGrid: WorkbookGrid,
  t1: TableAnalysis,
  who: Who,
): RecordedChange[] {
  const f = t1.framework;
  const out: RecordedChange[] = [];
  for (const a1 of t1.assessments) {
    const a0 = t0.assessments.find((x) => x.column.letter === a1.column.letter);
    if (!a0) continue;
    const found: RecordedChange[] = [];
    for (const ind of f.indicators) {
      const cell = a1.cells.get(ind.id);
      if (!cell) continue;
      const from = valueAt(beforeGrid, t0.layout.sheet, a0.cells.get(ind.id));
      const to = valueAt(afterGrid, t1.layout.sheet, cell);
      if (same(from, to)) continue;
      const byDomain = f.domains.length > 0 && ind.domainId !== null;
      const groupId = byDomain ? ind.domainId! : ind.aspectId;
      const groupOf = (a: Assessment) =>
        (byDomain ? a.scores.domains : a.scores.aspects).find((g) => g.id === groupId)?.units ?? null;
      found.push({
        framework: f.id,
        sheet: t1.layout.sheet,
        cell,
        column: a1.column.letter,
        indicator: ind.id,
        from,
        to,
        who,
        group: { kind: byDomain ? "domain" : "aspect", id: groupId, from: groupOf(a0), to: groupOf(a1) },
        index: { from: indexUnits(a0), to: indexUnits(a1) },
        together: 0,
      });
    }
    for (const c of found) c.together = found.length;
    out.push(...found);
  }
  return out;
}

/**
 * What changed between two readings. Tables are matched by sheet and framework; a table
 * found only once (settings changed, a sheet renamed) records nothing.
 */
export function recordChanges(
  beforeGrid: WorkbookGrid,
  before: Analysis,
  afterGrid: WorkbookGrid,
  after: Analysis,
  who: Who,
): RecordedChange[] {
  return after.tables.flatMap((t1) => {
    const t0 = before.tables.find((x) => x.layout.sheet === t1.layout.sheet && x.framework.id === t1.framework.id);
    return t0 ? tableChanges(beforeGrid, t0, afterGrid, t1, who) : [];
  });
}

/**
 * The sheet of minutes as a write plan: the title row given, marked as the tool's (A1 names
 * the tool, A3 carries the record's label, so the next write of the session recognises the
 * sheet as its own and a person's sheet of that name is never taken for it), then the
 * header and one row per change from row 4; text only.
 */
export function recordSheetPlan(sheet: string, rows: readonly (readonly (string | number)[])[]): WritePlan {
  const plan = emptyWritePlan();
  plan.sheets.push(sheet);
  const [title = [], ...table] = rows;
  const put = (address: string, value: string | number, bold: boolean) =>
    plan.cells.push({ sheet, address, value, ...(bold ? { style: { bold: true } } : {}) });
  put("A1", `${title[0] ?? ""} — dicatat oleh ${MARKER} / recorded by ${MARKER}`, true);
  put(a1(SETTINGS_ROWS.sheet, 0), RECORD_SHEET_LABEL, false);
  table.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "") put(`${columnLetter(c)}${r + RECORD_FIRST_ROW}`, value, r === 0);
    }),
  );
  // Widths in Excel's character units: number, cell, indicator name, values, who, effects.
  [4, 10, 40, 12, 12, 14, 24, 16].forEach((width, c) =>
    plan.columnWidths.push({ sheet, column: columnLetter(c), width }),
  );
  return plan;
}
