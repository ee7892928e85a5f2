/**
 * Worksheets as plain grids, built the way an assessor's table looks (title, header,
 * one row per indicator, aspect heading rows), without ExcelJS so DOM tests stay light.
 */
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { FRAMEWORKS } from "../../../src/frameworks";
import denpasar from "../../data/denpasar-2021.json";
import aceh from "../../data/aceh-tengah-2026.json";

export const SPBE = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
export const PEMDI = FRAMEWORKS.find((f) => f.id === "pemdi-2026")!;

const byId = (o: Record<string, number>, strip = 0): Record<number, number> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [Number(k.slice(strip)), v]));
export const DENPASAR_SELF = byId(denpasar.selfAssessedLevels);
export const DENPASAR_FINAL = byId(denpasar.finalLevels);
export const ACEH = byId(aceh.indicatorValues, 1);

/** "Kertas Kerja": No, Indikator, Penilaian Mandiri (C), Nilai Asesor (D); header on row 3. */
export function spbeGrid(
  self: Record<number, CellValue> = DENPASAR_SELF,
  final: Record<number, CellValue> = DENPASAR_FINAL,
): WorkbookGrid {
  const values: CellValue[][] = [
    ["KERTAS KERJA EVALUASI SPBE"],
    [],
    ["No", "Indikator", "Penilaian Mandiri", "Nilai Asesor", "Catatan"],
  ];
  for (const a of SPBE.data.aspects) {
    values.push([null, `Aspek ${a.id} ${a.name}`]);
    for (const i of a.indicators) values.push([i.id, i.name, self[i.id] ?? null, final[i.id] ?? null]);
  }
  return {
    sheets: [
      { name: "Sampul", values: [[null, "Evaluasi SPBE"]] },
      { name: "Kertas Kerja", values },
    ],
  };
}

/** The same sheet with an evidence column ("Bukti Dukung", E) in place of the notes; evidence by indicator id, empty elsewhere. */
export function evidenceGrid(evidence: Record<number, string> = {}): WorkbookGrid {
  const grid = spbeGrid();
  const values = grid.sheets[1].values;
  values[2][4] = "Bukti Dukung";
  for (const row of values) if (typeof row[0] === "number") row[4] = evidence[row[0]] ?? null;
  return grid;
}

/** "Pemdi 2026": Kode, Indikator, Bobot, Nilai Asesor (D); I13 holds =7/6 as published. */
export function pemdiGrid(values: Record<number, CellValue> = ACEH): WorkbookGrid {
  const rows: CellValue[][] = [
    ["Evaluasi Pemerintah Digital 2026"],
    [],
    ["Kode", "Indikator", "Bobot", "Nilai Asesor"],
  ];
  const formulas: (string | null)[][] = [];
  for (const a of PEMDI.data.aspects) {
    rows.push([`Aspek ${a.id}`, a.name]);
    for (const i of a.indicators) {
      if (i.id === 13) formulas[rows.length] = [null, null, null, "=7/6"];
      rows.push([i.code, i.name, i.weight, i.id === 13 ? 7 / 6 : (values[i.id] ?? null)]);
    }
  }
  const sheet: SheetGrid = { name: "Pemdi 2026", values: rows, formulas };
  return { sheets: [sheet] };
}

/** Row (0-based) of an indicator in a grid built above. */
export function rowOf(grid: WorkbookGrid, sheet: string, code: string | number): number {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  return s.values.findIndex((r) => r && r[0] === code);
}
