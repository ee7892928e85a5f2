/**
 * A write plan checked against the workbook as it is at the moment of writing. The plan
 * is built from the last read; a person or a co-author may have typed, protected, added
 * a validation or a sheet since. A host looks once at every place the plan touches (the
 * facts), and this decides, purely, what may be written: a person's cells, formulas and
 * validation are never replaced unless they chose so, and a write that cannot finish
 * (protection, a sheet name now taken) is refused before anything is written. The
 * Office.js host and the command line's file writer both go through it.
 */
import { Bilingual } from "./framework";
import { a1, cellAt, CellValue, formulaAt, isEmpty, parseA1, sheetRef, WorkbookGrid } from "./grid";
import { bi } from "./messages";
import { NO_CHOICES } from "./planBasics";
import {
  isPlanSheet,
  isRecordSheet,
  isResultsSheet,
  PLAN_SHEET_LABEL,
  RECORD_SHEET_LABEL,
  SETTINGS_ROWS,
} from "./settings";
import type { PlannedValidation, WritePlan } from "./writePlan";

/** One cell the plan writes on a person's sheet, as it is now. */
export interface FoundCell {
  value: CellValue;
  formula: string | null;
  /** Excel's number format code; "@" is Text */
  numberFormat: string;
  /** the merged area the cell lies inside, when the cell is not its top-left (Excel shows only that one) */
  hiddenIn?: string;
}

/** The validation on one planned validation's ranges, as it is now. */
export type FoundValidation =
  | { kind: "none" }
  /** different rules on different cells (Excel's "Inconsistent"), or some cells with a rule and some without */
  | { kind: "mixed" }
  | {
      kind: "rule";
      type: "whole" | "decimal" | "list" | "other";
      min?: number;
      max?: number;
      /** a list's items, as typed */
      items?: string[];
      errorTitle: string;
    };

/** What a host found, in one look, at every place a plan writes. */
export interface WorkbookFacts {
  sheets: string[];
  protectedSheets: string[];
  /** the workbook's structure is protected: no sheet can be added (WorkbookProtection.protected) */
  structureProtected: boolean;
  /** every sheet carrying the tool's marker → the level sheet its settings name */
  resultsSheets: Record<string, string>;
  /** every plan sheet of the tool (core/planSheet.ts) → the level sheet it names; none when absent */
  planSheets?: Record<string, string>;
  /** the tool's meeting-record sheets (their names), found by their title and label */
  recordSheets?: string[];
  /** `cellKey` → the cell, for every planned cell outside the plan's results sheets */
  cells: Record<string, FoundCell>;
  /** `validationKey` → what the planned validation's ranges carry now */
  validations: Record<string, FoundValidation>;
}

/** The places a host must look at for a plan: cells on a person's sheets, validated ranges, sheets. */
export interface FactsWanted {
  cells: { sheet: string; address: string }[];
  validations: PlannedValidation[];
  /** the plan's results sheets: each, where it exists, is asked whether it carries our marker */
  resultsSheets: string[];
}

/** What the person sees of something of theirs the plan touches, or leaves. */
export interface Touch {
  kind: "write" | "left" | "format" | "validation-kept" | "validation-theirs" | "validation-replaced";
  sheet: string;
  /** A1 cell or ranges */
  place: string;
  message: Bilingual;
  /** a person's validation that may be replaced only when they choose so: its key in `PlanChoices` */
  choice?: string;
}

/** What the person chose in the preview. */
export interface PlanChoices {
  /** `validationKey`s of their validations they chose to have replaced by the tool's */
  replaceValidations: string[];
}

export { NO_CHOICES };

export interface CheckedPlan {
  /** what is written: the plan without what is a person's */
  plan: WritePlan;
  /** everything of the person's the plan touches or leaves, for the preview */
  touches: Touch[];
  /** why nothing can be written now, if so */
  refusal: Bilingual | null;
  /** results sheets the write creates */
  adds: string[];
  facts: WorkbookFacts;
  choices: PlanChoices;
}

export const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;
export const validationKey = (v: { sheet: string; ranges: string[] }) => `${v.sheet}!${v.ranges.join(",")}`;

const lower = (s: string) => s.toLowerCase();

/** Is this formula one of ours: a link to one of the plan's results sheets? */
export function isOurLink(formula: string, resultsSheets: readonly string[]): boolean {
  const body = formula.replace(/^=/, "");
  return resultsSheets.some((s) => body.startsWith(sheetRef(s)));
}

export function factsWanted(plan: WritePlan): FactsWanted {
  const own = new Set(plan.sheets.map(lower));
  return {
    cells: plan.cells.filter((c) => !own.has(lower(c.sheet))).map((c) => ({ sheet: c.sheet, address: c.address })),
    // On the tool's own sheets there is no person's validation to keep.
    validations: plan.validations.filter((v) => !own.has(lower(v.sheet))),
    resultsSheets: plan.sheets,
  };
}

export function protectedSheetsMessage(sheets: string[]): Bilingual {
  const list = sheets.map((s) => `"${s}"`).join(", ");
  const one = sheets.length === 1;
  return bi(
    `Lembar ${list} diproteksi, jadi tidak ada yang ditulis. Buka proteksinya (Tinjau › Buka Proteksi Lembar), lalu terapkan lagi.`,
    `${one ? "Sheet" : "Sheets"} ${list} ${one ? "is" : "are"} protected, so nothing was written. Unprotect ${one ? "it" : "them"} (Review › Unprotect Sheet), then apply again.`,
  );
}

export function structureProtectedMessage(sheet: string): Bilingual {
  return bi(
    `Struktur buku kerja diproteksi, jadi lembar "${sheet}" tidak dapat ditambahkan dan tidak ada yang ditulis. Buka proteksi struktur (Tinjau › Proteksi Buku Kerja), lalu terapkan lagi.`,
    `The workbook's structure is protected, so sheet "${sheet}" cannot be added and nothing was written. Unprotect the structure (Review › Protect Workbook), then apply again.`,
  );
}

function sheetTakenMessage(sheet: string): Bilingual {
  return bi(
    `Lembar "${sheet}" kini milik orang lain (bukan lembar hasil alat ini), jadi tidak ada yang ditulis. Klik Muat ulang, lalu Terapkan lagi: hasil akan ditulis ke lembar bernama lain.`,
    `Sheet "${sheet}" is now someone's own (not this tool's results sheet), so nothing was written. Click Refresh, then Apply again: the results go to a sheet of another name.`,
  );
}

export function sheetGoneMessage(sheet?: string): Bilingual {
  const id = sheet ? `Lembar "${sheet}"` : "Sebuah lembar yang akan ditulis";
  const en = sheet ? `Sheet "${sheet}"` : "A sheet the results go to";
  return bi(
    `${id} tidak ada lagi (dihapus atau diganti nama), jadi tidak ada yang ditulis. Klik Muat ulang.`,
    `${en} is no longer there (deleted or renamed), so nothing was written. Click Refresh.`,
  );
}

/** A colleague's apply made the results sheet first: it is ours, and the next apply writes into it. */
export function coAuthorSheetMessage(sheet: string): Bilingual {
  return bi(
    `Lembar hasil "${sheet}" baru saja dibuat oleh Terapkan seorang rekan; dikenali sebagai lembar alat ini dan akan diperbarui, tidak dibuat dua kali.`,
    `Results sheet "${sheet}" was just made by a colleague's Apply; it is recognised as this tool's and will be updated, not made twice.`,
  );
}

export function describeCell(c: Pick<FoundCell, "value" | "formula">): Bilingual {
  if (c.formula) return bi(`rumus orang (${c.formula})`, `someone's formula (${c.formula})`);
  return bi(`isian orang ("${String(c.value)}")`, `something a person typed ("${String(c.value)}")`);
}

/** A person's cell the plan does not write: where the result is instead. */
export function leftCellMessage(sheet: string, address: string, what: Bilingual, resultsSheet: string): Bilingual {
  return bi(
    `${sheet}!${address} berisi ${what.id}; dibiarkan apa adanya (hasil ada di lembar "${resultsSheet}")`,
    `${sheet}!${address} holds ${what.en}; left as it is (the result is on sheet "${resultsSheet}")`,
  );
}

function describeValidation(v: FoundValidation): Bilingual {
  if (v.kind === "mixed") return bi("aturan yang berbeda-beda antarsel", "different rules on different cells");
  if (v.kind !== "rule") return bi("", "");
  if (v.type === "list") return bi(`daftar ${v.items?.join(", ")}`, `list ${v.items?.join(", ")}`);
  if (v.type === "whole" || v.type === "decimal") {
    const kind = v.type === "whole" ? bi("bilangan bulat", "whole number") : bi("desimal", "decimal");
    return bi(`${kind.id} ${v.min ?? "?"}–${v.max ?? "?"}`, `${kind.en} ${v.min ?? "?"}–${v.max ?? "?"}`);
  }
  return bi("aturan lain", "another rule");
}

/** A person's rule that lets in exactly the levels the tool's would: nothing to gain by replacing it. */
function admitsExactlyTheLevels(v: FoundValidation, planned: PlannedValidation): boolean {
  if (v.kind !== "rule") return false;
  if (v.type === "list") {
    if (planned.type !== "whole") return false;
    const want: string[] = [];
    for (let n = planned.min; n <= planned.max; n++) want.push(String(n));
    const items = (v.items ?? []).map((x) => x.trim());
    return items.length === want.length && want.every((w) => items.includes(w));
  }
  return v.type === planned.type && v.min === planned.min && v.max === planned.max;
}

/** The plan as the workbook of this moment allows it, and what of the person's it touches. */
export function checkPlan(plan: WritePlan, facts: WorkbookFacts, choices: PlanChoices = NO_CHOICES): CheckedPlan {
  const out: WritePlan = { ...plan, cells: [], validations: [], skipped: [...plan.skipped] };
  const touches: Touch[] = [];
  const has = new Set(facts.sheets.map(lower));
  const own = new Set(plan.sheets.map(lower));
  const results = plan.sheets[0] ?? "";
  const refusals: Bilingual[] = [];

  // Results sheets: one of ours (a co-author may have written it first) is written into; one of a person's is not.
  const adds: string[] = [];
  const levelSheetOf = new Map<string, string>();
  const planSheets = new Set<string>();
  const recordSheets = new Set<string>();
  for (const c of plan.cells) {
    if (!own.has(lower(c.sheet))) continue;
    if (c.address === a1(SETTINGS_ROWS.sheet, 1) && typeof c.value === "string")
      levelSheetOf.set(lower(c.sheet), c.value);
    if (c.address === a1(SETTINGS_ROWS.sheet, 0) && c.value === PLAN_SHEET_LABEL) planSheets.add(lower(c.sheet));
    if (c.address === a1(SETTINGS_ROWS.sheet, 0) && c.value === RECORD_SHEET_LABEL) recordSheets.add(lower(c.sheet));
  }
  for (const name of plan.sheets) {
    if (!has.has(lower(name))) {
      adds.push(name);
      continue;
    }
    // A meeting record is written only into a record sheet of ours, a plan sheet only into a
    // plan sheet of ours, a results sheet only into a results sheet.
    if (recordSheets.has(lower(name))) {
      if (!(facts.recordSheets ?? []).some((s) => lower(s) === lower(name))) refusals.push(sheetTakenMessage(name));
      continue;
    }
    const ours = planSheets.has(lower(name)) ? (facts.planSheets ?? {}) : facts.resultsSheets;
    const reads = Object.entries(ours).find(([s]) => lower(s) === lower(name))?.[1];
    const wanted = levelSheetOf.get(lower(name));
    if (reads === undefined || (wanted !== undefined && lower(reads) !== lower(wanted)))
      refusals.push(sheetTakenMessage(name));
  }
  if (adds.length && facts.structureProtected) refusals.push(structureProtectedMessage(adds[0]));

  const locked = new Set(facts.protectedSheets.map(lower));
  // The level sheet (validation and highlights) protected refuses the write; a protected
  // cover only keeps its result cells as they are.
  const levelSheets = new Set([...plan.validations, ...plan.conditionalFormats].map((v) => lower(v.sheet)));
  for (const c of plan.cells) {
    if (own.has(lower(c.sheet))) {
      out.cells.push(c);
      continue;
    }
    if (!has.has(lower(c.sheet))) {
      refusals.push(sheetGoneMessage(c.sheet));
      continue;
    }
    const found = facts.cells[cellKey(c.sheet, c.address)];
    const place = `${c.sheet}!${c.address}`;
    if (locked.has(lower(c.sheet)) && !levelSheets.has(lower(c.sheet))) {
      const message = bi(
        `Lembar "${c.sheet}" diproteksi; ${place} dibiarkan apa adanya (hasil ada di lembar "${results}")`,
        `Sheet "${c.sheet}" is protected; ${place} is left as it is (the result is on sheet "${results}")`,
      );
      out.skipped.push({ sheet: c.sheet, cell: c.address, message });
      touches.push({ kind: "left", sheet: c.sheet, place: c.address, message });
      continue;
    }
    const ours = !!found?.formula && isOurLink(found.formula, plan.sheets);
    if (found && !ours && (found.formula || !isEmpty(found.value))) {
      const message = leftCellMessage(c.sheet, c.address, describeCell(found), results);
      out.skipped.push({ sheet: c.sheet, cell: c.address, message });
      touches.push({ kind: "left", sheet: c.sheet, place: c.address, message });
      continue;
    }
    if (found?.hiddenIn) {
      const message = bi(
        `${place} tersembunyi di dalam sel gabungan ${found.hiddenIn}, jadi Excel tidak menampilkannya; tidak ditulis (hasil ada di lembar "${results}")`,
        `${place} lies inside the merged cells ${found.hiddenIn}, where Excel does not show it; not written (the result is on sheet "${results}")`,
      );
      out.skipped.push({ sheet: c.sheet, cell: c.address, message });
      touches.push({ kind: "left", sheet: c.sheet, place: c.address, message });
      continue;
    }
    // Excel keeps a formula entered into a Text cell as text: the cell gets a number format first.
    if (found && c.formula && found.numberFormat === "@") {
      out.cells.push({ ...c, style: { ...c.style, numberFormat: c.style?.numberFormat ?? "General" } });
      touches.push({
        kind: "format",
        sheet: c.sheet,
        place: c.address,
        message: bi(
          `${place} berformat Teks; formatnya diganti agar rumus ${c.formula} dihitung, bukan tampil sebagai teks`,
          `${place} is formatted as Text; its format is changed so the formula ${c.formula} calculates instead of showing as text`,
        ),
      });
      continue;
    }
    out.cells.push(c);
    touches.push({
      kind: "write",
      sheet: c.sheet,
      place: c.address,
      message: ours
        ? bi(
            `${place}: tautan alat ini ke hasil diperbarui (${c.formula})`,
            `${place}: this tool's link to the result is renewed (${c.formula})`,
          )
        : bi(
            `${place} (kosong) diisi ${c.formula ?? String(c.value)}`,
            `${place} (empty) gets ${c.formula ?? String(c.value)}`,
          ),
    });
  }

  for (const v of plan.validations) {
    const key = validationKey(v);
    const found = facts.validations[key] ?? { kind: "none" };
    const place = v.ranges.join(",");
    if (found.kind === "none" || (found.kind === "rule" && found.errorTitle === v.errorTitle)) {
      out.validations.push(v);
      continue;
    }
    const what = describeValidation(found);
    if (admitsExactlyTheLevels(found, v)) {
      touches.push({
        kind: "validation-kept",
        sheet: v.sheet,
        place,
        message: bi(
          `Validasi Anda pada ${v.sheet}!${place} (${what.id}) sudah menerima tepat level yang sah; dipertahankan apa adanya`,
          `Your validation on ${v.sheet}!${place} (${what.en}) already admits exactly the levels; kept as it is`,
        ),
      });
      continue;
    }
    if (choices.replaceValidations.includes(key)) {
      out.validations.push(v);
      touches.push({
        kind: "validation-replaced",
        sheet: v.sheet,
        place,
        choice: key,
        message: bi(
          `Validasi Anda pada ${v.sheet}!${place} (${what.id}) diganti dengan validasi alat ini`,
          `Your validation on ${v.sheet}!${place} (${what.en}) is replaced by this tool's`,
        ),
      });
    } else {
      touches.push({
        kind: "validation-theirs",
        sheet: v.sheet,
        place,
        choice: key,
        message: bi(
          `Validasi Anda pada ${v.sheet}!${place} (${what.id}) dipertahankan; validasi alat ini tidak ditambahkan`,
          `Your validation on ${v.sheet}!${place} (${what.en}) is kept; this tool's is not added`,
        ),
      });
    }
  }

  const writes = new Set<string>();
  for (const c of out.cells) writes.add(c.sheet);
  for (const v of out.validations) writes.add(v.sheet);
  for (const f of out.conditionalFormats) writes.add(f.sheet);
  for (const w of out.columnWidths) writes.add(w.sheet);
  for (const c of out.charts) writes.add(c.sheet);
  for (const p of out.printSetups) writes.add(p.sheet);
  const protectedTargets = [...writes].filter((s) => locked.has(lower(s)));
  if (protectedTargets.length) refusals.unshift(protectedSheetsMessage(protectedTargets));

  return { plan: out, touches, refusal: refusals[0] ?? null, adds, facts, choices };
}

/**
 * The same write, the same things of the person's left, kept or replaced: what the preview
 * showed still holds. (An empty cell that a co-author's apply filled with our link is no change.)
 */
export function sameOutcome(a: CheckedPlan, b: CheckedPlan): boolean {
  const key = (c: CheckedPlan) =>
    JSON.stringify({
      plan: c.plan,
      touches: c.touches.filter((t) => t.kind !== "write").map((t) => [t.kind, t.message.en]),
      refusal: c.refusal,
    });
  return key(a) === key(b);
}

/** What is new since the preview, one sentence each ("Sampul!C6 holds something a person typed; left as it is"). */
export function whatChanged(before: CheckedPlan, now: CheckedPlan): Bilingual[] {
  const seen = new Set(before.touches.map((t) => t.message.en));
  // Cells written are no news: what is left, kept or changed of the person's is.
  const out = now.touches.filter((t) => t.kind !== "write" && !seen.has(t.message.en)).map((t) => t.message);
  const gone = new Set(now.touches.map((t) => t.message.en));
  for (const t of before.touches)
    if (!gone.has(t.message.en) && (t.kind === "left" || t.kind.startsWith("validation")))
      out.push(bi(`Tidak berlaku lagi: ${t.message.id}`, `No longer so: ${t.message.en}`));
  if (now.refusal && now.refusal.en !== before.refusal?.en) out.unshift(now.refusal);
  return out;
}

/** The check a plan expects when no preview looked at the workbook: every cell it writes empty or ours, no validation. */
export function expectedFacts(plan: WritePlan): WorkbookFacts {
  const cells: Record<string, FoundCell> = {};
  for (const c of factsWanted(plan).cells)
    cells[cellKey(c.sheet, c.address)] = { value: null, formula: null, numberFormat: "General" };
  const own = new Set(plan.sheets.map(lower));
  const theirs = [...plan.cells.map((c) => c.sheet), ...plan.validations.map((v) => v.sheet)];
  return {
    sheets: [...new Set(theirs.filter((s) => !own.has(lower(s))))],
    protectedSheets: [],
    structureProtected: false,
    resultsSheets: {},
    cells,
    validations: {},
  };
}

/**
 * What a grid says of the places a plan touches: the sheets, our results sheets, each
 * cell's value and formula. Number formats, merges, validation and protection are not in
 * a grid; a reader that knows them passes them in `more`.
 */
export function factsFromGrid(grid: WorkbookGrid, plan: WritePlan, more: Partial<WorkbookFacts> = {}): WorkbookFacts {
  const cells: Record<string, FoundCell> = {};
  for (const c of factsWanted(plan).cells) {
    const sheet = grid.sheets.find((s) => lower(s.name) === lower(c.sheet));
    const p = parseA1(c.address);
    if (!sheet || !p) continue;
    cells[cellKey(c.sheet, c.address)] = {
      value: cellAt(sheet, p.row, p.col),
      formula: formulaAt(sheet, p.row, p.col),
      numberFormat: "General",
      ...more.cells?.[cellKey(c.sheet, c.address)],
    };
  }
  const resultsSheets: Record<string, string> = {};
  const planSheets: Record<string, string> = {};
  for (const s of grid.sheets) {
    if (isResultsSheet(s)) resultsSheets[s.name] = String(cellAt(s, SETTINGS_ROWS.sheet, 1) ?? "");
    if (isPlanSheet(s)) planSheets[s.name] = String(cellAt(s, SETTINGS_ROWS.sheet, 1) ?? "");
  }
  const recordSheets = grid.sheets.filter(isRecordSheet).map((s) => s.name);
  return {
    sheets: grid.sheets.map((s) => s.name),
    protectedSheets: more.protectedSheets ?? [],
    structureProtected: more.structureProtected ?? false,
    resultsSheets,
    planSheets,
    recordSheets,
    cells,
    validations: more.validations ?? {},
  };
}
