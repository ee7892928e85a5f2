/**
 * One measured run in a fresh process, so peak memory is this run's alone:
 * `node --import tsx bench/xlsxWorker.ts MODE FILE` prints {"ms":…,"peakMiB":…}.
 * MODE: read (the package reader), write (read, plan, patch, save), exceljs-read
 * (ExcelJS load and grid), exceljs-rewrite (ExcelJS load, plan, write the whole package),
 * score (what `spbe-index score` does: read the rows the reading needs, analyse), score-whole
 * (the same, reading every row).
 */
import * as fs from "fs";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { analyze } from "../src/core/analyze";
import { buildWritePlan } from "../src/core/writePlan";
import { FRAMEWORKS, OTHER_MODELS } from "../src/frameworks";
import { reportJson } from "../src/core/report";
import { fileOps } from "../src/cli/nodeIo";
import { readWorkbookFile, WorkbookError } from "../src/cli/workbookFile";
import { workbookGrid } from "../src/xlsx/readGrid";
import { packageGrid } from "../src/xlsx/readWorkbook";
import { writeWorkbook } from "../src/xlsx/writeWorkbook";
import { openPackage, PackageError } from "../src/xlsx/zipPackage";

async function main() {
  const [mode, file] = process.argv.slice(2);
  const data = fs.readFileSync(file);
  const start = performance.now();
  let note = "";
  if (mode === "score" || mode === "score-whole") {
    try {
      const options = { otherModels: OTHER_MODELS };
      const book = await readWorkbookFile(fileOps, file, mode === "score" ? options : undefined);
      const report = reportJson(analyze(book.grid, FRAMEWORKS, options)) as {
        assessments?: { index: number | null }[];
      };
      const indices = report.assessments?.map((a) => a.index);
      note = `indices ${JSON.stringify(indices)}`;
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      note = `refused: ${e.bilingual.en}`;
    }
  } else if (mode === "read" || mode === "write") {
    try {
      const pkg = openPackage(data);
      const { grid, parts } = packageGrid(pkg);
      if (mode === "write") {
        const out = writeWorkbook(pkg, parts, buildWritePlan(grid, analyze(grid, FRAMEWORKS)));
        note = `${out.changedParts.length} parts changed`;
      }
    } catch (e) {
      if (!(e instanceof PackageError)) throw e;
      note = `refused: ${e.bilingual.en}`;
    }
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const grid = workbookGrid(wb);
    if (mode === "exceljs-rewrite") {
      buildWritePlan(grid, analyze(grid, FRAMEWORKS));
      await wb.xlsx.writeBuffer();
    }
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, note }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
});
