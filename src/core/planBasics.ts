/**
 * What a face needs of a write plan without the code that builds or checks one: the empty
 * plan, its summary, and the person's choices before they make any. Apart from
 * writePlan.ts and planCheck.ts so that the pane's first download can leave those two to
 * the chunk it fetches when the person first presses Apply.
 */
import type { PlanChoices } from "./planCheck";
import type { WritePlan } from "./writePlan";

/** A write plan that writes nothing yet. */
export function emptyWritePlan(): WritePlan {
  return {
    sheets: [],
    cells: [],
    validations: [],
    conditionalFormats: [],
    names: [],
    columnWidths: [],
    charts: [],
    printSetups: [],
    skipped: [],
  };
}

/** Where a plan puts each table's results, for faces that link to them. */
export function summarizePlan(plan: WritePlan): {
  sheets: string[];
  cells: number;
  validations: number;
  conditionalFormats: number;
  skipped: number;
  templateCells: number;
} {
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

/** The person has chosen nothing: every validation of theirs is kept. */
export const NO_CHOICES: PlanChoices = { replaceValidations: [] };
