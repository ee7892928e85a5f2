/**
 * Writing the batch summary: `.json` (the rows as they are), `.csv` (one line a row, the
 * domain and aspect indices as columns) or `.xlsx` (a workbook for a meeting: per
 * framework the table sorted by index with the predicate bands coloured, the distribution
 * of predicates and the averages; then the files that could not be read and why).
 */
import type ExcelJS from "exceljs";
import * as path from "path";
import { Framework, predicateFor } from "../core/framework";
import { FRAMEWORKS } from "../frameworks";
import type { SummaryRow } from "./summaryRow";
import { frameworkStats, FrameworkStats } from "./summaryStats";

export type SummaryFormat = "json" | "csv" | "xlsx";

export function summaryFormat(file: string): SummaryFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".csv" ? "csv" : ext === ".xlsx" ? "xlsx" : undefined;
}

export function summaryJson(rows: SummaryRow[]): string {
  return JSON.stringify(rows, null, 2) + "\n";
}

function csvField(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The widest domain and aspect lists among the frameworks found, so every row fits one header. */
function groupColumns(rows: SummaryRow[]): { domains: number[]; aspects: number[] } {
  const ids = (pick: (r: SummaryRow) => { id: number }[]) => [...new Set(rows.flatMap((r) => pick(r).map((g) => g.id)))].sort((a, b) => a - b);
  return { domains: ids((r) => r.domains), aspects: ids((r) => r.aspects) };
}

export function summaryCsv(rows: SummaryRow[]): string {
  const { domains, aspects } = groupColumns(rows);
  const head = ["file", "sheet", "framework", "agency", "year", "column", "header", "status", "message", "index", "predicate", ...domains.map((d) => `domain${d}`), ...aspects.map((a) => `aspect${a}`), "problems", "lowScores"];
  const lines = [head.join(",")];
  for (const r of rows) {
    const group = (list: { id: number; index: number | null }[], id: number) => list.find((g) => g.id === id)?.index ?? null;
    lines.push(
      [r.file, r.sheet, r.framework, r.agency, r.year, r.column, r.header, r.status, r.message, r.index, r.predicate, ...domains.map((d) => group(r.domains, d)), ...aspects.map((a) => group(r.aspects, a)), r.problems, r.lowScores]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** The colour of each predicate band, highest first, the same for both frameworks. */
const BAND_FILLS = ["FF63BE7B", "FFA9D08E", "FFFFEB84", "FFF8CBAD", "FFF4A6A6"];
const HEAD_FILL = "FFD9E1F2";
const STATUS_TEXT: Record<SummaryRow["status"], string> = {
  complete: "lengkap / complete",
  incomplete: "belum lengkap / incomplete",
  "not-filled": "belum diisi / not filled",
  unreadable: "tidak terbaca / unreadable",
};

function bandFill(f: Framework, value: number | null): ExcelJS.Fill | undefined {
  if (value === null) return undefined;
  const p = predicateFor(f, BigInt(Math.round(value * 100)));
  const argb = BAND_FILLS[Math.min(f.predicates.indexOf(p), BAND_FILLS.length - 1)];
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function heading(ws: ExcelJS.Worksheet, values: (string | number)[]): void {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEAD_FILL } };
    c.alignment = { vertical: "top", wrapText: true };
  });
}

function tableSheet(wb: ExcelJS.Workbook, s: FrameworkStats, files: number): void {
  const f = s.framework;
  const ws = wb.addWorksheet(f.data.shortName, { views: [{ state: "frozen", ySplit: 3, xSplit: 2 }] });
  ws.addRow([`${f.title} (${f.data.shortName}) — ${s.rows.length} penilaian / assessments; ${files} berkas dalam ringkasan / files in this summary`]).font = { bold: true, size: 13 };
  ws.addRow([`Diurutkan menurut indeks; warna = predikat / sorted by index; colour = predicate`]);
  const fixed = ["No", "Berkas / File", "Instansi / Agency", "Tahun / Year", "Lembar / Sheet", "Kolom / Column", "Judul kolom / Header", "Status", "Indeks / Index", "Predikat / Predicate"];
  heading(ws, [...fixed, ...f.domains.map((d) => `D${d.id} ${d.name}`), ...f.aspects.map((a) => `A${a.id} ${a.name}`), "Masalah / Problems", "Nilai rendah / Low scores"]);
  ws.getRow(3).height = 60;
  const indexCol = fixed.indexOf("Indeks / Index") + 1;
  s.rows.forEach((r, k) => {
    const groups = [...f.domains.map((d) => r.domains.find((x) => x.id === d.id)?.index ?? null), ...f.aspects.map((a) => r.aspects.find((x) => x.id === a.id)?.index ?? null)];
    const row = ws.addRow([k + 1, r.file, r.agency, r.year, r.sheet, r.column, r.header, STATUS_TEXT[r.status], r.index, r.predicate, ...groups, r.problems, r.lowScores]);
    const fill = bandFill(f, r.index);
    if (fill) {
      row.getCell(indexCol).fill = fill;
      row.getCell(indexCol + 1).fill = fill;
    }
    // Published reports apply the same bands to domain indices; aspects stay plain.
    f.domains.forEach((_, d) => {
      const df = bandFill(f, groups[d]);
      if (df) row.getCell(indexCol + 2 + d).fill = df;
    });
  });
  const last = indexCol + 1 + f.domains.length + f.aspects.length;
  for (let c = indexCol; c <= last; c++) if (c !== indexCol + 1) ws.getColumn(c).numFmt = "0.00";
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 34;
  ws.getColumn(3).width = 28;
  ws.getColumn(7).width = 18;
  ws.getColumn(8).width = 16;
  ws.getColumn(indexCol + 1).width = 16;
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last + 2 } };
}

function statsSheet(wb: ExcelJS.Workbook, s: FrameworkStats): void {
  const f = s.framework;
  const ws = wb.addWorksheet(`Sebaran ${f.data.shortName}`);
  ws.addRow([`${f.title} (${f.data.shortName}): sebaran predikat dan rata-rata / distribution of predicates and averages`]).font = { bold: true, size: 13 };
  ws.addRow([
    `Dihitung dari ${s.counted.length} penilaian lengkap, kolom nilai terakhir tiap tabel (nilai asesor bila ada) / from ${s.counted.length} complete assessments, each table's last level column (the assessor's when there is one)`,
  ]);
  ws.addRow([]);
  heading(ws, ["Predikat / Predicate", "Indeks mulai / Index from", "Jumlah / Count", "Persen / Share"]);
  s.bands.forEach((b, k) => {
    const row = ws.addRow([b.predicate, b.min, b.count, s.counted.length ? b.count / s.counted.length : null]);
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: BAND_FILLS[Math.min(k, BAND_FILLS.length - 1)] } };
    row.getCell(2).numFmt = "0.00";
    row.getCell(4).numFmt = "0.0%";
  });
  ws.addRow(["Jumlah / Total", null, s.counted.length]).font = { bold: true };
  ws.addRow([]);
  heading(ws, ["Rata-rata / Average", "", "Indeks / Index", "Penilaian / Assessments"]);
  const avgRow = (label: string, name: string, average: number | null, count: number, colour: boolean) => {
    const row = ws.addRow([label, name, average, count]);
    row.getCell(3).numFmt = "0.00";
    const fill = colour ? bandFill(f, average) : undefined;
    if (fill) row.getCell(3).fill = fill;
  };
  avgRow("Indeks / Index", f.title, s.index.average, s.index.count, true);
  for (const g of s.groups) avgRow(`${g.kind === "domain" ? "Domain" : "Aspek / Aspect"} ${g.id}`, g.name, g.average, g.count, g.kind === "domain");
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 52;
  ws.getColumn(3).width = 14;
  ws.getColumn(4).width = 16;
}

function unreadableSheet(wb: ExcelJS.Workbook, rows: SummaryRow[]): void {
  const ws = wb.addWorksheet("Tidak terbaca (Unreadable)");
  ws.addRow([`${rows.length} berkas tidak terbaca / files could not be read`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  heading(ws, ["Berkas / File", "Alasan / Reason"]);
  for (const r of rows) ws.addRow([r.file, r.message]);
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 120;
}

export async function summaryXlsx(rows: SummaryRow[]): Promise<Buffer> {
  // The .xlsx library is only needed here, for a summary someone asked for as .xlsx.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Excel = require("exceljs") as typeof ExcelJS;
  const wb = new Excel.Workbook();
  wb.creator = "spbe-index";
  const files = new Set(rows.map((r) => r.file)).size;
  const stats = frameworkStats(rows, FRAMEWORKS);
  for (const s of stats) tableSheet(wb, s, files);
  for (const s of stats) statsSheet(wb, s);
  const unreadable = rows.filter((r) => r.status === "unreadable");
  if (unreadable.length || stats.length === 0) unreadableSheet(wb, unreadable);
  // The fastest deflate: a summary is written once and read by people, not shipped around.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}

export async function summaryBytes(rows: SummaryRow[], format: SummaryFormat): Promise<Buffer> {
  if (format === "xlsx") return summaryXlsx(rows);
  return Buffer.from(format === "csv" ? summaryCsv(rows) : summaryJson(rows), "utf8");
}
