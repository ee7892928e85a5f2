/**
 * The shared workbook must work without the add-in: LibreOffice opens what the tool
 * wrote, recalculates every formula, and must get exactly the core's numbers — also
 * after the levels were changed by another program, which proves the results are live.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analyze";
import { buildWritePlan, WritePlan } from "../../src/core/writePlan";
import { FRAMEWORKS } from "../../src/frameworks";
import { workbookGrid } from "../../src/xlsx/readGrid";
import { runCli } from "../../src/cli/run";
import { fileIo } from "../support/cli";
import * as T from "../fixtures/templates";
import { makeProfile, recalculate, setCells } from "./support/libreoffice";

let dir: string;
let profile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-lo-"));
  profile = makeProfile();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

/** Scores a workbook with the command line, as an assessor would, and returns the path. */
async function scored(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}.scored.xlsx`);
  await wb.xlsx.writeFile(input);
  await runCli(["score", input, "--write", output], fileIo());
  return output;
}

/** What the core says every formula cell of a workbook should show. */
async function expected(p: string): Promise<WritePlan> {
  const grid = workbookGrid(await load(p));
  return buildWritePlan(grid, analyze(grid, FRAMEWORKS));
}

/** Formula cells as LibreOffice computed them, beside what the core expects. */
async function compare(p: string) {
  const plan = await expected(p);
  const recalculated = await load(recalculate(p, fs.mkdtempSync(path.join(dir, "lo-")), profile));
  const got: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  for (const c of plan.cells.filter((x) => x.formula)) {
    const v = recalculated.getWorksheet(c.sheet)!.getCell(c.address).value as
      ExcelJS.CellFormulaValue | string | number | null;
    const key = `${c.sheet}!${c.address}`;
    // LibreOffice saves numbers with 15 significant digits (7/6 as 1.16666666666667).
    const digits15 = (x: unknown) => (typeof x === "number" ? Number(x.toPrecision(15)) : x);
    // ExcelJS leaves out a formula's result when it is the empty text ("" for a blank level).
    const result = v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
    got[key] = digits15(result);
    want[key] = digits15(c.result);
  }
  return { got, want, plan, recalculated };
}

function resultOf(wb: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const v = wb.getWorksheet(sheet)!.getCell(address).value as ExcelJS.CellFormulaValue;
  return v && typeof v === "object" && "result" in v ? v.result : v;
}

/** Row number of an indicator, by the code in column A. */
function rowsById(wb: ExcelJS.Workbook, sheet: string): (id: number | string) => number {
  const rows = new Map<unknown, number>();
  wb.getWorksheet(sheet)!.eachRow((row, n) => {
    if (!rows.has(row.getCell(1).value)) rows.set(row.getCell(1).value, n);
  });
  return (id) => rows.get(id)!;
}

describe("LibreOffice recalculates the scored workbook to the core's values", () => {
  test("Denpasar 2021: 3.75 self, 3.19 final, domains and aspects, every formula cell", async () => {
    const p = await scored("denpasar", T.standardSpbe());
    const { got, want, recalculated } = await compare(p);
    expect(got).toEqual(want);
    expect([resultOf(recalculated, "Indeks SPBE", "D9"), resultOf(recalculated, "Indeks SPBE", "E9")]).toEqual([
      3.75, 3.19,
    ]);
    expect(resultOf(recalculated, "Sampul", "C7")).toBe("Baik");
  });

  test("levels changed by another program: the formulas follow (live, not pasted numbers)", async () => {
    const p = await scored("denpasar-live", T.standardSpbe());
    const changed = path.join(dir, "denpasar-changed.xlsx");
    // indicator 1 final 4 → 5 (+0.013), indicator 42 final 4 → 5 (+0.03): 3.1925 + 0.043 = 3.2355
    const rowOf = rowsById(await load(p), "Kertas Kerja");
    setCells(p, changed, "Kertas Kerja", { [`E${rowOf(1)}`]: 5, [`E${rowOf(42)}`]: 5 });
    const { got, want, recalculated } = await compare(changed);
    expect(got).toEqual(want);
    expect(resultOf(recalculated, "Indeks SPBE", "E9")).toBe(3.24);
    expect(resultOf(recalculated, "Kertas Kerja", "E65")).toBe(3.24);
  });

  test("an exact tie rounds up in the workbook too: 3.495 shows 3.50, Sangat Baik", async () => {
    const threes = Object.fromEntries(T.SPBE.indicators.map((i) => [i.id, 3]));
    const p = await scored("seri", T.englishShuffled(threes));
    const rowOf = rowsById(await load(p), "Assessment");
    const cellOf = (id: number) => `C${rowOf(id)}`;
    const raise: Record<string, number> = {};
    for (const id of [42, 43, 44, 45, 46, 47]) raise[cellOf(id)] = 5;
    for (const id of [11, 12, 13, 21, 22, 23, 24]) raise[cellOf(id)] = 4;
    const changed = path.join(dir, "seri-changed.xlsx");
    setCells(p, changed, "Assessment", raise);
    const { got, want, recalculated } = await compare(changed);
    expect(want["Indeks SPBE!D9"]).toBe(3.5);
    expect(got).toEqual(want);
    expect(resultOf(recalculated, "Indeks SPBE", "D10")).toBe("Sangat Baik");
  });

  test("Pemdi Aceh Tengah 2026: 1.24 Kurang (Merintis), aspect 5 = 1.08 with I13 = 7/6; the typed 1.17 gives 1.09", async () => {
    const p = await scored("aceh", T.pemdiAceh());
    const first = await compare(p);
    expect(first.got).toEqual(first.want);
    const aspects = Array.from({ length: 7 }, (_, k) =>
      resultOf(first.recalculated, "Indeks Pemerintah Digital", `D${14 + k}`),
    );
    expect(aspects).toEqual([1.75, 1.28, 1, 1.17, 1.08, 1.4, 1.18]);
    expect(resultOf(first.recalculated, "Indeks Pemerintah Digital", "D10")).toBe("Kurang (Merintis)");

    const i13 = `D${rowsById(await load(p), "Pemdi 2026")("I13")}`;
    const changed = path.join(dir, "aceh-117.xlsx");
    setCells(p, changed, "Pemdi 2026", { [i13]: 1.17 });
    const second = await compare(changed);
    expect(second.got).toEqual(second.want);
    expect(resultOf(second.recalculated, "Indeks Pemerintah Digital", "D18")).toBe(1.09);
  });

  test("a bad level makes the workbook say incomplete instead of a number", async () => {
    const p = await scored("buruk", T.standardSpbe());
    const changed = path.join(dir, "buruk-changed.xlsx");
    setCells(p, changed, "Kertas Kerja", { E7: 6 });
    const { got, want, recalculated } = await compare(changed);
    expect(got).toEqual(want);
    expect(resultOf(recalculated, "Indeks SPBE", "E9")).toBe("–");
    expect(resultOf(recalculated, "Indeks SPBE", "E10")).toBe("–");
  });

  test("odd cells made by openpyxl (TRUE, a 3 formatted as a date, 'Level 3'): LibreOffice and the core judge every cell alike", async () => {
    const wb = await load(path.join(__dirname, "..", "fixtures", "openpyxl", "sel-khusus.xlsx"));
    const p = await scored("sel-khusus", wb);
    const all = await compare(p);
    expect(all.got).toEqual(all.want);
    expect(resultOf(all.recalculated, "Indeks SPBE", "D9")).toBe("–");
    // LibreOffice keeps TRUE as the number 1: the mirror must still refuse it
    const rowOf = rowsById(await load(p), "Indeks SPBE");
    expect(resultOf(all.recalculated, "Indeks SPBE", `D${rowOf("5")}`)).toBe("✗");
    expect(resultOf(all.recalculated, "Indeks SPBE", `D${rowOf("6")}`)).toBe(3);
    expect(resultOf(all.recalculated, "Indeks SPBE", `D${rowOf("7")}`)).toBe("✗");

    // TRUE alone (the text fixed): still no index, in the workbook as in the tool
    const onlyTrue = path.join(dir, "sel-khusus-true.xlsx");
    setCells(p, onlyTrue, "Kertas Kerja", { C8: 3 });
    const t = await compare(onlyTrue);
    expect(t.got).toEqual(t.want);
    expect(resultOf(t.recalculated, "Indeks SPBE", "D9")).toBe("–");

    // the date-formatted 3 alone: a level in both, and Denpasar's 3.19 comes back
    const onlyDate = path.join(dir, "sel-khusus-date.xlsx");
    setCells(p, onlyDate, "Kertas Kerja", { C6: 3, C8: 3 });
    const d = await compare(onlyDate);
    expect(d.got).toEqual(d.want);
    expect(resultOf(d.recalculated, "Indeks SPBE", "D9")).toBe(3.19);
  });

  test("an interview sheet with a column not filled yet, and a monitoring export with a running No and repeated rows: the workbook agrees with the core", async () => {
    const wb = await load(path.join(__dirname, "..", "fixtures", "openpyxl", "hasil-interviu.xlsx"));
    const p = await scored("interviu", wb);
    const first = await compare(p);
    expect(first.got).toEqual(first.want);
    expect([
      resultOf(first.recalculated, "Indeks SPBE", "D9"),
      resultOf(first.recalculated, "Indeks SPBE", "E9"),
    ]).toEqual([3.75, "–"]);
    const monev = await scored(
      "monev",
      await load(path.join(__dirname, "..", "fixtures", "openpyxl", "ekspor-aplikasi-monev.xlsx")),
    );
    const second = await compare(monev);
    expect(second.got).toEqual(second.want);
    expect([
      resultOf(second.recalculated, "Indeks SPBE", "D9"),
      resultOf(second.recalculated, "Indeks SPBE", "E9"),
    ]).toEqual([3.75, 3.19]);
  });

  test("every kind of bad input, a duplicate with another level and a missing indicator: the workbook agrees with the core cell by cell", async () => {
    const p = await scored("masukan-buruk", T.badInputs());
    const { got, want, recalculated } = await compare(p);
    expect(got).toEqual(want);
    expect(resultOf(recalculated, "Indeks SPBE", "D9")).toBe("–");
    const rowOf = rowsById(await load(p), "Indeks SPBE");
    // indicator 21 is listed twice, with 2 and 3: neither is taken
    expect(resultOf(recalculated, "Indeks SPBE", `D${rowOf("21")}`)).toBe("✗");
  });

  test("validation and conditional formats are in the saved file and survive LibreOffice", async () => {
    const p = await scored("format", T.standardSpbe());
    for (const file of [p, recalculate(p, fs.mkdtempSync(path.join(dir, "lo-")), profile)]) {
      const ws = (await load(file)).getWorksheet("Kertas Kerja")!;
      expect(ws.getCell("E7").dataValidation).toMatchObject({ type: "whole", formulae: [1, 5] });
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
        .conditionalFormattings;
      const formulas = cfs.flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
      expect(formulas.some((f) => f.includes("IndeksSPBE_Ambang"))).toBe(true);
      expect(cfs.some((c) => c.ref.includes("E7:E16"))).toBe(true);
    }
  });
});
