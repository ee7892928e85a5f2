/**
 * The task pane in real Chromium, on the workbench: the production build of the pane
 * (dist/, rebuilt here when older than its sources; `.ci/run` builds it first with
 * `npm run build`) beside the sample workbook on the strict fake Excel.
 * Screenshots go to test-output/screenshots/.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { Browser, FrameLocator, Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import { CellValue, parseA1, WorkbookGrid } from "../../src/core/grid";
import { tableEvidenceGaps } from "../../src/core/evidence";
import { reconcileTable } from "../../src/core/reconcile";
import { planAssessment } from "../../src/core/targetPlan";
import { FRAMEWORKS } from "../../src/frameworks";
import { workbookGrid } from "../../src/xlsx/readGrid";
import { formatUnits } from "../../src/taskpane/format";
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
  return formatUnits(units!, "id");
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

describe("assessor tools", () => {
  /** A fresh sample (each page has its own fake workbook), tall enough to show a tool open. */
  let tools: Page;
  let w: WorkbenchPage;

  beforeAll(async () => {
    tools = await openWorkbench("", 1400);
    w = new WorkbenchPage(tools);
    await hasText(w.card(/^Nilai Asesor \(E\)/), /3\.19/);
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
    await visible(w.pane.getByText("Target 3.70 tercapai dengan 18 langkah: indeks menjadi 3.71, Sangat Baik."));
    await visible(w.pane.getByText(/Indeks 3\.75, Sangat Baik, sudah mencapai target 3\.70/));
    const list = w.pane.getByRole("list", { name: "Langkah untuk Nilai Asesor (E)" });
    expect(await list.getByRole("listitem").count()).toBe(18);
    const step11 = list.getByRole("button", { name: /^Langkah 11 / });
    await hasText(step11, /Baik → Sangat Baik/);
    await shotAt("14-target-plan", list);
    await list.getByRole("button", { name: /^Langkah 1 / }).click();
    await hasValue(w.selectedCell(), `${SHEET}!${plan.steps[0].cell}`);
    await hasClass(w.cell(plan.steps[0].cell!), /selected/);
    await shotAt("15-target-step-selected", list);
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
    expect(await scripts()).toEqual(["taskpane.js"]);
    await w.pane.getByRole("button", { name: "Grafik" }).click();
    const domains = w.pane.getByRole("figure", { name: "Indeks domain" });
    const aspects = w.pane.getByRole("figure", { name: "Indeks aspek" });
    await visible(domains.getByRole("region", { name: "Indeks domain per kolom nilai, dengan garis target 3.70" }));
    await visible(aspects.getByRole("region", { name: "Indeks aspek per kolom nilai, dengan garis target 3.70" }));
    // 4 domains × 2 columns, each bar named for screen readers; the target as a dashed line across.
    await visible(domains.getByRole("option", { name: "Domain 3 Manajemen SPBE. Nilai Asesor (E), 2.18." }));
    expect(await domains.locator("svg rect[aria-label]").count()).toBe(8);
    expect(await aspects.locator("svg rect[aria-label]").count()).toBe(16);
    expect(await domains.locator("line[stroke-dasharray]").count()).toBe(3);
    for (const legend of ["Penilaian Mandiri (D)", "Nilai Asesor (E)", "Garis target 3.70"]) await visible(domains.getByRole("option", { name: legend, exact: true }));
    expect((await scripts()).length).toBeGreaterThan(1);
    await shotAt("16-charts", domains);
  });

  test("self versus assessor: 3.75 → 3.19, −0.56, by domain, and a row selects the assessor's cell", async () => {
    await w.pane.getByRole("button", { name: "Menuju target" }).click();
    await w.pane.getByRole("button", { name: "Grafik" }).click();
    await w.pane.getByRole("button", { name: "Selisih mandiri dan asesor" }).click();
    await visible(w.pane.getByText("3.75 → 3.19"));
    await hasText(w.pane.getByText("−0.56"), /Selisih indeks\s*−0\.56/);
    await visible(w.pane.getByRole("heading", { name: "Per domain" }));
    const largest = reconcileTable(analyze(sample, FRAMEWORKS).tables[0])!.differences[0];
    expect(largest.code).toBe("40");
    const first = w.pane.getByRole("button", { name: /pengaruh ke indeks −0\.055$/ }).first();
    await hasText(first, /40\s+Layanan Akuntabilitas Kinerja Organisasi/);
    await first.click();
    await hasValue(w.selectedCell(), `${SHEET}!${largest.cells[1]}`);
    await shotAt("17-self-vs-assessor", w.pane.getByRole("heading", { name: "Per domain" }));
  });

  test("levels without evidence: counted per domain, a row selects the empty evidence cell", async () => {
    await w.pane.getByRole("button", { name: "Selisih mandiri dan asesor" }).click();
    await w.pane.getByRole("button", { name: "Tanpa bukti dukung (15)" }).click();
    await visible(w.pane.getByText(/kolom F\) kosong/));
    const gap = tableEvidenceGaps(analyze(sample, FRAMEWORKS).tables[0])![0].gaps.find((g) => g.code === "3")!;
    const row = w.pane.getByRole("button", { name: `${gap.evidenceCell} 3 Kebijakan Internal Manajemen Data nilai 4` }).first();
    await row.click();
    await hasValue(w.selectedCell(), `${SHEET}!${gap.evidenceCell}`);
    await hasClass(w.cell(gap.evidenceCell!), /selected/);
    await shotAt("18-evidence", w.pane.getByText(/kolom F\) kosong/));
  });

  test("apply stores the target in the results sheet", async () => {
    await w.pane.getByRole("button", { name: "Terapkan ke buku kerja" }).click();
    await w.pane.getByRole("dialog", { name: "Terapkan ke buku kerja" }).getByRole("button", { name: "Terapkan", exact: true }).click();
    await visible(w.pane.getByText('Sudah diterapkan. Hasil ada di lembar "Indeks SPBE".'));
    expect(await w.pane.getByText("Bagian yang tidak dapat ditulis oleh Excel ini:").count()).toBe(0);
    await w.openSheet("Indeks SPBE");
    await hasText(w.cell("B7"), "3.70");
  });

  test("dark theme in English: the plan, the gap and the charts", async () => {
    const dark = await openWorkbench("?theme=dark&lang=en-US", 1400);
    try {
      const d = new WorkbenchPage(dark);
      await hasText(d.card(/^Nilai Asesor \(E\)/), /3\.19/);
      await d.pane.getByRole("button", { name: "Path to target" }).click();
      await d.pane.getByRole("textbox", { name: /Target index/ }).fill("3.7");
      const list = d.pane.getByRole("list", { name: "Steps for Nilai Asesor (E)" });
      await hasText(list.getByRole("button", { name: /^Step 11 / }), /Baik → Sangat Baik/);
      await shotAt("19-dark-target-plan", list, dark);
      await d.pane.getByRole("button", { name: "Path to target" }).click();
      await d.pane.getByRole("button", { name: "Self versus assessor" }).click();
      await d.pane.getByRole("button", { name: "Charts" }).click();
      await visible(d.pane.getByRole("region", { name: "Aspect indices per level column, with the target line at 3.70" }));
      await shotAt("20-dark-self-vs-assessor", d.pane.getByRole("heading", { name: "By domain" }), dark);
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
      await o.pane.getByRole("dialog", { name: "Apply to workbook" }).getByRole("button", { name: "Apply", exact: true }).click();
      await visible(o.pane.getByText("Parts this Excel could not write:"));
      await visible(o.pane.getByText(/cannot set data validation from an add-in \(needs ExcelApi 1\.8\)/));
      await visible(o.pane.getByText(/cannot add conditional formats from an add-in \(needs ExcelApi 1\.6\)/));
      await shot("22-older-excel-skipped", old);
    } finally {
      await old.close();
    }
  });
});
