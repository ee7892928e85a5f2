import * as fs from "fs";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { cli, fileIo, tempFolder } from "../../support/cli";
import * as T from "../../fixtures/templates";
import { runCli } from "../../../src/cli/run";
import type { SummaryRow } from "../../../src/cli/summaryRow";
import { averageOf } from "../../../src/cli/summaryStats";
import { progressLine } from "../../../src/cli/progress";
import { workerCount } from "../../../src/cli/batch";

// Real files through worker threads and the .xlsx writer: slower than a unit test on a busy machine.
jest.setTimeout(30000);

const tmp = tempFolder("spbe-batch-");

/** A province's folder as it arrives: good, incomplete, unfilled, unreadable and Pemdi workbooks, a sub-folder, and files that are not workbooks to score. */
async function province(): Promise<string> {
  const dir = tmp.path("provinsi");
  fs.mkdirSync(`${dir}/kabupaten`, { recursive: true });
  const save = async (name: string, wb: ExcelJS.Workbook) => wb.xlsx.writeFile(`${dir}/${name}`);
  await save("kota-baik.xlsx", T.standardSpbe());
  await save("kota-buruk.xlsx", T.badInputs());
  await save("kota-belum-diisi.xlsx", T.standardSpbe(T.DENPASAR_SELF, {}));
  await save("kabupaten/aceh-tengah.xlsm", T.pemdiAceh());
  await save("kabupaten/english.xlsx", T.englishShuffled());
  await save("kabupaten/tanpa-tabel.xlsx", T.unknownLayout());
  fs.writeFileSync(`${dir}/rusak.xlsx`, Buffer.from("PK\u0003\u0004 not really a zip"));
  fs.writeFileSync(`${dir}/terkunci.xlsx`, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  // Excel's owner file while someone has a workbook open, a hidden copy, and notes: never scored.
  fs.writeFileSync(`${dir}/~$kota-baik.xlsx`, Buffer.from("owner"));
  fs.writeFileSync(`${dir}/.kota-baik.xlsx.123.tmp`, Buffer.from("tmp"));
  fs.writeFileSync(`${dir}/catatan.txt`, "rapat");
  // A link to a workbook kept elsewhere is scored; a link back to the folder is not followed.
  fs.mkdirSync(tmp.path("arsip"));
  await T.englishShuffled().xlsx.writeFile(tmp.path("arsip/tautan.xlsx"));
  fs.symlinkSync(tmp.path("arsip/tautan.xlsx"), `${dir}/kabupaten/tautan.xlsx`);
  fs.symlinkSync(dir, `${dir}/kabupaten/putaran`);
  return dir;
}

let dir = "";
beforeAll(async () => {
  dir = await province();
});

const FILES = [
  "kabupaten/aceh-tengah.xlsm",
  "kabupaten/english.xlsx",
  "kabupaten/tanpa-tabel.xlsx",
  "kabupaten/tautan.xlsx",
  "kota-baik.xlsx",
  "kota-belum-diisi.xlsx",
  "kota-buruk.xlsx",
  "rusak.xlsx",
  "terkunci.xlsx",
];

function rowsOf(json: string): SummaryRow[] {
  return JSON.parse(json) as SummaryRow[];
}

describe("spbe-index score over a folder", () => {
  test.each([
    ["in one worker", "1"],
    ["in worker threads", "2"],
  ])("every workbook once, in a stable order, with its status; the same rows %s", async (_, jobs) => {
    const summary = tmp.path(`ringkasan-${jobs}.json`);
    const r = await cli("score", dir, "--jobs", jobs, "--summary", summary);
    expect(r.code).toBe(2);
    const rows = rowsOf(fs.readFileSync(summary, "utf8"));
    expect([...new Set(rows.map((x) => x.file.slice(dir.length + 1)))]).toEqual(FILES);
    const by = (name: string) => rows.filter((x) => x.file.endsWith(name));
    expect(by("kota-baik.xlsx").map((x) => [x.column, x.status, x.index, x.predicate, x.agency, x.year])).toEqual([
      ["D", "complete", 3.75, "Sangat Baik", "Pemerintah Kota Contoh", 2021],
      ["E", "complete", 3.19, "Baik", "Pemerintah Kota Contoh", 2021],
    ]);
    expect(by("kota-belum-diisi.xlsx").map((x) => [x.column, x.status, x.index, x.problems])).toEqual([
      ["D", "complete", 3.75, 0],
      // A column nobody has filled yet is one note, not 47 blank cells.
      ["E", "not-filled", null, 0],
    ]);
    expect(by("kota-buruk.xlsx")[0]).toMatchObject({ status: "incomplete", index: null, predicate: null });
    expect(by("aceh-tengah.xlsm")[0]).toMatchObject({
      framework: "pemdi-2026",
      status: "complete",
      index: 1.24,
      predicate: "Kurang (Merintis)",
      agency: "Kabupaten Aceh Tengah",
      year: 2026,
      domains: [],
    });
    expect(by("rusak.xlsx")[0]).toMatchObject({
      status: "unreadable",
      sheet: null,
      index: null,
      message: expect.stringMatching(/rusak.*\/ corrupt/),
    });
    expect(by("terkunci.xlsx")[0].message).toMatch(/kata sandi.*password/);
    expect(by("tanpa-tabel.xlsx")[0].message).toMatch(/no indicator table found/);
    expect(r.out).toMatch(/9 files, 8 assessments: 6 complete, 1 incomplete, 1 not filled; 3 unreadable/);
  });

  test("every row's figures are the single-file command's", async () => {
    const r = await cli("score", dir, "--format", "json", "--jobs", "2");
    const rows = rowsOf(r.out);
    for (const file of new Set(rows.filter((x) => x.status !== "unreadable").map((x) => x.file))) {
      const single = JSON.parse((await cli("score", file, "--format", "json")).out);
      const mine = rows.filter((x) => x.file === file);
      const theirs = single.sheets.flatMap(
        (t: {
          sheet: string;
          framework: string;
          issues: { column?: string }[];
          lowScores: { column: string }[];
          assessments: {
            column: string;
            header: string;
            index: number | null;
            predicate: string | null;
            domains: { id: number; index: number | null }[];
            aspects: { id: number; index: number | null }[];
          }[];
        }) =>
          t.assessments.map((a) => ({
            sheet: t.sheet,
            framework: t.framework,
            column: a.column,
            header: a.header,
            index: a.index,
            predicate: a.predicate,
            domains: a.domains.map((d) => ({ id: d.id, index: d.index })),
            aspects: a.aspects.map((d) => ({ id: d.id, index: d.index })),
            problems: t.issues.filter((i) => i.column === undefined || i.column === a.column).length,
            lowScores: t.lowScores.filter((l) => l.column === a.column).length,
          })),
      );
      expect(
        mine.map(({ sheet, framework, column, header, index, predicate, domains, aspects, problems, lowScores }) => ({
          sheet,
          framework,
          column,
          header,
          index,
          predicate,
          domains,
          aspects,
          problems,
          lowScores,
        })),
      ).toEqual(theirs);
    }
  });

  test("exit status: 0 when every assessment is complete, 1 when some have problems", async () => {
    const good = tmp.path("baik");
    fs.mkdirSync(good);
    await T.standardSpbe().xlsx.writeFile(`${good}/a.xlsx`);
    await T.pemdiAceh().xlsx.writeFile(`${good}/b.xlsx`);
    expect((await cli("score", good, "--jobs", "1")).code).toBe(0);
    // A column nobody has filled yet is listed, not counted as a problem.
    expect((await cli("score", `${good}/a.xlsx`, `${dir}/kota-belum-diisi.xlsx`)).code).toBe(0);
    expect((await cli("score", `${good}/a.xlsx`, `${dir}/kota-buruk.xlsx`)).code).toBe(1);
    expect((await cli("score", `${good}/a.xlsx`, `${dir}/tidak-ada.xlsx`)).code).toBe(2);
    const empty = tmp.path("kosong");
    fs.mkdirSync(empty);
    const none = await cli("score", empty);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no .xlsx\/.xlsm files/);
    expect((await cli("score", empty, "--lang", "id")).err).toMatch(/tidak ada berkas .xlsx\/.xlsm di/);
  });

  test("CSV: one line a row, domain and aspect columns, quoted where needed", async () => {
    const summary = tmp.path("ringkasan.csv");
    await cli("score", dir, "--summary", summary);
    const lines = fs.readFileSync(summary, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "file,sheet,framework,agency,year,column,header,status,message,index,predicate,domain1,domain2,domain3,domain4,aspect1,aspect2,aspect3,aspect4,aspect5,aspect6,aspect7,aspect8,problems,lowScores,identifiedBy",
    );
    expect(lines).toHaveLength(1 + 11);
    const good = lines.find((l) => l.includes("kota-baik.xlsx") && l.includes(",E,"))!;
    expect(good).toMatch(/,Pemerintah Kota Contoh,2021,E,Nilai Asesor,complete,,3.19,Baik,3,3.3,2.18,3.55,.*,names$/);
    expect(lines.find((l) => l.includes("tanpa-tabel"))).toMatch(/,unreadable,"tabel indikator tidak ditemukan/);
  });

  test("the .xlsx summary: per framework sorted by index, predicate colours, distribution, averages, unreadable files", async () => {
    const summary = tmp.path("ringkasan.xlsx");
    const r = await cli("score", dir, "--summary", summary, "--jobs", "2");
    expect(r.out).toMatch(/Summary: .*ringkasan.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Pemdi 2026",
      "SPBE 2020",
      "Sebaran Pemdi 2026",
      "Sebaran SPBE 2020",
      "Tidak terbaca (Unreadable)",
    ]);
    const spbe = wb.getWorksheet("SPBE 2020")!;
    const head = (spbe.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    const col = (name: string) => head.findIndex((h) => String(h).startsWith(name)) + 1;
    const indices: (number | null)[] = [];
    for (let r = 4; r <= spbe.rowCount; r++)
      indices.push((spbe.getCell(r, col("Indeks")).value as number | null) ?? null);
    expect(indices).toEqual([3.75, 3.75, 3.19, 3.19, 3.19, null, null]);
    const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(spbe.getCell(4, col("Predikat")))).not.toBe(fill(spbe.getCell(6, col("Predikat"))));
    expect(spbe.getCell(6, col("Predikat")).value).toBe("Baik");
    expect(spbe.getCell(6, col("D3")).value).toBe(2.18);

    const stats = wb.getWorksheet("Sebaran SPBE 2020")!;
    const find = (label: string) => {
      for (let r = 1; r <= stats.rowCount; r++)
        if (String(stats.getCell(r, 1).value).startsWith(label)) return stats.getRow(r);
      throw new Error(label);
    };
    // Counted: each table's last column when complete: kota-baik E (3.19), kota-belum-diisi's E is not filled, english C and the linked copy (3.19).
    expect(find("Baik").getCell(3).value).toBe(3);
    expect(find("Sangat Baik").getCell(3).value).toBe(0);
    expect(find("Indeks / Index").getCell(3).value).toBe(3.19);
    expect(find("Domain 3").getCell(3).value).toBe(2.18);
    expect(wb.getWorksheet("Tidak terbaca (Unreadable)")!.getCell("A4").value).toMatch(/tanpa-tabel.xlsx$/);
  });

  test("--write FOLDER writes every scored workbook as the single-file command does, mirroring sub-folders; inputs untouched", async () => {
    const before = fs.readFileSync(`${dir}/kota-baik.xlsx`);
    const out = tmp.path("dinilai");
    const r = await cli("score", dir, "--write", out, "--jobs", "2");
    expect(r.out).toMatch(/Written: 5 files/);
    // A workbook without macros is not saved under an .xlsm name, as for a single file.
    expect(r.err).toMatch(/aceh-tengah.xlsm .*has no macros; write the result as .xlsx/);
    expect(r.code).toBe(2);
    expect(fs.existsSync(`${out}/kabupaten/aceh-tengah.xlsm`)).toBe(false);
    expect(fs.readFileSync(`${dir}/kota-baik.xlsx`).equals(before)).toBe(true);
    // Part for part what the single-file command writes.
    const single = tmp.path("tunggal.xlsx");
    expect((await cli("score", `${dir}/kota-baik.xlsx`, "--write", single)).code).toBe(0);
    const parts = (p: string) =>
      Object.entries(unzipSync(fs.readFileSync(p))).map(([name, data]) => [name, Buffer.from(data).toString("base64")]);
    expect(parts(`${out}/kota-baik.xlsx`)).toEqual(parts(single));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${out}/kabupaten/english.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toContain("Indeks SPBE");
    expect(fs.existsSync(`${out}/rusak.xlsx`)).toBe(false);
    // The scored copies are not read back as inputs on the next run into the same folder.
    const again = rowsOf((await cli("score", dir, "--write", out, "--format", "json")).out);
    expect(new Set(again.map((x) => x.file)).size).toBe(FILES.length);

    const refused = await cli("score", dir, "--write", dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--in-place/);
  });

  test("--in-place rewrites each readable workbook in its folder", async () => {
    const own = tmp.path("sendiri");
    fs.mkdirSync(own);
    await T.standardSpbe().xlsx.writeFile(`${own}/a.xlsx`);
    const before = fs.readFileSync(`${own}/a.xlsx`);
    expect((await cli("score", own, "--in-place")).code).toBe(0);
    expect(fs.readFileSync(`${own}/a.xlsx`).equals(before)).toBe(false);
    expect(fs.readdirSync(own)).toEqual(["a.xlsx"]);
  });

  test("usage: a summary needs a known extension; --write names a folder; plan takes one file", async () => {
    expect((await cli("score", dir, "--summary", tmp.path("x.txt"))).err).toMatch(/\.xlsx, \.csv or \.json/);
    expect((await cli("score", dir, "--write", `${dir}/kota-baik.xlsx`)).err).toMatch(/needs a folder/);
    expect((await cli("plan", "a.xlsx", "b.xlsx")).err).toMatch(/one file only/);
    expect((await cli("score", dir, "--jobs", "0")).err).toMatch(/positive whole number/);
    expect((await cli("plan", "a.xlsx", "--summary", "s.json")).err).toMatch(/only for the score command/);
  });

  test("progress: drawn on a terminal and cleared at the end, nothing when not a terminal", async () => {
    const drawn: string[] = [];
    const io = { ...fileIo(), progress: (s: string) => drawn.push(s) };
    await runCli(["score", dir, "--jobs", "1"], io);
    expect(drawn.at(-2)).toMatch(/^\[█+\] 9\/9 · [\d.]+ files\/s · 0:00 left$/);
    expect(drawn.at(-1)).toBe("");
    const err: string[] = [];
    await runCli(
      ["score", dir, "--jobs", "1"],
      fileIo(undefined, (s) => err.push(s)),
    );
    expect(err.join("")).not.toMatch(/█/);
  });
});

describe("summary arithmetic", () => {
  test("progress line: done/total, rate, time left", () => {
    expect(progressLine(120, 600, 2000, "en", 10)).toBe("[██········] 120/600 · 60.0 files/s · 0:08 left");
    expect(progressLine(0, 5, 0, "id", 4)).toBe("[····] 0/5 · 0.0 berkas/dtk · sisa –");
  });

  test.each([
    ["a small batch stays in this thread", undefined, 10, 2, 0, 1],
    ["a large one on an idle machine uses every core", undefined, 615, 2, 0.2, 2],
    ["a busy machine gets no extra workers", undefined, 615, 2, 7.5, 1],
    ["--jobs decides", 3, 615, 2, 7.5, 3],
    ["never more workers than files", 8, 3, 2, 0, 3],
  ])("workers: %s", (_, jobs, files, cores, load, expected) => {
    expect(workerCount(jobs, files, cores, load)).toBe(expected);
  });

  test("averages are exact means of hundredths, rounded half-up", () => {
    expect(averageOf([3.19, 3.2])).toBe(3.2); // 3.195 → 3.20, where binary floating point gives 3.19
    expect(averageOf([1.28, 1.29, 1.29])).toBe(1.29);
    expect(averageOf([0.1, 0.2])).toBe(0.15);
    expect(averageOf([])).toBeNull();
  });
});
