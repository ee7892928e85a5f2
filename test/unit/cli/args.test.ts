import * as fs from "fs";
import * as path from "path";
import { Readable } from "stream";
import { nearest, parseArgs } from "../../../src/cli/args";
import { packageVersion, readStream, systemLocale } from "../../../src/cli/nodeIo";
import { runCli } from "../../../src/cli/run";
import { cli, fileIo, tempFolder } from "../../support/cli";
import * as T from "../../fixtures/templates";

const tmp = tempFolder("spbe-args-");

async function run(argv: string[], extra: Partial<Parameters<typeof runCli>[1]> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    ...fileIo(
      (s) => out.push(s),
      (s) => err.push(s),
    ),
    ...extra,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("help and version: on standard output, exit 0", () => {
  test.each([[["help"]], [["--help"]], [["-h"]]])("%j prints both commands", async (argv) => {
    const r = await cli(...argv);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/spbe-index score <file\.xlsx>/);
    expect(r.out).toMatch(/spbe-index plan <file\.xlsx>/);
  });

  test.each([
    [["help", "score"]],
    [["score", "--help"]],
    [["score", "-h"]],
    [["-h", "score"]],
    [["score", "x.xlsx", "--fromat", "json", "--help"]],
  ])("%j prints score's help only", async (argv) => {
    const r = await cli(...argv);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/spbe-index score <file\|folder>…/);
    expect(r.out).not.toMatch(/spbe-index plan/);
  });

  test("help plan, plan --help", async () => {
    for (const argv of [
      ["help", "plan"],
      ["plan", "--help"],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^ {2}spbe-index plan <file\.xlsx> \[--target N\]/m);
      expect(r.out).not.toMatch(/spbe-index score <file/);
    }
  });

  test("--help after -- is a file name, not a request for help", () => {
    expect(parseArgs(["score", "--", "--help"])).toMatchObject({ command: "score", files: ["--help"] });
  });

  test("--version prints the package's version", async () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")).version;
    expect(packageVersion()).toBe(version);
    for (const argv of [["--version"], ["score", "--version"]]) {
      const r = await run(argv, { version: packageVersion() });
      expect([r.code, r.out, r.err]).toEqual([0, version, ""]);
    }
  });
});

describe("mistakes: one message in both languages, the way to help, exit 2", () => {
  test.each([
    [["score", "x.xlsx", "--fromat", "json"], "unknown option: --fromat; did you mean --format?", "score"],
    [["plan", "x.xlsx", "--traget", "3"], "unknown option: --traget; did you mean --target?", "plan"],
    [["score", "x.xlsx", "--colour"], "unknown option: --colour", "score"],
    [["scroe", "x.xlsx"], "unknown command: scroe; did you mean score?", ""],
    [["frobnicate", "x.xlsx"], "unknown command: frobnicate", ""],
    [["help", "sorce"], "unknown command: sorce; did you mean score?", ""],
    [["--hlep"], "--hlep: the command comes first (score, plan or help); did you mean --help?", ""],
    [["score", "x.xlsx", "-x"], "unknown option: -x", "score"],
    [["score", "x.xlsx", "--format", "jsno"], '--format: "jsno" is not a choice (table | json)', "score"],
    [["score", "x.xlsx", "--lang", "fr"], '--lang: "fr" is not a choice (id | en)', "score"],
    [["score", "x.xlsx", "--framework", "spbe2020"], "did you mean spbe-2020?", "score"],
    [["score", "x.xlsx", "--threshold=-5"], "--threshold: -5 is outside 1–5", "score"],
    [["score", "x.xlsx", "--threshold", "-5"], "--threshold: -5 is outside 1–5", "score"],
    [["score", "x.xlsx", "--threshold", "6"], "--threshold: 6 is outside 1–5", "score"],
    [["score", "x.xlsx", "--threshold", "tiga"], "--threshold needs a number: tiga", "score"],
    [["plan", "x.xlsx", "--target", "7"], "--target: 7 is outside 0–5", "plan"],
    [["plan", "x.xlsx", "--step", "9"], "--step: 9 is more than 4", "plan"],
    [["score", "x.xlsx", "--header-row", "0"], "is not a row number", "score"],
    [["score", "x.xlsx", "--jobs", "1000"], "--jobs needs a positive whole number (1–256): 1000", "score"],
    [["score", "x.xlsx", "--sheet"], "--sheet needs a value", "score"],
    [["score", "x.xlsx", "--sheet", "--format", "json"], "--sheet needs a value", "score"],
    [["score", "x.xlsx", "--in-place=yes"], "--in-place takes no value", "score"],
    [["score", "x.xlsx", "--write", "-"], "the workbook is not written to standard output", "score"],
    [["score", "-", "b.xlsx"], "- (standard input) is for one workbook only", "score"],
    [["score", "-", "--in-place"], "a workbook from standard input cannot be rewritten", "score"],
  ])("%j", async (argv, message, topic) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const [first, second, ...more] = r.err.split("\n");
    expect(first).toMatch(/^spbe-index: .+ \/ .+$/);
    expect(first).toContain(message);
    expect(second).toBe(`Bantuan / Help: spbe-index help${topic ? ` ${topic}` : ""}`);
    expect(more).toEqual([]);
  });

  test("the threshold's range is the chosen framework's; a decimal comma is a decimal point", () => {
    expect(parseArgs(["score", "a.xlsx", "--threshold", "2,5"])).toMatchObject({ threshold: 2.5 });
    expect(parseArgs(["score", "a.xlsx", "--threshold=5", "--framework", "pemdi-2026"])).toMatchObject({
      threshold: 5,
    });
    expect(parseArgs(["plan", "a.xlsx", "--target", "3,7"])).toMatchObject({ target: 3.7 });
  });

  test("did you mean: only a near word", () => {
    expect(nearest("fromat", ["format", "sheet"])).toBe("format");
    expect(nearest("level-colum", ["level-column"])).toBe("level-column");
    expect(nearest("xyz", ["format", "sheet"])).toBeUndefined();
    expect(nearest("cap", ["cap", "step"])).toBe("cap");
  });
});

describe("files: -- ends the options, - is standard input", () => {
  test("a file whose name starts with - is scored after --", async () => {
    const p = await tmp.save("-awal-strip.xlsx", T.standardSpbe());
    const r = await cli("score", "--format", "json", "--", p);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).assessments.map((a: { index: number }) => a.index)).toEqual([3.75, 3.19]);
    expect(parseArgs(["score", "--", "-x.xlsx", "--format"])).toMatchObject({ files: ["-x.xlsx", "--format"] });
  });

  test("- reads the workbook from standard input; --write still writes a file", async () => {
    const p = await tmp.save("stdin.xlsx", T.standardSpbe());
    const data = fs.readFileSync(p);
    const out = tmp.path("stdin.scored.xlsx");
    const r = await run(["score", "-", "--format", "json", "--write", out], { readStdin: async () => data });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).assessments.map((a: { index: number }) => a.index)).toEqual([3.75, 3.19]);
    expect(fs.existsSync(out)).toBe(true);
    const junk = await run(["score", "-"], { readStdin: async () => Buffer.from("bukan buku kerja") });
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/^spbe-index: <stdin>: .*not an \.xlsx file/);
  });

  test("standard input: a terminal is refused at once; a pipe is read whole", async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(readStream(tty)).rejects.toThrow(/standard input is a terminal; pipe a workbook in/);
    const pipe = Readable.from([Buffer.from("PK"), Buffer.from("\u0003\u0004")]);
    expect(await readStream(pipe)).toEqual(Buffer.from("PK\u0003\u0004"));
    await expect(readStream(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)).rejects.toThrow(/too large/);
  });
});

describe("the locale", () => {
  test("the POSIX variables first; where none is set (Windows), the system's locale through Intl", () => {
    expect(systemLocale({ LANG: "id_ID.UTF-8" }, () => "en-US")).toBe("id_ID.UTF-8");
    expect(systemLocale({ LC_ALL: "en_GB.UTF-8", LANG: "id_ID.UTF-8" }, () => "id-ID")).toBe("en_GB.UTF-8");
    expect(systemLocale({}, () => "id-ID")).toBe("id-ID");
    expect(systemLocale({ LANG: "" }, () => "id-ID")).toBe("id-ID");
  });
});
