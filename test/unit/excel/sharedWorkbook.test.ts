/**
 * A shared workbook, driven in the pane's own order on the strict fake: the preview is
 * built from the last read, then a person keeps working or a co-author applies, then
 * Apply. Nothing a person did is lost, a refusal comes before anything is written, and
 * an apply is two round trips whatever the rows.
 */
import { validationKey } from "../../../src/core/planCheck";
import { emptyWritePlan } from "../../../src/core/writePlan";
import { createOfficeHost } from "../../../src/excel/officeHost";
import { FakeValidation } from "../../../src/fake-excel";
import * as T from "../../fixtures/templates";
import { PaneFlow } from "./paneFlow";
import { countSyncs, gridOf, longSpbeGrid, readAndApply, setUp } from "./workbooks";

/** The Denpasar template in the fake, the pane read it and opened the preview. */
async function previewOpen(book = T.standardSpbe(), apiVersion = "1.14") {
  const s = setUp(gridOf(book), { apiVersion });
  const pane = new PaneFlow(s.host);
  await pane.read();
  await pane.openPreview();
  return { ...s, pane };
}

const LEVELS_E = "E7:E16";

describe("what a person does between the preview and Apply", () => {
  test("a conditional format they add meanwhile is kept, and ours are neither lost nor doubled", async () => {
    const { fake, pane } = await previewOpen();
    await pane.confirm();
    const ours = fake.workbook.conditionalFormats("Kertas Kerja");
    await pane.openPreview();
    // Excel puts a new rule first: every place the preview's read saw shifts by one.
    await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Kertas Kerja").getRange("E7").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=E7=5";
      cf.custom.format.fill.color = "#C6EFCE";
      await ctx.sync();
    });
    expect((await pane.confirm()).written).toBe(true);
    const after = fake.workbook.conditionalFormats("Kertas Kerja");
    expect(after.map((r) => r.formula).sort()).toEqual([...ours.map((r) => r.formula), "=E7=5"].sort());
  });

  test("the level sheet protected meanwhile: refused before the first write, no results sheet, no half-written workbook", async () => {
    const { fake, pane } = await previewOpen();
    fake.workbook.protect("Kertas Kerja");
    const before = fake.workbook.snapshot();
    const syncs = fake.syncs;
    await expect(pane.confirm()).rejects.toMatchObject({ code: "protected" });
    expect(fake.syncs - syncs).toBe(1);
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(fake.workbook.sheetNames()).not.toContain("Indeks SPBE");
  });

  test("text typed into the cover's result cell meanwhile is kept: nothing written, a fresh preview says what changed", async () => {
    const { fake, pane } = await previewOpen();
    fake.workbook.setValue("Sampul", "C6", "menunggu verifikasi");
    const before = fake.workbook.snapshot();
    const outcome = await pane.confirm();
    expect(outcome.written).toBe(false);
    expect(fake.workbook.snapshot()).toEqual(before);
    if (outcome.written) return;
    expect(outcome.changes.map((c) => c.en)).toEqual([
      'Sampul!C6 holds something a person typed ("menunggu verifikasi"); left as it is (the result is on sheet "Indeks SPBE")',
    ]);
    expect(pane.state.previewChanges).toEqual(outcome.changes);
    // Applying the fresh preview writes everything else and leaves their text.
    expect((await pane.confirm()).written).toBe(true);
    expect(fake.workbook.value("Sampul", "C6")).toBe("menunggu verifikasi");
    expect(fake.workbook.formula("Sampul", "C7")).toBe("='Indeks SPBE'!E10");
    expect(pane.state.appliedLeft.map((m) => m.en)).toContain(outcome.changes[0].en);
  });

  test("a person's formula beside the label is never replaced; the pane says where the result is", async () => {
    const book = T.standardSpbe();
    book.getWorksheet("Sampul")!.getCell("C6").value = { formula: "AVERAGE('Kertas Kerja'!E7:E63)" } as never;
    const { fake, pane } = await previewOpen(book);
    expect(pane.state.checked!.plan.skipped.map((k) => k.message.en)).toEqual([
      "Sampul!C6 holds someone's formula (=AVERAGE('Kertas Kerja'!E7:E63)); left as it is (the result is on sheet \"Indeks SPBE\")",
    ]);
    await pane.confirm();
    expect(fake.workbook.formula("Sampul", "C6")).toBe("=AVERAGE('Kertas Kerja'!E7:E63)");
  });

  test("their validation that admits exactly the levels is kept as it is, own error text and all", async () => {
    const s = setUp(gridOf(T.standardSpbe()));
    const theirs: FakeValidation = {
      rule: { type: "list", operator: "", formula1: "1,2,3,4,5" },
      ignoreBlanks: true,
      errorAlert: { showAlert: true, style: "Stop", title: "Salah isi", message: "Pilih 1 sampai 5" },
    };
    s.fake.workbook.setValidation("Kertas Kerja", "E7:E63", theirs);
    const pane = new PaneFlow(s.host);
    await pane.read();
    await pane.openPreview();
    const kept = pane.state.checked!.touches.filter((t) => t.kind === "validation-kept");
    expect(kept.map((t) => t.message.en)).toEqual([
      "Your validation on Kertas Kerja!E7:E16,E19:E22,E24:E27,E29:E30,E33:E40,E42:E44,E47:E56,E58:E63 (list 1, 2, 3, 4, 5) already admits exactly the levels; kept as it is",
    ]);
    await pane.confirm();
    expect(s.fake.workbook.cell("Kertas Kerja", "E7").validation).toEqual(theirs);
    expect(s.fake.workbook.cell("Kertas Kerja", "D7").validation?.errorAlert?.title).toBe(
      "Nilai tidak sah / Invalid value",
    );
  });

  test("their other validation is kept unless they choose to have it replaced", async () => {
    const theirs: FakeValidation = {
      rule: { type: "wholeNumber", operator: "Between", formula1: 0, formula2: 10 },
      ignoreBlanks: true,
    };
    const kept = setUp(gridOf(T.standardSpbe()));
    kept.fake.workbook.setValidation("Kertas Kerja", "E7:E63", theirs);
    const keep = new PaneFlow(kept.host);
    await keep.read();
    await keep.openPreview();
    const touch = keep.state.checked!.touches.find((t) => t.kind === "validation-theirs")!;
    expect(touch.message.en).toMatch(/\(whole number 0–10\) is kept; this tool's is not added$/);
    await keep.confirm();
    expect(kept.fake.workbook.cell("Kertas Kerja", "E7").validation).toEqual(theirs);

    const replaced = setUp(gridOf(T.standardSpbe()));
    replaced.fake.workbook.setValidation("Kertas Kerja", "E7:E63", theirs);
    const replace = new PaneFlow(replaced.host);
    await replace.read();
    await replace.openPreview();
    replace.toggle(touch.choice!);
    expect(replace.state.checked!.touches.find((t) => t.choice)?.kind).toBe("validation-replaced");
    expect((await replace.confirm()).written).toBe(true);
    expect(replaced.fake.workbook.cell("Kertas Kerja", "E7").validation?.rule).toMatchObject({
      type: "wholeNumber",
      formula1: 1,
      formula2: 5,
    });
  });

  test("a validation they add meanwhile stops the apply and is named in the fresh preview", async () => {
    const { fake, pane } = await previewOpen();
    fake.workbook.setValidation("Kertas Kerja", LEVELS_E, {
      rule: { type: "decimal", operator: "Between", formula1: 0, formula2: 100 },
      ignoreBlanks: true,
    });
    const outcome = await pane.confirm();
    expect(outcome.written).toBe(false);
    if (outcome.written) return;
    expect(outcome.changes.map((c) => c.en)).toEqual([
      expect.stringMatching(
        /^Your validation on Kertas Kerja!E7:E16,.* \(different rules on different cells\) is kept/,
      ),
    ]);
    expect(fake.workbook.sheetNames()).not.toContain("Indeks SPBE");
  });
});

describe("cells as Excel shows them", () => {
  test("a result cell hidden inside merged cells is not written; where the result is instead is said", async () => {
    const s = setUp(gridOf(T.standardSpbe()));
    s.fake.workbook.merge("Sampul", "B6:C6");
    const pane = new PaneFlow(s.host);
    await pane.read();
    await pane.openPreview();
    expect(pane.state.checked!.touches.filter((t) => t.kind === "left").map((t) => t.message.en)).toEqual([
      'Sampul!C6 lies inside the merged cells B6:C6, where Excel does not show it; not written (the result is on sheet "Indeks SPBE")',
    ]);
    await pane.confirm();
    expect(s.fake.workbook.value("Sampul", "C6")).toBeNull();
    expect(s.fake.workbook.value("Sampul", "B6")).toBe("Indeks SPBE");
  });

  test("before ExcelApi 1.13 merged areas cannot be asked for: the apply still runs", async () => {
    const s = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.12" });
    const pane = new PaneFlow(s.host);
    await pane.read();
    await pane.openPreview();
    expect((await pane.confirm()).written).toBe(true);
    expect(s.fake.workbook.apiMembersUsed()).not.toHaveProperty(["Range.getMergedAreasOrNullObject"]);
  });

  test("a result cell formatted as Text gets a number format first, so its formula calculates", async () => {
    const s = setUp(gridOf(T.standardSpbe()));
    s.fake.workbook.setNumberFormat("Sampul", "C7", "@");
    // What Excel does with a Text cell: the formula stays text.
    s.fake.workbook.setValue("Sampul", "C8", "=1+1");
    s.fake.workbook.setNumberFormat("Sampul", "D8", "@");
    s.fake.workbook.setValue("Sampul", "D8", "=1+1");
    expect(s.fake.workbook.value("Sampul", "D8")).toBe("=1+1");
    expect(s.fake.workbook.formula("Sampul", "D8")).toBeUndefined();
    const pane = new PaneFlow(s.host);
    await pane.read();
    await pane.openPreview();
    expect(pane.state.checked!.touches.find((t) => t.kind === "format")?.message.en).toBe(
      "Sampul!C7 is formatted as Text; its format is changed so the formula ='Indeks SPBE'!E10 calculates instead of showing as text",
    );
    await pane.confirm();
    expect(s.fake.workbook.formula("Sampul", "C7")).toBe("='Indeks SPBE'!E10");
    expect(s.fake.workbook.value("Sampul", "C7")).toBe("Baik");
  });

  test("a protected workbook structure: the right remedy, before anything is written; with the results sheet there, it writes", async () => {
    const { fake, pane } = await previewOpen();
    fake.workbook.protectStructure();
    const before = fake.workbook.snapshot();
    const err = await pane.confirm().catch((e) => e);
    expect(err.text.en).toMatch(/structure is protected.*Review › Protect Workbook/);
    expect(err.text.en).not.toMatch(/Unprotect Sheet/);
    expect(fake.workbook.snapshot()).toEqual(before);
    // The fake follows Excel: a protected structure refuses worksheets.add itself.
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("X");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    fake.workbook.protectStructure(false);
    await pane.openPreview();
    await pane.confirm();
    fake.workbook.protectStructure();
    await pane.openPreview();
    expect((await pane.confirm()).written).toBe(true);
  });
});

describe("co-authoring", () => {
  test("a co-author who applied first: their results sheet is recognised as ours, never made twice", async () => {
    const { fake, pane } = await previewOpen();
    const colleague = createOfficeHost(fake.coAuthor().Excel, fake.Office);
    await readAndApply(colleague);
    const outcome = await pane.confirm();
    expect(outcome.written).toBe(false);
    if (outcome.written) return;
    expect(outcome.changes[0].en).toMatch(/"Indeks SPBE" was just made by a colleague's Apply; it is recognised/);
    expect((await pane.confirm()).written).toBe(true);
    expect(fake.workbook.sheetNames().filter((n) => n.startsWith("Indeks SPBE"))).toEqual(["Indeks SPBE"]);
    const rules = fake.workbook.conditionalFormats("Kertas Kerja");
    expect(new Set(rules.map((r) => r.formula)).size).toBe(rules.length);
    expect(fake.workbook.charts("Indeks SPBE").map((c) => c.name)).toEqual(["IndeksSPBE_Domain", "IndeksSPBE_Aspek"]);
  });

  test("a co-author's apply reaches this pane's watch as a Remote change", async () => {
    jest.useFakeTimers();
    try {
      const { fake, host } = setUp(gridOf(T.standardSpbe(T.DENPASAR_SELF, { ...T.DENPASAR_FINAL, 1: null })));
      const calls: string[] = [];
      await host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => calls.push("refresh"));
      const colleague = createOfficeHost(fake.coAuthor().Excel, fake.Office);
      await colleague.read();
      await colleague.apply({ ...emptyWritePlan(), cells: [{ sheet: "Kertas Kerja", address: "E7", value: 4 }] });
      await jest.advanceTimersByTimeAsync(1000);
      expect(calls).toEqual(["refresh"]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("round trips", () => {
  test.each([
    ["47 rows", () => gridOf(T.standardSpbe())],
    ["10,000 rows", () => longSpbeGrid(10000)],
  ])("%s: the preview's look is 1, an apply is 2 (look, write)", async (_, make) => {
    const { fake, host } = setUp(make());
    const pane = new PaneFlow(host);
    await pane.read();
    expect(await countSyncs(fake, () => pane.openPreview())).toBe(1);
    const { writePlan, checked } = pane.state;
    expect(await countSyncs(fake, () => host.apply(writePlan!, { seen: checked! }))).toBe(2);
  });

  test("the key a validation choice goes by names its sheet and ranges", () => {
    expect(validationKey({ sheet: "Kertas Kerja", ranges: ["E7:E16", "E19:E22"] })).toBe("Kertas Kerja!E7:E16,E19:E22");
  });
});
