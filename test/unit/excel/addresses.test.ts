/** Addresses as Excel hands them to events, and formulas moved to another area's top-left cell. */
import { areaAddress, intersects, MAX_ROWS, parseArea, parseAreas } from "../../../src/excel/rangeAddress";
import { literalText } from "../../../src/excel/officeApply";
import { shiftFormula } from "../../../src/core/shiftFormula";

describe("range addresses", () => {
  test.each([
    ["D7", { top: 6, left: 3, bottom: 6, right: 3 }],
    ["$D$7:E9", { top: 6, left: 3, bottom: 8, right: 4 }],
    ["E9:D7", { top: 6, left: 3, bottom: 8, right: 4 }],
    ["A:B", { top: 0, left: 0, bottom: MAX_ROWS - 1, right: 1 }],
    ["3:5", { top: 2, left: 0, bottom: 4, right: 16383 }],
    ["'It''s'!B2", { sheet: "It's", top: 1, left: 1, bottom: 1, right: 1 }],
  ])("%s", (text, area) => {
    expect(parseArea(text)).toEqual(area);
  });

  test("not addresses", () => {
    for (const t of ["", "D", "7D", "A1:B2:C3", "XFE1", "A0", "IndeksSPBE_Ambang"])
      expect(parseArea(t)).toBeUndefined();
  });

  test("lists, round trips and overlaps", () => {
    const areas = parseAreas("D7:D16,D19:D22;'Kertas Kerja'!E7")!;
    expect(areas.map(areaAddress)).toEqual(["D7:D16", "D19:D22", "E7"]);
    expect(areaAddress(parseArea("A:B")!)).toBe("A:B");
    expect(areaAddress(parseArea("3:5")!)).toBe("3:5");
    expect(intersects(parseArea("D10")!, areas[0])).toBe(true);
    expect(intersects(parseArea("D17:D18")!, areas[0])).toBe(false);
    expect(intersects(parseArea("A:Z")!, areas[1])).toBe(true);
    expect(intersects(parseArea("17:18")!, areas[0])).toBe(false);
  });
});

describe("shifting a conditional format's formula to another area", () => {
  test.each([
    ["AND(ISNUMBER(D7),D7>=1,D7<IndeksSPBE_Ambang)", 12, 0, "AND(ISNUMBER(D19),D19>=1,D19<IndeksSPBE_Ambang)"],
    [
      "IF(ISBLANK(D7),FALSE,IF(ISNUMBER(D7),OR(D7<1,D7>5,D7<>INT(D7)),TRUE))",
      3,
      1,
      "IF(ISBLANK(E10),FALSE,IF(ISNUMBER(E10),OR(E10<1,E10>5,E10<>INT(E10)),TRUE))",
    ],
    ["D7<$B$6+D$7+$D7", 2, 2, "F9<$B$6+F$7+$D9"],
    ["D7=\"D7\"&'Sheet D7'!D7", 1, 0, "D8=\"D7\"&'Sheet D7'!D8"],
    ["AND(D7<IndeksSPBE2_Ambang,LOG10(D7)>0)", 1, 0, "AND(D8<IndeksSPBE2_Ambang,LOG10(D8)>0)"],
    ["D7", -7, 0, "#REF!"],
  ])("%s moved by (%i, %i)", (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });
});

describe("text written as text", () => {
  test.each([
    ["1", "'1"],
    ["3.5", "'3.5"],
    ["-", "'-"],
    ["=A1", "'=A1"],
    ["TRUE", "'TRUE"],
    ["#N/A", "'#N/A"],
    ["1/2", "'1/2"],
    ["Aspek 1", "Aspek 1"],
    ["–", "–"],
    ["Indeks / Index", "Indeks / Index"],
  ])("%s → %s", (text, written) => {
    expect(literalText(text)).toBe(written);
  });
});
