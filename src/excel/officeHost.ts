/**
 * The Office.js host: the workbook Excel has open, through the Excel JavaScript API.
 *
 * Round trips are what make an add-in slow, so each step is as few `context.sync`s as
 * Excel's limits allow:
 * - read: each sheet's size, protection, defined names and the custom conditional
 *   formats, with the cells of the rows the last read read, in one batch. Sheets can
 *   only be asked for by name, so the names learned by the previous read are used and
 *   checked in the same batch; only when the sheet list changed (or on the very first
 *   read) is another trip made. Which rows are read is the core's to say (readingNeeds):
 *   the first rows of every sheet, then the rows it asks for; a sheet whose size changed
 *   is read afresh that way. Excel on the web refuses an answer over 5 MB, so what does
 *   not fit comes in parts of at most 4 MB each (readChunks.ts).
 * - apply: two round trips, whatever the rows. The first looks at everything the plan
 *   touches as it is now (planFacts.ts): a person or a co-author may have typed, protected
 *   or applied since the last read. The core checks the plan against it (planCheck.ts);
 *   only when what the preview showed still holds does the second write the checked plan,
 *   in one batch, deciding by what the first learned (our rules' places, names, charts).
 *   Every refusal comes before the write, so a workbook is never left half-written.
 *   That code (officeApply.ts) is fetched at the first check or apply, a chunk apart from
 *   the pane's first download; fetching it is not a round trip to Excel.
 * Each member of the API is used only where Excel reports its requirement set.
 *
 * Real Excel's rough edges, each modelled by the fake:
 * - a person typing in a cell fails every batch; reads and the change-event registration
 *   ask Excel to wait instead (RunOptions.delayForCellEdit, ExcelApi 1.11), and a
 *   registration refused for it is tried again until it holds;
 * - a sheet whose conditional formats Excel cannot list (office-js #6827, #6835) is read
 *   without them, and an apply leaves its formats alone and says so; deleting a format by
 *   position can fail where two share a cell (office-js #5222): the apply deletes our
 *   earlier formats as the items its look has just listed;
 * - Manual calculation and the decimal separator Excel shows numbers with are learned in
 *   the read's first round trip; Worksheet.getRanges takes addresses of a limited length.
 */
import { Bilingual } from "../core/framework";
import { bi } from "../core/messages";
import { CellValue, columnLetter, SheetGrid, WorkbookGrid } from "../core/grid";
import { RowSpan, unread } from "../core/readingNeeds";
import type { WritePlan } from "../core/writePlan";
import { ApiLevels, readApiLevels, SkippedPart, skippedParts } from "./capabilities";
import { isCellEditError, isPayloadError, officeErrorCode, toHostError } from "./hostErrors";
import { Area, intersects, parseAreas } from "./rangeAddress";
import { GUESS_BYTES_PER_CELL, halve, PAYLOAD_BUDGET, planChunks, RowsWanted } from "./readChunks";
import {
  ApplyOptions,
  ApplyOutcome,
  HostCapabilities,
  HostError,
  LevelChange,
  LevelWatch,
  PLAIN_STATUS,
  RowsNeeded,
  WorkbookHost,
  WorkbookStatus,
} from "./workbookHost";
import type { CheckedPlan, PlanChoices } from "../core/planCheck";
import { NO_CHOICES } from "../core/planBasics";
import type { FactsAnswer } from "./planFacts";

/** The writing half (officeApply.ts): a chunk of its own, fetched at the first check or apply. */
const writing = () => import(/* webpackChunkName: "apply" */ "./officeApply.js");
type Writing = Awaited<ReturnType<typeof writing>>;

export interface OfficeHost extends WorkbookHost {
  /** the parts of the last applied plan this Excel could not write, each with a sentence for the assessor */
  lastSkipped(): SkippedPart[];
  status(): WorkbookStatus;
  calculate(): Promise<void>;
  setPaneWidth(width: number): boolean;
}

/** Quiet time before a burst of edits (a paste, a fill-down) becomes one refresh. */
export const DEBOUNCE_MS = 300;
/** Excel delivers the change events of our own writes shortly after the round trip. */
export const OWN_WRITE_WINDOW_MS = 1000;
/** How soon a change-event registration refused while a person edited a cell is tried again. */
export const WATCH_RETRY_MS = 1000;

/**
 * A custom conditional format as the sheet's whole collection listed it. Excel has no
 * stable id for a format: its `id` is its priority, which shifts as formats are added
 * or deleted, so a format is known by where it stood and what its formula says.
 */
export interface KnownRule {
  /** place in the sheet's collection, highest priority first */
  position: number;
  /** as Excel reports it, with the leading "=" */
  formula: string;
}

/** What the last read learned, kept so the next read and the next apply need no extra trip. */
export interface Known {
  /** the round trip this knowledge dates from; Excel runs round trips in the order they are sent */
  asOf: number;
  sheets: string[];
  protectedSheets: Set<string>;
  /** lower-case sheet name → its custom conditional formats */
  rules: Map<string, KnownRule[]>;
  /** lower-case defined names */
  names: Set<string>;
  /** lower-case sheet name → names of its charts */
  charts: Map<string, Set<string>>;
}

const lower = (s: string) => s.toLowerCase();
const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** What is read of each cell. */
const CELLS_LOAD = "values,formulas,valueTypes";
/**
 * Rows of each sheet the first trip brings when nothing was read before: more than the
 * header band the core looks at first, so that the usual assessment sheet comes whole.
 */
const FIRST_ROWS = 100;
/** What a sheet the last read did not see is taken to cost: its first rows, as a usual sheet has them. */
const UNSEEN_SHEET_BYTES = FIRST_ROWS * 10 * GUESS_BYTES_PER_CELL;

/** A sheet's cells as read so far: rows not read yet are holes. */
interface SheetCells {
  name: string;
  rows: number;
  columns: number;
  values: unknown[][];
  formulas: unknown[][];
  types: string[][];
  /** runs of rows read, 0-based, inclusive */
  runs: [number, number][];
  /** what the rows read took in the responses */
  bytes: number;
}

/** What the last read read of a sheet, to ask for the same in one trip next time. */
interface SheetRead {
  rows: number;
  columns: number;
  runs: [number, number][];
  bytes: number;
}

/** What rows of cells cost in a response: their values, formulas and value types as JSON. */
function responseBytes(values: unknown[][], formulas: unknown[][], types: string[][]): number {
  return JSON.stringify(values).length + JSON.stringify(formulas).length + JSON.stringify(types).length;
}

/** Rows `from`.. of a sheet's cells, as one range answered them. */
function put(g: SheetCells, from: number, values: unknown[][], formulas: unknown[][], types: string[][]): void {
  const n = Math.min(values.length, g.rows - from);
  if (n <= 0) return;
  for (let k = 0; k < n; k++) {
    g.values[from + k] = values[k];
    g.formulas[from + k] = formulas[k];
    g.types[from + k] = types[k];
  }
  g.runs.push([from, from + n - 1]);
  g.bytes += responseBytes(values.slice(0, n), formulas.slice(0, n), types.slice(0, n));
}

function rowsReadCount(g: SheetCells): number {
  return g.runs.reduce((n, [a, b]) => n + b - a + 1, 0);
}

/** What is read of a sheet's conditional formats: only the custom ones' formulas (other kinds read as null objects). */
export const RULES_LOAD = "items/customOrNullObject/rule/formula";

export function customRules(collection: Excel.ConditionalFormatCollection): KnownRule[] {
  const out: KnownRule[] = [];
  collection.items.forEach((cf, position) => {
    const custom = cf.customOrNullObject;
    if (!custom.isNullObject) out.push({ position, formula: custom.rule.formula });
  });
  return out;
}

function normalise(value: unknown, type: string): CellValue {
  // Excel hands errors over as their text ("#DIV/0!"); keep which error it was.
  if (type === "Error") return { error: typeof value === "string" && value.startsWith("#") ? value : "#N/A" };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function sheetGrid(g: SheetCells): SheetGrid {
  const rows: CellValue[][] = [];
  const fs: (string | null)[][] = [];
  for (let r = 0; r < g.rows; r++) {
    const row: CellValue[] = [];
    const values = g.values[r] ?? [];
    let last = -1;
    for (let c = 0; c < values.length; c++) {
      const v = normalise(values[c], g.types[r][c]);
      row.push(v);
      if (v !== null) last = c;
      const f = g.formulas[r][c];
      if (typeof f === "string" && f.startsWith("=")) (fs[r] ??= [])[c] = f;
    }
    row.length = last + 1;
    rows.push(row);
  }
  const whole = rowsReadCount(g) >= g.rows;
  return whole
    ? { name: g.name, values: rows, formulas: fs }
    : { name: g.name, values: rows, formulas: fs, rowsRead: mergedRuns(g.runs) };
}

function mergedRuns(runs: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...runs].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

class OfficeJsHost implements OfficeHost {
  private syncs = 0;
  /** round trips sent that read or change the workbook, to order what they learned */
  private sent = 0;
  private known: Known | undefined;
  private applying = 0;
  private ownWritesUntil = 0;
  private skipped: SkippedPart[] = [];
  private readonly levels: ApiLevels;
  /** lower-case sheet name → what the last read read of it */
  private readonly lastRead = new Map<string, SheetRead>();
  /** lower-case names of sheets whose conditional formats Excel could not list */
  private readonly unreadableRules = new Set<string>();
  private excelStatus: WorkbookStatus = PLAIN_STATUS;

  constructor(
    private readonly excel: typeof Excel,
    private readonly office: typeof Office | undefined,
  ) {
    this.levels = readApiLevels(office);
  }

  private async sync(ctx: Excel.RequestContext): Promise<void> {
    this.syncs++;
    await ctx.sync();
  }

  capabilities(): HostCapabilities {
    const { dataValidation, conditionalFormats, events, names } = this.levels;
    return { dataValidation, conditionalFormats, events, names };
  }

  syncCount(): number {
    return this.syncs;
  }

  displayLanguage(): string {
    return this.office?.context?.displayLanguage || "en-US";
  }

  /**
   * `Office.extensionLifeCycle.taskpane.setWidth`, TaskPaneApi 1.1 (`@types/office-js`):
   * 350–500 px on the web, up to half the window on Windows and Mac; a width outside the
   * range leaves the pane as it is, without an error.
   */
  setPaneWidth(width: number): boolean {
    try {
      if (!this.office?.context?.requirements?.isSetSupported("TaskPaneApi", "1.1")) return false;
      this.office.extensionLifeCycle.taskpane.setWidth(Math.round(width));
      return true;
    } catch {
      return false;
    }
  }

  lastSkipped(): SkippedPart[] {
    return this.skipped;
  }

  // ----- read -----

  /**
   * Excel.run for reads and registrations: where Excel knows it, the batch waits while a
   * person edits a cell instead of failing (RunOptions.delayForCellEdit: "if the user is in
   * cell edit mode the batch request is delayed until the user exits cell edit mode").
   * Applies keep failing at once: a write should not land long after the click.
   */
  private async runWaiting<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.levels.delayForCellEdit) return this.excel.run(batch);
    try {
      return await this.excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      // office-js #3019: builds of Excel on the web failed every delayed batch as if a cell
      // were being edited. Once more without the option: a person really editing gets the same answer.
      if (!isCellEditError(e)) throw e;
      return this.excel.run(batch);
    }
  }

  status(): WorkbookStatus {
    return {
      ...this.excelStatus,
      unreadableRules: (this.known?.sheets ?? []).filter((n) => this.unreadableRules.has(lower(n))),
    };
  }

  async calculate(): Promise<void> {
    try {
      await this.excel.run(async (ctx) => {
        ctx.workbook.application.calculate("Full");
        await this.sync(ctx);
      });
    } catch (e) {
      throw toHostError(e, "calculate");
    }
  }

  async read(needs?: RowsNeeded): Promise<WorkbookGrid> {
    try {
      return await this.runWaiting(async (ctx) => {
        let expected = this.known?.sheets;
        let cellsFirst = true;
        let withRules = true;
        /** the names a pass expected when it failed with ItemNotFound */
        let missed: string[] | undefined;
        let failure: unknown;
        // Each pass returns the grid or learns the sheet names afresh (a renamed sheet
        // costs one failed pass more, a list of formats Excel cannot read one more);
        // five passes without a grid: the sheets keep changing.
        for (let pass = 0; pass < 5; pass++) {
          const r = await this.readPass(ctx, expected, cellsFirst, needs, withRules);
          if (r.grid) {
            if (!withRules) await this.probeRules(ctx, r.names!);
            return r.grid;
          }
          if (r.tooBig) cellsFirst = false;
          else if (r.failed) {
            failure = r.failed;
            if (officeErrorCode(r.failed) === "ItemNotFound") {
              missed = expected;
              expected = undefined;
            } else if (withRules) withRules = false;
            else throw r.failed;
          } else {
            // The sheets the failed pass asked for are all there: what failed was a list of conditional formats.
            const same = !!missed && sameNames(missed, r.sheets!);
            if (same && !withRules) throw failure;
            if (same) withRules = false;
            missed = undefined;
            expected = r.sheets;
          }
        }
        throw new HostError(
          "sync-failed",
          bi(
            "Daftar lembar terus berubah selama dibaca. Tunggu sebentar, lalu klik Muat ulang.",
            "The list of sheets kept changing while it was read. Wait a moment, then click Refresh.",
          ),
        );
      });
    } catch (e) {
      // What the last read measured no longer holds: the next read starts small.
      if (isPayloadError(e)) this.lastRead.clear();
      throw toHostError(e, "read");
    }
  }

  /**
   * What the last read read fits one response. A sheet it did not see (just added, by us
   * or by a person) counts as a usual one; should it be far larger, the answer fails and
   * the read goes on in parts.
   */
  private fitsOneTrip(sheets: string[]): boolean {
    if (this.lastRead.size === 0) return false;
    let total = 0;
    for (const name of sheets) total += this.lastRead.get(lower(name))?.bytes ?? UNSEEN_SHEET_BYTES;
    return total <= PAYLOAD_BUDGET;
  }

  /**
   * One round trip for the sheet list, protection, names, our formats and charts, each
   * sheet's size, and, when names are expected and `cellsFirst`, cells: the rows the last
   * read read, when they fit one answer (a refresh of the usual workbook is this one
   * trip), else the first rows of each sheet. Rows still needed, as `needs` decides from
   * what was read (every row without it), follow in trips sized under the payload limit.
   */
  private async readPass(
    ctx: Excel.RequestContext,
    expected: string[] | undefined,
    cellsFirst: boolean,
    needs: RowsNeeded | undefined,
    withRules: boolean,
  ): Promise<{ grid?: WorkbookGrid; names?: string[]; sheets?: string[]; tooBig?: boolean; failed?: unknown }> {
    const wb = ctx.workbook;
    const lv = this.levels;
    const list = wb.worksheets.load(lv.protection ? "items/name,items/protection/protected" : "items/name");
    const names = expected ? wb.names.load("items/name") : undefined;
    // Excel's own settings ride along in the same trip: calculation mode (1.1), separators (1.11).
    const app = wb.application.load(
      lv.cultureInfo ? "calculationMode,decimalSeparator,useSystemSeparators" : "calculationMode",
    );
    const culture = lv.cultureInfo ? app.cultureInfo.numberFormat.load("numberDecimalSeparator") : undefined;
    const again = !!expected && this.fitsOneTrip(expected);
    const perSheet = (expected ?? []).map((name) => {
      const ws = wb.worksheets.getItem(name);
      const used = lv.protection ? ws.getUsedRange(true) : ws.getUsedRange();
      const rect = ws.getRange("A1").getBoundingRect(used).load("rowCount,columnCount");
      const last = this.lastRead.get(lower(name));
      let cells: { from: number; range: Excel.Range }[] = [];
      const asBefore = cellsFirst && again && !!last;
      if (asBefore) {
        const right = columnLetter(last.columns - 1);
        cells = last.runs.map(([from, to]) => ({
          from,
          range: ws.getRange(`A${from + 1}:${right}${to + 1}`).load(CELLS_LOAD),
        }));
      } else if (cellsFirst) {
        cells = [{ from: 0, range: rect.getIntersection(ws.getRange(`1:${FIRST_ROWS}`)).load(CELLS_LOAD) }];
      }
      const rules =
        lv.conditionalFormats && withRules && !this.unreadableRules.has(lower(name))
          ? ws.getRange().conditionalFormats.load(RULES_LOAD)
          : undefined;
      const charts = ws.charts.load("items/name");
      return { name, rect, last, asBefore, cells, rules, charts };
    });
    const asOf = ++this.sent;
    try {
      await this.sync(ctx);
    } catch (e) {
      // The cells did not fit one answer: ask again without them, then read them in parts.
      if (cellsFirst && expected && isPayloadError(e)) return { tooBig: true };
      // A sheet we expected was deleted or renamed (learn the names afresh), or a list of
      // conditional formats could not be read (read again without them).
      // (#2180 reports the latter as InvalidOperation, "not permitted for the current object".)
      const listedRules = perSheet.some((s) => s.rules);
      const code = officeErrorCode(e);
      if (expected && (code === "ItemNotFound" || (listedRules && code === "InvalidOperation" && !isCellEditError(e))))
        return { failed: e };
      throw e;
    }
    this.excelStatus = {
      manualCalculation: app.calculationMode === "Manual",
      unreadableRules: [],
      decimalSeparator: culture
        ? app.useSystemSeparators
          ? culture.numberDecimalSeparator
          : app.decimalSeparator
        : undefined,
    };
    const actual = list.items.map((s) => s.name);
    const protectedSheets = new Set(
      lv.protection ? list.items.filter((s) => s.protection.protected).map((s) => lower(s.name)) : [],
    );
    if (!expected || !names || !sameNames(actual, expected)) {
      this.learn({ asOf, sheets: actual, protectedSheets, rules: new Map(), names: new Set(), charts: new Map() });
      return { sheets: actual };
    }
    const rules = new Map<string, KnownRule[]>();
    for (const s of perSheet) if (s.rules) rules.set(lower(s.name), customRules(s.rules));
    const charts = new Map(perSheet.map((s) => [lower(s.name), new Set(s.charts.items.map((c) => c.name))]));
    this.learn({
      asOf,
      sheets: actual,
      protectedSheets,
      rules,
      names: new Set(names.items.map((n) => lower(n.name))),
      charts,
    });

    const got: SheetCells[] = perSheet.map((s) => {
      const g: SheetCells = {
        name: s.name,
        rows: s.rect.rowCount,
        columns: s.rect.columnCount,
        values: [],
        formulas: [],
        types: [],
        runs: [],
        bytes: 0,
      };
      // Rows asked for by the last read's size stand only while the sheet keeps that size.
      const sameShape = !s.last || (s.last.rows === g.rows && s.last.columns === g.columns);
      if (!s.asBefore || sameShape)
        for (const c of s.cells) put(g, c.from, c.range.values, c.range.formulas, c.range.valueTypes as string[][]);
      return g;
    });
    const gridOf = (): WorkbookGrid => ({ sheets: got.map(sheetGrid) });
    // Read what is needed and not read yet, until what was read asks for nothing more.
    let grid = gridOf();
    const bySheet = new Map(got.map((g) => [g.name, g]));
    let wanted: RowSpan[] = [];
    for (let stage = 0; ; stage++) {
      wanted = needs ? needs(grid) : got.map((g) => ({ sheet: g.name, from: 0, to: g.rows - 1 }));
      const missing = wanted.flatMap((span) =>
        unread(span, bySheet.get(span.sheet)?.runs ?? [[0, Number.MAX_SAFE_INTEGER]]),
      );
      if (missing.length === 0) break;
      if (stage === 3) throw new Error("the rows a reading needs kept growing");
      await this.readRows(ctx, bySheet, missing);
      grid = gridOf();
    }
    // The next read asks for what this one needed (not the extra first rows it took), at what those rows cost;
    // a read that needed no cells (before an apply) leaves that to the reads that do.
    for (const g of needs && wanted.length === 0 ? [] : got) {
      const runs = mergedRuns(
        wanted.filter((w) => w.sheet === g.name).map((w): [number, number] => [w.from, Math.min(w.to, g.rows - 1)]),
      );
      const needed = runs.reduce((n, [a, b]) => n + b - a + 1, 0);
      const read = rowsReadCount(g);
      this.lastRead.set(lower(g.name), {
        rows: g.rows,
        columns: g.columns,
        runs,
        bytes: read > 0 ? Math.ceil((g.bytes * needed) / read) : 0,
      });
    }
    return { grid, names: actual };
  }

  /**
   * Each sheet's conditional formats in a round trip of its own, after a read that had to
   * leave them out: a sheet whose list fails is remembered, read without its formats from
   * then on, and its formats left alone by an apply (the pane says so).
   */
  private async probeRules(ctx: Excel.RequestContext, sheets: string[]): Promise<void> {
    if (!this.levels.conditionalFormats) return;
    for (const name of sheets) {
      const collection = ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats.load(RULES_LOAD);
      try {
        await this.sync(ctx);
      } catch {
        this.unreadableRules.add(lower(name));
        continue;
      }
      this.unreadableRules.delete(lower(name));
      this.known?.rules.set(lower(name), customRules(collection));
    }
  }

  /** Rows of sheets, in trips that each stay under the payload limit. */
  private async readRows(ctx: Excel.RequestContext, bySheet: Map<string, SheetCells>, spans: RowSpan[]): Promise<void> {
    const wanted: RowsWanted[] = spans.map((span) => {
      const g = bySheet.get(span.sheet)!;
      const read = rowsReadCount(g);
      return { ...span, columns: g.columns, bytesPerRow: read > 0 ? g.bytes / read : g.columns * GUESS_BYTES_PER_CELL };
    });
    const queue = planChunks(wanted);
    while (queue.length) {
      const trip = queue.shift()!;
      const loaded = trip.map((c) => ({
        c,
        range: ctx.workbook.worksheets
          .getItem(c.sheet)
          .getRange(`A${c.from + 1}:${columnLetter(c.columns - 1)}${c.to + 1}`)
          .load(CELLS_LOAD),
      }));
      try {
        await this.sync(ctx);
      } catch (e) {
        // Longer rows than expected: the same rows again in smaller parts, in order.
        if (!isPayloadError(e) || trip.every((c) => c.from === c.to)) throw e;
        queue.unshift(...trip.flatMap(halve).map((c) => [c]));
        continue;
      }
      for (const { c, range } of loaded)
        put(bySheet.get(c.sheet)!, c.from, range.values, range.formulas, range.valueTypes as string[][]);
    }
  }

  /** A read that was overtaken by a later round trip (an apply, a newer read) must not undo what that one learned. */
  private learn(k: Known): void {
    if (!this.known || this.known.asOf < k.asOf) this.known = k;
  }

  // ----- apply -----

  async check(plan: WritePlan, choices: PlanChoices = NO_CHOICES): Promise<CheckedPlan> {
    const w = await writing();
    try {
      return await this.excel.run(async (ctx) => w.checkPlan(plan, (await this.look(ctx, plan, w)).facts, choices));
    } catch (e) {
      throw this.lookError(e, w);
    }
  }

  /** One round trip at everything the plan touches; what it learns is the host's knowledge from now on. */
  private async look(ctx: Excel.RequestContext, plan: WritePlan, w: Writing): Promise<FactsAnswer> {
    const answer = w.queueFacts(ctx, plan, w.factsWanted(plan), this.known?.sheets, {
      ...this.levels,
      // Workbook.protection came with ExcelApi 1.7, as the change events did.
      workbookProtection: this.levels.events,
    });
    const asOf = ++this.sent;
    await this.sync(ctx);
    const a = answer();
    const rules = new Map<string, KnownRule[]>();
    const charts = new Map<string, Set<string>>();
    for (const [key, look] of a.looks) {
      if (look.rules) rules.set(key, customRules(look.rules));
      if (look.charts) charts.set(key, new Set(look.charts.items.map((c) => c.name)));
    }
    this.learn({ asOf, sheets: a.sheets, protectedSheets: a.protectedSheets, rules, names: a.names, charts });
    return a;
  }

  /** A sheet the plan writes on that is gone fails the look: nothing was written. */
  private lookError(e: unknown, w: Writing): HostError {
    if (officeErrorCode(e) === "ItemNotFound") {
      this.known = undefined;
      return new HostError("refused", w.sheetGoneMessage());
    }
    return toHostError(e, "apply");
  }

  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
    const w = await writing();
    const choices = options.choices ?? options.seen?.choices ?? NO_CHOICES;
    const caps = this.capabilities();
    // A sheet whose formats Excel could not list is tried once more (a person may have
    // mended the rule); if it still fails it keeps its formats as they are: ours could not
    // be told apart, only doubled (office-js #6827, #6835).
    const unlistedBefore = caps.conditionalFormats
      ? [...new Set(plan.conditionalFormats.map((f) => f.sheet))].filter((s) => this.unreadableRules.has(lower(s)))
      : [];
    if (unlistedBefore.length)
      await this.runWaiting((ctx) => this.probeRules(ctx, unlistedBefore)).catch(() => undefined);
    const unlisted = unlistedBefore.filter((s) => this.unreadableRules.has(lower(s)));
    const unlistedSkip: SkippedPart[] = unlisted.length
      ? [{ part: "conditionalFormats", message: unreadableRulesMessage(unlisted) }]
      : [];
    if (unlisted.length)
      plan = { ...plan, conditionalFormats: plan.conditionalFormats.filter((f) => !unlisted.includes(f.sheet)) };
    this.applying++;
    try {
      return await this.excel.run(async (ctx): Promise<ApplyOutcome> => {
        let a: FactsAnswer;
        try {
          a = await this.look(ctx, plan, w);
        } catch (e) {
          throw this.lookError(e, w);
        }
        const checked = w.checkPlan(plan, a.facts, choices);
        if (checked.refusal)
          throw new HostError(a.facts.protectedSheets.length ? "protected" : "refused", checked.refusal);
        const seen = options.seen ?? w.checkPlan(plan, w.expectedFacts(plan), choices);
        if (!w.sameOutcome(seen, checked) || a.unseen.length) {
          const changes = [...a.unseen.map(w.coAuthorSheetMessage), ...w.whatChanged(seen, checked)];
          return { written: false, checked, changes };
        }
        this.skipped = [...skippedParts(caps, checked.plan), ...unlistedSkip];
        // Nothing to write (an empty plan): the look was the whole apply.
        if (w.writesNothing(checked.plan)) return { written: true, checked };
        // Ours are deleted as the items the look just listed, not by position: deleting by
        // position fails where two formats share a cell (office-js #5222).
        const listed = new Map<string, Excel.ConditionalFormatCollection>();
        for (const [key, look] of a.looks) if (look.rules) listed.set(key, look.rules);
        const batch = new w.ApplyBatch(ctx, this.known!, this.levels, listed);
        batch.queue(checked.plan, caps);
        const asOf = ++this.sent;
        try {
          await this.sync(ctx);
        } catch (e) {
          // Part of the batch may have run; learn the workbook afresh before the next apply.
          this.known = undefined;
          throw toHostError(e, "apply");
        }
        // A read sent after this apply already saw its changes.
        const k = this.known;
        if (k && k.asOf < asOf) {
          batch.remember(k);
          k.asOf = asOf;
        }
        return { written: true, checked };
      });
    } catch (e) {
      throw toHostError(e, "apply");
    } finally {
      this.applying--;
      this.ownWritesUntil = Date.now() + OWN_WRITE_WINDOW_MS;
    }
  }

  // ----- select, watch -----

  async select(sheet: string, address: string): Promise<void> {
    try {
      await this.excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await this.sync(ctx);
      });
    } catch (e) {
      throw toHostError(e, "select");
    }
  }

  async watch(target: LevelWatch, onChange: (change?: LevelChange) => void): Promise<() => void> {
    if (!this.levels.events) return () => undefined;
    const areas = target.ranges.flatMap((r) => parseAreas(r) ?? []);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A co-author's change among those debounced together makes the reading theirs
    // (WorksheetChangedEventArgs.source: "Local" | "Remote", ExcelApi 1.7).
    let remote = false;
    const handler = async (args: Excel.WorksheetChangedEventArgs) => {
      if (stopped || !this.isPersonsLevelChange(args, areas)) return;
      remote = remote || args.source === "Remote";
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const change = { remote };
        remote = false;
        if (!stopped) onChange(change);
      }, DEBOUNCE_MS);
    };
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const remove = (reg: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>) =>
      // The handler was registered in that run's context; it is removed through it.
      void this.excel
        .run(reg.context, async (ctx) => {
          reg.remove();
          await this.sync(ctx as Excel.RequestContext);
        })
        .catch(() => undefined);
    const register = () =>
      this.runWaiting(async (ctx) => {
        const reg = ctx.workbook.worksheets.getItem(target.sheet).onChanged.add(handler);
        await this.sync(ctx);
        if (stopped) remove(reg);
        else registration = reg;
      });
    // Refused while a person edits a cell (an Excel without delayForCellEdit): tried again
    // until it holds, so live updates do not stop for good. Other failures end the retries.
    const again = () => {
      retry = setTimeout(() => {
        retry = undefined;
        if (!stopped) register().catch((e) => (isCellEditError(e) ? again() : undefined));
      }, WATCH_RETRY_MS);
    };
    try {
      await register();
    } catch (e) {
      if (!isCellEditError(e)) throw toHostError(e, "watch");
      again();
    }
    return () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      if (registration) remove(registration);
    };
  }

  private isPersonsLevelChange(args: Excel.WorksheetChangedEventArgs, areas: Area[]): boolean {
    if (args.triggerSource === "ThisLocalAddin") return false;
    // Before ExcelApi 1.14 an event does not say who caused it: local changes that
    // arrive while our own writes land are taken for ours. A co-author's are not.
    if (
      !this.levels.triggerSource &&
      args.source !== "Remote" &&
      (this.applying > 0 || Date.now() < this.ownWritesUntil)
    )
      return false;
    // Inserted or deleted rows move the table: always worth a fresh read.
    if (STRUCTURAL.has(String(args.changeType))) return true;
    const changed = parseAreas(args.address ?? "");
    if (!changed) return true;
    return changed.some((c) => areas.some((a) => intersects(c, a)));
  }
}

/** Said after an apply that left a sheet's conditional formats alone because Excel could not list them. */
export function unreadableRulesMessage(sheets: string[]): Bilingual {
  const list = sheets.map((s) => `"${s}"`).join(", ");
  return bi(
    `Excel tidak dapat membaca daftar format bersyarat di lembar ${list} (masalah Excel yang dikenal, office-js #6827), jadi format bersyarat di sana dibiarkan apa adanya: sorotan nilai rendah dan tidak sah tidak dipasang atau diperbarui. Periksa aturannya di Beranda › Pemformatan Bersyarat › Kelola Aturan.`,
    `Excel could not list the conditional formats on sheet ${list} (a known Excel issue, office-js #6827), so the formats there were left as they are: the highlights of low and invalid levels were not added or updated. Check the rules under Home › Conditional Formatting › Manage Rules.`,
  );
}

export function createOfficeHost(excel: typeof Excel, office: typeof Office | undefined): OfficeHost {
  return new OfficeJsHost(excel, office);
}
