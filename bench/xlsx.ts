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
