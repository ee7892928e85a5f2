/**
 * The command line's arguments: the help texts, the options each command takes, and the
 * parsing, through Node's own `util.parseArgs` tokens (`--name value`, `--name=value`,
 * `-h`, `--` ending the options, `-` naming standard input). Every mistake becomes a
 * UsageError in Indonesian and English; an unknown option or command names the nearest
 * known one.
 */
import { parseArgs as parseTokens } from "util";
import { Bilingual, Framework } from "../core/framework";
import { bi, both } from "../core/messages";
import type { TextLanguage } from "../core/textLanguage";
import { FRAMEWORKS, FRAMEWORK_IDS, frameworkById } from "../frameworks";

const FRAMEWORK_CHOICES = FRAMEWORK_IDS.join("|");

const SCORE_SYNOPSIS = `  spbe-index score <file.xlsx> [--sheet NAME] [--header-row N] [--level-column LETTER]… [--framework ${FRAMEWORK_CHOICES}]
                   [--threshold N] [--format table|json] [--write OUT.xlsx | --in-place] [--lang id|en]
  spbe-index score <file|folder>… [--summary FILE.xlsx|.csv|.json] [--jobs N] [--write FOLDER | --in-place] [options as above]`;

const PLAN_SYNOPSIS = `  spbe-index plan <file.xlsx> [--target N] [--step N] [--out-of-reach ID,…] [--cap ID=LEVEL,…]
                  [--sheet NAME] [--header-row N] [--level-column LETTER]… [--framework ${FRAMEWORK_CHOICES}] [--format table|json]
                  [--write OUT.xlsx | --in-place] [--lang id|en]`;

const COMMON_NOTES = `  - sebagai nama berkas: buku kerja dibaca dari masukan standar (spbe-index score - < a.xlsx);
    -- mengakhiri opsi, nama berkas sesudahnya boleh diawali -.
  / - as the file: the workbook is read from standard input; -- ends the options, file names after it may start with -.

  --lang: bahasa keluaran teks; bawaan dari LC_ALL, LC_MESSAGES atau LANG, bila kosong dari lokal sistem (id → id, lainnya en)
        / the language of the text output; by default from LC_ALL, LC_MESSAGES or LANG, else the system's locale (id → id, anything else en).`;

const SCORE_NOTES = `  --threshold: nilai di bawahnya dihitung rendah (1–5; bawaan 3 untuk SPBE 2020, 2,50 untuk Pemdi 2026)
        / levels below it count as low (1–5; default 3 for SPBE 2020, 2.50 for Pemdi 2026).

  Banyak berkas/folder: satu baris ringkasan per kolom nilai; --write menunjuk folder.
  / several files or folders: one summary row per level column; --write names a folder.

  Tanpa --write/--in-place berkas hanya dibaca. / Without --write/--in-place the file is only read.
  Status keluar / exit status: 0 lengkap / complete, 1 ada masalah / problems found, 2 gagal / could not work
  (banyak berkas: kolom yang belum diisi bukan masalah, 2 bila ada berkas tak terbaca
  / several files: a column not filled yet is no problem, 2 when some file could not be read).`;

const PLAN_NOTES = `  plan: langkah paling sedikit menuju target indeks untuk tiap kolom nilai; tanpa --target dipakai target
        yang tersimpan di lembar hasil; --step hanya untuk nilai desimal (bawaan 0,25).
        / the fewest raises that reach the target index, for every level column; without --target the
        target stored in the results sheet is used; --step is for decimal values only (default 0.25).
  --write/--in-place: tiap rencana ditulis ke lembar "Rencana Target" dengan rumus hidup; bagian lain tetap apa adanya.
        / each plan is written to a sheet "Rencana Target" with live formulas; everything else stays as it was.
  Status keluar / exit status: 0 dan 1 seperti score / 0 and 1 as for score, 2 gagal / could not work.`;

/** `spbe-index help`, `--help`, `-h`: both commands and where to read more. */
export const USAGE = `Pemakaian / Usage:
${SCORE_SYNOPSIS}
${PLAN_SYNOPSIS}
  spbe-index help [score|plan]     bantuan satu perintah / one command's help
  spbe-index --version             versi / version

${COMMON_NOTES}

${SCORE_NOTES}

${PLAN_NOTES}`;

/** `spbe-index help score`, `spbe-index score --help`. */
export const SCORE_USAGE = `Pemakaian / Usage:\n${SCORE_SYNOPSIS}\n\n${COMMON_NOTES}\n\n${SCORE_NOTES}`;

/** `spbe-index help plan`, `spbe-index plan --help`. */
export const PLAN_USAGE = `Pemakaian / Usage:\n${PLAN_SYNOPSIS}\n\n${COMMON_NOTES}\n\n${PLAN_NOTES}`;

/** The name a workbook read from standard input goes by in messages. */
export const STDIN_NAME = "<stdin>";

export interface ScoreArgs {
  command: "score";
  /** the first of `files`: the workbook a single-file command works on; "-" is standard input */
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

/** Help on standard output, exit 0: the whole usage, or one command's. */
export interface HelpArgs {
  command: "help";
  topic?: "score" | "plan";
}

export interface VersionArgs {
  command: "version";
}

export type CliArgs = ScoreArgs | PlanArgs | HelpArgs | VersionArgs;

/** A mistake in the arguments, said in both languages; `topic` is the command whose help to point at. */
export class UsageError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly topic?: "score" | "plan",
  ) {
    super(both(text));
  }
}

type Command = "score" | "plan";
const COMMANDS: readonly Command[] = ["score", "plan"];

/** Every option, the commands that take it, and whether it takes a value. */
const OPTIONS = {
  sheet: { type: "string", commands: COMMANDS },
  "header-row": { type: "string", commands: COMMANDS },
  "level-column": { type: "string", commands: COMMANDS },
  framework: { type: "string", commands: COMMANDS },
  threshold: { type: "string", commands: COMMANDS },
  format: { type: "string", commands: COMMANDS },
  lang: { type: "string", commands: COMMANDS },
  write: { type: "string", commands: COMMANDS },
  "in-place": { type: "boolean", commands: COMMANDS },
  summary: { type: "string", commands: ["score"] },
  jobs: { type: "string", commands: ["score"] },
  target: { type: "string", commands: ["plan"] },
  step: { type: "string", commands: ["plan"] },
  "out-of-reach": { type: "string", commands: ["plan"] },
  cap: { type: "string", commands: ["plan"] },
  help: { type: "boolean", short: "h", commands: COMMANDS },
  version: { type: "boolean", commands: COMMANDS },
} as const satisfies Record<string, { type: "string" | "boolean"; short?: string; commands: readonly Command[] }>;

type OptionName = keyof typeof OPTIONS;
const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

/** The most worker threads a batch may ask for. */
const MAX_JOBS = 256;
/** Excel's last row. */
const MAX_ROW = 1_048_576;

/** Edit distance with a swap of two neighbours counted as one edit ("scroe" → "score"), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known word nearest to a mistyped one, when it is near enough to be what was meant. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best === undefined) return undefined;
  const allowed = best.length <= 3 ? 1 : best.length <= 8 ? 2 : 3;
  return bestDistance <= allowed ? best : undefined;
}

function unknownCommand(command: string): UsageError {
  const guess = nearest(command, [...COMMANDS, "help"]);
  return new UsageError(
    guess
      ? bi(
          `perintah tidak dikenal: ${command}; maksud Anda ${guess}?`,
          `unknown command: ${command}; did you mean ${guess}?`,
        )
      : bi(`perintah tidak dikenal: ${command}`, `unknown command: ${command}`),
  );
}

/** "12" or "I12" → 12: indicator numbers as assessors write them in either framework. */
function indicatorNumber(text: string, flag: string): number {
  const m = /^[Ii]?(\d+)$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      bi(`${flag}: "${text}" bukan nomor indikator`, `${flag}: "${text}" is not an indicator number`),
      "plan",
    );
  return Number(m[1]);
}

/** A number as a person types it: "3,7" as well as "3.7", since Indonesian writes a decimal comma. */
function decimal(text: string): number {
  return text.trim() === "" ? NaN : Number(text.trim().replace(",", "."));
}

function positive(text: string, flag: string): number {
  const n = decimal(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(
      bi(`${flag} perlu angka positif: ${text}`, `${flag} needs a positive number: ${text}`),
      "plan",
    );
  return n;
}

/** The levels every framework (or the one chosen) allows: a threshold or a target outside them means nothing. */
function levelRange(framework: Framework | undefined): { min: number; max: number } {
  const fs = framework ? [framework] : FRAMEWORKS;
  return {
    min: Math.min(...fs.map((f) => f.data.levels.min)),
    max: Math.max(...fs.map((f) => f.data.levels.max)),
  };
}

function inRange(n: number, min: number, max: number, flag: string, text: string, command: Command): number {
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(
      bi(`${flag}: ${text} di luar rentang ${min}–${max}`, `${flag}: ${text} is outside ${min}–${max}`),
      command,
    );
  return n;
}

/** `help`, `help score`, `--help`, `-h score`, `--version`: the first word decides what the rest means. */
function leadingRequest(argv: string[]): CliArgs | undefined {
  const [first, topic, ...more] = argv;
  if (first === "--version") return { command: "version" };
  if (first !== "help" && first !== "--help" && first !== "-h") return undefined;
  if (more.length) throw new UsageError(bi(`help: satu perintah saja`, `help: one command only`));
  if (topic === undefined) return { command: "help" };
  if (topic === "score" || topic === "plan") return { command: "help", topic };
  throw unknownCommand(topic);
}

export function parseArgs(argv: string[]): CliArgs {
  const request = leadingRequest(argv);
  if (request) return request;
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(bi("perintah tidak ada", "no command given"));
  if (command !== "score" && command !== "plan") {
    if (command.startsWith("-") && command !== "-") {
      const name = command.replace(/^-+/, "").split("=")[0];
      const guess = nearest(name, ["help", "version"]);
      throw new UsageError(
        bi(
          `${command}: perintah dulu (score, plan atau help)${guess ? `; maksud Anda --${guess}?` : ""}`,
          `${command}: the command comes first (score, plan or help)${guess ? `; did you mean --${guess}?` : ""}`,
        ),
      );
    }
    throw unknownCommand(command);
  }
  const { tokens } = parseTokens({
    args: rest,
    options: Object.fromEntries(
      OPTION_NAMES.map((n) => {
        const o: { type: "string" | "boolean"; short?: string } = OPTIONS[n];
        return [n, o.short ? { type: o.type, short: o.short } : { type: o.type }];
      }),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  // `score … --help` asks for help whatever else the line holds, as other tools do.
  const end = tokens.findIndex((t) => t.kind === "option-terminator");
  const options = end < 0 ? tokens : tokens.slice(0, end);
  if (options.some((t) => t.kind === "option" && t.name === "help")) return { command: "help", topic: command };
  if (options.some((t) => t.kind === "option" && t.name === "version")) return { command: "version" };

  const args: ScoreArgs | PlanArgs =
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
  const usage = (id: string, en: string) => new UsageError(bi(id, en), command);
  let thresholdText: string | undefined;
  let targetText: string | undefined;

  for (const t of tokens) {
    if (t.kind === "option-terminator") continue;
    if (t.kind === "positional") {
      if (args.files.length && args.command === "plan")
        throw usage(`satu berkas saja: ${t.value}`, `one file only: ${t.value}`);
      args.files.push(t.value);
      args.file ||= t.value;
      continue;
    }
    const flag = t.rawName;
    if (!(t.name in OPTIONS)) {
      const guess = t.rawName.startsWith("--") ? nearest(t.name, OPTION_NAMES) : undefined;
      throw guess
        ? usage(
            `opsi tidak dikenal: ${flag}; maksud Anda --${guess}?`,
            `unknown option: ${flag}; did you mean --${guess}?`,
          )
        : usage(`opsi tidak dikenal: ${flag}`, `unknown option: ${flag}`);
    }
    const name = t.name as OptionName;
    const spec: { type: string; commands: readonly Command[] } = OPTIONS[name];
    if (!spec.commands.includes(command)) {
      const other = spec.commands[0];
      throw usage(`${flag} hanya untuk perintah ${other}`, `${flag} is only for the ${other} command`);
    }
    if (spec.type === "boolean") {
      if (t.value !== undefined) throw usage(`${flag} tidak memakai nilai`, `${flag} takes no value`);
    } else if (t.value === undefined || (!t.inlineValue && t.value.startsWith("--"))) {
      throw usage(`${flag} perlu nilai`, `${flag} needs a value`);
    }
    const v = t.value ?? "";
    switch (name) {
      case "sheet":
        args.sheet = v;
        break;
      case "header-row": {
        const n = Number(v);
        if (!/^\d+$/.test(v.trim()) || n < 1 || n > MAX_ROW)
          throw usage(
            `--header-row: "${v}" bukan nomor baris (1, 2, …)`,
            `--header-row: "${v}" is not a row number (1, 2, …)`,
          );
        args.headerRow = n;
        break;
      }
      case "level-column":
        for (const c of v.split(",")) {
          if (!/^[A-Za-z]{1,3}$/.test(c.trim()))
            throw usage(`--level-column: "${c}" bukan huruf kolom`, `--level-column: "${c}" is not a column letter`);
          args.levelColumns.push(c.trim().toUpperCase());
        }
        break;
      case "framework": {
        const f = frameworkById(v);
        if (!f) {
          const guess = nearest(v, FRAMEWORK_IDS);
          const hint = guess ? { id: `; maksud Anda ${guess}?`, en: `; did you mean ${guess}?` } : { id: "", en: "" };
          throw usage(
            `--framework: "${v}" tidak dikenal (${FRAMEWORK_IDS.join(", ")})${hint.id}`,
            `--framework: "${v}" is unknown (${FRAMEWORK_IDS.join(", ")})${hint.en}`,
          );
        }
        args.framework = f;
        break;
      }
      case "threshold":
        if (!Number.isFinite(decimal(v)))
          throw usage(`--threshold perlu angka: ${v}`, `--threshold needs a number: ${v}`);
        thresholdText = v;
        break;
      case "format":
        if (v !== "table" && v !== "json")
          throw usage(
            `--format: "${v}" bukan pilihan (table | json)`,
            `--format: "${v}" is not a choice (table | json)`,
          );
        args.format = v;
        break;
      case "lang":
        if (v !== "id" && v !== "en")
          throw usage(`--lang: "${v}" bukan pilihan (id | en)`, `--lang: "${v}" is not a choice (id | en)`);
        args.lang = v;
        break;
      case "write":
        if (v === "-")
          throw usage(
            "--write -: buku kerja tidak ditulis ke keluaran standar; sebut nama berkas",
            "--write -: the workbook is not written to standard output; name a file",
          );
        args.write = v;
        break;
      case "in-place":
        args.inPlace = true;
        break;
      case "summary":
        (args as ScoreArgs).summary = v;
        break;
      case "jobs": {
        const n = Number(v);
        if (!/^\d+$/.test(v.trim()) || n < 1 || n > MAX_JOBS)
          throw usage(
            `--jobs perlu bilangan bulat positif (1–${MAX_JOBS}): ${v}`,
            `--jobs needs a positive whole number (1–${MAX_JOBS}): ${v}`,
          );
        (args as ScoreArgs).jobs = n;
        break;
      }
      case "target":
        positive(v, flag);
        targetText = v;
        break;
      case "step":
        (args as PlanArgs).step = positive(v, flag);
        break;
      case "out-of-reach":
        (args as PlanArgs).outOfReach.push(
          ...v
            .split(",")
            .filter((x) => x.trim() !== "")
            .map((x) => indicatorNumber(x, flag)),
        );
        break;
      case "cap":
        for (const pair of v.split(",")) {
          const [id, level] = pair.split("=");
          if (level === undefined)
            throw usage(`--cap: "${pair}" harus NOMOR=LEVEL`, `--cap: "${pair}" must be ID=LEVEL`);
          (args as PlanArgs).caps.set(indicatorNumber(id, flag), positive(level, flag));
        }
        break;
    }
  }
  // Ranges depend on the framework, which may come later on the line.
  const { min, max } = levelRange(args.framework);
  if (thresholdText !== undefined)
    args.threshold = inRange(decimal(thresholdText), min, max, "--threshold", thresholdText, command);
  if (targetText !== undefined)
    (args as PlanArgs).target = inRange(decimal(targetText), 0, max, "--target", targetText, command);
  if (args.command === "plan" && args.step !== undefined && args.step > max - min)
    throw usage(`--step: ${args.step} lebih dari ${max - min}`, `--step: ${args.step} is more than ${max - min}`);

  if (!args.file) throw usage("berkas .xlsx tidak disebut", "no .xlsx file given");
  if (args.write && args.inPlace) throw usage("pilih --write atau --in-place", "choose --write or --in-place");
  if (args.files.includes("-")) {
    if (args.files.length > 1 || (args.command === "score" && (args.summary !== undefined || args.jobs !== undefined)))
      throw usage("- (masukan standar) hanya untuk satu buku kerja", "- (standard input) is for one workbook only");
    if (args.inPlace)
      throw usage(
        "--in-place: buku kerja dari masukan standar tidak dapat ditulis kembali; pakai --write",
        "--in-place: a workbook from standard input cannot be rewritten; use --write",
      );
  }
  return args;
}
