/** Runs the command line in-process on real files in a temporary folder, capturing its output. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readInputFile, writeFileSafely } from "../../src/cli/files";
import { runCli, CliIo } from "../../src/cli/run";

export function fileIo(out: (s: string) => void = () => undefined, err: (s: string) => void = () => undefined): CliIo {
  return {
    out,
    err,
    readFile: (p) => readInputFile(p),
    writeFileAtomic: async (p, d) => {
      await writeFileSafely(p, d);
    },
    exists: (p) => fs.existsSync(p),
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
  };
}

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    fileIo(
      (s) => out.push(s),
      (s) => err.push(s),
    ),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A temporary folder for one test file, and a way to save workbooks into it. */
export function tempFolder(prefix: string) {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name: string) => path.join(dir, name),
    async save(name: string, wb: ExcelJS.Workbook): Promise<string> {
      const p = path.join(dir, name);
      await wb.xlsx.writeFile(p);
      return p;
    },
  };
}
