/**
 * The task pane's size and speed: the production bundle as Excel downloads it, and
 * the time from page load to an index on screen in Chromium, on the workbench.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { DIST, ensureBuilt, entryScripts, ROOT } from "../scripts/builds";
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

/** The first download's aim, gzipped (issue 21): what a meeting needs first, the rest when asked. */
const FIRST_LOAD_AIM = 150 * 1024;

/** What fetches each chunk, by the name its import() gives it (dist-maps/chunks.json). */
const TRIGGERS: Record<string, string> = {
  dark: "before the first render, only when Office's theme is dark",
  en: "before the first render, only when the pane's language is English; otherwise while idle after the first result, or on the language button",
  tabs: "as the first result is drawn (the index does not wait for it): the row of sections, with Fluent's tabs, overflow and focus library",
  settings: "on the Settings button (or while idle after the first result)",
  preview: "on Apply, the preview dialog (or while idle)",
  apply:
    "on Apply or a sheet of the tool's own: building and checking the write plan, Office.js's writing (or while idle)",
  tools: "on the tabs Alat asesor and Lainnya (or while idle)",
  record: "on the first level change seen, the meeting's record (or while idle)",
  charts: "on opening Grafik (or while idle once the tools are open)",
  menu: "on the button of the sections that do not fit a narrow pane (or while idle once it shows)",
};

interface ChunkMap {
  first: string[];
  later: Record<string, string[]>;
}

function sizes(files: string[]): { min: number; gz: number; br: number } {
  const bytes = files.map((f) => fs.readFileSync(path.join(DIST, f)));
  const sum = (f: (b: Buffer) => number) => bytes.reduce((n, b) => n + f(b), 0);
  return {
    min: sum((b) => b.length),
    gz: sum((b) => zlib.gzipSync(b, { level: 9 }).length),
    br: sum((b) => zlib.brotliCompressSync(b).length),
  };
}

const sizeText = (s: { min: number; gz: number; br: number }) =>
  `${kib(s.min)} minified, ${kib(s.gz)} gzipped, ${kib(s.br)} brotli`;

export async function benchTaskpane(): Promise<string[]> {
  ensureBuilt();
  const lines: string[] = [];
  const entries = entryScripts();
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"));
  const first = sizes(entries);
  const verdict = first.gz <= FIRST_LOAD_AIM ? "within it" : `${kib(first.gz - FIRST_LOAD_AIM)} over it`;
  lines.push(
    `first load, dist/${entries.join(" + ")}: ${sizeText(first)} (aim: under ${kib(FIRST_LOAD_AIM)} gzipped, ${verdict}); taskpane.html ${html.length} bytes`,
  );
  // Every other script is fetched later, each chunk by what it is for. The row of sections
  // comes with every first screen, so a later chunk counts only what it adds to that; a
  // shared library chunk is listed with each that needs it.
  const map = JSON.parse(fs.readFileSync(path.join(ROOT, "dist-maps", "chunks.json"), "utf8")) as ChunkMap;
  const firstScreen = new Set([...entries, ...(map.later.tabs ?? [])]);
  for (const [name, files] of Object.entries(map.later).sort(([a], [b]) => a.localeCompare(b))) {
    const own = files.filter((f) => !(name === "tabs" ? entries.includes(f) : firstScreen.has(f)));
    lines.push(
      `  ${name} (${own.join(" + ")}): ${sizeText(sizes(own))}; fetched ${TRIGGERS[name] ?? "(no trigger listed in bench/taskpane.ts)"}`,
    );
  }
  const all = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const listed = new Set([...entries, ...Object.values(map.later).flat()]);
  const strays = all.filter((f) => !listed.has(f));
  if (strays.length) lines.push(`  scripts in dist/ that no chunk names: ${strays.join(", ")}`);
  lines.push(`  all scripts of dist/ together: ${sizeText(sizes(all))}`);
  // The first screen whole, in the light theme and Indonesian: the first load, then the row of sections.
  const whole = [...new Set([...entries, ...(map.later.tabs ?? [])])];
  lines.push(`  the first screen whole (first load + the row of sections): ${sizeText(sizes(whole))}`);

  const workbench = await startWorkbench();
  const browser = await launchChromium();
  /** From page load to the first index, in the pane's own frame and in the whole page, over RUNS loads of `query`. */
  const timeToIndex = async (query: string) => {
    const pane: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.addInitScript(WATCH_FOR_INDEX);
      await p.goto(workbench.url + query);
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
    return { pane, page };
  };
  try {
    const { pane, page } = await timeToIndex("");
    lines.push(
      `page load → first index on screen, Chromium, median of ${RUNS}: ${median(pane).toFixed(0)} ms from the pane's own page load (min ${Math.min(...pane).toFixed(0)}, max ${Math.max(...pane).toFixed(0)})`,
    );
    lines.push(`  the whole workbench page (grid, fake Excel, then the pane): ${median(page).toFixed(0)} ms`);
    // Office in English: the en chunk comes before the first render (from the workbench's local server here).
    const english = await timeToIndex("?lang=en-US");
    lines.push(
      `  Office in English (English's words fetched before the first render): ${median(english.pane).toFixed(0)} ms from the pane's own page load (min ${Math.min(...english.pane).toFixed(0)}, max ${Math.max(...english.pane).toFixed(0)})`,
    );
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
