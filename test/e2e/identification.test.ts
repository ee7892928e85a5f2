/**
 * The pane in Chromium on the workbench: a table identified by its row numbers alone is
 * scored with a warning above its index; a list that is not an assessment gets no index.
 * Screenshots go to test-output/screenshots/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { Browser } from "playwright-core";
import { ensureBuilt } from "../../scripts/builds";
import { startWorkbench } from "../../scripts/workbench";
import { launchChromium } from "./support/chromium";
import { hasText, settled, visible } from "./support/eventually";
import { WorkbenchPage } from "./support/workbenchPage";

const SHOTS = path.join(__dirname, "..", "..", "test-output", "screenshots");
let browser: Browser;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "identification-"));
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function workbook(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Rekap");
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function paneOn(file: string, shotName: string, check: (w: WorkbenchPage) => Promise<void>) {
  const bench = await startWorkbench({ workbook: file });
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(e.message));
  try {
    await p.goto(bench.url);
    const w = new WorkbenchPage(p);
    try {
      await check(w);
    } finally {
      await settled(p);
      await p.screenshot({ path: path.join(SHOTS, `${shotName}.png`) });
    }
    expect(errors).toEqual([]);
  } finally {
    await p.close();
    await bench.close();
  }
}

test("numbers alone: the index, and above it the warning that names and codes are missing", async () => {
  const rows: (string | number)[][] = [["No", "Nilai"]];
  for (let i = 1; i <= 47; i++) rows.push([i, 1 + (i % 5)]);
  await paneOn(await workbook("nomor-saja.xlsx", rows), "20-numbers-only", async (w) => {
    await hasText(w.card(/^Nilai \(B\)/), /Indeks\s+\d,\d\d/);
    await visible(w.pane.getByText(/Tabel ini dikenali dari nomor baris saja, tanpa nama atau kode indikator/));
    await w.section("Lainnya");
    await w.pane.getByText("Yang terbaca").click();
    await visible(w.pane.getByText(/^HANYA NOMOR: tanpa nama atau kode indikator; 47 baris bernomor 1–47/));
  });
});

test("a numbered list of employees: no index, the reason named", async () => {
  const rows: (string | number)[][] = [["No", "Nama Pegawai", "Nilai"]];
  for (let i = 1; i <= 60; i++) rows.push([i, `Pegawai ${["Budi", "Siti", "Agus"][i % 3]} ${i}`, 1 + (i % 5)]);
  await paneOn(await workbook("pegawai.xlsx", rows), "21-not-an-assessment", async (w) => {
    await visible(
      w.pane.getByText(/kolom B berisi nama \(mis\. "Pegawai .+"\) yang tidak cocok dengan indikator mana pun/),
    );
    // no assessment card: nothing reads "filled n/m"
    expect(await w.pane.getByText(/terisi \d+\/\d+/).count()).toBe(0);
  });
});
