/**
 * The Office.js host reading only the rows the core needs: first the size and the first
 * rows of every sheet, then what the core asks for; a refresh asks again for what the
 * last read read, in one round trip, and reads afresh what a change of size makes
 * uncertain. Whatever the path, the analysis and the write plan are those of a read of
 * every cell, on every fixture workbook, before and after an apply.
 */
import { analyze, AnalyzeOptions } from "../../../src/core/analyze";
import { WorkbookGrid } from "../../../src/core/grid";
import { LABEL_SCAN_ROWS } from "../../../src/core/layout";
import { rowsNeeded } from "../../../src/core/readingNeeds";
import { buildWritePlan } from "../../../src/core/writePlan";
import { RowsNeeded } from "../../../src/excel/workbookHost";
import { PAYLOAD_LIMIT_BYTES } from "../../../src/fake-excel/api";
import { FIXTURE_WORKBOOKS, fixtureGrid } from "../../support/fixtureWorkbooks";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";
import { countSyncs, setUp, withEvidence } from "./workbooks";

const needsFor =
  (opts: AnalyzeOptions = {}): RowsNeeded =>
  (g) =>
    rowsNeeded(g, FRAMEWORKS, opts);

function understood(grid: WorkbookGrid, opts: AnalyzeOptions = {}) {
  const analysis = analyze(grid, FRAMEWORKS, { ...opts, otherModels: OTHER_MODELS });
  return { analysis, plan: analysis.tables.length ? buildWritePlan(grid, analysis) : undefined };
}

/** The staged read's understanding against a read of every cell from a second host on the same workbook. */
async function expectSameAsWhole(setup: ReturnType<typeof setUp>, staged: WorkbookGrid, opts: AnalyzeOptions = {}) {
  const whole = await setUp(setup.fake.workbook.grid()).host.read();
  expect(understood(staged, opts)).toEqual(understood(whole, opts));
}

describe("a staged read understands every fixture as a read of every cell does", () => {
  test.each(FIXTURE_WORKBOOKS)("%s: first read, apply, refresh", async (file) => {
    const grid = await fixtureGrid(file);
    if (!grid) return;
    const setup = setUp(grid);
    const first = await setup.host.read(needsFor());
    await expectSameAsWhole(setup, first);
    const { plan } = understood(first);
    if (!plan) return;
    await setup.host.apply(plan);
    // The results sheet now stores the settings; the refresh reads under them.
    const refresh = await setup.host.read(needsFor());
    await expectSameAsWhole(setup, refresh);
  });
});

describe("round trips and sizes", () => {
  test("20 evidence sheets of 5,000 rows: two trips and a small answer for a first read, one for a refresh, the same understanding", async () => {
    const setup = setUp(withEvidence(20, 5000));
    const { fake, host } = setup;
    const first = await countSyncs(fake, () => host.read(needsFor()));
    expect(first).toBe(2);
    const grid = await host.read(needsFor());
    expect(grid.sheets.find((s) => s.name === "Bukti 1")!.rowsRead).toEqual([[0, LABEL_SCAN_ROWS - 1]]);
    await expectSameAsWhole(setup, grid);
    const received = fake.traffic.slice(-1)[0].response;
    expect(received).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
    await host.apply(understood(grid).plan!);
    expect(await countSyncs(fake, () => host.read(needsFor()))).toBe(1);
  });

  test("the usual workbook: a refresh is one round trip", async () => {
    const { fake, host } = setUp(withEvidence(0, 0));
    await host.read(needsFor());
    expect(await countSyncs(fake, () => host.read(needsFor()))).toBe(1);
  });
});

describe("a refresh after the workbook changed", () => {
  test("rows typed below the table: the sheet's size changed, it is read afresh and nothing is missed", async () => {
    const setup = setUp(withEvidence(2, 300));
    const { fake, host } = setup;
    const before = await host.read(needsFor());
    const table = before.sheets[0];
    const below = table.values.length + 5;
    fake.workbook.setValue(table.name, `B${below}`, "Indeks SPBE");
    fake.workbook.setValue("Bukti 1", "A250", "Predikat");
    const after = await host.read(needsFor());
    await expectSameAsWhole(setup, after);
    expect(after.sheets[0].values.length).toBe(below);
  });

  test("a sheet added and one deleted: the new sheet's first rows are read, the understanding stays whole", async () => {
    const setup = setUp(withEvidence(2, 300));
    const { fake, host } = setup;
    await host.read(needsFor());
    fake.workbook.deleteSheet("Bukti 2");
    fake.workbook.addSheet("Ringkasan");
    fake.workbook.setValue("Ringkasan", "B3", "Indeks SPBE");
    const after = await host.read(needsFor());
    await expectSameAsWhole(setup, after);
    expect(after.sheets.map((s) => s.name)).toContain("Ringkasan");
  });

  test("a header row named far down: the rows it needs are read, in the same read", async () => {
    const setup = setUp(withEvidence(1, 400));
    const opts = { headerRow: 250 };
    const grid = await setup.host.read(needsFor(opts));
    // The named row and the one under it, on every sheet long enough to have them.
    const evidence = grid.sheets.find((s) => s.name === "Bukti 1")!;
    expect(evidence.rowsRead).toEqual([[0, 250]]);
    const read = evidence.rowsRead!;
    expect(read.some(([a, b]) => a <= 249 && b >= 250)).toBe(true);
    await expectSameAsWhole(setup, grid, opts);
  });
});
