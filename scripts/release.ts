/**
 * `npm run release`: the add-in as one archive an administrator can host without Node or
 * npm: release/indeks-spbe-addin-<version>.zip holds dist/ (the production build, made
 * first when it is missing or older than its sources), the test manifest, stamp-url.js
 * and a bilingual text on hosting it. The manifests point at ADDIN_URL when the build
 * had one, else at https://localhost:3000/, and the text says how to stamp the real address.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { zipSync, Zippable } from "fflate";
import { buildTaskpane, DIST, ROOT, stale } from "./builds";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { currentBase } = require("./stamp-url.js") as { currentBase(xml: string): string | undefined };

export const RELEASE = path.join(ROOT, "release");

function files(dir: string, prefix: string, into: Zippable): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, `${prefix}${e.name}/`, into);
    else into[`${prefix}${e.name}`] = fs.readFileSync(p);
  }
}

/** Writes the archive and returns its path; dist/ must hold a production build. */
export function writeRelease(out = RELEASE): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  const url = currentBase(manifest);
  if (!url) throw new Error("dist/manifest.xml names no SourceLocation …/taskpane.html");
  const name = `indeks-spbe-addin-${version}`;
  const entries: Zippable = {};
  files(DIST, `${name}/`, entries);
  entries[`${name}/stamp-url.js`] = fs.readFileSync(path.join(ROOT, "scripts", "stamp-url.js"));
  entries[`${name}/LICENSE`] = fs.readFileSync(path.join(ROOT, "LICENSE"));
  const readme = fs
    .readFileSync(path.join(ROOT, "scripts", "release-readme.txt"), "utf8")
    .split("{{VERSION}}")
    .join(version)
    .split("{{URL}}")
    .join(url);
  // Notepad and every other editor read CRLF; the archive is mostly opened on Windows.
  entries[`${name}/BACA-README.txt`] = Buffer.from(readme.replace(/\r?\n/g, "\r\n"));
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.zip`);
  fs.writeFileSync(file, zipSync(entries, { level: 9 }));
  return file;
}

function main(): void {
  if (!fs.existsSync(path.join(DIST, "manifest.xml")) || stale().taskpane) {
    console.log("building the add-in (npm run build:localhost, or ADDIN_URL when set)…");
    buildTaskpane();
  }
  const test = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "test-manifest.ts")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (test.status !== 0) process.exit(test.status ?? 1);
  const file = writeRelease();
  const url = currentBase(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"));
  console.log(`${path.relative(ROOT, file)}: ${(fs.statSync(file).size / 1024).toFixed(0)} KB, manifests at ${url}`);
  if (url === "https://localhost:3000/")
    console.log(
      "The manifests point at https://localhost:3000/: stamp the real address (node stamp-url.js <URL> in the archive, or npm run stamp -- <URL> before npm run release).",
    );
}

if (require.main === module) main();
