/**
 * The published shape of a scoring result (the command line's `--format json`), and
 * its plain-text table in the run's one language, names never cut. Other programs rely
 * on the JSON keys: keep them.
 */
import { Analysis, Assessment, TableAnalysis } from "./analyze";
import { predicateLabel } from "./framework";
import { both, Issue, Note } from "./messages";
import { toFixed, toNumber } from "./rational";
import { GroupScore } from "./scoring";
import { Identification, numbersOnlyWarning } from "./identification";
import { ToolsTableJson, toolsTableJson, toolsTableText } from "./toolsReport";
import { decimalIn, inLanguage, say, TextLanguage } from "./textLanguage";
import { columnTitle, hundredthsNumber, pad } from "./format";

export interface GroupJson {
  id: number;
  name: string;
  index: number | null;
}

export interface AssessmentJson {
  column: string;
  header: string;
  complete: boolean;
  /** no level cell of the column holds anything yet: no index, and no problems counted */
  notFilled: boolean;
  /** level cells holding something, out of `total` indicators */
  filled: number;
  total: number;
  index: number | null;
  indexUnrounded: number | null;
  predicate: string | null;
  domains: GroupJson[];
  aspects: GroupJson[];
}

export interface IssueJson {
  cell?: string;
  sheet: string;
  indicator?: number;
  column?: string;
  code: string;
  severity: "error" | "warning";
  message: string;
  messageId: string;
  messageEn: string;
}

export interface IdentificationJson {
  /** what the table was identified by: "names", "codes", "numbers" (row numbers alone) or "user" */
  basis: Identification["basis"];
  /** true when identification rests on row numbers alone: check the table is an assessment */
  numbersOnly: boolean;
  names: number;
  codes: number;
  numbers: number;
  indicators: number;
}

export interface TableJson extends ToolsTableJson {
  framework: string;
  frameworkStatus?: string;
  identification: IdentificationJson;
  sheet: string;
  assessments: AssessmentJson[];
  issues: IssueJson[];
  lowScores: { cell: string; indicator: number; level: number; column: string }[];
  notes: string[];
}

export interface ReportJson extends TableJson {
  /** every table found, the first of which is also spread at the top level */
  sheets: TableJson[];
  workbookNotes: string[];
}

function groupJson(g: GroupScore): GroupJson {
  return { id: g.id, name: g.name, index: hundredthsNumber(g.units) };
}

export function issueJson(i: Issue): IssueJson {
  return {
    ...(i.cell ? { cell: i.cell } : {}),
    sheet: i.sheet,
    ...(i.indicator !== undefined ? { indicator: i.indicator } : {}),
    ...(i.column ? { column: i.column } : {}),
    code: i.code,
    severity: i.severity,
    message: both(i.message),
    messageId: i.message.id,
    messageEn: i.message.en,
  };
}

function noteText(n: Note): string {
  return both(n.message);
}

/** One level column's figures, as the report and the batch summary both give them. */
export function assessmentJson(a: Assessment): AssessmentJson {
  return {
    column: a.column.letter,
    header: a.column.header,
    complete: a.complete,
    notFilled: a.notFilled,
    filled: a.filled,
    total: a.total,
    index: a.complete ? hundredthsNumber(a.scores.total.units) : null,
    indexUnrounded: a.complete && a.scores.total.unrounded ? toNumber(a.scores.total.unrounded) : null,
    predicate: a.complete && a.scores.predicate ? predicateLabel(a.scores.predicate) : null,
    domains: a.scores.domains.map(groupJson),
    aspects: a.scores.aspects.map(groupJson),
  };
}

export function tableJson(t: TableAnalysis): TableJson {
  return {
    framework: t.framework.id,
    ...(t.framework.data.statusNote ? { frameworkStatus: both(t.framework.data.statusNote) } : {}),
    identification: { ...t.layout.identification, numbersOnly: t.layout.identification.basis === "numbers" },
    sheet: t.layout.sheet,
    assessments: t.assessments.map(assessmentJson),
    issues: t.issues.map(issueJson),
    lowScores: t.assessments.flatMap((a) =>
      a.lowScores.map((l) => ({ cell: l.cell, indicator: l.indicator, level: l.level, column: l.column })),
    ),
    notes: t.notes.map(noteText),
    ...toolsTableJson(t),
  };
}

export function reportJson(a: Analysis): ReportJson | { sheets: []; workbookNotes: string[] } {
  const tables = a.tables.map(tableJson);
  const workbookNotes = a.notes.map(noteText);
  if (tables.length === 0) return { sheets: [], workbookNotes };
  return { ...tables[0], sheets: tables, workbookNotes };
}

function fmt(g: GroupScore, lang: TextLanguage): string {
  return g.unrounded === null ? "–" : decimalIn(toFixed(g.unrounded, 2), lang);
}

/** A readable table for a terminal, in one language; every name in full, the columns as wide as they need. */
export function reportText(a: Analysis, lang: TextLanguage = "id"): string {
  const out: string[] = [];
  for (const t of a.tables) {
    const f = t.framework;
    out.push(
      `${say(lang, f.title, f.data.titleEn)} — ${say(lang, "lembar", "sheet")} "${t.layout.sheet}" (${f.data.shortName})`,
    );
    if (t.layout.identification.basis === "numbers") out.push(`  ! ${inLanguage(numbersOnlyWarning(f), lang)}`);
    for (const n of t.notes) out.push(`  ${inLanguage(n.message, lang)}`);
    // Where the framework's figures come from is a detail under the detection, not a warning.
    if (f.data.statusNote) out.push(`  ${inLanguage(f.data.statusNote, lang)}`);
    const cols = t.assessments;
    const rows: [string, string[]][] = [
      [
        say(lang, "Indeks", "Index"),
        cols.map((c) =>
          c.complete
            ? fmt(c.scores.total, lang)
            : c.notFilled
              ? say(lang, "belum diisi", "not filled")
              : say(lang, "belum lengkap", "incomplete"),
        ),
      ],
      [say(lang, "Terisi", "Filled"), cols.map((c) => `${c.filled}/${c.total}`)],
      [
        say(lang, "Predikat", "Predicate"),
        cols.map((c) => (c.complete && c.scores.predicate ? predicateLabel(c.scores.predicate) : "–")),
      ],
      ...f.domains.map((d, k): [string, string[]] => [
        `  Domain ${d.id} ${lang === "id" ? d.name : d.en}`,
        cols.map((c) => fmt(c.scores.domains[k], lang)),
      ]),
      ...f.aspects.map((g, k): [string, string[]] => [
        `  ${say(lang, "Aspek", "Aspect")} ${g.id} ${lang === "id" ? g.name : g.en}`,
        cols.map((c) => fmt(c.scores.aspects[k], lang)),
      ]),
    ];
    const heads = cols.map((c) => columnTitle(c.column));
    const w = Math.max(...rows.map(([label]) => label.length)) + 2;
    const cw = cols.map((_, k) => Math.max(heads[k].length, ...rows.map(([, v]) => v[k].length)) + 2);
    const line = (label: string, values: string[]) =>
      out.push((pad(label, w) + values.map((v, k) => pad(v, cw[k])).join("")).trimEnd());
    out.push("");
    line("", heads);
    for (const [label, values] of rows) line(label, values);
    if (t.issues.length) {
      out.push("", `${say(lang, "Masalah", "Problems")} (${t.issues.length}):`);
      for (const i of t.issues.slice(0, 200)) out.push(`  [${i.code}] ${inLanguage(i.message, lang)}`);
      if (t.issues.length > 200) out.push(`  … ${t.issues.length - 200} ${say(lang, "lagi", "more")}`);
    }
    const low = cols.flatMap((c) => c.lowScores);
    if (low.length) {
      out.push(
        "",
        say(
          lang,
          `Nilai rendah (di bawah ${decimalIn(t.threshold, lang)}): ${low.length}`,
          `Low scores (below ${t.threshold}): ${low.length}`,
        ),
      );
      for (const c of cols) {
        const l = c.lowScores;
        if (l.length)
          out.push(
            `  ${c.column.letter}: ${l.map((x) => `${f.byId.get(x.indicator)!.code}=${decimalIn(x.level, lang)} (${x.cell})`).join(", ")}`,
          );
      }
    }
    out.push(...toolsTableText(t, lang));
    out.push("");
  }
  // A cover sheet without a table is expected; say so only when no table was found at all.
  for (const n of a.notes)
    if (a.tables.length === 0 || n.code !== "sheet-skipped") out.push(inLanguage(n.message, lang));
  return out.join("\n");
}
