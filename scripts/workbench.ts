/**
 * `npm run workbench [file.xlsx]`: serves the production task pane beside a grid of a
 * workbook (the sample by default) on the strict fake Excel, at http://127.0.0.1:3001
 * (WORKBENCH_PORT to change it). Edit a level in the grid and watch the pane.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import ExcelJS from "exceljs";
import { workbookGrid } from "../src/xlsx/readGrid";
import { DIST, DIST_WORKBENCH, ensureBuilt, ROOT } from "./builds";

export const SAMPLE = path.join(ROOT, "examples", "kota-contoh-2021.xlsx");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

const OFFICE_JS = /<script[^>]*appsforoffice\.microsoft\.com[^>]*><\/script>/;

/** The built taskpane.html with office.js swapped for the fake: the one change the workbench makes. */
export function paneHtml(built: string): string {
  if (!OFFICE_JS.test(built))
    throw new Error(
      "dist/taskpane.html no longer loads office.js from appsforoffice.microsoft.com; the workbench cannot put its fake in its place",
    );
  return built.replace(OFFICE_JS, '<script src="../fake-office.js"></script>');
}

export interface RunningWorkbench {
  url: string;
  close(): Promise<void>;
}

export async function startWorkbench(opts: { port?: number; workbook?: string } = {}): Promise<RunningWorkbench> {
  const file = path.resolve(opts.workbook ?? SAMPLE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sample = JSON.stringify({ name: path.basename(file), grid: workbookGrid(wb) });

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    type = "text/plain; charset=utf-8",
  ) => {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
    res.end(body);
  };
  const sendFile = (res: http.ServerResponse, dir: string, rel: string) => {
    const p = path.resolve(dir, "." + rel);
    if (!p.startsWith(dir + path.sep) || !fs.existsSync(p) || !fs.statSync(p).isFile())
      return send(res, 404, `not found: ${rel}`);
    send(res, 200, fs.readFileSync(p), TYPES[path.extname(p)] ?? "application/octet-stream");
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const p = decodeURIComponent(url.pathname);
    try {
      if (p === "/" || p === "/index.html") return sendFile(res, DIST_WORKBENCH, "/index.html");
      if (p === "/favicon.ico") return sendFile(res, DIST, "/assets/icon-32.png");
      if (p === "/sample-grid.json") return send(res, 200, sample, TYPES[".json"]);
      if (p === "/pane/taskpane.html")
        return send(res, 200, paneHtml(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8")), TYPES[".html"]);
      if (p.startsWith("/pane/")) return sendFile(res, DIST, p.slice("/pane".length));
      return sendFile(res, DIST_WORKBENCH, p);
    } catch (e) {
      send(res, 500, String(e instanceof Error ? e.message : e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  (async () => {
    ensureBuilt((l) => console.log(l));
    const wb = await startWorkbench({ port: Number(process.env.WORKBENCH_PORT ?? 3001), workbook: process.argv[2] });
    console.log(`Workbench: ${wb.url}  (Ctrl+C to stop)`);
    console.log("  options: ?lang=en-US  ?theme=dark  ?api=1.3");
  })().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
