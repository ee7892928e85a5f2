import fc from "fast-check";
import { Framework } from "../../../src/core/framework";
import { add, compare, fromInt, Rational, rational, sub } from "../../../src/core/rational";
import { score } from "../../../src/core/scoring";
import { planTarget, PlanOptions, TargetPlan } from "../../../src/core/targetPlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { bestWithBudget, bruteForce, hundredths, SmallCase, smallCaseArb, smallFramework } from "./synthetic";

function planSmall(c: SmallCase): {
  f: Framework;
  values: Map<number, Rational>;
  options: PlanOptions;
  plan: TargetPlan;
} {
  const f = smallFramework(c.integerOnly, c.weights);
  const values = new Map(c.values.map((v, i) => [i + 1, hundredths(v)]));
  const caps = new Map<number, number>();
  c.caps.forEach((cap, i) => cap !== undefined && caps.set(i + 1, cap / 100));
  const options: PlanOptions = {
    target: c.target / 100,
    ...(c.integerOnly ? {} : { step: c.step / 100 }),
    outOfReach: c.outOfReach.flatMap((x, i) => (x ? [i + 1] : [])),
    caps,
  };
  const plan = planTarget(f, values, options);
  if (!plan.ok) throw new Error(`refused: ${plan.reason.en}`);
  return { f, values, options, plan };
}

/** Checks what any plan must satisfy, whatever its length: legal steps and honest indices. */
function checkPlanIsHonest(f: Framework, values: Map<number, Rational>, options: PlanOptions, plan: TargetPlan) {
  const out = new Set(options.outOfReach ?? []);
  const current = new Map(values);
  const step = plan.step;
  for (const s of plan.steps) {
    expect(out.has(s.indicator)).toBe(false);
    expect(s.from).toEqual(current.get(s.indicator));
    const cap = options.caps?.get(s.indicator);
    const limit = cap !== undefined && cap < 5 ? rational(BigInt(Math.round(cap * 100)), 100n) : f.levelMax;
    expect(compare(s.to, limit)).toBeLessThanOrEqual(0);
    if (s.partial) {
      expect(f.integerOnly).toBe(false);
      expect(s.to).toEqual(limit);
      expect(compare(sub(s.to, s.from), step)).toBeLessThan(0);
    } else {
      expect(s.to).toEqual(add(s.from, step));
    }
    current.set(s.indicator, s.to);
    const sc = score(f, current);
    expect(s.index).toEqual(sc.total.unrounded);
    expect(s.indexUnits).toBe(sc.total.units);
    expect(s.predicate).toBe(sc.predicate);
  }
  const end = score(f, current);
  expect(plan.index).toEqual(end.total.unrounded);
  expect(plan.indexUnits).toBe(end.total.units);
  expect(plan.reached).toBe(plan.indexUnits >= plan.targetUnits);
  // The plan stops as soon as it reaches the target: no step is wasted after it.
  plan.steps.slice(0, -1).forEach((s) => expect(s.indexUnits < plan.targetUnits).toBe(true));
}

describe("path to target on small frameworks, against brute force", () => {
  test("the plan is the shortest there is, and says unreachable exactly when it is", () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const { f, values, options, plan } = planSmall(c);
        checkPlanIsHonest(f, values, options, plan);
        const brute = bruteForce(c);
        if (brute.fewest === undefined) {
          expect(plan.reached).toBe(false);
          // Out of reach: the plan ends at the best index any combination of steps gives.
          expect(Number(plan.indexUnits)).toBe(brute.best);
        } else {
          expect(plan.reached).toBe(true);
          expect(plan.steps.length).toBe(brute.fewest);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("integer frameworks move one whole level per step; decimal ones by the chosen step or a last shorter one", () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const { plan } = planSmall(c);
        for (const s of plan.steps) {
          if (c.integerOnly) {
            expect(s.to).toEqual(add(s.from, fromInt(1)));
            expect(s.partial).toBe(false);
          }
        }
        // A partial step is the last one taken on its indicator.
        const partials = plan.steps.filter((s) => s.partial).map((s) => s.indicator);
        for (const id of partials) {
          const own = plan.steps.filter((s) => s.indicator === id);
          expect(own[own.length - 1].partial).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

function levelsArb(f: Framework): fc.Arbitrary<Map<number, Rational>> {
  const level = f.integerOnly
    ? fc.integer({ min: 1, max: 5 }).map((n) => fromInt(n))
    : fc.integer({ min: 100, max: 500 }).map((n) => hundredths(n));
  return fc.tuple(...f.indicators.map(() => level)).map((vs) => new Map(f.indicators.map((i, k) => [i.id, vs[k]])));
}

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))("path to target on the full %s model", (_id, f) => {
  test("a plan that says it reaches the target does, with legal steps, and no plan one step shorter reaches it", () => {
    const ids = f.indicators.map((i) => i.id);
    fc.assert(
      fc.property(
        levelsArb(f),
        fc.integer({ min: 100, max: 510 }),
        fc.subarray(ids, { maxLength: 6 }),
        fc.constantFrom(0.25, 0.1, 0.5, 0.3),
        (values, target, outOfReach, step) => {
          const options: PlanOptions = { target: target / 100, outOfReach, ...(f.integerOnly ? {} : { step }) };
          const plan = planTarget(f, values, options);
          if (!plan.ok) throw new Error(plan.reason.en);
          checkPlanIsHonest(f, values, options, plan);
          const best = (budget: number) =>
            bestWithBudget(f, values, f.integerOnly ? 1 : step, new Set(outOfReach), budget);
          if (plan.reached && plan.steps.length > 0) expect(best(plan.steps.length - 1) < target).toBe(true);
          // Out of reach, the plan takes every allowed step: no plan of as many does better.
          if (!plan.reached) expect(Number(plan.indexUnits)).toBe(best(plan.steps.length));
        },
      ),
      { numRuns: 100 },
    );
  });
});
