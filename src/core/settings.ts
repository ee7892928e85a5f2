/**
 * The tool keeps its settings where colleagues can see them: in a small block at the
 * top of the results sheet it owns. Reading them back is part of reading the grid, so
 * the add-in and the command line find the same setup in a shared workbook.
 */
import { cellAt, CellValue, SheetGrid, WorkbookGrid } from "./grid";

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

/** A plan sheet (core/planSheet.ts) names its level sheet where a results sheet does, under this label. */
export const PLAN_SHEET_LABEL = "Rencana untuk lembar / Plan for sheet";

/** A meeting record's sheet (core/meetingRecord.ts) carries this label in A3, under its title. */
export const RECORD_SHEET_LABEL = "Catatan rapat / Meeting record";

/**
 * Which of the tool's own sheets this is, from its title (A1, with the marker) and the
 * label in A3: a results sheet, a plan sheet, a meeting record, or none of them.
 */
export function ownSheetKind(title: CellValue, label: CellValue): "results" | "plan" | "record" | undefined {
  if (typeof title !== "string" || !title.includes(MARKER)) return undefined;
  if (label === SETTINGS_LABELS.sheet) return "results";
  if (label === PLAN_SHEET_LABEL) return "plan";
  return label === RECORD_SHEET_LABEL ? "record" : undefined;
}

export function isResultsSheet(sheet: SheetGrid): boolean {
  return ownSheetKind(cellAt(sheet, 0, 0), cellAt(sheet, SETTINGS_ROWS.sheet, 0)) === "results";
}

export function isPlanSheet(sheet: SheetGrid): boolean {
  return ownSheetKind(cellAt(sheet, 0, 0), cellAt(sheet, SETTINGS_ROWS.sheet, 0)) === "plan";
}

export function isRecordSheet(sheet: SheetGrid): boolean {
  return ownSheetKind(cellAt(sheet, 0, 0), cellAt(sheet, SETTINGS_ROWS.sheet, 0)) === "record";
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
