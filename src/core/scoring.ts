/**
 * Scores from levels: every group's index is Σ level·weight / Σ weight over its own
 * indicators, exact, and rounded half-up to 2 decimals from that unrounded value.
 * The predicate comes from the rounded index, so number and word never disagree.
 */
import { Framework, Group, Predicate, predicateFor } from "./framework";
import { Rational, div, rational, roundHalfUpUnits } from "./rational";

export interface GroupScore {
  kind: "aspect" | "domain" | "total";
  id: number;
  name: string;
  en: string;
  /** null when a value in the group is missing or invalid */
  unrounded: Rational | null;
  /** hundredths, half-up (319n for 3.19) */
  units: bigint | null;
}

export interface Scores {
  total: GroupScore;
  predicate: Predicate | null;
  domains: GroupScore[];
  aspects: GroupScore[];
}

/** levels: indicator id → exact value; absent ids are treated as unknown. */
export function groupIndex(
  ids: readonly number[],
  weightOf: (id: number) => Rational,
  levels: ReadonlyMap<number, Rational>,
): Rational | null {
  // Sums are kept as unreduced fractions and reduced once: same exact value, far fewer gcds.
  let sn = 0n;
  let sd = 1n;
  let wn = 0n;
  let wd = 1n;
  for (const id of ids) {
    const v = levels.get(id);
    if (v === undefined) return null;
    const w = weightOf(id);
    const pn = v.num * w.num;
    const pd = v.den * w.den;
    if (pd === sd) sn += pn;
    else {
      sn = sn * pd + pn * sd;
      sd *= pd;
    }
    if (w.den === wd) wn += w.num;
    else {
      wn = wn * w.den + w.num * wd;
      wd *= w.den;
    }
  }
  if (wn === 0n) return null;
  return div(rational(sn, sd), rational(wn, wd));
}

function scoreGroup(framework: Framework, g: Group | null, levels: ReadonlyMap<number, Rational>): GroupScore {
  const ids = g ? g.indicatorIds : framework.indicators.map((i) => i.id);
  const unrounded = groupIndex(ids, (id) => framework.byId.get(id)!.weight, levels);
  return {
    kind: g ? g.kind : "total",
    id: g ? g.id : 0,
    name: g ? g.name : framework.title,
    en: g ? g.en : framework.data.titleEn,
    unrounded,
    units: unrounded === null ? null : roundHalfUpUnits(unrounded, framework.decimals),
  };
}

export function score(framework: Framework, levels: ReadonlyMap<number, Rational>): Scores {
  const total = scoreGroup(framework, null, levels);
  return {
    total,
    predicate: total.units === null ? null : predicateFor(framework, total.units),
    domains: framework.domains.map((d) => scoreGroup(framework, d, levels)),
    aspects: framework.aspects.map((a) => scoreGroup(framework, a, levels)),
  };
}

/** 319n → 3.19 as a JavaScript number, for JSON and charts. */
