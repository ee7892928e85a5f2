/**
 * The formulas the plan writes, applied through the Office.js host and evaluated by the
 * fake, equal the core's two-decimal results — for the published workbooks and after
 * a person changes levels — so the results sheet a colleague sees without the add-in
 * says what the pane says.
 */
import fc from "fast-check";
import { Analysis } from "../../../src/core/analyze";
import { CellValue } from "../../../src/core/grid";
import { WritePlan } from "../../../src/core/writePlan";
import { FakeExcel } from "../../../src/fake-excel";
import * as T from "../../fixtures/templates";
import { gridOf, readAndApply, setUp, understand } from "./workbooks";

const show = (units: bigint | null) => (units === null ? "–" : Number(units) / 100);

/** Every formula cell of the plan, as the fake evaluated it, against the core's result. */
function mismatches(fake: FakeExcel, plan: WritePlan): string[] {
  const out: string[] = [];
  for (const c of plan.cells) {
    if (!c.formula) continue;
    const v: CellValue = fake.workbook.value(c.sheet, c.address);
    if (v !== c.result)
      out.push(`${c.sheet}!${c.address}: ${JSON.stringify(v)} ≠ ${JSON.stringify(c.result)} (${c.formula})`);
  }
  return out;
}

/** The plan the core builds from what Excel holds now; its results are the core's values. */
async function coreNow(
  fake: FakeExcel,
  host: ReturnType<typeof setUp>["host"],
): Promise<{ plan: WritePlan; analysis: Analysis }> {
  const grid = await host.read();
  return understand(grid);
}

function rowOf(plan: WritePlan, sheet: string, label: string): number {
  const c = plan.cells.find((x) => x.sheet === sheet && x.value === label);
  if (!c) throw new Error(`no "${label}" in ${sheet}`);
  return Number(c.address.replace(/^[A-Z]+/, ""));
}

describe("live formulas equal the core", () => {
  test("Denpasar 2021: self-assessment 3.75 Sangat Baik, final 3.19 Baik, on the results sheet and the cover", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan, analysis } = await readAndApply(host);
    const [self, final] = analysis.tables[0].assessments;
    expect([show(self.scores.total.units), show(final.scores.total.units)]).toEqual([3.75, 3.19]);
    expect(fake.workbook.value("Indeks SPBE", "D9")).toBe(3.75);
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe(3.19);
    expect(fake.workbook.value("Indeks SPBE", "D10")).toBe("Sangat Baik");
    expect(fake.workbook.value("Indeks SPBE", "E10")).toBe("Baik");
    expect(fake.workbook.value("Indeks SPBE", "E11")).toBe("47/47");
    expect(fake.workbook.value("Sampul", "C6")).toBe(3.19);
    expect(fake.workbook.cell("Sampul", "C6").text).toBe("3.19");
    expect(mismatches(fake, plan)).toEqual([]);
  });

  test("Aceh Tengah 2026: index 1.24, aspect 5 = 1.08 with I13 = 7/6; typing the displayed 1.17 makes it 1.09 on both sides", async () => {
    const { fake, host } = setUp(gridOf(T.pemdiAceh()));
    const { plan, analysis } = await readAndApply(host);
    const t = analysis.tables[0];
    const sheet = plan.sheets[0];
    const aspect5 = rowOf(plan, sheet, "Aspek 5");
    expect(fake.workbook.value(sheet, "D9")).toBe(1.24);
    expect(fake.workbook.value(sheet, `D${aspect5}`)).toBe(1.08);
    expect(show(t.assessments[0].scores.aspects[4].units)).toBe(1.08);
    expect(mismatches(fake, plan)).toEqual([]);

    const i13 = t.assessments[0].cells.get(13)!;
    expect(fake.workbook.formula(t.layout.sheet, i13)).toBe("=7/6");
    fake.workbook.setValue(t.layout.sheet, i13, "1.17");
    expect(fake.workbook.value(sheet, `D${aspect5}`)).toBe(1.09);
    const now = await coreNow(fake, host);
    expect(show(now.analysis.tables[0].assessments[0].scores.aspects[4].units)).toBe(1.09);
    expect(mismatches(fake, now.plan)).toEqual([]);
  });

  test("after a person edits levels — a better level, a bad value, a blank — formulas and core still agree", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { analysis } = await readAndApply(host);
    const final = analysis.tables[0].assessments[1];
    const cell = (id: number) => final.cells.get(id)!;

    fake.workbook.setValue("Kertas Kerja", cell(2), 5);
    let now = await coreNow(fake, host);
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe(
      show(now.analysis.tables[0].assessments[1].scores.total.units),
    );
    expect(fake.workbook.value("Indeks SPBE", "E9")).not.toBe(3.19);
    expect(mismatches(fake, now.plan)).toEqual([]);

    fake.workbook.setValue("Kertas Kerja", cell(3), "tiga");
    now = await coreNow(fake, host);
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe("–");
    expect(fake.workbook.value("Indeks SPBE", "E11")).toBe("46/47");
    expect(mismatches(fake, now.plan)).toEqual([]);

    fake.workbook.setValue("Kertas Kerja", cell(3), null);
    now = await coreNow(fake, host);
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe("–");
    expect(mismatches(fake, now.plan)).toEqual([]);
  });

  test("any levels a person types: the formulas on the sheet equal the core's numbers", async () => {
    const ids = T.SPBE.indicators.map((i) => i.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 1, max: 5 }), fc.boolean()), {
          minLength: 1,
          maxLength: 12,
        }),
        async (edits) => {
          const { fake, host } = setUp(gridOf(T.standardSpbe()));
          const { analysis } = await readAndApply(host);
          const [self, final] = analysis.tables[0].assessments;
          for (const [id, level, isFinal] of edits)
            fake.workbook.setValue("Kertas Kerja", (isFinal ? final : self).cells.get(id)!, level);
          const now = await coreNow(fake, host);
          expect(mismatches(fake, now.plan)).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });
});
