/**
 * The evidence that a table's rows are a framework's indicators, kept as one record per
 * table, and the rule that decides whether it is enough to score: indicator names or
 * codes that match. Numbers alone count only where nothing else in the rows speaks
 * against them: no text column, no more numbered rows than the framework has, and
 * exactly its number of indicators.
 */
import { Bilingual, Framework } from "./framework";
import { SheetGrid, cellAt, colCount, columnLetter, isCellError, rowCount } from "./grid";
import { bi } from "./messages";

export interface Identification {
  /** what the identification rests on: matching names, matching codes, numbers alone, or the person's choice */
  basis: "names" | "codes" | "numbers" | "user";
  /** indicator rows whose name fits their indicator */
  names: number;
  /** indicator rows whose code is written the way the framework writes it ("I5", "1.1", "IK-01", "Ind. 01") */
  codes: number;
  /** indicator rows identified by a bare number and nothing else */
  numbers: number;
  /** different indicators found */
  indicators: number;
}

/**
 * The fewest rows of positive evidence (names or codes) a table needs: a quarter of the
 * framework's indicators, at least three. A stray name that happens to fit is not a table.
 */
export function evidenceNeeded(f: Framework): number {
  return Math.max(3, Math.ceil(f.indicators.length / 4));
}

/** Whether names and codes alone are enough to say the rows are this framework's indicators. */
export function positivelyIdentified(evidenced: number, f: Framework): boolean {
  return evidenced >= evidenceNeeded(f);
}

/** Text in a cell that reads as a name: three letters in a row, not a level written as text. */
function isNameText(v: unknown): v is string {
  return typeof v === "string" && /\p{L}{3}/u.test(v) && !/^\s*[1-5]\s*[-–.:]/.test(v);
}

/** A whole number as a row counter writes it: 7, "7", "7.". */
function isRowNumber(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v > 0;
  return typeof v === "string" && /^\s*\d{1,4}\.?\s*$/.test(v);
}

/**
 * Why numbers alone cannot identify this table as the framework's, or undefined when
 * they may. `rows` are the rows the numbers picked; `levelCols` hold the levels.
 */
export function numbersOnlyObjection(
  sheet: SheetGrid,
  f: Framework,
  firstRow: number,
  numberCol: number | undefined,
  levelCols: number[],
  rows: { row: number }[],
  indicators: number,
  /** the person chose the framework: the names are said not to be its indicators */
  chosen = false,
): Bilingual | undefined {
  const n = f.indicators.length;
  const short = f.data.shortName;
  // A column of names beside the numbers says what the rows are, and it is not indicators.
  for (let c = 0; c < colCount(sheet); c++) {
    if (c === numberCol || levelCols.includes(c)) continue;
    let names = 0;
    let sample = "";
    for (const r of rows) {
      const v = cellAt(sheet, r.row, c);
      if (isCellError(v) || !isNameText(v)) continue;
      names++;
      if (!sample) sample = v.trim().length > 30 ? `${v.trim().slice(0, 29)}…` : v.trim();
    }
    if (names > 0 && names * 2 >= rows.length && chosen)
      return bi(
        `kolom ${columnLetter(c)} berisi nama (mis. "${sample}") yang bukan indikator ${short}`,
        `column ${columnLetter(c)} holds names (e.g. "${sample}") that are not ${short} indicators`,
      );
    if (names > 0 && names * 2 >= rows.length)
      return bi(
        `kolom ${columnLetter(c)} berisi nama (mis. "${sample}") yang tidak cocok dengan indikator mana pun; ini bukan tabel penilaian`,
        `column ${columnLetter(c)} holds names (e.g. "${sample}") that match no indicator; this is not an assessment table`,
      );
  }
  if (numberCol !== undefined) {
    let numbered = 0;
    for (let r = firstRow; r < rowCount(sheet); r++) if (isRowNumber(cellAt(sheet, r, numberCol))) numbered++;
    if (numbered > n)
      return bi(
        `${numbered} baris bernomor, lebih banyak dari ${n} indikator ${short}; ini bukan tabel penilaian`,
        `${numbered} numbered rows, more than the ${n} indicators of ${short}; this is not an assessment table`,
      );
  }
  if (indicators !== n)
    return bi(
      `hanya nomor (tanpa nama atau kode) dan ${indicators} dari ${n} indikator ${short}; terlalu sedikit untuk dikenali`,
      `numbers only (no names or codes) and ${indicators} of the ${n} ${short} indicators; too little to identify`,
    );
  return undefined;
}

/** The detection line's account of the evidence. */
export function identificationReason(ev: Identification, f: Framework): Bilingual {
  const short = f.data.shortName;
  if (ev.basis === "user") return bi("dipilih oleh pengguna", "chosen by the user");
  if (ev.basis === "numbers")
    return bi(
      `HANYA NOMOR: tanpa nama atau kode indikator; ${ev.numbers} baris bernomor 1–${ev.indicators} sesuai jumlah indikator ${short}`,
      `NUMBERS ONLY: no indicator names or codes; ${ev.numbers} rows numbered 1–${ev.indicators}, the number of ${short} indicators`,
    );
  const bare =
    ev.numbers > 0
      ? { id: `, ${ev.numbers} hanya dari nomor`, en: `, ${ev.numbers} by number alone` }
      : { id: "", en: "" };
  return bi(
    `${ev.names} nama indikator dan ${ev.codes} kode cocok dengan ${short}${bare.id}`,
    `${ev.names} indicator names and ${ev.codes} codes match ${short}${bare.en}`,
  );
}

/** Said prominently wherever an index rests on numbers alone. */
export function numbersOnlyWarning(f: Framework): Bilingual {
  return bi(
    `Tabel ini dikenali dari nomor baris saja, tanpa nama atau kode indikator. Pastikan ini memang penilaian ${f.data.shortName} sebelum memakai indeksnya.`,
    `This table was identified by its row numbers alone, with no indicator names or codes. Make sure it really is a ${f.data.shortName} assessment before using its index.`,
  );
}
