/**
 * How one process's time on the national case splits: loading the command line, reading
 * every workbook, scoring, writing the summary. Run by bench/batch.ts against lib/ in a
 * fresh Node, so "start" is what a user's process pays.
 *   node bench/split.js LIBDIR FOLDER SUMMARY.xlsx
 */
const { performance } = require("perf_hooks");
const t0 = performance.now();
const [lib, folder, summaryFile] = process.argv.slice(2);
const { runCli } = require(`${lib}/cli/run`);
const t1 = performance.now();
const { collectFiles } = require(`${lib}/cli/batch`);
const { readWorkbookFile } = require(`${lib}/cli/workbookFile`);
const { fileOps } = require(`${lib}/cli/nodeIo`);
const { analyze } = require(`${lib}/core/analyze`);
const { FRAMEWORKS } = require(`${lib}/frameworks`);
const { summaryRows, unreadableRow } = require(`${lib}/cli/summaryRow`);
const { summaryXlsx } = require(`${lib}/cli/summary`);

(async () => {
  void runCli;
  let read = 0;
  let scored = 0;
  const rows = [];
  for (const f of collectFiles([folder])) {
    const a = performance.now();
    let book;
    try {
      book = await readWorkbookFile(fileOps, f.path);
    } catch (e) {
      rows.push(unreadableRow(f.file, e.message));
      read += performance.now() - a;
      continue;
    }
    const b = performance.now();
    rows.push(...summaryRows(f.file, analyze(book.grid, FRAMEWORKS), book.grid));
    scored += performance.now() - b;
    read += b - a;
  }
  const w = performance.now();
  fs.writeFileSync(summaryFile, summaryXlsx(rows));
  const written = performance.now() - w;
  console.log(JSON.stringify({ start: t1 - t0, read, scored, written, rows: rows.length }));
})();
const fs = require("fs");
