/**
 * A read of only the rows a reading needs, from a grid held whole: the sheets' sizes
 * first, then the rows `needs` asks for, until it asks for nothing more. What the
 * Office.js host does, without Excel, for the core's tests and the pane's memory host.
 */
import { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { unread } from "../../src/core/readingNeeds";
import { RowsNeeded } from "../../src/excel/workbookHost";

/** The sheet as a host that read only `runs` hands it over (read whole: as it is). */
export function cropped(s: SheetGrid, runs: [number, number][]): SheetGrid {
  const inRuns = (r: number) => runs.some(([a, b]) => r >= a && r <= b);
  if (s.values.every((_, r) => inRuns(r))) return s;
  return {
    ...s,
    values: Array.from({ length: s.values.length }, (_, r) => (inRuns(r) ? (s.values[r] ?? []) : [])),
    formulas: s.formulas
      ? Array.from({ length: s.values.length }, (_, r) => (inRuns(r) ? (s.formulas![r] ?? []) : []))
      : undefined,
    rowsRead: runs.map(([a, b]) => [a, b]),
  };
}

export function stagedRead(full: WorkbookGrid, needs: RowsNeeded): { grid: WorkbookGrid; stages: number } {
  const runs = new Map<string, [number, number][]>(full.sheets.map((s) => [s.name, []]));
  const view = (): WorkbookGrid => ({ ...full, sheets: full.sheets.map((s) => cropped(s, runs.get(s.name)!)) });
  for (let stage = 0; stage < 4; stage++) {
    const missing = needs(view()).flatMap((span) => unread(span, runs.get(span.sheet)));
    if (missing.length === 0) return { grid: view(), stages: stage };
    for (const m of missing) runs.get(m.sheet)!.push([m.from, m.to]);
  }
  throw new Error("the rows needed keep growing");
}
