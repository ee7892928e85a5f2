/**
 * How the built pane (dist/, as an intranet server would serve it) starts where it
 * cannot run, in real Chromium: Office's address blocked by a proxy (refused at once,
 * or never answering), the real office.js from Microsoft's @microsoft/office-js package
 * loaded outside Excel, and a webview too old for the bundle. Each time the person
 * reads what is wrong and what to do, and the page raises no error.
 * Screenshots go to test-output/screenshots/.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { Browser, Page, Route } from "playwright-core";
import { DIST, ensureBuilt, ROOT } from "../../scripts/builds";
import { launchChromium } from "./support/chromium";
import { settled } from "./support/eventually";

const SHOTS = path.join(ROOT, "test-output", "screenshots");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
// The package ships office.js and its companions in dist/ (it has no entry point to resolve).
const OFFICE_PACKAGE = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const p = path.resolve(DIST, "." + rel);
    if (!p.startsWith(DIST + path.sep) || !fs.existsSync(p) || !fs.statSync(p).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": TYPES[path.extname(p)] ?? "application/octet-stream" })
      .end(fs.readFileSync(p));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await launchChromium();
}, 300000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Opened {
  page: Page;
  errors: string[];
  /** addresses outside the local server the page asked for */
  outside: string[];
  close(): Promise<void>;
}

/** The pane's page with Office's CDN answered by `cdn`; every other outside address is refused. */
async function open(cdn: (route: Route) => Promise<void> | void, init?: () => void): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (init) await page.addInitScript(init);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    if (url.startsWith(OFFICE_CDN)) return cdn(route);
    return route.abort("blockedbyclient");
  });
  // Only the page itself must arrive; Office's script may never answer.
  await page.goto(base + "taskpane.html", { waitUntil: "commit" });
  return { page, errors, outside, close: () => context.close() };
}

/** Opens the page, runs `check` on it, requires that the page raised no error, and closes it. */
async function withPane(
  cdn: (route: Route) => Promise<void> | void,
  check: (o: Opened) => Promise<void>,
  init?: () => void,
): Promise<void> {
  const o = await open(cdn, init);
  try {
    await check(o);
    expect(o.errors).toEqual([]);
  } finally {
    await o.close();
  }
}

/** A screenshot of the settled page, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function message(page: Page, kind: string, timeout: number): Promise<string> {
  const box = page.locator(`#boot-message[data-kind="${kind}"]`);
  await box.waitFor({ state: "visible", timeout });
  return box.innerText();
}

/** The real office.js and the files it fetches, from Microsoft's npm package instead of the CDN. */
function officePackage(route: Route) {
  const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
  const file = path.resolve(OFFICE_PACKAGE, rel);
  if (!file.startsWith(OFFICE_PACKAGE + path.sep) || !fs.existsSync(file))
    return route.fulfill({ status: 404, body: "" });
  return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fs.readFileSync(file) });
}

test("Office's address refused by the network: the pane names the address IT must allow, at once", () =>
  withPane(
    (route) => route.abort("connectionrefused"),
    async ({ page }) => {
      const text = await message(page, "office-blocked", 5000);
      expect(text).toContain("Pustaka Office belum termuat");
      expect(text).toContain("Office's library has not loaded");
      expect(text).toContain("https://appsforoffice.microsoft.com");
      expect(text).toMatch(/Minta tim TI mengizinkan alamat/);
      await shot(page, "start-office-blocked");
    },
  ));

test("Office's address never answering (a proxy that drops it): the same message within seconds", () => {
  const held: Route[] = [];
  return withPane(
    (route) => void held.push(route),
    async ({ page }) =>
      expect(await message(page, "office-blocked", 15000)).toContain("https://appsforoffice.microsoft.com"),
  );
});

test("the real office.js outside Excel: 'open this in Excel', and no page error", () =>
  withPane(officePackage, async ({ page, outside }) => {
    const text = await message(page, "outside-excel", 20000);
    expect(text).toContain("Buka buku kerja penilaian di Excel");
    expect(text).toContain("Open the assessment workbook in Excel");
    // It was Microsoft's own script that said there is no Office around.
    expect(
      await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady),
    ).toBe("function");
    expect(outside.some((u) => u.endsWith("/lib/1/hosted/office.js"))).toBe(true);
    expect(await page.locator("#container").innerText()).toBe("");
    await shot(page, "start-outside-excel");
  }));

test("a webview that cannot parse the bundle's JavaScript: which Excel is needed and what to do instead", () =>
  withPane(
    officePackage,
    async ({ page }) => {
      const text = await message(page, "old-webview", 10000);
      expect(text).toContain("Excel 2021 ke atas");
      expect(text).toContain("Excel 2021 or later");
      expect(text).toContain("Excel untuk web");
      expect(text).toContain("spbe-index");
      expect(await page.locator("#container").innerText()).toBe("");
      await shot(page, "start-old-webview");
    },
    // Chromium stands in for Internet Explorer 11 and the old Edge: it refuses to compile
    // ES2020 the way they do, and the bundle's own script is kept from running.
    () => {
      const Native = Function;
      const Old = function (...args: string[]) {
        if (/\?\.|\?\?|=>|\bclass\b|\bconst\b/.test(args[args.length - 1] ?? ""))
          throw new SyntaxError("Expected identifier");
        return Native(...args);
      } as unknown as FunctionConstructor;
      (window as unknown as { Function: FunctionConstructor }).Function = Old;
    },
  ));
