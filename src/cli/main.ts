#!/usr/bin/env node
/**
 * spbe-index: score an assessor's .xlsx worksheet, and optionally write the live
 * formulas, validation and highlights into a copy (or the file itself, when asked).
 */
import * as fs from "fs";
import * as path from "path";
import { runCli, CliIo } from "./run";

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
  readFile: (p) => fs.promises.readFile(p),
  writeFileAtomic: async (p, data) => {
    const tmp = path.join(path.dirname(p), `.${path.basename(p)}.${process.pid}.tmp`);
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, p);
  },
  exists: (p) => fs.existsSync(p),
  samePath: (a, b) => path.resolve(a) === path.resolve(b),
  locale: process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(`spbe-index: galat tak terduga / unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
