/**
 * Workbooks for the host tests: the template fixtures as grids, a long synthetic sheet,
 * and a fake Excel with the Office.js host on it.
 */
import ExcelJS from "exceljs";
import { analyze, Analysis } from "../../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { buildWritePlan, emptyWritePlan, WritePlan } from "../../../src/core/writePlan";
import { createOfficeHost, OfficeHost } from "../../../src/excel/officeHost";
import { createFakeExcel, FakeExcel, FakeExcelOptions } from "../../../src/fake-excel";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { SPBE, standardSpbe as SPBE_TEMPLATE } from "../../fixtures/templates";

export function gridOf(wb: ExcelJS.Workbook): WorkbookGrid {
  return workbookGrid(wb);
}

/** A long worksheet as in a workbook of many agencies: indicator rows repeat, two level columns and notes. */
export function longSpbeGrid(rows: number): WorkbookGrid {
  const values: CellValue[][] = [
    ["Rekap seluruh perangkat daerah"],
    [],
    ["No", "Indikator", "Penilaian Mandiri", "Nilai Asesor", "Catatan"],
  ];
  for (let r = 0; r < rows; r++) {
    const ind = SPBE.indicators[r % SPBE.indicators.length];
    values.push([ind.id, ind.name, 1 + ((r * 7) % 5), 1 + ((r * 3) % 5), r % 11 === 0 ? "periksa" : null]);
  }
  return { sheets: [{ name: "Rekap", values }] };
}

/** The 47-indicator template with `sheets` evidence sheets of `rows` rows each, as an assessor keeps them beside it. */
export function withEvidence(
  sheets: number,
  rows: number,
  text = (s: number, r: number) => `Bukti ${s}.${r}: notulen rapat dan SK penetapan`,
): WorkbookGrid {
  const grid = gridOf(SPBE_TEMPLATE());
  for (let s = 1; s <= sheets; s++) {
    const values: CellValue[][] = [["No", "Indikator", "Dokumen", "Tanggal", "Keterangan"]];
    for (let r = 1; r <= rows; r++)
      values.push([r, `Indikator ${1 + (r % 47)}`, text(s, r), 45000 + r, r % 3 === 0 ? "lengkap" : null]);
    grid.sheets.push({ name: `Bukti ${s}`, values });
  }
  return grid;
}

export interface Setup {
  fake: FakeExcel;
  host: OfficeHost;
}

export function setUp(grid: WorkbookGrid, options: FakeExcelOptions = {}): Setup {
  const fake = createFakeExcel(grid, options);
  return { fake, host: createOfficeHost(fake.Excel, fake.Office) };
}

export function understand(grid: WorkbookGrid): { analysis: Analysis; plan: WritePlan } {
  const analysis = analyze(grid, FRAMEWORKS);
  return { analysis, plan: buildWritePlan(grid, analysis) };
}

/** What the pane does: read, understand, apply. */
export async function readAndApply(
  host: OfficeHost,
): Promise<{ grid: WorkbookGrid; analysis: Analysis; plan: WritePlan }> {
  const grid = await host.read();
  const { analysis, plan } = understand(grid);
  await host.apply(plan);
  return { grid, analysis, plan };
}

/** Runs `fn` and tells how many round trips it made. */
export async function countSyncs(fake: FakeExcel, fn: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await fn();
  return fake.syncs - before;
}

export const EMPTY_PLAN: WritePlan = emptyWritePlan();
