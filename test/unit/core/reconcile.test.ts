import fc from "fast-check";
import { analyze } from "../../../src/core/analyze";
import { Framework } from "../../../src/core/framework";
import { add, compare, fromInt, fromNumber, rational, Rational, sub, ZERO } from "../../../src/core/rational";
import { reconcile, reconcileTable } from "../../../src/core/reconcile";
import { score } from "../../../src/core/scoring";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import {
  ACEH_VALUES,
  DENPASAR_FINAL,
  DENPASAR_SELF,
  englishShuffled,
  PEMDI,
  SPBE,
  standardSpbe,
} from "../../fixtures/templates";

const levels = (r: Record<number, number>) => new Map(Object.entries(r).map(([k, v]) => [Number(k), fromInt(v)]));
const sum = (xs: Rational[]) => xs.reduce((s, x) => add(s, x), ZERO);
const abs = (x: Rational) => (x.num < 0n ? { num: -x.num, den: x.den } : x);

describe("self (3.75) against final (3.19), Denpasar 2021", () => {
  const r = reconcile(SPBE, levels(DENPASAR_SELF), levels(DENPASAR_FINAL));

  test("the gap is 3.1925 − 3.7495 = −0.557 exactly, −0.56 as displayed", () => {
    expect(r.gap).toEqual(rational(-557n, 1000n));
    expect(r.gapUnits).toBe(-56n);
    expect(r.unmatched).toEqual([]);
  });

  test("the impacts of the differing rows add up exactly to the gap", () => {
    expect(r.differences).toHaveLength(29);
    expect(sum(r.differences.map((d) => d.impact))).toEqual(r.gap);
  });

  test("rows are ranked by the size of their impact; the largest moves the index by 0.055", () => {
    const top = r.differences
      .slice(0, 4)
      .map((d) => [d.indicator, Number(d.levels[0].num), Number(d.levels[1].num), d.impact]);
    expect(top).toEqual([
      [40, 5, 3, rational(-55n, 1000n)],
      [11, 4, 2, rational(-5n, 100n)],
      [12, 4, 2, rational(-5n, 100n)],
      [20, 5, 3, rational(-5n, 100n)],
    ]);
    for (let k = 1; k < r.differences.length; k++)
      expect(compare(abs(r.differences[k - 1].impact), abs(r.differences[k].impact))).toBeGreaterThanOrEqual(0);
    // Rows where the assessor gave more than the agency claimed count too, with a positive impact.
    expect(r.differences.find((d) => d.indicator === 1)?.impact).toEqual(rational(26n, 1000n));
  });

  test("by domain and by aspect, each adding up to the gap", () => {
    expect(r.domains.map((d) => [d.id, d.impact, d.differences])).toEqual([
      [1, rational(-52n, 1000n), 9],
      [2, rational(-125n, 1000n), 6],
      [3, rational(-12n, 100n), 6],
      [4, rational(-26n, 100n), 8],
    ]);
    expect(sum(r.domains.map((d) => d.impact))).toEqual(r.gap);
    expect(r.aspects.map((a) => a.impact)).toEqual(
      ["-0.052", "-0.075", "0", "-0.05", "-0.09", "-0.03", "-0.11", "-0.15"].map((s) => fromNumber(Number(s))),
    );
    expect(sum(r.aspects.map((a) => a.impact))).toEqual(r.gap);
  });

  test("on the worksheet: first level column against the last, with both cells", () => {
    const table = analyze(workbookGrid(standardSpbe()), FRAMEWORKS).tables[0];
    const t = reconcileTable(table)!;
    expect(t.columns).toEqual(["D", "E"]);
    expect(t.gap).toEqual(r.gap);
    expect(t.differences[0].cells).toEqual(["D55", "E55"]);
  });

  test("a table with one level column has nothing to reconcile", () => {
    expect(reconcileTable(analyze(workbookGrid(englishShuffled()), FRAMEWORKS).tables[0])).toBeUndefined();
  });

  test("a value missing on one side: that row is left out and no total gap is claimed", () => {
    const self = levels(DENPASAR_SELF);
    self.delete(40);
    const partial = reconcile(SPBE, self, levels(DENPASAR_FINAL));
    expect(partial.unmatched).toEqual([40]);
    expect(partial.gap).toBeNull();
    expect(partial.gapUnits).toBeNull();
    expect(partial.differences.some((d) => d.indicator === 40)).toBe(false);
  });
});

test("Pemdi: no domains, the aspects carry the whole gap", () => {
  const assessor = new Map<number, Rational>(Object.entries(ACEH_VALUES).map(([k, v]) => [Number(k), fromNumber(v)!]));
  assessor.set(13, rational(7n, 6n));
  const self = new Map(assessor);
  self.set(20, fromInt(3)); // weight 15
  self.set(13, fromNumber(1.5)!); // weight 5
  const r = reconcile(PEMDI, self, assessor);
  expect(r.domains).toEqual([]);
  expect(r.differences.map((d) => d.code)).toEqual(["I20", "I13"]);
  expect(r.differences[0].impact).toEqual(rational(-255n, 1000n)); // (1.30 − 3) × 15 / 100
  expect(r.differences[1].impact).toEqual(rational(-1n, 60n)); // (7/6 − 3/2) × 5 / 100
  expect(sum(r.aspects.map((a) => a.impact))).toEqual(r.gap);
  expect(r.gap).toEqual(sub(score(PEMDI, assessor).total.unrounded!, score(PEMDI, self).total.unrounded!));
});

function levelsArb(f: Framework): fc.Arbitrary<Map<number, Rational>> {
  const level = f.integerOnly
    ? fc.integer({ min: 1, max: 5 }).map((n) => fromInt(n))
    : fc.integer({ min: 100, max: 500 }).map((n) => rational(BigInt(n), 100n));
  return fc.tuple(...f.indicators.map(() => level)).map((vs) => new Map(f.indicators.map((i, k) => [i.id, vs[k]])));
}

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s reconciliation invariants", (_id, f) => {
  test("impacts, domain shares and aspect shares each add up exactly to the difference of the unrounded indices", () => {
    fc.assert(
      fc.property(levelsArb(f), levelsArb(f), (a, b) => {
        const r = reconcile(f, a, b);
        const gap = sub(score(f, b).total.unrounded!, score(f, a).total.unrounded!);
        expect(r.gap).toEqual(gap);
        expect(sum(r.differences.map((d) => d.impact))).toEqual(gap);
        expect(sum(r.aspects.map((g) => g.impact))).toEqual(gap);
        if (f.domains.length) expect(sum(r.domains.map((g) => g.impact))).toEqual(gap);
        expect(r.gapUnits).toBe(score(f, b).total.units! - score(f, a).total.units!);
        for (let k = 1; k < r.differences.length; k++)
          expect(compare(abs(r.differences[k - 1].impact), abs(r.differences[k].impact))).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});
