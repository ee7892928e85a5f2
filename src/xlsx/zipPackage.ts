/**
 * An .xlsx/.xlsm file as an OPC package: its parts by name, in the order the zip held
 * them. Opening checks the zip's own declarations before inflating anything, so a zip
 * bomb is refused from its central directory; saving writes every part back, the
 * untouched ones with exactly the bytes they had.
 */
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from "fflate";
import type { Bilingual } from "../core/framework";
import { bi } from "../core/messages";

/** What the command line accepts; stated in the README. */
export const LIMITS = {
  /** the file itself */
  fileBytes: 100 * 1024 * 1024,
  /** all parts together, uncompressed */
  totalBytes: 600 * 1024 * 1024,
  /** one part, uncompressed (V8 strings stop near 512 MiB) */
  partBytes: 400 * 1024 * 1024,
  /** uncompressed ÷ compressed for any part bigger than 1 MiB */
  ratio: 200,
  parts: 10000,
};

export type PackageProblem = "not-zip" | "encrypted" | "ods" | "bomb" | "too-large" | "not-workbook" | "corrupt";

export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.id} / ${bilingual.en}`);
  }
}

export interface Package {
  /** part names as the zip lists them, without a leading "/" */
  order: string[];
  parts: Map<string, Uint8Array>;
}

const ZIP = 0x504b0304;
const EMPTY_ZIP = 0x504b0506;
const OLE = 0xd0cf11e0;

export function openPackage(data: Uint8Array, limits = LIMITS): Package {
  const head = data.length >= 4 ? new DataView(data.buffer, data.byteOffset, 4).getUint32(0) : 0;
  if (head === OLE) {
    throw new PackageError(
      "encrypted",
      bi(
        "berkas terlindung kata sandi atau format .xls lama; buka di Excel, hapus kata sandi / simpan sebagai .xlsx",
        "the file is password-protected or old .xls; open it in Excel, remove the password / save as .xlsx",
      ),
    );
  }
  if (head !== ZIP && head !== EMPTY_ZIP) throw new PackageError("not-zip", bi("bukan berkas .xlsx (rusak atau format lain)", "not an .xlsx file (corrupt or another format)"));
  if (data.length > limits.fileBytes) throw tooLarge(`${mib(data.length)} MiB`, `${mib(limits.fileBytes)} MiB`);
  let total = 0;
  let count = 0;
  let problem: PackageError | undefined;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(data, {
      filter: (f) => {
        if (problem) return false;
        count++;
        total += f.originalSize;
        if (count > limits.parts) problem = bomb(`${count} bagian`, `${count} parts`);
        else if (f.originalSize > limits.partBytes || total > limits.totalBytes)
          problem = bomb(`${f.name} mengembang menjadi ${mib(Math.max(f.originalSize, total))} MiB`, `${f.name} expands to ${mib(Math.max(f.originalSize, total))} MiB`);
        else if (f.originalSize > 1024 * 1024 && f.originalSize / Math.max(f.size, 1) > limits.ratio)
          problem = bomb(`${f.name} dimampatkan ${Math.round(f.originalSize / Math.max(f.size, 1))}:1`, `${f.name} is compressed ${Math.round(f.originalSize / Math.max(f.size, 1))}:1`);
        return !problem;
      },
    });
  } catch {
    throw new PackageError("corrupt", bi("berkas .xlsx rusak, tidak terbaca", "corrupt .xlsx, cannot be read"));
  }
  if (problem) throw problem;
  const order = Object.keys(parts);
  const mimetype = parts["mimetype"];
  if (mimetype && strFromU8(mimetype).startsWith("application/vnd.oasis.opendocument")) {
    throw new PackageError("ods", bi("berkas OpenDocument (.ods); simpan sebagai .xlsx lalu coba lagi", "an OpenDocument file (.ods); save it as .xlsx and try again"));
  }
  if (!parts["[Content_Types].xml"]) throw new PackageError("not-workbook", bi("berkas zip ini bukan buku kerja Excel", "this zip file is not an Excel workbook"));
  return { order, parts: new Map(order.map((n) => [n, parts[n]])) };
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

function bomb(id: string, en: string): PackageError {
  return new PackageError("bomb", bi(`isi berkas tidak wajar (${id}); berkas ditolak`, `the package is implausible (${en}); refused`));
}

function tooLarge(size: string, limit: string): PackageError {
  return new PackageError("too-large", bi(`berkas terlalu besar (${size}, batas ${limit})`, `the file is too large (${size}, limit ${limit})`));
}

export function partText(pkg: Package, name: string): string | undefined {
  const p = pkg.parts.get(name);
  return p && strFromU8(p);
}

export function setPart(pkg: Package, name: string, text: string): void {
  if (!pkg.parts.has(name)) pkg.order.push(name);
  pkg.parts.set(name, strToU8(text));
}

export function removePart(pkg: Package, name: string): void {
  pkg.parts.delete(name);
  pkg.order = pkg.order.filter((n) => n !== name);
}

/** The zip again, "[Content_Types].xml" first as Office writes it, the rest in their order. */
export function savePackage(pkg: Package): Uint8Array {
  const files: Zippable = {};
  const names = ["[Content_Types].xml", ...pkg.order.filter((n) => n !== "[Content_Types].xml")];
  // A fixed time stamp: the same input and plan give the same bytes.
  const mtime = new Date(1980, 0, 1);
  for (const n of names) {
    const data = pkg.parts.get(n);
    if (data) files[n] = [data, { level: data.length < 64 ? 0 : 6, mtime }];
  }
  return zipSync(files);
}
