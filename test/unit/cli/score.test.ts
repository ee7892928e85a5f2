import * as fs from "fs";
import ExcelJS from "exceljs";
import { runCli } from "../../../src/cli/run";
import { cli, fileIo, tempFolder } from "../../support/cli";
import * as T from "../../fixtures/templates";

const tmp = tempFolder("spbe-cli-");
const file = (name: string, wb: ExcelJS.Workbook) => tmp.save(name, wb);

describe("spbe-index score", () => {
  test("JSON keeps the published keys; exit 0 when every assessment is complete", async () => {
    const p = await file("standar.xlsx", T.standardSpbe());
    const r = await cli("score", p, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ framework: "spbe-2020", sheet: "Kertas Kerja", issues: [] });
    expect(
      j.assessments.map(
        (a: { column: string; index: number; indexUnrounded: number; predicate: string; complete: boolean }) => [
          a.column,
          a.complete,
          a.index,
          a.indexUnrounded,
          a.predicate,
        ],
      ),
    ).toEqual([
      ["D", true, 3.75, 3.7495, "Sangat Baik"],
      ["E", true, 3.19, 3.1925, "Baik"],
    ]);
    expect(j.assessments[1].domains.map((d: { index: number }) => d.index)).toEqual([3, 3.3, 2.18, 3.55]);
    expect(j.assessments[1].aspects).toHaveLength(8);
    expect(j.lowScores[0]).toEqual({ cell: "D7", indicator: 1, level: 2, column: "D" });
  });

  test("several tables: the core's note names no flag; the command's text adds how to pick one with --sheet", async () => {
    const p = await file("dua.xlsx", T.bothFrameworks());
    const j = JSON.parse((await cli("score", p, "--format", "json")).out);
    const note = j.workbookNotes.find((n: string) => /indicator tables found/.test(n));
    expect(note).toMatch(
      /^2 tabel indikator ditemukan .*; semuanya dinilai \/ 2 indicator tables found .*; all are scored$/,
    );
    expect(JSON.stringify(j)).not.toContain("--sheet");
    const text = await cli("score", p, "--lang", "en");
    expect(text.out).toMatch(/2 indicator tables found .*; all are scored\n[^]*Pick one sheet with --sheet\.$/);
  });

  test("problems: exit 1, index null, issues with cell, indicator, code and a bilingual message", async () => {
    const p = await file("buruk.xlsx", T.badInputs());
    const r = await cli("score", p, "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.assessments[0].index).toBeNull();
    expect(j.assessments[0].complete).toBe(false);
    expect(j.issues.find((i: { code: string }) => i.code === "not-a-number")).toMatchObject({
      cell: "C4",
      indicator: 3,
    });
    const missing = j.issues.find((i: { code: string }) => i.code === "missing-indicator");
    expect(missing.indicator).toBe(40);
    expect(missing.cell).toBeUndefined();
    expect(missing.message).toMatch(/tidak ada di tabel.* \/ .*is missing/);
  });

  test("Pemdi: domains empty, seven aspects, the status note, Kurang (Merintis)", async () => {
    const p = await file("pemdi.xlsx", T.pemdiAceh());
    const r = await cli("score", p, "--format", "json");
    const j = JSON.parse(r.out);
    expect(j.framework).toBe("pemdi-2026");
    expect(j.frameworkStatus).toMatch(/sumber sekunder/);
    expect(j.assessments[0]).toMatchObject({ index: 1.24, predicate: "Kurang (Merintis)", domains: [] });
    expect(j.assessments[0].aspects.map((a: { index: number }) => a.index)).toEqual([
      1.75, 1.28, 1, 1.17, 1.08, 1.4, 1.18,
    ]);
    const table = await cli("score", p, "--lang", "id");
    // where the weights come from is a detail line under the detection, not a "!" warning
    expect(table.out).toMatch(/^ {2}bobot dari sumber sekunder .* tereproduksi sampai digit terakhir$/m);
    expect(table.out).not.toMatch(/!/);
    expect(j.identification).toEqual({
      basis: "names",
      numbersOnly: false,
      names: 20,
      codes: 20,
      numbers: 0,
      indicators: 20,
    });
  });

  test("reading never modifies the input; --write makes a scored copy; --write onto the input is refused", async () => {
    const p = await file("baca.xlsx", T.standardSpbe());
    const before = fs.readFileSync(p);
    const r = await cli("score", p, "--lang", "id");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Indeks\s+3,75\s+3,19$/m);
    expect(fs.readFileSync(p).equals(before)).toBe(true);

    const out = tmp.path("baca.scored.xlsx");
    const w = await cli("score", p, "--write", out);
    expect(w.code).toBe(0);
    expect(fs.readFileSync(p).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Indeks SPBE")).toBeDefined();

    const same = await cli("score", p, "--write", p);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--in-place/);
    expect(fs.readFileSync(p).equals(before)).toBe(true);

    const inPlace = await cli("score", p, "--in-place");
    expect(inPlace.code).toBe(0);
    expect(fs.readFileSync(p).equals(before)).toBe(false);
  });

  test.each([
    [["score"], /no .xlsx file given/],
    [["frobnicate", "x.xlsx"], /unknown command/],
    [["score", "x.xlsx", "--format", "xml"], /table \| json/],
    [["score", "x.xlsx", "--level-column", "7"], /not a column letter/],
    [["score", "x.xlsx", "--framework", "spbe-1999"], /unknown/],
  ])("usage errors exit 2 with one clear message: %j", async (argv, msg) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
  });

  test("missing, corrupt, protected and table-less files exit 2 with a message naming the problem", async () => {
    expect((await cli("score", tmp.path("tidak-ada.xlsx"))).err).toMatch(/file not found/);
    const corrupt = tmp.path("rusak.xlsx");
    fs.writeFileSync(corrupt, Buffer.from("PK\u0003\u0004 not really a zip"));
    const c = await cli("score", corrupt);
    expect([c.code, c.err]).toEqual([2, expect.stringMatching(/corrupt/)]);
    const text = tmp.path("teks.xlsx");
    fs.writeFileSync(text, "No;Indikator;Nilai\n");
    expect((await cli("score", text)).err).toMatch(/not an .xlsx file/);
    const cfb = tmp.path("sandi.xlsx");
    fs.writeFileSync(cfb, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await cli("score", cfb)).err).toMatch(/password-protected/);
    const none = await cli("score", await file("kosong.xlsx", T.unknownLayout()));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no indicator table found[\s\S]*Anggaran/);
  });

  test("--sheet and --level-column choose; an unknown sheet is named", async () => {
    const p = await file("dua.xlsx", T.bothFrameworks());
    const j = JSON.parse((await cli("score", p, "--format", "json", "--sheet", "Pemdi 2026")).out);
    expect(j.sheets.map((s: { framework: string }) => s.framework)).toEqual(["pemdi-2026"]);
    const bad = await cli("score", p, "--sheet", "Tidak Ada");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no sheet named "Tidak Ada"/);
    const s = await file("kolom.xlsx", T.standardSpbe());
    const k = JSON.parse((await cli("score", s, "--format", "json", "--level-column", "E")).out);
    expect(k.assessments.map((a: { column: string }) => a.column)).toEqual(["E"]);
  });
});

describe("the language of the text", () => {
  test("Indonesian text writes a decimal comma (index, threshold, decimal levels); English and JSON a point", async () => {
    const p = await file("koma.xlsx", T.pemdiAceh());
    const id = await cli("score", p, "--lang", "id");
    expect(id.out).toMatch(/^Indeks\s+1,24$/m);
    expect(id.out).toMatch(/^Nilai rendah \(di bawah 2,5\): \d+$/m);
    expect(id.out).toMatch(/I2=1,5 \(/);
    expect(id.out).not.toMatch(/\d\.\d/);
    const en = await cli("score", p, "--lang", "en");
    expect(en.out).toMatch(/^Index\s+1\.24$/m);
    expect(en.out).toMatch(/^Low scores \(below 2\.5\): \d+$/m);
    const json = await cli("score", p, "--format", "json", "--lang", "id");
    expect(JSON.parse(json.out).assessments[0].index).toBe(1.24);
    expect(json.out).toMatch(/"index": 1\.24/);
  });

  test("one language per run: --lang, else the locale (id_ID → Indonesian, anything else English); names never cut", async () => {
    const p = await file("bahasa.xlsx", T.standardSpbe());
    const run = async (locale: string | undefined, ...extra: string[]) => {
      const out: string[] = [];
      const code = await runCli(["score", p, ...extra], { ...fileIo((s) => out.push(s)), locale });
      return { code, out: out.join("\n") };
    };
    const id = await run("id_ID.UTF-8");
    expect(id.out).toMatch(/^Indeks\s+3,75\s+3,19$/m);
    expect(id.out).toMatch(/^ {2}Aspek 7 Layanan Administrasi Pemerintahan Berbasis Elektronik\s+4,10\s+3,70$/m);
    expect(id.out).not.toMatch(/Index|Predicate|Low scores|Difference/);
    const en = await run("en_US.UTF-8");
    expect(en.out).toMatch(/^Index\s+3\.75\s+3\.19$/m);
    expect(en.out).toMatch(/^ {2}Aspect 7 Electronic government-administration services\s+4\.10\s+3\.70$/m);
    expect(en.out).not.toMatch(/Indeks|Predikat|Nilai rendah|Selisih/);
    expect((await run(undefined)).out).toMatch(/^Index\s/m);
    expect((await run("en_US.UTF-8", "--lang", "id")).out).toMatch(/^Indeks\s/m);
    const bad = await run(undefined, "--lang", "fr");
    expect(bad.code).toBe(2);
  });
});
