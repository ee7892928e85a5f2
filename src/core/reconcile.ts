/**
 * Self-assessment against the assessor's levels (or any two level columns of one
 * table): which indicators differ and how much each difference moves the index.
 *
 * An indicator's impact is (second − first) × weight / total weight, so the impacts of
 * all differing indicators add up exactly to index(second) − index(first), and the
 * impacts of a domain's or an aspect's indicators to that group's share of the gap.
 */
import type { TableAnalysis } from "./analyze";
import { Framework, Group } from "./framework";
import { Rational, ZERO, add, compare, div, mul, roundHalfUpUnits, sub } from "./rational";
import { groupIndex } from "./scoring";

export interface IndicatorDifference {
  indicator: number;
  code: string;
  name: string;
  en: string;
  aspectId: number;
  domainId: number | null;
  /** A1 addresses of the two level cells, when known */
  cells: [string | undefined, string | undefined];
  levels: [Rational, Rational];
  /** how far this row moves the whole index, second minus first, exact */
  impact: Rational;
}

export interface GroupGap {
  kind: "aspect" | "domain";
  id: number;
  name: string;
  en: string;
  /** this group's share of the whole index's gap: the sum of its indicators' impacts */
  impact: Rational;
  /** how many of its indicators differ */
  differences: number;
}

export interface Reconciliation {
  framework: Framework;
  /** the two level columns' letters, first then second, when compared on a worksheet */
  columns?: [string, string];
  /** sorted by the size of the impact, largest first; ties in framework order */
  differences: IndicatorDifference[];
  domains: GroupGap[];
  aspects: GroupGap[];
  /** index(second) − index(first), unrounded; null when either side is incomplete */
  gap: Rational | null;
  /** the difference of the displayed indices, in hundredths (−56n for 3.19 against 3.75) */
  gapUnits: bigint | null;
  /** indicators left out because one side has no valid value */
  unmatched: number[];
}

function absCompare(a: Rational, b: Rational): number {
  const abs = (x: Rational) => (x.num < 0n ? { num: -x.num, den: x.den } : x);
  return compare(abs(a), abs(b));
}

function groupGaps(groups: Group[], differences: IndicatorDifference[], key: "aspectId" | "domainId"): GroupGap[] {
  return groups.map((g) => {
    const own = differences.filter((d) => d[key] === g.id);
    return {
      kind: g.kind,
      id: g.id,
      name: g.name,
      en: g.en,
      impact: own.reduce((s, d) => add(s, d.impact), ZERO),
      differences: own.length,
    };
  });
}

export function reconcile(
  framework: Framework,
  first: ReadonlyMap<number, Rational>,
  second: ReadonlyMap<number, Rational>,
  cells: [ReadonlyMap<number, string>?, ReadonlyMap<number, string>?] = [],
): Reconciliation {
  const differences: IndicatorDifference[] = [];
  const unmatched: number[] = [];
  framework.indicators.forEach((ind) => {
    const a = first.get(ind.id);
    const b = second.get(ind.id);
    if (a === undefined || b === undefined) {
      unmatched.push(ind.id);
      return;
    }
    if (compare(a, b) === 0) return;
    differences.push({
      indicator: ind.id,
      code: ind.code,
      name: ind.name,
      en: ind.en,
      aspectId: ind.aspectId,
      domainId: ind.domainId,
      cells: [cells[0]?.get(ind.id), cells[1]?.get(ind.id)],
      levels: [a, b],
      impact: div(mul(sub(b, a), ind.weight), framework.totalWeight),
    });
  });
  // Array.prototype.sort is stable, so equal impacts keep framework order.
  differences.sort((x, y) => absCompare(y.impact, x.impact));

  let gap: Rational | null = null;
  let gapUnits: bigint | null = null;
  if (unmatched.length === 0) {
    const ids = framework.indicators.map((i) => i.id);
    const weight = (id: number) => framework.byId.get(id)!.weight;
    const ia = groupIndex(ids, weight, first)!;
    const ib = groupIndex(ids, weight, second)!;
    gap = sub(ib, ia);
    gapUnits = roundHalfUpUnits(ib, framework.decimals) - roundHalfUpUnits(ia, framework.decimals);
  }
  return {
    framework,
    differences,
    domains: groupGaps(framework.domains, differences, "domainId"),
    aspects: groupGaps(framework.aspects, differences, "aspectId"),
    gap,
    gapUnits,
    unmatched,
  };
}

/** The first level column against the last one, when a table has two or more. */
export function reconcileTable(table: TableAnalysis): Reconciliation | undefined {
  const n = table.assessments.length;
  if (n < 2) return undefined;
  const first = table.assessments[0];
  const last = table.assessments[n - 1];
  // A column nobody has filled yet has nothing to compare.
  if (first.notFilled || last.notFilled) return undefined;
  const r = reconcile(table.framework, first.values, last.values, [first.cells, last.cells]);
  const complete = first.complete && last.complete;
  return {
    ...r,
    columns: [first.column.letter, last.column.letter],
    gap: complete ? r.gap : null,
    gapUnits: complete ? r.gapUnits : null,
  };
}
