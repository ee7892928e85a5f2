/**
 * The fake's models of real Excel's rough edges, each against what Microsoft or the
 * office-js tracker says: RunOptions.delayForCellEdit, Manual calculation, regional
 * settings, conditional formats deleted by position (#5222) or not listed (#6827),
 * getRanges' address limit (#5198), and charts taking a text first row for names.
 */
import { createFakeExcel } from "../../../src/fake-excel";

const grid = () => ({
  sheets: [
    {
      name: "Data",
      values: [
        ["Nama", "A", "B"],
        [null, 1, 2],
        [null, 3, 4],
      ],
    },
  ],
});

const readB2 = (fake: ReturnType<typeof createFakeExcel>, options?: { delayForCellEdit: boolean }) => {
  const batch = async (ctx: Excel.RequestContext) => {
    const r = ctx.workbook.worksheets.getItem("Data").getRange("B2").load("values");
    await ctx.sync();
    return r.values[0][0];
  };
  return options ? fake.Excel.run(options, batch) : fake.Excel.run(batch);
};

describe("cell edit mode", () => {
  test("a batch fails while a person edits a cell; with delayForCellEdit it runs when they leave it", async () => {
    const fake = createFakeExcel(grid());
    fake.workbook.setValue("Data", "B2", 7, { thenEditing: true });
    await expect(readB2(fake)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let value: unknown;
    const waiting = readB2(fake, { delayForCellEdit: true }).then((v) => (value = v));
    await new Promise((r) => setTimeout(r, 10));
    expect(value).toBeUndefined();
    fake.workbook.setCellEditMode(false);
    await waiting;
    expect(value).toBe(7);
  });

  test("an Excel older than ExcelApi 1.11 ignores the option", async () => {
    const fake = createFakeExcel(grid(), { apiVersion: "1.10" });
    fake.workbook.setCellEditMode(true);
    await expect(readB2(fake, { delayForCellEdit: true })).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
  });
});

describe("calculation and regional settings", () => {
  test("under Manual a formula is calculated when entered, then only on Application.calculate", async () => {
    const fake = createFakeExcel(grid());
    fake.workbook.setCalculationMode("Manual");
    fake.workbook.setValue("Data", "D2", "=B2+C2");
    expect(fake.workbook.value("Data", "D2")).toBe(3);
    fake.workbook.setValue("Data", "B2", 10);
    expect(fake.workbook.value("Data", "D2")).toBe(3);
    const mode = await fake.Excel.run(async (ctx) => {
      const app = ctx.workbook.application.load("calculationMode");
      await ctx.sync();
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
      return app.calculationMode;
    });
    expect(mode).toBe("Manual");
    expect(fake.workbook.value("Data", "D2")).toBe(12);
  });

  test("cultureInfo (ExcelApi 1.11) gives the regional decimal sign; an older Excel refuses it", async () => {
    const sign = (fake: ReturnType<typeof createFakeExcel>) =>
      fake.Excel.run(async (ctx) => {
        const n = ctx.workbook.application.cultureInfo.numberFormat.load("numberDecimalSeparator");
        await ctx.sync();
        return n.numberDecimalSeparator;
      });
    expect(await sign(createFakeExcel(grid(), { culture: "id-ID" }))).toBe(",");
    expect(await sign(createFakeExcel(grid(), { displayLanguage: "en-US" }))).toBe(".");
    await expect(sign(createFakeExcel(grid(), { apiVersion: "1.10" }))).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("conditional formats, ranges and charts", () => {
  async function twoRules(fake: ReturnType<typeof createFakeExcel>) {
    await fake.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("B2:C3");
      for (const f of ["=B2>1", "=B2<4"]) range.conditionalFormats.add("Custom").custom.rule.formula = f;
      await ctx.sync();
    });
  }

  test("#5222: getItemAt(n).delete() fails where two rules share a cell; the listed item deletes", async () => {
    const fake = createFakeExcel(grid());
    await twoRules(fake);
    fake.workbook.conditionalFormatFaults({ deleteAtSharedCell: true });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats.getItemAt(0).delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await fake.Excel.run(async (ctx) => {
      const list = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats.load("items");
      await ctx.sync();
      list.items[0].delete();
      await ctx.sync();
    });
    expect(fake.workbook.conditionalFormats("Data")).toHaveLength(1);
  });

  test("#6827: listing the rules of the sheets given fails", async () => {
    const fake = createFakeExcel(grid());
    await twoRules(fake);
    fake.workbook.conditionalFormatFaults({ unreadableRules: ["Data"] });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem("Data")
          .getRange()
          .conditionalFormats.load("items/customOrNullObject/rule/formula");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("#5198: getRanges refuses an address over 8 KB", async () => {
    const fake = createFakeExcel(grid());
    const address = (n: number) => Array.from({ length: n }, (_, k) => `A${2 * k + 1}`).join(",");
    const areas = (n: number) =>
      fake.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Data").getRanges(address(n)).load("areaCount");
        await ctx.sync();
        return r.areaCount;
      });
    expect(address(1400).length).toBeLessThan(8192);
    expect(await areas(1400)).toBe(1400);
    expect(address(1600).length).toBeGreaterThan(8192);
    await expect(areas(1600)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a chart over a range whose first row is text takes that row for series names", async () => {
    const fake = createFakeExcel(grid());
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.charts.add("BarClustered", ws.getRange("B1:C3"), "Columns");
      ws.charts.add("BarClustered", ws.getRange("B2:C3"), "Columns");
      await ctx.sync();
    });
    const [header, plain] = fake.workbook.charts("Data");
    expect(header.series.map((s) => [s.name, s.range])).toEqual([
      ["A", "B2:B3"],
      ["B", "C2:C3"],
    ]);
    expect(plain.series.map((s) => [s.name, s.range])).toEqual([
      ["Series1", "B2:B3"],
      ["Series2", "C2:C3"],
    ]);
  });
});
