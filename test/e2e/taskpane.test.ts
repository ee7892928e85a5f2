/**
 * The task pane in real Chromium, on the workbench: the production build of the pane
 * (dist/, rebuilt here when older than its sources; `.ci/run` builds it first with
 * `npm run build`) beside the sample workbook on the strict fake Excel.
 * Screenshots go to test-output/screenshots/.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { Browser, Frame, FrameLocator, Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import { CellValue, parseA1, WorkbookGrid } from "../../src/core/grid";
import { tableEvidenceGaps } from "../../src/core/evidence";
import { reconcileTable } from "../../src/core/reconcile";
import { planAssessment } from "../../src/core/targetPlan";
import { add, div, fromInt, mul, roundHalfUpUnits, sub } from "../../src/core/rational";
import { predicateLabel } from "../../src/core/framework";
import { FRAMEWORKS } from "../../src/frameworks";
import { workbookGrid } from "../../src/xlsx/readGrid";
import { formatUnits } from "../../src/taskpane/format";
import { ensureBuilt, entryScripts } from "../../scripts/builds";
import { RunningWorkbench, SAMPLE, startWorkbench } from "../../scripts/workbench";
import { launchChromium } from "./support/chromium";
import { hasClass, hasText, hasValue, settled, until, visible } from "./support/eventually";
import { WorkbenchPage } from "./support/workbenchPage";

const SHOTS = path.join(__dirname, "..", "..", "test-output", "screenshots");
const SHEET = "Kertas Kerja";

let workbench: RunningWorkbench;
let browser: Browser;
let page: Page;
let wb: WorkbenchPage;
let sample: WorkbookGrid;
const pageErrors: string[] = [];

/** The index and predicate the core gives for the sample with some cells changed, as the pane shows them. */
function expectedResult(changes: Record<string, CellValue>, column: number): { index: string; predicate: string } {
  const grid: WorkbookGrid = JSON.parse(JSON.stringify(sample));
  const sheet = grid.sheets.find((s) => s.name === SHEET)!;
  for (const [address, v] of Object.entries(changes)) {
    const { row, col } = parseA1(address)!;
    (sheet.values[row] ??= [])[col] = v;
  }
  const scores = analyze(grid, FRAMEWORKS).tables[0].assessments[column].scores;
  return { index: formatUnits(scores.total.units!, "id"), predicate: predicateLabel(scores.predicate!) };
}

const expectedIndex = (changes: Record<string, CellValue>, column: number) => expectedResult(changes, column).index;

async function openZoomed(query: string, height: number, zoom: number): Promise<Page> {
  const p = await browser.newPage({
    viewport: { width: Math.round(1280 / zoom), height: Math.round(height) },
    deviceScaleFactor: zoom,
  });
  p.on("pageerror", (e) => pageErrors.push(e.message));
  await p.goto(workbench.url + query);
  return p;
}

async function shot(name: string, target: Page = page) {
  await settled(target);
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function openWorkbench(query = "", height = 900): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height } });
  p.on("pageerror", (e) => pageErrors.push(e.message));
  await p.goto(workbench.url + query);
  return p;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(SAMPLE);
  sample = workbookGrid(x);
  workbench = await startWorkbench();
  browser = await launchChromium();
  page = await openWorkbench();
  wb = new WorkbenchPage(page);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test("the pane shows the sample's index for each level column: 3,75 and 3,19", async () => {
  const self = wb.card(/^Penilaian Mandiri \(D\)/);
  const assessor = wb.card(/^Nilai Asesor \(E\)/);
  await hasText(self, /Indeks\s+3,75\s+Predikat\s+Sangat Baik/);
  await hasText(assessor, /Indeks\s+3,19\s+Predikat\s+Baik/);
  await hasText(assessor, /terisi 47\/47/);
  expect(await wb.pane.getByRole("meter").count()).toBe((4 + 8) * 2);
  await shot("01-index");
});

test("a typo keeps the last index, marked out of date beside the cell and the reason; nothing below moves; its link selects the cell", async () => {
  await wb.openSheet(SHEET);
  const domains = wb.pane.getByRole("heading", { name: "Indeks domain" });
  const before = (await domains.boundingBox())!.y;
  await wb.type("D7", "7");
  const self = wb.card(/^Penilaian Mandiri \(D\)/);
  const reason = self.getByRole("button", { name: "D7: 7 di luar 1–5" });
  await visible(reason);
  await hasText(self.getByTestId("stale-index"), /3,75/);
  await hasText(self, /usang/);
  expect(await self.getByText("belum lengkap").count()).toBe(0);
  // The live region names the cell; no list is inserted above the domains, which stay where they were.
  await hasText(wb.pane.getByTestId("live"), /D7: 7 di luar 1–5; yang terakhir 3,75/);
  expect(await wb.pane.getByRole("heading", { name: /^Yang menghalangi indeks/ }).count()).toBe(0);
  expect((await domains.boundingBox())!.y).toBe(before);
  await wb.cell("A1").click();
  await hasValue(wb.selectedCell(), `${SHEET}!A1`);
  await reason.click();
  await hasValue(wb.selectedCell(), `${SHEET}!D7`);
  await hasClass(wb.cell("D7"), /selected/);
  await shot("02-problem-go-to");
  await wb.type("D7", "2");
  await visible(self.getByText("3,75"));
});

test("apply: the preview says what is written; confirming writes the results sheet", async () => {
  await wb.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).click();
  const dialog = wb.pane.getByRole("dialog", { name: "Terapkan ke buku kerja" });
  await visible(dialog.getByText("Lembar hasil: Indeks SPBE"));
  await visible(dialog.getByText(/Tidak ada isian orang yang diubah/));
  await shot("03-apply-preview");
  await dialog.getByRole("button", { name: "Terapkan", exact: true }).click();
  await visible(wb.pane.getByText(/^Sudah diterapkan: \d+ sel ditulis\. Hasil ada di lembar "Indeks SPBE"/));
  await wb.openSheet("Indeks SPBE");
  await hasText(wb.cell("D9"), "3.75");
  await hasText(wb.cell("E9"), "3.19");
  await hasText(wb.cell("E10"), "Baik");
  await shot("04-results-sheet");
});

test("a level changed in the grid: the pane and the results sheet follow, with no button", async () => {
  const { index: changed, predicate } = expectedResult({ E8: 4 }, 1);
  expect(changed).not.toBe("3,19");
  await wb.openSheet(SHEET);
  await wb.type("E8", "4");
  const assessor = wb.card(/^Nilai Asesor \(E\)/);
  await visible(assessor.getByText(changed));
  // For a few seconds the card shows how far the index moved; the live region says it in words.
  const delta = (Number(changed.replace(",", ".")) - 3.19).toFixed(2).replace(".", ",");
  await hasText(assessor.getByTestId("change"), `▲ ${delta}`);
  await hasText(wb.pane.getByTestId("live"), `Nilai Asesor (E): indeks ${changed}, ${predicate} (naik ${delta})`);
  await shot("05-level-changed");
  // The meeting's record (a chunk of its own) lists the change, with its commands.
  const record = wb.pane.getByRole("region", { name: /^Catatan rapat \(\d+\)$/ });
  await hasText(record, /E8/);
  await visible(record.getByRole("button", { name: "Salin sebagai teks" }));
  await record.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot("05-meeting-record");
  await wb.openSheet("Indeks SPBE");
  await hasText(wb.cell("E9"), changed.replace(",", "."));
});

test("after apply, the level cells refuse a bad value as Excel's validation does", async () => {
  await wb.openSheet(SHEET);
  await wb.type("E8", "9");
  const alert = page.getByRole("alertdialog");
  await visible(alert.getByText("Nilai tidak sah / Invalid value"));
  await shot("06-validation-refuses");
  await alert.getByRole("button", { name: "OK" }).click();
  await page.keyboard.press("Escape");
  await hasText(wb.cell("E8"), "4");
  await hasValue(page.locator("#formula"), "4");
});

test("switching language: the pane speaks English, and back", async () => {
  await wb.pane.getByRole("button", { name: "Switch to English" }).click();
  await visible(wb.pane.getByRole("heading", { name: "Aspect indices" }));
  await visible(wb.pane.getByRole("button", { name: "Apply to workbook" }));
  await visible(wb.card(/^Nilai Asesor \(E\)/).getByText("Good"));
  // The numbers keep the decimal sign Excel shows the cells with (Indonesian regional settings here).
  await hasText(wb.card(/^Nilai Asesor \(E\)/).getByTestId("index"), /^Index\s+3,\d\d$/);
  await shot("07-english");
  await wb.pane.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }).click();
  await visible(wb.pane.getByRole("heading", { name: "Indeks aspek" }));
});

test("keyboard: Tab reaches the actions in order, with a visible focus ring", async () => {
  const frame = page.frame({ url: /taskpane\.html/ })!;
  await frame.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Tab");
  const focused = () =>
    frame.evaluate(
      () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "",
    );
  // First the skip link, shown only now; then the actions.
  expect(await focused()).toBe("Langsung ke alat asesor");
  await shot("08-skip-link");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("Terapkan ke buku kerja");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("Muat ulang");
  const ring = await frame.evaluate(() => {
    const el = document.activeElement!;
    const after = getComputedStyle(el, "::after");
    const own = getComputedStyle(el);
    return `${own.outlineStyle}|${after.borderTopStyle}|${after.outlineStyle}`;
  });
  expect(ring.split("|").some((s) => s !== "none" && s !== "")).toBe(true);
  await shot("08-keyboard-focus");
});

test("dark Office theme in English", async () => {
  const dark = await openWorkbench("?theme=dark&lang=en-US");
  const pane = new WorkbenchPage(dark);
  await visible(pane.card(/^Nilai Asesor \(E\)/).getByText("3.19"));
  const frame = dark.frame({ url: /taskpane\.html/ })!;
  const bg = await frame.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(3 * 80);
  await shot("09-dark-english", dark);
  await dark.close();
});

test("an older Excel (ExcelApi 1.3): the pane says what it cannot do, and Refresh still works", async () => {
  const old = await openWorkbench("?api=1.3");
  const pane = new WorkbenchPage(old);
  await visible(pane.pane.getByText("Excel ini lebih lama"));
  await visible(pane.pane.getByText(/belum bisa memasang validasi data dari add-in \(perlu ExcelApi 1\.8\)/));
  await pane.openSheet(SHEET);
  await pane.type("E8", "4");
  await pane.pane.getByRole("button", { name: "Muat ulang" }).click();
  await visible(pane.card(/^Nilai Asesor \(E\)/).getByText(expectedIndex({ E8: 4 }, 1)));
  await shot("10-older-excel", old);
  await old.close();
});

test("a Pemdi 2026 workbook: 1.24 Kurang (Merintis), the weights' source in the details, external indicators and the I5 conversion", async () => {
  const pemdi = await startWorkbench({
    workbook: path.join(__dirname, "..", "fixtures", "xlsx", "pemdi-aceh-tengah.xlsx"),
  });
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  p.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    await p.goto(pemdi.url);
    const w = new WorkbenchPage(p);
    await hasText(w.card(/^Nilai Asesor \(D\)/), /Indeks\s+1,24\s+Predikat\s+Kurang \(Merintis\)/);
    // where the weights come from is in the detection's details, not a warning above the index
    expect(await w.pane.getByText(/bobot dari sumber sekunder/).count()).toBe(0);
    expect(await w.pane.getByRole("heading", { name: "Indeks domain" }).count()).toBe(0);
    expect(await w.pane.getByRole("meter").count()).toBe(7);
    await shot("11-pemdi", p);
    await w.section("Lainnya");
    await w.pane.getByText("Yang terbaca").click();
    await visible(w.pane.getByText(/^bobot dari sumber sekunder .* tereproduksi sampai digit terakhir$/));
    await w.pane.getByRole("textbox", { name: /Hitung I5 dari SDI/ }).fill("50");
    await visible(w.pane.getByText("I5 = 3,00; ketik nilai ini di sel indikatornya."));
    await w.section(/^Nilai rendah/);
    // Nearly every indicator is low: the list says how many of how many, the largest gain in index first.
    const low = w.pane.getByRole("list", { name: "Nilai Asesor (D): 19 dari 20 indikator di bawah 2,50" });
    await hasText(
      low.getByRole("button").first(),
      /^D\d+\s*I20\b[\s\S]*paling berpengaruh\s*nilai\s*1,30\s*kenaikan indeks bila naik satu tingkat\s*\+0,15$/,
    );
    await low.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot("12-pemdi-low-scores", p);
    await w.pane.getByRole("button", { name: /^D\d+ I5 .*eksternal/ }).click();
    await hasValue(w.selectedCell(), /^Pemdi 2026!D\d+$/);
    await shot("12-pemdi-external-go-to", p);
    await w.pane.getByRole("button", { name: "Pengaturan" }).click();
    await visible(w.pane.getByRole("form", { name: "Pengaturan" }));
    // the header row detected is offered as the field's placeholder
    await visible(w.pane.getByRole("textbox", { name: /Baris judul kolom/ }));
    expect(await w.pane.getByRole("textbox", { name: /Baris judul kolom/ }).getAttribute("placeholder")).toMatch(
      /^\d+$/,
    );
    await shot("13-settings", p);
  } finally {
    await p.close();
    await pemdi.close();
  }
});

describe("the first download and the chunks fetched later", () => {
  /** The pane's own scripts fetched so far (the workbench adds its fake Office beside them). */
  const scripts = (p: Page) =>
    p.frame({ url: /taskpane\.html/ })!.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e.name.split("/").pop()!)
        .filter((n) => n.endsWith(".js") && n !== "fake-office.js"),
    );
  const chunk = (name: string) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`);

  test("taskpane.html loads one script; once the index shows, the parts a click may want are fetched while idle, from the pane's sub-path", async () => {
    const p = await openWorkbench();
    try {
      const w = new WorkbenchPage(p);
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      // The page as published names one script (the workbench only swaps office.js for its fake).
      expect(entryScripts()).toEqual([expect.stringMatching(chunk("taskpane"))]);
      // Fetched relative to the script, under /pane/ as under any ADDIN_URL's folder.
      for (const name of ["tabs", "settings", "preview", "tools", "record", "apply", "en"])
        await until(
          async () => (await scripts(p)).join(" "),
          new RegExp(`(^| )${name}\\.[0-9a-f]{8}\\.js`),
          `the ${name} chunk fetched once the index shows`,
        );
      expect((await scripts(p)).some((s) => chunk("charts").test(s))).toBe(false);
      expect((await scripts(p)).some((s) => chunk("dark").test(s))).toBe(false);
      // Opened now, each part is there at once: no spinner.
      await w.pane.getByRole("button", { name: "Pengaturan" }).click();
      await visible(w.pane.getByRole("form", { name: "Pengaturan" }));
      expect(await w.pane.getByRole("progressbar").count()).toBe(0);
      await w.pane.getByRole("button", { name: "Pengaturan", exact: true }).click();
      await w.section("Alat asesor");
      await visible(w.pane.getByRole("button", { name: "Menuju target" }));
      expect(await w.pane.getByRole("progressbar").count()).toBe(0);
      await shot("40-tools-prefetched", p);
    } finally {
      await p.close();
    }
  });

  test("a chunk the server no longer has: the part names itself, the rest of the pane works, and Coba lagi fetches it", async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    p.on("pageerror", (e) => pageErrors.push(e.message));
    // As after a server update between the pane's load and the click: the old chunks are gone.
    const gone = /\/pane\/(tools|apply)\.[0-9a-f]{8}\.js$/;
    await p.route(gone, (r) => r.fulfill({ status: 404, body: "" }));
    try {
      await p.goto(workbench.url);
      const w = new WorkbenchPage(p);
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      await w.section("Alat asesor");
      const failed = w.pane.getByTestId("part-failed-tools");
      await hasText(failed, /Alat asesor tidak dapat dimuat/);
      await hasText(failed, /add-in baru saja diperbarui/);
      await failed.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await shot("41-tools-chunk-failed", p);
      await w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).click();
      const error = w.pane.getByText(/Pemeriksaan sebelum menulis tidak dapat dimuat/);
      await visible(error);
      expect(await w.pane.getByRole("dialog").count()).toBe(0);
      // The index and the rest stay.
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      await p.unroute(gone);
      await failed.getByRole("button", { name: "Coba lagi" }).click();
      await visible(w.pane.getByRole("button", { name: "Menuju target" }));
      await w.pane.getByRole("button", { name: "Coba lagi" }).click();
      await visible(
        w.pane.getByRole("dialog", { name: "Terapkan ke buku kerja" }).getByText("Lembar hasil: Indeks SPBE"),
      );
      await shot("42-apply-after-retry", p);
    } finally {
      await p.close();
    }
  });

  test("the index does not wait for the row of sections; held back, a placeholder of its height keeps the section under it in place", async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    p.on("pageerror", (e) => pageErrors.push(e.message));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tabs = /\/pane\/tabs\.[0-9a-f]{8}\.js$/;
    await p.route(tabs, async (r) => {
      await held;
      await r.continue();
    });
    try {
      await p.goto(workbench.url);
      const w = new WorkbenchPage(p);
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      const placeholder = w.pane.getByTestId("sections-loading").first();
      await visible(placeholder);
      expect(await w.pane.getByRole("tab").count()).toBe(0);
      const panel = w.pane.getByRole("tabpanel").first();
      await visible(panel.getByRole("heading", { name: "Indeks aspek" }));
      await placeholder.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const waiting = { row: (await placeholder.boundingBox())!, panel: (await panel.boundingBox())! };
      await shot("44-sections-held-back", p);
      release();
      const row = w.pane.getByRole("tablist").first();
      await visible(row);
      await settled(p);
      const shown = { row: (await row.boundingBox())!, panel: (await panel.boundingBox())! };
      expect(await w.pane.getByTestId("sections-loading").count()).toBe(0);
      expect(Math.abs(shown.row.height - waiting.row.height)).toBeLessThan(0.5);
      expect(Math.abs(shown.panel.y - waiting.panel.y)).toBeLessThan(0.5);
      await shot("45-sections-arrived", p);
    } finally {
      await p.close();
    }
  });

  test("the dark theme is fetched before the first render only when Office is dark", async () => {
    const p = await openWorkbench("?theme=dark");
    try {
      const w = new WorkbenchPage(p);
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      expect((await scripts(p)).some((s) => chunk("dark").test(s))).toBe(true);
      const bg = await p
        .frame({ url: /taskpane\.html/ })!
        .evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe("rgb(41, 41, 41)");
    } finally {
      await p.close();
    }
  });
});

describe("English, a chunk of its own", () => {
  const EN = /\/pane\/en\.[0-9a-f]{8}\.js$/;
  /**
   * Runs in the pane's frame from its first script: notes whether any of the pane's
   * Indonesian words was ever drawn, when the first index appeared, and when webpack asked
   * for English's chunk (it adds a script element for it). A string, not a function: tsx
   * would add its own helpers to a function's source.
   */
  const WATCH = `
    if (location.pathname.endsWith("taskpane.html")) {
      window.__indonesian = [];
      new MutationObserver(() => {
        if (!window.__enAskedAt && [...document.scripts].some((s) => /\\/en\\.[0-9a-f]{8}\\.js$/.test(s.src)))
          window.__enAskedAt = performance.now();
        const pane = document.getElementById("container");
        if (!pane) return;
        const text = pane.textContent || "";
        for (const word of ["Membaca buku kerja", "Terapkan ke buku kerja", "Indeks domain", "Mode rapat"])
          if (text.includes(word) && !window.__indonesian.includes(word)) window.__indonesian.push(word);
        if (!window.__indexAt && pane.querySelector('[data-testid="index"]')) window.__indexAt = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }
  `;
  const frameOf = (p: Page) => p.frame({ url: /taskpane\.html/ })!;
  /** what the watch saw, on the pane's own clock */
  const watched = (p: Page) =>
    frameOf(p).evaluate(() => {
      const w = window as unknown as { __indonesian: string[]; __indexAt?: number; __enAskedAt?: number };
      return { indonesian: w.__indonesian, indexAt: w.__indexAt ?? null, enAskedAt: w.__enAskedAt ?? null };
    });

  async function openWatched(): Promise<{ p: Page; w: WorkbenchPage }> {
    const p = await browser.newPage({ viewport: { width: 1280, height: 731 } });
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.addInitScript(WATCH);
    return { p, w: new WorkbenchPage(p) };
  }

  async function go(p: Page, query: string) {
    await p.goto(workbench.url + query);
    await p.addStyleTag({ content: ".pane { width: 320px !important }" });
  }

  async function paneShot(p: Page, name: string) {
    await settled(p);
    await p.locator(".pane").screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  test("Office in English: English's chunk comes before the first render, and no Indonesian word shows first", async () => {
    const { p, w } = await openWatched();
    try {
      await go(p, "?lang=en-US");
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3\.19/);
      await visible(w.pane.getByRole("button", { name: "Apply to workbook" }));
      const seen = await watched(p);
      expect(seen.indonesian).toEqual([]);
      expect(seen.enAskedAt).not.toBeNull();
      expect(seen.enAskedAt!).toBeLessThan(seen.indexAt!);
      expect(await frameOf(p).evaluate(() => document.documentElement.lang)).toBe("en");
      await paneShot(p, "43-english-start-320");
    } finally {
      await p.close();
    }
  });

  test("Office in Indonesian: English is not fetched before the first result; the language button waits for it, busy, then speaks English", async () => {
    const { p, w } = await openWatched();
    // The chunk is held on its way, as on a slow network, until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await p.route(EN, async (r) => {
      await held;
      await r.continue();
    });
    try {
      await go(p, "");
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      // Asked for while idle, after the index showed.
      await until(async () => String((await watched(p)).enAskedAt), /^\d/, "English's chunk asked for while idle");
      const seen = await watched(p);
      expect(seen.enAskedAt!).toBeGreaterThan(seen.indexAt!);
      const button = w.pane.getByRole("button", { name: "Switch to English" });
      await button.click();
      await until(async () => String(await button.getAttribute("aria-busy")), /^true$/, "the language button busy");
      await visible(w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }));
      // The spinner turns for as long as it waits: no waiting for the page to settle here.
      await p.locator(".pane").screenshot({ path: path.join(SHOTS, "44-english-loading-320.png") });
      release();
      await visible(w.pane.getByRole("button", { name: "Apply to workbook" }));
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
      expect(await frameOf(p).evaluate(() => document.documentElement.lang)).toBe("en");
      await paneShot(p, "44-english-after-switch-320");
    } finally {
      release();
      await p.close();
    }
  });

  test("Office in English and English's chunk gone from the server: the pane opens in Indonesian, says why in both languages, and the retry brings English", async () => {
    const { p, w } = await openWatched();
    await p.route(EN, (r) => r.fulfill({ status: 404, body: "" }));
    try {
      await go(p, "?lang=en-US");
      await hasText(w.card(/^Nilai Asesor \(E\)/), /3\.19/);
      await visible(w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }));
      await visible(
        w.pane.getByText(/Bahasa Inggris tidak terunduh dari server add-in .*; panel tetap berbahasa Indonesia\./),
      );
      await visible(
        w.pane.getByText(/English did not arrive from the add-in.s server .*; the pane stays in Indonesian\./),
      );
      // The watch that saw no Indonesian in an English start sees it here.
      expect((await watched(p)).indonesian).toContain("Terapkan ke buku kerja");
      await paneShot(p, "45-english-chunk-missing-320");
      await p.unroute(EN);
      await w.pane.getByRole("button", { name: "Coba lagi / Try again" }).click();
      await visible(w.pane.getByRole("button", { name: "Apply to workbook" }));
      expect(await w.pane.getByText(/did not arrive/).count()).toBe(0);
    } finally {
      await p.close();
    }
  });
});

describe("assessor tools", () => {
  /** A fresh sample (each page has its own fake workbook), tall enough to show a tool open. */
  let tools: Page;
  let w: WorkbenchPage;

  beforeAll(async () => {
    tools = await openWorkbench("", 1400);
    w = new WorkbenchPage(tools);
    await hasText(w.card(/^Nilai Asesor \(E\)/), /3,19/);
    await w.section("Alat asesor");
  });

  afterAll(async () => {
    await tools?.close();
  });

  /** Scroll the pane so a part of it is at the top, then photograph the page. */
  async function shotAt(name: string, part: ReturnType<FrameLocator["getByRole"]>, target: Page = tools) {
    await part.first().evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(name, target);
  }

  test("path to target: 3.19 → 3.70 in 18 steps ending at 3.71, Sangat Baik from step 11; a step selects its cell", async () => {
    const table = analyze(sample, FRAMEWORKS).tables[0];
    const plan = planAssessment(table, table.assessments[1], { target: 3.7 });
    if (!plan.ok) throw new Error("the sample's assessor column should be plannable");
    await w.pane.getByRole("button", { name: "Menuju target" }).click();
    await w.pane.getByRole("textbox", { name: /Target indeks/ }).fill("3,70");
    // By default each indicator rises one level at most: 19 raises, one per indicator.
    await visible(w.pane.getByText("Target 3,70 tercapai dengan 19 langkah: indeks menjadi 3,72, Sangat Baik."));
    await w.pane.getByRole("combobox", { name: /Kenaikan per indikator/ }).selectOption("0");
    await visible(w.pane.getByText("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik."));
    await visible(w.pane.getByText(/Indeks 3,75, Sangat Baik, sudah mencapai target 3,70/));
    // One line per indicator; 43 raised three times is one line.
    const groups = w.pane.getByRole("list", { name: "Indikator yang dinaikkan untuk Nilai Asesor (E)" });
    await hasText(groups.getByRole("button", { name: /^43 Layanan Data Terbuka / }), /2 → 5\s+3 langkah/);
    expect(await groups.getByRole("listitem").count()).toBe(new Set(plan.steps.map((st) => st.code)).size);
    await shotAt("14-target-plan", groups);
    await w.pane.getByRole("button", { name: "Rincian 18 langkah" }).click();
    const list = w.pane.getByRole("list", { name: "Langkah untuk Nilai Asesor (E)" });
    expect(await list.getByRole("listitem").count()).toBe(18);
    const step11 = list.getByRole("button", { name: /^Langkah 11 / });
    await hasText(step11, /Baik → Sangat Baik/);
    await list.getByRole("button", { name: /^Langkah 1 / }).click();
    await hasValue(w.selectedCell(), `${SHEET}!${plan.steps[0].cell}`);
    await hasClass(w.cell(plan.steps[0].cell!), /selected/);
    await shotAt("15-target-step-selected", list);
  });

  test("the plan written to a sheet: Rencana Target with live formulas, the planned index the pane's", async () => {
    await visible(w.pane.getByText("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik."));
    const write = w.pane.getByRole("button", { name: "Tulis rencana ke lembar" });
    expect(await write.count()).toBe(2);
    await write.nth(1).click();
    await visible(w.pane.getByText(/^Rencana ditulis ke lembar "Rencana Target"/));
    await shotAt(
      "15b-target-plan-written",
      w.pane.getByRole("list", { name: /^Indikator yang dinaikkan untuk Nilai Asesor/ }),
    );
    await w.openSheet("Rencana Target");
    await hasText(w.cell("D8"), /^3[.,]19$/);
    await hasText(w.cell("E8"), /^3[.,]71$/);
    await hasText(w.cell("E10"), /^Ya \/ Yes$/);
    // A colleague tries another raise on the sheet itself (indicator 1 to 5, on row 30): the planned index follows.
    const table = analyze(sample, FRAMEWORKS).tables[0];
    const plan = planAssessment(table, table.assessments[1], { target: 3.7 });
    if (!plan.ok || plan.steps.some((st) => st.indicator === 1)) throw new Error("indicator 1 should stay as it is");
    const gain = mul(
      sub(fromInt(5), table.assessments[1].values.get(1)!),
      div(table.framework.byId.get(1)!.weight, fromInt(100)),
    );
    const units = roundHalfUpUnits(add(plan.index, gain), 2);
    await w.type("E30", "5");
    await hasText(w.cell("E8"), new RegExp(`^${formatUnits(units, "en").replace(".", "[.,]")}$`));
    await shot("15c-plan-sheet", tools);
    await w.openSheet(SHEET);
  });

  test("charts: domains and aspects per column with the target line, loaded as their own chunk", async () => {
    const frame = tools.frame({ url: /taskpane\.html/ })!;
    // The pane's own scripts (the workbench adds its fake Office beside them).
    const scripts = () =>
      frame.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name.split("/").pop()!)
          .filter((n) => n.endsWith(".js") && n !== "fake-office.js"),
      );
    // Every script is named by its content, so a cached old one is never used; the charts come in their own.
    for (const s of await scripts()) expect(s).toMatch(/^[\w-]+\.[0-9a-f]{8}\.js$/);
    await w.pane.getByRole("button", { name: "Grafik" }).click();
    const domains = w.pane.getByRole("figure", { name: "Indeks domain" });
    const aspects = w.pane.getByRole("figure", { name: "Indeks aspek" });
    await visible(domains.getByRole("region", { name: "Indeks domain per kolom nilai, dengan garis target 3,70" }));
    await visible(aspects.getByRole("region", { name: "Indeks aspek per kolom nilai, dengan garis target 3,70" }));
    // 4 domains × 2 columns, each bar named for screen readers in the pane's language; the target as a dashed line across.
    await visible(domains.getByRole("option", { name: "Domain 3 Manajemen SPBE. Nilai Asesor (E), 2,18." }));
    await visible(domains.getByRole("listbox", { name: "Domain 3 Manajemen SPBE" }));
    expect(await domains.locator('[aria-label*="category"]').count()).toBe(0);
    expect(await domains.locator("svg rect[aria-label]").count()).toBe(8);
    expect(await aspects.locator("svg rect[aria-label]").count()).toBe(16);
    expect(await domains.locator("line[stroke-dasharray]").count()).toBe(3);
    // The legend is the pane's own list, in the pane's language.
    const legend = domains.getByRole("list", { name: "Keterangan Indeks domain" });
    for (const name of ["Penilaian Mandiri (D)", "Nilai Asesor (E)", "Garis target 3,70"])
      await visible(legend.getByText(name, { exact: true }));
    expect(await scripts()).toContainEqual(expect.stringMatching(/^charts\.[0-9a-f]{8}\.js$/));
    await shotAt("16-charts", domains);
  });

  test("self versus assessor: 3.75 → 3.19, −0.56, by domain; the agenda's top row selects the assessor's cell", async () => {
    await w.pane.getByRole("button", { name: "Menuju target" }).click();
    await w.pane.getByRole("button", { name: "Grafik" }).click();
    await w.pane.getByRole("button", { name: "Selisih mandiri dan asesor" }).click();
    await visible(w.pane.getByText("3,75 → 3,19"));
    // The gap itself, not the agenda's sentence that repeats it.
    await hasText(w.pane.getByText(/^Selisih indeks\s*−0,56$/), /Selisih indeks\s*−0,56/);
    await visible(w.pane.getByRole("heading", { name: "Sumbangan tiap domain ke selisih indeks" }));
    const largest = reconcileTable(analyze(sample, FRAMEWORKS).tables[0])!.differences[0];
    expect(largest.code).toBe("40");
    const first = w.pane.getByRole("button", { name: /pengaruh ke indeks −0,06 bila diterima 3,25 terbesar$/ });
    await hasText(first, /40\s+Layanan Akuntabilitas Kinerja Organisasi/);
    await first.click();
    await hasValue(w.selectedCell(), `${SHEET}!${largest.cells[1]}`);
    await shotAt(
      "17-self-vs-assessor",
      w.pane.getByRole("heading", { name: "Sumbangan tiap domain ke selisih indeks" }),
    );
  });

  test("levels without evidence: counted per domain, a row selects the empty evidence cell", async () => {
    await w.pane.getByRole("button", { name: "Selisih mandiri dan asesor" }).click();
    await w.pane.getByRole("button", { name: "Tanpa bukti dukung (15)" }).click();
    await visible(w.pane.getByText(/kolom F\) kosong/));
    const gap = tableEvidenceGaps(analyze(sample, FRAMEWORKS).tables[0])![0].gaps.find((g) => g.code === "3")!;
    const row = w.pane
      .getByRole("button", { name: `${gap.evidenceCell} 3 Kebijakan Internal Manajemen Data nilai 4` })
      .first();
    await row.click();
    await hasValue(w.selectedCell(), `${SHEET}!${gap.evidenceCell}`);
    await hasClass(w.cell(gap.evidenceCell!), /selected/);
    await shotAt("18-evidence", w.pane.getByText(/kolom F\) kosong/));
  });

  test("apply stores the target in the results sheet", async () => {
    await w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).click();
    await w.pane
      .getByRole("dialog", { name: "Terapkan ke buku kerja" })
      .getByRole("button", { name: "Terapkan", exact: true })
      .click();
    await visible(w.pane.getByText(/^Sudah diterapkan: \d+ sel ditulis\. Hasil ada di lembar "Indeks SPBE"/));
    expect(await w.pane.getByText("Bagian yang tidak dapat ditulis oleh Excel ini:").count()).toBe(0);
    await w.openSheet("Indeks SPBE");
    await hasText(w.cell("B7"), "3.70");
  });

  test("dark theme in English: the plan, the gap and the charts", async () => {
    const dark = await openWorkbench("?theme=dark&lang=en-US", 1400);
    try {
      const d = new WorkbenchPage(dark);
      await hasText(d.card(/^Nilai Asesor \(E\)/), /3\.19/);
      await d.section("Assessor tools");
      await d.pane.getByRole("button", { name: "Path to target" }).click();
      await d.pane.getByRole("textbox", { name: /Target index/ }).fill("3.7");
      await d.pane.getByRole("combobox", { name: /Rise per indicator/ }).selectOption("0");
      await d.pane.getByRole("button", { name: "Details of the 18 steps" }).click();
      const list = d.pane.getByRole("list", { name: "Steps for Nilai Asesor (E)" });
      await hasText(list.getByRole("button", { name: /^Step 11 / }), /Baik → Sangat Baik/);
      await shotAt("19-dark-target-plan", list, dark);
      await d.pane.getByRole("button", { name: "Path to target" }).click();
      await d.pane.getByRole("button", { name: "Self versus assessor" }).click();
      await d.pane.getByRole("button", { name: "Charts" }).click();
      await visible(
        d.pane.getByRole("region", { name: "Aspect indices per level column, with the target line at 3.70" }),
      );
      await shotAt(
        "20-dark-self-vs-assessor",
        d.pane.getByRole("heading", { name: "Each domain's contribution to the index difference" }),
        dark,
      );
      await shotAt("21-dark-charts", d.pane.getByRole("figure", { name: "Domain indices" }), dark);
    } finally {
      await dark.close();
    }
  });

  test("an older Excel (ExcelApi 1.3): after apply, the pane lists the parts it skipped", async () => {
    const old = await openWorkbench("?api=1.3&lang=en-US");
    try {
      const o = new WorkbenchPage(old);
      await hasText(o.card(/^Nilai Asesor \(E\)/), /3\.19/);
      await o.pane.getByRole("button", { name: "Apply to workbook" }).click();
      await o.pane
        .getByRole("dialog", { name: "Apply to workbook" })
        .getByRole("button", { name: "Apply", exact: true })
        .click();
      await visible(o.pane.getByText("Parts this Excel could not write:"));
      await visible(o.pane.getByText(/cannot set data validation from an add-in \(needs ExcelApi 1\.8\)/));
      await visible(o.pane.getByText(/cannot add conditional formats from an add-in \(needs ExcelApi 1\.6\)/));
      await shot("22-older-excel-skipped", old);
    } finally {
      await old.close();
    }
  });
});

describe("the meeting view at Excel's pane widths", () => {
  const AXE = require.resolve("axe-core/axe.min.js");
  /** Excel's task pane: 350 px on the web, 320 on Windows, 270 on a Mac; 700 px tall. */
  const WIDTHS = [270, 320, 350];

  /**
   * The pane at a width Excel gives it; `zoom` 2 is the browser at 200 %: half the CSS
   * pixels across the same screen width, drawn at twice the density.
   */
  async function paneAt(
    width: number,
    query: string,
    zoom: 1 | 2 = 1,
  ): Promise<{ p: Page; w: WorkbenchPage; frame: Frame }> {
    const p = zoom === 1 ? await openWorkbench(query, 700 + 31) : await openZoomed(query, (700 + 31) / zoom, zoom);
    await p.addStyleTag({ content: `.pane { width: ${width / zoom}px !important }` });
    const w = new WorkbenchPage(p);
    await visible(w.card(/^Nilai Asesor \(E\)/));
    return { p, w, frame: p.frame({ url: /taskpane\.html/ })! };
  }

  async function paneShot(p: Page, name: string) {
    await settled(p);
    await p.locator(".pane").screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /**
   * axe-core's serious and critical findings on the pane's own markup, one line each, once
   * every transition has ended (a dialog fading in has no contrast yet). Fluent's focus
   * manager adds hidden focusable guards (`data-tabster-dummy`) around its focus zones on
   * purpose; they are its markup, not the pane's, and are left out.
   */
  async function axe(frame: Frame): Promise<string[]> {
    await settled(frame.page());
    if (!(await frame.evaluate(() => "axe" in window))) await frame.addScriptTag({ path: AXE });
    return frame.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run(
            ctx: object,
            o: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      };
      const r = await w.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 4)
              .join(", ")}`,
        );
    });
  }

  for (const width of WIDTHS) {
    for (const lang of ["id-ID", "en-US"]) {
      test(`${width} px, ${lang}: no sideways scroll; the index and what blocks it on the first screen`, async () => {
        const { p, w, frame } = await paneAt(width, `?lang=${lang}`);
        try {
          await w.openSheet(SHEET);
          await w.type("E7", "7");
          await visible(w.card(/^Nilai Asesor \(E\)/).getByTestId("stale-reason"));
          const fold = await frame.evaluate(() => {
            const el = document.documentElement;
            const bottom = (q: Element | null) => (q ? q.getBoundingClientRect().bottom : Infinity);
            const row = document.querySelector('[data-testid="stale-reason"]');
            return {
              sideways: el.scrollWidth - el.clientWidth,
              height: window.innerHeight,
              cards: Math.max(
                ...[...document.querySelectorAll("section[data-column]")].map((c) => c.getBoundingClientRect().bottom),
              ),
              problem: bottom(row),
            };
          });
          expect(fold.sideways).toBe(0);
          expect(fold.cards).toBeLessThanOrEqual(fold.height);
          expect(fold.problem).toBeLessThanOrEqual(fold.height);
          await paneShot(p, `30-width-${width}-${lang}`);
          await w.type("E7", "3");
          await visible(w.card(/^Nilai Asesor \(E\)/).getByTestId("index"));
          // Every section, at this width, without scrolling sideways either.
          for (const name of await w.sectionNames()) {
            await w.section(name);
            expect(
              await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
            ).toBe(0);
          }
        } finally {
          await p.close();
        }
      });
    }
  }

  test("meeting mode at 270 px, and forced colours: large figures inside their cards, bars still drawn, nothing serious for axe", async () => {
    const { p, w, frame } = await paneAt(270, "");
    try {
      await w.pane.getByRole("switch", { name: "Mode rapat" }).click();
      expect(await w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).count()).toBe(0);
      const sizes = await frame.evaluate(() => {
        const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
        const indices = [...document.querySelectorAll('[data-testid="index"]')];
        const values = [...document.querySelectorAll("li [aria-hidden=true]")].filter((e) =>
          /^\d,\d\d$/.test(e.textContent ?? ""),
        );
        const width = document.documentElement.clientWidth;
        const cards = [...document.querySelectorAll("section[data-column]")];
        return {
          index: Math.min(...indices.map(px)),
          values: Math.min(...values.map(px)),
          count: values.length,
          // At 270 px the projected cards stand one above the other, each whole inside the pane.
          inside: cards.every((c) => c.getBoundingClientRect().right <= width && c.scrollWidth <= c.clientWidth),
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(sizes.index).toBeGreaterThanOrEqual(48);
      expect(sizes.values).toBeGreaterThanOrEqual(20);
      expect(sizes.count).toBeGreaterThanOrEqual(8);
      expect(sizes.inside).toBe(true);
      expect(sizes.sideways).toBe(0);
      expect(await axe(frame)).toEqual([]);
      await paneShot(p, "34-meeting-270");
      await p.emulateMedia({ forcedColors: "active" });
      // Under Windows high contrast a bar keeps its fill, in a system colour, and its track an outline.
      const bar = await frame.evaluate(() => {
        const fill = document.querySelector('[role="meter"] > div')!;
        const track = fill.parentElement!;
        return {
          fill: getComputedStyle(fill).backgroundColor + " " + getComputedStyle(fill).backgroundImage,
          track: getComputedStyle(track).borderTopStyle,
        };
      });
      expect(bar.fill).not.toMatch(/^rgba\(0, 0, 0, 0\) none$/);
      expect(bar.track).toBe("solid");
      expect(await axe(frame)).toEqual([]);
      await paneShot(p, "35-meeting-forced-colours");
      await w.pane.getByRole("switch", { name: "Mode rapat" }).click();
    } finally {
      await p.close();
    }
  });

  test("settings at 270 px: no sideways scroll", async () => {
    const { p, w, frame } = await paneAt(270, "");
    try {
      await w.pane.getByRole("button", { name: "Pengaturan" }).click();
      await visible(w.pane.getByRole("form", { name: "Pengaturan" }));
      expect(
        await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      await paneShot(p, "31-settings-270");
    } finally {
      await p.close();
    }
  });

  test("axe-core finds nothing serious in light, dark, with the tools open and with the dialog open", async () => {
    const found: Record<string, string[]> = {};
    for (const theme of ["", "?theme=dark&lang=en-US"]) {
      const { p, w, frame } = await paneAt(320, theme);
      try {
        const tag = theme ? "dark" : "light";
        found[tag] = await axe(frame);
        for (const name of await w.sectionNames()) {
          await w.section(name);
          found[`${tag}, ${name}`] = await axe(frame);
        }
        await w.section(/^(Alat asesor|Assessor tools)$/);
        const headers = theme
          ? ["Path to target", "Self versus assessor", "Charts", /^Without evidence/]
          : ["Menuju target", "Selisih mandiri dan asesor", "Grafik", /^Tanpa bukti dukung/];
        for (const name of headers) {
          const header = w.pane.getByRole("button", { name });
          if ((await header.count()) > 0 && (await header.getAttribute("aria-expanded")) === "false")
            await header.click();
        }
        await w.pane.getByRole("textbox", { name: /Target (indeks|index)/ }).fill("3,7");
        await visible(w.pane.locator("figure svg").first());
        found[`${tag}, tools open`] = await axe(frame);
        await paneShot(p, `32-tools-open-${tag}`);
        await w.pane.getByRole("button", { name: /^(Terapkan ke buku kerja|Apply to workbook)$/ }).click();
        await visible(w.pane.getByRole("dialog"));
        found[`${tag}, dialog open`] = await axe(frame);
        await paneShot(p, `33-dialog-${tag}`);
      } finally {
        await p.close();
      }
    }
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(Object.keys(found)).toHaveLength(2 * 8);
  });

  /**
   * Tab through the whole pane: every stop shows a ring on the element itself — an outline,
   * or Fluent's ring drawn by a pseudo-element, which needs the element positioned so it
   * surrounds the element and not the whole pane.
   */
  test("keyboard: every Tab stop has a visible focus ring of its own; focus comes back from the dialog and the settings", async () => {
    const { p, w, frame } = await paneAt(320, "");
    try {
      await w.section(/^Nilai rendah/);
      await frame.locator("body").click({ position: { x: 2, y: 2 } });
      const stops: { name: string; ring: boolean }[] = [];
      for (let k = 0; k < 80; k++) {
        await p.keyboard.press("Tab");
        const stop = await frame.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const own = getComputedStyle(el);
          const after = getComputedStyle(el, "::after");
          const outline = own.outlineStyle !== "none" && parseFloat(own.outlineWidth) > 0;
          const pseudo =
            after.borderTopStyle !== "none" &&
            parseFloat(after.borderTopWidth) > 0 &&
            after.position === "absolute" &&
            own.position !== "static";
          const shadow = own.boxShadow !== "none";
          return {
            name: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40),
            ring: outline || pseudo || shadow,
            id: el.outerHTML.slice(0, 60),
          };
        });
        if (!stop) break;
        if (stops.length > 0 && stops[0].name === stop.name && k > 3) break;
        stops.push(stop);
      }
      expect(stops.length).toBeGreaterThan(20);
      expect(stops.filter((x) => !x.ring)).toEqual([]);
      await paneShot(p, "34-keyboard-row-focus");

      const focusedName = () =>
        frame.evaluate(() =>
          (document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "").trim(),
        );
      await w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).focus();
      await p.keyboard.press("Enter");
      await visible(w.pane.getByRole("dialog"));
      await p.keyboard.press("Escape");
      await until(focusedName, "Terapkan ke buku kerja", "focus after the dialog");
      await w.pane.getByRole("button", { name: "Pengaturan" }).focus();
      await p.keyboard.press("Enter");
      await w.pane.getByRole("button", { name: "Tutup pengaturan" }).click();
      await until(focusedName, "Pengaturan", "focus after the settings");
      // The skip link takes the keyboard straight to the tools.
      await frame.locator("body").click({ position: { x: 2, y: 2 } });
      await p.keyboard.press("Tab");
      await p.keyboard.press("Enter");
      await visible(w.pane.getByRole("button", { name: "Menuju target" }));
      expect(await frame.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tabpanel");
    } finally {
      await p.close();
    }
  });

  /** The tops of the tabs shown in the sections' row: one row when they are all the same. */
  const tabRow = (frame: Frame) =>
    frame.evaluate(() => {
      const list = document.querySelector('[role="tablist"]')!;
      const tabs = [...list.querySelectorAll('[role="tab"]')].filter((t) => (t as HTMLElement).offsetParent !== null);
      const boxes = tabs.map((t) => t.getBoundingClientRect());
      const bottom = Math.min(...boxes.map((b) => b.bottom));
      return {
        // one row: every tab (the "more" button too) starts above the bottom of the shortest
        rows: boxes.every((b) => b.top < bottom) ? 1 : 2,
        inside: tabs.every((t) => t.getBoundingClientRect().right <= list.getBoundingClientRect().right + 1),
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });

  for (const [width, zoom] of [
    [270, 1],
    [320, 1],
    [450, 1],
    [270, 2],
    [320, 2],
  ] as const) {
    test(`${width} px${zoom === 2 ? " at 200 %" : ""}: the sections' tabs stay on one row; the rest are in the "more" menu`, async () => {
      const { p, w, frame } = await paneAt(width, "", zoom);
      try {
        const tabs = w.pane.getByRole("tablist", { name: "Bagian lain" });
        await tabs.evaluate((el) => el.scrollIntoView({ block: "start" }));
        const row = await tabRow(frame);
        expect(row.rows).toBe(1);
        expect(row.inside).toBe(true);
        expect(row.sideways).toBe(0);
        // Whatever fits, every section is still there, in order.
        expect(await w.sectionNames()).toEqual([
          "Indeks aspek",
          "Masalah (0)",
          "Nilai rendah (23)",
          "Alat asesor",
          "Lainnya",
        ]);
        await paneShot(p, `40-tabs-${width}${zoom === 2 ? "-zoom" : ""}`);
        if ((await w.pane.getByTestId("more-sections").count()) > 0) {
          await w.pane.getByTestId("more-sections").click();
          await visible(w.pane.getByRole("menu"));
          expect(await axe(frame)).toEqual([]);
          await paneShot(p, `40-tabs-${width}${zoom === 2 ? "-zoom" : ""}-menu`);
          await p.keyboard.press("Escape");
        }
      } finally {
        await p.close();
      }
    });
  }

  test("the sections' row by keyboard at 270 px: arrows reach the \"more\" button, Enter opens the menu, the chosen section's tab takes focus", async () => {
    const { p, w, frame } = await paneAt(270, "");
    try {
      const first = w.pane.getByRole("tab", { name: "Indeks aspek" });
      await first.focus();
      await p.keyboard.press("ArrowRight");
      await until(
        () => frame.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? ""),
        "more-sections",
        "focus on the more button",
      );
      await p.keyboard.press("Enter");
      const menu = w.pane.getByRole("menu");
      await visible(menu);
      // Fluent's menu takes focus on its first item; arrows move, Enter chooses.
      await p.keyboard.press("ArrowDown");
      await p.keyboard.press("Enter");
      await visible(w.pane.getByRole("heading", { name: /^Nilai rendah, di bawah 3/ }));
      const selected = w.pane.getByRole("tab", { name: "Nilai rendah (23)" });
      expect(await selected.getAttribute("aria-selected")).toBe("true");
      await until(
        () => frame.evaluate(() => document.activeElement?.textContent ?? ""),
        "Nilai rendah (23)",
        "focus on the chosen tab",
      );
      expect((await tabRow(frame)).rows).toBe(1);
      await paneShot(p, "40-tabs-270-keyboard");
    } finally {
      await p.close();
    }
  });

  for (const [width, zoom, query, tag] of [
    [270, 1, "", "270"],
    [320, 2, "", "320-zoom"],
    [270, 1, "?theme=dark&lang=en-US", "270-dark"],
  ] as const) {
    test(`charts at ${tag}: the legend wraps inside the figure; under forced colours system colours, the columns apart by fill and outline`, async () => {
      const { p, w, frame } = await paneAt(width, query, zoom);
      try {
        const en = query.includes("en-US");
        await w.section(en ? "Assessor tools" : "Alat asesor");
        await w.pane.getByRole("button", { name: en ? "Path to target" : "Menuju target" }).click();
        await w.pane.getByRole("textbox", { name: en ? /Target index/ : /Target indeks/ }).fill(en ? "3.7" : "3,7");
        await w.pane.getByRole("button", { name: en ? "Charts" : "Grafik" }).click();
        const figure = w.pane.getByRole("figure", { name: en ? "Domain indices" : "Indeks domain" });
        await visible(figure.locator("svg rect[aria-label]").first());
        await p.mouse.move(0, 0);
        const legendFits = () =>
          figure.evaluate((f) => {
            const box = f.getBoundingClientRect();
            return [...f.querySelectorAll("li")].every((li) => {
              const r = li.getBoundingClientRect();
              return r.left >= box.left - 1 && r.right <= box.right + 1 && li.scrollWidth <= li.clientWidth + 1;
            });
          });
        expect(await legendFits()).toBe(true);
        expect(await figure.locator("li").count()).toBe(3);
        const toFigure = async () => {
          await settled(p);
          await figure.evaluate((el) => el.scrollIntoView({ block: "start" }));
        };
        await toFigure();
        await paneShot(p, `41-charts-${tag}`);
        await p.emulateMedia({ forcedColors: "active" });
        const drawn = await figure.evaluate((f) => {
          const style = (sel: string) => {
            const el = f.querySelector(sel)!;
            const cs = getComputedStyle(el);
            return `${cs.fill}|${cs.stroke}|${cs.strokeDasharray}`;
          };
          const probe = document.createElement("div");
          document.body.append(probe);
          const system = (c: string) => {
            probe.style.color = c;
            return getComputedStyle(probe).color;
          };
          const colours = { highlight: system("Highlight"), canvas: system("Canvas"), text: system("CanvasText") };
          probe.remove();
          return {
            first: style('rect[fill="var(--colorBrandForeground1)"]'),
            second: style('rect[fill="var(--colorPaletteDarkOrangeForeground1)"]'),
            colours,
          };
        });
        const [fill1, stroke1] = drawn.first.split("|");
        const [fill2, stroke2] = drawn.second.split("|");
        expect(fill1).toBe(drawn.colours.highlight);
        expect(fill2).toBe(drawn.colours.canvas);
        expect(stroke2).toBe(drawn.colours.text);
        expect(`${fill1}|${stroke1}`).not.toBe(`${fill2}|${stroke2}`);
        expect(await legendFits()).toBe(true);
        if (!query.includes("dark")) expect(await axe(frame)).toEqual([]);
        else {
          // axe-core reports the cards' text here although Chromium paints it in the forced
          // palette (black on white, measured), as the screenshot shows. What a reader sees is
          // measured instead: every text inside the cards against the background it sits on.
          const worst = await frame.evaluate(() => {
            const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
            const lum = (c: string) => {
              const [r, g, b] = rgb(c).map((v) => v / 255);
              const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            };
            const background = (el: Element | null): string => {
              for (; el; el = el.parentElement) {
                const c = getComputedStyle(el).backgroundColor;
                if (rgb(c).length === 3 || rgb(c)[3] === 1) return c;
              }
              return "rgb(255, 255, 255)";
            };
            let min = Infinity;
            for (const el of document.querySelectorAll("section[aria-label] *")) {
              if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
              const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))];
              min = Math.min(min, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
            }
            return min;
          });
          expect(worst).toBeGreaterThanOrEqual(4.5);
        }
        await toFigure();
        await paneShot(p, `41-charts-${tag}-forced-colours`);
      } finally {
        await p.close();
      }
    });
  }

  test("after a jump to a cell the pane says where it is and that the keyboard stays in the pane, at the foot of the visible pane", async () => {
    const { p, w, frame } = await paneAt(320, "");
    try {
      await w.section(/^Nilai rendah/);
      const first = w.pane
        .getByRole("list", { name: /^Nilai Asesor \(E\): 14 dari 47/ })
        .getByRole("button")
        .first();
      await hasText(first, /43\s+Layanan Data Terbuka/);
      await first.click();
      await hasValue(w.selectedCell(), /^Kertas Kerja!E\d+$/);
      const hint = w.pane.getByRole("status").filter({ hasText: /dipilih di lembar "Kertas Kerja"/ });
      await visible(hint);
      const onScreen = await hint.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight + 1);
      expect(onScreen).toBe(true);
      expect(await axe(frame)).toEqual([]);
      await paneShot(p, "42-jump-hint-320");
      await p.emulateMedia({ forcedColors: "active" });
      await paneShot(p, "42-jump-hint-320-forced-colours");
      await w.pane.getByRole("button", { name: "Tutup petunjuk" }).click();
      expect(await w.pane.getByText(/dipilih di lembar/).count()).toBe(0);
    } finally {
      await p.close();
    }
  });

  test("meeting mode asks Office for a 500 px pane where it may set the width, and gives the width back after", async () => {
    const p = await openWorkbench("", 731);
    try {
      const w = new WorkbenchPage(p);
      await visible(w.card(/^Nilai Asesor \(E\)/));
      const width = () => p.locator(".pane").evaluate((el) => String(Math.round(el.getBoundingClientRect().width)));
      const before = await width();
      expect(Number(before)).toBeLessThan(500);
      await w.pane.getByRole("switch", { name: "Mode rapat" }).click();
      await until(width, "501", "the pane widened");
      await paneShot(p, "43-meeting-wide");
      await w.pane.getByRole("switch", { name: "Mode rapat" }).click();
      await until(width, before, "the width given back");
    } finally {
      await p.close();
    }
  });
});
