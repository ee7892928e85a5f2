/**
 * What a coordinator reads first about a batch, per framework: how the assessments spread
 * over the predicate bands and the average of every domain and aspect. Exact: indices are
 * whole hundredths, averages are rounded half-up from their exact sum.
 */
import { hundredthsNumber } from "../core/format";
import { Framework, predicateFor, predicateLabel } from "../core/framework";
import type { SummaryRow } from "./summaryRow";

export interface BandCount {
  predicate: string;
  /** lower bound, inclusive, as the regulation writes it */
  min: number;
  count: number;
}

export interface GroupAverage {
  kind: "domain" | "aspect";
  id: number;
  name: string;
  average: number | null;
  count: number;
}

export interface FrameworkStats {
  framework: Framework;
  /** every row of this framework, highest index first, rows without an index last */
  rows: SummaryRow[];
  /** the rows the distribution and averages use: each table's last level column, when complete */
  counted: SummaryRow[];
  bands: BandCount[];
  /** the average index over the counted rows */
  index: { average: number | null; count: number };
  groups: GroupAverage[];
}

const hundredths = (x: number): number => Math.round(x * 100);

/** Half-up mean of whole hundredths, back as a 2-decimal number; null for no values. */
export function averageOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + hundredths(v), 0);
  const n = values.length;
  return Math.floor((2 * sum + n) / (2 * n)) / 100;
}

function byIndex(a: SummaryRow, b: SummaryRow): number {
  if (a.index !== b.index) return a.index === null ? 1 : b.index === null ? -1 : b.index - a.index;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/**
 * The column an agency is judged by: when a table has a self-assessment and the assessor's
 * levels, the assessor's come last. Distribution and averages count each table once.
 */
function lastColumns(rows: SummaryRow[]): SummaryRow[] {
  const last = new Map<string, SummaryRow>();
  for (const r of rows) last.set(`${r.file}\u0000${r.sheet}`, r);
  return [...last.values()];
}

export function frameworkStats(rows: SummaryRow[], frameworks: readonly Framework[]): FrameworkStats[] {
  return frameworks
    .map((framework) => {
      const mine = rows.filter((r) => r.framework === framework.id);
      const counted = lastColumns(mine).filter((r) => r.status === "complete" && r.index !== null);
      const bands = framework.predicates.map((p) => ({
        predicate: predicateLabel(p),
        min: hundredthsNumber(p.minUnits),
        count: 0,
      }));
      for (const r of counted) {
        const p = predicateFor(framework, BigInt(hundredths(r.index!)));
        bands[framework.predicates.indexOf(p)].count++;
      }
      const avg = (
        kind: "domain" | "aspect",
        id: number,
        name: string,
        pick: (r: SummaryRow) => number | null | undefined,
      ): GroupAverage => {
        const values = counted.map(pick).filter((v): v is number => typeof v === "number");
        return { kind, id, name, average: averageOf(values), count: values.length };
      };
      const groups = [
        ...framework.domains.map((d) =>
          avg("domain", d.id, d.name, (r) => r.domains.find((x) => x.id === d.id)?.index),
        ),
        ...framework.aspects.map((a) =>
          avg("aspect", a.id, a.name, (r) => r.aspects.find((x) => x.id === a.id)?.index),
        ),
      ];
      return {
        framework,
        rows: [...mine].sort(byIndex),
        counted,
        bands,
        index: { average: averageOf(counted.map((r) => r.index!)), count: counted.length },
        groups,
      };
    })
    .filter((s) => s.rows.length > 0);
}
