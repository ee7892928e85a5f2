/**
 * Small made-up frameworks (2–4 indicators) for checking the planner against brute
 * force, and a brute-force planner that shares no code with the real one: it works in
 * integer hundredths and tenths and tries every combination of step counts.
 */
import fc from "fast-check";
import { compileFramework, Framework, FrameworkData } from "../../../src/core/framework";
import { rational, Rational } from "../../../src/core/rational";

export interface SmallCase {
  integerOnly: boolean;
  /** weights in tenths (13 for 1.3) */
  weights: number[];
  /** values in hundredths (325 for 3.25) */
  values: number[];
  /** step in hundredths */
  step: number;
  /** per indicator: highest value in hundredths, or undefined for none */
  caps: (number | undefined)[];
  outOfReach: boolean[];
  /** target in hundredths */
  target: number;
}

export function smallFramework(integerOnly: boolean, weights: number[]): Framework {
  // Two aspects when there are enough indicators, so grouping is exercised too.
  const split = weights.length >= 3 ? 2 : weights.length;
  const ind = weights.map((w, k) => ({
    id: k + 1,
    code: `X${k + 1}`,
    name: `Indikator ${k + 1}`,
    en: `Indicator ${k + 1}`,
    weight: w / 10,
  }));
  const groups = [ind.slice(0, split), ind.slice(split)].filter((g) => g.length > 0);
  const data: FrameworkData = {
    id: `small-${integerOnly ? "int" : "dec"}`,
    title: "Kecil",
    titleEn: "Small",
    shortName: "Kecil",
    regulation: "",
    status: null,
    sources: [],
    levels: { min: 1, max: 5, integerOnly, names: [] },
    lowScoreBelow: 3,
    predicates: [
      { name: "Memuaskan", en: "Satisfactory", min: 4.2 },
      { name: "Baik", en: "Good", min: 2.6 },
      { name: "Kurang", en: "Poor", min: 1 },
    ],
    domains: [],
    aspects: groups.map((g, k) => ({
      id: k + 1,
      name: `Aspek ${k + 1}`,
      en: `Aspect ${k + 1}`,
      weight: g.reduce((s, i) => s + i.weight * 10, 0) / 10,
      indicators: g,
    })),
  };
  return compileFramework(data);
}

export const smallCaseArb: fc.Arbitrary<SmallCase> = fc
  .record({ integerOnly: fc.boolean(), n: fc.integer({ min: 2, max: 4 }) })
  .chain(({ integerOnly, n }) => {
    const value = integerOnly ? fc.integer({ min: 1, max: 5 }).map((l) => l * 100) : fc.integer({ min: 100, max: 500 });
    const cap = integerOnly ? fc.integer({ min: 1, max: 5 }).map((l) => l * 100) : fc.integer({ min: 100, max: 500 });
    // Fine steps only with few indicators, so brute force stays small.
    const steps = integerOnly ? [100] : n <= 3 ? [10, 25, 30, 50, 75, 100, 125] : [25, 30, 50, 75, 100, 125];
    return fc.record({
      integerOnly: fc.constant(integerOnly),
      weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n, maxLength: n }),
      values: fc.array(value, { minLength: n, maxLength: n }),
      step: fc.constantFrom(...steps),
      caps: fc.array(fc.option(cap, { nil: undefined, freq: 3 }), { minLength: n, maxLength: n }),
      outOfReach: fc
        .array(fc.boolean(), { minLength: n, maxLength: n })
        .map((xs) => xs.map((x, k) => x && k % 2 === 0)),
      target: fc.integer({ min: 90, max: 520 }),
    });
  });

export function hundredths(n: number): Rational {
  return rational(BigInt(n), 100n);
}

/** The smallest number of steps that reaches the target, or undefined when none does; and the best index in hundredths. */
export function bruteForce(c: SmallCase): { fewest: number | undefined; best: number } {
  const n = c.weights.length;
  const limits = c.values.map((v, i) => (c.outOfReach[i] ? v : Math.max(v, Math.min(500, c.caps[i] ?? 500))));
  const counts = c.values.map((v, i) => {
    const span = limits[i] - v;
    return Math.floor(span / c.step) + (!c.integerOnly && span % c.step !== 0 ? 1 : 0);
  });
  const W = c.weights.reduce((s, w) => s + w, 0);
  const shown = (sum: number) => Math.floor((2 * sum + W) / (2 * W)); // half-up hundredths
  let fewest: number | undefined;
  let best = 0;
  const k = new Array<number>(n).fill(0);
  for (;;) {
    let sum = 0;
    let steps = 0;
    for (let i = 0; i < n; i++) {
      sum += Math.min(c.values[i] + k[i] * c.step, limits[i]) * c.weights[i];
      steps += k[i];
    }
    const units = shown(sum);
    best = Math.max(best, units);
    if (units >= c.target && (fewest === undefined || steps < fewest)) fewest = steps;
    let i = 0;
    while (i < n && k[i] === counts[i]) k[i++] = 0;
    if (i === n) break;
    k[i]++;
  }
  return { fewest, best };
}

/**
 * For a whole framework, too big to brute-force: the highest displayed index (hundredths)
 * any plan of at most `budget` steps can give, by dynamic programming over indicators
 * and step counts, in integers (values in hundredths, weights in hundredths).
 */
export function bestWithBudget(
  f: Framework,
  values: ReadonlyMap<number, Rational>,
  step: number,
  outOfReach: ReadonlySet<number>,
  budget: number,
): number {
  const toHundredths = (r: Rational) => Number((r.num * 100n) / r.den);
  const s = Math.round(step * 100);
  let W = 0;
  let S = 0;
  let best = new Array<number>(budget + 1).fill(0); // best[b]: most gain with b steps at most
  for (const ind of f.indicators) {
    const w = Math.round(ind.weightNumber * 100);
    const v = toHundredths(values.get(ind.id)!);
    W += w;
    S += v * w;
    if (outOfReach.has(ind.id)) continue;
    const span = 500 - v;
    const count = Math.floor(span / s) + (!f.integerOnly && span % s !== 0 ? 1 : 0);
    const next = best.slice();
    for (let b = 0; b <= budget; b++) {
      for (let k = 1; k <= Math.min(count, b); k++) {
        const g = best[b - k] + Math.min(k * s, span) * w;
        if (g > next[b]) next[b] = g;
      }
    }
    best = next;
  }
  return Math.floor((2 * (S + best[budget]) + W) / (2 * W));
}
