/**
 * Problems and notes are values with a stable code, the place they concern, and a
 * message for the assessor in Indonesian and English.
 */
import { Bilingual } from "./framework";

export type IssueCode =
  | "not-a-number"
  | "not-whole"
  | "out-of-range"
  | "blank"
  | "error-value"
  | "number-as-text"
  | "level-as-text"
  | "indicator-conflict"
  | "duplicate-indicator"
  | "missing-indicator"
  | "external-missing"
  | "weight-mismatch"
  | "group-mismatch";

export interface Issue {
  code: IssueCode;
  /** "error" makes an assessment incomplete; "warning" does not */
  severity: "error" | "warning";
  sheet: string;
  /** A1 address; absent for an indicator missing from the table */
  cell?: string;
  indicator?: number;
  /** level column letter the issue belongs to, when it belongs to one */
  column?: string;
  message: Bilingual;
  /** what is wrong with the cell's value alone ("7 di luar rentang 1–5"), for a line that names the cell itself */
  reason?: Bilingual;
}

export interface Note {
  code: string;
  message: Bilingual;
}

export function bi(id: string, en: string): Bilingual {
  return { id, en };
}

/**
 * A message as one flat string, as a template literal writes it. A long table gives a
 * message per row; pieced-together strings would each stay a chain of pieces in memory.
 */
export function flat(parts: TemplateStringsArray, ...values: (string | number)[]): string {
  const out: string[] = [parts[0]];
  for (let i = 0; i < values.length; i++) out.push(String(values[i]), parts[i + 1]);
  return out.join("");
}

/** One line with both languages, Indonesian first. */
export function both(m: Bilingual): string {
  return m.id === m.en ? m.id : `${m.id} / ${m.en}`;
}

export function showValue(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 37) + "…" : v}"`;
  if (typeof v === "object" && v !== null && "error" in v) return String((v as { error: string }).error);
  return String(v);
}
