/**
 * The add-in's release archive as an administrator receives it: the production build, the
 * stamp script and the hosting text in one folder; unpacked anywhere, `node stamp-url.js`
 * puts the server's address into the manifest, which then validates against the Office XSD.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { DIST, ensureBuilt, ROOT } from "../../scripts/builds";
import { writeRelease } from "../../scripts/release";

const XSD = path.join(ROOT, "..", "shared", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-release-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the archive holds all of dist/, stamp-url.js, LICENSE and the hosting text; stamped, the manifest validates", () => {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const file = writeRelease(dir);
  expect(path.basename(file)).toBe(`indeks-spbe-addin-${version}.zip`);
  const entries = unzipSync(fs.readFileSync(file));
  const top = `indeks-spbe-addin-${version}/`;
  const names = Object.keys(entries);
  const built: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else built.push(`${prefix}${e.name}`);
  };
  walk(DIST, top);
  expect(names.sort()).toEqual([...built, `${top}stamp-url.js`, `${top}LICENSE`, `${top}BACA-README.txt`].sort());
  const readme = Buffer.from(entries[`${top}BACA-README.txt`]).toString("utf8");
  expect(readme).toContain(`rilis ${version}`);
  expect(readme).toMatch(/point at\r\n +https:\/\/[^\r]+\/\r\n/);
  expect(readme).not.toContain("{{");

  const unpacked = path.join(dir, "unpacked");
  for (const [name, data] of Object.entries(entries)) {
    fs.mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
    fs.writeFileSync(path.join(unpacked, name), data);
  }
  const folder = path.join(unpacked, top);
  const r = spawnSync(process.execPath, ["stamp-url.js", "https://addin.example.go.id/spbe/"], {
    cwd: folder,
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/manifest\.xml: https:\/\/\S+ → https:\/\/addin\.example\.go\.id\/spbe\/ \(\d+\)/);
  const manifest = fs.readFileSync(path.join(folder, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain('<SourceLocation DefaultValue="https://addin.example.go.id/spbe/taskpane.html"/>');
  const xsd = spawnSync("xmllint", ["--noout", "--schema", XSD, path.join(folder, "manifest.xml")], {
    encoding: "utf8",
  });
  expect(xsd.stderr).toMatch(/validates/);
  expect(xsd.status).toBe(0);
});
