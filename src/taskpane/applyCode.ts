/**
 * What Apply needs and the first screen does not: building the write plan and checking it
 * against what the host found in the workbook. A chunk of its own ("apply", shared with the
 * Office.js host's writing code), fetched when the person first presses Apply, or earlier
 * while the pane is idle. A target plan's sheet is made here too.
 */
export { buildWritePlan } from "../core/writePlan";
export { checkPlan } from "../core/planCheck";
export { planSheetName, planSheetPlan } from "../core/planSheet";
