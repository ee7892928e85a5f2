/** Zip bombs for the tests and the bench: one that is honest about its size, one that lies. */
import { strToU8, zipSync } from "fflate";

/** A package whose sheet part is `bytes` of zeros, compressed about 1000:1. */
export function ratioBomb(bytes: number): Uint8Array {
  return zipSync(
    { "[Content_Types].xml": strToU8("<Types/>"), "xl/worksheets/sheet1.xml": new Uint8Array(bytes) },
    { level: 1 },
  );
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A workbook whose one sheet is `bytes` of well-formed XML (a worksheet padded with
 * spaces), its uncompressed size written as `declared` in every header: the lie shows only
 * while the sheet is inflated.
 */
export function lyingBomb(bytes: number, declared: number): Uint8Array {
  const head = strToU8(`<worksheet xmlns="${NS}"><sheetData>`);
  const tail = strToU8(`</sheetData></worksheet>`);
  const sheet = new Uint8Array(bytes).fill(0x20);
  sheet.set(head, 0);
  sheet.set(tail, bytes - tail.length);
  const zip = zipSync(
    {
      "[Content_Types].xml": strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      "_rels/.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": strToU8(
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Lembar" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": sheet,
    },
    { level: 1 },
  );
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint32(i + 22, true) === bytes) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50 && view.getUint32(i + 24, true) === bytes) view.setUint32(i + 24, declared, true);
  }
  return zip;
}
