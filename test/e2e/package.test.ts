/**
 * The command line as people install it: `npm pack` (which builds lib/ on prepack), the
 * tarball installed into an empty folder, and the installed `spbe-index` scoring the
 * sample workbook. npm takes the dependencies from its cache when it has them and from
 * the registry otherwise. The folder also holds a TypeScript of its own, as a project that
 * installs the tool would: the installed command must not compile anything with it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let dir: string;
let packed: { filename: string; files: { path: string }[] };
let project: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-package-"));
  const json = execFileSync(npm, ["pack", "--json", "--pack-destination", dir], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  packed = JSON.parse(json)[0];
  project = path.join(dir, "proyek");
  fs.mkdirSync(path.join(project, "node_modules"), { recursive: true });
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "proyek", private: true }));
  execFileSync(
    npm,
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", path.join(dir, packed.filename)],
    { cwd: project, stdio: ["ignore", "pipe", "pipe"] },
  );
  fs.symlinkSync(
    path.join(root, "node_modules", "typescript"),
    path.join(project, "node_modules", "typescript"),
    "dir",
  );
}, 240000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the package holds the command and its compiled lib/, not the sources, tests or tools", () => {
  const files = packed.files.map((f) => f.path);
  expect(files).toEqual(expect.arrayContaining(["bin/spbe-index.js", "lib/cli/main.js", "LICENSE", "package.json"]));
  expect(files.filter((f) => !/^(bin|lib)\/|^(LICENSE|README\.md|package\.json)$/.test(f))).toEqual([]);
});

test("installed, it brings only what the command line runs on", () => {
  const installed = fs.readdirSync(path.join(project, "node_modules")).filter((n) => !n.startsWith("."));
  expect(installed.sort()).toEqual(["fflate", "saxes", "spbe-index", "typescript", "xmlchars"]);
});

test("the installed spbe-index scores the sample workbook and compiles nothing", () => {
  const bin = path.join(project, "node_modules", ".bin", "spbe-index");
  const example = path.join(root, "examples", "kota-contoh-2021.xlsx");
  const r = spawnSync(bin, ["score", example, "--format", "json"], { cwd: project, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.assessments.map((a: { index: number }) => a.index)).toEqual([3.75, 3.19]);
  expect(fs.existsSync(path.join(project, "node_modules", "spbe-index", "src"))).toBe(false);
});
