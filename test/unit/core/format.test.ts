import { columnTitle, hundredthsNumber, hundredthsText, pad } from "../../../src/core/format";

describe("a level column's title, the same in the workbook, the command line and the pane", () => {
  test.each([
    [{ letter: "E", header: "Nilai Asesor" }, "Nilai Asesor (E)"],
    [{ letter: "J", header: "" }, "J"],
    [{ letter: "J", header: "J" }, "J"],
    [{ letter: "J" }, "J"],
    [{ letter: "F", header: "Nilai\nAsesor  (final) " }, "Nilai Asesor (final) (F)"],
  ])("%o → %s", (column, title) => {
    expect(columnTitle(column)).toBe(title);
  });
});

describe("an index in hundredths", () => {
  test.each([
    [319n, "3.19", 3.19],
    [300n, "3.00", 3],
    [5n, "0.05", 0.05],
    [0n, "0.00", 0],
    [-56n, "-0.56", -0.56],
    [500n, "5.00", 5],
  ])("%s", (units, text, number) => {
    expect(hundredthsText(units)).toBe(text);
    expect(hundredthsNumber(units)).toBe(number);
  });

  test("no index stays no index", () => {
    expect(hundredthsNumber(null)).toBeNull();
  });
});

test("pad widens and never cuts", () => {
  expect(pad("ab", 4)).toBe("ab  ");
  expect(pad("abcdef", 4)).toBe("abcdef");
});
