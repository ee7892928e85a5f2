#!/usr/bin/env node
/**
 * The spbe-index command. It runs the compiled command line in lib/. In a checkout that
 * holds the TypeScript sources and the compiler, it first compiles lib/ again when any
 * source the command line is built from is newer than the build, so an edit to src/ shows
 * on the next run without a manual build. A failed compile writes nothing and stops the
 * run: an old build answering for new sources would be a wrong answer given quietly.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const main = path.join(root, "lib", "cli", "main.js");
const config = path.join(root, "tsconfig.cli.json");

/** The newest modification time under `dir`, the folders' own included (a file removed or renamed counts). */
function newest(dir) {
  let time;
  let entries;
  try {
    time = fs.statSync(dir).mtimeMs;
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    time = Math.max(time, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return time;
}

function compiler() {
  try {
    return require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    return undefined;
  }
}

function sourcesNewerThanBuild() {
  if (!fs.existsSync(config)) return false;
  const { include = [] } = JSON.parse(fs.readFileSync(config, "utf8"));
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const sources = Math.max(fs.statSync(config).mtimeMs, ...include.map((dir) => newest(path.join(root, dir))));
  return sources > built;
}

const tsc = compiler();
if (tsc && sourcesNewerThanBuild()) {
  process.stderr.write("spbe-index: sumber berubah, menyusun ulang lib/ … / sources changed, compiling lib/ …\n");
  // The compiler's report goes to standard error, so a JSON answer on standard output stays clean.
  const r = spawnSync(process.execPath, [tsc, "-p", config, "--noEmitOnError"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(
      "spbe-index: lib/ tidak dapat disusun dari src/ (lihat di atas) / lib/ could not be compiled from src/ (see above)\n",
    );
    process.exit(2);
  }
}
require(main);
