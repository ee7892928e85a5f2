#!/usr/bin/env node
/**
 * spbe-index: score an assessor's .xlsx worksheet, and optionally write the live
 * formulas, validation and highlights into a copy (or the file itself, when asked).
 */
import * as fs from "fs";
import * as path from "path";
import { readInputFile, removePendingTemps, writeFileSafely } from "./files";
import { runCli, CliIo } from "./run";

// `spbe-index score … | head -1`: the reader went away; stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// Interrupted while replacing a file: the old file stays, the temporary one goes.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.exit(code);
  });
}

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
  readFile: (p) => readInputFile(p),
  writeFileAtomic: async (p, data) => {
    await writeFileSafely(p, data);
  },
  exists: (p) => fs.existsSync(p),
  samePath: (a, b) => sameFile(a, b),
  locale: process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
};

function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(`spbe-index: galat tak terduga / unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
