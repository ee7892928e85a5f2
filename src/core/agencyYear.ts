/**
 * Which agency and which year a workbook is about, where the worksheet itself says so:
 * a labelled cell ("Instansi", "Nama Pemda", "Tahun"), a title row above the indicator
 * table ("Pemerintah Kota Contoh — Tahun 2021") or a cover sheet. Nothing is guessed
 * from the file name; when no cell names them the answer is null.
 */
import { CellValue, isCellError, SheetGrid, WorkbookGrid } from "./grid";

export interface AgencyYear {
  agency: string | null;
  year: number | null;
}

/** Title rows above a table and cover sheets are short; a cell further down is data. */
const SCAN_ROWS = 30;
const SCAN_COLS = 12;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const AGENCY_LABEL =
  /^(nama\s+)?(instansi|pemda|pemerintah\s+daerah|kementerian\s*\/\s*lembaga|k\/l\/d|agency|organi[sz]ation)(\s+pemerintah)?\s*:?$/i;
const YEAR_LABEL = /^(tahun(\s+(evaluasi|penilaian|pemantauan|anggaran))?|periode|year|ta\.?)\s*:?$/i;
const LABEL_INLINE = /^(nama\s+)?(instansi|pemda|agency)\s*:\s*(.+)$/i;
/** "Pemerintah Kota Denpasar", "Kabupaten Aceh Tengah", "Kementerian Keuangan", "Badan Pusat Statistik". */
const AGENCY_NAME =
  /\b((pemerintah\s+)?(provinsi|prov\.|kabupaten|kab\.|kota|kementerian|badan|lembaga|sekretariat|komisi|kejaksaan|kepolisian|mahkamah)\s+[A-Za-z][\w.'’-]*(\s+[A-Za-z][\w.'’-]*){0,5})/i;
const YEAR_IN_TEXT = /\b(?:tahun|ta\.?|year|periode)\s*:?\s*((?:19|20|21)\d\d)\b/i;
const BARE_YEAR = /(?:^|[^\d])((?:20|21)\d\d)(?![\d])/;
/** Words that end an agency's name in a title: "Kota Contoh Tahun 2021", "Kota Contoh — 2021". */
const NAME_END =
  /\s*(\b(tahun|ta|periode|year|evaluasi|penilaian|pemantauan|monitoring)\b.*|[—–(,;:|/].*|\s-\s.*|\s(19|20|21)\d\d.*)$/i;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v) || typeof v === "boolean") return "";
  return String(v).replace(/\s+/g, " ").trim();
}

function yearOf(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR ? v : null;
  const m = /^((?:19|20|21)\d\d)$/.exec(text(v)) ?? YEAR_IN_TEXT.exec(text(v));
  if (!m) return null;
  const y = Number(m[1]);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * What a template writes where the agency's name is still to be typed: "Diisi sesuai nama
 * instansi", "[nama instansi]", "<Nama Pemda>", "…", "xxx", "-". Never an agency's name.
 */
const PLACEHOLDERS = [
  /^[\s.…\-–—_xX*?]*$/,
  /\b(diisi|isikan|isi dengan|tuliskan|ketikkan|fill in|to be filled)\b/i,
  /^[[<({].*[\]>)}]$/,
  /\.{3}|…/,
  /^(nama\s+)?(instansi|pemda|pemerintah daerah|kabupaten|kota|provinsi|kabupaten\s*\/\s*kota|agency)$/i,
];

export function isPlaceholder(s: string): boolean {
  const t = s.trim();
  return PLACEHOLDERS.some((p) => p.test(t));
}

function cleanAgency(s: string): string | null {
  if (isPlaceholder(s)) return null;
  const name = s.replace(NAME_END, "").replace(/\s+/g, " ").trim();
  if (isPlaceholder(name)) return null;
  // A heading that only names a kind of agency ("Kota", "Instansi Pusat") names none.
  if (name.length < 4 || !/\s/.test(name)) return null;
  return name;
}

/** The value right of a label on the same row, or just below it. */
function valueBeside(sheet: SheetGrid, r: number, c: number): CellValue | undefined {
  const row = sheet.values[r] ?? [];
  for (let k = c + 1; k < Math.min(row.length, c + 4); k++) {
    const t = text(row[k]);
    if (t !== "" && t !== ":") return row[k];
  }
  const below = sheet.values[r + 1]?.[c];
  return text(below) === "" ? undefined : below;
}

interface Found {
  labelled: AgencyYear;
  inText: AgencyYear;
}

function scan(sheet: SheetGrid, lastRow: number): Found {
  const labelled: AgencyYear = { agency: null, year: null };
  const inText: AgencyYear = { agency: null, year: null };
  const rows = Math.min(sheet.values.length, lastRow);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, SCAN_COLS); c++) {
      const t = text(row[c]);
      if (t === "") continue;
      const inline = LABEL_INLINE.exec(t);
      if (inline && labelled.agency === null)
        labelled.agency = isPlaceholder(inline[3]) ? null : (cleanAgency(inline[3]) ?? inline[3].trim());
      else if (AGENCY_LABEL.test(t) && labelled.agency === null && !AGENCY_LABEL.test(text(row[c - 1]))) {
        const v = text(valueBeside(sheet, r, c)).replace(/^:\s*/, "");
        if (v !== "" && !isPlaceholder(v)) labelled.agency = cleanAgency(v) ?? v;
      } else if (YEAR_LABEL.test(t) && labelled.year === null) {
        labelled.year = yearOf(valueBeside(sheet, r, c));
      } else {
        if (inText.agency === null && !isPlaceholder(t)) {
          const m = AGENCY_NAME.exec(t);
          if (m) inText.agency = cleanAgency(m[1]);
        }
        if (inText.year === null) {
          const y = YEAR_IN_TEXT.exec(t) ?? (t.length > 4 && typeof row[c] === "string" ? BARE_YEAR.exec(t) : null);
          if (y) inText.year = yearOf(Number(y[1]));
        }
      }
    }
  }
  return { labelled, inText };
}

/**
 * The agency and year for the table on sheet `sheetIndex` whose header starts at row
 * `headerRow` (0-based). Labelled cells win over names in running text; the table's own
 * title rows win over other sheets (a cover sheet, an instructions sheet). The year of
 * another indicator table (last year's sheet beside this year's) is not this table's
 * year, so sheets in `tableSheets` lend their agency but never their year.
 */
export function findAgencyYear(
  grid: WorkbookGrid,
  sheetIndex: number,
  headerRow: number,
  tableSheets: readonly number[] = [],
): AgencyYear {
  const own = grid.sheets[sheetIndex] ? scan(grid.sheets[sheetIndex], Math.min(headerRow, SCAN_ROWS)) : undefined;
  const others = grid.sheets.flatMap((s, k) =>
    k === sheetIndex ? [] : [{ found: scan(s, SCAN_ROWS), table: tableSheets.includes(k) }],
  );
  const order = [
    own?.labelled,
    ...others.map((o) => o.found.labelled),
    own?.inText,
    ...others.map((o) => o.found.inText),
  ].filter((x): x is AgencyYear => x !== undefined);
  const yearOrder = [
    own?.labelled,
    ...others.filter((o) => !o.table).map((o) => o.found.labelled),
    own?.inText,
    ...others.filter((o) => !o.table).map((o) => o.found.inText),
  ];
  return {
    agency: order.find((o) => o.agency !== null)?.agency ?? null,
    year: yearOrder.find((o) => o !== undefined && o.year !== null)?.year ?? null,
  };
}
