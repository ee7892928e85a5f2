/**
 * Which columns under a level header hold levels: a header word proposes a column, the
 * values under it confirm it (levels or blanks) or turn it down, and the reason is kept
 * for the level-columns note.
 */
import { Bilingual, Framework } from "./framework";
import { CellValue, SheetGrid, cellAt, columnIndex, formulaAt, isCellError, isEmpty } from "./grid";
import { AssessmentKind } from "./headers";
import { bi } from "./messages";
import { textLevel } from "./validation";

type ValueKind = "level" | "blank" | "name" | "year" | "mark" | "text" | "number";

/** What a cell under a level header holds, as evidence for or against a level column. */
function valueKind(f: Framework, v: CellValue): ValueKind {
  if (v === null || isEmpty(v)) return "blank";
  if (isCellError(v) || typeof v === "boolean") return "level";
  if (typeof v === "number")
    return v >= 1900 && v <= 2100 && Number.isInteger(v) ? "year" : Math.abs(v) <= 100 ? "level" : "number";
  const t = v.trim();
  if (/^[+-]?\d{1,2}([.,]\d+)?$/.test(t)) return "level";
  if (/^(19|20)\d\d\b/.test(t) || /\b(19|20)\d\d$/.test(t)) return "year";
  const meant = textLevel(f, t);
  if (meant !== undefined) return /\d/.test(t) ? "level" : "name";
  if (t.length <= 3) return "mark";
  return "text";
}

export const NOT_FILLED = bi("belum diisi", "not filled yet");

const KIND_WORDS: Record<Exclude<ValueKind, "level" | "blank">, Bilingual> = {
  name: bi("berisi nama level, bukan level", "holds level names, not levels"),
  year: bi("berisi tahun atau tanggal", "holds years or dates"),
  mark: bi("berisi tanda (✓, –, …), bukan level", "holds marks (✓, –, …), not levels"),
  text: bi("berisi teks panjang", "holds long text"),
  number: bi("berisi angka di luar skala level", "holds numbers outside the level scale"),
};

export interface ColumnJudgement {
  col: number;
  taken: boolean;
  /** left, but not a target: taken when no column under a level header holds levels */
  fallback: boolean;
  why: Bilingual;
}

/**
 * The columns a formula computes from, in its own row, with arithmetic or a function:
 * "=D6*E6/100" → D, E. A plain copy ("=E6") or a constant ("=7/6") computes nothing.
 */
function computedFrom(formula: string, row: number, col: number): string[] {
  const body = formula.replace(/^=/, "");
  if (!/[*/+\-^]|[A-Za-z]+\(/.test(body)) return [];
  const out: string[] = [];
  for (const m of body.matchAll(/(?<![A-Za-z_!'.])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])/g)) {
    if (Number(m[2]) !== row + 1 || columnIndex(m[1]) === col) continue;
    if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * Why a column is computed from other columns of its rows (× weight, / 100, sums), when
 * most of its cells are: such a column restates levels, it never holds an assessment.
 */
function computedColumn(sheet: SheetGrid, col: number, rows: { row: number }[]): Bilingual | undefined {
  let computed = 0;
  let written = 0;
  const from: string[] = [];
  let sample = "";
  for (const r of rows) {
    const formula = formulaAt(sheet, r.row, col);
    if (!formula && isEmpty(cellAt(sheet, r.row, col))) continue;
    written++;
    const refs = formula ? computedFrom(formula, r.row, col) : [];
    if (refs.length === 0) continue;
    computed++;
    sample ||= formula!;
    for (const l of refs) if (!from.includes(l)) from.push(l);
  }
  if (computed === 0 || computed * 2 < written) return undefined;
  const cols = from.sort().join(", ");
  return bi(
    `dihitung dengan rumus dari kolom ${cols} (mis. ${sample}), bukan penilaian`,
    `computed by formula from column${from.length > 1 ? "s" : ""} ${cols} (e.g. ${sample}), not an assessment`,
  );
}

/** A header word proposes a level column; its values confirm it (levels or blanks) or turn it down. */
export function judgeLevelColumn(
  sheet: SheetGrid,
  f: Framework,
  col: number,
  kind: AssessmentKind | undefined,
  rows: { row: number }[],
): ColumnJudgement {
  const counts: Record<ValueKind, number> = { level: 0, blank: 0, name: 0, year: 0, mark: 0, text: 0, number: 0 };
  for (const r of rows) counts[valueKind(f, cellAt(sheet, r.row, col))]++;
  const filled = rows.length - counts.blank;
  if (kind === "target")
    return {
      col,
      taken: false,
      fallback: false,
      why: bi("kolom target, bukan penilaian", "a target column, not an assessment"),
    };
  const computed = computedColumn(sheet, col, rows);
  if (computed) return { col, taken: false, fallback: false, why: computed };
  if (filled === 0) return { col, taken: true, fallback: false, why: NOT_FILLED };
  if (counts.level * 2 >= filled)
    return {
      col,
      taken: true,
      fallback: false,
      why: bi(`${counts.level} dari ${filled} isian berupa level`, `${counts.level} of ${filled} entries are levels`),
    };
  const main = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return { col, taken: false, fallback: main !== "year", why: KIND_WORDS[main] };
}
