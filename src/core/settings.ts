/**
 * The tool keeps its settings where colleagues can see them: in a small block at the
 * top of the results sheet it owns. Reading them back is part of reading the grid, so
 * the add-in and the command line find the same setup in a shared workbook.
 */
import { cellAt, SheetGrid, WorkbookGrid } from "./grid";

export const MARKER = "spbe-index";

/** Rows (0-based) of the settings block; column A holds labels, B the values. */
export const SETTINGS_ROWS = {
  sheet: 2,
  levelColumns: 3,
  framework: 4,
  threshold: 5,
  target: 6,
} as const;

export const SETTINGS_LABELS: Record<keyof typeof SETTINGS_ROWS, string> = {
  sheet: "Lembar indikator / Indicator sheet",
  levelColumns: "Kolom nilai / Level columns",
  framework: "Kerangka / Framework",
  threshold: "Ambang nilai rendah / Low-score threshold",
  target: "Target indeks / Target index",
};

export interface StoredSettings {
  resultsSheet: string;
  sheet?: string;
  levelColumns?: string[];
  framework?: string;
  threshold?: number;
  target?: number;
}

export function isResultsSheet(sheet: SheetGrid): boolean {
  const title = cellAt(sheet, 0, 0);
  const label = cellAt(sheet, SETTINGS_ROWS.sheet, 0);
  return typeof title === "string" && title.includes(MARKER) && label === SETTINGS_LABELS.sheet;
}

export function readStoredSettings(grid: WorkbookGrid): StoredSettings[] {
  const out: StoredSettings[] = [];
  for (const s of grid.sheets) {
    if (!isResultsSheet(s)) continue;
    const str = (row: number) => {
      const v = cellAt(s, row, 1);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const num = (row: number) => {
      const v = cellAt(s, row, 1);
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
    };
    out.push({
      resultsSheet: s.name,
      sheet: str(SETTINGS_ROWS.sheet),
      levelColumns: str(SETTINGS_ROWS.levelColumns)
        ?.split(/[,;\s]+/)
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean),
      framework: str(SETTINGS_ROWS.framework),
      threshold: num(SETTINGS_ROWS.threshold),
      target: num(SETTINGS_ROWS.target),
    });
  }
  return out;
}
