/**
 * Which rows of which sheets a reading needs, so that a host can read a large workbook
 * in stages rather than whole: the header band of every sheet first (where headers and
 * result labels are looked for); then every row of each sheet whose header band holds
 * a header the table search reads on, and of the results sheets the tool owns. The rest
 * (long evidence sheets, notes) is never looked at, so a reading of the needed rows is
 * the reading of the whole workbook. Pure: decided from the rows read so far.
 */
import { AnalyzeOptions, layoutOptions } from "./analyze";
import { Framework } from "./framework";
import { WorkbookGrid } from "./grid";
import { headerBandRows, sheetsReadWhole } from "./layout";
import { isResultsSheet } from "./settings";

/** Rows `from`..`to` (0-based, inclusive) of a sheet, every column of its used range. */
export interface RowSpan {
  sheet: string;
  from: number;
  to: number;
}

/**
 * The rows a reading of `grid` needs. Given only the sheets' sizes (no rows read) it is
 * the header band of each sheet; given the header band it is everything the reading
 * needs, and it stays so as more rows are read.
 */
export function rowsNeeded(grid: WorkbookGrid, frameworks: readonly Framework[], opts: AnalyzeOptions = {}): RowSpan[] {
  const { layout } = layoutOptions(grid, opts, frameworks);
  const band = headerBandRows(layout);
  const whole = new Set(sheetsReadWhole(grid, layout));
  grid.sheets.forEach((s, i) => {
    if (isResultsSheet(s)) whole.add(i);
  });
  return grid.sheets.flatMap((s, i) => {
    const rows = s.values.length;
    if (rows === 0) return [];
    return [{ sheet: s.name, from: 0, to: (whole.has(i) ? rows : Math.min(rows, band)) - 1 }];
  });
}

/** The rows of `span` outside the runs already read, as spans. */
export function unread(span: RowSpan, read: readonly [number, number][] | undefined): RowSpan[] {
  if (!read) return [];
  const out: RowSpan[] = [];
  let from = span.from;
  for (const [a, b] of [...read].sort((x, y) => x[0] - y[0])) {
    if (b < from) continue;
    if (a > span.to) break;
    if (a > from) out.push({ sheet: span.sheet, from, to: a - 1 });
    from = Math.max(from, b + 1);
  }
  if (from <= span.to) out.push({ sheet: span.sheet, from, to: span.to });
  return out;
}

/** The rows a reading of `grid` needs that its host has not read yet; none for a grid read whole. */
export function rowsMissing(
  grid: WorkbookGrid,
  frameworks: readonly Framework[],
  opts: AnalyzeOptions = {},
): RowSpan[] {
  const bySheet = new Map(grid.sheets.map((s) => [s.name, s]));
  return rowsNeeded(grid, frameworks, opts).flatMap((span) => unread(span, bySheet.get(span.sheet)?.rowsRead));
}
