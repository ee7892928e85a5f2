/**
 * An .xlsx/.xlsm file as an OPC package: its parts by name, in the order the zip held
 * them. Opening checks the zip's own declarations before inflating anything, so a zip
 * bomb is refused from its central directory; saving writes every part back, the
 * untouched ones with exactly the bytes they had.
 */
import { strFromU8, strToU8, Unzip, UnzipInflate, unzipSync, zipSync, Zippable } from "fflate";
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
  if (head !== ZIP && head !== EMPTY_ZIP)
    throw new PackageError(
      "not-zip",
      bi("bukan berkas .xlsx (rusak atau format lain)", "not an .xlsx file (corrupt or another format)"),
    );
  if (data.length > limits.fileBytes) throw tooLarge(`${mib(data.length)} MiB`, `${mib(limits.fileBytes)} MiB`);
  // First the central directory's declarations, before inflating anything.
  const declared = new Map<string, number>();
  let total = 0;
  let problem: PackageError | undefined;
  try {
    unzipSync(data, {
      filter: (f) => {
        if (problem || f.name.endsWith("/")) return false;
        declared.set(f.name, f.originalSize);
        total += f.originalSize;
        if (declared.size > limits.parts) problem = bomb(`${declared.size} bagian`, `${declared.size} parts`);
        else if (f.originalSize > limits.partBytes || total > limits.totalBytes)
          problem = bomb(
            `${f.name} mengembang menjadi ${mib(Math.max(f.originalSize, total))} MiB`,
            `${f.name} expands to ${mib(Math.max(f.originalSize, total))} MiB`,
          );
        else if (f.originalSize > 1024 * 1024 && f.originalSize / Math.max(f.size, 1) > limits.ratio)
          problem = bomb(
            `${f.name} dimampatkan ${Math.round(f.originalSize / Math.max(f.size, 1))}:1`,
            `${f.name} is compressed ${Math.round(f.originalSize / Math.max(f.size, 1))}:1`,
          );
        return false;
      },
    });
  } catch {
    throw corrupt();
  }
  if (problem) throw problem;
  // Then inflate in slices, stopping any part that grows past what the directory declared.
  const parts: Record<string, Uint8Array> = {};
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (file.name.endsWith("/") || problem) return;
    const limit = declared.get(file.name);
    if (limit === undefined) return; // not in the central directory: not part of the package
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (problem) return;
      if (err) {
        problem = corrupt();
        return;
      }
      size += chunk.length;
      if (size > limit) {
        problem = bomb(`${file.name} lebih besar daripada yang dinyatakan`, `${file.name} is larger than it declares`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = concat(chunks, size);
    };
    file.start();
  };
  try {
    const SLICE = 16 * 1024;
    for (let at = 0; at < data.length && !problem; at += SLICE)
      unzip.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch {
    throw corrupt();
  }
  if (problem) throw problem;
  for (const name of declared.keys()) if (!parts[name]) throw corrupt();
  const order = [...declared.keys()];
  const mimetype = parts["mimetype"];
  if (mimetype && strFromU8(mimetype).startsWith("application/vnd.oasis.opendocument")) {
    throw new PackageError(
      "ods",
      bi(
        "berkas OpenDocument (.ods); simpan sebagai .xlsx lalu coba lagi",
        "an OpenDocument file (.ods); save it as .xlsx and try again",
      ),
    );
  }
  if (!parts["[Content_Types].xml"])
    throw new PackageError(
      "not-workbook",
      bi("berkas zip ini bukan buku kerja Excel", "this zip file is not an Excel workbook"),
    );
  return { order, parts: new Map(order.map((n) => [n, parts[n]])) };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function corrupt(): PackageError {
  return new PackageError("corrupt", bi("berkas .xlsx rusak, tidak terbaca", "corrupt .xlsx, cannot be read"));
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

function bomb(id: string, en: string): PackageError {
  return new PackageError(
    "bomb",
    bi(`isi berkas tidak wajar (${id}); berkas ditolak`, `the package is implausible (${en}); refused`),
  );
}

function tooLarge(size: string, limit: string): PackageError {
  return new PackageError(
    "too-large",
    bi(`berkas terlalu besar (${size}, batas ${limit})`, `the file is too large (${size}, limit ${limit})`),
  );
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
