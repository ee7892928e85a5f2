/**
 * Apply's first round trip: everything a write plan touches, as it is at this moment —
 * the sheets and their protection, the workbook's structure protection, the names, each
 * cell the plan writes on a person's sheet (value, formula, number format, merged area),
 * the validation on the level ranges, our conditional formats and charts where they are.
 * The requests are queued here; after the one `context.sync` the answers become the
 * core's `WorkbookFacts` and the host's knowledge for the write that follows.
 *
 * Sheets can only be asked for by name and a missing one fails the whole round trip, so
 * only sheets the last read saw (or the plan's own person's sheets) are asked; a results
 * sheet that appeared since (a co-author applied first) is seen in the sheet list and
 * recognised by the workbook name our apply gives it, and is read on the next apply.
 */
import { CellValue } from "../core/grid";
import { ownSheetKind, SETTINGS_ROWS } from "../core/settings";
import { cellKey, FactsWanted, FoundCell, FoundValidation, validationKey, WorkbookFacts } from "../core/planCheck";
import { sheetRef } from "../core/grid";
import { PlannedValidation, WritePlan } from "../core/writePlan";
import { parseArea } from "./rangeAddress";

const lower = (s: string) => s.toLowerCase();

/** What the host needs of each sheet to write: our earlier rules and charts where they are. */
export interface SheetLook {
  rules?: Excel.ConditionalFormatCollection;
  charts?: Excel.ChartCollection;
}

export interface FactsLevels {
  protection: boolean;
  names: boolean;
  dataValidation: boolean;
  conditionalFormats: boolean;
  rangeAreas: boolean;
  /** ExcelApi 1.7: Workbook.protection */
  workbookProtection: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject */
  mergedAreas: boolean;
}

export interface FactsAnswer {
  facts: WorkbookFacts;
  sheets: string[];
  protectedSheets: Set<string>;
  names: Set<string>;
  /** lower-case sheet name → what was loaded of it */
  looks: Map<string, SheetLook>;
  /** results sheets of the plan that exist now but were not asked about (created since the last read) */
  unseen: string[];
}

function plain(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** How Excel describes one range's validation, as the core reads it. */
function foundValidation(dv: Excel.DataValidation): FoundValidation {
  const type = String(dv.type);
  if (type === "None") return { kind: "none" };
  if (type === "Inconsistent" || type === "MixedCriteria") return { kind: "mixed" };
  const errorTitle = dv.errorAlert?.title ?? "";
  const rule = dv.rule as Record<
    string,
    { formula1?: unknown; formula2?: unknown; operator?: string; source?: unknown }
  >;
  if (type === "WholeNumber" || type === "Decimal") {
    const r = rule[type === "WholeNumber" ? "wholeNumber" : "decimal"];
    const min = Number(r?.formula1);
    const max = Number(r?.formula2);
    if (r?.operator === "Between" && Number.isFinite(min) && Number.isFinite(max))
      return { kind: "rule", type: type === "WholeNumber" ? "whole" : "decimal", min, max, errorTitle };
    return { kind: "rule", type: "other", errorTitle };
  }
  if (type === "List") {
    const source = String(rule.list?.source ?? "");
    if (!source.startsWith("="))
      return { kind: "rule", type: "list", items: source.split(",").map((x) => x.trim()), errorTitle };
  }
  return { kind: "rule", type: "other", errorTitle };
}

/** Several ranges read one by one: one answer when they agree. */
function combined(found: FoundValidation[]): FoundValidation {
  const first = JSON.stringify(found[0]);
  return found.every((f) => JSON.stringify(f) === first) ? found[0] : { kind: "mixed" };
}

/**
 * Queues the look at what `plan` touches and returns how to read the answer once the
 * round trip is back. `knownSheets` are the sheets the last read saw (or none known).
 */
export function queueFacts(
  ctx: Excel.RequestContext,
  plan: WritePlan,
  wanted: FactsWanted,
  knownSheets: readonly string[] | undefined,
  lv: FactsLevels,
): () => FactsAnswer {
  const wb = ctx.workbook;
  const list = wb.worksheets.load(lv.protection ? "items/name,items/protection/protected" : "items/name");
  const structure = lv.workbookProtection ? wb.protection.load("protected") : undefined;
  const names = lv.names ? wb.names.load("items/name,items/value") : undefined;

  const own = new Set(plan.sheets.map(lower));
  const known = new Set((knownSheets ?? []).map(lower));
  const touched = new Map<string, string>();
  const touch = (s: string) => touched.set(lower(s), s);
  for (const c of plan.cells) touch(c.sheet);
  for (const v of plan.validations) touch(v.sheet);
  for (const f of plan.conditionalFormats) touch(f.sheet);
  for (const c of plan.charts) touch(c.sheet);
  for (const s of plan.sheets) touch(s);
  const asked = [...touched.values()].filter((s) => known.has(lower(s)) || !own.has(lower(s)));
  const sheets = new Map(asked.map((s) => [lower(s), wb.worksheets.getItem(s)]));

  const markers = new Map<string, Excel.Range>();
  const looks = new Map<string, SheetLook>();
  for (const [key, ws] of sheets) {
    if (own.has(key)) markers.set(key, ws.getRange(`A1:B${SETTINGS_ROWS.sheet + 1}`).load("values"));
    const look: SheetLook = {};
    if (lv.conditionalFormats && plan.conditionalFormats.some((f) => lower(f.sheet) === key))
      look.rules = ws.getRange().conditionalFormats.load("items/customOrNullObject/rule/formula");
    if (plan.charts.some((c) => lower(c.sheet) === key)) look.charts = ws.charts.load("items/name");
    looks.set(key, look);
  }

  const cells = wanted.cells.map((c) => {
    const ws = sheets.get(lower(c.sheet))!;
    const range = ws.getRange(c.address).load("values,formulas,numberFormat");
    const merged = lv.mergedAreas ? range.getMergedAreasOrNullObject().load("address") : undefined;
    return { c, range, merged };
  });

  const validations = lv.dataValidation
    ? wanted.validations.map((v: PlannedValidation) => {
        const ws = sheets.get(lower(v.sheet))!;
        const targets =
          lv.rangeAreas && v.ranges.length > 1
            ? [ws.getRanges(v.ranges.join(","))]
            : v.ranges.map((r) => ws.getRange(r));
        return { v, dvs: targets.map((t) => t.dataValidation.load("type,rule,errorAlert")) };
      })
    : [];

  return () => {
    const all = list.items.map((s) => s.name);
    const protectedSheets = new Set(
      lv.protection ? list.items.filter((s) => s.protection.protected).map((s) => lower(s.name)) : [],
    );
    const nameValues = new Map((names?.items ?? []).map((n) => [lower(n.name), String(n.value).replace(/^=/, "")]));
    const exists = new Set(all.map(lower));

    const resultsSheets: Record<string, string> = {};
    const planSheets: Record<string, string> = {};
    const recordSheets: string[] = [];
    for (const [key, range] of markers) {
      const v = range.values;
      const kind = ownSheetKind(plain(v[0]?.[0]), plain(v[SETTINGS_ROWS.sheet]?.[0]));
      if (!kind) continue;
      const name = all.find((n) => lower(n) === key) ?? key;
      if (kind === "record") {
        recordSheets.push(name);
        continue;
      }
      (kind === "plan" ? planSheets : resultsSheets)[name] = String(v[SETTINGS_ROWS.sheet]?.[1] ?? "");
    }
    // A results sheet made since the last read: ours when the workbook names our threshold in it.
    const unseen: string[] = [];
    for (const name of plan.sheets) {
      if (!exists.has(lower(name)) || markers.has(lower(name))) continue;
      const ours = plan.names.some(
        (n) => n.reference.startsWith(sheetRef(name)) && nameValues.get(lower(n.name))?.startsWith(sheetRef(name)),
      );
      if (!ours) continue;
      unseen.push(name);
      const levelSheet = plan.cells.find(
        (c) => lower(c.sheet) === lower(name) && c.address === `B${SETTINGS_ROWS.sheet + 1}`,
      );
      resultsSheets[name] = String(levelSheet?.value ?? "");
    }

    const found: Record<string, FoundCell> = {};
    for (const { c, range, merged } of cells) {
      const f = range.formulas[0]?.[0];
      const cell: FoundCell = {
        value: plain(range.values[0]?.[0]),
        formula: typeof f === "string" && f.startsWith("=") ? f : null,
        numberFormat: String(range.numberFormat[0]?.[0] ?? "General"),
      };
      if (merged && !merged.isNullObject) {
        const me = parseArea(c.address)!;
        for (const part of merged.address.split(",")) {
          const a = parseArea(part);
          if (!a || me.top < a.top || me.top > a.bottom || me.left < a.left || me.left > a.right) continue;
          if (a.top !== me.top || a.left !== me.left) cell.hiddenIn = part.slice(part.lastIndexOf("!") + 1);
        }
      }
      found[cellKey(c.sheet, c.address)] = cell;
    }

    const foundValidations: Record<string, FoundValidation> = {};
    for (const { v, dvs } of validations) foundValidations[validationKey(v)] = combined(dvs.map(foundValidation));

    return {
      facts: {
        sheets: all,
        protectedSheets: all.filter((s) => protectedSheets.has(lower(s))),
        structureProtected: structure?.protected ?? false,
        resultsSheets,
        planSheets,
        recordSheets,
        cells: found,
        validations: foundValidations,
      },
      sheets: all,
      protectedSheets,
      names: new Set(nameValues.keys()),
      looks,
      unseen,
    };
  };
}
