/**
 * The Office.js host on the strict fake: round trips (counted) and bytes (request and
 * response, as the fake measures the JSON Excel would carry) per first read, per refresh
 * and per apply, for the 47-indicator template, a 10,000-row sheet, and the template with
 * 20 evidence sheets of 5,000 rows, each read two ways: every cell (as the host read
 * before the core said which rows it needs) and only the rows the core needs (as the
 * pane reads); and the time a refresh takes on the fake (the host's work plus the
 * fake's; Excel's own round-trip latency comes on top and is not simulated).
 */
import { performance } from "perf_hooks";
import { analyze } from "../src/core/analyze";
import { WorkbookGrid } from "../src/core/grid";
import { rowsNeeded } from "../src/core/readingNeeds";
import { CheckedPlan } from "../src/core/planCheck";
import { buildWritePlan } from "../src/core/writePlan";
import { createOfficeHost } from "../src/excel/officeHost";
import { RowsNeeded } from "../src/excel/workbookHost";
import { createFakeExcel } from "../src/fake-excel";
import { FRAMEWORKS } from "../src/frameworks";
import { workbookGrid } from "../src/xlsx/readGrid";
import { standardSpbe } from "../test/fixtures/templates";
import { withEvidence } from "../test/unit/excel/workbooks";
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

const kb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);

/** The rows the pane's reading needs, with no settings made. */
const PANE_NEEDS: RowsNeeded = (g) => rowsNeeded(g, FRAMEWORKS, {});

async function one(name: string, grid: WorkbookGrid, runs: number, needs?: RowsNeeded): Promise<string[]> {
  const label = `${name}, ${needs ? "rows needed" : "every cell"}`;
  const fake = createFakeExcel(grid);
  const host = createOfficeHost(fake.Excel, fake.Office);
  /** round trips, bytes sent and received, and the largest single request or response of a step */
  const step = async (fn: () => Promise<unknown>) => {
    const before = fake.traffic.length;
    await fn();
    const t = fake.traffic.slice(before);
    const sent = t.reduce((n, x) => n + x.request, 0);
    const got = t.reduce((n, x) => n + x.response, 0);
    const largest = Math.max(0, ...t.map((x) => Math.max(x.request, x.response)));
    return `${t.length} (sent ${kb(sent)}, received ${kb(got)}, largest ${kb(largest)})`;
  };
  let read: WorkbookGrid | undefined;
  const first = await step(async () => (read = await host.read(needs)));
  const plan = buildWritePlan(read!, analyze(read!, FRAMEWORKS));
  let seen: CheckedPlan | undefined;
  const preview = await step(async () => (seen = await host.check(plan)));
  const apply = await step(() => host.apply(plan, { seen }));
  const refresh = await step(() => host.read(needs));
  const again = await step(async () => {
    const g = await host.read(needs);
    const next = buildWritePlan(g, analyze(g, FRAMEWORKS));
    await host.apply(next, { seen: await host.check(next) });
  });
  const readMs = await median(() => host.read(needs), runs);
  const paneMs = await median(async () => {
    const g = await host.read(needs);
    buildWritePlan(g, analyze(g, FRAMEWORKS));
  }, runs);
  const applyMs = await median(() => host.apply(plan), Math.max(3, Math.floor(runs / 2)));
  return [
    `${label}: round trips — first read ${first}; refresh ${refresh}; preview ${preview}; apply ${apply}; refresh + preview + apply ${again} (${plan.cells.length} cells, ${plan.conditionalFormats.length} conditional formats, ${plan.charts.length} charts)`,
    `${label}: refresh on the fake ${readMs.toFixed(1)} ms (read), ${paneMs.toFixed(1)} ms (read + analyse + plan); apply ${applyMs.toFixed(1)} ms`,
  ];
}

export async function benchExcel(): Promise<string[]> {
  const cases: [string, () => WorkbookGrid, number][] = [
    ["47 rows (Denpasar template)", () => workbookGrid(standardSpbe()), 30],
    ["10,000 rows (synthetic)", () => syntheticGrid(10000), 7],
    ["47 rows + 20 evidence sheets of 5,000 rows", () => withEvidence(20, 5000), 3],
  ];
  const lines: string[] = [];
  for (const [name, grid, runs] of cases)
    for (const needs of [undefined, PANE_NEEDS]) lines.push(...(await one(name, grid(), runs, needs)));
  return [
    ...lines,
    "(Excel on the web refuses a request or a response over 5 MB; each read trip aims at 4 MB at most.)",
  ];
}
