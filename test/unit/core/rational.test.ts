import {
  parseDecimal,
  fromNumber,
  roundHalfUpUnits,
  toFixed,
  rational,
  add,
  compare,
  decimalPlaces,
  toNumber,
} from "../../../src/core/rational";

describe("exact decimals", () => {
  test.each([
    ["3.495", 2, "3.50"],
    ["1.285", 2, "1.29"],
    ["1.284999", 2, "1.28"],
    ["2.594", 2, "2.59"],
    ["3.1925", 2, "3.19"],
    ["3.7495", 2, "3.75"],
    ["0.005", 2, "0.01"],
    ["5", 2, "5.00"],
  ])("%s rounds half-up to %s places as %s", (text, places, expected) => {
    expect(toFixed(parseDecimal(text)!, places)).toBe(expected);
  });

  test("binary floating point gets 1.285 wrong; the core does not", () => {
    expect((1.285).toFixed(2)).toBe("1.28");
    expect(toFixed(fromNumber(1.285)!, 2)).toBe("1.29");
  });

  test("a number is taken as the shortest decimal that round-trips it", () => {
    expect(fromNumber(0.1)).toEqual(rational(1n, 10n));
    expect(fromNumber(7 / 6)).toEqual(parseDecimal("1.1666666666666667"));
    expect(fromNumber(1e-7)).toEqual(rational(1n, 10000000n));
    expect(fromNumber(NaN)).toBeUndefined();
    expect(fromNumber(Infinity)).toBeUndefined();
  });

  test("parses what people type and refuses the rest", () => {
    expect(parseDecimal("3.")).toEqual(rational(3n));
    expect(parseDecimal(".5")).toEqual(rational(1n, 2n));
    expect(parseDecimal("-1.25")).toEqual(rational(-5n, 4n));
    expect(parseDecimal("2.5E+3")).toEqual(rational(2500n));
    for (const bad of ["", ".", "tiga", "3,5", "1e", "--1"]) expect(parseDecimal(bad)).toBeUndefined();
  });

  test("rounding of negative values is half away from zero", () => {
    expect(roundHalfUpUnits(parseDecimal("-0.565")!, 2)).toBe(-57n);
    expect(toFixed(parseDecimal("-0.564")!, 2)).toBe("-0.56");
  });

  test("arithmetic stays exact", () => {
    const third = rational(1n, 3n);
    expect(add(add(third, third), third)).toEqual(rational(1n));
    expect(compare(rational(1n, 3n), rational(333n, 1000n))).toBe(1);
    expect(decimalPlaces(parseDecimal("2.75")!)).toBe(2);
    expect(decimalPlaces(third)).toBeUndefined();
    expect(toNumber(parseDecimal("3.7495")!)).toBe(3.7495);
  });
});
