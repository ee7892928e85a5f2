/**
 * `spbe-index score` over several files and folders: every workbook is read, scored and
 * released by a pool of worker threads (or in this thread when the batch is small), one
 * bad file becomes its own row, and the rows become one summary.
 * Exit status: 0 every assessment complete, 1 some have problems, 2 some file could not be read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Worker } from "worker_threads";
import { bi, both } from "../core/messages";
import { decimalIn, inLanguage, languageFromEnv, say, TextLanguage } from "../core/textLanguage";
import { isFolder, osError } from "./files";
import { progress } from "./progress";
import type { CliIo, ScoreArgs } from "./run";
import type { ScoreTask, TaskResult } from "./scoreTask";
import { summaryBytes, summaryFormat } from "./summary";
import { SummaryRow, unreadableRow } from "./summaryRow";

export interface BatchFile {
  /** path to read */
  path: string;
  /** how the summary names it: as given, or inside the folder given */
  file: string;
  /** where it goes under --write DIR */
  relative: string;
  /** why it cannot be read, known while listing (a folder that cannot be listed) */
  problem?: string;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Excel's "~$name.xlsx" owner files, hidden and temporary files are never workbooks to score. */
function skipped(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".") || name.endsWith("#");
}

/**
 * Every workbook under the given paths, folders recursively, in a stable order. Every
 * entry named as a workbook is listed whatever it is (a pipe, a device, a symlink that
 * loops), so that it gets its own row saying why it cannot be read; so does a folder that
 * cannot be listed.
 */
export function collectFiles(inputs: string[]): BatchFile[] {
  const out: BatchFile[] = [];
  const seen = new Set<string>();
  const add = (p: string, file: string, relative: string, problem?: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: p, file, relative, problem });
  };
  const walk = (root: string, dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      add(dir, dir, path.relative(root, dir), both(osError(e, dir, true).bilingual));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(root, p);
      // A linked folder is not followed (it may loop back); every other entry named as a workbook is one.
      else if (WORKBOOK.test(e.name) && !(e.isSymbolicLink() && isFolder(p))) add(p, p, path.relative(root, p));
    }
  };
  for (const input of inputs) {
    if (isFolder(input)) walk(input, input);
    // A named file is scored whatever its name; a missing one becomes an unreadable row.
    else add(input, input, path.basename(input));
  }
  return out;
}

/** A column nobody has filled yet (the assessor's, before the interview) is not a problem. */
export function exitStatus(rows: SummaryRow[]): number {
  if (rows.some((r) => r.status === "unreadable")) return 2;
  return rows.every((r) => r.status === "complete" || r.status === "not-filled") ? 0 : 1;
}

/**
 * How many workers by default: the cores nobody else is using (as `make -l` does, by the
 * load average; a busy machine only pays each worker's start), and one for a small batch,
 * because a worker loads the reader again before its first workbook, which costs as much
 * as reading a few dozen.
 */
export function workerCount(jobs: number | undefined, files: number, cores: number, load: number): number {
  const idle = Math.max(1, Math.round(cores - load));
  const wanted = jobs ?? Math.min(idle, Math.floor(files / 32));
  return Math.max(1, Math.min(wanted, files));
}

function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/**
 * What one workbook may cost its worker: the reader refuses hostile files long before
 * either (README, "Files the command line accepts"); these catch whatever it does not
 * foresee, so that one file's failure stays its own row.
 */
export const FILE_BUDGET = {
  /** V8's old generation of a worker, MiB: a workbook at every stated limit fits */
  memoryMiB: 2048,
  /** reading, scoring and building the scored workbook, in milliseconds */
  timeMs: 120_000,
};

/** The worker's entry: compiled JavaScript beside this file, or the TypeScript source under a test runner. */
function startWorker(memoryMiB: number): Worker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("worker_threads") as typeof import("worker_threads");
  const resourceLimits = { maxOldGenerationSizeMb: memoryMiB };
  const js = path.join(__dirname, "worker.js");
  if (fs.existsSync(js)) return new Worker(js, { resourceLimits });
  const ts = path.join(__dirname, "worker.ts");
  return new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(ts)});`, {
    eval: true,
    resourceLimits,
  });
}

/** Why a worker stopped before answering for its workbook, said in the one shape of a file's problem. */
function failure(file: string, why: "memory" | "time" | "crash", budget: typeof FILE_BUDGET): string {
  const text =
    why === "memory"
      ? bi(
          `membaca berkas ini melewati batas memori (${budget.memoryMiB} MiB); berkas ditolak`,
          `reading this file went past the memory limit (${budget.memoryMiB} MiB); refused`,
        )
      : why === "time"
        ? bi(
            `membaca berkas ini melewati batas waktu (${budget.timeMs / 1000} detik); berkas ditolak`,
            `reading this file went past the time limit (${budget.timeMs / 1000} s); refused`,
          )
        : bi("berkas ini menghentikan pembacanya; berkas ditolak", "this file stopped its reader; refused");
  return `${file}: ${both(text)}`;
}

/**
 * Runs every task, `jobs` at a time, each in a worker thread under the memory and time
 * budget, handing each result to `finished` as it comes (which may keep less of it); the
 * kept results keep the tasks' order. A workbook that takes its worker down, or runs past
 * its time, becomes its own unreadable row, and a fresh worker takes the rest.
 */
export async function runTasks(
  tasks: ScoreTask[],
  jobs: number,
  finished: (k: number, r: TaskResult) => TaskResult,
  budget = FILE_BUDGET,
): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  let next = 0;
  const lane = () =>
    new Promise<void>((resolve) => {
      const run = (worker: Worker) => {
        let current = -1;
        let finishing = false;
        let why: "memory" | "time" | "crash" = "crash";
        let timer: NodeJS.Timeout | undefined;
        const give = () => {
          if (next >= tasks.length) {
            finishing = true;
            void worker.terminate().then(() => resolve());
            return;
          }
          current = next++;
          timer = setTimeout(() => {
            why = "time";
            void worker.terminate();
          }, budget.timeMs);
          worker.postMessage(tasks[current]);
        };
        worker.on("message", (r: TaskResult) => {
          clearTimeout(timer);
          results[current] = finished(current, r);
          give();
        });
        worker.on("error", (e: NodeJS.ErrnoException) => {
          if (e.code === "ERR_WORKER_OUT_OF_MEMORY") why = "memory";
        });
        worker.on("exit", () => {
          clearTimeout(timer);
          if (finishing) return;
          if (current >= 0 && results[current] === undefined) {
            const task = tasks[current];
            results[current] = finished(current, { rows: [unreadableRow(task.file, failure(task.file, why, budget))] });
          }
          run(startWorker(budget.memoryMiB));
        });
        give();
      };
      run(startWorker(budget.memoryMiB));
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, lane));
  return results;
}

function outputTarget(args: ScoreArgs, f: BatchFile): string | undefined {
  if (args.inPlace) return f.path;
  return args.write ? path.join(args.write, f.relative) : undefined;
}

function rowText(r: SummaryRow, lang: TextLanguage): string {
  const where = r.sheet ? ` [${r.sheet}${r.column ? `!${r.column}` : ""}]` : "";
  const figure =
    r.index !== null
      ? `${decimalIn(r.index.toFixed(2), lang)} ${r.predicate ?? ""}`
      : r.status === "unreadable"
        ? (r.message ?? "")
        : say(lang, `${r.problems} masalah`, `${r.problems} problems`);
  return `${r.status.padEnd(10)} ${r.file}${where}${r.agency ? ` — ${r.agency}` : ""}${r.year ? ` ${r.year}` : ""}: ${figure}`;
}

function totals(rows: SummaryRow[], files: number, lang: TextLanguage): string {
  const n = (s: SummaryRow["status"]) => rows.filter((r) => r.status === s).length;
  const assessments = rows.length - n("unreadable");
  return say(
    lang,
    `${files} berkas, ${assessments} penilaian: ${n("complete")} lengkap, ${n("incomplete")} belum lengkap, ${n("not-filled")} belum diisi; ${n("unreadable")} tidak terbaca`,
    `${files} files, ${assessments} assessments: ${n("complete")} complete, ${n("incomplete")} incomplete, ${n("not-filled")} not filled; ${n("unreadable")} unreadable`,
  );
}

export async function runBatch(args: ScoreArgs, io: CliIo): Promise<number> {
  const lang = args.lang ?? languageFromEnv(io.locale);
  const format = args.summary ? summaryFormat(args.summary) : undefined;
  if (args.summary && !format) {
    io.err(`spbe-index: --summary: ${say(lang, ".xlsx, .csv atau .json", ".xlsx, .csv or .json")} (${args.summary})`);
    return 2;
  }
  if (args.write && fs.existsSync(args.write) && !isFolder(args.write)) {
    io.err(
      `spbe-index: ${say(lang, "--write perlu folder untuk banyak berkas", "--write needs a folder for several files")}: ${args.write}`,
    );
    return 2;
  }
  const found = collectFiles(args.files);
  const clash =
    !args.inPlace &&
    found.find((f) => {
      const target = outputTarget(args, f);
      return target !== undefined && io.samePath(target, f.path);
    });
  if (clash) {
    io.err(
      `spbe-index: ${say(lang, `--write menunjuk berkas masukan ${clash.file}; pakai --in-place bila memang dimaksud`, `--write names the input file ${clash.file}; use --in-place if that is what you mean`)}`,
    );
    return 2;
  }
  // Neither the summary nor the scored copies of an earlier run are inputs.
  const inside = (p: string, dir: string) => !path.relative(path.resolve(dir), path.resolve(p)).startsWith("..");
  const files = found.filter(
    (f) =>
      !(args.summary && io.samePath(f.path, args.summary)) && !(args.write !== undefined && inside(f.path, args.write)),
  );
  if (files.length === 0) {
    io.err(
      `spbe-index: ${say(lang, "tidak ada berkas .xlsx/.xlsm di", "no .xlsx/.xlsm files in")}: ${args.files.join(", ")}`,
    );
    return 2;
  }
  if (args.write)
    for (const dir of new Set(files.map((f) => path.dirname(path.join(args.write!, f.relative)))))
      fs.mkdirSync(dir, { recursive: true });

  const tasks: ScoreTask[] = files.map((f) => ({
    path: f.path,
    file: f.file,
    sheet: args.sheet,
    levelColumns: args.levelColumns,
    framework: args.framework?.id,
    threshold: args.threshold,
    headerRow: args.headerRow,
    writeTo: outputTarget(args, f),
    problem: f.problem,
  }));
  const bar = progress(tasks.length, io.progress, lang);
  // Scored workbooks are saved here, one after another as they arrive, through the same
  // file operations as a single file's; their bytes are not kept.
  let saving = Promise.resolve();
  const saveErrors: string[] = [];
  let written = 0;
  const results = await runTasks(tasks, workerCount(args.jobs, tasks.length, cores(), os.loadavg()[0]), (k, r) => {
    bar.step();
    if (r.writeError) saveErrors.push(r.writeError);
    const data = r.output;
    const target = tasks[k].writeTo;
    if (data && target) {
      saving = saving.then(() =>
        io.writeFileAtomic(target, Buffer.from(data.buffer, data.byteOffset, data.byteLength)).then(
          () => void written++,
          (e: unknown) => void saveErrors.push(`${target}: ${e instanceof Error ? e.message : String(e)}`),
        ),
      );
    }
    return { rows: r.rows, notes: r.notes };
  });
  await saving;
  bar.done();

  const rows = results.flatMap((r) => r.rows);
  if (args.format === "json") io.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) io.out(rowText(r, lang));
    io.out(totals(rows, files.length, lang));
  }
  const tell = args.format === "json" ? io.err : io.out;
  if (written)
    tell(
      `${say(lang, `Ditulis: ${written} berkas`, `Written: ${written} files`)}${args.write ? ` → ${args.write}` : ""}`,
    );
  results.forEach((r, k) => {
    for (const n of r.notes ?? []) tell(`  ${tasks[k].file}: ${inLanguage(n, lang)}`);
  });
  for (const e of saveErrors) io.err(`spbe-index: ${e}`);
  if (args.summary && format) {
    try {
      await io.writeFileAtomic(args.summary, summaryBytes(rows, format));
      tell(`${say(lang, "Ringkasan", "Summary")}: ${args.summary}`);
    } catch (e) {
      io.err(
        `spbe-index: ${args.summary}: ${say(lang, "tidak dapat ditulis", "cannot be written")} (${e instanceof Error ? e.message : String(e)})`,
      );
      return 2;
    }
  }
  return saveErrors.length ? 2 : exitStatus(rows);
}
