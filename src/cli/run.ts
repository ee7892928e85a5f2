/**
 * The command line, with its input and output passed in so tests run it in-process.
 * Exit status: 0 every assessment complete, 1 scored with problems, 2 could not work.
 */
import { analyze, Analysis } from "../core/analyze";
import { Bilingual, Framework } from "../core/framework";
import { bi, both } from "../core/messages";
import { reportJson, reportText } from "../core/report";
import { inLanguage, languageFromEnv, say, TextLanguage } from "../core/textLanguage";
import { FRAMEWORKS, FRAMEWORK_IDS, frameworkById, OTHER_MODELS } from "../frameworks";
import { FileError, isFolder } from "./files";
import { readWorkbookFile, WorkbookError, WorkbookFile } from "./workbookFile";

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  readFile(p: string): Promise<Buffer>;
  writeFileAtomic(p: string, data: Buffer): Promise<void>;
  exists(p: string): boolean;
  samePath(a: string, b: string): boolean;
  /** the environment's locale (LC_ALL, LC_MESSAGES or LANG), for the default language */
  locale?: string;
  /** redraws one status line on a terminal ("" clears it); absent when nobody watches */
  progress?(s: string): void;
}

export const USAGE = `Pemakaian / Usage:
  spbe-index score <file.xlsx> [--sheet NAME] [--header-row N] [--level-column LETTER]… [--framework ${FRAMEWORK_IDS.join("|")}]
                   [--threshold N] [--format table|json] [--write OUT.xlsx | --in-place] [--lang id|en]
  spbe-index score <file|folder>… [--summary FILE.xlsx|.csv|.json] [--jobs N] [--write FOLDER | --in-place] [options as above]
  spbe-index plan <file.xlsx> [--target N] [--step N] [--out-of-reach ID,…] [--cap ID=LEVEL,…]
                  [--sheet NAME] [--header-row N] [--level-column LETTER]… [--framework ${FRAMEWORK_IDS.join("|")}] [--format table|json] [--lang id|en]

  --lang: bahasa keluaran teks, bawaan dari LANG (id_ID → id, lainnya en)
        / the language of the text output, by default from LANG (id_ID → id, anything else en).

  plan: langkah paling sedikit menuju target indeks untuk tiap kolom nilai; tanpa --target dipakai target
        yang tersimpan di lembar hasil; --step hanya untuk nilai desimal (bawaan 0.25).
        / the fewest raises that reach the target index, for every level column; without --target the
        target stored in the results sheet is used; --step is for decimal values only (default 0.25).

  Banyak berkas/folder: satu baris ringkasan per kolom nilai; --write menunjuk folder.
  / several files or folders: one summary row per level column; --write names a folder.

  Tanpa --write/--in-place berkas hanya dibaca. / Without --write/--in-place the file is only read.
  Status keluar / exit status: 0 lengkap / complete, 1 ada masalah / problems found, 2 gagal / could not work
  (banyak berkas: kolom yang belum diisi bukan masalah, 2 bila ada berkas tak terbaca
  / several files: a column not filled yet is no problem, 2 when some file could not be read).`;

export interface ScoreArgs {
  command: "score";
  /** the first of `files`: the workbook a single-file command works on */
  file: string;
  files: string[];
  summary?: string;
  jobs?: number;
  sheet?: string;
  /** 1-based row of the table's column headers */
  headerRow?: number;
  levelColumns: string[];
  framework?: Framework;
  threshold?: number;
  format: "table" | "json";
  /** the text output's language; from the environment's locale when not given */
  lang?: TextLanguage;
  write?: string;
  inPlace: boolean;
}

export interface PlanArgs extends Omit<ScoreArgs, "command"> {
  command: "plan";
  target?: number;
  step?: number;
  outOfReach: number[];
  caps: Map<number, number>;
}

export type CliArgs = ScoreArgs | PlanArgs;

/** A mistake in the arguments: said in both languages, followed by the usage text. */
export class UsageError extends Error {
  /** absent when the usage text alone says it (--help) */
  readonly text?: Bilingual;
  constructor(text?: Bilingual) {
    super(text ? both(text) : "");
    this.text = text;
  }
}

/** "12" or "I12" → 12: indicator numbers as assessors write them in either framework. */
function indicatorNumber(text: string, flag: string): number {
  const m = /^[Ii]?(\d+)$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      bi(`${flag}: "${text}" bukan nomor indikator`, `${flag}: "${text}" is not an indicator number`),
    );
  return Number(m[1]);
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== "score" && command !== "plan")
    throw new UsageError(
      command
        ? bi(`perintah tidak dikenal: ${command}`, `unknown command: ${command}`)
        : bi("perintah tidak ada", "no command given"),
    );
  const args: CliArgs =
    command === "plan"
      ? {
          command,
          file: "",
          files: [],
          levelColumns: [],
          format: "table",
          inPlace: false,
          outOfReach: [],
          caps: new Map(),
        }
      : { command, file: "", files: [], levelColumns: [], format: "table", inPlace: false };
  const planOnly = (flag: string): PlanArgs => {
    if (args.command !== "plan")
      throw new UsageError(bi(`${flag} hanya untuk perintah plan`, `${flag} is only for the plan command`));
    return args;
  };
  const scoreOnly = (flag: string): ScoreArgs => {
    if (args.command !== "score")
      throw new UsageError(bi(`${flag} hanya untuk perintah score`, `${flag} is only for the score command`));
    return args;
  };
  const positive = (text: string, flag: string): number => {
    // "3,7" as well as "3.7": Indonesian writes a decimal comma.
    const n = Number(text.replace(",", "."));
    if (text.trim() === "" || !Number.isFinite(n) || n <= 0)
      throw new UsageError(bi(`${flag} perlu angka positif: ${text}`, `${flag} needs a positive number: ${text}`));
    return n;
  };
  const value = (i: number, flag: string) => {
    const v = rest[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(bi(`${flag} perlu nilai`, `${flag} needs a value`));
    return v;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const take = () => (inline !== undefined ? inline : value(i++, flag));
    switch (flag) {
      case "--sheet":
        args.sheet = take();
        break;
      case "--header-row": {
        const v = take();
        const n = Number(v);
        if (!/^\d+$/.test(v.trim()) || n < 1)
          throw new UsageError(
            bi(
              `--header-row: "${v}" bukan nomor baris (1, 2, …)`,
              `--header-row: "${v}" is not a row number (1, 2, …)`,
            ),
          );
        args.headerRow = n;
        break;
      }
      case "--level-column":
        for (const c of take().split(",")) {
          if (!/^[A-Za-z]{1,3}$/.test(c.trim()))
            throw new UsageError(
              bi(`--level-column: "${c}" bukan huruf kolom`, `--level-column: "${c}" is not a column letter`),
            );
          args.levelColumns.push(c.trim().toUpperCase());
        }
        break;
      case "--framework": {
        const id = take();
        const f = frameworkById(id);
        if (!f)
          throw new UsageError(
            bi(
              `--framework: "${id}" tidak dikenal (${FRAMEWORK_IDS.join(", ")})`,
              `--framework: "${id}" is unknown (${FRAMEWORK_IDS.join(", ")})`,
            ),
          );
        args.framework = f;
        break;
      }
      case "--threshold": {
        const t = Number(take());
        if (!Number.isFinite(t)) throw new UsageError(bi("--threshold perlu angka", "--threshold needs a number"));
        args.threshold = t;
        break;
      }
      case "--format": {
        const f = take();
        if (f !== "table" && f !== "json") throw new UsageError(bi("--format: table | json", "--format: table | json"));
        args.format = f;
        break;
      }
      case "--lang": {
        const l = take();
        if (l !== "id" && l !== "en") throw new UsageError(bi("--lang: id | en", "--lang: id | en"));
        args.lang = l;
        break;
      }
      case "--write":
        args.write = take();
        break;
      case "--in-place":
        args.inPlace = true;
        break;
      case "--summary":
        scoreOnly(flag).summary = take();
        break;
      case "--jobs": {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(bi("--jobs perlu bilangan bulat positif", "--jobs needs a positive whole number"));
        scoreOnly(flag).jobs = n;
        break;
      }
      case "--target":
        planOnly(flag).target = positive(take(), flag);
        break;
      case "--step":
        planOnly(flag).step = positive(take(), flag);
        break;
      case "--out-of-reach":
        planOnly(flag).outOfReach.push(
          ...take()
            .split(",")
            .filter((x) => x.trim() !== "")
            .map((x) => indicatorNumber(x, flag)),
        );
        break;
      case "--cap":
        for (const pair of take().split(",")) {
          const [id, level] = pair.split("=");
          if (level === undefined)
            throw new UsageError(bi(`--cap: "${pair}" harus NOMOR=LEVEL`, `--cap: "${pair}" must be ID=LEVEL`));
          planOnly(flag).caps.set(indicatorNumber(id, flag), positive(level, flag));
        }
        break;
      case "--help":
      case "-h":
        throw new UsageError();
      default:
        if (a.startsWith("-")) throw new UsageError(bi(`opsi tidak dikenal: ${a}`, `unknown option: ${a}`));
        if (args.files.length && args.command === "plan")
          throw new UsageError(bi(`satu berkas saja: ${a}`, `one file only: ${a}`));
        args.files.push(a);
        args.file ||= a;
    }
  }
  if (!args.file) throw new UsageError(bi("berkas .xlsx tidak disebut", "no .xlsx file given"));
  if (args.write && args.inPlace)
    throw new UsageError(bi("pilih --write atau --in-place", "choose --write or --in-place"));
  if (args.command === "plan" && (args.write || args.inPlace))
    throw new UsageError(
      bi("plan hanya membaca berkas: --write/--in-place", "plan only reads the file: --write/--in-place"),
    );
  return args;
}

/** Several paths, a folder or a summary make a batch; one file keeps the single-file report. */
function isBatch(args: ScoreArgs): boolean {
  return args.files.length > 1 || args.summary !== undefined || args.jobs !== undefined || isFolder(args.file);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`spbe-index: ${e.message}`);
      io.err(USAGE);
      return 2;
    }
    throw e;
  }
  // Each command loads only what it needs: one workbook scored and shown needs neither the
  // batch, the planner nor the writer.
  if (args.command === "score" && isBatch(args)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runBatch } = require("./batch") as typeof import("./batch");
    return runBatch(args, io);
  }
  let book: WorkbookFile;
  try {
    book = await readWorkbookFile(io, args.file);
  } catch (e) {
    if (e instanceof WorkbookError) {
      io.err(`spbe-index: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const grid = book.grid;
  const analysis: Analysis = analyze(grid, FRAMEWORKS, {
    sheet: args.sheet,
    levelColumns: args.levelColumns.length ? args.levelColumns : undefined,
    framework: args.framework,
    threshold: args.threshold,
    headerRow: args.headerRow,
    otherModels: OTHER_MODELS,
  });
  const lang = args.lang ?? languageFromEnv(io.locale);
  if (analysis.tables.length === 0) {
    io.err(`spbe-index: ${args.file}: ${say(lang, "tabel indikator tidak ditemukan", "no indicator table found")}`);
    for (const n of analysis.notes) io.err(`  ${inLanguage(n.message, lang)}`);
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (args.command === "plan") return (require("./plan") as typeof import("./plan")).runPlan(args, analysis, io, lang);
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
    if (!args.inPlace && io.samePath(target, args.file)) {
      io.err(
        "spbe-index: --write menunjuk berkas masukan; pakai --in-place bila memang dimaksud / --write names the input file; use --in-place if that is what you mean",
      );
      reportOnly();
      return 2;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildWritePlan, summarizePlan } = require("../core/writePlan") as typeof import("../core/writePlan");
    const plan = buildWritePlan(grid, analysis);
    const refused = book.refuseTarget(target);
    if (refused) {
      io.err(`spbe-index: ${refused}`);
      reportOnly();
      return 2;
    }
    let written;
    try {
      written = await book.write(plan);
    } catch (e) {
      if (e instanceof WorkbookError) {
        io.err(`spbe-index: ${target}: ${e.message}`);
        reportOnly();
        return 2;
      }
      throw e;
    }
    try {
      await io.writeFileAtomic(target, written.data);
    } catch (e) {
      if (e instanceof FileError) {
        io.err(`spbe-index: ${e.message}`);
        reportOnly();
        return 2;
      }
      throw e;
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
