/**
 * The task pane's size and speed: the production bundle as Excel downloads it, and
 * the time from page load to an index on screen in Chromium, on the workbench.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { DIST, ensureBuilt, entryScripts } from "../scripts/builds";
import { startWorkbench } from "../scripts/workbench";
import { launchChromium } from "../test/e2e/support/chromium";

const RUNS = 7;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs in every frame: note when the first index appears in this document. A string,
 * not a function: tsx would add its own helpers to a function's source.
 */
const WATCH_FOR_INDEX = `
  new MutationObserver(() => {
    if (window.__indexAt || !document.querySelector('[data-testid="index"]')) return;
    window.__indexAt = performance.timeOrigin + performance.now();
    window.__origin = performance.timeOrigin;
  }).observe(document, { childList: true, subtree: true });
`;

export async function benchTaskpane(): Promise<string[]> {
  ensureBuilt();
  const lines: string[] = [];
  const [entry] = entryScripts();
  const js = fs.readFileSync(path.join(DIST, entry));
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"));
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  const br = zlib.brotliCompressSync(js).length;
  lines.push(
    `first load, dist/${entry}: ${kib(js.length)} minified, ${kib(gz)} gzipped, ${kib(br)} brotli (aim: under 200 KiB gzipped); taskpane.html ${html.length} bytes`,
  );
  // Every other script is fetched later: the charts and their library, when the assessor first opens them.
  const later = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== entry);
  const chunks = later.map((f) => fs.readFileSync(path.join(DIST, f)));
  const sum = (f: (b: Buffer) => number) => chunks.reduce((n, b) => n + f(b), 0);
  lines.push(
    `  chart chunk (${later.join(" + ")}), loaded on first opening the charts: ${kib(sum((b) => b.length))} minified, ${kib(sum((b) => zlib.gzipSync(b, { level: 9 }).length))} gzipped, ${kib(sum((b) => zlib.brotliCompressSync(b).length))} brotli`,
  );

  const workbench = await startWorkbench();
  const browser = await launchChromium();
  try {
    const pane: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.addInitScript(WATCH_FOR_INDEX);
      await p.goto(workbench.url);
      const frame = p.frameLocator("#pane");
      await frame.locator('[data-testid="index"]').first().waitFor({ timeout: 30000 });
      const f = p.frame({ url: /taskpane\.html/ })!;
      const t = (await f.evaluate("({ at: window.__indexAt, origin: window.__origin })")) as {
        at: number;
        origin: number;
      };
      const top = (await p.evaluate("performance.timeOrigin")) as number;
      // The first run warms Chromium up (disk cache of the browser itself, JIT); it is not counted.
      if (i > 0) {
        pane.push(t.at - t.origin);
        page.push(t.at - top);
      }
      await context.close();
    }
    lines.push(
      `page load → first index on screen, Chromium, median of ${RUNS}: ${median(pane).toFixed(0)} ms from the pane's own page load (min ${Math.min(...pane).toFixed(0)}, max ${Math.max(...pane).toFixed(0)})`,
    );
    lines.push(`  the whole workbench page (grid, fake Excel, then the pane): ${median(page).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await workbench.close();
  }
  return lines;
}

if (require.main === module) {
  benchTaskpane().then(
    (l) => console.log(l.join("\n")),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
