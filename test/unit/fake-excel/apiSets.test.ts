/**
 * The fake's requirement sets come from Microsoft's type definitions, not from what we
 * believed: the table is current with @types/office-js, the fake refuses a member above
 * its Excel's version as Excel does, and the host uses no member its Excel lacks. The
 * list below is every Excel member the add-in touches, with the set it needs; a new one
 * shows up here first.
 */
import { columnAreas } from "../../../src/core/grid";
import { WritePlan } from "../../../src/core/writePlan";
import { createFakeExcel } from "../../../src/fake-excel";
import { API_SETS_SOURCE, memberSet } from "../../../src/fake-excel/apiSets";
import TABLE from "../../../src/fake-excel/apiSets.json";
import { buildTable } from "../../../scripts/api-sets";
import * as T from "../../fixtures/templates";
import { gridOf, setUp, understand } from "../excel/workbooks";

const VERSIONS = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "1.12",
  "1.13",
  "1.14",
];
const num = (v: string) => v.split(".").map(Number);
const atMost = (a: string, b: string) => num(a)[0] < num(b)[0] || (num(a)[0] === num(b)[0] && num(a)[1] <= num(b)[1]);

describe("the requirement-set table", () => {
  test("is current with the installed @types/office-js (refresh: npx tsx scripts/api-sets.ts)", () => {
    expect(buildTable()).toEqual(TABLE);
    expect(API_SETS_SOURCE).toMatch(/^@types\/office-js \d/);
  });

  test.each([
    ["Range", "values", "1.1"],
    ["RangeFormat", "columnWidth", "1.2"],
    ["Worksheet", "protection", "1.2"],
    ["Worksheet", "getUsedRange", "1.1"],
    ["Worksheet", "getUsedRange(valuesOnly)", "1.2"],
    ["NamedItemCollection", "add", "1.4"],
    ["Range", "conditionalFormats", "1.6"],
    ["ConditionalFormat", "id", "1.6"],
    ["Worksheet", "onChanged", "1.7"],
    ["Range", "dataValidation", "1.8"],
    ["Worksheet", "getRanges", "1.9"],
    ["Worksheet", "pageLayout", "1.9"],
    ["PageLayout", "orientation", "1.9"],
  ])("%s.%s needs ExcelApi %s, as Microsoft's reference says", (type, member, set) => {
    expect(memberSet(type, member)).toBe(set);
  });
});

describe("the fake holds the add-in to its Excel's version", () => {
  const grid = { sheets: [{ name: "Data", values: [["a", 1]] }] };

  test("a member above the version fails the round trip with ApiNotFound, and nothing in it happens", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.1" });
    await expect(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        ws.getRange("A1").values = [["b"]];
        ws.getRange("A:A").format.columnWidth = 80;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "RangeFormat.columnWidth" } });
    expect(fake.workbook.value("Data", "A1")).toBe("a");
    expect(fake.workbook.columnWidth("Data", "A")).toBeUndefined();
  });

  test("the same call works where the version has it", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.2" });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A:A").format.columnWidth = 80;
      await ctx.sync();
    });
    expect(fake.workbook.columnWidth("Data", "A")).toBe(80);
  });

  test("a parameter newer than its method is checked on its own", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.1" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getUsedRange(true).load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await fake.Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Data").getUsedRange().load("address");
      await ctx.sync();
      expect(used.address).toBe("Data!A1:B1");
    });
  });

  test("loading a property above the version fails at the round trip", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.1" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values,format/columnWidth");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

/** Everything the add-in does to a workbook: read, apply twice, select a cell, watch the levels and stop. */
async function everything(apiVersion: string) {
  const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion });
  const grid = await host.read();
  const { analysis } = understand(grid);
  // The results sheet's print settings, as the write plan gives them.
  const printed = (plan: WritePlan) => ({
    ...plan,
    printSetups: [{ sheet: plan.sheets[0], orientation: "landscape" as const, fitToWidth: 1, titleRows: "$8:$8" }],
  });
  await host.apply(printed(understand(grid).plan));
  await host.apply(printed(understand(await host.read()).plan));
  const t = analysis.tables[0];
  await host.select(t.layout.sheet, "D7");
  const rows = t.layout.rows.map((r) => r.row);
  const stop = await host.watch(
    { sheet: t.layout.sheet, ranges: t.layout.levelColumns.flatMap((c) => columnAreas(c.col, rows)) },
    () => undefined,
  );
  stop();
  await new Promise((r) => setTimeout(r, 0));
  return fake.workbook.apiMembersUsed();
}

describe("every Excel member the add-in touches", () => {
  test.each(VERSIONS)("on ExcelApi %s, only members that version has, and no failure", async (v) => {
    const used = await everything(v);
    const above = Object.entries(used).filter(([, set]) => !/^[\d.]+$/.test(set) || !atMost(set, v));
    expect(above).toEqual([]);
  });

  test("the full list with the set each needs", async () => {
    expect(await everything("1.14")).toEqual(EXPECTED);
  });
});

const EXPECTED: Record<string, string> = {
  "Application.calculationMode": "1.1",
  "Application.cultureInfo": "1.11",
  "Application.decimalSeparator": "1.11",
  "Application.useSystemSeparators": "1.11",
  "Chart.axes": "1.1",
  "Chart.delete": "1.1",
  "Chart.height": "1.1",
  "Chart.name": "1.1",
  "Chart.series": "1.1",
  "Chart.setPosition": "1.1",
  "Chart.title": "1.1",
  "Chart.width": "1.1",
  "ChartAxis.setCategoryNames": "1.7",
  "ChartCollection.add": "1.1",
  "ChartCollection.getItem": "1.1",
  "ChartSeries.name": "1.1",
  "ChartSeries.setValues": "1.7",
  "ChartSeriesCollection.getItemAt": "1.1",
  "ChartTitle.text": "1.1",
  "ConditionalFormat.custom": "1.6",
  "ConditionalFormat.customOrNullObject": "1.6",
  "ConditionalFormat.delete": "1.6",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormatRule.formula": "1.6",
  "ConditionalRangeFill.color": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFormat.fill": "1.6",
  "ConditionalRangeFormat.font": "1.6",
  "CultureInfo.numberFormat": "1.11",
  "CustomConditionalFormat.format": "1.6",
  "CustomConditionalFormat.rule": "1.6",
  "DataValidation.clear": "1.8",
  "DataValidation.errorAlert": "1.8",
  "DataValidation.ignoreBlanks": "1.8",
  "DataValidation.prompt": "1.8",
  "DataValidation.rule": "1.8",
  "DataValidation.type": "1.8",
  "NamedItem.delete": "1.4",
  "NamedItem.name": "1.1",
  "NamedItem.value": "1.1",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getItem": "1.1",
  "NumberFormatInfo.numberDecimalSeparator": "1.11",
  "PageLayout.orientation": "1.9",
  "PageLayout.setPrintTitleRows": "1.9",
  "PageLayout.zoom": "1.9",
  "Range.columnCount": "1.1",
  "Range.conditionalFormats": "1.6",
  "Range.format": "1.1",
  "Range.formulas": "1.1",
  "Range.getBoundingRect": "1.1",
  "Range.getIntersection": "1.1",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.numberFormat": "1.1",
  "Range.rowCount": "1.1",
  "Range.select": "1.1",
  "Range.valueTypes": "1.1",
  "Range.values": "1.1",
  "RangeAreas.conditionalFormats": "1.9",
  "RangeAreas.dataValidation": "1.9",
  "RangeFill.color": "1.1",
  "RangeFont.bold": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.fill": "1.1",
  "RangeFormat.font": "1.1",
  "RangeFormat.horizontalAlignment": "1.1",
  "RangeFormat.verticalAlignment": "1.1",
  "RangeFormat.wrapText": "1.1",
  "Workbook.application": "1.1",
  "Workbook.names": "1.1",
  "Workbook.protection": "1.7",
  "Workbook.worksheets": "1.1",
  "WorkbookProtection.protected": "1.7",
  "Worksheet.activate": "1.1",
  "Worksheet.charts": "1.1",
  "Worksheet.getRange": "1.1",
  "Worksheet.getRanges": "1.9",
  "Worksheet.getUsedRange": "1.1",
  "Worksheet.getUsedRange(valuesOnly)": "1.2",
  "Worksheet.name": "1.1",
  "Worksheet.onChanged": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.protection": "1.2",
  "WorksheetCollection.add": "1.1",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetProtection.protected": "1.2",
};

describe("conditional formats are numbered by position, as in Excel", () => {
  test("an id read earlier names another format once one is added on top, and none once formats are gone", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [[1]] }] });
    const add = async (formula: string) =>
      fake.Excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        await ctx.sync();
      });
    await add("=A1>0");
    const ids = await fake.Excel.run(async (ctx) => {
      const list = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats.load("items/id");
      await ctx.sync();
      return list.items.map((f) => f.id);
    });
    expect(ids).toEqual(["0"]);
    await add("=A1>5");
    // "0" is now the newer format, on top.
    const formula = await fake.Excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets
        .getItem("Data")
        .getRange()
        .conditionalFormats.getItem(ids[0])
        .custom.rule.load("formula");
      await ctx.sync();
      return f.formula;
    });
    expect(formula).toBe("=A1>5");
    // Deleting by the ids of one read, one after the other: the second no longer exists.
    await expect(
      fake.Excel.run(async (ctx) => {
        const c = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats;
        c.getItem("0").delete();
        c.getItem("1").delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
