#!/usr/bin/env node
/**
 * The spbe-index command. It runs the compiled command line in lib/.
 *
 * Installed as a package, lib/ is what was packed and nothing is compiled. Only in a
 * development checkout (this folder holds src/ and tsconfig.cli.json, sits outside any
 * node_modules, and has its own TypeScript in its own node_modules) does it first compile
 * lib/ again when a source the command line is built from is newer than the build, so an
 * edit to src/ shows on the next run. A failed compile writes nothing and stops the run:
 * an old build answering for new sources would be a wrong answer given quietly.
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

/**
 * The checkout's own compiler, or undefined when this is not a development checkout. A
 * TypeScript found further up (the project this package is installed into) is not ours:
 * its version and settings would compile our sources into something we never tested.
 */
function developmentCompiler() {
  if (!fs.existsSync(config) || !fs.existsSync(path.join(root, "src", "cli"))) return undefined;
  if (path.resolve(root).split(path.sep).includes("node_modules")) return undefined;
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  return fs.existsSync(tsc) ? tsc : undefined;
}

function sourcesNewerThanBuild() {
  const { include = [] } = JSON.parse(fs.readFileSync(config, "utf8"));
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const sources = Math.max(fs.statSync(config).mtimeMs, ...include.map((dir) => newest(path.join(root, dir))));
  return sources > built;
}

const tsc = developmentCompiler();
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
if (!fs.existsSync(main)) {
  process.stderr.write(
    "spbe-index: lib/ tidak ada; di salinan pengembangan jalankan npm ci lalu npm run build:cli" +
      " / lib/ is missing; in a development checkout run npm ci, then npm run build:cli\n",
  );
  process.exit(2);
}
require(main);
