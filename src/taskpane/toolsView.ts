/**
 * The assessor tools as plain data in the pane's language: self-assessment against the
 * assessor (the agenda is on the first screen) and levels claimed without evidence. The
 * path to the target is `targetView.ts`, planned only once the tools are open. The core
 * computes them exactly; this names, formats and points at cells.
 */
import { Analysis, TableAnalysis } from "../core/analyze";
import { tableEvidenceGaps } from "../core/evidence";
import { Framework } from "../core/framework";
import { columnLetter } from "../core/grid";
import { decimalPlaces, Rational, roundHalfUpUnits, sub, toNumber } from "../core/rational";
import { reconcileTable } from "../core/reconcile";
import { formatNumber, formatRational, formatSigned, formatUnits } from "./format";
import { Language, strings } from "./i18n";
import { TargetChoices } from "./state";
import { assessmentTitle, shortName } from "./view";

export interface GapView {
  key: string;
  label: string;
  name: string;
  /** this group's share of the index difference, signed, 2 decimals like every index */
  impact: string;
  value: number;
  differences: number;
  /** the group's own index in the first and the second column ("3,40", "3,00"; "–" when it has none) */
  own: { from: string; to: string };
}

export interface DifferenceView {
  key: string;
  indicator: number;
  code: string;
  name: string;
  sheet: string;
  /** the second column's cell, where the agreed level is written */
  cell: string | null;
  from: string;
  to: string;
  impact: string;
  /** the second column's index had it taken the first column's value here ("3,25"); null while it has no index */
  ifAccepted: string | null;
}

export interface ReconciliationView {
  from: { title: string; index: string | null };
  to: { title: string; index: string | null };
  /** displayed index of the second column minus the first ("−0.56"); null while either is incomplete */
  gap: string | null;
  /** the unrounded difference, the sum of every row's effect: what the group shares are drawn against */
  total: number;
  domains: GapView[];
  aspects: GapView[];
  /** largest effect on the index first */
  differences: DifferenceView[];
  unmatched: string[];
}

export interface EvidenceGapView {
  key: string;
  code: string;
  name: string;
  sheet: string;
  /** the empty evidence cell, where the assessor adds it */
  cell: string | null;
  level: string;
}

export interface EvidenceAssessmentView {
  key: string;
  title: string;
  /** per domain, or per aspect where the framework has no domains */
  groups: { key: string; label: string; name: string; count: number }[];
  gaps: EvidenceGapView[];
}

export interface EvidenceView {
  /** the evidence column's letter */
  column: string;
  /** indicators without evidence that some level column rates above 1 */
  count: number;
  assessments: EvidenceAssessmentView[];
}

export interface ToolsView {
  key: string;
  /** what the path to the target is planned from, in the tools' own chunk (`targetView`): the table and the assessor's choices */
  table: TableAnalysis;
  choices: TargetChoices;
  /** a number for the charts' target line */
  targetValue: number | null;
  reconciliation: ReconciliationView | null;
  evidence: EvidenceView | null;
}

/** "3,70" for 3.7 in Indonesian; more places only when the target has them. */
export function targetText(target: number, lang: Language): string {
  return formatNumber(target, 2, lang);
}

/** A level or value for people: "4", "1,25", "≈1,42" when the exact value has more places. */
export function levelText(f: Framework, v: Rational, lang: Language): string {
  if (f.integerOnly && v.den === 1n) return v.num.toString();
  const places = decimalPlaces(v);
  return `${places !== undefined && places <= 2 ? "" : "≈"}${formatRational(v, 2, lang)}`;
}

function reconciliationView(t: TableAnalysis, lang: Language): ReconciliationView | null {
  const r = reconcileTable(t);
  if (!r) return null;
  const s = strings(lang);
  const f = t.framework;
  const first = t.assessments[0];
  const last = t.assessments[t.assessments.length - 1];
  const indexOf = (a: typeof first) =>
    a.complete && a.scores.total.units !== null ? formatUnits(a.scores.total.units, lang) : null;
  const lastIndex = last.complete ? last.scores.total.unrounded : null;
  const ownIndex = (units: bigint | null) => (units === null ? "–" : formatUnits(units, lang));
  const gaps = (
    groups: typeof r.domains,
    word: string,
    scoresOf: (a: typeof first) => { id: number; units: bigint | null }[],
  ): GapView[] =>
    groups.map((g) => ({
      key: `${g.kind}-${g.id}`,
      label: `${word} ${g.id}`,
      name: lang === "id" ? g.name : g.en,
      impact: formatSigned(g.impact, 2, lang),
      value: toNumber(g.impact),
      differences: g.differences,
      own: {
        from: ownIndex(scoresOf(first).find((x) => x.id === g.id)?.units ?? null),
        to: ownIndex(scoresOf(last).find((x) => x.id === g.id)?.units ?? null),
      },
    }));
  return {
    from: { title: assessmentTitle(first), index: indexOf(first) },
    to: { title: assessmentTitle(last), index: indexOf(last) },
    gap: r.gapUnits === null ? null : formatSigned({ num: r.gapUnits, den: 100n }, 2, lang),
    total: r.differences.reduce((sum, d) => sum + toNumber(d.impact), 0),
    domains: gaps(r.domains, s.domain, (a) => a.scores.domains),
    aspects: gaps(r.aspects, s.aspect, (a) => a.scores.aspects),
    differences: r.differences.map((d) => ({
      key: `diff-${d.indicator}`,
      indicator: d.indicator,
      code: d.code,
      name: shortName(f.byId.get(d.indicator)!, lang),
      sheet: t.layout.sheet,
      cell: d.cells[1] ?? d.cells[0] ?? null,
      from: levelText(f, d.levels[0], lang),
      to: levelText(f, d.levels[1], lang),
      impact: formatSigned(d.impact, 2, lang),
      ifAccepted: lastIndex ? formatUnits(roundHalfUpUnits(sub(lastIndex, d.impact), f.decimals), lang) : null,
    })),
    unmatched: r.unmatched.map((id) => f.byId.get(id)!.code),
  };
}

function evidenceView(t: TableAnalysis, lang: Language): EvidenceView | null {
  const all = tableEvidenceGaps(t);
  if (!all) return null;
  const s = strings(lang);
  const f: Framework = t.framework;
  const byDomain = f.domains.length > 0;
  const assessments = all.map((e, k) => ({
    key: e.column,
    title: assessmentTitle(t.assessments[k]),
    groups: (byDomain ? e.domains : e.aspects).map((g) => ({
      key: `${g.kind}-${g.id}`,
      label: `${byDomain ? s.domain : s.aspect} ${g.id}`,
      name: lang === "id" ? g.name : g.en,
      count: g.count,
    })),
    gaps: e.gaps.map((g) => ({
      key: `${e.column}-${g.indicator}`,
      code: g.code,
      name: shortName(f.byId.get(g.indicator)!, lang),
      sheet: t.layout.sheet,
      cell: g.evidenceCell ?? g.cell ?? null,
      level: levelText(f, g.level, lang),
    })),
  }));
  const distinct = new Set(all.flatMap((e) => e.gaps.map((g) => g.indicator)));
  return { column: columnLetter(t.layout.evidenceCol!), count: distinct.size, assessments };
}

/** The tools for every table found, in the order of the pane's tables. */
export function toolsView(analysis: Analysis, choices: TargetChoices, lang: Language): ToolsView[] {
  return analysis.tables.map((t) => ({
    key: t.layout.sheet,
    table: t,
    choices,
    targetValue: t.target ?? null,
    reconciliation: reconciliationView(t, lang),
    evidence: evidenceView(t, lang),
  }));
}
