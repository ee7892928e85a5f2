/**
 * The command line's input and output on a real machine: standard streams, files read and
 * replaced with the guarantees of ./files, the locale and the package's version. Batch
 * workers read the same way.
 */
import * as fs from "fs";
import * as path from "path";
import { bi } from "../core/messages";
import { FileError, readInputFile, writeFileSafely } from "./files";
import type { CliIo } from "./run";
import { LIMITS } from "../xlsx/zipPackage";

/** The same file under two names (a symlink, a hard link, "./a" and "a"). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

export const fileOps = {
  readFile: (p: string) => readInputFile(p),
  writeFileAtomic: async (p: string, data: Buffer) => {
    await writeFileSafely(p, data);
  },
  exists: (p: string) => fs.existsSync(p),
  samePath: sameFile,
};

/**
 * The locale that picks the text's language: the POSIX variables when one is set, else the
 * system's as Intl resolves it. Windows sets none of the variables; Intl reads the user's
 * regional setting there (and on macOS), so an Indonesian Windows gets Indonesian.
 */
export function systemLocale(env: NodeJS.ProcessEnv, intlLocale: () => string | undefined): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || intlLocale();
}

/** The version in the package.json beside lib/ (or src/ when run from the sources). */
export function packageVersion(): string {
  const file = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/** Standard input whole, as a workbook: refused when it is a terminal (nothing piped) or larger than a file may be. */
export function readStream(
  stream: NodeJS.ReadableStream & { isTTY?: boolean },
  maxBytes = LIMITS.fileBytes,
): Promise<Buffer> {
  if (stream.isTTY)
    return Promise.reject(
      new FileError(
        bi(
          "masukan standar adalah terminal; alirkan buku kerja, misalnya spbe-index score - < a.xlsx",
          "standard input is a terminal; pipe a workbook in, e.g. spbe-index score - < a.xlsx",
        ),
      ),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        reject(
          new FileError(
            bi(
              `masukan standar terlalu besar (batas ${maxBytes / 1048576} MiB)`,
              `standard input is too large (limit ${maxBytes / 1048576} MiB)`,
            ),
          ),
        );
        stream.pause();
        return;
      }
      chunks.push(c);
    });
    stream.on("error", (e: Error) =>
      reject(new FileError(bi(`masukan standar tak terbaca: ${e.message}`, `standard input unreadable: ${e.message}`))),
    );
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

export function nodeIo(): CliIo {
  const line = (s: string) => (s.endsWith("\n") ? s : s + "\n");
  const tty = process.stderr.isTTY === true;
  return {
    ...fileOps,
    out: (s) => process.stdout.write(line(s)),
    err: (s) => process.stderr.write(line(s)),
    locale: systemLocale(process.env, () => Intl.DateTimeFormat().resolvedOptions().locale),
    readStdin: () => readStream(process.stdin),
    version: packageVersion(),
    // One line redrawn in place; "" clears it. Only for a person watching a terminal.
    progress: tty ? (s) => process.stderr.write(s === "" ? "\r\x1b[K" : `\r${s}\x1b[K`) : undefined,
  };
}
