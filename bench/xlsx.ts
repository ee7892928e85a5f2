/**
 * The .xlsx host: reading and writing a 47-indicator workbook and a 100,000-row one,
 * through the package reader and patching writer, beside ExcelJS reading and rewriting
 * the whole package (the command line's former path, without applying the plan). Each
 * figure is one run in a fresh process: wall time of the work and peak resident memory
 * of the process (Node itself is about 50 MiB). Then hostile files: how fast they are refused.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { standardSpbe } from "../test/fixtures/templates";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { HOSTILE_FILES, SAMPLE } from "../test/support/hostileFiles";
import { lyingBomb, ratioBomb } from "../test/support/zipBombs";
import { syntheticGrid } from "./core";

function measure(mode: string, file: string): string {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "xlsxWorker.ts"), mode, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as {
    ms?: number;
    peakMiB?: number;
    note?: string;
    error?: string;
  };
  if (r.error) return `failed: ${r.error}`;
  return `${r.ms!.toFixed(0)} ms, peak ${r.peakMiB!.toFixed(0)} MiB${r.note ? ` (${r.note})` : ""}`;
}

/**
 * The sample workbook (47 indicators) with a log sheet of `rows` rows × 4 columns beside
 * its table (a time stamp, a user and an action as shared strings, a number), as Excel
 * writes one.
 */
export function tableBesideLog(file: string, rows: number) {
  const p = unzipSync(fs.readFileSync(SAMPLE));
  const sst = strFromU8(p["xl/sharedStrings.xml"]);
  const base = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
  const added = [
    ...Array.from({ length: 500 }, (_, k) => `pengguna${k}@instansi.go.id`),
    ...["masuk", "keluar", "unggah", "unduh", "ubah", "hapus", "lihat"],
  ];
  p["xl/sharedStrings.xml"] = strToU8(
    sst
      .replace(/count="\d+"/, `count="${rows * 2}"`)
      .replace(/uniqueCount="\d+"/, `uniqueCount="${base + added.length}"`)
      .replace("</sst>", `${added.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`),
  );
  const lines: string[] = [
    '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Waktu</t></is></c><c r="B1" t="inlineStr"><is><t>Pengguna</t></is></c><c r="C1" t="inlineStr"><is><t>Aksi</t></is></c><c r="D1" t="inlineStr"><is><t>Durasi (ms)</t></is></c></row>',
  ];
  for (let r = 2; r <= rows; r++)
    lines.push(
      `<row r="${r}" spans="1:4"><c r="A${r}" s="0"><v>${(46023 + r / 86400).toFixed(8)}</v></c><c r="B${r}" t="s"><v>${base + (r % 500)}</v></c><c r="C${r}" t="s"><v>${base + 500 + (r % 7)}</v></c><c r="D${r}"><v>${(r * 7919) % 5000}</v></c></row>`,
    );
  p["xl/worksheets/sheet3.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D${rows}"/><sheetData>${lines.join("")}</sheetData></worksheet>`,
  );
  lines.length = 0;
  p["xl/workbook.xml"] = strToU8(
    strFromU8(p["xl/workbook.xml"]).replace("</sheets>", '<sheet name="Log" sheetId="9" r:id="rIdLog"/></sheets>'),
  );
  p["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(p["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      '<Relationship Id="rIdLog" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
    ),
  );
  p["[Content_Types].xml"] = strToU8(
    strFromU8(p["[Content_Types].xml"]).replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  fs.writeFileSync(file, zipSync(p, { level: 6 }));
}

async function bigWorkbook(file: string, rows: number) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = writer.addWorksheet("Rekap");
  for (const row of syntheticGrid(rows).sheets[0].values) ws.addRow(row).commit();
  await writer.commit();
}

export async function benchXlsx(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-bench-xlsx-"));
  const lines: string[] = [];
  try {
    const small = path.join(dir, "47.xlsx");
    await standardSpbe().xlsx.writeFile(small);
    const big = path.join(dir, "100000.xlsx");
    await bigWorkbook(big, 100000);
    for (const [label, file] of [
      ["47 indicators", small],
      ["100,000 rows", big],
    ]) {
      lines.push(`${label} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB):`);
      for (const mode of ["read", "write", "exceljs-read", "exceljs-rewrite"])
        lines.push(`  ${mode.padEnd(16)} ${measure(mode, file)}`);
    }
    const huge = path.join(dir, "47-beside-log.xlsx");
    tableBesideLog(huge, 1_000_000);
    lines.push(
      `47 indicators beside a log sheet of 1,000,000 rows × 4 (${(fs.statSync(huge).size / 1048576).toFixed(0)} MiB):`,
    );
    for (const mode of ["score", "score-whole"]) lines.push(`  ${mode.padEnd(16)} ${measure(mode, huge)}`);
    fs.rmSync(huge);
    lines.push("hostile files (test/support/hostileFiles.ts), scored as the command line reads them:");
    for (const h of HOSTILE_FILES) {
      const f = path.join(dir, h.name);
      fs.writeFileSync(f, h.build());
      lines.push(`  ${h.name.padEnd(26)} ${measure("score", f)}`);
    }
    const ratio = path.join(dir, "bomb-ratio.xlsx");
    fs.writeFileSync(ratio, ratioBomb(1024 * 1024 * 1024));
    lines.push(
      `zip bomb, 1 GiB of zeros in ${(fs.statSync(ratio).size / 1024).toFixed(0)} KiB: ${measure("read", ratio)}`,
    );
    const liar = path.join(dir, "bomb-liar.xlsx");
    fs.writeFileSync(liar, lyingBomb(400 * 1024 * 1024, 4096));
    lines.push(
      `zip bomb declaring 4 KiB, expanding to 400 MiB (${(fs.statSync(liar).size / 1024).toFixed(0)} KiB): ${measure("read", liar)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
