/**
 * The fake is test and workbench support: no production code imports it, so it never
 * ships in the add-in's bundle. Only the workbench (and tests, bench) may use it.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../../src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

test("only the workbench imports the fake Excel", () => {
  const offenders = sources(SRC)
    .filter((f) => !f.includes(`${path.sep}fake-excel${path.sep}`) && !f.includes(`${path.sep}workbench${path.sep}`))
    .filter((f) =>
      /from\s+["'][^"']*fake-excel[^"']*["']|require\(["'][^"']*fake-excel/.test(fs.readFileSync(f, "utf8")),
    )
    .map((f) => path.relative(SRC, f));
  expect(offenders).toEqual([]);
});

test("the fake depends on the core's plain types and the shared address helpers, never on the host it stands behind", () => {
  const imports = sources(path.join(SRC, "fake-excel")).flatMap((f) =>
    [...fs.readFileSync(f, "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]),
  );
  expect(
    imports.filter(
      (i) =>
        i.startsWith("../") &&
        !i.startsWith("../core/") &&
        i !== "../excel/rangeAddress" &&
        !i.startsWith("../../core/"),
    ),
  ).toEqual([]);
});
