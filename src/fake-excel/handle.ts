/**
 * What tests and the workbench do to the fake workbook from outside the add-in: look
 * at cells as a person sees them, type into a cell (which raises onChanged as Excel
 * does), protect a sheet, hold a cell in edit mode, make the next round trip fail.
 */
import { a1, CellValue, columnIndex, parseA1, SheetGrid, WorkbookGrid } from "../core/grid";
import { Area, areaAddress, parseArea } from "../excel/rangeAddress";
import { FakeOfficeError } from "./errors";
import { displayText, FakeCellStyle, FakeChart, FakeSheet, FakeValidation, WorkbookModel } from "./workbookModel";

export interface FakeRuleView {
  id: string;
  ranges: string[];
  formula: string;
  fill?: string;
  fontColor?: string;
}

/** A chart as a person sees it: its title, place, and the numbers it draws now. */
export interface FakeChartView {
  name: string;
  type: string;
  title: string;
  anchor?: string;
  width: number;
  height: number;
  categories: string[];
  series: { name: string; range: string; values: CellValue[] }[];
}

export interface FakeCellView {
  address: string;
  value: CellValue;
  formula?: string;
  text: string;
  /** the cell's own format with matching conditional formats laid over it */
  style: FakeCellStyle;
  validation?: FakeValidation;
}

export interface FakeSnapshot {
  sheets: {
    name: string;
    protected: boolean;
    cells: Record<string, { value: CellValue; formula?: string; style?: FakeCellStyle; validation?: FakeValidation }>;
    widths: Record<string, number>;
    rules: Omit<FakeRuleView, "id">[];
    charts: (Omit<FakeChartView, "categories" | "series"> & {
      categories?: string;
      series: { name: string; range: string }[];
    })[];
  }[];
  names: Record<string, string>;
}

function cellOf(address: string): { row: number; col: number } {
  const p = parseA1(address);
  if (!p) throw new Error(`"${address}" is not a cell address`);
  return p;
}

function areaOf(range: string): Area {
  const a = parseArea(range);
  if (!a) throw new Error(`"${range}" is not a range address`);
  return { top: a.top, left: a.left, bottom: a.bottom, right: a.right };
}

export class FakeWorkbookHandle {
  constructor(private readonly model: WorkbookModel) {}

  private sheet(name: string): FakeSheet {
    return this.model.mustSheet(name);
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /**
   * A person types into a cell: "=…" is a formula, "3" a number, "" or null clears it.
   * `thenEditing`: after Enter they start typing in the next cell at once, as an assessor
   * entering levels down a column does, so Excel is in cell edit mode when the change
   * event's read arrives (until setCellEditMode(false)).
   */
  setValue(
    sheet: string,
    address: string,
    input: string | number | boolean | null,
    opts: { source?: "Local" | "Remote"; thenEditing?: boolean } = {},
  ): void {
    const { row, col } = cellOf(address);
    this.model.personTypes(sheet, row, col, input, opts.source ?? "Local");
    if (opts.thenEditing) this.model.cellEditMode = true;
  }

  value(sheet: string, address: string): CellValue {
    const { row, col } = cellOf(address);
    return this.sheet(sheet).get(row, col)?.value ?? null;
  }

  formula(sheet: string, address: string): string | undefined {
    const { row, col } = cellOf(address);
    return this.sheet(sheet).get(row, col)?.formula;
  }

  cell(sheet: string, address: string): FakeCellView {
    const { row, col } = cellOf(address);
    return this.cellAt(sheet, row, col);
  }

  /** One cell by 0-based row and column, as the workbench grid draws it. */
  cellAt(sheet: string, row: number, col: number): FakeCellView {
    const s = this.sheet(sheet);
    const c = s.get(row, col);
    const style: FakeCellStyle = { ...(c?.style ?? {}) };
    // Lowest priority first, so the highest-priority rule's colours win.
    for (const rule of [...s.rules].reverse()) {
      const inside = rule.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      if (!inside || !this.model.ruleHolds(s, rule, row, col)) continue;
      if (rule.fill) style.fill = rule.fill;
      if (rule.fontColor) style.fontColor = rule.fontColor;
    }
    return {
      address: a1(row, col),
      value: c?.value ?? null,
      formula: c?.formula,
      text: displayText(c?.value ?? null, c?.style?.numberFormat),
      style,
      validation: c?.validation,
    };
  }

  /** Rows and columns from A1 to the last cell holding anything. */
  dimensions(sheet: string): { rows: number; columns: number } {
    const u = this.sheet(sheet).used(false);
    return u ? { rows: u.bottom + 1, columns: u.right + 1 } : { rows: 0, columns: 0 };
  }

  conditionalFormats(sheet: string): FakeRuleView[] {
    return this.sheet(sheet).rules.map((r) => ({
      id: r.id,
      ranges: r.areas.map(areaAddress),
      formula: r.formula,
      fill: r.fill,
      fontColor: r.fontColor,
    }));
  }

  charts(sheet: string): FakeChartView[] {
    const s = this.sheet(sheet);
    const cells = (a: Area) => {
      const out: CellValue[] = [];
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) out.push(s.get(r, c)?.value ?? null);
      return out;
    };
    return s.charts.map((c) => ({
      ...chartPlacement(c),
      categories: c.categories ? cells(c.categories).map((v) => displayText(v)) : [],
      series: c.series.map((x) => ({ name: x.name, range: areaAddress(x.values), values: cells(x.values) })),
    }));
  }

  names(): Record<string, string> {
    return Object.fromEntries([...this.model.names.values()].map((n) => [n.name, n.reference]));
  }

  /** How a sheet prints: orientation, fit to pages, the rows repeated on each page ("8:8"). */
  pageSetup(sheet: string): { orientation: string; zoom: Record<string, number>; titleRows?: string } {
    const p = this.sheet(sheet).page;
    return {
      orientation: p.orientation,
      zoom: { ...p.zoom },
      titleRows: p.titleRows && `${p.titleRows.top + 1}:${p.titleRows.bottom + 1}`,
    };
  }

  /** Column width in points, or undefined for Excel's default. */
  columnWidth(sheet: string, column: string): number | undefined {
    const c = columnIndex(column);
    return c === undefined ? undefined : this.sheet(sheet).widths.get(c);
  }

  /** The workbook as the core's grid: current values and formulas. */
  grid(): WorkbookGrid {
    return {
      sheets: this.model.sheets.map((s): SheetGrid => {
        const values: CellValue[][] = [];
        const formulas: (string | null)[][] = [];
        const u = s.used(true);
        for (let r = 0; u && r <= u.bottom; r++) values.push([]);
        for (const [k, c] of s.cells) {
          const row = Math.floor(k / 16384);
          const col = k % 16384;
          if (c.value !== null) values[row][col] = c.value;
          if (c.formula) (formulas[row] ??= [])[col] = c.formula;
        }
        return { name: s.name, values, formulas };
      }),
      names: this.names(),
    };
  }

  /** Everything a person or a program could see, as plain data in a stable order. */
  snapshot(): FakeSnapshot {
    return {
      sheets: this.model.sheets.map((s) => {
        const keys = [...s.cells.keys()].sort((a, b) => a - b);
        const cells: FakeSnapshot["sheets"][number]["cells"] = {};
        for (const k of keys) {
          const c = s.cells.get(k)!;
          if (c.value === null && !c.formula && !c.style && !c.validation) continue;
          const entry: FakeSnapshot["sheets"][number]["cells"][string] = { value: c.value };
          if (c.formula) entry.formula = c.formula;
          if (c.style && Object.values(c.style).some((v) => v !== undefined)) entry.style = structuredClone(c.style);
          if (c.validation) entry.validation = structuredClone(c.validation);
          cells[a1(Math.floor(k / 16384), k % 16384)] = entry;
        }
        const widths = Object.fromEntries([...s.widths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [String(c), w]));
        return {
          name: s.name,
          protected: s.protected,
          cells,
          widths,
          rules: s.rules.map((r) => ({
            ranges: r.areas.map(areaAddress),
            formula: r.formula,
            fill: r.fill,
            fontColor: r.fontColor,
          })),
          charts: s.charts.map((c) => ({
            ...chartPlacement(c),
            categories: c.categories && areaAddress(c.categories),
            series: c.series.map((x) => ({ name: x.name, range: areaAddress(x.values) })),
          })),
        };
      }),
      names: this.names(),
    };
  }

  /** Every Excel API member used so far ("Range.values", "Worksheet.getUsedRange(valuesOnly)") with the requirement set it needs. */
  apiMembersUsed(): Record<string, string> {
    return Object.fromEntries([...this.model.used].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  /** A person protects the workbook's structure (Review › Protect Workbook): no sheet can be added. */
  protectStructure(on = true): void {
    this.model.structureProtected = on;
  }

  /**
   * A person merges cells (Home › Merge & Center): Excel keeps only the upper-left value
   * and discards the others ("Merge and unmerge cells", Microsoft Support).
   */
  merge(sheet: string, range: string): void {
    const s = this.sheet(sheet);
    const a = areaOf(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) s.cells.delete(FakeSheet.key(r, c));
    s.merges.push(a);
    this.model.recalc();
  }

  /** The merged areas of a sheet, as addresses. */
  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map(areaAddress);
  }

  /** A person sets a number format (Home › Number Format), e.g. "@" for Text. */
  setNumberFormat(sheet: string, range: string, format: string): void {
    const s = this.sheet(sheet);
    const a = areaOf(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const cell = s.ensure(r, c);
        cell.style = { ...cell.style, numberFormat: format };
      }
  }

  /** A person sets data validation on a range (Data › Data Validation), replacing what was there. */
  setValidation(sheet: string, range: string, validation: FakeValidation | undefined): void {
    const s = this.sheet(sheet);
    const a = areaOf(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) s.ensure(r, c).validation = validation && structuredClone(validation);
  }

  /**
   * While on, a person is typing in a cell: every round trip fails, except those of an
   * Excel.run given `delayForCellEdit: true` (ExcelApi 1.11), which wait and run when
   * this is switched off, as when the person presses Enter.
   */
  setCellEditMode(on: boolean): void {
    this.model.cellEditMode = on;
  }

  /** Excel's calculation mode, an application-wide setting a person changes under Formulas › Calculation Options. */
  setCalculationMode(mode: "Automatic" | "AutomaticExceptTables" | "Manual"): void {
    this.model.calculationMode = mode;
  }

  /** F9: every formula calculated now, whatever the mode. */
  calculateNow(): void {
    this.model.calculate();
  }

  /** office-js #3019 (builds of Excel on the web, since fixed): every batch run with delayForCellEdit fails as in cell edit mode. */
  delayedBatchesFail(on: boolean): void {
    this.model.faults.delayedBatchesFail = on;
  }

  /**
   * Faults of real Excel, switched on by a test:
   * - `deleteAtSharedCell`: `getItemAt(n).delete()` fails with ItemNotFound when the rule
   *   shares a cell with another rule (office-js #5222: two rules made in Excel on one cell);
   * - `unreadableRules`: loading the conditional formats of these sheets fails with the
   *   code given, ItemNotFound by default (office-js #6827, #6835: rules a person made
   *   and duplicated, or two cell-value rules on one range).
   */
  conditionalFormatFaults(f: { deleteAtSharedCell?: boolean; unreadableRules?: string[]; code?: string }): void {
    if (f.deleteAtSharedCell !== undefined) this.model.faults.deleteAtSharedCell = f.deleteAtSharedCell;
    if (f.unreadableRules) {
      this.model.faults.unreadableRules.clear();
      for (const s of f.unreadableRules)
        this.model.faults.unreadableRules.set(s.toLowerCase(), f.code ?? "ItemNotFound");
    }
  }

  /** The next context.sync fails with this Office error code, changing nothing. */
  failNextSync(code = "GeneralException", message = "An internal error has occurred."): void {
    this.model.failNext = new FakeOfficeError(code, message);
  }

  addSheet(name: string): void {
    this.model.addSheet(name);
  }

  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.model.sheet(to) && this.model.sheet(to) !== s)
      throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${to}" already exists`);
    s.name = to;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.model.sheets = this.model.sheets.filter((x) => x !== s);
    this.model.recalc();
  }

  activeSheet(): string | undefined {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId)?.name;
  }

  selection(): { sheet: string; address: string } | undefined {
    const sel = this.model.selection;
    const s = sel && this.model.sheets.find((x) => x.id === sel.sheetId);
    return s && sel ? { sheet: s.name, address: areaAddress(sel.area) } : undefined;
  }

  /** onChanged handlers registered on a sheet (to check that watching stops). */
  handlerCount(sheet: string): number {
    return this.sheet(sheet).handlers.size;
  }

  /** Called after every change: a round trip that changed something, or a person's edit. */
  subscribe(listener: () => void): () => void {
    return this.model.subscribe(listener);
  }
}

/** What a chart's name, kind and place look like to tests and the workbench. */
function chartPlacement(c: FakeChart) {
  return {
    name: c.name,
    type: c.type,
    title: c.title,
    anchor: c.anchor && areaAddress(c.anchor),
    width: c.width,
    height: c.height,
  };
}
