/**
 * The plan sheet as data: what each formula shows for what its cells hold (a raise, a
 * following row, a blank or invalid level, a planned value that is no level, the target
 * met to the hundredth), its name beside a person's sheets, and that Apply's check and the
 * table search know it as the tool's own.
 */
import { analyze } from "../../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { checkPlan, factsFromGrid } from "../../../src/core/planCheck";
import {
  PLAN_SHEET_BASE,
  planSheetName,
  planSheetPlan,
  PlanSheetRow,
  planSheetValues,
  readPlanSheet,
} from "../../../src/core/planSheet";
import { isPlanSheet, isResultsSheet } from "../../../src/core/settings";
import { planAssessment } from "../../../src/core/targetPlan";
import { buildWritePlan, WritePlan } from "../../../src/core/writePlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { DENPASAR_FINAL, PEMDI, pemdiGrid, SPBE, spbeGrid } from "../taskpane/grids";

const rows = (levels: Record<number, CellValue>, planned: Record<number, CellValue> = {}): PlanSheetRow[] =>
  SPBE.indicators.map((ind) => ({
    indicator: ind.id,
    current: levels[ind.id] ?? null,
    repeats: [],
    planned: planned[ind.id] ?? null,
    follows: !(ind.id in planned),
  }));

/** A grid with a write plan's cells in it, as a host that wrote them would hold them (formulas with their results). */
function written(grid: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const out: WorkbookGrid = JSON.parse(JSON.stringify(grid));
  for (const name of plan.sheets)
    if (!out.sheets.some((s) => s.name === name)) out.sheets.push({ name, values: [], formulas: [] });
  for (const c of plan.cells) {
    const s = out.sheets.find((x) => x.name === c.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    (s.values[row] ??= [])[col] = c.formula ? (c.result ?? null) : (c.value ?? null);
    s.formulas ??= [];
    (s.formulas[row] ??= [])[col] = c.formula ?? null;
  }
  return out;
}

function spbePlanSheet(target = 3.7) {
  const grid = spbeGrid();
  const t = analyze(grid, FRAMEWORKS).tables[0];
  const a = t.assessments[1];
  const plan = planAssessment(t, a, { target });
  if (!plan.ok) throw new Error(plan.reason.en);
  const name = planSheetName(grid, t.layout.sheet, a.column.letter);
  return { grid, t, a, plan, name, sheet: planSheetPlan(grid, t, a, plan, name) };
}

describe("planSheetValues: what the plan sheet's formulas show", () => {
  test("Denpasar's final levels: now 3.19 Baik; following rows copy the level, a raise counts, the target met to the hundredth", () => {
    const v = planSheetValues(SPBE, rows(DENPASAR_FINAL), 3.7);
    expect(v.now).toMatchObject({ index: 3.19, predicate: "Baik", met: "Belum / Not yet" });
    expect(v.plan.index).toBe(3.19);
    expect(v.raised).toBe(0);
    expect(v.raise.every((x) => x === 0)).toBe(true);
    const raised = planSheetValues(SPBE, rows(DENPASAR_FINAL, { 43: 5 }), 3.28);
    // Indicator 43 (weight 3) from 2 to 5: +0.09.
    expect(raised.plan).toMatchObject({ index: 3.28, met: "Ya / Yes" });
    expect(raised.raise[42]).toBe(3);
    expect(raised.raised).toBe(1);
    expect(planSheetValues(SPBE, rows(DENPASAR_FINAL, { 43: 5 }), 3.281).plan.met).toBe("Belum / Not yet");
    expect(planSheetValues(SPBE, rows(DENPASAR_FINAL, { 43: 5 }), "tinggi").plan.met).toBe("–");
  });

  test("a level that is blank or no level gives ✗ or nothing, and no index on either side while a row follows it", () => {
    for (const bad of [7, "tiga", true, null, 2.5] as CellValue[]) {
      const v = planSheetValues(SPBE, rows({ ...DENPASAR_FINAL, 2: bad }), 3.7);
      expect(v.current[1]).toBe(bad === null ? "" : "✗");
      expect(v.now.index).toBe("–");
      expect(v.now.predicate).toBe("–");
      expect(v.plan.index).toBe("–");
      // Its domain has no index; the others keep theirs.
      expect(v.now.domains).toEqual(["–", 3.3, 2.18, 3.55]);
      // A planned value typed over the following formula stands on its own.
      expect(planSheetValues(SPBE, rows({ ...DENPASAR_FINAL, 2: bad }, { 2: 1 }), 3.7).plan.index).toBe(3.19);
    }
  });

  test("a planned value that is no level is counted as none: the planned index says –", () => {
    const v = planSheetValues(SPBE, rows(DENPASAR_FINAL, { 5: 6, 6: 3.5, 7: "4" }), 3.7);
    expect(v.counted.slice(4, 7)).toEqual(["✗", "✗", "✗"]);
    expect(v.plan.index).toBe("–");
    expect(v.now.index).toBe(3.19);
  });

  test("Pemdi's decimal values: Aceh Tengah 1.24 now, the plan's index planned, values validated as decimals", () => {
    const grid = pemdiGrid();
    const t = analyze(grid, FRAMEWORKS).tables[0];
    const a = t.assessments[0];
    const plan = planAssessment(t, a, { target: 1.5, step: 0.25 });
    if (!plan.ok) throw new Error(plan.reason.en);
    const sheet = planSheetPlan(grid, t, a, plan, PLAN_SHEET_BASE);
    const at = (address: string) => sheet.cells.find((c) => c.address === address)!;
    expect(at("D8").result).toBe(1.24);
    expect(at("E8").result).toBe(Number(plan.indexUnits) / 100);
    expect(sheet.validations.map((v) => [v.ranges[0], v.type, v.min, v.max])).toEqual([
      ["B5", "decimal", 0, 5],
      ["E23:E42", "decimal", 1, 5],
    ]);
    const read = readPlanSheet(written(grid, sheet), PEMDI, PLAN_SHEET_BASE)!;
    expect(planSheetValues(PEMDI, read.rows, read.target).plan.index).toBe(Number(plan.indexUnits) / 100);
  });
});

describe("the plan sheet in a workbook", () => {
  test("its cells: the level sheet where a results sheet names it, one row per indicator, a raise as a value, the rest following", () => {
    const { t, plan, name, sheet } = spbePlanSheet();
    expect(name).toBe("Rencana Target");
    expect(sheet.sheets).toEqual(["Rencana Target"]);
    const at = (address: string) => sheet.cells.find((c) => c.address === address);
    expect(at("A1")!.value).toMatch(/^Rencana Target — Indeks SPBE, Nilai Asesor \(D\) — dibuat oleh spbe-index/);
    expect([at("A3")!.value, at("B3")!.value, at("B4")!.value, at("B5")!.value]).toEqual([
      "Rencana untuk lembar / Plan for sheet",
      "Kertas Kerja",
      "D",
      3.7,
    ]);
    // Indicator 1 on row 30, not raised: its planned cell follows the current level; 43 is raised to 5.
    expect(at("D30")!.formula).toMatch(/'Kertas Kerja'!D\d+/);
    expect(at("E30")).toMatchObject({ formula: "=D30", result: DENPASAR_FINAL[1] });
    expect(at("E72")).toMatchObject({ value: 5, style: { bold: true } });
    expect(at("E8")!.result).toBe(Number(plan.indexUnits) / 100);
    expect(at("E11")!.result).toBe(new Set(plan.steps.map((s) => s.indicator)).size);
    expect(sheet.cells.filter((c) => c.sheet !== name)).toEqual([]);
    expect(t.framework.indicators).toHaveLength(47);
  });

  test("written: known as the tool's plan sheet, found again by its level sheet and column, never read as a table", () => {
    const { grid, t, a, plan, name, sheet } = spbePlanSheet();
    const after = written(grid, sheet);
    const s = after.sheets.find((x) => x.name === name)!;
    expect([isPlanSheet(s), isResultsSheet(s)]).toEqual([true, false]);
    expect(planSheetName(after, t.layout.sheet, a.column.letter)).toBe(name);
    expect(planSheetName(after, t.layout.sheet, "C")).toBe("Rencana Target 2");
    expect(analyze(after, FRAMEWORKS).tables.map((x) => x.layout.sheet)).toEqual(["Kertas Kerja"]);
    // Apply's check writes into it again, and refuses a plan sheet over someone's sheet of the same name.
    const again = planSheetPlan(after, t, a, plan, name);
    expect(checkPlan(again, factsFromGrid(after, again)).refusal).toBeNull();
    const theirs = spbeGrid();
    theirs.sheets.push({ name: "Rencana Target", values: [["rencana kerja"]] });
    expect(checkPlan(again, factsFromGrid(theirs, again)).refusal?.en).toMatch(
      /Sheet "Rencana Target" is now someone's own/,
    );
    // Nor is a plan sheet written into the results sheet.
    const results = buildWritePlan(after, analyze(after, FRAMEWORKS));
    const renamed: WritePlan = {
      ...again,
      sheets: [results.sheets[0]],
      cells: again.cells.map((c) => ({ ...c, sheet: results.sheets[0] })),
    };
    const scored = written(after, results);
    expect(checkPlan(renamed, factsFromGrid(scored, renamed)).refusal?.en).toMatch(/is now someone's own/);
  });

  test("its name fits Excel's rules beside a person's sheets of the same name, whatever their case", () => {
    const grid = spbeGrid();
    grid.sheets.push({ name: "rencana target", values: [] }, { name: "Rencana Target 2", values: [] });
    expect(planSheetName(grid, "Kertas Kerja", "D")).toBe("Rencana Target 3");
  });
});
