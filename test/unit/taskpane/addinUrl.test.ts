/** @jest-environment jsdom */
/**
 * The add-in's address: a production build refuses to run without ADDIN_URL, and
 * scripts/stamp-url.js puts an address into an already built manifest, every URL in it,
 * as often as needed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stamp } = require(path.join(ROOT, "scripts", "stamp-url.js")) as {
  stamp(url: string, folder: string): string[];
};
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Every address in the manifest, as Office reads them (attributes, entities decoded). */
function urls(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return [...doc.getElementsByTagName("*")]
    .map((e) => e.getAttribute("DefaultValue") ?? "")
    .filter((v) => /^https?:/.test(v));
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-stamp-"));
  fs.writeFileSync(path.join(dir, "manifest.xml"), source);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("stamp-url", () => {
  test("every address moves to the new folder, the rest of the manifest unchanged; a second stamp replaces the first", () => {
    const before = urls(source);
    expect(before.length).toBeGreaterThanOrEqual(9);
    const lines = stamp("https://addin.example.go.id/spbe", dir);
    expect(lines).toEqual([
      expect.stringMatching(
        /manifest\.xml: https:\/\/localhost:3000\/ → https:\/\/addin\.example\.go\.id\/spbe\/ \(\d+\)$/,
      ),
    ]);
    const once = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    expect(urls(once)).toEqual(
      before.map((u) => u.replace("https://localhost:3000/", "https://addin.example.go.id/spbe/")),
    );
    expect(once.split("https://addin.example.go.id/spbe/").join("https://localhost:3000/")).toBe(source);

    stamp("https://intra.pemda.go.id/a&b/", dir);
    expect(urls(fs.readFileSync(path.join(dir, "manifest.xml"), "utf8"))).toEqual(
      before.map((u) => u.replace("https://localhost:3000/", "https://intra.pemda.go.id/a&b/")),
    );
  });

  test("the test manifest beside it is stamped too", () => {
    fs.writeFileSync(path.join(dir, "manifest.test.xml"), source);
    expect(stamp("https://uji.example.go.id/", dir)).toHaveLength(2);
    expect(fs.readFileSync(path.join(dir, "manifest.test.xml"), "utf8")).not.toContain("localhost");
  });

  test.each([
    ["http://addin.example.go.id/", /must be https:\/\//],
    ["addin.example.go.id/spbe", /not an address/],
    ["https://addin.example.go.id/?v=2", /without \?, #/],
  ])("%s is refused, the manifest untouched", (url, reason) => {
    expect(() => stamp(url, dir)).toThrow(reason);
    expect(fs.readFileSync(path.join(dir, "manifest.xml"), "utf8")).toBe(source);
  });

  test("a folder without a manifest is refused, naming the build", () => {
    expect(() => stamp("https://a.example/", os.tmpdir() + "/tidak-ada")).toThrow(/no manifest\.xml .*build first/);
  });
});

describe("npm run build", () => {
  const config = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => unknown;
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test("a production build without ADDIN_URL refuses, naming the way to say localhost on purpose", () => {
    delete process.env.ADDIN_URL;
    expect(() => config()({}, { mode: "production" })).toThrow(/ADDIN_URL is not set.*npm run build:localhost/);
  });

  test("an ADDIN_URL that is not https is refused", () => {
    process.env.ADDIN_URL = "http://addin.example.go.id/";
    expect(() => config()({}, { mode: "production" })).toThrow(/must be an https:\/\/ address/);
  });
});
