/**
 * The fake is only worth testing against if it is as strict as Excel: nothing happens
 * before sync, nothing reads before load and sync, newer APIs fail on older Excel,
 * batches stop at the first failure, protected sheets refuse writes.
 */
import { createFakeExcel } from "../../../src/fake-excel";

const grid = {
  sheets: [
    {
      name: "Kertas Kerja",
      values: [
        ["No", "Indikator", "Nilai"],
        [1, "Kebijakan", 3],
        [2, "Tata kelola", null],
      ],
    },
  ],
};

function code(e: unknown): string | undefined {
  return (e as { code?: string }).code;
}

describe("the strict fake Excel", () => {
  test("a property that was not loaded throws PropertyNotLoaded, before and after sync", async () => {
    const fake = createFakeExcel(grid);
    await fake.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("A1:C3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // loaded, but not yet synced: still nothing to read
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["No", "Indikator", "Nilai"],
        [1, "Kebijakan", 3],
        [2, "Tata kelola", ""],
      ]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("queued writes are invisible until sync; loaded values are a snapshot of that moment", async () => {
    const fake = createFakeExcel(grid);
    await fake.Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C3");
      cell.load("values");
      cell.values = [[4]];
      expect(fake.workbook.value("Kertas Kerja", "C3")).toBeNull();
      await ctx.sync();
      // the load ran before the write, in queue order
      expect(cell.values).toEqual([[""]]);
      expect(fake.workbook.value("Kertas Kerja", "C3")).toBe(4);
      cell.values = [[5]];
      expect(cell.values).toEqual([[""]]);
    });
    // Excel.run sends what is still queued when the batch returns
    expect(fake.workbook.value("Kertas Kerja", "C3")).toBe(5);
    expect(fake.syncs).toBe(2);
  });

  test("every sync is counted, also the one Excel.run makes for leftovers", async () => {
    const fake = createFakeExcel(grid);
    await fake.Excel.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(fake.syncs).toBe(2);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("A1").values = [["Nomor"]];
    });
    expect(fake.syncs).toBe(3);
  });

  test("collections load their items; isNullObject is known only after sync", async () => {
    const fake = createFakeExcel(grid);
    await fake.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Tidak Ada");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Kertas Kerja"]);
      expect(missing.isNullObject).toBe(true);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a missing sheet fails at sync, not when asked for", async () => {
    const fake = createFakeExcel(grid);
    await expect(
      fake.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Tidak Ada").getRange("A1").load("values");
        await ctx.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("an API newer than the Excel's requirement set fails with ApiNotFound", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.7" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C2:C3").dataValidation.clear();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRanges("C2,C3").load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("a batch stops at its first failure; what ran before it stays, as in Excel", async () => {
    const fake = createFakeExcel(grid);
    const err = await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kertas Kerja");
      ws.getRange("D1").values = [["Catatan"]];
      ws.getRange("D2:D3").values = [["terlalu", "lebar"]];
      ws.getRange("D4").values = [["tidak sampai"]];
      await ctx.sync();
    }).catch((e) => e);
    expect(code(err)).toBe("InvalidArgument");
    expect(fake.workbook.value("Kertas Kerja", "D1")).toBe("Catatan");
    expect(fake.workbook.value("Kertas Kerja", "D4")).toBeNull();
  });

  test("a protected sheet refuses writes with AccessDenied; reading still works", async () => {
    const fake = createFakeExcel(grid);
    fake.workbook.protect("Kertas Kerja");
    const before = fake.workbook.snapshot();
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C3").format.fill.color = "#FFE699";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.snapshot()).toEqual(before);
    const p = await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kertas Kerja");
      ws.protection.load("protected");
      await ctx.sync();
      return ws.protection.protected;
    });
    expect(p).toBe(true);
  });

  test("while a person edits a cell, every round trip fails with InvalidOperationInCellEditMode", async () => {
    const fake = createFakeExcel(grid);
    fake.workbook.setCellEditMode(true);
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C3").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.workbook.value("Kertas Kerja", "C3")).toBeNull();
  });

  test("objects die with their Excel.run", async () => {
    const fake = createFakeExcel(grid);
    const range = await fake.Excel.run(async (ctx) => ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("A1"));
    expect(() => range.load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("values are read as a person typed them; a quote prefix keeps text as text", async () => {
    const fake = createFakeExcel(grid);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kertas Kerja");
      ws.getRange("D1:D5").values = [["12"], ["'12"], ["TRUE"], ["=C2*2"], ["#N/A"]];
      await ctx.sync();
      const r = ws.getRange("D1:D5").load("values,formulas,valueTypes");
      await ctx.sync();
      expect(r.values).toEqual([[12], ["12"], [true], [6], ["#N/A"]]);
      expect(r.formulas).toEqual([[12], ["12"], [true], ["=C2*2"], ["#N/A"]]);
      expect(r.valueTypes).toEqual([["Double"], ["String"], ["Boolean"], ["Double"], ["Error"]]);
    });
  });

  test("a formula the fake cannot evaluate is refused rather than silently wrong", async () => {
    const fake = createFakeExcel(grid);
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("D1").formulas = [["=XLOOKUP(1,A2:A3,B2:B3)"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "NotImplemented" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("D1").formulas = [["=SUM(A2:A3"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("data validation titles longer than Excel allows are refused", async () => {
    const fake = createFakeExcel(grid);
    await expect(
      fake.Excel.run(async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C2:C3").dataValidation;
        dv.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
        dv.prompt = { showPrompt: true, title: "x".repeat(33), message: "" };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("change events", () => {
  afterEach(() => jest.useRealTimers());

  test("a person's edit and the add-in's own write both raise onChanged, after the round trip, with their details", async () => {
    jest.useFakeTimers();
    const fake = createFakeExcel(grid, { apiVersion: "1.14" });
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kertas Kerja").onChanged.add(async (e) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    fake.workbook.setValue("Kertas Kerja", "C3", 4);
    expect(seen).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toEqual([
      expect.objectContaining({
        address: "C3",
        source: "Local",
        changeType: "RangeEdited",
        triggerSource: "Unknown",
        details: expect.objectContaining({ valueBefore: "", valueAfter: 4, valueTypeAfter: "Double" }),
      }),
    ]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C2").values = [[5]];
      await ctx.sync();
    });
    await jest.advanceTimersByTimeAsync(1);
    expect(seen[1]).toMatchObject({
      address: "C2",
      source: "Local",
      triggerSource: "ThisLocalAddin",
      details: { valueBefore: 3, valueAfter: 5 },
    });
    fake.workbook.setValue("Kertas Kerja", "C2", 2, { source: "Remote" });
    await jest.advanceTimersByTimeAsync(1);
    expect(seen[2]).toMatchObject({ address: "C2", source: "Remote" });
  });

  test("before ExcelApi 1.14 an event does not say who caused it", async () => {
    jest.useFakeTimers();
    const fake = createFakeExcel(grid, { apiVersion: "1.7" });
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kertas Kerja").onChanged.add(async (e) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("C2").values = [[5]];
      await ctx.sync();
    });
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(1);
    expect(seen[0].triggerSource).toBeUndefined();
    expect(seen[0].details).toBeUndefined();
  });

  test("onChanged needs ExcelApi 1.7", async () => {
    const fake = createFakeExcel(grid, { apiVersion: "1.6" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Kertas Kerja").onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
