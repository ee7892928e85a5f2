/**
 * Writing the batch summary: `.json` (the rows as they are), `.csv` (one line a row, the
 * domain and aspect indices as columns) or `.xlsx` (a workbook for a meeting: per
 * framework the table sorted by index with the predicate bands coloured, the distribution
 * of predicates and the averages; then the files that could not be read and why).
 */
import { strToU8 } from "fflate";
import * as path from "path";
import { Framework, predicateFor } from "../core/framework";
import { a1, columnLetter } from "../core/grid";
import { emptyWritePlan, type CellStyle, type WritePlan } from "../core/writePlan";
import { FRAMEWORKS } from "../frameworks";
import { packageGrid } from "../xlsx/readWorkbook";
import { NEW_WORKSHEET } from "../xlsx/worksheet";
import { writeWorkbook } from "../xlsx/writeWorkbook";
import { element } from "../xlsx/xml";
import { Package } from "../xlsx/zipPackage";
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
  const ids = (pick: (r: SummaryRow) => { id: number }[]) =>
    [...new Set(rows.flatMap((r) => pick(r).map((g) => g.id)))].sort((a, b) => a - b);
  return { domains: ids((r) => r.domains), aspects: ids((r) => r.aspects) };
}

export function summaryCsv(rows: SummaryRow[]): string {
  const { domains, aspects } = groupColumns(rows);
  const head = [
    "file",
    "sheet",
    "framework",
    "agency",
    "year",
    "column",
    "header",
    "status",
    "message",
    "index",
    "predicate",
    ...domains.map((d) => `domain${d}`),
    ...aspects.map((a) => `aspect${a}`),
    "problems",
    "lowScores",
    "identifiedBy",
  ];
  const lines = [head.join(",")];
  for (const r of rows) {
    const group = (list: { id: number; index: number | null }[], id: number) =>
      list.find((g) => g.id === id)?.index ?? null;
    lines.push(
      [
        r.file,
        r.sheet,
        r.framework,
        r.agency,
        r.year,
        r.column,
        r.header,
        r.status,
        r.message,
        r.index,
        r.predicate,
        ...domains.map((d) => group(r.domains, d)),
        ...aspects.map((a) => group(r.aspects, a)),
        r.problems,
        r.lowScores,
        r.identifiedBy,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** The colour of each predicate band, highest first, the same for both frameworks. */
const BAND_FILLS = ["#63BE7B", "#A9D08E", "#FFEB84", "#F8CBAD", "#F4A6A6"];
const HEAD: CellStyle = { bold: true, fill: "#D9E1F2", wrap: true };
const TITLE: CellStyle = { bold: true };
const STATUS_TEXT: Record<SummaryRow["status"], string> = {
  complete: "lengkap / complete",
  incomplete: "belum lengkap / incomplete",
  "not-filled": "belum diisi / not filled",
  unreadable: "tidak terbaca / unreadable",
};
const UNREADABLE_SHEET = "Tidak terbaca (Unreadable)";

function bandFill(f: Framework, value: number | null): string | undefined {
  if (value === null) return undefined;
  const p = predicateFor(f, BigInt(Math.round(value * 100)));
  return BAND_FILLS[Math.min(f.predicates.indexOf(p), BAND_FILLS.length - 1)];
}

/** The summary workbook as a write plan: cells, styles and widths on sheets of its own. */
class SheetWriter {
  row = 0;
  constructor(
    private readonly plan: WritePlan,
    readonly sheet: string,
  ) {
    plan.sheets.push(sheet);
  }

  /** Writes one row of values (null leaves a cell empty), each with its own style if given. */
  line(values: (string | number | null)[], style?: CellStyle | ((col: number) => CellStyle | undefined)): void {
    values.forEach((v, c) => {
      const st = typeof style === "function" ? style(c) : style;
      if (v === null && !st?.fill) return;
      this.plan.cells.push({
        sheet: this.sheet,
        address: a1(this.row, c),
        ...(v === null ? {} : { value: v }),
        ...(st ? { style: st } : {}),
      });
    });
    this.row++;
  }

  widths(w: number[]): void {
    w.forEach((width, c) => this.plan.columnWidths.push({ sheet: this.sheet, column: columnLetter(c), width }));
  }
}

function tableSheet(plan: WritePlan, s: FrameworkStats, files: number): void {
  const f = s.framework;
  const w = new SheetWriter(plan, f.data.shortName);
  w.line(
    [
      `${f.title} (${f.data.shortName}) — ${s.rows.length} penilaian / assessments; ${files} berkas dalam ringkasan / files in this summary`,
    ],
    TITLE,
  );
  w.line(["Diurutkan menurut indeks; warna = predikat / sorted by index; colour = predicate"]);
  const fixed = [
    "No",
    "Berkas / File",
    "Instansi / Agency",
    "Tahun / Year",
    "Lembar / Sheet",
    "Kolom / Column",
    "Judul kolom / Header",
    "Status",
    "Indeks / Index",
    "Predikat / Predicate",
  ];
  w.line(
    [
      ...fixed,
      ...f.domains.map((d) => `D${d.id} ${d.name}`),
      ...f.aspects.map((a) => `A${a.id} ${a.name}`),
      "Masalah / Problems",
      "Nilai rendah / Low scores",
    ],
    HEAD,
  );
  const indexCol = fixed.indexOf("Indeks / Index");
  const firstGroup = indexCol + 2;
  const groupCount = f.domains.length + f.aspects.length;
  s.rows.forEach((r, k) => {
    const groups = [
      ...f.domains.map((d) => r.domains.find((x) => x.id === d.id)?.index ?? null),
      ...f.aspects.map((a) => r.aspects.find((x) => x.id === a.id)?.index ?? null),
    ];
    const band = bandFill(f, r.index);
    w.line(
      [
        k + 1,
        r.file,
        r.agency,
        r.year,
        r.sheet,
        r.column,
        r.header,
        // An index that rests on row numbers alone says so where its status is read.
        r.identifiedBy === "numbers" ? `${STATUS_TEXT[r.status]}; nomor saja / numbers only` : STATUS_TEXT[r.status],
        r.index,
        r.predicate,
        ...groups,
        r.problems,
        r.lowScores,
      ],
      (c) => {
        if (c === indexCol) return { numberFormat: "0.00", ...(band ? { fill: band } : {}) };
        if (c === indexCol + 1) return band ? { fill: band } : undefined;
        if (c >= firstGroup && c < firstGroup + groupCount) {
          // Published reports apply the same bands to domain indices; aspects stay plain.
          const fill = c < firstGroup + f.domains.length ? bandFill(f, groups[c - firstGroup]) : undefined;
          return { numberFormat: "0.00", ...(fill ? { fill } : {}) };
        }
        return undefined;
      },
    );
  });
  w.widths([5, 34, 28, 8, 14, 8, 18, 16, 9, 18, ...Array<number>(groupCount).fill(12), 10, 10]);
}

function statsSheet(plan: WritePlan, s: FrameworkStats): void {
  const f = s.framework;
  const w = new SheetWriter(plan, `Sebaran ${f.data.shortName}`);
  w.line(
    [`${f.title} (${f.data.shortName}): sebaran predikat dan rata-rata / distribution of predicates and averages`],
    TITLE,
  );
  w.line([
    `Dihitung dari ${s.counted.length} penilaian lengkap, kolom nilai terakhir tiap tabel (nilai asesor bila ada) / from ${s.counted.length} complete assessments, each table's last level column (the assessor's when there is one)`,
  ]);
  w.row++;
  w.line(["Predikat / Predicate", "Indeks mulai / Index from", "Jumlah / Count", "Persen / Share"], HEAD);
  s.bands.forEach((b, k) => {
    const share = s.counted.length ? b.count / s.counted.length : null;
    w.line([b.predicate, b.min, b.count, share], (c) =>
      c === 0
        ? { fill: BAND_FILLS[Math.min(k, BAND_FILLS.length - 1)] }
        : c === 1
          ? { numberFormat: "0.00" }
          : c === 3
            ? { numberFormat: "0.0%" }
            : undefined,
    );
  });
  w.line(["Jumlah / Total", null, s.counted.length], TITLE);
  w.row++;
  w.line(["Rata-rata / Average", "", "Indeks / Index", "Penilaian / Assessments"], HEAD);
  const average = (label: string, name: string, value: number | null, count: number, colour: boolean) => {
    const fill = colour ? bandFill(f, value) : undefined;
    w.line([label, name, value, count], (c) =>
      c === 2 ? { numberFormat: "0.00", ...(fill ? { fill } : {}) } : undefined,
    );
  };
  average("Indeks / Index", f.title, s.index.average, s.index.count, true);
  for (const g of s.groups)
    average(
      `${g.kind === "domain" ? "Domain" : "Aspek / Aspect"} ${g.id}`,
      g.name,
      g.average,
      g.count,
      g.kind === "domain",
    );
  w.widths([26, 52, 14, 16]);
}

function unreadableSheet(plan: WritePlan, rows: SummaryRow[]): void {
  const w = new SheetWriter(plan, UNREADABLE_SHEET);
  w.line([`${rows.length} berkas tidak terbaca / files could not be read`], TITLE);
  w.row++;
  w.line(["Berkas / File", "Alasan / Reason"], HEAD);
  for (const r of rows) w.line([r.file, r.message]);
  w.widths([40, 120]);
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** The smallest workbook holding one empty sheet: the package writer adds the rest, as it does to a person's workbook. */
function seedPackage(firstSheet: string): Package {
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      element(
        "Types",
        { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" },
        [
          element("Default", {
            Extension: "rels",
            ContentType: "application/vnd.openxmlformats-package.relationships+xml",
          }),
          element("Default", { Extension: "xml", ContentType: "application/xml" }),
          element("Override", {
            PartName: "/xl/workbook.xml",
            ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          }),
          element("Override", {
            PartName: "/xl/worksheets/sheet1.xml",
            ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
          }),
        ].join(""),
      ),
    ],
    [
      "_rels/.rels",
      element(
        "Relationships",
        { xmlns: NS_PKG_REL },
        element("Relationship", { Id: "rId1", Type: `${NS_REL}/officeDocument`, Target: "xl/workbook.xml" }),
      ),
    ],
    [
      "xl/workbook.xml",
      element(
        "workbook",
        { xmlns: NS_MAIN, "xmlns:r": NS_REL },
        element("sheets", {}, element("sheet", { name: firstSheet, sheetId: 1, "r:id": "rId1" })),
      ),
    ],
    [
      "xl/_rels/workbook.xml.rels",
      element(
        "Relationships",
        { xmlns: NS_PKG_REL },
        element("Relationship", { Id: "rId1", Type: `${NS_REL}/worksheet`, Target: "worksheets/sheet1.xml" }),
      ),
    ],
  ];
  const pkg: Package = { order: [], parts: new Map() };
  for (const [name, xml] of parts) {
    pkg.order.push(name);
    pkg.parts.set(name, strToU8(XML_HEAD + xml));
  }
  pkg.order.push("xl/worksheets/sheet1.xml");
  pkg.parts.set("xl/worksheets/sheet1.xml", strToU8(NEW_WORKSHEET));
  return pkg;
}

/** The summary workbook, written by the same package writer that scores a person's workbook. */
export function summaryXlsx(rows: SummaryRow[]): Buffer {
  const plan = emptyWritePlan();
  const files = new Set(rows.map((r) => r.file)).size;
  const stats = frameworkStats(rows, FRAMEWORKS);
  for (const s of stats) tableSheet(plan, s, files);
  for (const s of stats) statsSheet(plan, s);
  const unreadable = rows.filter((r) => r.status === "unreadable");
  if (unreadable.length || stats.length === 0) unreadableSheet(plan, unreadable);
  const pkg = seedPackage(plan.sheets[0]);
  const { parts } = packageGrid(pkg);
  const data = writeWorkbook(pkg, parts, plan).data;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

export function summaryBytes(rows: SummaryRow[], format: SummaryFormat): Buffer {
  if (format === "xlsx") return summaryXlsx(rows);
  return Buffer.from(format === "csv" ? summaryCsv(rows) : summaryJson(rows), "utf8");
}
