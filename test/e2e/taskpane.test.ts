/**
 * The task pane in real Chromium, on the workbench: the production build of the pane
 * (dist/, rebuilt here when older than its sources; `.ci/run` builds it first with
 * `npm run build`) beside the sample workbook on the strict fake Excel.
 * Screenshots go to test-output/screenshots/.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { Browser, Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import { CellValue, parseA1, WorkbookGrid } from "../../src/core/grid";
import { FRAMEWORKS } from "../../src/frameworks";
import { workbookGrid } from "../../src/xlsx/readGrid";
import { formatUnits } from "../../src/taskpane/view";
import { ensureBuilt } from "../../scripts/builds";
import { RunningWorkbench, SAMPLE, startWorkbench } from "../../scripts/workbench";
import { launchChromium } from "./support/chromium";
import { hasClass, hasText, hasValue, settled, visible } from "./support/eventually";
import { WorkbenchPage } from "./support/workbenchPage";

const SHOTS = path.join(__dirname, "..", "..", "test-output", "screenshots");
const SHEET = "Kertas Kerja";

let workbench: RunningWorkbench;
let browser: Browser;
let page: Page;
let wb: WorkbenchPage;
let sample: WorkbookGrid;
const pageErrors: string[] = [];

/** The index the core gives for the sample with some cells changed, as the pane shows it. */
function expectedIndex(changes: Record<string, CellValue>, column: number): string {
  const grid: WorkbookGrid = JSON.parse(JSON.stringify(sample));
  const sheet = grid.sheets.find((s) => s.name === SHEET)!;
  for (const [address, v] of Object.entries(changes)) {
    const { row, col } = parseA1(address)!;
    (sheet.values[row] ??= [])[col] = v;
  }
  const units = analyze(grid, FRAMEWORKS).tables[0].assessments[column].scores.total.units;
  return formatUnits(units!);
}

async function shot(name: string, target: Page = page) {
  await settled(target);
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function openWorkbench(query = ""): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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

test("the pane shows the sample's index for each level column: 3.75 and 3.19", async () => {
  const self = wb.card(/^Penilaian Mandiri \(D\)/);
  const assessor = wb.card(/^Nilai Asesor \(E\)/);
  await hasText(self, /Indeks\s+3\.75\s+Predikat\s+Sangat Baik/);
  await hasText(assessor, /Indeks\s+3\.19\s+Predikat\s+Baik/);
  expect(await wb.pane.getByRole("meter").count()).toBe((4 + 8) * 2);
  await shot("01-index");
});

test("a bad value: the problem is listed, and its go-to selects the cell in the grid", async () => {
  await wb.openSheet(SHEET);
  await wb.type("D7", "7");
  const self = wb.card(/^Penilaian Mandiri \(D\)/);
  await visible(self.getByText("belum lengkap"));
  const problem = wb.pane.getByRole("button", { name: /out-of-range.*Sel D7/ });
  await visible(problem);
  await wb.cell("A1").click();
  await hasValue(wb.selectedCell(), `${SHEET}!A1`);
  await problem.click();
  await hasValue(wb.selectedCell(), `${SHEET}!D7`);
  await hasClass(wb.cell("D7"), /selected/);
  await shot("02-problem-go-to");
  await wb.type("D7", "2");
  await visible(self.getByText("3.75"));
});

test("apply: the preview says what is written; confirming writes the results sheet", async () => {
  await wb.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).click();
  const dialog = wb.pane.getByRole("dialog", { name: "Terapkan ke buku kerja" });
  await visible(dialog.getByText("Lembar hasil: Indeks SPBE"));
  await visible(dialog.getByText(/Tidak ada isian orang yang diubah/));
  await shot("03-apply-preview");
  await dialog.getByRole("button", { name: "Terapkan", exact: true }).click();
  await visible(wb.pane.getByText('Sudah diterapkan. Hasil ada di lembar "Indeks SPBE".'));
  await wb.openSheet("Indeks SPBE");
  await hasText(wb.cell("D9"), "3.75");
  await hasText(wb.cell("E9"), "3.19");
  await hasText(wb.cell("E10"), "Baik");
  await shot("04-results-sheet");
});

test("a level changed in the grid: the pane and the results sheet follow, with no button", async () => {
  const changed = expectedIndex({ E8: 4 }, 1);
  expect(changed).not.toBe("3.19");
  await wb.openSheet(SHEET);
  await wb.type("E8", "4");
  await visible(wb.card(/^Nilai Asesor \(E\)/).getByText(changed));
  await shot("05-level-changed");
  await wb.openSheet("Indeks SPBE");
  await hasText(wb.cell("E9"), changed);
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
  await shot("07-english");
  await wb.pane.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }).click();
  await visible(wb.pane.getByRole("heading", { name: "Indeks aspek" }));
});

test("keyboard: Tab reaches the actions in order, with a visible focus ring", async () => {
  const frame = page.frame({ url: /taskpane\.html/ })!;
  await frame.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Tab");
  const focused = () => frame.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "");
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
  await visible(pane.pane.getByText(/Validasi data \(ExcelApi 1.8\) tidak tersedia/));
  await pane.openSheet(SHEET);
  await pane.type("E8", "4");
  await pane.pane.getByRole("button", { name: "Muat ulang" }).click();
  await visible(pane.card(/^Nilai Asesor \(E\)/).getByText(expectedIndex({ E8: 4 }, 1)));
  await shot("10-older-excel", old);
  await old.close();
});

test("a Pemdi 2026 workbook: 1.24 Kurang (Merintis), the status note, external indicators and the I5 conversion", async () => {
  const pemdi = await startWorkbench({ workbook: path.join(__dirname, "..", "fixtures", "xlsx", "pemdi-aceh-tengah.xlsx") });
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  p.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    await p.goto(pemdi.url);
    const w = new WorkbenchPage(p);
    await hasText(w.card(/^Nilai Asesor \(D\)/), /Indeks\s+1\.24\s+Predikat\s+Kurang \(Merintis\)/);
    await visible(w.pane.getByText(/bobot dari sumber sekunder; periksa dengan teks peraturan/));
    expect(await w.pane.getByRole("heading", { name: "Indeks domain" }).count()).toBe(0);
    expect(await w.pane.getByRole("meter").count()).toBe(7);
    await shot("11-pemdi", p);
    await w.pane.getByRole("textbox", { name: /Hitung I5 dari SDI/ }).fill("50");
    await visible(w.pane.getByText("I5 = 3.00; ketik nilai ini di sel indikatornya."));
    await w.pane.getByRole("button", { name: /^D\d+ I5 .*eksternal/ }).click();
    await hasValue(w.selectedCell(), /^Pemdi 2026!D\d+$/);
    await shot("12-pemdi-external-go-to", p);
    await w.pane.getByRole("button", { name: "Pengaturan" }).click();
    await visible(w.pane.getByRole("form", { name: "Pengaturan" }));
    await shot("13-settings", p);
  } finally {
    await p.close();
    await pemdi.close();
  }
});
