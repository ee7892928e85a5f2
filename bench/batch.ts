/**
 * The national case: 615 workbooks of realistic layouts written by openpyxl (both
 * frameworks, title rows, cover sheets, two level columns, some incomplete, unfilled or
 * cut short), scored by the compiled command line with --summary, beside LibreOffice
 * headless converting the same files in calls of at most 200.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { workerCount } from "../src/cli/batch";
import { isFolder } from "../src/cli/files";
import { openpyxlAvailable, writeNationalWorkbooks } from "./nationalWorkbooks";

const ROOT = path.join(__dirname, "..");
const COUNT = 615;
/** One LibreOffice call with all 615 files silently converts only part of them. */
const SOFFICE_CALL = 200;

interface Row {
  file: string;
  agency: string | null;
  year: number | null;
  column: string;
  status: string;
  index: number | null;
}

/** Wall seconds and peak resident memory of one command, as /usr/bin/time reports them. */
function timed(cmd: string, args: string[], cwd = ROOT): { seconds: number; peakMb: number; status: number | null } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], { cwd, encoding: "utf8" });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
  return { seconds: m ? Number(m[1]) : NaN, peakMb: m ? Number(m[2]) / 1024 : NaN, status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function libreOffice(files: string[], out: string): { seconds: number; converted: number } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-bench-"));
  const start = performance.now();
  for (let k = 0; k < files.length; k += SOFFICE_CALL) {
    spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "csv",
        "--outdir",
        out,
        ...files.slice(k, k + SOFFICE_CALL),
      ],
      { stdio: "ignore", timeout: 600000 },
    );
  }
  const seconds = (performance.now() - start) / 1000;
  fs.rmSync(profile, { recursive: true, force: true });
  return { seconds, converted: fs.readdirSync(out).filter((f) => f.endsWith(".csv")).length };
}

export async function benchBatch(): Promise<string[]> {
  const lines: string[] = [];
  if (!openpyxlAvailable()) return ["skipped: Debian's python3 with openpyxl is needed to write the workbooks"];
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  const lib = path.join(ROOT, "lib");
  const main = path.join(lib, "cli", "main.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-national-"));
  try {
    const folder = path.join(dir, "nasional");
    const made = performance.now();
    const expected = writeNationalWorkbooks(COUNT, folder);
    lines.push(
      `${COUNT} workbooks written by openpyxl in ${((performance.now() - made) / 1000).toFixed(1)} s (both frameworks, cover sheets, title rows, two level columns)`,
    );

    const summaries = ["xlsx", "json"].map((ext) => path.join(dir, `ringkasan.${ext}`));
    const runs = [0, 1, 2].map(() => timed("node", [main, "score", folder, "--summary", summaries[0]]));
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    lines.push(
      `score ${COUNT} with --summary .xlsx (${cores} cores; the tool chose ${workerCount(undefined, COUNT, cores, os.loadavg()[0])} thread(s) at load ${os.loadavg()[0].toFixed(1)}): ${median(runs.map((r) => r.seconds)).toFixed(2)} s median of 3 (best ${best.seconds.toFixed(2)} s), ${(COUNT / median(runs.map((r) => r.seconds))).toFixed(0)} workbooks/s, peak memory ${Math.max(...runs.map((r) => r.peakMb)).toFixed(0)} MB, exit ${best.status}`,
    );
    const two = timed("node", [main, "score", folder, "--summary", summaries[0], "--jobs", String(cores)]);
    lines.push(
      `  with ${cores} worker threads (--jobs ${cores}): ${two.seconds.toFixed(2)} s, peak memory ${two.peakMb.toFixed(0)} MB`,
    );
    const one = timed("node", [main, "score", folder, "--summary", summaries[1], "--jobs", "1"]);
    lines.push(
      `  in one thread (--jobs 1, .json summary): ${one.seconds.toFixed(2)} s, peak memory ${one.peakMb.toFixed(0)} MB`,
    );
    // Bounded memory: a sixth of the files should need about the same peak as all of them.
    const provinces = fs.readdirSync(folder).filter((d) => isFolder(path.join(folder, d)));
    const few = provinces.slice(0, Math.ceil(provinces.length / 6)).map((d) => path.join(folder, d));
    const fewFiles = expected.filter((e) => few.some((d) => e.file.startsWith(path.basename(d) + path.sep))).length;
    const small = timed("node", [main, "score", ...few, "--summary", path.join(dir, "few.json"), "--jobs", "1"]);
    lines.push(
      `  memory is bounded: ${fewFiles} workbooks peak at ${small.peakMb.toFixed(0)} MB, all ${COUNT} at ${one.peakMb.toFixed(0)} MB (one thread)`,
    );

    // Every figure against the manifest, whose indices Python worked out with fractions.
    const rows = JSON.parse(fs.readFileSync(summaries[1], "utf8")) as Row[];
    const byFile = new Map<string, Row[]>();
    for (const r of rows)
      byFile.set(path.relative(folder, r.file), [...(byFile.get(path.relative(folder, r.file)) ?? []), r]);
    let figures = 0;
    let wrong = 0;
    let agencies = 0;
    let years = 0;
    for (const e of expected) {
      const mine = byFile.get(e.file) ?? [];
      if (e.unreadable) {
        if (mine[0]?.status !== "unreadable") wrong++;
        continue;
      }
      if (mine[0]?.agency === e.agency) agencies++;
      if (mine[0]?.year === e.year) years++;
      e.columns!.forEach((c, k) => {
        figures++;
        if (mine[k]?.index !== c.index || mine[k]?.status !== (c.status ?? "complete")) wrong++;
      });
    }
    const readable = expected.filter((e) => !e.unreadable).length;
    lines.push(
      `  summary against an independent exact computation: ${figures - wrong}/${figures} level columns equal (${wrong} differ); agency found ${agencies}/${readable}, year ${years}/${readable}; ${expected.length - readable} cut-short files reported unreadable`,
    );

    const singleFile = path.join(folder, expected.find((e) => !e.unreadable)!.file);
    const single = [0, 1, 2, 3, 4].map(() => timed("node", [main, "score", singleFile, "--format", "json"]).seconds);
    lines.push(`single file (score --format json): ${median(single).toFixed(3)} s median of 5`);
    const help = [0, 1, 2].map(() => timed("node", [main, "--help"]).seconds);
    lines.push(`usage text only (nothing to read): ${median(help).toFixed(3)} s`);

    const split = JSON.parse(
      execFileSync("node", [path.join(__dirname, "split.js"), lib, folder, path.join(dir, "split.xlsx")], {
        encoding: "utf8",
      }),
    ) as Record<string, number>;
    lines.push(
      `cost split, one thread: start ${split.start.toFixed(0)} ms, reading ${(split.read / 1000).toFixed(2)} s (${(split.read / COUNT).toFixed(1)} ms a workbook), scoring ${(split.scored / 1000).toFixed(2)} s (${(split.scored / COUNT).toFixed(1)} ms), writing the .xlsx summary ${split.written.toFixed(0)} ms`,
    );

    const files = expected.map((e) => path.join(folder, e.file));
    const out = path.join(dir, "lo");
    fs.mkdirSync(out);
    const lo = libreOffice(files, out);
    const mine = median(runs.map((r) => r.seconds));
    lines.push(
      `machine load average while measuring: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")} (1/5/15 min) on ${os.cpus().length} cores`,
    );
    lines.push(
      `LibreOffice headless converting the same ${COUNT} to CSV in calls of ${SOFFICE_CALL}: ${lo.seconds.toFixed(1)} s (${lo.converted} converted); spbe-index is ${(lo.seconds / mine).toFixed(1)}x faster`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
