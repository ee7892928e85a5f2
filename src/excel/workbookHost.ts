/**
 * What the task pane needs from a workbook, whoever hosts it: Office.js in Excel, or
 * the strict fake in tests and the workbench. A refresh is one round trip; an apply is
 * two (look at what the plan touches, then write), constant in rows.
 */
import { Bilingual } from "../core/framework";
import { WorkbookGrid } from "../core/grid";
import { both } from "../core/messages";
import { RowSpan } from "../core/readingNeeds";
import { CheckedPlan, PlanChoices } from "../core/planCheck";
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

/** What an apply did: wrote the checked plan, or wrote nothing because what the preview showed no longer holds. */
export type ApplyOutcome =
  | { written: true; checked: CheckedPlan }
  | {
      written: false;
      /** the plan checked against the workbook of now: the fresh preview */
      checked: CheckedPlan;
      /** what changed since the preview, one sentence each */
      changes: Bilingual[];
    };

export interface ApplyOptions {
  /** what the person chose in the preview */
  choices?: PlanChoices;
  /** the check the preview showed; without it the plan is expected to write only empty cells of a person's */
  seen?: CheckedPlan;
}

/** What the last read learned of Excel itself, beside the cells. */
export interface WorkbookStatus {
  /**
   * Excel calculates only when asked (Formulas › Calculation Options › Manual, an
   * application-wide setting): the pane is right, the workbook's own results wait for F9.
   */
  manualCalculation: boolean;
  /** sheets whose conditional formats Excel could not list: an apply leaves their formats alone */
  unreadableRules: string[];
  /** the decimal separator Excel shows numbers with, where Excel says (ExcelApi 1.11) */
  decimalSeparator?: string;
}

export const PLAIN_STATUS: WorkbookStatus = { manualCalculation: false, unreadableRules: [] };

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
  /** the plan against the workbook of this moment, for the preview: one round trip, nothing written */
  check(plan: WritePlan, choices?: PlanChoices): Promise<CheckedPlan>;
  /**
   * Looks at everything the plan touches (one round trip) and writes (a second) only when
   * what `seen` showed still holds; otherwise writes nothing and says what changed. A
   * refusal (protection, a sheet gone) is a HostError thrown before anything is written.
   */
  apply(plan: WritePlan, options?: ApplyOptions): Promise<ApplyOutcome>;
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
  /** what the last read learned of Excel itself; hosts without such settings leave it out */
  status?(): WorkbookStatus;
  /** recalculates every formula now, as F9 does */
  calculate?(): Promise<void>;
  /**
   * Asks Office to make the task pane this many pixels wide; false where this Office cannot
   * (the request may still be ignored: Office keeps the pane as it is for a width outside
   * the platform's range, without an error).
   */
  setPaneWidth?(width: number): boolean;
}

/** Thrown by hosts with a message for the assessor in both languages. */
export class HostError extends Error {
  constructor(
    readonly code: "protected" | "refused" | "edit-mode" | "sync-failed" | "unsupported" | "too-large",
    /** what the assessor reads, in both languages */
    readonly text: Bilingual,
  ) {
    super(both(text));
  }
}
