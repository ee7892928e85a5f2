/**
 * Real Excel's rough edges, each modelled by the fake and each failing the host as it
 * was before it handled them: conditional formats Excel cannot delete by position
 * (office-js #5222) or cannot list (#6827, #6835), Manual calculation, Worksheet.getRanges'
 * address limit (#5198), charts built from a range whose first row is text, and the
 * decimal separator Excel shows numbers with (Application.cultureInfo, ExcelApi 1.11).
 */
import { columnLetter } from "../../../src/core/grid";
import { WritePlan } from "../../../src/core/writePlan";
import { FakeExcel } from "../../../src/fake-excel";
import * as T from "../../fixtures/templates";
import { countSyncs, EMPTY_PLAN, gridOf, readAndApply, setUp, understand } from "./workbooks";

/** A person's own rule, made in Excel: green where E7 is 5. */
async function personsRule(fake: FakeExcel, address = "E7", formula = "=E7=5"): Promise<void> {
  await fake.Excel.run(async (ctx) => {
    const cf = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange(address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = "#00B050";
    await ctx.sync();
  });
}

describe("conditional formats Excel deletes or lists wrongly", () => {
  test("#5222: deleting by position fails where two formats share a cell; Apply still replaces ours, once each", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan } = await readAndApply(host);
    await personsRule(fake);
    const once = fake.workbook.conditionalFormats("Kertas Kerja");
    fake.workbook.conditionalFormatFaults({ deleteAtSharedCell: true });
    // our two formats share every level cell: every apply after the first meets the fault
    await readAndApply(host);
    await host.apply(plan);
    const rules = fake.workbook.conditionalFormats("Kertas Kerja");
    expect(rules.map((r) => r.formula).sort()).toEqual(once.map((r) => r.formula).sort());
    expect(rules.filter((r) => r.formula === "=E7=5")).toHaveLength(1);
    // ours are deleted as the items the apply's look listed: still the look and the write
    expect(await countSyncs(fake, () => host.apply(plan))).toBe(2);
  });

  test("#6827: a sheet whose formats cannot be listed is read anyway; its formats are left alone and the pane is told", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await personsRule(fake);
    const before = fake.workbook.conditionalFormats("Kertas Kerja");
    fake.workbook.conditionalFormatFaults({ unreadableRules: ["Kertas Kerja"] });
    const grid = await host.read();
    expect(understand(grid).analysis.tables[0].assessments.map((a) => a.scores.total.units)).toEqual([375n, 319n]);
    expect(host.status().unreadableRules).toEqual(["Kertas Kerja"]);
    await host.apply(understand(grid).plan);
    expect(fake.workbook.sheetNames()).toContain("Indeks SPBE");
    expect(fake.workbook.conditionalFormats("Kertas Kerja")).toEqual(before);
    expect(fake.workbook.cell("Kertas Kerja", "E8").validation).toBeDefined();
    const said = host.lastSkipped().map((p) => p.message.en);
    expect(said).toEqual([expect.stringMatching(/could not list the conditional formats on sheet "Kertas Kerja"/)]);
    // from then on a refresh is one round trip again
    expect(await countSyncs(fake, () => host.read())).toBe(1);
  });

  test("an ItemNotFound from the formats is not taken for the sheets changing; mended, the next apply lists them again", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await host.read();
    fake.workbook.conditionalFormatFaults({ unreadableRules: ["Kertas Kerja"] });
    const grid = await host.read();
    expect(grid.sheets.map((s) => s.name)).toEqual(["Sampul", "Kertas Kerja"]);
    expect(host.status().unreadableRules).toEqual(["Kertas Kerja"]);
    // The person deletes the rule Excel could not list: the apply checks again and writes our formats.
    fake.workbook.conditionalFormatFaults({ unreadableRules: [] });
    const { plan } = understand(grid);
    await host.apply(plan);
    expect(host.lastSkipped()).toEqual([]);
    expect(fake.workbook.conditionalFormats("Kertas Kerja")).toHaveLength(plan.conditionalFormats.length);
    expect(host.status().unreadableRules).toEqual([]);
  });
});

describe("Manual calculation", () => {
  test("the read says Excel calculates only when asked; calculate() brings the results sheet up to date", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await readAndApply(host);
    expect(host.status().manualCalculation).toBe(false);
    fake.workbook.setCalculationMode("Manual");
    fake.workbook.setValue("Kertas Kerja", "E8", 4);
    // Excel keeps the old result until asked
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe(3.19);
    await host.read();
    expect(host.status().manualCalculation).toBe(true);
    await host.calculate();
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe(3.23);
  });
});

describe("Worksheet.getRanges takes about 8 KB of address (#5198)", () => {
  /** Level cells every other row, 700 areas on one sheet: a long monitoring export. */
  function spread(): { plan: WritePlan; setup: ReturnType<typeof setUp> } {
    const values = Array.from({ length: 1400 }, (_, r) => (r % 2 ? ["x", 2] : ["y", null]));
    const setup = setUp({ sheets: [{ name: "Data", values }] });
    const ranges = Array.from({ length: 700 }, (_, k) => `B${2 * k + 2}`);
    const plan: WritePlan = {
      ...EMPTY_PLAN,
      validations: [
        {
          sheet: "Data",
          ranges,
          type: "whole",
          min: 1,
          max: 5,
          inputTitle: "Nilai",
          inputMessage: "1–5",
          errorTitle: "Nilai",
          errorMessage: "1–5",
        },
      ],
      conditionalFormats: [
        { sheet: "Data", ranges, formula: 'AND(B2<>"",B2<3)', fill: "#FFEB9C", fontColor: "#9C5700", purpose: "low" },
      ],
    };
    return { plan, setup };
  }

  test("700 areas go in groups; every cell gets the validation and the highlight, and a second apply doubles nothing", async () => {
    const { plan, setup } = spread();
    const { fake, host } = setup;
    await host.read();
    await host.apply(plan);
    const wb = fake.workbook;
    expect(wb.cell("Data", "B1400").validation?.rule).toMatchObject({ type: "wholeNumber" });
    expect(wb.cell("Data", "B1401").validation).toBeUndefined();
    expect(wb.cell("Data", "B1400").style.fill).toBe("#FFEB9C");
    const rules = wb.conditionalFormats("Data");
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.flatMap((r) => r.ranges)).toHaveLength(700);
    await host.read();
    await host.apply(plan);
    expect(wb.conditionalFormats("Data")).toHaveLength(rules.length);
    expect(columnLetter(1)).toBe("B");
  });
});

describe("charts", () => {
  test("a first figure still '–' (text) stays a value of its series, not the series' name", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    fake.workbook.setValue("Kertas Kerja", "D7", null);
    fake.workbook.setValue("Kertas Kerja", "E7", null);
    await readAndApply(host);
    const [domains] = fake.workbook.charts("Indeks SPBE");
    expect(domains.series.map((s) => [s.name, s.range])).toEqual([
      ["Penilaian Mandiri (D)", "D14:D17"],
      ["Nilai Asesor (E)", "E14:E17"],
    ]);
    expect(domains.series[0].values[0]).toBe("–");
  });
});

describe("the decimal separator Excel shows numbers with", () => {
  test("English Office on Indonesian regional settings: Excel says ','; before ExcelApi 1.11 it says nothing", async () => {
    const { host } = setUp(gridOf(T.standardSpbe()), { displayLanguage: "en-US", culture: "id-ID" });
    await host.read();
    expect(host.status().decimalSeparator).toBe(",");
    const english = setUp(gridOf(T.standardSpbe()), { culture: "en-US" });
    await english.host.read();
    expect(english.host.status().decimalSeparator).toBe(".");
    const old = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.10", culture: "id-ID" });
    await old.host.read();
    expect(old.host.status().decimalSeparator).toBeUndefined();
  });
});
