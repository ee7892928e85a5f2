/**
 * An .xlsx/.xlsm file as an OPC package: its parts by name, in the order the zip held
 * them. Opening checks the zip's own declarations before inflating anything, so a zip
 * bomb is refused from its central directory; saving writes every part back, the
 * untouched ones with exactly the bytes they had.
 */
import { TextDecoder } from "util";
import * as zlib from "zlib";
import { Inflate, strFromU8, strToU8, zipSync, Zippable } from "fflate";
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

/** One entry of the zip's central directory, the only list of parts Excel trusts. */
interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** offset of the entry's local header */
  offset: number;
}

/**
 * The central directory: every part's name, sizes, checksum and where its data starts.
 * Excel and LibreOffice read a part where the directory points; a local entry the
 * directory does not list (say, a second copy of a sheet appended to the file) is not part
 * of the package.
 */
function centralDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("zip");
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  // Zip64: the real count and offset sit in the zip64 end record its locator points at.
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === 0x07064b50) {
    const end64 = Number(view.getBigUint64(locator + 8, true));
    if (end64 + 56 > data.length || view.getUint32(end64, true) !== 0x06064b50) throw corrupt("zip");
    count = Number(view.getBigUint64(end64 + 32, true));
    at = Number(view.getBigUint64(end64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) throw corrupt("zip");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > data.length) throw corrupt("zip");
    const rawName = data.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? strFromU8(rawName) : String.fromCharCode(...rawName);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let offset = view.getUint32(at + 42, true);
    // Zip64 extra field: the 64-bit values of the fields marked 0xFFFFFFFF, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let f = e + 4;
        const next = () => {
          const v = f + 8 <= e + 4 + length ? Number(view.getBigUint64(f, true)) : NaN;
          f += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + length;
    }
    if (flags & 0x1)
      throw new PackageError(
        "encrypted",
        bi(
          "berkas terlindung kata sandi atau format .xls lama; buka di Excel, hapus kata sandi / simpan sebagai .xlsx",
          "the file is password-protected or old .xls; open it in Excel, remove the password / save as .xlsx",
        ),
      );
    if (![size, compressedSize, offset].every(Number.isFinite)) throw corrupt(name);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      offset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function rawData(data: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (e.offset + 30 > data.length || view.getUint32(e.offset, true) !== 0x04034b50) throw corrupt(e.name);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressedSize > data.length) throw corrupt(e.name);
  return data.subarray(start, start + e.compressedSize);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Node's own CRC-32 (Node 20.15 and later), else the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of the zip format, continued over several chunks. */
function crc32(chunk: Uint8Array, crc = 0): number {
  if (nativeCrc32) return nativeCrc32(chunk, crc);
  let c = ~crc;
  for (let i = 0; i < chunk.length; i++) c = CRC_TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Inflates an entry a slice at a time, handing each piece of the part to `take` until it
 * returns false. A part that grows past the size the directory declares is a zip bomb and
 * stopped there; one that ends short of it, or whose checksum differs, is damaged.
 */
function inflateEntry(data: Uint8Array, e: ZipEntry, take: (chunk: Uint8Array) => boolean): void {
  const raw = rawData(data, e);
  let size = 0;
  let crc = 0;
  let stopped = false;
  let problem: PackageError | undefined;
  let thrown: { e: unknown } | undefined;
  const accept = (chunk: Uint8Array) => {
    if (stopped || problem) return;
    size += chunk.length;
    if (size > e.size) {
      problem = bomb(`${e.name} lebih besar daripada yang dinyatakan`, `${e.name} is larger than it declares`);
      return;
    }
    crc = crc32(chunk, crc);
    try {
      if (!take(chunk)) stopped = true;
    } catch (e) {
      // The reader's own refusal (too many cells, a row past Excel's grid) is not damage to the zip.
      thrown = { e };
      stopped = true;
    }
  };
  const SLICE = 64 * 1024;
  if (e.method === 0) {
    for (let at = 0; at < raw.length && !stopped && !problem; at += SLICE) accept(raw.subarray(at, at + SLICE));
  } else if (e.method === 8) {
    const inflate = new Inflate((chunk) => accept(chunk));
    try {
      for (let at = 0; at < raw.length && !stopped && !problem; at += SLICE)
        inflate.push(raw.subarray(at, at + SLICE), at + SLICE >= raw.length);
    } catch {
      if (!problem && !stopped) problem = corrupt(e.name);
    }
  } else throw corrupt(e.name);
  if (thrown) throw thrown.e;
  if (problem) throw problem;
  if (stopped) return;
  if (size !== e.size || crc !== e.crc) throw corrupt(e.name);
}

/**
 * The parts, inflated when first asked for and then kept. Opening a package inflates
 * nothing, so a reader that needs a few rows of a huge sheet never holds the whole of it.
 */
class Parts extends Map<string, Uint8Array> {
  private readonly pending = new Map<string, ZipEntry>();
  private data: Uint8Array = new Uint8Array(0);

  static of(data: Uint8Array, entries: ZipEntry[]): Parts {
    const p = new Parts();
    p.data = data;
    for (const e of entries) p.pending.set(e.name, e);
    return p;
  }

  entry(name: string): ZipEntry | undefined {
    return this.pending.get(name);
  }

  source(): Uint8Array {
    return this.data;
  }

  override get(name: string): Uint8Array | undefined {
    const kept = super.get(name);
    if (kept !== undefined) return kept;
    const e = this.pending.get(name);
    if (!e) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    inflateEntry(this.data, e, (c) => {
      chunks.push(c);
      size += c.length;
      return true;
    });
    const bytes = concat(chunks, size);
    this.pending.delete(name);
    super.set(name, bytes);
    return bytes;
  }

  override has(name: string): boolean {
    return super.has(name) || this.pending.has(name);
  }

  override set(name: string, bytes: Uint8Array): this {
    this.pending?.delete(name);
    return super.set(name, bytes);
  }

  override delete(name: string): boolean {
    const was = this.pending.delete(name);
    return super.delete(name) || was;
  }
}

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
  // The central directory's declarations, checked before inflating anything.
  const entries = centralDirectory(data).filter((e) => !e.name.endsWith("/"));
  if (entries.length > limits.parts) throw bomb(`${entries.length} bagian`, `${entries.length} parts`);
  const seen = new Set<string>();
  let total = 0;
  for (const f of entries) {
    if (seen.has(f.name)) throw corrupt(f.name, true);
    seen.add(f.name);
    total += f.size;
    if (f.size > limits.partBytes || total > limits.totalBytes)
      throw bomb(
        `${f.name} mengembang menjadi ${mib(Math.max(f.size, total))} MiB`,
        `${f.name} expands to ${mib(Math.max(f.size, total))} MiB`,
      );
    if (f.size > 1024 * 1024 && f.size / Math.max(f.compressedSize, 1) > limits.ratio)
      throw bomb(
        `${f.name} dimampatkan ${Math.round(f.size / Math.max(f.compressedSize, 1))}:1`,
        `${f.name} is compressed ${Math.round(f.size / Math.max(f.compressedSize, 1))}:1`,
      );
    if (f.method !== 0 && f.method !== 8) throw corrupt(f.name);
  }
  const parts = Parts.of(data, entries);
  const mimetype = parts.has("mimetype") && parts.entry("mimetype")!.size < 256 ? parts.get("mimetype") : undefined;
  if (mimetype && strFromU8(mimetype).startsWith("application/vnd.oasis.opendocument")) {
    throw new PackageError(
      "ods",
      bi(
        "berkas OpenDocument (.ods); simpan sebagai .xlsx lalu coba lagi",
        "an OpenDocument file (.ods); save it as .xlsx and try again",
      ),
    );
  }
  if (!parts.has("[Content_Types].xml"))
    throw new PackageError(
      "not-workbook",
      bi("berkas zip ini bukan buku kerja Excel", "this zip file is not an Excel workbook"),
    );
  return { order: entries.map((e) => e.name), parts };
}

/**
 * Streams a part's text to `take` a piece at a time until it returns false, decoding it
 * as its byte-order mark says (package parts are UTF-8 or UTF-16). A part already
 * inflated, or one of a package built in memory, is streamed from its bytes.
 */
export function streamPartText(pkg: Package, name: string, take: (text: string) => boolean): boolean {
  let decoder: TextDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);
  const feed = (chunk: Uint8Array): boolean => {
    if (!decoder) {
      // The encoding is known from the first four bytes.
      head = head.length ? concat([head, chunk], head.length + chunk.length) : chunk;
      if (head.length < 4) return true;
      decoder = new TextDecoder(encodingOf(head), { fatal: true });
      chunk = head;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw corrupt(name);
    }
    return text === "" || take(text);
  };
  const parts = pkg.parts;
  const entry = parts instanceof Parts && !Map.prototype.has.call(parts, name) ? parts.entry(name) : undefined;
  let finished = true;
  if (entry) {
    inflateEntry(parts instanceof Parts ? parts.source() : new Uint8Array(0), entry, (c) => {
      if (feed(c)) return true;
      finished = false;
      return false;
    });
  } else {
    const bytes = parts.get(name);
    if (!bytes) return false;
    for (let at = 0; at < bytes.length && finished; at += 1 << 20) finished = feed(bytes.subarray(at, at + (1 << 20)));
  }
  if (finished) {
    if (!decoder) {
      decoder = new TextDecoder(encodingOf(head), { fatal: true });
      const text = decoder.decode(head, { stream: true });
      if (text) take(text);
    }
    try {
      const rest = decoder.decode();
      if (rest) take(rest);
    } catch {
      throw corrupt(name);
    }
  }
  return true;
}

/** UTF-8 unless a byte-order mark (or the first characters "<?" in UTF-16) says UTF-16. */
function encodingOf(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return "utf-16le";
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return "utf-16be";
  return "utf-8";
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

/** Damage, named by the part where it was found (or the zip's own structure). */
export function corrupt(part: string, twice = false): PackageError {
  return new PackageError(
    "corrupt",
    damage(part, twice ? "muncul dua kali" : "rusak", twice ? "appears twice" : "is damaged"),
  );
}

/**
 * The one shape of every message about a damaged package: the part, and what is wrong
 * with it in words; never a parser's own text.
 */
export function damage(part: string, id: string, en: string): Bilingual {
  return part === "zip"
    ? bi(`berkas .xlsx rusak: struktur zip ${id}`, `corrupt .xlsx: the zip structure ${en}`)
    : bi(`berkas .xlsx rusak: bagian ${part} ${id}`, `corrupt .xlsx: the part ${part} ${en}`);
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

/** A part's text, UTF-8 or UTF-16 as its byte-order mark says. */
export function partText(pkg: Package, name: string): string | undefined {
  const p = pkg.parts.get(name);
  if (!p) return undefined;
  const encoding = encodingOf(p);
  if (encoding === "utf-8") return strFromU8(p);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(p);
  } catch {
    throw corrupt(name);
  }
}

/** Sets a part's text, always as UTF-8 (a part that was UTF-16 says so in its declaration). */
export function setPart(pkg: Package, name: string, text: string): void {
  if (!pkg.parts.has(name)) pkg.order.push(name);
  let utf8 = text;
  const close = text.startsWith("<?xml") ? text.indexOf("?>") : -1;
  const at = close > 0 ? text.slice(0, close).toLowerCase().indexOf("utf-16") : -1;
  if (at >= 0) {
    const tail = text.slice(at + 6, at + 8).toLowerCase();
    utf8 = text.slice(0, at) + "UTF-8" + text.slice(at + (tail === "le" || tail === "be" ? 8 : 6));
  }
  pkg.parts.set(name, strToU8(utf8));
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
