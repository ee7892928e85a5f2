/**
 * The fake evaluates formulas the way Excel does for what the write plan writes, so
 * the workbench's results sheet is live and the tests can compare it with the core.
 */
import { CellValue } from "../../../src/core/grid";
import { createFakeExcel } from "../../../src/fake-excel";

const kertas: CellValue[][] = [
  ["No", "Indikator", "Bobot", "Nilai"],
  [1, "a", 1.5, 3],
  [2, "b", 2.5, 4.5],
  [3, "c", 1, null],
  [4, "d", 2, "tiga"],
  [5, "e", 3, { error: "#N/A" }],
];

function evalIn(formula: string, extra: CellValue[][] = []): CellValue {
  const fake = createFakeExcel({
    sheets: [
      { name: "Kertas Kerja", values: kertas },
      { name: "Hasil", values: extra },
    ],
    names: { Ambang: "'Kertas Kerja'!$D$2" },
  });
  fake.workbook.setValue("Hasil", "Z1", formula);
  return fake.workbook.value("Hasil", "Z1");
}

describe("formula evaluation", () => {
  test.each<[string, CellValue]>([
    // arithmetic, precedence, concatenation
    ["=1+2*3", 7],
    ["=-2^2", 4],
    ['=(1+2)*3&"/47"', "9/47"],
    ["=10/4", 2.5],
    ["=1/0", { error: "#DIV/0!" }],
    ["=50%", 0.5],
    // references: relative, absolute, sheet-qualified, names
    ["='Kertas Kerja'!D2+'Kertas Kerja'!$D$3", 7.5],
    ["='Kertas Kerja'!D4", 0],
    ["=Ambang*2", 6],
    ["=Unknown", { error: "#NAME?" }],
    ["='Tidak Ada'!A1", { error: "#REF!" }],
    // the level-cell check the write plan writes
    [
      "=IF(ISNUMBER('Kertas Kerja'!D2),IF(AND('Kertas Kerja'!D2>=1,'Kertas Kerja'!D2<=5,'Kertas Kerja'!D2=INT('Kertas Kerja'!D2)),'Kertas Kerja'!D2,\"✗\"),IF(ISBLANK('Kertas Kerja'!D2),\"\",\"✗\"))",
      3,
    ],
    [
      "=IF(ISNUMBER('Kertas Kerja'!D3),IF(AND('Kertas Kerja'!D3>=1,'Kertas Kerja'!D3<=5,'Kertas Kerja'!D3=INT('Kertas Kerja'!D3)),'Kertas Kerja'!D3,\"✗\"),IF(ISBLANK('Kertas Kerja'!D3),\"\",\"✗\"))",
      "✗",
    ],
    ["=IF(ISNUMBER('Kertas Kerja'!D4),1,IF(ISBLANK('Kertas Kerja'!D4),\"\",\"✗\"))", ""],
    ["=IF(ISNUMBER('Kertas Kerja'!D5),1,IF(ISBLANK('Kertas Kerja'!D5),\"\",\"✗\"))", "✗"],
    ["=IF(ISNUMBER('Kertas Kerja'!D6),1,IF(ISBLANK('Kertas Kerja'!D6),\"\",\"✗\"))", "✗"],
    ["=ISBLANK('Kertas Kerja'!D4)", true],
    // arrays inside SUMPRODUCT, COUNT over a range with text, blanks and errors
    ["=SUMPRODUCT(ROUND('Kertas Kerja'!D2:D3*10,0),ROUND('Kertas Kerja'!$C$2:$C$3*10,0))", 30 * 15 + 45 * 25],
    ["=COUNT('Kertas Kerja'!D2:D6)", 2],
    ["=COUNT('Kertas Kerja'!D2:D6)&\"/5\"", "2/5"],
    ["=IF(COUNT('Kertas Kerja'!D2:D6)<5,\"–\",1)", "–"],
    ["=SUMPRODUCT('Kertas Kerja'!D2:D6,'Kertas Kerja'!C2:C6)", { error: "#N/A" }],
    ["=SUMPRODUCT('Kertas Kerja'!D2:D5,'Kertas Kerja'!C2:C5)", 3 * 1.5 + 4.5 * 2.5],
    ["=SUMPRODUCT('Kertas Kerja'!D2:D3,'Kertas Kerja'!C2:C4)", { error: "#VALUE!" }],
    // rounding as Excel does: half away from zero on the decimal digits shown
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ["=INT(-1.5)", -2],
    ["=ROUND(7/6*1000000000,0)", 1166666667],
    // comparisons: text against numbers, case, blanks
    ['="abc"="ABC"', true],
    ['="a">5', true],
    ["='Kertas Kerja'!D4=0", true],
    ["='Kertas Kerja'!D4=\"\"", true],
    ['="3"+1', 4],
    ['="tiga"+1', { error: "#VALUE!" }],
    ["=OR(FALSE,'Kertas Kerja'!D2>2)", true],
    ["=NOT(AND(TRUE,FALSE))", true],
    ['=IF(ISNUMBER(4.2),IF(4.2>=4.2,"Memuaskan","Baik"),"–")', "Memuaskan"],
    ['=IFERROR(1/0,"x")', "x"],
  ])("%s → %p", (formula, expected) => {
    expect(evalIn(formula)).toEqual(expected);
  });

  test("dependent formulas recalculate after a person's edit, across sheets", () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "Kertas Kerja", values: [[3], [4]] },
        { name: "Hasil", values: [[7, 14]], formulas: [["='Kertas Kerja'!A1+'Kertas Kerja'!A2", "=A1*2"]] },
        { name: "Sampul", values: [[14]], formulas: [["=Hasil!B1"]] },
      ],
    });
    fake.workbook.setValue("Kertas Kerja", "A2", 5);
    expect(fake.workbook.value("Hasil", "A1")).toBe(8);
    expect(fake.workbook.value("Sampul", "A1")).toBe(16);
    fake.workbook.setValue("Kertas Kerja", "A2", "");
    expect(fake.workbook.value("Sampul", "A1")).toBe(6);
  });

  test("a formula the fake cannot evaluate keeps the value it was opened with", () => {
    const fake = createFakeExcel({
      sheets: [{ name: "S", values: [[1, 42]], formulas: [[null, "=XLOOKUP(1,A1,A1)"]] }],
    });
    expect(fake.workbook.value("S", "B1")).toBe(42);
    expect(fake.workbook.formula("S", "B1")).toBe("=XLOOKUP(1,A1,A1)");
  });

  test("a circular reference shows 0, as Excel does", () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[0, 0]], formulas: [["=B1+1", "=A1+1"]] }] });
    expect([fake.workbook.value("S", "A1"), fake.workbook.value("S", "B1")]).toContain(1);
  });

  test("number formats shape what a cell shows", () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[3.745, 1 / 3, 1.2]] }] });
    expect(fake.workbook.cell("S", "A1").text).toBe("3.745");
    expect(fake.workbook.cell("S", "B1").text).toBe("0.333333333");
    return fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:C1").numberFormat = [["0.00", "0.00", "0"]];
      await ctx.sync();
      expect(fake.workbook.cell("S", "A1").text).toBe("3.75");
      expect(fake.workbook.cell("S", "B1").text).toBe("0.33");
      expect(fake.workbook.cell("S", "C1").text).toBe("1");
    });
  });
});
