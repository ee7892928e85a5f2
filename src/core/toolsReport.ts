/**
 * The published shape of the assessor tools — path to target, self versus assessor,
 * evidence gaps — as JSON for other programs and as text for a terminal, in the run's
 * one language. Other programs rely on the JSON keys: keep them.
 */
import type { Analysis, TableAnalysis } from "./analyze";
import { Framework, predicateLabel } from "./framework";
import { AssessmentEvidenceGaps, tableEvidenceGaps } from "./evidence";
import { both } from "./messages";
import { Rational, toFixed, toNumber } from "./rational";
import { Reconciliation, reconcileTable } from "./reconcile";
import { PlanOptions, PlanResult, planAssessment, showLevel } from "./targetPlan";
import { hundredthsNumber, hundredthsText, pad } from "./format";
import { numbersOnlyWarning } from "./identification";
import { decimalIn, inLanguage, say, TextLanguage } from "./textLanguage";

/* ---------- self versus assessor, evidence: additions to the score report ---------- */

export interface ReconciliationRowJson {
  indicator: number;
  code: string;
  cells: [string | null, string | null];
  levels: [number, number];
  indexImpact: number;
}

export interface GroupGapJson {
  id: number;
  name: string;
  indexImpact: number;
  differences: number;
}

export interface ReconciliationSummaryJson {
  columns: [string, string];
  /** displayed index of the second column minus that of the first (−0.56) */
  gap: number | null;
  /** the same, unrounded (−0.557): the exact sum of every row's impact */
  gapUnrounded: number | null;
  domains: GroupGapJson[];
  aspects: GroupGapJson[];
  /** indicators left out because one column has no valid value there */
  unmatched: number[];
}

export interface EvidenceGapsJson {
  column: string;
  count: number;
  domains: { id: number; name: string; count: number }[];
  aspects: { id: number; name: string; count: number }[];
  indicators: { indicator: number; code: string; cell: string | null; evidenceCell: string | null; level: number }[];
}

export interface ToolsTableJson {
  /** first level column against the last, when the table has two or more */
  reconciliation?: ReconciliationRowJson[];
  reconciliationSummary?: ReconciliationSummaryJson;
  /** per level column, when the table has an evidence column */
  evidenceGaps?: EvidenceGapsJson[];
}

export function reconciliationJson(r: Reconciliation): {
  reconciliation: ReconciliationRowJson[];
  reconciliationSummary: ReconciliationSummaryJson;
} {
  const group = (g: Reconciliation["aspects"][number]): GroupGapJson => ({
    id: g.id,
    name: g.name,
    indexImpact: toNumber(g.impact),
    differences: g.differences,
  });
  return {
    reconciliation: r.differences.map((d) => ({
      indicator: d.indicator,
      code: d.code,
      cells: [d.cells[0] ?? null, d.cells[1] ?? null],
      levels: [toNumber(d.levels[0]), toNumber(d.levels[1])],
      indexImpact: toNumber(d.impact),
    })),
    reconciliationSummary: {
      columns: r.columns ?? ["", ""],
      gap: hundredthsNumber(r.gapUnits),
      gapUnrounded: r.gap === null ? null : toNumber(r.gap),
      domains: r.domains.map(group),
      aspects: r.aspects.map(group),
      unmatched: r.unmatched,
    },
  };
}

export function evidenceGapsJson(all: AssessmentEvidenceGaps[]): EvidenceGapsJson[] {
  const count = (g: { id: number; name: string; count: number }) => ({ id: g.id, name: g.name, count: g.count });
  return all.map((e) => ({
    column: e.column,
    count: e.gaps.length,
    domains: e.domains.map(count),
    aspects: e.aspects.map(count),
    indicators: e.gaps.map((g) => ({
      indicator: g.indicator,
      code: g.code,
      cell: g.cell ?? null,
      evidenceCell: g.evidenceCell ?? null,
      level: toNumber(g.level),
    })),
  }));
}

/** The keys the score report gains for one table. */
export function toolsTableJson(t: TableAnalysis): ToolsTableJson {
  const r = reconcileTable(t);
  const e = tableEvidenceGaps(t);
  return { ...(r ? reconciliationJson(r) : {}), ...(e ? { evidenceGaps: evidenceGapsJson(e) } : {}) };
}

function signed(x: Rational, decimals: number, lang: TextLanguage): string {
  const s = decimalIn(toFixed(x, decimals), lang);
  return s.startsWith("-") ? s.replace("-", "−") : `+${s}`;
}

const SHOWN_DIFFERENCES = 15;

/** Names in a column as wide as the longest, so none is cut. */
function widest(names: string[], least: number): number {
  return Math.max(least, ...names.map((n) => n.length));
}

export function reconciliationText(r: Reconciliation, lang: TextLanguage): string[] {
  const f = r.framework;
  const [a, b] = r.columns ?? ["1", "2"];
  const out: string[] = [];
  const name = (id: number) => (lang === "id" ? f.byId.get(id)!.name : f.byId.get(id)!.en);
  const gap =
    r.gapUnits === null || r.gap === null
      ? "–"
      : `${signed({ num: r.gapUnits, den: 100n }, 2, lang)} (${signed(r.gap, 4, lang)} ${say(lang, "tanpa pembulatan", "unrounded")})`;
  out.push(
    say(
      lang,
      `Selisih ${a} → ${b}: ${r.differences.length} indikator berbeda; indeks ${gap}`,
      `Difference ${a} → ${b}: ${r.differences.length} indicator${r.differences.length === 1 ? "" : "s"} differ; index ${gap}`,
    ),
  );
  const rows = r.differences.slice(0, SHOWN_DIFFERENCES).map((d) => ({ d, label: `${d.code} ${name(d.indicator)}` }));
  const w = widest(
    rows.map((x) => x.label),
    42,
  );
  for (const { d, label } of rows) {
    const cells = `${d.cells[0] ?? a}=${decimalIn(showLevel(f, d.levels[0]), lang)} → ${d.cells[1] ?? b}=${decimalIn(showLevel(f, d.levels[1]), lang)}`;
    out.push(`  ${pad(label, w)} ${pad(cells, 22)} ${signed(d.impact, 4, lang)}`);
  }
  if (r.differences.length > SHOWN_DIFFERENCES)
    out.push(`  … ${r.differences.length - SHOWN_DIFFERENCES} ${say(lang, "lagi", "more")} (--format json)`);
  const groups = [
    ...r.domains.map((g) => ({ g, label: `Domain ${g.id} ${lang === "id" ? g.name : g.en}` })),
    ...r.aspects.map((g) => ({ g, label: `${say(lang, "Aspek", "Aspect")} ${g.id} ${lang === "id" ? g.name : g.en}` })),
  ];
  const shown = groups.filter(({ g }) => g.differences > 0);
  if (shown.length) {
    out.push(
      say(
        lang,
        "  Sumbangan ke selisih indeks per domain dan aspek:",
        "  Contribution to the index difference by domain and aspect:",
      ),
    );
    const gw = widest(
      shown.map((x) => x.label),
      40,
    );
    for (const { g, label } of shown) out.push(`    ${pad(label, gw)} ${signed(g.impact, 4, lang)} (${g.differences})`);
  }
  if (r.unmatched.length) {
    const codes = r.unmatched.map((id) => f.byId.get(id)!.code).join(", ");
    out.push(
      say(
        lang,
        `  Tidak dibandingkan (nilai tidak sah di salah satu kolom): ${codes}`,
        `  Not compared (no valid value in one column): ${codes}`,
      ),
    );
  }
  return out;
}

export function evidenceText(framework: Framework, all: AssessmentEvidenceGaps[], lang: TextLanguage): string[] {
  const out: string[] = [];
  for (const e of all) {
    out.push(
      say(
        lang,
        `Nilai di atas 1 tanpa bukti dukung, ${e.column}: ${e.gaps.length}`,
        `Levels above 1 without evidence, ${e.column}: ${e.gaps.length}`,
      ),
    );
    if (e.gaps.length === 0) continue;
    const groups = framework.domains.length
      ? e.domains.map((g) => ({ g, label: "Domain" }))
      : e.aspects.map((g) => ({ g, label: say(lang, "Aspek", "Aspect") }));
    out.push(
      `  ${groups
        .filter(({ g }) => g.count > 0)
        .map(({ g, label }) => `${label} ${g.id}: ${g.count}`)
        .join(", ")}`,
    );
    out.push(
      `  ${e.gaps.map((g) => `${g.code}=${decimalIn(showLevel(framework, g.level), lang)} (${g.cell ?? "?"})`).join(", ")}`,
    );
  }
  return out;
}

/** The lines the score report's text gains for one table. */
export function toolsTableText(t: TableAnalysis, lang: TextLanguage): string[] {
  const out: string[] = [];
  const r = reconcileTable(t);
  if (r) out.push("", ...reconciliationText(r, lang));
  const e = tableEvidenceGaps(t);
  if (e) out.push("", ...evidenceText(t.framework, e, lang));
  return out;
}

/* ---------- path to target: the plan command ---------- */

export interface PlannedAssessment {
  table: TableAnalysis;
  column: string;
  header: string;
  plan: PlanResult;
}

export function planAnalysis(analysis: Analysis, options: PlanOptions): PlannedAssessment[] {
  return analysis.tables.flatMap((table) =>
    table.assessments.map((a) => ({
      table,
      column: a.column.letter,
      header: a.column.header,
      plan: planAssessment(table, a, options),
    })),
  );
}

export interface PlanStepJson {
  indicator: number;
  code: string;
  cell: string | null;
  from: number;
  to: number;
  index: number;
  indexUnrounded: number;
  /** only on the step after which the predicate changes */
  predicateChange?: { from: string; to: string };
}

export interface PlanAssessmentJson {
  column: string;
  header: string;
  sheet: string;
  framework: string;
  reached: boolean;
  /** where the plan ends (the best reachable index when the target is out of reach); null when no plan could be made */
  index: number | null;
  predicate: string | null;
  start: number | null;
  step: number | null;
  steps: PlanStepJson[];
  message: string;
  messageId: string;
  messageEn: string;
}

export interface PlanJson {
  target: number;
  assessments: PlanAssessmentJson[];
}

export function planJson(target: number, planned: PlannedAssessment[]): PlanJson {
  return {
    target,
    assessments: planned.map(({ table, column, header, plan }) => {
      const common = { column, header, sheet: table.layout.sheet, framework: table.framework.id };
      if (!plan.ok) {
        return {
          ...common,
          reached: false,
          index: null,
          predicate: null,
          start: null,
          step: null,
          steps: [],
          message: both(plan.reason),
          messageId: plan.reason.id,
          messageEn: plan.reason.en,
        };
      }
      return {
        ...common,
        reached: plan.reached,
        index: hundredthsNumber(plan.indexUnits),
        predicate: predicateLabel(plan.predicate),
        start: hundredthsNumber(plan.startUnits),
        step: toNumber(plan.step),
        steps: plan.steps.map((s) => ({
          indicator: s.indicator,
          code: s.code,
          cell: s.cell ?? null,
          from: toNumber(s.from),
          to: toNumber(s.to),
          index: hundredthsNumber(s.indexUnits),
          indexUnrounded: toNumber(s.index),
          ...(s.predicateBefore
            ? { predicateChange: { from: predicateLabel(s.predicateBefore), to: predicateLabel(s.predicate) } }
            : {}),
        })),
        message: both(plan.message),
        messageId: plan.message.id,
        messageEn: plan.message.en,
      };
    }),
  };
}

export function planText(target: number, planned: PlannedAssessment[], lang: TextLanguage): string {
  const out: string[] = [];
  let table: TableAnalysis | undefined;
  for (const { table: t, column, header, plan } of planned) {
    const f = t.framework;
    if (t !== table) {
      table = t;
      if (out.length) out.push("");
      out.push(
        `${say(lang, f.title, f.data.titleEn)} — ${say(lang, "lembar", "sheet")} "${t.layout.sheet}" (${f.data.shortName}) — target ${decimalIn(target, lang)}`,
      );
      if (t.layout.identification.basis === "numbers") out.push(`  ! ${inLanguage(numbersOnlyWarning(f), lang)}`);
    }
    out.push("");
    const col = say(lang, "Kolom", "Column");
    if (!plan.ok) {
      out.push(`${col} ${column} (${header}): ${say(lang, "tidak dapat direncanakan", "cannot be planned")}`);
      out.push(`  ${inLanguage(plan.reason, lang)}`);
      continue;
    }
    const step = `${say(lang, "langkah", "step")} ${f.integerOnly ? say(lang, "1 nilai", "1 level") : decimalIn(showLevel(f, plan.step), lang)}`;
    out.push(
      `${col} ${column} (${header}): ${decimalIn(hundredthsText(plan.startUnits), lang)} ${predicateLabel(plan.startPredicate)}; ${step}`,
    );
    out.push(`  ${inLanguage(plan.message, lang)}`);
    if (!plan.reached || plan.steps.length === 0) continue;
    const rows = plan.steps.map((s) => ({
      s,
      name: `${s.code} ${lang === "id" ? f.byId.get(s.indicator)!.name : f.byId.get(s.indicator)!.en}`,
    }));
    const w = widest(
      rows.map((x) => x.name),
      20,
    );
    out.push(
      `  ${pad("No", 4)}${pad(say(lang, "Indikator", "Indicator"), w + 1)}${pad(say(lang, "Sel", "Cell"), 12)}${pad(say(lang, "Dari → Ke", "From → To"), 23)}${say(lang, "Indeks", "Index")}`,
    );
    rows.forEach(({ s, name }, k) => {
      const change = s.predicateBefore ? `  ${predicateLabel(s.predicateBefore)} → ${predicateLabel(s.predicate)}` : "";
      out.push(
        `  ${pad(String(k + 1), 4)}${pad(name, w)} ${pad(s.cell ?? "", 12)}${pad(`${decimalIn(showLevel(f, s.from), lang)} → ${decimalIn(showLevel(f, s.to), lang)}`, 23)}${decimalIn(hundredthsText(s.indexUnits), lang)}${change}`,
      );
    });
  }
  return out.join("\n");
}
