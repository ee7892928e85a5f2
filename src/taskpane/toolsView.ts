/**
 * The assessor tools as plain data in the pane's language: the path to the target for
 * each level column, self-assessment against the assessor, and levels claimed without
 * evidence. The core computes them exactly; this names, formats and points at cells.
 */
import { Analysis, Assessment, TableAnalysis } from "../core/analyze";
import { tableEvidenceGaps } from "../core/evidence";
import { Framework, predicateFor, predicateLabel } from "../core/framework";
import { columnLetter } from "../core/grid";
import { add, decimalPlaces, Rational, roundHalfUpUnits, sub, toNumber } from "../core/rational";
import { reconcileTable } from "../core/reconcile";
import { DEFAULT_DECIMAL_STEP, planAssessment, PlanOptions, PlanStep, TargetPlan } from "../core/targetPlan";
import { formatNumber, formatRational, formatSigned, formatUnits } from "./format";
import { Language, pick, strings } from "./i18n";
import { TargetChoices } from "./state";
import { assessmentTitle, shortName } from "./view";

/** Value steps offered for decimal frameworks; a step stored elsewhere joins them. */
export const STEP_CHOICES = [0.1, 0.25, 0.5, 1];
/** How far one indicator may rise in a year, offered in the plan; 0 is no limit. */
export const RAISE_CHOICES = [1, 2, 3, 4, 0];

/** One line of a plan: an indicator raised from one value to another, and the index then. */
export interface PlanLineView {
  key: string;
  indicator: number;
  code: string;
  name: string;
  sheet: string;
  cell: string | null;
  from: string;
  to: string;
  /** the whole index after this line, as displayed */
  index: string;
  /** on the line after which the predicate changes */
  predicateChange: { from: string; to: string } | null;
}

export interface PlanStepView extends PlanLineView {
  number: number;
}

/** Every step on one indicator, taken together: "I20 1,30 → 3,55, 9 langkah, indeks 1,33"; the index once this indicator and the ones listed before it are raised. */
export interface PlanGroupView extends PlanLineView {
  steps: number;
}

export interface AssessmentPlanView {
  key: string;
  column: string;
  title: string;
  /** reached in n steps, already met, out of reach with the best index, or why no plan can be made */
  status: "reached" | "met" | "unreachable" | "refused";
  message: string;
  /** one line per indicator, in the order of its first step; listed only when the plan reaches the target */
  groups: PlanGroupView[];
  /** each step on its own, for the detail */
  steps: PlanStepView[];
}

export interface TargetView {
  frameworkId: string;
  /** the target in effect, typed or stored in the results sheet ("3,70"); null when there is none */
  target: string | null;
  /** a target worth typing, for the hint: the next predicate's threshold above the best column ("3,50" for 3,19) */
  example: string;
  /** the value step in effect, as shown ("0,25"); null for whole levels */
  stepText: string | null;
  levelMax: number;
  /** how far one indicator may rise this year; 0 for no limit */
  raise: { value: number; choices: { value: number; text: string }[] };
  /** decimal frameworks choose how far one step raises a value; whole levels always move by one */
  step: { value: number; choices: { value: number; text: string }[] } | null;
  plans: AssessmentPlanView[];
  outOfReach: { id: number; code: string; name: string }[];
}

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
  target: TargetView;
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

/** The plan's sentence, with the language's numbers. */
function planMessage(plan: TargetPlan, limited: boolean, lang: Language): string {
  const s = strings(lang);
  const target = formatUnits(plan.targetUnits, lang);
  const end = `${formatUnits(plan.indexUnits, lang)}, ${predicateLabel(plan.predicate)}`;
  const n = plan.steps.length;
  if (plan.reached && n === 0) return s.planMet(end, target);
  if (plan.reached) return s.planReached(target, n, end);
  return s.planUnreachable(target, end, n, limited);
}

/**
 * The steps taken together per indicator, in the order of each one's first step. Every
 * step on an indicator adds the same to the index wherever it is taken (the index is a
 * weighted sum), so the running index of the grouped order is exact.
 */
export function planGroups(
  plan: TargetPlan,
  steps: readonly PlanStep[],
  sheet: string,
  lang: Language,
  name: (id: number) => string,
): PlanGroupView[] {
  const f = plan.framework;
  const order: number[] = [];
  const byIndicator = new Map<number, { steps: PlanStep[]; gain: Rational }>();
  let before = plan.start;
  for (const st of steps) {
    const gain = sub(st.index, before);
    before = st.index;
    const g = byIndicator.get(st.indicator);
    if (g) {
      g.steps.push(st);
      g.gain = add(g.gain, gain);
    } else {
      order.push(st.indicator);
      byIndicator.set(st.indicator, { steps: [st], gain });
    }
  }
  let index = plan.start;
  let predicate = predicateLabel(plan.startPredicate);
  return order.map((id) => {
    const g = byIndicator.get(id)!;
    index = add(index, g.gain);
    const units = roundHalfUpUnits(index, 2);
    const now = predicateLabel(predicateFor(f, units));
    const change = now !== predicate ? { from: predicate, to: now } : null;
    predicate = now;
    const first = g.steps[0];
    const last = g.steps[g.steps.length - 1];
    return {
      key: `group-${id}`,
      indicator: id,
      code: first.code,
      name: name(id),
      sheet,
      cell: first.cell ?? null,
      from: levelText(f, first.from, lang),
      to: levelText(f, last.to, lang),
      steps: g.steps.length,
      index: formatUnits(units, lang),
      predicateChange: change,
    };
  });
}

/**
 * A plan as tab-separated lines: a table when pasted into Excel or Word, plain text
 * elsewhere. The column's title and the plan's sentence first, then one line per indicator.
 */
export function planTable(plan: AssessmentPlanView, lang: Language): string {
  const s = strings(lang);
  const head = [s.indicator, s.cellWord, s.fromWord, s.toWord, s.stepsWord, s.planIndexAfter];
  const rows = plan.groups.map((g) =>
    [`${g.code} ${g.name}`, g.cell ?? "", g.from, g.to, String(g.steps), g.index].join("\t"),
  );
  return [plan.title, plan.message, head.join("\t"), ...rows].join("\n");
}

function planStatus(reached: boolean, steps: number): AssessmentPlanView["status"] {
  if (!reached) return "unreachable";
  return steps === 0 ? "met" : "reached";
}

/** The lowest predicate threshold above every column's index; the top level where none is above. */
export function exampleTarget(t: TableAnalysis): bigint {
  const f = t.framework;
  const best = t.assessments.reduce<bigint>((m, a) => {
    const u = a.complete ? a.scores.total.units : null;
    return u !== null && u > m ? u : m;
  }, -1n);
  const above = f.predicates.map((p) => p.minUnits).filter((u) => u > best);
  return above.length ? above.reduce((a, b) => (b < a ? b : a)) : roundHalfUpUnits(f.levelMax, f.decimals);
}

/** The core's options for a table's plans, from what the assessor chose in the pane. */
function planOptions(t: TableAnalysis, choices: TargetChoices): PlanOptions {
  const f = t.framework;
  return {
    target: t.target!,
    outOfReach: (choices.outOfReach[f.id] ?? []).filter((id) => f.byId.has(id)),
    ...(choices.raise > 0 ? { raise: choices.raise } : {}),
    ...(f.integerOnly ? {} : { step: choices.step ?? DEFAULT_DECIMAL_STEP }),
  };
}

/** The plan the pane shows for one level column (the table on `sheet`), as the core made it; null without one. */
export function columnPlan(
  analysis: Analysis,
  sheet: string,
  column: string,
  choices: TargetChoices,
): { table: TableAnalysis; assessment: Assessment; plan: TargetPlan } | null {
  const table = analysis.tables.find((t) => t.layout.sheet === sheet);
  const assessment = table?.assessments.find((a) => a.column.letter === column);
  if (!table || !assessment || table.target === undefined) return null;
  const plan = planAssessment(table, assessment, planOptions(table, choices));
  return plan.ok ? { table, assessment, plan } : null;
}

function targetView(t: TableAnalysis, choices: TargetChoices, lang: Language): TargetView {
  const f = t.framework;
  const s = strings(lang);
  const stepValue = choices.step ?? DEFAULT_DECIMAL_STEP;
  const outIds = (choices.outOfReach[f.id] ?? []).filter((id) => f.byId.has(id));
  const plans: AssessmentPlanView[] =
    t.target === undefined
      ? []
      : t.assessments.map((a) => {
          const common = { key: a.column.letter, column: a.column.letter, title: assessmentTitle(a) };
          const plan = planAssessment(t, a, planOptions(t, choices));
          if (!plan.ok)
            return { ...common, status: "refused", message: pick(plan.reason, lang), groups: [], steps: [] };
          const steps: PlanStepView[] = plan.reached
            ? plan.steps.map((st, k) => ({
                key: `${a.column.letter}-${k}`,
                number: k + 1,
                indicator: st.indicator,
                code: st.code,
                name: shortName(f.byId.get(st.indicator)!, lang),
                sheet: t.layout.sheet,
                cell: st.cell ?? null,
                from: levelText(f, st.from, lang),
                to: levelText(f, st.to, lang),
                index: formatUnits(st.indexUnits, lang),
                predicateChange: st.predicateBefore
                  ? { from: predicateLabel(st.predicateBefore), to: predicateLabel(st.predicate) }
                  : null,
              }))
            : [];
          const groups = plan.reached
            ? planGroups(plan, plan.steps, t.layout.sheet, lang, (id) => shortName(f.byId.get(id)!, lang))
            : [];
          return {
            ...common,
            status: planStatus(plan.reached, plan.steps.length),
            message: planMessage(plan, outIds.length > 0, lang),
            groups,
            steps,
          };
        });
  return {
    frameworkId: f.id,
    target: t.target === undefined ? null : targetText(t.target, lang),
    example: formatUnits(exampleTarget(t), lang),
    raise: {
      value: choices.raise,
      choices: [...new Set([...RAISE_CHOICES, choices.raise])]
        .sort((x, y) => (x === 0 ? 1 : y === 0 ? -1 : x - y))
        .map((value) => ({ value, text: value === 0 ? s.raiseNone : s.raiseBy(formatNumber(value, 0, lang)) })),
    },
    stepText: f.integerOnly ? null : formatNumber(stepValue, 2, lang),
    levelMax: f.data.levels.max,
    step: f.integerOnly
      ? null
      : {
          value: stepValue,
          choices: [...new Set([...STEP_CHOICES, stepValue])]
            .sort((x, y) => x - y)
            .map((value) => ({ value, text: formatNumber(value, 2, lang) })),
        },
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
    target: targetView(t, choices, lang),
    targetValue: t.target ?? null,
    reconciliation: reconciliationView(t, lang),
    evidence: evidenceView(t, lang),
  }));
}
