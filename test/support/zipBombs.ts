/** Zip bombs for the tests and the bench: one that is honest about its size, one that lies. */
import { strToU8, zipSync } from "fflate";

/** A package whose sheet part is `bytes` of zeros, compressed about 1000:1. */
export function ratioBomb(bytes: number): Uint8Array {
  return zipSync(
    { "[Content_Types].xml": strToU8("<Types/>"), "xl/worksheets/sheet1.xml": new Uint8Array(bytes) },
    { level: 1 },
  );
}

/** The same, with the sheet's uncompressed size written as `declared` in every header. */
export function lyingBomb(bytes: number, declared: number): Uint8Array {
  const zip = ratioBomb(bytes);
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint32(i + 22, true) === bytes) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50 && view.getUint32(i + 24, true) === bytes) view.setUint32(i + 24, declared, true);
  }
  return zip;
}
