/**
 * How a large read is cut into round trips that each stay under Excel's payload limit
 * (5 MB per request and per response on Excel on the web): rows of each sheet, in
 * order, packed into trips by what a row is expected to cost.
 */

/** What one round trip of a read may bring back: 4 MB, room left under the 5 MB limit. */
export const PAYLOAD_BUDGET = 4_000_000;
/** A cell's values, formulas and value types in a response, before anything was measured. */
export const GUESS_BYTES_PER_CELL = 120;

export interface RowsWanted {
  sheet: string;
  /** 0-based rows, inclusive */
  from: number;
  to: number;
  /** columns from A */
  columns: number;
  /** expected bytes of one row in the response */
  bytesPerRow: number;
}

export interface Chunk {
  sheet: string;
  from: number;
  to: number;
  columns: number;
}

/** The trips, each a list of chunks whose expected size fits the budget (a single row that does not fit goes alone). */
export function planChunks(wanted: RowsWanted[], budget = PAYLOAD_BUDGET): Chunk[][] {
  const trips: Chunk[][] = [];
  let trip: Chunk[] = [];
  let used = 0;
  for (const w of wanted) {
    const perRow = Math.max(1, w.bytesPerRow);
    let row = w.from;
    while (row <= w.to) {
      let n = Math.floor((budget - used) / perRow);
      if (n < 1 && trip.length) {
        trips.push(trip);
        trip = [];
        used = 0;
        continue;
      }
      n = Math.max(n, 1);
      const to = Math.min(w.to, row + n - 1);
      trip.push({ sheet: w.sheet, from: row, to, columns: w.columns });
      used += (to - row + 1) * perRow;
      row = to + 1;
    }
  }
  if (trip.length) trips.push(trip);
  return trips;
}

/** A chunk cut in two, for a trip whose answer came back too big. */
export function halve(c: Chunk): Chunk[] {
  if (c.from === c.to) return [c];
  const mid = Math.floor((c.from + c.to) / 2);
  return [
    { ...c, to: mid },
    { ...c, from: mid + 1 },
  ];
}
