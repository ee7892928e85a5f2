/**
 * The assessor tools as plain data in the pane's language: the path to the target for
 * each level column, self-assessment against the assessor, and levels claimed without
 * evidence. The core computes them exactly; this names, formats and points at cells.
 */
import { Analysis, TableAnalysis } from "../core/analyze";
import { tableEvidenceGaps } from "../core/evidence";
import { Framework, Indicator, predicateLabel } from "../core/framework";
import { columnLetter } from "../core/grid";
import { Rational, toFixed, toNumber } from "../core/rational";
import { reconcileTable } from "../core/reconcile";
import { DEFAULT_DECIMAL_STEP, planAssessment, showLevel, showUnits } from "../core/targetPlan";
import { Language, pick, strings } from "./i18n";
import { PlanChoices } from "./state";
import { assessmentTitle, formatUnits } from "./view";

/** Value steps offered for decimal frameworks; a step stored elsewhere joins them. */
export const STEP_CHOICES = [0.1, 0.25, 0.5, 1];

export interface PlanStepView {
  key: string;
  number: number;
  indicator: number;
  code: string;
  name: string;
  sheet: string;
  cell: string | null;
  from: string;
  to: string;
  /** the whole index after this step, as displayed */
  index: string;
  /** on the step after which the predicate changes */
  predicateChange: { from: string; to: string } | null;
}

export interface AssessmentPlanView {
  key: string;
  column: string;
  title: string;
  /** reached in n steps, already met, out of reach with the best index, or why no plan can be made */
  status: "reached" | "met" | "unreachable" | "refused";
  message: string;
  /** listed only when the plan reaches the target */
  steps: PlanStepView[];
}

export interface TargetView {
  frameworkId: string;
  /** the target in effect, typed or stored in the results sheet ("3.70"); null when there is none */
  target: string | null;
  levelMax: number;
  /** decimal frameworks choose how far one step raises a value; whole levels always move by one */
  step: { value: number; choices: number[] } | null;
  plans: AssessmentPlanView[];
  outOfReach: { id: number; code: string; name: string }[];
}

export interface GapView {
  key: string;
  label: string;
  name: string;
  /** this group's share of the index difference, signed, 3 decimals */
  impact: string;
  value: number;
  differences: number;
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
  target: TargetView;
  /** a number for the charts' target line */
  targetValue: number | null;
  reconciliation: ReconciliationView | null;
  evidence: EvidenceView | null;
}

/**
 * Indicator names all begin "Tingkat Kematangan" and many end "Instansi Pusat/Pemerintah
 * Daerah"; English names explain in brackets (an acronym in brackets stays). A list row
 * needs only what is left.
 */
export function shortName(ind: Indicator, lang: Language): string {
  if (lang === "en") return ind.en.replace(/\s*\([^()]*\s[^()]*\)\s*$/, "");
  return ind.name.replace(/^Tingkat Kematangan\s+/i, "").replace(/\s+Instansi Pusat\/Pemerintah Daerah$/i, "");
}

/** "3.70" for 3.7; more places only when the target has them. */
export function targetText(target: number): string {
  const hundredths = target * 100;
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-9 ? target.toFixed(2) : String(target);
}

/** Signed with a real minus sign, as a difference is written: "−0.056", "+0.013", "0.000". */
export function signedText(x: Rational, places: number): string {
  const t = toFixed(x, places);
  const magnitude = t.replace(/^-/, "");
  if (/^[0.]+$/.test(magnitude)) return magnitude;
  return t.startsWith("-") ? `−${magnitude}` : `+${t}`;
}

function planStatus(reached: boolean, steps: number): AssessmentPlanView["status"] {
  if (!reached) return "unreachable";
  return steps === 0 ? "met" : "reached";
}

function targetView(t: TableAnalysis, choices: PlanChoices, lang: Language): TargetView {
  const f = t.framework;
  const stepValue = choices.step ?? DEFAULT_DECIMAL_STEP;
  const outIds = (choices.outOfReach[f.id] ?? []).filter((id) => f.byId.has(id));
  const plans: AssessmentPlanView[] =
    t.target === undefined
      ? []
      : t.assessments.map((a) => {
          const common = { key: a.column.letter, column: a.column.letter, title: assessmentTitle(a) };
          const plan = planAssessment(t, a, { target: t.target!, outOfReach: outIds, ...(f.integerOnly ? {} : { step: stepValue }) });
          if (!plan.ok) return { ...common, status: "refused", message: pick(plan.reason, lang), steps: [] };
          const steps: PlanStepView[] = plan.reached
            ? plan.steps.map((st, k) => ({
                key: `${a.column.letter}-${k}`,
                number: k + 1,
                indicator: st.indicator,
                code: st.code,
                name: shortName(f.byId.get(st.indicator)!, lang),
                sheet: t.layout.sheet,
                cell: st.cell ?? null,
                from: showLevel(f, st.from),
                to: showLevel(f, st.to),
                index: showUnits(st.indexUnits),
                predicateChange: st.predicateBefore ? { from: predicateLabel(st.predicateBefore), to: predicateLabel(st.predicate) } : null,
              }))
            : [];
          return { ...common, status: planStatus(plan.reached, plan.steps.length), message: pick(plan.message, lang), steps };
        });
  return {
    frameworkId: f.id,
    target: t.target === undefined ? null : targetText(t.target),
    levelMax: f.data.levels.max,
    step: f.integerOnly ? null : { value: stepValue, choices: [...new Set([...STEP_CHOICES, stepValue])].sort((x, y) => x - y) },
    plans,
    outOfReach: outIds.map((id) => {
      const ind = f.byId.get(id)!;
      return { id, code: ind.code, name: shortName(ind, lang) };
    }),
  };
}

function reconciliationView(t: TableAnalysis, lang: Language): ReconciliationView | null {
  const r = reconcileTable(t);
  if (!r) return null;
  const s = strings(lang);
  const f = t.framework;
  const first = t.assessments[0];
  const last = t.assessments[t.assessments.length - 1];
  const indexOf = (a: typeof first) => (a.complete && a.scores.total.units !== null ? formatUnits(a.scores.total.units) : null);
  const gaps = (groups: typeof r.domains, word: string): GapView[] =>
    groups.map((g) => ({
      key: `${g.kind}-${g.id}`,
      label: `${word} ${g.id}`,
      name: lang === "id" ? g.name : g.en,
      impact: signedText(g.impact, 3),
      value: toNumber(g.impact),
      differences: g.differences,
    }));
  return {
    from: { title: assessmentTitle(first), index: indexOf(first) },
    to: { title: assessmentTitle(last), index: indexOf(last) },
    gap: r.gapUnits === null ? null : signedText({ num: r.gapUnits, den: 100n }, 2),
    total: r.differences.reduce((sum, d) => sum + toNumber(d.impact), 0),
    domains: gaps(r.domains, s.domain),
    aspects: gaps(r.aspects, s.aspect),
    differences: r.differences.map((d) => ({
      key: `diff-${d.indicator}`,
      indicator: d.indicator,
      code: d.code,
      name: shortName(f.byId.get(d.indicator)!, lang),
      sheet: t.layout.sheet,
      cell: d.cells[1] ?? d.cells[0] ?? null,
      from: showLevel(f, d.levels[0]),
      to: showLevel(f, d.levels[1]),
      impact: signedText(d.impact, 3),
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
      level: showLevel(f, g.level),
    })),
  }));
  const distinct = new Set(all.flatMap((e) => e.gaps.map((g) => g.indicator)));
  return { column: columnLetter(t.layout.evidenceCol!), count: distinct.size, assessments };
}

/** The tools for every table found, in the order of the pane's tables. */
export function toolsView(analysis: Analysis, choices: PlanChoices, lang: Language): ToolsView[] {
  return analysis.tables.map((t) => ({
    key: t.layout.sheet,
    target: targetView(t, choices, lang),
    targetValue: t.target ?? null,
    reconciliation: reconciliationView(t, lang),
    evidence: evidenceView(t, lang),
  }));
}
