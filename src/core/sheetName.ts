/**
 * Excel's rules for a worksheet's name, and the one way this tool picks a name for a
 * sheet it adds. Excel (and so Office.js `worksheets.add` and any program opening the
 * file) refuses a name that is empty, longer than 31 characters, holds any of
 * `[ ] : * ? / \`, starts or ends with an apostrophe, is "History", or equals another
 * sheet's name ignoring case.
 *
 * The chosen name depends only on the wanted name and the names already in the
 * workbook, so the same workbook always gives the same name (no clock, no random part).
 */

export const SHEET_NAME_MAX = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;
const HAS_FORBIDDEN = /[[\]:*?/\\]/;

/** Excel keeps "History" for its change-tracking sheet. */
const RESERVED = new Set(["history"]);

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("en-US") === b.toLocaleLowerCase("en-US");
}

/** Why Excel would refuse this name, or undefined when it would accept it (uniqueness aside). */
export function sheetNameProblem(
  name: string,
): "empty" | "too-long" | "forbidden-character" | "apostrophe" | "reserved" | undefined {
  if (name.trim() === "") return "empty";
  if (name.length > SHEET_NAME_MAX) return "too-long";
  if (HAS_FORBIDDEN.test(name)) return "forbidden-character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (RESERVED.has(name.toLowerCase())) return "reserved";
  return undefined;
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in half. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Text made fit to be part of a sheet name: forbidden characters become spaces, runs of
 * spaces one space, apostrophes and spaces at either end dropped.
 */
export function cleanSheetName(text: string): string {
  return text
    .replace(FORBIDDEN, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s']+|[\s']+$/g, "");
}

/** `base` followed by `suffix`, the base shortened (never the suffix) so the whole fits 31 characters. */
export function fitSheetName(base: string, suffix = ""): string {
  const b = cleanSheetName(base);
  const s = suffix.replace(FORBIDDEN, " ");
  const room = SHEET_NAME_MAX - s.length;
  const name = (cut(b, Math.max(room, 0)).replace(/[\s']+$/, "") + s).replace(/^[\s']+|[\s']+$/g, "");
  return cleanSheetName(cut(name, SHEET_NAME_MAX)) || "Sheet";
}

/**
 * The first name, trying `suffix(0)`, `suffix(1)`, … after `base`, that Excel accepts and
 * `free` allows. Each candidate is fitted to Excel's rules before it is offered, so a
 * long base is shortened the same way every time and the same sheet is found again.
 */
export function pickSheetName(base: string, suffix: (n: number) => string, free: (name: string) => boolean): string {
  const seen = new Set<string>();
  for (let n = 0; ; n++) {
    const name = fitSheetName(base, suffix(n));
    if (!sheetNameProblem(name) && free(name)) return name;
    // A suffix that stops changing the name would loop for ever.
    if (seen.has(name.toLowerCase()) && n > 1) throw new Error(`no free sheet name after "${name}"`);
    seen.add(name.toLowerCase());
  }
}
