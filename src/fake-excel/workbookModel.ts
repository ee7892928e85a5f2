/**
 * The in-memory workbook behind the strict fake: cells with values, formulas and
 * formats, data validation, conditional formats, defined names, protection, and the
 * change events Excel raises. It recalculates every formula after each round trip and
 * after each person's edit, so the results sheet stays live as in Excel.
 */
import { CellValue, isCellError, WorkbookGrid } from "../core/grid";
import { Area, areaAddress, MAX_COLUMNS } from "../excel/rangeAddress";
import { cellResult, evaluate, EvalHost, isSupportedFunction, numberText, roundHalfUp } from "./formula/evaluate";
import { FormulaSyntaxError, Node, parseFormula } from "./formula/parse";
import { FakeOfficeError } from "./errors";

export interface FakeCellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface FakeValidationRule {
  type: "wholeNumber" | "decimal" | "list";
  /** for a list: "", as Excel has no operator for it */
  operator: string;
  /** for a list: its source, "1,2,3,4,5" or "=$H$1:$H$5" */
  formula1: number | string;
  formula2?: number | string;
}

export interface FakeValidation {
  rule?: FakeValidationRule;
  ignoreBlanks: boolean;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
}

export interface FakeConditionalRule {
  id: string;
  type: "Custom";
  areas: Area[];
  /** with its leading "=", relative to the top-left cell of the first area */
  formula: string;
  ast?: Node;
  fill?: string;
  fontColor?: string;
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  title: string;
  /** top-left cell the chart sits on */
  anchor?: Area;
  width: number;
  height: number;
  series: { name: string; values: Area }[];
  categories?: Area;
}

export interface FakeCell {
  value: CellValue;
  formula?: string;
  ast?: Node;
  /** a formula the fake cannot evaluate keeps the value it came with */
  frozen?: boolean;
  style?: FakeCellStyle;
  validation?: FakeValidation;
}

/** Office's WorksheetChangedEventArgs, the fields the fake fills in. */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  address: string;
  worksheetId: string;
  triggerSource?: "Unknown" | "ThisLocalAddin";
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

export type ChangeHandler = (args: FakeChangedEvent) => unknown;

export interface FakePageSetup {
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** whole rows repeated at the top of each printed page */
  titleRows?: Area;
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  protected = false;
  /** column index → width in points */
  readonly widths = new Map<number, number>();
  /** first is the highest priority, as Excel orders them */
  rules: FakeConditionalRule[] = [];
  charts: FakeChart[] = [];
  /**
   * Merged areas. Excel shows only the top-left cell of each ("When you merge multiple
   * cells, the contents of only one cell (the upper-left cell…) appear in the merged
   * cell", Microsoft Support, "Merge and unmerge cells"); a value written into another
   * cell of the area is kept but not shown.
   */
  merges: Area[] = [];
  /** how the sheet prints: Excel's defaults until an add-in or a person sets them */
  readonly page: FakePageSetup = { orientation: "Portrait", zoom: { scale: 100 } };
  readonly handlers = new Set<ChangeHandler>();
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const k = FakeSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  /** The used range: cells with values (valuesOnly) or with anything at all. */
  used(valuesOnly: boolean): Area | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const has =
        c.value !== null ||
        c.formula !== undefined ||
        (!valuesOnly && (c.style !== undefined || c.validation !== undefined));
      if (!has) continue;
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k % MAX_COLUMNS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
}

export function valueType(v: CellValue): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (v === null) return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/** How Excel's API and a person's typing read what is entered into a cell. */
export function typedInput(input: unknown): { value: CellValue } | { formula: string } | { unchanged: true } {
  if (input === null || input === undefined) return { unchanged: true };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "a cell cannot hold an infinite number");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `a cell cannot hold ${typeof input}`);
  if (input === "") return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1) === "" ? null : input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/i.test(t)) return { value: { error: t.toUpperCase() } };
  return { value: input };
}

function usesOnlySupported(n: Node): boolean {
  switch (n.k) {
    case "call":
      return isSupportedFunction(n.fn) && n.args.every(usesOnlySupported);
    case "neg":
    case "pct":
      return usesOnlySupported(n.x);
    case "bin":
      return usesOnlySupported(n.a) && usesOnlySupported(n.b);
    default:
      return true;
  }
}

/** A formula Excel would accept and the fake can evaluate, or a thrown Office error. */
export function checkedFormula(text: string): Node {
  let ast: Node;
  try {
    ast = parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaSyntaxError)
      throw new FakeOfficeError("InvalidArgument", `There's a problem with this formula: ${text} (${e.message})`);
    throw e;
  }
  if (!usesOnlySupported(ast)) throw new FakeOfficeError("NotImplemented", `the fake Excel cannot evaluate ${text}`);
  return ast;
}

/** What a cell shows, for the workbench grid: "0.00" and "0" formats, otherwise General. */
export function displayText(v: CellValue, numberFormat?: string): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  if (typeof v === "string") return v;
  const fixed = numberFormat && /^0(\.0+)?$/.exec(numberFormat);
  if (fixed) {
    const places = fixed[1] ? fixed[1].length - 1 : 0;
    return roundHalfUp(v, places).toFixed(places);
  }
  // General shows at most 11 characters, dropping digits before switching to exponents.
  for (let digits = 11; digits >= 1; digits--) {
    const t = numberText(Number(v.toPrecision(digits)));
    if (t.length <= 11) return t;
  }
  return v.toExponential(5).toUpperCase();
}

export interface ModelOptions {
  apiVersion: string;
  displayLanguage: string;
  /** the regional settings Excel formats numbers by (CultureInfo.name, ExcelApi 1.11), e.g. "id-ID" */
  culture: string;
  /** bytes a request or a response may hold */
  payloadLimit: number;
}

/** Who changed the workbook: an add-in's round trip (in which Excel: 0 is this person's, others co-authors'), or a person. */
type BatchSource = { addin: number } | { source: "Local" | "Remote" };

interface PendingChange {
  sheet: FakeSheet;
  area: Area;
  before?: CellValue;
}

/** "1.10" > "1.9": requirement set versions compare by number. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class WorkbookModel implements EvalHost {
  sheets: FakeSheet[] = [];
  /** lower-case name → defined name */
  readonly names = new Map<string, { name: string; reference: string; ast?: Node }>();
  syncCount = 0;
  /** "Type.member" → its requirement set, for every Excel member used so far */
  readonly used = new Map<string, string>();
  /** bytes sent and received by each round trip, in order */
  readonly traffic: { request: number; response: number }[] = [];
  /** a person is typing in a cell: batches fail, or wait when their Excel.run asked to (see setCellEditMode) */
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** the workbook's structure is protected (Review › Protect Workbook; WorkbookProtection.protected, ExcelApi 1.7) */
  structureProtected = false;
  /** which Excel (this person's, or a co-author's) registered each change handler */
  readonly handlerClient = new WeakMap<ChangeHandler, number>();
  failNext: FakeOfficeError | undefined;
  /**
   * Application.calculationMode, an application-wide runtime setting (ExcelApi 1.1 to
   * read): under "Manual" Excel calculates a formula when it is entered and everything
   * else only on request (F9, Application.calculate).
   */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** formulas entered since the last calculation: Manual mode still calculates these */
  private entered = new Set<FakeCell>();
  /** faults of real Excel that tests switch on (see FakeWorkbookHandle.conditionalFormatFaults) */
  readonly faults = {
    /** office-js #5222: ConditionalFormatCollection.getItemAt(n).delete() fails with ItemNotFound on a rule sharing a cell with another */
    deleteAtSharedCell: false,
    /** office-js #3019: every batch run with delayForCellEdit fails as if a cell were being edited */
    delayedBatchesFail: false,
    /** office-js #6827, #6835: loading these sheets' conditional formats fails with this code */
    unreadableRules: new Map<string, string>(),
  };
  activeSheetId: string | undefined;
  selection: { sheetId: string; area: Area } | undefined;
  private nextId = 1;
  private listeners = new Set<() => void>();
  private changes: PendingChange[] = [];
  private batchSource: BatchSource | undefined;
  private dirty = false;
  private calcState = new Map<FakeCell, "busy" | "done">();

  constructor(readonly options: ModelOptions) {}

  get cellEditMode(): boolean {
    return this.editing;
  }

  /** Leaving the cell lets the batches that asked to wait for it run, in order. */
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (on) return;
    for (const w of this.editWaiters.splice(0)) w();
  }

  /** Resolves when the person leaves the cell they are editing (at once when they are not). */
  cellEditEnded(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  newId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}}`;
  }

  supports(version: string): boolean {
    return compareVersions(version, this.options.apiVersion) <= 0;
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    const low = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === low || s.id === nameOrId);
  }

  mustSheet(nameOrId: string): FakeSheet {
    const s = this.sheet(nameOrId);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${nameOrId}"`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[[\]:*?/\\]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid worksheet name`);
    }
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists`);
    const s = new FakeSheet(this.newId(), name);
    this.sheets.push(s);
    this.activeSheetId ??= s.id;
    this.dirty = true;
    return s;
  }

  load(grid: WorkbookGrid): void {
    for (const g of grid.sheets) {
      const s = this.addSheet(g.name);
      g.values.forEach((row, r) => {
        row?.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          s.ensure(r, c).value = v;
        });
      });
      g.formulas?.forEach((row, r) => {
        row?.forEach((f, c) => {
          if (!f) return;
          const cell = s.ensure(r, c);
          cell.formula = f;
          try {
            cell.ast = checkedFormula(f);
          } catch {
            cell.frozen = true;
          }
        });
      });
    }
    for (const [name, ref] of Object.entries(grid.names ?? {})) this.defineName(name, ref);
    this.calculate();
  }

  defineName(name: string, reference: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name`);
    }
    if (this.names.has(name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists`);
    const text = reference.replace(/^=/, "");
    this.names.set(name.toLowerCase(), { name, reference: text, ast: parseFormula(text) });
    this.dirty = true;
  }

  deleteName(name: string): void {
    if (!this.names.delete(name.toLowerCase()))
      throw new FakeOfficeError("ItemNotFound", `The name "${name}" doesn't exist`);
    this.dirty = true;
  }

  // ----- writing cells (inside a batch) -----

  private guard(sheet: FakeSheet) {
    if (sheet.protected) {
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`,
      );
    }
  }

  /** Writes what was typed or sent through `values`/`formulas` into one cell. */
  private put(sheet: FakeSheet, row: number, col: number, input: unknown): boolean {
    let parsed = typedInput(input);
    if ("unchanged" in parsed) return false;
    const cell = sheet.ensure(row, col);
    // A cell formatted as Text keeps what is entered as text, a formula too: "Treats the
    // content of a cell as text and displays the content exactly as you type it, even when
    // you type numbers" (Microsoft Support, "Available number formats in Excel").
    if (cell.style?.numberFormat === "@" && typeof input === "string" && !input.startsWith("'") && input !== "")
      parsed = { value: input };
    if ("formula" in parsed) {
      cell.ast = checkedFormula(parsed.formula);
      cell.formula = parsed.formula;
      cell.frozen = undefined;
      this.entered.add(cell);
    } else {
      cell.formula = undefined;
      cell.ast = undefined;
      cell.frozen = undefined;
      cell.value = parsed.value;
    }
    this.dirty = true;
    return true;
  }

  /** Range.values / Range.formulas: a matrix of the area's size, or one value for every cell. */
  writeCells(sheet: FakeSheet, area: Area, input: unknown): void {
    this.guard(sheet);
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const matrix = Array.isArray(input);
    if (matrix) {
      const m = input as unknown[][];
      if (m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      // Excel checks every formula before changing any cell of the range.
      for (const r of m)
        for (const v of r) if (typeof v === "string" && v.startsWith("=") && v.length > 1) checkedFormula(v);
    } else if (typeof input === "string" && input.startsWith("=") && input.length > 1) checkedFormula(input);
    const before = rows === 1 && cols === 1 ? (sheet.get(area.top, area.left)?.value ?? null) : undefined;
    let changed = false;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = matrix ? (input as unknown[][])[r][c] : input;
        if (this.put(sheet, area.top + r, area.left + c, v)) changed = true;
      }
    }
    if (changed) this.changes.push({ sheet, area, before });
  }

  /** Sets one style property on every cell of the areas. */
  styleCells(sheet: FakeSheet, areas: Area[], apply: (s: FakeCellStyle, row: number, col: number) => void): void {
    this.guard(sheet);
    for (const a of areas) {
      if (a.bottom - a.top > 100000)
        throw new FakeOfficeError("NotImplemented", "the fake Excel formats at most 100,000 rows at once");
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const cell = sheet.ensure(r, c);
          cell.style ??= {};
          apply(cell.style, r - a.top, c - a.left);
        }
      }
    }
    this.dirty = true;
  }

  changePage(sheet: FakeSheet, apply: (p: FakePageSetup) => void): void {
    this.guard(sheet);
    apply(sheet.page);
    this.dirty = true;
  }

  setColumnWidth(sheet: FakeSheet, areas: Area[], points: number): void {
    this.guard(sheet);
    if (!(points >= 0 && points <= 255 * 7.5))
      throw new FakeOfficeError("InvalidArgument", `column width ${points} is out of range`);
    for (const a of areas) for (let c = a.left; c <= a.right; c++) sheet.widths.set(c, points);
    this.dirty = true;
  }

  validationCells(sheet: FakeSheet, areas: Area[], apply: (cell: FakeCell) => void): void {
    this.guard(sheet);
    for (const a of areas)
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) apply(sheet.ensure(r, c));
    this.dirty = true;
  }

  addRule(sheet: FakeSheet, areas: Area[]): FakeConditionalRule {
    this.guard(sheet);
    const rule: FakeConditionalRule = { id: this.newId(), type: "Custom", areas, formula: "" };
    sheet.rules.unshift(rule);
    this.dirty = true;
    return rule;
  }

  changeRule(sheet: FakeSheet, rule: FakeConditionalRule, apply: (r: FakeConditionalRule) => void): void {
    this.guard(sheet);
    if (!sheet.rules.includes(rule))
      throw new FakeOfficeError("ItemNotFound", "The conditional format no longer exists");
    apply(rule);
    this.dirty = true;
  }

  deleteRule(sheet: FakeSheet, rule: FakeConditionalRule): void {
    this.guard(sheet);
    const i = sheet.rules.indexOf(rule);
    if (i < 0) throw new FakeOfficeError("ItemNotFound", "The conditional format no longer exists");
    sheet.rules.splice(i, 1);
    this.dirty = true;
  }

  /**
   * A chart from a source range, one series per column (or per row), as Excel makes it.
   * Like Excel, a first row (column) of text over numbers is taken for the series names,
   * not for values: a data range whose first figure shows as text loses it.
   */
  addChart(sheet: FakeSheet, type: string, source: Area, seriesBy: string): FakeChart {
    this.guard(sheet);
    const byRows = seriesBy === "Rows";
    const count = byRows ? source.bottom - source.top + 1 : source.right - source.left + 1;
    const at = (k: number, i: number) =>
      sheet.get(byRows ? source.top + k : source.top + i, byRows ? source.left + i : source.left + k)?.value ?? null;
    const length = byRows ? source.right - source.left + 1 : source.bottom - source.top + 1;
    const all = Array.from({ length: count }, (_, k) => k);
    const header =
      length > 1 &&
      all.every((k) => typeof at(k, 0) === "string") &&
      all.some((k) => Array.from({ length: length - 1 }, (_, i) => at(k, i + 1)).some((v) => typeof v === "number"));
    const skip = header ? 1 : 0;
    const series = all.map((k) => ({
      name: header ? String(at(k, 0)) : `Series${k + 1}`,
      values: byRows
        ? { ...source, top: source.top + k, bottom: source.top + k, left: source.left + skip }
        : { ...source, left: source.left + k, right: source.left + k, top: source.top + skip },
    }));
    const n = sheet.charts.length + 1;
    const chart: FakeChart = { id: this.newId(), name: `Chart ${n}`, type, title: "", width: 360, height: 216, series };
    sheet.charts.push(chart);
    this.dirty = true;
    return chart;
  }

  changeChart(sheet: FakeSheet, chart: FakeChart, apply: (c: FakeChart) => void): void {
    this.guard(sheet);
    if (!sheet.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", "The chart no longer exists");
    apply(chart);
    this.dirty = true;
  }

  deleteChart(sheet: FakeSheet, chart: FakeChart): void {
    this.guard(sheet);
    const i = sheet.charts.indexOf(chart);
    if (i < 0) throw new FakeOfficeError("ItemNotFound", "The chart no longer exists");
    sheet.charts.splice(i, 1);
    this.dirty = true;
  }

  // ----- round trips and person edits -----

  /**
   * Runs the queued operations of one context.sync, in order; stops at the first failure
   * as Excel does. While a person edits a cell every batch fails (RunOptions: "When
   * false, if the user is in cell edit when the batch request is processed by the host,
   * the batch automatically fails"); a batch that asked to wait never gets here before.
   */
  roundTrip(ops: (() => void)[], client = 0): void {
    if (this.editing && ops.length > 0) {
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    const fail = this.failNext;
    if (fail) {
      this.failNext = undefined;
      throw fail;
    }
    this.batch({ addin: client }, () => {
      for (const op of ops) op();
    });
  }

  /** A person typing into a cell: a formula, a number, text, or "" to clear it. */
  personTypes(
    sheetName: string,
    row: number,
    col: number,
    input: string | number | boolean | null,
    source: "Local" | "Remote",
  ): void {
    const sheet = this.mustSheet(sheetName);
    this.batch({ source }, () => {
      this.writeCells(sheet, { top: row, left: col, bottom: row, right: col }, input === null ? "" : input);
    });
  }

  private batch(source: BatchSource, run: () => void): void {
    this.batchSource = source;
    this.changes = [];
    try {
      run();
    } finally {
      const changes = this.changes;
      this.changes = [];
      this.batchSource = undefined;
      if (this.dirty) {
        this.recalc();
        this.dirty = false;
        this.fireEvents(changes, source);
        for (const l of [...this.listeners]) l();
      }
    }
  }

  private fireEvents(changes: PendingChange[], source: BatchSource): void {
    for (const ch of changes) {
      if (ch.sheet.handlers.size === 0) continue;
      const single = ch.area.top === ch.area.bottom && ch.area.left === ch.area.right;
      const after = single ? (ch.sheet.get(ch.area.top, ch.area.left)?.value ?? null) : undefined;
      // An add-in's write is Local to the Excel it ran in and Remote to a co-author's
      // (WorksheetChangedEventArgs.source: "Remote" for a change from another user, ExcelApi 1.7).
      const argsFor = (h: ChangeHandler): FakeChangedEvent => {
        const mine = "addin" in source && (this.handlerClient.get(h) ?? 0) === source.addin;
        const args: FakeChangedEvent = {
          type: "WorksheetChanged",
          changeType: "RangeEdited",
          source: "addin" in source ? (mine ? "Local" : "Remote") : source.source,
          address: areaAddress(ch.area),
          worksheetId: ch.sheet.id,
        };
        if (this.supports("1.14")) args.triggerSource = mine ? "ThisLocalAddin" : "Unknown";
        if (this.supports("1.9") && single) {
          const plain = (v: CellValue | undefined) =>
            v === null || v === undefined ? "" : isCellError(v) ? v.error : v;
          args.details = {
            valueBefore: plain(ch.before),
            valueAfter: plain(after),
            valueTypeBefore: valueType(ch.before ?? null),
            valueTypeAfter: valueType(after ?? null),
          };
        }
        return args;
      };
      for (const h of [...ch.sheet.handlers]) {
        // Excel delivers events after the round trip, in their own task.
        setTimeout(() => {
          if (!ch.sheet.handlers.has(h)) return;
          void Promise.resolve(h(argsFor(h))).catch(() => undefined);
        }, 0);
      }
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ----- calculation -----

  /** After a change: everything under automatic calculation, only the formulas just entered under Manual. */
  recalc(): void {
    if (this.calculationMode === "Manual") {
      this.calcState = new Map();
      for (const s of this.sheets)
        for (const cell of s.cells.values())
          if (this.entered.has(cell) && cell.ast && !cell.frozen) this.calcCell(s, cell);
      this.entered.clear();
      return;
    }
    this.calculate();
  }

  /** Every formula, whatever the calculation mode: F9, or Application.calculate. */
  calculate(): void {
    this.entered.clear();
    this.calcState = new Map();
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.ast && !cell.frozen) this.calcCell(s, cell);
    }
  }

  private calcCell(sheet: FakeSheet, cell: FakeCell): CellValue {
    const state = this.calcState.get(cell);
    if (state === "done") return cell.value;
    // A circular reference shows 0, as in Excel.
    if (state === "busy") return 0;
    this.calcState.set(cell, "busy");
    cell.value = cellResult(evaluate(cell.ast!, { host: this, sheet: sheet.name, dRow: 0, dCol: 0 }));
    this.calcState.set(cell, "done");
    return cell.value;
  }

  cell(sheetName: string, row: number, col: number): CellValue | undefined {
    const s = this.sheet(sheetName);
    if (!s) return undefined;
    const c = s.get(row, col);
    if (!c) return null;
    // Under Manual a formula not entered just now keeps the value it last calculated.
    if (this.calculationMode === "Manual" && !this.entered.has(c)) return c.value;
    if (c.ast && !c.frozen && this.calcState.get(c) !== "done") return this.calcCell(s, c);
    return c.value;
  }

  name(name: string): Node | undefined {
    return this.names.get(name.toLowerCase())?.ast;
  }

  /** Whether a conditional format's formula holds for a cell. */
  ruleHolds(sheet: FakeSheet, rule: FakeConditionalRule, row: number, col: number): boolean {
    if (!rule.ast) return false;
    const origin = rule.areas[0];
    const v = cellResult(
      evaluate(rule.ast, { host: this, sheet: sheet.name, dRow: row - origin.top, dCol: col - origin.left }),
    );
    return v === true || (typeof v === "number" && v !== 0);
  }

  get inBatch(): boolean {
    return this.batchSource !== undefined;
  }
}
