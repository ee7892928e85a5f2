/**
 * The Office.js host's half that writes: the look at everything a plan touches
 * (planFacts.ts), the core's check of the plan against it (planCheck.ts), and the batch
 * that writes the checked plan. A chunk of its own ("apply", with the pane's plan builder),
 * fetched when the person first presses Apply: the pane's first download only reads.
 */
import { columnIndex } from "../core/grid";
import { shiftFormula } from "../core/shiftFormula";
import type {
  CellStyle,
  PlannedChart,
  PlannedConditionalFormat,
  PlannedValidation,
  WritePlan,
} from "../core/writePlan";
import type { ApiLevels } from "./capabilities";
import { customRules, Known, RULES_LOAD } from "./officeHost";
import { areaAddress, parseArea, parseAreas, rangeGroups } from "./rangeAddress";
import type { HostCapabilities } from "./workbookHost";

export {
  checkPlan,
  coAuthorSheetMessage,
  expectedFacts,
  factsWanted,
  sameOutcome,
  sheetGoneMessage,
  whatChanged,
} from "../core/planCheck";
export { queueFacts } from "./planFacts";

const lower = (s: string) => s.toLowerCase();

const CHART_TYPES: Record<PlannedChart["type"], "BarClustered" | "Radar"> = {
  barClustered: "BarClustered",
  radar: "Radar",
};

/** How a results sheet prints, as the write plan gives it (plans that carry no print settings give none). */
interface PrintSetup {
  sheet: string;
  orientation: "landscape" | "portrait";
  /** pages across */
  fitToWidth: number;
  /** whole rows repeated at the top of each page, e.g. "$8:$8" */
  titleRows?: string;
}

function printSetups(plan: WritePlan): PrintSetup[] {
  return (plan as WritePlan & { printSetups?: PrintSetup[] }).printSetups ?? [];
}

/** ExcelJS column widths are in characters of the default font; Office.js wants points. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Text Excel would read as a number, a date, a formula or a boolean goes in with a quote prefix. */
export function literalText(text: string): string {
  if (/^\s*[=+\-@'#\d.]/.test(text) || /^\s*(true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

/** The operations of one apply, queued on one request context, and what they leave behind. */
export class ApplyBatch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly addedSheets: string[] = [];
  /** each sheet whose formats changed, with its collection loaded again after the change in the same round trip */
  private readonly rulesAfter: { sheet: string; collection: Excel.ConditionalFormatCollection }[] = [];
  private readonly addedNames: string[] = [];
  private readonly addedCharts: { sheet: string; name: string }[] = [];

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly known: Known,
    private readonly levels: ApiLevels,
    /** lower-case sheet name → its formats as listed in a trip before this one: ours are deleted as those items */
    private readonly listed?: Map<string, Excel.ConditionalFormatCollection>,
  ) {}

  private sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(lower(name));
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.sheets.set(lower(name), ws);
    }
    return ws;
  }

  queue(plan: WritePlan, caps: HostCapabilities): void {
    const have = new Set(this.known.sheets.map(lower));
    for (const name of plan.sheets) {
      if (have.has(lower(name))) continue;
      this.sheets.set(lower(name), this.ctx.workbook.worksheets.add(name));
      this.addedSheets.push(name);
      have.add(lower(name));
    }
    for (const c of plan.cells) {
      const range = this.sheet(c.sheet).getRange(c.address);
      // The number format first: a cell still formatted as Text would keep the formula as text.
      if (c.style?.numberFormat) range.numberFormat = [[c.style.numberFormat]];
      if (c.formula) range.formulas = [[c.formula]];
      else range.values = [[typeof c.value === "string" ? literalText(c.value) : (c.value ?? "")]];
      if (c.style) this.style(range, c.style);
    }
    // Column widths only make the results easier to read; an Excel without them keeps its defaults.
    for (const w of this.levels.columnWidths ? plan.columnWidths : []) {
      if (columnIndex(w.column) === undefined) continue;
      this.sheet(w.sheet).getRange(`${w.column}:${w.column}`).format.columnWidth = widthInPoints(w.width);
    }
    // Names before conditional formats: the low-score rule refers to the threshold's name.
    if (caps.names) {
      for (const n of plan.names) {
        if (this.known.names.has(lower(n.name))) this.ctx.workbook.names.getItem(n.name).delete();
        this.ctx.workbook.names.add(n.name, `=${n.reference}`);
        this.addedNames.push(n.name);
      }
    }
    // How the results sheet prints, where the plan says and Excel can: the pane's own view needs no paper.
    for (const p of this.levels.pageLayout ? printSetups(plan) : []) this.printSetup(p);
    if (caps.dataValidation) for (const v of plan.validations) this.validation(v);
    if (caps.conditionalFormats) this.conditionalFormats(plan.conditionalFormats);
    for (const c of plan.charts) this.chart(c);
  }

  private printSetup(p: PrintSetup): void {
    const layout = this.sheet(p.sheet).pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    // Pages across fixed, pages down left free, as the command line's workbook has it.
    layout.zoom = { horizontalFitToPages: p.fitToWidth };
    if (p.titleRows) layout.setPrintTitleRows(p.titleRows);
  }

  /** A native chart fed by the results sheet's live formulas; ours (same name) is replaced. */
  private chart(c: PlannedChart): void {
    const key = lower(c.sheet);
    const ws = this.sheet(c.sheet);
    if (this.known.charts.get(key)?.has(c.name)) ws.charts.getItem(c.name).delete();
    const areas = c.series.map((s) => parseArea(s.values));
    const first = areas[0];
    // Series in neighbouring columns over the same rows are one source range, as Excel likes it.
    const adjacent =
      !!first &&
      areas.every(
        (a, k) =>
          a && a.top === first.top && a.bottom === first.bottom && a.left === a.right && a.left === first.left + k,
      );
    const source = adjacent ? areaAddress({ ...first!, right: first!.left + areas.length - 1 }) : c.series[0].values;
    const chart = ws.charts.add(CHART_TYPES[c.type], ws.getRange(source), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.anchor);
    chart.width = c.width;
    chart.height = c.height;
    // Each series is given its values explicitly where Excel can (ExcelApi 1.7): from a
    // source range whose first row is text (an index still "–") Excel would take that row
    // for series names and drop it from the values.
    c.series.forEach((s, k) => {
      if (this.levels.chartSeries) {
        const series = adjacent || k === 0 ? chart.series.getItemAt(k) : chart.series.add(s.name);
        series.name = s.name;
        series.setValues(ws.getRange(s.values));
      } else if (adjacent || k === 0) chart.series.getItemAt(k).name = s.name;
    });
    if (this.levels.chartSeries) chart.axes.categoryAxis.setCategoryNames(ws.getRange(c.categories));
    this.addedCharts.push({ sheet: key, name: c.name });
  }

  private style(range: Excel.Range, s: CellStyle): void {
    if (s.bold !== undefined) range.format.font.bold = s.bold;
    if (s.italic !== undefined) range.format.font.italic = s.italic;
    if (s.fontColor) range.format.font.color = s.fontColor;
    if (s.fill) range.format.fill.color = s.fill;
    if (s.align)
      range.format.horizontalAlignment = s.align === "left" ? "Left" : s.align === "right" ? "Right" : "Center";
    if (s.wrap) {
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
  }

  /** The areas as multi-area ranges where Excel has them (in groups getRanges takes), else one range per area. */
  private targets(sheet: string, ranges: string[]): (Excel.Range | Excel.RangeAreas)[] {
    const ws = this.sheet(sheet);
    if (this.levels.rangeAreas && ranges.length > 1)
      return rangeGroups(ranges).map((g) => (g.length === 1 ? ws.getRange(g[0]) : ws.getRanges(g.join(","))));
    return ranges.map((r) => ws.getRange(r));
  }

  private validation(v: PlannedValidation): void {
    const bounds = { formula1: v.min, formula2: v.max, operator: "Between" as const };
    for (const target of this.targets(v.sheet, v.ranges)) {
      const dv = target.dataValidation;
      dv.clear();
      dv.ignoreBlanks = true;
      dv.rule = v.type === "whole" ? { wholeNumber: bounds } : { decimal: bounds };
      dv.prompt = { showPrompt: true, title: v.inputTitle, message: v.inputMessage };
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.errorMessage };
    }
  }

  private conditionalFormats(planned: PlannedConditionalFormat[]): void {
    const bySheet = new Map<string, PlannedConditionalFormat[]>();
    for (const cf of planned) {
      const k = lower(cf.sheet);
      if (!bySheet.has(k)) bySheet.set(k, []);
      bySheet.get(k)!.push(cf);
    }
    for (const [key, list] of bySheet) {
      const sheet = list[0].sheet;
      // One rule per area where Excel lacks multi-area ranges, one per group of areas where
      // getRanges would refuse them all at once: each written for its own top-left cell.
      const rules = list.flatMap((cf) => {
        const groups = this.levels.rangeAreas ? rangeGroups(cf.ranges) : cf.ranges.map((r) => [r]);
        if (groups.length === 1) return [{ cf, ranges: cf.ranges, formula: cf.formula }];
        const origin = parseAreas(cf.ranges[0])![0];
        return groups.map((g) => {
          const a = parseAreas(g[0])![0];
          return { cf, ranges: g, formula: shiftFormula(cf.formula, a.top - origin.top, a.left - origin.left) };
        });
      });
      // Our earlier rules are known by their exact formula text: replaced, never doubled.
      // They are deleted from the lowest priority up, so each deletion leaves the places
      // of those still to go as the last read saw them; a person's formats are not touched.
      const ours = new Set(rules.map((r) => r.formula));
      const collection = this.sheet(sheet).getRange().conditionalFormats;
      const earlier = (this.known.rules.get(key) ?? []).filter((r) => ours.has(r.formula.replace(/^=/, "")));
      const items = this.listed?.get(key)?.items;
      for (const r of earlier.sort((a, b) => b.position - a.position))
        (items ? items[r.position] : collection.getItemAt(r.position)).delete();
      for (const r of rules) {
        const [target] = this.targets(sheet, r.ranges);
        const format = target.conditionalFormats.add("Custom");
        format.custom.rule.formula = `=${r.formula}`;
        format.custom.format.fill.color = r.cf.fill;
        format.custom.format.font.color = r.cf.fontColor;
      }
      // Where everything stands now, learned in this same round trip.
      this.rulesAfter.push({
        sheet: key,
        collection: this.sheet(sheet).getRange().conditionalFormats.load(RULES_LOAD),
      });
    }
  }

  /** After the round trip: keep the knowledge of the workbook current without reading it again. */
  remember(k: Known): void {
    for (const name of this.addedSheets) if (!k.sheets.includes(name)) k.sheets.push(name);
    for (const a of this.rulesAfter) k.rules.set(a.sheet, customRules(a.collection));
    for (const n of this.addedNames) k.names.add(lower(n));
    for (const c of this.addedCharts) {
      if (!k.charts.has(c.sheet)) k.charts.set(c.sheet, new Set());
      k.charts.get(c.sheet)!.add(c.name);
    }
  }
}

export function writesNothing(p: WritePlan): boolean {
  return [
    p.sheets,
    p.cells,
    p.validations,
    p.conditionalFormats,
    p.names,
    p.columnWidths,
    p.charts,
    printSetups(p),
  ].every((x) => x.length === 0);
}
