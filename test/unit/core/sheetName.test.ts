/**
 * Excel's sheet-name rules, and the results sheet's name under them for both
 * frameworks: within 31 characters, no forbidden character, unique ignoring case, and
 * the same sheet found again on the next plan.
 */
import fc from "fast-check";
import { analyze } from "../../../src/core/analyze";
import { WorkbookGrid } from "../../../src/core/grid";
import {
  cleanSheetName,
  fitSheetName,
  pickSheetName,
  sameSheetName,
  SHEET_NAME_MAX,
  sheetNameProblem,
} from "../../../src/core/sheetName";
import { buildWritePlan } from "../../../src/core/writePlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { pemdiGrid, spbeGrid } from "../taskpane/grids";

describe("Excel's rules for a sheet name", () => {
  it.each([
    ["Kertas Kerja", undefined],
    ["", "empty"],
    ["   ", "empty"],
    ["x".repeat(31), undefined],
    ["x".repeat(32), "too-long"],
    ["Nilai [2024]", "forbidden-character"],
    ["a:b", "forbidden-character"],
    ["a*b", "forbidden-character"],
    ["a?b", "forbidden-character"],
    ["a/b", "forbidden-character"],
    ["a\\b", "forbidden-character"],
    ["'Nilai", "apostrophe"],
    ["Nilai'", "apostrophe"],
    ["Nilai's", undefined],
    ["History", "reserved"],
    ["HISTORY", "reserved"],
  ])("%j → %s", (name, problem) => {
    expect(sheetNameProblem(name)).toBe(problem);
  });

  it("compares names ignoring case", () => {
    expect(sameSheetName("Indeks SPBE", "INDEKS spbe")).toBe(true);
    expect(sameSheetName("Indeks SPBE", "Indeks SPBE 2")).toBe(false);
  });

  it("cleans forbidden characters and apostrophes at either end", () => {
    expect(cleanSheetName("'Nilai [2024]: akhir?'")).toBe("Nilai 2024 akhir");
  });

  it("shortens the base, never the suffix", () => {
    expect(fitSheetName("Indeks Pemerintah Digital", " (hasil)")).toBe("Indeks Pemerintah Digit (hasil)");
    expect(fitSheetName("Indeks Pemerintah Digital", " (hasil)")).toHaveLength(SHEET_NAME_MAX);
    expect(fitSheetName("Indeks Pemerintah Digital", " (hasil 12)")).toBe("Indeks Pemerintah Di (hasil 12)");
  });

  it("never cuts a character made of two UTF-16 units in half", () => {
    const name = fitSheetName("a".repeat(29) + "😀😀");
    expect(name).toBe("a".repeat(29) + "😀");
  });

  it("any text fitted to a name is one Excel accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 12 }), (base, suffix) => {
        const name = fitSheetName(base, suffix);
        expect(sheetNameProblem(name) ?? "ok").toMatch(/ok|reserved/);
      }),
    );
  });

  it("picks the first free name, the same every time", () => {
    const taken = ["Indeks Pemerintah Digital", "indeks pemerintah digit (hasil)"];
    const free = (n: string) => !taken.some((t) => sameSheetName(t, n));
    const suffix = (n: number) => (n === 0 ? "" : n === 1 ? " (hasil)" : ` (hasil ${n})`);
    expect(pickSheetName("Indeks Pemerintah Digital", suffix, free)).toBe("Indeks Pemerintah Dig (hasil 2)");
    expect(pickSheetName("Indeks Pemerintah Digital", suffix, free)).toBe("Indeks Pemerintah Dig (hasil 2)");
  });

  it("gives up instead of looping when the suffix adds nothing", () => {
    expect(() =>
      pickSheetName(
        "Nilai",
        () => "",
        () => false,
      ),
    ).toThrow();
  });
});

function renamed(grid: WorkbookGrid, name: string): WorkbookGrid {
  return { ...grid, sheets: grid.sheets.map((s, k) => (k === grid.sheets.length - 1 ? { ...s, name } : s)) };
}

/** The workbook after the plan's sheets are added with their results, as the hosts write them. */
function withResults(grid: WorkbookGrid): { grid: WorkbookGrid; sheets: string[] } {
  const plan = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
  const sheets = grid.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const name of plan.sheets) if (!sheets.some((s) => s.name === name)) sheets.push({ name, values: [] });
  for (const c of plan.cells) {
    const s = sheets.find((x) => x.name === c.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    while (s.values.length <= row) s.values.push([]);
    s.values[row][col] = c.formula ? (c.result ?? null) : (c.value ?? null);
  }
  return { grid: { ...grid, sheets }, sheets: plan.sheets };
}

describe("the results sheet's name", () => {
  it.each([
    ["SPBE", spbeGrid(), "Indeks SPBE"],
    ["Pemdi", pemdiGrid(), "Indeks Pemerintah Digital"],
  ])(
    "%s: a sheet already named after the framework gets a results sheet within Excel's rules, found again next time",
    (_, grid, title) => {
      const own = renamed(grid, title);
      const first = withResults(own);
      expect(first.sheets).toHaveLength(1);
      const [name] = first.sheets;
      expect(sheetNameProblem(name)).toBeUndefined();
      expect(own.sheets.some((s) => sameSheetName(s.name, name))).toBe(false);
      const again = withResults(first.grid);
      expect(again.sheets).toEqual([name]);
      expect(again.grid.sheets).toHaveLength(first.grid.sheets.length);
    },
  );

  it("a person's sheet that differs only in case is not taken over", () => {
    const grid = renamed(pemdiGrid(), "Data");
    grid.sheets.push({ name: "INDEKS PEMERINTAH DIGITAL", values: [["catatan pribadi"]] });
    const { sheets } = withResults(grid);
    expect(sheets[0]).not.toMatch(/^indeks pemerintah digital$/i);
    expect(sheetNameProblem(sheets[0])).toBeUndefined();
  });
});
