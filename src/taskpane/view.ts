/**
 * What the pane shows, as plain data in the pane's language: an analysis becomes
 * figures formatted for display (2 decimals, half-up, from the core's exact units, with
 * the language's decimal sign), labels, and cell places to go to. Components only lay this out.
 */
import { columnTitle, hundredthsNumber } from "../core/format";
import { Analysis, Assessment, TableAnalysis } from "../core/analyze";
import { Framework, Group, Indicator, predicateLabel } from "../core/framework";
import { externalValue } from "../core/external";
import { numbersOnlyWarning } from "../core/identification";
import { IssueCode } from "../core/messages";
import { add, compare, decimalPlaces, div, fromInt, mul, Rational, sub, toFixed } from "../core/rational";
import { formatDecimal, formatNumber, formatRational, formatSigned, formatUnits } from "./format";
import { GroupScore } from "../core/scoring";
import { Language, pick, strings } from "./i18n";
import { columnKey, LastValid } from "./state";

export interface AssessmentView {
  key: string;
  column: string;
  title: string;
  complete: boolean;
  /** "3,19" in Indonesian, "3.19" in English; null while the assessment is incomplete */
  index: string | null;
  /** the index in hundredths, to tell how far it moved */
  indexUnits: number | null;
  /** nothing typed in the column yet: the card says so instead of counting every blank */
  empty: boolean;
  /** level cells holding something, of the framework's indicators */
  filled: number;
  total: number;
  predicate: string | null;
  /** the predicate's English gloss, shown in English only */
  predicateGloss: string | null;
  /** the errors that keep this column from its index: its own and the table's (a missing indicator) */
  problemCount: number;
  /** while the column has no index: the last one it had, and the first thing that stands in the way */
  stale: StaleView | null;
}

/** The last valid index of a column, shown marked as out of date beside what made it so. */
export interface StaleView {
  index: string;
  predicate: string | null;
  /** "D7: 7 di luar rentang 1–5" */
  reason: string;
  sheet: string;
  cell: string | null;
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
  /** where the value comes from: each indicator's weight and its level in every column */
  indicators: GroupIndicatorView[];
}

export interface GroupIndicatorView {
  key: string;
  code: string;
  name: string;
  weight: string;
  /** per level column, in the order of the bars: the level, or "–" while it has none */
  levels: string[];
}

export interface ProblemView {
  key: string;
  code: IssueCode;
  /** the code in the pane's language */
  codeText: string;
  severity: "error" | "warning";
  message: string;
  sheet: string;
  cell: string | null;
  /** the level column it belongs to; null for the table as a whole */
  column: string | null;
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
  /** what the column's index gains if this indicator rises one level (to the top level at most): "+0,03" */
  gain: string;
  /** among the few whose rise lifts the index most (marked only where the list is longer than that) */
  top: boolean;
}

/** One column's low scores, largest gain in index first, and how many of the indicators they are. */
export interface LowGroupView {
  key: string;
  column: string;
  title: string;
  /** "19 dari 20 indikator di bawah 2,50" */
  summary: string;
  items: LowScoreView[];
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
  /** where the framework's figures come from and what they were checked against */
  statusNote: string | null;
  notes: string[];
}

export interface TableView {
  key: string;
  sheet: string;
  frameworkId: string;
  title: string;
  /** said prominently when the table was identified by its row numbers alone */
  identificationWarning: string | null;
  levelMax: number;
  assessments: AssessmentView[];
  domains: GroupView[];
  aspects: GroupView[];
  problems: ProblemView[];
  /** what `problems` holds, by severity: every place that counts problems says these two */
  problemCounts: ProblemCounts;
  /** what stands between the assessor and an index: the errors, a column's blank cells as one line; a column with nothing typed is left to its card */
  blocking: ProblemView[];
  /** the errors behind `blocking` (a column's blank cells are one line there, each counted here) */
  blockingErrors: number;
  lowScores: LowScoreView[];
  /** the same low scores by column, each ordered by the gain in index a one-level rise brings */
  lowGroups: LowGroupView[];
  threshold: string;
  external: ExternalView[];
  detection: DetectionView;
}

/** Problems are errors (they keep an index from being computed) and warnings (they never do). */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function problemCounts(problems: { severity: "error" | "warning" }[]): ProblemCounts {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

export interface PaneView {
  tables: TableView[];
  /** workbook-level notes worth showing (why nothing was found, a bad setting) */
  notes: string[];
}

function scoreText(g: GroupScore, lang: Language): string {
  return g.units === null ? "–" : formatUnits(g.units, lang);
}

function scoreNumber(g: GroupScore): number | null {
  return hundredthsNumber(g.units);
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

export function assessmentTitle(a: Assessment): string {
  return columnTitle(a.column);
}

export function thresholdText(f: Framework, threshold: number, lang: Language): string {
  return formatNumber(threshold, f.integerOnly && Number.isInteger(threshold) ? 0 : 2, lang);
}

/**
 * Level cells holding something, per column. The reader may count them itself
 * (`filled`, `total` on the assessment); otherwise every indicator without a blank or
 * missing cell counts as filled.
 */
export function fillOf(t: TableAnalysis, a: Assessment): { filled: number; total: number } {
  const counted = a as Assessment & { filled?: number; total?: number };
  if (typeof counted.filled === "number" && typeof counted.total === "number")
    return { filled: counted.filled, total: counted.total };
  const total = t.framework.indicators.length;
  const missing = t.issues.filter((i) => i.code === "missing-indicator").length;
  const blank = a.issues.filter((i) => i.code === "blank").length;
  return { filled: Math.max(0, total - missing - blank), total };
}

/** A line of the blocking list, with how many errors it stands for. */
type BlockingLine = ProblemView & { errors: number };

function blockingViews(t: TableAnalysis, problems: ProblemView[], empty: Set<string>, lang: Language): BlockingLine[] {
  const s = strings(lang);
  const out: BlockingLine[] = [];
  const blanks = new Map<string, { line: number; cells: ProblemView[] }>();
  t.issues.forEach((i, k) => {
    const p = problems[k];
    if (i.severity !== "error") return;
    if (i.code !== "blank" || !i.column) {
      out.push({ ...p, errors: 1 });
      return;
    }
    if (empty.has(i.column)) return;
    const group = blanks.get(i.column) ?? {
      line: out.push({ ...p, key: `blank-${i.column}`, errors: 0 }) - 1,
      cells: [],
    };
    group.cells.push(p);
    blanks.set(i.column, group);
  });
  // A column's blank cells are one line: how many, and the first, where typing starts.
  for (const [column, { line, cells }] of blanks) {
    out[line].errors = cells.length;
    if (cells.length > 1)
      out[line] = { ...out[line], message: `${s.blanks(cells.length, column)}, ${s.blanksFirst(cells[0].cell ?? "")}` };
  }
  return out;
}

/**
 * A column that still shows its last index names what blocks it on its own card; the list
 * under the cards keeps only the rest, so a typo moves nothing below the headline.
 */
function withoutStale(blocking: BlockingLine[], assessments: AssessmentView[]): BlockingLine[] {
  const stale = new Set(assessments.filter((a) => a.stale).map((a) => a.column));
  if (stale.size === 0) return blocking;
  const othersBlocked = assessments.some((a) => !a.complete && !a.empty && !a.stale);
  return blocking.filter((p) => (p.column ? !stale.has(p.column) : othersBlocked));
}

function groupViews(
  t: TableAnalysis,
  groups: Group[],
  pickScores: (a: Assessment) => GroupScore[],
  word: string,
  lang: Language,
): GroupView[] {
  return groups.map((g, k) => ({
    key: `${g.kind}-${g.id}`,
    label: `${word} ${g.id}`,
    name: lang === "id" ? g.name : g.en,
    indicators: g.indicatorIds.map((id) => {
      const ind = t.framework.byId.get(id)!;
      return {
        key: `${g.kind}-${g.id}-${id}`,
        code: ind.code,
        name: shortName(ind, lang),
        weight: formatNumber(ind.weightNumber, decimalPlaces(ind.weight) ?? 2, lang),
        levels: t.assessments.map((a) => {
          const v = a.values.get(id);
          if (!v) return "–";
          return t.framework.integerOnly && v.den === 1n ? v.num.toString() : formatRational(v, 2, lang);
        }),
      };
    }),
    bars: t.assessments.map((a) => {
      const s = pickScores(a)[k];
      return {
        key: `${g.kind}-${g.id}-${a.column.letter}`,
        column: a.column.letter,
        assessment: assessmentTitle(a),
        value: scoreNumber(s),
        text: scoreText(s, lang),
      };
    }),
  }));
}

/** How many of a column's low scores are marked as the ones that matter most. */
export const LOW_TOP = 3;

/**
 * What the index gains when one indicator rises one level, capped at the top level: its
 * weight's share of the whole, exactly. The same rise is worth 0.030 on a public-service
 * indicator and 0.013 on an internal-policy one, so this, not the level, orders the list.
 */
export function raiseGain(f: Framework, id: number, level: Rational): Rational {
  const room = sub(f.levelMax, level);
  const rise = compare(room, fromInt(1)) < 0 ? room : fromInt(1);
  const total = f.indicators.reduce((w, i) => add(w, i.weight), fromInt(0));
  return div(mul(rise, f.byId.get(id)!.weight), total);
}

/**
 * How many of a list ordered by gain (largest first) to mark as the ones that matter most:
 * the first `LOW_TOP`, and those tied with the last of them while that stays a few (two
 * more); when a tie is wider, only the gains above it, which may be none. A list of
 * `LOW_TOP` or fewer is all that matters and marks nothing.
 */
export function topGains(gains: Rational[]): number {
  if (gains.length <= LOW_TOP) return 0;
  const cut = gains[LOW_TOP - 1];
  const atLeast = gains.filter((g) => compare(g, cut) >= 0).length;
  if (atLeast === gains.length) return 0;
  return atLeast <= LOW_TOP + 2 ? atLeast : gains.filter((g) => compare(g, cut) > 0).length;
}

/** The first error that keeps a column from its index, as "cell: what is wrong" (the whole message when it names no cell). */
export function blockingReason(t: TableAnalysis, a: Assessment, lang: Language): { text: string; cell: string | null } {
  const first =
    a.issues.find((i) => i.severity === "error" && i.code !== "blank") ??
    t.issues.find((i) => i.severity === "error" && !i.column) ??
    a.issues.find((i) => i.severity === "error");
  if (!first) return { text: strings(lang).incomplete, cell: null };
  const text = first.cell && first.reason ? `${first.cell}: ${pick(first.reason, lang)}` : pick(first.message, lang);
  return { text, cell: first.cell ?? null };
}

function tableView(t: TableAnalysis, lang: Language, lastValid: Record<string, LastValid>): TableView {
  const s = strings(lang);
  const f = t.framework;
  const external = new Set(f.indicators.filter((i) => i.external).map((i) => i.id));
  const assessments: AssessmentView[] = t.assessments.map((a) => {
    const p = a.complete ? a.scores.predicate : null;
    const units = a.complete ? a.scores.total.units : null;
    const fill = fillOf(t, a);
    const last = units === null ? lastValid[columnKey(f.id, t.layout.sheet, a.column.letter)] : undefined;
    const reason = last ? blockingReason(t, a, lang) : null;
    return {
      key: a.column.letter,
      column: a.column.letter,
      title: assessmentTitle(a),
      complete: a.complete,
      index: units !== null ? formatUnits(units, lang) : null,
      indexUnits: units !== null ? Number(units) : null,
      empty: fill.filled === 0 && fill.total > 0,
      ...fill,
      predicate: p ? predicateLabel(p) : null,
      predicateGloss: p && lang === "en" ? p.en : null,
      problemCount: [...a.issues, ...t.issues.filter((i) => !i.column)].filter((i) => i.severity === "error").length,
      stale:
        last && reason
          ? {
              index: formatUnits(BigInt(last.units), lang),
              predicate: last.predicate ? predicateLabel(last.predicate) : null,
              reason: reason.text,
              sheet: t.layout.sheet,
              cell: reason.cell,
            }
          : null,
    };
  });
  const problems: ProblemView[] = t.issues.map((i, k) => ({
    key: `${k}-${i.code}-${i.cell ?? i.indicator}`,
    code: i.code,
    codeText: s.issueCode[i.code],
    severity: i.severity,
    message: pick(i.message, lang),
    sheet: i.sheet,
    cell: i.cell ?? null,
    column: i.column ?? null,
    external: i.indicator !== undefined && external.has(i.indicator),
  }));
  const gains = new Map<string, Rational>();
  const lowScores: LowScoreView[] = t.assessments.flatMap((a) =>
    a.lowScores.map((l) => {
      const ind = f.byId.get(l.indicator)!;
      const v = a.values.get(l.indicator);
      const gain = raiseGain(f, l.indicator, v ?? fromInt(l.level));
      gains.set(`${l.column}-${l.cell}`, gain);
      return {
        key: `${l.column}-${l.cell}`,
        sheet: l.sheet,
        cell: l.cell,
        column: l.column,
        indicatorCode: ind.code,
        indicatorName: shortName(ind, lang),
        value: f.integerOnly || !v ? formatNumber(l.level, 0, lang) : formatRational(v, 2, lang),
        external: external.has(l.indicator),
        gain: formatSigned(gain, 2, lang),
        top: false,
      };
    }),
  );
  const lowGroups: LowGroupView[] = assessments
    .map((a) => {
      const gainOf = (l: LowScoreView) => gains.get(l.key)!;
      const items = lowScores.filter((l) => l.column === a.column).sort((x, y) => compare(gainOf(y), gainOf(x)));
      const marked = topGains(items.map(gainOf));
      return {
        key: a.key,
        column: a.column,
        title: a.title,
        summary: s.lowSummary(items.length, f.indicators.length, thresholdText(f, t.threshold, lang)),
        items: items.map((l, k) => ({ ...l, top: k < marked })),
      };
    })
    .filter((g) => g.items.length > 0);
  const blocking = withoutStale(
    blockingViews(t, problems, new Set(assessments.filter((a) => a.empty).map((a) => a.column)), lang),
    assessments,
  );
  const layout = t.layout;
  const titleOf = (fw: Framework) => (lang === "id" ? fw.title : fw.data.titleEn);
  return {
    key: layout.sheet,
    sheet: layout.sheet,
    frameworkId: f.id,
    title: titleOf(f),
    identificationWarning: t.layout.identification.basis === "numbers" ? pick(numbersOnlyWarning(f), lang) : null,
    levelMax: f.data.levels.max,
    assessments,
    domains: groupViews(t, f.domains, (a) => a.scores.domains, s.domain, lang),
    aspects: groupViews(t, f.aspects, (a) => a.scores.aspects, s.aspect, lang),
    problems,
    problemCounts: problemCounts(problems),
    blocking: blocking.map(({ errors: _, ...line }) => line),
    blockingErrors: blocking.reduce((n, line) => n + line.errors, 0),
    lowScores,
    lowGroups,
    threshold: thresholdText(f, t.threshold, lang),
    external: f.indicators
      .filter((i) => i.external)
      .map((i) => ({
        id: i.id,
        code: i.code,
        name: lang === "id" ? i.name : i.en,
        from: s.externalFrom(i.external!.source, i.external!.agency),
        conversion: i.external!.conversion
          ? {
              from: i.external!.conversion.from,
              scale: i.external!.conversion.scale,
              formula: i.external!.conversion.formula,
            }
          : null,
      })),
    detection: {
      sheet: layout.sheet,
      headerRow: layout.headerRow + 1,
      levelColumns: layout.levelColumns.map(columnTitle).join(", "),
      indicatorRows: layout.rows.length,
      framework: `${titleOf(f)} (${f.data.shortName})`,
      reason: pick(layout.frameworkReason, lang),
      statusNote: f.data.statusNote ? pick(f.data.statusNote, lang) : null,
      // The summary note repeats the fields above; other notes say something new.
      notes: t.notes.filter((n) => n.code !== "table-found").map((n) => pick(n.message, lang)),
    },
  };
}

export function paneView(analysis: Analysis, lang: Language, lastValid: Record<string, LastValid> = {}): PaneView {
  const s = strings(lang);
  const tables = analysis.tables.map((t) => tableView(t, lang, lastValid));
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
export function externalSuggestion(
  analysis: Analysis,
  indicatorId: number,
  sourceText: string,
  lang: Language,
): string | null {
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
  return formatDecimal(toFixed(v, places), places, lang);
}
