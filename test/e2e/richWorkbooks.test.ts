/**
 * Workbooks written by openpyxl and LibreOffice, with comments, charts, tables, names,
 * print settings, validation of their own, protection and macros: the command line
 * scores and writes them, and LibreOffice, recalculating every formula, gets exactly
 * the core's numbers.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { cellAt, parseA1 } from "../../src/core/grid";
import { buildWritePlan } from "../../src/core/writePlan";
import { FRAMEWORKS } from "../../src/frameworks";
import { packageGrid, readWorkbook } from "../../src/xlsx/readWorkbook";
import { children, parseXml } from "../../src/xlsx/xml";
import { openPackage, partText } from "../../src/xlsx/zipPackage";
import { cli } from "../support/cli";
import { makeProfile, recalculate } from "./support/libreoffice";

const RICH = path.join(__dirname, "../fixtures/xlsx/rich");
let dir: string;
let profile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-rich-"));
  profile = makeProfile();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

const digits15 = (x: unknown) => (typeof x === "number" ? Number(x.toPrecision(15)) : x);

// The .xlsm carries stand-in bytes for its macro project, which LibreOffice will not load;
// the unit tests check those bytes come back unchanged.
test.each(fs.readdirSync(RICH).filter((f) => !f.includes("struktur") && !f.endsWith(".xlsm")))(
  "%s: written, then recalculated by LibreOffice to the core's values, its print setup kept",
  async (name) => {
    const input = path.join(RICH, name);
    const output = path.join(dir, name);
    const r = await cli("score", input, "--write", output);
    expect(r.code).toBeLessThan(2);
    // openpyxl saves formulas without values; what the core expects is taken from the input
    // as LibreOffice calculates it.
    const grid = await readWorkbook(recalculate(input, fs.mkdtempSync(path.join(dir, "in-")), profile));
    const plan = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
    const saved = recalculate(output, fs.mkdtempSync(path.join(dir, "lo-")), profile);
    const recalculated = await readWorkbook(saved);
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const c of plan.cells.filter((x) => x.formula && plan.sheets.includes(x.sheet))) {
      const at = parseA1(c.address)!;
      const sheet = recalculated.sheets.find((s) => s.name === c.sheet)!;
      got[`${c.sheet}!${c.address}`] = digits15(cellAt(sheet, at.row, at.col));
      want[`${c.sheet}!${c.address}`] = digits15(c.result);
    }
    expect(Object.keys(want).length).toBeGreaterThan(20);
    expect(got).toEqual(want);
    // LibreOffice understood the results sheet's print setup and saves it again.
    const pkg = openPackage(fs.readFileSync(saved));
    const { parts } = packageGrid(pkg);
    const results = plan.printSetups[0];
    const part = parts.sheets.find((s) => s.name === results.sheet)!.part;
    const page = children(parseXml(partText(pkg, part)!, { descend: (p) => p.length < 3 }), "pageSetup")[0];
    expect(page.attrs).toMatchObject({ orientation: "landscape", fitToWidth: "1", fitToHeight: "0" });
    const names = parseXml(partText(pkg, parts.workbookPart)!, {
      descend: () => true,
      keepText: (n) => n.local === "definedName",
    });
    const titles = children(children(names, "definedNames")[0], "definedName")
      .filter((d) => d.attrs.name === "_xlnm.Print_Titles")
      .map((d) => d.text);
    expect(titles).toContain(`'${results.sheet}'!${results.titleRows}`);
  },
);
