/**
 * The hostile workbooks of test/support/hostileFiles.ts opened by LibreOffice: where the
 * command line reads a file, LibreOffice must read the same level in E7; where LibreOffice
 * reads something else (a hexadecimal number as 0, a damaged part as an empty sheet), the
 * difference is held here, beside the command line's error value or refusal.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { HOSTILE_FILES } from "../support/hostileFiles";
import { convertAll, makeProfile } from "./support/libreoffice";

const checked = HOSTILE_FILES.filter((h) => h.libreOfficeE7 !== undefined);
let dir: string;
let profile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-hostile-lo-"));
  profile = makeProfile();
  fs.mkdirSync(path.join(dir, "out"));
  const files = checked.map((h) => {
    const f = path.join(dir, h.name);
    fs.writeFileSync(f, h.build());
    return f;
  });
  convertAll(files, path.join(dir, "out"), profile);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

test.each(checked.map((h) => [h.name, h] as const))("%s in LibreOffice", async (name, h) => {
  const grid = await readWorkbook(path.join(dir, "out", name));
  const sheet = grid.sheets.find((s) => s.name === "Kertas Kerja")!;
  const e7 = sheet.values[6]?.[4] ?? null;
  if (h.libreOfficeE7 === "empty sheet") expect(sheet.values.length).toBe(0);
  else expect(e7).toBe(h.libreOfficeE7);
  // Where the command line reads the file, it reads what LibreOffice reads.
  if ("indexE" in h.expect && h.expect.indexE !== null) expect(e7).toBe(4);
});
