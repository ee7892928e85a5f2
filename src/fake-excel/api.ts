/**
 * The subset of the Excel JavaScript API the Office.js host uses, as strict proxies
 * over the in-memory workbook: calls and property writes are queued and take effect at
 * `context.sync()`, in order; a property reads only after it was loaded and synced,
 * otherwise it throws PropertyNotLoaded as Office does; an API newer than the fake's
 * requirement-set version fails at sync with ApiNotFound.
 */
import { CellValue, isCellError } from "../core/grid";
import { Area, areaAddress, areaCells, MAX_COLUMNS, MAX_ROWS, parseArea, parseAreas } from "../excel/rangeAddress";
import { enforceApiSets, memberSet, membersOfCall } from "./apiSets";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import {
  ChangeHandler,
  checkedFormula,
  displayText,
  FakeCell,
  FakeChart,
  FakeConditionalRule,
  FakePageSetup,
  FakeSheet,
  FakeValidationRule,
  valueType,
  WorkbookModel,
} from "./workbookModel";

type LoadTree = Map<string, LoadTree>;

/** What navigation properties hand back: something a load path can descend into. */
interface Loadable {
  applyLoad(tree: LoadTree): void;
}

function parseLoad(spec?: string | string[] | { select?: string | string[] }): LoadTree {
  let list: string[] = [];
  if (typeof spec === "string") list = spec.split(",");
  else if (Array.isArray(spec)) list = spec.flatMap((s) => s.split(","));
  else if (spec && spec.select)
    list = (Array.isArray(spec.select) ? spec.select : [spec.select]).flatMap((s) => s.split(","));
  const root: LoadTree = new Map();
  for (const raw of list) {
    const path = raw.trim();
    if (!path) continue;
    let node = root;
    for (const part of path.split("/").map((p) => p.trim())) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part)!;
    }
  }
  return root;
}

function copy<T>(v: T): T {
  return v === undefined || typeof v === "function" ? v : structuredClone(v);
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const WHOLE_SHEET: Area = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
/** Excel on the web refuses a request, or a response, over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** The longest address Worksheet.getRanges takes: 8,207 characters failed in office-js #5198 where shorter ones passed. */
export const MAX_RANGES_ADDRESS = 8192;
/** What one queued operation costs in a request besides its values: the object path and the call. */
const OPERATION_BYTES = 60;

const utf8 = new TextEncoder();
const jsonBytes = (v: unknown) => (v === undefined ? 0 : utf8.encode(JSON.stringify(v) ?? "").length);

/** One Excel.run's request context. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: (() => void)[] = [];
  private closed = false;
  /** true while this context's round trip runs in Excel */
  private syncing = false;
  /** an API this Excel lacks, used while the batch was being built: the next sync fails with it */
  private refused: FakeOfficeError | undefined;
  /** Excel.run's RunOptions.delayForCellEdit, where this Excel knows it: each round trip waits while a person edits a cell */
  delayForCellEdit = false;
  constructor(
    readonly model: WorkbookModel,
    /** which Excel on the shared workbook runs this context: 0 is this person's, others are co-authors' */
    readonly client = 0,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** bytes of the request being built, and of the response of the round trip running */
  private requestBytes = 0;
  responseBytes = 0;

  enqueue(op: () => void, valueBytes = 0): void {
    if (this.closed) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        "The object path isn't working for what you're trying to do: its Excel.run has ended. Use Excel.run(object.context, …) to use it again.",
      );
    }
    this.queue.push(op);
    this.requestBytes += OPERATION_BYTES + valueBytes;
  }

  get pendingOperations(): number {
    return this.queue.length + (this.refused ? 1 : 0);
  }

  /**
   * A member of the Excel API is used: recorded, and checked against the requirement
   * set Microsoft's type definitions give it. Above this Excel's version the round trip
   * fails with ApiNotFound (at once when the use is inside the round trip itself).
   */
  touch(type: string, member: string, args?: readonly unknown[]): void {
    for (const m of membersOfCall(type, member, args)) {
      const set = memberSet(type, m);
      this.model.used.set(`${type}.${m}`, set ?? "?");
      if (set !== undefined && /^[\d.]+$/.test(set) && this.model.supports(set)) continue;
      const e = new FakeOfficeError(
        "ApiNotFound",
        `${type}.${m} needs ${set && /^[\d.]+$/.test(set) ? `ExcelApi ${set}` : (set ?? "an API Excel does not have")}; this Excel has ExcelApi ${this.model.options.apiVersion}`,
        `${type}.${m}`,
      );
      if (this.syncing) throw e;
      this.refused ??= e;
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const refused = this.refused;
    const request = this.requestBytes;
    this.refused = undefined;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.model.syncCount++;
    // A round trip is asynchronous in Excel; the caller's code runs on only after it.
    await Promise.resolve();
    // office-js #3019: builds that failed every delayed batch at once, editing or not.
    if (this.delayForCellEdit && ops.length > 0 && this.model.faults.delayedBatchesFail)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    // "If the user is in cell edit mode the batch request is delayed until the user exits cell edit mode."
    if (this.delayForCellEdit && ops.length > 0) await this.model.cellEditEnded();
    const limit = this.model.options.payloadLimit;
    if (refused) throw refused;
    if (request > limit) {
      this.model.traffic.push({ request, response: 0 });
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    }
    this.syncing = true;
    try {
      this.model.roundTrip(ops, this.client);
    } finally {
      this.syncing = false;
      this.model.traffic.push({ request, response: this.responseBytes });
    }
    // What was loaded is never handed over when the answer is too big (the changes in the batch stay).
    if (this.responseBytes > limit)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
      );
  }

  setOpen(open: boolean): void {
    this.closed = !open;
  }
}

export abstract class FakeObject<M> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved: { m: M } | undefined;
  private navs = new Map<string, unknown>();
  /** set for *OrNullObject results: known after the sync that resolved them */
  private nullable: { known: boolean; isNull: boolean } | undefined;
  protected abstract readonly typeName: string;

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => M,
    nullable?: "method" | "navigation",
  ) {
    if (nullable) {
      this.nullable = { known: false, isNull: false };
      if (nullable === "method") context.enqueue(() => this.resolveNullable());
    }
  }

  /** The model this proxy stands for; only inside a queued operation. */
  m(): M {
    if (this.nullable?.known && this.nullable.isNull)
      throw new FakeOfficeError("ItemNotFound", `${this.typeName} is a null object`);
    if (!this.resolved) this.resolved = { m: this.resolver() };
    return this.resolved.m;
  }

  private resolveNullable(): void {
    if (!this.nullable || this.nullable.known) return;
    try {
      this.m();
      this.nullable = { known: true, isNull: false };
    } catch (e) {
      if ((e as FakeOfficeError).code !== "ItemNotFound") throw e;
      this.nullable = { known: true, isNull: true };
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!this.nullable.known) throw propertyNotLoaded(this.typeName, "isNullObject");
    return this.nullable.isNull;
  }

  protected scalars(): Record<string, (m: M) => unknown> {
    return {};
  }

  protected navigation(name: string): Loadable | undefined {
    void name;
    return undefined;
  }

  protected nav<T>(name: string, make: () => T): T {
    let n = this.navs.get(name);
    if (!n) {
      n = make();
      this.navs.set(name, n);
    }
    return n as T;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const tree = parseLoad(spec);
    this.context.enqueue(() => this.applyLoad(tree));
    return this;
  }

  applyLoad(tree: LoadTree): void {
    this.resolveNullable();
    if (this.nullable?.isNull) return;
    const sc = this.scalars();
    if (tree.size === 0) {
      // Loading everything loads what this Excel has.
      for (const [k, read] of Object.entries(sc)) {
        const set = memberSet(this.typeName, k);
        if (set && /^[\d.]+$/.test(set) && this.context.model.supports(set)) this.keep(k, read(this.m()));
      }
      return;
    }
    for (const [k, sub] of tree) {
      if (k in sc) {
        this.context.touch(this.typeName, k);
        this.keep(k, sc[k](this.m()));
        continue;
      }
      const child = this.navigation(k);
      if (!child)
        throw new FakeOfficeError(
          "InvalidArgument",
          `${this.typeName} has no property "${k}" the fake can load`,
          `${this.typeName}.load`,
        );
      child.applyLoad(sub);
    }
  }

  /** A loaded property, counted in the round trip's response. */
  private keep(name: string, value: unknown): void {
    this.context.responseBytes += jsonBytes(value) + name.length + 4;
    this.loaded.set(name, copy(value));
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loaded.get(name) as T;
  }

  protected set(value: unknown, write: (m: M, v: unknown) => void): void {
    const v = copy(value);
    this.context.enqueue(() => write(this.m(), v), jsonBytes(v));
  }

  protected call(run: (m: M) => void): void {
    this.context.enqueue(() => run(this.m()));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

abstract class FakeCollection<M, I extends Loadable> extends FakeObject<M> {
  protected abstract itemsOf(m: M): I[];

  get items(): I[] {
    return this.get("items");
  }

  override applyLoad(tree: LoadTree): void {
    const sub = tree.size === 0 ? new Map() : tree.get("items");
    const rest = new Map([...tree].filter(([k]) => k !== "items"));
    if (sub) {
      const items = this.itemsOf(this.m());
      for (const i of items) i.applyLoad(sub);
      this.loaded.set("items", items);
    }
    if (rest.size) super.applyLoad(rest);
  }
}

// ----- workbook and worksheets -----

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  protected readonly typeName = "Workbook";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  get worksheets(): FakeWorksheetCollection {
    return this.nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  get names(): FakeNamedItemCollection {
    return this.nav("names", () => new FakeNamedItemCollection(this.context));
  }
  get protection(): FakeWorkbookProtection {
    return this.nav("protection", () => new FakeWorkbookProtection(this.context, () => this.context.model));
  }
  get application(): FakeApplication {
    return this.nav("application", () => new FakeApplication(this.context));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "worksheets"
      ? this.worksheets
      : name === "names"
        ? this.names
        : name === "protection"
          ? this.protection
          : name === "application"
            ? this.application
            : undefined;
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected` is whether the structure is protected. */
export class FakeWorkbookProtection extends FakeObject<WorkbookModel> {
  protected readonly typeName = "WorkbookProtection";
  protected override scalars() {
    return { protected: (m: WorkbookModel) => m.structureProtected };
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

// ----- the application: calculation and regional settings -----

/** A culture's number separators, as the platform knows them. */
function separators(culture: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(culture, { useGrouping: true }).formatToParts(12345.5);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

export class FakeApplication extends FakeObject<WorkbookModel> {
  protected readonly typeName = "Application";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  protected override scalars() {
    return {
      calculationMode: (m: WorkbookModel) => m.calculationMode,
      // Excel's own separators follow the system's (the culture's) unless a person set others.
      decimalSeparator: (m: WorkbookModel) => separators(m.options.culture).decimal,
      thousandsSeparator: (m: WorkbookModel) => separators(m.options.culture).group,
      useSystemSeparators: () => true,
    };
  }
  get calculationMode(): string {
    return this.get("calculationMode");
  }
  get decimalSeparator(): string {
    return this.get("decimalSeparator");
  }
  get thousandsSeparator(): string {
    return this.get("thousandsSeparator");
  }
  get useSystemSeparators(): boolean {
    return this.get("useSystemSeparators");
  }
  get cultureInfo(): FakeCultureInfo {
    return this.nav("cultureInfo", () => new FakeCultureInfo(this.context));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "cultureInfo" ? this.cultureInfo : undefined;
  }
  /** Recalculates every formula, whatever the calculation mode (ExcelApi 1.1). */
  calculate(calculationType: string): void {
    this.call((m) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw new FakeOfficeError(
          "InvalidArgument",
          `"${calculationType}" is not a calculation type`,
          "Application.calculate",
        );
      m.calculate();
    });
  }
}

export class FakeCultureInfo extends FakeObject<WorkbookModel> {
  protected readonly typeName = "CultureInfo";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  protected override scalars() {
    return { name: (m: WorkbookModel) => m.options.culture };
  }
  get name(): string {
    return this.get("name");
  }
  get numberFormat(): FakeNumberFormatInfo {
    return this.nav("numberFormat", () => new FakeNumberFormatInfo(this.context));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "numberFormat" ? this.numberFormat : undefined;
  }
}

export class FakeNumberFormatInfo extends FakeObject<WorkbookModel> {
  protected readonly typeName = "NumberFormatInfo";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  protected override scalars() {
    return {
      numberDecimalSeparator: (m: WorkbookModel) => separators(m.options.culture).decimal,
      numberGroupSeparator: (m: WorkbookModel) => separators(m.options.culture).group,
    };
  }
  get numberDecimalSeparator(): string {
    return this.get("numberDecimalSeparator");
  }
  get numberGroupSeparator(): string {
    return this.get("numberGroupSeparator");
  }
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  protected itemsOf(m: WorkbookModel): FakeWorksheet[] {
    return m.sheets.map((s) => new FakeWorksheet(this.context, () => s));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.mustSheet(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.mustSheet(key), "method");
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const m = this.context.model;
      return m.sheets.find((s) => s.id === m.activeSheetId) ?? m.sheets[0];
    });
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue(() => {
      const m = this.context.model;
      // A protected structure lets no sheet be added ("Protect a workbook", Microsoft Support).
      if (m.structureProtected)
        throw new FakeOfficeError(
          "AccessDenied",
          "The workbook's structure is protected: a worksheet cannot be added.",
        );
      let n = name;
      for (let k = m.sheets.length + 1; n === undefined; k++) if (!m.sheet(`Sheet${k}`)) n = `Sheet${k}`;
      created = m.addSheet(n);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "the worksheet was not added");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readonly typeName = "Worksheet";
  protected override scalars() {
    return {
      name: (s: FakeSheet) => s.name,
      id: (s: FakeSheet) => s.id,
      position: (s: FakeSheet) => this.context.model.sheets.indexOf(s),
      visibility: () => "Visible",
    };
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get protection(): FakeWorksheetProtection {
    return this.nav("protection", () => new FakeWorksheetProtection(this.context, () => this.m()));
  }
  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.context, () => this.m()));
  }
  get onChanged(): FakeEvent {
    return this.nav("onChanged", () => new FakeEvent(this.context, this));
  }
  get pageLayout(): FakePageLayout {
    return this.nav("pageLayout", () => new FakePageLayout(this.context, () => this.m()));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "protection"
      ? this.protection
      : name === "charts"
        ? this.charts
        : name === "pageLayout"
          ? this.pageLayout
          : undefined;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.m();
      if (address === undefined || address === "") return { sheet, area: WHOLE_SHEET };
      const a = parseArea(address);
      if (!a || (a.sheet !== undefined && a.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format: "${address}"`,
          "Worksheet.getRange",
        );
      }
      return { sheet, area: { top: a.top, left: a.left, bottom: a.bottom, right: a.right } };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.m(),
      area: { top: row, left: column, bottom: row, right: column },
    }));
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const sheet = this.m();
      // office-js #5198: an address past 8 KB (about 500 areas) is refused as if malformed.
      if (address.length > MAX_RANGES_ADDRESS)
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          "Worksheet.getRanges",
        );
      const areas = parseAreas(address);
      if (!areas || areas.some((a) => a.sheet !== undefined && a.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format: "${address}"`,
          "Worksheet.getRanges",
        );
      }
      return { sheet, areas: areas.map(({ top, left, bottom, right }) => ({ top, left, bottom, right })) };
    });
  }

  /** Like Excel: a blank sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.m();
      return { sheet, area: sheet.used(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.m();
        const area = sheet.used(!!valuesOnly);
        if (!area) throw new FakeOfficeError("ItemNotFound", "the worksheet is blank");
        return { sheet, area };
      },
      "method",
    );
  }

  activate(): void {
    this.call((s) => {
      this.context.model.activeSheetId = s.id;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected readonly typeName = "WorksheetProtection";
  protected override scalars() {
    return { protected: (s: FakeSheet) => s.protected };
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

// ----- printing -----

export class FakePageLayout extends FakeObject<FakeSheet> {
  protected readonly typeName = "PageLayout";
  protected override scalars() {
    return {
      orientation: (s: FakeSheet) => s.page.orientation,
      zoom: (s: FakeSheet) => s.page.zoom,
    };
  }
  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    this.set(v, (s, x) => {
      if (x !== "Portrait" && x !== "Landscape")
        throw new FakeOfficeError(
          "InvalidArgument",
          `"${String(x)}" is not a page orientation`,
          "PageLayout.orientation",
        );
      this.context.model.changePage(s, (p) => (p.orientation = x));
    });
  }
  get zoom(): unknown {
    return this.get("zoom");
  }
  set zoom(v: unknown) {
    this.set(v, (s, x) => {
      const z = (x ?? {}) as Record<string, unknown>;
      const bad = Object.entries(z).find(
        ([k, n]) =>
          !["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k) || typeof n !== "number" || n < 0,
      );
      if (bad || (z.scale !== undefined && (Number(z.scale) < 10 || Number(z.scale) > 400)))
        throw new FakeOfficeError("InvalidArgument", "the page zoom is invalid", "PageLayout.zoom");
      this.context.model.changePage(s, (p) => (p.zoom = { ...(z as FakePageSetup["zoom"]) }));
    });
  }
  /** The rows must span the entire row, as Excel asks: "$8:$8" or "8:9". */
  setPrintTitleRows(rows: FakeRange | string): void {
    this.call((s) => {
      const area = typeof rows === "string" ? parseArea(rows) : rows.m().area;
      if (!area || area.left !== 0 || area.right !== MAX_COLUMNS - 1)
        throw new FakeOfficeError(
          "InvalidArgument",
          `"${String(rows)}" is not whole rows`,
          "PageLayout.setPrintTitleRows",
        );
      this.context.model.changePage(
        s,
        (p) => (p.titleRows = { top: area.top, left: area.left, bottom: area.bottom, right: area.right }),
      );
    });
  }
}

// ----- ranges -----

interface RangeModel {
  sheet: FakeSheet;
  area: Area;
}

interface AreasModel {
  sheet: FakeSheet;
  areas: Area[];
}

function plainValue(v: CellValue): unknown {
  if (v === null) return "";
  return isCellError(v) ? v.error : v;
}

function matrix<T>(r: RangeModel, f: (cell: FakeCell | undefined) => T): T[][] {
  if (areaCells(r.area) > 5_000_000) {
    throw new FakeOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      `The response payload size has exceeded the limit (${areaAddress(r.area)}).`,
    );
  }
  const out: T[][] = [];
  for (let row = r.area.top; row <= r.area.bottom; row++) {
    const line: T[] = [];
    for (let col = r.area.left; col <= r.area.right; col++) line.push(f(r.sheet.get(row, col)));
    out.push(line);
  }
  return out;
}

/** A value for one cell of a matrix written to a range, or the single value for all cells. */
function pick(input: unknown, area: Area, r: number, c: number): unknown {
  if (!Array.isArray(input)) return input;
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const m = input as unknown[][];
  if (m.length !== rows || m.some((x) => !Array.isArray(x) || x.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  return m[r][c];
}

export class FakeRange extends FakeObject<RangeModel> {
  protected readonly typeName = "Range";
  protected override scalars() {
    return {
      address: (r: RangeModel) => `${quoteSheet(r.sheet.name)}!${areaAddress(r.area)}`,
      values: (r: RangeModel) => matrix(r, (c) => plainValue(c?.value ?? null)),
      formulas: (r: RangeModel) => matrix(r, (c) => c?.formula ?? plainValue(c?.value ?? null)),
      valueTypes: (r: RangeModel) => matrix(r, (c) => valueType(c?.value ?? null)),
      numberFormat: (r: RangeModel) => matrix(r, (c) => c?.style?.numberFormat ?? "General"),
      text: (r: RangeModel) => matrix(r, (c) => displayText(c?.value ?? null, c?.style?.numberFormat)),
      rowCount: (r: RangeModel) => r.area.bottom - r.area.top + 1,
      columnCount: (r: RangeModel) => r.area.right - r.area.left + 1,
      rowIndex: (r: RangeModel) => r.area.top,
      columnIndex: (r: RangeModel) => r.area.left,
      cellCount: (r: RangeModel) => areaCells(r.area),
    };
  }
  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.set(v, (r, x) => this.context.model.writeCells(r.sheet, r.area, x));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.set(v, (r, x) => this.context.model.writeCells(r.sheet, r.area, x));
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.set(v, (r, x) => {
      pick(x, r.area, 0, 0);
      this.context.model.styleCells(r.sheet, [r.area], (s, i, j) => {
        s.numberFormat = String(pick(x, r.area, i, j));
      });
    });
  }
  get text(): string[][] {
    return this.get("text");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get format(): FakeRangeFormat {
    return this.nav(
      "format",
      () => new FakeRangeFormat(this.context, () => ({ sheet: this.m().sheet, areas: [this.m().area] })),
    );
  }
  get dataValidation(): FakeDataValidation {
    return this.nav(
      "dataValidation",
      () => new FakeDataValidation(this.context, () => ({ sheet: this.m().sheet, areas: [this.m().area] })),
    );
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav(
      "conditionalFormats",
      () =>
        new FakeConditionalFormatCollection(this.context, () => ({ sheet: this.m().sheet, areas: [this.m().area] })),
    );
  }
  protected override navigation(name: string): Loadable | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  /** The smallest range holding both, as Range.getBoundingRect. */
  getBoundingRect(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, () => {
      const me = this.m();
      let o: Area;
      if (typeof other === "string") {
        const a = parseArea(other);
        if (!a) throw new FakeOfficeError("InvalidArgument", `"${other}" is not an address`, "Range.getBoundingRect");
        o = a;
      } else {
        const om = other.m();
        if (om.sheet !== me.sheet)
          throw new FakeOfficeError("InvalidArgument", "the ranges are on different sheets", "Range.getBoundingRect");
        o = om.area;
      }
      return {
        sheet: me.sheet,
        area: {
          top: Math.min(me.area.top, o.top),
          left: Math.min(me.area.left, o.left),
          bottom: Math.max(me.area.bottom, o.bottom),
          right: Math.max(me.area.right, o.right),
        },
      };
    });
  }

  /** The cells both ranges share, as Range.getIntersection; no shared cell is an error. */
  getIntersection(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, () => {
      const me = this.m();
      const o = typeof other === "string" ? parseArea(other) : other.m().area;
      if (!o)
        throw new FakeOfficeError("InvalidArgument", `"${String(other)}" is not an address`, "Range.getIntersection");
      const area = {
        top: Math.max(me.area.top, o.top),
        left: Math.max(me.area.left, o.left),
        bottom: Math.min(me.area.bottom, o.bottom),
        right: Math.min(me.area.right, o.right),
      };
      if (area.top > area.bottom || area.left > area.right)
        throw new FakeOfficeError("InvalidArgument", "The ranges do not intersect", "Range.getIntersection");
      return { sheet: me.sheet, area };
    });
  }

  /**
   * The merged areas that meet this range, as Range.getMergedAreasOrNullObject (ExcelApi
   * 1.13): a null object when none does.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const me = this.m();
        const areas = me.sheet.merges.filter(
          (a) =>
            a.top <= me.area.bottom && me.area.top <= a.bottom && a.left <= me.area.right && me.area.left <= a.right,
        );
        if (areas.length === 0) throw new FakeOfficeError("ItemNotFound", "the range has no merged cells");
        return { sheet: me.sheet, areas };
      },
      "method",
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const me = this.m();
      const top = me.area.top + row;
      const left = me.area.left + column;
      return { sheet: me.sheet, area: { top, left, bottom: top, right: left } };
    });
  }

  select(): void {
    this.call((r) => {
      const m = this.context.model;
      if (m.activeSheetId !== r.sheet.id)
        throw new FakeOfficeError(
          "InvalidSelection",
          "The current selection is invalid for this operation: the range is not on the active sheet.",
        );
      m.selection = { sheetId: r.sheet.id, area: r.area };
    });
  }
}

export class FakeRangeAreas extends FakeObject<AreasModel> {
  protected readonly typeName = "RangeAreas";
  protected override scalars() {
    return {
      address: (r: AreasModel) => r.areas.map((a) => `${quoteSheet(r.sheet.name)}!${areaAddress(a)}`).join(","),
      areaCount: (r: AreasModel) => r.areas.length,
    };
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, () => this.m()));
  }
  get dataValidation(): FakeDataValidation {
    return this.nav("dataValidation", () => new FakeDataValidation(this.context, () => this.m()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => this.m()));
  }
  protected override navigation(name: string): Loadable | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
}

function firstCell(m: AreasModel): FakeCell | undefined {
  const a = m.areas[0];
  return m.sheet.get(a.top, a.left);
}

export class FakeRangeFormat extends FakeObject<AreasModel> {
  protected readonly typeName = "RangeFormat";
  protected override scalars() {
    return {
      horizontalAlignment: (m: AreasModel) => firstCell(m)?.style?.horizontalAlignment ?? "General",
      verticalAlignment: (m: AreasModel) => firstCell(m)?.style?.verticalAlignment ?? "Bottom",
      wrapText: (m: AreasModel) => firstCell(m)?.style?.wrapText ?? false,
      columnWidth: (m: AreasModel) => m.sheet.widths.get(m.areas[0].left) ?? 48,
    };
  }
  private style(apply: (s: NonNullable<FakeCell["style"]>) => void) {
    return (m: AreasModel) => this.context.model.styleCells(m.sheet, m.areas, (s) => apply(s));
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.set(v, (m, x) => this.style((s) => (s.horizontalAlignment = String(x)))(m));
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.set(v, (m, x) => this.style((s) => (s.verticalAlignment = String(x)))(m));
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.set(v, (m, x) => this.style((s) => (s.wrapText = !!x))(m));
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.set(v, (m, x) => this.context.model.setColumnWidth(m.sheet, m.areas, Number(x)));
  }
  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.context, () => this.m()));
  }
  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.context, () => this.m()));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "font" ? this.font : name === "fill" ? this.fill : undefined;
  }
}

function checkColor(c: unknown): string {
  const s = String(c);
  if (!/^#[0-9A-Fa-f]{6}$/.test(s) && !/^[A-Za-z]+$/.test(s))
    throw new FakeOfficeError("InvalidArgument", `"${s}" is not a colour`);
  return s.toUpperCase();
}

export class FakeRangeFont extends FakeObject<AreasModel> {
  protected readonly typeName = "RangeFont";
  protected override scalars() {
    return {
      bold: (m: AreasModel) => firstCell(m)?.style?.bold ?? false,
      italic: (m: AreasModel) => firstCell(m)?.style?.italic ?? false,
      color: (m: AreasModel) => firstCell(m)?.style?.fontColor ?? "#000000",
    };
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.set(v, (m, x) => this.context.model.styleCells(m.sheet, m.areas, (s) => (s.bold = !!x)));
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.set(v, (m, x) => this.context.model.styleCells(m.sheet, m.areas, (s) => (s.italic = !!x)));
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set(v, (m, x) => {
      const c = checkColor(x);
      this.context.model.styleCells(m.sheet, m.areas, (s) => (s.fontColor = c));
    });
  }
}

export class FakeRangeFill extends FakeObject<AreasModel> {
  protected readonly typeName = "RangeFill";
  protected override scalars() {
    return { color: (m: AreasModel) => firstCell(m)?.style?.fill ?? "#FFFFFF" };
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set(v, (m, x) => {
      const c = checkColor(x);
      this.context.model.styleCells(m.sheet, m.areas, (s) => (s.fill = c));
    });
  }
  clear(): void {
    this.call((m) => this.context.model.styleCells(m.sheet, m.areas, (s) => (s.fill = undefined)));
  }
}

// ----- data validation -----

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

function checkRule(rule: unknown): FakeValidationRule {
  const r = rule as Record<string, { formula1?: unknown; formula2?: unknown; operator?: unknown } | undefined>;
  const keys = Object.keys(r ?? {}).filter((k) => r[k] !== undefined);
  if (keys.length !== 1)
    throw new FakeOfficeError("InvalidArgument", "a data validation rule has exactly one type", "DataValidation.rule");
  const type = keys[0];
  if (type === "list") {
    const l = r.list as { source?: unknown } | undefined;
    if (typeof l?.source !== "string" || l.source === "")
      throw new FakeOfficeError("InvalidArgument", "a list rule needs its source", "DataValidation.rule");
    return { type, operator: "", formula1: l.source };
  }
  if (type !== "wholeNumber" && type !== "decimal")
    throw new FakeOfficeError("NotImplemented", `the fake Excel has no "${type}" validation`, "DataValidation.rule");
  const b = r[type]!;
  const operator = String(b.operator);
  if (!OPERATORS.includes(operator))
    throw new FakeOfficeError("InvalidArgument", `"${operator}" is not a validation operator`, "DataValidation.rule");
  if (b.formula1 === undefined || ((operator === "Between" || operator === "NotBetween") && b.formula2 === undefined)) {
    throw new FakeOfficeError("InvalidArgument", "the validation rule lacks its bounds", "DataValidation.rule");
  }
  return { type, operator, formula1: b.formula1 as number, formula2: b.formula2 as number | undefined };
}

function checkText(what: string, text: unknown, limit: number): string {
  const s = String(text ?? "");
  if (s.length > limit)
    throw new FakeOfficeError(
      "InvalidArgument",
      `${what} is ${s.length} characters; Excel allows ${limit}`,
      "DataValidation",
    );
  return s;
}

/** Every cell of the areas carries the same rule (or none). */
function sameValidation(m: AreasModel): boolean {
  const first = JSON.stringify(firstCell(m)?.validation?.rule ?? null);
  for (const a of m.areas)
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (JSON.stringify(m.sheet.get(r, c)?.validation?.rule ?? null) !== first) return false;
  return true;
}

export class FakeDataValidation extends FakeObject<AreasModel> {
  protected readonly typeName = "DataValidation";
  protected override scalars() {
    const v = (m: AreasModel) => firstCell(m)?.validation;
    return {
      // "Inconsistent": the range has different rules on different cells (DataValidationType, ExcelApi 1.8).
      type: (m: AreasModel) => {
        if (!sameValidation(m)) return "Inconsistent";
        const r = v(m)?.rule;
        return r ? ({ wholeNumber: "WholeNumber", decimal: "Decimal", list: "List" } as const)[r.type] : "None";
      },
      rule: (m: AreasModel) => {
        const r = v(m)?.rule;
        if (!r || !sameValidation(m)) return {};
        if (r.type === "list") return { list: { inCellDropDown: true, source: r.formula1 } };
        return { [r.type]: { formula1: r.formula1, formula2: r.formula2, operator: r.operator } };
      },
      prompt: (m: AreasModel) => v(m)?.prompt ?? { showPrompt: false, title: "", message: "" },
      errorAlert: (m: AreasModel) => v(m)?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: (m: AreasModel) => v(m)?.ignoreBlanks ?? true,
    };
  }
  private update(m: AreasModel, apply: (cell: FakeCell) => void) {
    this.context.model.validationCells(m.sheet, m.areas, apply);
  }
  get type(): string {
    return this.get("type");
  }
  get rule(): unknown {
    return this.get("rule");
  }
  set rule(r: unknown) {
    this.set(r, (m, x) => {
      const rule = checkRule(x);
      this.update(m, (c) => (c.validation = { ...(c.validation ?? { ignoreBlanks: true }), rule: { ...rule } }));
    });
  }
  get prompt(): unknown {
    return this.get("prompt");
  }
  set prompt(p: unknown) {
    this.set(p, (m, x) => {
      const o = x as { showPrompt?: boolean; title?: string; message?: string };
      const prompt = {
        showPrompt: !!o.showPrompt,
        title: checkText("The input title", o.title, 32),
        message: checkText("The input message", o.message, 255),
      };
      this.update(m, (c) => (c.validation = { ...(c.validation ?? { ignoreBlanks: true }), prompt: { ...prompt } }));
    });
  }
  get errorAlert(): unknown {
    return this.get("errorAlert");
  }
  set errorAlert(p: unknown) {
    this.set(p, (m, x) => {
      const o = x as { showAlert?: boolean; style?: string; title?: string; message?: string };
      const style = String(o.style ?? "Stop");
      if (!["Stop", "Warning", "Information"].includes(style))
        throw new FakeOfficeError("InvalidArgument", `"${style}" is not an alert style`);
      const alert = {
        showAlert: !!o.showAlert,
        style,
        title: checkText("The error title", o.title, 32),
        message: checkText("The error message", o.message, 225),
      };
      this.update(m, (c) => (c.validation = { ...(c.validation ?? { ignoreBlanks: true }), errorAlert: { ...alert } }));
    });
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(b: boolean) {
    this.set(b, (m, x) => this.update(m, (c) => (c.validation = { ...(c.validation ?? {}), ignoreBlanks: !!x })));
  }
  clear(): void {
    this.call((m) => this.update(m, (c) => (c.validation = undefined)));
  }
}

// ----- conditional formats -----

interface RuleModel {
  sheet: FakeSheet;
  rule: FakeConditionalRule;
  /** the areas of the collection the rule was reached through: its id is its place among their rules */
  within: Area[];
}

const overlaps = (a: Area[], b: Area[]) =>
  a.some((x) => b.some((y) => x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right));

/** The rules of a range's collection, highest priority first, as Excel lists them. */
const rulesWithin = (sheet: FakeSheet, areas: Area[]) => sheet.rules.filter((r) => overlaps(r.areas, areas));

export class FakeConditionalFormatCollection extends FakeCollection<AreasModel, FakeConditionalFormat> {
  protected readonly typeName = "ConditionalFormatCollection";
  /** office-js #6827, #6835: some rules a person makes cannot be read; loading the sheet's list then fails. */
  override applyLoad(tree: LoadTree): void {
    const code = this.context.model.faults.unreadableRules.get(this.m().sheet.name.toLowerCase());
    const items = tree.size === 0 ? new Map() : tree.get("items");
    if (code && items && items.size > 0)
      throw new FakeOfficeError(code, "The requested resource doesn't exist.", "ConditionalFormatCollection.load");
    super.applyLoad(tree);
  }
  protected itemsOf(m: AreasModel): FakeConditionalFormat[] {
    return rulesWithin(m.sheet, m.areas).map(
      (rule) => new FakeConditionalFormat(this.context, () => ({ sheet: m.sheet, rule, within: m.areas })),
    );
  }
  add(type: string): FakeConditionalFormat {
    let created: RuleModel | undefined;
    this.call((m) => {
      if (type !== "Custom")
        throw new FakeOfficeError(
          "NotImplemented",
          `the fake Excel has only custom conditional formats, not "${type}"`,
        );
      created = {
        sheet: m.sheet,
        rule: this.context.model.addRule(
          m.sheet,
          m.areas.map((a) => ({ ...a })),
        ),
        within: m.areas,
      };
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "the conditional format was not added");
      return created;
    });
  }
  /** As in Excel, an id is the format's priority in this collection now: it names another rule once rules are added or deleted. */
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () =>
      this.at(/^\d+$/.test(id) ? Number(id) : -1, `conditional format ${id}`, "getItem"),
    );
  }
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => this.at(index, `conditional format at ${index}`, "getItemAt"),
      true,
    );
  }
  private at(index: number, what: string, method: string): RuleModel {
    const m = this.m();
    const rule = rulesWithin(m.sheet, m.areas)[index];
    if (!rule)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist: ${what}`,
        `ConditionalFormatCollection.${method}`,
      );
    return { sheet: m.sheet, rule, within: m.areas };
  }
}

export class FakeConditionalFormat extends FakeObject<RuleModel> {
  protected readonly typeName = "ConditionalFormat";
  constructor(
    context: FakeRequestContext,
    resolver: () => RuleModel,
    /** reached through getItemAt, by its place in the collection */
    private readonly byPosition = false,
  ) {
    super(context, resolver);
  }
  protected override scalars() {
    return {
      id: (m: RuleModel) => String(rulesWithin(m.sheet, m.within).indexOf(m.rule)),
      type: (m: RuleModel) => m.rule.type,
      priority: (m: RuleModel) => rulesWithin(m.sheet, m.within).indexOf(m.rule),
      stopIfTrue: () => false,
    };
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get custom(): FakeConditionalFormatCustom {
    return this.nav(
      "custom",
      () =>
        new FakeConditionalFormatCustom(this.context, () => {
          const m = this.m();
          if (m.rule.type !== "Custom")
            throw new FakeOfficeError("InvalidOperation", "the conditional format is not a custom one");
          return m;
        }),
    );
  }
  get customOrNullObject(): FakeConditionalFormatCustom {
    return this.nav(
      "customOrNullObject",
      () =>
        new FakeConditionalFormatCustom(
          this.context,
          () => {
            const m = this.m();
            if (m.rule.type !== "Custom") throw new FakeOfficeError("ItemNotFound", "not a custom conditional format");
            return m;
          },
          "navigation",
        ),
    );
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "custom" ? this.custom : name === "customOrNullObject" ? this.customOrNullObject : undefined;
  }
  delete(): void {
    this.call((m) => {
      // office-js #5222: getItemAt(n).delete() fails with ItemNotFound when the rule shares a cell with another.
      if (
        this.byPosition &&
        this.context.model.faults.deleteAtSharedCell &&
        m.sheet.rules.some((r) => r !== m.rule && overlaps(r.areas, m.rule.areas))
      )
        throw new FakeOfficeError("ItemNotFound", "Item Not Found.", "ConditionalFormat.delete");
      this.context.model.deleteRule(m.sheet, m.rule);
    });
  }
}

export class FakeConditionalFormatCustom extends FakeObject<RuleModel> {
  protected readonly typeName = "CustomConditionalFormat";
  get rule(): FakeConditionalFormatRule {
    return this.nav("rule", () => new FakeConditionalFormatRule(this.context, () => this.m()));
  }
  get format(): FakeConditionalRangeFormat {
    return this.nav("format", () => new FakeConditionalRangeFormat(this.context, () => this.m()));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }
}

export class FakeConditionalFormatRule extends FakeObject<RuleModel> {
  protected readonly typeName = "ConditionalFormatRule";
  protected override scalars() {
    return { formula: (m: RuleModel) => m.rule.formula, formulaLocal: (m: RuleModel) => m.rule.formula };
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(f: string) {
    this.set(f, (m, x) => {
      const text = String(x);
      const ast = checkedFormula(text);
      this.context.model.changeRule(m.sheet, m.rule, (r) => {
        r.formula = text.startsWith("=") ? text : `=${text}`;
        r.ast = ast;
      });
    });
  }
}

export class FakeConditionalRangeFormat extends FakeObject<RuleModel> {
  protected readonly typeName = "ConditionalRangeFormat";
  get fill(): FakeConditionalColor {
    return this.nav("fill", () => new FakeConditionalColor(this.context, () => this.m(), "fill"));
  }
  get font(): FakeConditionalColor {
    return this.nav("font", () => new FakeConditionalColor(this.context, () => this.m(), "fontColor"));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
}

export class FakeConditionalColor extends FakeObject<RuleModel> {
  protected readonly typeName: string;
  constructor(
    context: FakeRequestContext,
    resolver: () => RuleModel,
    private readonly which: "fill" | "fontColor",
  ) {
    super(context, resolver);
    this.typeName = which === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
  protected override scalars() {
    return { color: (m: RuleModel) => m.rule[this.which] ?? null };
  }
  get color(): string {
    return this.get("color");
  }
  set color(c: string) {
    this.set(c, (m, x) => {
      const color = checkColor(x);
      this.context.model.changeRule(m.sheet, m.rule, (r) => (r[this.which] = color));
    });
  }
}

// ----- charts -----

interface ChartModel {
  sheet: FakeSheet;
  chart: FakeChart;
}

const CHART_TYPES = ["BarClustered", "ColumnClustered", "Radar", "Line", "Pie"];

/** A range on the chart's own sheet, resolved inside the round trip. */
function sameSheetArea(range: FakeRange, sheet: FakeSheet, what: string): Area {
  const r = range.m();
  if (r.sheet !== sheet)
    throw new FakeOfficeError("InvalidArgument", `${what} must be on the chart's sheet in the fake Excel`);
  return r.area;
}

export class FakeChartCollection extends FakeCollection<FakeSheet, FakeChartObject> {
  protected readonly typeName = "ChartCollection";
  protected itemsOf(sheet: FakeSheet): FakeChartObject[] {
    return sheet.charts.map((chart) => new FakeChartObject(this.context, () => ({ sheet, chart })));
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartObject {
    let created: ChartModel | undefined;
    this.call((sheet) => {
      if (!CHART_TYPES.includes(type))
        throw new FakeOfficeError("NotImplemented", `the fake Excel has no "${type}" chart`);
      const area = sameSheetArea(sourceData, sheet, "The chart's data");
      created = { sheet, chart: this.context.model.addChart(sheet, type, area, seriesBy) };
    });
    return new FakeChartObject(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "the chart was not added");
      return created;
    });
  }
  getItem(name: string): FakeChartObject {
    return new FakeChartObject(this.context, () => {
      const sheet = this.m();
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart)
        throw new FakeOfficeError(
          "ItemNotFound",
          `The requested resource doesn't exist: chart "${name}"`,
          "ChartCollection.getItem",
        );
      return { sheet, chart };
    });
  }
}

export class FakeChartObject extends FakeObject<ChartModel> {
  protected readonly typeName = "Chart";
  protected override scalars() {
    return {
      name: (m: ChartModel) => m.chart.name,
      id: (m: ChartModel) => m.chart.id,
      chartType: (m: ChartModel) => m.chart.type,
      width: (m: ChartModel) => m.chart.width,
      height: (m: ChartModel) => m.chart.height,
    };
  }
  private change(apply: (c: FakeChart, m: ChartModel) => void) {
    return (m: ChartModel) => this.context.model.changeChart(m.sheet, m.chart, (c) => apply(c, m));
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set(v, (m, x) => this.change((c) => (c.name = String(x)))(m));
  }
  get width(): number {
    return this.get("width");
  }
  set width(v: number) {
    this.set(v, (m, x) => this.change((c) => (c.width = Number(x)))(m));
  }
  get height(): number {
    return this.get("height");
  }
  set height(v: number) {
    this.set(v, (m, x) => this.change((c) => (c.height = Number(x)))(m));
  }
  get title(): FakeChartTitle {
    return this.nav("title", () => new FakeChartTitle(this.context, () => this.m()));
  }
  get series(): FakeChartSeriesCollection {
    return this.nav("series", () => new FakeChartSeriesCollection(this.context, () => this.m()));
  }
  get axes(): { categoryAxis: FakeCategoryAxis } {
    return this.nav("axes", () => ({ categoryAxis: new FakeCategoryAxis(this.context, () => this.m()) }));
  }
  protected override navigation(name: string): Loadable | undefined {
    return name === "title" ? this.title : name === "series" ? this.series : undefined;
  }
  setPosition(startCell: string | FakeRange): void {
    this.call((m) => {
      const area =
        typeof startCell === "string"
          ? parseArea(startCell)
          : sameSheetArea(startCell, m.sheet, "The chart's position");
      if (!area)
        throw new FakeOfficeError("InvalidArgument", `"${String(startCell)}" is not a cell`, "Chart.setPosition");
      this.context.model.changeChart(
        m.sheet,
        m.chart,
        (c) => (c.anchor = { top: area.top, left: area.left, bottom: area.top, right: area.left }),
      );
    });
  }
  delete(): void {
    this.call((m) => this.context.model.deleteChart(m.sheet, m.chart));
  }
}

export class FakeChartTitle extends FakeObject<ChartModel> {
  protected readonly typeName = "ChartTitle";
  protected override scalars() {
    return { text: (m: ChartModel) => m.chart.title };
  }
  get text(): string {
    return this.get("text");
  }
  set text(v: string) {
    this.set(v, (m, x) => this.context.model.changeChart(m.sheet, m.chart, (c) => (c.title = String(x))));
  }
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, FakeChartSeries> {
  protected readonly typeName = "ChartSeriesCollection";
  protected override scalars() {
    return { count: (m: ChartModel) => m.chart.series.length };
  }
  get count(): number {
    return this.get("count");
  }
  protected itemsOf(m: ChartModel): FakeChartSeries[] {
    return m.chart.series.map((_, k) => new FakeChartSeries(this.context, () => ({ ...m, index: k })));
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const m = this.m();
      if (!m.chart.series[index])
        throw new FakeOfficeError(
          "ItemNotFound",
          `The chart has no series ${index}`,
          "ChartSeriesCollection.getItemAt",
        );
      return { ...m, index };
    });
  }
  add(name?: string): FakeChartSeries {
    let index = -1;
    this.call((m) => {
      this.context.model.changeChart(m.sheet, m.chart, (c) => {
        index = c.series.length;
        c.series.push({ name: name ?? `Series${index + 1}`, values: { top: 0, left: 0, bottom: 0, right: 0 } });
      });
    });
    return new FakeChartSeries(this.context, () => ({ ...this.m(), index }));
  }
}

export class FakeChartSeries extends FakeObject<ChartModel & { index: number }> {
  protected readonly typeName = "ChartSeries";
  protected override scalars() {
    return { name: (m: ChartModel & { index: number }) => m.chart.series[m.index].name };
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set(v, (m, x) =>
      this.context.model.changeChart(m.sheet, m.chart, (c) => (c.series[m.index].name = String(x))),
    );
  }
  setValues(sourceData: FakeRange): void {
    this.call((m) => {
      const area = sameSheetArea(sourceData, m.sheet, "The series values");
      this.context.model.changeChart(m.sheet, m.chart, (c) => (c.series[m.index].values = area));
    });
  }
}

export class FakeCategoryAxis extends FakeObject<ChartModel> {
  protected readonly typeName = "ChartAxis";
  setCategoryNames(sourceData: FakeRange): void {
    this.call((m) => {
      const area = sameSheetArea(sourceData, m.sheet, "The category names");
      this.context.model.changeChart(m.sheet, m.chart, (c) => (c.categories = area));
    });
  }
}

// ----- names -----

interface NameModel {
  name: string;
  reference: string;
}

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";
  constructor(context: FakeRequestContext) {
    super(context, () => context.model);
  }
  protected itemsOf(m: WorkbookModel): FakeNamedItem[] {
    return [...m.names.values()].map((n) => new FakeNamedItem(this.context, () => n));
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    void comment;
    this.call((m) => {
      const ref = typeof reference === "string" ? reference : reference.m();
      const text =
        typeof ref === "string"
          ? ref
          : `${quoteSheet(ref.sheet.name)}!${areaAddress(ref.area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      m.defineName(name, text);
    });
    return this.getItem(name);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.lookup(name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.lookup(name), "method");
  }
  private lookup(name: string): NameModel {
    const n = this.context.model.names.get(name.toLowerCase());
    if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: name "${name}"`);
    return n;
  }
}

export class FakeNamedItem extends FakeObject<NameModel> {
  protected readonly typeName = "NamedItem";
  protected override scalars() {
    return {
      name: (n: NameModel) => n.name,
      type: (n: NameModel) => (parseArea(n.reference) ? "Range" : "String"),
      value: (n: NameModel) => n.reference,
      formula: (n: NameModel) => `=${n.reference}`,
      visible: () => true,
    };
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): string {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula");
  }
  delete(): void {
    this.call((n) => {
      this.context.model.deleteName(n.name);
    });
  }
}

// ----- events -----

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly handler: ChangeHandler,
  ) {}
  remove(): void {
    this.context.enqueue(() => {
      this.sheet.m().handlers.delete(this.handler);
    });
  }
}

export class FakeEvent {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  add(handler: ChangeHandler): FakeEventHandlerResult {
    this.context.enqueue(() => {
      this.sheet.m().handlers.add(handler);
      this.context.model.handlerClient.set(handler, this.context.client);
    });
    return new FakeEventHandlerResult(this.context, this.sheet, handler);
  }
}

// Every member the fake offers is a real member of its Excel class, used only where this Excel has it.
const FAKES: [{ prototype: object; name: string }, string[]][] = [
  [FakeWorkbook, ["Workbook"]],
  [FakeWorkbookProtection, ["WorkbookProtection"]],
  [FakeApplication, ["Application"]],
  [FakeCultureInfo, ["CultureInfo"]],
  [FakeNumberFormatInfo, ["NumberFormatInfo"]],
  [FakeWorksheetCollection, ["WorksheetCollection"]],
  [FakeWorksheet, ["Worksheet"]],
  [FakeWorksheetProtection, ["WorksheetProtection"]],
  [FakePageLayout, ["PageLayout"]],
  [FakeRange, ["Range"]],
  [FakeRangeAreas, ["RangeAreas"]],
  [FakeRangeFormat, ["RangeFormat"]],
  [FakeRangeFont, ["RangeFont"]],
  [FakeRangeFill, ["RangeFill"]],
  [FakeDataValidation, ["DataValidation"]],
  [FakeConditionalFormatCollection, ["ConditionalFormatCollection"]],
  [FakeConditionalFormat, ["ConditionalFormat"]],
  [FakeConditionalFormatCustom, ["CustomConditionalFormat"]],
  [FakeConditionalFormatRule, ["ConditionalFormatRule"]],
  [FakeConditionalRangeFormat, ["ConditionalRangeFormat"]],
  [FakeConditionalColor, ["ConditionalRangeFill", "ConditionalRangeFont"]],
  [FakeChartCollection, ["ChartCollection"]],
  [FakeChartObject, ["Chart"]],
  [FakeChartTitle, ["ChartTitle"]],
  [FakeChartSeriesCollection, ["ChartSeriesCollection"]],
  [FakeChartSeries, ["ChartSeries"]],
  [FakeCategoryAxis, ["ChartAxis"]],
  [FakeNamedItemCollection, ["NamedItemCollection"]],
  [FakeNamedItem, ["NamedItem"]],
];
for (const [cls, types] of FAKES) enforceApiSets(cls, types);
