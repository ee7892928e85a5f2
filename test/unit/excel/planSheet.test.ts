/**
 * The plan sheet written through the Office.js host and evaluated by the fake: every
 * formula shows what the core computes from the same cells — the planned index the plan
 * promised, and again after a person raises a level, types a bad one, clears one, edits a
 * planned level or the target. A second write goes into the same sheet, known as ours.
 */
import { Analysis } from "../../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../../src/core/grid";
import {
  planSheetExpected,
  planSheetLayout,
  planSheetName,
  planSheetPlan,
  planSheetValues,
  readPlanSheet,
} from "../../../src/core/planSheet";
import { planAssessment, TargetPlan } from "../../../src/core/targetPlan";
import { FakeExcel } from "../../../src/fake-excel";
import * as T from "../../fixtures/templates";
import { countSyncs, gridOf, readAndApply, setUp, Setup } from "./workbooks";

/** Every formula cell of the plan sheet, as the fake evaluated it, against the core's value from what the cells hold. */
function mismatches(fake: FakeExcel, grid: WorkbookGrid, analysis: Analysis, sheet: string): string[] {
  const t = analysis.tables[0];
  const read = readPlanSheet(grid, t.framework, sheet)!;
  expect(read).toBeDefined();
  const expected = planSheetExpected(t.framework, planSheetValues(t.framework, read.rows, read.target));
  const out: string[] = [];
  for (const [address, want] of expected) {
    const got: CellValue = fake.workbook.value(sheet, address);
    const same = typeof got === "number" && typeof want === "number" ? Math.abs(got - want) < 1e-9 : got === want;
    if (!same)
      out.push(
        `${sheet}!${address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)} (${fake.workbook.formula(sheet, address)})`,
      );
  }
  return out;
}

async function writePlanSheet(
  s: Setup,
  column: number,
  target: number,
): Promise<{ sheet: string; plan: TargetPlan; analysis: Analysis }> {
  const { analysis } = await readAndApply(s.host);
  const grid = await s.host.read();
  const t = analysis.tables[0];
  const a = t.assessments[column];
  const plan = planAssessment(t, a, { target, raise: 1, ...(t.framework.integerOnly ? {} : { step: 0.25 }) });
  if (!plan.ok) throw new Error(plan.reason.en);
  const sheet = planSheetName(grid, t.layout.sheet, a.column.letter);
  let outcome: Awaited<ReturnType<typeof s.host.apply>> | undefined;
  // Apply's two round trips: the look, then the write.
  expect(
    await countSyncs(s.fake, async () => (outcome = await s.host.apply(planSheetPlan(grid, t, a, plan, sheet)))),
  ).toBe(2);
  expect(outcome!.written).toBe(true);
  return { sheet, plan, analysis };
}

const show = (units: bigint) => Number(units) / 100;

describe("the plan sheet's live formulas equal the core", () => {
  test("SPBE 2020, Denpasar's final levels to 3.70: the sheet's planned index is the plan's, then follows every edit", async () => {
    const s = setUp(gridOf(T.standardSpbe()));
    const { sheet, plan, analysis } = await writePlanSheet(s, 1, 3.7);
    expect(sheet).toBe("Rencana Target");
    const { fake } = s;
    const lay = planSheetLayout(analysis.tables[0].framework);
    expect(fake.workbook.value(sheet, "D8")).toBe(3.19);
    expect(fake.workbook.value(sheet, "E8")).toBe(show(plan.indexUnits));
    expect(fake.workbook.value(sheet, "E8")).toBeGreaterThanOrEqual(3.7);
    expect(fake.workbook.value(sheet, "D10")).toBe("Belum / Not yet");
    expect(fake.workbook.value(sheet, "E10")).toBe("Ya / Yes");
    expect(fake.workbook.value(sheet, "E11")).toBe(new Set(plan.steps.map((x) => x.indicator)).size);
    let grid = await s.host.read();
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);

    const a = analysis.tables[0].assessments[1];
    const row = (id: number) => lay.indicatorRow.get(id)! + 1;
    const unraised = analysis.tables[0].framework.indicators.find(
      (i) => !plan.steps.some((x) => x.indicator === i.id) && a.values.get(i.id)!.num < 5n,
    )!.id;
    // The person raises a level on their own sheet: the current side and the following planned row move.
    fake.workbook.setValue("Kertas Kerja", a.cells.get(unraised)!, 5);
    grid = await s.host.read();
    expect(fake.workbook.value(sheet, `E${row(unraised)}`)).toBe(5);
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    // A bad level: the current index and the following row say "–" and ✗, as on the results sheet.
    fake.workbook.setValue("Kertas Kerja", a.cells.get(unraised)!, 7);
    grid = await s.host.read();
    expect(fake.workbook.value(sheet, "D8")).toBe("–");
    expect(fake.workbook.value(sheet, `D${row(unraised)}`)).toBe("✗");
    expect(fake.workbook.value(sheet, "E8")).toBe("–");
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    fake.workbook.setValue("Kertas Kerja", a.cells.get(unraised)!, null);
    grid = await s.host.read();
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    fake.workbook.setValue("Kertas Kerja", a.cells.get(unraised)!, 2);

    // A colleague tries another raise on the plan sheet, then drops one of the plan's.
    fake.workbook.setValue(sheet, `E${row(unraised)}`, 4);
    const dropped = plan.steps[0].indicator;
    fake.workbook.setValue(sheet, `E${row(dropped)}`, Number(a.values.get(dropped)!.num));
    grid = await s.host.read();
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    // A planned value that is no level is counted as none.
    fake.workbook.setValue(sheet, `E${row(dropped)}`, 2.5);
    grid = await s.host.read();
    expect(fake.workbook.value(sheet, `F${row(dropped)}`)).toBe("✗");
    expect(fake.workbook.value(sheet, "E8")).toBe("–");
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    // The target is theirs to change too.
    fake.workbook.setValue(sheet, "B5", 3.1);
    grid = await s.host.read();
    expect(fake.workbook.value(sheet, "D10")).toBe("Ya / Yes");
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);

    // Written again: the same sheet, recognised as ours, not a second one.
    const again = await writePlanSheet(s, 1, 3.7);
    expect(again.sheet).toBe(sheet);
    expect(fake.workbook.sheetNames().filter((n) => n.startsWith("Rencana Target"))).toEqual([sheet]);
    grid = await s.host.read();
    expect(fake.workbook.value(sheet, "E8")).toBe(show(again.plan.indexUnits));
    expect(mismatches(fake, grid, again.analysis, sheet)).toEqual([]);
  });

  test("Pemdi 2026, Aceh Tengah to 1.50 in steps of 0.25 (I13 = 7/6): decimals round as the core", async () => {
    const s = setUp(gridOf(T.pemdiAceh()));
    const { sheet, plan, analysis } = await writePlanSheet(s, 0, 1.5);
    const { fake } = s;
    expect(fake.workbook.value(sheet, "D8")).toBe(1.24);
    expect(fake.workbook.value(sheet, "E8")).toBe(show(plan.indexUnits));
    let grid = await s.host.read();
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
    const lay = planSheetLayout(analysis.tables[0].framework);
    fake.workbook.setValue(sheet, `E${lay.indicatorRow.get(20)! + 1}`, 3.33);
    grid = await s.host.read();
    expect(mismatches(fake, grid, analysis, sheet)).toEqual([]);
  });
});
