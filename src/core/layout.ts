/**
 * Finding the indicator table in a workbook the tool has never seen: which sheet,
 * which header row, which columns hold numbers, names, levels, weights and evidence,
 * which rows are indicators, and which framework the table follows.
 */
import { Bilingual, Framework } from "./framework";
import { CellValue, SheetGrid, WorkbookGrid, cellAt, colCount, columnLetter, isCellError, isEmpty, rowCount, a1 } from "./grid";
import { AssessmentKind, classifyHeader, classifyResultLabel, ColumnRole } from "./headers";
import { FrameworkMatcher, matcherFor } from "./matching";
import { bi, Note } from "./messages";

export interface LevelColumn {
  col: number;
  letter: string;
  header: string;
  kind: AssessmentKind;
}

export interface IndicatorRow {
  row: number;
  indicatorId: number;
  matchedBy: "number" | "name";
}

export interface ResultLabel {
  kind: "index" | "predicate";
  /** where the label text is */
  labelCell: string;
  /** cells to fill, each for one level column (letter) */
  targets: { row: number; col: number; levelColumn: string }[];
}

export interface TableLayout {
  sheet: string;
  sheetIndex: number;
  framework: Framework;
  frameworkReason: Bilingual;
  headerRow: number;
  headerRows: number;
  numberCol?: number;
  nameCol?: number;
  weightCol?: number;
  evidenceCol?: number;
  levelColumns: LevelColumn[];
  rows: IndicatorRow[];
  resultLabels: ResultLabel[];
  notes: Note[];
}

export interface LayoutOptions {
  sheet?: string;
  levelColumns?: number[];
  framework?: Framework;
  /** sheets the tool owns (results sheets); never searched for indicators */
  ownSheets?: Set<string>;
}

export interface LayoutResult {
  tables: TableLayout[];
  /** why nothing was found, per sheet, when nothing was */
  notes: Note[];
}

const HEADER_SCAN_ROWS = 40;

interface HeaderCandidate {
  row: number;
  rows: number;
  roles: { col: number; role: ColumnRole; kind?: AssessmentKind; text: string }[];
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  return String(v);
}

function headerTexts(sheet: SheetGrid, row: number, twoRows: boolean, width: number): string[] {
  const out: string[] = [];
  let carry = "";
  for (let c = 0; c < width; c++) {
    const top = text(cellAt(sheet, row, c)).trim();
    if (!twoRows) {
      out.push(top);
      continue;
    }
    const below = text(cellAt(sheet, row + 1, c)).trim();
    // A merged heading ("Tingkat Kematangan") spans the sub-headings written under it.
    if (top) carry = top;
    else if (!below) carry = "";
    out.push(top && below ? `${top} ${below}` : top || (below ? `${carry} ${below}`.trim() : ""));
  }
  return out;
}

function isTextRow(sheet: SheetGrid, row: number, width: number): boolean {
  let any = false;
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (isEmpty(v)) continue;
    if (typeof v !== "string" || /^\(?\d+\)?$/.test(v.trim())) return false;
    any = true;
  }
  return any;
}

/** A sub-heading row names at least one column on its own ("Mandiri", "Asesor", "Bobot"). */
function hasHeaderWord(sheet: SheetGrid, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === "string" && classifyHeader(v).role !== "other") return true;
  }
  return false;
}

function candidate(sheet: SheetGrid, row: number, twoRows: boolean, width: number): HeaderCandidate | undefined {
  if (twoRows && (!isTextRow(sheet, row, width) || !isTextRow(sheet, row + 1, width) || !hasHeaderWord(sheet, row + 1, width))) return undefined;
  const texts = headerTexts(sheet, row, twoRows, width);
  const roles = texts.map((t, col) => ({ col, text: t, ...classifyHeader(t) }));
  const levels = roles.filter((r) => r.role === "level").length;
  const ids = roles.filter((r) => r.role === "number" || r.role === "name").length;
  if (ids === 0) return undefined;
  if (twoRows && levels === 0) return undefined;
  return { row, rows: twoRows ? 2 : 1, roles };
}

/** A row of column numbers under a header: (1) (2) (3) or 1 2 3 4. */
function isNumberingRow(sheet: SheetGrid, row: number, width: number): boolean {
  const nums: number[] = [];
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (isEmpty(v)) continue;
    const m = /^\(?(\d+)\)?$/.exec(text(v).trim());
    if (!m) return false;
    nums.push(Number(m[1]));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

interface RowScan {
  rows: IndicatorRow[];
  confident: number;
  distinctive: number;
}

function scanRows(sheet: SheetGrid, h: HeaderCandidate, numberCol: number | undefined, nameCol: number | undefined, m: FrameworkMatcher, width: number): RowScan {
  const rows: IndicatorRow[] = [];
  let confident = 0;
  let distinctive = 0;
  const n = rowCount(sheet);
  for (let r = h.row + h.rows; r < n; r++) {
    const numV = numberCol === undefined ? null : cellAt(sheet, r, numberCol);
    const nameT = nameCol === undefined ? "" : text(cellAt(sheet, r, nameCol));
    let id = numberCol === undefined ? undefined : m.idFromCode(numV);
    let matchedBy: "number" | "name" = "number";
    if (id !== undefined && nameT) {
      const s = m.nameScore(nameT, id);
      // A domain or aspect heading row carries a number too; its name gives it away.
      const heading = /^\s*(domain|aspek|aspect)\b/i.test(nameT) || (s < 1 && m.groupScore(nameT) >= 0.8 && m.groupScore(nameT) > s);
      if (heading) continue;
      if (s >= 0.5) confident++;
    }
    if (id === undefined && nameT && isEmpty(numV)) {
      if (/^\s*(domain|aspek|aspect)\b/i.test(nameT)) continue;
      const best = m.bestByName(nameT);
      if (best && best.score > m.groupScore(nameT)) {
        id = best.id;
        matchedBy = "name";
        confident++;
      }
    }
    if (id === undefined) continue;
    if (r === h.row + h.rows && isNumberingRow(sheet, r, width)) continue;
    if (numberCol !== undefined && m.distinctiveCode(numV)) distinctive++;
    rows.push({ row: r, indicatorId: id, matchedBy });
  }
  return { rows, confident, distinctive };
}

function findResultLabels(grid: WorkbookGrid, table: Omit<TableLayout, "resultLabels">, ownSheets: Set<string> | undefined): ResultLabel[] {
  const out: ResultLabel[] = [];
  const lastRow = table.rows.reduce((m, r) => Math.max(m, r.row), table.headerRow);
  for (const sheet of grid.sheets) {
    if (ownSheets?.has(sheet.name)) continue;
    const n = rowCount(sheet);
    const onTableSheet = sheet.name === table.sheet;
    for (let r = 0; r < n; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || !/ndeks|ndex|redika/i.test(v)) continue;
        const kind = classifyResultLabel(v);
        if (!kind) continue;
        if (onTableSheet && r > lastRow && table.levelColumns.every((l) => l.col > c)) {
          // A footer row of the table: one result under each level column.
          out.push({ kind, labelCell: a1(r, c), targets: table.levelColumns.map((l) => ({ row: r, col: l.col, levelColumn: l.letter })) });
        } else if (!(onTableSheet && r >= table.headerRow && r <= lastRow)) {
          // A label elsewhere (a cover sheet): the cell to its right, for the final assessment.
          const last = table.levelColumns[table.levelColumns.length - 1];
          if (last) out.push({ kind, labelCell: `${sheet.name}!${a1(r, c)}`, targets: [{ row: r, col: c + 1, levelColumn: last.letter }] });
        }
      }
    }
  }
  return out.map((l) => ({ ...l, labelCell: l.labelCell.includes("!") ? l.labelCell : `${table.sheet}!${l.labelCell}` }));
}

interface Scored {
  layout: Omit<TableLayout, "resultLabels">;
  score: number;
}

function analyseSheet(grid: WorkbookGrid, sheetIndex: number, frameworks: readonly Framework[], opts: LayoutOptions): { best?: Scored; why?: Bilingual } {
  const sheet = grid.sheets[sheetIndex];
  const width = colCount(sheet);
  const scan = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
  const candidates: HeaderCandidate[] = [];
  for (let r = 0; r < scan; r++) {
    const one = candidate(sheet, r, false, width);
    if (one) candidates.push(one);
    const two = candidate(sheet, r, true, width);
    if (two) candidates.push(two);
  }
  if (candidates.length === 0) {
    return { why: bi(`tidak ada baris judul kolom dengan "No"/"Indikator" dan kolom nilai di ${scan} baris pertama`, `no header row with "No"/"Indicator" and a level column in the first ${scan} rows`) };
  }
  const matchers = frameworks.map(matcherFor);
  let best: Scored | undefined;
  const seen = new Set<string>();
  for (const h of candidates) {
    const numberCol = h.roles.find((r) => r.role === "number")?.col;
    const nameCol = h.roles.find((r) => r.role === "name")?.col;
    let levelCols = h.roles.filter((r) => r.role === "level").map((r) => r.col);
    if (opts.levelColumns && opts.levelColumns.length > 0) levelCols = opts.levelColumns;
    if (levelCols.length === 0) continue;
    // Two readings of the header that give the same columns and the same data rows score alike.
    const signature = [h.row + h.rows, numberCol, nameCol, ...levelCols].join(",");
    if (seen.has(signature)) continue;
    seen.add(signature);
    const perFramework = matchers.map((m) => ({ m, scan: scanRows(sheet, h, numberCol, nameCol, m, width) }));
    for (const { m, scan: s } of perFramework) {
      const f = m.framework;
      const need = Math.max(3, Math.ceil(f.indicators.length / 4));
      const distinctIds = new Set(s.rows.map((r) => r.indicatorId)).size;
      if (distinctIds < need) continue;
      const others = perFramework.filter((p) => p.m !== m);
      const nameless = s.confident === 0;
      // Ties go to the reading that finds more level columns (a two-row header's sub-headings).
      let score = s.confident * 3 + s.distinctive * 3 + distinctIds + levelCols.length / 10;
      let reason: Bilingual;
      if (opts.framework) {
        if (opts.framework !== f) continue;
        reason = bi("dipilih oleh pengguna", "chosen by the user");
      } else if (!nameless || s.distinctive > 0) {
        reason = bi(
          `${s.confident} nama indikator dan ${s.distinctive} kode cocok dengan ${f.data.shortName}`,
          `${s.confident} indicator names and ${s.distinctive} codes match ${f.data.shortName}`,
        );
      } else {
        // Numbers only: the count and range of numbers decide, and we say so.
        const maxId = s.rows.reduce((m, r) => Math.max(m, r.indicatorId), 0);
        const fitsOther = others.some((o) => new Set(o.scan.rows.map((r) => r.indicatorId)).size >= distinctIds);
        const exactCount = distinctIds === f.indicators.length;
        if (fitsOther && !exactCount) continue;
        score = distinctIds + (exactCount ? 1 : 0) + levelCols.length / 10;
        reason = bi(
          `hanya nomor (tanpa nama); ${distinctIds} indikator bernomor sampai ${maxId} cocok dengan ${f.data.shortName}`,
          `numbers only (no names); ${distinctIds} indicators numbered up to ${maxId} fit ${f.data.shortName}`,
        );
      }
      const roleCol = (role: ColumnRole) => h.roles.find((r) => r.role === role)?.col;
      const levelColumns: LevelColumn[] = levelCols.map((col) => {
        const role = h.roles.find((r) => r.col === col);
        return { col, letter: columnLetter(col), header: role?.text || columnLetter(col), kind: role?.kind ?? "level" };
      });
      const layout = {
        sheet: sheet.name,
        sheetIndex,
        framework: f,
        frameworkReason: reason,
        headerRow: h.row,
        headerRows: h.rows,
        numberCol,
        nameCol,
        weightCol: roleCol("weight"),
        evidenceCol: roleCol("evidence"),
        levelColumns,
        rows: s.rows,
        notes: [] as Note[],
      };
      if (!best || score > best.score) best = { layout, score };
    }
  }
  if (!best) {
    return { why: bi("ada judul kolom, tetapi baris di bawahnya tidak cocok dengan indikator kerangka mana pun", "headers found, but the rows below match no framework's indicators") };
  }
  return { best };
}

export function findTables(grid: WorkbookGrid, frameworks: readonly Framework[], opts: LayoutOptions = {}): LayoutResult {
  const notes: Note[] = [];
  const found: Scored[] = [];
  const candidates = grid.sheets
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (opts.sheet ? s.name === opts.sheet : !opts.ownSheets?.has(s.name)));
  if (opts.sheet && candidates.length === 0) {
    notes.push({ code: "sheet-not-found", message: bi(`lembar "${opts.sheet}" tidak ada di buku kerja`, `there is no sheet named "${opts.sheet}" in the workbook`) });
    return { tables: [], notes };
  }
  for (const { i, s } of candidates) {
    const r = analyseSheet(grid, i, frameworks, opts);
    if (r.best) found.push(r.best);
    else if (r.why) notes.push({ code: "sheet-skipped", message: bi(`lembar "${s.name}": ${r.why.id}`, `sheet "${s.name}": ${r.why.en}`) });
  }
  const tables: TableLayout[] = found.map(({ layout }) => {
    const t = { ...layout, resultLabels: [] as ResultLabel[] };
    t.resultLabels = findResultLabels(grid, t, opts.ownSheets);
    const cols = t.levelColumns.map((l) => `${l.letter} (${l.header})`).join(", ");
    t.notes.push({
      code: "table-found",
      message: bi(
        `lembar "${t.sheet}", baris judul ${t.headerRow + 1}, ${t.rows.length} baris indikator, kolom nilai ${cols}; kerangka ${t.framework.data.shortName}: ${t.frameworkReason.id}`,
        `sheet "${t.sheet}", header row ${t.headerRow + 1}, ${t.rows.length} indicator rows, level columns ${cols}; framework ${t.framework.data.shortName}: ${t.frameworkReason.en}`,
      ),
    });
    if (t.rows.some((r) => r.matchedBy === "name")) {
      t.notes.push({ code: "matched-by-name", message: bi("indikator tanpa nomor dikenali dari namanya", "indicators without a number were recognised by name") });
    }
    return t;
  });
  if (tables.length > 1) {
    notes.push({
      code: "several-tables",
      message: bi(
        `${tables.length} tabel indikator ditemukan (${tables.map((t) => t.sheet).join(", ")}); semuanya dinilai, pilih satu dengan --sheet`,
        `${tables.length} indicator tables found (${tables.map((t) => t.sheet).join(", ")}); all are scored, pick one with --sheet`,
      ),
    });
  }
  return { tables, notes };
}
