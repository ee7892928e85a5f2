/**
 * The task pane's state, as one pure reducer: a grid read from the workbook is analysed
 * with the pane's settings, a write plan is previewed before it is applied, and host
 * failures become messages. No Office call happens here; the controller hook makes them,
 * and builds and checks the write plans (with Apply's code, fetched on the first Apply).
 */
import { analyze, Analysis, AnalyzeOptions } from "../core/analyze";
import { RecordedChange, recordChanges, Who } from "../core/meetingRecord";
import { Bilingual, Framework, Predicate } from "../core/framework";
import { WorkbookGrid } from "../core/grid";
import { rowsMissing } from "../core/readingNeeds";
import type { CheckedPlan, PlanChoices } from "../core/planCheck";
import { NO_CHOICES, summarizePlan } from "../core/planBasics";
import { PLAIN_STATUS, WorkbookStatus } from "../excel/workbookHost";
import type { WritePlan } from "../core/writePlan";
import { FRAMEWORKS, frameworkById, OTHER_MODELS } from "../frameworks";
import { englishFailure, Language, languageFromOffice } from "./i18n";

/** A column's last index that could be computed, kept while a typo makes the current one impossible. */
export interface LastValid {
  units: number;
  predicate: Predicate | null;
}

/** The key of one level column of one table under one framework: what a last valid index belongs to. */
export function columnKey(framework: string, sheet: string, column: string): string {
  return `${framework}|${sheet}|${column}`;
}

/** What the assessor chose in Settings; null means "as detected" (or "as Office"). */
export interface PaneSettings {
  sheet: string | null;
  /** 1-based row of the table's column headers */
  headerRow: number | null;
  levelColumns: string[] | null;
  threshold: number | null;
  framework: string | null;
  language: Language | null;
}

/** What the assessor chose for the path to target (the core's TargetPlan is what follows from them). */
export interface TargetChoices {
  /** the target typed in the pane; null keeps the one stored in the results sheet */
  target: number | null;
  /** value step for decimal frameworks; null for the core's default */
  step: number | null;
  /** framework id → indicators marked out of reach this year (ids are per framework) */
  outOfReach: Record<string, number[]>;
  /** how far one indicator may rise this year (1: one level, as a city can manage); 0 for no limit */
  raise: number;
}

export interface PaneState {
  /** Office's display language, e.g. "id-ID" */
  officeLanguage: string;
  /**
   * English's words (a chunk of their own) are here and the pane may speak English. Set
   * when they arrive for the person's choice, never by a fetch while idle: the pane does
   * not change language by itself.
   */
  englishReady: boolean;
  /** English's words are being fetched for the language the person chose; its button is busy */
  languageLoading: boolean;
  settings: PaneSettings;
  /** what the assessor chose for the path to target */
  targetChoices: TargetChoices;
  grid: WorkbookGrid | null;
  analysis: Analysis | null;
  /** by columnKey: the last index each column had, for the headline while a level is invalid */
  lastValid: Record<string, LastValid>;
  /** every level change seen since the pane opened, in order: the meeting's record */
  record: RecordedChange[];
  /** the sheet this session's record was written into, so writing again updates it */
  recordSheet: string | null;
  /** by "level sheet!column": the sheet that column's plan was written into, so writing again updates it */
  planSheets: Record<string, string>;
  reading: boolean;
  /** the grid lacks rows the settings now need (the host read only what the old ones did): read again */
  rereadWanted: boolean;
  /** the most recent read asked for; answers to older reads are dropped */
  latestRead: number;
  applying: boolean;
  /** Apply was pressed and its code is being fetched; the preview opens when it is here */
  previewLoading: boolean;
  /** what the error offers to do again: open the preview, or fetch English, when their code could not be fetched */
  retry: "preview" | "language" | null;
  /** the write plan shown in the apply preview, while it is open */
  writePlan: WritePlan | null;
  /** the plan checked against the workbook (what is written, what of the person's it touches); null while checking */
  checked: CheckedPlan | null;
  /** what the person chose in the preview */
  planChoices: PlanChoices;
  /** what changed in the workbook since the preview was shown: why the last Apply wrote nothing */
  previewChanges: Bilingual[];
  error: Bilingual | null;
  /** results sheet of the last successful apply, for the confirmation message */
  appliedSheet: string | null;
  /** how many cells that apply wrote, for the same message */
  appliedCells: number;
  /** what the last apply could not write on this Excel, one sentence each */
  appliedSkipped: Bilingual[];
  /** what of the person's the last apply left as it was, and where the result is instead */
  appliedLeft: Bilingual[];
  /** what the last read learned of Excel itself: Manual calculation, unlisted formats, its decimal sign */
  excel: WorkbookStatus;
  /** a recalculation asked from the pane is under way */
  calculating: boolean;
  /**
   * The cell the pane last selected for the person. Office.js cannot move the keyboard
   * into the grid, so the pane says how to get there; cleared once the workbook is read
   * again (the person has been to the sheet) or the hint is closed.
   */
  jumped: { sheet: string; cell: string } | null;
}

export type PaneAction =
  | { type: "read-started"; seq: number }
  | { type: "read-done"; seq: number; grid: WorkbookGrid; excel?: WorkbookStatus; who?: Who }
  | { type: "record-written"; sheet: string }
  | { type: "plan-written"; key: string; sheet: string }
  | { type: "apply-ended" }
  | { type: "read-failed"; seq: number; error: Bilingual }
  | { type: "settings-changed"; settings: PaneSettings }
  | { type: "language-changed"; language: Language | null }
  | { type: "language-loading" }
  | { type: "english-loaded" }
  | { type: "english-failed"; error: Bilingual }
  | { type: "preview-loading" }
  | { type: "preview-opened"; plan: WritePlan }
  | { type: "preview-closed" }
  | { type: "preview-checked"; plan: WritePlan; checked: CheckedPlan }
  | { type: "choice-toggled"; plan: WritePlan; planChoices: PlanChoices; checked: CheckedPlan }
  | { type: "apply-started" }
  | { type: "apply-changed"; checked: CheckedPlan; changes: Bilingual[] }
  | { type: "apply-done"; skipped: Bilingual[] }
  | { type: "failed"; error: Bilingual; retry?: "preview" }
  | { type: "message-dismissed" }
  | { type: "target-changed"; target: number | null }
  | { type: "step-changed"; step: number | null }
  | { type: "raise-changed"; raise: number }
  | { type: "out-of-reach-toggled"; framework: string; indicator: number }
  | { type: "calculate-started" }
  | { type: "calculate-done" }
  | { type: "selected"; sheet: string; cell: string }
  | { type: "jump-hint-closed" };

export const AUTOMATIC: PaneSettings = {
  sheet: null,
  headerRow: null,
  levelColumns: null,
  threshold: null,
  framework: null,
  language: null,
};

export const NO_TARGET_CHOICES: TargetChoices = { target: null, step: null, outOfReach: {}, raise: 1 };

/**
 * The pane as it opens. `englishReady`: English's words are here (the start fetches them
 * first when Office runs in English); when Office runs in English and they are not, the
 * pane opens in Indonesian and says why, in both languages, with a retry.
 */
export function initialState(officeLanguage: string, englishReady = false): PaneState {
  const stranded = languageFromOffice(officeLanguage) === "en" && !englishReady;
  return {
    officeLanguage,
    englishReady,
    languageLoading: false,
    settings: AUTOMATIC,
    targetChoices: NO_TARGET_CHOICES,
    grid: null,
    analysis: null,
    lastValid: {},
    record: [],
    recordSheet: null,
    planSheets: {},
    reading: false,
    rereadWanted: false,
    latestRead: 0,
    applying: false,
    previewLoading: false,
    retry: stranded ? "language" : null,
    writePlan: null,
    checked: null,
    planChoices: NO_CHOICES,
    previewChanges: [],
    error: stranded ? englishFailure() : null,
    appliedSheet: null,
    appliedCells: 0,
    appliedSkipped: [],
    appliedLeft: [],
    excel: PLAIN_STATUS,
    calculating: false,
    jumped: null,
  };
}

/** The pane's settings as the core's analyze options; what is not set is left to detection and to the results sheet. */
export function analyzeOptions(settings: PaneSettings, frameworks: readonly Framework[] = FRAMEWORKS): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  if (settings.sheet) opts.sheet = settings.sheet;
  if (settings.headerRow !== null) opts.headerRow = settings.headerRow;
  if (settings.levelColumns && settings.levelColumns.length) opts.levelColumns = settings.levelColumns;
  if (settings.threshold !== null) opts.threshold = settings.threshold;
  const f = settings.framework
    ? (frameworks.find((x) => x.id === settings.framework) ?? frameworkById(settings.framework))
    : undefined;
  if (f) opts.framework = f;
  return opts;
}

/** The language the person wants: their choice, or Office's. */
export function wantedLanguage(state: Pick<PaneState, "settings" | "officeLanguage">): Language {
  return state.settings.language ?? languageFromOffice(state.officeLanguage);
}

/** The language the pane speaks: the one wanted, once its words are here; Indonesian meanwhile. */
export function paneLanguage(state: Pick<PaneState, "settings" | "officeLanguage" | "englishReady">): Language {
  return wantedLanguage(state) === "en" && state.englishReady ? "en" : "id";
}

/** The typed target goes into the analysis, so the next apply stores it in the results sheet. */
function analysed(
  state: PaneState,
  grid: WorkbookGrid,
  settings: PaneSettings,
  targetChoices: TargetChoices = state.targetChoices,
): PaneState {
  const opts = analyzeOptions(settings);
  // A grid read for other settings may lack rows these need: no analysis of part of it, a read instead.
  if (rowsMissing(grid, FRAMEWORKS, opts).length > 0)
    return { ...state, grid, settings, targetChoices, analysis: null, reading: true, rereadWanted: true };
  if (targetChoices.target !== null) opts.target = targetChoices.target;
  const analysis = analyze(grid, FRAMEWORKS, { ...opts, otherModels: OTHER_MODELS });
  return { ...state, grid, settings, targetChoices, analysis, lastValid: remembered(state.lastValid, analysis) };
}

/** Every complete column's index replaces the one remembered; an incomplete column keeps its last. */
export function remembered(before: Record<string, LastValid>, analysis: Analysis): Record<string, LastValid> {
  let out = before;
  for (const t of analysis.tables)
    for (const a of t.assessments) {
      const units = a.complete ? a.scores.total.units : null;
      if (units === null) continue;
      const key = columnKey(t.framework.id, t.layout.sheet, a.column.letter);
      const was = out[key];
      if (was && was.units === Number(units) && was.predicate === a.scores.predicate) continue;
      if (out === before) out = { ...before };
      out[key] = { units: Number(units), predicate: a.scores.predicate };
    }
  return out;
}

/** The person's choices with one validation's "replace" ticked or unticked. */
export function toggledChoice(choices: PlanChoices, key: string): PlanChoices {
  const keys = choices.replaceValidations;
  return { replaceValidations: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key] };
}

function toggled(ids: readonly number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "read-started":
      return { ...state, reading: true, rereadWanted: false, latestRead: Math.max(state.latestRead, action.seq) };
    case "read-done": {
      if (action.seq !== state.latestRead) return state;
      const next = {
        ...analysed(state, action.grid, state.settings),
        reading: false,
        excel: action.excel ?? state.excel,
        jumped: null,
      };
      // Under the same settings, what differs from the last reading is what people changed.
      if (!state.grid || !state.analysis || !next.analysis) return next;
      const seen = recordChanges(state.grid, state.analysis, action.grid, next.analysis, action.who ?? null);
      return seen.length ? { ...next, record: [...state.record, ...seen] } : next;
    }
    case "record-written":
      return { ...state, recordSheet: action.sheet };
    case "plan-written":
      return { ...state, planSheets: { ...state.planSheets, [action.key]: action.sheet } };
    case "apply-ended":
      return { ...state, applying: false };
    case "read-failed":
      if (action.seq !== state.latestRead) return state;
      return { ...state, reading: false, error: action.error };
    case "settings-changed":
      // The language is the pane's own business; every other setting changes the analysis.
      // Other settings may read other columns or another framework: no earlier index carries over.
      if (!state.grid) return { ...state, settings: action.settings, lastValid: {} };
      return {
        ...analysed({ ...state, lastValid: {} }, state.grid, action.settings),
        appliedSheet: null,
        appliedSkipped: [],
        appliedLeft: [],
      };
    case "language-changed":
      return { ...state, settings: { ...state.settings, language: action.language } };
    case "language-loading":
      return { ...state, languageLoading: true };
    case "english-loaded": {
      // English is here: a message that it was not goes with it.
      const cleared = state.retry === "language" ? { error: null, retry: null } : {};
      return { ...state, ...cleared, englishReady: true, languageLoading: false };
    }
    case "english-failed":
      return { ...state, languageLoading: false, error: action.error, retry: "language" };
    case "preview-loading":
      if (!state.grid || !state.analysis || state.analysis.tables.length === 0) return state;
      return { ...state, previewLoading: true, error: null, retry: null };
    case "preview-opened":
      if (!state.grid || !state.analysis || state.analysis.tables.length === 0)
        return { ...state, previewLoading: false };
      return {
        ...state,
        previewLoading: false,
        writePlan: action.plan,
        checked: null,
        planChoices: NO_CHOICES,
        previewChanges: [],
        appliedSheet: null,
        appliedSkipped: [],
        appliedLeft: [],
      };
    case "preview-closed":
      return { ...state, previewLoading: false, writePlan: null, checked: null, previewChanges: [] };
    case "preview-checked":
      // An answer for a preview since closed or reopened is dropped.
      if (state.writePlan !== action.plan) return state;
      return { ...state, checked: action.checked };
    case "choice-toggled":
      // The same look at the workbook, the person's new choice, checked again by the controller: no round trip.
      if (state.writePlan !== action.plan || !state.checked) return state;
      return { ...state, planChoices: action.planChoices, checked: action.checked };
    case "apply-started":
      return { ...state, applying: true, error: null };
    case "apply-changed":
      // Nothing was written: the preview shows the workbook as it is now, and what changed.
      return { ...state, applying: false, checked: action.checked, previewChanges: action.changes };
    case "apply-done":
      return {
        ...state,
        applying: false,
        appliedSheet: state.writePlan?.sheets[0] ?? null,
        appliedCells: state.writePlan ? summarizePlan(state.writePlan).cells : 0,
        appliedSkipped: action.skipped,
        appliedLeft: [
          ...(state.checked?.plan ?? state.writePlan)!.skipped.map((k) => k.message),
          ...(state.checked?.touches ?? [])
            .filter((t) => t.kind === "validation-theirs" || t.kind === "validation-kept")
            .map((t) => t.message),
        ],
        writePlan: null,
        checked: null,
        previewChanges: [],
      };
    case "failed":
      return {
        ...state,
        applying: false,
        calculating: false,
        previewLoading: false,
        writePlan: null,
        checked: null,
        previewChanges: [],
        error: action.error,
        retry: action.retry ?? null,
      };
    case "calculate-started":
      return { ...state, calculating: true, error: null };
    case "calculate-done":
      return { ...state, calculating: false };
    case "selected":
      return { ...state, jumped: { sheet: action.sheet, cell: action.cell } };
    case "jump-hint-closed":
      return { ...state, jumped: null };
    case "message-dismissed":
      return { ...state, error: null, retry: null, appliedSheet: null, appliedSkipped: [], appliedLeft: [] };
    case "target-changed": {
      const targetChoices = { ...state.targetChoices, target: action.target };
      if (!state.grid) return { ...state, targetChoices };
      return analysed(state, state.grid, state.settings, targetChoices);
    }
    case "step-changed":
      return { ...state, targetChoices: { ...state.targetChoices, step: action.step } };
    case "raise-changed":
      return { ...state, targetChoices: { ...state.targetChoices, raise: action.raise } };
    case "out-of-reach-toggled": {
      const outOfReach = {
        ...state.targetChoices.outOfReach,
        [action.framework]: toggled(state.targetChoices.outOfReach[action.framework] ?? [], action.indicator),
      };
      return { ...state, targetChoices: { ...state.targetChoices, outOfReach } };
    }
  }
}
