/**
 * The command line's files: what it agrees to read (a regular file of bounded size) and
 * how it replaces one (through a symlink to its target, never while Excel or LibreOffice
 * holds it open, keeping mode and owner, by renaming a complete file over the old one so
 * a reader sees the old or the new file and nothing in between).
 */
import * as fs from "fs";
import * as path from "path";
import type { Bilingual } from "../core/framework";
import { bi } from "../core/messages";
import { LIMITS } from "../xlsx/zipPackage";

export class FileError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual.id} / ${bilingual.en}`);
  }
}

export function osError(e: unknown, file: string, reading: boolean): FileError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new FileError(bi(`berkas tidak ada: ${file}`, `file not found: ${file}`));
  if (code === "EACCES" || code === "EPERM")
    return new FileError(
      reading
        ? bi(`tidak ada izin membaca ${file}`, `no permission to read ${file}`)
        : bi(`tidak ada izin menulis ${file}`, `no permission to write ${file}`),
    );
  if (code === "ELOOP")
    return new FileError(
      bi(`${file} adalah tautan simbolik yang berputar (loop)`, `${file} is a symbolic link that loops back on itself`),
    );
  if (code === "EISDIR")
    return new FileError(bi(`${file} adalah folder, bukan berkas`, `${file} is a folder, not a file`));
  if (code === "ENOSPC")
    return new FileError(bi(`disk penuh saat menulis ${file}`, `the disk is full writing ${file}`));
  if (code === "EROFS") return new FileError(bi(`${file} ada di disk hanya-baca`, `${file} is on a read-only disk`));
  return new FileError(
    bi(
      `${file} tidak dapat ${reading ? "dibaca" : "ditulis"} (${code ?? "?"})`,
      `${file} cannot be ${reading ? "read" : "written"} (${code ?? "?"})`,
    ),
  );
}

function kindOf(st: fs.Stats): Bilingual | undefined {
  if (st.isDirectory()) return bi("folder", "a folder");
  if (st.isFIFO()) return bi("pipa (FIFO)", "a pipe (FIFO)");
  if (st.isCharacterDevice() || st.isBlockDevice()) return bi("perangkat", "a device");
  if (st.isSocket()) return bi("soket", "a socket");
  return undefined;
}

/**
 * Reads a workbook, refusing anything but a regular file within the size limit, before
 * opening it. Synchronous calls: a workbook is read whole anyway, and the promise-based
 * calls cost a thread-pool round trip per step, more than reading a small workbook itself.
 */
export async function readInputFile(file: string, maxBytes = LIMITS.fileBytes): Promise<Buffer> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw osError(e, file, true);
  }
  const kind = kindOf(st);
  if (kind)
    throw new FileError(
      bi(`${file} adalah ${kind.id}, bukan berkas biasa`, `${file} is ${kind.en}, not a regular file`),
    );
  if (st.size > maxBytes) {
    throw new FileError(
      bi(
        `${file} terlalu besar (${Math.round(st.size / 1048576)} MiB, batas ${maxBytes / 1048576} MiB)`,
        `${file} is too large (${Math.round(st.size / 1048576)} MiB, limit ${maxBytes / 1048576} MiB)`,
      ),
    );
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw osError(e, file, true);
  }
}

export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The lock files Excel (`~$name.xlsx`) and LibreOffice (`.~lock.name.xlsx#`) keep beside an open workbook. */
export function lockFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const names = [`~$${base}`, `.~lock.${base}#`];
  // Word-style owner files replace the first two letters of a long name.
  if (base.length > 2) names.push(`~$${base.slice(2)}`);
  return names.map((n) => path.join(dir, n));
}

function openedBy(file: string): string | undefined {
  return lockFiles(file).find((l) => fs.existsSync(l));
}

const pendingTemps = new Set<string>();

/** Removes a temporary file left by a run that was interrupted; called on signals. */
export function removePendingTemps(): void {
  for (const t of pendingTemps) {
    try {
      fs.unlinkSync(t);
    } catch {
      // already gone
    }
  }
  pendingTemps.clear();
}

const TEMP_MARK = ".spbe-index-";

/** Makes the rename itself durable; where a folder cannot be synced, the rename stands anyway. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const fh = await fs.promises.open(dir, "r");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // not supported on this file system
  }
}

/** Temporary files of earlier runs that were killed, found beside `file` and removed. */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}${TEMP_MARK}`;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith(".tmp")) continue;
    const pid = Number(n.slice(prefix.length, -4));
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, n));
    } catch {
      // someone else removed it
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Replaces (or creates) `file` with `data`. A symlink is followed to its target; a file
 * with other hard links is refused (renaming would split them); the new file gets the old
 * one's mode and owner.
 */
export async function writeFileSafely(file: string, data: Uint8Array): Promise<string> {
  let target = file;
  let old: fs.Stats | undefined;
  try {
    const link = await fs.promises.lstat(file);
    if (link.isSymbolicLink()) target = await fs.promises.realpath(file);
    old = await fs.promises.stat(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && target !== file)
      throw new FileError(
        bi(`${file} menunjuk ke berkas yang tidak ada`, `${file} is a symlink to a file that does not exist`),
      );
    if (code !== "ENOENT") throw osError(e, file, false);
  }
  if (old) {
    const kind = kindOf(old);
    if (kind)
      throw new FileError(
        bi(
          `${file} adalah ${kind.id}, bukan berkas biasa; tidak ditulis`,
          `${file} is ${kind.en}, not a regular file; not written`,
        ),
      );
    if (old.nlink > 1) {
      throw new FileError(
        bi(
          `${file} punya tautan keras lain; tulis ke berkas baru dengan --write`,
          `${file} has other hard links; write a new file with --write`,
        ),
      );
    }
  }
  const lock = openedBy(target);
  if (lock) {
    throw new FileError(
      bi(
        `${target} sedang dibuka di Excel atau LibreOffice (${path.basename(lock)}); tutup dulu lalu coba lagi`,
        `${target} is open in Excel or LibreOffice (${path.basename(lock)}); close it and try again`,
      ),
    );
  }
  removeStaleTemps(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${process.pid}.tmp`);
  pendingTemps.add(temp);
  try {
    const fh = await fs.promises.open(temp, "wx", old ? old.mode & 0o7777 : 0o666);
    try {
      await fh.writeFile(data);
      if (old) {
        await fh.chmod(old.mode & 0o7777);
        if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) {
          try {
            await fh.chown(old.uid, old.gid);
          } catch {
            throw new FileError(
              bi(
                `pemilik ${target} tidak dapat dipertahankan; tulis ke berkas baru dengan --write`,
                `the owner of ${target} cannot be kept; write a new file with --write`,
              ),
            );
          }
        }
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(temp, target);
    pendingTemps.delete(temp);
    await syncFolder(path.dirname(target));
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    pendingTemps.delete(temp);
    if (e instanceof FileError) throw e;
    throw osError(e, target, false);
  }
  return target;
}
