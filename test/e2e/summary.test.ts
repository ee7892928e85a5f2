/**
 * A batch over workbooks written by another program (openpyxl), checked against indices
 * worked out independently with exact fractions, and the .xlsx summary as LibreOffice
 * opens it: the same numbers as the JSON summary, row for row.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/run";
import type { SummaryRow } from "../../src/cli/summaryRow";
import { fileIo } from "../support/cli";
import { makeProfile, recalculate } from "./support/libreoffice";
import { ManifestEntry, writeNationalWorkbooks } from "../../bench/nationalWorkbooks";

let dir: string;
let profile: string;
let folder: string;
let expected: ManifestEntry[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-summary-"));
  profile = makeProfile();
  folder = path.join(dir, "nasional");
  expected = writeNationalWorkbooks(40, folder);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

test("40 openpyxl workbooks: every index equals the exact independent one, agency and year found, cut-short files unreadable", async () => {
  const summary = path.join(dir, "ringkasan.json");
  const code = await runCli(["score", folder, "--summary", summary, "--jobs", "2"], fileIo());
  expect(code).toBe(2);
  const rows = JSON.parse(fs.readFileSync(summary, "utf8")) as SummaryRow[];
  const mine = expected.flatMap((e): SummaryRow[] =>
    rows.filter((r) => path.relative(folder, r.file) === e.file).map((r) => ({ ...r, file: e.file })),
  );
  const theirs = expected.flatMap((e): Record<string, unknown>[] =>
    e.unreadable
      ? [{ file: e.file, status: "unreadable", index: null }]
      : e.columns!.map((c) => ({
          file: e.file,
          framework: e.framework,
          agency: e.agency,
          year: e.year,
          column: c.column,
          header: c.header,
          status: c.status ?? "complete",
          index: c.index,
        })),
  );
  expect(
    mine.map((r) =>
      r.status === "unreadable"
        ? { file: r.file, status: r.status, index: r.index }
        : {
            file: r.file,
            framework: r.framework,
            agency: r.agency,
            year: r.year,
            column: r.column,
            header: r.header,
            status: r.status,
            index: r.index,
          },
    ),
  ).toEqual(theirs);
  expect(theirs.filter((t) => t.status === "complete").length).toBeGreaterThan(60);
  expect(new Set(theirs.map((t) => t.status))).toEqual(new Set(["complete", "incomplete", "not-filled", "unreadable"]));
});

test("the .xlsx summary opens in LibreOffice with the JSON summary's numbers", async () => {
  const json = path.join(dir, "s.json");
  const xlsx = path.join(dir, "s.xlsx");
  await runCli(["score", folder, "--summary", json, "--jobs", "1"], fileIo());
  await runCli(["score", folder, "--summary", xlsx, "--jobs", "1"], fileIo());
  const rows = JSON.parse(fs.readFileSync(json, "utf8")) as SummaryRow[];
  const out = path.join(dir, "lo");
  fs.mkdirSync(out);
  const saved = recalculate(xlsx, out, profile);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  for (const [sheet, framework] of [
    ["SPBE 2020", "spbe-2020"],
    ["Pemdi 2026", "pemdi-2026"],
  ]) {
    const ws = wb.getWorksheet(sheet)!;
    const head = Array.from(ws.getRow(3).values as ExcelJS.CellValue[], (v) => String(v ?? ""));
    const at = (r: number, name: string) =>
      ws.getCell(
        r,
        head.findIndex((h) => h.startsWith(name)),
      ).value;
    const seen: { file: string; column: string; index: number | null; predicate: string | null }[] = [];
    for (let r = 4; r <= ws.rowCount; r++)
      seen.push({
        file: String(at(r, "Berkas")),
        column: String(at(r, "Kolom")),
        index: (at(r, "Indeks") as number | null) ?? null,
        predicate: (at(r, "Predikat") as string | null) ?? null,
      });
    const want = rows
      .filter((x) => x.framework === framework)
      .map((x) => ({ file: x.file, column: x.column!, index: x.index, predicate: x.predicate }));
    expect([...seen].sort((a, b) => (a.file + a.column < b.file + b.column ? -1 : 1))).toEqual(
      [...want].sort((a, b) => (a.file + a.column < b.file + b.column ? -1 : 1)),
    );
    const indices = seen.map((s) => s.index).filter((x): x is number => x !== null);
    expect(indices).toEqual([...indices].sort((a, b) => b - a));
  }
  const unreadable = wb.getWorksheet("Tidak terbaca (Unreadable)")!;
  expect(unreadable.getCell("A4").value).toMatch(/evaluasi-\d+\.xlsx$/);
  expect(unreadable.getCell("B4").value).toMatch(/corrupt/);
});

test("the installed command (bin/spbe-index.js, running the compiled lib/) scores in worker threads, the same rows, no progress bar when standard error is not a terminal", () => {
  const root = path.join(__dirname, "../..");
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "pipe" });
  const summary = path.join(dir, "bin.json");
  const r = spawnSync(
    "node",
    [path.join(root, "bin/spbe-index.js"), "score", folder, "--summary", summary, "--jobs", "2"],
    { encoding: "utf8" },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toBe("");
  const rows = JSON.parse(fs.readFileSync(summary, "utf8")) as SummaryRow[];
  const inThread = JSON.parse(fs.readFileSync(path.join(dir, "s.json"), "utf8")) as SummaryRow[];
  expect(rows).toEqual(inThread);
});
