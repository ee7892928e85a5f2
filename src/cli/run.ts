/**
 * The command line, with its input and output passed in so tests run it in-process.
 * Exit status: 0 every assessment complete, 1 scored with problems, 2 could not work.
 */
import { analyze, Analysis, AnalyzeOptions } from "../core/analyze";
import { reportJson, reportText } from "../core/report";
import { inLanguage, languageFromEnv, say } from "../core/textLanguage";
import { FRAMEWORKS, OTHER_MODELS } from "../frameworks";
import { CliArgs, parseArgs, PLAN_USAGE, ScoreArgs, SCORE_USAGE, STDIN_NAME, USAGE, UsageError } from "./args";
import { FileError, isFolder } from "./files";
import type { WritePlan } from "../core/writePlan";
import { FileReader, readWorkbookFile, ScoredWorkbook, WorkbookError, WorkbookFile } from "./workbookFile";

export type { CliArgs, PlanArgs, ScoreArgs } from "./args";
export { parseArgs, UsageError, USAGE } from "./args";

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  readFile(p: string): Promise<Buffer>;
  writeFileAtomic(p: string, data: Buffer): Promise<void>;
  exists(p: string): boolean;
  samePath(a: string, b: string): boolean;
  /** the locale (LC_ALL, LC_MESSAGES or LANG, else the system's through Intl), for the default language */
  locale?: string;
  /** the whole of standard input, for the file "-"; throws FileError when it cannot be read */
  readStdin?(): Promise<Buffer>;
  /** the package's version, for --version */
  version?: string;
  /** redraws one status line on a terminal ("" clears it); absent when nobody watches */
  progress?(s: string): void;
}

/** Several paths, a folder or a summary make a batch; one file keeps the single-file report. */
function isBatch(args: ScoreArgs): boolean {
  return (
    args.files.length > 1 ||
    args.summary !== undefined ||
    args.jobs !== undefined ||
    (args.file !== "-" && isFolder(args.file))
  );
}

/** Standard input as the file "-", read whole once. */
function stdinReader(io: CliIo): FileReader {
  return {
    exists: () => true,
    readFile: () => {
      if (!io.readStdin)
        throw new FileError({ id: "masukan standar tidak tersedia", en: "standard input is not available" });
      return io.readStdin();
    },
  };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`spbe-index: ${e.message}`);
      io.err(`Bantuan / Help: spbe-index help${e.topic ? ` ${e.topic}` : ""}`);
      return 2;
    }
    throw e;
  }
  if (args.command === "help") {
    io.out(args.topic === "score" ? SCORE_USAGE : args.topic === "plan" ? PLAN_USAGE : USAGE);
    return 0;
  }
  if (args.command === "version") {
    io.out(io.version ?? "?");
    return 0;
  }
  // Each command loads only what it needs: one workbook scored and shown needs neither the
  // batch, the planner nor the writer.
  if (args.command === "score" && isBatch(args)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runBatch } = require("./batch") as typeof import("./batch");
    return runBatch(args, io);
  }
  const options: AnalyzeOptions = {
    sheet: args.sheet,
    levelColumns: args.levelColumns.length ? args.levelColumns : undefined,
    framework: args.framework,
    threshold: args.threshold,
    headerRow: args.headerRow,
    otherModels: OTHER_MODELS,
  };
  let book: WorkbookFile;
  try {
    book =
      args.file === "-"
        ? await readWorkbookFile(stdinReader(io), STDIN_NAME, options)
        : await readWorkbookFile(io, args.file, options);
  } catch (e) {
    if (e instanceof WorkbookError) {
      io.err(`spbe-index: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const grid = book.grid;
  const analysis: Analysis = analyze(grid, FRAMEWORKS, options);
  const lang = args.lang ?? languageFromEnv(io.locale);
  if (analysis.tables.length === 0) {
    const name = args.file === "-" ? STDIN_NAME : args.file;
    io.err(`spbe-index: ${name}: ${say(lang, "tabel indikator tidak ditemukan", "no indicator table found")}`);
    for (const n of analysis.notes) io.err(`  ${inLanguage(n.message, lang)}`);
    return 2;
  }
  if (args.command === "plan")
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("./plan") as typeof import("./plan")).runPlan(args, analysis, book, io, lang);
  const target = args.inPlace ? args.file : args.write;
  // In JSON the write's own report (what it left and why) is part of the one document, printed after it.
  if (args.format === "json" && !target) io.out(JSON.stringify(reportJson(analysis), null, 2));
  else if (args.format !== "json") {
    io.out(reportText(analysis, lang));
    // The core says several tables were scored; how to pick one is this command's own word.
    if (analysis.notes.some((n) => n.code === "several-tables"))
      io.out(say(lang, "Pilih satu lembar dengan --sheet.", "Pick one sheet with --sheet."));
  }

  if (target) {
    // A write that fails still leaves the scores in JSON.
    const reportOnly = () => args.format === "json" && io.out(JSON.stringify(reportJson(analysis), null, 2));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildWritePlan, summarizePlan } = require("../core/writePlan") as typeof import("../core/writePlan");
    const written = await writeTo(buildWritePlan(grid, analysis), book, target, args, io);
    if (!written) {
      reportOnly();
      return 2;
    }
    const s = summarizePlan(written.plan);
    if (args.format === "json") {
      const left = written.left.map((k) => ({ place: k.place, what: k.what, message: k.message }));
      io.out(JSON.stringify({ ...reportJson(analysis), written: { file: target, sheets: s.sheets, left } }, null, 2));
    }
    const sheets = s.sheets.map((x) => `"${x}"`).join(", ");
    const msg = say(
      lang,
      `Ditulis: ${target} — lembar hasil ${sheets}, ${s.cells} sel (${s.templateCells} di lembar Anda), validasi ${s.validations} rentang, ${s.conditionalFormats} format bersyarat`,
      `Written: ${target} — results sheet ${sheets}, ${s.cells} cells (${s.templateCells} on your sheets), validation ${s.validations} ranges, ${s.conditionalFormats} conditional formats`,
    );
    (args.format === "json" ? io.err : io.out)(msg);
    for (const n of written.notes) (args.format === "json" ? io.err : io.out)(`  ${inLanguage(n, lang)}`);
    for (const k of written.left) (args.format === "json" ? io.err : io.out)(`  ${inLanguage(k.message, lang)}`);
  }
  // A column nobody has filled yet is a note, not a problem.
  const complete = analysis.tables.every((t) => t.assessments.every((a) => a.complete || a.notFilled));
  return complete ? 0 : 1;
}

/**
 * The workbook with `plan` written, saved as `target` (`--write` or `--in-place`); the
 * write's report, or undefined after saying on standard error why nothing was written.
 */
export async function writeTo(
  plan: WritePlan,
  book: WorkbookFile,
  target: string,
  args: { file: string; inPlace: boolean },
  io: CliIo,
): Promise<ScoredWorkbook | undefined> {
  if (!args.inPlace && io.samePath(target, args.file)) {
    io.err(
      "spbe-index: --write menunjuk berkas masukan; pakai --in-place bila memang dimaksud / --write names the input file; use --in-place if that is what you mean",
    );
    return undefined;
  }
  const refused = book.refuseTarget(target);
  if (refused) {
    io.err(`spbe-index: ${refused}`);
    return undefined;
  }
  let written: ScoredWorkbook;
  try {
    written = await book.write(plan);
  } catch (e) {
    if (e instanceof WorkbookError) {
      io.err(`spbe-index: ${target}: ${e.message}`);
      return undefined;
    }
    throw e;
  }
  try {
    await io.writeFileAtomic(target, written.data);
  } catch (e) {
    if (e instanceof FileError) {
      io.err(`spbe-index: ${e.message}`);
      return undefined;
    }
    throw e;
  }
  return written;
}
