import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { analyze } from "../../../src/core/analyze";
import { parseA1 } from "../../../src/core/grid";
import { planSheetExpected, planSheetValues, readPlanSheet } from "../../../src/core/planSheet";
import { FRAMEWORKS } from "../../../src/frameworks";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { cli, tempFolder } from "../../support/cli";
import { SETTINGS_ROWS } from "../../../src/core/settings";
import * as T from "../../fixtures/templates";

const tmp = tempFolder("spbe-tools-cli-");
const file = (name: string, wb: ExcelJS.Workbook) => tmp.save(name, wb);

interface StepJson {
  indicator: number;
  cell: string;
  from: number;
  to: number;
  index: number;
  predicateChange?: { from: string; to: string };
}

describe("spbe-index plan", () => {
  test("JSON: the published keys, every level column, exit 0", async () => {
    const p = await file("standar.xlsx", T.standardSpbe());
    const r = await cli("plan", p, "--target", "3.7", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.target).toBe(3.7);
    expect(
      j.assessments.map((a: { column: string; reached: boolean; index: number; steps: unknown[] }) => [
        a.column,
        a.reached,
        a.index,
        a.steps.length,
      ]),
    ).toEqual([
      ["D", true, 3.75, 0],
      ["E", true, 3.71, 18],
    ]);
    const steps: StepJson[] = j.assessments[1].steps;
    expect(steps[0]).toMatchObject({ indicator: 43, cell: "E59", from: 2, to: 3, index: 3.22 });
    expect(Object.keys(steps[0])).toEqual(expect.arrayContaining(["indicator", "cell", "from", "to", "index"]));
    expect(steps[10].predicateChange).toEqual({ from: "Baik", to: "Sangat Baik" });
    expect(steps.filter((s) => s.predicateChange)).toHaveLength(1);
    expect(steps[17]).toMatchObject({ indicator: 33, cell: "E48", from: 4, to: 5, index: 3.71 });
  });

  test("table: one language per run, one line per step, where the predicate changes, names in full", async () => {
    const p = await file("standar-teks.xlsx", T.standardSpbe());
    const r = await cli("plan", p, "--target", "3,70", "--lang", "id");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Kolom E \(Nilai Asesor\): 3,19 Baik/m);
    expect(r.out).toMatch(/Target 3,70 tercapai dengan 18 langkah/);
    expect(r.out).not.toMatch(/ \/ |The target|Column/);
    expect(r.out).toMatch(/\n\s+1\s+43 .*E59\s+2 → 3\s+3,22/);
    expect(r.out).toMatch(/\n\s+11\s+33 .*E48\s+3 → 4\s+3,52\s+Baik → Sangat Baik/);
    expect(r.out).toMatch(/sudah mencapai target 3,70/);
    const en = await cli("plan", p, "--target", "3,70", "--lang", "en");
    expect(en.out).toMatch(/^Column E \(Nilai Asesor\): 3\.19 Baik/m);
    expect(en.out).toMatch(/The target 3\.70 is reached in 18 steps/);
    expect(en.out).not.toMatch(/Kolom|tercapai/);
    // The longest English name is whole, its cell still in a column of its own.
    expect(en.out).toMatch(
      /45 Sectoral public service 1 \(chosen by the agency; sectors other than indicators 32-44\) E61 /,
    );
  });

  test("Pemdi: the assessor's step, indicators out of reach given as codes, no warning line about the weights", async () => {
    const p = await file("pemdi.xlsx", T.pemdiAceh());
    const r = await cli("plan", p, "--target", "1.5", "--step", "0.5", "--out-of-reach", "I20,19", "--format", "json");
    expect(r.code).toBe(0);
    const [a] = JSON.parse(r.out).assessments;
    expect(a).toMatchObject({ column: "D", framework: "pemdi-2026", reached: true, step: 0.5, start: 1.24 });
    expect(a.steps.some((s: StepJson) => s.indicator === 20 || s.indicator === 19)).toBe(false);
    expect(a.steps[0]).toMatchObject({ from: 1, to: 1.5 });
    const table = await cli("plan", p, "--target", "1.5", "--lang", "id");
    // the plan carries no warning about the weights' source; the score's details give it
    expect(table.out).not.toMatch(/sumber sekunder/);
  });

  test("an unreachable target is said plainly, with the best index; still exit 0", async () => {
    const p = await file("tak-tercapai.xlsx", T.standardSpbe());
    const r = await cli(
      "plan",
      p,
      "--target",
      "5",
      "--out-of-reach",
      "12,13",
      "--level-column",
      "E",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const [a] = JSON.parse(r.out).assessments;
    expect(a).toMatchObject({ column: "E", reached: false, index: 4.88 });
    expect(a.messageId).toMatch(/tidak dapat dicapai: paling tinggi 4,88/);
    expect(a.messageEn).toMatch(/cannot be reached: the best is 4\.88/);
    const text = await cli("plan", p, "--target", "5", "--cap", "12=3,13=4", "--level-column", "E", "--lang", "id");
    expect(text.out).toMatch(/tidak dapat dicapai/);
    expect(text.out).not.toMatch(/cannot be reached/);
  });

  test("a column with problems cannot be planned: exit 1, index null, a bilingual reason", async () => {
    const p = await file("buruk.xlsx", T.badInputs());
    const r = await cli("plan", p, "--target", "3.5", "--format", "json");
    expect(r.code).toBe(1);
    const [a] = JSON.parse(r.out).assessments;
    expect(a).toMatchObject({ column: "C", reached: false, index: null, steps: [] });
    expect(a.messageId).toMatch(/belum dapat direncanakan/);
    expect(a.messageEn).toMatch(/cannot be planned yet/);
  });

  test("both frameworks in one workbook: each sheet planned with its own rules", async () => {
    const p = await file("dua.xlsx", T.bothFrameworks());
    const r = await cli("plan", p, "--target", "2", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(
      j.assessments.map((a: { sheet: string; framework: string; reached: boolean }) => [
        a.sheet,
        a.framework,
        a.reached,
      ]),
    ).toEqual([
      ["Assessment", "spbe-2020", true],
      ["Pemdi 2026", "pemdi-2026", true],
    ]);
  });

  test("without --target, the target stored in the results sheet is used", async () => {
    const src = await file("simpan.xlsx", T.standardSpbe());
    const written = tmp.path("simpan-hasil.xlsx");
    expect((await cli("score", src, "--write", written)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written);
    wb.getWorksheet("Indeks SPBE")!.getCell(SETTINGS_ROWS.target + 1, 2).value = 3.5;
    await wb.xlsx.writeFile(written);
    const r = await cli("plan", written, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.target).toBe(3.5);
    expect(j.assessments[1].steps).toHaveLength(11);
  });

  test.each([
    [["--format", "json"], /--target/],
    [["--target", "3.5", "--step", "0.5"], /whole levels/],
    [["--target", "3.5", "--out-of-reach", "99"], /99/],
    [["--target", "3.5", "--out-of-reach", "dua"], /not an indicator number/],
    [["--target", "3.5", "--cap", "12"], /ID=LEVEL/],
    [["--target", "3.5", "--cap", "12=7"], /cap of indicator 12/],
    [["--target", "tinggi"], /positive number/],
  ])("plan %j: exit 2 with a reason", async (extra, reason) => {
    const p = await file("usage.xlsx", T.standardSpbe());
    const r = await cli("plan", p, ...extra);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
  });

  test("plan-only options are refused by score, naming plan; plan's help shows them", async () => {
    const p = await file("score-target.xlsx", T.standardSpbe());
    const r = await cli("score", p, "--target", "3.5");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--target is only for the plan command\nBantuan \/ Help: spbe-index help score$/);
    expect((await cli("help", "plan")).out).toMatch(/spbe-index plan <file\.xlsx> \[--target N\]/);
  });
});

describe("spbe-index plan --write", () => {
  const parts = (p: string) => unzipSync(fs.readFileSync(p));
  /** Every part both packages hold with different bytes, and the parts only one holds. */
  function changed(a: string, b: string): string[] {
    const x = parts(a);
    const y = parts(b);
    const names = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...names]
      .filter((n) => !x[n] || !y[n] || Buffer.compare(Buffer.from(x[n]), Buffer.from(y[n])) !== 0)
      .sort();
  }

  test("writes Rencana Target for the assessor's column beside the person's sheets, which keep their bytes", async () => {
    const src = path.join(__dirname, "../../fixtures/xlsx/rich/libreoffice-kaya.xlsx");
    const out = tmp.path("kaya-rencana.xlsx");
    const r = await cli("plan", src, "--target", "3.7", "--write", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Written: .*kaya-rencana\.xlsx — plan sheet "Rencana Target"/m);
    // Only the workbook's list of sheets, its relationships, content types, styles and the two new sheets (one per level column) changed.
    expect(changed(src, out)).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/sheet5.xml",
    ]);
    const grid = await readWorkbook(out);
    const analysis = analyze(grid, FRAMEWORKS);
    const t = analysis.tables[0];
    const last = t.assessments[t.assessments.length - 1];
    const read = readPlanSheet(grid, t.framework, "Rencana Target")!;
    const values = planSheetValues(t.framework, read.rows, read.target);
    const sheet = grid.sheets.find((x) => x.name === "Rencana Target")!;
    expect(sheet.values[SETTINGS_ROWS.sheet][1]).toBe(t.layout.sheet);
    expect(sheet.values[3][1]).toBe(last.column.letter);
    // The cached values are the core's, and the planned index is the plan's.
    for (const [address, want] of planSheetExpected(t.framework, values)) {
      const c = parseA1(address)!;
      expect([address, sheet.values[c.row]?.[c.col] ?? ""]).toEqual([address, want]);
    }
    const j = JSON.parse((await cli("plan", src, "--target", "3.7", "--format", "json")).out);
    expect(values.plan.index).toBe(j.assessments.at(-1).index);

    // Run again on its own output: the same sheets, the plan sheet replaced, not added.
    const again = tmp.path("kaya-rencana-2.xlsx");
    expect((await cli("plan", out, "--target", "3.5", "--write", again)).code).toBe(0);
    const names = (await readWorkbook(again)).sheets.map((x) => x.name);
    expect(names).toEqual(grid.sheets.map((x) => x.name));
    expect(changed(out, again)).toEqual(["xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"]);
  });

  test("two level columns: the assessor's plan is Rencana Target, the self-assessment's Rencana Target 2; --in-place", async () => {
    const p = await file("dua-kolom.xlsx", T.standardSpbe());
    const r = await cli("plan", p, "--target", "3,7", "--in-place", "--lang", "id");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ditulis: .* lembar rencana "Rencana Target", "Rencana Target 2" dengan rumus hidup/);
    const grid = await readWorkbook(p);
    const column = (name: string) => grid.sheets.find((x) => x.name === name)!.values[3][1];
    expect([column("Rencana Target"), column("Rencana Target 2")]).toEqual(["E", "D"]);
    // The plan sheets are not read as tables of their own.
    expect(analyze(grid, FRAMEWORKS).tables.map((t) => t.layout.sheet)).toEqual(["Kertas Kerja"]);
  });

  test("a person's own sheet named Rencana Target is left; the output may not be the input", async () => {
    const wb = T.standardSpbe();
    wb.addWorksheet("Rencana Target").getCell("A1").value = "rencana kerja bidang";
    const p = await file("punya-orang.xlsx", wb);
    const out = tmp.path("punya-orang-rencana.xlsx");
    expect((await cli("plan", p, "--target", "3.7", "--level-column", "E", "--write", out)).code).toBe(0);
    const grid = await readWorkbook(out);
    expect(grid.sheets.find((x) => x.name === "Rencana Target")!.values).toEqual([["rencana kerja bidang"]]);
    expect(grid.sheets.find((x) => x.name === "Rencana Target 2")!.values[3][1]).toBe("E");
    const same = await cli("plan", p, "--target", "3.7", "--write", p);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--write names the input file/);
  });

  test("JSON: the plan as without --write, with where it was written", async () => {
    const p = await file("json-rencana.xlsx", T.standardSpbe());
    const out = tmp.path("json-rencana-hasil.xlsx");
    const r = await cli("plan", p, "--target", "3.7", "--format", "json", "--write", out, "--lang", "en");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.assessments.map((a: { index: number }) => a.index)).toEqual([3.75, 3.71]);
    expect(j.written).toEqual({ file: out, sheets: ["Rencana Target", "Rencana Target 2"] });
    expect(r.err).toMatch(/^Written: /);
  });

  test("Pemdi 2026: decimal values, the planned values validated as decimals 1–5", async () => {
    const p = await file("pemdi-rencana.xlsx", T.pemdiAceh());
    const out = tmp.path("pemdi-rencana-hasil.xlsx");
    const r = await cli("plan", p, "--target", "1.5", "--write", out, "--lang", "en");
    expect(r.code).toBe(0);
    const xml = Object.values(parts(out)).map((data) => Buffer.from(data).toString());
    expect(xml.some((x) => /<dataValidation [^>]*type="decimal"[^>]*sqref="E\d+:E\d+"/.test(x))).toBe(true);
    const grid = await readWorkbook(out);
    const t = analyze(grid, FRAMEWORKS).tables[0];
    const read = readPlanSheet(grid, t.framework, "Rencana Target")!;
    expect(planSheetValues(t.framework, read.rows, read.target).plan.index).toBeGreaterThanOrEqual(1.5);
  });
});

describe("spbe-index score gains reconciliation and evidence gaps", () => {
  test("reconciliation: first column against the last, ranked by impact, adding up to the gap", async () => {
    const p = await file("rekonsiliasi.xlsx", T.standardSpbe());
    const r = await cli("score", p, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // The keys the score report already had are all still there.
    for (const k of ["framework", "sheet", "assessments", "issues", "lowScores", "notes", "sheets", "workbookNotes"])
      expect(j).toHaveProperty(k);
    const rows: { indicator: number; cells: string[]; levels: number[]; indexImpact: number }[] = j.reconciliation;
    expect(rows[0]).toEqual({ indicator: 40, code: "40", cells: ["D55", "E55"], levels: [5, 3], indexImpact: -0.055 });
    for (let k = 1; k < rows.length; k++)
      expect(Math.abs(rows[k - 1].indexImpact)).toBeGreaterThanOrEqual(Math.abs(rows[k].indexImpact));
    const total = rows.reduce((s, x) => s + x.indexImpact, 0);
    expect(total).toBeCloseTo(j.assessments[1].indexUnrounded - j.assessments[0].indexUnrounded, 12);
    expect(j.reconciliationSummary).toMatchObject({
      columns: ["D", "E"],
      gap: -0.56,
      gapUnrounded: -0.557,
      unmatched: [],
    });
    expect(j.reconciliationSummary.domains.map((d: { indexImpact: number }) => d.indexImpact)).toEqual([
      -0.052, -0.125, -0.12, -0.26,
    ]);
    expect(j.sheets[0].reconciliation).toEqual(rows);
  });

  test("evidence gaps per level column, counted per domain", async () => {
    const p = await file("bukti.xlsx", T.standardSpbe());
    const j = JSON.parse((await cli("score", p, "--format", "json")).out);
    expect(j.evidenceGaps.map((e: { column: string; count: number }) => [e.column, e.count])).toEqual([
      ["D", 15],
      ["E", 15],
    ]);
    expect(j.evidenceGaps[1].domains.map((d: { count: number }) => d.count)).toEqual([3, 3, 4, 5]);
    expect(j.evidenceGaps[1].indicators[0]).toEqual({
      indicator: 3,
      code: "3",
      cell: "E9",
      evidenceCell: "F9",
      level: 4,
    });
  });

  test("one level column and no evidence column: neither key", async () => {
    const p = await file("satu.xlsx", T.englishShuffled());
    const j = JSON.parse((await cli("score", p, "--format", "json")).out);
    expect(j).not.toHaveProperty("reconciliation");
    expect(j).not.toHaveProperty("evidenceGaps");
  });

  test("table output: the difference and the evidence count, in the language asked for", async () => {
    const p = await file("teks.xlsx", T.standardSpbe());
    const r = await cli("score", p, "--lang", "id");
    expect(r.out).toMatch(/Selisih D → E: 29 indikator berbeda; indeks −0,56 \(−0,5570 tanpa pembulatan\)/);
    expect(r.out).toMatch(/Sumbangan ke selisih indeks per domain dan aspek:\n\s+Domain 1/);
    expect(r.out).toMatch(/Domain 4 Layanan SPBE\s+−0,2600 \(8\)/);
    expect(r.out).toMatch(/Nilai di atas 1 tanpa bukti dukung, E: 15/);
    const en = await cli("score", p, "--lang", "en");
    expect(en.out).toMatch(/Difference D → E: 29 indicators differ; index −0\.56 \(−0\.5570 unrounded\)/);
    expect(en.out).toMatch(/Domain 4 SPBE services\s+−0\.2600 \(8\)/);
    expect(en.out).toMatch(/Levels above 1 without evidence, E: 15/);
  });
});
