/**
 * The package reader: the same grid as ExcelJS gave for every fixture, and the shapes
 * other writers produce that ExcelJS misread or refused.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import fc from "fast-check";
import { Area, mergeArea, overlapping, packageGrid, readWorkbook } from "../../../src/xlsx/readWorkbook";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { openPackage, PackageError } from "../../../src/xlsx/zipPackage";

const FIXTURES = path.join(__dirname, "../../fixtures/xlsx");

function trim<T>(a: T[]): T[] {
  while (a.length && (a[a.length - 1] === null || a[a.length - 1] === undefined)) a.pop();
  return a;
}
function rows<T>(m: T[][] | undefined) {
  return trim(
    Array.from(m ?? [], (r) => {
      const t = trim(Array.from(r ?? [], (x) => x ?? null));
      return t.length ? t : null;
    }),
  );
}
const plain = (g: WorkbookGrid) =>
  g.sheets.map((s: SheetGrid) => ({
    name: s.name,
    values: rows(s.values),
    formulas: rows(s.formulas ?? []),
    merges: s.merges,
  }));

/** A minimal package with the given sheet XML (and optional shared strings / styles). */
function pkg(sheetXml: string, extra: { strings?: string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra.workbookPr ?? ""}<x:sheets><x:sheet name="Lembar" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
  };
  if (extra.strings) files["xl/sharedStrings.xml"] = strToU8(extra.strings);
  if (extra.styles) files["xl/styles.xml"] = strToU8(extra.styles);
  return zipSync(files);
}
const sheet = (data: string, tail = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe("readWorkbook", () => {
  test.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx") && f !== "rusak.xlsx"))(
    "%s reads as ExcelJS read it",
    async (name) => {
      const file = path.join(FIXTURES, name);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(plain(await readWorkbook(file))).toEqual(plain(workbookGrid(wb)));
    },
  );

  test("shared strings with rich text and phonetic runs, inline strings, booleans, errors", async () => {
    const g = await readWorkbook(
      pkg(
        sheet(
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>sebaris</t></is></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="s"><v>2</v></c></row>`,
        ),
        {
          strings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Tata Kelola</t></si><si><r><t>Ka</t></r><r><rPr><b/></rPr><t xml:space="preserve">pabilitas </t></r><rPh><t>x</t></rPh></si><si><t></t></si></sst>`,
        },
      ),
    );
    expect(g.sheets[0].values[0]).toEqual(["Tata Kelola", "Kapabilitas ", "sebaris", true, { error: "#N/A" }]);
  });

  test("shared formulas are moved to each cell; a formula without a value says so", async () => {
    const g = await readWorkbook(
      pkg(
        sheet(
          `<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c></row><row r="4"><c r="B4"><f t="shared" si="0"/></c></row>`,
        ),
      ),
    );
    const s = g.sheets[0];
    expect([s.formulas![1][1], s.formulas![2][1], s.formulas![3][1]]).toEqual(["=A2*2", "=A3*2", "=A4*2"]);
    expect([s.values[1][1], s.values[2][1], s.values[3][1]]).toEqual([
      2,
      4,
      { error: "#BELUM-DIHITUNG/NOT-CALCULATED" },
    ]);
  });

  test("rows and cells without positions, dates as the serial numbers formulas see, merged cells", async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const data = `<row><c><v>1</v></c><c s="1"><v>44197</v></c></row><row><c s="2"><v>44198</v></c><c><v>x</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>gabung</t></is></c><c r="B5" t="inlineStr"><is><t>hilang</t></is></c></row>`;
    const g = await readWorkbook(
      pkg(sheet(data, `<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>`), { styles }),
    );
    expect(g.sheets[0].values[0]).toEqual([1, 44197]);
    expect(g.sheets[0].values[1][0]).toBe(44198);
    expect(g.sheets[0].values[4]).toEqual(["gabung"]);
    expect(g.sheets[0].merges).toEqual(["A5:B5"]);
    const g1904 = await readWorkbook(pkg(sheet(data), { styles, workbookPr: `<x:workbookPr date1904="1"/>` }));
    expect(g1904.sheets[0].values[0][1]).toBe(44197);
  });

  test("a workbook part that is missing or not XML is a clear refusal", async () => {
    const broken = pkg("<worksheet><sheetData><row></sheetData>");
    await expect(readWorkbook(broken)).rejects.toThrow(PackageError);
    await expect(readWorkbook(broken)).rejects.toThrow(
      /bagian xl\/worksheets\/sheet1.xml bukan XML yang sah.*the part xl\/worksheets\/sheet1.xml is not valid XML/,
    );
  });
});

test("a workbook beyond the stated number of cells is refused while it is read", () => {
  const data = fs.readFileSync(path.join(FIXTURES, "standar-dua-kolom.xlsx"));
  expect(() => packageGrid(openPackage(data), 100)).toThrow(/lebih dari 100 sel.*more than 100 cells/);
  expect(packageGrid(openPackage(data)).grid.sheets.length).toBeGreaterThan(0);
});

describe("merged areas", () => {
  const rect = fc
    .tuple(fc.nat(12), fc.nat(12), fc.nat(4), fc.nat(4))
    .map(([row, col, h, w]) => ({ a: { row, col }, b: { row: row + h, col: col + w } }));
  const brute = (areas: Area[]) =>
    areas.some((x, i) =>
      areas.some(
        (y, j) => i < j && x.a.row <= y.b.row && y.a.row <= x.b.row && x.a.col <= y.b.col && y.a.col <= x.b.col,
      ),
    );

  test("the sweep finds an overlap exactly when two areas share a cell", () => {
    fc.assert(fc.property(fc.array(rect, { maxLength: 12 }), (areas) => overlapping(areas) === brute(areas)));
    expect(mergeArea("B3:A1")).toEqual({ a: { row: 0, col: 0 }, b: { row: 2, col: 1 } });
  });

  test("more merged areas than a sheet may hold is damage, named by the part", async () => {
    const many = Array.from({ length: 100_001 }, (_, k) => `<mergeCell ref="A${2 * k + 1}:B${2 * k + 2}"/>`).join("");
    await expect(readWorkbook(pkg(sheet("", `<mergeCells>${many}</mergeCells>`)))).rejects.toThrow(
      /xl\/worksheets\/sheet1\.xml has more than 100,000 merged areas/,
    );
  });

  test("a cell reference that is none is damage, named by the part", async () => {
    await expect(readWorkbook(pkg(sheet(`<row r="1"><c r="A0"><v>1</v></c></row>`)))).rejects.toThrow(
      /sheet1\.xml has the cell reference "A0", which is not one/,
    );
  });
});

test("Strict namespaces are SpreadsheetML too; a sheet list in another namespace is none", async () => {
  const transitional = unzipSync(
    pkg(sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c></row>`), {
      strings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Nilai</t></si></sst>`,
    }),
  );
  const rewrite = (from: string, to: string) =>
    zipSync(
      Object.fromEntries(Object.entries(transitional).map(([k, v]) => [k, strToU8(strFromU8(v).split(from).join(to))])),
    );
  const strict = rewrite(
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  );
  const g = await readWorkbook(
    zipSync({
      ...unzipSync(strict),
      "xl/workbook.xml": strToU8(
        strFromU8(unzipSync(strict)["xl/workbook.xml"]).replace(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
      ),
    }),
  );
  expect(g.sheets[0].values[0]).toEqual(["Nilai", 3]);
  const foreign = rewrite("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "urn:lain");
  await expect(readWorkbook(foreign)).rejects.toThrow(/not an Excel workbook/);
});
