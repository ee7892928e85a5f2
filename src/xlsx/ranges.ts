/**
 * Rectangles of cells as sqref lists hold them ("E7:E16 E19"), and taking some cells
 * out of such a list: how another program's validation gives way to ours without two
 * rules on one cell.
 */
import { a1, parseA1 } from "../core/grid";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRect(ref: string): Rect | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rectText(r: Rect): string {
  const a = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${a1(r.bottom, r.right)}`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `a` without the cells of `b`: up to four rectangles. */
function minus(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/**
 * An sqref without the cells of `taken`; undefined when nothing was taken out (the text
 * stays as written), "" when nothing is left. Areas that are not plain cell ranges stay.
 */
export function subtractSqref(sqref: string, taken: Rect[]): string | undefined {
  let changed = false;
  const out: string[] = [];
  for (const part of sqref.split(" ").filter((x) => x !== "")) {
    const r = parseRect(part);
    if (!r) {
      out.push(part);
      continue;
    }
    let pieces = [r];
    for (const t of taken) pieces = pieces.flatMap((p) => minus(p, t));
    if (pieces.length !== 1 || pieces[0] !== r) changed = true;
    out.push(...pieces.map(rectText));
  }
  return changed ? out.join(" ") : undefined;
}
