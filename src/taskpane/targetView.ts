/**
 * The path to the target as plain data in the pane's language, for each level column: the
 * plan the core makes, by indicator and step, its sentence, and the choices that shape it.
 * Only the tools' chunk imports it, so the planning (and its code) waits until the tools
 * are open, and an edit in a meeting does not plan again while they are closed.
 */
import { Assessment, TableAnalysis } from "../core/analyze";
import { predicateFor, predicateLabel } from "../core/framework";
import { add, Rational, roundHalfUpUnits, sub } from "../core/rational";
import { DEFAULT_DECIMAL_STEP, planAssessment, PlanOptions, PlanStep, TargetPlan } from "../core/targetPlan";
import { formatNumber, formatUnits } from "./format";
import { Language, pick, strings } from "./i18n";
import { TargetChoices } from "./state";
import { levelText, targetText } from "./toolsView";
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

/** A level column's plan as the core made it, for the plan's own sheet. */
export interface ColumnPlan {
  table: TableAnalysis;
  assessment: Assessment;
  plan: TargetPlan;
}

/** The plan the pane shows for one level column (the table on `sheet`), as the core made it; null without one. */
export function columnPlan(table: TableAnalysis, column: string, choices: TargetChoices): ColumnPlan | null {
  const assessment = table.assessments.find((a) => a.column.letter === column);
  if (!assessment || table.target === undefined) return null;
  const plan = planAssessment(table, assessment, planOptions(table, choices));
  return plan.ok ? { table, assessment, plan } : null;
}

export function targetView(t: TableAnalysis, choices: TargetChoices, lang: Language): TargetView {
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
