/** @jest-environment jsdom */
/**
 * The manifest's structure, checked without Microsoft's validator: what Office needs to
 * load the pane from the Home tab. (CI also validates it against the Office XSD.)
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..", "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const all = (name: string, ns?: string) => [
  ...(ns ? doc.getElementsByTagNameNS(ns, name) : doc.getElementsByTagName(name)),
];
const one = (name: string, ns?: string) => {
  const found = all(name, ns);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("manifest.xml", () => {
  test("is well-formed XML of a task-pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("targets workbooks, asks to read and write the document, and needs ExcelApi 1.9 (Excel 2021 and later, Microsoft 365, the web)", () => {
    const hosts = all("Host").filter((h) => h.parentElement?.parentElement === doc.documentElement);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    const set = one("Set");
    expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.9"]);
  });

  test("English by default, with Indonesian overrides", () => {
    expect(one("DefaultLocale").textContent).toBe("en-US");
    expect(one("DisplayName").getElementsByTagName("Override")[0].getAttribute("Locale")).toBe("id-ID");
    for (const s of all("String", BT)) {
      const overrides = [...s.getElementsByTagNameNS(BT, "Override")];
      expect({ id: s.getAttribute("id"), locales: overrides.map((o) => o.getAttribute("Locale")) }).toEqual({
        id: s.getAttribute("id"),
        locales: ["id-ID"],
      });
    }
  });

  test("every URL is the development address of the built files, which the build rewrites", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
    expect(one("DefaultSettings").getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue")).toBe(
      "https://localhost:3000/taskpane.html",
    );
    expect(fs.existsSync(path.join(ROOT, "src", "taskpane", "taskpane.html"))).toBe(true);
  });

  test("icons exist in assets/ at the sizes the manifest names", () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]);
    expect(new Set(icons)).toEqual(
      new Set(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]),
    );
    for (const rel of icons) {
      const png = fs.readFileSync(path.join(ROOT, rel));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("a button on the Home tab opens the task pane", () => {
    const tab = one("OfficeTab", OV);
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = one("Control", OV);
    expect(control.getAttributeNS(XSI, "type")).toBe("Button");
    expect(tab.contains(control)).toBe(true);
    const action = control.getElementsByTagNameNS(OV, "Action")[0];
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    const urlId = action.getElementsByTagNameNS(OV, "SourceLocation")[0].getAttribute("resid");
    const url = all("Url", BT).find((u) => u.getAttribute("id") === urlId)!;
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    const labelId = control.getElementsByTagNameNS(OV, "Label")[0].getAttribute("resid");
    const label = all("String", BT).find((s) => s.getAttribute("id") === labelId)!;
    expect(label.getAttribute("DefaultValue")).toBe("Indeks SPBE");
  });

  test("every resource id the manifest refers to is defined", () => {
    const defined = new Set(
      all("*")
        .filter(
          (e) =>
            e.parentElement && ["Images", "Urls", "ShortStrings", "LongStrings"].includes(e.parentElement.localName),
        )
        .map((e) => e.getAttribute("id")),
    );
    const used = all("*")
      .map((e) => e.getAttribute("resid"))
      .filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
  });
});

describe("the built manifest's version follows package.json", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { manifestVersion, withVersion } = require("../../../scripts/manifest-version");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require("../../../package.json");

  test("major.minor.patch becomes the four numbers Office wants; the one <Version> is replaced", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.10.3-rc.1")).toBe("2.10.3.0");
    expect(() => manifestVersion("next")).toThrow(/major\.minor\.patch/);
    const built = withVersion(xml, manifestVersion(pkg.version));
    expect(built).toContain(`<Version>${manifestVersion(pkg.version)}</Version>`);
    expect(built.replace(/<Version>[^<]*<\/Version>/, "")).toBe(xml.replace(/<Version>[^<]*<\/Version>/, ""));
    expect(withVersion(xml, "9.9.9.0")).toMatch(/<Version>9\.9\.9\.0<\/Version>/);
    expect(() => withVersion("<OfficeApp/>", "1.0.0.0")).toThrow(/no <Version>/);
  });
});
