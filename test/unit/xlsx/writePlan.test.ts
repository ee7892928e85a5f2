import ExcelJS from "exceljs";
import { analyze } from "../../../src/core/analyze";
import { buildWritePlan } from "../../../src/core/writePlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { packageGrid } from "../../../src/xlsx/readWorkbook";
import { writeWorkbook } from "../../../src/xlsx/writeWorkbook";
import { openPackage } from "../../../src/xlsx/zipPackage";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import * as T from "../../fixtures/templates";

/** The workbook as ExcelJS wrote it, scored and written by the package writer, read back by ExcelJS. */
async function applyOnce(wb: ExcelJS.Workbook, opts = {}) {
  const pkg = openPackage(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { grid, parts } = packageGrid(pkg);
  const analysis = analyze(grid, FRAMEWORKS, opts);
  const plan = buildWritePlan(grid, analysis);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(writeWorkbook(pkg, parts, plan).data as unknown as ArrayBuffer);
  return { plan, analysis, wb: out };
}

/** Everything a person or a program could see in a workbook, as plain data. */
function snapshot(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    grid: workbookGrid(wb).sheets.find((s) => s.name === ws.name),
    cf: (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings
      .map((c) => `${c.ref} ${c.rules.map((r) => r.formulae.join()).join()}`)
      .sort(),
    dv: Object.entries(
      (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model,
    )
      .filter(([, v]) => v)
      .map(([k, v]) => `${k} ${v.type} ${JSON.stringify(v.formulae)} ${v.prompt}`)
      .sort(),
  }));
}

describe("the write plan through the package writer, as ExcelJS reads the result", () => {
  test("results sheet with live formulas whose cached values are the core's", async () => {
    const { wb, plan } = await applyOnce(T.standardSpbe());
    expect(plan.sheets).toEqual(["Indeks SPBE"]);
    const rs = wb.getWorksheet("Indeks SPBE")!;
    expect(rs.getCell("A9").value).toBe("Indeks / Index");
    const idx = rs.getCell("D9").value as ExcelJS.CellFormulaValue;
    expect(idx.formula).toMatch(/^IF\(COUNT\(D\d+:D\d+\)<47,"–",INT\(\(200\*SUMPRODUCT\(/);
    expect([idx.result, (rs.getCell("E9").value as ExcelJS.CellFormulaValue).result]).toEqual([3.75, 3.19]);
    expect((rs.getCell("E10").value as ExcelJS.CellFormulaValue).result).toBe("Baik");
    // no function Excel 2016 or LibreOffice lacks
    const formulas = plan.cells.filter((c) => c.formula).map((c) => c.formula!);
    for (const f of formulas)
      expect(f).not.toMatch(/\b(LET|LAMBDA|XLOOKUP|FILTER|SEQUENCE|UNIQUE|IFS|SWITCH|CONCAT|TEXTJOIN)\(/);
  });

  test("data validation and conditional formats sit on the level cells only", async () => {
    const { wb, plan } = await applyOnce(T.standardSpbe());
    const ws = wb.getWorksheet("Kertas Kerja")!;
    expect(plan.validations.map((v) => v.ranges.length)).toEqual([8, 8]);
    const dv = ws.getCell("E7").dataValidation;
    expect(dv).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [1, 5],
      showErrorMessage: true,
      errorStyle: "stop",
    });
    expect(dv.prompt).toMatch(/bilangan bulat 1–5.*whole number 1–5/);
    // a domain heading row gets no validation
    expect(ws.getCell("E5").dataValidation).toBeUndefined();
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(cfs).toHaveLength(4);
    expect(cfs.find((c) => c.rules[0].formulae[0].includes("IndeksSPBE_Ambang"))!.ref).toMatch(/^D7:D16 D19:D22 /);
    expect(wb.definedNames.getRanges("IndeksSPBE_Ambang").ranges).toEqual(["'Indeks SPBE'!$B$6"]);
  });

  test("applying twice changes nothing", async () => {
    const first = await applyOnce(T.standardSpbe());
    const second = await applyOnce(first.wb);
    expect(snapshot(second.wb)).toEqual(snapshot(first.wb));
    expect(second.plan.skipped).toEqual([]);
  });

  test("the template's empty result cells are filled, a person's entry is never overwritten", async () => {
    const { wb } = await applyOnce(T.standardSpbe());
    const cover = wb.getWorksheet("Sampul")!;
    expect(cover.getCell("C6").value).toMatchObject({ formula: "'Indeks SPBE'!E9", result: 3.19 });
    expect(cover.getCell("C7").value).toMatchObject({ formula: "'Indeks SPBE'!E10", result: "Baik" });
    const sheet = wb.getWorksheet("Kertas Kerja")!;
    expect(sheet.getCell("D65").value).toMatchObject({ formula: "'Indeks SPBE'!D9", result: 3.75 });

    const typed = await applyOnce(T.personTypedResult());
    expect(typed.wb.getWorksheet("Sampul")!.getCell("C6").value).toBe("3,19 (hitungan manual)");
    expect(typed.plan.skipped.map((s) => s.cell)).toEqual(["C6"]);
  });

  test("only cells the tool owns or that were empty change", async () => {
    const before = workbookGrid(T.standardSpbe());
    const { wb } = await applyOnce(T.standardSpbe());
    const after = workbookGrid(wb);
    for (const s of before.sheets) {
      const a = after.sheets.find((x) => x.name === s.name)!;
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) expect([s.name, r, c, a.values[r][c]]).toEqual([s.name, r, c, v]);
        }),
      );
    }
  });

  test("settings stored in the results sheet come back on the next reading", async () => {
    const { wb } = await applyOnce(T.standardSpbe(), { levelColumns: ["E"], threshold: 4 });
    const again = analyze(workbookGrid(wb), FRAMEWORKS);
    expect(again.tables[0].layout.levelColumns.map((c) => c.letter)).toEqual(["E"]);
    expect(again.tables[0].threshold).toBe(4);
    expect(again.tables.map((t) => t.layout.sheet)).toEqual(["Kertas Kerja"]);
  });

  test("Pemdi: one level of grouping, decimal validation, the status note", async () => {
    const { wb, plan } = await applyOnce(T.pemdiAceh());
    const rs = wb.getWorksheet("Indeks Pemerintah Digital")!;
    expect(String(rs.getCell("A2").value)).toMatch(/sumber sekunder .* tereproduksi sampai digit terakhir/);
    expect((rs.getCell("D9").value as ExcelJS.CellFormulaValue).result).toBe(1.24);
    expect((rs.getCell("D10").value as ExcelJS.CellFormulaValue).result).toBe("Kurang (Merintis)");
    expect(plan.validations[0].type).toBe("decimal");
    expect(plan.cells.some((c) => String(c.value).startsWith("Domain"))).toBe(false);
  });

  test("native charts are planned on the results sheet, fed by its own formula cells", async () => {
    const { plan } = await applyOnce(T.standardSpbe());
    expect(plan.charts.map((c) => [c.name, c.categories, c.series.map((x) => x.values)])).toEqual([
      ["IndeksSPBE_Domain", "B14:B17", ["D14:D17", "E14:E17"]],
      ["IndeksSPBE_Aspek", "B20:B27", ["D20:D27", "E20:E27"]],
    ]);
    const pemdi = await applyOnce(T.pemdiAceh());
    expect(pemdi.plan.charts.map((c) => c.name)).toEqual(["IndeksPemerintahDigital_Aspek"]);
  });

  test("a target index set in the results sheet is kept and read back", async () => {
    const { wb } = await applyOnce(T.standardSpbe(), { target: 3.7 });
    expect(wb.getWorksheet("Indeks SPBE")!.getCell("B7").value).toBe(3.7);
    const again = await applyOnce(wb);
    expect(again.analysis.tables[0].target).toBe(3.7);
    expect(again.wb.getWorksheet("Indeks SPBE")!.getCell("B7").value).toBe(3.7);
  });
});
