/**
 * The patching writer, part by part: on workbooks written by ExcelJS, openpyxl and
 * LibreOffice, every part the plan does not own comes back byte for byte, and inside
 * the parts it edits every element it does not own keeps its exact text.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { analyze } from "../../../src/core/analyze";
import { buildWritePlan, WritePlan } from "../../../src/core/writePlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { packageGrid } from "../../../src/xlsx/readWorkbook";
import { writeWorkbook, WriteRefused } from "../../../src/xlsx/writeWorkbook";
import { EMPTY_STYLES, StyleSheet } from "../../../src/xlsx/styles";
import { patchWorksheet, WORKSHEET_ORDER } from "../../../src/xlsx/worksheet";
import { children, parseXml, XmlNode } from "../../../src/xlsx/xml";
import { openPackage, Package } from "../../../src/xlsx/zipPackage";

const DIR = path.join(__dirname, "../../fixtures/xlsx");
const EXCELJS = [
  "standar-dua-kolom.xlsx",
  "dua-kerangka.xlsx",
  "pemdi-aceh-tengah.xlsx",
  "isian-manual.xlsx",
  "nama-saja-judul-dua-baris.xlsx",
];
const RICH = fs.readdirSync(path.join(DIR, "rich")).filter((f) => !f.includes("struktur"));
const CORPUS = [...EXCELJS.map((f) => path.join(DIR, f)), ...RICH.map((f) => path.join(DIR, "rich", f))];

function write(data: Uint8Array) {
  const pkg = openPackage(data);
  const { grid, parts } = packageGrid(pkg);
  const plan = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
  const before = openPackage(data);
  const result = writeWorkbook(pkg, parts, plan);
  return { before, after: openPackage(result.data), result, plan, parts };
}

const text = (pkg: Package, name: string) => strFromU8(pkg.parts.get(name)!);
const raw = (src: string, n: XmlNode) => src.slice(n.start, n.end);
/** Each element of `list` appears in `among`, in the same order. */
function inOrder(list: string[], among: string[]) {
  let at = 0;
  for (const x of list) {
    const k = among.indexOf(x, at);
    expect({ missing: x, found: k >= 0 }).toEqual({ missing: x, found: true });
    at = k + 1;
  }
}

/** A list in the styles part (fonts, cellXfs, …), whose entries are compared one by one. */
const container = (c: XmlNode) => c.children.length > 0 || c.local.endsWith("s");

const OWNED_IN_SHEET = new Set([
  "sheetData",
  "cols",
  "conditionalFormatting",
  "dataValidations",
  "sheetPr",
  "pageSetup",
]);

function compareSheet(before: string, after: string, plan: WritePlan, sheet: string) {
  const deep = {
    descend: (p: XmlNode[]) => p.length < 2 || p[1].local === "sheetData" || p[1].local === "dataValidations",
  };
  const a = parseXml(before, deep);
  const b = parseXml(after, deep);
  // Elements we do not own: the same text, in the same order.
  inOrder(
    a.children.filter((c) => !OWNED_IN_SHEET.has(c.local)).map((c) => raw(before, c)),
    b.children.map((c) => raw(after, c)),
  );
  // Cells we do not write: the same text.
  const ours = new Set(plan.cells.filter((c) => c.sheet === sheet).map((c) => c.address));
  const cells = (src: string, root: XmlNode) => {
    const m = new Map<string, string>();
    for (const sd of children(root, "sheetData"))
      for (const r of children(sd, "row")) for (const c of children(r, "c")) m.set(c.attrs.r, raw(src, c));
    return m;
  };
  const ca = cells(before, a);
  const cb = cells(after, b);
  for (const [address, xml] of ca) if (!ours.has(address)) expect([address, cb.get(address)]).toEqual([address, xml]);
  // Validation of their own: the same, but for the cells the plan validates.
  const dvs = (src: string, root: XmlNode) =>
    children(root, "dataValidations").flatMap((d) => children(d, "dataValidation"));
  const ownTitles = new Set(plan.validations.map((v) => v.errorTitle));
  const theirsAfter = dvs(after, b).filter((d) => !ownTitles.has(d.attrs.errorTitle));
  for (const d of dvs(before, a).filter((x) => !ownTitles.has(x.attrs.errorTitle))) {
    const same = theirsAfter.find(
      (x) => before.slice(d.openEnd, d.end) === after.slice(x.openEnd, x.end) && x.attrs.type === d.attrs.type,
    );
    expect(same).toBeDefined();
  }
}

describe.each(CORPUS)("%s", (file) => {
  const data = fs.readFileSync(file);

  test("untouched parts are byte for byte; edited parts keep everything not ours", () => {
    const { before, after, result, plan, parts } = write(data);
    const own = new Set([...plan.sheets, ...plan.cells.map((c) => c.sheet), ...plan.validations.map((v) => v.sheet)]);
    const ownParts = new Set(parts.sheets.filter((s) => own.has(s.name)).map((s) => s.part));
    for (const name of before.order) {
      if (!result.changedParts.includes(name))
        expect([
          name,
          Buffer.compare(Buffer.from(before.parts.get(name)!), Buffer.from(after.parts.get(name)!)),
        ]).toEqual([name, 0]);
    }
    for (const name of result.changedParts) {
      const allowed =
        ownParts.has(name) ||
        name === parts.workbookPart ||
        name === "[Content_Types].xml" ||
        name.endsWith("workbook.xml.rels") ||
        name.endsWith("styles.xml") ||
        !before.parts.has(name);
      expect([name, allowed]).toEqual([name, true]);
    }
    for (const s of parts.sheets) {
      if (result.changedParts.includes(s.part)) compareSheet(text(before, s.part), text(after, s.part), plan, s.name);
    }
    // Workbook: its other elements, its sheets and names of its own stay as written.
    const wbA = text(before, parts.workbookPart);
    const wbB = text(after, parts.workbookPart);
    const deep = {
      descend: (p: XmlNode[]) => p.length < 2 || (p.length === 2 && ["sheets", "definedNames"].includes(p[1].local)),
      keepText: (n: XmlNode) => n.local === "definedName",
    };
    const a = parseXml(wbA, deep);
    const b = parseXml(wbB, deep);
    const flat = (src: string, root: XmlNode) =>
      root.children.flatMap((c) =>
        ["sheets", "definedNames", "calcPr"].includes(c.local) ? c.children.map((x) => raw(src, x)) : [raw(src, c)],
      );
    const ourNames = new Set([...plan.names.map((n) => n.name), "_xlnm.Print_Titles"]);
    const keep = a.children.flatMap((c) =>
      c.local === "calcPr"
        ? []
        : ["sheets", "definedNames"].includes(c.local)
          ? c.children.filter((x) => !ourNames.has(x.attrs.name)).map((x) => raw(wbA, x))
          : [raw(wbA, c)],
    );
    inOrder(keep, flat(wbB, b));
    // Styles, content types and relationships only grow at their ends.
    for (const name of result.changedParts.filter(
      (n) => n.endsWith(".rels") || n === "[Content_Types].xml" || n.endsWith("styles.xml"),
    )) {
      if (!before.parts.has(name)) continue;
      const sa = text(before, name);
      const sb = text(after, name);
      const depth = { descend: (p: XmlNode[]) => p.length < 3 };
      const ra = parseXml(sa, depth);
      const rb = parseXml(sb, depth);
      inOrder(
        ra.children.flatMap((c) => (container(c) ? c.children.map((x) => raw(sa, x)) : [raw(sa, c)])),
        rb.children.flatMap((c) => (container(c) ? c.children.map((x) => raw(sb, x)) : [raw(sb, c)])),
      );
    }
  });

  test("the second write changes nothing", () => {
    const first = write(data).result.data;
    const second = write(first);
    for (const name of second.before.order)
      expect([name, strFromU8(second.after.parts.get(name)!) === strFromU8(second.before.parts.get(name)!)]).toEqual([
        name,
        true,
      ]);
    expect(second.after.order.sort()).toEqual(second.before.order.sort());
  });

  test("every sheet written, the new results sheet too, has its elements in the schema's order", () => {
    const { after } = write(data);
    for (const s of packageGrid(after).parts.sheets) {
      const ranks = parseXml(text(after, s.part), { descend: (p) => p.length < 2 }).children.map((c) =>
        WORKSHEET_ORDER.indexOf(c.local),
      );
      expect([s.name, ranks]).toEqual([s.name, [...ranks].sort((a, b) => a - b)]);
    }
  });

  test("element order follows the schema: highlights before validation, extensions last", () => {
    const { after, parts, plan } = write(data);
    for (const s of parts.sheets.filter((x) => plan.validations.some((v) => v.sheet === x.name))) {
      const names = parseXml(text(after, s.part), { descend: (p) => p.length < 2 }).children.map((c) => c.local);
      const lastCf = names.lastIndexOf("conditionalFormatting");
      expect(lastCf).toBeLessThan(names.indexOf("dataValidations"));
      if (names.includes("extLst")) expect(names[names.length - 1]).toBe("extLst");
      expect(names.filter((n) => n === "dataValidations")).toHaveLength(1);
    }
  });
});

describe("what a workbook's owner set stays as it was", () => {
  const rich = (f: string) => fs.readFileSync(path.join(DIR, "rich", f));

  test("a macro-enabled workbook stays one: the macro project and its content type", () => {
    const { before, after } = write(rich("openpyxl-makro.xlsm"));
    expect(
      Buffer.compare(
        Buffer.from(after.parts.get("xl/vbaProject.bin")!),
        Buffer.from(before.parts.get("xl/vbaProject.bin")!),
      ),
    ).toBe(0);
    expect(text(after, "[Content_Types].xml")).toContain("sheet.macroEnabled.main+xml");
  });

  test.each(["openpyxl-sampul-terlindung.xlsx", "libreoffice-sampul-terlindung.xlsx"])(
    "%s: nothing is written into a protected sheet, and it says so",
    (f) => {
      const { before, after, result, parts } = write(rich(f));
      const cover = parts.sheets.find((s) => s.name === "Sampul")!.part;
      expect(text(after, cover)).toBe(text(before, cover));
      expect(result.notes.map((n) => n.en).join()).toMatch(/Sheet "Sampul" is protected; nothing was written/);
    },
  );

  test("a workbook whose structure is protected gets no new sheet: a clear refusal", () => {
    expect(() => write(rich("openpyxl-struktur-terlindung.xlsx"))).toThrow(WriteRefused);
    expect(() => write(rich("openpyxl-struktur-terlindung.xlsx"))).toThrow(/structure is protected/);
  });

  test("names of their own, sheet-scoped names and the print area stay as written", () => {
    const { after, parts } = write(rich("openpyxl-kaya.xlsx"));
    const wb = text(after, parts.workbookPart);
    expect(wb).toContain(">3.5<");
    expect(wb).toContain("COUNTA('Kertas Kerja'!$F$1:$F$200)");
    expect(wb.split('name="Catatan"')).toHaveLength(3);
    expect(wb).toContain("'Kertas Kerja'!$A$1:$G$66");
  });

  test("the results sheet prints landscape, one page wide, its header row on every page", () => {
    const { after, parts, plan } = write(rich("openpyxl-kaya.xlsx"));
    const wb = parseXml(text(after, parts.workbookPart), {
      descend: (p) => p.length < 4,
      keepText: (n) => n.local === "definedName",
    });
    const sheets = children(children(wb, "sheets")[0], "sheet").map((s) => s.attrs.name);
    const titles = children(children(wb, "definedNames")[0], "definedName").filter(
      (d) => d.attrs.name === "_xlnm.Print_Titles",
    );
    const results = plan.printSetups[0];
    expect(titles.find((t) => t.attrs.localSheetId === String(sheets.indexOf(results.sheet)))?.text).toBe(
      `'${results.sheet}'!${results.titleRows}`,
    );
    const part = packageGrid(after).parts.sheets.find((s) => s.name === results.sheet)!.part;
    const ws = parseXml(text(after, part), { descend: (p) => p.length < 3 });
    expect(children(ws, "pageSetup")[0].attrs).toMatchObject({
      orientation: "landscape",
      fitToWidth: "1",
      fitToHeight: "0",
    });
    expect(children(children(ws, "sheetPr")[0], "pageSetUpPr")[0].attrs.fitToPage).toBe("1");
  });
});

describe("inside a sheet Excel saved", () => {
  const sheet = (inner: string, tail = "") =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>${inner}</sheetData>${tail}</worksheet>`;
  const none = { cells: [], validations: [], conditionalFormats: [], columnWidths: [] };

  test("cells sharing the formula of a cell we overwrite keep their own formulas", () => {
    const text = sheet(
      `<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c></row><row r="4"><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>`,
    );
    const out = patchWorksheet(
      text,
      { ...none, cells: [{ sheet: "S", address: "B2", formula: "=A2*3", result: 3 }] },
      new StyleSheet(EMPTY_STYLES),
    );
    const cells = children(children(parseXml(out.text), "sheetData")[0], "row").map((r) =>
      out.text.slice(r.children[0].start, r.children[0].end),
    );
    expect(cells).toEqual([
      '<c r="B2"><f>A2*3</f><v>3</v></c>',
      '<c r="B3"><f>A3*2</f><v>4</v></c>',
      '<c r="B4"><f>A4*2</f><v>6</v></c>',
    ]);
  });

  test("a list rule Excel keeps in an extension gives up the cells our validation takes", () => {
    const x14 = (ref: string) =>
      `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Daftar!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>${ref}</xm:sqref></x14:dataValidation>`;
    const ext = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="2" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${x14("E7:E10")}${x14("E4:F20")}</x14:dataValidations></ext></extLst>`;
    const validation = {
      sheet: "S",
      ranges: ["E7:E10"],
      type: "whole" as const,
      min: 1,
      max: 5,
      inputTitle: "t",
      inputMessage: "m",
      errorTitle: "e",
      errorMessage: "m",
    };
    const out = patchWorksheet(sheet("", ext), { ...none, validations: [validation] }, new StyleSheet(EMPTY_STYLES));
    const root = parseXml(out.text, { descend: () => true, keepText: (n) => n.local === "sqref" });
    const rules = children(
      children(children(children(root, "extLst")[0], "ext")[0], "dataValidations")[0],
      "dataValidation",
    );
    expect(rules.map((r) => children(r, "sqref")[0].text)).toEqual(["E4:F6 E11:F20 F7:F10"]);
    expect(out.text).toContain('<x14:dataValidations count="1"');
    expect(out.text.indexOf("<dataValidations")).toBeLessThan(out.text.indexOf("<extLst>"));
  });
});
