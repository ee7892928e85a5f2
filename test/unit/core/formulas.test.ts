/**
 * The level rule and the workbook formulas that mirror it agree on every kind of cell.
 * The formulas are evaluated here by the fake Excel's evaluator (Excel's semantics as
 * modelled); test/e2e/libreoffice.test.ts checks the same cells in LibreOffice.
 */
import { CellValue } from "../../../src/core/grid";
import { levelMirrorFormula, levelOf, lowLevelFormula, mirrorOf, notALevelFormula } from "../../../src/core/formulas";
import { checkLevel, textLevel } from "../../../src/core/validation";
import { cellResult, evaluate } from "../../../src/fake-excel/formula/evaluate";
import { parseFormula } from "../../../src/fake-excel/formula/parse";
import { FRAMEWORKS } from "../../../src/frameworks";

/** Every kind of cell a level column meets. */
const CELLS: [string, CellValue][] = [
  ["blank", null],
  ["level 1", 1],
  ["level 5", 5],
  ["level 3 (also a 3 formatted as a date: the cell holds 3)", 3],
  ["zero", 0],
  ["six", 6],
  ["negative", -1],
  ["half", 3.5],
  ["Pemdi decimal", 1.1666666666666667],
  ["a year", 2025],
  ["TRUE", true],
  ["FALSE", false],
  ["number as text", "3"],
  ["text level", "Level 3"],
  ["text level with name", "3 - Terdefinisi"],
  ["level name", "Terdefinisi"],
  ["spaces", "   "],
  ["a mark", "✓"],
  ["#N/A", { error: "#N/A" }],
  ["#REF!", { error: "#REF!" }],
];

function evalOn(formula: string, v: CellValue, below: CellValue = null): CellValue {
  const node = parseFormula(formula.replace(/^=/, ""));
  const host = {
    cell: (_s: string, row: number, col: number) => (col !== 0 ? null : row === 0 ? v : row === 1 ? below : null),
    name: () => parseFormula("3"),
  };
  return cellResult(evaluate(node, { host, sheet: "S", dRow: 0, dCol: 0 }));
}

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s: one rule for a level", (_id, f) => {
  const ind = f.indicators[0];
  test.each(CELLS)("%s", (_what, v) => {
    const check = checkLevel(f, ind, v);
    const mirror = mirrorOf(f, v);
    // the tool accepts exactly what the formula passes on as a number
    expect(check.ok).toBe(typeof mirror === "number");
    if (check.ok) expect(levelOf(f, v)).toEqual(check.value);
    // and the formula, evaluated, shows what the core says it shows
    expect(evalOn(levelMirrorFormula(f, "$A$1"), v)).toEqual(mirror);
    // the red highlight marks exactly the cells the mirror rejects
    expect(evalOn(notALevelFormula(f, "A1"), v)).toBe(mirror === "✗");
    // the low-score highlight never marks what is not a level
    if (evalOn(lowLevelFormula(f, "A1", "Ambang"), v) === true) expect(typeof mirror).toBe("number");
  });
});

describe("an indicator listed twice: the mirror shows its level only when both rows hold the same", () => {
  const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
  test.each([
    [3, 3],
    [3, 4],
    [null, null],
    [null, 3],
    [3, null],
    [3, "3"],
    ["Level 3", "Level 3"],
    [true, true],
    [{ error: "#N/A" }, { error: "#N/A" }],
    [{ error: "#N/A" }, 3],
  ] as [CellValue, CellValue][])("%p and %p", (first, repeat) => {
    expect(evalOn(levelMirrorFormula(spbe, "$A$1", ["$A$2"]), first, repeat)).toEqual(mirrorOf(spbe, first, [repeat]));
  });
});

describe("levels written as text are read for their meaning, never counted", () => {
  const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
  test.each([
    ["Level 3", 3],
    ["level 3", 3],
    ["Tingkat 3", 3],
    ["3 - Terdefinisi", 3],
    ["3. Terdefinisi", 3],
    ["Level 3 — Terdefinisi", 3],
    ["Terdefinisi", 3],
    ["Rintisan 1", 1],
    ["Terpadu dan Terukur", 4],
    ["4 - Terpadu dan Terukur", 4],
    ["Transaksi", 3],
    ["Optimum", 5],
    ["Level 3 - Terkelola", undefined],
    ["Level 7", undefined],
    ["3", undefined],
    ["Penilaian mandiri level: 2", undefined],
    ["tiga", undefined],
  ] as [string, number | undefined][])("%s → %s", (text, level) => {
    expect(textLevel(spbe, text)).toBe(level);
    const check = checkLevel(spbe, spbe.indicators[0], text);
    expect(check.ok).toBe(false);
    if (level !== undefined && !check.ok) {
      expect(check.code).toBe("level-as-text");
      expect(check.en).toContain(`type the number ${level}`);
    }
  });
});

describe("a number in a problem is written the way each language writes it", () => {
  const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
  test.each([
    [3.5, "3,5 bukan bilangan bulat", "3.5 is not a whole number"],
    [6, "6 di luar rentang 1–5", "6 is outside the range 1–5"],
    [-0.25, "-0,25 bukan bilangan bulat", "-0.25 is not a whole number"],
  ])("%s", (v, id, en) => {
    const check = checkLevel(spbe, spbe.indicators[0], v);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.id.startsWith(id)).toBe(true);
    expect(check.en.startsWith(en)).toBe(true);
  });
});
