/**
 * Worksheets in the shapes other programs give them (written by openpyxl, see
 * test/fixtures/make_openpyxl_fixtures.py): every one gives the published Denpasar 2021
 * result or says plainly why it cannot.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze, AnalyzeOptions } from "../../../src/core/analyze";
import { reportJson, reportText } from "../../../src/core/report";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { cli } from "../../support/cli";

const dir = path.join(__dirname, "..", "..", "fixtures", "openpyxl");
const file = (name: string) => path.join(dir, name);

async function read(name: string, opts: AnalyzeOptions = {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file(name));
  return analyze(workbookGrid(wb), FRAMEWORKS, { otherModels: OTHER_MODELS, ...opts });
}

const index = (a: { complete: boolean; scores: { total: { units: bigint | null } } }) =>
  a.complete ? Number(a.scores.total.units) / 100 : null;
const domains = (a: { scores: { domains: { units: bigint | null }[] } }) =>
  a.scores.domains.map((d) => Number(d.units) / 100);

describe("worksheets made by other programs", () => {
  test("a monitoring export: running No, rows sorted by aspect, 'Indikator N : name', repeated rows, Target and Tindak Lanjut columns", async () => {
    const a = await read("ekspor-aplikasi-monev.xlsx");
    const t = a.tables[0];
    // the header is the row of short words, not the first data row with its long follow-up text
    expect(t.layout.headerRow).toBe(3);
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["E", "F"]);
    expect(t.assessments.map(index)).toEqual([3.75, 3.19]);
    expect(domains(t.assessments[1])).toEqual([3, 3.3, 2.18, 3.55]);
    expect(t.issues.every((i) => i.code === "duplicate-indicator" && i.severity === "warning")).toBe(true);
    expect(t.issues).toHaveLength(6);
    const notes = t.notes.map((n) => n.message.en).join("\n");
    expect(notes).toMatch(/the number column is a row counter/);
    expect(notes).toMatch(/Target Level \(G\) left: a target column/);
  });

  test("a running No beside names sorted by another key: identified by name, 3.19, and the note says so", async () => {
    const t = (await read("nomor-urut.xlsx")).tables[0];
    expect(t.assessments.map(index)).toEqual([3.19]);
    expect(t.layout.rows.every((r) => r.matchedBy === "name")).toBe(true);
    expect(t.notes.find((n) => n.code === "numbering")!.message.en).toMatch(/row counter \(only \d+ of 47 match/);
  });

  test("the number inside the label, in four spellings, rows shuffled", async () => {
    const t = (await read("nomor-dalam-nama.xlsx")).tables[0];
    expect(t.layout.rows).toHaveLength(47);
    expect(t.assessments.map(index)).toEqual([3.19]);
    expect(t.issues).toEqual([]);
  });

  test("Pemdi from a monitoring application: running No, 'I5 : name' labels, repeated rows, self-assessment not filled yet", async () => {
    const t = (await read("pemdi-ekspor.xlsx")).tables[0];
    expect(t.framework.id).toBe("pemdi-2026");
    const [self, assessor] = t.assessments;
    expect(self.notFilled).toBe(true);
    expect(index(assessor)).toBe(1.24);
    expect(assessor.scores.aspects.map((g) => Number(g.units) / 100)).toEqual([1.75, 1.28, 1, 1.17, 1.08, 1.4, 1.18]);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([
      ["duplicate-indicator", "warning"],
      ["duplicate-indicator", "warning"],
    ]);
  });

  test("an interview sheet: line breaks in headers, Kriteria and Interview columns left out, the assessor's column not filled yet", async () => {
    const a = await read("hasil-interviu.xlsx");
    const t = a.tables[0];
    expect(t.layout.levelColumns.map((c) => [c.letter, c.header])).toEqual([
      ["D", "Nilai Mandiri"],
      ["F", "Nilai Asesor"],
    ]);
    expect(t.issues).toEqual([]);
    const [self, assessor] = t.assessments;
    expect(index(self)).toBe(3.75);
    expect(assessor).toMatchObject({ notFilled: true, filled: 0, total: 47, complete: false, issues: [] });
    const json = reportJson(a);
    expect(
      "assessments" in json && json.assessments.map((x) => [x.column, x.notFilled, x.filled, x.total, x.index]),
    ).toEqual([
      ["D", false, 47, 47, 3.75],
      ["F", true, 0, 47, null],
    ]);
    const considered = t.notes.find((n) => n.code === "level-columns")!.message.en;
    expect(considered).toMatch(/Kriteria Penilaian \(C\) left: holds long text/);
    expect(considered).toMatch(/Interview \(E\) left: holds marks/);
    // the text table stays one line per row
    const text = reportText(a);
    expect(text).toMatch(/Nilai Mandiri \(D\) +Nilai Asesor \(F\)/);
    expect(text).toMatch(/^Indeks +3,75 +belum diisi$/m);
    expect(text).toMatch(/^Terisi +47\/47 +0\/47$/m);
  });

  test("the command line: a column not filled yet leaves the exit status at 0", async () => {
    expect((await cli("score", file("hasil-interviu.xlsx"))).code).toBe(0);
  });

  test("levels from a drop-down of text are reported with the number they mean; no index", async () => {
    const t = (await read("level-teks.xlsx")).tables[0];
    expect(t.assessments[0].complete).toBe(false);
    expect(t.issues).toHaveLength(47);
    expect(t.issues.every((i) => i.code === "level-as-text")).toBe(true);
    expect(t.issues[0].message.en).toBe(
      'Cell C2 (indicator 1): "4 - Terpadu dan Terukur" is text meaning level 4; type the number 4 (the workbook\'s formulas count numbers only).',
    );
  });

  test("a Level column holding the names of the numbers beside it is not a level column", async () => {
    const t = (await read("nama-level.xlsx")).tables[0];
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["C"]);
    expect(t.assessments.map(index)).toEqual([3.19]);
    expect(t.issues).toEqual([]);
  });

  test("TRUE and text are not levels; a 3 formatted as a date is the level 3", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("sel-khusus.xlsx"));
    expect(wb.worksheets[0].getCell("C7").value).toBeInstanceOf(Date);
    const t = (await read("sel-khusus.xlsx")).tables[0];
    expect(t.issues.map((i) => [i.cell, i.code])).toEqual([
      ["C6", "not-a-number"],
      ["C8", "level-as-text"],
    ]);
    expect(t.assessments[0].values.get(6)).toEqual({ num: 3n, den: 1n });
    // the command line's own package reader sees the same
    const r = await cli("score", file("sel-khusus.xlsx"), "--format", "json");
    expect(JSON.parse(r.out).issues.map((i: { cell: string; code: string }) => [i.cell, i.code])).toEqual([
      ["C6", "not-a-number"],
      ["C8", "level-as-text"],
    ]);
  });

  test("a worksheet of PermenPANRB 5/2018 is named as such and not scored", async () => {
    const a = await read("spbe-2018.xlsx");
    expect(a.tables).toEqual([]);
    const note = a.notes.find((n) => n.code === "other-model")!;
    expect(note.message.en).toMatch(
      /looks like PermenPANRB 5\/2018 \(35 indicators; \d+ names match\), which this tool does not score/,
    );
    const r = await cli("score", file("spbe-2018.xlsx"), "--lang", "id");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tampaknya PermenPANRB 5\/2018/);
  });

  test("a Pemdi application's export: codes 1.1 … 7.2 in the labels, I10 and I20 named as their aspects, a placeholder for the agency", async () => {
    const a = await read("pemdi-kode-bertitik.xlsx");
    const t = a.tables[0];
    expect(t.framework.id).toBe("pemdi-2026");
    expect(t.layout.rows).toHaveLength(20);
    const [self, assessor] = t.assessments;
    expect(self.notFilled).toBe(true);
    expect(index(assessor)).toBe(1.24);
    expect(assessor.scores.aspects.map((g) => Number(g.units) / 100)).toEqual([1.75, 1.28, 1, 1.17, 1.08, 1.4, 1.18]);
    expect(t.issues).toEqual([]);
    expect(t.layout.identification).toMatchObject({ basis: "names", names: 20, codes: 20, numbers: 0 });
  });

  test("a batch over templates whose agency cell holds a placeholder: no agency named", async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), "placeholder-"));
    try {
      for (const name of ["pemdi-kode-bertitik.xlsx", "pemdi-templat-laporan-libreoffice.xlsx"])
        fs.copyFileSync(file(name), path.join(dir2, name));
      const summary = path.join(dir2, "ringkasan.json");
      expect((await cli("score", dir2, "--summary", summary)).code).toBe(0);
      const rows = JSON.parse(fs.readFileSync(summary, "utf8")) as {
        file: string;
        agency: string | null;
        year: number | null;
        index: number | null;
      }[];
      expect(rows.map((r) => [path.basename(r.file), r.agency, r.year, r.index])).toEqual([
        ["pemdi-kode-bertitik.xlsx", null, 2026, null],
        ["pemdi-kode-bertitik.xlsx", null, 2026, 1.24],
        ["pemdi-templat-laporan-libreoffice.xlsx", null, 2026, 1.24],
      ]);
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  test("a Pemdi table coded IK-01 … IK-20: codes counted, weights typed as text, its own Aspek column checked", async () => {
    const t = (await read("pemdi-kode-ik.xlsx")).tables[0];
    expect(index(t.assessments[0])).toBe(1.24);
    expect(t.layout.identification).toMatchObject({ codes: 20 });
    expect(t.layout.frameworkReason.en).toBe("20 indicator names and 20 codes match Pemdi 2026");
    // "5 %" and "0,05" are the regulation's 5; "4%" is not, and the index keeps the regulation's weight
    expect(t.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["weight-mismatch", "D2", "warning"],
      ["group-mismatch", "B9", "warning"],
    ]);
    expect(t.issues[0].message.en).toBe(
      'Cell D2: indicator I1 weight is written as "4%", Pemdi 2026 says 5; the index uses the regulation\'s weight',
    );
    expect(t.issues[1].message.id).toBe(
      'Sel B9: indikator I8 dicatat di aspek "Keamanan Pemerintah Digital"; menurut Pemdi 2026 ia termasuk aspek 3 Data; indeks memakai pengelompokan peraturan',
    );
  });

  test.each(["pemdi-templat-laporan.xlsx", "pemdi-templat-laporan-libreoffice.xlsx"])(
    "a Pemdi report template (%s): aspect rows with subtotals are headings, Nilai Tertimbang is computed, not a level column",
    async (name) => {
      const a = await read(name);
      const t = a.tables[0];
      expect(t.layout.rows).toHaveLength(20);
      expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["E"]);
      expect(t.assessments.map(index)).toEqual([1.24]);
      expect(t.issues).toEqual([]);
      const considered = t.notes.find((n) => n.code === "level-columns")!.message.en;
      expect(considered).toMatch(
        /Nilai Tertimbang \(F\) left: computed by formula from columns D, E \(e\.g\. =D7\*E7\/100\), not an assessment/,
      );
    },
  );

  test.each([
    ["daftar-pegawai.xlsx", /column C holds names/],
    ["skor-kecamatan.xlsx", /column B holds names \(e\.g\. "Kecamatan /],
    ["evaluasi-pelatihan.xlsx", /column B holds names/],
    ["nilai-desa.xlsx", /column B holds names \(e\.g\. "Desa /],
    ["inventaris-instansi.xlsx", /column B holds names/],
  ])("a list that is not an assessment (%s): no index, the reason, exit status 2", async (name, why) => {
    const a = await read(name);
    expect(a.tables).toEqual([]);
    expect(a.notes.find((n) => n.code === "not-an-assessment")!.message.en).toMatch(why);
    const r = await cli("score", file(name), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/this is not an assessment table/);
  });

  test("a page whose rows shifted: filled 47/47, one line names the absent and the repeated indicators", async () => {
    const a = await read("halaman-bergeser.xlsx");
    const t = a.tables[0];
    expect(t.assessments[0]).toMatchObject({ filled: 47, total: 47, complete: false });
    expect(t.notes.find((n) => n.code === "absent-repeated")!.message.en).toBe(
      "not in the table: indicators 8, 20; repeated: indicator 3 (rows 6, 11, 23)",
    );
    const text = reportText(a, "id");
    expect(text).toMatch(/^Terisi +47\/47$/m);
    expect(text).toMatch(/tidak ada di tabel: indikator 8, 20; berulang: indikator 3 \(baris 6, 11, 23\)/);
  });

  test("--header-row names the header when detection cannot", async () => {
    const a = await read("ekspor-aplikasi-monev.xlsx", { headerRow: 4 });
    expect(a.tables[0].layout.headerRow).toBe(3);
    const wrong = await read("ekspor-aplikasi-monev.xlsx", { headerRow: 2 });
    expect(wrong.tables).toEqual([]);
    expect(wrong.notes[0].message.en).toMatch(/row 2 holds no "No" or "Indicator" column header/);
    const r = await cli("score", file("ekspor-aplikasi-monev.xlsx"), "--header-row", "4", "--format", "json");
    expect(JSON.parse(r.out).assessments.map((x: { index: number }) => x.index)).toEqual([3.75, 3.19]);
    expect((await cli("score", file("ekspor-aplikasi-monev.xlsx"), "--header-row", "x")).code).toBe(2);
  });
});
