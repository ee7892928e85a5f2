/**
 * What counts as a level, once: the rule the tool applies to a level cell and the
 * workbook formulas that apply the same rule live here side by side, so the shared
 * workbook and the tool cannot disagree about a cell.
 *
 * The rule: a level is a number, not a logical value, within the framework's range
 * (and whole where the framework wants whole levels). An empty cell is blank; anything
 * else (text, TRUE/FALSE, an error) is not a level. A number formatted as a date is still
 * that number, in Excel, in LibreOffice and here. Text that names a level ("Level 3",
 * "3 - Terdefinisi") is not counted by either: the tool reports the number it means.
 *
 * LibreOffice keeps TRUE/FALSE as numbers 1/0 with a logical format, so ISNUMBER alone
 * would let TRUE pass as level 1 there; NOT(ISLOGICAL(…)) keeps both programs in step.
 */
import { Framework } from "./framework";
import { CellValue } from "./grid";
import { compare, fromNumber, isInteger, Rational } from "./rational";

/** What the results sheet's mirror of one level cell shows. */
export type MirrorValue = number | "" | "✗";

export const NOT_A_LEVEL = "✗";

/** The rule: the exact level a cell holds, or undefined when it holds none. */
export function levelOf(f: Framework, v: CellValue): Rational | undefined {
  if (typeof v !== "number") return undefined;
  const value = fromNumber(v);
  if (!value) return undefined;
  if (f.integerOnly && !isInteger(value)) return undefined;
  if (compare(value, f.levelMin) < 0 || compare(value, f.levelMax) > 0) return undefined;
  return value;
}

/** What the mirror formula shows for a cell: the level, "" for an empty cell, ✗ otherwise. */
export function mirrorOf(f: Framework, v: CellValue, repeats: CellValue[] = []): MirrorValue {
  if (repeats.some((d) => !sameEntry(v, d))) return NOT_A_LEVEL;
  if (v === null) return "";
  return levelOf(f, v) !== undefined ? (v as number) : NOT_A_LEVEL;
}

/** True for a number that is not TRUE/FALSE, in Excel and in LibreOffice alike. */
function isNumberCell(ref: string): string {
  return `AND(ISNUMBER(${ref}),NOT(ISLOGICAL(${ref})))`;
}

function inRange(f: Framework, ref: string): string {
  const min = f.data.levels.min;
  const max = f.data.levels.max;
  return f.integerOnly ? `AND(${ref}>=${min},${ref}<=${max},${ref}=INT(${ref}))` : `AND(${ref}>=${min},${ref}<=${max})`;
}

/**
 * The results sheet's checked mirror of one level cell (`ref` may name another sheet).
 * `repeats` are the level cells of the same indicator on later rows: when one of them
 * holds something else, the indicator has no level (the tool reports the duplicate).
 */
export function levelMirrorFormula(f: Framework, ref: string, repeats: string[] = []): string {
  const mirror = `IF(${isNumberCell(ref)},IF(${inRange(f, ref)},${ref},"${NOT_A_LEVEL}"),IF(ISBLANK(${ref}),"","${NOT_A_LEVEL}"))`;
  if (repeats.length === 0) return `=${mirror}`;
  const same = repeats.map((d) => `IFERROR(AND(ISBLANK(${ref})=ISBLANK(${d}),${ref}=${d}),FALSE)`);
  return `=IF(AND(${same.join(",")}),${mirror},"${NOT_A_LEVEL}")`;
}

/** Two level cells hold the same entry, as the mirror formula compares them (both empty is the same). */
export function sameEntry(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "object" || typeof b === "object") return false;
  return a === b;
}

/** Conditional format on a level cell: true where the mirror would show ✗. No leading "=". */
export function notALevelFormula(f: Framework, ref: string): string {
  return `IF(ISBLANK(${ref}),FALSE,IF(${isNumberCell(ref)},NOT(${inRange(f, ref)}),TRUE))`;
}

/** Conditional format on a level cell: a level below the threshold held in `thresholdName`. */
export function lowLevelFormula(f: Framework, ref: string, thresholdName: string): string {
  return `IF(${isNumberCell(ref)},AND(${inRange(f, ref)},${ref}<${thresholdName}),FALSE)`;
}
