/**
 * The plan sheet in a colleague's spreadsheet program: the command line writes it,
 * LibreOffice headless recalculates every formula, and each cell equals what the core
 * computes from the same cells — the planned index the plan promised, and again after
 * another program (openpyxl) changed a planned level and a level on the person's sheet.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analyze";
import { CellValue, parseA1, WorkbookGrid } from "../../src/core/grid";
import { planSheetExpected, planSheetLayout, planSheetValues, readPlanSheet } from "../../src/core/planSheet";
import { runCli } from "../../src/cli/run";
import { FRAMEWORKS } from "../../src/frameworks";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { fileIo } from "../support/cli";
import * as T from "../fixtures/templates";
import { makeProfile, recalculate } from "./support/libreoffice";

let dir: string;
let profile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-plan-lo-"));
  profile = makeProfile();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

/** Cells set by openpyxl, as a colleague's script or another program would: `sheet!A1=value`. */
function openpyxlSet(src: string, dst: string, cells: Record<string, number>): void {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for arg in sys.argv[3:]:
    where, value = arg.rsplit("=", 1)
    sheet, cell = where.rsplit("!", 1)
    wb[sheet][cell] = float(value) if "." in value else int(value)
wb.save(sys.argv[2])
`;
  execFileSync("/usr/bin/python3", ["-c", script, src, dst, ...Object.entries(cells).map(([k, v]) => `${k}=${v}`)], {
    stdio: "pipe",
  });
}

/** Every formula cell of the plan sheet as LibreOffice computed it, against the core from the same cells. */
function mismatches(grid: WorkbookGrid, sheet: string): string[] {
  const t = analyze(grid, FRAMEWORKS).tables[0];
  const read = readPlanSheet(grid, t.framework, sheet);
  if (!read) return [`no plan sheet ${sheet}`];
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const out: string[] = [];
  for (const [address, want] of planSheetExpected(t.framework, planSheetValues(t.framework, read.rows, read.target))) {
    const p = parseA1(address)!;
    const got: CellValue = s.values[p.row]?.[p.col] ?? "";
    // LibreOffice saves numbers with 15 significant digits.
    const same =
      typeof got === "number" && typeof want === "number"
        ? Number(got.toPrecision(15)) === Number(want.toPrecision(15))
        : got === (want ?? "");
    if (!same) out.push(`${address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return out;
}

async function planned(name: string, wb: ExcelJS.Workbook, target: string): Promise<string> {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}.rencana.xlsx`);
  await wb.xlsx.writeFile(input);
  const code = await runCli(["plan", input, "--target", target, "--write", output], fileIo());
  expect(code).toBe(0);
  return output;
}

const recalculated = async (p: string) => readWorkbook(recalculate(p, fs.mkdtempSync(path.join(dir, "lo-")), profile));
const valueAt = (grid: WorkbookGrid, sheet: string, address: string) => {
  const p = parseA1(address)!;
  return grid.sheets.find((x) => x.name === sheet)!.values[p.row]?.[p.col];
};

describe("the plan sheet recalculated by LibreOffice equals the core", () => {
  test("SPBE 2020 to 3.70: the planned index, then a planned level and a level changed by openpyxl", async () => {
    const p = await planned("spbe", T.standardSpbe(), "3.7");
    let grid = await recalculated(p);
    expect(mismatches(grid, "Rencana Target")).toEqual([]);
    expect(valueAt(grid, "Rencana Target", "D8")).toBe(3.19);
    expect(valueAt(grid, "Rencana Target", "E8")).toBe(3.71);
    expect(valueAt(grid, "Rencana Target", "E10")).toBe("Ya / Yes");

    // A colleague lowers one planned raise back (indicator 43: 5 → 2) and types 5 for indicator 1, in the plan
    // sheet; on the worksheet, indicator 2's level goes to 7 (not a level).
    const f = FRAMEWORKS.find((x) => x.id === "spbe-2020")!;
    const row = (id: number) => planSheetLayout(f).indicatorRow.get(id)! + 1;
    const t = analyze(grid, FRAMEWORKS).tables[0];
    const final = t.assessments[1];
    const changed = path.join(dir, "spbe.changed.xlsx");
    openpyxlSet(p, changed, {
      [`Rencana Target!E${row(43)}`]: 2,
      [`Rencana Target!E${row(1)}`]: 5,
    });
    grid = await recalculated(changed);
    expect(mismatches(grid, "Rencana Target")).toEqual([]);
    expect(valueAt(grid, "Rencana Target", "E8")).not.toBe(3.71);
    expect(valueAt(grid, "Rencana Target", `G${row(1)}`)).toBe(1);

    const bad = path.join(dir, "spbe.bad.xlsx");
    openpyxlSet(changed, bad, { [`Kertas Kerja!${final.cells.get(2)}`]: 7 });
    grid = await recalculated(bad);
    expect(mismatches(grid, "Rencana Target")).toEqual([]);
    expect(valueAt(grid, "Rencana Target", "D8")).toBe("–");
    expect(valueAt(grid, "Rencana Target", `D${row(2)}`)).toBe("✗");
  });

  test("Pemdi 2026 to 1.50 (I13 = 7/6 as a formula): decimal planned values round as the core", async () => {
    const p = await planned("pemdi", T.pemdiAceh(), "1.5");
    let grid = await recalculated(p);
    expect(mismatches(grid, "Rencana Target")).toEqual([]);
    expect(valueAt(grid, "Rencana Target", "D8")).toBe(1.24);
    const f = FRAMEWORKS.find((x) => x.id === "pemdi-2026")!;
    const row = (id: number) => planSheetLayout(f).indicatorRow.get(id)! + 1;
    const changed = path.join(dir, "pemdi.changed.xlsx");
    openpyxlSet(p, changed, { [`Rencana Target!E${row(20)}`]: 3.33, [`Rencana Target!E${row(13)}`]: 2.75 });
    grid = await recalculated(changed);
    expect(mismatches(grid, "Rencana Target")).toEqual([]);
  });
});
