/**
 * The Office.js host on the strict fake: round trips per read and per apply (counted,
 * for 47 and for 10,000 rows), the same workbook after applying twice, failures that
 * leave the workbook as it was, and the parts older Excel cannot do.
 */
import { WorkbookGrid } from "../../../src/core/grid";
import { recordSheetPlan } from "../../../src/core/meetingRecord";
import { WritePlan } from "../../../src/core/writePlan";
import { HostError } from "../../../src/excel/workbookHost";
import { widthInPoints } from "../../../src/excel/officeApply";
import * as T from "../../fixtures/templates";
import { countSyncs, EMPTY_PLAN, gridOf, longSpbeGrid, readAndApply, setUp, understand } from "./workbooks";

describe("round trips", () => {
  test.each([
    // names, then every sheet whole
    ["the 47-indicator template", () => gridOf(T.standardSpbe()), 2],
    // names, then the first rows of each sheet, then the rest sized by what those rows cost
    ["a 10,000-row sheet", () => longSpbeGrid(10000), 3],
  ])(
    "%s: the first read learns the sheet names and the sizes, every refresh is 1, every apply is 2 (look, write)",
    async (_, make, first) => {
      const { fake, host } = setUp(make());
      let grid: WorkbookGrid | undefined;
      expect(await countSyncs(fake, async () => (grid = await host.read()))).toBe(first);
      const { plan } = understand(grid!);
      expect(plan.cells.length).toBeGreaterThan(100);
      expect(await countSyncs(fake, () => host.apply(plan))).toBe(2);
      // The pane's cycle from now on: read (refresh) then apply, at most 3 round trips, whatever the rows.
      for (let i = 0; i < 3; i++) {
        expect(await countSyncs(fake, () => host.read())).toBe(1);
        expect(await countSyncs(fake, () => readAndApply(host))).toBe(3);
      }
      expect(host.syncCount()).toBe(fake.syncs);
    },
  );

  test("the read is the whole workbook from A1: values normalised, formulas where cells have them", async () => {
    const { host } = setUp({
      sheets: [
        { name: "Sampul", values: [] },
        {
          name: "Data",
          values: [
            [null, null, null],
            [null, "x", 2, { error: "#N/A" }, true],
            [null, null, null, 4, 0.5],
          ],
          formulas: [[], [], [null, null, null, "=C2*2", "=1/2"]],
        },
      ],
    });
    const grid = await host.read();
    expect(grid.sheets.map((s) => s.name)).toEqual(["Sampul", "Data"]);
    expect(grid.sheets[0].values).toEqual([[]]);
    expect(grid.sheets[1].values).toEqual([[], [null, "x", 2, { error: "#N/A" }, true], [null, null, null, 4, 0.5]]);
    expect(grid.sheets[1].formulas?.[2]?.[3]).toBe("=C2*2");
    expect(grid.sheets[1].formulas?.[1]?.[1]).toBeUndefined();
  });

  test("a new sheet, a renamed sheet: the read notices and says honestly what it cost", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await host.read();
    fake.workbook.addSheet("Catatan");
    let grid: WorkbookGrid | undefined;
    expect(await countSyncs(fake, async () => (grid = await host.read()))).toBe(2);
    expect(grid!.sheets.map((s) => s.name)).toContain("Catatan");
    fake.workbook.renameSheet("Catatan", "Catatan Rapat");
    // the expected sheet is gone (1), learn the names (1), read (1)
    expect(await countSyncs(fake, async () => (grid = await host.read()))).toBe(3);
    expect(grid!.sheets.map((s) => s.name)).toContain("Catatan Rapat");
    expect(await countSyncs(fake, () => host.read())).toBe(1);
  });
});

describe("apply", () => {
  test("applying twice leaves the same workbook: cells, formats, validation, conditional formats, names", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const first = await readAndApply(host);
    const once = fake.workbook.snapshot();
    const second = await readAndApply(host);
    expect(second.plan.skipped).toEqual([]);
    expect(fake.workbook.snapshot()).toEqual(once);
    expect(fake.workbook.conditionalFormats("Kertas Kerja")).toHaveLength(first.plan.conditionalFormats.length);
    // and once more without a read in between: the host remembers its own rules
    await host.apply(second.plan);
    expect(fake.workbook.snapshot()).toEqual(once);
  });

  test("a refresh running alongside an apply (a level changed meanwhile) leaves the next apply neither failing nor doubling rules", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan } = await readAndApply(host);
    const once = fake.workbook.snapshot();
    // the read is sent first and finishes while the apply is under way
    await Promise.all([host.read(), host.apply(plan)]);
    await host.apply(plan);
    expect(fake.workbook.conditionalFormats("Kertas Kerja")).toHaveLength(plan.conditionalFormats.length);
    expect(fake.workbook.snapshot()).toEqual(once);
  });

  test("the plan goes in as written: formulas, labels as text, styles, widths, validation, rules, names", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan } = await readAndApply(host);
    const wb = fake.workbook;
    expect(wb.sheetNames()).toEqual(["Sampul", "Kertas Kerja", "Indeks SPBE"]);
    for (const c of plan.cells) {
      if (c.formula) expect(wb.formula(c.sheet, c.address)).toBe(c.formula);
      else expect(wb.value(c.sheet, c.address)).toBe(c.value === "" ? null : c.value);
    }
    // indicator codes "1".."47" stay text, as the ExcelJS host writes them
    expect(plan.cells.some((c) => c.sheet === "Indeks SPBE" && c.value === "1")).toBe(true);
    const index = wb.cell("Indeks SPBE", "D9");
    expect(index.style).toMatchObject({ bold: true, numberFormat: "0.00" });
    expect(index.text).toBe("3.75");
    expect(wb.columnWidth("Indeks SPBE", "B")).toBe(widthInPoints(58));
    const dv = wb.cell("Kertas Kerja", "E7").validation!;
    expect(dv.rule).toEqual({ type: "wholeNumber", operator: "Between", formula1: 1, formula2: 5 });
    expect(dv.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    expect(dv.prompt?.message).toMatch(/bilangan bulat 1–5.*whole number 1–5/);
    expect(wb.cell("Kertas Kerja", "E5").validation).toBeUndefined();
    expect(wb.names()).toEqual({ IndeksSPBE_Ambang: "'Indeks SPBE'!$B$6" });
    const rules = wb.conditionalFormats("Kertas Kerja");
    expect(rules.map((r) => r.formula).sort()).toEqual(plan.conditionalFormats.map((c) => `=${c.formula}`).sort());
    expect(rules[0].ranges.length).toBe(8);
  });

  test("the plan's charts go in as native charts fed by the live formulas, replaced (not doubled) on a second apply", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan } = await readAndApply(host);
    const charts = fake.workbook.charts("Indeks SPBE");
    expect(charts.map((c) => c.name)).toEqual(plan.charts.map((c) => c.name));
    const aspects = charts.find((c) => c.name === "IndeksSPBE_Aspek")!;
    const planned = plan.charts.find((c) => c.name === "IndeksSPBE_Aspek")!;
    expect(aspects).toMatchObject({
      type: "BarClustered",
      title: planned.title,
      anchor: planned.anchor,
      width: planned.width,
      height: planned.height,
    });
    expect(aspects.series.map((x) => x.name)).toEqual(planned.series.map((x) => x.name));
    expect(aspects.series.map((x) => x.range)).toEqual(planned.series.map((x) => x.values));
    expect(aspects.categories).toHaveLength(8);
    // the bars are the aspect indices, recalculated as levels change
    expect(aspects.series[1].values.every((v) => typeof v === "number")).toBe(true);
    await readAndApply(host);
    expect(fake.workbook.charts("Indeks SPBE")).toHaveLength(plan.charts.length);
  });

  test("series that are not neighbours are added one by one; before ExcelApi 1.7 only the first series and no category names", async () => {
    const chartPlan = (sheet: string) => ({
      ...EMPTY_PLAN,
      charts: [
        {
          sheet,
          name: "Uji",
          title: "Uji / Test",
          type: "barClustered" as const,
          categories: "A1:A3",
          series: [
            { name: "Satu", values: "B1:B3" },
            { name: "Dua", values: "D1:D3" },
          ],
          anchor: "F2",
          width: 300,
          height: 200,
        },
      ],
    });
    const grid = {
      sheets: [
        {
          name: "S",
          values: [
            ["a", 1, 0, 4],
            ["b", 2, 0, 5],
            ["c", 3, 0, 6],
          ],
        },
      ],
    };
    const modern = setUp(grid);
    await modern.host.read();
    await modern.host.apply(chartPlan("S"));
    expect(modern.fake.workbook.charts("S")[0]).toMatchObject({
      categories: ["a", "b", "c"],
      series: [
        { name: "Satu", values: [1, 2, 3] },
        { name: "Dua", values: [4, 5, 6] },
      ],
    });
    const old = setUp(grid, { apiVersion: "1.6" });
    await old.host.read();
    await old.host.apply(chartPlan("S"));
    expect(old.fake.workbook.charts("S")[0]).toMatchObject({
      categories: [],
      series: [{ name: "Satu", values: [1, 2, 3] }],
    });
  });

  test("conditional formats colour the cells a person sees: invalid red, low yellow, others untouched", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await readAndApply(host);
    const wb = fake.workbook;
    // threshold is 3 unless set otherwise; E8 is indicator 2 (final level 1)
    expect(wb.value("Kertas Kerja", "E8")).toBe(1);
    expect(wb.cell("Kertas Kerja", "E8").style.fill).toBe("#FFE699");
    expect(wb.cell("Kertas Kerja", "E7").style.fill).toBeUndefined();
    wb.setValue("Kertas Kerja", "E7", 7);
    expect(wb.cell("Kertas Kerja", "E7").style).toMatchObject({ fill: "#F8CBAD", fontColor: "#9C0006" });
    // a row below the first area (indicator 11 sits after the aspect heading)
    wb.setValue("Kertas Kerja", "E20", "dua");
    expect(wb.cell("Kertas Kerja", "E20").style.fill).toBe("#F8CBAD");
  });

  test.each(["1.6", "1.8"])(
    "ExcelApi %s has no multi-area ranges: one rule per area, each for its own cells, still never doubled",
    async (apiVersion) => {
      const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion });
      const { plan } = await readAndApply(host);
      const once = fake.workbook.snapshot();
      const rules = fake.workbook.conditionalFormats("Kertas Kerja");
      const areas = plan.conditionalFormats.reduce((n, c) => n + c.ranges.length, 0);
      expect(rules).toHaveLength(areas);
      expect(rules.every((r) => r.ranges.length === 1)).toBe(true);
      const level = fake.workbook.value("Kertas Kerja", "E20") as number;
      expect(level).toBe(2);
      fake.workbook.setValue("Kertas Kerja", "E20", 0);
      expect(fake.workbook.cell("Kertas Kerja", "E20").style.fill).toBe("#F8CBAD");
      expect(fake.workbook.cell("Kertas Kerja", "E21").style.fill).toBeUndefined();
      fake.workbook.setValue("Kertas Kerja", "E20", level);
      expect(fake.workbook.cell("Kertas Kerja", "E20").style.fill).toBe("#FFE699");
      await readAndApply(host);
      expect(fake.workbook.snapshot()).toEqual(once);
    },
  );

  test("a person's own conditional format on the level cells is kept", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("E7:E16").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=E7=5";
      cf.custom.format.fill.color = "#C6EFCE";
      await ctx.sync();
    });
    await readAndApply(host);
    await readAndApply(host);
    const formulas = fake.workbook.conditionalFormats("Kertas Kerja").map((r) => r.formula);
    expect(formulas.filter((f) => f === "=E7=5")).toHaveLength(1);
    expect(formulas).toHaveLength(5);
  });

  test("a person's format added between two applies, on a cell that already has two of ours, is kept; ours are replaced, not doubled", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await readAndApply(host);
    const ours = fake.workbook.conditionalFormats("Kertas Kerja");
    // Two of our rules sit on each level cell (low and invalid levels).
    expect(ours.filter((r) => r.ranges.some((a) => a.includes("E7")))).toHaveLength(2);
    // The person's rule goes on top, so every place the last read saw shifts by one.
    await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("E7").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=E7=5";
      cf.custom.format.fill.color = "#C6EFCE";
      await ctx.sync();
    });
    await readAndApply(host);
    await readAndApply(host);
    const after = fake.workbook.conditionalFormats("Kertas Kerja");
    expect(after.map((r) => r.formula).sort()).toEqual([...ours.map((r) => r.formula), "=E7=5"].sort());
    expect(after.find((r) => r.formula === "=E7=5")).toMatchObject({ ranges: ["E7"], fill: "#C6EFCE" });
  });
});

describe("printing the results sheet", () => {
  const withPrint = (plan: WritePlan) => ({
    ...plan,
    printSetups: [{ sheet: plan.sheets[0], orientation: "landscape" as const, fitToWidth: 1, titleRows: "$8:$8" }],
  });

  test("where the plan gives print settings, ExcelApi 1.9 sets them in the same write", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const { plan } = understand(await host.read());
    expect(await countSyncs(fake, () => host.apply(withPrint(plan)))).toBe(2);
    expect(fake.workbook.pageSetup("Indeks SPBE")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      titleRows: "8:8",
    });
    expect(fake.workbook.pageSetup("Kertas Kerja")).toMatchObject({ orientation: "Portrait" });
  });

  test("an Excel before 1.9 writes everything else and leaves the print settings as they were", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.8" });
    const { plan } = understand(await host.read());
    await host.apply(withPrint(plan));
    expect(fake.workbook.pageSetup("Indeks SPBE")).toEqual({
      orientation: "Portrait",
      zoom: { scale: 100 },
      titleRows: undefined,
    });
    expect(fake.workbook.value("Indeks SPBE", "D9")).not.toBeNull();
  });
});

describe("failures leave the workbook as it was and say what to do", () => {
  test("a protected target sheet: HostError('protected') before anything is written", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    fake.workbook.protect("Kertas Kerja");
    const grid = await host.read();
    const before = fake.workbook.snapshot();
    const { plan } = understand(grid);
    let syncs = 0;
    const err = await countSyncs(fake, () => host.apply(plan))
      .then((n) => (syncs = n))
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "protected" });
    expect(err.text.id).toMatch(/"Kertas Kerja" diproteksi.*Buka Proteksi Lembar/);
    expect(err.text.en).toMatch(/"Kertas Kerja" is protected.*Unprotect Sheet/);
    expect(syncs).toBe(0);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  test("protected after the read: refused before anything is written, and applying once unprotected finishes the job", async () => {
    const clean = setUp(gridOf(T.standardSpbe()));
    await readAndApply(clean.host);

    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const grid = await host.read();
    fake.workbook.protect("Kertas Kerja");
    const before = fake.workbook.snapshot();
    const err = await host.apply(understand(grid).plan).catch((e) => e);
    expect(err).toMatchObject({ code: "protected" });
    // No results sheet made, nothing half-written.
    expect(fake.workbook.snapshot()).toEqual(before);
    fake.workbook.protect("Kertas Kerja", false);
    await readAndApply(host);
    expect(fake.workbook.snapshot()).toEqual(clean.fake.workbook.snapshot());
  });

  test("a cell in edit mode: an apply says so and writes nothing; a read waits for the person to leave the cell", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const grid = await host.read();
    const before = fake.workbook.snapshot();
    fake.workbook.setCellEditMode(true);
    const err = await host.apply(understand(grid).plan).catch((e) => e);
    expect(err).toMatchObject({ code: "edit-mode" });
    expect(err.text.en).toMatch(/Press Enter or Esc/);
    expect(err.text.id).toMatch(/Tekan Enter atau Esc/);
    expect(fake.workbook.snapshot()).toEqual(before);
    let read = false;
    const waiting = host.read().then(() => (read = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(read).toBe(false);
    fake.workbook.setCellEditMode(false);
    await waiting;
    await readAndApply(host);
    expect(fake.workbook.sheetNames()).toContain("Indeks SPBE");
  });

  test("before ExcelApi 1.11 (no delayForCellEdit) a read in edit mode says so; InvalidOperation with that sentence too", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.10" });
    await host.read();
    fake.workbook.setCellEditMode(true);
    await expect(host.read()).rejects.toMatchObject({ code: "edit-mode" });
    fake.workbook.setCellEditMode(false);
    fake.workbook.failNextSync(
      "InvalidOperation",
      "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
    );
    await expect(host.read()).rejects.toMatchObject({ code: "edit-mode" });
  });

  test("a sync that throws: HostError('sync-failed') with what to do; the next apply learns the workbook again", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    const grid = await host.read();
    const before = fake.workbook.snapshot();
    fake.workbook.failNextSync("GeneralException");
    const err = await host.apply(understand(grid).plan).catch((e) => e);
    expect(err).toMatchObject({ code: "sync-failed" });
    expect(err.text.en).toMatch(/click Apply again/);
    expect(err.text.id).toMatch(/klik Terapkan lagi/);
    expect(fake.workbook.snapshot()).toEqual(before);
    // what the host knew may be stale: the apply's own look learns it again, then the write
    expect(await countSyncs(fake, () => host.apply(understand(grid).plan))).toBe(2);
    fake.workbook.failNextSync("GeneralException");
    await expect(host.read()).rejects.toMatchObject({
      code: "sync-failed",
      text: { en: expect.stringMatching(/Click Refresh/) },
    });
  });
});

describe("capabilities", () => {
  test.each([
    ["1.3", { dataValidation: false, conditionalFormats: false, events: false, names: false }],
    ["1.6", { dataValidation: false, conditionalFormats: true, events: false, names: true }],
    ["1.7", { dataValidation: false, conditionalFormats: true, events: true, names: true }],
    ["1.8", { dataValidation: true, conditionalFormats: true, events: true, names: true }],
  ])("ExcelApi %s", (apiVersion, caps) => {
    const { host } = setUp(gridOf(T.standardSpbe()), { apiVersion });
    expect(host.capabilities()).toEqual(caps);
  });

  test("without Office (outside Excel) nothing optional is assumed", () => {
    const { fake } = setUp(gridOf(T.standardSpbe()));
    const { createOfficeHost } = jest.requireActual(
      "../../../src/excel/officeHost",
    ) as typeof import("../../../src/excel/officeHost");
    const host = createOfficeHost(fake.Excel, undefined);
    expect(host.capabilities()).toEqual({
      dataValidation: false,
      conditionalFormats: false,
      events: false,
      names: false,
    });
    expect(host.displayLanguage()).toBe("en-US");
  });

  test("an old Excel (ExcelApi 1.3) still gets every cell and live formula; the skipped parts are named plainly", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.3" });
    const { plan } = await readAndApply(host);
    expect(host.lastSkipped().map((s) => s.part)).toEqual(["dataValidation", "conditionalFormats", "names"]);
    expect(host.lastSkipped()[0].message.en).toMatch(/data validation.*ExcelApi 1\.8/);
    expect(host.lastSkipped()[0].message.id).toMatch(/validasi data/);
    expect(fake.workbook.value("Indeks SPBE", "D9")).toBe(3.75);
    expect(fake.workbook.value("Indeks SPBE", "E9")).toBe(3.19);
    expect(fake.workbook.conditionalFormats("Kertas Kerja")).toEqual([]);
    expect(fake.workbook.names()).toEqual({});
    expect(fake.workbook.cell("Kertas Kerja", "E7").validation).toBeUndefined();
    expect(plan.validations.length).toBeGreaterThan(0);
  });

  test("display language comes from Office", () => {
    const { host } = setUp(gridOf(T.standardSpbe()), { displayLanguage: "id-ID" });
    expect(host.displayLanguage()).toBe("id-ID");
  });
});

describe("select", () => {
  test("activates the sheet and selects the cell, in one round trip", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    expect(await countSyncs(fake, () => host.select("Kertas Kerja", "E12"))).toBe(1);
    expect(fake.workbook.activeSheet()).toBe("Kertas Kerja");
    expect(fake.workbook.selection()).toEqual({ sheet: "Kertas Kerja", address: "E12" });
  });

  test("a sheet that is gone gives a message, not a crash", async () => {
    const { host } = setUp(gridOf(T.standardSpbe()));
    await expect(host.select("Tidak Ada", "A1")).rejects.toMatchObject({
      code: "sync-failed",
      text: { en: expect.stringMatching(/Select it yourself/) },
    });
  });

  test("an empty plan is one round trip that changes nothing", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await host.read();
    const before = fake.workbook.snapshot();
    expect(await countSyncs(fake, () => host.apply(EMPTY_PLAN))).toBe(1);
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});

describe("the meeting record's sheet", () => {
  const rows = (n: number) => [
    ["Catatan rapat Indeks SPBE, 3 Desember 2026"],
    ["No", "Sel", "Indikator"],
    ...Array.from({ length: n }, (_, k) => [k + 1, `Kertas Kerja!D${8 + k}`, `Indikator ${k + 1}`]),
  ];

  test("written again later in the session into the sheet the first write made, found as the record's by its marks", async () => {
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await host.read();
    expect((await host.apply(recordSheetPlan("Catatan Rapat", rows(1)))).written).toBe(true);
    await host.read();
    const again = await host.apply(recordSheetPlan("Catatan Rapat", rows(2)));
    expect(again.written).toBe(true);
    expect(fake.workbook.snapshot().sheets.filter((s: { name: string }) => s.name.startsWith("Catatan"))).toHaveLength(
      1,
    );
  });

  test("a person's sheet of the record's name is refused before anything is written", async () => {
    const grid = gridOf(T.standardSpbe());
    grid.sheets.push({ name: "Catatan Rapat", values: [["Notulen rapat"], [], ["Hadir: 12 orang"]] });
    const { fake, host } = setUp(grid);
    await host.read();
    const before = fake.workbook.snapshot();
    await expect(host.apply(recordSheetPlan("Catatan Rapat", rows(1)))).rejects.toBeInstanceOf(HostError);
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});
