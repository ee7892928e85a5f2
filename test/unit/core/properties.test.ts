import fc from "fast-check";
import { score } from "../../../src/core/scoring";
import { analyze } from "../../../src/core/analyze";
import { Framework } from "../../../src/core/framework";
import { add, compare, div, fromInt, mul, Rational, rational, ZERO } from "../../../src/core/rational";
import { CellValue } from "../../../src/core/grid";
import { FRAMEWORKS } from "../../../src/frameworks";

/** Level values a framework accepts: whole levels, or decimals in hundredths. */
function levelArb(f: Framework): fc.Arbitrary<Rational> {
  return f.integerOnly
    ? fc.integer({ min: 1, max: 5 }).map((n) => fromInt(n))
    : fc.integer({ min: 100, max: 500 }).map((n) => rational(BigInt(n), 100n));
}

function levelsArb(f: Framework): fc.Arbitrary<Map<number, Rational>> {
  return fc
    .tuple(...f.indicators.map(() => levelArb(f)))
    .map((vs) => new Map(f.indicators.map((i, k) => [i.id, vs[k]])));
}

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s invariants", (_id, f) => {
  test("every index stays within the level range", () => {
    fc.assert(
      fc.property(levelsArb(f), (lv) => {
        const s = score(f, lv);
        for (const g of [s.total, ...s.domains, ...s.aspects]) {
          expect(compare(g.unrounded!, f.levelMin)).toBeGreaterThanOrEqual(0);
          expect(compare(g.unrounded!, f.levelMax)).toBeLessThanOrEqual(0);
          expect(g.units! >= 100n && g.units! <= 500n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("raising one level never lowers any index", () => {
    fc.assert(
      fc.property(levelsArb(f), fc.integer({ min: 0, max: f.indicators.length - 1 }), (lv, k) => {
        const id = f.indicators[k].id;
        const before = score(f, lv);
        const raised = new Map(lv);
        const up = add(lv.get(id)!, f.integerOnly ? fromInt(1) : rational(1n, 4n));
        raised.set(id, compare(up, f.levelMax) > 0 ? f.levelMax : up);
        const after = score(f, raised);
        const pairs = [
          [before.total, after.total],
          ...before.domains.map((d, i) => [d, after.domains[i]]),
          ...before.aspects.map((a, i) => [a, after.aspects[i]]),
        ];
        for (const [b, a] of pairs) {
          expect(compare(a.unrounded!, b.unrounded!)).toBeGreaterThanOrEqual(0);
          expect(a.units! >= b.units!).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("the unrounded total is the weighted sum of the unrounded groups", () => {
    fc.assert(
      fc.property(levelsArb(f), (lv) => {
        const s = score(f, lv);
        const groups = f.domains.length ? f.domains : f.aspects;
        const scores = f.domains.length ? s.domains : s.aspects;
        let sum: Rational = ZERO;
        groups.forEach((g, i) => (sum = add(sum, mul(scores[i].unrounded!, g.weight))));
        expect(div(sum, f.totalWeight)).toEqual(s.total.unrounded);
      }),
      { numRuns: 200 },
    );
  });

  test("scoring never throws, whatever the cells hold", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.integer({ min: -10, max: 10 }),
      fc.string(),
      fc.boolean(),
      fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }, { error: "#DIV/0!" }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: f.indicators.length, maxLength: f.indicators.length }), (cells) => {
        const values: CellValue[][] = [
          ["No", "Indikator", "Nilai"],
          ...f.indicators.map((ind, k) => [ind.code, ind.name, cells[k]]),
        ];
        const a = analyze({ sheets: [{ name: "S", values }] }, FRAMEWORKS);
        expect(a.tables).toHaveLength(1);
        const asm = a.tables[0].assessments[0];
        // complete exactly when no cell has a problem; never a silent number otherwise
        expect(asm.complete).toBe(asm.issues.length === 0);
        if (!asm.complete) expect(asm.scores.total.units).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
