/**
 * The plan sheet: a target plan carried in the city's own workbook, so colleagues without
 * the tool see it and can try other raises. One row per indicator of the framework: its
 * weight, its current level as a live, checked mirror of the person's own level cell, and
 * the planned level — a value where the plan raises it, else a formula following the
 * current level, either way theirs to change. Above, the current and the planned index,
 * domains and aspects, their predicates and whether the target is met, all live formulas
 * built by formulas.ts exactly as the results sheet's, so the workbook rounds as the core.
 *
 * `planSheetValues` is what each of those formulas shows, computed by the core from what
 * the cells hold: the writer caches it, and the tests hold the recalculated workbook to it
 * (after a level or a planned value changed too).
 */
import type { Assessment, TableAnalysis } from "./analyze";
import { columnTitle, hundredthsNumber } from "./format";
import { Framework, predicateFor, predicateLabel } from "./framework";
import {
  formulaScales,
  GroupBlock,
  groupIndexFormula,
  levelMirrorFormula,
  MirrorValue,
  mirrorOf,
  predicateFormula,
  weightUnits,
} from "./formulas";
import { a1, cellAt, CellValue, columnLetter, formulaAt, parseA1, WorkbookGrid } from "./grid";
import { bi, both } from "./messages";
import { fromNumber, mul, Rational, rational, roundHalfUpUnits, toNumber } from "./rational";
import { score } from "./scoring";
import { isPlanSheet, MARKER, PLAN_SHEET_LABEL, SETTINGS_ROWS } from "./settings";
import { pickSheetName, sameSheetName } from "./sheetName";
import type { TargetPlan } from "./targetPlan";
import {
  CellStyle,
  emptyWritePlan,
  groupBlocks,
  levelMirrorCell,
  levelValidation,
  PlannedCell,
  WritePlan,
} from "./writePlan";

/** The plan sheet is named in Indonesian, as the workbook's readers are; " 2", " 3" … when taken. */
export const PLAN_SHEET_BASE = "Rencana Target";

/** Columns (0-based) of the indicator rows; the summary's two sides sit under D and E. */
const COL = { code: 0, name: 1, weight: 2, current: 3, planned: 4, counted: 5, raise: 6, group: 7, cell: 8 } as const;
const L = columnLetter;

/** Rows (0-based). The level sheet sits where a results sheet names it (SETTINGS_ROWS.sheet), so Apply's check knows the sheet as ours. */
const ROW = {
  title: 0,
  how: 1,
  sheet: SETTINGS_ROWS.sheet,
  column: 3,
  target: 4,
  head: 6,
  index: 7,
  predicate: 8,
  met: 9,
  raised: 10,
};

const MET = { yes: "Ya / Yes", no: "Belum / Not yet" } as const;
const NONE = "–";

const FILL_HEAD = "#D9E1F2";
const FILL_INPUT = "#FFF2CC";
const HEAD: CellStyle = { bold: true, fill: FILL_HEAD };
const COLUMN_HEAD: CellStyle = { bold: true, fill: FILL_HEAD, wrap: true, align: "right" };

/** Where each block of a framework's plan sheet sits. */
export interface PlanSheetLayout {
  domain0: number;
  aspect0: number;
  indicatorHead: number;
  /** indicator id → its row (0-based) */
  indicatorRow: Map<number, number>;
  /** the planned-level column's letter, the cell holding the target */
  plannedColumn: string;
  targetCell: string;
}

export function planSheetLayout(f: Framework): PlanSheetLayout {
  return {
    ...groupBlocks(f, ROW.raised + 2),
    plannedColumn: L(COL.planned),
    targetCell: a1(ROW.target, 1),
  };
}

/** What one indicator's row stands on: the person's level cell (and its repeats) and the planned cell. */
export interface PlanSheetRow {
  indicator: number;
  current: CellValue;
  repeats: CellValue[];
  /** what the planned cell holds when a person typed it (or the plan wrote it) */
  planned: CellValue;
  /** the planned cell still holds the sheet's formula following the current level */
  follows: boolean;
}

export interface PlanSheetSide {
  index: number | typeof NONE;
  predicate: string;
  met: string;
  domains: (number | typeof NONE)[];
  aspects: (number | typeof NONE)[];
}

/** What every formula of the plan sheet shows, indicators in framework order. */
export interface PlanSheetValues {
  current: MirrorValue[];
  /** the planned cell as shown: a following formula shows the current mirror */
  planned: CellValue[];
  counted: MirrorValue[];
  raise: (number | "")[];
  raised: number;
  now: PlanSheetSide;
  plan: PlanSheetSide;
}

/** −INT(−ROUND(target×100, 6)) as the sheet computes it: the smallest index, in hundredths, that meets the target. */
function targetUnits(target: number): bigint {
  const t = fromNumber(target)!;
  const micro = roundHalfUpUnits(mul(t, rational(100n)), 6);
  // The ceiling: bigint division truncates toward zero.
  const q = micro / 1_000_000n;
  return micro > 0n && micro % 1_000_000n !== 0n ? q + 1n : q;
}

function side(f: Framework, mirrors: readonly MirrorValue[], target: CellValue): PlanSheetSide {
  const levels = new Map<number, Rational>();
  f.indicators.forEach((ind, k) => {
    const m = mirrors[k];
    if (typeof m === "number") levels.set(ind.id, fromNumber(m)!);
  });
  const s = score(f, levels);
  const show = (u: bigint | null) => (u === null ? NONE : hundredthsNumber(u));
  const units = s.total.units;
  const met = units === null || typeof target !== "number" ? NONE : units >= targetUnits(target) ? MET.yes : MET.no;
  return {
    index: show(units),
    predicate: units === null ? NONE : predicateLabel(predicateFor(f, units)),
    met,
    domains: s.domains.map((d) => show(d.units)),
    aspects: s.aspects.map((a) => show(a.units)),
  };
}

/** The core's value of every formula on the plan sheet, from what its input cells hold. */
export function planSheetValues(f: Framework, rows: readonly PlanSheetRow[], target: CellValue): PlanSheetValues {
  const current = rows.map((r) => mirrorOf(f, r.current, r.repeats));
  // A following cell shows the mirror itself: a level, or the text "" or ✗, which the check then refuses.
  const planned = rows.map((r, k) => (r.follows ? current[k] : r.planned));
  const counted = planned.map((p) => mirrorOf(f, p));
  const raise = counted.map((p, k) => {
    const c = current[k];
    return typeof p === "number" && typeof c === "number" ? p - c : "";
  });
  return {
    current,
    planned,
    counted,
    raise,
    raised: raise.filter((x) => typeof x === "number" && x > 0).length,
    now: side(f, current, target),
    plan: side(f, counted, target),
  };
}

/** The rows the sheet's formulas read for a group: its indicators' rows in one column. */
function block(f: Framework, lay: PlanSheetLayout, column: number, ids: readonly number[]): GroupBlock {
  const rows = ids.map((id) => lay.indicatorRow.get(id)! + 1);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  return {
    levels: `${L(column)}${first}:${L(column)}${last}`,
    weights: `$${L(COL.weight)}$${first}:$${L(COL.weight)}$${last}`,
    count: ids.length,
    weightUnits: weightUnits(
      ids.map((id) => f.byId.get(id)!.weight),
      formulaScales(f),
    ),
  };
}

function metFormula(ref: string, target: string): string {
  return `=IF(AND(ISNUMBER(${ref}),ISNUMBER(${target})),IF(ROUND(${ref}*100,0)>=-INT(-ROUND(${target}*100,6)),"${MET.yes}","${MET.no}"),"${NONE}")`;
}

/** A plan sheet of this workbook made for this level sheet and column, or a free name for a new one. */
export function planSheetName(grid: WorkbookGrid, levelSheet: string, column: string): string {
  const mine = grid.sheets.find(
    (s) => isPlanSheet(s) && cellAt(s, SETTINGS_ROWS.sheet, 1) === levelSheet && cellAt(s, ROW.column, 1) === column,
  );
  if (mine) return mine.name;
  return pickSheetName(
    PLAN_SHEET_BASE,
    (n) => (n === 0 ? "" : ` ${n + 1}`),
    (name) => !grid.sheets.some((s) => sameSheetName(s.name, name)),
  );
}

/** The level (or value) the plan brings each indicator to, exact; indicators it does not raise are absent. */
export function plannedLevels(plan: TargetPlan): Map<number, Rational> {
  const to = new Map<number, Rational>();
  for (const st of plan.steps) to.set(st.indicator, st.to);
  return to;
}

/**
 * The plan sheet for one level column's plan, as a write plan. `sheet` from
 * `planSheetName`. Planned values are written as numbers (a decimal value the plan
 * reaches exactly is written as the nearest number, as a person would type it).
 */
export function planSheetPlan(
  grid: WorkbookGrid,
  t: TableAnalysis,
  a: Assessment,
  plan: TargetPlan,
  sheet: string,
): WritePlan {
  const f = t.framework;
  const lay = planSheetLayout(f);
  const out = emptyWritePlan();
  out.sheets.push(sheet);
  const put = (row: number, col: number, c: Omit<PlannedCell, "sheet" | "address">) =>
    out.cells.push({ sheet, address: a1(row, col), ...c });
  const label = (row: number, col: number, text: string, style?: CellStyle) => put(row, col, { value: text, style });
  const levelWord = f.integerOnly ? bi("Level", "Level") : bi("Nilai", "Value");
  const levelFormat = f.integerOnly ? "0" : "0.00";
  const P = L(COL.planned);
  const D = L(COL.current);

  // The inputs: the person's level cells as they are, the plan's raises.
  const to = plannedLevels(plan);
  const mirrors = new Map(f.indicators.map((ind) => [ind.id, levelMirrorCell(grid, t, ind.id, a.cells.get(ind.id)!)]));
  const rows: PlanSheetRow[] = f.indicators.map((ind) => {
    const m = mirrors.get(ind.id)!;
    const v = to.get(ind.id);
    return {
      indicator: ind.id,
      current: m.value,
      repeats: m.repeats,
      planned: v === undefined ? null : toNumber(v),
      follows: v === undefined,
    };
  });
  const values = planSheetValues(f, rows, plan.target);

  // Title, how to use it, and what it is for: the level sheet's name where Apply's check looks for it.
  label(
    ROW.title,
    0,
    `${PLAN_SHEET_BASE} — ${f.title}, ${columnTitle(a.column)} — dibuat oleh ${MARKER} / made by ${MARKER}`,
    { bold: true },
  );
  label(
    ROW.how,
    0,
    both(
      bi(
        `Ubah ${levelWord.id.toLowerCase()} rencana di kolom ${P} (kuning) untuk mencoba kenaikan lain; indeks rencana dihitung ulang. ${levelWord.id} sekarang (kolom ${D}) mengikuti lembar "${t.layout.sheet}".`,
        `Change the planned ${levelWord.en.toLowerCase()} in column ${P} (yellow) to try other raises; the planned index recalculates. The current ${levelWord.en.toLowerCase()} (column ${D}) follows sheet "${t.layout.sheet}".`,
      ),
    ),
    { italic: true },
  );
  label(ROW.sheet, 0, PLAN_SHEET_LABEL);
  put(ROW.sheet, 1, { value: t.layout.sheet });
  label(ROW.column, 0, "Kolom nilai / Level column");
  put(ROW.column, 1, { value: a.column.letter });
  label(ROW.target, 0, "Target indeks / Target index");
  put(ROW.target, 1, { value: plan.target, style: { fill: FILL_INPUT, numberFormat: "0.00" } });
  out.validations.push({
    sheet,
    ranges: [lay.targetCell],
    type: "decimal",
    min: 0,
    max: f.data.levels.max,
    inputTitle: both(bi("Target indeks", "Target index")),
    inputMessage: both(
      bi(`Isi indeks yang dituju, 0–${f.data.levels.max}.`, `Enter the index aimed for, 0–${f.data.levels.max}.`),
    ),
    errorTitle: both(bi("Target tidak sah", "Bad target")),
    errorMessage: both(
      bi(
        `Target indeks harus angka 0–${f.data.levels.max}.`,
        `The target index must be a number 0–${f.data.levels.max}.`,
      ),
    ),
  });
  const target = `$B$${ROW.target + 1}`;

  // The summary: now and planned, side by side.
  const ids = f.indicators.map((i) => i.id);
  const scales = formulaScales(f);
  label(ROW.head, 0, "Ringkasan / Summary", HEAD);
  label(ROW.head, 1, "", { fill: FILL_HEAD });
  label(ROW.head, 2, "Bobot / Weight", HEAD);
  label(ROW.head, 3, "Sekarang / Now", COLUMN_HEAD);
  label(ROW.head, 4, "Rencana / Plan", COLUMN_HEAD);
  label(ROW.index, 0, "Indeks / Index", { bold: true });
  label(ROW.index, 1, f.title);
  put(ROW.index, 2, { value: 100 });
  label(ROW.predicate, 0, "Predikat / Predicate", { bold: true });
  label(ROW.met, 0, "Target tercapai? / Target met?", { bold: true });
  label(ROW.raised, 0, "Indikator dinaikkan / Indicators raised");
  const sides = [
    { col: 3, levels: COL.current, v: values.now },
    { col: 4, levels: COL.counted, v: values.plan },
  ];
  for (const s of sides) {
    const ref = `${L(s.col)}${ROW.index + 1}`;
    put(ROW.index, s.col, {
      formula: groupIndexFormula(block(f, lay, s.levels, ids), scales),
      result: s.v.index,
      style: { bold: true, numberFormat: "0.00" },
    });
    put(ROW.predicate, s.col, { formula: predicateFormula(f, ref), result: s.v.predicate, style: { align: "right" } });
    put(ROW.met, s.col, { formula: metFormula(ref, target), result: s.v.met, style: { align: "right" } });
  }
  const first = lay.indicatorHead + 2;
  const last = lay.indicatorHead + 1 + f.indicators.length;
  const raiseRange = `${L(COL.raise)}${first}:${L(COL.raise)}${last}`;
  put(ROW.raised, 4, {
    // Text ("") sorts above numbers in a comparison: only numbers count.
    formula: `=SUMPRODUCT(ISNUMBER(${raiseRange})*(${raiseRange}>0))`,
    result: values.raised,
    style: { align: "right" },
  });

  // Domains and aspects: each group's index now and planned.
  const groups = (title: string, r0: number, word: string, list: Framework["aspects"], kind: "domains" | "aspects") => {
    label(r0 - 1, 0, title, HEAD);
    for (let c = 1; c <= 4; c++) label(r0 - 1, c, "", { fill: FILL_HEAD });
    list.forEach((g, k) => {
      const r = r0 + k;
      label(r, 0, `${word} ${g.id}`);
      label(r, 1, g.name);
      put(r, 2, { value: Number(g.weight.num) / Number(g.weight.den) });
      for (const s of sides)
        put(r, s.col, {
          formula: groupIndexFormula(block(f, lay, s.levels, g.indicatorIds), scales),
          result: s.v[kind][k],
          style: { numberFormat: "0.00" },
        });
    });
  };
  if (f.domains.length) groups("Domain", lay.domain0, "Domain", f.domains, "domains");
  groups("Aspek / Aspect", lay.aspect0, "Aspek", f.aspects, "aspects");

  // One row per indicator.
  const head = lay.indicatorHead;
  label(head, COL.code, "No", HEAD);
  label(head, COL.name, "Indikator / Indicator", HEAD);
  label(head, COL.weight, "Bobot / Weight", HEAD);
  label(head, COL.current, `${levelWord.id} sekarang / Current ${levelWord.en.toLowerCase()}`, COLUMN_HEAD);
  label(head, COL.planned, `${levelWord.id} rencana / Planned ${levelWord.en.toLowerCase()}`, COLUMN_HEAD);
  label(head, COL.counted, "Dihitung / Counted", COLUMN_HEAD);
  label(head, COL.raise, "Naik / Raise", COLUMN_HEAD);
  label(head, COL.group, f.domains.length ? "Domain / Aspek" : "Aspek / Aspect", HEAD);
  label(head, COL.cell, "Sel / Cell", HEAD);
  f.indicators.forEach((ind, k) => {
    const r = lay.indicatorRow.get(ind.id)!;
    const n = r + 1;
    const raised = to.has(ind.id);
    label(r, COL.code, ind.code);
    label(r, COL.name, ind.name);
    put(r, COL.weight, { value: ind.weightNumber });
    put(r, COL.current, {
      formula: mirrors.get(ind.id)!.formula,
      result: values.current[k],
      style: { align: "right", numberFormat: levelFormat },
    });
    const input: CellStyle = { fill: FILL_INPUT, align: "right", numberFormat: levelFormat, bold: raised };
    if (raised) put(r, COL.planned, { value: rows[k].planned as number, style: input });
    else put(r, COL.planned, { formula: `=${D}${n}`, result: values.planned[k] as string | number, style: input });
    put(r, COL.counted, {
      formula: levelMirrorFormula(f, `${P}${n}`),
      result: values.counted[k],
      style: { align: "right", numberFormat: levelFormat },
    });
    put(r, COL.raise, {
      formula: `=IF(AND(ISNUMBER(${L(COL.counted)}${n}),ISNUMBER(${D}${n})),${L(COL.counted)}${n}-${D}${n},"")`,
      result: values.raise[k],
      // "+1" beside a raised level, nothing where the plan keeps it.
      style: { align: "center", numberFormat: f.integerOnly ? "+0;-0;" : "+0.00;-0.00;" },
    });
    label(
      r,
      COL.group,
      ind.domainId !== null ? `Domain ${ind.domainId} · Aspek ${ind.aspectId}` : `Aspek ${ind.aspectId}`,
    );
    label(r, COL.cell, `${t.layout.sheet}!${a.cells.get(ind.id)}`);
  });
  // A value outside the levels is refused as typed; pasted in anyway, the counted column shows ✗ and the index "–".
  out.validations.push(levelValidation(f, sheet, [`${P}${first}:${P}${last}`]));

  out.printSetups.push({ sheet, orientation: "landscape", fitToWidth: 1, titleRows: `$${head + 1}:$${head + 1}` });
  [
    ["A", 30],
    ["B", 60],
    ["C", 15],
    ["D", 15],
    ["E", 15],
    ["F", 12],
    ["G", 10],
    ["H", 18],
    ["I", 20],
  ].forEach(([column, width]) => out.columnWidths.push({ sheet, column: column as string, width: width as number }));
  return out;
}

/**
 * The inputs of a plan sheet as a workbook holds them now: each indicator's level cell
 * (by the address the sheet names) and its planned cell, and the target. For checking a
 * recalculated workbook against `planSheetValues`.
 */
export function readPlanSheet(
  grid: WorkbookGrid,
  f: Framework,
  sheet: string,
  repeatsOf: (indicator: number) => string[] = () => [],
): { rows: PlanSheetRow[]; target: CellValue } | undefined {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s || !isPlanSheet(s)) return undefined;
  const lay = planSheetLayout(f);
  const levelSheet = grid.sheets.find((x) => x.name === cellAt(s, SETTINGS_ROWS.sheet, 1));
  if (!levelSheet) return undefined;
  const at = (address: string): CellValue => {
    const p = parseA1(address)!;
    return cellAt(levelSheet, p.row, p.col);
  };
  const rows = f.indicators.map((ind) => {
    const r = lay.indicatorRow.get(ind.id)!;
    const where = String(cellAt(s, r, COL.cell) ?? "");
    const address = where.slice(where.lastIndexOf("!") + 1);
    const formula = formulaAt(s, r, COL.planned);
    return {
      indicator: ind.id,
      current: at(address),
      repeats: repeatsOf(ind.id).map(at),
      planned: cellAt(s, r, COL.planned),
      follows: formula !== null && formula.replace(/^=/, "").toUpperCase() === `${L(COL.current)}${r + 1}`,
    };
  });
  return { rows, target: cellAt(s, ROW.target, 1) };
}

/** The cells of a written plan sheet that hold formulas, with the core's value for each, for tests and checks. */
export function planSheetExpected(f: Framework, values: PlanSheetValues): Map<string, CellValue> {
  const lay = planSheetLayout(f);
  const out = new Map<string, CellValue>();
  const sides: [number, PlanSheetSide][] = [
    [3, values.now],
    [4, values.plan],
  ];
  for (const [col, v] of sides) {
    out.set(a1(ROW.index, col), v.index);
    out.set(a1(ROW.predicate, col), v.predicate);
    out.set(a1(ROW.met, col), v.met);
    f.domains.forEach((_, k) => out.set(a1(lay.domain0 + k, col), v.domains[k]));
    f.aspects.forEach((_, k) => out.set(a1(lay.aspect0 + k, col), v.aspects[k]));
  }
  out.set(a1(ROW.raised, 4), values.raised);
  f.indicators.forEach((ind, k) => {
    const r = lay.indicatorRow.get(ind.id)!;
    out.set(a1(r, COL.current), values.current[k]);
    out.set(a1(r, COL.counted), values.counted[k]);
    out.set(a1(r, COL.raise), values.raise[k]);
  });
  return out;
}
