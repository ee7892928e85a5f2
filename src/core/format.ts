/**
 * How the tool writes a few things it shows everywhere: a level column's title, an index
 * held in hundredths, and a padded cell of a text table. One home for each, so the
 * workbook, the command line and the pane say them alike. Language-specific number
 * formatting (the decimal comma) is the face's business on top of these.
 */
import { rational, toFixed } from "./rational";

/**
 * "Nilai Asesor (E)"; a column without a header (or headed by its own letter) is just "E".
 * A header typed over several lines (Alt+Enter) becomes one line.
 */
export function columnTitle(column: { letter: string; header?: string | null }): string {
  const header = column.header?.replace(/\s+/g, " ").trim();
  return header && header !== column.letter ? `${header} (${column.letter})` : column.letter;
}

/** An index in hundredths as a number: 319n → 3.19 (null stays null). */
export function hundredthsNumber(units: bigint): number;
export function hundredthsNumber(units: bigint | null): number | null;
export function hundredthsNumber(units: bigint | null): number | null {
  return units === null ? null : Number(units) / 100;
}

/** An index in hundredths as text, exactly: 319n → "3.19", −56n → "-0.56". */
export function hundredthsText(units: bigint): string {
  return toFixed(rational(units, 100n), 2);
}

/** Pads to a width; never cuts: a longer text pushes what follows to the right. */
export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

/** A cell's number as Indonesian text writes it: a decimal comma ("3,5"), nothing rounded. */
export function numberTextId(v: unknown): string {
  return typeof v === "number" ? String(v).replace(".", ",") : String(v);
}
