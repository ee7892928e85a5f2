import { findAgencyYear } from "../../../src/core/agencyYear";
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";

const sheet = (name: string, rows: CellValue[][]): SheetGrid => ({ name, values: rows });
const table = (titles: CellValue[][]): SheetGrid =>
  sheet("Kertas Kerja", [...titles, ["No", "Indikator", "Nilai"], [1, "Kebijakan Internal Arsitektur SPBE", 3]]);
const find = (g: WorkbookGrid, sheetIndex = g.sheets.length - 1, tableSheets: number[] = []) => {
  const header = g.sheets[sheetIndex].values.findIndex((r) => r[0] === "No");
  return findAgencyYear(g, sheetIndex, header, tableSheets);
};

describe("agency and year from what the workbook says", () => {
  test.each<[string, CellValue[][], string | null, number | null]>([
    [
      "a title row naming a city and a year",
      [["KERTAS KERJA EVALUASI SPBE"], ["Pemerintah Kota Contoh — Tahun 2021"]],
      "Pemerintah Kota Contoh",
      2021,
    ],
    [
      "a regency with a two-word name, year after a comma",
      [["Evaluasi Pemerintah Digital — Kabupaten Aceh Tengah, 2026"]],
      "Kabupaten Aceh Tengah",
      2026,
    ],
    ["a ministry, T.A.", [["Penilaian Mandiri SPBE Kementerian Keuangan TA 2023"]], "Kementerian Keuangan", 2023],
    [
      "a labelled pair in two cells",
      [
        ["Instansi", "Pemerintah Provinsi Bali"],
        ["Tahun", 2024],
      ],
      "Pemerintah Provinsi Bali",
      2024,
    ],
    [
      "a label with a colon in its own cell and the value further right",
      [
        ["Nama Instansi", ":", "Badan Pusat Statistik"],
        ["Tahun Evaluasi", ":", "2022"],
      ],
      "Badan Pusat Statistik",
      2022,
    ],
    ["an inline label", [["Instansi: Kota Denpasar"]], "Kota Denpasar", null],
    [
      "English",
      [
        ["Agency", "City of Example"],
        ["Year", 2025],
      ],
      "City of Example",
      2025,
    ],
    ["nothing said", [["KERTAS KERJA"]], null, null],
    ["a heading that names only a kind of agency", [["Instansi Pusat / Pemerintah Daerah"]], null, null],
    ["a level, not a year", [["Rekap", 3]], null, null],
    ["a year out of range is not a year", [["Tahun", 1899]], null, null],
    // a template's placeholder where the name is still to be typed names no agency
    ["a placeholder: Diisi sesuai …", [["Nama Instansi", ":", "Diisi sesuai nama instansi"]], null, null],
    ["a placeholder in brackets", [["Instansi", "[nama instansi]"]], null, null],
    ["a placeholder in angle brackets, inline", [["Instansi: <Nama Pemda>"]], null, null],
    ["an ellipsis", [["Nama Pemda", "…"]], null, null],
    ["dots", [["Instansi", "......................"]], null, null],
    [
      "the label's own words again",
      [
        ["Instansi", "Nama Instansi"],
        ["Tahun", 2024],
      ],
      null,
      2024,
    ],
    [
      "a placeholder beside the label, the agency named in the title",
      [["Evaluasi SPBE Kota Contoh 2021"], ["Instansi", "(diisi nama instansi)"]],
      "Kota Contoh",
      2021,
    ],
    ["a title made of a placeholder", [["EVALUASI SPBE [NAMA KABUPATEN/KOTA] TAHUN 2024"]], null, 2024],
  ])("%s", (_, titles, agency, year) => {
    expect(find({ sheets: [table(titles)] })).toEqual({ agency, year });
  });

  test("a cover sheet's Instansi cell, when the table has no title rows", () => {
    const cover = sheet("Sampul", [
      [null, "Evaluasi SPBE Kota Contoh 2021"],
      [],
      [null, "Instansi", "Pemerintah Kota Contoh"],
      [null, "Indeks SPBE", null],
    ]);
    expect(find({ sheets: [cover, table([])] })).toEqual({ agency: "Pemerintah Kota Contoh", year: 2021 });
  });

  test("a labelled cell wins over a name in running text; the table's own title wins over the cover", () => {
    const cover = sheet("Sampul", [["Laporan Kota Lama 2019"], ["Instansi", "Pemerintah Kota Baru"]]);
    expect(find({ sheets: [cover, table([["Evaluasi SPBE Tahun 2021"]])] })).toEqual({
      agency: "Pemerintah Kota Baru",
      year: 2021,
    });
  });

  test("rows below the header are data, never a title", () => {
    const t = sheet("Kertas Kerja", [
      ["No", "Indikator", "Nilai"],
      [1, "Kebijakan Kota Contoh Tahun 2021", 3],
    ]);
    expect(find({ sheets: [t] })).toEqual({ agency: null, year: null });
  });

  test("another indicator table lends its agency but not its year", () => {
    const last = table([["Pemerintah Kabupaten Contoh — Tahun 2025"]]);
    const now = sheet("Pemdi", [["No", "Indikator", "Nilai"]]);
    expect(find({ sheets: [last, now] }, 1, [0, 1])).toEqual({ agency: "Pemerintah Kabupaten Contoh", year: null });
  });
});
