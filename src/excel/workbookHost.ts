/**
 * What the task pane needs from a workbook, whoever hosts it: Office.js in Excel, or
 * the strict fake in tests and the workbench. One read is one round trip; one apply
 * is one round trip.
 */
import { Bilingual } from "../core/framework";
import { WorkbookGrid } from "../core/grid";
import { both } from "../core/messages";
import { RowSpan } from "../core/readingNeeds";
import { WritePlan } from "../core/writePlan";

export interface HostCapabilities {
  /** ExcelApi 1.8: data validation rules */
  dataValidation: boolean;
  /** ExcelApi 1.6: conditional formats (custom formula rules) */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: worksheet onChanged events */
  events: boolean;
  /** ExcelApi 1.4: workbook-level defined names */
  names: boolean;
}

export interface LevelWatch {
  /** sheet holding the level cells */
  sheet: string;
  /** A1 addresses or ranges of the level cells; changes elsewhere are ignored */
  ranges: string[];
}

/** The rows a reading needs, decided from the rows read so far (the core's `rowsNeeded`). */
export type RowsNeeded = (readSoFar: WorkbookGrid) => RowSpan[];

/** What the host knows of a change it reports: whether a co-author made it (for the meeting's record). */
export interface LevelChange {
  remote: boolean;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /**
   * The workbook as a grid: every row, or, given `needs`, the rows it asks for from what
   * was read so far (the grid then says which rows it holds). One round trip when the
   * workbook kept the shape of the last read.
   */
  read(needs?: RowsNeeded): Promise<WorkbookGrid>;
  /** applies the plan in one round trip; on failure the workbook is left as it was */
  apply(plan: WritePlan): Promise<void>;
  /** selects a cell so the assessor sees it */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Calls `onChange` (debounced) when a person changes a watched cell. The host's own
   * writes do not trigger it. Returns a function that stops watching.
   */
  watch(target: LevelWatch, onChange: (change?: LevelChange) => void): Promise<() => void>;
  /** round trips made so far (context.sync calls), for tests and the benchmark */
  syncCount(): number;
  /** the display language Office runs in, e.g. "id-ID", "en-US" */
  displayLanguage(): string;
}

/** Thrown by hosts with a message for the assessor in both languages. */
export class HostError extends Error {
  constructor(
    readonly code: "protected" | "edit-mode" | "sync-failed" | "unsupported" | "too-large",
    /** what the assessor reads, in both languages */
    readonly text: Bilingual,
  ) {
    super(both(text));
  }
}
