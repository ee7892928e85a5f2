/**
 * `--write` on a workbook a person shaped with openpyxl (not with our own code): their
 * formula, their merged label, their validation and a Text-formatted result cell are left
 * or kept by the add-in's rules, and the text output and the JSON say what and why; a
 * protected workbook structure refuses before any file is written.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { cli, tempFolder } from "../../support/cli";

const FIXTURES = path.join(__dirname, "../../fixtures/openpyxl");
const tmp = tempFolder("spbe-shared-");

describe("--write on a shared workbook", () => {
  test("the text output lists what it left and why; the workbook keeps the person's formula", async () => {
    const out = tmp.path("bersama.scored.xlsx");
    const r = await cli("score", path.join(FIXTURES, "bersama.xlsx"), "--write", out, "--lang", "en");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").filter((l) => /^ {2}(Sampul|Kertas Kerja)!|^ {2}Your validation/.test(l));
    expect(lines).toEqual([
      `  Sampul!C6 holds someone's formula (=AVERAGE('Kertas Kerja'!E5:E51)); left as it is (the result is on sheet "Indeks SPBE")`,
      `  Sampul!C7 lies inside the merged cells B7:C7, where Excel does not show it; not written (the result is on sheet "Indeks SPBE")`,
      `  Kertas Kerja!E52 is formatted as Text; its format is changed so the formula ='Indeks SPBE'!E9 calculates instead of showing as text`,
      `  Your validation on Kertas Kerja!E4:E50 (list 1, 2, 3, 4, 5) already admits exactly the levels; kept as it is`,
    ]);
    const grid = await readWorkbook(fs.readFileSync(out));
    const cover = grid.sheets.find((s) => s.name === "Sampul")!;
    expect(cover.formulas?.[5]?.[2]).toBe("=AVERAGE('Kertas Kerja'!E5:E51)");
    expect(cover.formulas?.[6]?.[2] ?? null).toBeNull();
    // Their validation stays, with their own error text; ours goes on the other level column only.
    const xml = strFromU8(unzipSync(fs.readFileSync(out))["xl/worksheets/sheet2.xml"]);
    expect(xml).toMatch(/errorTitle="Level salah"[^>]*sqref="E4:E50"|sqref="E4:E50"[^>]*errorTitle="Level salah"/);
    expect(xml).toMatch(/sqref="D4:D50"/);
  });

  test("the JSON carries what it left, with the place and why", async () => {
    const out = tmp.path("bersama.json.xlsx");
    const r = await cli("score", path.join(FIXTURES, "bersama.xlsx"), "--write", out, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.written.file).toBe(out);
    expect(doc.written.sheets).toEqual(["Indeks SPBE"]);
    expect(doc.written.left.map((k: { place: string; what: string }) => [k.place, k.what])).toEqual([
      ["Sampul!C6", "left"],
      ["Sampul!C7", "left"],
      ["Kertas Kerja!E52", "format"],
      ["Kertas Kerja!E4:E50", "kept"],
    ]);
    expect(doc.written.left[0].message.id).toMatch(/^Sampul!C6 berisi rumus orang/);
  });

  test("a protected cover: its result cells are left and said so; the rest is written", async () => {
    const out = tmp.path("sampul.scored.xlsx");
    const input = path.join(__dirname, "../../fixtures/xlsx/rich/openpyxl-sampul-terlindung.xlsx");
    const r = await cli("score", input, "--write", out, "--lang", "en");
    expect(r.code).toBeLessThan(2);
    expect(r.out).toMatch(
      /^ {2}Sheet "Sampul" is protected; Sampul!C6 is left as it is \(the result is on sheet "Indeks SPBE"\)$/m,
    );
    expect(fs.existsSync(out)).toBe(true);
  });

  test("a protected workbook structure: the right remedy, and no file written", async () => {
    const out = tmp.path("terkunci.scored.xlsx");
    const r = await cli("score", path.join(FIXTURES, "struktur-terkunci.xlsx"), "--write", out, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/structure is protected, so sheet "Indeks SPBE" cannot be added.*Review › Protect Workbook/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
