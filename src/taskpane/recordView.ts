/**
 * The meeting's record in words: each change as a line in the pane's language, the whole
 * record as plain Indonesian text to paste into minutes, and as the rows of a sheet (also
 * Indonesian: minutes travel with the workbook to colleagues who read it in Indonesian).
 */
import { RecordedChange, Who } from "../core/meetingRecord";
import { CellValue, isCellError, WorkbookGrid } from "../core/grid";
import { frameworkById } from "../frameworks";
import { formatNumber, formatSigned, formatUnits } from "./format";
import { Language, Strings, strings } from "./i18n";
import { shortName } from "./view";

export interface RecordLineView {
  key: string;
  sheet: string;
  cell: string;
  /** "D7 (kolom D), indikator 1 Kebijakan …: 4 → 7" */
  what: string;
  who: string;
  /** "Domain 1 3,40 → 3,20; indeks 3,75 → 3,70 (−0,05)" */
  effect: string;
}

function valueText(v: CellValue, s: Strings): string {
  if (v === null || v === undefined || v === "") return s.blankValue;
  if (typeof v === "number") return formatNumber(v, 0, s.lang);
  if (typeof v === "boolean") return String(v).toUpperCase();
  if (isCellError(v)) return v.error;
  return `"${v}"`;
}

function whoText(w: Who, s: Strings): string {
  return w === "local" ? s.whoLocal : w === "remote" ? s.whoRemote : s.whoUnknown;
}

function units(u: bigint | null, s: Strings): string {
  return u === null ? s.notComputableShort : formatUnits(u, s.lang);
}

function moved(from: bigint | null, to: bigint | null, s: Strings): string {
  const delta =
    from !== null && to !== null && from !== to ? ` (${formatSigned({ num: to - from, den: 100n }, 2, s.lang)})` : "";
  return `${units(from, s)} → ${units(to, s)}${delta}`;
}

function parts(c: RecordedChange, n: number, s: Strings) {
  const f = frameworkById(c.framework);
  const ind = f?.byId.get(c.indicator);
  const indicator = ind ? `${ind.code} ${shortName(ind, s.lang)}` : String(c.indicator);
  const groupWord = c.group.kind === "domain" ? s.domain : s.aspect;
  const group = `${groupWord} ${c.group.id} ${moved(c.group.from, c.group.to, s)}`;
  const index = `${s.index.toLowerCase()} ${moved(c.index.from, c.index.to, s)}`;
  const together = c.together > 1 ? `; ${s.recordTogether(c.together)}` : "";
  return {
    indicator,
    from: valueText(c.from, s),
    to: valueText(c.to, s),
    who: whoText(c.who, s),
    group,
    index,
    what: s.recordLine(n, c.cell, c.column, indicator, valueText(c.from, s), valueText(c.to, s)),
    effect: `${group}; ${index}${together}`,
  };
}

export function recordLines(record: readonly RecordedChange[], lang: Language): RecordLineView[] {
  const s = strings(lang);
  return record.map((c, k) => {
    const p = parts(c, k + 1, s);
    return { key: `${k}`, sheet: c.sheet, cell: c.cell, what: p.what, who: p.who, effect: p.effect };
  });
}

/** Plain Indonesian text, one change a line, under a title with the date given. */
export function recordText(record: readonly RecordedChange[], title: string, date: string): string {
  const s = strings("id");
  const lines = record.map((c, k) => {
    const p = parts(c, k + 1, s);
    return `${p.what}; ${s.recordBy} ${p.who}; ${p.effect}.`;
  });
  return [s.recordHeading(title, date), ...lines].join("\n");
}

/** The rows of the record's sheet: title, header, one row per change (Indonesian). */
export function recordRows(record: readonly RecordedChange[], title: string, date: string): (string | number)[][] {
  const s = strings("id");
  return [
    [s.recordHeading(title, date)],
    [...s.recordColumns],
    ...record.map((c, k) => {
      const p = parts(c, k + 1, s);
      return [k + 1, `${c.sheet}!${c.cell}`, p.indicator, p.from, p.to, p.who, p.group, p.index];
    }),
  ];
}

/** The minutes' sheet is named in Indonesian, as its rows are, whatever the pane's language. */
const SHEET_BASE = "Catatan Rapat";

/** "Catatan Rapat", or with a number when a sheet of that name exists already; the session's own sheet again. */
export function recordSheetName(grid: WorkbookGrid | null, mine: string | null): string {
  if (mine) return mine;
  const taken = new Set((grid?.sheets ?? []).map((x) => x.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? SHEET_BASE : `${SHEET_BASE} ${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
