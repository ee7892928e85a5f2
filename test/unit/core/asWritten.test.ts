/** Weights as templates type them, read in the regulation's unit (percent of the index). */
import { writtenWeight } from "../../../src/core/asWritten";
import { CellValue } from "../../../src/core/grid";
import { toNumber } from "../../../src/core/rational";

describe("a weight as written", () => {
  test.each<[CellValue, number | undefined]>([
    [5, 5],
    ["5%", 5],
    ["5 %", 5],
    ["0,05", 5],
    [0.05, 5],
    ["4%", 4],
    ["2,75", 2.75],
    ["2,75%", 2.75],
    [1.3, 1.3],
    ["lima", undefined],
    ["", undefined],
    [null, undefined],
    [true, undefined],
    [{ error: "#REF!" }, undefined],
  ])("%p → %p", (v, expected) => {
    const w = writtenWeight(v);
    expect(w === undefined ? undefined : toNumber(w)).toBe(expected);
  });
});
