/**
 * The Office.js host on the strict fake: round trips (counted) per first read, per
 * refresh and per apply, for the 47-indicator template and a 10,000-row sheet, and the
 * time a refresh takes on the fake (the host's work plus the fake's; Excel's own
 * round-trip latency comes on top and is not simulated).
 */
import { performance } from "perf_hooks";
import { analyze } from "../src/core/analyze";
import { WorkbookGrid } from "../src/core/grid";
import { buildWritePlan } from "../src/core/writePlan";
import { createOfficeHost } from "../src/excel";
import { createFakeExcel } from "../src/fake-excel";
import { FRAMEWORKS } from "../src/frameworks";
import { workbookGrid } from "../src/xlsx/readGrid";
import { standardSpbe } from "../test/fixtures/templates";
import { syntheticGrid } from "./core";

async function median(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

async function one(label: string, grid: WorkbookGrid, runs: number): Promise<string[]> {
  const fake = createFakeExcel(grid);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const count = async (fn: () => Promise<unknown>) => {
    const before = fake.syncs;
    await fn();
    return fake.syncs - before;
  };
  let read: WorkbookGrid | undefined;
  const first = await count(async () => (read = await host.read()));
  const plan = buildWritePlan(read!, analyze(read!, FRAMEWORKS));
  const apply = await count(() => host.apply(plan));
  const refresh = await count(() => host.read());
  const again = await count(async () => {
    const g = await host.read();
    await host.apply(buildWritePlan(g, analyze(g, FRAMEWORKS)));
  });
  const readMs = await median(() => host.read(), runs);
  const paneMs = await median(async () => {
    const g = await host.read();
    buildWritePlan(g, analyze(g, FRAMEWORKS));
  }, runs);
  const applyMs = await median(() => host.apply(plan), Math.max(3, Math.floor(runs / 2)));
  return [
    `${label}: syncs — first read ${first}, refresh ${refresh}, apply ${apply}, refresh + apply ${again} (${plan.cells.length} cells, ${plan.conditionalFormats.length} conditional formats, ${plan.charts.length} charts)`,
    `${label}: refresh on the fake ${readMs.toFixed(1)} ms (read), ${paneMs.toFixed(1)} ms (read + analyse + plan); apply ${applyMs.toFixed(1)} ms`,
  ];
}

export async function benchExcel(): Promise<string[]> {
  return [...(await one("47 rows (Denpasar template)", workbookGrid(standardSpbe()), 30)), ...(await one("10,000 rows (synthetic)", syntheticGrid(10000), 7))];
}
