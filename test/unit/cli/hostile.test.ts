/**
 * Hostile and strange workbooks (test/support/hostileFiles.ts): each is refused with a
 * message naming the part, or read as Excel and LibreOffice read it; in a batch each is its
 * own row beside the good ones; a workbook is read only as far as its reading needs.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FILE_BUDGET, runTasks } from "../../../src/cli/batch";
import { rowsNeeded } from "../../../src/core/readingNeeds";
import { analyze } from "../../../src/core/analyze";
import { reportJson } from "../../../src/core/report";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { cli, tempFolder } from "../../support/cli";
import { brokenStyles, HOSTILE_FILES, SAMPLE } from "../../support/hostileFiles";

const tmp = tempFolder("spbe-hostile-");
// Worker threads start under the test runner's TypeScript loader: slow on a busy machine.
jest.setTimeout(60000);

/** Messages for people: both languages, the one damage shape, no parser's or JavaScript's own words. */
function readable(err: string) {
  expect(err).toMatch(/ \/ /);
  expect(err).not.toMatch(
    /TypeError|RangeError|undefined|\bat [\w.]+ \(|Cannot read prop|unexpected error|text data|outside of root|\d+:\d+:/,
  );
}

describe.each(HOSTILE_FILES.map((h) => [h.name, h] as const))("%s", (name, h) => {
  test(`${h.change} (${h.others})`, async () => {
    const file = tmp.path(name);
    fs.writeFileSync(file, h.build());
    const r = await cli("score", file, "--format", "json");
    if ("refused" in h.expect) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(h.expect.refused);
      readable(r.err);
      // --in-place leaves a refused file exactly as it was, with nothing beside it.
      const before = fs.readFileSync(file);
      expect((await cli("score", file, "--in-place")).code).toBe(2);
      expect(Buffer.compare(fs.readFileSync(file), before)).toBe(0);
      expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes(name) && n !== name)).toEqual([]);
      return;
    }
    const report = JSON.parse(r.out);
    const e = report.assessments.find((a: { column: string }) => a.column === "E");
    expect(e.index).toBe(h.expect.indexE);
    if (h.expect.cell)
      expect(report.issues).toContainEqual(expect.objectContaining({ cell: h.expect.cell, code: "error-value" }));
  });
});

test("styles that are not XML: the workbook scores; writing it is refused, naming the part", async () => {
  const file = tmp.path("gaya-rusak.xlsx");
  fs.writeFileSync(file, brokenStyles());
  expect((await cli("score", file)).code).toBe(0);
  const r = await cli("score", file, "--write", tmp.path("gaya-rusak.scored.xlsx"));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/corrupt \.xlsx: the part xl\/styles\.xml is not valid XML/);
  readable(r.err);
  expect(fs.existsSync(tmp.path("gaya-rusak.scored.xlsx"))).toBe(false);
});

test("a UTF-16 sheet, once scored, is written back as UTF-8 and says so", async () => {
  const file = tmp.path("utf16-tulis.xlsx");
  fs.writeFileSync(file, HOSTILE_FILES.find((h) => h.name === "utf16.xlsx")!.build());
  const out = tmp.path("utf16-tulis.scored.xlsx");
  expect((await cli("score", file, "--write", out)).code).toBe(0);
  const sheet = strFromU8(unzipSync(fs.readFileSync(out))["xl/worksheets/sheet2.xml"]);
  expect(sheet.slice(0, 60)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
  const again = JSON.parse((await cli("score", out, "--format", "json")).out);
  expect(again.assessments.map((a: { index: number }) => a.index)).toEqual([3.75, 3.19]);
});

describe("a batch", () => {
  test("every entry named as a workbook gets its row with its reason; the good ones are scored; exit 2", async () => {
    const dir = tmp.path("kota");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "a-baik.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, "z-baik.xlsx"));
    fs.writeFileSync(
      path.join(dir, "m-rusak.xlsx"),
      HOSTILE_FILES.find((h) => h.name === "baris-4294967295.xlsx")!.build(),
    );
    execFileSync("mkfifo", [path.join(dir, "pipa.xlsx")]);
    fs.symlinkSync("putar.xlsx", path.join(dir, "putar.xlsx"));
    fs.symlinkSync("/dev/null", path.join(dir, "perangkat.xlsx"));
    fs.writeFileSync(path.join(dir, "catatan.txt"), "bukan buku kerja");
    const summary = tmp.path("ringkasan.json");
    const r = await cli("score", dir, "--summary", summary, "--jobs", "2");
    expect(r.code).toBe(2);
    const rows = JSON.parse(fs.readFileSync(summary, "utf8")) as { file: string; status: string; message: string }[];
    const by = (f: string) => rows.filter((x) => path.basename(x.file) === f);
    expect(by("a-baik.xlsx").map((x) => x.status)).toEqual(["complete", "complete"]);
    expect(by("z-baik.xlsx").map((x) => x.status)).toEqual(["complete", "complete"]);
    expect(by("m-rusak.xlsx")[0].message).toMatch(/has a row 4,294,967,295, past Excel's last row/);
    expect(by("pipa.xlsx")[0].message).toMatch(/a pipe \(FIFO\), not a regular file/);
    expect(by("putar.xlsx")[0].message).toMatch(/a symbolic link that loops back on itself/);
    expect(by("perangkat.xlsx")[0].message).toMatch(/a device, not a regular file/);
    expect(rows.map((x) => path.basename(x.file))).not.toContain("catatan.txt");
    for (const x of rows.filter((y) => y.status === "unreadable")) readable(x.message);
  });

  test("a workbook that runs past its time or memory budget is its own row; the next one is still scored", async () => {
    const task = (file: string) => ({ path: file, file: path.basename(file) });
    const slow = await runTasks([task(SAMPLE), task(SAMPLE)], 1, (_, r) => r, { ...FILE_BUDGET, timeMs: 1 });
    expect(slow.map((r) => r.rows[0].message)).toEqual([
      expect.stringMatching(/past the time limit \(0\.001 s\); refused/),
      expect.stringMatching(/past the time limit/),
    ]);
    const starved = await runTasks([task(SAMPLE)], 1, (_, r) => r, { ...FILE_BUDGET, memoryMiB: 4 });
    expect(starved[0].rows[0].message).toMatch(/past the memory limit \(4 MiB\); refused/);
    const fine = await runTasks([task(SAMPLE)], 1, (_, r) => r);
    expect(fine[0].rows.map((x) => x.index)).toEqual([3.75, 3.19]);
  });
});

describe("reading only what is needed", () => {
  const options = { otherModels: OTHER_MODELS };
  const needs = (g: Parameters<typeof rowsNeeded>[0]) => rowsNeeded(g, FRAMEWORKS, options);

  test("the same analysis as reading everything, for every fixture", async () => {
    const dirs = [path.join(__dirname, "../../fixtures/xlsx"), path.join(__dirname, "../../fixtures/openpyxl")];
    const files = dirs.flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith(".xlsx") && f !== "rusak.xlsx")
        .map((f) => path.join(d, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of [...files, SAMPLE]) {
      const whole = analyze(await readWorkbook(f), FRAMEWORKS, options);
      const staged = analyze(await readWorkbook(f, needs), FRAMEWORKS, options);
      expect([f, staged.tables]).toEqual([f, whole.tables]);
      expect([f, staged.notes]).toEqual([f, whole.notes]);
    }
  });

  test("a log sheet's rows past its header band are never read: damage there does not stop the scoring", async () => {
    const p = unzipSync(fs.readFileSync(SAMPLE));
    const rows = Array.from({ length: 5000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`);
    p["xl/worksheets/sheet1.xml"] = strToU8(
      strFromU8(p["xl/worksheets/sheet1.xml"]).replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        `<sheetData>${rows.join("")}<row r="30000000"><c><v>1</v></c></row></sheetData>`,
      ),
    );
    const data = zipSync(p);
    await expect(readWorkbook(data)).rejects.toThrow(/has a row 30,000,000, past Excel's last row/);
    const staged = await readWorkbook(data, needs);
    const log = staged.sheets[0];
    expect(log.rowsRead).toEqual([[0, 59]]);
    const report = reportJson(analyze(staged, FRAMEWORKS, options)) as { assessments: { index: number | null }[] };
    expect(report.assessments.map((a) => a.index)).toEqual([3.75, 3.19]);
  });
});
