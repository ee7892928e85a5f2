/**
 * What a template writes beside each indicator that the regulation also fixes — its
 * weight, its aspect, its domain — compared with the regulation. A difference is a
 * warning naming the cell; the index always uses the regulation's figures.
 */
import { Framework, Group } from "./framework";
import { a1, CellValue, cellAt, isCellError, WorkbookGrid } from "./grid";
import { normalize } from "./headers";
import type { TableLayout } from "./layout";
import { tokens, similarity } from "./matching";
import { bi, Issue } from "./messages";
import { equals, fromInt, mul, parseDecimal, Rational, compare } from "./rational";

const HUNDRED = fromInt(100);
const ONE = fromInt(1);

/**
 * A weight as written, in the regulation's unit (percent of the index): 5, "5%", "5 %",
 * "0,05" and 0.05 (a fraction of the whole) all read as 5. Undefined when it is no weight.
 */
export function writtenWeight(v: CellValue): Rational | undefined {
  let text: string;
  if (typeof v === "number") text = String(v);
  else if (typeof v === "string") text = v.trim();
  else return undefined;
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  const plain = percent ? undefined : /^\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/.exec(text);
  if (!percent && !plain) return undefined;
  const value = parseDecimal((percent ? percent[1] : text).replace(",", "."));
  if (!value) return undefined;
  // No indicator weighs less than 1 % of the index: a smaller plain number is a fraction of the whole.
  return !percent && compare(value, ONE) < 0 ? mul(value, HUNDRED) : value;
}

export function checkWeights(grid: WorkbookGrid, layout: TableLayout, firstRow: Map<number, number>): Issue[] {
  if (layout.weightCol === undefined) return [];
  const sheet = grid.sheets[layout.sheetIndex];
  const issues: Issue[] = [];
  const short = layout.framework.data.shortName;
  for (const [id, row] of firstRow) {
    const v = cellAt(sheet, row, layout.weightCol);
    const written = writtenWeight(v);
    const ind = layout.framework.byId.get(id)!;
    if (!written || equals(written, ind.weight)) continue;
    const cell = a1(row, layout.weightCol);
    const shown = typeof v === "string" ? `"${v.trim()}"` : String(v);
    issues.push({
      code: "weight-mismatch",
      severity: "warning",
      sheet: layout.sheet,
      cell,
      indicator: id,
      message: bi(
        `Sel ${cell}: bobot indikator ${ind.code} tertulis ${shown}, menurut ${short} ${ind.weightNumber}; indeks dihitung dengan bobot peraturan`,
        `Cell ${cell}: indicator ${ind.code} weight is written as ${shown}, ${short} says ${ind.weightNumber}; the index uses the regulation's weight`,
      ),
    });
  }
  return issues;
}

/** The group a cell names: "Aspek 3", "3", or the group's name (as written, or nearly). */
function groupNamed(v: CellValue, groups: Group[]): Group | undefined {
  if (v === null || isCellError(v) || typeof v === "boolean") return undefined;
  const text = String(v).trim();
  const byNumber = /^(?:(?:aspek|aspect|domain)\s*)?(\d{1,2})(?:\b|$)/i.exec(text);
  if (byNumber) {
    const rest = text.slice(byNumber[0].length).replace(/^[\s.:\-–—]+/, "");
    const g = groups.find((x) => x.id === Number(byNumber[1]));
    if (!rest) return g;
    // "Aspek 3 Data": the name after the number decides when there is one.
    const named = groupNamed(rest, groups);
    return named ?? g;
  }
  const k = normalize(text);
  const exact = groups.find((g) => normalize(g.name) === k || normalize(g.en) === k);
  if (exact) return exact;
  const w = tokens(text);
  let best: { g: Group; s: number } | undefined;
  let second = 0;
  for (const g of groups) {
    const s = Math.max(similarity(w, tokens(g.name)), similarity(w, tokens(g.en)));
    if (!best || s > best.s) {
      second = best?.s ?? 0;
      best = { g, s };
    } else if (s > second) second = s;
  }
  return best && best.s >= 0.8 && best.s - second >= 0.1 ? best.g : undefined;
}

/**
 * A template's own Aspek or Domain column, checked against the regulation: an indicator
 * filed under another group is named, the index is unchanged.
 */
export function checkGroupings(grid: WorkbookGrid, layout: TableLayout, firstRow: Map<number, number>): Issue[] {
  const f: Framework = layout.framework;
  const sheet = grid.sheets[layout.sheetIndex];
  const issues: Issue[] = [];
  const columns: { col: number | undefined; kind: "aspect" | "domain" }[] = [
    { col: layout.aspectCol, kind: "aspect" },
    { col: layout.domainCol, kind: "domain" },
  ];
  for (const { col, kind } of columns) {
    const groups = kind === "aspect" ? f.aspects : f.domains;
    if (col === undefined || groups.length === 0) continue;
    for (const [id, row] of firstRow) {
      const v = cellAt(sheet, row, col);
      const named = groupNamed(v, groups);
      const ind = f.byId.get(id)!;
      const own = kind === "aspect" ? ind.aspectId : ind.domainId;
      if (!named || named.id === own) continue;
      const g = groups.find((x) => x.id === own)!;
      const cell = a1(row, col);
      const word = kind === "aspect" ? ["aspek", "aspect"] : ["domain", "domain"];
      issues.push({
        code: "group-mismatch",
        severity: "warning",
        sheet: layout.sheet,
        cell,
        indicator: id,
        message: bi(
          `Sel ${cell}: indikator ${ind.code} dicatat di ${word[0]} "${String(v).trim()}"; menurut ${f.data.shortName} ia termasuk ${word[0]} ${g.id} ${g.name}; indeks memakai pengelompokan peraturan`,
          `Cell ${cell}: indicator ${ind.code} is filed under ${word[1]} "${String(v).trim()}"; ${f.data.shortName} puts it in ${word[1]} ${g.id} ${g.en}; the index uses the regulation's grouping`,
        ),
      });
    }
  }
  return issues;
}
