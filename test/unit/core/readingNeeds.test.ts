/**
 * A host that reads only the rows the core says it needs gets the same reading as one
 * that reads everything: same tables, levels, issues, notes and write plan, on every
 * fixture workbook (written by ExcelJS, openpyxl and LibreOffice), with the person's
 * settings, and on generated workbooks with cover sheets and long evidence sheets.
 */
import fc from "fast-check";
import { analyze, AnalyzeOptions } from "../../../src/core/analyze";
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { LABEL_SCAN_ROWS } from "../../../src/core/layout";
import { rowsMissing, rowsNeeded, unread } from "../../../src/core/readingNeeds";
import { buildWritePlan } from "../../../src/core/writePlan";
import { FIXTURE_WORKBOOKS, fixtureGrid } from "../../support/fixtureWorkbooks";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { standardSpbe } from "../../fixtures/templates";
import { stagedRead } from "../../support/stagedRead";

const needsFor = (opts: AnalyzeOptions) => (g: WorkbookGrid) => rowsNeeded(g, FRAMEWORKS, opts);

function expectSameReading(full: WorkbookGrid, opts: AnalyzeOptions = {}): WorkbookGrid {
  const { grid, stages } = stagedRead(full, needsFor(opts));
  expect(rowsMissing(grid, FRAMEWORKS, opts)).toEqual([]);
  expect(stages).toBeLessThanOrEqual(2);
  const o = { ...opts, otherModels: OTHER_MODELS };
  const whole = analyze(full, FRAMEWORKS, o);
  const part = analyze(grid, FRAMEWORKS, o);
  expect(part).toEqual(whole);
  if (whole.tables.length) expect(buildWritePlan(grid, part)).toEqual(buildWritePlan(full, whole));
  return grid;
}

describe("every fixture workbook reads the same from the rows the core needs", () => {
  test("the fixtures are all there", () => expect(FIXTURE_WORKBOOKS.length).toBeGreaterThanOrEqual(25));

  test.each(FIXTURE_WORKBOOKS)("%s", async (file) => {
    const full = await fixtureGrid(file);
    if (!full) return;
    expectSameReading(full);
    const t = analyze(full, FRAMEWORKS).tables[0];
    if (!t) return;
    // With the person's settings: the sheet, the header row and the level columns named.
    expectSameReading(full, {
      sheet: t.layout.sheet,
      headerRow: t.layout.headerRow + 1,
      levelColumns: t.layout.levelColumns.map((c) => c.letter),
    });
    expectSameReading(full, { levelColumns: ["C"] });
  });
});

const longSheet = (name: string, rows: number, cell: (r: number) => CellValue[]): SheetGrid => ({
  name,
  values: Array.from({ length: rows }, (_, r) => cell(r)),
});

describe("what is read", () => {
  test("long evidence sheets: their header band only; the indicator sheet and the results sheet whole", () => {
    const grid = workbookGrid(standardSpbe());
    for (let s = 1; s <= 3; s++)
      grid.sheets.push(
        longSheet(`Bukti ${s}`, 5000, (r) =>
          r === 0 ? ["No", "Indikator", "Dokumen"] : [r, `Indikator ${1 + (r % 47)}`, `notulen ${r}`],
        ),
      );
    const needs = rowsNeeded(stagedRead(grid, needsFor({})).grid, FRAMEWORKS);
    const table = grid.sheets[0];
    expect(needs).toContainEqual({ sheet: table.name, from: 0, to: table.values.length - 1 });
    for (let s = 1; s <= 3; s++)
      expect(needs).toContainEqual({ sheet: `Bukti ${s}`, from: 0, to: LABEL_SCAN_ROWS - 1 });
  });

  test("a header row named below the band is read with the row under it", () => {
    const grid = { sheets: [longSheet("Data", 300, () => ["x"])] };
    expect(rowsNeeded(grid, FRAMEWORKS, { headerRow: 200 })).toEqual([{ sheet: "Data", from: 0, to: 200 }]);
  });

  test("rows not read yet, around the runs read", () => {
    expect(
      unread({ sheet: "A", from: 0, to: 99 }, [
        [10, 19],
        [0, 4],
        [50, 120],
      ]),
    ).toEqual([
      { sheet: "A", from: 5, to: 9 },
      { sheet: "A", from: 20, to: 49 },
    ]);
    expect(unread({ sheet: "A", from: 0, to: 9 }, undefined)).toEqual([]);
  });
});

describe("generated workbooks", () => {
  test("cover sheets with labels, evidence sheets and junk anywhere read the same as whole", () => {
    const base = workbookGrid(standardSpbe());
    const label = fc.constantFrom(
      "Indeks SPBE",
      "Predikat",
      "Indeks",
      "Nilai Indeks SPBE",
      "catatan",
      "No",
      "Indikator",
      "Nilai",
      "Bukti dukung",
      3,
      null,
    );
    const sheet = fc.record({
      rows: fc.integer({ min: 1, max: 200 }),
      cells: fc.array(fc.tuple(fc.nat(199), fc.nat(6), label), { maxLength: 12 }),
      header: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), fc.boolean(), (extra, before) => {
        const sheets = extra.map((e, k) => {
          const values: CellValue[][] = Array.from({ length: e.rows }, (_, r) =>
            e.header && r === 0
              ? ["No", "Indikator", "Nilai"]
              : e.header
                ? [r, `Indikator ${1 + (r % 47)}`, 1 + (r % 5)]
                : [],
          );
          for (const [r, c, v] of e.cells) if (r < e.rows) (values[r] ??= [])[c] = v;
          return { name: `Lembar ${k + 1}`, values };
        });
        const grid: WorkbookGrid = { sheets: before ? [...sheets, ...base.sheets] : [...base.sheets, ...sheets] };
        expectSameReading(grid);
      }),
      { numRuns: 60 },
    );
  });
});
