/**
 * Which cells to watch for live updates: the level cells of every table found, and
 * nothing else, so the pane does not re-read when a person types a note.
 */
import { Analysis } from "../core/analyze";
import { columnAreas } from "../core/grid";
import { LevelWatch } from "../excel/workbookHost";

export function watchTargets(analysis: Analysis | null): LevelWatch[] {
  if (!analysis) return [];
  return analysis.tables.map((t) => {
    const rows = t.layout.rows.map((r) => r.row);
    return { sheet: t.layout.sheet, ranges: t.layout.levelColumns.flatMap((c) => columnAreas(c.col, rows)) };
  });
}

/** Equal targets give equal keys, so the pane re-subscribes only when the table moved. */
export function watchKey(targets: LevelWatch[]): string {
  return JSON.stringify(targets);
}
