/**
 * The two browser builds and whether they are older than their sources: dist/ (the
 * add-in, `npm run build`) and dist-workbench/ (the workbench page and the fake Excel).
 * The workbench, its browser test and the benchmark rebuild only what is stale.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..");
export const DIST = path.join(ROOT, "dist");
export const DIST_WORKBENCH = path.join(ROOT, "dist-workbench");

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function builtAt(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
}

const SOURCES = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json"].map((p) =>
  path.join(ROOT, p),
);

function sourcesTime(): number {
  return Math.max(...SOURCES.filter((p) => fs.existsSync(p)).map(newest));
}

export function stale(): { taskpane: boolean; workbench: boolean } {
  const src = sourcesTime();
  return {
    taskpane: builtAt(path.join(DIST, "taskpane.html")) < src,
    workbench: builtAt(path.join(DIST_WORKBENCH, "workbench.js")) < src,
  };
}

function webpack(args: string[]): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`webpack ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The production task pane, exactly as `npm run build:localhost` makes it (`npm run build` with its manifest at https://localhost:3000/). */
export function buildTaskpane(): void {
  webpack(["--mode", "production", "--env", "localhost"]);
}

export function buildWorkbench(): void {
  webpack(["--env", "workbench"]);
}

/** The scripts taskpane.html loads first, by their content-hashed names ("taskpane.1a2b3c4d.js"). */
export function entryScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // Minified HTML leaves attribute values unquoted where it can.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>"]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
}

export function ensureBuilt(log: (line: string) => void = () => {}): void {
  const s = stale();
  if (s.taskpane) {
    log("building the task pane (npm run build:localhost)…");
    buildTaskpane();
  }
  if (s.workbench) {
    log("building the workbench…");
    buildWorkbench();
  }
}
