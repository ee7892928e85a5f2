/**
 * Path to target: the fewest one-step raises that bring an assessment's displayed
 * index up to a target.
 *
 * Why greedy is optimal: every step of size s on indicator i adds w_i·s / W to the
 * index, whatever level it starts from. Along one indicator the steps are all full
 * steps, then at most one shorter step up to its limit, so each indicator's gains never
 * increase. The k best steps overall are therefore always a prefix of each indicator's
 * chain, which makes "take the largest remaining gain" reach the most index with any
 * given number of steps; the first prefix that reaches the target is the shortest plan.
 * The tests check this against brute force.
 */
import type { Assessment, TableAnalysis } from "./analyze";
import { Bilingual, Framework, Predicate, predicateFor, predicateLabel } from "./framework";
import { bi } from "./messages";
import {
  Rational,
  add,
  compare,
  decimalPlaces,
  div,
  fromInt,
  fromNumber,
  mul,
  rational,
  roundHalfUpUnits,
  sub,
  toFixed,
  ZERO,
} from "./rational";
import { hundredthsText } from "./format";
import { decimalIn } from "./textLanguage";

/** The step an assessor moves a decimal value by unless they choose another. */
export const DEFAULT_DECIMAL_STEP = 0.25;
/** Steps finer than the displayed precision would only make the plan long. */
const SMALLEST_STEP = rational(1n, 100n);

export interface PlanOptions {
  /** the index to reach; reached when the displayed (half-up, 2-decimal) index is at least this */
  target: number;
  /** value step for decimal frameworks (default 0.25); whole-level frameworks always move one level */
  step?: number;
  /** indicators the agency cannot raise this year */
  outOfReach?: Iterable<number>;
  /** indicator id → the highest value it may reach this year */
  caps?: ReadonlyMap<number, number>;
  /** how far any one indicator may rise this year (1: one level), on top of the caps; none when absent */
  raise?: number;
}

export interface PlanStep {
  indicator: number;
  code: string;
  /** A1 address of the level cell, when the plan was made for a worksheet column */
  cell?: string;
  from: Rational;
  to: Rational;
  /** true for a last step shorter than the chosen step, up to the indicator's limit */
  partial: boolean;
  /** the whole index after this step, exact */
  index: Rational;
  /** the same, displayed: hundredths, half-up */
  indexUnits: bigint;
  predicate: Predicate;
  /** the predicate before this step, set only on the step that changes it */
  predicateBefore?: Predicate;
}

export interface TargetPlan {
  ok: true;
  framework: Framework;
  target: number;
  /** the smallest displayed index that meets the target, in hundredths */
  targetUnits: bigint;
  step: Rational;
  start: Rational;
  startUnits: bigint;
  startPredicate: Predicate;
  /** in the order to take them; an indicator raised twice appears twice. When the
   *  target is out of reach, every allowed step, which ends at the best reachable index. */
  steps: PlanStep[];
  reached: boolean;
  /** where the plan ends: the target's index, or the best reachable one */
  index: Rational;
  indexUnits: bigint;
  predicate: Predicate;
  message: Bilingual;
}

export type PlanRefusalCode = "incomplete" | "bad-target" | "bad-step" | "bad-cap" | "unknown-indicator";

export interface PlanRefusal {
  ok: false;
  code: PlanRefusalCode;
  reason: Bilingual;
}

export type PlanResult = TargetPlan | PlanRefusal;

/** One possible raise of one indicator, before it is chosen. */
interface Move {
  order: number;
  indicator: number;
  code: string;
  from: Rational;
  to: Rational;
  partial: boolean;
  gain: Rational; // weight × (to − from), in index × total weight
  /** the gain over the plan's common denominator, so sorting and summing need no fractions */
  scaled: bigint;
}

function refuse(code: PlanRefusalCode, id: string, en: string): PlanRefusal {
  return { ok: false, code, reason: bi(id, en) };
}

function ceilUnits(x: Rational): bigint {
  const scaled = x.num * 100n;
  const q = scaled / x.den;
  return scaled > 0n && scaled % x.den !== 0n ? q + 1n : q;
}

/** A level or value for people: "4", "1.25", "≈1.42" when the exact value has more places. */
export function showLevel(framework: Framework, v: Rational): string {
  if (framework.integerOnly && v.den === 1n) return v.num.toString();
  const places = decimalPlaces(v);
  return places !== undefined && places <= 2 ? toFixed(v, 2) : `≈${toFixed(v, 2)}`;
}

function checkIds(framework: Framework, ids: Iterable<number>, what: Bilingual): PlanRefusal | undefined {
  const unknown = [...ids].filter((id) => !framework.byId.has(id));
  if (unknown.length === 0) return undefined;
  const list = unknown.join(", ");
  return refuse(
    "unknown-indicator",
    `${what.id}: indikator ${list} tidak ada di ${framework.data.shortName}`,
    `${what.en}: indicator ${list} does not exist in ${framework.data.shortName}`,
  );
}

function moves(
  framework: Framework,
  values: ReadonlyMap<number, Rational>,
  step: Rational,
  outOfReach: ReadonlySet<number>,
  caps: ReadonlyMap<number, Rational>,
): Move[] {
  const out: Move[] = [];
  framework.indicators.forEach((ind, order) => {
    if (outOfReach.has(ind.id)) return;
    const cap = caps.get(ind.id);
    const limit = cap !== undefined && compare(cap, framework.levelMax) < 0 ? cap : framework.levelMax;
    let from = values.get(ind.id)!;
    const fullGain = mul(ind.weight, step);
    while (compare(add(from, step), limit) <= 0) {
      const to = add(from, step);
      out.push({ order, indicator: ind.id, code: ind.code, from, to, partial: false, gain: fullGain, scaled: 0n });
      from = to;
    }
    // Whole levels never stop between two levels; decimal values may take a last shorter step.
    if (!framework.integerOnly && compare(from, limit) < 0) {
      out.push({
        order,
        indicator: ind.id,
        code: ind.code,
        from,
        to: limit,
        partial: true,
        gain: mul(ind.weight, sub(limit, from)),
        scaled: 0n,
      });
    }
  });
  return out;
}

/**
 * Puts the start sum and every gain over one common denominator, then orders the
 * moves: largest gain first; among equal gains the lower starting value (usually the
 * easier raise), then framework order, which also keeps each indicator's chain in order.
 */
function orderMoves(all: Move[], start: Rational): bigint {
  let den = start.den;
  // lcm(den, d) = den × (d / gcd(den, d)), and that quotient is the reduced denominator of den/d.
  for (const m of all) if (den % m.gain.den !== 0n) den *= rational(den, m.gain.den).den;
  for (const m of all) m.scaled = m.gain.num * (den / m.gain.den);
  all.sort((a, b) =>
    a.scaled === b.scaled ? compare(a.from, b.from) || a.order - b.order : a.scaled > b.scaled ? -1 : 1,
  );
  return den;
}

/**
 * The shortest plan for one assessment's values (indicator id → exact value, every
 * indicator of the framework present and valid).
 */
export function planTarget(
  framework: Framework,
  values: ReadonlyMap<number, Rational>,
  options: PlanOptions,
): PlanResult {
  const target = fromNumber(options.target);
  if (target === undefined || target.num < 0n) {
    return refuse(
      "bad-target",
      `Target indeks harus angka tidak negatif, bukan ${options.target}`,
      `The target index must be a non-negative number, not ${options.target}`,
    );
  }
  let step = fromInt(1);
  if (framework.integerOnly) {
    if (options.step !== undefined && options.step !== 1) {
      return refuse(
        "bad-step",
        `${framework.data.shortName} memakai level bulat: satu langkah selalu satu level, bukan ${options.step}`,
        `${framework.data.shortName} uses whole levels: a step is always one level, not ${options.step}`,
      );
    }
  } else {
    const chosen = fromNumber(options.step ?? DEFAULT_DECIMAL_STEP);
    const span = sub(framework.levelMax, framework.levelMin);
    if (chosen === undefined || compare(chosen, SMALLEST_STEP) < 0 || compare(chosen, span) > 0) {
      return refuse(
        "bad-step",
        `Langkah harus antara 0.01 dan ${toFixed(span, 2)}, bukan ${options.step}`,
        `The step must be between 0.01 and ${toFixed(span, 2)}, not ${options.step}`,
      );
    }
    step = chosen;
  }
  const outOfReach = new Set(options.outOfReach ?? []);
  const badOut = checkIds(framework, outOfReach, bi("Di luar jangkauan", "Out of reach"));
  if (badOut) return badOut;
  const caps = new Map<number, Rational>();
  if (options.caps) {
    const badCap = checkIds(framework, options.caps.keys(), bi("Batas", "Cap"));
    if (badCap) return badCap;
    for (const [id, n] of options.caps) {
      const c = fromNumber(n);
      if (c === undefined || compare(c, framework.levelMin) < 0 || compare(c, framework.levelMax) > 0) {
        const code = framework.byId.get(id)!.code;
        return refuse(
          "bad-cap",
          `Batas indikator ${code} harus antara ${framework.data.levels.min} dan ${framework.data.levels.max}, bukan ${n}`,
          `The cap of indicator ${code} must be between ${framework.data.levels.min} and ${framework.data.levels.max}, not ${n}`,
        );
      }
      caps.set(id, c);
    }
  }

  const unusable = framework.indicators.filter((ind) => {
    const v = values.get(ind.id);
    return (
      v === undefined ||
      compare(v, framework.levelMin) < 0 ||
      compare(v, framework.levelMax) > 0 ||
      (framework.integerOnly && v.den !== 1n)
    );
  });
  if (unusable.length > 0) {
    const list = unusable.map((i) => i.code).join(", ");
    return refuse(
      "incomplete",
      `Penilaian belum lengkap: nilai indikator ${list} kosong atau tidak sah. Rencana menuju target dihitung setelah semua nilai sah.`,
      `The assessment is incomplete: indicator ${list} has no valid value. A plan to the target needs every value valid.`,
    );
  }

  if (options.raise !== undefined) {
    const r = fromNumber(options.raise);
    if (r === undefined || compare(r, ZERO) <= 0) {
      return refuse(
        "bad-cap",
        `Kenaikan per indikator harus lebih dari 0, bukan ${options.raise}`,
        `The rise per indicator must be more than 0, not ${options.raise}`,
      );
    }
    // A city raises an indicator by so much in a year: its cap is its value plus that, or the cap given if lower.
    for (const ind of framework.indicators) {
      const reachable = add(values.get(ind.id)!, r);
      const given = caps.get(ind.id);
      caps.set(ind.id, given !== undefined && compare(given, reachable) < 0 ? given : reachable);
    }
  }

  let sum = ZERO;
  for (const ind of framework.indicators) sum = add(sum, mul(values.get(ind.id)!, ind.weight));
  const total = framework.totalWeight;
  const start = div(sum, total);
  const startUnits = roundHalfUpUnits(start, framework.decimals);
  const targetUnits = ceilUnits(target);
  const startPredicate = predicateFor(framework, startUnits);

  const steps: PlanStep[] = [];
  let reached = startUnits >= targetUnits;
  let index = start;
  let units = startUnits;
  let predicate = startPredicate;
  if (!reached) {
    const all = moves(framework, values, step, outOfReach, caps);
    const den = orderMoves(all, sum);
    // index = scaledSum / (den × total weight): one integer addition per step.
    let scaledSum = sum.num * (den / sum.den);
    const indexDen = den * total.num;
    for (const m of all) {
      scaledSum += m.scaled;
      index = rational(scaledSum * total.den, indexDen);
      units = roundHalfUpUnits(index, framework.decimals);
      const p = predicateFor(framework, units);
      steps.push({
        indicator: m.indicator,
        code: m.code,
        from: m.from,
        to: m.to,
        partial: m.partial,
        index,
        indexUnits: units,
        predicate: p,
        ...(p !== predicate ? { predicateBefore: predicate } : {}),
      });
      predicate = p;
      if (units >= targetUnits) {
        reached = true;
        break;
      }
    }
  }
  const base = {
    ok: true as const,
    framework,
    target: options.target,
    targetUnits,
    step,
    start,
    startUnits,
    startPredicate,
    steps,
    reached,
    index,
    indexUnits: units,
    predicate,
  };
  return { ...base, message: planMessage(base, outOfReach.size > 0 || caps.size > 0) };
}

function planMessage(p: Omit<TargetPlan, "message">, limited: boolean): Bilingual {
  const target = hundredthsText(p.targetUnits);
  const end = `${hundredthsText(p.indexUnits)}, ${predicateLabel(p.predicate)}`;
  // The Indonesian sentence writes a decimal comma, as Indonesian text does.
  const targetId = decimalIn(target, "id");
  const endId = `${decimalIn(hundredthsText(p.indexUnits), "id")}, ${predicateLabel(p.predicate)}`;
  const n = p.steps.length;
  if (p.reached && n === 0) {
    return bi(
      `Indeks ${endId}, sudah mencapai target ${targetId}; tidak perlu menaikkan nilai.`,
      `The index ${end}, already meets the target ${target}; nothing needs raising.`,
    );
  }
  if (p.reached) {
    return bi(
      `Target ${targetId} tercapai dengan ${n} langkah: indeks menjadi ${endId}.`,
      `The target ${target} is reached in ${n} step${n === 1 ? "" : "s"}: the index becomes ${end}.`,
    );
  }
  return bi(
    `Target ${targetId} tidak dapat dicapai: paling tinggi ${endId}, setelah ${n} langkah${limited ? ", dengan batas dan indikator di luar jangkauan yang diberikan" : ""}.`,
    `The target ${target} cannot be reached: the best is ${end}, after ${n} step${n === 1 ? "" : "s"}${limited ? ", within the caps and out-of-reach indicators given" : ""}.`,
  );
}

/** The plan for one level column of a worksheet table, with each step's cell. */
export function planAssessment(table: TableAnalysis, assessment: Assessment, options: PlanOptions): PlanResult {
  if (!assessment.complete) {
    const letter = assessment.column.letter;
    const errors = [
      ...table.issues.filter((i) => i.severity === "error" && i.column === undefined),
      ...assessment.issues.filter((i) => i.severity === "error"),
    ];
    const shown = errors.slice(0, 6);
    const more = errors.length > shown.length ? ", …" : "";
    const where = (word: string) =>
      shown.map((i) => i.cell ?? `${word} ${table.framework.byId.get(i.indicator ?? 0)?.code ?? "?"}`).join(", ") +
      more;
    return refuse(
      "incomplete",
      `Kolom ${letter} belum dapat direncanakan: ${errors.length} masalah (${where("indikator")}). Perbaiki dulu, lalu rencana menuju target dapat dihitung.`,
      `Column ${letter} cannot be planned yet: ${errors.length} problem${errors.length === 1 ? "" : "s"} (${where("indicator")}). Fix them first, then the plan to the target can be made.`,
    );
  }
  const plan = planTarget(table.framework, assessment.values, options);
  if (!plan.ok) return plan;
  return { ...plan, steps: plan.steps.map((s) => ({ ...s, cell: assessment.cells.get(s.indicator) })) };
}
