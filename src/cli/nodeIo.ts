/**
 * The command line's input and output on a real machine: standard streams, and files
 * read and replaced with the guarantees of ./files. Batch workers read the same way.
 */
import * as fs from "fs";
import * as path from "path";
import { readInputFile, writeFileSafely } from "./files";
import type { CliIo } from "./run";

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

export function nodeIo(): CliIo {
  const line = (s: string) => (s.endsWith("\n") ? s : s + "\n");
  const tty = process.stderr.isTTY === true;
  return {
    ...fileOps,
    out: (s) => process.stdout.write(line(s)),
    err: (s) => process.stderr.write(line(s)),
    // One line redrawn in place; "" clears it. Only for a person watching a terminal.
    locale: process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
    progress: tty ? (s) => process.stderr.write(s === "" ? "\r\x1b[K" : `\r${s}\x1b[K`) : undefined,
  };
}
