/**
 * Every formula the tool puts in a workbook, beside the rule it must agree with: what
 * counts as a level (the rule, the results sheet's mirror of a level cell and the two
 * highlights on the level cells), then the results sheet's arithmetic (a group's index,
 * its predicate, the count of levels). The rule and its formulas live side by side, so
 * the shared workbook and the tool cannot disagree about a cell.
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
import { hundredthsNumber } from "./format";
import { Framework, predicateLabel } from "./framework";
import { CellValue } from "./grid";
import { add, compare, decimalPlaces, fromInt, fromNumber, isInteger, mul, Rational, ZERO } from "./rational";

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

// The results sheet's arithmetic. Each group's index is computed the way the core scores
// it (scoring.ts): Σ level·weight / Σ weight in whole numbers — weights × 10^weightPlaces,
// values × 10^valuePlaces — rounded half-up to hundredths by INT((200·n + d) / 2d) / 100,
// so Excel and LibreOffice round exactly as the core does, ties included.

/** Decimal values are taken to 9 places inside the formulas. */
const VALUE_DECIMALS = 9;

export interface FormulaScales {
  /** weights are whole numbers once multiplied by 10^weightPlaces */
  weightPlaces: number;
  /** levels are whole numbers once multiplied by 10^valuePlaces (0 for whole levels) */
  valuePlaces: number;
}

export function formulaScales(f: Framework): FormulaScales {
  let weightPlaces = 0;
  for (const i of f.indicators) weightPlaces = Math.max(weightPlaces, decimalPlaces(i.weight) ?? 6);
  return { weightPlaces, valuePlaces: f.integerOnly ? 0 : VALUE_DECIMALS };
}

/** A group's rows on the results sheet and its total weight. */
export interface GroupBlock {
  /** the mirrored levels of the group's indicators, e.g. "D40:D46" */
  levels: string;
  /** their weights, e.g. "$C$40:$C$46" */
  weights: string;
  /** how many indicators the group has */
  count: number;
  /** Σ weight × 10^weightPlaces */
  weightUnits: bigint;
}

/** The group's total weight in the formulas' whole units. */
export function weightUnits(weights: readonly Rational[], scales: FormulaScales): bigint {
  const scaled = mul(
    weights.reduce((s, w) => add(s, w), ZERO),
    fromInt(10 ** scales.weightPlaces),
  );
  return scaled.num / scaled.den;
}

/** A group's index, or "–" until every one of its levels is there. */
export function groupIndexFormula(b: GroupBlock, scales: FormulaScales): string {
  const vScale = 10 ** scales.valuePlaces;
  const weights = `ROUND(${b.weights}*${10 ** scales.weightPlaces},0)`;
  const values = scales.valuePlaces ? `ROUND(${b.levels}*${vScale},0)` : b.levels;
  const k = b.weightUnits * BigInt(vScale);
  return `=IF(COUNT(${b.levels})<${b.count},"–",INT((200*SUMPRODUCT(${values},${weights})+${k})/${2n * k})/100)`;
}

/** The predicate of the index in `ref`, from the framework's bands; "–" without an index. */
export function predicateFormula(f: Framework, ref: string): string {
  const bands = f.predicates.slice(0, -1);
  const last = f.predicates[f.predicates.length - 1];
  let inner = `"${predicateLabel(last)}"`;
  for (let i = bands.length - 1; i >= 0; i--)
    inner = `IF(${ref}>=${hundredthsNumber(bands[i].minUnits)},"${predicateLabel(bands[i])}",${inner})`;
  return `=IF(ISNUMBER(${ref}),${inner},"–")`;
}

/** How many of a column's `count` mirrored levels are levels, as "45/47". */
export function validCountFormula(levels: string, count: number): string {
  return `=COUNT(${levels})&"/${count}"`;
}
