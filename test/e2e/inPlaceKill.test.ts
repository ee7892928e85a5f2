/**
 * `--in-place` killed at random moments: the file is always the original or the
 * complete new one, never a broken mix; an interrupted run (SIGTERM, SIGINT) leaves no
 * temporary file, and one killed outright (SIGKILL) has its temporary file removed by
 * the next run.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as T from "../fixtures/templates";

const ROOT = path.join(__dirname, "../..");
let dir: string;
let original: Buffer;
let complete: Buffer;
let fullRun = 0;

function run(file: string, killAfter?: number, signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "score", file, "--in-place"],
      { cwd: ROOT, stdio: "ignore" },
    );
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill(signal), killAfter);
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}

const others = (file: string) => fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-kill-"));
  // A workbook with a long appendix, so that writing takes a while.
  const wb = T.standardSpbe();
  const extra = wb.addWorksheet("Lampiran");
  for (let r = 1; r <= 40000; r++)
    extra.addRow([r, `Catatan kegiatan ${r}`, r * 1.5, "Dokumen pendukung tersedia di portal", r % 7]);
  const input = path.join(dir, "asal.xlsx");
  await wb.xlsx.writeFile(input);
  original = fs.readFileSync(input);
  const reference = path.join(dir, "acuan", "kerja.xlsx");
  fs.mkdirSync(path.dirname(reference));
  fs.copyFileSync(input, reference);
  const start = Date.now();
  expect(await run(reference)).toBeLessThan(2);
  fullRun = Date.now() - start;
  complete = fs.readFileSync(reference);
  expect(Buffer.compare(complete, original)).not.toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(Array.from({ length: 10 }, (_, k) => [k, k % 2 === 0 ? "SIGKILL" : "SIGTERM"] as const))(
  "kill %i (%s): the original or the complete new file",
  async (k, signal) => {
    const work = path.join(dir, `kerja-${k}`, "kerja.xlsx");
    fs.mkdirSync(path.dirname(work));
    fs.copyFileSync(path.join(dir, "asal.xlsx"), work);
    // Spread over the whole run, the last moments (writing and renaming) included.
    const at = Math.round(fullRun * (0.3 + 0.7 * Math.random()));
    await run(work, at, signal);
    const now = fs.readFileSync(work);
    expect([Buffer.compare(now, original) === 0, Buffer.compare(now, complete) === 0]).toContain(true);
    if (signal === "SIGTERM") expect(others(work)).toEqual([]);
    // The next run finishes the job and clears what a killed run left.
    expect(await run(work)).toBeLessThan(2);
    expect(others(work)).toEqual([]);
    expect(Buffer.compare(fs.readFileSync(work), complete)).toBe(0);
  },
);
