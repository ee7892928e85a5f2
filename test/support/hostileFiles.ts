/**
 * Hostile and strange workbooks, each made from the sample workbook (Kota Contoh 2021:
 * column E, the assessor's, scores 3.19) by one change, beside what Excel or LibreOffice
 * does with the same file and what the command line must do: refuse it with a message
 * naming the part, or read it as those programs read it. The unit tests run every one;
 * the end-to-end test opens the readable ones in LibreOffice.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const SAMPLE = path.join(__dirname, "../../examples/kota-contoh-2021.xlsx");
const SHEET = "xl/worksheets/sheet2.xml";

export interface HostileFile {
  name: string;
  /** what was changed */
  change: string;
  /** what Excel or LibreOffice does with it */
  others: string;
  /**
   * E7 as LibreOffice 7.4 reads it (opened headless and saved again; checked by
   * test/e2e/hostileFiles.test.ts): null for an empty cell, "empty sheet" when it reads
   * the indicator sheet as empty; absent where it was not checked
   */
  libreOfficeE7?: number | null | "empty sheet";
  build(): Uint8Array;
  /** the command line refuses it, saying this; or reads it, scoring column E so (null: no index) */
  expect: { refused: RegExp } | { indexE: number | null; cell?: string };
}

function parts(): Record<string, Uint8Array> {
  return unzipSync(fs.readFileSync(SAMPLE));
}

/** The sample with the indicator sheet's text changed. */
function withSheet(edit: (xml: string) => string, more: (p: Record<string, Uint8Array>) => void = () => {}) {
  const p = parts();
  p[SHEET] = strToU8(edit(strFromU8(p[SHEET])));
  more(p);
  return zipSync(p);
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the sample: ${from}`);
  return text.replace(from, to);
}

const E7 = `<c r="E7"><v>4</v></c>`;
const rowsAfterTable = (xml: string, rows: string) => replaceOnce(xml, "</sheetData>", `${rows}</sheetData>`);

/** Offsets of the zip's end record and central directory. */
function directory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  return { view, eocd, cd: view.getUint32(eocd + 16, true) };
}

/** A second local entry for the sheet (E7 = 1), placed before the central directory, which does not list it. */
function strayLocalEntry(): Uint8Array {
  const zip = zipSync(parts());
  const stray = zipSync({ [SHEET]: strToU8(replaceOnce(strFromU8(parts()[SHEET]), E7, `<c r="E7"><v>1</v></c>`)) });
  const local = stray.subarray(0, directory(stray).cd);
  const { cd } = directory(zip);
  const out = new Uint8Array(zip.length + local.length);
  out.set(zip.subarray(0, cd), 0);
  out.set(local, cd);
  out.set(zip.subarray(cd), cd + local.length);
  const d = directory(out);
  d.view.setUint32(d.eocd + 16, cd + local.length, true);
  return out;
}

/** The sheet's checksum in the central directory changed by one bit. */
function badChecksum(): Uint8Array {
  const zip = zipSync(parts());
  const { view, cd } = directory(zip);
  for (let at = cd; view.getUint32(at, true) === 0x02014b50;) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    if (name === SHEET) view.setUint32(at + 16, view.getUint32(at + 16, true) ^ 1, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

function utf16(text: string): Uint8Array {
  const body = Buffer.from(replaceOnce(text, 'encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

const damaged = (part: string, en: string) =>
  new RegExp(`corrupt \\.xlsx: the part ${part.replace(/[.[\]]/g, "\\$&")} ${en}`);

export const HOSTILE_FILES: HostileFile[] = [
  {
    name: "baris-4294967295.xlsx",
    change: 'a row r="4294967295" after the table',
    others: "Excel stops at row 1,048,576 and repairs the file; LibreOffice drops the row and opens the rest",
    libreOfficeE7: 4,
    build: () => withSheet((x) => rowsAfterTable(x, `<row r="4294967295"><c><v>1</v></c></row>`)),
    expect: { refused: damaged(SHEET, "has a row 4,294,967,295, past Excel's last row") },
  },
  {
    name: "baris-30000000.xlsx",
    change: 'a row r="30000000" after the table',
    others: "past Excel's grid, as above; LibreOffice drops the row",
    libreOfficeE7: 4,
    build: () => withSheet((x) => rowsAfterTable(x, `<row r="30000000"><c><v>1</v></c></row>`)),
    expect: { refused: damaged(SHEET, "has a row 30,000,000, past Excel's last row") },
  },
  {
    name: "kolom-XFE.xlsx",
    change: "a cell XFE67, one column past XFD",
    others: "Excel's last column is XFD, a cell past it is unreadable content; LibreOffice drops the cell",
    libreOfficeE7: 4,
    build: () => withSheet((x) => rowsAfterTable(x, `<row r="67"><c r="XFE67"><v>1</v></c></row>`)),
    expect: { refused: damaged(SHEET, "has a cell in column 16,385, past Excel's last column") },
  },
  {
    name: "gabungan-6000.xlsx",
    change: "6,000 merged areas A{n}:XFD1048576, each over all the others",
    others: "Excel removes overlapping merges as unreadable content",
    build: () =>
      withSheet((x) =>
        replaceOnce(
          x,
          "</sheetData>",
          `</sheetData><mergeCells count="6000">${Array.from({ length: 6000 }, (_, n) => `<mergeCell ref="A${n + 1}:XFD1048576"/>`).join("")}</mergeCells>`,
        ),
      ),
    expect: { refused: damaged(SHEET, "has merged areas that overlap") },
  },
  {
    name: "lembar-2000.xlsx",
    change: "2,000 sheet entries in the workbook part, all naming the indicator sheet's part",
    others: "Excel refuses a part shared by two sheets as unreadable content",
    build: () => {
      const p = parts();
      const wb = strFromU8(p["xl/workbook.xml"]);
      const rels = strFromU8(p["xl/_rels/workbook.xml.rels"]);
      const rel = /<Relationship [^>]*Target="[^"]*sheet2\.xml"[^>]*\/>/.exec(rels)![0];
      const id = /Id="([^"]+)"/.exec(rel)![1];
      const entries = Array.from(
        { length: 2000 },
        (_, n) => `<sheet name="Salinan ${n}" sheetId="${100 + n}" r:id="${id}"/>`,
      ).join("");
      p["xl/workbook.xml"] = strToU8(replaceOnce(wb, "</sheets>", `${entries}</sheets>`));
      return zipSync(p);
    },
    expect: { refused: damaged("xl/workbook.xml", "names the part xl/worksheets/sheet2.xml for two sheets") },
  },
  {
    name: "entri-lokal-liar.xlsx",
    change: "a second local zip entry for the sheet (E7 = 1), absent from the central directory",
    others: "Excel and LibreOffice read the parts the central directory lists: E7 = 4",
    libreOfficeE7: 4,
    build: strayLocalEntry,
    expect: { indexE: 3.19 },
  },
  {
    name: "v-asing.xlsx",
    change: "E7 holds a second <v> in a foreign namespace (value 1)",
    others: "Excel and LibreOffice take only SpreadsheetML's <v>: E7 = 4",
    libreOfficeE7: 4,
    build: () => withSheet((x) => replaceOnce(x, E7, `<c r="E7"><v>4</v><x:v xmlns:x="urn:lain">1</x:v></c>`)),
    expect: { indexE: 3.19 },
  },
  {
    name: "v-extlst.xlsx",
    change: "E7 holds a <v> (value 1) inside its extLst",
    others: "an extension is read only by the program that knows it: E7 = 4",
    libreOfficeE7: 4,
    build: () =>
      withSheet((x) => replaceOnce(x, E7, `<c r="E7"><v>4</v><extLst><ext uri="{0}"><v>1</v></ext></extLst></c>`)),
    expect: { indexE: 3.19 },
  },
  {
    name: "v-heksadesimal.xlsx",
    change: "E7 is <v>0x4</v>",
    others: "not an XML Schema number: Excel reports unreadable content; LibreOffice silently reads 0",
    libreOfficeE7: 0,
    build: () => withSheet((x) => replaceOnce(x, E7, `<c r="E7"><v>0x4</v></c>`)),
    expect: { indexE: null, cell: "E7" },
  },
  {
    name: "v-biner.xlsx",
    change: "E7 is <v>0b100</v>",
    others: "not an XML Schema number; LibreOffice silently reads 0",
    libreOfficeE7: 0,
    build: () => withSheet((x) => replaceOnce(x, E7, `<c r="E7"><v>0b100</v></c>`)),
    expect: { indexE: null, cell: "E7" },
  },
  {
    name: "v-infinity.xlsx",
    change: "E7 is <v>Infinity</v>",
    others: "not an XML Schema number (which writes INF); LibreOffice silently reads 0",
    libreOfficeE7: 0,
    build: () => withSheet((x) => replaceOnce(x, E7, `<c r="E7"><v>Infinity</v></c>`)),
    expect: { indexE: null, cell: "E7" },
  },
  {
    name: "tipe-zz.xlsx",
    change: 'E7 has the cell type t="zz"',
    others: "not a cell type of the schema: Excel reports unreadable content; LibreOffice shows an empty cell",
    libreOfficeE7: null,
    build: () => withSheet((x) => replaceOnce(x, E7, `<c r="E7" t="zz"><v>4</v></c>`)),
    expect: { indexE: null, cell: "E7" },
  },
  {
    name: "crc-salah.xlsx",
    change: "the sheet's CRC-32 in the central directory differs from its data",
    others: "Excel reports the file as damaged and offers to repair it; LibreOffice silently shows the sheet empty",
    libreOfficeE7: "empty sheet",
    build: badChecksum,
    expect: { refused: damaged(SHEET, "is damaged") },
  },
  {
    name: "cdata.xlsx",
    change: "every shared string and E7's value written as CDATA sections",
    others: "CDATA is XML text: Excel and LibreOffice read the same strings",
    libreOfficeE7: 4,
    build: () => {
      const p = parts();
      const sst = strFromU8(p["xl/sharedStrings.xml"]);
      p["xl/sharedStrings.xml"] = strToU8(sst.replace(/<t>([^<]*)<\/t>/g, "<t><![CDATA[$1]]></t>"));
      p[SHEET] = strToU8(replaceOnce(strFromU8(p[SHEET]), E7, `<c r="E7"><v><![CDATA[4]]></v></c>`));
      return zipSync(p);
    },
    expect: { indexE: 3.19 },
  },
  {
    name: "utf16.xlsx",
    change: "the indicator sheet and shared strings in UTF-16 with a byte-order mark",
    others: "package parts may be UTF-8 or UTF-16: Excel and LibreOffice read it",
    libreOfficeE7: 4,
    build: () => {
      const p = parts();
      p[SHEET] = utf16(strFromU8(p[SHEET]));
      p["xl/sharedStrings.xml"] = utf16(strFromU8(p["xl/sharedStrings.xml"]));
      return zipSync(p);
    },
    expect: { indexE: 3.19 },
  },
  {
    name: "content-types-rusak.xlsx",
    change: "[Content_Types].xml with text after its root element",
    others: "Excel cannot open the package; LibreOffice opens it regardless",
    libreOfficeE7: 4,
    build: () => {
      const p = parts();
      p["[Content_Types].xml"] = strToU8(strFromU8(p["[Content_Types].xml"]) + "sisa");
      return zipSync(p);
    },
    expect: { refused: damaged("[Content_Types].xml", "is not valid XML") },
  },
];

/** Styles that are not XML: nothing to the reading, damage to a writer that must add to them. */
export function brokenStyles(): Uint8Array {
  const p = parts();
  p["xl/styles.xml"] = strToU8(strFromU8(p["xl/styles.xml"]) + "<sisa/>");
  return zipSync(p);
}
