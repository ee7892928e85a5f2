/**
 * Path to target on the full models: the Denpasar 2021 final levels (SPBE 2020, 47
 * indicators) and the Aceh Tengah 2026 values (Pemdi, 20 indicators, step 0.25 and a
 * fine 0.05), for targets across the range; the finest step allowed from the bottom;
 * and reconciliation of two columns.
 */
import { Framework } from "../src/core/framework";
import { fromInt, fromNumber, rational, Rational } from "../src/core/rational";
import { reconcile } from "../src/core/reconcile";
import { planTarget, PlanOptions } from "../src/core/targetPlan";
import { ACEH_VALUES, DENPASAR_FINAL, DENPASAR_SELF, PEMDI, SPBE } from "../test/fixtures/templates";
import { time } from "./core";

const TARGETS = [1.5, 2.6, 3.5, 3.7, 4.2, 4.99, 5.1];

function line(
  label: string,
  f: Framework,
  values: Map<number, Rational>,
  extra: Omit<PlanOptions, "target"> = {},
): string {
  const parts = TARGETS.map((target) => {
    const plan = planTarget(f, values, { target, ...extra });
    const steps = plan.ok ? plan.steps.length : 0;
    const ms = time(() => planTarget(f, values, { target, ...extra }), 50, 5);
    return { target, ms, steps };
  });
  const worst = Math.max(...parts.map((p) => p.ms));
  return `plan, ${label}: ${parts.map((p) => `${p.target.toFixed(2)}→${p.steps} steps ${p.ms.toFixed(2)} ms`).join(", ")}; slowest ${worst.toFixed(2)} ms (aim < 10 ms)`;
}

export function benchTools(): string[] {
  const denpasar = new Map(Object.entries(DENPASAR_FINAL).map(([k, v]) => [Number(k), fromInt(v)]));
  const self = new Map(Object.entries(DENPASAR_SELF).map(([k, v]) => [Number(k), fromInt(v)]));
  const aceh = new Map<number, Rational>(Object.entries(ACEH_VALUES).map(([k, v]) => [Number(k), fromNumber(v)!]));
  aceh.set(13, rational(7n, 6n));
  const floor = new Map(PEMDI.indicators.map((i) => [i.id, fromInt(1)]));
  const worst = time(() => planTarget(PEMDI, floor, { target: 5, step: 0.01 }), 10, 2);
  const rec = time(() => reconcile(SPBE, self, denpasar), 200, 20);
  return [
    line("SPBE 2020, Denpasar 2021 final (3.19)", SPBE, denpasar),
    line("Pemdi 2026, Aceh Tengah (1.24), step 0.25", PEMDI, aceh),
    line("Pemdi 2026, Aceh Tengah (1.24), step 0.05", PEMDI, aceh, { step: 0.05 }),
    `plan, worst case: Pemdi with every value 1.00 to 5.00 in steps of 0.01 (8,000 steps): ${worst.toFixed(1)} ms`,
    `reconciliation, Denpasar 2021 self against final (47 indicators): ${(rec * 1000).toFixed(0)} µs median`,
  ];
}
