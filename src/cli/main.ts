#!/usr/bin/env node
/**
 * spbe-index: score an assessor's .xlsx worksheet (or a folder of them), and optionally
 * write the live formulas, validation and highlights into a copy (or the file itself,
 * when asked).
 */
import { removePendingTemps } from "./files";
import { nodeIo } from "./nodeIo";
import { runCli } from "./run";

// `spbe-index score … | head -1`: the reader went away; stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// Interrupted while replacing a file: the old file stays, the temporary one goes.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.exit(code);
  });
}

const io = nodeIo();

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(`spbe-index: galat tak terduga / unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
