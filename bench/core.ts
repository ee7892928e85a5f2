/**
 * The whole pure pipeline — grid → layout → validation → scores → write plan — on one
 * 47-indicator sheet and on synthetic sheets up to 100,000 rows.
 */
import { performance } from "perf_hooks";
import { analyze } from "../src/core/analyze";
import { CellValue, WorkbookGrid } from "../src/core/grid";
import { buildWritePlan } from "../src/core/writePlan";
import { FRAMEWORKS } from "../src/frameworks";
import { workbookGrid } from "../src/xlsx/readGrid";
import { standardSpbe } from "../test/fixtures/templates";

const SPBE = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;

function pipeline(grid: WorkbookGrid): number {
  const analysis = analyze(grid, FRAMEWORKS);
  const plan = buildWritePlan(grid, analysis);
  return plan.cells.length;
}

/** Median time in ms over `runs` runs after `warmup` runs. */
export function time(fn: () => unknown, runs: number, warmup = 3, collect = false): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  const gc = collect ? (globalThis as { gc?: () => void }).gc : undefined;
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's garbage first, so each run pays only for its own.
    gc?.();
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

/** A long worksheet: the indicator rows repeat (as in a workbook of many agencies), two level columns. */
export function syntheticGrid(rows: number): WorkbookGrid {
  const values: CellValue[][] = [["Rekap"], [], ["No", "Indikator", "Penilaian Mandiri", "Nilai Asesor", "Catatan"]];
  for (let r = 0; r < rows; r++) {
    const ind = SPBE.indicators[r % SPBE.indicators.length];
    values.push([ind.id, ind.name, 1 + ((r * 7) % 5), 1 + ((r * 3) % 5), r % 11 === 0 ? "periksa" : null]);
  }
  return { sheets: [{ name: "Rekap", values }] };
}

export function benchCore(): string[] {
  const lines: string[] = [];
  const one = workbookGrid(standardSpbe());
  const t47 = time(() => pipeline(one), 200, 20);
  lines.push(
    `core pipeline, one 47-indicator sheet (Denpasar template, 2 level columns): ${(t47 * 1000).toFixed(0)} µs median`,
  );
  const sizes = [1000, 10000, 100000];
  const results: { n: number; ms: number }[] = [];
  for (const n of sizes) {
    const g = syntheticGrid(n);
    const ms = time(() => pipeline(g), 5, 2, true);
    results.push({ n, ms });
    lines.push(
      `core pipeline, synthetic ${n.toLocaleString("en-US")}-row sheet: ${ms.toFixed(1)} ms (${((ms * 1000) / n).toFixed(2)} µs/row)`,
    );
  }
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    lines.push(
      `growth ${a.n.toLocaleString("en-US")} → ${b.n.toLocaleString("en-US")} rows (×${b.n / a.n}): time ×${(b.ms / a.ms).toFixed(1)}`,
    );
  }
  return lines;
}
