/**
 * What the pane shows, as plain data in the pane's language: an analysis becomes
 * figures formatted for display (2 decimals, half-up, from the core's exact units),
 * labels, and cell places to go to. Components only lay this out.
 */
import { Analysis, Assessment, TableAnalysis } from "../core/analyze";
import { Framework, Group, predicateLabel } from "../core/framework";
import { externalValue } from "../core/external";
import { IssueCode } from "../core/messages";
import { decimalPlaces, toFixed } from "../core/rational";
import { GroupScore } from "../core/scoring";
import { Language, pick, strings } from "./i18n";

export interface AssessmentView {
  key: string;
  column: string;
  title: string;
  complete: boolean;
  /** "3.19", or null while the assessment is incomplete */
  index: string | null;
  predicate: string | null;
  /** the predicate's English gloss, shown in English only */
  predicateGloss: string | null;
  problemCount: number;
}

export interface BarView {
  key: string;
  column: string;
  /** the column's title, for screen readers */
  assessment: string;
  value: number | null;
  text: string;
}

export interface GroupView {
  key: string;
  label: string;
  name: string;
  bars: BarView[];
}

export interface ProblemView {
  key: string;
  code: IssueCode;
  severity: "error" | "warning";
  message: string;
  sheet: string;
  cell: string | null;
  external: boolean;
}

export interface LowScoreView {
  key: string;
  sheet: string;
  cell: string;
  column: string;
  indicatorCode: string;
  indicatorName: string;
  value: string;
  external: boolean;
}

export interface ExternalView {
  id: number;
  code: string;
  name: string;
  from: string;
  /** where the conversion from the source index is known */
  conversion: { from: string; scale: string; formula: string } | null;
}

export interface DetectionView {
  sheet: string;
  headerRow: number;
  levelColumns: string;
  indicatorRows: number;
  framework: string;
  reason: string;
  notes: string[];
}

export interface TableView {
  key: string;
  sheet: string;
  frameworkId: string;
  title: string;
  statusNote: string | null;
  levelMax: number;
  assessments: AssessmentView[];
  domains: GroupView[];
  aspects: GroupView[];
  problems: ProblemView[];
  lowScores: LowScoreView[];
  threshold: string;
  external: ExternalView[];
  detection: DetectionView;
}

export interface PaneView {
  tables: TableView[];
  /** workbook-level notes worth showing (why nothing was found, a bad setting) */
  notes: string[];
}

/** Hundredths as text, exactly: 319n → "3.19". */
export function formatUnits(units: bigint): string {
  const neg = units < 0n;
  const u = neg ? -units : units;
  const frac = String(u % 100n).padStart(2, "0");
  return `${neg ? "-" : ""}${u / 100n}.${frac}`;
}

function scoreText(g: GroupScore): string {
  return g.units === null ? "–" : formatUnits(g.units);
}

function scoreNumber(g: GroupScore): number | null {
  return g.units === null ? null : Number(g.units) / 100;
}

export function assessmentTitle(a: Assessment): string {
  return a.column.header && a.column.header !== a.column.letter ? `${a.column.header} (${a.column.letter})` : a.column.letter;
}

export function thresholdText(f: Framework, threshold: number): string {
  return f.integerOnly && Number.isInteger(threshold) ? String(threshold) : threshold.toFixed(2);
}

function groupViews(t: TableAnalysis, groups: Group[], pickScores: (a: Assessment) => GroupScore[], word: string, lang: Language): GroupView[] {
  return groups.map((g, k) => ({
    key: `${g.kind}-${g.id}`,
    label: `${word} ${g.id}`,
    name: lang === "id" ? g.name : g.en,
    bars: t.assessments.map((a) => {
      const s = pickScores(a)[k];
      return { key: `${g.kind}-${g.id}-${a.column.letter}`, column: a.column.letter, assessment: assessmentTitle(a), value: scoreNumber(s), text: scoreText(s) };
    }),
  }));
}

function tableView(t: TableAnalysis, lang: Language): TableView {
  const s = strings(lang);
  const f = t.framework;
  const external = new Set(f.indicators.filter((i) => i.external).map((i) => i.id));
  const assessments: AssessmentView[] = t.assessments.map((a) => {
    const p = a.complete ? a.scores.predicate : null;
    return {
      key: a.column.letter,
      column: a.column.letter,
      title: assessmentTitle(a),
      complete: a.complete,
      index: a.complete && a.scores.total.units !== null ? formatUnits(a.scores.total.units) : null,
      predicate: p ? predicateLabel(p) : null,
      predicateGloss: p && lang === "en" ? p.en : null,
      problemCount: a.issues.length + t.issues.filter((i) => !i.column && i.severity === "error").length,
    };
  });
  const problems: ProblemView[] = t.issues.map((i, k) => ({
    key: `${k}-${i.code}-${i.cell ?? i.indicator}`,
    code: i.code,
    severity: i.severity,
    message: pick(i.message, lang),
    sheet: i.sheet,
    cell: i.cell ?? null,
    external: i.indicator !== undefined && external.has(i.indicator),
  }));
  const lowScores: LowScoreView[] = t.assessments.flatMap((a) =>
    a.lowScores.map((l) => {
      const ind = f.byId.get(l.indicator)!;
      const v = a.values.get(l.indicator);
      return {
        key: `${l.column}-${l.cell}`,
        sheet: l.sheet,
        cell: l.cell,
        column: l.column,
        indicatorCode: ind.code,
        indicatorName: lang === "id" ? ind.name : ind.en,
        value: f.integerOnly || !v ? String(l.level) : toFixed(v, 2),
        external: external.has(l.indicator),
      };
    }),
  );
  const layout = t.layout;
  const titleOf = (fw: Framework) => (lang === "id" ? fw.title : fw.data.titleEn);
  return {
    key: layout.sheet,
    sheet: layout.sheet,
    frameworkId: f.id,
    title: titleOf(f),
    statusNote: f.data.statusNote ? pick(f.data.statusNote, lang) : null,
    levelMax: f.data.levels.max,
    assessments,
    domains: groupViews(t, f.domains, (a) => a.scores.domains, s.domain, lang),
    aspects: groupViews(t, f.aspects, (a) => a.scores.aspects, s.aspect, lang),
    problems,
    lowScores,
    threshold: thresholdText(f, t.threshold),
    external: f.indicators
      .filter((i) => i.external)
      .map((i) => ({
        id: i.id,
        code: i.code,
        name: lang === "id" ? i.name : i.en,
        from: s.externalFrom(i.external!.source, i.external!.agency),
        conversion: i.external!.conversion ? { from: i.external!.conversion.from, scale: i.external!.conversion.scale, formula: i.external!.conversion.formula } : null,
      })),
    detection: {
      sheet: layout.sheet,
      headerRow: layout.headerRow + 1,
      levelColumns: layout.levelColumns.map((c) => (c.header && c.header !== c.letter ? `${c.letter} (${c.header})` : c.letter)).join(", "),
      indicatorRows: layout.rows.length,
      framework: `${titleOf(f)} (${f.data.shortName})`,
      reason: pick(layout.frameworkReason, lang),
      // The summary note repeats the fields above; other notes say something new.
      notes: t.notes.filter((n) => n.code !== "table-found").map((n) => pick(n.message, lang)),
    },
  };
}

export function paneView(analysis: Analysis, lang: Language): PaneView {
  const s = strings(lang);
  const tables = analysis.tables.map((t) => tableView(t, lang));
  const notes: string[] = [];
  for (const n of analysis.notes) {
    // The command line's "several tables" note names its own flag; the pane says it in its own words.
    if (n.code === "several-tables") notes.push(s.severalTables(tables.map((t) => t.sheet).join(", ")));
    else if (n.code !== "sheet-skipped" || tables.length === 0) notes.push(pick(n.message, lang));
  }
  return { tables, notes };
}

/**
 * An external indicator's value from its source figure, exactly (I5 = 1 + SDI/25),
 * as the decimal the assessor should type; null when the figure is not a number in its scale.
 */
export function externalSuggestion(analysis: Analysis, indicatorId: number, sourceText: string): string | null {
  const f = analysis.tables.map((t) => t.framework).find((x) => x.byId.get(indicatorId)?.external?.conversion);
  const ind = f?.byId.get(indicatorId);
  const conv = ind?.external?.conversion;
  if (!f || !ind || !conv) return null;
  const text = sourceText.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const source = Number(text);
  const [lo, hi] = conv.scale.split("-").map(Number);
  if (Number.isFinite(lo) && Number.isFinite(hi) && (source < lo || source > hi)) return null;
  const v = externalValue(ind, source, f.levelMin, f.levelMax);
  if (!v) return null;
  // A typed figure divided by 25 always ends; show every one of its decimals, at least two.
  const places = Math.max(2, Math.min(decimalPlaces(v) ?? 9, 12));
  return toFixed(v, places);
}
